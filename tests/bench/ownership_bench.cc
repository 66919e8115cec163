// Benchmark: build an ownership graph of random companies and compute blocked status and
// effective listed shares for every node. Prints one line per size; see docs/ownership.md.
//
//   ownership_bench                 # 250k, 500k, 1M and 2M edges (companies = edges / 2)
//   ownership_bench EDGES [SEED [BACK]]  # one size; BACK: fraction of back edges (0.01)
//
// The graph is shaped like a corporate registry: mostly layered (owners precede what they own
// in a hidden random order), 1% of edges pointing back to make cycles, one to three owners per
// company whose known shares sum to 60-100%, 5% unknown shares, 3% control flags, as_of
// dates from 2015 to 2026, and 1% of companies listed.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <numeric>
#include <random>
#include <string>
#include <vector>

#include "engine/ownership/ownership.h"

namespace {

using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

struct Input {
  size_t companies = 0;
  std::vector<std::string> names;
  struct Row {
    int32_t owner, owned;
    double share;  // < 0: unknown
    bool control;
    std::string as_of;
  };
  std::vector<Row> rows;
  std::vector<int32_t> listed;
};

Input Generate(size_t edges, uint32_t seed, double back_edges) {
  std::mt19937_64 rng(seed);
  Input input;
  input.companies = edges / 2;
  const size_t n = input.companies;
  input.names.reserve(n);
  for (size_t i = 0; i < n; ++i) input.names.push_back("entity:C" + std::to_string(i));
  std::vector<int32_t> rank(n);
  std::iota(rank.begin(), rank.end(), 0);
  std::shuffle(rank.begin(), rank.end(), rng);
  std::uniform_int_distribution<size_t> any(0, n - 1);
  std::uniform_real_distribution<double> unit(0, 1);
  // Owners per company: draw `edges` (owner, owned) pairs, owner before owned in rank order
  // except for 1% back edges.
  std::vector<std::pair<int32_t, int32_t>> pairs;
  pairs.reserve(edges);
  while (pairs.size() < edges) {
    int32_t a = static_cast<int32_t>(any(rng)), b = static_cast<int32_t>(any(rng));
    if (a == b) continue;
    if ((rank[a] > rank[b]) != (unit(rng) < back_edges)) std::swap(a, b);
    pairs.emplace_back(a, b);
  }
  std::sort(pairs.begin(), pairs.end(), [](const auto& x, const auto& y) {
    return x.second < y.second || (x.second == y.second && x.first < y.first);
  });
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  input.rows.reserve(pairs.size());
  for (size_t begin = 0; begin < pairs.size();) {
    size_t end = begin;
    while (end < pairs.size() && pairs[end].second == pairs[begin].second) ++end;
    // Split 60..100% among the owners with random weights.
    const double total = 60 + 40 * unit(rng);
    std::vector<double> weights(end - begin);
    double sum = 0;
    for (double& w : weights) sum += (w = 0.05 + unit(rng));
    for (size_t i = begin; i < end; ++i) {
      double share = std::round(total * weights[i - begin] / sum * 100) / 100;
      if (unit(rng) < 0.05) share = -1;
      char date[40];
      std::snprintf(date, sizeof date, "%04d-%02d-%02d", 2015 + static_cast<int>(unit(rng) * 12),
                    1 + static_cast<int>(unit(rng) * 12), 1 + static_cast<int>(unit(rng) * 28));
      input.rows.push_back({pairs[i].first, pairs[i].second, share, unit(rng) < 0.03, date});
    }
    begin = end;
  }
  for (size_t i = 0; i < n; ++i) {
    if (unit(rng) < 0.01) input.listed.push_back(static_cast<int32_t>(i));
  }
  return input;
}

void Run(size_t edges, uint32_t seed, double back_edges) {
  Input input = Generate(edges, seed, back_edges);

  Clock::time_point start = Clock::now();
  corridor::OwnershipGraph graph;
  for (const std::string& name : input.names) graph.AddNode(name);
  for (const Input::Row& row : input.rows) {
    std::optional<double> share;
    if (row.share >= 0) share = row.share;
    graph.AddEdge(row.owner, row.owned, share, row.control, row.as_of);
  }
  graph.Finalize();
  const double build_seconds = Seconds(start);

  corridor::OwnershipRegime regime = corridor::OwnershipRegime::Ofac();
  regime.max_record_age_days = 3 * 365;
  regime.as_of_date = "2026-06-30";
  std::vector<corridor::NodeId> listed(input.listed.begin(), input.listed.end());
  start = Clock::now();
  corridor::OwnershipAnalysis analysis = corridor::Analyze(graph, listed, regime);
  const double analyze_seconds = Seconds(start);

  size_t minority = 0, control = 0, uncertain = 0;
  for (const corridor::OwnershipResult& result : analysis.results()) {
    minority += result.minority_exposure;
    control += result.control_without_ownership;
    uncertain += result.effective_is_lower_bound;
  }
  start = Clock::now();
  size_t explained = 0, paths = 0;
  for (size_t node = 0; node < graph.node_count() && explained < 1000; ++node) {
    if (analysis.Result(static_cast<corridor::NodeId>(node)).status !=
        corridor::OwnershipStatus::kBlocked) {
      continue;
    }
    paths += analysis.Explain(static_cast<corridor::NodeId>(node)).size();
    ++explained;
  }
  const double explain_seconds = Seconds(start);
  // The UK regime assesses each listed person's group on its own (no aggregation).
  start = Clock::now();
  corridor::OwnershipRegime uk = corridor::OwnershipRegime::Uk();
  uk.max_record_age_days = regime.max_record_age_days;
  uk.as_of_date = regime.as_of_date;
  corridor::OwnershipAnalysis uk_analysis = corridor::Analyze(graph, listed, uk);
  const double uk_seconds = Seconds(start);
  std::printf(
      "edges=%zu companies=%zu listed=%zu build=%.3fs analyze=%.3fs (%.1f ns/edge) "
      "blocked=%zu possibly_blocked=%zu minority=%zu control_only=%zu effective_lower_bound=%zu "
      "unconverged_components=%zu explain_1000_blocked=%.3fs (%zu paths) problems=%zu "
      "uk_analyze=%.3fs uk_blocked=%zu\n",
      graph.edge_count(), graph.node_count(), listed.size(), build_seconds, analyze_seconds,
      analyze_seconds * 1e9 / static_cast<double>(graph.edge_count()), analysis.blocked_count(),
      analysis.possibly_blocked_count(), minority, control, uncertain,
      analysis.unconverged_components(), explain_seconds, paths, graph.problems().size(),
      uk_seconds, uk_analysis.blocked_count());
  std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
  const uint32_t seed = argc > 2 ? static_cast<uint32_t>(std::strtoul(argv[2], nullptr, 10)) : 50;
  if (argc > 1) {
    const double back_edges = argc > 3 ? std::strtod(argv[3], nullptr) : 0.01;
    Run(std::strtoull(argv[1], nullptr, 10), seed, back_edges);
    return 0;
  }
  for (size_t edges : {250000, 500000, 1000000, 2000000}) Run(edges, seed, 0.01);
  return 0;
}
