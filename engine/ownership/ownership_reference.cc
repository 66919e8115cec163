// The slow reference: every definition written out as directly as possible.
#include "engine/ownership/ownership_reference.h"

#include <algorithm>
#include <cmath>
#include <functional>

namespace corridor {

namespace {

// The set of nodes that pass the test, grown by sweeping every node until nothing changes.
// With `upper`, owners in the set count with their known shares and, when any of them has an
// unknown share, the node's headroom is added.
std::vector<bool> Fixpoint(const OwnershipGraph& graph, const std::vector<bool>& listed,
                           const OwnershipRegime& regime, bool upper) {
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
        if (!in_set[edge.owner]) continue;
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
  const std::vector<bool> blocked = Fixpoint(graph, is_listed, regime, false);
  const std::vector<bool> possible = Fixpoint(graph, is_listed, regime, true);
  ReferenceOwnership out;
  out.status.resize(n);
  out.blocked_share_lower.resize(n);
  out.blocked_share_upper.resize(n);
  out.minority_exposure.resize(n);
  out.control_without_ownership.resize(n);
  for (size_t node = 0; node < n; ++node) {
    double lower = 0, upper = 0;
    bool unknown = false, controlled = false;
    for (const OwnershipEdge& edge : graph.InEdges(static_cast<NodeId>(node))) {
      if (blocked[edge.owner] && edge.share_percent) lower += *edge.share_percent;
      if (blocked[edge.owner] && edge.control) controlled = true;
      if (possible[edge.owner] && edge.share_percent) upper += *edge.share_percent;
      if (possible[edge.owner] && !edge.share_percent) unknown = true;
    }
    if (unknown)
      upper += std::max(0.0, 100.0 - graph.KnownIncomingShare(static_cast<NodeId>(node)));
    out.blocked_share_lower[node] = std::min(100.0, lower);
    out.blocked_share_upper[node] = std::min(100.0, upper);
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
        not_blocked && (out.blocked_share_lower[node] >= minority || effective[node] >= minority);
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
