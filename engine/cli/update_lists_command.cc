// corridor update-lists --db FILE --sources FILE [--list ID]... [--allow-older] [--force]
//                       [--max-removed-share S] [--max-file-bytes N] [--timeout SECONDS]
#include <iostream>
#include <memory>

#include "engine/cli/commands.h"
#include "engine/cli/subcommands.h"
#include "engine/fetch/update.h"
#include "engine/store/database.h"

namespace corridor::cli {

namespace po = boost::program_options;

namespace {

void PrintResult(const ListUpdateResult& result) {
  if (!result.status.ok()) {
    std::cout << result.list_id << ": FAILED, left as it was: " << result.status.message() << "\n";
    return;
  }
  bool first = true;
  for (const ListImportSummary& list : result.report.lists) {
    const std::string version = list.version.empty() ? "unknown" : list.version;
    if (list.unchanged) {
      std::cout << list.list_id << ": unchanged, version " << version << ", " << list.entries
                << " entries (the loaded files again; nothing written)";
    } else {
      std::cout << list.list_id << ": updated, version " << version << ", " << list.entries
                << " entries; " << list.added << " added, " << list.removed << " removed, "
                << list.changed << " changed; " << list.rejects.size() << " rejected";
    }
    // One download can hold several lists (csl-csv): its size is told once.
    if (result.bytes > 0 && first) std::cout << " (" << result.bytes << " bytes fetched)";
    first = false;
    std::cout << "\n";
    for (const std::string& note : list.notes) std::cout << "  note: " << note << "\n";
  }
}

}  // namespace

int RunUpdateLists(const std::vector<std::string>& args) {
  po::options_description options("update-lists options");
  UpdateOptions update;
  std::string db_path;
  options.add_options()("help,h", "show this help")(
      "db", po::value<std::string>(&db_path)->required(),
      "input database (created with the corridor schema when new)")(
      "sources", po::value<std::string>(&update.sources_path)->required(),
      "sources file naming each list: list_id, format, url or path, publisher (docs/lists.md)")(
      "list", po::value<std::vector<std::string>>(&update.only_lists)->composing(),
      "update only this list id of the sources file (repeatable)")(
      "allow-older", po::bool_switch(&update.allow_older),
      "accept a version older than the one loaded")(
      "force", po::bool_switch(&update.force),
      "accept a file that ends mid-record, an empty list, another format than the list's, or "
      "more removals than --max-removed-share")(
      "max-removed-share", po::value<double>(&update.max_removed_share)->default_value(0.10),
      "largest share of the loaded entries one update may remove")(
      "max-file-bytes",
      po::value<int64_t>(&update.fetch.max_bytes)->default_value(int64_t{512} << 20),
      "largest file fetched or read")(
      "timeout", po::value<long>(&update.fetch.timeout_seconds)->default_value(900),
      "seconds one download may take in all")(
      "connect-timeout", po::value<long>(&update.fetch.connect_timeout_seconds)->default_value(30),
      "seconds to wait for a connection");
  po::variables_map values;
  int exit_code = kExitOk;
  if (!ParseOptions("update-lists", options, args, &values, &exit_code)) return exit_code;

  // Options and the sources file first: a mistake there creates no database.
  Diagnostics diagnostics;
  std::vector<ListSourceSpec> specs;
  Status status = CheckUpdate(update, &specs, &diagnostics);
  for (const Diagnostic& diagnostic : diagnostics) std::cerr << diagnostic.ToString() << "\n";
  if (!status.ok()) return Fail("update-lists", status);
  diagnostics.clear();

  std::unique_ptr<Database> db;
  status = Database::OpenWritable(db_path, &db);
  bool has_schema = false;
  if (status.ok()) status = db->HasTable("list_entry", &has_schema);
  if (status.ok() && !has_schema) status = CreateInputSchema(db.get());
  UpdateReport report;
  if (status.ok()) status = UpdateLists(db.get(), update, &report, &diagnostics);
  for (const Diagnostic& diagnostic : diagnostics) std::cerr << diagnostic.ToString() << "\n";
  if (!status.ok()) return Fail("update-lists", status);
  for (const ListUpdateResult& result : report.lists) PrintResult(result);
  if (report.failed > 0) {
    const size_t total = report.lists.size();
    std::cerr << "corridor update-lists: " << report.failed << " of " << total
              << " lists failed and were left as they were"
              << (static_cast<size_t>(report.failed) == total ? "" : "; the others were updated")
              << "\n";
    return kExitListsFailed;
  }
  return kExitOk;
}

}  // namespace corridor::cli
