#include "engine/score/aggregate.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace corridor {

// Two decimals: enough for any threshold a rule file writes, and coarse enough that the same hits
// give the same bytes on every platform (docs/scoring.md "deterministic").
double RoundScore(double value) { return std::round(value * 100.0) / 100.0; }

namespace {

// Whether the hit weighs what its evidence says (0 included) and takes its own floor alone, not
// the rule's: an exempt hit (rules::Exemption) or one whose rule failed on the shipment.
bool OwnWeightAndFloor(const RuleOutcome& outcome) { return outcome.exempt || outcome.failed; }

// Whether a piece of the hit's evidence weighing 0 weighs 0, not the rule's weight.
bool OwnWeights(const RuleOutcome& outcome) {
  return OwnWeightAndFloor(outcome) || outcome.own_weights;
}

// The weight of a hit: the strongest evidence weight, where evidence that carries none (0) stands
// for the rule's own weight.
double HitWeight(const RuleHitInput& hit) {
  double weight = 0;
  for (const scores::Evidence& evidence : hit.outcome.evidence) {
    // A rule counts once, by its strongest evidence: a rule that matches three parties is not three
    // times the risk, and adding evidence can only raise its weight (monotone).
    // An exempt hit (rules::Exemption) weighs what its evidence says, 0 included.
    double stands_for =
        evidence.weight() > 0 || OwnWeights(hit.outcome) ? evidence.weight() : hit.rule->weight();
    weight = std::max(weight, stands_for);
  }
  return std::clamp(weight, 0.0, 100.0);
}

// Independent risks: each hit takes its share of what remains below 100. The result is symmetric
// in the weights, so order changes the contributions, not the score; it stays within 0..100 and
// never falls when a hit is added.
double Combine(double score, double weight) { return score + (100.0 - score) * weight / 100.0; }

// Whether every piece of the hit's evidence rests on an uncorroborated short name.
bool NamesakeOnly(const RuleHitInput& hit) {
  for (const scores::Evidence& evidence : hit.outcome.evidence) {
    if (!evidence.uncorroborated_name()) return false;
  }
  return !hit.outcome.evidence.empty();
}

Decision ThresholdDecision(double score, const rules::ScoringConfig& scoring) {
  if (score >= scoring.block_at()) return BLOCK;
  if (score >= scoring.hold_at()) return HOLD;
  if (score >= scoring.review_at()) return REVIEW;
  return CLEAR;
}

}  // namespace

Decision HitFloor(const RuleHitInput& hit) {
  // The rule's own floor or the one its evidence raised (a goods tier): the stricter wins.
  // Decisions are ordered CLEAR < REVIEW < HOLD < BLOCK, so max is "stricter".
  // An exempt hit's floor is the exemption's alone (rules::Exemption).
  Decision floor = OwnWeightAndFloor(hit.outcome)
                       ? hit.outcome.floor
                       : std::max(hit.rule->decision_floor(), hit.outcome.floor);
  if (NamesakeOnly(hit)) floor = std::min(floor, REVIEW);
  return floor;
}

void AggregateScore(std::vector<RuleHitInput> hits, const rules::ScoringConfig& scoring,
                    scores::ShipmentScore* out) {
  struct Weighted {
    double weight;
    RuleHitInput* hit;
  };
  std::vector<Weighted> ordered;
  for (RuleHitInput& hit : hits) ordered.push_back({HitWeight(hit), &hit});
  // Strongest first also makes the first hit's contribution equal its weight, so `explain`'s first
  // line reads as "this alone is worth N".
  // Strongest first; rule id breaks ties so the order (and so each contribution) is stable.
  std::sort(ordered.begin(), ordered.end(), [](const Weighted& a, const Weighted& b) {
    if (a.weight != b.weight) return a.weight > b.weight;
    return a.hit->rule->id() < b.hit->rule->id();
  });

  double score = 0;
  double decided_score = 0;  // without the hits that rest on uncorroborated short names alone
  Decision decision = CLEAR;
  std::map<int, double> category_scores;
  out->clear_hits();
  for (const Weighted& entry : ordered) {
    const rules::Rule& rule = *entry.hit->rule;
    double next = Combine(score, entry.weight);
    scores::RuleHit* hit = out->add_hits();
    hit->set_rule_id(rule.id());
    hit->set_category(rule.category());
    hit->set_weight(entry.weight);
    hit->set_contribution(RoundScore(next - score));
    Decision floor = HitFloor(*entry.hit);
    hit->set_decision_floor(floor);
    if (!NamesakeOnly(*entry.hit)) decided_score = Combine(decided_score, entry.weight);
    for (scores::Evidence& evidence : entry.hit->outcome.evidence) {
      // The output always carries the weight each piece of evidence stood for, never the 0 that
      // means "the rule's".
      if (evidence.weight() == 0 && !OwnWeights(entry.hit->outcome)) {
        evidence.set_weight(rule.weight());
      }
      *hit->add_evidence() = std::move(evidence);
    }
    decision = std::max(decision, floor);
    category_scores[rule.category()] = Combine(category_scores[rule.category()], entry.weight);
    score = next;
  }
  // Rounded once, at the end, so rounding errors do not build up over many hits. Contributions are
  // rounded on their own and may differ from the score's last digit when added up.
  score = RoundScore(score);
  out->set_score(score);
  // The stricter of the threshold decision and every hit's floor: a floor can only tighten, so a
  // single SDN match (floor BLOCK) blocks whatever the score. Namesakes' hits count towards the
  // threshold decision up to REVIEW only (two capped hits of 45 make 70: no HOLD).
  Decision by_score = std::max(ThresholdDecision(RoundScore(decided_score), scoring),
                               std::min(ThresholdDecision(score, scoring), REVIEW));
  out->set_decision(std::max(decision, by_score));
  std::string band;
  for (const rules::Band& candidate : scoring.bands()) {
    // Bands ascend by `from` (checked when the rules load, engine/config/checks.cc); the last one
    // the score reaches names it.
    if (score >= candidate.from()) band = candidate.name();
  }
  out->set_band(band);
  out->clear_categories();
  for (const auto& [category, category_score] : category_scores) {
    scores::CategoryScore* entry = out->add_categories();
    entry->set_category(static_cast<Category>(category));
    entry->set_score(RoundScore(category_score));
  }
}

}  // namespace corridor
