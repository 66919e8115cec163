// Fuzzes name normalisation and matching (engine/names/): the input is normalised as a name and
// searched as a query in a small index of listed names built once. Its lines, when it has
// several, are the query's name, kind, country, birth date and identifier.
//
// The index is also checked against its brute-force reference (docs/matching.md, "Index"): it
// never finds an entry brute force does not, and scores what it finds exactly as brute force
// does. It may miss a name brute force finds (a word beyond the neighbourhood it searches), and so
// an entry or that entry's best name; with CORRIDOR_FUZZ_NAMES_STRICT=1 such a miss fails too, to
// collect examples (regressions/names_fuzz/open/).
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/names/matcher.h"
#include "engine/names/normalize.h"
#include "engine/testing/name_search_reference.h"

namespace names = corridor::names;

namespace {

names::NameRecord Record(const char* entry_id, const char* name, const char* kind,
                         bool is_alias = false) {
  names::NameRecord record;
  record.list_id = "fuzz";
  record.entry_id = entry_id;
  record.name = name;
  record.kind = kind;
  record.is_alias = is_alias;
  return record;
}

const names::NameIndex& Index() {
  static const names::NameIndex* index = [] {
    std::vector<names::NameRecord> records;
    records.push_back(Record("1", "CHEN, Quanguo", "person"));
    records.back().birth_dates = {"1955-11"};
    records.back().countries = {"CN"};
    records.push_back(Record("1", "陈全国", "person", true));
    records.push_back(Record("2", "XINJIANG PRODUCTION AND CONSTRUCTION CORPS", "company"));
    records.push_back(Record("3", "SBER VOSTOK LLP", "company"));
    records.back().countries = {"KZ"};
    records.push_back(Record("3", "ТОО «Сбер Восток»", "company", true));
    records.push_back(Record("4", "HAQ, Abdul", "person"));
    records.push_back(Record("4", "عبد الحق", "person", true));
    records.push_back(Record("5", "SHER MATCH INDUSTRIES (PVT.) LIMITED", "company"));
    records.back().identifiers = {{"registration", "0012345", "PK"}};
    records.push_back(Record("6", "OCEAN STAR", "vessel"));
    records.back().identifiers = {{"imo", "IMO 9123456", ""}};
    records.push_back(Record("7", "KIM Jong Un", "person"));
    records.push_back(Record("7", "김정은", "person", true));
    std::unique_ptr<names::NameIndex> built;
    if (!names::NameIndex::Build(std::move(records), names::MatcherOptions(), &built).ok()) {
      std::fprintf(stderr, "names_fuzz: cannot build the index\n");
      std::abort();
    }
    return built.release();
  }();
  return *index;
}

names::NameQuery Query(std::string_view text) {
  std::vector<std::string> lines(1);
  for (char c : text) {
    if (c == '\n' && lines.size() < 5) {
      lines.emplace_back();
    } else {
      lines.back() += c;
    }
  }
  lines.resize(5);
  return names::NameQuery{lines[0], lines[1], lines[2], lines[3], lines[4]};
}

void CheckAgainstBruteForce(const names::NameQuery& query) {
  // CORRIDOR_FUZZ_NAMES_STRICT=1 also fails on an entry the index misses (see the file comment).
  static const bool strict = std::getenv("CORRIDOR_FUZZ_NAMES_STRICT") != nullptr;
  const names::NameIndex& index = Index();
  std::vector<names::NameMatch> fast, reference;
  const double threshold = index.options().threshold;
  corridor::Status fast_status = index.Search(query, 100, threshold, &fast);
  corridor::Status reference_status =
      names::SearchBruteForce(index, query, 100, threshold, &reference);
  if (fast_status.ok() != reference_status.ok()) __builtin_trap();
  auto find = [](const std::vector<names::NameMatch>& matches, const names::NameMatch& wanted) {
    for (const names::NameMatch& match : matches) {
      if (match.record->entry_id == wanted.record->entry_id) return &match;
    }
    return static_cast<const names::NameMatch*>(nullptr);
  };
  // Never invented; the same name scored as brute force scores it. The index may pick a weaker
  // name of an entry than brute force does (it missed the better one), never a stronger one.
  for (const names::NameMatch& match : fast) {
    const names::NameMatch* expected = find(reference, match);
    bool consistent =
        expected != nullptr &&
        (expected->record == match.record ? std::fabs(expected->score - match.score) <= 1e-9
                                          : match.score <= expected->score + 1e-9 && !strict);
    if (!consistent) {
      std::fprintf(stderr,
                   "names_fuzz: the index finds entry %s by \"%s\" with score %f, brute force "
                   "%s \"%s\" %f\n",
                   match.record->entry_id.c_str(), match.record->name.c_str(), match.score,
                   expected ? "by" : "not at all", expected ? expected->record->name.c_str() : "",
                   expected ? expected->score : 0.0);
      __builtin_trap();
    }
  }
  for (const names::NameMatch& expected : strict ? reference : std::vector<names::NameMatch>()) {
    if (find(fast, expected) == nullptr) {
      std::fprintf(stderr,
                   "names_fuzz: brute force finds entry %s (\"%s\") with score %f, the index "
                   "not at all\n",
                   expected.record->entry_id.c_str(), expected.record->name.c_str(),
                   expected.score);
      __builtin_trap();
    }
  }
  for (const names::NameMatch& match : fast) {
    if (!(match.score >= 0 && match.score <= 1) ||
        !(match.name_score >= 0 && match.name_score <= 1))
      __builtin_trap();
    (void)names::FormatMatchText(match);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  names::NameNormalizer& normalizer = names::ThreadNameNormalizer();
  names::NormalizedName normalized;
  if (normalizer.Normalize(text, &normalized).ok()) {
    for (const names::NameToken& token : normalized.tokens) {
      (void)names::ConsonantSkeleton(token.text);
      (void)names::PhoneticKey(token.text);
      (void)names::IsLegalFormWord(token.text);
    }
  }
  (void)normalizer.ToLatin(text);

  names::NameQuery whole;
  whole.name = std::string(text);
  CheckAgainstBruteForce(whole);
  names::NameQuery query = Query(text);
  CheckAgainstBruteForce(query);
  names::NameMatch pair;
  (void)Index().ScorePair(query.name, query.kind, &pair);
  return 0;
}
