// The fast ownership analysis: worklist propagation of blocked status (linear in edges) and
// effective listed shares by strongly connected components. See docs/ownership.md.
#include "engine/ownership/ownership.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <unordered_map>
#include <utility>

#include "engine/base/date.h"
#include "engine/base/strings.h"

namespace corridor {
namespace {

constexpr double kTolerance = 1e-9;  // percentage points, for threshold comparisons
constexpr double kEffectiveTolerance = 1e-9;
// Gauss-Seidel sweeps per cyclic component before giving up (counted in unconverged_components_):
// a cycle whose shares multiply to nearly 1 converges slowly, and this bounds the work.
constexpr int kMaxSweeps = 5000;

bool PassesMinority(double share, const OwnershipRegime& regime) {
  return share >= regime.minority_percent - kTolerance;
}

// A known share counts towards aggregates; unknown shares only towards upper bounds.
double Known(const OwnershipEdge& edge) { return edge.share_percent.value_or(0.0); }

}  // namespace

std::string ToString(const OwnershipProblem& problem) {
  std::string text = problem.table;
  if (!problem.row_id.empty()) text += " " + problem.row_id;
  if (!problem.column.empty()) text += " " + problem.column;
  return text + ": " + problem.message;
}

OwnershipRegime OwnershipRegime::Ofac() { return OwnershipRegime(); }

// EU: "more than 50%" and control counts (Council guidance on Regulation 269/2014); holdings of
// different listed persons are aggregated (Commission FAQ of 8 April 2022). docs/ownership.md.
OwnershipRegime OwnershipRegime::Eu() {
  OwnershipRegime regime;
  regime.name = "eu";
  regime.inclusive = false;
  regime.control_counts = true;
  return regime;
}

// UK: as the EU, but each designated person's holdings are assessed on their own (OFSI general
// guidance, paragraph 4.14).
OwnershipRegime OwnershipRegime::Uk() {
  OwnershipRegime regime = Eu();
  regime.name = "uk";
  regime.aggregate_owners = false;
  return regime;
}

bool PassesThreshold(double share_percent, const OwnershipRegime& regime) {
  // The tolerance always leans towards the legal reading: 33.33 + 16.67 is "50 or more" under OFAC,
  // and 50.0000000001 from rounded inputs is not "more than 50" under the EU and UK.
  return SharePasses(share_percent, regime.threshold_percent, regime.inclusive);
}

std::string FormatShare(double share_percent, const OwnershipRegime& regime) {
  return FormatShareDown(share_percent, regime.threshold_percent, regime.inclusive);
}

std::optional<int32_t> ParseDay(std::string_view text) {
  // End of the period: "2023" or "2023-06" is read as its last day, so a coarse date is not judged
  // stale earlier than any day it may stand for.
  std::optional<std::chrono::sys_days> day = ParseIsoDayEndOf(text);
  if (!day) return std::nullopt;
  return static_cast<int32_t>(day->time_since_epoch().count());
}

const char* StatusName(OwnershipStatus status) {
  switch (status) {
    case OwnershipStatus::kNotBlocked:
      return "not_blocked";
    case OwnershipStatus::kPossiblyBlocked:
      return "possibly_blocked";
    case OwnershipStatus::kBlocked:
      return "blocked";
    case OwnershipStatus::kListed:
      return "listed";
  }
  return "?";
}

// --- OwnershipGraph --------------------------------------------------------------------------

NodeId OwnershipGraph::AddNode(std::string_view name) {
  std::string key(name);
  auto [it, inserted] = ids_.try_emplace(key, static_cast<NodeId>(names_.size()));
  if (inserted) {
    if (finalized_) filter_.Add(key);
    names_.push_back(std::move(key));
  }
  return it->second;
}

NodeId OwnershipGraph::Find(std::string_view name) const {
  // Asked for every party of every shipment, most of which are in no ownership record.
  if (finalized_ && !filter_.MayHold(name)) return kNoNode;
  auto it = ids_.find(name);
  return it == ids_.end() ? kNoNode : it->second;
}

bool OwnershipGraph::AddEdge(NodeId owner, NodeId owned, std::optional<double> share_percent,
                             bool control, std::string_view as_of, int64_t record_id) {
  const std::string where = names_[owner] + " -> " + names_[owned];
  const std::string record = record_id >= 0 ? " (record " + std::to_string(record_id) + ")" : "";
  if (owner == owned) {
    problems_.push_back({"graph", where, "owner", "self-ownership ignored" + record});
    return false;
  }
  if (share_percent &&
      (!std::isfinite(*share_percent) || *share_percent < 0 || *share_percent > 100)) {
    problems_.push_back({"graph", where, "share",
                         FormatNumber(*share_percent) + " is outside 0..100; skipped" + record});
    return false;
  }
  OwnershipEdge edge{owner, owned, share_percent, control, kNoDate, record_id};
  if (!as_of.empty()) {
    std::optional<int32_t> day = ParseDay(as_of);
    if (day) {
      edge.as_of_day = *day;
    } else {
      problems_.push_back({"graph", where, "as_of",
                           "\"" + std::string(as_of) + "\" is not an ISO date; undated" + record});
    }
  }
  edges_.push_back(edge);
  return true;
}

bool OwnershipGraph::AddIdentityEdge(NodeId entry, NodeId entity, int64_t record_id) {
  if (!AddEdge(entry, entity, 100.0, true, {}, record_id)) return false;
  edges_.back().identity = true;
  return true;
}

void OwnershipGraph::Finalize() {
  const size_t n = names_.size();
  // Several records for one holding (a registry's yearly filings) would otherwise be added up and
  // double-count the share: the newest dated record wins, then one with a known share, then the
  // larger share (the cautious reading), then the first record, so the result does not depend on
  // input order.
  // Preferred record first within each (owned, owner) pair.
  std::sort(edges_.begin(), edges_.end(), [](const OwnershipEdge& a, const OwnershipEdge& b) {
    if (a.owned != b.owned) return a.owned < b.owned;
    if (a.owner != b.owner) return a.owner < b.owner;
    if (a.identity != b.identity) return a.identity;  // the same party, whatever else is recorded
    if (a.as_of_day != b.as_of_day) return a.as_of_day > b.as_of_day;
    if (a.share_percent.has_value() != b.share_percent.has_value())
      return a.share_percent.has_value();
    if (a.share_percent && *a.share_percent != *b.share_percent) {
      return *a.share_percent > *b.share_percent;
    }
    return a.record_id < b.record_id;
  });
  size_t kept = 0;
  for (size_t i = 0; i < edges_.size(); ++i) {
    if (kept > 0 && edges_[kept - 1].owned == edges_[i].owned &&
        edges_[kept - 1].owner == edges_[i].owner) {
      const OwnershipEdge& winner = edges_[kept - 1];
      const OwnershipEdge& loser = edges_[i];
      problems_.push_back({"graph", names_[loser.owner] + " -> " + names_[loser.owned], "as_of",
                           "record " + std::to_string(loser.record_id) + " superseded by record " +
                               std::to_string(winner.record_id) +
                               " (several records for one holding)"});
      continue;
    }
    edges_[kept++] = edges_[i];
  }
  edges_.resize(kept);
  edges_.shrink_to_fit();

  in_offsets_.assign(n + 1, 0);
  out_offsets_.assign(n + 1, 0);
  // known_in_ and unknown_in_ describe all owners, blocked or not: the headroom an unknown share
  // can take (100 minus the known shares) is bounded by what every other owner is known to hold.
  known_in_.assign(n, 0.0);
  unknown_in_.assign(n, 0);
  for (const OwnershipEdge& edge : edges_) {
    ++in_offsets_[edge.owned + 1];
    ++out_offsets_[edge.owner + 1];
    if (edge.identity) {
      // the same party, not a holding
    } else if (edge.share_percent) {
      known_in_[edge.owned] += *edge.share_percent;
    } else {
      unknown_in_[edge.owned] = 1;
    }
  }
  for (size_t i = 0; i < n; ++i) {
    in_offsets_[i + 1] += in_offsets_[i];
    out_offsets_[i + 1] += out_offsets_[i];
  }
  out_edges_.assign(edges_.size(), 0);
  // edges_ is sorted by owned node, so it doubles as the in-edge CSR; out_edges_ is a CSR of
  // indexes into it, by owner.
  std::vector<int64_t> fill(out_offsets_.begin(), out_offsets_.end() - 1);
  for (size_t i = 0; i < edges_.size(); ++i) {
    out_edges_[fill[edges_[i].owner]++] = static_cast<int32_t>(i);
  }
  for (size_t node = 0; node < n; ++node) {
    // Reported, not rejected: registries sum to over 100 through rounding and stale records, and
    // the capped aggregate still gives the right status.
    if (known_in_[node] > 100 + kTolerance) {
      problems_.push_back({"graph", names_[node], "share",
                           "known owners' shares sum to " + FormatNumber(known_in_[node]) +
                               "%, above 100; aggregates are capped at 100"});
    }
  }
  filter_ = StringFilter(names_.size());
  for (const std::string& name : names_) filter_.Add(name);
  finalized_ = true;
}

std::span<const OwnershipEdge> OwnershipGraph::InEdges(NodeId node) const {
  return std::span<const OwnershipEdge>(edges_.data() + in_offsets_[node],
                                        edges_.data() + in_offsets_[node + 1]);
}

std::span<const int32_t> OwnershipGraph::OutEdgeIndexes(NodeId node) const {
  return std::span<const int32_t>(out_edges_.data() + out_offsets_[node],
                                  out_edges_.data() + out_offsets_[node + 1]);
}

// --- Analysis --------------------------------------------------------------------------------

namespace {

// The state of one node in a propagation of blocked status.
struct NodeState {
  double known = 0;         // known shares from owners in the set
  bool unknown = false;     // an owner in the set has an unknown share (upper bound only)
  bool controlled = false;  // an owner in the set has control
  bool by_control = false;  // entered through control while below the threshold
  int32_t order = -1;       // order of entry into the set; -1 outside
};

// The aggregate the threshold is tested on, capped at 100. With `upper`, unknown shares from
// owners in the set are taken at the node's headroom (100 minus its known incoming shares).
double Aggregate(const OwnershipGraph& graph, NodeId node, const NodeState& state, bool upper) {
  double sum = state.known;
  // The unknown shares of all blocked owners together can hold at most the headroom, whatever their
  // number, so one headroom is added, not one per edge.
  if (upper && state.unknown) sum += std::max(0.0, 100.0 - graph.KnownIncomingShare(node));
  return std::min(100.0, sum);
}

// Least fixpoint of "a node joins when the owners already in the set pass the test", by
// worklist from `seeds`: each edge is looked at once, when its owner joins. `state(node)`
// returns the node's NodeState (a dense vector for all seeds together, a hash map for one
// blocked person's group). Edges for which `skip(edge)` is true are left out.
template <typename StateOf, typename Skip>
void Propagate(const OwnershipGraph& graph, const std::vector<NodeId>& seeds,
               const OwnershipRegime& regime, bool upper, StateOf state, Skip skip,
               std::vector<NodeId>* sequence) {
  const std::span<const OwnershipEdge> edges = graph.edges();
  for (NodeId seed : seeds) {
    NodeState& seed_state = state(seed);
    if (seed_state.order >= 0) continue;
    seed_state.order = static_cast<int32_t>(sequence->size());
    sequence->push_back(seed);
  }
  for (size_t head = 0; head < sequence->size(); ++head) {
    const NodeId owner = (*sequence)[head];
    for (int32_t index : graph.OutEdgeIndexes(owner)) {
      const OwnershipEdge& edge = edges[index];
      if (skip(edge)) continue;
      NodeState& owned = state(edge.owned);
      if (edge.share_percent) {
        owned.known += *edge.share_percent;
      } else if (upper) {
        owned.unknown = true;
      }
      // Sums and flags keep growing after the node has joined: blocked_share_lower is the aggregate
      // over all blocked owners, not only those that were enough to block it.
      if (edge.control) owned.controlled = true;
      if (owned.order >= 0) continue;
      const bool passes = PassesThreshold(Aggregate(graph, edge.owned, owned, upper), regime);
      if (passes || (regime.control_counts && owned.controlled)) {
        // Set once, when the node joins; later owners that bring it over the threshold do not clear
        // it (the status was reached through control, which the explanation must say).
        owned.by_control = !passes;
        owned.order = static_cast<int32_t>(sequence->size());
        sequence->push_back(edge.owned);
      }
    }
  }
}

// One blocked person's group (regimes that do not aggregate different blocked persons): the
// person and everything it owns directly or through entities of its group.
struct Group {
  std::unordered_map<NodeId, NodeState> states;
  std::vector<NodeId> sequence;
};

bool KeepAll(const OwnershipEdge&) { return false; }

// The group's states are a hash map: a group reaches few nodes, and a dense vector per listed
// person would make the UK regime quadratic in the graph size.
template <typename Skip = decltype(&KeepAll)>
Group PropagateGroup(const OwnershipGraph& graph, NodeId seed, const OwnershipRegime& regime,
                     bool upper, Skip skip = &KeepAll) {
  Group group;
  Propagate(
      graph, {seed}, regime, upper, [&](NodeId node) -> NodeState& { return group.states[node]; },
      skip, &group.sequence);
  return group;
}

// Strongly connected components (iterative Tarjan) over owner -> owned. Components come out
// with every component after all components it owns into (sinks first).
void Components(const OwnershipGraph& graph, std::vector<NodeId>* members,
                std::vector<int64_t>* starts) {
  const size_t n = graph.node_count();
  const std::span<const OwnershipEdge> edges = graph.edges();
  std::vector<int32_t> index(n, -1), low(n, 0);
  std::vector<uint8_t> on_stack(n, 0);
  std::vector<NodeId> stack;
  std::vector<std::pair<NodeId, size_t>> calls;  // node, position in its out edges
  int32_t counter = 0;
  members->clear();
  starts->assign(1, 0);
  for (size_t root = 0; root < n; ++root) {
    if (index[root] >= 0) continue;
    auto visit = [&](NodeId node) {
      index[node] = low[node] = counter++;
      stack.push_back(node);
      on_stack[node] = 1;
      calls.emplace_back(node, 0);
    };
    visit(static_cast<NodeId>(root));
    while (!calls.empty()) {
      auto& [node, position] = calls.back();
      const std::span<const int32_t> out = graph.OutEdgeIndexes(node);
      if (position < out.size()) {
        const NodeId next = edges[out[position++]].owned;
        if (index[next] < 0) {
          visit(next);
        } else if (on_stack[next]) {
          low[node] = std::min(low[node], index[next]);
        }
        continue;
      }
      // `node` refers into `calls` and is copied before pop_back() invalidates it.
      const NodeId done = node;
      calls.pop_back();
      // Returning from a child: the parent's low-link takes the child's, as in recursive Tarjan.
      if (!calls.empty()) low[calls.back().first] = std::min(low[calls.back().first], low[done]);
      if (low[done] == index[done]) {
        NodeId member;
        do {
          member = stack.back();
          stack.pop_back();
          on_stack[member] = 0;
          members->push_back(member);
        } while (member != done);
        starts->push_back(static_cast<int64_t>(members->size()));
      }
    }
  }
}

}  // namespace

// The set an explanation follows: all blocked persons together (seed == kNoNode, aggregating
// regimes) or one blocked person's group; the blocked set or the possibly-blocked set.
struct OwnershipAnalysis::Chain {
  bool upper = false;
  NodeId seed = kNoNode;
  const std::vector<int32_t>* dense = nullptr;
  std::unordered_map<NodeId, int32_t> sparse;

  // The order a node entered the set; an explanation follows only edges from owners that entered
  // earlier, which keeps every explained path acyclic and ending at a seed.
  int32_t Order(NodeId node) const {
    if (dense != nullptr) return (*dense)[node];
    auto it = sparse.find(node);
    return it == sparse.end() ? -1 : it->second;
  }
};

namespace {

std::unique_ptr<OwnershipAnalysis::Chain> MakeGroupChain(const Group& group, NodeId seed,
                                                         bool upper) {
  auto chain = std::make_unique<OwnershipAnalysis::Chain>();
  chain->upper = upper;
  chain->seed = seed;
  for (NodeId node : group.sequence) chain->sparse[node] = group.states.at(node).order;
  return chain;
}

}  // namespace

bool OwnershipAnalysis::IsStale(const OwnershipEdge& edge) const {
  if (regime_.max_record_age_days <= 0 || as_of_day_ == kNoDate) return false;
  // A same-party link is this run's name match, not a dated record: never stale. It was, being
  // undated, and a listed person's two records read "relies on a stale record" (2026-12-08).
  if (edge.identity) return false;
  // An undated record counts as stale when a maximum age is set: its age cannot be shown to be
  // within the limit.
  return edge.as_of_day == kNoDate || as_of_day_ - edge.as_of_day > regime_.max_record_age_days;
}

bool OwnershipAnalysis::Ends(NodeId node, const Chain& chain) const {
  if (chain.seed == kNoNode) return results_[node].status == OwnershipStatus::kListed;
  return node == chain.seed;
}

std::vector<const OwnershipEdge*> OwnershipAnalysis::EvidenceEdges(NodeId node,
                                                                   const Chain* chain) const {
  std::vector<const OwnershipEdge*> evidence;
  if (chain != nullptr && Ends(node, *chain)) return evidence;
  const int32_t node_order = chain != nullptr ? chain->Order(node) : 0;
  for (const OwnershipEdge& edge : graph_->InEdges(node)) {
    bool counts;
    if (chain == nullptr) {  // exposure: the blocked owners
      const OwnershipStatus owner = results_[edge.owner].status;
      counts = owner == OwnershipStatus::kBlocked || owner == OwnershipStatus::kListed;
    } else {
      const int32_t owner_order = chain->Order(edge.owner);
      counts = owner_order >= 0 && owner_order < node_order &&
               (Known(edge) > 0 || (chain->upper && !edge.share_percent) ||
                (regime_.control_counts && edge.control));
    }
    if (counts) evidence.push_back(&edge);
  }
  std::stable_sort(evidence.begin(), evidence.end(),
                   [](const OwnershipEdge* a, const OwnershipEdge* b) {
                     return a->share_percent.value_or(-1.0) > b->share_percent.value_or(-1.0);
                   });
  return evidence;
}

const OwnershipAnalysis::Chain* OwnershipAnalysis::ChainOf(
    NodeId node, std::map<std::pair<NodeId, bool>, std::unique_ptr<Chain>>* cache) const {
  const OwnershipStatus status = results_[node].status;
  const bool upper = status == OwnershipStatus::kPossiblyBlocked;
  NodeId seed = kNoNode;
  if (!regime_.aggregate_owners) {
    // Non-aggregating regimes explain through the one group that blocked the node (the one recorded
    // in StatusByGroup), recomputed here on demand rather than kept for every group.
    seed = status == OwnershipStatus::kListed ? node
           : upper                            ? possible_seed_[node]
                                              : blocked_seed_[node];
  }
  std::unique_ptr<Chain>& chain = (*cache)[{seed, upper}];
  if (chain == nullptr) {
    if (seed == kNoNode) {
      chain = std::make_unique<Chain>();
      chain->upper = upper;
      chain->dense = upper ? &possible_order_ : &blocked_order_;
    } else {
      chain = MakeGroupChain(PropagateGroup(*graph_, seed, regime_, upper), seed, upper);
    }
  }
  return chain.get();
}

OwnershipAnalysis Analyze(const OwnershipGraph& graph, const std::vector<NodeId>& listed,
                          const OwnershipRegime& regime) {
  OwnershipAnalysis analysis;
  analysis.graph_ = &graph;
  analysis.regime_ = regime;
  if (regime.max_record_age_days > 0) {
    analysis.as_of_day_ = ParseDay(regime.as_of_date).value_or(kNoDate);
  }
  const size_t n = graph.node_count();
  std::vector<NodeId> seeds;
  std::vector<uint8_t> is_listed(n, 0);
  for (NodeId node : listed) {
    // Out-of-range ids and duplicates are ignored: seeds come from name matching, which may list
    // one node several times.
    if (node < 0 || static_cast<size_t>(node) >= n || is_listed[node]) continue;
    is_listed[node] = 1;
    seeds.push_back(node);
  }
  analysis.results_.assign(n, OwnershipResult());
  if (regime.aggregate_owners) {
    analysis.StatusAggregated(seeds, is_listed);
  } else {
    analysis.StatusByGroup(seeds, is_listed);
  }
  for (const OwnershipResult& result : analysis.results_) {
    if (result.status == OwnershipStatus::kBlocked) ++analysis.blocked_count_;
    if (result.status == OwnershipStatus::kPossiblyBlocked) ++analysis.possibly_blocked_count_;
  }
  analysis.EffectiveShares(is_listed);
  analysis.Exposure(analysis.UncertainNodes(seeds, is_listed));
  return analysis;
}

void OwnershipAnalysis::StatusAggregated(const std::vector<NodeId>& seeds,
                                         const std::vector<uint8_t>& is_listed) {
  const OwnershipGraph& graph = *graph_;
  const size_t n = graph.node_count();
  std::vector<OwnershipResult>& results = results_;
  // Blocked status of all blocked persons together: lower bound (known shares) and upper.
  // The possible set is a superset of the blocked set: the upper test adds headroom to the same
  // known sums.
  std::vector<NodeState> blocked(n), possible(n);
  std::vector<NodeId> blocked_sequence, possible_sequence;
  Propagate(
      graph, seeds, regime_, false, [&](NodeId node) -> NodeState& { return blocked[node]; },
      KeepAll, &blocked_sequence);
  Propagate(
      graph, seeds, regime_, true, [&](NodeId node) -> NodeState& { return possible[node]; },
      KeepAll, &possible_sequence);
  blocked_order_.resize(n);
  possible_order_.resize(n);
  for (size_t node = 0; node < n; ++node) {
    OwnershipResult& result = results[node];
    const NodeId id = static_cast<NodeId>(node);
    blocked_order_[node] = blocked[node].order;
    possible_order_[node] = possible[node].order;
    result.blocked_share_lower = Aggregate(graph, id, blocked[node], false);
    result.blocked_share_upper = Aggregate(graph, id, possible[node], true);
    if (is_listed[node]) {
      result.status = OwnershipStatus::kListed;
    } else if (blocked[node].order >= 0) {
      result.status = OwnershipStatus::kBlocked;
      result.blocked_by_control = blocked[node].by_control;
    } else if (possible[node].order >= 0) {
      result.status = OwnershipStatus::kPossiblyBlocked;
    }
  }
  if (regime_.max_record_age_days <= 0) return;
  // A status relies on stale records when, without them, it would not hold: the propagations
  // are repeated with stale edges left out.
  auto stale = [&](const OwnershipEdge& edge) { return IsStale(edge); };
  for (bool upper : {false, true}) {
    const OwnershipStatus status =
        upper ? OwnershipStatus::kPossiblyBlocked : OwnershipStatus::kBlocked;
    std::vector<NodeState> fresh(n);
    std::vector<NodeId> fresh_sequence;
    Propagate(
        graph, seeds, regime_, upper, [&](NodeId node) -> NodeState& { return fresh[node]; }, stale,
        &fresh_sequence);
    for (size_t node = 0; node < n; ++node) {
      if (results[node].status == status && fresh[node].order < 0) {
        results[node].relies_on_stale_record = true;
      }
    }
  }
}

void OwnershipAnalysis::StatusByGroup(const std::vector<NodeId>& seeds,
                                      const std::vector<uint8_t>& is_listed) {
  const OwnershipGraph& graph = *graph_;
  const size_t n = graph.node_count();
  std::vector<OwnershipResult>& results = results_;
  const bool check_stale = regime_.max_record_age_days > 0;
  auto stale = [&](const OwnershipEdge& edge) { return IsStale(edge); };
  // Each blocked person's group separately; a node is blocked when one group blocks it. A group
  // that blocks by share is preferred as the explanation over one that blocks by control.
  blocked_seed_.assign(n, kNoNode);
  possible_seed_.assign(n, kNoNode);
  std::vector<uint8_t> by_share(n, 0), fresh(n, 0);
  for (bool upper : {false, true}) {
    std::vector<NodeId>& seed_of = upper ? possible_seed_ : blocked_seed_;
    for (NodeId seed : seeds) {
      Group group = PropagateGroup(graph, seed, regime_, upper);
      for (const auto& [node, state] : group.states) {
        double& aggregate =
            upper ? results[node].blocked_share_upper : results[node].blocked_share_lower;
        aggregate = std::max(aggregate, Aggregate(graph, node, state, upper));
      }
      for (NodeId node : group.sequence) {
        const NodeState& state = group.states.at(node);
        // The first group reaching a node explains it, unless a later group blocks it by share
        // where the first did so only by control: a share is the stronger, more explainable ground.
        if (seed_of[node] == kNoNode || (!upper && state.by_control == false && !by_share[node])) {
          seed_of[node] = seed;
        }
        if (!upper && !state.by_control) by_share[node] = 1;
      }
      if (check_stale) {
        for (NodeId node : PropagateGroup(graph, seed, regime_, upper, stale).sequence) {
          fresh[node] |= upper ? 2 : 1;
        }
      }
    }
  }
  for (size_t node = 0; node < n; ++node) {
    OwnershipResult& result = results[node];
    if (is_listed[node]) {
      result.status = OwnershipStatus::kListed;
    } else if (blocked_seed_[node] != kNoNode) {
      result.status = OwnershipStatus::kBlocked;
      result.blocked_by_control = !by_share[node];
      result.relies_on_stale_record = check_stale && !(fresh[node] & 1);
    } else if (possible_seed_[node] != kNoNode) {
      result.status = OwnershipStatus::kPossiblyBlocked;
      result.relies_on_stale_record = check_stale && !(fresh[node] & 2);
    }
  }
}

void OwnershipAnalysis::EffectiveShares(const std::vector<uint8_t>& is_listed) {
  const OwnershipGraph& graph = *graph_;
  // E(v) = sum over owners u of share(u,v) * x(u), x(u) = 1 for a listed u and E(u)/100
  // otherwise. Components in owner-first order; cyclic components by Gauss-Seidel sweeps from 0
  // (monotone, so always a lower bound of the exact value).
  std::vector<NodeId> members;
  std::vector<int64_t> starts;
  Components(graph, &members, &starts);
  std::vector<double> effective(graph.node_count(), 0.0);
  auto compute = [&](NodeId node) {
    double sum = 0;
    for (const OwnershipEdge& edge : graph.InEdges(node)) {
      if (!edge.share_percent) continue;
      sum += *edge.share_percent * (is_listed[edge.owner] ? 1.0 : effective[edge.owner] / 100.0);
    }
    return std::min(100.0, sum);
  };
  // Tarjan emits sinks first, so walking components backwards visits every owner's component before
  // the components it owns; acyclic components then need one evaluation each.
  for (size_t c = starts.size() - 1; c-- > 0;) {
    const int64_t begin = starts[c], end = starts[c + 1];
    if (end - begin == 1) {
      effective[members[begin]] = compute(members[begin]);
      continue;
    }
    bool converged = false;
    for (int sweep = 0; sweep < kMaxSweeps && !converged; ++sweep) {
      double change = 0;
      for (int64_t i = begin; i < end; ++i) {
        const double value = compute(members[i]);
        change = std::max(change, std::abs(value - effective[members[i]]));
        effective[members[i]] = value;
      }
      // Stopping at kMaxSweeps therefore understates the exposure, never overstates it.
      converged = change <= kEffectiveTolerance;
    }
    if (!converged) ++unconverged_components_;
  }
  for (size_t node = 0; node < effective.size(); ++node) {
    results_[node].effective_listed_share = effective[node];
  }
}

std::vector<uint8_t> OwnershipAnalysis::UncertainNodes(
    const std::vector<NodeId>& seeds, const std::vector<uint8_t>& is_listed) const {
  const OwnershipGraph& graph = *graph_;
  const std::span<const OwnershipEdge> edges = graph.edges();
  const size_t n = graph.node_count();
  // Paths from listed seeds through unlisted nodes: which nodes they reach, and which they
  // reach through an edge of unknown share.
  std::vector<uint8_t> reached(n, 0), uncertain(n, 0);
  auto spread = [&](std::vector<NodeId> frontier, std::vector<uint8_t>* mark) {
    while (!frontier.empty()) {
      const NodeId node = frontier.back();
      frontier.pop_back();
      if (is_listed[node]) continue;  // paths stop at the first listed node
      for (int32_t index : graph.OutEdgeIndexes(node)) {
        const NodeId next = edges[index].owned;
        if (!(*mark)[next]) {
          (*mark)[next] = 1;
          frontier.push_back(next);
        }
      }
    }
  };
  std::vector<NodeId> frontier;
  for (NodeId seed : seeds) {
    for (int32_t index : graph.OutEdgeIndexes(seed)) {
      const NodeId next = edges[index].owned;
      if (!reached[next]) {
        reached[next] = 1;
        frontier.push_back(next);
      }
    }
  }
  spread(std::move(frontier), &reached);
  frontier.clear();
  for (const OwnershipEdge& edge : edges) {
    // An unknown share on a path from a listed seed makes every node downstream of it a lower
    // bound: the unknown edge's target, and what it reaches through unlisted nodes.
    if (edge.share_percent || uncertain[edge.owned]) continue;
    if (is_listed[edge.owner] || reached[edge.owner]) {
      uncertain[edge.owned] = 1;
      frontier.push_back(edge.owned);
    }
  }
  spread(std::move(frontier), &uncertain);
  return uncertain;
}

void OwnershipAnalysis::Exposure(const std::vector<uint8_t>& uncertain) {
  const bool check_stale = regime_.max_record_age_days > 0;
  std::vector<OwnershipResult>& results = results_;
  for (size_t node = 0; node < results.size(); ++node) {
    OwnershipResult& result = results[node];
    result.effective_is_lower_bound = uncertain[node] != 0;
    if (result.status == OwnershipStatus::kListed || result.status == OwnershipStatus::kBlocked) {
      continue;
    }
    // Only known shares count here: the minority flag is a finding, and unknown shares are reported
    // through the possibly-blocked status and effective_is_lower_bound instead.
    result.minority_exposure = PassesMinority(result.blocked_share_lower, regime_) ||
                               PassesMinority(result.effective_listed_share, regime_);
    for (const OwnershipEdge& edge : graph_->InEdges(static_cast<NodeId>(node))) {
      const OwnershipStatus owner = results[edge.owner].status;
      if (edge.control &&
          (owner == OwnershipStatus::kBlocked || owner == OwnershipStatus::kListed)) {
        result.control_without_ownership = true;
      }
    }
    // An exposure relies on a stale record when one of the edges from its blocked owners is
    // stale or such an owner's status relies on one.
    if (check_stale && result.status == OwnershipStatus::kNotBlocked &&
        (result.minority_exposure || result.control_without_ownership)) {
      for (const OwnershipEdge* edge : EvidenceEdges(static_cast<NodeId>(node), nullptr)) {
        if (IsStale(*edge) || results[edge->owner].relies_on_stale_record) {
          result.relies_on_stale_record = true;
        }
      }
    }
  }
}

std::vector<OwnershipPath> OwnershipAnalysis::Explain(NodeId node, size_t max_paths) const {
  std::vector<OwnershipPath> paths;
  const OwnershipStatus status = results_[node].status;
  if (status == OwnershipStatus::kListed) return paths;
  std::map<std::pair<NodeId, bool>, std::unique_ptr<Chain>> cache;
  struct Frame {
    const Chain* chain;  // nullptr: the root of an exposure (its blocked owners)
    std::vector<const OwnershipEdge*> evidence;
    size_t next = 0;
  };
  std::vector<Frame> frames;
  std::vector<const OwnershipEdge*> steps;  // edges from `node` back towards a seed
  const Chain* root = status == OwnershipStatus::kNotBlocked ? nullptr : ChainOf(node, &cache);
  frames.push_back(Frame{root, EvidenceEdges(node, root), 0});
  while (!frames.empty() && paths.size() < max_paths) {
    Frame& frame = frames.back();
    if (frame.next == frame.evidence.size()) {
      frames.pop_back();
      // A depth-first walk over evidence edges with an explicit stack; `steps` holds one edge per
      // frame above the root, so leaving a frame drops the edge that entered it.
      if (!steps.empty()) steps.pop_back();
      continue;
    }
    const OwnershipEdge* edge = frame.evidence[frame.next++];
    steps.push_back(edge);
    // Aggregating regimes follow each owner's own status; a group stays within its group.
    const Chain* chain = frame.chain == nullptr || regime_.aggregate_owners
                             ? ChainOf(edge->owner, &cache)
                             : frame.chain;
    if (Ends(edge->owner, *chain)) {
      OwnershipPath path;
      for (auto it = steps.rbegin(); it != steps.rend(); ++it) {
        const OwnershipEdge& step = **it;
        path.steps.push_back(OwnershipStep{step.owner, step.owned, step.share_percent, step.control,
                                           IsStale(step), step.record_id});
      }
      paths.push_back(std::move(path));
      steps.pop_back();
      continue;
    }
    frames.push_back(Frame{chain, EvidenceEdges(edge->owner, chain), 0});
  }
  return paths;
}

std::shared_ptr<const OwnershipAnalysis> OwnershipAnalyses::Get(const OwnershipGraph& graph,
                                                                const std::vector<NodeId>& listed,
                                                                const OwnershipRegime& regime) {
  Key key{&graph,
          listed,
          regime.name,
          regime.threshold_percent,
          regime.inclusive,
          regime.control_counts,
          regime.aggregate_owners,
          regime.minority_percent,
          regime.max_record_age_days,
          regime.max_record_age_days > 0 ? regime.as_of_date : std::string()};
  std::lock_guard<std::mutex> lock(mu_);
  std::shared_ptr<const OwnershipAnalysis>& analysis = cache_[std::move(key)];
  if (!analysis)
    analysis = std::make_shared<const OwnershipAnalysis>(Analyze(graph, listed, regime));
  return analysis;
}

size_t OwnershipAnalyses::computed() const {
  std::lock_guard<std::mutex> lock(mu_);
  return cache_.size();
}

}  // namespace corridor
