// Ownership and control: OFAC's 50 Percent Rule (and the EU/UK variants) through chains of
// companies. The design, the rule as OFAC states it and every edge case are in docs/ownership.md.
//
// Usage:
//   OwnershipGraph graph;
//   NodeId group = graph.AddNode("list:ofac-sdn:123");
//   NodeId holding = graph.AddNode("entity:HK1");
//   NodeId trader = graph.AddNode("entity:KZ1");
//   graph.AddEdge(group, holding, 80.0, /*control=*/false, "2025-01-10");
//   graph.AddEdge(holding, trader, 60.0, false, "2025-01-10");
//   graph.Finalize();
//   OwnershipAnalysis analysis = Analyze(graph, {group}, OwnershipRegime::Ofac());
//   analysis.Result(trader).status == OwnershipStatus::kBlocked;   // 80% -> 60%: blocked
//   analysis.Result(trader).effective_listed_share == 48.0;         // risk measure only
//   analysis.Explain(trader);  // [group -80%-> holding -60%-> trader]
//
// Two different quantities are computed and must not be confused:
//  * blocked status: a node is blocked when blocked persons (listed seeds, or nodes blocked by
//    this rule) own, directly and in the aggregate, at least the threshold of it. Status
//    propagates; shares are never multiplied along a path.
//  * effective listed share: shares multiplied along paths from listed seeds and summed over
//    paths. A minority-exposure risk measure only; it never decides blocking.
#ifndef CORRIDOR_ENGINE_OWNERSHIP_OWNERSHIP_H_
#define CORRIDOR_ENGINE_OWNERSHIP_OWNERSHIP_H_

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

#include "engine/base/data_problem.h"
#include "engine/base/strings.h"

namespace corridor {

// Dense node number, 0..node_count()-1, in the order nodes were added.
using NodeId = int32_t;
inline constexpr NodeId kNoNode = -1;
// Day number of a date (days since 1970-01-01); kNoDate when undated.
inline constexpr int32_t kNoDate = INT32_MIN;

// A problem in the ownership records: which table and row (or "graph" and the node names),
// which column, what. Problems never stop the analysis; the record is skipped or treated as
// the message says.
using OwnershipProblem = DataProblem;
// "table row_id column: message", e.g. "ownership row 7 share: 150 is outside 0..100; skipped".
std::string ToString(const OwnershipProblem& problem);

// The legal regime the rule is applied under. Use the named constructors for the defaults.
struct OwnershipRegime {
  std::string name = "ofac";
  double threshold_percent = 50;
  bool inclusive = true;        // OFAC: aggregate >= threshold; EU/UK: aggregate > threshold
  bool control_counts = false;  // EU/UK: control (control = 1) by a blocked person blocks
  // OFAC, EU: the holdings of different blocked persons add up. UK (OFSI general guidance
  // 4.14): each blocked person's holdings, direct and through entities it owns, are assessed
  // on their own, and different persons' holdings are not added together.
  bool aggregate_owners = true;
  double minority_percent = 25;  // minority exposure from this share (>=) below blocking
  // Records whose as_of is more than this many days before `as_of_date` (or undated) are stale:
  // still counted, but every result that depends on one is flagged. 0 disables the check.
  int max_record_age_days = 0;
  std::string as_of_date;  // YYYY-MM-DD; REQUIRES: valid when max_record_age_days > 0

  static OwnershipRegime Ofac();
  static OwnershipRegime Eu();
  static OwnershipRegime Uk();
};

// True when an aggregate share passes the regime's threshold (with 1e-9 tolerance for
// floating sums such as 33.33 + 16.67).
bool PassesThreshold(double share_percent, const OwnershipRegime& regime);

// A share as evidence shows it: rounded down to two decimals (never across a threshold), with
// more decimals, up to nine, when two would hide that it passes the regime's threshold: 50.004%
// under the EU's "more than 50%" is "50.004", not "50", which reads as not passing.
std::string FormatShare(double share_percent, const OwnershipRegime& regime);

// Parses YYYY, YYYY-MM or YYYY-MM-DD to a day number; a partial date means the last day of its
// period. nullopt when `text` is not such a date.
std::optional<int32_t> ParseDay(std::string_view text);

// One direct holding, owner -> owned.
struct OwnershipEdge {
  NodeId owner = kNoNode;
  NodeId owned = kNoNode;
  std::optional<double> share_percent;  // 0..100; nullopt: unknown
  bool control = false;
  int32_t as_of_day = kNoDate;
  int64_t record_id = -1;  // the caller's reference (e.g. a row id), returned in evidence
  // A same-party link (AddIdentityEdge), not a holding: not one of the known shares that bound
  // the headroom of an unknown share.
  bool identity = false;
};

// The ownership graph. Build with AddNode/AddEdge, then Finalize once; after that it is
// read-only and may be analysed any number of times (also concurrently).
class OwnershipGraph {
 public:
  // Returns the node named `name`, adding it when new.
  NodeId AddNode(std::string_view name);
  // kNoNode when there is no such node.
  NodeId Find(std::string_view name) const;
  const std::string& Name(NodeId node) const { return names_[node]; }
  size_t node_count() const { return names_.size(); }

  // Adds owner -> owned. REQUIRES: !finalized(), both nodes exist. Returns false, recording a
  // problem, when the edge is ignored: self-ownership, share outside 0..100 or not a number.
  // An as_of that is not an ISO date is recorded as a problem and the edge kept undated.
  bool AddEdge(NodeId owner, NodeId owned, std::optional<double> share_percent, bool control,
               std::string_view as_of = {}, int64_t record_id = -1);

  // Adds `entry` -> `entity` as the same party (a name match: the entity is the list entry): 100%
  // with control, so the entity takes the entry's status under every regime, but not counted
  // among the entity's known incoming shares. Counted, it left no headroom for an unknown share
  // of a blocked owner: a name match to an unsanctioned company hid a possibly blocked finding
  // (from a review, 2026-12-07).
  bool AddIdentityEdge(NodeId entry, NodeId entity, int64_t record_id);

  // Builds the indexes. Several records for the same owner and owned are reduced to one: the
  // latest as_of wins (undated is oldest; ties: a known share, then the larger share), and the
  // others are reported as superseded. Nodes whose known incoming shares sum above 100 are
  // reported as over-allocated (the shares are kept as recorded; aggregates are capped at 100).
  void Finalize();
  bool finalized() const { return finalized_; }

  // REQUIRES: finalized(). Edges into `node` (its owners) and out of it (what it owns).
  std::span<const OwnershipEdge> InEdges(NodeId node) const;
  // Indexes into edges() of the edges out of `node`.
  std::span<const int32_t> OutEdgeIndexes(NodeId node) const;
  // All edges, grouped by owned node (InEdges are slices of it).
  std::span<const OwnershipEdge> edges() const { return edges_; }
  size_t edge_count() const { return edges_.size(); }
  // Sum of the known incoming shares, uncapped. REQUIRES: finalized().
  double KnownIncomingShare(NodeId node) const { return known_in_[node]; }
  // True when `node` has at least one owner of unknown share. REQUIRES: finalized().
  bool HasUnknownIncomingShare(NodeId node) const { return unknown_in_[node] != 0; }

  const std::vector<OwnershipProblem>& problems() const { return problems_; }
  void AddProblem(OwnershipProblem problem) { problems_.push_back(std::move(problem)); }

 private:
  std::vector<std::string> names_;
  StringMap<NodeId> ids_;
  StringFilter filter_;               // the names, from Finalize() on
  std::vector<OwnershipEdge> edges_;  // after Finalize: sorted by owned, then owner
  std::vector<int64_t> in_offsets_;   // node -> first edge into it
  std::vector<int64_t> out_offsets_;  // node -> first entry of out_edges_
  std::vector<int32_t> out_edges_;    // edge indexes, grouped by owner
  std::vector<double> known_in_;
  std::vector<uint8_t> unknown_in_;
  std::vector<OwnershipProblem> problems_;
  bool finalized_ = false;
};

enum class OwnershipStatus {
  kNotBlocked,
  // Blocked only if unknown shares are large enough: needs review.
  kPossiblyBlocked,
  // Blocked by ownership (or, where the regime says so, control) of blocked persons.
  kBlocked,
  // One of the listed seeds passed to Analyze.
  kListed,
};
const char* StatusName(OwnershipStatus status);  // "not_blocked", "possibly_blocked", ...

struct OwnershipResult {
  OwnershipStatus status = OwnershipStatus::kNotBlocked;
  // Aggregate direct share held by blocked owners (listed or blocked by this rule), known
  // shares only, capped at 100: the lower bound the blocking test uses. Under a regime that
  // does not aggregate owners: the largest such share of any one blocked person's group.
  double blocked_share_lower = 0;
  // The same with possibly-blocked owners counted and each unknown share from them taken as
  // the node's headroom (100 minus its known incoming shares), capped at 100: the upper bound.
  double blocked_share_upper = 0;
  // kBlocked through control (EU/UK): when it became blocked, the blocked owners held less than
  // the threshold but one of them controls it.
  bool blocked_by_control = false;
  // Shares multiplied along paths from listed seeds (intermediate nodes unlisted) and summed
  // over all paths, cycles included (see docs); known shares only, capped at 100.
  double effective_listed_share = 0;
  bool effective_is_lower_bound = false;  // an unknown share lies on such a path
  // Not blocked, but blocked owners hold >= minority_percent directly, or the effective
  // listed share is >= minority_percent.
  bool minority_exposure = false;
  // Not blocked, but a blocked owner controls it (control = 1).
  bool control_without_ownership = false;
  // Stale or undated records (regime.max_record_age_days) count, but: a kBlocked
  // (kPossiblyBlocked) node would not be so without them; or a minority/control exposure comes
  // through a stale edge or a blocked owner whose status relies on one.
  bool relies_on_stale_record = false;
};

// One step of an explanation path.
struct OwnershipStep {
  NodeId owner = kNoNode;
  NodeId owned = kNoNode;
  std::optional<double> share_percent;
  bool control = false;
  bool stale = false;
  int64_t record_id = -1;
};
// steps.front().owner is a listed seed; steps.back().owned is the node explained.
struct OwnershipPath {
  std::vector<OwnershipStep> steps;
};

class OwnershipAnalysis {
 public:
  struct Chain;  // internal: the ordered set an explanation follows (see ownership.cc)

  // REQUIRES: node < graph().node_count().
  const OwnershipResult& Result(NodeId node) const { return results_[node]; }
  const std::vector<OwnershipResult>& results() const { return results_; }

  // Why `node` has its status: paths from listed seeds to it, each step with its share, at most
  // `max_paths`, larger shares first. For a blocked node the paths run through owners that
  // were blocked before it; for a possibly-blocked node through possibly-blocked owners; for
  // any other node through its blocked owners (minority or control exposure). Under a regime
  // that does not aggregate owners, the paths of a blocked node all start at the one blocked
  // person whose group blocks it. Empty for a listed seed and for a node with no blocked owner.
  std::vector<OwnershipPath> Explain(NodeId node, size_t max_paths = 8) const;

  const OwnershipGraph& graph() const { return *graph_; }
  const OwnershipRegime& regime() const { return regime_; }
  size_t blocked_count() const { return blocked_count_; }  // kBlocked, seeds excluded
  size_t possibly_blocked_count() const { return possibly_blocked_count_; }
  // Cyclic components whose effective shares did not converge within the sweep limit (their
  // values are then lower bounds).
  size_t unconverged_components() const { return unconverged_components_; }

 private:
  friend OwnershipAnalysis Analyze(const OwnershipGraph&, const std::vector<NodeId>&,
                                   const OwnershipRegime&);
  bool IsStale(const OwnershipEdge& edge) const;
  // True when an explanation following `chain` ends at `node` (a listed seed, or the group's).
  bool Ends(NodeId node, const Chain& chain) const;
  // The edges into `node` an explanation follows: from owners earlier in `chain`, or, with no
  // chain, from blocked owners (minority or control exposure).
  std::vector<const OwnershipEdge*> EvidenceEdges(NodeId node, const Chain* chain) const;
  // The chain that explains `node`'s own status, built once per Explain call.
  const Chain* ChainOf(NodeId node,
                       std::map<std::pair<NodeId, bool>, std::unique_ptr<Chain>>* cache) const;

  // The phases of Analyze(), in order. `is_listed` marks the seeds.
  // Blocked status when owners aggregate (OFAC, EU): all blocked persons together.
  void StatusAggregated(const std::vector<NodeId>& seeds, const std::vector<uint8_t>& is_listed);
  // Blocked status when they do not (UK): each blocked person's group on its own.
  void StatusByGroup(const std::vector<NodeId>& seeds, const std::vector<uint8_t>& is_listed);
  // The effective listed share of every node (multiplied along chains).
  void EffectiveShares(const std::vector<uint8_t>& is_listed);
  // Nodes whose effective share is a lower bound: reached through an edge of unknown share.
  std::vector<uint8_t> UncertainNodes(const std::vector<NodeId>& seeds,
                                      const std::vector<uint8_t>& is_listed) const;
  // Exposure below blocking: minority shares and control by blocked persons.
  void Exposure(const std::vector<uint8_t>& uncertain);

  const OwnershipGraph* graph_ = nullptr;
  OwnershipRegime regime_;
  int32_t as_of_day_ = kNoDate;
  std::vector<OwnershipResult> results_;
  // Aggregating regimes: order of entry into the blocked (possibly-blocked) set; -1 outside.
  std::vector<int32_t> blocked_order_;
  std::vector<int32_t> possible_order_;
  // Non-aggregating regimes: the blocked person whose group blocks (possibly blocks) the node.
  std::vector<NodeId> blocked_seed_;
  std::vector<NodeId> possible_seed_;
  size_t blocked_count_ = 0;
  size_t possibly_blocked_count_ = 0;
  size_t unconverged_components_ = 0;
};

// Applies the rule. `listed` are the blocked seeds (list entries, and entities found listed);
// ids out of range are ignored. The graph must outlive the result. REQUIRES: graph.finalized().
OwnershipAnalysis Analyze(const OwnershipGraph& graph, const std::vector<NodeId>& listed,
                          const OwnershipRegime& regime);

// A run's analyses, each computed once per (graph, seeds in order, regime): rules that ask for
// the same test of the same owners share it (the bundled rules' three Affiliates-rule variants
// do). Thread-safe; the analyses live as long as a holder of one does.
class OwnershipAnalyses {
 public:
  std::shared_ptr<const OwnershipAnalysis> Get(const OwnershipGraph& graph,
                                               const std::vector<NodeId>& listed,
                                               const OwnershipRegime& regime);
  size_t computed() const;  // analyses computed so far (the rest of the Get calls shared one)

 private:
  using Key = std::tuple<const OwnershipGraph*, std::vector<NodeId>, std::string, double, bool,
                         bool, bool, double, int, std::string>;
  mutable std::mutex mu_;
  std::map<Key, std::shared_ptr<const OwnershipAnalysis>> cache_;
};

}  // namespace corridor

#endif  // CORRIDOR_ENGINE_OWNERSHIP_OWNERSHIP_H_
