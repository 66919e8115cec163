// The fast ownership analysis: worklist propagation of blocked status (linear in edges) and
// effective listed shares by strongly connected components. See docs/ownership.md.
#include "engine/ownership/ownership.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "engine/base/strings.h"

namespace corridor {
namespace {

constexpr double kTolerance = 1e-9;  // percentage points, for threshold comparisons
constexpr double kEffectiveTolerance = 1e-9;
constexpr int kMaxSweeps = 5000;

// Days since 1970-01-01 of a civil date (H. Hinnant's days_from_civil).
int32_t DaysFromCivil(int year, int month, int day) {
  year -= month <= 2;
  const int era = (year >= 0 ? year : year - 399) / 400;
  const int yoe = year - era * 400;
  const int doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

int DaysInMonth(int year, int month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return (month == 2 && leap) ? 29 : kDays[month - 1];
}

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

OwnershipRegime OwnershipRegime::Eu() {
  OwnershipRegime regime;
  regime.name = "eu";
  regime.inclusive = false;
  regime.control_counts = true;
  return regime;
}

OwnershipRegime OwnershipRegime::Uk() {
  OwnershipRegime regime = Eu();
  regime.name = "uk";
  return regime;
}

bool PassesThreshold(double share_percent, const OwnershipRegime& regime) {
  if (regime.inclusive) return share_percent >= regime.threshold_percent - kTolerance;
  return share_percent > regime.threshold_percent + kTolerance;
}

std::optional<int32_t> ParseDay(std::string_view text) {
  if (!IsIsoDate(text)) return std::nullopt;
  int year = std::stoi(std::string(text.substr(0, 4)));
  int month = text.size() >= 7 ? std::stoi(std::string(text.substr(5, 2))) : 12;
  int day =
      text.size() == 10 ? std::stoi(std::string(text.substr(8, 2))) : DaysInMonth(year, month);
  return DaysFromCivil(year, month, day);
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
  if (inserted) names_.push_back(std::move(key));
  return it->second;
}

NodeId OwnershipGraph::Find(std::string_view name) const {
  auto it = ids_.find(std::string(name));
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

void OwnershipGraph::Finalize() {
  const size_t n = names_.size();
  // Preferred record first within each (owned, owner) pair.
  std::sort(edges_.begin(), edges_.end(), [](const OwnershipEdge& a, const OwnershipEdge& b) {
    if (a.owned != b.owned) return a.owned < b.owned;
    if (a.owner != b.owner) return a.owner < b.owner;
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
  known_in_.assign(n, 0.0);
  unknown_in_.assign(n, 0);
  for (const OwnershipEdge& edge : edges_) {
    ++in_offsets_[edge.owned + 1];
    ++out_offsets_[edge.owner + 1];
    if (edge.share_percent) {
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
  std::vector<int64_t> fill(out_offsets_.begin(), out_offsets_.end() - 1);
  for (size_t i = 0; i < edges_.size(); ++i) {
    out_edges_[fill[edges_[i].owner]++] = static_cast<int32_t>(i);
  }
  for (size_t node = 0; node < n; ++node) {
    if (known_in_[node] > 100 + kTolerance) {
      problems_.push_back({"graph", names_[node], "share",
                           "known owners' shares sum to " + FormatNumber(known_in_[node]) +
                               "%, above 100; aggregates are capped at 100"});
    }
  }
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

// Least fixpoint of "v joins when the owners already in the set pass the test", by worklist.
// `upper` selects the upper-bound test (unknown shares at headroom). Returns the entry order
// and the final aggregate of each node (capped at 100).
struct Propagation {
  std::vector<int32_t> order;
  std::vector<double> aggregate;
  std::vector<NodeId> sequence;     // nodes in order of entry
  std::vector<uint8_t> by_control;  // entered through control, below the threshold
};

Propagation Propagate(const OwnershipGraph& graph, const std::vector<NodeId>& seeds,
                      const OwnershipRegime& regime, bool upper) {
  const std::span<const OwnershipEdge> edges = graph.edges();
  const size_t n = graph.node_count();
  Propagation result;
  result.order.assign(n, -1);
  result.by_control.assign(n, 0);
  std::vector<double> known(n, 0.0);
  std::vector<uint8_t> unknown(n, 0);
  std::vector<uint8_t> controlled(n, 0);
  result.sequence.reserve(seeds.size());
  for (NodeId seed : seeds) {
    if (result.order[seed] >= 0) continue;
    result.order[seed] = static_cast<int32_t>(result.sequence.size());
    result.sequence.push_back(seed);
  }
  auto total = [&](NodeId node) {
    double sum = known[node];
    if (upper && unknown[node]) sum += std::max(0.0, 100.0 - graph.KnownIncomingShare(node));
    return std::min(100.0, sum);
  };
  for (size_t head = 0; head < result.sequence.size(); ++head) {
    const NodeId owner = result.sequence[head];
    for (int32_t index : graph.OutEdgeIndexes(owner)) {
      const OwnershipEdge& edge = edges[index];
      const NodeId owned = edge.owned;
      if (edge.share_percent) {
        known[owned] += *edge.share_percent;
      } else if (upper) {
        unknown[owned] = 1;
      }
      if (edge.control) controlled[owned] = 1;
      if (result.order[owned] >= 0) continue;
      const bool passes = PassesThreshold(total(owned), regime);
      if (passes || (regime.control_counts && controlled[owned])) {
        result.by_control[owned] = !passes;
        result.order[owned] = static_cast<int32_t>(result.sequence.size());
        result.sequence.push_back(owned);
      }
    }
  }
  result.aggregate.resize(n);
  for (size_t node = 0; node < n; ++node) result.aggregate[node] = total(static_cast<NodeId>(node));
  return result;
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
      const NodeId done = node;
      calls.pop_back();
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

bool OwnershipAnalysis::IsStale(const OwnershipEdge& edge) const {
  if (regime_.max_record_age_days <= 0 || as_of_day_ == kNoDate) return false;
  return edge.as_of_day == kNoDate || as_of_day_ - edge.as_of_day > regime_.max_record_age_days;
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
  const std::span<const OwnershipEdge> edges = graph.edges();
  std::vector<NodeId> seeds;
  std::vector<uint8_t> is_listed(n, 0);
  for (NodeId node : listed) {
    if (node < 0 || static_cast<size_t>(node) >= n || is_listed[node]) continue;
    is_listed[node] = 1;
    seeds.push_back(node);
  }

  // Blocked status: lower bound (known shares of blocked owners) and upper bound.
  Propagation blocked = Propagate(graph, seeds, regime, false);
  Propagation possible = Propagate(graph, seeds, regime, true);
  analysis.blocked_order_ = std::move(blocked.order);
  analysis.possible_order_ = std::move(possible.order);
  std::vector<OwnershipResult>& results = analysis.results_;
  results.assign(n, OwnershipResult());
  for (size_t node = 0; node < n; ++node) {
    OwnershipResult& result = results[node];
    result.blocked_share_lower = blocked.aggregate[node];
    result.blocked_share_upper = possible.aggregate[node];
    if (is_listed[node]) {
      result.status = OwnershipStatus::kListed;
    } else if (analysis.blocked_order_[node] >= 0) {
      result.status = OwnershipStatus::kBlocked;
      ++analysis.blocked_count_;
      result.blocked_by_control = blocked.by_control[node] != 0;
    } else if (analysis.possible_order_[node] >= 0) {
      result.status = OwnershipStatus::kPossiblyBlocked;
      ++analysis.possibly_blocked_count_;
    }
  }

  // Effective listed share: E(v) = sum over owners u of share(u,v) * x(u), x(u) = 1 for a
  // listed u and E(u)/100 otherwise. Components in owner-first order; cyclic components by
  // Gauss-Seidel sweeps from 0 (monotone, so always a lower bound of the exact value).
  std::vector<NodeId> members;
  std::vector<int64_t> starts;
  Components(graph, &members, &starts);
  std::vector<double> effective(n, 0.0);
  auto compute = [&](NodeId node) {
    double sum = 0;
    for (const OwnershipEdge& edge : graph.InEdges(node)) {
      if (!edge.share_percent) continue;
      sum += *edge.share_percent * (is_listed[edge.owner] ? 1.0 : effective[edge.owner] / 100.0);
    }
    return std::min(100.0, sum);
  };
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
      converged = change <= kEffectiveTolerance;
    }
    if (!converged) ++analysis.unconverged_components_;
  }

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
    if (edge.share_percent || uncertain[edge.owned]) continue;
    if (is_listed[edge.owner] || reached[edge.owner]) {
      uncertain[edge.owned] = 1;
      frontier.push_back(edge.owned);
    }
  }
  spread(std::move(frontier), &uncertain);

  for (size_t node = 0; node < n; ++node) {
    OwnershipResult& result = results[node];
    result.effective_listed_share = effective[node];
    result.effective_is_lower_bound = uncertain[node] != 0;
    if (result.status == OwnershipStatus::kListed || result.status == OwnershipStatus::kBlocked) {
      continue;
    }
    result.minority_exposure = PassesMinority(result.blocked_share_lower, regime) ||
                               PassesMinority(result.effective_listed_share, regime);
    for (const OwnershipEdge& edge : graph.InEdges(static_cast<NodeId>(node))) {
      if (edge.control && analysis.blocked_order_[edge.owner] >= 0) {
        result.control_without_ownership = true;
      }
    }
  }

  // Stale records: a result relies on one when a stale edge lies on its evidence. Evidence
  // owners precede the node in the blocked (or possibly-blocked) order, so one pass over each
  // sequence suffices.
  if (regime.max_record_age_days > 0) {
    auto mark = [&](NodeId node) {
      for (const OwnershipEdge* edge : analysis.EvidenceEdges(node)) {
        if (analysis.IsStale(*edge) || results[edge->owner].relies_on_stale_record) {
          results[node].relies_on_stale_record = true;
          return;
        }
      }
    };
    for (NodeId node : blocked.sequence) mark(node);
    for (NodeId node : possible.sequence) {
      if (results[node].status == OwnershipStatus::kPossiblyBlocked) mark(node);
    }
    for (size_t node = 0; node < n; ++node) {
      const OwnershipResult& result = results[node];
      if (result.minority_exposure || result.control_without_ownership) {
        mark(static_cast<NodeId>(node));
      }
    }
  }
  return analysis;
}

std::vector<const OwnershipEdge*> OwnershipAnalysis::EvidenceEdges(NodeId node) const {
  std::vector<const OwnershipEdge*> evidence;
  const OwnershipStatus status = results_[node].status;
  if (status == OwnershipStatus::kListed) return evidence;
  for (const OwnershipEdge& edge : graph_->InEdges(node)) {
    const NodeId owner = edge.owner;
    bool counts = false;
    if (status == OwnershipStatus::kBlocked) {
      counts = blocked_order_[owner] >= 0 && blocked_order_[owner] < blocked_order_[node] &&
               (Known(edge) > 0 || (regime_.control_counts && edge.control));
    } else if (status == OwnershipStatus::kPossiblyBlocked) {
      counts = possible_order_[owner] >= 0 && possible_order_[owner] < possible_order_[node] &&
               (Known(edge) > 0 || !edge.share_percent || (regime_.control_counts && edge.control));
    } else {
      counts = blocked_order_[owner] >= 0;
    }
    if (counts) evidence.push_back(&edge);
  }
  std::stable_sort(evidence.begin(), evidence.end(),
                   [](const OwnershipEdge* a, const OwnershipEdge* b) {
                     const double share_a = a->share_percent.value_or(-1.0);
                     const double share_b = b->share_percent.value_or(-1.0);
                     return share_a > share_b;
                   });
  return evidence;
}

std::vector<OwnershipPath> OwnershipAnalysis::Explain(NodeId node, size_t max_paths) const {
  std::vector<OwnershipPath> paths;
  struct Frame {
    std::vector<const OwnershipEdge*> evidence;
    size_t next = 0;
  };
  std::vector<Frame> frames;
  std::vector<const OwnershipEdge*> chain;  // edges from `node` back towards a seed
  frames.push_back(Frame{EvidenceEdges(node), 0});
  while (!frames.empty() && paths.size() < max_paths) {
    Frame& frame = frames.back();
    if (frame.next == frame.evidence.size()) {
      frames.pop_back();
      if (!chain.empty()) chain.pop_back();
      continue;
    }
    const OwnershipEdge* edge = frame.evidence[frame.next++];
    chain.push_back(edge);
    if (results_[edge->owner].status == OwnershipStatus::kListed) {
      OwnershipPath path;
      for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
        const OwnershipEdge& step = **it;
        path.steps.push_back(OwnershipStep{step.owner, step.owned, step.share_percent, step.control,
                                           IsStale(step), step.record_id});
      }
      paths.push_back(std::move(path));
      chain.pop_back();
      continue;
    }
    frames.push_back(Frame{EvidenceEdges(edge->owner), 0});
  }
  return paths;
}

}  // namespace corridor
