#include <algorithm>
#include <catch2/catch.hpp>
#include <initializer_list>
#include <memory>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "engine/names/matcher.h"
#include "engine/names/score.h"
#include "engine/names/structure.h"
#include "engine/names/translit_rules.h"
#include "engine/testing/name_search_reference.h"
#include "tests/names_perturb.h"
#include "tests/names_reference_lists.h"
#include "tests/test_util.h"

namespace corridor::names {

namespace {

NameRecord Record(const std::string& entry_id, const std::string& name,
                  const std::string& kind = "organization") {
  NameRecord record;
  record.list_id = "test";
  record.entry_id = entry_id;
  record.name = name;
  record.kind = kind;
  return record;
}

// A small corpus in which TRADING, GROUP, MOHAMMED and ALI are frequent and the rest rare.
std::vector<NameRecord> Corpus() {
  std::vector<NameRecord> records;
  const char* syllables[] = {"ka", "ro", "mi", "tu", "se", "van", "dor", "pel", "zu", "qin"};
  for (int i = 0; i < 100; ++i) {
    std::string word = std::string(syllables[i % 10]) + syllables[(i / 10) % 10] + "ex";
    records.push_back(Record("t" + std::to_string(i), word + " TRADING GROUP LLC"));
  }
  for (int i = 0; i < 60; ++i) {
    std::string word = std::string(syllables[i % 10]) + "ul" + syllables[(i / 10) % 10];
    records.push_back(Record("p" + std::to_string(i), "MOHAMMED ALI " + word, "person"));
  }
  records.push_back(Record("common", "MOHAMMED ALI", "person"));
  records.push_back(Record("trading", "TRADING", "organization"));
  NameRecord chen = Record("29220", "CHEN, Quanguo", "person");
  chen.birth_dates = {"1955"};
  chen.countries = {"CN"};
  records.push_back(chen);
  NameRecord zhu = Record("29219", "ZHU, Hailun", "person");
  zhu.birth_dates = {"1958-01"};
  records.push_back(zhu);
  NameRecord sber = Record("36427", "SBER VOSTOK LIMITED LIABILITY PARTNERSHIP");
  sber.identifiers = {{"registration", "110140012405", "KZ"}};
  sber.countries = {"KZ"};
  records.push_back(sber);
  records.push_back(Record("47950", "LIMITED LIABILITY PARTNERSHIP ELEM GROUP"));
  NameRecord vessel = Record("v1", "OCEAN STAR", "vessel");
  vessel.identifiers = {{"imo", "9187629", ""}};
  records.push_back(vessel);
  NameRecord passport = Record("pp", "KARIMOV, Rustam", "person");
  passport.identifiers = {{"passport", "AB1234567", "UZ"}};
  records.push_back(passport);
  return records;
}

std::unique_ptr<NameIndex> BuildIndex(std::vector<NameRecord> records) {
  std::unique_ptr<NameIndex> index;
  Status status = NameIndex::Build(std::move(records), MatcherOptions(), &index);
  REQUIRE(status.ok());
  return index;
}

double PairScore(const NameIndex& index, const std::string& a, const std::string& b) {
  NameMatch match;
  Status status = index.ScorePair(a, b, &match);
  REQUIRE(status.ok());
  return match.score;
}

// The best match of `query` for entry `entry_id`, or a match with score -1.
NameMatch Find(const NameIndex& index, const NameQuery& query, const std::string& entry_id) {
  std::vector<NameMatch> matches;
  Status status = index.Search(query, 50, 0.0, &matches);
  REQUIRE(status.ok());
  for (const NameMatch& match : matches) {
    if (match.record->entry_id == entry_id) return match;
  }
  NameMatch none;
  none.score = -1;
  return none;
}

// The score of `name`'s best match for entry `entry_id` (-1 when it has none).
double EntryScore(const NameIndex& index, const std::string& name, const std::string& entry_id) {
  NameQuery query;
  query.name = name;
  return Find(index, query, entry_id).score;
}

NameQuery Query(const std::string& name) {
  NameQuery query;
  query.name = name;
  return query;
}

// Search and SearchBruteForce give the same records with the same scores for each name.
// Search and SearchBruteForce give the same records with the same scores for `query`.
void CheckQueryIndexEqualsBruteForce(const NameIndex& index, const NameQuery& query,
                                     double min_score) {
  std::vector<NameMatch> indexed, brute;
  REQUIRE(index.Search(query, 100, min_score, &indexed).ok());
  REQUIRE(SearchBruteForce(index, query, 100, min_score, &brute).ok());
  INFO(query.name << " at " << min_score);
  REQUIRE(indexed.size() == brute.size());
  for (size_t k = 0; k < brute.size(); ++k) {
    CHECK(indexed[k].record == brute[k].record);
    CHECK(indexed[k].score == brute[k].score);
  }
}

void CheckIndexEqualsBruteForce(const NameIndex& index, std::initializer_list<const char*> names,
                                double min_score) {
  for (const char* name : names) CheckQueryIndexEqualsBruteForce(index, Query(name), min_score);
}

}  // namespace

TEST_CASE("Jaro-Winkler gives the textbook values", "[names]") {
  CHECK(JaroWinkler("martha", "marhta") == Approx(0.961).epsilon(0.001));
  CHECK(JaroWinkler("dixon", "dicksonx") == Approx(0.813).epsilon(0.001));
  CHECK(JaroWinkler("abc", "abc") == 1.0);
  CHECK(JaroWinkler("abc", "") == 0.0);
  CHECK(JaroWinkler(std::string(300, 'a'), std::string(299, 'a')) > 0.99);
  // The bit-parallel path (lower-case ASCII up to 64 letters) equals the textbook loop, which
  // other bytes take.
  std::mt19937 random(3);
  for (int n = 0; n < 2000; ++n) {
    std::string a, b;
    for (size_t k = 0, len = 1 + random() % 12; k < len; ++k) a += char('a' + random() % 4);
    for (size_t k = 0, len = 1 + random() % 12; k < len; ++k) b += char('a' + random() % 4);
    // Upper case takes the textbook loop; the result must not depend on the path.
    std::string upper_a = a, upper_b = b;
    for (char& c : upper_a) c = static_cast<char>(c - 'a' + 'A');
    for (char& c : upper_b) c = static_cast<char>(c - 'a' + 'A');
    INFO(a << " " << b);
    REQUIRE(JaroWinkler(a, b) == JaroWinkler(upper_a, upper_b));
  }
}

TEST_CASE("Word order is free and joined or split syllables match", "[names]") {
  auto index = BuildIndex(Corpus());
  CHECK(PairScore(*index, "Quanguo Chen", "CHEN, Quanguo") == Approx(1.0));
  CHECK(PairScore(*index, "Chen Quan Guo", "CHEN, Quanguo") > 0.9);
  CHECK(PairScore(*index, "陈全国", "CHEN, Quanguo") == Approx(1.0));
  CHECK(PairScore(*index, "AL QAEDA", "ALQAEDA") > 0.85);
}

TEST_CASE("An exact match on a rare name outscores one on a common name", "[names]") {
  auto index = BuildIndex(Corpus());
  double rare = Find(*index, Query("ZHU HAILUN"), "29219").score;
  double common = Find(*index, Query("MOHAMMED ALI"), "common").score;
  CHECK(rare == Approx(1.0));
  CHECK(common < rare);
  CHECK(common > 0.5);
}

TEST_CASE("A generic one-word query never reaches the hit threshold", "[names]") {
  auto index = BuildIndex(Corpus());
  for (const char* word : {"TRADING", "GROUP", "MOHAMMED", "ALI", "TRADING LLC"}) {
    std::vector<NameMatch> matches;
    REQUIRE(index->Search(Query(word), 5, 0.0, &matches).ok());
    INFO(word);
    REQUIRE_FALSE(matches.empty());
    CHECK(matches[0].score < index->options().threshold);
  }
  // Even against an entry whose whole name is that word.
  CHECK(Find(*index, Query("TRADING"), "trading").score < index->options().threshold);
  // A rare single word does.
  CHECK(Find(*index, Query("HAILUN"), "29219").score < 1.0);
}

TEST_CASE("Legal forms weigh little and match across languages", "[names]") {
  auto index = BuildIndex(Corpus());
  double llp = PairScore(*index, "SBER VOSTOK LLP", "SBER VOSTOK LIMITED LIABILITY PARTNERSHIP");
  double too = PairScore(*index, "ТОО Сбер Восток", "SBER VOSTOK LIMITED LIABILITY PARTNERSHIP");
  double none = PairScore(*index, "SBER VOSTOK", "SBER VOSTOK LIMITED LIABILITY PARTNERSHIP");
  double jsc = PairScore(*index, "SBER VOSTOK JSC", "SBER VOSTOK LIMITED LIABILITY PARTNERSHIP");
  CHECK(llp == Approx(1.0));
  CHECK(too == Approx(1.0));
  CHECK(none > 0.95);
  CHECK(jsc > 0.95);
  CHECK(jsc < llp);
  // The same legal form and a shared generic word do not make two companies alike.
  CHECK(PairScore(*index, "LLP ELEM GROUP", "SBER VOSTOK LLP") < 0.2);
  CHECK(PairScore(*index, "KAROEX TRADING GROUP LLC", "ROKAEX TRADING GROUP LLC") < 0.8);
  // Mexico's S.A. DE C.V. is a legal form, not three words: before 2026-12-06 the name typed with
  // it scored 0.74 against the listed name without it.
  CHECK(PairScore(*index, "Chihuahua Foods SA de CV", "CHIHUAHUA FOODS") > 0.95);
  CHECK(PairScore(*index, "Grupo Chihuahua SA de CV", "CHIHUAHUA FOODS S.A. DE C.V.") < 0.8);
}

TEST_CASE("Initials match the words they stand for, with an initial's weight", "[names]") {
  auto index = BuildIndex(Corpus());
  double initial = PairScore(*index, "Q. CHEN", "CHEN, Quanguo");
  CHECK(initial > PairScore(*index, "X. CHEN", "CHEN, Quanguo"));
  CHECK(initial > PairScore(*index, "CHEN", "CHEN, Quanguo"));
  CHECK(initial < PairScore(*index, "QUANGUO CHEN", "CHEN, Quanguo"));
  // Two initials do not stand for two rare words.
  CHECK(PairScore(*index, "Z H", "ZHU, Hailun") < 0.5);
}

TEST_CASE("Typos and transliteration variants score high but below exact", "[names]") {
  auto index = BuildIndex(Corpus());
  double typo = PairScore(*index, "CHEN QUANGOU", "CHEN, Quanguo");
  CHECK(typo > 0.8);
  CHECK(typo < 1.0);
  // MUHAMMAD and ALI are among the commonest names (docs/matching.md, "Population frequency"),
  // so since 2026-12-01 the variant of this common name scores 0.76-0.80, no longer above 0.80.
  CHECK(PairScore(*index, "MUHAMMAD ALI", "MOHAMMED ALI") > 0.75);
  // JAMAL alone is a common given name (weight capped, population_names.txt): the spelling
  // variant is checked beside a rare family name.
  CHECK(PairScore(*index, "DZHAMAL KHASHOGGI", "JAMAL KHASHOGGI") > 0.85);
  CHECK(PairScore(*index, "CHEN MINGGUO", "CHEN, Quanguo") < 0.8);
}

TEST_CASE("Corroboration raises or lowers the score and is explained", "[names]") {
  auto index = BuildIndex(Corpus());
  NameQuery query = Query("CHEN QUANGOU");
  double base = Find(*index, query, "29220").score;
  query.birth_date = "1955-11-13";
  NameMatch with_year = Find(*index, query, "29220");
  CHECK(with_year.score > base);
  REQUIRE(with_year.explanation.evidence.size() == 1);
  CHECK(with_year.explanation.evidence[0].field == "birth_date");
  CHECK(with_year.explanation.evidence[0].delta > 0);
  query.birth_date = "1970";
  NameMatch conflict = Find(*index, query, "29220");
  CHECK(conflict.score < base);
  CHECK(conflict.name_score == Approx(with_year.name_score));
  query.birth_date = "";
  query.country = "CN";
  CHECK(Find(*index, query, "29220").score > base);
  query.country = "KZ";
  CHECK(Find(*index, query, "29220").score < base);
  query.country = "";
  query.kind = "vessel";
  CHECK(Find(*index, query, "29220").score < base);
}

// From a review, 2026-12-07 (finding 1): a query's birth date not written YYYY[-MM[-DD]] had its
// first four characters read as a year ("13.11.1955": year 13, a conflict).
TEST_CASE("The matcher never reads a year out of a birth date it cannot parse", "[names]") {
  auto index = BuildIndex(Corpus());
  NameQuery query = Query("CHEN QUANGOU");
  const NameMatch base = Find(*index, query, "29220");
  for (const char* date : {"13.11.1955", "13/11/1955", "1955/11/13", "11-13-1955", "1955-13"}) {
    INFO(date);
    query.birth_date = date;
    NameMatch match = Find(*index, query, "29220");
    CHECK(match.score == Approx(base.score));
    CHECK(match.needs_corroboration == base.needs_corroboration);
    REQUIRE(match.explanation.evidence.size() >= 1);
    CHECK(match.explanation.evidence[0].field == "birth_date");
    CHECK(match.explanation.evidence[0].delta == 0);
    CHECK(match.explanation.evidence[0].note == "not a YYYY, YYYY-MM or YYYY-MM-DD date: not used");
  }
}

// From a review, 2026-12-07 (finding 2): lists publish birth dates as ranges ("DOB 1967 to 1969",
// UN "BETWEEN 1967 AND 1969") and months ("Feb 1958"), imported as ISO intervals; Corroborate
// compared a party's date with the interval's first characters, so KIM, Jong Sik born inside his
// listed range "conflicted" and LI, Shangfu born in his listed month was only "within a year".
// A date inside a listed range or period matches at the coarser precision; a contradiction needs
// a date outside every listed date, range and period. The values are the lists' own (2024-05-03
// SDN, UN consolidated list).
TEST_CASE("A birth date inside a listed range or period corroborates, never contradicts",
          "[names]") {
  std::vector<NameRecord> records = Corpus();
  NameRecord kim_sdn = Record("23214", "KIM, Jong Sik", "person");
  kim_sdn.birth_dates = {"1967-01-01/1969-12-31"};  // SDN 23214: DOB 1967 to 1969
  records.push_back(kim_sdn);
  NameRecord kim_un = Record("6908643", "KIM JONG SIK", "person");
  kim_un.birth_dates = {"1967/1969"};  // UN 6908643: BETWEEN 1967 AND 1969
  records.push_back(kim_un);
  NameRecord li = Record("24838", "LI, Shangfu", "person");
  li.birth_dates = {"1958-02-01/1958-02-28"};  // SDN 24838: DOB Feb 1958
  records.push_back(li);
  NameRecord dost = Record("111143", "DOST MOHAMMAD", "person");
  dost.birth_dates = {"1968/1973"};  // UN 111143: BETWEEN 1968 AND 1973
  records.push_back(dost);
  NameRecord fitiwi = Record("6908703", "Fitiwi Abdelrazak", "person");
  fitiwi.birth_dates = {"30-35 years old"};  // UN 6908703: an age, kept as published
  records.push_back(fitiwi);
  NameRecord several = Record("several", "PAK, Chol Su", "person");
  several.birth_dates = {"1950", "1960-01-01/1961-12-31", "1970-07"};
  records.push_back(several);
  auto index = BuildIndex(records);
  const MatcherOptions& options = index->options();
  struct Case {
    const char* name;
    const char* entry_id;
    const char* birth_date;
    double delta;  // the birth date's evidence, short_name_conflict included
    bool confirms;
  };
  const double conflict = options.birth_date_conflict;
  const double short_conflict = options.birth_date_conflict + options.short_name_conflict;
  const Case cases[] = {
      // Inside the range: before, 1969 "conflicted" (-0.30), 1967 and 1968 were "within a year".
      {"KIM Jong Sik", "23214", "1967-05-01", options.birth_year_match, true},
      {"KIM Jong Sik", "23214", "1968-05-01", options.birth_year_match, true},
      {"KIM Jong Sik", "23214", "1969-05-01", options.birth_year_match, true},
      {"KIM Jong Sik", "23214", "1969", options.birth_year_match, true},
      {"KIM Jong Sik", "23214", "1969-12", options.birth_year_match, true},
      {"KIM Jong Sik", "6908643", "1969-05-01", options.birth_year_match, true},
      {"KIM Jong Sik", "6908643", "1967", options.birth_year_match, true},
      // A year beside the range is within a year; further away it conflicts.
      {"KIM Jong Sik", "6908643", "1966", 0, false},
      {"KIM Jong Sik", "6908643", "1970-01-01", 0, false},
      {"KIM Jong Sik", "6908643", "1972-01-01", short_conflict, false},
      {"KIM Jong Sik", "23214", "1965", short_conflict, false},
      // Inside the month: before, "within a year" and uncorroborated.
      {"LI Shangfu", "24838", "1958-02-15", options.birth_year_match, true},
      {"LI Shangfu", "24838", "1958-02", options.birth_year_match, true},
      {"LI Shangfu", "24838", "1958", options.birth_year_match, true},
      {"LI Shangfu", "24838", "1958-03-01", 0, false},
      {"LI Shangfu", "24838", "1961-02-15", short_conflict, false},
      // A longer name: before, 1970 "conflicted" (-0.15).
      {"DOST MOHAMMAD", "111143", "1970", options.birth_year_match, true},
      {"DOST MOHAMMAD", "111143", "1973-12-31", options.birth_year_match, true},
      {"DOST MOHAMMAD", "111143", "1980", conflict, false},
      // A listed value that is no date is not read as a year (before: year 30, a conflict).
      {"Fitiwi Abdelrazak", "6908703", "1990", 0, false},
      // Several dates: any that agrees counts; a contradiction is outside every one.
      {"PAK Chol Su", "several", "1961-06-01", options.birth_year_match, true},
      {"PAK Chol Su", "several", "1970-07-04", options.birth_year_match, true},
      {"PAK Chol Su", "several", "1950-03-03", options.birth_year_match, true},
      {"PAK Chol Su", "several", "1965", short_conflict, false},
  };
  for (const Case& c : cases) {
    NameQuery query = Query(c.name);
    const double base = Find(*index, query, c.entry_id).score;
    REQUIRE(base > 0);
    query.birth_date = c.birth_date;
    NameMatch match = Find(*index, query, c.entry_id);
    std::string evidence;
    double delta = 0;
    for (const Evidence& e : match.explanation.evidence) {
      if (e.field != "birth_date") continue;
      delta += e.delta;
      evidence += e.query_value + " vs " + e.list_value + ": " + e.note + "; ";
    }
    INFO(c.name << " born " << c.birth_date << " vs " << c.entry_id << ": " << evidence);
    CHECK(delta == Approx(c.delta));
    CHECK(match.score == Approx(std::clamp(base + c.delta, 0.0, 1.0)));
    if (c.confirms) {
      CHECK_FALSE(match.needs_corroboration);
    }
    CHECK((evidence.find("conflicts") == std::string::npos) == (c.delta >= 0));
  }
}

// From a review, 2026-12-07 (finding 3): Search() refuses a name it cannot normalise ("", "LLP"),
// so a party so named was never looked up by the identifier that decides whatever the names.
TEST_CASE("SearchIdentifier finds what a unique identifier decides, without a name", "[names]") {
  auto index = BuildIndex(Corpus());
  NameQuery query = Query("LLP");
  std::vector<NameMatch> matches;
  REQUIRE_FALSE(index->Search(query, 5, index->options().threshold, &matches).ok());
  query.identifier = "110140012405";
  query.country = "KZ";
  index->SearchIdentifier(query, nullptr, &matches);
  REQUIRE(matches.size() == 1);
  CHECK(matches[0].record->entry_id == "36427");
  CHECK(matches[0].decided_by_identifier);
  CHECK(matches[0].score == 1.0);
  // Only what decides: a registration number in another country, a passport.
  query.country = "RU";
  index->SearchIdentifier(query, nullptr, &matches);
  CHECK(matches.empty());
  query = Query("");
  query.identifier = "AB1234567";
  query.country = "UZ";
  index->SearchIdentifier(query, nullptr, &matches);
  CHECK(matches.empty());
  query.identifier = "IMO 9187629";
  index->SearchIdentifier(query, nullptr, &matches);
  REQUIRE(matches.size() == 1);
  CHECK(matches[0].record->entry_id == "v1");
  // Among allowed records only (a delta run's changed entries).
  std::vector<bool> none(index->records().size(), false);
  index->SearchIdentifier(query, &none, &matches);
  CHECK(matches.empty());
}

TEST_CASE("A unique identifier decides alone, others only corroborate", "[names]") {
  auto index = BuildIndex(Corpus());
  NameQuery query = Query("SOME OTHER SHIP NAME");
  query.identifier = "IMO 9187629";
  std::vector<NameMatch> matches;
  REQUIRE(index->Search(query, 5, index->options().threshold, &matches).ok());
  REQUIRE(matches.size() == 1);
  CHECK(matches[0].record->entry_id == "v1");
  CHECK(matches[0].decided_by_identifier);
  CHECK(matches[0].score == 1.0);
  // A registration number decides only with its country.
  query = Query("UNRELATED NAME");
  query.identifier = "110140012405";
  query.country = "KZ";
  REQUIRE(index->Search(query, 5, index->options().threshold, &matches).ok());
  REQUIRE(matches.size() == 1);
  CHECK(matches[0].record->entry_id == "36427");
  query.country = "";
  REQUIRE(index->Search(query, 5, index->options().threshold, &matches).ok());
  CHECK(matches.empty());
  // A passport number adds confidence but does not decide.
  query = Query("KARIMOV RUSTEM");
  double base = Find(*index, query, "pp").score;
  query.identifier = "AB 1234567";
  NameMatch with_passport = Find(*index, query, "pp");
  CHECK_FALSE(with_passport.decided_by_identifier);
  CHECK(with_passport.score > base);
}

// Found by review: identifiers under four characters were not indexed, and a search bounded them
// by the identifier's corroboration (+0.2) alone, yet an equal registration number in its country
// decides a match whatever the names: such a record was missed unless its name came close.
TEST_CASE("A short identifier that decides is found whatever the names", "[names]") {
  std::vector<NameRecord> records = Corpus();
  NameRecord short_id = Record("s1", "ZEBRA HOLDINGS", "company");
  short_id.countries = {"KZ"};
  short_id.identifiers = {{"registration", "A12", "KZ"}};
  records.push_back(short_id);
  auto index = BuildIndex(records);
  NameQuery query = Query("UNRELATED NAME");
  query.identifier = "a-12";
  query.country = "KZ";
  std::vector<NameMatch> matches;
  REQUIRE(index->Search(query, 5, index->options().threshold, &matches).ok());
  REQUIRE(matches.size() == 1);
  CHECK(matches[0].record->entry_id == "s1");
  CHECK(matches[0].decided_by_identifier);
  std::vector<NameMatch> brute;
  REQUIRE(SearchBruteForce(*index, query, 5, index->options().threshold, &brute).ok());
  REQUIRE(brute.size() == 1);
  CHECK(brute[0].record->entry_id == "s1");
}

TEST_CASE("Every match explains which words matched which and how closely", "[names]") {
  auto index = BuildIndex(Corpus());
  NameQuery query = Query("Chen Quan Guo Ltd");
  query.birth_date = "1955";
  NameMatch match = Find(*index, query, "29220");
  REQUIRE(match.score > 0);
  const MatchExplanation& e = match.explanation;
  REQUIRE(e.aligned.size() == 2);
  CHECK(e.aligned[0].query_words == "chen");
  CHECK(e.aligned[0].candidate_words == "chen");
  CHECK(e.aligned[1].query_words == "quan guo");
  CHECK(e.aligned[1].candidate_words == "quanguo");
  CHECK(e.unmatched_query == std::vector<std::string>{"<limited>"});
  std::string text = FormatMatchText(match);
  CHECK(text.find("quan guo ~ quanguo 1.00") != std::string::npos);
  CHECK(text.find("birth_date: 1955 vs 1955: matches at the coarser precision (+0.05)") !=
        std::string::npos);
}

TEST_CASE("The index finds what brute force finds above the threshold", "[names]") {
  std::vector<NameRecord> records = Corpus();
  auto index = BuildIndex(records);
  std::mt19937 random(7);
  int compared = 0;
  size_t brute_total = 0, found = 0;
  for (const NameRecord& record : records) {
    for (auto kind : {reference::Perturbation::kTypo, reference::Perturbation::kReorder}) {
      std::string name = reference::Perturb(record.name, kind, true, &random);
      if (name.empty()) continue;
      std::vector<NameMatch> indexed, brute;
      REQUIRE(index->Search(Query(name), 1000, 0.8, &indexed).ok());
      REQUIRE(SearchBruteForce(*index, Query(name), 1000, 0.8, &brute).ok());
      INFO(name);
      // The index may miss (candidate generation is approximate) but never invents, and what it
      // finds it scores exactly as brute force does.
      CHECK(indexed.size() <= brute.size());
      for (const NameMatch& x : indexed) {
        bool in_brute = false;
        for (const NameMatch& b : brute) {
          if (b.record == x.record) {
            in_brute = true;
            CHECK(b.score == x.score);
          }
        }
        CHECK(in_brute);
      }
      brute_total += brute.size();
      found += indexed.size();
      ++compared;
    }
  }
  CHECK(compared > 200);
  // This corpus is adversarial (160 names built from the same ten syllables, so a typo often
  // lands two edits from several other names); on the real lists the index finds over 97% (the
  // test below and docs/matching.md).
  CHECK(double(found) / brute_total >= 0.9);
}

TEST_CASE("Search may run on several threads at once", "[names]") {
  auto index = BuildIndex(Corpus());
  const std::vector<std::string> names = {"QUANGUO CHEN", "陈全国",         "ТОО Сбер Восток",
                                          "MOHAMMED ALI", "KAROEX TRADING", "محمد علي"};
  std::vector<std::vector<std::string>> expected;
  for (const std::string& name : names) {
    std::vector<NameMatch> matches;
    REQUIRE(index->Search(Query(name), 5, 0.5, &matches).ok());
    std::vector<std::string> ids;
    for (const NameMatch& m : matches) ids.push_back(m.record->entry_id);
    expected.push_back(ids);
  }
  std::vector<int> mismatches(4, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 20; ++round) {
        for (size_t k = 0; k < names.size(); ++k) {
          std::vector<NameMatch> matches;
          if (!index->Search(Query(names[k]), 5, 0.5, &matches).ok()) ++mismatches[t];
          std::vector<std::string> ids;
          for (const NameMatch& m : matches) ids.push_back(m.record->entry_id);
          if (ids != expected[k]) ++mismatches[t];
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  CHECK(mismatches == std::vector<int>(4, 0));
}

TEST_CASE("Bad query names are errors that say why, odd ones still match", "[names]") {
  auto index = BuildIndex(Corpus());
  std::vector<NameMatch> matches;
  auto error = [&](const std::string& name) {
    Status status = index->Search(Query(name), 5, 0.0, &matches);
    return status.ok() ? std::string("ok") : status.message();
  };
  CHECK(error("") == "name has no letters or digits");
  CHECK(error("?!.,;") == "name has no letters or digits");
  CHECK(error("Co., Ltd.") == "name is only a legal form");
  CHECK(error(std::string(10000, 'x')) == "name longer than 4096 bytes (10000)");
  CHECK(matches.empty());
  REQUIRE(index->Search(Query("CHEN\x01\tQUANGUO\x7f"), 5, 0.8, &matches).ok());
  REQUIRE_FALSE(matches.empty());
  CHECK(matches[0].record->entry_id == "29220");
  REQUIRE(index->Search(Query("Чен Quanguo"), 5, 0.8, &matches).ok());
  REQUIRE_FALSE(matches.empty());
  CHECK(matches[0].record->entry_id == "29220");
  // Records with unusable names are left out of the index and reported, typed.
  NameRecord alias = Record("d", std::string(5000, 'd'));
  alias.is_alias = true;
  std::vector<NameRecord> records = {Record("a", "GOOD NAME"), Record("b", "LLC"),
                                     Record("c", "\xff"), alias, Record("e", "GOOD \xffNAME")};
  auto small = BuildIndex(records);
  CHECK(small->records().size() == 2);
  REQUIRE(small->problems().size() == 3);
  const NameProblem& legal = small->problems()[0];
  CHECK(legal.list_id == "test");
  CHECK(legal.entry_id == "b");
  CHECK(legal.name == "LLC");
  CHECK_FALSE(legal.is_alias);
  CHECK(legal.reason == "name is only a legal form");
  CHECK(small->problems()[1].entry_id == "c");
  CHECK(small->problems()[1].reason == "name has no letters or digits");
  CHECK(small->problems()[2].entry_id == "d");
  CHECK(small->problems()[2].is_alias);
  CHECK(small->problems()[2].reason == "name longer than 4096 bytes (5000)");
}

// Regression cases from the evaluation on the real lists (docs/matching.md).
TEST_CASE("Real list names are found under perturbation", "[names][reference]") {
  std::string folder = reference::DataFolder();
  if (folder.empty()) {
    WARN(CORRIDOR_SKIP_MARK);
    return;
  }
  auto index = BuildIndex(reference::LoadAllLists(folder));
  struct Case {
    const char* query;
    const char* entry_id;
  };
  const Case cases[] = {
      {"QUANGUO CHEN", "29220"},                               // reordered
      {"陈全国", "29220"},                                     // Han
      {"CHEN QUAN GUO", "29220"},                              // split syllables
      {"HAILUN ZHU", "29219"},                                 // reordered
      {"ئەركىن تۇنىياز", "34119"},                             // Uyghur script
      {"TUNIYAZ ERKIN", "34119"},                              // transliteration variant
      {"ТОО Сбер Восток", "36427"},                            // Kazakh legal form in Cyrillic
      {"SBER VOSTOK TOO", "36427"},                            // legal-form change
      {"ELEM GROUP LLP", "47950"},                             // legal form moved
      {"SHER MATCH INDUSTRIES PRIVATE LTD", "10607"},          // legal-form change
      {"SHER MACH INDUSTRIES (PVT.) LIMITED", "10607"},        // typo
      {"XINJIANG PUBLIC SECURITY BUREAU", "29159"},            // exact
      {"XINJIANG PRODUCTON AND CONSTRUCTION CORPS", "29299"},  // typo
      {"CHEN MINGUO", "31493"},                                // typo
  };
  for (const Case& c : cases) {
    std::vector<NameMatch> matches;
    NameQuery query;
    query.name = c.query;
    REQUIRE(index->Search(query, 3, index->options().threshold, &matches).ok());
    INFO(c.query);
    REQUIRE_FALSE(matches.empty());
    CHECK(matches[0].record->list_id == "ofac_sdn");
    CHECK(matches[0].record->entry_id == c.entry_id);
  }
  // Frequent words of the real lists never hit alone.
  for (const char* word : {"TRADING", "GROUP", "COMPANY", "INTERNATIONAL", "MOHAMMED", "AL", "BANK",
                           "SHIPPING", "INDUSTRIES"}) {
    std::vector<NameMatch> matches;
    NameQuery query;
    query.name = word;
    REQUIRE(index->Search(query, 1, 0.0, &matches).ok());
    INFO(word);
    if (!matches.empty()) CHECK(matches[0].score < index->options().threshold);
  }
}

// docs/matching.md, "Token similarity" (2026-12-05): Russian's -аев is romanised -aev (Kazakh
// BGN, passports) and -ayev (the lists' BGN); the phonetic key folded ae to a, so TOQAEV and
// TOKAYEV were two keys (0.89), and Қасым-Жомарт Тоқаев, every word a variant of KASSYM-JOMART
// TOKAYEV but that one, scored 0.79.
// docs/matching.md, "A final -ij and -ej". Before 2026-12-05 PINCHUK, Andrej Yurevich scored
// 0.67 against PINCHUK, Andrei Yuryevich, an alias of the same entry.
TEST_CASE("The -ij and -ej of German and Ukrainian romanisations are -iy and -ey", "[names]") {
  CHECK(PhoneticKey("dmitrij") == PhoneticKey("dmitriy"));
  CHECK(PhoneticKey("andrij") == PhoneticKey("andriy"));
  CHECK(PhoneticKey("sergej") == PhoneticKey("sergey"));
  CHECK(PhoneticKey("moskovskij") == PhoneticKey("moskovsky"));
  CHECK(PhoneticKey("siraj") != PhoneticKey("sirai"));  // after a: jim, not й
  CHECK(PhoneticKey("freij") != PhoneticKey("frei"));   // after a long vowel: jim
  CHECK(PhoneticKey("furayj") != PhoneticKey("furay"));
  CHECK(PhoneticKey("jamal") == "jamal");  // only a final j
  auto index = BuildIndex({});
  CHECK(PairScore(*index, "PINCHUK, Andrej Yurevich", "PINCHUK, Andrei Yuryevich") >= 0.9);
  CHECK(PairScore(*index, "GRAMASHOV, Dmitrij Sergeevich", "GRAMASHOV, Dmitry Sergeevich") >= 0.9);
  CHECK(PairScore(*index, "MOSKOVSKIJ, Aleksandr Aleksandrovich",
                  "MOSKOVSKY, Alexander Aleksandrovich") >= 0.9);
}

// docs/matching.md, "Arabic ae before a consonant" (2026-12-05): the phonetic key read ae as a
// before anything but v, so RAED was RAD (RA'D, another name), QAEDA was QADA: "Al Qaeda" scored
// 0.80 against AL-QAIDA (0.797 once the lists' Abd al- compounds were written apart), "Raed
// Salah" 0.76 against Raid SALAH. A Korean syllable's ae is one vowel: PAEK is PAK's alias.
TEST_CASE("An Arabic ae before a consonant is a and i", "[names]") {
  CHECK(PhoneticKey("raed") == PhoneticKey("raid"));
  CHECK(PhoneticKey("qaeda") == PhoneticKey("qaida"));
  CHECK(PhoneticKey("faeq") == PhoneticKey("faiq"));
  CHECK(PhoneticKey("wael") == PhoneticKey("wail"));
  CHECK(PhoneticKey("tokaev") == PhoneticKey("tokayev"));
  CHECK(PhoneticKey("raed") != PhoneticKey("rad"));
  // One vowel: before a vowel, at the end, and before a Korean syllable's final.
  CHECK(PhoneticKey("saeed") == PhoneticKey("said"));
  CHECK(PhoneticKey("jae") != PhoneticKey("jai"));
  CHECK(PhoneticKey("paek") == PhoneticKey("pak"));
  CHECK(PhoneticKey("saeng") != PhoneticKey("saing"));
  auto index = BuildIndex({});
  CHECK(PairScore(*index, "Al Qaeda", "AL-QAIDA") >= 0.9);
  CHECK(PairScore(*index, "Raed Salah", "SALAH, Raid") >= 0.8);
  CHECK(PairScore(*index, "Naef Hawatmeh", "HAWATMEH, Naif") >= 0.9);
  CHECK(PairScore(*index, "PAK, Chang-Ho", "PAEK, Chang-Ho") >= 0.9);
}

// Before 2026-12-06 GADDAFI against QADHAFI scored 0.54 as words and "Muammar Gaddafi" 0.61
// against Moammar al-QADHAFI; QASEM against GHASEM 0.61 (docs/matching.md, "Qaf and dhal as
// heard").
TEST_CASE("Qaf and dhal as romanisations hear them are one name", "[names]") {
  auto index = BuildIndex({});
  CHECK(PairScore(*index, "Muammar Gaddafi", "Moammar al-Qadhafi") >= 0.85);
  CHECK(PairScore(*index, "Muammar Gaddafi", "Muammar Kadhafi") >= 0.9);
  CHECK(PairScore(*index, "Muammar Qadhafi", "Muammar Gaddafi") >= 0.9);
  CHECK(PairScore(*index, "Qasem Soleimani", "Ghasem Soleimani") >= 0.8);
  // A g against a k with neither a q nor a dh is two names (جمال, كمال).
  CHECK(PairScore(*index, "Gamal Hassan", "Kamal Hassan") < 0.8);
}

// Egyptian and Sudanese spellings write jim as G: before 2026-12-06 GAMAL scored 0.5 against
// JAMAL as words (both common names, so two names), "Saeed Ahmed Mohammed Al Gamal" 0.62 against
// AL-JAMAL, Sa'id Ahmad Muhammad; and QADDAFI 0.89 against QADHAFI (a dh against a d with a q).
TEST_CASE("Jim written G and dhal written D beside a qaf are the letters", "[names]") {
  auto index = BuildIndex({});
  CHECK(PairScore(*index, "Gamal Abdel Nasser", "Jamal Abd al-Nasir") >= 0.9);
  CHECK(PairScore(*index, "Saeed Ahmed Mohammed Al Gamal", "AL-JAMAL, Sa'id Ahmad Muhammad") >=
        0.9);
  CHECK(PairScore(*index, "Ragab Hassan", "Rajab Hasan") >= 0.9);
  CHECK(PairScore(*index, "Aisha Qaddafi", "Ayesha Qadhafi") >= 0.9);
  // Ghain (GH) is not jim.
  CHECK(PairScore(*index, "Ghassan Ali", "Jassan Ali") < 0.8);
}

// The index finds a listed word by the strings left by deleting letters of its phonetic key; a
// similarity rule the edit distance does not bound (the qaf and dhal rule) holds only for keys
// that share such a string, or the index and brute force would differ.
TEST_CASE("Keys share a deletion exactly when the index's neighbourhoods meet", "[names]") {
  auto deletions = [](const std::string& key) {
    std::vector<std::string> out = {key};
    const size_t n = key.size();
    for (size_t i = 0; i < n && n > 1; ++i) {
      out.push_back(key.substr(0, i) + key.substr(i + 1));
      for (size_t j = i + 1; j < n && KeyDeletions(n) >= 2 && n > 2; ++j) {
        out.push_back(key.substr(0, i) + key.substr(i + 1, j - i - 1) + key.substr(j + 1));
      }
    }
    std::sort(out.begin(), out.end());
    return out;
  };
  std::mt19937 random(11);
  int shared = 0;
  for (int round = 0; round < 3000; ++round) {
    auto word = [&random](size_t length) {
      std::string w;
      for (size_t k = 0; k < length; ++k) w += "kad"[random() % 3];
      return w;
    };
    std::string a = word(1 + random() % 9), b = word(1 + random() % 9);
    std::vector<std::string> da = deletions(a), db = deletions(b), common;
    std::set_intersection(da.begin(), da.end(), db.begin(), db.end(), std::back_inserter(common));
    INFO(a << " " << b);
    CHECK(KeysShareDeletion(a, b) == !common.empty());
    shared += common.empty() ? 0 : 1;
  }
  CHECK(shared > 150);
  CHECK(KeysShareDeletion("gadafi", "kadhafi"));
  CHECK_FALSE(KeysShareDeletion("hakiki", "hagigi"));  // two edits of a six-letter key
}

TEST_CASE("Qaf and dhal spellings are found by the index as by brute force", "[names]") {
  std::vector<NameRecord> records = Corpus();
  records.push_back(Record("q1", "Moammar al-QADHAFI", "person"));
  records.push_back(Record("q2", "Ghasem SOLEIMANI", "person"));
  records.push_back(Record("q3", "HAGIGI, Reza", "person"));
  auto index = BuildIndex(records);
  CheckIndexEqualsBruteForce(
      *index,
      {"Muammar Gaddafi", "Muammar Kadhafi", "Qasem Soleimani", "Reza Haqiqi", "Gadafi", "Qadafi"},
      0.5);
}

// German and French spell the Russian patronymic ending and ch otherwise: before
// 2026-12-06 "Roman Abramowitsch" scored 0.24 against Roman ABRAMOVICH.
TEST_CASE("German spellings of Russian names are the names", "[names]") {
  CHECK(PhoneticKey("abramowitsch") == PhoneticKey("abramovich"));
  CHECK(PhoneticKey("dschamal") == PhoneticKey("dzhamal"));
  CHECK(PhoneticKey("tschernow") == PhoneticKey("chernov"));
  CHECK(IsPatronymic("abramowitsch"));
  CHECK(IsPatronymic("abramovitch"));
  CHECK_FALSE(IsPatronymic("gelowicz"));  // a Polish family name
  auto index = BuildIndex({});
  CHECK(PairScore(*index, "Roman Abramovich", "Roman Abramowitsch") >= 0.9);
  CHECK(PairScore(*index, "Oleg Abramovich", "Oleg Abramovitch") >= 0.9);
  CHECK(PairScore(*index, "Igor Viktorovich Chernov", "Igor Viktorowitsch Tschernow") >= 0.9);
  // J for Y before a vowel (SameUpToInitialJY): the lists' GOTSANIUK, Jurij scored 0.65 against
  // GOTSANYUK, Yuri.
  CHECK(PairScore(*index, "Jurij Mikhailovich Gotsanyuk", "Yuri Mikhailovich Gotsanyuk") >= 0.9);
  CHECK(PairScore(*index, "Jusuf Nurmatov", "Yusuf Nurmatov") >= 0.9);
  // A patronymic written without its hacek, and Slavic family names, meet both readings.
  CHECK(PairScore(*index, "Vitalii Viktorovitch Perfilev", "Vitalij Viktorovic Perfilev") >= 0.9);
  CHECK(PairScore(*index, "Fritz Martin Gelowitz", "Fritz Martin Gelowicz") >= 0.8);
  // Ukrainian -ovych as German writes it: 0.17 before 2026-12-06.
  CHECK(IsPatronymic("janukowytsch"));
  CHECK(PairScore(*index, "Wiktor Janukowytsch", "Viktor Yanukovych") >= 0.9);
}

// Arabic's article before a sun letter, written as that letter (CanonicalSunLetterArticles in
// engine/names/normalize.cc): before 2026-12-06 "Ayman az-Zawahiri" scored 0.64 against AYMAN
// AL-ZAWAHIRI, "Ash-Shabaab" 0.55 against AL-SHABAAB and "Jabhat an-Nusra" 0.72 against JABHAT
// AL-NUSRA, the article left over as a word.
TEST_CASE("The article written as a sun letter is the article", "[names]") {
  auto index = BuildIndex({});
  CHECK(PairScore(*index, "Ayman az-Zawahiri", "Ayman al-Zawahiri") >= 0.95);
  CHECK(PairScore(*index, "Harakat ash-Shabaab", "Harakat al-Shabaab") >= 0.95);
  CHECK(PairScore(*index, "Jabhat an-Nusra", "Jabhat al-Nusra") >= 0.95);
  CHECK(PairScore(*index, "Abu Bakr as-Siddiq", "Abu Bakr al-Siddiq") >= 0.95);
  CHECK(PairScore(*index, "Nour ed-Dine Ahmed", "Nour al-Din Ahmed") >= 0.95);
  CHECK(PairScore(*index, "Катиба ат-Таухид", "Katiba al-Tauhid") >= 0.95);
  // A word written apart before another word is itself: AN is a Vietnamese and Korean name.
  CHECK(PairScore(*index, "An Nguyen", "Nguyen An") >= 0.9);
  // As-Sahab's AS is the article, not the joint-stock form a final AS is, written apart too (a
  // helper's review: AS SALAM met SALAM LLC at 0.98, the article read as a form).
  CHECK(PairScore(*index, "As-Sahab Media", "Al-Sahab Media") >= 0.95);
  CHECK(PairScore(*index, "As Salam", "Salam LLC") < 0.8);
  // A second helper's review: a hyphenated Taiwanese given name is no article (LEE AN-NAN, CHEN
  // ER-REN fell to 0.15 and 0.18), nor a word written apart (AD DESIGN met AL DESIGN at 1.00),
  // and a listed two-word name must find itself (ES-SHAHID, read AL SHAHID, scored 0.79).
  CHECK(PairScore(*index, "Lee An-Nan", "Lee Annan") >= 0.95);
  CHECK(PairScore(*index, "Chen Er-Ren", "Chen Erren") >= 0.95);
  CHECK(PairScore(*index, "AD Design Ltd", "Al Design Ltd") < 0.8);
  CHECK(PairScore(*index, "Es-Shahid", "Es-Shahid") >= 0.99);
  // The u of Pakistani names stays as written: the scorer joins FAZL UR into FAZLUR.
  CHECK(PairScore(*index, "Fazl-ur Rehman Khalil", "Fazlur Rehman Khalil") >= 0.95);
  std::vector<NameRecord> records = Corpus();
  records.push_back(Record("s1", "AL-ZAWAHIRI, Ayman", "person"));
  records.push_back(Record("s2", "HARAKAT AL-SHABAAB AL-MUJAHIDIN"));
  records.push_back(Record("s3", "NGUYEN, An", "person"));
  auto listed = BuildIndex(records);
  CHECK(EntryScore(*listed, "Ayman az-Zawahiri", "s1") >= 0.95);
  CHECK(EntryScore(*listed, "Harakat ash-Shabaab al-Mujahidin", "s2") >= 0.95);
  CheckIndexEqualsBruteForce(*listed,
                             {"Ayman az-Zawahiri", "Ash-Shabaab", "An Nguyen", "Az Zawahiri"}, 0.5);
}

// Arabic names with ث, ذ, ض and ظ as Persian, Turkish, Urdu and Uzbek write them
// (engine/names/arabic_interdental_names.txt): before 2026-12-06 "Osman Ali" scored 0.49 against
// OTHMAN, Ali, "Kazim Rahimi" 0.69 against KADHIM, "Ramazan Kadyrov" 0.58 against RAMADAN and the
// lists' Mortaza Rezai 0.70 against MORTEZA REZAIE.
TEST_CASE("Arabic th dh and z as Persian and Turkish and Urdu write them are the names",
          "[names]") {
  auto index = BuildIndex({});
  CHECK(PairScore(*index, "Osman Ali", "Othman Ali") >= 0.8);
  CHECK(PairScore(*index, "Mohammad Osman", "Muhammad Uthman") >= 0.8);
  CHECK(PairScore(*index, "Kazim Rahimi", "Kadhim Rahimi") >= 0.9);
  CHECK(PairScore(*index, "Zakir Hussain", "Dhakir Hussain") >= 0.9);
  CHECK(PairScore(*index, "Mortaza Rezai", "Morteza Rezaie") >= 0.9);
  CHECK(PairScore(*index, "Ramazan Kadyrov", "Ramadan Kadyrov") >= 0.8);
  // Two names stay two: ثامر THAMIR is not سمير SAMIR, راضي RADI not رازي RAZI, and حازم HAZIM has
  // no dhal.
  CHECK(PairScore(*index, "Thamir Ahmed", "Samir Ahmed") < 0.8);
  CHECK(PairScore(*index, "Radi Hassan", "Razi Hassan") < 0.8);
  CHECK(PairScore(*index, "Hazim Saleh", "Hadhim Saleh") < 0.8);
  // Nor spellings another name keys as (a helper's review of the first version): HARIS keyed as
  // the English HARRIS, ZAHIR (ظاهر) as ZAHER (زاهر).
  CHECK(PairScore(*index, "John Harris", "John Harith") < 0.8);
  CHECK(PairScore(*index, "Zaher Mohammed", "Dhahir Mohammed") < 0.8);
  std::vector<NameRecord> records = Corpus();
  records.push_back(Record("i1", "OTHMAN, Ali", "person"));
  records.push_back(Record("i2", "KADHIM, Ahmad Hasan", "person"));
  records.push_back(Record("i3", "MORTEZA REZAIE", "person"));
  auto listed = BuildIndex(records);
  CHECK(EntryScore(*listed, "Usman Ali", "i1") >= 0.8);
  CHECK(EntryScore(*listed, "Ahmad Hasan Kazim", "i2") >= 0.9);
  CHECK(EntryScore(*listed, "Mortaza Rezai", "i3") >= 0.9);
  CheckIndexEqualsBruteForce(*listed, {"Usman Ali", "Ahmad Kazem", "Murtaza Rezai", "Osman"}, 0.5);
}

// Russian ё after a consonant is YO in English, JO in German, IO in French and Polish and E in
// passports and most lists. Before 2026-12-06 the lists' FYODOROV, Yury Viktorovich scored 0.77
// against FEDOROV, Yury Viktorovich, "Sergei Solovyov" 0.66 against Sergey SOLOVEV, "Pjotr
// Iwanow" 0.67 against Pyotr IVANOV and "Fiodor Lukianov" 0.75 against Fyodor LUKYANOV.
TEST_CASE("Russian yo is the e the lists write", "[names]") {
  auto index = BuildIndex({});
  CHECK(PairScore(*index, "Yury Viktorovich Fyodorov", "Yury Viktorovich Fedorov") >= 0.9);
  CHECK(PairScore(*index, "Sergei Solovyov", "Sergey Solovev") >= 0.8);
  CHECK(PairScore(*index, "Sergei Soloviev", "Sergey Solovyov") >= 0.8);
  CHECK(PairScore(*index, "Pjotr Iwanow", "Pyotr Ivanov") >= 0.9);
  CHECK(PairScore(*index, "Fiodor Lukianov", "Fyodor Lukyanov") >= 0.9);
  CHECK(PairScore(*index, "Alyona Petrova", "Alena Petrova") >= 0.8);
  // Korean and Chinese syllables write yo and io as vowels of their own: 경 (KYONG) is not KENG,
  // 평 (PYONG) not PENG, and JIANYONG is jian-yong.
  CHECK(PairScore(*index, "Kim Kyong Hui", "Kim Keng Hui") < 0.8);
  CHECK(PairScore(*index, "Ri Pyong Chol", "Ri Peng Chol") < 0.8);
  CHECK(PairScore(*index, "Jianyong Li", "Jianeng Li") < 0.8);
  // A final io and -ion are Romance and English endings, not ё.
  CHECK(PairScore(*index, "Antonio Rossi", "Antone Rossi") < 0.8);
  // The letters decide, not the phonetic key, which reads e, i and y alike; and an io alone
  // meets only another ё spelling (a helper's review of the first version, 2026-12-06: these
  // scored 0.64 to 0.89 with it, two names each).
  CHECK(PairScore(*index, "Rios", "Reyes") < 0.6);         // RES would be REYES
  CHECK(PairScore(*index, "Kyoko", "Keiko") < 0.6);        // Japanese: KEKO would be KEIKO
  CHECK(PairScore(*index, "Fiori", "Ferri") < 0.8);        // Italian
  CHECK(PairScore(*index, "Viola", "Villa") < 0.8);        // Italian
  CHECK(PairScore(*index, "Solowjow", "Solovev") >= 0.8);  // German w and jo
  std::vector<NameRecord> records = Corpus();
  records.push_back(Record("y1", "FEDOROV, Yury Viktorovich", "person"));
  records.push_back(Record("y2", "SOLOVYOV, Sergei", "person"));
  records.push_back(Record("y3", "TSIVILEV, Sergey Evgenyevich", "person"));
  records.push_back(Record("y4", "REYES, Abubakar", "person"));
  records.push_back(Record("y5", "REYES GARZA, Agustin", "person"));
  auto listed = BuildIndex(records);
  CHECK(EntryScore(*listed, "Yury Viktorovich Fyodorov", "y1") >= 0.9);
  CHECK(EntryScore(*listed, "Sergey Solovev", "y2") >= 0.8);
  CHECK(EntryScore(*listed, "Sergei Evgenievich Tsivilyov", "y3") >= 0.9);
  // Joined words too: "Ri Os" read RIOS met REYES in the first version, and the index, which
  // looks a short joined word up by its exact key, did not find it.
  CheckIndexEqualsBruteForce(*listed,
                             {"Yury Fyodorov", "Sergey Solovev", "Sergei Tsivilyov", "Fjodorow",
                              "Ri Os", "Agustin Ri Os", "Agustin Rios", "Sergei Solowjow"},
                             0.5);
}

// French writes sh as ch, and the Maghreb's and Lebanon's names reach the lists so (HAMCHO for
// HAMSHO, BOUCHOUCHA for BUSHUSHA, AL-CHAAR for AL-SHAAR): before 2026-12-06 "Hicham Aboud" scored
// 0.90 against Hisham ABOUD only by Jaro-Winkler, "Mohamed Hamcho" 0.72 against HAMSHO, Muhammad.
TEST_CASE("French ch for sh is the name", "[names]") {
  auto index = BuildIndex({});
  CHECK(PairScore(*index, "Mohamed Hamcho", "Muhammad Hamsho") >= 0.9);
  CHECK(PairScore(*index, "Mokhtar Bouchoucha", "Mokhtar Bushusha") >= 0.9);
  CHECK(PairScore(*index, "Rachid Ghannouchi", "Rashid Ghannushi") >= 0.9);
  CHECK(PairScore(*index, "Xenia Choigu", "Kseniya Shoigu") >= 0.8);
  // Chinese syllables keep ch and sh apart: CHEN is not SHEN.
  CHECK(PairScore(*index, "Chen Wei", "Shen Wei") < 0.8);
  // Only ch against sh: another consonant is another name.
  CHECK(PairScore(*index, "Mohamed Hamcho", "Muhammad Hamzo") < 0.8);
  std::vector<NameRecord> records = Corpus();
  records.push_back(Record("c1", "HAMSHO, Muhammad", "person"));
  records.push_back(Record("c2", "AL-SHAAR, Mohammad Ibrahim", "person"));
  auto listed = BuildIndex(records);
  CheckIndexEqualsBruteForce(*listed, {"Mohamed Hamcho", "Mohammad Ibrahim Al-Chaar", "Hamcho"},
                             0.5);
}

// French writes a Russian name's g before e or i as gu (EVGUENI, GUENNADI); German writes its kh
// as ch and its zh as sch (MICHAIL CHODORKOWSKI, PRIGOSCHIN). Before 2026-12-06 "Evgueni
// Prigojine" scored 0.78 against Yevgeniy PRIGOZHIN, "Guennadi Timtchenko" 0.78 against Gennady
// TIMCHENKO, "Michail Chodorkowski" 0.76 against Mikhail KHODORKOVSKY, "Jewgeni Prigoschin" 0.77.
TEST_CASE("French gu and German ch and sch in Russian names are the names", "[names]") {
  std::vector<NameRecord> records = Corpus();
  records.push_back(Record("r1", "PRIGOZHIN, Yevgeniy Viktorovich", "person"));
  records.push_back(Record("r2", "TIMCHENKO, Gennady Nikolayevich", "person"));
  records.push_back(Record("r3", "KHODORKOVSKY, Mikhail", "person"));
  records.push_back(Record("r4", "SHOIGU, Sergei", "person"));
  auto index = BuildIndex(records);
  CHECK(EntryScore(*index, "Evgueni Prigojine", "r1") >= 0.8);
  CHECK(EntryScore(*index, "Jewgeni Prigoschin", "r1") >= 0.8);
  CHECK(EntryScore(*index, "Guennadi Timtchenko", "r2") >= 0.8);
  CHECK(EntryScore(*index, "Michail Chodorkowski", "r3") >= 0.9);
  CHECK(EntryScore(*index, "Sergueï Choïgou", "r4") >= 0.8);
  // Only the u after a g goes, and only ch is read kh: another vowel is another name.
  CHECK(EntryScore(*index, "Guennadi Tumchenko", "r2") < 0.8);
  CHECK(EntryScore(*index, "Michail Chadarkowski", "r3") < 0.8);
  CheckIndexEqualsBruteForce(*index,
                             {"Evgueni Prigojine", "Jewgeni Prigoschin", "Guennadi Timtchenko",
                              "Michail Chodorkowski", "Sergueï Choïgou", "Guennadi"},
                             0.5);
}

// French writes a final -in as -ine (POUTINE, SETCHINE, PRIGOJINE), and the lists hold such
// spellings (TIOURINE, SAKOULINE as aliases of TYURIN, SAKULIN): before 2026-12-06 POUTINE
// scored 0.5 against PUTIN as words, "Vladimir Poutine" 0.61 against Vladimir PUTIN.
TEST_CASE("A French final -ine is the name's -in", "[names]") {
  auto index = BuildIndex({});
  CHECK(PairScore(*index, "Vladimir Poutine", "Vladimir Putin") >= 0.9);
  CHECK(PairScore(*index, "Igor Setchine", "Igor Sechin") >= 0.9);
  CHECK(PairScore(*index, "Yevgeniy Prigojine", "Yevgeniy Prigozhin") >= 0.9);
  // Common names keep their feminine: MARTINE is not MARTIN.
  CHECK(PairScore(*index, "Martine Dupont", "Martin Dupont") < 0.8);
  // Only the e: another ending is another name.
  CHECK(PairScore(*index, "Igor Sechina", "Igor Sechin") < 0.8);
  std::vector<NameRecord> records = Corpus();
  records.push_back(Record("f1", "PUTIN, Vladimir Vladimirovich", "person"));
  records.push_back(Record("f2", "TIOURINE, Vladimir", "person"));
  auto listed = BuildIndex(records);
  CheckIndexEqualsBruteForce(*listed, {"Vladimir Poutine", "Vladimir Tyurin", "Poutine"}, 0.5);
  CHECK(EntryScore(*listed, "Vladimir Tyurin", "f2") >= 0.9);
}

// One given name in three languages (engine/names/slavic_given_names.txt): before 2026-12-06
// SIARHEI against SERGEI scored 0.57 as words, MIKALAI against NIKOLAI 0.15, IHAR against IGOR
// nothing.
TEST_CASE("Belarusian and Ukrainian given names are their Russian forms", "[names]") {
  CHECK(NameVariantClass(PhoneticKey("siarhei")) != 0);
  CHECK(NameVariantClass(PhoneticKey("siarhei")) == NameVariantClass(PhoneticKey("sergey")));
  CHECK(NameVariantClass(PhoneticKey("mykola")) == NameVariantClass(PhoneticKey("nikolai")));
  CHECK(NameVariantClass(PhoneticKey("mykola")) != NameVariantClass(PhoneticKey("mikhail")));
  auto index = BuildIndex({});
  CHECK(PairScore(*index, "Siarhei Tsikhanouski", "Sergei Tsikhanouski") >= 0.9);
  CHECK(PairScore(*index, "Ihar Kalinin", "Igor Kalinin") >= 0.9);
  CHECK(PairScore(*index, "Mikalai Kavalenka", "Mykola Kavalenka") >= 0.9);
  CHECK(PairScore(*index, "Kyrylo Kovalchuk", "Kirill Kovalchuk") >= 0.9);
  // HANNA is also an Arabic and a German name, not only Belarusian ANNA: left out.
  CHECK(PairScore(*index, "Hanna Ivanenko", "Anna Ivanenko") < 0.8);
}

// Before 2026-12-06 "Alexander Lukashenko" scored 0.71 against ALIAKSANDR LUKASHENKA and RYBAKOU,
// Andrei was not found by "Andrei Rybakov" at 0.80.
TEST_CASE("Belarusian family names are their Russian and Ukrainian forms", "[names]") {
  auto index = BuildIndex({});
  CHECK(PairScore(*index, "Alexander Lukashenko", "Aliaksandr Lukashenka") >= 0.9);
  CHECK(PairScore(*index, "Andrei Rybakov", "Andrei Rybakou") >= 0.8);
  CHECK(PairScore(*index, "Pavel Makarov", "Pavel Makarau") >= 0.8);
  CHECK(PairScore(*index, "Volha Ivanava", "Olga Ivanova") >= 0.9);
  // Only the ending: another stem is another name.
  CHECK(PairScore(*index, "Pavel Makarov", "Pavel Makarenka") < 0.8);
  CHECK(PairScore(*index, "Andrei Rybakov", "Andrei Rybalau") < 0.9);
}

// Before 2026-12-06 the article was joined only to words of up to six letters: ALBEHADILI scored
// 0.57 against AL BEHADILI, "Alharamain Islamic Foundation" 0.71 against AL-HARAMAIN ISLAMIC
// FOUNDATION.
TEST_CASE("The article run into a long word is the article written apart", "[names]") {
  auto index = BuildIndex({});
  CHECK(PairScore(*index, "Mohammed Saeed Albehadili", "AL BEHADILI, Mohammed Saeed") >= 0.9);
  CHECK(PairScore(*index, "Alharamain Islamic Foundation", "AL-HARAMAIN ISLAMIC FOUNDATION") >=
        0.9);
  CHECK(PairScore(*index, "Jazeerat Almaldifi", "JAZEERATH AL MALDIFI") >= 0.9);
  // Not against an abjad name, whose word carries its article and is read with or without it:
  // the random Arabic-script names of the precision sets met AL-SHAMMARI, Muhammad at 0.80.
  std::vector<NameRecord> records = Corpus();
  records.push_back(Record("s1", "AL-SHAMMARI, Muhammad", "person"));
  records.push_back(Record("s2", "AL BEHADILI, Mohammed Saeed", "person"));
  records.push_back(Record("s3", "AL-HARAMAIN ISLAMIC FOUNDATION", "company"));
  auto listed = BuildIndex(records);
  CheckIndexEqualsBruteForce(*listed,
                             {"محمد هاني الشمري", "Muhammad Alshammari", "Mohammed Albehadili",
                              "Alharamain Foundation", "Al Haramain"},
                             0.5);
  CHECK(PairScore(*listed, "محمد هاني الشمري", "AL-SHAMMARI, Muhammad") < 0.8);
}

// The DPRK's names on the lists are in a McCune-Reischauer style (breves and apostrophes left out:
// KIM Chong-un, RI Pyong Chol, PAK Jong Chon), the press writes KIM Jong Un, ICU reads Hangul in
// the Revised Romanisation (리병철: ri byeongcheol). Before 2026-12-06 "Kim Jong Un" scored 0.59
// against KIM Chong-un, 리병철 0.23 against RI Pyong Chol, and 68 alias pairs of the lists' own
// Korean entries (CHO'NG, Man-pok / JONG, Man Bok) were below 0.8.
TEST_CASE("Korean names in McCune-Reischauer and the Revised Romanisation are one name",
          "[names]") {
  CHECK(KoreanReading("jong") == KoreanReading("chong"));
  CHECK(KoreanReading("jeong") == KoreanReading("chong"));
  CHECK(KoreanReading("byeongcheol") == KoreanReading("pyongchol"));
  CHECK(KoreanReading("thaek") == KoreanReading("taek"));
  CHECK(KoreanReading("park") == KoreanReading("pak"));
  CHECK(KoreanReading("lee") == KoreanReading("ri"));
  CHECK(KoreanReading("alexander").empty());  // x
  CHECK(KoreanReading("zhang").empty());      // zh
  CHECK(IsPinyinWord("deng"));
  CHECK_FALSE(IsPinyinWord("jong"));
  auto index = BuildIndex({});
  CHECK(PairScore(*index, "Kim Jong Un", "KIM Chong-un") >= 0.95);
  CHECK(PairScore(*index, "Ri Pyong Chol", "LI Byong-chol") >= 0.9);
  CHECK(PairScore(*index, "리병철", "RI Pyong Chol") >= 0.9);
  CHECK(PairScore(*index, "박정천", "PAK Jong Chon") >= 0.9);
  CHECK(PairScore(*index, "Jang Song Thaek", "CHANG Song-taek") >= 0.9);
  CHECK(PairScore(*index, "Park Jung Chul", "PAK Jong Chol") >= 0.9);
  // Other syllables are other names.
  CHECK(PairScore(*index, "Kim Jong Un", "KIM Jong Nam") < 0.8);
  CHECK(PairScore(*index, "Kim Jong Un", "KIM Yong Un") < 0.8);
  // Only Korean names are read so: a Chinese name, all pinyin, keeps DENG and TENG apart, and a
  // name without a Korean family name keeps GAMAL and KAMAL apart.
  CHECK(PairScore(*index, "Deng Xiaoping", "TENG Xiaoping") < 0.8);
  CHECK(PairScore(*index, "Gamal Abdel Nasser", "Kamal Abdel Nasser") < 0.95);
  std::vector<NameRecord> records = Corpus();
  records.push_back(Record("k1", "KIM Chong-un", "person"));
  records.push_back(Record("k2", "RI Pyong Chol", "person"));
  records.push_back(Record("k3", "PAK Jong Chon", "person"));
  records.push_back(Record("k4", "JONG, Man Bok", "person"));
  records.push_back(Record("k5", "RI Byeongcheol", "person"));
  auto listed = BuildIndex(records);
  CheckIndexEqualsBruteForce(*listed,
                             {"Kim Jong Un", "Kim Jongun", "Li Byong-chol", "리병철", "박정천",
                              "Chong Man-pok", "Ri Pyongchol", "Gim Jeong-eun"},
                             0.5);
  CHECK(EntryScore(*listed, "Kim Jong Un", "k1") >= 0.95);
  CHECK(EntryScore(*listed, "Ri Pyongchol", "k2") >= 0.9);
  CHECK(EntryScore(*listed, "Ri Byong Chol", "k5") >= 0.9);
}

// The lists write some Chinese names in Wade-Giles without apostrophes (PAO, Yu Hsiang; WEI,
// Hsueh Kang; CHOU, Hsien Cheng: the United Wa State Army's leaders on the SDN list), as Taiwan's
// passports do; the press and ICU's reading of Han write pinyin (Bao Youxiang, 鲍有祥). Before
// 2026-12-06 "Wei Xuegang" scored 0.17 against WEI, Hsueh Kang and "Bao Youxiang" 0.02 against
// PAO, Yu Hsiang; and a person's given name written joined against the list's two words in the
// other order (Chen Shihuan, CHEN, Shih Huan) read as another given name (0.77).
// Palladius, the Russian transcription of Mandarin: its table is pinyin's, syllable for
// syllable, and a Chinese name in Russian letters meets the lists' pinyin (before 2026-12-06: Си
// Цзиньпин 0.09 against XI JINPING, Ли Кэцян 0.63, Ху Цзиньтао 0.17).
TEST_CASE("A Chinese name in Russian letters is its pinyin name", "[names]") {
  int syllables = 0;
  PalladiusStrength strength = PalladiusStrength::kNone;
  CHECK(PalladiusAsPinyin("цзиньпин", &syllables, &strength) == "jinping");
  CHECK(syllables == 2);
  CHECK(strength == PalladiusStrength::kStrong);
  CHECK(PalladiusAsPinyin("чжуаньюнь", &syllables, &strength) == "zhuanyun");
  CHECK(PalladiusAsPinyin("хуэй", &syllables, &strength) == "hui");
  CHECK(PalladiusAsPinyin("сы", &syllables, &strength) == "si");
  CHECK(PalladiusAsPinyin("цзы", &syllables, &strength) == "zi");
  CHECK(PalladiusAsPinyin("цзи", &syllables, &strength) == "ji");
  CHECK(PalladiusAsPinyin("до", &syllables, &strength) == "duo");
  CHECK(PalladiusAsPinyin("иван", &syllables, &strength) == "yiwang");
  CHECK(strength == PalladiusStrength::kNone);
  CHECK(PalladiusAsPinyin("петров", &syllables, &strength).empty());
  CHECK(syllables == 0);
  CHECK(PalladiusAsPinyin("si", &syllables, &strength).empty());
  auto index = BuildIndex({});
  CHECK(PairScore(*index, "Си Цзиньпин", "XI Jinping") >= 0.95);
  CHECK(PairScore(*index, "Ли Кэцян", "LI Keqiang") >= 0.95);
  CHECK(PairScore(*index, "Дэн Сяопин", "Deng Xiaoping") >= 0.8);
  CHECK(PairScore(*index, "Ван Хунин", "Wang Huning") >= 0.95);
  CHECK(PairScore(*index, "Ху Цзиньтао", "Hu Jin Tao") >= 0.9);  // syllables written apart
  CHECK(PairScore(*index, "Синьцзян Чжунтай", "XINJIANG ZHONGTAI") >= 0.95);
  CHECK(PairScore(*index, "ТОО Синьцзян Чжунтай", "XINJIANG ZHONGTAI CHEMICAL CO LTD") >= 0.8);
  // And pinyin's distinctions stay: ЦЯН is QIANG, not JIANG; ЧЖАН is ZHANG, not CHANG.
  CHECK(PairScore(*index, "Ли Цян", "Li Jiang") < 0.8);
  CHECK(PairScore(*index, "Чжан Вэй", "Chen Wei") < 0.8);
  // A Koryo-saram's name stays Russian.
  CHECK(PairScore(*index, "Ли Иван", "Li Ivan") >= 0.8);
  std::vector<NameRecord> records = Corpus();
  records.push_back(Record("p1", "XI, Jinping", "person"));
  records.push_back(Record("p2", "CHEN Quanguo", "person"));
  records.push_back(Record("p3", "XINJIANG ZHONGTAI CHEMICAL CO., LTD.", "organization"));
  auto listed = BuildIndex(records);
  CHECK(EntryScore(*listed, "Чэнь Цюаньго", "p2") >= 0.95);
  CheckIndexEqualsBruteForce(*listed,
                             {"Си Цзиньпин", "Чэнь Цюаньго", "Синьцзян Чжунтай", "Цзиньпин",
                              "ТОО Синьцзян Чжунтай Кемикал"},
                             0.5);
}

// A person's initials written with dots were read as one word (V.V. PUTIN: "vv", 0.48 against
// PUTIN, Vladimir Vladimirovich before 2026-12-06; BOYARKIN, V.A. 0.50 against BOYARKIN, Victor
// Alekseyevich), and a legal form without its last dot as words (L.L.C: 0.79).
TEST_CASE("Dotted initials meet the names they stand for", "[names]") {
  auto index = BuildIndex({});
  CHECK(PairScore(*index, "V.V. Putin", "PUTIN, Vladimir Vladimirovich") >= 0.8);
  CHECK(PairScore(*index, "Путин В.В.", "PUTIN, Vladimir Vladimirovich") >= 0.8);
  CHECK(PairScore(*index, "Boyarkin V.A.", "BOYARKIN, Victor Alekseyevich") >= 0.8);
  CHECK(PairScore(*index, "Golden Star Trading L.L.C", "GOLDEN STAR TRADING LLC") >= 0.95);
  CHECK(PairScore(*index, "Megafon P.J.S.C", "MEGAFON PAO") >= 0.95);
  // Initials that do not fit stay apart.
  CHECK(PairScore(*index, "A.B. Putin", "PUTIN, Vladimir Vladimirovich") <
        PairScore(*index, "V.V. Putin", "PUTIN, Vladimir Vladimirovich"));
  // Two initials and the two letters typed as one word are one (a helper's review: BOYARKIN VA
  // against BOYARKIN, V.A. went 1.00 -> 0.71 when dotted letters became initials, and 38 listed
  // names with dotted initials with it).
  CHECK(PairScore(*index, "Boyarkin VA", "BOYARKIN, V.A.") >= 0.9);
  CHECK(PairScore(*index, "Boyarkin V.A.", "BOYARKIN VA") >= 0.9);
  CHECK(PairScore(*index, "Boyarkin AV", "BOYARKIN, V.A.") <
        PairScore(*index, "Boyarkin VA", "BOYARKIN, V.A."));
  std::vector<NameRecord> records = Corpus();
  records.push_back(Record("d1", "PUTIN, Vladimir Vladimirovich", "person"));
  records.push_back(Record("d2", "GOLDEN STAR TRADING LLC", "organization"));
  records.push_back(Record("d3", "BOYARKIN, V.A.", "person"));
  records.push_back(Record("d4", "MALIY B.S.", "vessel"));
  auto listed = BuildIndex(records);
  CHECK(EntryScore(*listed, "Boyarkin VA", "d3") >= 0.9);
  CheckIndexEqualsBruteForce(*listed,
                             {"V.V. Putin", "Путин В.В.", "Golden Star Trading L.L.C",
                              "Boyarkin VA", "Maliy BS", "BS", "VA Boyarkin", "Boyarkin V.A."},
                             0.5);
}

// A listed person's patronymic the query does not give costs half its weight, as a query's
// patronymic the listed name does not give has since 2026-12-05: documents outside Russia and
// Central Asia leave the father's name out. Before 2026-12-06 it cost in full (Islam Atabiev 0.79
// against ATABIYEV, Islam Seit-Umarovich on the real lists; 0.81 now).
TEST_CASE("A listed patronymic the query leaves out costs half its weight", "[names]") {
  auto index = BuildIndex({});
  const double patronymic = PairScore(*index, "Zakhary Kalashov", "KALASHOV, Zakhary Knyazevich");
  const double given_name = PairScore(*index, "Zakhary Kalashov", "KALASHOV, Zakhary Knyazbek");
  CHECK(patronymic > given_name);
  CHECK(patronymic >= 0.8);
  CHECK(PairScore(*index, "Islam Atabiev", "ATABIYEV, Islam Seit-Umarovich") >= 0.8);
  // A family name that only resembles the listed one keeps the patronymic's full weight (the
  // first version alerted on TIMOSHENKO, Gennady for TIMCHENKO, Gennady Nikolayevich, 0.79 ->
  // 0.83).
  CHECK(PairScore(*index, "Zakhary Kalashnikov", "KALASHOV, Zakhary Knyazevich") < given_name);
  // Another patronymic is another father: it still costs in full.
  CHECK(PairScore(*index, "Zakhary Nikolaevich Kalashov", "KALASHOV, Zakhary Knyazevich") <
        patronymic);
}

// A person's office or form of address and a vessel's prefix counted as name words the listed
// name lacks: before 2026-12-06 "President Vladimir Putin" scored 0.50 against PUTIN, Vladimir
// Vladimirovich, "Maj. Gen. Qasem Soleimani" 0.39 against SOLEIMANI, Qasem, "MT ARTAVIL" 0.62
// against the tanker ARTAVIL; and IBN did not meet BIN, nor the Russian OLEG the Belarusian ALEH.
TEST_CASE("A title and a vessel prefix weigh as titles and son of is one word", "[names]") {
  auto index = BuildIndex({});
  CHECK(PairScore(*index, "President Vladimir Putin", "PUTIN, Vladimir Vladimirovich") >= 0.8);
  CHECK(PairScore(*index, "Maj. Gen. Qasem Soleimani", "SOLEIMANI, Qasem") >= 0.8);
  CHECK(PairScore(*index, "Mr. Oleg Deripaska", "DERIPASKA, Oleg Vladimirovich") >= 0.8);
  CHECK(PairScore(*index, "Ayatollah Ali Khamenei", "KHAMENEI, Ali") >= 0.8);
  CHECK(PairScore(*index, "ALI, Sheikh Ahmed Iman", "ALI, Ahmad Iman") >= 0.9);
  CHECK(PairScore(*index, "MT Artavil", "ARTAVIL") >= 0.8);
  CHECK(PairScore(*index, "MV Gas Allure", "GAS ALLURE") >= 0.9);
  CHECK(PairScore(*index, "Hamzah ibn Laden", "BIN LADEN, Hamza") >= 0.9);
  CHECK(PairScore(*index, "Oleg Haidukevich", "HAIDUKEVICH, Aleh Siarheevich") >= 0.8);
  // An office inside an organisation's name is its word (SYRIAN GENERAL INTELLIGENCE DIRECTORATE
  // is not SYRIAN MILITARY INTELLIGENCE DIRECTORATE), and so is a title in a company's name.
  auto titles = [](const std::string& text) {
    NameNormalizer normalizer;
    NormalizedName name;
    REQUIRE(normalizer.Normalize(text, &name).ok());
    std::string out;
    for (const ScoringToken& token : PrepareName(name, TokenStatistics()).tokens) {
      if (token.title) out += token.text + " ";
    }
    return out;
  };
  CHECK(titles("Maj. Gen. Qasem Soleimani") == "maj gen ");
  CHECK(titles("President Vladimir Putin") == "president ");
  CHECK(titles("ALI, Sheikh Ahmed Iman") == "sheikh ");
  CHECK(titles("MT Artavil") == "mt ");
  CHECK(titles("General Directorate of Security").empty());
  CHECK(titles("Syrian General Intelligence Directorate").empty());
  CHECK(titles("Dr Trading LLC").empty());
  CHECK(titles("MS Uluslararasi Enerji Yatirim Anonim Sirketi").empty());
  CHECK(titles("Vladimir Putin President").empty());  // a title comes before a name
  // Before one word it is the name's own word (a helper's review: the vessels LADY SEVDA and
  // PROFESSOR LOGACHEV, the alias MR OMARI, met a lone SEVDA, LOGACHEV, OMARI at 0.84-0.90).
  CHECK(titles("Lady Sevda").empty());
  CHECK(titles("Professor Logachev").empty());
  CHECK(titles("Mr Omari").empty());
  CHECK(titles("MS Consult 216").empty());
  CHECK(PairScore(*index, "Sevda", "LADY SEVDA") < 0.8);
  std::vector<NameRecord> records = Corpus();
  records.push_back(Record("t1", "PUTIN, Vladimir Vladimirovich", "person"));
  records.push_back(Record("t2", "ARTAVIL", "vessel"));
  records.push_back(Record("t3", "BIN LADEN, Hamza", "person"));
  auto listed = BuildIndex(records);
  CheckIndexEqualsBruteForce(
      *listed, {"President Vladimir Putin", "MT Artavil", "Hamzah ibn Laden", "Sheikh Hamza"}, 0.5);
}

// Before 2026-12-06 a number, a direction or a country spelled alike met the other as a typo:
// SIXTH OCEAN GMBH & CO KG scored 0.94 against SIXTEENTH OCEAN GMBH & CO. KG, NORTHEAST PETROLEUM
// 0.95 against NORTHWEST PETROLEUM, and BRANCH 3 of a court 0.83 against its BRANCH 1.
TEST_CASE("Different numbers directions and countries make different names", "[names]") {
  auto index = BuildIndex({});
  CHECK(PairScore(*index, "Sixth Ocean GmbH & Co KG", "SIXTEENTH OCEAN GMBH & CO. KG") < 0.8);
  CHECK(PairScore(*index, "Northeast Petroleum Ltd", "NORTHWEST PETROLEUM LTD") < 0.8);
  CHECK(PairScore(*index, "Eastern Shipping Co", "WESTERN SHIPPING CO") < 0.8);
  CHECK(PairScore(*index, "Austrian Trading", "AUSTRALIAN TRADING") < 0.8);
  CHECK(PairScore(*index, "Branch 3 of the Shiraz Revolutionary Court",
                  "BRANCH 1 OF THE SHIRAZ REVOLUTIONARY COURT") < 0.8);
  CHECK(PairScore(*index, "Valfajr 2", "VALFAJR 3") < 0.8);
  // The same words are the same name; forms of one thing are not different things (a helper's
  // review of the first version, which took IRAN and IRANIAN, FIRST and 1 for two: IRAN MINISTRY
  // OF INTELLIGENCE AND SECURITY against IRANIAN MINISTRY ... 0.82 -> 0.58).
  CHECK(PairScore(*index, "Eastern Shipping Co", "EASTERN SHIPPING COMPANY") >= 0.95);
  CHECK(PairScore(*index, "Sixth Ocean", "16TH OCEAN") < 0.8);
  const double iran = PairScore(*index, "Iran Ministry of Intelligence and Security",
                                "IRANIAN MINISTRY OF INTELLIGENCE AND SECURITY");
  CHECK(iran > PairScore(*index, "Iraq Ministry of Intelligence and Security",
                         "IRANIAN MINISTRY OF INTELLIGENCE AND SECURITY"));
  CHECK(PairScore(*index, "Northwest Polytechnical University",
                  "NORTHWESTERN POLYTECHNICAL UNIVERSITY") >= 0.8);
  CHECK(PairScore(*index, "First Branch of the Shiraz Revolutionary Court",
                  "BRANCH 1 OF THE SHIRAZ REVOLUTIONARY COURT") >= 0.8);
  CHECK(PairScore(*index, "Branch 1 of the Shiraz Revolutionary Court",
                  "BRANCH 1 OF THE SHIRAZ REVOLUTIONARY COURT") >= 0.95);
}

// A company name's prefix written apart (TRANS LOGISTIK, AERO CONTINENTE) did not join the next
// word when that word was longer than six letters: before 2026-12-06 "Translogistik OOO" scored
// 0.09 against TRANS LOGISTIK, OOO and AEROCONTINENTE S.A. 0.11 against AERO CONTINENTE S.A. Nor
// were these forms read: SENDIRIAN BERHAD (0.32 against SDN BHD), FZ-CO, PUBLICLY TRADED COMPANY
// (KAMAZ PAO 0.66), SOCIEDAD DE RESPONSABILIDAD LIMITADA (0.47 against S.R.L.).
TEST_CASE("Compound prefixes join and spelled out legal forms are legal forms", "[names]") {
  auto index = BuildIndex({});
  CHECK(PairScore(*index, "Translogistik OOO", "TRANS LOGISTIK, OOO") >= 0.95);
  CHECK(PairScore(*index, "Aero Continente S.A.", "AEROCONTINENTE S.A.") >= 0.95);
  CHECK(PairScore(*index, "Jatronics Sdn. Bhd.", "JATRONICS SDN BHD") >= 0.95);
  CHECK(PairScore(*index, "Alfa Logistics FZ-CO", "ALFA LOGISTICS FZCO") >= 0.95);
  // A name one letter from a form's word is a name: BEHRAD is not BERHAD (a second review: BEHRAD
  // AHMADI against itself 1.00 -> 0.72 while BERHAD was a form).
  CHECK(PairScore(*index, "Behrad Ahmadi", "BEHRAD AHMADI") >= 0.95);
  CHECK(PairScore(*index, "Bajer Sociedad de Responsabilidad Limitada", "BAJER S.R.L.") >= 0.95);
  // A prefix joins only a word it runs into: TRANS and another word are not TRANSLOGISTIK. And
  // not INTER or PETRO, which join into generic English words (a helper's review: PETRO CHEM
  // met NOURI PETROCHEMICAL at 0.84 in a first version).
  CHECK(PairScore(*index, "Trans Logistika", "TRANSNEFT") < 0.5);
  CHECK(PairScore(*index, "Petro Chem", "NOURI PETROCHEMICAL") < 0.8);
  CHECK(PairScore(*index, "Inter National", "N P C INTERNATIONAL LTD") < 0.8);
  std::vector<NameRecord> records = Corpus();
  records.push_back(Record("c1", "TRANS LOGISTIK, OOO", "organization"));
  records.push_back(Record("c2", "AEROCONTINENTE S.A.", "organization"));
  auto listed = BuildIndex(records);
  CheckIndexEqualsBruteForce(*listed, {"Translogistik OOO", "Aero Continente", "Trans Logistik"},
                             0.5);
}

// Russian and Central Asian documents write a Korean party's name in Russian letters, by the
// Kontsevich system or the older press spelling (Ким Чен Ын, Чхве Рён Хэ). Before 2026-12-06 BGN's
// reading met the lists' KIM JONG UN at 0.16, CHOE RYONG HAE at 0.17 and KIM YO JONG at 0.13.
TEST_CASE("A Korean name in Russian letters is its Korean name", "[names]") {
  int syllables = 0;
  bool family = false, common = false;
  CHECK(KoreanCyrillicAsLatin("чхве", false, &syllables, &family, &common) == "choe");
  CHECK(family);
  CHECK(KoreanCyrillicAsLatin("рён", false, &syllables, &family, &common) == "ryon");
  CHECK(common);  // RYONG: Н is ㄴ or ㅇ
  CHECK(KoreanCyrillicAsLatin("чжон", false, &syllables, &family, &common) == "jon");
  CHECK(KoreanCyrillicAsLatin("чен", false, &syllables, &family, &common) == "jon");
  CHECK(KoreanCyrillicAsLatin("ын", false, &syllables, &family, &common) == "un");
  CHECK(KoreanCyrillicAsLatin("чхоль", false, &syllables, &family, &common) == "chol");
  CHECK(KoreanCyrillicAsLatin("гвон", false, &syllables, &family, &common) == "gwon");
  CHECK(KoreanCyrillicAsLatin("хэ", false, &syllables, &family, &common) == "hae");
  CHECK(!family);
  CHECK(KoreanCyrillicAsLatin("сяо", false, &syllables, &family, &common) == "syao");
  CHECK(!common);  // spelled so by Palladius, not in Korean names
  CHECK(KoreanCyrillicAsLatin("петров", false, &syllables, &family, &common).empty());
  CHECK(syllables == 0);
  auto index = BuildIndex({});
  CHECK(PairScore(*index, "Ким Чен Ын", "KIM JONG UN") >= 0.9);
  CHECK(PairScore(*index, "Ким Ё Чжон", "KIM YO JONG") >= 0.9);
  CHECK(PairScore(*index, "Чхве Рён Хэ", "CHOE RYONG HAE") >= 0.9);
  CHECK(PairScore(*index, "Пак Пон Чжу", "PAK PONG JU") >= 0.9);  // ЧЖ: Korean here, not Palladius
  CHECK(PairScore(*index, "Ри Сон Гвон", "RI SON GWON") >= 0.95);
  CHECK(PairScore(*index, "Чон Иль Чхун", "JON IL CHUN") >= 0.95);
  CHECK(PairScore(*index, "Ким Сок Чхоль", "KIM SOK CHOL") >= 0.95);
  CHECK(PairScore(*index, "Хан Чан Нам", "HAN CHANG NAM") >= 0.9);
  CHECK(PairScore(*index, "О Ин Чун", "O IN CHUN") >= 0.85);  // a listed DPRK name; Ч: ㅈ or ㅊ
  // The same in Latin, with the G dropped: likely the same name, below the exact spelling.
  CHECK(PairScore(*index, "Kim Jon Un", "KIM JONG UN") >= 0.9);
  CHECK(PairScore(*index, "Kim Jon Un", "KIM JONG UN") <
        PairScore(*index, "Kim Jong Un", "KIM JONG UN"));
  // A Koryo-saram's Russian given name keeps the name Russian (a helper's review of the first
  // version: ХАН ГЕРМАН read HAN GYORMAN, 0.88 -> 0.71 against KHAN, German Borisovich; ЧЕН
  // ГЕРМАН 1.00 -> 0.33 against CHEN, German), and ЧАН as a family name is JANG.
  CHECK(PairScore(*index, "Хан Герман", "KHAN, German Borisovich") >= 0.8);
  CHECK(PairScore(*index, "Чен Герман", "CHEN, German") >= 0.95);
  CHECK(PairScore(*index, "Ем Семен", "YEM, Semen") >= 0.95);
  CHECK(PairScore(*index, "Чан Сон Чхоль", "JANG SONG CHOL") >= 0.9);
  // Other names stay apart, and Russian names and Chinese names in Palladius read as before.
  CHECK(PairScore(*index, "Ким Чен Ын", "KIM CHOL") < 0.5);
  CHECK(PairScore(*index, "Ким Чен Ир", "KIM JONG UN") < 0.8);
  CHECK(PairScore(*index, "Пак Ирина Сергеевна", "PAK IRINA SERGEEVNA") >= 0.95);
  CHECK(PairScore(*index, "Ким Иван", "KIM IVAN") >= 0.8);  // two common names: 0.86 before too
  CHECK(PairScore(*index, "Чжан Сяо Мин", "ZHANG XIAO MING") >= 0.8);
  // Nor a Chinese name with its syllables apart, led by a Chinese family name (a second review:
  // ЛИ ЧЖУН МИН 1.00 -> 0.16 against LI ZHONGMING when read as Korean).
  CHECK(PairScore(*index, "Ли Чжун Мин", "LI ZHONGMING") >= 0.9);
  CHECK(PairScore(*index, "Сун Чжун Мин", "SONG ZHONGMING") >= 0.9);
  CHECK(PairScore(*index, "Си Цзиньпин", "XI Jinping") >= 0.95);
  std::vector<NameRecord> records = Corpus();
  records.push_back(Record("k1", "KIM JONG UN", "person"));
  records.push_back(Record("k2", "CHOE RYONG HAE", "person"));
  auto listed = BuildIndex(records);
  CHECK(EntryScore(*listed, "Ким Чен Ын", "k1") >= 0.9);
  CHECK(EntryScore(*listed, "Чхве Рён Хэ", "k2") >= 0.9);
  CheckIndexEqualsBruteForce(*listed, {"Ким Чен Ын", "Чхве Рён Хэ", "Ким Ё Чжон", "Kim Jon Un"},
                             0.5);
}

// Before 2026-12-06: Юнайтед Текнолоджиз 0.32 against UNITED TECHNOLOGIES, Азия Эйр 0.21 against
// ASIA AIR, Альфа Корпорейшн 0.50 against ALFA CORPORATION.
TEST_CASE("A company's English words in Russian letters are the English words", "[names]") {
  auto index = BuildIndex({});
  CHECK(PairScore(*index, "Юнайтед Текнолоджиз", "United Technologies") >= 0.95);
  CHECK(PairScore(*index, "Азия Эйр", "Asia Air") >= 0.95);
  CHECK(PairScore(*index, "Альфа Корпорейшн", "Alfa Corporation") >= 0.95);
  CHECK(PairScore(*index, "ТОО Алтын Интернешнл Трейдинг Компани",
                  "ALTYN INTERNATIONAL TRADING COMPANY LLP") >= 0.95);
  // A Russian company's name meets its BGN spelling on a list (BONUM MENEDZHMENT OOO) as before.
  CHECK(PairScore(*index, "Бонум Менеджмент ООО", "BONUM MENEDZHMENT OOO") >= 0.95);
  CHECK(PairScore(*index, "Bonum Management LLC", "BONUM MENEDZHMENT OOO") >= 0.95);
  CHECK(PairScore(*index, "Лимитед Лиабилиты Компаны Евразия",
                  "LIMITED LIABILITY COMPANY EVRAZIYA") >= 0.8);
  // The English word is a generic word still: another company's name is another name.
  CHECK(PairScore(*index, "Алтын Трейдинг", "Kumis Trading") < 0.5);
  std::vector<NameRecord> records = Corpus();
  records.push_back(Record("e1", "UNITED TECHNOLOGIES CORPORATION", "organization"));
  records.push_back(Record("e2", "ASIA AIR FZCO", "organization"));
  auto listed = BuildIndex(records);
  CheckIndexEqualsBruteForce(
      *listed, {"Юнайтед Текнолоджиз", "Азия Эйр ФЗКО", "Эйр Астана", "Текнолоджиз"}, 0.5);
}

// A Chinese company's name begins with its city or region, which Chinese documents write in Han or
// pinyin and the lists often in English: before 2026-12-06 "Akesu Huafu Textiles" scored 0.89
// against AKSU HUAFU TEXTILES for the spelling alone, "Hetian Haolinfa" 0.13 against HOTAN
// HAOLIN, and 喀什 (read KA SHEN) 0 against KASHGAR (engine/names/place_names.txt).
TEST_CASE("A Chinese place's pinyin and English names are one name", "[names]") {
  auto index = BuildIndex({});
  CHECK(PairScore(*index, "Akesu Huafu Textiles", "AKSU HUAFU TEXTILES CO LTD") >= 0.95);
  CHECK(PairScore(*index, "Hetian Haolin Hair Accessories", "HOTAN HAOLIN HAIR ACCESSORIES") >=
        0.95);
  CHECK(PairScore(*index, "Kashi Dongfang Trading", "KASHGAR DONGFANG TRADING") >= 0.95);
  CHECK(PairScore(*index, "Wulumuqi Trading", "URUMQI TRADING") >= 0.95);
  CHECK(PairScore(*index, "Aomen Xinhua", "MACAO XINHUA") >= 0.95);  // syllables, both
  CHECK(PairScore(*index, "喀什东方贸易有限公司", "KASHGAR DONGFANG TRADING CO LTD") >= 0.95);
  CHECK(PairScore(*index, "新疆喀什东方贸易有限公司", "XINJIANG KASHGAR DONGFANG TRADING") >= 0.9);
  CHECK(PairScore(*index, "澳门新华贸易有限公司", "MACAU XINHUA TRADING CO LTD") >= 0.95);
  CHECK(PairScore(*index, "西藏天路股份有限公司", "TIBET TIANLU CO LTD") >= 0.9);
  CHECK(PairScore(*index, "乌鲁木齐", "URUMQI") >= 0.8);
  // A branch's place in brackets, and a place after the region's full name.
  CHECK(PairScore(*index, "宏达贸易（长沙）有限公司", "HONGDA TRADING (CHANGSHA) CO LTD") >= 0.95);
  CHECK(PairScore(*index, "新疆维吾尔自治区乌鲁木齐市宏达贸易有限公司",
                  "XINJIANG UYGHUR AUTONOMOUS REGION URUMQI HONGDA TRADING CO LTD") >= 0.8);
  CHECK(PairScore(*index, "库尔勒", "KORLA") >= 0.8);
  // A helper's review of the first version, which read a place anywhere in Han: other words
  // that hold a place's characters, and personal names, are read as before.
  CHECK(PairScore(*index, "三和田园科技有限公司", "SANHE TIANYUAN TECHNOLOGY CO LTD") >= 0.95);
  CHECK(PairScore(*index, "永昌吉祥贸易有限公司", "YONGCHANG JIXIANG TRADING") >= 0.95);
  CHECK(PairScore(*index, "和田园", "HE TIANYUAN") >= 0.95);
  CHECK(PairScore(*index, "伊犁", "LI YI") >= 0.8);
  // Nor is an Afghan name KUCHI a place (KUCHA's key), nor the surname KAMPANI a legal form.
  CHECK(PairScore(*index, "Ahmed Jan Kucha", "KUCHI, Ahmed Jan") < 0.8);
  CHECK(PairScore(*index, "Ramzan Kampani", "RAMAN COMPANY") < 0.8);
  CHECK(PairScore(*index, "Vincent Kompani", "Vincent Kompany") >= 0.9);
  CHECK(PairScore(*index, "阿克苏华孚色纺有限公司", "AKSU HUAFU COLOR SPINNING CO LTD") >= 0.5);
  // Other syllables still agree only by their phonetic key: HETIAN is not HETAO.
  CHECK(PairScore(*index, "Hetian Haolin", "Hetao Haolin") < 0.8);
  CHECK(PairScore(*index, "Kashi Dongfang", "Kasha Dongfang") < 0.8);
  // The table's words are places, not personal names: no word's phonetic key is a common
  // personal name's, and each is in a place class of its own.
  std::istringstream table(PlaceNameTable());
  std::string line;
  size_t words = 0;
  while (std::getline(table, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string word;
    while (fields >> word) {
      INFO(word);
      ++words;
      CHECK(CommonPersonalNamePopulations(PhoneticKey(word)) == 0);
      CHECK(IsPlaceNameClass(NameVariantClass(PhoneticKey(word))));
    }
  }
  CHECK(words >= 40);
  std::vector<NameRecord> records = Corpus();
  records.push_back(Record("g1", "AKSU HUAFU TEXTILES CO., LTD.", "organization"));
  records.push_back(Record("g2", "HOTAN HAOLIN HAIR ACCESSORIES CO. LTD.", "organization"));
  records.push_back(Record("g3", "KASHGAR", "organization"));
  auto listed = BuildIndex(records);
  CheckIndexEqualsBruteForce(*listed,
                             {"Akesu Huafu Textiles", "Hetian Haolin", "喀什", "Kashi",
                              "和田浩林发饰品有限公司", "Aksu Huafu"},
                             0.5);
}

// The lists write one airline with AIR, AIRLINES and AIRWAYS (POUYA AIR and POUYA AIRLINES, DENA
// AIRWAYS and DENA AIRLINES: aliases of one entry). Before 2026-12-06 these scored 0.25 to 0.73.
TEST_CASE("An airline's name with AIR or AIRLINES or AIRWAYS is one name", "[names]") {
  auto index = BuildIndex({});
  CHECK(PairScore(*index, "Pouya Airlines", "POUYA AIR") >= 0.95);
  CHECK(PairScore(*index, "Dena Airlines", "DENA AIRWAYS") >= 0.95);
  CHECK(PairScore(*index, "Air Butembo", "BUTEMBO AIRLINES") >= 0.95);
  CHECK(PairScore(*index, "Mahan Airlines", "MAHAN AIR") >= 0.95);
  // A third review: written apart, as one Russian word, and in Russian letters.
  CHECK(PairScore(*index, "Japan Air Lines", "JAPAN AIRLINES") >= 0.95);
  CHECK(PairScore(*index, "Iraqi Air Ways", "IRAQI AIRWAYS") >= 0.95);
  CHECK(PairScore(*index, "Dart Aircompany", "DART AIRLINES") >= 0.95);
  CHECK(PairScore(*index, "Поуя Эйрлайнс", "POUYA AIRLINES") >= 0.9);
  // An air arm is not an airline: AIR FORCE and AIR DEFENSE are words of their own, and their
  // acronyms keep both letters (IRGCAF).
  CHECK(PairScore(*index, "Syrian Arab Airlines", "SYRIAN ARAB AIR DEFENSE FORCES") < 0.7);
  CHECK(PairScore(*index, "Syrian Air Force", "SYRIAN ARAB AIR DEFENSE FORCES") < 0.5);
  CHECK(PairScore(*index, "Syrian Air Force", "SYRIAN AIR FORCE") >= 0.95);
  std::vector<NameRecord> records = Corpus();
  records.push_back(Record("a1", "POUYA AIR", "organization"));
  records.push_back(Record("a2", "SYRIAN ARAB AIR DEFENSE FORCES", "organization"));
  records.push_back(Record("a3", "ISLAMIC REVOLUTIONARY GUARD CORPS AIR FORCE", "organization"));
  auto listed = BuildIndex(records);
  CHECK(EntryScore(*listed, "IRGCAF", "a3") >= kAcronymScore);
  CheckIndexEqualsBruteForce(*listed, {"Pouya Airlines", "Syrian Arab Airlines", "Air Pouya"}, 0.5);
}

TEST_CASE("Wade-Giles and pinyin spellings of a Chinese name are one name", "[names]") {
  CHECK(PinyinAsWadeGiles("dengxiaoping") == "tenghsiaoping");
  CHECK(PinyinAsWadeGiles("bao") == "pao");
  CHECK(PinyinAsWadeGiles("zedong") == "tsetung");
  CHECK(PinyinAsWadeGiles("jianguo") == "chienkuo");  // not JIANG UO
  CHECK(PinyinAsWadeGiles("xuegang") == "hsuehkang");
  CHECK(PinyinAsWadeGiles("zhi") == "chih");
  CHECK(PinyinAsWadeGiles("hisham").empty());
  CHECK(WadeGilesSyllableCount("hsiaoping") == 2);
  CHECK(WadeGilesSyllableCount("hisham") == 0);
  CHECK(PinyinAsWadeGiles("jiangang") == "chienkang");  // not JIANG ANG
  CHECK(PinyinAsWadeGiles("chien").empty());            // CHI EN: no e begins a syllable inside
  CHECK(PinyinAsWadeGiles("ching").empty());            // not a Mandarin syllable
  std::vector<NameRecord> records = Corpus();
  records.push_back(Record("w1", "PAO, Yu Hsiang", "person"));
  records.push_back(Record("w2", "WEI, Hsueh Kang", "person"));
  records.push_back(Record("w3", "CHOU, Hsien Cheng", "person"));
  records.push_back(Record("w4", "TENG Hsiao-ping", "person"));
  records.push_back(Record("w5", "CHEN, Shih Huan", "person"));
  records.push_back(Record("w6", "SHIH, Kuo Neng", "person"));
  records.push_back(Record("w7", "SUN, Shih Mei", "person"));
  records.push_back(Record("p1", "ZHANG, Xiaoguo", "person"));
  auto index = BuildIndex(records);
  CHECK(EntryScore(*index, "Bao Youxiang", "w1") >= 0.8);
  CHECK(EntryScore(*index, "鲍有祥", "w1") >= 0.8);
  CHECK(EntryScore(*index, "Wei Xuegang", "w2") >= 0.9);
  CHECK(EntryScore(*index, "魏学刚", "w2") >= 0.9);
  CHECK(EntryScore(*index, "Zhou Xiancheng", "w3") >= 0.9);
  CHECK(EntryScore(*index, "Deng Xiaoping", "w4") >= 0.8);
  CHECK(EntryScore(*index, "Shi Guoneng", "w6") >= 0.9);
  CHECK(EntryScore(*index, "Chen Shihuan", "w5") >= 0.9);
  CHECK(EntryScore(*index, "Chang Hsiao-kuo", "p1") >= 0.8);
  // A review's cases: Wade-Giles syllables that the pinyin product also spells (CHING, HO, LIEN:
  // not pinyin), joins longer or spelled otherwise at the tail (HSUEH HSI, SHUI PIEN), and
  // Wade-Giles words as syllables (HSIANG is not HSIN).
  CHECK(PairScore(*index, "Jiang Jingguo", "CHIANG Ching-kuo") >= 0.9);
  CHECK(PairScore(*index, "He Jing", "HO Ching") >= 0.8);
  CHECK(PairScore(*index, "Lian Zhan", "LIEN Chan") >= 0.9);
  CHECK(PairScore(*index, "Wei Xuexi", "WEI Hsueh Hsi") >= 0.9);
  CHECK(PairScore(*index, "Chen Shuibian", "CHEN Shui-pien") >= 0.9);
  CHECK(PairScore(*index, "Xu Jiangang", "HSU Chien-kang") >= 0.9);
  CHECK(PairScore(*index, "Chou Hsiang Ming", "CHOU Hsin Ming") < 0.8);
  // Other syllables are other names; two pinyin names keep pinyin's distinctions (DENG, TENG);
  // a name all of whose words are pinyin is read as pinyin (TENG MING is not DENG MING, and
  // CHANG CHIEN-KUO, all pinyin syllables, is not read as ZHANG JIANGUO).
  CHECK(EntryScore(*index, "Deng Xiaopin", "w4") < 0.8);
  CHECK(EntryScore(*index, "Bao Youliang", "w1") < 0.8);
  CHECK(PairScore(*index, "Deng Xiaoping", "TENG Xiaoping") < 0.8);
  CHECK(PairScore(*index, "Deng Ming", "Teng Ming") < 0.8);
  // Chinese syllables keep ch and sh apart, French spellings notwithstanding (CHIEH, SHIH).
  CHECK(EntryScore(*index, "Sun Chieh", "w7") < 0.8);
  CHECK(EntryScore(*index, "Chieh Kuo", "w6") < 0.8);
  CheckIndexEqualsBruteForce(
      *index,
      {"Bao Youxiang", "鲍有祥", "Wei Xuegang", "Deng Xiaoping", "Teng Hsiao Ping",
       "Zhou Xian Cheng", "Chen Shihuan", "Chang Hsiao-kuo", "Zhang Xiaoguo"},
      0.5);
}

// The lists publish organisations' acronyms as aliases of their own (IRGC, MOGE, LTTE) or not at
// all; before 2026-12-06 no acronym found its name (0 of 340 such alias pairs of the lists).
TEST_CASE("An organisation's acronym finds its name and back", "[names]") {
  std::vector<NameRecord> records = Corpus();
  records.push_back(Record("a1", "ISLAMIC REVOLUTIONARY GUARD CORPS"));
  records.push_back(Record("a2", "MOGE"));
  records.push_back(Record("a3", "ZHONGXING TELECOMMUNICATION EQUIPMENT"));
  records.push_back(Record("a4", "LIBERATION TIGERS OF TAMIL EELAM"));
  records.push_back(Record("a5", "AAMH"));
  records.push_back(Record("a6", "IRGC AIRLINES"));
  records.push_back(Record("a7", "NATIONAL IRANIAN OIL COMPANY"));
  records.push_back(Record("a8", "WUHAN SANJIANG IMPORT AND EXPORT CO. LTD"));
  records.push_back(Record("a9", "NATIONAL IRANIAN OIL REFINING LIMITED"));
  auto index = BuildIndex(records);
  CHECK(EntryScore(*index, "IRGC", "a1") >= kAcronymScore);
  CHECK(EntryScore(*index, "Myanma Oil and Gas Enterprise", "a2") >= kAcronymScore);
  CHECK(EntryScore(*index, "LTTE", "a4") >= kAcronymScore);  // OF left out
  // Three letters are shared by too many names to alert alone.
  CHECK(EntryScore(*index, "ZTE", "a3") == Approx(kShortAcronymScore));
  // Not for a person's name, nor from given names that make a word by chance.
  NameQuery person = Query("IRGC");
  person.kind = "person";
  CHECK(Find(*index, person, "a1").score < 0.8);
  CHECK(EntryScore(*index, "Ahmed Ali Mohammed Hassan", "a5") < 0.8);
  // A pair of unknown kind (score-pairs without a kind column) may be an organisation and its
  // acronym too (0.02 before 2026-12-06); a pair of persons may not, nor common given names.
  CHECK(PairScore(*index, "Islamic Republic of Iran Shipping Lines", "IRISL") >= kAcronymScore);
  CHECK(PairScore(*index, "LTTE", "LIBERATION TIGERS OF TAMIL EELAM") >= kAcronymScore);
  CHECK(PairScore(*index, "Ahmed Ali Mohammed Hassan", "AAMH") < 0.8);
  NameMatch persons;
  REQUIRE(index->ScorePair("IRGC", "ISLAMIC REVOLUTIONARY GUARD CORPS", &persons, "person").ok());
  CHECK(persons.score < 0.8);
  // Only the whole name: an acronym with another word is a name of its own.
  CHECK(EntryScore(*index, "Islamic Revolutionary Guard Corps", "a6") < 0.8);
  // The C of COMPANY or CORPORATION last (0 before 2026-12-07), and no other legal form's letter.
  CHECK(EntryScore(*index, "NIOC", "a7") >= kAcronymScore);
  CHECK(EntryScore(*index, "WSIEC", "a8") >= kAcronymScore);
  CHECK(EntryScore(*index, "NIORL", "a9") < 0.8);
  CHECK(EntryScore(*index, "NIOL", "a7") < 0.8);
  // A name's own acronym after it weighs as a title (0.69 before 2026-12-07); another word not.
  CHECK(PairScore(*index, "National Iranian Oil Co. (NIOC)", "NATIONAL IRANIAN OIL COMPANY") >=
        0.9);
  CHECK(PairScore(*index, "Car Care Center CCC", "CAR CARE CENTER") >= 0.9);
  CHECK(PairScore(*index, "National Iranian Oil Co. (NIGC)", "NATIONAL IRANIAN OIL COMPANY") < 0.8);
  CheckIndexEqualsBruteForce(
      *index,
      {"IRGC", "ZTE", "LTTE", "NIOC", "WSIEC", "Myanma Oil and Gas Enterprise",
       "Islamic Revolutionary Guard Corps", "Liberation Tigers Tamil Eelam"},
      0.5);
}

TEST_CASE("Words a score leaves out of the total are left out of the index's bound", "[names]") {
  std::vector<NameRecord> records = Corpus();
  records.push_back(Record("k1", "KADYROV, Ramzan", "person"));
  records.push_back(Record("k2", "ABD AL AZIZ, Khalid", "person"));
  auto index = BuildIndex(records);
  for (const char* name :
       {"Ramzan Akhmatovich Kadyrov", "Khalid Abdulaziz", "Khalid Abd al-Aziz"}) {
    std::vector<NameMatch> brute;
    REQUIRE(SearchBruteForce(*index, Query(name), 100, 0.3, &brute).ok());
    for (const NameMatch& b : brute) {
      // At a threshold just under each score brute force gives, the index finds the record too.
      std::vector<NameMatch> indexed;
      REQUIRE(index->Search(Query(name), 100, b.score - 1e-6, &indexed).ok());
      bool found = false;
      for (const NameMatch& x : indexed) found = found || x.record == b.record;
      INFO(name << " -> " << b.record->name << " " << b.score);
      CHECK(found);
    }
  }
}

TEST_CASE("A North Korean name in Hangul meets its Latin spelling with R", "[names]") {
  auto index = BuildIndex(Corpus());
  // 0.38 before 2026-12-05 (names_normalize_test.cc: ㄹ read l).
  CHECK(PairScore(*index, "최룡해", "CHOE Ryong Hae") >= 0.9);
  CHECK(PairScore(*index, "김일성", "KIM Il Sung") >= 0.9);
}

TEST_CASE("The -aev and -ayev of one Russian name are one key", "[names]") {
  CHECK(PhoneticKey("toqaev") == PhoneticKey("tokayev"));
  CHECK(PhoneticKey("nikolaevich") == PhoneticKey("nikolayevich"));
  CHECK(PhoneticKey("saeed") == PhoneticKey("said"));  // ae elsewhere is one vowel
  CHECK(PhoneticKey("bae") != PhoneticKey("bai"));     // Korean BAE is not Chinese BAI
  CHECK(PhoneticKey("hae") != PhoneticKey("hai"));
  auto index = BuildIndex(Corpus());
  CHECK(PairScore(*index, "Қасым-Жомарт Тоқаев", "KASSYM-JOMART TOKAYEV") >= 0.9);
  CHECK(PairScore(*index, "Kasym-Zhomart Tokaev", "KASSYM-JOMART TOKAYEV") >= 0.9);
  // A Uyghur name read as Uyghur, not as Arabic (names_normalize_test.cc): 0.70 before.
  CHECK(PairScore(*index, "ئىلھام توختى", "ILHAM TOHTI") >= 0.9);
}

TEST_CASE("On the real lists the index agrees with brute force above the threshold",
          "[names][reference]") {
  std::string folder = reference::DataFolder();
  if (folder.empty()) {
    WARN(CORRIDOR_SKIP_MARK);
    return;
  }
  auto index = BuildIndex(reference::LoadAllLists(folder));
  std::mt19937 random(11);
  size_t brute_total = 0, found = 0;
  // Under the sanitizers every 4th query (testing::SanitizerStride).
  for (size_t i = 0; i < 40; i += testing::SanitizerStride(4)) {
    const NameRecord& record = index->records()[(i * 7919) % index->records().size()];
    std::string name = reference::Perturb(record.name, reference::Perturbation::kTypo,
                                          record.kind == "organization", &random);
    if (name.empty()) name = record.name;
    std::vector<NameMatch> indexed, brute;
    NameQuery query;
    query.name = name;
    REQUIRE(index->Search(query, 100, 0.8, &indexed).ok());
    REQUIRE(SearchBruteForce(*index, query, 100, 0.8, &brute).ok());
    for (const NameMatch& b : brute) {
      ++brute_total;
      for (const NameMatch& x : indexed) found += x.record == b.record ? 1 : 0;
    }
  }
  REQUIRE(brute_total * testing::SanitizerStride(4) > 20);
  // ~65 brute-force hits in this sample, so one miss is 1.5%; the evaluation's 500 queries
  // measure 0.994 (docs/matching.md, "Index against brute force").
  CHECK(double(found) / brute_total >= 0.95);
}

// docs/matching.md, "Index": one typed letter is one edit of a word's spelling but can be two of
// its phonetic key where it makes or breaks a digraph (CIHNA `kihna` / CHINA `chin`), and the
// index looked short keys up within one edit only, so a listed entry whose own name scored 0.93
// against the query was left unscored: 16 of the 2,579 typed names (of 3,000) that score 0.80
// against the name they were typed from, before the spelling neighbourhood (CIHNA SHIPBUILDING
// CORPORATION, MLAEKI NASSER, SOLEYMANI GHSAEM).
TEST_CASE("One typed letter in a listed name never hides its entry from the index",
          "[names][reference]") {
  std::string folder = reference::DataFolder();
  if (folder.empty()) {
    WARN(CORRIDOR_SKIP_MARK);
    return;
  }
  auto index = BuildIndex(reference::LoadAllLists(folder));
  const double threshold = index->options().threshold;
  std::mt19937 random(20261205);
  const size_t step = index->records().size() / 3000;
  int scored = 0;
  std::vector<std::string> missed;
  for (size_t r = 0; r < index->records().size(); r += step) {
    const NameRecord& target = index->records()[r];
    std::string name = reference::Perturb(target.name, reference::Perturbation::kTypo,
                                          target.kind == "organization", &random);
    if (name.empty()) continue;
    NameQuery query;
    query.name = name;
    std::vector<NameMatch> own, found;
    REQUIRE(index->ScoreRecords(query, {static_cast<uint32_t>(r)}, 1, threshold, &own).ok());
    if (own.empty()) continue;  // the typed letter took the name below the threshold
    ++scored;
    REQUIRE(index->Search(query, 1000, threshold, &found).ok());
    bool in_index = false;
    for (const NameMatch& m : found) {
      in_index = in_index ||
                 (m.record->list_id == target.list_id && m.record->entry_id == target.entry_id);
    }
    if (!in_index) missed.push_back(name + " | " + target.name);
  }
  std::string listed;
  for (const std::string& m : missed) listed += "\n  " + m;
  INFO("typed names whose own entry scores " << threshold << ": " << scored
                                             << "; missed:" << listed);
  CHECK(scored > 2000);
  CHECK(missed.empty());
}

}  // namespace corridor::names

namespace corridor::names {
namespace {

// docs/matching.md, "Abjad names": an Arabic-script word is read as a Latin one, vowels where the
// Arabic writes them. Before 2026-12-01 consonant skeletons alone were compared: عمران (Imran)
// was the vessel MARINA at 0.94 and علی (Ali) the acronym ELA at 0.94 (issue 11, precision).
// The Arabic-script spelling of a name scores as its Latin spelling does against itself, less the
// 0.95 of a reading (and the confidence that costs): common names (IMRAN, ALI, MAHMOUD) weigh as
// common in both scripts.
bool ReadsAs(const NameIndex& index, const std::string& abjad, const std::string& latin) {
  double reading = PairScore(index, abjad, latin);
  double itself = PairScore(index, latin, latin);
  INFO(abjad << " ~ " << latin << ": " << reading << ", the Latin name itself " << itself);
  return reading >= 0.9 * itself;
}

TEST_CASE("Arabic-script words are read as their Latin spellings, not as their consonants",
          "[names][abjad]") {
  auto index = BuildIndex({});  // built-in weights: one rare word scores at most 0.89
  CHECK(ReadsAs(*index, "عمران", "IMRAN"));
  CHECK(PairScore(*index, "عمران", "MARINA") < 0.5);
  CHECK(ReadsAs(*index, "علی", "ALI"));
  CHECK(PairScore(*index, "علی", "ELA") < 0.5);
  CHECK(ReadsAs(*index, "آصف", "ASIF"));
  CHECK(PairScore(*index, "آصف", "SEIF") < 0.7);
  // Long vowels, the article, ta marbuta and a following article written with ABD.
  CHECK(PairScore(*index, "صدام حسين التكريتي", "SADDAM HUSSEIN AL-TIKRITI") >= 0.85);
  CHECK(ReadsAs(*index, "فاطمة", "FATIMA"));
  CHECK(PairScore(*index, "عبد الحكيم مراد", "ABDUL HAKIM MURAD") >= 0.8);
  CHECK(PairScore(*index, "عبد الله", "ABDULLAH") >= 0.85);
  CHECK(ReadsAs(*index, "محمود", "MAHMOUD"));
  // Common names weigh as common in Arabic script too (docs/matching.md, "Token weights"): محمد
  // علي scored 0.95 against MUHAMMAD ALI, above the Latin name against itself (0.86), because the
  // lists hold few Arabic-script names and every such word looked rare.
  CHECK(PairScore(*index, "محمد علي", "MUHAMMAD ALI") <=
        PairScore(*index, "MUHAMMAD ALI", "MUHAMMAD ALI"));
  CHECK(PairScore(*index, "أحمد حسن", "AHMED HASSAN") <=
        PairScore(*index, "AHMED HASSAN", "AHMED HASSAN"));
  CHECK(IsCommonAbjadName("mhmd"));
  CHECK(IsCommonAbjadName("ly"));
  CHECK_FALSE(IsCommonAbjadName("hqany"));  // HAQQANI
  // A final ta marbuta (ة, t) is a vowel or h in Latin: فاطمة is FATIMA, common. Before
  // 2026-12-02 (eighth session) its skeleton ftmt met no common name's (ftm), so it weighed as a
  // rare word and four random names alerted on Fatimah Mohammad.
  CHECK(IsCommonAbjadName("fatmt"));
  CHECK(IsCommonAbjadName("oaysht"));  // عائشة, AISHA
}

// docs/matching.md, "Abjad reading": names built on Allah and al-Din, the article before a sun
// letter (spoken as that letter: UDDIN, URRAHMAN), the article left out in Latin, French
// romanisation (DJ, a silent final E). Each of these is a published UN original-script name
// against its own entry's Latin name; all scored 0 or under 0.6 before.
TEST_CASE("Arabic-script compounds and the article read as their Latin spellings",
          "[names][abjad]") {
  auto index = BuildIndex({});
  CHECK(PairScore(*index, "هدايت الله", "HIDAYATULLAH") >= 0.85);
  CHECK(PairScore(*index, "قدرت الله جمال", "QUDRATULLAH JAMAL") >= 0.85);
  CHECK(PairScore(*index, "شمس الدین", "SHAMSUDDIN") >= 0.85);
  CHECK(PairScore(*index, "جلال الدين حقانى", "JALALUDDIN HAQQANI") >= 0.85);
  CHECK(PairScore(*index, "عبد الرحمن", "ABDURRAHMAN") >= 0.85);
  CHECK(PairScore(*index, "عبد العزيز عباسین", "ABDUL AZIZ ABBASIN") >= 0.8);
  CHECK(PairScore(*index, "العزيز", "AZIZ") >= 0.85);
  CHECK(PairScore(*index, "جمال زيتوني", "DJAMEL ZITOUNI") >= 0.8);  // JAMAL alone is common
  CHECK(PairScore(*index, "نور الدين", "NOUREDDINE") >= 0.8);
  // A final ya may be alif maqsura, spoken a (0.83 and 0.66 before); a ya replaced by a vowel is
  // another name: حسين (Husayn) is not HASSAN (حسن), which scored 0.92 as a whole name before.
  CHECK(PairScore(*index, "مصطفى حسين", "MUSTAFA HUSSEIN") >= 0.8);
  CHECK(PairScore(*index, "عيسى حسين", "ISA HUSSEIN") >= 0.7);  // HUSSEIN weighs as common
  CHECK(PairScore(*index, "محمد خالد حسين", "MUHAMMAD KHALID HASSAN") < 0.8);
  CHECK(PairScore(*index, "حسين", "HASSAN") < 0.5);
  // Persian and Urdu readings: ث as S, ذ as Z (0.36 and 0.58 before), ض as Z at half a step.
  CHECK(PairScore(*index, "ثناء اللہ غفاری", "SANAULLAH GHAFARI") >= 0.85);
  CHECK(PairScore(*index, "نذیر الله حنفى", "NAZIRULLAH HANAFI") >= 0.85);
  CHECK(PairScore(*index, "ثروت صالح", "THARWAT SALAH") >= 0.85);
  CHECK(PairScore(*index, "رضا احمدی", "REZA AHMADI") >= 0.8);
  // A digraph's h is not a doubled letter (شهاب, shhab: SHAHAB), a doubled ya is two letters
  // (يحيى, yhyy: YAHYA), the article before two letters (الحق: HAQ), a final ه as a vowel (زاده:
  // ZADA), and a join takes its words before a single pair of equal similarity (the second
  // عارف then finds AREF). Each scored under 0.8 before.
  CHECK(PairScore(*index, "شهاب الدين دلاور", "SHAHABUDDIN DELAWAR") >= 0.85);
  CHECK(PairScore(*index, "يحيى حقانی", "YAHYA HAQQANI") >= 0.85);
  CHECK(PairScore(*index, "عبد الحق وثيق", "ABDUL HAQ WASSIQ") >= 0.85);
  CHECK(PairScore(*index, "محمد اسحاق آخوند زاده", "MOHAMMAD ISHAQ AKHUND ZADA") >= 0.85);
  CHECK(PairScore(*index, "عارف الله عارف", "AREFULLAH AREF") >= 0.85);
  // An abjad word carries its article, so its joined parts may have seven letters (0.46 before).
  CHECK(PairScore(*index, "عزیز الرحمان عبد الاحد", "AZIZIRAHMAN ABDUL AHAD") >= 0.85);
  // The index finds them too: an abjad word's skeleton is also looked up as read in Persian and
  // Urdu (thn as sn), or the search never scores the Latin name (UN TAi.146, found since).
  std::vector<NameRecord> records = Corpus();
  records.push_back(Record("sana", "SANAULLAH GHAFARI", "person"));
  records.push_back(Record("nazir", "NAZIRULLAH HANAFI WALIULLAH", "person"));
  auto listed = BuildIndex(records);
  NameQuery query;
  query.name = "ثناء اللہ غفاری";
  CHECK(Find(*listed, query, "sana").score >= 0.85);
  query.name = "نذیر الله حنفى ولى الله";
  CHECK(Find(*listed, query, "nazir").score >= 0.85);
  // The other way round, a Latin query against a listed Arabic-script name: the index finds what
  // scoring every record finds (a short-skeleton abjad join, ولى الله: lh, included).
  records.push_back(Record("wali", "ولى الله حنفى", "person"));
  auto both = BuildIndex(records);
  for (const char* name :
       {"WALIULLAH HANAFI", "WALIULLAH", "NAZIRULLAH HANAFI", "SANAULLAH GHAFARI"}) {
    std::vector<NameMatch> indexed, brute;
    REQUIRE(both->Search(Query(name), 100, 0.5, &indexed).ok());
    REQUIRE(SearchBruteForce(*both, Query(name), 100, 0.5, &brute).ok());
    INFO(name);
    REQUIRE(indexed.size() == brute.size());
    for (size_t i = 0; i < indexed.size(); ++i) CHECK(indexed[i].record == brute[i].record);
  }
  // Not any vowels around any consonants: a short Latin pair is not joined across scripts, and
  // a reading still needs its consonants.
  CHECK(PairScore(*index, "فيض", "FU YUAD") < 0.5);
  CHECK(PairScore(*index, "شمس الدین", "SHAMS ALDAWLA") < 0.8);
  CHECK(PairScore(*index, "هدايت الله", "HIDAYAT KHAN") < 0.8);
}

// Names of the UN list's original-script aliases that missed their Latin entries (test "Names in
// their original script find their entry's Latin names"): Arabic script writes "Abd al-"
// compounds as one word (عبدالكريم) where the Latin name writes two or three, and ق is G in the
// Maghreb's and the Gulf's romanisations (GASMI, GHEDEIR).
// The index returns for `name` what scoring every record does above `min_score`, and something.
void CheckIndexFindsWhatBruteForceFinds(const NameIndex& index, const std::string& name,
                                        double min_score) {
  std::vector<NameMatch> indexed, brute;
  REQUIRE(index.Search(Query(name), 100, min_score, &indexed).ok());
  REQUIRE(SearchBruteForce(index, Query(name), 100, min_score, &brute).ok());
  INFO(name);
  REQUIRE(!brute.empty());
  REQUIRE(indexed.size() == brute.size());
  for (size_t i = 0; i < indexed.size(); ++i) CHECK(indexed[i].record == brute[i].record);
}

TEST_CASE("Abd al- compounds written as one word, qaf as G and French spellings read as Latin",
          "[names][abjad]") {
  auto index = BuildIndex({});
  // 0.49, 0.41 and 0.62 before (the joined word matched nothing).
  CHECK(PairScore(*index, "محمد عبدالكريم الغماري", "MUHAMMAD ABD AL-KARIM AL-GHAMARI") >= 0.85);
  CHECK(PairScore(*index, "عبدالخالق الحوثي", "ABD AL-KHALIQ AL-HOUTHI") >= 0.85);
  CHECK(PairScore(*index, "محمد صلاح الدين عبدالحليم زيدان",
                  "MOHAMMED SALAHALDIN ABD EL HALIM ZIDANE") >= 0.85);
  // Still one word against one word, and against the compound written apart.
  CHECK(PairScore(*index, "عبدالرحيم", "ABDURRAHIM") >= 0.85);
  CHECK(PairScore(*index, "عبدالرحيم", "ABDUL RAHIM") >= 0.85);
  // ق as G or GH at half a step (0.15 before: GHEDEIR matched nothing); K and Q as before.
  CHECK(PairScore(*index, "عمر قدير", "OMAR GHEDEIR") >= 0.85);
  CHECK(PairScore(*index, "قدير", "QADIR") > PairScore(*index, "قدير", "GADIR"));
  CHECK(PairScore(*index, "قاسم", "GASSAN") < 0.5);
  // French romanisation: a soft c is س (LOUNICI), ch may be ش at half a step (AKKACHA).
  CHECK(PairScore(*index, "جمال لونيسي", "DJAMEL LOUNICI") >= 0.8);
  CHECK(PairScore(*index, "لونيسي", "LOUNICI") >= 0.85);
  CHECK(PairScore(*index, "عكاشة", "AKKACHA") >= 0.72);
  CHECK(PairScore(*index, "لونيسي", "LOUNIKI") < PairScore(*index, "لونيسي", "LOUNICI"));
  // عبدالله stays one word, weighing as the common name it is: split, a random ABDULLAH OMAR
  // alerted on AMIR ABDULLAH.
  CHECK(PairScore(*index, "عبدالله عمر سعد", "AMIR ABDULLAH") < 0.8);
  // The index finds them as scoring every record does, both ways round.
  std::vector<NameRecord> records = Corpus();
  records.push_back(Record("ghamari", "MUHAMMAD ABD AL-KARIM AL-GHAMARI", "person"));
  records.push_back(Record("ghedeir", "AMOR MOHAMED GHEDEIR", "person"));
  records.push_back(Record("khaliq", "عبدالخالق الحوثي", "person"));
  auto listed = BuildIndex(records);
  for (const char* name : {"محمد عبدالكريم الغماري", "عمر محمد قدير", "ABD AL-KHALIQ AL-HOUTHI",
                           "ABDULKHALIQ HOUTHI"}) {
    CheckIndexFindsWhatBruteForceFinds(*listed, name, 0.5);
  }
}

TEST_CASE("Arabic-script letters that Latin writes several ways read as their spellings",
          "[names][abjad]") {
  auto index = BuildIndex({});
  // ظ as TH, DH, Z or D; ض as D, DH or Z (both were z and d, like ز and د): 0.51 and 0.64 before.
  CHECK(PairScore(*index, "رشيد طعان كاظم", "RASHID TAAN KATHIM") >= 0.85);
  CHECK(PairScore(*index, "فیض الله خان نورزی", "FAIZULLAH KHAN NOORZAI") >= 0.85);
  CHECK(PairScore(*index, "محمد ولی محمد عوض", "MOHAMMAD WALI MOHAMMAD EWAZ") >= 0.85);
  CHECK(PairScore(*index, "ظاهر", "DHAHIR") > PairScore(*index, "زاهر", "DHAHIR"));
  // Pashto's ځ (dz, written Z) was left in the word: 0.70 before.
  CHECK(PairScore(*index, "محمد عمر ځدران", "MUHAMMAD OMAR ZADRAN") >= 0.85);
  // ع is the vowel it carries or nothing, and a word ending in it keeps its last letter: 0.79.
  CHECK(PairScore(*index, "إبراهيم حسن طالع العسيري", "IBRAHIM HASSAN TALI AL-ASIRI") >= 0.85);
  CHECK(PairScore(*index, "علي", "HALI") < 0.5);  // ain is not a consonant
  // ژ (zh) written j before a long vowel: AHMADINEJAD (0.17 before 2026-12-03, its h unread); ز
  // and ه stay two letters at the end of a word and before a consonant (HAMZA is not HAMZI).
  CHECK(PairScore(*index, "محمود احمدی‌نژاد", "MAHMOUD AHMADINEJAD") >= 0.9);
  CHECK(PairScore(*index, "محمود احمدی نژاد", "MAHMOUD AHMADINEZHAD") >= 0.9);
  CHECK(PairScore(*index, "حمزہ", "HAMZI") < PairScore(*index, "حمزہ", "HAMZA"));
  CHECK(PairScore(*index, "زهر", "JOHAR") < 0.8);  // ز and ه before a consonant: not ژ
  // A Latin ii keeps both letters (RABI'I): 0.79 before; French silent e after ch: 0.74;
  // South Asian dh for د: 0.77; a Latin word beginning with al without the article: 0.59.
  CHECK(PairScore(*index, "نضال الربيعي", "NIDAL AL-RABI'I") >= 0.85);
  CHECK(PairScore(*index, "عصام علي محمد علوش", "ISAM ALI MOHAMED ALOUCHE") >= 0.85);
  CHECK(PairScore(*index, "عبدالله السندي", "ABDULLAH SINDHI") >= 0.8);
  CHECK(PairScore(*index, "عبد الله احمد عبدالله الالفي", "ABDULLAH AHMED ABDULLAH EL ALFI") >=
        0.85);
  // The final waw of عمرو is not spoken (it tells Amr from Umar): AMR MOUSSA was 0.66, and عمرو
  // weighed as a rare word, so random names with it alerted on OMAROW, Mohamed at 0.80.
  CHECK(PairScore(*index, "عمرو موسى", "AMR MOUSSA") >= 0.85);
  CHECK(IsCommonAbjadName("omrw"));
  // Two Arabic-script names compared by spelling: the script writes every consonant and long
  // vowel, so a letter more or other is another name (0.83-0.95 before); ة and ه are one letter.
  CHECK(PairScore(*index, "محمد علي", "محمود علي") < 0.8);
  CHECK(PairScore(*index, "حسن علي", "حسين علي") < 0.8);
  CHECK(PairScore(*index, "هاني أحمد خليل", "خلیل احمد حقانی") < 0.8);
  CHECK(PairScore(*index, "فاطمة محمد", "فاطمه محمد") >= 0.8);
  CHECK(PairScore(*index, "داود سليمان", "داوود سليمان") >= 0.85);
  CHECK(PairScore(*index, "عبد الرحمن خان", "عبد الرحمان خان") >= 0.8);  // Arabic, Urdu spellings
  CHECK(PairScore(*index, "عمر", "عامر") < 0.45);  // UMAR, AMIR: an alif after the first letter
  // Only AMR's spellings: OMAR and UMAR are عمر, which the waw is there to tell apart.
  CHECK(PairScore(*index, "عمرو موسى", "OMAR MOUSSA") < 0.8);
  CHECK(PairScore(*index, "عمرو", "UMAR") < 0.5);
}

// UN entries whose Arabic-script names were missed (test "Names in their original script find
// their entry's Latin names"): Pashto's ولد (son of) against the English gloss "son of", a
// Tuareg AG (اغ) folded into the next word by a join, and a Maghrebi BEN HASSINE written as one
// word (بنحسين), whose seven-letter part was past the joins' length limit.
TEST_CASE("Son of and a Tuareg AG and a joined BEN read across scripts", "[names][abjad]") {
  auto index = BuildIndex({});
  // 0.65 and 0.70 before: ولد was left unmatched.
  CHECK(PairScore(*index, "اختر محمد ولد نور محمد", "Akhter Mohmad son of Noor Mohmad") >= 0.85);
  CHECK(PairScore(*index, "عبد الحق ولد محمد انور خان", "Abdul Haq son of M. Anwar Khan") >= 0.8);
  // "ag ghali" joined read as غالي and left اغ unmatched (0.72); apart, اغ is AG (غ written g).
  CHECK(PairScore(*index, "اياد اغ غالي", "IYAD AG GHALI") >= 0.85);
  // 0.70 before: بنحسين unmatched.
  CHECK(PairScore(*index, "سيف الله بن عمر بن محمد بنحسين",
                  "SEIFALLAH BEN OMAR BEN MOHAMED BEN HASSINE") >= 0.85);
  // The particle join does not make a particle and a different word one name.
  CHECK(PairScore(*index, "بنحسين", "BEN HASSAN") < 0.8);

  std::vector<NameRecord> records = Corpus();
  records.push_back(Record("akhter", "Akhter Mohmad son of Noor Mohmad", "person"));
  records.push_back(Record("ghali", "IYAD AG GHALI", "person"));
  records.push_back(Record("hassine", "SEIFALLAH BEN OMAR BEN MOHAMED BEN HASSINE", "person"));
  auto listed = BuildIndex(records);
  const std::pair<const char*, const char*> cases[] = {
      {"اختر محمد ولد نور محمد", "akhter"},
      {"اياد اغ غالي", "ghali"},
      {"سيف الله بن عمر بن محمد بنحسين", "hassine"}};
  for (const auto& [name, entry] : cases) {
    CheckIndexFindsWhatBruteForceFinds(*listed, name, listed->options().threshold);
    CHECK(Find(*listed, Query(name), entry).score >= listed->options().threshold);
  }
}

TEST_CASE("At the threshold the index finds every Arabic-script name the readings score",
          "[names][abjad]") {
  // The index reaches a listed word through its consonant skeleton within an edit; a reading
  // that costs nothing can be further: عكاشة (ksht) is AKKACHA (kch) with ta marbuta left out and
  // ش written ch. Above the threshold the bound then left such names unscored: these listed
  // persons were not found by their Arabic-script names (brute force scores them 0.89 to 0.95 on
  // the real lists), nor were two organisations (AL-JAMA'AH AL-ISLAMIYAH AL-MUSALLAH, 0.82).
  std::vector<NameRecord> records = Corpus();
  records.push_back(Record("ghedeir", "AMOR MOHAMED GHEDEIR", "person"));
  records.push_back(Record("akkacha", "DJAMEL AKKACHA", "person"));
  records.push_back(Record("yakoob", "YAKOOB, Mohammad", "person"));
  records.push_back(Record("saduddin", "SADUDDIN SAYYED", "person"));
  auto listed = BuildIndex(records);
  for (const char* name : {"عمر محمد قدير", "جمال عكاشة", "محمد يعقوب", "سعد الدين سيد"}) {
    CheckIndexFindsWhatBruteForceFinds(*listed, name, listed->options().threshold);
  }
}

// docs/matching.md, "Name structure": a listed person's family name (OFAC's "FAMILY, Given")
// must be named by the query; sharing the given names is not enough. The rule covers every name
// of the entry, also an alias published without the comma.
TEST_CASE("A query without the listed person's family name scores lower", "[names][family]") {
  std::vector<NameRecord> records = Corpus();
  records.push_back(Record("zein", "ZEIN, Waleed Ahmed", "person"));
  NameRecord alias = Record("zein", "Waleed Ahmed Zein", "person");
  alias.is_alias = true;
  records.push_back(alias);
  records.push_back(Record("un1", "Waleed Ahmed Karam", "person"));  // no family name known
  auto index = BuildIndex(records);
  NameQuery query;
  query.name = "Waleed Ahmed";
  double without_family = Find(*index, query, "zein").score;
  double unknown_family = Find(*index, query, "un1").score;
  CHECK(without_family < 0.8);
  CHECK(without_family < unknown_family);
  query.name = "Waleed Ahmed Zein";
  CHECK(Find(*index, query, "zein").score >= 0.9);
  query.name = "Zein Waleed";
  CHECK(Find(*index, query, "zein").score >= 0.8);
}

// Since 2026-12-04: a person's family name that spells a short legal form at the name's edge
// (PAO, read as the Russian ПАО) is a family name for the rule above. "Yu Liang" and 梁宇
// alerted on PAO, Yu Liang at 0.88 in a 20,000-name precision set.
TEST_CASE("A family name that spells a legal form is still the family name", "[names][family]") {
  std::vector<NameRecord> records = Corpus();
  records.push_back(Record("pao", "PAO, Yu Liang", "person"));
  auto index = BuildIndex(records);
  const double threshold = index->options().threshold;
  CHECK(EntryScore(*index, "Yu Liang", "pao") < threshold);
  CHECK(EntryScore(*index, "梁宇", "pao") < threshold);
  CHECK(EntryScore(*index, "Pao Yu Liang", "pao") >= threshold);
  CHECK(EntryScore(*index, "Yu Liang Pao", "pao") >= threshold);
}

// docs/matching.md, "A person has no legal form": AG (a Tuareg "son of"), AO and PAO (Chinese
// family names) read as legal forms weighed 0.3 and met only legal forms, so a listed person's
// own name missed the threshold: "Iyad Ag Ghali" 0.78 against GHALI, Iyad ag (UN and OFAC list
// him), "Ao Wei" 0.69 against AO Wei. A company's legal form is still one.
TEST_CASE("A person has no legal form", "[names][family]") {
  std::vector<NameRecord> records = Corpus();
  records.push_back(Record("ghali", "GHALI, Iyad ag", "person"));
  records.push_back(Record("albachar", "AG ALBACHAR, Ahmed", "person"));
  records.push_back(Record("aowei", "AO Wei", "person"));
  records.push_back(Record("aowei-co", "AO Wei Trading", "company"));
  auto index = BuildIndex(records);
  auto score = [&](const std::string& name, const std::string& kind, const std::string& entry) {
    NameQuery query;
    query.name = name;
    query.kind = kind;
    return Find(*index, query, entry).score;
  };
  CHECK(score("Iyad Ag Ghali", "person", "ghali") >= 0.95);  // 0.78 before
  CHECK(score("Iyad Ag Ghali", "", "ghali") >= 0.95);        // AG mid-name is a word anyway
  CHECK(score("Ahmed Ag Albachar", "person", "albachar") >= 0.95);
  CHECK(score("Ao Wei", "person", "aowei") >= 0.95);  // 0.69 before
  CHECK(score("Wei Ao", "person", "aowei") >= 0.95);
  // A query of no kind is read as a person's name against the listed persons, and as it is
  // written against the rest.
  CHECK(score("Ao Wei", "", "aowei") >= 0.95);
  CHECK(score("AO Wei Trading", "", "aowei-co") >= 0.8);
  // One common Chinese given name is still not the person.
  CHECK(score("Li Wei", "person", "aowei") < 0.5);
  CHECK(score("Wei", "person", "aowei") < 0.8);
  // The company keeps its legal form: its brand and trade decide, and a person's name does not
  // take it.
  CHECK(score("AO Wei Trading", "company", "aowei-co") >= 0.8);
  CHECK(score("Wei Trading LLC", "company", "aowei-co") >= 0.8);
  CHECK(score("Ao Wei", "person", "aowei-co") < 0.8);

  // Either reading, the index returns what scoring every record returns.
  for (const char* name : {"Ao Wei", "AO Wei Trading", "Wei Ao Co", "Sa Ag Ghali", "Iyad ag"}) {
    for (const char* kind : {"", "person", "company"}) {
      INFO(name << " / " << kind);
      NameQuery query;
      query.name = name;
      query.kind = kind;
      std::vector<NameMatch> found, brute;
      REQUIRE(index->Search(query, 10, 0.5, &found).ok());
      REQUIRE(SearchBruteForce(*index, query, 10, 0.5, &brute).ok());
      REQUIRE(found.size() == brute.size());
      for (size_t i = 0; i < found.size(); ++i) {
        CHECK(found[i].record == brute[i].record);
        CHECK(found[i].score == brute[i].score);
      }
    }
  }

  // A delta run after a list update checks a query's words for moved weights
  // (docs/batch.md, "A list update"): AO is one when the query is read as a person's name.
  std::vector<std::string> words;
  REQUIRE(index->QueryWords("Ao Wei", &words).ok());
  CHECK(std::find(words.begin(), words.end(), "ao") != words.end());
  CHECK(std::find(words.begin(), words.end(), "wei") != words.end());

  NameMatch pair;
  REQUIRE(index->ScorePair("Iyad Ag Ghali", "GHALI, Iyad ag", &pair, "person").ok());
  CHECK(pair.score >= 0.95);
  REQUIRE(index->ScorePair("Ao Wei", "AO Wei", &pair, "person").ok());
  CHECK(pair.score >= 0.95);
}

// docs/matching.md, "Name structure": a listed person's first given name contradicted by another
// name of the query's is another person of the family (siblings on the SDN list: AL-RAWI, Walid
// / Umar Talib Zughayr scored 0.84 as one person). A query writing two given names as one
// contradicts nothing; score-pairs applies the same rules when
// told the candidate is a person (it applied none before).
TEST_CASE("A contradicted first given name is another person of the family", "[names][family]") {
  std::vector<NameRecord> records = Corpus();
  records.push_back(Record("rawi", "AL-RAWI, Umar Talib Zughayr", "person"));
  records.push_back(Record("norouzi", "NOROUZI, Aliasghar", "person"));
  auto index = BuildIndex(records);
  CHECK(EntryScore(*index, "Walid Talib Zughayr al-Rawi", "rawi") < 0.8);
  CHECK(EntryScore(*index, "Umar Talib Zughayr al-Rawi", "rawi") >= 0.95);
  // The own name left out: contradicted nothing before the tenth session; the run of later given
  // names is the father's ("A father's name run without the own name is another person").
  CHECK(EntryScore(*index, "Talib Zughayr al-Rawi", "rawi") < 0.8);
  CHECK(EntryScore(*index, "Umar Talib al-Rawi", "rawi") >= 0.8);     // the grandfather's left out
  CHECK(EntryScore(*index, "Ali Asghar Norouzi", "norouzi") >= 0.9);  // ALI ASGHAR = ALIASGHAR
  NameMatch pair;
  REQUIRE(index
              ->ScorePair("AL-RAWI, Walid Talib Zughayr", "AL-RAWI, Umar Talib Zughayr", &pair,
                          "person")
              .ok());
  double as_person = pair.score;
  REQUIRE(
      index->ScorePair("AL-RAWI, Walid Talib Zughayr", "AL-RAWI, Umar Talib Zughayr", &pair).ok());
  CHECK(as_person < 0.8);
  CHECK(as_person < pair.score);  // without a kind, no structure is known
}

// docs/matching.md, "Name structure": two East Slavic names in full (given name, patronymic,
// family name) with another given name or another patronymic name two people, however common:
// random names of the precision set alerted so at 0.82-0.91 (KUZNETSOVA Irina Vladimirovna on
// Yelena Vladimirovna Kuznetsova, LEBEDEV Vladimir Aleksandrovich on LEBEDEV, Vladimir
// Albertovich). Romanisations of one name (ALEXANDROVICH, SERGEYEVNA, PYOTR) still match.
TEST_CASE("An East Slavic name with another given name or patronymic is another person",
          "[names][family]") {
  std::vector<NameRecord> records = Corpus();
  records.push_back(Record("kuznetsova", "Yelena Vladimirovna Kuznetsova", "person"));
  records.push_back(Record("lebedev", "LEBEDEV, Vladimir Albertovich", "person"));
  records.push_back(Record("borissov", "BORISSOV, Alexander Aleksandrovich", "person"));
  records.push_back(Record("aven", "AVEN, Pyotr Olegovich", "person"));
  auto index = BuildIndex(records);
  CHECK(EntryScore(*index, "KUZNETSOVA Irina Vladimirovna", "kuznetsova") < 0.8);
  CHECK(EntryScore(*index, "LEBEDEV Vladimir Aleksandrovich", "lebedev") < 0.8);
  CHECK(EntryScore(*index, "Лебедев Владимир Сергеевич", "lebedev") < 0.8);
  CHECK(EntryScore(*index, "BORISOV Aleksey Aleksandrovich", "borissov") < 0.8);
  CHECK(EntryScore(*index, "Kuznetsova Yelena Vladimirovna", "kuznetsova") >= 0.95);
  CHECK(EntryScore(*index, "Елена Владимировна Кузнецова", "kuznetsova") >= 0.9);
  CHECK(EntryScore(*index, "Лебедев Владимир Альбертович", "lebedev") >= 0.95);
  CHECK(EntryScore(*index, "Aleksandr Alexandrovich Borisov", "borissov") >= 0.8);
  CHECK(EntryScore(*index, "Petr Olegovich Aven", "aven") >= 0.9);
}

// docs/matching.md, "Name structure": a query that gives the listed first given name after a name
// of its own names that name's bearer (Arabic, Persian and Central Asian names follow the own name
// with the father's): random names of the precision set alerted so, at 0.80-0.82, also across
// scripts, where the rule did not apply. Honorifics before the name are not own names.
TEST_CASE("A query whose own name comes before the listed given name is another person",
          "[names][family]") {
  std::vector<NameRecord> records = Corpus();
  records.push_back(Record("masri", "AL-MASRI, Mohammed", "person"));
  records.push_back(Record("nasser", "NASSER, Fadi", "person"));
  records.push_back(Record("khatib", "EL KHATIB, Ahmad", "person"));
  auto index = BuildIndex(records);
  const double threshold = index->options().threshold;
  CHECK(EntryScore(*index, "Maryam Mohammed al-Masri", "masri") < threshold);
  CHECK(EntryScore(*index, "مريم محمد المصري", "masri") < threshold);
  CHECK(EntryScore(*index, "Mohamed Fadi Nasser", "nasser") < threshold);
  CHECK(EntryScore(*index, "طارق أحمد الخطيب", "khatib") < threshold);
  // The listed names themselves, in either script and order, still match; an honorific costs
  // only its unmatched weight, and a father's name after the listed one no contradiction.
  CHECK(EntryScore(*index, "Mohammed al-Masri", "masri") >= threshold);
  CHECK(EntryScore(*index, "محمد المصري", "masri") >= threshold);
  CHECK(EntryScore(*index, "Fadi Nasser", "nasser") >= threshold);
  CHECK(EntryScore(*index, "Haji Fadi Nasser", "nasser") >
        EntryScore(*index, "Omar Fadi Nasser", "nasser"));
  CHECK(EntryScore(*index, "أحمد الخطيب", "khatib") >= threshold);
  CHECK(EntryScore(*index, "Ahmad Tariq al-Khatib", "khatib") >
        EntryScore(*index, "Tariq Ahmad al-Khatib", "khatib"));
}

// docs/matching.md, "Name structure": names in given-name-first order with no family name marked
// (the UN's and SDN aliases' QUSAY SADDAM HUSSEIN AL-TIKRITI) whose first words differ while the
// father's and grandfather's names agree are brothers or sisters, not one person: 22 such pairs
// of the lists' hard pairs scored 0.80-0.87 before 2026-12-04 (tools/list_pairs.py, seed 7).
TEST_CASE("Another own name before one father's names is a sibling", "[names][family]") {
  std::vector<NameRecord> records = Corpus();
  records.push_back(Record("uday", "UDAY SADDAM HUSSEIN AL-TIKRITI", "person"));
  records.push_back(Record("hani", "HANI ABD-AL-LATIF TILFAH AL-TIKRITI", "person"));
  auto index = BuildIndex(records);
  const double threshold = index->options().threshold;
  CHECK(EntryScore(*index, "QUSAY SADDAM HUSSEIN AL-TIKRITI", "uday") < threshold);
  CHECK(EntryScore(*index, "RAFI ABD-AL-LATIF TILFAH AL-TIKRITI", "hani") < threshold);
  // The listed names, a spelling of the own name, and the name without the own name (which
  // names no one else) still match.
  CHECK(EntryScore(*index, "UDAY SADDAM HUSSEIN AL-TIKRITI", "uday") >= threshold);
  CHECK(EntryScore(*index, "ODAY SADDAM HUSSEIN AL-TIKRITI", "uday") >= threshold);
  CHECK(EntryScore(*index, "Uday Saddam Hussein", "uday") >= threshold);
}

// docs/matching.md, "Name structure": an Arabic name runs own name, father's, grandfather's; a
// query that leaves the listed person's own name out and gives two or more of the later given
// names in their order names the father (SDN lists Saddam Hussein's children as AL-TIKRITI, Uday
// Saddam Hussein and so on; his own entry is AL-TIKRITI, Saddam Hussein). A single later given
// name (Hispanic JOSE ANTONIO as ANTONIO), a reordered run, a devotional MUHAMMAD or an honorific
// left out, and the half of a compound name (ABD AL HADI as AL HADI) contradict nothing.
TEST_CASE("A father's name run without the own name is another person", "[names][family]") {
  std::vector<NameRecord> records = Corpus();
  records.push_back(Record("uday", "AL-TIKRITI, Uday Saddam Hussein", "person"));
  records.push_back(Record("barzan", "AL-TIKRITI, Ali Barzan Ibrahim Hasan", "person"));
  records.push_back(Record("galarza", "GALARZA CORONADO, Jose Antonio", "person"));
  records.push_back(Record("rawi", "AL-RAWI, 'Adnan Muhammad Amin", "person"));
  records.push_back(Record("zarif", "ZARIF, Mohammad Javad Hassan", "person"));
  records.push_back(Record("alizai", "ALIZAI, Haji Agha Jan", "person"));
  records.push_back(Record("zarqun", "ZARQUN, Abd al Hadi", "person"));
  auto index = BuildIndex(records);
  const double threshold = index->options().threshold;
  CHECK(EntryScore(*index, "Saddam Hussein al-Tikriti", "uday") < threshold);
  CHECK(EntryScore(*index, "AL-TIKRITI, Barzan Ibrahim Hassan", "barzan") < threshold);
  // The person's own name given, the listed names still match.
  CHECK(EntryScore(*index, "Uday Saddam Hussein al-Tikriti", "uday") >= threshold);
  CHECK(EntryScore(*index, "Uday Saddam al-Tikriti", "uday") >= threshold);
  CHECK(EntryScore(*index, "Ali Barzan Ibrahim Hasan al-Tikriti", "barzan") >= threshold);
  // What the rule leaves alone.
  CHECK(EntryScore(*index, "Antonio Galarza Coronado", "galarza") >= threshold);
  CHECK(EntryScore(*index, "Amin Muhammad al-Rawi", "rawi") >= threshold);
  CHECK(EntryScore(*index, "Javad Hassan Zarif", "zarif") >= threshold);
  CHECK(EntryScore(*index, "Agha Jan Alizai", "alizai") >= threshold);
  CHECK(EntryScore(*index, "Al Hadi Zarqun", "zarqun") >= threshold);
}

// docs/matching.md, "Name structure": in a query made of common names only, a word that is a
// common name of its own does not name a rarer listed family name it merely resembles (random
// names of the precision set: Соколов Александр Михаилович ~ SHOLOKHOV, Alexander Mikhailovich
// 0.89, ALI MOHAMED HASSAN ~ KASSAN, Ali Mohamad 0.86). One name spelled two ways (one letter
// apart from the same first letter: ALVAREZ / ALVARES), a romanisation variant (QUREISHI /
// GHOREISHI) beside a rare given name, and the listed family name itself still name it.
TEST_CASE("A common name of its own is not a misspelt listed family name", "[names][family]") {
  std::vector<NameRecord> records = Corpus();
  records.push_back(Record("sholokhov", "SHOLOKHOV, Alexander Mikhailovich", "person"));
  records.push_back(Record("kassan", "KASSAN, Ali Mohamad", "person"));
  records.push_back(Record("alvares", "ALVARES, Carlos", "person"));
  records.push_back(Record("ghoreishi", "GHOREISHI, Seyed Hojatollah", "person"));
  auto index = BuildIndex(records);
  const double threshold = index->options().threshold;
  CHECK(EntryScore(*index, "Sokolov Aleksandr Mikhailovich", "sholokhov") < threshold);
  CHECK(EntryScore(*index, "Соколов Александр Михайлович", "sholokhov") < threshold);
  CHECK(EntryScore(*index, "Ali Mohamed Hassan", "kassan") < threshold);
  CHECK(EntryScore(*index, "Alexander Mikhailovich Sholokhov", "sholokhov") >= threshold);
  CHECK(EntryScore(*index, "Ali Mohamad Kassan", "kassan") >= threshold);
  CHECK(EntryScore(*index, "Carlos Alvarez", "alvares") >= threshold);
  CHECK(EntryScore(*index, "Seyed Hojjatollah Qureishi", "ghoreishi") >= threshold);
}

// docs/matching.md, "Token similarity": two common names of the populations' rankings that are not
// one name spelled two ways are two names. Before, SALEM ~ SALEH agreed at 0.81, FERNANDEZ ~
// HERNANDEZ at 0.83 and VASILYEV ~ SAVELYEV at 0.86, so "Ahmed Ali Salem" alerted on SALEH, Ahmed
// Ali and "VASILYEV Dmitriy Ivanovich" on SAVELYEV, Dmitry Ivanovich in the precision sets.
TEST_CASE("Two different common names are not one name misspelt", "[names][common]") {
  std::vector<NameRecord> records = Corpus();
  records.push_back(Record("saleh", "SALEH, Ahmed Ali", "person"));
  records.push_back(Record("hernandez", "HERNANDEZ GARCIA, Javier", "person"));
  records.push_back(Record("savelyev", "SAVELYEV, Dmitry Ivanovich", "person"));
  records.push_back(Record("ivanova", "IVANOVA, Yekaterina", "person"));
  records.push_back(Record("yusuf", "YUSUF, Mohammed Karim", "person"));
  records.push_back(Record("karimi", "KARIMI, Ahmed Hassan", "person"));
  records.push_back(Record("petrov", "PETROV, Thomas", "person"));
  records.push_back(Record("schmitt", "SCHMITT, Stephen", "person"));
  auto index = BuildIndex(records);
  const double threshold = index->options().threshold;
  auto aligned = [&](const std::string& query, const std::string& entry, const std::string& word) {
    NameQuery q;
    q.name = query;
    NameMatch match = Find(*index, q, entry);
    for (const TokenAlignment& a : match.explanation.aligned) {
      if (a.candidate_words == word) return a.similarity;
    }
    return -1.0;
  };
  CHECK(aligned("Ahmed Ali Salem", "saleh", "saleh") <= 0.5);
  CHECK(EntryScore(*index, "Ahmed Ali Salem", "saleh") < threshold);
  CHECK(aligned("Javier Fernández García", "hernandez", "hernandez") <= 0.5);
  CHECK(EntryScore(*index, "Javier Fernández García", "hernandez") < threshold);
  CHECK(EntryScore(*index, "VASILYEV Dmitriy Ivanovich", "savelyev") < threshold);
  // One name spelled two ways still matches: a y or a vowel more (one consonant skeleton), a
  // doubled letter, a misspelling of a listed name.
  CHECK(EntryScore(*index, "Ahmed Ali Saleh", "saleh") >= threshold);
  CHECK(EntryScore(*index, "Ekaterina Ivanova", "ivanova") >= threshold);
  CHECK(EntryScore(*index, "Yousef Mohamed Kareem", "yusuf") >= threshold);
  CHECK(EntryScore(*index, "Dmitri Ivanovich Saveliev", "savelyev") >= threshold);
  CHECK(EntryScore(*index, "Javier Hernandes Garcia", "hernandez") >= threshold);
  // Consonants that Latin spellings of one name differ in: a voiced or voiceless final, an h
  // after a consonant, ph as v (each capped at 0.5 by a first version of the rule).
  CHECK(EntryScore(*index, "Ahmet Hassan Karimi", "karimi") >= threshold);
  CHECK(aligned("Tomas Petrov", "petrov", "thomas") > 0.5);
  CHECK(aligned("Steven Schmidt", "schmitt", "schmitt") > 0.5);
  CHECK(aligned("Steven Schmidt", "schmitt", "stephen") > 0.5);
}

// docs/matching.md, "Token similarity": a common name and a word that is it with one consonant put
// for another, one that spellings of a name do not exchange, are two names: the common name is far
// likelier than a slip of the keys for the rarer listed word. Before, "Mohamed Ahmed Khalil"
// scored 0.92 against KHALIQ, Muhammad Ahmed and "Abolfazl Jafari" 0.91 against JABARI, Abolfazl
// (random names of the precision sets). Consonants one name's spellings exchange (s / z, q / g,
// a voiced or voiceless final) and vowels still spell one name; so does a family name one letter
// from a common one by such a letter (ALVAREZ / ALVARES).
TEST_CASE("A common name with one consonant put for another is another name", "[names][common]") {
  std::vector<NameRecord> records = Corpus();
  records.push_back(Record("khaliq", "KHALIQ, Muhammad Ahmed", "person"));
  records.push_back(Record("jabari", "JABARI, Abolfazl", "person"));
  records.push_back(Record("nasir", "KHAN, Nasir Ali", "person"));
  records.push_back(Record("loera", "GUZMAN LOERA, Joaquin", "person"));
  records.push_back(Record("gonzalez", "ZEVALLOS GONZALEZ, Fernando", "person"));
  records.push_back(Record("alvares", "ALVARES, Carlos", "person"));
  records.push_back(Record("arbash", "ARBASH, Yusuf", "person"));
  records.push_back(Record("fettar", "FETTAR, Rachid", "person"));
  records.push_back(Record("musa", "MUSA, Abdurrahman Ado", "person"));
  records.push_back(Record("alali", "AL-'ALI, Hamid 'Abdallah", "person"));
  auto index = BuildIndex(records);
  const double threshold = index->options().threshold;
  CHECK(EntryScore(*index, "Mohamed Ahmed Khalil", "khaliq") < threshold);
  CHECK(EntryScore(*index, "Abolfazl Jafari", "jabari") < threshold);
  CHECK(EntryScore(*index, "Muhammad Ahmed Khaliq", "khaliq") >= threshold);
  CHECK(EntryScore(*index, "Abolfazl Jabbari", "jabari") >= threshold);
  CHECK(EntryScore(*index, "Nazir Ali Khan", "nasir") >= threshold);
  CHECK(EntryScore(*index, "Joaguin Guzman Loera", "loera") >= threshold);
  CHECK(EntryScore(*index, "Fernando Zevallos Gonzales", "gonzalez") >= threshold);
  CHECK(EntryScore(*index, "Carlos Alvarez", "alvares") >= threshold);
  // Found by a review of the first version, which capped these: a rare query word one consonant
  // from a common listed name (YUSUP for YUSUF), sh and ch for one letter (RASHID / RACHID), the
  // article's l written as the sun letter it meets (ABDULRAHMAN / ABDURRAHMAN).
  CHECK(EntryScore(*index, "Yusup Arbash", "arbash") >= threshold);
  CHECK(EntryScore(*index, "Rashid Fettar", "fettar") >= threshold);
  CHECK(EntryScore(*index, "Abdulrahman Ado Musa", "musa") >= threshold);
  CHECK(!OneConsonantReplaced("rashid", "rachid"));
  CHECK(!OneConsonantReplaced("abdulrahman", "abdurrahman"));
  CHECK(OneConsonantReplaced("khalil", "khaliq"));
  CHECK(OneConsonantReplaced("jafari", "jabari"));
  CHECK(!OneConsonantReplaced("nasir", "nazir"));
  CHECK(!OneConsonantReplaced("alvarez", "alvares"));
  CHECK(!OneConsonantReplaced("hamid", "hamed"));  // a vowel
  // Since 2026-12-04 with vowels changed too: "Khaled Mohamed Ahmed" alerted on Muhammad Ahmed
  // Khaliq (UN) at 0.89 in two of the three 20,000-name precision sets.
  CHECK(OneConsonantReplaced("khaled", "khaliq"));
  CHECK(!OneConsonantReplaced("rashed", "rachid"));
  CHECK(EntryScore(*index, "Khaled Mohamed Ahmed", "khaliq") < threshold);
  // And one beginning with a vowel, the other with a consonant (AHMED / HAMID: أحمد, حامد), since
  // 2026-12-04: "Ali Ahmed Abdullah" scored 0.86 against AL-'ALI, Hamid 'Abdallah on the lists.
  CHECK(EntryScore(*index, "Ali Ahmed Abdullah", "alali") < threshold);
  CHECK(EntryScore(*index, "Hamid Abdallah Al-Ali", "alali") >= threshold);
  CHECK(!OneConsonantReplaced("dmitry", "dzmitry"));  // a letter added
}

// docs/matching.md, "Abjad names" and "Titles": Iran's Supreme Leader, listed by OFAC as
// KHAMENEI, Ali Husseini, as the Persian press writes him (a silent final heh, a non-joining
// space, then the ending alef-yeh) read khamnhay with the heh a consonant h (0.55 against
// KHAMENEI); with the title Seyed before his name the title counted as a word of his own. The heh
// before that ending is a vowel, and a title the other name does not give weighs little, so the
// name scores about the same with or without it. On the real lists: names_lists_test.cc,
// "Khamenei is found as the Persian press and his title write him".
TEST_CASE("Khamenei as the Persian press writes him, with or without his title, is listed",
          "[names][abjad]") {
  std::vector<NameRecord> records = Corpus();
  records.push_back(Record("khamenei", "KHAMENEI, Ali Husseini", "person"));
  records.push_back(Record("musavi", "MUSAVI, Sayyed Javad", "person"));
  records.push_back(Record("karimian", "KARIMIAN, Mohammad Sadegh", "person"));
  records.push_back(Record("hajji", "HAJJI, Muhammad Fawzi", "person"));
  auto index = BuildIndex(records);
  const double threshold = index->options().threshold;
  const double plain = EntryScore(*index, "Ali Khamenei", "khamenei");
  CHECK(EntryScore(*index, "علی خامنه‌ای", "khamenei") >= plain - 0.06);
  // A title costs its small weight, far less than a word of a name (HAMID) would.
  const double titled = EntryScore(*index, "Seyed Ali Khamenei", "khamenei");
  CHECK(titled >= plain - 0.06);
  CHECK(titled > EntryScore(*index, "Hamid Ali Khamenei", "khamenei") + 0.05);
  CHECK(EntryScore(*index, "Sayyid Ali Khamenei", "khamenei") == titled);
  CHECK(EntryScore(*index, "سید علی خامنه‌ای", "khamenei") >= plain - 0.08);
  CHECK(EntryScore(*index, "علی خامنه ای", "khamenei") >= plain - 0.06);  // a space, not a ZWNJ
  CHECK(EntryScore(*index, "Javad Musavi", "musavi") >= threshold);
  // A title paired with an unrelated listed word (SEYED ~ SADEGH) is still a title left out; a
  // listed family name that spells a title is no title (HAJJI, Muhammad Fawzi); the h of a
  // digraph is no silent heh (a review of the first version).
  CHECK(EntryScore(*index, "Seyed Mohammad Karimian", "karimian") >=
        EntryScore(*index, "Mohammad Karimian", "karimian") - 0.06);
  CHECK(EntryScore(*index, "Muhammad Fawzi", "hajji") <
        EntryScore(*index, "Hajji Muhammad Fawzi", "hajji") - 0.05);
  NameMatch pair;
  REQUIRE(index->ScorePair("پاشای", "PASEI", &pair).ok());
  CHECK(pair.name_score < 0.8);
  REQUIRE(index->ScorePair("خامنه‌ای", "KHAMENEI", &pair).ok());
  CHECK(pair.name_score >= 0.9);
  REQUIRE(index->ScorePair("الهی", "ELAHI", &pair).ok());  // a final ی after a consonant h
  CHECK(pair.name_score >= 0.9);
  CHECK(IsNameTitle("seyed"));
  CHECK(IsNameTitle("syd"));
  CHECK(!IsNameTitle("said"));  // a given name, not the title sayyid
}

// docs/matching.md, "Common names, partial": two common words shared with a longer listed name are
// borne by thousands (MIKHAIL KUZMIN ~ KUZMIN, Mikhail Vladimirovich scored 0.90 and alerted on
// 1 in 50 random names of the precision set); the listed name in full, a rare word, or a listed
// name of only common words given in full still match.
TEST_CASE("Common given and family names shared with a longer name are weak evidence",
          "[names][common]") {
  std::vector<NameRecord> records = Corpus();
  records.push_back(Record("kuzmin", "KUZMIN, Mikhail Vladimirovich", "person"));
  records.push_back(Record("kuz2", "KUZNETSOV, Sergey", "person"));
  records.push_back(Record("putin", "PUTIN, Vladimir Vladimirovich", "person"));
  records.push_back(Record("khatib", "Mahmoud AL-KHATIB", "person"));
  records.push_back(Record("garcia", "GARCIA, Mikhail Vladimirovich", "person"));
  auto index = BuildIndex(records);
  CHECK(EntryScore(*index, "Mikhail Kuzmin", "kuzmin") < 0.8);
  // Since 2026-12-04 the rule needs the words common in one population: a Russian given name
  // with a Spanish family name is borne by few (IMAD ALVARADO, an Arab given name and a Latin
  // American family name, is a listed person).
  CHECK(EntryScore(*index, "Mikhail Garcia", "garcia") >= 0.8);
  CHECK((CommonPersonalNamePopulations(PhoneticKey("mikhail")) &
         CommonPersonalNamePopulations(PhoneticKey("garcia"))) == 0);
  CHECK((CommonPersonalNamePopulations(PhoneticKey("mikhail")) &
         CommonPersonalNamePopulations(PhoneticKey("kuzmin"))) != 0);
  CHECK(EntryScore(*index, "Mikhail Vladimirovich Kuzmin", "kuzmin") >= 0.9);
  CHECK(EntryScore(*index, "Mahmoud Ibrahim Al-Khatib", "khatib") < 0.8);  // the query's extra word
  CHECK(EntryScore(*index, "Mahmoud Al-Khatib", "khatib") >= 0.8);
  CHECK(EntryScore(*index, "Sergei Kuznetsov", "kuz2") >= 0.8);  // the listed name, spelt otherwise
  CHECK(EntryScore(*index, "Vladimir Putin", "putin") >= 0.8);   // PUTIN is not a common name
  // Feminine forms of common family names are common too; the table reaches past the rankings'
  // first dozen (KUZMIN is about the 35th Russian surname).
  CHECK(IsCommonPersonalName(PhoneticKey("kuznetsova")));
  CHECK(IsCommonPersonalName(PhoneticKey("kuzmin")));
  CHECK(!IsCommonPersonalName(PhoneticKey("putin")));
}

}  // namespace
}  // namespace corridor::names

namespace corridor::names {
namespace {

// docs/matching.md, "Name structure": a word with letters added is another name, however many
// (MOHAMMADREZA is not MOHAMMAD: until 2026-12-01 only one to three added letters counted, and
// "Mohammadreza Rostami" alerted on ROSTAMI, Mohammad at 0.94).
TEST_CASE("A name with a name appended is another name", "[names][structure]") {
  auto index = BuildIndex({});
  CHECK(PairScore(*index, "MOHAMMADREZA", "MOHAMMAD") <= 0.5);
  // Since 2026-12-05 an "Abd al-" compound is written ABD AL and its name (CanonicalAbdCompounds):
  // ABDULRAHMAN against ABDUL is then a name against its first two words, no nearer a match.
  CHECK(PairScore(*index, "ABDULRAHMAN", "ABDUL") < 0.65);
  CHECK(PairScore(*index, "ROSTAMI MOHAMMADREZA", "ROSTAMI, Mohammadreza") >= 0.85);
  // Since 2026-12-04: the family name Central Asia and Russia make of a given name ending in h
  // drops the h (ABDULLAEV, ABDULLAYEV of ABDULLAH); "Азиз Абдуллаев" alerted on AZIZ, Abdullah at
  // 0.87 in every 20,000-name precision set.
  CHECK(PairScore(*index, "ABDULLAEV", "ABDULLAH") <= 0.5);
  CHECK(PairScore(*index, "NASRULLAYEV", "NASRULLAH") <= 0.5);
  // Only the Russian endings: HAMIEAH / HAMIEH are one name (aliases of one SDN entry).
  CHECK(PairScore(*index, "HAMIEAH, Jamiel", "HAMIEH, Jamiel") >= 0.8);
  CHECK(PairScore(*index, "Азиз Абдуллаев", "AZIZ, Abdullah") < 0.8);
  // Uzbek and Tajik write Russian's a as o in family names: one name, whose given name made
  // common on 2026-12-04 (ALISHER) left "Alisher Usmanov" at 0.73 against USMONOV, Alisher.
  CHECK(PairScore(*index, "Alisher Usmanov", "USMONOV, Alisher") >= 0.8);
  CHECK(PairScore(*index, "RAKHMANOVA", "RAKHMONOVA") >= 0.85);
  CHECK(PairScore(*index, "KARIMOV", "KORIMOVA") <= 0.5);
  // A final h romanised or not is still one name (FATIMA / FATIMAH).
  CHECK(PairScore(*index, "FATIMA ZAHRA", "ZAHRA, Fatimah") >= 0.8);
}

// docs/matching.md, "Abd al- compounds in Latin script". Before 2026-12-05 the Latin spellings of
// one compound were different words: "Abdulaziz" scored 0 against Abd al-Aziz, "Abdel Rahman"
// 0.56 against Abd al-Rahman, "Abdul Rahman" 0.68 against ABDURRAHMAN.
TEST_CASE("Latin spellings of one Abd al- compound are one name", "[names][structure]") {
  auto index = BuildIndex({});
  CHECK(PairScore(*index, "Abdulaziz", "Abd al-Aziz") >= 0.9);
  CHECK(PairScore(*index, "Abdel Rahman", "Abd al-Rahman") >= 0.9);
  CHECK(PairScore(*index, "Abdul Rahman", "ABDURRAHMAN") >= 0.9);
  CHECK(PairScore(*index, "Abdirahman Yasin", "YASIN, Abdul Rahman") >= 0.9);
  CHECK(PairScore(*index, "Abdelkader Mokhtari", "MOKHTARI, Abd al-Qadir") >= 0.9);
  CHECK(PairScore(*index, "Ali Abdallah", "ABDULLAH, Ali") >= 0.85);
  // The name of a compound written as one word is not that name alone (ABDOLREZA is not REZA),
  // as when the compound was one word with letters added; written apart, its second word may be
  // a family name, and half the compound with its article (AL HADI) contradicts nothing.
  CHECK(PairScore(*index, "Reza Mousavi", "Seyyed Abdolreza MOUSAVI") < 0.6);
  CHECK(PairScore(*index, "Aziz Khan", "KHAN, Abdulaziz") < 0.6);
  CHECK(PairScore(*index, "Abdul Shahlai", "SHAHLAI, Abdul Reza") >= 0.8);
  CHECK(PairScore(*index, "Al Hadi Zarqun", "ZARQUN, Abd al Hadi") >= 0.8);
}

// docs/matching.md, "Compounds with the article run into one word". Before 2026-12-05 a compound
// run into one word was another word than the same compound written apart: "Sirajuddin Haqqani"
// scored 0.31 against Siraj al-Din HAQQANI, BADREDDINE, Mohammed 0.13 against BADR-AL-DIN,
// Muhammad (aliases of one SDN entry), "Ziaulhaq" 0 against ZIA UL HAQ.
TEST_CASE("A compound with the article run into one word is the compound written apart",
          "[names][structure]") {
  auto index = BuildIndex({});
  CHECK(PairScore(*index, "Sirajuddin Haqqani", "HAQQANI, Siraj al-Din") >= 0.9);
  CHECK(PairScore(*index, "BADREDDINE, Mohammed", "BADR-AL-DIN, Muhammad") >= 0.9);
  CHECK(PairScore(*index, "Ziaulhaq", "ZIA UL HAQ") >= 0.9);
  CHECK(PairScore(*index, "Saifulislam Gaddafi", "QADHAFI, Saif al-Islam") >= 0.85);
  CHECK(PairScore(*index, "Bahattin Ayan", "AYAN, Bahaddin") >= 0.9);
  // In Arabic script too (the UN lists نورالدین ترابی as NOORUDDIN TURABI); خالدين is no compound.
  CHECK(PairScore(*index, "نورالدین ترابی", "NOORUDDIN TURABI") >= 0.9);
  CHECK(PairScore(*index, "نورالدین ترابی", "Nur al-Din TURABI") >= 0.9);
  CHECK(PairScore(*index, "خالدين احمد", "KHALIDIN, Ahmad") >= 0.9);
  // Half of a compound run into one word is not the compound: SALAHUDDIN is not SALAH.
  CHECK(PairScore(*index, "Salah Ahmed", "AHMED, Salahuddin") < 0.6);
  CHECK(PairScore(*index, "Islam Karimov", "KARIMOV, Saifulislam") < 0.6);
}

// docs/matching.md, "Words written joined or apart". Before 2026-12-05 only words of up to six
// letters were joined, so a long first word kept Persian compound given names and Russian
// company names apart from their joined spelling (0.18-0.69), while a join that Jaro-Winkler put
// near a word made of its first part with an ending scored as that word (0.94).
TEST_CASE("A long word and a short one written apart are the word written joined",
          "[names][structure]") {
  auto index = BuildIndex({});
  CHECK(PairScore(*index, "Gazprom Bank", "GAZPROMBANK") >= 0.95);
  CHECK(PairScore(*index, "Promsvyaz Bank", "PROMSVYAZBANK PJSC") >= 0.9);
  CHECK(PairScore(*index, "Rosoboron Export", "ROSOBORONEXPORT") >= 0.95);
  CHECK(PairScore(*index, "Mohammad Reza Naqdi", "NAQDI, Mohammadreza") >= 0.95);
  CHECK(PairScore(*index, "Mohammadreza Naqdi", "NAQDI, Mohammad Reza") >= 0.95);
  CHECK(PairScore(*index, "Hossein Ali Khan", "KHAN, Hosseinali") >= 0.9);
  // The joined word's second part spelled otherwise, or run into the word (ZAKI-UR-REHMAN).
  CHECK(PairScore(*index, "ABDOLLAH-POUR, Mohammad", "ABDOLLAHPUR, Mohammad") >= 0.8);
  CHECK(PairScore(*index, "Zakir Rehman Lakvi", "ZAKI-UR-REHMAN LAKHVI") >= 0.9);
}

// docs/matching.md, "Patronymics given by one name only". Before 2026-12-05 a patronymic the
// other name did not give cost as much as a family name (KADYROV, Ramzan Akhmatovich against
// Ramzan KADYROV: 0.73), and Ukrainian and Belarusian patronymics were not patronymics, so they
// never met the Russian spelling of the same one (CHALIY, Aleksey Mykhaylovych: 0.57).
TEST_CASE("A patronymic the listed name leaves out costs half, Ukrainian and Belarusian ones count",
          "[names][family]") {
  auto index = BuildIndex({});
  CHECK(PairScore(*index, "KADYROV, Ramzan Akhmatovich", "Ramzan KADYROV") >= 0.8);
  CHECK(PairScore(*index, "SHAKUTA, Dzmitriy Viktaravich", "SHAKUTA, Dzmitry") >= 0.8);
  CHECK(PairScore(*index, "CHALIY, Aleksey Mykhaylovych", "CHALIY, Aleksei Mikhailovich") >= 0.9);
  CHECK(PairScore(*index, "BASOVA, Lidiya Oleksandrivna", "BASOVA, Lidia Aleksandrovna") >= 0.9);
  CHECK(PairScore(*index, "KOZENKO, Andrii Dmytrovych", "KOZENKO, Andrey Dmitrievich") >= 0.9);
  // Another patronymic is another father, in full as before.
  CHECK(PairScore(*index, "LEBEDEV, Vladimir Aleksandrovich", "LEBEDEV, Vladimir Albertovich") <
        0.7);
  CHECK(PairScore(*index, "KOVALENKO, Oleksandr Petrovych", "KOVALENKO, Oleksandr Ivanovych") <
        0.7);
}

// docs/matching.md, "Other vowels in a long word". Before 2026-12-05 Jaro-Winkler took a moved
// vowel for a transposition: DAGHMASH / DUGHMUSH scored 0.67 with the same given name.
TEST_CASE("A long word spelled with other vowels in one or two places is one name",
          "[names][structure]") {
  auto index = BuildIndex({});
  CHECK(PairScore(*index, "DAGHMASH, Mumtaz", "DUGHMUSH, Mumtaz") >= 0.85);
  CHECK(PairScore(*index, "SHAHADAH, Rafiq", "SHIHADAH, Rafiq") >= 0.85);
  CHECK(PairScore(*index, "BORMAHANI, Mohsen", "BARMAHANI, Mohsen") >= 0.85);
  CHECK(PairScore(*index, "MASLOV, Ivan Oleksandrovich", "MASLOV, Ivan Aleksandrovich") >= 0.85);
  // Fewer than five consonants: Jaro-Winkler decides as before (JAMIL and JAMAL are two names).
  CHECK(PairScore(*index, "Jamil Haddad", "Jamal Haddad") < 0.8);
}

TEST_CASE("A word that is a joined pair's first word with an ending is another name",
          "[names][structure]") {
  auto index = BuildIndex({});
  CHECK(PairScore(*index, "Hassan Ali Tehrani", "TEHRANI, Hassani") < 0.8);
  CHECK(PairScore(*index, "Ahmad Ali Hosseini", "HOSSEINI, Ahmadi") < 0.8);
  CHECK(PairScore(*index, "Rahim Ali Khan", "KHAN, Rahimi") < 0.8);
  CHECK(PairScore(*index, "Mohammad Ali Rezaei", "REZAEI, Mohammadi") < 0.8);
  CHECK(PairScore(*index, "Ibrahim Ali Musa", "MUSA, Ibrahimi") < 0.8);
}

}  // namespace
}  // namespace corridor::names

namespace corridor::names {
namespace {

// Since 2026-12-01 a query whose unmatched words alone could lift a record to the threshold (a
// long name with a country, at the screening threshold 0.6) no longer scores every record: a
// record in which nothing was found has candidate coverage at most 0.35 plus its legal forms'
// and initials' share. The search must still find what brute force finds, on the real lists,
// for long company names and persons with countries at 0.5 and 0.6.
TEST_CASE("Long names with a country find what brute force finds at low thresholds",
          "[names][reference][bound]") {
  std::string folder = reference::DataFolder();
  if (folder.empty()) {
    WARN(CORRIDOR_SKIP_MARK);
    return;
  }
  auto index = BuildIndex(reference::LoadAllLists(folder));
  std::mt19937 random(5);
  size_t brute_total = 0, found = 0, searched = 0;
  // Under the sanitizers 10 names, every 4th of the 40 (testing::SanitizerStride).
  const size_t names = 40 / testing::SanitizerStride(4);
  for (size_t r = 0; r < index->records().size() && searched < names;
       r += 331 * testing::SanitizerStride(4)) {
    const NameRecord& record = index->records()[r];
    if (std::count(record.name.begin(), record.name.end(), ' ') < 3) continue;  // 4+ words
    ++searched;
    NameQuery query;
    query.name = reference::Perturb(record.name, reference::Perturbation::kTypo,
                                    record.kind == "organization", &random);
    if (query.name.empty()) query.name = record.name;
    query.country = record.countries.empty() ? "KZ" : record.countries[0];
    for (double min_score : {0.5, 0.6}) {
      std::vector<NameMatch> indexed, brute;
      REQUIRE(index->Search(query, 1000, min_score, &indexed).ok());
      REQUIRE(SearchBruteForce(*index, query, 1000, min_score, &brute).ok());
      for (const NameMatch& b : brute) {
        ++brute_total;
        bool hit = false;
        for (const NameMatch& x : indexed) hit = hit || x.record == b.record;
        found += hit ? 1 : 0;
        if (!hit) UNSCOPED_INFO("missed " << b.record->name << " for " << query.name);
      }
    }
  }
  REQUIRE(searched == names);
  REQUIRE(brute_total * testing::SanitizerStride(4) > 40);
  WARN("long names with a country: " << found << " of " << brute_total << " brute-force matches");
  CHECK(double(found) / brute_total >= 0.97);
}

}  // namespace
}  // namespace corridor::names

namespace corridor::names {
namespace {

// docs/matching.md, "Name score": a sanctioned group's companies all bear its name, so the lists
// count GAZPROM on 40 entries and weigh it as a generic word. Until 2026-12-03 a party named
// GAZPROM scored 0.71 against the alias GAZPROM, and PUBLIC JOINT STOCK COMPANY GAZPROM 0.73
// against itself: an organisation's complete name did not find its own entry.
// docs/matching.md, "A listed company's name with a generic word added". Before 2026-12-05 a
// party named by a listed company's own name scored below 0.8 when the list added a generic word:
// "Huawei" 0.74 against HUAWEI TECHNOLOGIES CO., LTD., "VTB" 0.63 against VTB BANK.
TEST_CASE("A listed company's name with one or two generic words added is its complete name",
          "[names][structure]") {
  std::vector<NameRecord> records = Corpus();
  // A group's companies share its name, and BANK is as frequent as on the lists.
  for (int i = 0; i < 30; ++i) {
    records.push_back(Record("v" + std::to_string(i), "VTB CAPITAL " + std::to_string(i)));
    records.push_back(Record("b" + std::to_string(i), "BANK " + std::to_string(i) + "X"));
  }
  records.push_back(Record("vtb", "VTB BANK"));
  records.push_back(Record("huawei", "HUAWEI TECHNOLOGIES CO., LTD."));
  records.push_back(Record("sepah", "BANK SEPAH"));
  records.push_back(Record("suntac", "SUNTAC INTERNATIONAL TRADING COMPANY LIMITED"));
  records.push_back(Record("mir", "MIR BAKERY CONFECTIONERY WORKS", "organization"));
  records.push_back(Record("omar", "OMAR TRADING", "person"));
  auto index = BuildIndex(records);
  CHECK(EntryScore(*index, "VTB", "vtb") >= 0.8);
  CHECK(EntryScore(*index, "Huawei", "huawei") >= 0.8);
  CHECK(EntryScore(*index, "Sepah", "sepah") >= 0.8);
  CHECK(EntryScore(*index, "Suntac LLC", "suntac") >= 0.8);
  std::vector<NameMatch> found;
  REQUIRE(index->Search(Query("Huawei"), 10, 0.8, &found).ok());
  REQUIRE(found.size() == 1);
  CHECK(found[0].record->entry_id == "huawei");
  // A word the query adds is its own company, and words that are not generic stay the listed
  // name's: SEPAH INVESTMENT is not BANK SEPAH, MIR is not MIR BAKERY CONFECTIONERY WORKS.
  CHECK(EntryScore(*index, "Sepah Investment", "sepah") < 0.8);
  CHECK(EntryScore(*index, "Mir", "mir") < 0.8);
  // Persons keep the information rule.
  CHECK(EntryScore(*index, "Omar", "omar") < 0.8);
}

// A Chinese company's name begins with its administrative division (HANGZHOU HIKVISION DIGITAL
// TECHNOLOGY CO., LTD. on the Entity List), which officers leave out: before 2026-12-06
// "Hikvision" scored 0.68 against it and "Panda" 0.66 against NANJING PANDA ELECTRONICS COMPANY
// LIMITED.
TEST_CASE("A Chinese company's division before its trade name may be left out",
          "[names][structure]") {
  std::vector<NameRecord> records = Corpus();
  for (int i = 0; i < 20; ++i) {  // the divisions are as frequent as on the lists
    records.push_back(Record("n" + std::to_string(i), "NANJING UNIT " + std::to_string(i)));
    records.push_back(Record("h" + std::to_string(i), "HANGZHOU WORKS " + std::to_string(i)));
  }
  records.push_back(Record("hik", "HANGZHOU HIKVISION TECHNOLOGY CO., LTD."));
  records.push_back(Record("panda", "NANJING PANDA ELECTRONICS COMPANY LIMITED"));
  records.push_back(Record("bare", "NANJING PANDA"));
  // Microelectronics, aviation and aerospace are industry words too (2026-12-06; 0.69 before).
  records.push_back(Record("jingjia", "HANGZHOU JINGJIA MICROELECTRONICS COMPANY LIMITED"));
  records.push_back(Record("hongdu", "NANJING HONGDU AVIATION CO., LTD."));
  auto index = BuildIndex(records);
  CHECK(EntryScore(*index, "Jingjia", "jingjia") >= 0.8);
  CHECK(EntryScore(*index, "Hongdu", "hongdu") >= 0.8);
  CHECK(EntryScore(*index, "Hikvision", "hik") >= 0.8);
  CHECK(EntryScore(*index, "Panda", "panda") >= 0.8);
  // The name without its division is a variant of the query's, never its exact name.
  CHECK(EntryScore(*index, "Panda", "bare") <= 0.95);
  CHECK(EntryScore(*index, "Nanjing Panda", "bare") == Approx(1.0));
  // The division alone is not the name, and a word the query adds is its own.
  CHECK(EntryScore(*index, "Nanjing", "panda") < 0.8);
  CHECK(EntryScore(*index, "Panda Shipping", "panda") < 0.8);
}

// docs/matching.md, "Russian organisations' generic words": a Russian organisation's name in
// Russian (romanised or Cyrillic) and in English are one name, and the acronym of the Russian
// name still finds it. Before 2026-12-06 these scored 0 to 0.62 (the acronym 0.9, kept).
TEST_CASE("A Russian organisation's name in Russian and in English are one name",
          "[names][structure]") {
  std::vector<NameRecord> records = Corpus();
  for (int i = 0; i < 20; ++i) {  // banks are as frequent as on the lists
    records.push_back(Record("b" + std::to_string(i), "COMMERCIAL BANK " + std::to_string(i)));
  }
  records.push_back(Record("sber", "SBERBANK OF RUSSIA"));
  records.push_back(Record("uac", "OBEDINENNAYA AVIASTROITELNAYA KORPORATSIYA"));
  records.push_back(Record("cbr", "CENTRAL BANK OF THE RUSSIAN FEDERATION"));
  records.push_back(Record("rosneft", "NEFTYANAYA KOMPANIYA ROSNEFT"));
  records.push_back(Record("bzpp",
                           "AKTSIONERNOE OBSHCHESTVO BOLKHOVSKII ZAVOD POLUPROVODNIKOVYKH "
                           "PRIBOROV"));
  records.push_back(Record("novikom", "AKTSIONERNY KOMMERCHESKI BANK NOVIKOMBANK"));
  records.push_back(Record("rossiya", "BANK ROSSIYA"));
  auto index = BuildIndex(records);
  CHECK(EntryScore(*index, "Sberbank Rossii", "sber") >= 0.85);
  CHECK(EntryScore(*index, "ПАО Сбербанк России", "sber") >= 0.85);
  CHECK(EntryScore(*index, "United Aircraft Corporation", "uac") >= 0.95);
  CHECK(EntryScore(*index, "Объединённая авиастроительная корпорация", "uac") >= 0.95);
  CHECK(EntryScore(*index, "Центральный банк Российской Федерации", "cbr") >= 0.85);
  CHECK(EntryScore(*index, "Rosneft Oil Company", "rosneft") >= 0.9);
  CHECK(EntryScore(*index, "Novikombank", "novikom") >= 0.8);
  // The acronym is the Russian words' (Z for ZAVOD), not the English ones' (P for PLANT).
  CHECK(EntryScore(*index, "AO BZPP", "bzpp") >= 0.85);
  CHECK(EntryScore(*index, "AO BPPP", "bzpp") < 0.8);
  // BANK ROSSIYA is a bank's own name, not the Bank of Russia.
  CHECK(EntryScore(*index, "Bank of Russia", "rossiya") < 0.8);
}

// docs/matching.md, "Turkish companies' generic words". Before 2026-12-06 "Baslam Transport and
// Foreign Trade" scored 0.27 against BASLAM NAKLIYAT VE DIS TICARET LTD STI (an alias of one
// entry), "Anka Enerji Uretim San. ve Tic. A.S." 0.65 and "Som Petrol Tic. A.S." 0.56 against
// their entries' full Turkish names.
TEST_CASE("A Turkish company's name is one name in Turkish and English and abbreviated",
          "[names][structure]") {
  std::vector<NameRecord> records = Corpus();
  records.push_back(Record("baslam", "BASLAM NAKLIYAT VE DIS TICARET LTD STI"));
  records.push_back(Record("anka", "ANKA ENERJI URETIM SANAYI VE TICARET ANONIM SIRKETI"));
  records.push_back(Record("som", "SOM PETROL TICARET ANONIM SIRKETI"));
  records.push_back(Record("smart", "SMART ITHALAT IHRACAT DIS TICARET LIMITED SIRKETI"));
  records.push_back(Record("ozone", "OZONE HAVACILIK VE SAVUNMA SANAYI TICARET ANONIM SIRKETI"));
  records.push_back(Record("atlas", "ATLAS DOVIZ TICARETI A.S."));
  auto index = BuildIndex(records);
  CHECK(EntryScore(*index, "Baslam Transport and Foreign Trade", "baslam") >= 0.9);
  CHECK(EntryScore(*index, "Anka Enerji Uretim San. ve Tic. A.S.", "anka") >= 0.85);
  CHECK(EntryScore(*index, "Som Petrol Tic. A.Ş.", "som") >= 0.8);
  CHECK(EntryScore(*index, "Smart Import Export Foreign Trade Limited Company", "smart") >= 0.9);
  CHECK(EntryScore(*index, "Ozone Aviation and Defense Industry Inc.", "ozone") >= 0.9);
  CHECK(EntryScore(*index, "Ozone Havacilik ve Savunma San. Tic. AS", "ozone") >= 0.85);
  CHECK(EntryScore(*index, "Atlas Doviz", "atlas") >= 0.8);
  // Two forms of one name read each word alike (a helper's review of the first version: SOM
  // PETROL TIC 0.93 -> 0.67 against SOM PETROL TIC. A.S., ASLAN VE OGULLARI LTD 0.90 -> 0.79).
  CHECK(PairScore(*index, "Som Petrol Tic", "Som Petrol Tic. A.S.") >= 0.9);
  CHECK(PairScore(*index, "Aslan ve Ogullari Ltd", "Aslan ve Ogullari A.S.") >= 0.85);
  CHECK(PairScore(*index, "IC Group Ltd", "IC Group Limited") >= 0.9);
  CHECK(PairScore(*index, "San Marco", "San Marco AS") >= 0.85);
  CHECK(PairScore(*index, "Macpar Makina", "Macpar Makina San ve Tic A.S.") >= 0.75);
  // A second review: SAN abbreviated before a form, IC before DIS without VE.
  CHECK(PairScore(*index, "Abc Makina San. A.S.", "Abc Makina Sanayi A.S.") >= 0.95);
  CHECK(PairScore(*index, "Asay Ic Dis Ticaret Ltd Sti", "Asay Ic ve Dis Ticaret Ltd Sti") >= 0.9);
  // The company's own word still decides: another company of the same trades is not it.
  CHECK(EntryScore(*index, "Kuzey Transport and Foreign Trade", "baslam") < 0.8);
  CHECK(EntryScore(*index, "Anka Gida Sanayi ve Ticaret A.S.", "anka") < 0.8);
  CheckIndexEqualsBruteForce(*index,
                             {"Baslam Transport and Foreign Trade", "Som Petrol Tic. A.S.",
                              "Anka Enerji San. ve Tic. Ltd. Sti.", "Atlas Doviz"},
                             0.5);
}

// docs/matching.md, "Ordinals".
TEST_CASE("A unit named by an ordinal is found by its number", "[names][structure]") {
  std::vector<NameRecord> records = Corpus();
  records.push_back(Record("lid", "66TH LIGHT INFANTRY DIVISION"));
  records.push_back(Record("arp", "JSC 558TH AIRCRAFT REPAIR PLANT"));
  auto index = BuildIndex(records);
  CHECK(EntryScore(*index, "Light Infantry Division 66", "lid") >= 0.9);
  CHECK(EntryScore(*index, "JSC 558 Aircraft Repair Plant", "arp") >= 0.9);
  // Numbers still match exactly.
  CHECK(EntryScore(*index, "JSC 559 Aircraft Repair Plant", "arp") < 0.8);
}

// docs/matching.md, "Kinds of Russian organisation": the abbreviation, the Russian and the English
// of a kind are one token, which weighs more than a legal form and less than a name's own word.
TEST_CASE("A Russian organisation's kind matches however it is written", "[names][structure]") {
  std::vector<NameRecord> records = Corpus();
  records.push_back(
      Record("topaz", "CLOSED JOINT-STOCK COMPANY SCIENTIFIC PRODUCTION ENTERPRISE TOPAZ"));
  records.push_back(Record("fakel", "JOINT STOCK COMPANY EXPERIMENTAL DESIGN BUREAU FAKEL"));
  records.push_back(Record("splav",
                           "OTKRYTOE AKTSIONERNOE OBSHCHESTVO NAUCHNO-PROIZVODSTVENNOE OBEDINENIE "
                           "SPLAV"));
  records.push_back(Record("nstri", "NUCLEAR SCIENCE AND TECHNOLOGY RESEARCH INSTITUTE"));
  records.push_back(Record("kbm", "JOINT STOCK COMPANY MACHINE BUILDING DESIGN BUREAU"));
  records.push_back(Record("vpk", "LIMITED LIABILITY COMPANY MILITARY INDUSTRIAL COMPANY"));
  auto index = BuildIndex(records);
  CHECK(EntryScore(*index, "AO NPP Topaz", "topaz") >= 0.9);
  CHECK(EntryScore(*index, "АО «ОКБ «Факел»", "fakel") >= 0.9);
  CHECK(EntryScore(*index, "NPO Splav, OAO", "splav") >= 0.9);
  CHECK(EntryScore(*index, "Scientific Production Association Splav", "splav") >= 0.9);
  // A kind's words give an acronym its letters (R and I).
  CHECK(EntryScore(*index, "NSTRI", "nstri") >= 0.85);
  // A kind is what tells a design bureau from a plant of the same trade.
  CHECK(EntryScore(*index, "Arzamas Machine Building Plant JSC", "kbm") < 0.8);
  // A listed name of kinds only is indexed as its words.
  CHECK(EntryScore(*index, "Military Industrial Company LLC", "vpk") >= 0.95);
  // A listed name's kind the query leaves out counts against it (review of the first version:
  // "Lines Limited" met KB LINES LIMITED at 0.91, "Vostochny Design Bureau" PJSC KB VOSTOCHNY at
  // 0.99); a party's name may add its kind, as it may add a legal form (names_lists_test.cc).
  records.push_back(Record("kblines", "KB LINES LIMITED"));
  records.push_back(Record("vostochny", "PJSC KB VOSTOCHNY"));
  index = BuildIndex(records);
  CHECK(EntryScore(*index, "Lines Limited", "kblines") < 0.8);
  CHECK(EntryScore(*index, "Vostochny Design Bureau", "vostochny") < 0.8);
}

// From the review of the first version (2026-12-06): two words two edits apart are two words,
// a person's name is read as written, a short spelling still meets its translated form, and
// KORPORATSIYA, a legal form, keeps its letter in a Russian acronym.
TEST_CASE("Russian generic words are read in English only where they are such words",
          "[names][structure]") {
  std::vector<NameRecord> records = Corpus();
  records.push_back(Record("space", "ROSSIYSKIYE KOSMICHESKIYE SISTEMY"));
  records.push_back(Record("fonda", "FONDA, Peter", "person"));
  records.push_back(Record("rossinsky", "ROSSINSKY, Alexander", "person"));
  records.push_back(Record("sber", "SBERBANK ROSSII"));
  records.push_back(Record("ktrv",
                           "AKTSIONERNOE OBSCHESTVO KORPORATSIYA TAKTICHESKOE RAKETNOE "
                           "VOORUZHENIE"));
  records.push_back(Record("konvoi",
                           "OBSHCHESTVO S OGRANICHENNOI OTVETSTVENNOSTYU VOENNO "
                           "OKHRANNAIA KOMPANIIA KONVOI"));
  auto index = BuildIndex(records);
  // KOSMICHESKIYE (space) is two edits from KOMMERCHESKIYE (commercial): the first version
  // read it as COMMERCIAL, and "Russian Commercial Systems" found the space company at 1.00.
  CHECK(EntryScore(*index, "Russian Commercial Systems", "space") < 0.8);
  CHECK(EntryScore(*index, "Российские космические системы", "space") >= 0.9);
  auto person = [&](const std::string& name, const std::string& entry) {
    NameQuery query;
    query.name = name;
    query.kind = "person";
    return Find(*index, query, entry).score;
  };
  CHECK(person("Peter Fond", "fonda") < 0.8);                    // FOND read as FUND: 0.96
  CHECK(person("Alexander Rossinskiy", "rossinsky") >= 0.95);    // as RUSSIAN: 0.59
  CHECK(EntryScore(*index, "Sberbank Rossiy", "sber") >= 0.95);  // 0.67
  CHECK(EntryScore(*index, "Sberbank Rosii", "sber") >= 0.95);
  CHECK(EntryScore(*index, "KTRV", "ktrv") >= 0.85);  // 0 when the form gave no letter
  // BGN writes военно as VOYENNO: it is VOENNO's MILITARY too.
  CHECK(EntryScore(*index, "ООО Военно-охранная компания Конвой", "konvoi") >= 0.9);
}

// docs/matching.md, "A long word spelled otherwise in an organisation's name". Before
// 2026-12-05 "Hezbollah" scored 0.73 against HIZBALLAH and found nothing at 0.8 on the lists,
// SURGUTNEFTEGAZ 0.78 against its own alias SURGUTNEFTEGAS.
TEST_CASE("A long word spelled otherwise still makes an organisation's complete name",
          "[names][structure]") {
  std::vector<NameRecord> records = Corpus();
  // The lists name the group's fronts after it, so its word is a frequent one.
  for (int i = 0; i < 20; ++i) {
    records.push_back(Record("h" + std::to_string(i), "HEZBOLLAH UNIT " + std::to_string(i)));
  }
  records.push_back(Record("hizballah", "HIZBALLAH"));
  records.push_back(Record("surgut", "SURGUTNEFTEGAS"));
  records.push_back(Record("sadra", "SADRA"));
  auto index = BuildIndex(records);
  CHECK(EntryScore(*index, "Hezbollah", "hizballah") >= 0.85);
  CHECK(EntryScore(*index, "Surgutneftegaz OAO", "surgut") >= 0.85);
  std::vector<NameMatch> found;
  REQUIRE(index->Search(Query("Hezbollah"), 30, 0.8, &found).ok());
  bool hizballah = false;
  for (const NameMatch& m : found) hizballah = hizballah || m.record->entry_id == "hizballah";
  CHECK(hizballah);
  // A short word must be spelled as listed: SADRE is not SADRA's complete name.
  CHECK(EntryScore(*index, "Sadre", "sadra") < 0.8);
}

TEST_CASE("An organisation's complete name matches however many entries share its words",
          "[names][structure]") {
  std::vector<NameRecord> records = Corpus();
  const char* parts[] = {"ka", "ro", "mi", "tu", "se", "van", "dor", "pel"};
  for (int i = 0; i < 40; ++i) {
    std::string word = std::string(parts[i % 8]) + parts[(i / 8) % 8] + "neft";
    records.push_back(Record("g" + std::to_string(i), "GAZPROM " + word + " LLC"));
    records.push_back(Record("m" + std::to_string(i), "MECHTA " + word, ""));
    records.push_back(Record("o" + std::to_string(i), "OMAR " + word, "person"));
  }
  records.push_back(Record("gazprom", "PUBLIC JOINT STOCK COMPANY GAZPROM"));
  records.push_back(Record("mechta-llc", "MECHTA LLC", ""));  // kind unknown, a legal form
  records.push_back(Record("mechta", "MECHTA", ""));          // kind unknown, no legal form
  records.push_back(Record("omar", "OMAR", "person"));
  // Of unknown kind with a short form read only at an edge (AO is also 敖): not an organisation.
  for (int i = 0; i < 40; ++i) {
    records.push_back(
        Record("t" + std::to_string(i) + "x", "TESLENKO VICH" + std::to_string(i), ""));
  }
  records.push_back(Record("teslenko", "TESLENKO AO", ""));
  // Words that are the English of Chinese companies' generic words are not distinctive.
  for (int i = 0; i < 80; ++i) {
    records.push_back(Record("c" + std::to_string(i), "CHINA ELECTRONICS TEK" + std::to_string(i)));
  }
  records.push_back(Record("cec", "CHINA ELECTRONICS LLC"));
  records.push_back(Record("ocean", "OCEAN", "vessel"));
  for (int i = 0; i < 40; ++i) {
    records.push_back(Record("ocean" + std::to_string(i), "OCEAN " + std::to_string(i)));
  }
  auto index = BuildIndex(records);
  // The complete name, with or without a legal form, in any order of form and name.
  CHECK(EntryScore(*index, "Gazprom", "gazprom") >= 0.9);
  CHECK(EntryScore(*index, "Gazprom PJSC", "gazprom") >= 0.9);
  CHECK(EntryScore(*index, "OOO Gazprom", "gazprom") >= 0.9);
  CHECK(EntryScore(*index, "Public Joint Stock Company Gazprom", "gazprom") >= 0.9);
  // Found by the index at the threshold (its candidate bound allows for the rule).
  std::vector<NameMatch> found;
  REQUIRE(index->Search(Query("Gazprom"), 10, 0.8, &found).ok());
  REQUIRE(found.size() == 1);
  CHECK(found[0].record->entry_id == "gazprom");
  // score-pairs: an organisation by its kind or, of unknown kind, by its legal form.
  CHECK(PairScore(*index, "Gazprom", "PUBLIC JOINT STOCK COMPANY GAZPROM") >= 0.9);
  CHECK(PairScore(*index, "Gazprom", "GAZPROM") < 0.8);
  NameMatch pair;
  REQUIRE(index->ScorePair("Gazprom", "GAZPROM", &pair, "organization").ok());
  CHECK(pair.score >= 0.9);
  CHECK(EntryScore(*index, "Mechta", "mechta-llc") >= 0.9);
  // Not the complete name: a word of its own (another company of the name), a spelling.
  CHECK(EntryScore(*index, "Gazprom Bureniye", "gazprom") < 0.8);
  CHECK(EntryScore(*index, "Gasprom", "gazprom") < 0.8);
  // Not an organisation: a person's one given name, a record of unknown kind without a legal
  // form, a vessel; nor a name of generic words only (TRADING).
  CHECK(EntryScore(*index, "Omar", "omar") < 0.8);
  CHECK(EntryScore(*index, "Mechta", "mechta") < 0.8);
  CHECK(EntryScore(*index, "Ocean", "ocean") < 0.8);
  CHECK(EntryScore(*index, "Trading", "trading") < 0.8);
  CHECK(EntryScore(*index, "Teslenko", "teslenko") < 0.8);
  CHECK(EntryScore(*index, "China Electronics", "cec") < 0.8);
}

// docs/matching.md, "Name structure": a name none of whose words is spelled as listed is scaled
// down as a near miss (SANDRA QUINTERO ~ SADRA CENTER), but not when every word is the listed
// word romanised otherwise (one phonetic key or learned variant). Before 2026-12-03 SERGEY SHOYGU
// scored 0.69 against SHOIGU, Sergei Kuzhugetovich.
TEST_CASE("A name spelled otherwise in every word is the listed name and a near miss is not",
          "[names][structure]") {
  std::vector<NameRecord> records = Corpus();
  records.push_back(Record("shoigu", "SHOIGU, Sergei Kuzhugetovich", "person"));
  records.push_back(Record("kuzin", "KUZIN, Alexander", "person"));
  records.push_back(Record("sadra", "SADRA CENTER"));
  auto index = BuildIndex(records);
  CHECK(EntryScore(*index, "Sergey Shoygu", "shoigu") >= 0.8);
  CHECK(EntryScore(*index, "Sergei Shoigu", "shoigu") >= 0.8);
  // One word a near miss (KUZMIN / KUZIN), the other a variant: still scaled.
  CHECK(EntryScore(*index, "Aleksandr Kuzmin", "kuzin") <
        EntryScore(*index, "Aleksandr Kuzin", "kuzin") * 0.9);
  CHECK(EntryScore(*index, "Sandra Quintero", "sadra") < 0.8);
}

// Kazakh, Kyrgyz, Uzbek and Azerbaijani documents write the father's name with "son of" or
// "daughter of" (-ұлы, уулу, ўғли, oglu; қызы, қизи) where Russian documents and the lists write
// a patronymic; Tajik and Uzbek letters (ҳ, ҷ, ӣ, ӯ) that neither BGN table knows were dropped,
// splitting words. Pairs of a helper's probe set (2026-12-07): 0.48-0.63 before.
TEST_CASE("Central Asian patronymics and letters read as Russian documents write them",
          "[names][structure]") {
  auto index = BuildIndex(Corpus());
  CHECK(PairScore(*index, "Касенов Әділет Жақыпұлы", "KASENOV, Adilet Zhakypovich") >= 0.9);
  CHECK(PairScore(*index, "Әділет Жақыпұлы Касенов", "KASENOV, Adilet Zhakypovich") >= 0.9);
  CHECK(PairScore(*index, "Камчыбек Асанбек уулу Колбаев", "KOLBAYEV, Kamchybek Asanbekovich") >=
        0.9);
  CHECK(PairScore(*index, "Нарзиева Насиба Эркин қизи", "NARZIEVA, Nasiba Erkinovna") >= 0.9);
  CHECK(PairScore(*index, "Садиқов Олимжон Адҳам ўғли", "SADIKOV, Olimzhon Adkhamovich") >= 0.9);
  CHECK(PairScore(*index, "Sadikov Olimjon Adham o'g'li", "SADIKOV, Olimzhon Adkhamovich") >= 0.8);
  // Not Azerbaijani OGLU, which the lists write as a word (ASLANOV, Dzheykhun Nasimi Ogly), nor a
  // Kazakh -ULY taken as a family name in a name of two words.
  CHECK(PairScore(*index, "Dzheykhun Nasimi Oglu Aslanov", "ASLANOV, Dzheykhun Nasimi Ogly") >=
        0.9);
  CHECK(PairScore(*index, "Nurlan Zhakypuly", "ZHAKYPOV, Nurlan") >= 0.8);
  CHECK(PairScore(*index, "Ҳалимов Гулмурод", "KHALIMOV, Gulmurod") >= 0.95);
  CHECK(PairScore(*index, "Сафаров Ҷамшед Раҳимович", "SAFAROV, Dzhamshed Rakhimovich") >= 0.9);
  CHECK(PairScore(*index, "Раҳмон Эмомалӣ", "RAKHMON, Emomali") >= 0.95);
  // Another father is another person, as with Russian patronymics.
  CHECK(PairScore(*index, "Касенов Әділет Серікұлы", "KASENOV, Adilet Zhakypovich") < 0.8);
  CHECK(PairScore(*index, "Нарзиева Насиба Анвар қизи", "NARZIEVA, Nasiba Erkinovna") < 0.8);
  // A separate ҰЛЫ is "great" (ҰЛЫ ДАЛА, the Great Steppe), not "son of": it stays a word.
  std::vector<std::string> words;
  REQUIRE(index->QueryWords("Ұлы Дала ЖШС", &words).ok());
  CHECK(std::find(words.begin(), words.end(), "uly") != words.end());
}

// Persian writes ق and غ alike, gh in Latin (HAGHIGHIAN), so the consonant skeleton reads gh as
// q: HAGHIGHIAN's skeleton was a letter longer than حقیقیان's and failed the lengths test (0.33 for
// the name in full before 2026-12-07). An -AN or -IN that ends a Latin word is no article (JAVIDAN
// is not جاوید, JAVID), ENGINEER is a title, and a nasab's BIN left out costs nothing.
TEST_CASE("Persian gh meets its abjad letters and a Persian -AN is no article", "[names][abjad]") {
  auto index = BuildIndex(Corpus());
  CHECK(PairScore(*index, "حسین آقاجانی", "AGHAJANI, Hosein") >= 0.85);
  CHECK(PairScore(*index, "محمد حسین حقیقیان", "HAGHIGHIAN, Mohammad Hossein") >= 0.8);
  CHECK(PairScore(*index, "علی جاوید", "JAVIDAN, Ali Akbar") < 0.8);
  CHECK(PairScore(*index, "علی جاوید", "JAVID, Ali") >= 0.9);
  CHECK(PairScore(*index, "عبد الحكيم", "ABDUL HAKIM") >= 0.9);
  // Only -AN and -IN: ANSARUL, BILADIS and AHLIS carry the next word's article (a review).
  CHECK(PairScore(*index, "زين العابدين", "ZAINAL ABIDIN") >= 0.85);
  CHECK(PairScore(*index, "أهل السنة", "AHLIS SUNNA") >= 0.85);
  // Arabic غ is not ق: GHARIB is not قريب (QARIB), nor غنی KANI.
  CHECK(PairScore(*index, "محمد غريب", "MOHAMMED QARIB") < 0.8);
  CHECK(PairScore(*index, "Engineer Gulbuddin Hekmatyar", "HEKMATYAR, Gulbuddin") >= 0.8);
  // A nasab's BIN left out by the other name costs nothing (0.76 before 2026-12-07) when it gives
  // the words beside it; a Chinese given name's BIN counts.
  CHECK(PairScore(*index, "Omar bin Sabawi bin Ibrahim al-Tikriti",
                  "OMAR SABAWI IBRAHIM HASAN AL-TIKRITI") >= 0.8);
  CHECK(PairScore(*index, "Li Bin Yi", "LI, Yi") < 0.8);
  CHECK(PairScore(*index, "Chen Bin Dong", "CHEN, Dong") < 0.8);
}

// A branch's place after a bank's name is the bank (payment messages name the branch): BRANCH and
// the word beside it at the name's end weigh as a title. 0.62-0.69 before 2026-12-07 (a helper's
// probe set). A number beside BRANCH names the branch and counts in full.
TEST_CASE("A branch and its place after an organisation's name weigh little",
          "[names][structure]") {
  auto index = BuildIndex(Corpus());
  CHECK(PairScore(*index, "Bank Melli Iran (Hamburg Branch)", "BANK MELLI IRAN") >= 0.9);
  CHECK(PairScore(*index, "VTB Bank PJSC Shanghai Branch", "VTB BANK PJSC") >= 0.85);
  CHECK(PairScore(*index, "Bank Sepah Branch Dubai", "BANK SEPAH") >= 0.85);
  CHECK(PairScore(*index, "BANK MELLI IRAN HAMBURG BRANCH", "Bank Melli Iran") >= 0.85);
  // Not the bank's own words, nor a numbered branch, nor a name of two words and the branch.
  CHECK(PairScore(*index, "Iran Hamburg Branch", "BANK MELLI IRAN") < 0.8);
  CHECK(PairScore(*index, "Military Intelligence Branch 215", "MILITARY INTELLIGENCE BRANCH 235") <
        0.8);
  CHECK(PairScore(*index, "Sepah Dubai Branch", "BANK SEPAH") < 0.8);
}

// Two common given names that are not one name spelled two ways give no evidence of one person:
// a listed brother's name (0.91 before 2026-12-07) and a wrong given name (0.84, more than no
// given name at all) alerted. One name's spellings still meet (DJAMEL and JAMAL, French dj).
TEST_CASE("Two different common names are no evidence of one person", "[names][structure]") {
  auto index = BuildIndex(Corpus());
  CHECK(PairScore(*index, "Kamal Mustafa Abdallah Sultan al-Tikriti",
                  "JAMAL MUSTAFA ABDALLAH SULTAN AL-TIKRITI") < 0.8);
  CHECK(PairScore(*index, "Walid Qaddour", "QADDOUR, Khalid") < 0.8);
  CHECK(PairScore(*index, "Walid Qaddour", "QADDOUR, Khalid") <=
        PairScore(*index, "Qaddour", "QADDOUR, Khalid"));
  CHECK(PairScore(*index, "Jamal Lounici", "DJAMEL LOUNICI") >= 0.8);
  CHECK(PairScore(*index, "Yousef Kareem", "YUSUF, Karim") >= 0.8);
  // With one first letter they may be one name's spellings (a review of the first version).
  CHECK(PairScore(*index, "Sarah Lvovna Shor", "SHOR, Sara Lvovna") >= 0.8);
  // A common wrong spelling of a listed given name still aligns (Mohamad for MUHAMMAD).
  CHECK(PairScore(*index, "Mohamad Barzan Ibrahim al-Tikriti",
                  "AL-TIKRITI, Muhammad Barzan Ibrahim") >= 0.9);
}

// A Hispanic mother's family name left out (Juan Carlos Duran for DURAN NUNEZ, Juan Carlos) costs
// half its weight, as a patronymic does, when the query gives the father's family name before it
// and three names in all (0.73-0.78 before 2026-12-07); a given name and a family name alone stay
// below an alert, being thousands of people.
TEST_CASE("A Hispanic mother's family name left out costs half", "[names][structure]") {
  auto index = BuildIndex(Corpus());
  // As score-pairs scores a pair whose kind is person: the listed name's structure is read.
  auto person = [&](const std::string& query, const std::string& listed) {
    NameMatch match;
    REQUIRE(index->ScorePair(query, listed, &match, "person").ok());
    return match.score;
  };
  CHECK(person("Juan Carlos Durán", "DURAN NUNEZ, Juan Carlos") >= 0.9);
  CHECK(person("Carlos Enrique González", "GONZALEZ HOYOS, Carlos Enrique") >= 0.9);
  CHECK(person("Juan Jose Mendoza", "MENDOZA JOVER, Juan Jose") >= 0.85);
  // The father's family name left out is another family's name; another mother's name counts.
  CHECK(person("Juan Carlos Nunez", "DURAN NUNEZ, Juan Carlos") < 0.8);
  CHECK(person("Juan Carlos Duran Perez", "DURAN NUNEZ, Juan Carlos") < 0.8);
  CHECK(person("Jose Rodriguez", "RODRIGUEZ GOMEZ, Jose Luis") < 0.8);
  // Not two family words whose first is no Latin family name (AL-KHATIB HASSAN, Omar Ali).
  CHECK(person("Omar Ali Khatib", "KHATIB HASSAN, Omar Ali") <
        person("Juan Jose Mendoza", "MENDOZA JOVER, Juan Jose"));
}

}  // namespace

// docs/matching.md, "What the index promises": the bound of a record whose published facts conflict
// with the query's adds what they give (Corroborate, negative), not the most the query's facts
// could add. A party's country and birth date
// (+0.15 at most) made every listed name holding one of its common words a candidate: "Azamat
// Abdykadyrov" (ABD AL KADYROV) of Kyrgyzstan scored every ABD AL ... record, 1,740 of them on
// the real lists, 10 ms a search (docs/performance.md, "Names of the batch").
TEST_CASE(
    "A record whose own facts conflict is not scored for a name that cannot reach the "
    "threshold",
    "[names]") {
  // As on the real lists, ABD is in a few percent of the names (4,000 of 50,000 there): it
  // weighs as much as a given name, and alone it once made a record a candidate.
  std::vector<NameRecord> records = Corpus();
  const char* syllables[] = {"ka", "ro", "mi", "tu", "se", "van", "dor", "pel", "zu", "qin"};
  auto word = [&](int i) {
    return std::string(syllables[i % 10]) + syllables[(i / 10) % 10] + syllables[(i / 100) % 10];
  };
  for (int i = 0; i < 1000; ++i) {
    NameRecord record = Record("f" + std::to_string(i), word(i) + " " + word(999 - i), "person");
    record.birth_dates = {"1950"};
    record.countries = {"IQ"};
    records.push_back(record);
  }
  for (int i = 0; i < 60; ++i) {
    NameRecord record = Record("abd" + std::to_string(i), "ABD AL " + word(i * 7), "person");
    record.birth_dates = {"1950"};
    record.countries = {"IQ"};
    records.push_back(record);
  }
  NameRecord same = Record("same", "ABDULKADYROV, Azamat", "person");
  same.birth_dates = {"1970-01-02"};
  same.countries = {"KG"};
  records.push_back(same);
  NameRecord unknown = Record("unknown", "ABD AL KADIR, Azim", "person");  // no facts published
  records.push_back(unknown);
  auto index = BuildIndex(records);
  NameQuery query = Query("Azamat Abdykadyrov");
  query.kind = "person";
  query.country = "KG";
  query.birth_date = "1970-01-02";
  size_t scored = 0;
  REQUIRE(index->CandidateCount(query, 0.8, &scored).ok());
  CHECK(scored <= 5);  // 62 before 2026-12-07: every ABD AL record and a few fillers
  // What is found is what scoring every record finds, at the threshold and below it.
  for (double min_score : {0.8, 0.7, 0.6, 0.5}) {
    CheckQueryIndexEqualsBruteForce(*index, query, min_score);
  }
  CHECK(Find(*index, query, "same").score >= 0.9);
}

// The facts that bound a record are its entry's (birth dates, countries, kind), the same for every
// name of the entry, not the short-name conflict, which only the entry's short Chinese or Korean
// names bear: Rank() keeps an entry's best name first and applies its facts after. Bounded with
// that conflict, the best name (JON, Il Ho: 1.00 - 0.15 - 0.15) was left out and the alias CHON, Il
// Ho (0.98, no short-name conflict) reported the entry at 0.83, which scoring every record does
// not (found by review, 2026-12-07).
TEST_CASE("A name's own short-name conflict does not leave it out for an alias of its entry",
          "[names]") {
  std::vector<NameRecord> records = Corpus();
  NameRecord jon = Record("jon", "JON, Il Ho", "person");
  jon.birth_dates = {"1956-02-20"};
  records.push_back(jon);
  NameRecord chon = jon;
  chon.name = "CHON, Il Ho";
  chon.is_alias = true;
  records.push_back(chon);
  auto index = BuildIndex(records);
  NameQuery query = Query("JON, Il Ho");
  query.kind = "person";
  query.birth_date = "1962";
  for (double min_score : {0.8, 0.7, 0.6})
    CheckQueryIndexEqualsBruteForce(*index, query, min_score);
}

// Names of one entry may publish different facts when a caller builds the index itself (the
// fuzzer's index: CHEN, Quanguo with a birth date and country, its alias 陈全国 with none). The
// bound then does not count conflicting facts: the best name, left out for its conflicts, let the
// alias report the entry at 0.89, which scoring every record does not (found by names_fuzz in CI,
// 2026-12-07).
TEST_CASE("Names of one entry with different facts are bounded without them", "[names]") {
  std::vector<NameRecord> records = Corpus();
  NameRecord chen = Record("chen", "CHEN, Quanguo", "person");
  chen.birth_dates = {"1955-11"};
  chen.countries = {"CN"};
  records.push_back(chen);
  NameRecord han = Record("chen", "陈全国", "person");
  han.is_alias = true;
  records.push_back(han);
  auto index = BuildIndex(records);
  NameQuery query = Query("Chen Quanguo");
  query.kind = "person";
  query.country = "KZ";
  query.birth_date = "1990";
  for (double min_score : {0.8, 0.7}) CheckQueryIndexEqualsBruteForce(*index, query, min_score);
}

// A Latin query word is looked up among the listed abjad words by its consonant skeleton; the
// listed word is stored under its readings too (AbjadSkeletonReadings), as an abjad query word
// is looked up under its own: الرحمن (lrhmn) read without the article is rhmn, an edit from
// REMAN (rmn). Before 2026-12-07 only the skeleton itself was stored, and "REMAN, Abdur" did not
// find the alias عبد الرحمن (0.76 by brute force) at 0.75 on the real lists.
TEST_CASE("A Latin query finds a listed Arabic-script name under the name's readings",
          "[names][abjad]") {
  std::vector<NameRecord> records = Corpus();
  records.push_back(Record("rahman", "عبد الرحمن", "person"));
  records.push_back(Record("karim", "عبد الكريم", "person"));
  records.push_back(Record("rehman", "REHMAN, Abdur", "person"));
  auto index = BuildIndex(records);
  NameQuery query = Query("REMAN, Abdur");
  query.kind = "person";
  std::vector<NameMatch> brute;
  REQUIRE(SearchBruteForce(*index, query, 100, 0.0, &brute).ok());
  double rahman = -1;
  for (const NameMatch& match : brute) {
    if (match.record->entry_id == "rahman") rahman = match.score;
  }
  REQUIRE(rahman > 0.5);
  CheckIndexFindsWhatBruteForceFinds(*index, "REMAN, Abdur", rahman - 0.01);
}

}  // namespace corridor::names
