#include "engine/score/aggregate.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace corridor {

double RoundScore(double value) { return std::round(value * 100.0) / 100.0; }

namespace {

// The weight of a hit: the strongest evidence weight, where evidence that carries none (0) stands
// for the rule's own weight.
double HitWeight(const RuleHitInput& hit) {
  double weight = 0;
  for (const scores::Evidence& evidence : hit.outcome.evidence) {
    weight = std::max(weight, evidence.weight() > 0 ? evidence.weight() : hit.rule->weight());
  }
  return std::clamp(weight, 0.0, 100.0);
}

double Combine(double score, double weight) { return score + (100.0 - score) * weight / 100.0; }

Decision ThresholdDecision(double score, const rules::ScoringConfig& scoring) {
  if (score >= scoring.block_at()) return BLOCK;
  if (score >= scoring.hold_at()) return HOLD;
  if (score >= scoring.review_at()) return REVIEW;
  return CLEAR;
}

}  // namespace

void AggregateScore(std::vector<RuleHitInput> hits, const rules::ScoringConfig& scoring,
                    scores::ShipmentScore* out) {
  struct Weighted {
    double weight;
    RuleHitInput* hit;
  };
  std::vector<Weighted> ordered;
  for (RuleHitInput& hit : hits) ordered.push_back({HitWeight(hit), &hit});
  // Strongest first; rule id breaks ties so the order (and so each contribution) is stable.
  std::sort(ordered.begin(), ordered.end(), [](const Weighted& a, const Weighted& b) {
    if (a.weight != b.weight) return a.weight > b.weight;
    return a.hit->rule->id() < b.hit->rule->id();
  });

  double score = 0;
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
    Decision floor = std::max(rule.decision_floor(), entry.hit->outcome.floor);
    hit->set_decision_floor(floor);
    for (scores::Evidence& evidence : entry.hit->outcome.evidence) {
      if (evidence.weight() == 0) evidence.set_weight(rule.weight());
      *hit->add_evidence() = std::move(evidence);
    }
    decision = std::max(decision, floor);
    category_scores[rule.category()] = Combine(category_scores[rule.category()], entry.weight);
    score = next;
  }
  score = RoundScore(score);
  out->set_score(score);
  out->set_decision(std::max(decision, ThresholdDecision(score, scoring)));
  std::string band;
  for (const rules::Band& candidate : scoring.bands()) {
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
