// corridor import-incidents --db FILE --format acled --path FILE.csv
#include <iostream>

#include "engine/cli/commands.h"
#include "engine/cli/subcommands.h"
#include "engine/incidents/acled_import.h"

namespace corridor::cli {

namespace po = boost::program_options;

int RunImportIncidents(const std::vector<std::string>& args) {
  po::options_description options("import-incidents options");
  std::string db_path, format, path;
  options.add_options()("help,h", "show this help")(
      "db", po::value<std::string>(&db_path)->required(), "input database to load incidents into")(
      "format", po::value<std::string>(&format)->required(),
      "file layout: acled (ACLED event export, CSV; docs/incidents.md)")(
      "path", po::value<std::string>(&path)->required(), "the file to import");
  po::variables_map values;
  int exit_code = kExitOk;
  if (!ParseOptions("import-incidents", options, args, &values, &exit_code)) return exit_code;
  if (format != "acled") {
    std::cerr << "corridor import-incidents: unknown --format '" << format << "' (acled)\n";
    return kExitUsage;
  }
  IncidentImportReport report;
  Status status = ImportAcledIncidents(db_path, path, &report);
  if (!status.ok()) {
    std::cerr << "corridor import-incidents: " << status.message() << "\n";
    return kExitSetupError;
  }
  for (const std::string& reject : report.rejects) std::cerr << reject << "\n";
  std::cout << "imported " << path << " into " << db_path << ": " << report.rows << " rows, "
            << report.added << " added, " << report.updated << " updated, " << report.unchanged
            << " unchanged, " << report.rejected << " rejected";
  if (report.without_region > 0) {
    std::cout << " (" << report.without_region << " without an ISO 3166-2 region)";
  }
  std::cout << "\n";
  return kExitOk;
}

}  // namespace corridor::cli
