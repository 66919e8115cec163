// corridor import-list --db FILE --format FORMAT --path PATH [--list-id ID] [--version V]
//                      [--allow-older] [--force] [--max-removed-share S] [--max-file-bytes N]
// corridor lists --db FILE [--changes LIST_ID]
#include <iomanip>
#include <iostream>
#include <memory>

#include "engine/base/strings.h"
#include "engine/cli/commands.h"
#include "engine/cli/subcommands.h"
#include "engine/lists/catalog.h"
#include "engine/lists/import.h"
#include "engine/store/database.h"

namespace corridor::cli {

namespace po = boost::program_options;

namespace {

constexpr size_t kReasonsShown = 5;

void PrintImport(const ListImportSummary& list, const std::string& db_path) {
  std::cout << list.list_id << ": " << list.entries << " entries, " << list.aliases << " aliases, "
            << list.addresses << " addresses, " << list.links << " links, " << list.identifiers
            << " identifiers, " << list.attributes << " attributes; " << list.added << " added, "
            << list.removed << " removed, " << list.changed << " changed; " << list.rejects.size()
            << " rejected"
            << (list.unchanged ? " (unchanged: the loaded files again; nothing written)" : "")
            << "\n";
  for (const std::string& note : list.notes) std::cout << "  note: " << note << "\n";
  for (size_t i = 0; i < list.rejects.size() && i < kReasonsShown; ++i) {
    std::cout << "  " << list.rejects[i].location << ": " << list.rejects[i].reason << "\n";
  }
  if (list.rejects.size() > kReasonsShown) {
    std::cout << "  ... " << list.rejects.size() - kReasonsShown << " more (corridor lists --db "
              << db_path << ")\n";
  }
}

int PrintChanges(Database* db, const std::string& list_id) {
  ListChangeSet changes;
  Status status = ReadLatestChanges(db, list_id, &changes);
  if (!status.ok()) return Fail("lists", status);
  std::cout << "list " << list_id << ", import " << changes.import_id << " at "
            << changes.imported_at << " (version "
            << (changes.version.empty() ? "unknown" : changes.version) << "): " << changes.added
            << " added, " << changes.removed << " removed, " << changes.changed << " changed\n";
  for (const ListChange& change : changes.changes) {
    // Names and ids as ShownText shows them: an entry named "X\nremoved 7 Alpha" forged a removal
    // row, and ESC sequences reached the terminal (from a review, 2026-12-08).
    std::cout << std::left << std::setw(8) << change.change << " " << std::setw(12)
              << ShownText(change.entry_id) << " " << ShownText(change.name) << "\n";
  }
  return kExitOk;
}

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
      "list id to store it under (default: the format's, e.g. ofac-sdn; required for csv and "
      "ftm-json)")("version", po::value<std::string>(&import.version),
                   "publication date or version, for formats whose files carry none")(
      "allow-older", po::bool_switch(&import.allow_older),
      "accept a version older than the one loaded")(
      "force", po::bool_switch(&import.force),
      "accept a file that ends mid-record, an empty list, another format than the list's, or "
      "more removals than --max-removed-share")(
      "max-removed-share", po::value<double>(&import.max_removed_share)->default_value(0.10),
      "largest share of the loaded entries one import may remove")(
      "max-file-bytes",
      po::value<int64_t>(&import.max_file_bytes)->default_value(int64_t{512} << 20),
      "largest file read");
  po::variables_map values;
  int exit_code = kExitOk;
  if (!ParseOptions("import-list", options, args, &values, &exit_code)) return exit_code;

  // Usage mistakes are reported before the database is created or opened.
  Status status = CheckImportOptions(import);
  if (!status.ok()) return Fail("import-list", status);
  std::unique_ptr<Database> db;
  status = Database::OpenWritable(db_path, &db);
  bool has_schema = false;
  if (status.ok()) status = db->HasTable("list_entry", &has_schema);
  if (status.ok() && !has_schema) status = CreateInputSchema(db.get());
  ImportReport report;
  if (status.ok()) status = ImportList(db.get(), import, &report);
  if (!status.ok()) return Fail("import-list", status);
  for (const ListImportSummary& list : report.lists) PrintImport(list, db_path);
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
  if (!status.ok()) return Fail("lists", status);
  if (!changes.empty()) return PrintChanges(db.get(), changes);

  std::vector<LoadedListInfo> lists;
  status = ReadLoadedLists(db.get(), kReasonsShown, &lists);
  if (!status.ok()) return Fail("lists", status);
  std::cout << std::left << std::setw(16) << "list" << std::setw(27) << "publisher" << std::setw(12)
            << "version" << std::setw(14) << "sha256" << std::right << std::setw(8) << "entries"
            << std::setw(8) << "aliases" << std::setw(10) << "addresses" << std::setw(7) << "links"
            << "  " << std::left << std::setw(21) << "imported" << std::setw(9) << "rejected"
            << "unscreenable\n";
  for (const LoadedListInfo& list : lists) {
    std::cout << std::left << std::setw(16) << list.list_id << std::setw(27)
              << list.publisher.substr(0, 26) << std::setw(12)
              << (list.version.empty() ? "-" : list.version.substr(0, 11)) << std::setw(14)
              << list.sha256.substr(0, 12) << std::right << std::setw(8) << list.entries
              << std::setw(8) << list.aliases << std::setw(10) << list.addresses << std::setw(7)
              << list.links << "  " << std::left << std::setw(21) << list.imported_at
              << std::setw(9) << list.rejected << list.unscreenable << "\n";
    for (const ListReject& reject : list.rejects) {
      std::cout << "    " << reject.location << ": " << reject.reason << "\n";
    }
    // Names screening cannot match: a party listed only under one of these is never found.
    for (const ListReject& name : list.unscreenable_examples) {
      std::cout << "    unscreenable " << name.location << ": " << name.reason << "\n";
    }
  }
  return kExitOk;
}

}  // namespace corridor::cli
