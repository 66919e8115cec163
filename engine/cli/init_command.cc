// corridor init --db FILE
#include <iostream>
#include <memory>

#include "engine/cli/commands.h"
#include "engine/cli/subcommands.h"
#include "engine/store/database.h"

namespace corridor::cli {

namespace po = boost::program_options;

int RunInit(const std::vector<std::string>& args) {
  po::options_description options("init options");
  std::string db_path;
  options.add_options()("help,h", "show this help")(
      "db", po::value<std::string>(&db_path)->required(), "database file to create");
  po::variables_map values;
  int exit_code = kExitOk;
  if (!ParseOptions("init", options, args, &values, &exit_code)) return exit_code;

  std::unique_ptr<Database> db;
  Status status = Database::OpenWritable(db_path, &db);
  bool has_schema = false;
  int64_t version = 0;
  if (status.ok()) status = db->HasTable("entity", &has_schema);
  if (status.ok() && has_schema) status = db->UserVersion(&version);
  if (status.ok() && has_schema) {
    status = Status::Error(db_path + ": already holds a corridor schema (version " +
                           std::to_string(version) + ")");
  }
  if (status.ok()) status = CreateInputSchema(db.get());
  if (!status.ok()) {
    std::cerr << "corridor init: " << status.message() << "\n";
    return kExitSetupError;
  }
  std::cout << "created " << db_path << " (schema version " << kInputSchemaVersion << ")\n";
  return kExitOk;
}

}  // namespace corridor::cli
