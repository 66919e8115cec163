// Imports the full OFAC SDN set (sdn.csv, add.csv, alt.csv, sdn_comments.csv) into a fresh
// on-disk database, then again over itself (the replace-and-diff path), and prints the times.
//
//   import_bench [FOLDER]    FOLDER defaults to $CORRIDOR_REFERENCE_DATA/lists/ofac_sdn
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "engine/lists/import.h"
#include "engine/store/database.h"

namespace {

double Seconds(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  std::string folder;
  if (argc > 1) {
    folder = argv[1];
  } else if (const char* data = std::getenv("CORRIDOR_REFERENCE_DATA")) {
    folder = std::string(data) + "/lists/ofac_sdn";
  } else {
    std::fprintf(stderr, "usage: import_bench FOLDER (or set CORRIDOR_REFERENCE_DATA)\n");
    return 2;
  }
  const int kRuns = 5;
  const std::string path =
      (std::filesystem::temp_directory_path() / "corridor_import_bench.db").string();
  std::vector<double> fresh, replace, fresh_cpu;
  corridor::ImportReport report;
  for (int run = 0; run < kRuns; ++run) {
    std::filesystem::remove(path);
    std::unique_ptr<corridor::Database> db;
    corridor::Status status = corridor::Database::OpenWritable(path, &db);
    if (status.ok()) status = corridor::CreateInputSchema(db.get());
    corridor::ImportOptions options;
    options.format = "ofac-csv";
    options.path = folder;
    auto start = std::chrono::steady_clock::now();
    std::clock_t cpu_start = std::clock();
    if (status.ok()) status = corridor::ImportList(db.get(), options, &report);
    fresh.push_back(Seconds(start));
    fresh_cpu.push_back(static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC);
    start = std::chrono::steady_clock::now();
    if (status.ok()) status = corridor::ImportList(db.get(), options, &report);
    replace.push_back(Seconds(start));
    if (!status.ok()) {
      std::fprintf(stderr, "import_bench: %s\n", status.message().c_str());
      return 1;
    }
  }
  std::filesystem::remove(path);
  std::sort(fresh.begin(), fresh.end());
  std::sort(replace.begin(), replace.end());
  std::sort(fresh_cpu.begin(), fresh_cpu.end());
  const corridor::ListImportSummary& list = report.lists[0];
  std::printf(
      "ofac-csv %s: %lld entries, %lld aliases, %lld addresses, %lld links, "
      "%lld identifiers, %lld attributes, %zu rejected\n",
      folder.c_str(), static_cast<long long>(list.entries), static_cast<long long>(list.aliases),
      static_cast<long long>(list.addresses), static_cast<long long>(list.links),
      static_cast<long long>(list.identifiers), static_cast<long long>(list.attributes),
      list.rejects.size());
  std::printf("import into a new database:      median %.3f s, min %.3f s (%d runs)\n",
              fresh[kRuns / 2], fresh[0], kRuns);
  std::printf("  of which CPU time:              median %.3f s, min %.3f s\n", fresh_cpu[kRuns / 2],
              fresh_cpu[0]);
  std::printf("re-import over itself (diff):    median %.3f s, min %.3f s (%d runs)\n",
              replace[kRuns / 2], replace[0], kRuns);
  return 0;
}
