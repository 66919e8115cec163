// The ownership analysis: OFAC's worked examples, the edge cases of docs/ownership.md, and a
// cross-check of the fast analysis against the slow reference on random graphs.
#include "engine/ownership/ownership.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <vector>

#include "engine/testing/ownership_reference.h"

namespace corridor {
namespace {

struct Holding {
  std::string owner;
  std::string owned;
  std::optional<double> share;
  bool control = false;
  std::string as_of = "";
};

// A finalized graph from holdings, nodes named as given.
OwnershipGraph Build(const std::vector<Holding>& holdings) {
  OwnershipGraph graph;
  int64_t record = 0;
  for (const Holding& h : holdings) {
    graph.AddEdge(graph.AddNode(h.owner), graph.AddNode(h.owned), h.share, h.control, h.as_of,
                  ++record);
  }
  graph.Finalize();
  return graph;
}

std::vector<NodeId> Ids(const OwnershipGraph& graph, const std::vector<std::string>& names) {
  std::vector<NodeId> ids;
  for (const std::string& name : names) ids.push_back(graph.Find(name));
  return ids;
}

struct Fixture {
  OwnershipGraph graph;
  OwnershipAnalysis analysis;
  Fixture(const std::vector<Holding>& holdings, const std::vector<std::string>& listed,
          const OwnershipRegime& regime = OwnershipRegime::Ofac())
      : graph(Build(holdings)), analysis(Analyze(graph, Ids(graph, listed), regime)) {}
  const OwnershipResult& operator[](const std::string& name) const {
    return analysis.Result(graph.Find(name));
  }
  // "X -50-> A -50-> B" for each explanation path.
  std::vector<std::string> Paths(const std::string& name) const {
    std::vector<std::string> out;
    for (const OwnershipPath& path : analysis.Explain(graph.Find(name))) {
      std::string text = graph.Name(path.steps.front().owner);
      for (const OwnershipStep& step : path.steps) {
        text += " -" + (step.share_percent ? FormatShare(*step.share_percent) : "?") +
                (step.control ? "c" : "") + "-> " + graph.Name(step.owned);
      }
      out.push_back(text);
    }
    return out;
  }
  static std::string FormatShare(double share) {
    std::string text = std::to_string(share);
    text.erase(text.find_last_not_of('0') + 1);
    if (text.back() == '.') text.pop_back();
    return text;
  }
};

constexpr auto kBlocked = OwnershipStatus::kBlocked;
constexpr auto kNotBlocked = OwnershipStatus::kNotBlocked;
constexpr auto kPossibly = OwnershipStatus::kPossiblyBlocked;
constexpr auto kListed = OwnershipStatus::kListed;

TEST_CASE("OFAC FAQ 401 example 1: a chain of 50% holdings blocks each step", "[ownership]") {
  Fixture f({{"X", "A", 50}, {"A", "B", 50}}, {"X"});
  CHECK(f["X"].status == kListed);
  CHECK(f["A"].status == kBlocked);
  CHECK(f["B"].status == kBlocked);
  CHECK(f["B"].effective_listed_share == Approx(25));
  CHECK(f.Paths("B") == std::vector<std::string>{"X -50-> A -50-> B"});
}

TEST_CASE("OFAC FAQ 401 example 2: a diamond of blocked holdings aggregates", "[ownership]") {
  Fixture f({{"X", "A", 50}, {"X", "B", 50}, {"A", "C", 25}, {"B", "C", 25}}, {"X"});
  CHECK(f["C"].status == kBlocked);
  CHECK(f["C"].blocked_share_lower == Approx(50));
  CHECK(f["C"].effective_listed_share == Approx(25));  // 12.5 + 12.5: the product is below 50
  CHECK(f.Paths("C") == std::vector<std::string>{"X -50-> A -25-> C", "X -50-> B -25-> C"});
}

TEST_CASE("OFAC FAQ 401 example 3: direct and indirect holdings add up", "[ownership]") {
  Fixture f({{"X", "A", 50}, {"X", "B", 10}, {"A", "B", 40}}, {"X"});
  CHECK(f["A"].status == kBlocked);
  CHECK(f["B"].status == kBlocked);
  CHECK(f["B"].blocked_share_lower == Approx(50));
  CHECK(f.Paths("B") == std::vector<std::string>{"X -50-> A -40-> B", "X -10-> B"});
}

TEST_CASE("Several listed owners each under 50% block together", "[ownership]") {
  Fixture f({{"X", "A", 25}, {"Y", "A", 25}, {"Z", "B", 20}, {"Y", "B", 29}}, {"X", "Y", "Z"});
  CHECK(f["A"].status == kBlocked);
  CHECK(f["B"].status == kNotBlocked);  // 49%
  CHECK(f["B"].minority_exposure);
  CHECK(f["B"].blocked_share_lower == Approx(49));
}

TEST_CASE("The UK does not add up different blocked persons' holdings", "[ownership]") {
  std::vector<Holding> holdings{{"X", "A", 30}, {"Y", "A", 30}};
  CHECK(Fixture(holdings, {"X", "Y"}, OwnershipRegime::Ofac())["A"].status == kBlocked);
  CHECK(Fixture(holdings, {"X", "Y"}, OwnershipRegime::Eu())["A"].status == kBlocked);
  Fixture uk(holdings, {"X", "Y"}, OwnershipRegime::Uk());
  CHECK(uk["A"].status == kNotBlocked);
  CHECK(uk["A"].blocked_share_lower == Approx(30));  // the largest single person's holding
  CHECK(uk["A"].effective_listed_share == Approx(60));
  CHECK(uk["A"].minority_exposure);
}

TEST_CASE("The UK adds up one person's direct and indirect holdings", "[ownership]") {
  // X holds 30% of C directly and 30% through H (60% X's); X also owns 60% of listed Y, which
  // holds 30% of D, as X does directly.
  std::vector<Holding> holdings{{"X", "H", 60}, {"H", "C", 30}, {"X", "C", 30},
                                {"X", "Y", 60}, {"Y", "D", 30}, {"X", "D", 30}};
  Fixture uk(holdings, {"X", "Y"}, OwnershipRegime::Uk());
  CHECK(uk["H"].status == kBlocked);
  CHECK(uk["C"].status == kBlocked);
  CHECK(uk.Paths("C") == std::vector<std::string>{"X -60-> H -30-> C", "X -30-> C"});
  CHECK(uk["D"].status == kBlocked);  // Y is X's: 30% + 30%
  CHECK(uk.Paths("D") == std::vector<std::string>{"X -30-> D", "X -60-> Y -30-> D"});
  // Aggregating regimes stop at the first listed owner.
  Fixture ofac(holdings, {"X", "Y"}, OwnershipRegime::Ofac());
  CHECK(ofac.Paths("D") == std::vector<std::string>{"X -30-> D", "Y -30-> D"});
  // Without Y's link to X, the UK sees two persons with 30% each.
  Fixture apart({{"Y", "D", 30}, {"X", "D", 30}}, {"X", "Y"}, OwnershipRegime::Uk());
  CHECK(apart["D"].status == kNotBlocked);
}

TEST_CASE("An entity held below the threshold passes nothing on (FAQ 401 'indirectly')",
          "[ownership]") {
  // X holds 49% of A, so A is not blocked, and A's 100% of B does not count: the product of
  // shares gives B 49% + 10% = 59% "listed ownership", yet B is not blocked.
  Fixture f({{"X", "A", 49}, {"A", "B", 100}, {"X", "B", 10}}, {"X"});
  CHECK(f["A"].status == kNotBlocked);
  CHECK(f["B"].status == kNotBlocked);
  CHECK(f["B"].blocked_share_lower == Approx(10));
  CHECK(f["B"].effective_listed_share == Approx(59));
  CHECK(f["B"].minority_exposure);  // by the effective share
  CHECK(f["A"].minority_exposure);
}

TEST_CASE("Blocked through a chain although the product of shares is 48%", "[ownership]") {
  // Listed Russian group 80% -> Hong Kong holding 60% -> Kazakh trading house.
  Fixture f({{"list:ofac:RU-GROUP", "entity:HK", 80}, {"entity:HK", "entity:KZ", 60}},
            {"list:ofac:RU-GROUP"});
  CHECK(f["entity:HK"].status == kBlocked);
  CHECK(f["entity:KZ"].status == kBlocked);
  CHECK(f["entity:KZ"].effective_listed_share == Approx(48));
  CHECK(f.Paths("entity:KZ") ==
        std::vector<std::string>{"list:ofac:RU-GROUP -80-> entity:HK -60-> entity:KZ"});
}

TEST_CASE("A chain of several steps propagates while each step is at least 50%", "[ownership]") {
  Fixture f({{"L", "A", 100}, {"A", "B", 75}, {"B", "C", 50}, {"C", "D", 51}, {"D", "E", 49}},
            {"L"});
  CHECK(f["D"].status == kBlocked);
  CHECK(f["E"].status == kNotBlocked);
  CHECK(f["E"].minority_exposure);
  CHECK(f["D"].effective_listed_share == Approx(100 * 0.75 * 0.5 * 0.51));
  CHECK(f.Paths("D") == std::vector<std::string>{"L -100-> A -75-> B -50-> C -51-> D"});
  CHECK(f.Paths("E") == std::vector<std::string>{"L -100-> A -75-> B -50-> C -51-> D -49-> E"});
}

TEST_CASE("Exactly 50%: OFAC blocks, the EU and UK do not", "[ownership]") {
  std::vector<Holding> holdings{{"X", "A", 50}};
  CHECK(Fixture(holdings, {"X"}, OwnershipRegime::Ofac())["A"].status == kBlocked);
  CHECK(Fixture(holdings, {"X"}, OwnershipRegime::Eu())["A"].status == kNotBlocked);
  CHECK(Fixture(holdings, {"X"}, OwnershipRegime::Uk())["A"].status == kNotBlocked);
  CHECK(Fixture({{"X", "A", 50.5}}, {"X"}, OwnershipRegime::Eu())["A"].status == kBlocked);
  // Floating sums at the threshold: 33.33 + 16.67 is 50.
  CHECK(Fixture({{"X", "A", 33.33}, {"Y", "A", 16.67}}, {"X", "Y"})["A"].status == kBlocked);
  OwnershipRegime strict = OwnershipRegime::Ofac();
  strict.threshold_percent = 25;
  CHECK(Fixture({{"X", "A", 25}}, {"X"}, strict)["A"].status == kBlocked);
}

TEST_CASE("Control blocks under EU and UK regimes and is only flagged under OFAC", "[ownership]") {
  std::vector<Holding> holdings{
      {"X", "A", 10, true}, {"A", "B", 60}, {"X", "C", std::nullopt, true}};
  Fixture ofac(holdings, {"X"}, OwnershipRegime::Ofac());
  CHECK(ofac["A"].status == kNotBlocked);
  CHECK(ofac["A"].control_without_ownership);
  CHECK_FALSE(ofac["B"].control_without_ownership);
  CHECK(ofac["B"].status == kNotBlocked);
  CHECK(ofac["C"].control_without_ownership);
  CHECK(ofac["C"].status == kPossibly);  // X's unknown share could be up to 100%
  CHECK(ofac.Paths("A") == std::vector<std::string>{"X -10c-> A"});

  Fixture eu(holdings, {"X"}, OwnershipRegime::Eu());
  CHECK(eu["A"].status == kBlocked);
  CHECK(eu["A"].blocked_by_control);
  CHECK(eu["B"].status == kBlocked);  // owned 60% by a blocked (controlled) entity
  CHECK_FALSE(eu["B"].blocked_by_control);
  CHECK(eu["C"].status == kBlocked);
  CHECK(eu.Paths("B") == std::vector<std::string>{"X -10c-> A -60-> B"});
}

TEST_CASE("Cycles: status needs a listed source, effective shares count all walks", "[ownership]") {
  // A and B own each other; nothing listed feeds them: nothing is blocked.
  Fixture closed({{"A", "B", 100}, {"B", "A", 100}, {"X", "C", 100}}, {"X"});
  CHECK(closed["A"].status == kNotBlocked);
  CHECK(closed["B"].status == kNotBlocked);
  CHECK(closed["A"].effective_listed_share == 0);
  CHECK(closed.analysis.unconverged_components() == 0);

  // X 40% of A, A 100% of B, B 20% of A: A holds 20% of itself through B. Status: A has 40%
  // from blocked owners (B is not blocked), so nothing is blocked. Effective share: E(A) =
  // 40 + 0.2 E(B), E(B) = E(A), so E(A) = 50.
  Fixture loop({{"X", "A", 40}, {"A", "B", 100}, {"B", "A", 20}}, {"X"});
  CHECK(loop["A"].status == kNotBlocked);
  CHECK(loop["B"].status == kNotBlocked);
  CHECK(loop["A"].effective_listed_share == Approx(50).epsilon(1e-9));
  CHECK(loop["B"].effective_listed_share == Approx(50).epsilon(1e-9));

  // Once the cycle is entered by a blocked owner, status flows around it.
  Fixture entered({{"X", "A", 50}, {"A", "B", 60}, {"B", "A", 30}, {"B", "C", 50}}, {"X"});
  CHECK(entered["A"].status == kBlocked);
  CHECK(entered["B"].status == kBlocked);
  CHECK(entered["A"].blocked_share_lower == Approx(80));
  CHECK(entered["C"].status == kBlocked);
  CHECK(entered.Paths("C") == std::vector<std::string>{"X -50-> A -60-> B -50-> C"});
}

TEST_CASE("Self-ownership is ignored and reported", "[ownership]") {
  Fixture f({{"A", "A", 60}, {"X", "A", 40}}, {"X"});
  CHECK(f.graph.edge_count() == 1);
  REQUIRE(f.graph.problems().size() == 1);
  CHECK(ToString(f.graph.problems()[0]) == "graph A -> A owner: self-ownership ignored (record 1)");
  CHECK(f["A"].status == kNotBlocked);
}

TEST_CASE("Shares outside 0..100 are skipped and reported", "[ownership]") {
  Fixture f({{"X", "A", 150}, {"X", "B", -5}, {"X", "C", 60}}, {"X"});
  CHECK(f.graph.edge_count() == 1);
  REQUIRE(f.graph.problems().size() == 2);
  CHECK(ToString(f.graph.problems()[0]) ==
        "graph X -> A share: 150 is outside 0..100; skipped (record 1)");
  CHECK(f["A"].status == kNotBlocked);
  CHECK(f["C"].status == kBlocked);
}

TEST_CASE("Incoming shares above 100% are reported and aggregates capped", "[ownership]") {
  Fixture f({{"X", "A", 80}, {"Y", "A", 70}, {"Z", "A", 30}}, {"X", "Z"});
  REQUIRE(f.graph.problems().size() == 1);
  CHECK(ToString(f.graph.problems()[0]) ==
        "graph A share: known owners' shares sum to 180%, above 100; aggregates are capped at 100");
  CHECK(f["A"].status == kBlocked);  // recorded shares are kept, not rescaled
  CHECK(f["A"].blocked_share_lower == 100);
}

TEST_CASE("Several records of one holding: the latest as_of wins", "[ownership]") {
  Fixture f({{"X", "A", 60, false, "2019-01-01"},
             {"X", "A", 30, false, "2023-06-30"},
             {"X", "A", 90, false, ""}},
            {"X"});
  CHECK(f.graph.edge_count() == 1);
  CHECK(f.graph.InEdges(f.graph.Find("A"))[0].share_percent == 30);
  CHECK(f.graph.problems().size() == 2);
  CHECK(f["A"].status == kNotBlocked);
  CHECK(f["A"].minority_exposure);
}

TEST_CASE("Unknown shares give lower and upper bounds, never 0 or 100", "[ownership]") {
  // A: X holds 30% known and Y (listed) an unknown share; the other known owner holds 30%,
  // so Y holds at most 40%: lower 30, upper 70 -> possibly blocked.
  Fixture f({{"X", "A", 30},
             {"Y", "A", std::nullopt},
             {"P", "A", 30},
             {"A", "B", 60},
             {"X", "C", std::nullopt},
             {"Q", "C", 60},
             {"X", "D", 55},
             {"Y", "D", std::nullopt}},
            {"X", "Y"});
  CHECK(f["A"].status == kPossibly);
  CHECK(f["A"].blocked_share_lower == Approx(30));
  CHECK(f["A"].blocked_share_upper == Approx(70));
  // B is owned 60% by a possibly blocked entity: possibly blocked too.
  CHECK(f["B"].status == kPossibly);
  CHECK(f["B"].blocked_share_lower == 0);
  CHECK(f["B"].blocked_share_upper == Approx(60));
  CHECK(f.Paths("B") == std::vector<std::string>{"X -30-> A -60-> B", "Y -?-> A -60-> B"});
  // C: X's unknown share is at most 40% (Q holds 60): not blocked, whatever the unknown is.
  CHECK(f["C"].status == kNotBlocked);
  CHECK(f["C"].blocked_share_upper == Approx(40));
  // D: blocked on the known share alone.
  CHECK(f["D"].status == kBlocked);
  // Effective shares are computed from known shares and say so when a path has an unknown.
  CHECK(f["B"].effective_listed_share == Approx(18));
  CHECK(f["B"].effective_is_lower_bound);
  CHECK(f["D"].effective_is_lower_bound);  // Y's unknown share
  Fixture known({{"X", "A", 30}}, {"X"});
  CHECK_FALSE(known["A"].effective_is_lower_bound);
}

// From a review (2026-12-07): a name match is modelled as the entry owning 100% of the entity, and
// that 100% was counted among the entity's known shares, leaving no headroom for a blocked
// owner's unknown share: a match to an unsanctioned company (an OpenSanctions entry) hid the
// possibly blocked finding. A same-party link is not a holding.
TEST_CASE("A same-party link leaves the headroom of an unknown share as it was", "[ownership]") {
  OwnershipGraph graph;
  const NodeId sdn = graph.AddNode("entity:E-L1");
  const NodeId party = graph.AddNode("entity:E-T");
  const NodeId entry = graph.AddNode("list:ftm-os:Q1");  // not sanctioned
  const NodeId other = graph.AddNode("entity:E-O");
  graph.AddEdge(sdn, party, std::nullopt, false, {}, 1);
  graph.AddEdge(other, party, 20.0, false, {}, 2);
  REQUIRE(graph.AddIdentityEdge(entry, party, -2));
  graph.Finalize();
  CHECK(graph.KnownIncomingShare(party) == Approx(20));
  OwnershipAnalysis analysis = Analyze(graph, {sdn}, OwnershipRegime::Ofac());
  CHECK(analysis.Result(party).status == kPossibly);
  CHECK(analysis.Result(party).blocked_share_upper == Approx(80));
  // A same-party link from a listed entry still makes the entity blocked.
  OwnershipAnalysis listed = Analyze(graph, {entry}, OwnershipRegime::Ofac());
  CHECK(listed.Result(party).status == kBlocked);
}

TEST_CASE("Stale records are counted and flagged when a status depends on them", "[ownership]") {
  OwnershipRegime regime = OwnershipRegime::Ofac();
  regime.max_record_age_days = 365;
  regime.as_of_date = "2026-06-30";
  Fixture f({{"X", "A", 60, false, "2020-01-01"},
             {"A", "B", 60, false, "2026-01-01"},
             {"X", "C", 60, false, "2026-01-01"},
             {"X", "D", 30, false, "2026"},  // partial date: the end of 2026
             {"X", "E", 60},                 // undated: stale under a maximum age
             {"X", "F", 30, false, "2019-01-01"},
             {"Z", "F", 50, false, "2026-01-01"}},
            {"X", "Z"}, regime);
  CHECK(f["A"].status == kBlocked);
  CHECK(f["A"].relies_on_stale_record);
  CHECK(f["B"].status == kBlocked);
  CHECK(f["B"].relies_on_stale_record);  // through A
  CHECK_FALSE(f["C"].relies_on_stale_record);
  CHECK(f["D"].minority_exposure);
  CHECK_FALSE(f["D"].relies_on_stale_record);
  CHECK(f["E"].relies_on_stale_record);
  // F is blocked by Z's fresh 50% alone: X's stale 30% does not matter.
  CHECK(f["F"].status == kBlocked);
  CHECK_FALSE(f["F"].relies_on_stale_record);
  // The same under the UK's per-person groups: A relies on X's stale record, F (Z's) does not.
  Fixture uk({{"X", "A", 60, false, "2020-01-01"}, {"Z", "F", 60, false, "2026-01-01"}}, {"X", "Z"},
             [] {
               OwnershipRegime uk_regime = OwnershipRegime::Uk();
               uk_regime.max_record_age_days = 365;
               uk_regime.as_of_date = "2026-06-30";
               return uk_regime;
             }());
  CHECK(uk["A"].relies_on_stale_record);
  CHECK_FALSE(uk["F"].relies_on_stale_record);
  std::vector<OwnershipPath> paths = f.analysis.Explain(f.graph.Find("B"));
  REQUIRE(paths.size() == 1);
  CHECK(paths[0].steps[0].stale);
  CHECK_FALSE(paths[0].steps[1].stale);
  // Without a maximum age nothing is stale.
  Fixture fresh({{"X", "A", 60, false, "2000-01-01"}}, {"X"});
  CHECK_FALSE(fresh["A"].relies_on_stale_record);
}

TEST_CASE("ParseDay reads full and partial ISO dates", "[ownership]") {
  CHECK(ParseDay("1970-01-01") == 0);
  CHECK(ParseDay("2024-03-01").value() - ParseDay("2024-02-28").value() == 2);
  CHECK(ParseDay("2023") == ParseDay("2023-12-31"));
  CHECK(ParseDay("2024-02") == ParseDay("2024-02-29"));
  CHECK_FALSE(ParseDay("2024-13-01").has_value());
  CHECK_FALSE(ParseDay("yesterday").has_value());
}

TEST_CASE("Explain bounds the number of paths", "[ownership]") {
  std::vector<Holding> holdings;
  for (int i = 0; i < 20; ++i) {
    holdings.push_back({"X", "M" + std::to_string(i), 100});
    holdings.push_back({"M" + std::to_string(i), "T", 5});
  }
  Fixture f(holdings, {"X"});
  CHECK(f["T"].status == kBlocked);
  CHECK(f.analysis.Explain(f.graph.Find("T"), 3).size() == 3);
  CHECK(f.analysis.Explain(f.graph.Find("T"), 100).size() == 20);
}

// --- random cross-check against the reference ------------------------------------------------

struct RandomGraph {
  OwnershipGraph graph;
  std::vector<NodeId> listed;
};

// `acyclic`: owners precede what they own. `over_allocate`: known incoming shares may exceed
// 100 (otherwise each node's owners stay within 100).
RandomGraph MakeRandom(std::mt19937* rng, bool acyclic, bool over_allocate) {
  static const double kShares[] = {5, 10, 20, 25, 30, 40, 49, 50, 51, 60, 75, 100};
  RandomGraph out;
  std::uniform_int_distribution<int> node_count(2, 9);
  const int n = node_count(*rng);
  for (int i = 0; i < n; ++i) out.graph.AddNode("n" + std::to_string(i));
  std::uniform_real_distribution<double> unit(0, 1);
  std::uniform_int_distribution<int> pick_share(0, 11);
  const double density = 0.15 + 0.35 * unit(*rng);
  for (int owned = 0; owned < n; ++owned) {
    double remaining = 100;
    for (int owner = 0; owner < n; ++owner) {
      if (owner == owned || (acyclic && owner > owned) || unit(*rng) > density) continue;
      std::optional<double> share = kShares[pick_share(*rng)];
      if (!over_allocate) {
        share = std::min(*share, remaining);
        remaining -= *share;
      }
      if (unit(*rng) < 0.15) share.reset();
      static const char* kDates[] = {"", "2020-01-01", "2026-01-01", "2026-03-31"};
      out.graph.AddEdge(owner, owned, share, unit(*rng) < 0.2, kDates[pick_share(*rng) % 4]);
    }
  }
  out.graph.Finalize();
  for (int i = 0; i < n; ++i) {
    if (unit(*rng) < 0.3) out.listed.push_back(i);
  }
  return out;
}

void CrossCheck(const RandomGraph& random, const OwnershipRegime& regime, bool acyclic,
                bool over_allocate) {
  const OwnershipGraph& graph = random.graph;
  OwnershipAnalysis fast = Analyze(graph, random.listed, regime);
  std::vector<double> by_paths = ReferenceEffectiveBySimplePaths(graph, random.listed);
  std::vector<double> effective = by_paths;
  if (!over_allocate && !acyclic) {
    std::optional<std::vector<double>> solved = ReferenceEffectiveBySolve(graph, random.listed);
    if (solved) effective = *solved;
  }
  ReferenceOwnership slow = ReferenceAnalyze(graph, random.listed, regime, effective);
  for (size_t node = 0; node < graph.node_count(); ++node) {
    const OwnershipResult& result = fast.Result(static_cast<NodeId>(node));
    INFO("node " << node << " regime " << regime.name);
    CHECK(result.status == slow.status[node]);
    CHECK(result.blocked_share_lower == Approx(slow.blocked_share_lower[node]).margin(1e-9));
    CHECK(result.blocked_share_upper == Approx(slow.blocked_share_upper[node]).margin(1e-9));
    CHECK(result.control_without_ownership == slow.control_without_ownership[node]);
    if (result.status == kBlocked || result.status == kPossibly) {
      CHECK(result.relies_on_stale_record == slow.status_relies_on_stale[node]);
    }
    if (!over_allocate) {
      CHECK(result.effective_listed_share == Approx(effective[node]).margin(1e-6));
      CHECK(result.minority_exposure == slow.minority_exposure[node]);
      // Walks include every simple path.
      CHECK(by_paths[node] <= result.effective_listed_share + 1e-6);
    }
    // Every explanation is a real chain from a listed seed to the node through blocked owners.
    if (result.status == kBlocked) {
      std::vector<OwnershipPath> paths = fast.Explain(static_cast<NodeId>(node), 1000);
      CHECK_FALSE(paths.empty());
      double direct = 0;
      std::vector<NodeId> last_owners;
      for (const OwnershipPath& path : paths) {
        REQUIRE_FALSE(path.steps.empty());
        CHECK(fast.Result(path.steps.front().owner).status == kListed);
        CHECK(path.steps.back().owned == static_cast<NodeId>(node));
        for (size_t i = 0; i + 1 < path.steps.size(); ++i) {
          CHECK(path.steps[i].owned == path.steps[i + 1].owner);
          // (a group of a non-aggregating regime may pass through other listed persons)
          const OwnershipStatus middle = fast.Result(path.steps[i].owned).status;
          CHECK((middle == kBlocked || (!regime.aggregate_owners && middle == kListed)));
        }
        NodeId owner = path.steps.back().owner;
        if (std::find(last_owners.begin(), last_owners.end(), owner) == last_owners.end()) {
          last_owners.push_back(owner);
          direct += path.steps.back().share_percent.value_or(0);
        }
      }
      if (!result.blocked_by_control) CHECK(PassesThreshold(std::min(100.0, direct), regime));
    }
  }
}

TEST_CASE("The fast analysis agrees with the reference on random acyclic graphs", "[ownership]") {
  std::mt19937 rng(20140813);
  OwnershipRegime low = OwnershipRegime::Ofac();
  low.name = "low";
  low.threshold_percent = 30;
  low.inclusive = false;
  low.max_record_age_days = 365;
  low.as_of_date = "2026-06-30";
  for (int i = 0; i < 400; ++i) {
    RandomGraph random = MakeRandom(&rng, true, false);
    CrossCheck(random, OwnershipRegime::Ofac(), true, false);
    CrossCheck(random, OwnershipRegime::Eu(), true, false);
    CrossCheck(random, OwnershipRegime::Uk(), true, false);
    CrossCheck(random, low, true, false);
  }
}

TEST_CASE("The fast analysis agrees with the reference on random cyclic graphs", "[ownership]") {
  std::mt19937 rng(401);
  for (int i = 0; i < 400; ++i) {
    RandomGraph random = MakeRandom(&rng, false, false);
    CrossCheck(random, OwnershipRegime::Ofac(), false, false);
    CrossCheck(random, OwnershipRegime::Uk(), false, false);
    OwnershipRegime uk_stale = OwnershipRegime::Uk();
    uk_stale.max_record_age_days = 365;
    uk_stale.as_of_date = "2026-06-30";
    CrossCheck(random, uk_stale, false, false);
  }
}

TEST_CASE("The fast analysis agrees with the reference on over-allocated graphs", "[ownership]") {
  std::mt19937 rng(398);
  for (int i = 0; i < 300; ++i) {
    RandomGraph random = MakeRandom(&rng, i % 2 == 0, true);
    CrossCheck(random, OwnershipRegime::Ofac(), i % 2 == 0, true);
    CrossCheck(random, OwnershipRegime::Eu(), i % 2 == 0, true);
    CrossCheck(random, OwnershipRegime::Uk(), i % 2 == 0, true);
  }
}

TEST_CASE("A run's analyses are computed once per graph, seeds and regime, and shared",
          "[ownership]") {
  const OwnershipGraph graph = Build({{"X", "A", 50}, {"Y", "A", 30}, {"A", "B", 100}});
  const OwnershipGraph other = Build({{"X", "A", 50}, {"Y", "A", 30}, {"A", "B", 100}});
  OwnershipAnalyses analyses;
  auto first = analyses.Get(graph, Ids(graph, {"X"}), OwnershipRegime::Ofac());
  auto again = analyses.Get(graph, Ids(graph, {"X"}), OwnershipRegime::Ofac());
  CHECK(first == again);
  CHECK(analyses.computed() == 1);
  CHECK(first->Result(graph.Find("B")).status == OwnershipStatus::kBlocked);
  // Anything that could change a result is a different analysis: the seeds (and their order,
  // which orders explanations), the regime's every field, the graph.
  OwnershipRegime stale = OwnershipRegime::Ofac();
  stale.max_record_age_days = 365;
  stale.as_of_date = "2026-12-01";
  OwnershipRegime stale_later = stale;
  stale_later.as_of_date = "2027-12-01";
  OwnershipRegime minority = OwnershipRegime::Ofac();
  minority.minority_percent = 10;
  auto y = analyses.Get(graph, Ids(graph, {"Y"}), OwnershipRegime::Ofac());
  CHECK(y->Result(graph.Find("B")).status == OwnershipStatus::kNotBlocked);
  CHECK(analyses.Get(graph, Ids(graph, {"X", "Y"}), OwnershipRegime::Ofac()) !=
        analyses.Get(graph, Ids(graph, {"Y", "X"}), OwnershipRegime::Ofac()));
  CHECK(analyses.Get(graph, Ids(graph, {"X"}), OwnershipRegime::Eu()) != first);
  CHECK(analyses.Get(graph, Ids(graph, {"X"}), OwnershipRegime::Uk()) != first);
  CHECK(analyses.Get(graph, Ids(graph, {"X"}), stale) != first);
  CHECK(analyses.Get(graph, Ids(graph, {"X"}), stale_later) !=
        analyses.Get(graph, Ids(graph, {"X"}), stale));
  CHECK(analyses.Get(graph, Ids(graph, {"X"}), minority) != first);
  CHECK(analyses.Get(other, Ids(other, {"X"}), OwnershipRegime::Ofac()) != first);
  CHECK(analyses.computed() == 10);
  // Each field alone, the name kept: two rules both named "ofac" may differ in any of them.
  const std::vector<NodeId> x = Ids(graph, {"X"});
  OwnershipRegime changed = OwnershipRegime::Ofac();
  changed.threshold_percent = 40;
  CHECK(analyses.Get(graph, x, changed) != first);
  changed = OwnershipRegime::Ofac();
  changed.inclusive = false;
  CHECK(analyses.Get(graph, x, changed) != first);
  changed = OwnershipRegime::Ofac();
  changed.control_counts = true;
  CHECK(analyses.Get(graph, x, changed) != first);
  changed = OwnershipRegime::Ofac();
  changed.aggregate_owners = false;
  CHECK(analyses.Get(graph, x, changed) != first);
  CHECK(analyses.computed() == 14);
  // A regime without the age check ignores its date: the same analysis.
  OwnershipRegime dated = OwnershipRegime::Ofac();
  dated.as_of_date = "2026-12-01";
  CHECK(analyses.Get(graph, Ids(graph, {"X"}), dated) == first);
}

}  // namespace
}  // namespace corridor
