// A screening run: the pipeline from input records to a score stream.
//
//   load records (engine/load) -> screen entity names (engine/facts/party_screener.h, once per
//   entity) -> evaluate rules (engine/rules) -> aggregate (engine/score) -> write (engine/output)
//
// Shipments are streamed in shipment_id order and written as they are scored: memory holds one
// shipment plus a bounded cache of entity facts, never the whole input or output.
#ifndef CORRIDOR_ENGINE_SCREEN_SCREEN_RUN_H_
#define CORRIDOR_ENGINE_SCREEN_SCREEN_RUN_H_

#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/base/status.h"
#include "engine/load/records.h"
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
  // Entities whose facts (list matches) are kept in memory, shared by all threads; an evicted
  // entity is screened again when next named. The output does not depend on it.
  size_t entity_cache_size = 1000000;
  // Threads that evaluate rules. The output is the same for any number of threads.
  int threads = 1;
  // Screen only shard K of N (1 <= shard_index <= shard_count; 0 and 0: every shipment): the
  // shipments for which InShard() holds. `corridor merge` joins the shards' streams into the
  // stream of a whole run (docs/batch.md).
  int shard_index = 0;
  int shard_count = 0;
  // Write CLEAR shipments in full (evidence, categories); false: compactly
  // (scores::ShipmentScore.compact, docs/output.md). `corridor screen` writes them compactly
  // unless --full-evidence; callers of the library get full records unless they ask.
  bool full_evidence = true;
  // A previous score stream (delimited): screen again only the shipments whose input_digest
  // changed, carry the others over, unless the run as a whole changed (docs/batch.md, "Delta
  // runs"); and take the entity facts of its facts file (FactsPathFor(since_path)) for every
  // entity whose record did not change. The output is the same bytes as a full run's. Every run
  // that screens names into a file writes its own facts file beside out_path.
  std::string since_path;
  // Called once before the first shipment with the number of shipments the run will write.
  std::function<void(int64_t)> on_start;
  // Called after each shipment is written (progress reports, previews); may be empty.
  std::function<void(const scores::ShipmentScore&)> on_shipment;
};

// A loaded list and how old its import is (wall clock), for --summary-json.
struct ListAge {
  std::string list_id;
  std::string version;
  std::string imported_at;
  double age_days = -1;  // -1 when imported_at is missing or unreadable
};

struct ScreenReport {
  scores::StreamSummary summary;
  Decision worst = CLEAR;  // the highest decision reached by any shipment
  // What the run did, for progress reports and --summary-json; never written into the stream
  // (a stream does not depend on timings, shards or deltas).
  int64_t entities_screened = 0;   // entities whose names were screened (once each per run)
  int64_t names_searched = 0;      // their primary names and aliases
  double name_screen_seconds = 0;  // thread time spent screening them, summed over threads
  double setup_seconds = 0;        // rules, list index, until the first shipment is read
  // The setup's steps in order, wall seconds each: rules_and_header, name_index,
  // dependencies_and_facts, entity_screening, rule_preparation (what of the rules' preparation
  // did not overlap the steps before; its history scans start with the name index).
  std::vector<std::pair<std::string, double>> setup_steps;
  double total_seconds = 0;
  std::array<int64_t, 5> bytes_by_decision{};  // output bytes of shipment records, by Decision
  int64_t carried_over = 0;                    // --since: shipments copied from the previous stream
  int64_t rescreened = 0;                      // --since: shipments screened again
  std::string delta_note;  // --since: why everything was screened again, if it was
  // --since: entities whose facts came from the previous run's facts file (not screened), and why
  // the facts file could not be used, or only in part ("" when it was used whole).
  int64_t entities_reused = 0;
  // After a list update: entities whose previous facts were patched (searched against the
  // changed entries only), and what changed (ListChanges).
  int64_t entities_patched = 0;
  int64_t list_entries_changed = 0;
  int64_t list_words_changed = 0;
  std::string facts_note;
  std::vector<ListAge> lists;
};

// True when `shipment_id` belongs to shard `shard_index` of `shard_count`: the FNV-1a 64-bit hash
// of its bytes modulo shard_count is shard_index - 1. Always true when shard_count is 0. The
// hash is fixed (not std::hash), so every machine of a sharded job agrees.
bool InShard(std::string_view shipment_id, int shard_index, int shard_count);

class ShipmentDependencies;  // engine/screen/dependencies.h
struct RuleSet;              // engine/config/rule_set.h

// The digest written as ShipmentScore.input_digest: the first 8 bytes of a SHA-256 over every
// field of the loaded shipment, its parties with their entities (and aliases), items and legs,
// then what the shipment depends on beyond them (`dependencies`, may be null: the ownership rows
// up its parties' ownership chains and the decisions that can apply to it; nothing is added
// for a shipment that depends on none), then, with `rules` (prepared; may be null), what of the
// run-wide state of rules that read other shipments its findings can read
// (CompiledRule::AppendCrossShipmentState: the unit-value medians of its items, its parties'
// histories; nothing when no rule reads other shipments). The first form is the second without
// dependencies or rules.
uint64_t ShipmentInputDigest(const Shipment& shipment);
uint64_t ShipmentInputDigest(const Shipment& shipment, const ShipmentDependencies* dependencies,
                             const RuleSet* rules = nullptr);

// Runs the pipeline. Returns an error for setup failures (unreadable database, invalid rules,
// a rule that needs a list the database does not hold, unwritable output); then no output file
// is left behind. Problems in single records are written into the stream and never stop the run.
// Rule diagnostics, when the rules are invalid, are part of the error message, one per line.
Status RunScreen(const ScreenOptions& options, ScreenReport* report);

}  // namespace corridor

#endif  // CORRIDOR_ENGINE_SCREEN_SCREEN_RUN_H_
