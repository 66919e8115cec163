// A screening run: the pipeline from input records to a score stream.
//
//   load records (engine/load) -> screen entity names (engine/facts/party_screener.h, once per
//   entity) -> evaluate rules (engine/rules) -> aggregate (engine/score) -> write (engine/output)
//
// Shipments are streamed in shipment_id order and written as they are scored: memory holds one
// shipment plus a bounded cache of entity facts, never the whole input or output.
#ifndef CORRIDOR_ENGINE_SCREEN_SCREEN_RUN_H_
#define CORRIDOR_ENGINE_SCREEN_SCREEN_RUN_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "engine/base/status.h"
#include "engine/output/score_stream.h"
#include "schemas/common.pb.h"
#include "schemas/scores.pb.h"

namespace corridor {

struct ScreenOptions {
  std::string db_path;
  std::string rules_dir;
  std::string out_path;
  ScoreFormat format = ScoreFormat::kDelimited;
  std::vector<std::string> shipment_ids;  // empty: every shipment
  std::string as_of;                      // YYYY-MM-DD; REQUIRES: set
  size_t entity_cache_size = 200000;      // entity facts kept in memory (per thread)
  // Threads that evaluate rules. The output is the same for any number of threads.
  int threads = 1;
  // Called after each shipment is written (progress reports, previews); may be empty.
  std::function<void(const scores::ShipmentScore&)> on_shipment;
};

struct ScreenReport {
  scores::StreamSummary summary;
  Decision worst = CLEAR;  // the highest decision reached by any shipment
};

// Runs the pipeline. Returns an error for setup failures (unreadable database, invalid rules,
// a rule that needs a list the database does not hold, unwritable output); then no output file
// is left behind. Problems in single records are written into the stream and never stop the run.
// Rule diagnostics, when the rules are invalid, are part of the error message, one per line.
Status RunScreen(const ScreenOptions& options, ScreenReport* report);

}  // namespace corridor

#endif  // CORRIDOR_ENGINE_SCREEN_SCREEN_RUN_H_
