// Screening one shipment held in memory with the engine of the batch (screen_run.h): the rules
// compiled, the lists indexed and the run-wide resources (ownership world, incidents) prepared
// once by Load(); then Score() per shipment, from any number of threads, without reading
// shipments from or writing anything to the database. `corridor serve` (engine/serve/) keeps one
// and swaps it for a fresh one after a list import.
//
//   std::unique_ptr<ShipmentScorer> scorer;
//   Status s = ShipmentScorer::Load({"corridor.db", "rules", "2026-12-01"}, &scorer);
//   Shipment shipment = ...;                      // parties with their entities, items, legs
//   scores::ShipmentScore score;
//   scorer->Score(std::move(shipment), &score);
//
// A party is scored from the Entity it carries (ShipmentParty::entity): its name, aliases and
// facts are screened against the lists; its entity_id links it to the database's ownership
// records only when the database holds an entity with that id. The result is what the batch
// writes for the same records (tests/serve_screen_test.cc checks every sample shipment).
#ifndef CORRIDOR_ENGINE_SCREEN_SCREEN_ONE_H_
#define CORRIDOR_ENGINE_SCREEN_SCREEN_ONE_H_

#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "engine/base/status.h"
#include "engine/load/records.h"
#include "engine/names/matcher.h"
#include "schemas/scores.pb.h"

namespace corridor {

namespace decisions {
class ReviewBook;
}

class ShipmentScorer {
 public:
  struct Options {
    std::string db_path;
    std::string rules_dir;
    std::string as_of;  // YYYY-MM-DD; REQUIRES: set
  };
  // Compiles the rules, opens the database read-only, indexes the lists and prepares every rule.
  // Errors as RunScreen's setup errors (invalid rules, unreadable database, a rule that needs a
  // list the database lacks).
  static Status Load(const Options& options, std::unique_ptr<ShipmentScorer>* out);
  ~ShipmentScorer();

  // Scores `shipment` (its parties are ordered as the batch orders them: role, entity_id) and
  // fills `out` with the shipment id, score, decision, hits and the shipment's problems plus
  // those met screening its parties. Thread-safe.
  void Score(Shipment shipment, scores::ShipmentScore* out) const;

  // What a score stream's header would say: engine, rules digest, rules, as_of, lists.
  const scores::StreamHeader& header() const { return header_; }
  // The index over every list name (null when the database holds no list), built with the rule
  // set's name_matching weights; `corridor serve` answers /match with it.
  const names::NameIndex* name_index() const;

  // desk: the lists the rule set marks ALLOW that the database holds (never a source of hits;
  // name_index() indexes them too, so /match must leave them out), and the recorded decisions
  // and allow entries Score() applies.
  const std::set<std::string>& allow_lists() const;
  const decisions::ReviewBook& reviews() const;

 private:
  struct State;
  ShipmentScorer();
  std::unique_ptr<State> state_;
  scores::StreamHeader header_;
};

}  // namespace corridor

#endif  // CORRIDOR_ENGINE_SCREEN_SCREEN_ONE_H_
