// Evaluation of the name matcher on real data (the figures of docs/matching.md):
//   CORRIDOR_REFERENCE_DATA=../shared/data build/names_eval_bench [perturbed_queries]
// 1. OFAC's own search tool: precision, recall, F1 and agreement at its 80 slider, score spread.
// 2. Cross-script pairs: recall.
// 3. Perturbed real SDN and UN names: recall of the true entry, hard negatives, F1.
// 4. The index against the brute-force reference above the threshold.
//    build/names_eval_bench typos [N]: only N listed names (every k-th, default 3,000) with one
//    typed letter, the index against brute force for each name's own entry and for every entry.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "engine/base/csv.h"
#include "engine/names/matcher.h"
#include "engine/testing/name_search_reference.h"
#include "tests/names_perturb.h"
#include "tests/names_reference_lists.h"

using namespace corridor;
using namespace corridor::names;

namespace {

struct Counts {
  int tp = 0, fp = 0, fn = 0, tn = 0;
  void Add(bool predicted, bool actual) {
    if (predicted && actual) ++tp;
    if (predicted && !actual) ++fp;
    if (!predicted && actual) ++fn;
    if (!predicted && !actual) ++tn;
  }
  double Precision() const { return tp + fp == 0 ? 1 : double(tp) / (tp + fp); }
  double Recall() const { return tp + fn == 0 ? 1 : double(tp) / (tp + fn); }
  double F1() const {
    double p = Precision(), r = Recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }
  double Accuracy() const { return double(tp + tn) / std::max(1, tp + tn + fp + fn); }
};

// The threshold (over the scores) that maximises F1, and that F1.
std::pair<double, double> BestF1(const std::vector<std::pair<double, bool>>& scored) {
  double best_threshold = 0, best_f1 = -1;
  for (int t = 30; t <= 100; ++t) {
    Counts c;
    for (const auto& [score, label] : scored) c.Add(score >= t / 100.0 - 1e-9, label);
    if (c.F1() > best_f1) {
      best_f1 = c.F1();
      best_threshold = t / 100.0;
    }
  }
  return {best_threshold, best_f1};
}

void PrintHistogram(const char* title, const std::vector<double>& scores) {
  int bins[10] = {};
  for (double s : scores) bins[std::min(9, static_cast<int>(s * 10))]++;
  std::printf("  %s:", title);
  for (int b = 0; b < 10; ++b)
    std::printf(" [%.1f,%.1f%c %d", b / 10.0, (b + 1) / 10.0, b == 9 ? ']' : ')', bins[b]);
  std::printf("\n");
}

double Spearman(std::vector<double> a, std::vector<double> b) {
  auto ranks = [](const std::vector<double>& v) {
    std::vector<size_t> order(v.size());
    for (size_t i = 0; i < v.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](size_t x, size_t y) { return v[x] < v[y]; });
    std::vector<double> r(v.size());
    for (size_t i = 0; i < order.size();) {
      size_t j = i;
      while (j < order.size() && v[order[j]] == v[order[i]]) ++j;
      for (size_t k = i; k < j; ++k) r[order[k]] = (i + j - 1) / 2.0;
      i = j;
    }
    return r;
  };
  std::vector<double> ra = ranks(a), rb = ranks(b);
  double ma = 0, mb = 0;
  for (size_t i = 0; i < ra.size(); ++i) ma += ra[i], mb += rb[i];
  ma /= ra.size();
  mb /= rb.size();
  double num = 0, da = 0, db = 0;
  for (size_t i = 0; i < ra.size(); ++i) {
    num += (ra[i] - ma) * (rb[i] - mb);
    da += (ra[i] - ma) * (ra[i] - ma);
    db += (rb[i] - mb) * (rb[i] - mb);
  }
  return num / std::sqrt(da * db);
}

std::vector<std::vector<std::string>> ReadCsv(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  CsvReader reader(&in);
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> fields;
  while (reader.Next(&fields)) rows.push_back(fields);
  return rows;
}

}  // namespace

int main(int argc, char** argv) {
  std::string folder = reference::DataFolder();
  if (folder.empty()) {
    std::printf("skipped: set CORRIDOR_REFERENCE_DATA to the reference data folder\n");
    return 0;
  }
  const bool typos_only = argc > 1 && std::string(argv[1]) == "typos";
  if (typos_only) {
    --argc;
    ++argv;
  }
  size_t perturbed_count = argc > 1 ? std::stoul(argv[1]) : 2000;
  bool verbose = argc > 2 && std::string(argv[2]) == "-v";
  std::vector<NameRecord> records = reference::LoadAllLists(folder);
  auto start = std::chrono::steady_clock::now();
  std::unique_ptr<NameIndex> index;
  Status status = NameIndex::Build(records, MatcherOptions(), &index);
  double build_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!status.ok()) {
    std::printf("build failed: %s\n", status.message().c_str());
    return 1;
  }
  const double threshold = index->options().threshold;
  std::printf("index: %zu names (%zu left out), built in %.2f s; threshold %.2f\n",
              index->records().size(), index->problems().size(), build_seconds, threshold);

  if (typos_only) {
    // One typed letter (substitute, delete, insert, swap) in a word of four letters or more, in
    // every k-th listed name; the list's own entry and every entry brute force scores at the
    // threshold, looked for in the index's answer.
    const size_t count = argc > 1 ? perturbed_count : 3000;
    std::mt19937 random(20261205);
    size_t step = std::max<size_t>(1, index->records().size() / count);
    int queries = 0, own_brute = 0, own_index = 0, all_brute = 0, all_index = 0;
    std::vector<std::string> misses;
    for (size_t r = 0; r < index->records().size() && static_cast<size_t>(queries) < count;
         r += step) {
      const NameRecord& target = index->records()[r];
      std::string name = reference::Perturb(target.name, reference::Perturbation::kTypo,
                                            target.kind == "organization", &random);
      if (name.empty()) continue;
      ++queries;
      NameQuery query;
      query.name = name;
      std::vector<NameMatch> brute, indexed;
      SearchBruteForce(*index, query, 1000, threshold, &brute);
      index->Search(query, 1000, threshold, &indexed);
      for (const NameMatch& b : brute) {
        bool own = b.record->list_id == target.list_id && b.record->entry_id == target.entry_id;
        bool in_index = false;
        for (const NameMatch& x : indexed) {
          in_index = in_index || (x.record->list_id == b.record->list_id &&
                                  x.record->entry_id == b.record->entry_id);
        }
        ++all_brute;
        all_index += in_index;
        own_brute += own;
        own_index += own && in_index;
        if (!in_index && misses.size() < 40) {
          misses.push_back(std::string(own ? "own   " : "other ") + name + " | " + b.record->name +
                           " " + std::to_string(b.score));
        }
      }
    }
    std::printf("\none typed letter in %d listed names (every %zu-th)\n", queries, step);
    std::printf("  own entries brute force finds at %.2f: %d; the index finds %d\n", threshold,
                own_brute, own_index);
    std::printf("  all entries brute force finds at %.2f: %d; the index finds %d\n", threshold,
                all_brute, all_index);
    for (const std::string& m : misses) std::printf("    %s\n", m.c_str());
    return 0;
  }

  // 1. OFAC's search tool.
  {
    auto rows = ReadCsv(folder + "/matching/ofac_search_scores.csv");
    Counts counts;
    std::vector<std::pair<double, bool>> scored;
    std::vector<double> ours, theirs, ours_returned, theirs_returned;
    for (size_t i = 1; i < rows.size(); ++i) {
      const auto& row = rows[i];
      if (row.size() < 5) continue;
      NameMatch match;
      Status s = index->ScorePair(row[0], row[1], &match);
      double score = s.ok() ? match.score : 0;
      bool label = row[2] == "1";
      double ofac = std::stod(row[4]);
      counts.Add(score >= threshold, label);
      if (verbose) {
        std::printf("  ofac %3.0f ours %.2f  %s | %s\n", ofac, score, row[0].c_str(),
                    row[1].c_str());
      }
      scored.push_back({score, label});
      ours.push_back(score);
      if (ofac >= 0) {
        theirs.push_back(ofac / 100.0);
        ours_returned.push_back(score);
        theirs_returned.push_back(ofac / 100.0);
      }
    }
    auto [best_t, best_f1] = BestF1(scored);
    std::printf("\nOFAC search scores (%zu pairs; label = OFAC's tool at its 80 slider)\n",
                scored.size());
    std::printf(
        "  at %.2f: precision %.3f recall %.3f F1 %.3f; agreement with OFAC %.3f "
        "(tp %d fp %d fn %d tn %d)\n",
        threshold, counts.Precision(), counts.Recall(), counts.F1(), counts.Accuracy(), counts.tp,
        counts.fp, counts.fn, counts.tn);
    std::printf("  F1-maximising threshold %.2f (F1 %.3f)\n", best_t, best_f1);
    PrintHistogram("corridor scores", ours);
    PrintHistogram("OFAC scores (returned rows)", theirs);
    std::printf("  Spearman rank correlation with OFAC's score (returned rows): %.3f\n",
                Spearman(ours_returned, theirs_returned));
    std::vector<double> sorted = ours;
    std::sort(sorted.begin(), sorted.end());
    size_t distinct = std::unique(sorted.begin(), sorted.end()) - sorted.begin();
    size_t at_one = std::count_if(ours.begin(), ours.end(), [](double s) { return s >= 0.995; });
    std::printf("  distinct corridor scores %zu of %zu; at 1.00: %zu (OFAC at 100: %zu)\n",
                distinct, ours.size(), at_one,
                static_cast<size_t>(std::count(theirs.begin(), theirs.end(), 1.0)));
  }

  // 2. Cross-script pairs.
  {
    auto rows = ReadCsv(folder + "/matching/cross_script_pairs.csv");
    int hits = 0, total = 0;
    std::printf("\ncross-script pairs\n");
    for (size_t i = 1; i < rows.size(); ++i) {
      const auto& row = rows[i];
      if (row.size() < 2) continue;
      NameMatch match;
      Status s = index->ScorePair(row[0], row[1], &match);
      double score = s.ok() ? match.score : 0;
      ++total;
      hits += score >= threshold;
      std::printf("  %-6s %.2f  %s | %s%s\n", score >= threshold ? "hit" : "miss", score,
                  row[0].c_str(), row[1].c_str(), s.ok() ? "" : (" " + s.message()).c_str());
    }
    std::printf("  recall at %.2f: %d of %d = %.3f\n", threshold, hits, total,
                double(hits) / total);
  }

  // 3. Perturbed real names, and 4. index against brute force.
  {
    std::mt19937 random(20261129);
    std::vector<size_t> primaries;
    for (size_t i = 0; i < index->records().size(); ++i) {
      const NameRecord& r = index->records()[i];
      if (!r.is_alias && (r.list_id == "ofac_sdn" || r.list_id == "un_sc")) primaries.push_back(i);
    }
    std::shuffle(primaries.begin(), primaries.end(), random);
    const reference::Perturbation kinds[] = {
        reference::Perturbation::kTypo, reference::Perturbation::kDropMiddle,
        reference::Perturbation::kReorder, reference::Perturbation::kTransliteration,
        reference::Perturbation::kLegalForm};
    std::map<std::string, std::pair<int, int>> by_kind;  // found, total
    std::vector<std::pair<double, bool>> pairs;
    int queries = 0, found = 0, top1 = 0, other_above = 0, other_same_list_above = 0, errors = 0;
    int brute_hits = 0, index_hits = 0, brute_queries = 0;
    size_t brute_every = 4;
    std::vector<std::string> examples, index_misses, other_examples;
    for (size_t k = 0; k < primaries.size() && static_cast<size_t>(queries) < perturbed_count;
         ++k) {
      const NameRecord& target = index->records()[primaries[k]];
      reference::Perturbation kind = kinds[k % 5];
      bool company = target.kind == "organization";
      std::string query_name = reference::Perturb(target.name, kind, company, &random);
      if (query_name.empty()) continue;
      ++queries;
      NameQuery query;
      query.name = query_name;
      std::vector<NameMatch> matches;
      Status s = index->Search(query, 10, 0.5, &matches);
      if (!s.ok()) {
        ++errors;
        continue;
      }
      double true_score = 0, best_other = 0;
      std::string best_other_name;
      double best_other_same_list = 0;
      bool is_top = false;
      for (size_t m = 0; m < matches.size(); ++m) {
        const NameRecord& r = *matches[m].record;
        bool same = r.list_id == target.list_id && r.entry_id == target.entry_id;
        if (same) {
          true_score = matches[m].score;
          is_top = m == 0 || matches[m].score == matches[0].score;
        } else {
          if (r.list_id == target.list_id) {
            best_other_same_list = std::max(best_other_same_list, matches[m].score);
          }
          if (matches[m].score > best_other) {
            best_other = matches[m].score;
            best_other_name = r.list_id + " " + r.name;
          }
        }
      }
      bool hit = true_score >= threshold;
      found += hit;
      top1 += is_top;
      other_above += best_other >= threshold;
      other_same_list_above += best_other_same_list >= threshold;
      if (best_other >= threshold && other_examples.size() < 15) {
        other_examples.push_back(query_name + " (" + target.list_id + " " + target.name + ") | " +
                                 best_other_name + " " + std::to_string(best_other));
      }
      auto& kind_counts = by_kind[reference::PerturbationName(kind)];
      kind_counts.first += hit;
      kind_counts.second += 1;
      pairs.push_back({true_score, true});
      pairs.push_back({best_other_same_list, false});
      if (!hit && examples.size() < 40) {
        examples.push_back(std::string(reference::PerturbationName(kind)) + ": " + query_name +
                           " | " + target.name + " " + std::to_string(true_score));
      }
      if (queries % brute_every == 0) {
        std::vector<NameMatch> brute, indexed;
        SearchBruteForce(*index, query, 1000, threshold, &brute);
        index->Search(query, 1000, threshold, &indexed);
        ++brute_queries;
        brute_hits += brute.size();
        for (const NameMatch& b : brute) {
          bool in_index = false;
          for (const NameMatch& x : indexed) {
            if (x.record->list_id == b.record->list_id &&
                x.record->entry_id == b.record->entry_id) {
              in_index = true;
              break;
            }
          }
          index_hits += in_index ? 1 : 0;
          if (!in_index && index_misses.size() < 10) {
            index_misses.push_back(query_name + " | " + b.record->name + " " +
                                   std::to_string(b.score));
          }
        }
      }
    }
    Counts counts;
    for (const auto& [score, label] : pairs) counts.Add(score >= threshold, label);
    auto [best_t, best_f1] = BestF1(pairs);
    std::printf("\nperturbed real names (%d queries from SDN and UN primary names, %d errors)\n",
                queries, errors);
    std::printf("  true entry at or above %.2f: %d = %.3f; ranked first: %.3f\n", threshold, found,
                double(found) / queries, double(top1) / queries);
    for (const auto& [name, c] : by_kind) {
      std::printf("    %-24s %d of %d = %.3f\n", name.c_str(), c.first, c.second,
                  double(c.first) / c.second);
    }
    std::printf(
        "  queries with another entry at or above %.2f: %d = %.3f (other entries "
        "include the same party on another list)\n",
        threshold, other_above, double(other_above) / queries);
    std::printf("  queries with another entry of the same list at or above %.2f: %d = %.3f\n",
                threshold, other_same_list_above, double(other_same_list_above) / queries);
    std::printf(
        "  pairs (true entry = positive, best other entry of its list = negative): precision %.3f "
        "recall %.3f F1 %.3f; F1-maximising threshold %.2f (F1 %.3f)\n",
        counts.Precision(), counts.Recall(), counts.F1(), best_t, best_f1);
    std::printf(
        "  index recall against brute force at %.2f: %d of %d entries = %.4f (%d "
        "queries)\n",
        threshold, index_hits, brute_hits, brute_hits == 0 ? 1.0 : double(index_hits) / brute_hits,
        brute_queries);
    std::vector<double> positives, negatives;
    for (const auto& [score, label] : pairs) (label ? positives : negatives).push_back(score);
    PrintHistogram("true-entry scores", positives);
    PrintHistogram("best other entry of the list", negatives);
    std::printf("  examples of other entries at or above the threshold:\n");
    for (const std::string& e : other_examples) std::printf("    %s\n", e.c_str());
    std::printf("  entries found by brute force only:\n");
    for (const std::string& e : index_misses) std::printf("    %s\n", e.c_str());
    std::printf("  examples of misses:\n");
    for (const std::string& e : examples) std::printf("    %s\n", e.c_str());
  }
  return 0;
}
