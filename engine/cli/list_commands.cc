// corridor import-list --db FILE --format FORMAT --path PATH [--list-id ID] [--version V]
// corridor lists --db FILE [--changes LIST_ID]
#include <iomanip>
#include <iostream>
#include <memory>

#include "engine/base/strings.h"
#include "engine/cli/commands.h"
#include "engine/cli/subcommands.h"
#include "engine/lists/import.h"
#include "engine/store/database.h"

namespace corridor::cli {

namespace po = boost::program_options;

namespace {

constexpr size_t kReasonsShown = 5;

}  // namespace

int RunImportList(const std::vector<std::string>& args) {
  po::options_description options("import-list options");
  ImportOptions import;
  std::string db_path;
  options.add_options()("help,h", "show this help")(
      "db", po::value<std::string>(&db_path)->required(),
      "input database (created with the corridor schema when new)")(
      "format", po::value<std::string>(&import.format)->required(),
      ("list format: " + Join(ListFormats(), ", ")).c_str())(
      "path", po::value<std::string>(&import.path)->required(),
      "the list's file, or folder for ofac-csv")(
      "list-id", po::value<std::string>(&import.list_id),
      "list id to store it under (default: the format's, e.g. ofac-sdn)")(
      "version", po::value<std::string>(&import.version),
      "publication date or version, for formats whose files carry none");
  po::variables_map values;
  int exit_code = kExitOk;
  if (!ParseOptions("import-list", options, args, &values, &exit_code)) return exit_code;

  std::unique_ptr<Database> db;
  Status status = Database::OpenWritable(db_path, &db);
  if (status.ok() && !db->HasTable("list_entry")) status = CreateInputSchema(db.get());
  ImportReport report;
  if (status.ok()) status = ImportList(db.get(), import, &report);
  if (!status.ok()) {
    std::cerr << "corridor import-list: " << status.message() << "\n";
    return kExitSetupError;
  }
  for (const ListImportSummary& list : report.lists) {
    std::cout << list.list_id << ": " << list.entries << " entries, " << list.aliases
              << " aliases, " << list.addresses << " addresses, " << list.links << " links, "
              << list.identifiers << " identifiers, " << list.attributes << " attributes; "
              << list.added << " added, " << list.removed << " removed, " << list.changed
              << " changed; " << list.rejects.size() << " rejected\n";
    for (size_t i = 0; i < list.rejects.size() && i < kReasonsShown; ++i) {
      std::cout << "  " << list.rejects[i].location << ": " << list.rejects[i].reason << "\n";
    }
    if (list.rejects.size() > kReasonsShown) {
      std::cout << "  ... " << list.rejects.size() - kReasonsShown << " more (corridor lists --db "
                << db_path << ")\n";
    }
  }
  return kExitOk;
}

int RunLists(const std::vector<std::string>& args) {
  po::options_description options("lists options");
  std::string db_path, changes;
  options.add_options()("help,h", "show this help")(
      "db", po::value<std::string>(&db_path)->required(), "input database")(
      "changes", po::value<std::string>(&changes),
      "print the latest change set of this list id instead");
  po::variables_map values;
  int exit_code = kExitOk;
  if (!ParseOptions("lists", options, args, &values, &exit_code)) return exit_code;

  std::unique_ptr<Database> db;
  Status status = Database::OpenReadOnly(db_path, &db);
  if (status.ok() && !db->HasTable("list_source")) {
    status = Status::Error(db_path + ": holds no corridor input schema");
  }
  if (!status.ok()) {
    std::cerr << "corridor lists: " << status.message() << "\n";
    return kExitSetupError;
  }
  std::unique_ptr<Statement> query;
  if (!changes.empty()) {
    status = db->Prepare(
        "SELECT i.import_id, i.imported_at, i.version, i.added_count, i.removed_count, "
        "i.changed_count FROM list_import i WHERE i.list_id = ?1 ORDER BY i.import_id DESC "
        "LIMIT 1",
        &query);
    if (!status.ok()) {
      std::cerr << "corridor lists: " << status.message() << "\n";
      return kExitSetupError;
    }
    query->BindText(1, changes);
    if (!query->Step()) {
      std::cerr << "corridor lists: no import of list '" << changes << "' in " << db_path << "\n";
      return kExitSetupError;
    }
    int64_t import_id = query->Int(0);
    std::cout << "list " << changes << ", import " << import_id << " at " << query->Text(1)
              << " (version " << (query->IsNull(2) ? "unknown" : query->Text(2))
              << "): " << query->Int(3) << " added, " << query->Int(4) << " removed, "
              << query->Int(5) << " changed\n";
    std::unique_ptr<Statement> rows;
    status = db->Prepare(
        "SELECT change, entry_id, name FROM list_change WHERE import_id = ?1 "
        "ORDER BY change, entry_id",
        &rows);
    if (!status.ok()) {
      std::cerr << "corridor lists: " << status.message() << "\n";
      return kExitSetupError;
    }
    rows->BindInt(1, import_id);
    while (rows->Step()) {
      std::cout << std::left << std::setw(8) << rows->Text(0) << " " << std::setw(12)
                << rows->Text(1) << " " << rows->Text(2) << "\n";
    }
    return kExitOk;
  }

  status = db->Prepare(
      "SELECT list_id, publisher, version, sha256, entry_count, alias_count, address_count, "
      "link_count, imported_at, rejected_count FROM list_source ORDER BY list_id",
      &query);
  if (!status.ok()) {
    std::cerr << "corridor lists: " << status.message() << "\n";
    return kExitSetupError;
  }
  std::cout << std::left << std::setw(16) << "list" << std::setw(27) << "publisher" << std::setw(12)
            << "version" << std::setw(14) << "sha256" << std::right << std::setw(8) << "entries"
            << std::setw(8) << "aliases" << std::setw(10) << "addresses" << std::setw(7) << "links"
            << "  " << std::left << std::setw(21) << "imported"
            << "rejected\n";
  std::unique_ptr<Statement> rejects;
  status = db->Prepare(
      "SELECT location, reason FROM list_reject WHERE import_id = (SELECT max(import_id) FROM "
      "list_import WHERE list_id = ?1) ORDER BY rowid LIMIT ?2",
      &rejects);
  if (!status.ok()) {
    std::cerr << "corridor lists: " << status.message() << "\n";
    return kExitSetupError;
  }
  while (query->Step()) {
    std::string sha = query->Text(3).substr(0, 12);
    std::cout << std::left << std::setw(16) << query->Text(0) << std::setw(27)
              << query->Text(1).substr(0, 26) << std::setw(12)
              << (query->IsNull(2) ? "-" : query->Text(2).substr(0, 11)) << std::setw(14) << sha
              << std::right << std::setw(8) << query->Int(4) << std::setw(8) << query->Int(5)
              << std::setw(10) << query->Int(6) << std::setw(7) << query->Int(7) << "  "
              << std::left << std::setw(21) << query->Text(8) << query->Int(9) << "\n";
    rejects->Reset();
    rejects->BindText(1, query->Text(0));
    rejects->BindInt(2, static_cast<int64_t>(kReasonsShown));
    while (rejects->Step()) {
      std::cout << "    " << rejects->Text(0) << ": " << rejects->Text(1) << "\n";
    }
  }
  if (!query->status().ok()) {
    std::cerr << "corridor lists: " << query->status().message() << "\n";
    return kExitSetupError;
  }
  return kExitOk;
}

}  // namespace corridor::cli
