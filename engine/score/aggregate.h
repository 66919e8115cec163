// Turning rule hits into a shipment's score, band and decision (docs/scoring.md).
//
// Each rule that hits contributes its weight w (0..100): the strongest weight among its evidence.
// Hits combine as independent risks, strongest first:
//     score' = score + (100 - score) * w / 100
// so the score stays within 0..100, a further hit never lowers it (monotone), and the order of
// evaluation does not matter. Each hit's contribution is what it added in that order; the
// contributions sum to the score. The decision is the stricter of the score's threshold
// decision and the highest decision floor among the hits.
//
// A hit whose evidence all rests on uncorroborated short names (Evidence::uncorroborated_name: a
// listed person's namesake) may alert but never hold or block: its floor is at most REVIEW, and
// the threshold decision is taken on the score without such hits, that of the full score counting
// up to REVIEW only. The score shown is the full score.
#ifndef CORRIDOR_ENGINE_SCORE_AGGREGATE_H_
#define CORRIDOR_ENGINE_SCORE_AGGREGATE_H_

#include <vector>

#include "engine/rules/rule.h"
#include "schemas/rules.pb.h"
#include "schemas/scores.pb.h"

namespace corridor {

// One rule's hit on a shipment, before aggregation.
struct RuleHitInput {
  const rules::Rule* rule;  // REQUIRES: outlives the call
  RuleOutcome outcome;      // REQUIRES: evidence is not empty
};

// The decision floor of `hit`: the rule's or the one its evidence raised (exempt: the
// exemption's alone), at most REVIEW when all its evidence rests on uncorroborated short names.
Decision HitFloor(const RuleHitInput& hit);

// Fills score, band, decision, hits and categories of `out`; leaves shipment_id and problems.
void AggregateScore(std::vector<RuleHitInput> hits, const rules::ScoringConfig& scoring,
                    scores::ShipmentScore* out);

// Rounds to two decimals, the precision of every score in the output.
double RoundScore(double value);

}  // namespace corridor

#endif  // CORRIDOR_ENGINE_SCORE_AGGREGATE_H_
