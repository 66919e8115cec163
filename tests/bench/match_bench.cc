// Speed of name screening against all the reference lists (SDN, non-SDN, UN, CSL):
//   CORRIDOR_REFERENCE_DATA=../shared/data build-rel/match_bench [queries]
// Prints the time to build the index and the median, 90th and 99th percentile time of one
// Search() (limit 10, default threshold) on one core, over two sets of queries:
//  - perturbed and exact listed names, without facts;
//  - the batch's party names: the entities `corridor generate` writes (the corridor's naming
//    patterns, with kind, country and birth date), as `corridor screen` screens them. Until
//    2026-12-07 only listed names were timed here and with callgrind, and the name rules of ten
//    sessions made party names 3-5x slower unseen (docs/performance.md, "Names of the batch").
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "engine/generate/generate.h"
#include "engine/names/matcher.h"
#include "engine/store/database.h"
#include "tests/names_perturb.h"
#include "tests/names_reference_lists.h"

using namespace corridor;
using namespace corridor::names;

namespace {

// Times one Search() per query (limit 10, the default threshold) after a warm-up and prints the
// slowest queries and the distribution.
void TimeSearches(const char* label, const NameIndex& index,
                  const std::vector<NameQuery>& queries) {
  using Clock = std::chrono::steady_clock;
  std::printf("%s:\n", label);
  std::vector<NameMatch> matches;
  for (size_t i = 0; i < std::min<size_t>(100, queries.size()); ++i) {
    index.Search(queries[i], 10, index.options().threshold, &matches);
  }
  auto thread_cpu_micros = [] {
    timespec t;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return t.tv_sec * 1e6 + t.tv_nsec / 1e3;
  };
  std::vector<double> micros, cpu_micros;
  size_t hits = 0, errors = 0;
  for (const NameQuery& query : queries) {
    auto begin = Clock::now();
    double cpu_begin = thread_cpu_micros();
    Status s = index.Search(query, 10, index.options().threshold, &matches);
    cpu_micros.push_back(thread_cpu_micros() - cpu_begin);
    micros.push_back(std::chrono::duration<double, std::micro>(Clock::now() - begin).count());
    errors += s.ok() ? 0 : 1;
    hits += matches.empty() ? 0 : 1;
  }
  if (micros.empty()) return;
  std::vector<size_t> order(micros.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return micros[a] > micros[b]; });
  std::printf("slowest queries:\n");
  for (size_t i = 0; i < std::min<size_t>(5, order.size()); ++i) {
    std::printf("  %.0f us  %s\n", micros[order[i]], queries[order[i]].name.c_str());
  }
  std::sort(micros.begin(), micros.end());
  std::sort(cpu_micros.begin(), cpu_micros.end());
  double total = 0;
  for (double m : micros) total += m;
  auto at = [&](double q) { return micros[static_cast<size_t>(q * (micros.size() - 1))]; };
  std::printf(
      "search: %zu queries (%zu with a hit, %zu errors): median %.1f us, p90 %.1f us, "
      "p99 %.1f us, max %.1f us, mean %.1f us\n",
      micros.size(), hits, errors, at(0.5), at(0.9), at(0.99), micros.back(),
      total / micros.size());
  std::printf("search CPU time of the thread: median %.1f us, p90 %.1f us, p99 %.1f us\n",
              cpu_micros[cpu_micros.size() / 2], cpu_micros[cpu_micros.size() * 9 / 10],
              cpu_micros[cpu_micros.size() * 99 / 100]);
}

}  // namespace

int main(int argc, char** argv) {
  std::string folder = reference::DataFolder();
  if (folder.empty()) {
    std::printf("skipped: set CORRIDOR_REFERENCE_DATA to the reference data folder\n");
    return 0;
  }
  size_t query_count = argc > 1 ? std::stoul(argv[1]) : 5000;
  using Clock = std::chrono::steady_clock;
  auto start = Clock::now();
  std::vector<NameRecord> records = reference::LoadAllLists(folder);
  double parse_seconds = std::chrono::duration<double>(Clock::now() - start).count();
  start = Clock::now();
  std::unique_ptr<NameIndex> index;
  Status status = NameIndex::Build(records, MatcherOptions(), &index);
  double build_seconds = std::chrono::duration<double>(Clock::now() - start).count();
  if (!status.ok()) {
    std::printf("build failed: %s\n", status.message().c_str());
    return 1;
  }
  std::printf("lists: %zu names read in %.2f s; index built in %.2f s\n", records.size(),
              parse_seconds, build_seconds);
  double load[1] = {0};
  if (getloadavg(load, 1) == 1) std::printf("machine load average: %.2f\n", load[0]);

  // Queries: listed names, half of them perturbed, drawn over all lists.
  std::mt19937 random(42);
  std::vector<std::string> queries;
  const reference::Perturbation kinds[] = {
      reference::Perturbation::kTypo, reference::Perturbation::kDropMiddle,
      reference::Perturbation::kReorder, reference::Perturbation::kTransliteration,
      reference::Perturbation::kLegalForm};
  while (queries.size() < query_count) {
    const NameRecord& record = index->records()[random() % index->records().size()];
    std::string name = record.name;
    if (queries.size() % 2 == 1) {
      std::string perturbed =
          reference::Perturb(name, kinds[random() % 5], record.kind == "organization", &random);
      if (!perturbed.empty()) name = perturbed;
    }
    queries.push_back(name);
  }
  std::vector<NameQuery> listed;
  for (const std::string& name : queries) {
    NameQuery query;
    query.name = name;
    listed.push_back(query);
  }
  TimeSearches("listed names, half perturbed, no facts", *index, listed);

  // The batch's party names: a generated database's entities, one per query.
  char path[] = "/tmp/corridor-match-bench-XXXXXX";
  int fd = mkstemp(path);
  if (fd < 0) return 1;
  close(fd);
  GenerateOptions options;
  options.db_path = path;
  options.shipments = 1;
  options.entities = static_cast<int64_t>(std::max<size_t>(10, query_count));
  options.force = true;
  GenerateReport report;
  status = GenerateDatabase(options, &report);
  std::vector<NameQuery> parties;
  std::unique_ptr<Database> db;
  if (status.ok()) status = Database::OpenReadOnly(path, &db);
  std::unique_ptr<Statement> rows;
  if (status.ok()) {
    status = db->Prepare(
        "SELECT name, kind, ifnull(country, ''), ifnull(birth_date, '') FROM entity"
        " ORDER BY rowid",
        &rows);
  }
  while (status.ok() && rows->Step()) {
    parties.push_back({rows->Text(0), rows->Text(1), rows->Text(2), rows->Text(3), ""});
  }
  rows.reset();
  db.reset();
  std::remove(path);
  if (!status.ok()) {
    std::printf("generating party names failed: %s\n", status.message().c_str());
    return 1;
  }
  TimeSearches("party names of `corridor generate`, with kind, country and birth date", *index,
               parties);
  return 0;
}
