// A slow, obviously correct reference for the ownership analysis, used only by the tests to
// cross-check engine/ownership/ownership.h (RE2's testing/backtrack.cc habit). Small graphs
// only: the blocking test is repeated over every node until nothing changes, and effective
// shares are computed by enumerating simple paths or by solving the linear system densely.
#ifndef CORRIDOR_ENGINE_TESTING_OWNERSHIP_REFERENCE_H_
#define CORRIDOR_ENGINE_TESTING_OWNERSHIP_REFERENCE_H_

#include <optional>
#include <vector>

#include "engine/ownership/ownership.h"

namespace corridor {

struct ReferenceOwnership {
  std::vector<OwnershipStatus> status;
  std::vector<double> blocked_share_lower;
  std::vector<double> blocked_share_upper;
  std::vector<bool> minority_exposure;  // needs `effective` from one of the functions below
  std::vector<bool> control_without_ownership;
  // Blocked (possibly blocked) only when stale records count.
  std::vector<bool> status_relies_on_stale;
};

// Status, aggregates and flags by naive repetition (per blocked person when the regime does
// not aggregate owners; the aggregates are then the largest over blocked persons). `effective`
// is the effective listed share of every node (for the minority flag).
// REQUIRES: graph.finalized().
ReferenceOwnership ReferenceAnalyze(const OwnershipGraph& graph, const std::vector<NodeId>& listed,
                                    const OwnershipRegime& regime,
                                    const std::vector<double>& effective);

// Effective listed share of every node as the sum over simple paths (from a listed node,
// through unlisted nodes) of the product of known shares, capped at 100. Exponential.
std::vector<double> ReferenceEffectiveBySimplePaths(const OwnershipGraph& graph,
                                                    const std::vector<NodeId>& listed);

// The same quantity with cycles counted as the fast analysis counts them (all walks: the
// solution of E = A E + b), by Gaussian elimination. nullopt when the system is singular.
// Caps are not applied: REQUIRES no node's known incoming shares sum above 100.
std::optional<std::vector<double>> ReferenceEffectiveBySolve(const OwnershipGraph& graph,
                                                             const std::vector<NodeId>& listed);

}  // namespace corridor

#endif  // CORRIDOR_ENGINE_TESTING_OWNERSHIP_REFERENCE_H_
