// Synthetic company databases for tests and benchmarks: `corridor generate`.
//
// GenerateDatabase writes entities (persons and companies named after the corridor's naming
// patterns), an ownership graph with chains, and shipments with parties, goods lines and route
// legs into a database in the input schema (schemas/input.sql). A small share of the parties
// carry the name of a real list entry or a misspelling of one, so that screening the result
// yields a few REVIEW, HOLD and BLOCK decisions among a majority of CLEAR ones.
//
// Deterministic: the same options on the same starting file give a byte-identical database
// (one std::mt19937_64 seeded from `seed`, no clock, rows written in key order in one
// transaction). docs/performance.md ("Batch benchmark") has the figures.
#ifndef CORRIDOR_ENGINE_GENERATE_GENERATE_H_
#define CORRIDOR_ENGINE_GENERATE_GENERATE_H_

#include <cstdint>
#include <string>

#include "engine/base/status.h"

namespace corridor {

// The largest counts generate accepts: ten times the benchmark's largest run.
inline constexpr int64_t kMaxGenerateShipments = 100'000'000;
inline constexpr int64_t kMaxGenerateEntities = 20'000'000;

struct GenerateOptions {
  std::string db_path;
  int64_t shipments = 0;  // REQUIRES: 1..kMaxGenerateShipments
  int64_t entities = 0;   // REQUIRES: 10..kMaxGenerateEntities
  uint64_t seed = 1;
  double listed_share = 0.005;  // share of entities named after list entries, 0..1
  // Replace an existing file that holds company records or is not a corridor database.
  bool force = false;
};

struct GenerateReport {
  int64_t entities = 0;
  int64_t persons = 0;
  int64_t companies = 0;
  int64_t ownership_links = 0;
  int64_t shipments = 0;
  int64_t parties = 0;
  int64_t items = 0;
  int64_t legs = 0;
  int64_t listed_entities = 0;      // named after a list entry (exactly or misspelt)
  bool names_from_database = true;  // false: the built-in set of public SDN names was used
};

// Writes the database. The file may be absent, empty, or a corridor database that holds watch
// lists but no company records (made by `init` and `import-list`): then the listed names are
// drawn from its own list_entry table and the lists are kept. Any other existing file is
// refused (Status::Refused) unless options.force, which deletes it first. Bad options are
// Status::Usage. On failure nothing is committed.
Status GenerateDatabase(const GenerateOptions& options, GenerateReport* report);

}  // namespace corridor

#endif  // CORRIDOR_ENGINE_GENERATE_GENERATE_H_
