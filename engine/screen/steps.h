// Steps the batch run (screen_run.cc) and the in-memory scorer (screen_one.cc) share, so that a
// shipment posted to `corridor serve` is scored exactly as the batch scores its rows.
#ifndef CORRIDOR_ENGINE_SCREEN_STEPS_H_
#define CORRIDOR_ENGINE_SCREEN_STEPS_H_

#include <set>
#include <string>
#include <vector>

#include "engine/base/data_problem.h"
#include "engine/base/status.h"
#include "engine/facts/entity_facts.h"
#include "engine/load/records.h"
#include "engine/score/aggregate.h"
#include "engine/store/database.h"
#include "schemas/rules.pb.h"
#include "schemas/scores.pb.h"

namespace corridor {

namespace decisions {
class ReviewBook;
}

void ToProto(const DataProblem& problem, scores::DataProblem* out);

// Every loaded list's id, version, digest and entry count into the header; `loaded` gets the ids.
Status ReadListVersions(Database* db, scores::StreamHeader* header, std::set<std::string>* loaded);

// Why `party` cannot be screened, or "" when it can.
std::string Unscreenable(const ShipmentParty& party, const EntityFacts* facts, bool names_screened);

// The built-in `unscreenable_party` rule (docs/scoring.md), its floor from the scoring config.
rules::Rule UnscreenableRule(const rules::ScoringConfig& scoring);

// Moves the evidence a cleared decision or an allow-list entry suppresses out of `hits` into
// the suppressed hits it returns, each with the floor its evidence stood for; a hit left without
// evidence is dropped. `reviews` may be null (no decisions, no allow-lists).
std::vector<scores::RuleHit> SuppressReviewed(const decisions::ReviewBook* reviews,
                                              const Shipment& shipment,
                                              std::vector<RuleHitInput>* hits);

}  // namespace corridor

#endif  // CORRIDOR_ENGINE_SCREEN_STEPS_H_
