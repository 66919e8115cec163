// Score aggregation: bounded, monotone, order-free, floors and thresholds.
#include "engine/score/aggregate.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <random>

namespace corridor {
namespace {

rules::ScoringConfig TestScoring() {
  rules::ScoringConfig scoring;
  scoring.set_review_at(25);
  scoring.set_hold_at(60);
  scoring.set_block_at(90);
  auto* low = scoring.add_bands();
  low->set_name("low");
  low->set_from(0);
  auto* high = scoring.add_bands();
  high->set_name("high");
  high->set_from(60);
  return scoring;
}

struct TestRule {
  rules::Rule rule;
  TestRule(const std::string& id, double weight, Decision floor = DECISION_UNSPECIFIED,
           Category category = SECONDARY_SANCTIONS) {
    rule.set_id(id);
    rule.set_weight(weight);
    rule.set_decision_floor(floor);
    rule.set_category(category);
  }
};

RuleHitInput Hit(const TestRule& rule, std::vector<double> evidence_weights = {0}) {
  RuleHitInput hit{&rule.rule, {}};
  hit.outcome.floor = rule.rule.decision_floor();
  for (double weight : evidence_weights) hit.outcome.evidence.emplace_back().set_weight(weight);
  return hit;
}

TEST_CASE("Hits combine strongest first and contributions sum to the score", "[aggregate]") {
  TestRule a("a", 50), b("b", 50), c("c", 20, DECISION_UNSPECIFIED, EXPORT_CONTROL);
  scores::ShipmentScore out;
  AggregateScore({Hit(c), Hit(a), Hit(b)}, TestScoring(), &out);
  CHECK(out.score() == 80);  // 50, then 50 of the remaining 50, then 20 of the remaining 20
  REQUIRE(out.hits_size() == 3);
  CHECK(out.hits(0).rule_id() == "a");
  CHECK(out.hits(0).contribution() == 50);
  CHECK(out.hits(1).rule_id() == "b");
  CHECK(out.hits(1).contribution() == 25);
  CHECK(out.hits(2).contribution() == 5);
  CHECK(out.decision() == HOLD);
  CHECK(out.band() == "high");
  REQUIRE(out.categories_size() == 2);
  CHECK(out.categories(0).category() == SECONDARY_SANCTIONS);
  CHECK(out.categories(0).score() == 75);
  CHECK(out.categories(1).score() == 20);
}

TEST_CASE("A decision floor wins over a low score", "[aggregate]") {
  TestRule listed("listed", 10, BLOCK);
  scores::ShipmentScore out;
  AggregateScore({Hit(listed)}, TestScoring(), &out);
  CHECK(out.score() == 10);
  CHECK(out.decision() == BLOCK);
  CHECK(out.hits(0).decision_floor() == BLOCK);
}

TEST_CASE("A rule's weight is its strongest evidence, counted once", "[aggregate]") {
  TestRule goods("goods", 30);
  scores::ShipmentScore out;
  AggregateScore({Hit(goods, {20, 75, 0})}, TestScoring(), &out);
  CHECK(out.score() == 75);
  CHECK(out.hits(0).evidence_size() == 3);
  CHECK(out.hits(0).evidence(2).weight() == 30);  // evidence without weight shows the rule's
}

TEST_CASE("No hits: score 0, clear, lowest band", "[aggregate]") {
  scores::ShipmentScore out;
  AggregateScore({}, TestScoring(), &out);
  CHECK(out.score() == 0);
  CHECK(out.decision() == CLEAR);
  CHECK(out.band() == "low");
}

TEST_CASE("Aggregation is monotone, bounded and independent of hit order", "[aggregate]") {
  std::mt19937 random(20251129);
  std::uniform_real_distribution<double> weight(0, 100);
  std::uniform_int_distribution<int> floor(0, 4);
  for (int trial = 0; trial < 500; ++trial) {
    std::vector<TestRule> rules;
    int count = 1 + trial % 8;
    for (int i = 0; i < count; ++i) {
      rules.emplace_back("r" + std::to_string(i), weight(random),
                         static_cast<Decision>(floor(random)));
    }
    std::vector<RuleHitInput> hits;
    for (const TestRule& rule : rules) hits.push_back(Hit(rule));
    scores::ShipmentScore all;
    AggregateScore(hits, TestScoring(), &all);
    CHECK(all.score() >= 0);
    CHECK(all.score() <= 100);

    std::vector<RuleHitInput> shuffled = hits;
    std::shuffle(shuffled.begin(), shuffled.end(), random);
    scores::ShipmentScore reordered;
    AggregateScore(shuffled, TestScoring(), &reordered);
    CHECK(reordered.SerializeAsString() == all.SerializeAsString());

    // Dropping any hit never raises the score or the decision.
    std::vector<RuleHitInput> fewer = hits;
    fewer.erase(fewer.begin() + static_cast<long>(trial % fewer.size()));
    scores::ShipmentScore less;
    AggregateScore(fewer, TestScoring(), &less);
    CHECK(less.score() <= all.score());
    CHECK(less.decision() <= all.decision());
  }
}

}  // namespace
}  // namespace corridor

namespace corridor {
namespace {

TEST_CASE("The worked example of docs/scoring.md gives 79.53 and ties go by rule id",
          "[aggregate]") {
  // Sample S-15: final destination Russia (55), Khorgos toward Russia (35), a Russian party (30).
  TestRule destination("destination", 55), crossing("crossing", 35), party("party", 30);
  scores::ShipmentScore out;
  AggregateScore({Hit(party), Hit(destination), Hit(crossing)}, TestScoring(), &out);
  CHECK(out.score() == 79.53);  // 55, then 55 + 45 x 0.35 = 70.75, then + 29.25 x 0.30
  REQUIRE(out.hits_size() == 3);
  CHECK(out.hits(0).contribution() == 55);
  CHECK(out.hits(1).contribution() == 15.75);
  // 8.775, rounded on its own: the contributions add up to the score up to the last digit.
  CHECK(std::abs(out.hits(2).contribution() - 8.78) < 0.0100001);
  double sum = 0;
  for (const auto& hit : out.hits()) sum += hit.contribution();
  CHECK(std::abs(sum - out.score()) <= 0.01 + 1e-9);

  // S-15's fourth hit, a forced-labour sector flag weighed 4.5, adds 20.47 x 0.045.
  TestRule sector("sector", 4.5, DECISION_UNSPECIFIED, FORCED_LABOUR);
  scores::ShipmentScore four;
  AggregateScore({Hit(sector), Hit(party), Hit(destination), Hit(crossing)}, TestScoring(), &four);
  CHECK(four.score() == 80.45);
  REQUIRE(four.hits_size() == 4);
  CHECK(four.hits(3).rule_id() == "sector");
  CHECK(four.hits(3).contribution() == 0.92);

  // One hit of weight 100 gives 100, whatever else hits.
  TestRule certain("certain", 100);
  scores::ShipmentScore certain_out;
  AggregateScore({Hit(party), Hit(certain)}, TestScoring(), &certain_out);
  CHECK(certain_out.score() == 100);
  CHECK(certain_out.decision() == BLOCK);

  // Equal weights: strongest first, ties by rule id, whatever order they arrive in.
  TestRule b("b_rule", 40), a("a_rule", 40);
  scores::ShipmentScore tied;
  AggregateScore({Hit(b), Hit(a)}, TestScoring(), &tied);
  REQUIRE(tied.hits_size() == 2);
  CHECK(tied.hits(0).rule_id() == "a_rule");
  CHECK(tied.hits(0).contribution() == 40);
  CHECK(tied.hits(1).rule_id() == "b_rule");
  CHECK(tied.hits(1).contribution() == 24);
}

}  // namespace
}  // namespace corridor
