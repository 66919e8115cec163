// The slow reference: every definition written out as directly as possible.
#include "engine/testing/ownership_reference.h"

#include <algorithm>
#include <cmath>
#include <functional>

namespace corridor {

namespace {

// The set of nodes that pass the test, grown by sweeping every node until nothing changes.
// With `upper`, owners in the set count with their known shares and, when any of them has an
// unknown share, the node's headroom is added.
// With `without_stale`, edges older than the regime's maximum age (or undated) are left out.
std::vector<bool> Fixpoint(const OwnershipGraph& graph, const std::vector<bool>& listed,
                           const OwnershipRegime& regime, bool upper, bool without_stale = false) {
  const int32_t today = ParseDay(regime.as_of_date).value_or(kNoDate);
  auto stale = [&](const OwnershipEdge& edge) {
    return without_stale && regime.max_record_age_days > 0 && today != kNoDate &&
           (edge.as_of_day == kNoDate || today - edge.as_of_day > regime.max_record_age_days);
  };
  const size_t n = graph.node_count();
  std::vector<bool> in_set = listed;
  bool changed = true;
  while (changed) {
    changed = false;
    for (size_t node = 0; node < n; ++node) {
      if (in_set[node]) continue;
      double known = 0;
      bool unknown = false, controlled = false;
      for (const OwnershipEdge& edge : graph.InEdges(static_cast<NodeId>(node))) {
        if (!in_set[edge.owner] || stale(edge)) continue;
        if (edge.share_percent) known += *edge.share_percent;
        if (!edge.share_percent) unknown = true;
        if (edge.control) controlled = true;
      }
      double aggregate = known;
      if (upper && unknown) {
        aggregate += std::max(0.0, 100.0 - graph.KnownIncomingShare(static_cast<NodeId>(node)));
      }
      aggregate = std::min(100.0, aggregate);
      if (PassesThreshold(aggregate, regime) || (regime.control_counts && controlled)) {
        in_set[node] = true;
        changed = true;
      }
    }
  }
  return in_set;
}

std::vector<bool> ListedFlags(size_t n, const std::vector<NodeId>& listed) {
  std::vector<bool> flags(n, false);
  for (NodeId node : listed) {
    if (node >= 0 && static_cast<size_t>(node) < n) flags[node] = true;
  }
  return flags;
}

}  // namespace

ReferenceOwnership ReferenceAnalyze(const OwnershipGraph& graph, const std::vector<NodeId>& listed,
                                    const OwnershipRegime& regime,
                                    const std::vector<double>& effective) {
  const size_t n = graph.node_count();
  const std::vector<bool> is_listed = ListedFlags(n, listed);
  // The sets of blocked persons whose holdings are added together: all of them, or (regimes
  // that do not aggregate) each one alone.
  std::vector<std::vector<bool>> seed_sets;
  if (regime.aggregate_owners) {
    seed_sets.push_back(is_listed);
  } else {
    for (size_t node = 0; node < n; ++node) {
      if (!is_listed[node]) continue;
      seed_sets.emplace_back(n, false);
      seed_sets.back()[node] = true;
    }
  }
  std::vector<double> lower(n, 0.0), upper(n, 0.0);
  std::vector<bool> blocked(n, false), possible(n, false);
  std::vector<bool> blocked_fresh(n, false), possible_fresh(n, false);
  for (const std::vector<bool>& seeds : seed_sets) {
    const std::vector<bool> group = Fixpoint(graph, seeds, regime, false);
    const std::vector<bool> possible_group = Fixpoint(graph, seeds, regime, true);
    const std::vector<bool> group_fresh = Fixpoint(graph, seeds, regime, false, true);
    const std::vector<bool> possible_group_fresh = Fixpoint(graph, seeds, regime, true, true);
    for (size_t node = 0; node < n; ++node) {
      blocked[node] = blocked[node] || group[node];
      possible[node] = possible[node] || possible_group[node];
      blocked_fresh[node] = blocked_fresh[node] || group_fresh[node];
      possible_fresh[node] = possible_fresh[node] || possible_group_fresh[node];
      double known = 0, known_possible = 0;
      bool unknown = false;
      for (const OwnershipEdge& edge : graph.InEdges(static_cast<NodeId>(node))) {
        if (group[edge.owner] && edge.share_percent) known += *edge.share_percent;
        if (possible_group[edge.owner] && edge.share_percent) {
          known_possible += *edge.share_percent;
        }
        if (possible_group[edge.owner] && !edge.share_percent) unknown = true;
      }
      if (unknown) {
        known_possible +=
            std::max(0.0, 100.0 - graph.KnownIncomingShare(static_cast<NodeId>(node)));
      }
      lower[node] = std::max(lower[node], std::min(100.0, known));
      upper[node] = std::max(upper[node], std::min(100.0, known_possible));
    }
  }
  ReferenceOwnership out;
  out.status.resize(n);
  out.blocked_share_lower = lower;
  out.blocked_share_upper = upper;
  out.minority_exposure.resize(n);
  out.control_without_ownership.resize(n);
  out.status_relies_on_stale.resize(n);
  for (size_t node = 0; node < n; ++node) {
    if (!is_listed[node]) {
      out.status_relies_on_stale[node] = blocked[node]    ? !blocked_fresh[node]
                                         : possible[node] ? !possible_fresh[node]
                                                          : false;
    }
    bool controlled = false;
    for (const OwnershipEdge& edge : graph.InEdges(static_cast<NodeId>(node))) {
      if (blocked[edge.owner] && edge.control) controlled = true;
    }
    if (is_listed[node]) {
      out.status[node] = OwnershipStatus::kListed;
    } else if (blocked[node]) {
      out.status[node] = OwnershipStatus::kBlocked;
    } else if (possible[node]) {
      out.status[node] = OwnershipStatus::kPossiblyBlocked;
    } else {
      out.status[node] = OwnershipStatus::kNotBlocked;
    }
    const bool not_blocked = !blocked[node];
    const double minority = regime.minority_percent - 1e-9;
    out.minority_exposure[node] =
        not_blocked && (lower[node] >= minority || effective[node] >= minority);
    out.control_without_ownership[node] = not_blocked && controlled;
  }
  return out;
}

std::vector<double> ReferenceEffectiveBySimplePaths(const OwnershipGraph& graph,
                                                    const std::vector<NodeId>& listed) {
  const size_t n = graph.node_count();
  const std::vector<bool> is_listed = ListedFlags(n, listed);
  std::vector<double> effective(n, 0.0);
  std::vector<bool> on_path(n, false);
  // Walks backwards from the target over owners; a path ends at the first listed owner.
  std::function<double(NodeId)> sum_from = [&](NodeId node) {
    double total = 0;
    for (const OwnershipEdge& edge : graph.InEdges(node)) {
      if (!edge.share_percent || on_path[edge.owner]) continue;
      const double fraction = *edge.share_percent / 100.0;
      if (is_listed[edge.owner]) {
        total += fraction;
      } else {
        on_path[edge.owner] = true;
        total += fraction * sum_from(edge.owner);
        on_path[edge.owner] = false;
      }
    }
    return total;
  };
  for (size_t node = 0; node < n; ++node) {
    on_path[node] = true;
    effective[node] = std::min(100.0, 100.0 * sum_from(static_cast<NodeId>(node)));
    on_path[node] = false;
  }
  return effective;
}

std::optional<std::vector<double>> ReferenceEffectiveBySolve(const OwnershipGraph& graph,
                                                             const std::vector<NodeId>& listed) {
  const size_t n = graph.node_count();
  const std::vector<bool> is_listed = ListedFlags(n, listed);
  // Row v: E(v) - sum_{u unlisted} s(u,v)/100 E(u) = sum_{u listed} s(u,v).
  std::vector<std::vector<double>> matrix(n, std::vector<double>(n + 1, 0.0));
  for (size_t node = 0; node < n; ++node) {
    matrix[node][node] = 1.0;
    for (const OwnershipEdge& edge : graph.InEdges(static_cast<NodeId>(node))) {
      if (!edge.share_percent) continue;
      if (is_listed[edge.owner]) {
        matrix[node][n] += *edge.share_percent;
      } else {
        matrix[node][edge.owner] -= *edge.share_percent / 100.0;
      }
    }
  }
  for (size_t column = 0; column < n; ++column) {
    size_t pivot = column;
    for (size_t row = column + 1; row < n; ++row) {
      if (std::abs(matrix[row][column]) > std::abs(matrix[pivot][column])) pivot = row;
    }
    if (std::abs(matrix[pivot][column]) < 1e-9) return std::nullopt;
    std::swap(matrix[pivot], matrix[column]);
    for (size_t row = 0; row < n; ++row) {
      if (row == column || matrix[row][column] == 0) continue;
      const double factor = matrix[row][column] / matrix[column][column];
      for (size_t k = column; k <= n; ++k) matrix[row][k] -= factor * matrix[column][k];
    }
  }
  std::vector<double> effective(n);
  for (size_t node = 0; node < n; ++node) effective[node] = matrix[node][n] / matrix[node][node];
  return effective;
}

}  // namespace corridor
