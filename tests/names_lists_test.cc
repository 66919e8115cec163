// The matcher on the real lists (CORRIDOR_REFERENCE_DATA): names as the lists publish them are
// found (packed aliases split by the importers), every published name finds its own entry, and
// random names of the corridor's populations rarely alert (docs/matching.md).
#include <algorithm>
#include <catch2/catch.hpp>
#include <cctype>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "engine/base/csv.h"
#include "engine/lists/import.h"
#include "engine/names/matcher.h"
#include "engine/names/score.h"
#include "tests/names_reference_lists.h"
#include "tests/test_util.h"

namespace corridor::names {
namespace {

std::unique_ptr<NameIndex> Build(std::vector<NameRecord> records) {
  std::unique_ptr<NameIndex> index;
  REQUIRE(NameIndex::Build(std::move(records), MatcherOptions(), &index).ok());
  return index;
}

// The index of every real list, built once for this file's tests (a built index is immutable);
// null, with the skip mark, when the reference data is not set.
const NameIndex* ListsIndex() {
  const std::string folder = reference::DataFolder();
  if (folder.empty()) {
    WARN(CORRIDOR_SKIP_MARK);
    return nullptr;
  }
  static const std::unique_ptr<NameIndex> index = Build(reference::LoadAllLists(folder));
  return index.get();
}

// The best match of `name` in `index` at the threshold, or nullptr.
const NameMatch* Best(const NameIndex& index, const std::string& name,
                      std::vector<NameMatch>* matches) {
  NameQuery query;
  query.name = name;
  REQUIRE(index.Search(query, 5, index.options().threshold, matches).ok());
  return matches->empty() ? nullptr : &(*matches)[0];
}

TEST_CASE("Names packed into one published field are found through the importers",
          "[names][reference][published]") {
  const char* data = testing::ReferenceDataOrNull();
  if (data == nullptr) {
    WARN(CORRIDOR_SKIP_MARK);
    return;
  }
  testing::TempDir dir;
  std::string db_path = testing::MakeDatabase(dir, "");
  std::unique_ptr<Database> db;
  REQUIRE(Database::OpenWritable(db_path, &db).ok());
  for (const auto& [format, path] : std::vector<std::pair<std::string, std::string>>{
           {"un-xml", "lists/un_sc/UN_consolidated.xml"},
           {"csl-csv", "lists/us_csl/csl_partial_2023-11-30.csv"}}) {
    ImportOptions options;
    options.format = format;
    options.path = testing::ReferenceFile(path);
    options.imported_at = "2026-12-01T00:00:00Z";
    options.force = format == "csl-csv";  // the partial CSL ends mid-field (docs/lists.md)
    ImportReport report;
    Status status = ImportList(db.get(), options, &report);
    INFO(path << ": " << status.message());
    REQUIRE(status.ok());
  }
  std::vector<NameRecord> records;
  REQUIRE(LoadNameRecords(db.get(), {}, &records).ok());
  auto index = Build(std::move(records));
  // Before: "جبهة النصرة (the Victory Front; Jabhat al-Nusrah; ...)" was one alias, and
  // "Jabhat al-Nusra" scored 0.71 against it; the plain CSL names scored 0.72-0.78 against
  // "X, and subordinate entity Y (ACRONYM)".
  struct Case {
    const char* query;
    const char* list_prefix;
    const char* name_part;  // in the matched entry's name or alias
  };
  for (const Case& c : std::vector<Case>{
           {"Jabhat al-Nusra", "un", "Nusrah"},
           {"Al-Nusra Front", "un", "Nusra"},
           {"National Development Complex", "csl", "National Development Complex"},
           {"NESCOM", "csl", "NESCOM"},
           {"National Engineering and Scientific Commission", "csl", "National Engineering"},
           {"National Institute of Lasers and Optronics", "csl", "Lasers"},
           // Names typed as published with their acronym in brackets (found by review,
           // 2026-12-07: 0.71-0.79 before, the acronym a word of the query left over).
           {"DOOSTAN INTERNATIONAL COMPANY (DICO)", "un", "DOOSTAN"},
           {"HAQQANI NETWORK (HQN)", "un", "HAQQANI"},
           {"BUTEMBO AIRLINES (BAL)", "un", "BUTEMBO"},
           {"Hafei Aviation Industry Co., Ltd. (HAFEI)", "csl", "Hafei"},
           {"High Technologies, Ltd. (HTL)", "csl", "High Technologies"},
           {"National Supercomputing Center Tianjin (NSCC-TJ)", "csl", "Tianjin"}}) {
    std::vector<NameMatch> matches;
    const NameMatch* best = Best(*index, c.query, &matches);
    INFO(c.query);
    REQUIRE(best != nullptr);
    CHECK(best->record->list_id.rfind(c.list_prefix, 0) == 0);
    CHECK(best->record->name.find(c.name_part) != std::string::npos);
    CHECK(best->score >= index->options().threshold);
  }
  // The UN entry of the Nusrah Front keeps its id: 6908429.
  std::vector<NameMatch> matches;
  const NameMatch* nusra = Best(*index, "Jabhat al-Nusra", &matches);
  REQUIRE(nusra != nullptr);
  CHECK(nusra->record->entry_id == "6908429");

  // OFAC's parser splits too (2026-12-01): "RAJAH SOLAIMAN MOVEMENT (RSM)" is the movement and
  // RSM; before, "RSM" scored below the threshold against the packed name. Links that name the
  // entry as published ("Linked To: RAJAH SOLAIMAN MOVEMENT (RSM)") still resolve (lists_test).
  testing::TempDir ofac_dir;
  std::unique_ptr<Database> ofac_db;
  REQUIRE(Database::OpenWritable(testing::MakeDatabase(ofac_dir, ""), &ofac_db).ok());
  ImportOptions ofac;
  ofac.format = "ofac-csv";
  ofac.path = testing::ReferenceFile("lists/ofac_sdn");
  ofac.imported_at = "2026-12-01T00:00:00Z";
  ImportReport ofac_report;
  REQUIRE(ImportList(ofac_db.get(), ofac, &ofac_report).ok());
  std::vector<NameRecord> ofac_records;
  REQUIRE(LoadNameRecords(ofac_db.get(), {}, &ofac_records).ok());
  auto ofac_index = Build(std::move(ofac_records));
  const NameMatch* rsm = Best(*ofac_index, "RSM", &matches);
  REQUIRE(rsm != nullptr);
  CHECK(rsm->record->entry_id == "10928");
  CHECK(rsm->record->name == "RSM");
}

// docs/matching.md, "An organisation's complete name": sanctioned groups whose name is on tens of
// entries (their companies') are found by that name alone. Before 2026-12-03 none of these
// reached the threshold (Gazprom 0.71, Transneft 0.77, Novatek 0.79).
TEST_CASE("Sanctioned groups are found by their name alone on the real lists",
          "[names][reference][recall]") {
  const NameIndex* index = ListsIndex();
  if (index == nullptr) return;
  for (const char* name : {"Gazprom", "Transneft", "Novatek", "PJSC Gazprom", "Sberbank PJSC"}) {
    std::vector<NameMatch> matches;
    const NameMatch* best = Best(*index, name, &matches);
    INFO(name);
    REQUIRE(best != nullptr);
    CHECK(best->score >= 0.9);
    CHECK(best->record->kind == "organization");
  }
}

// docs/matching.md, "Words written joined or apart": listed banks and exporters whose names the
// lists write as one word, typed as two, and listed persons whose compound given name the lists
// write apart, typed joined, or joined, typed apart. Each scored below 0.9 before 2026-12-05
// ("Gazprom Bank": 0.50 against GAZPROM, nothing at 0.8; "Mohammadreza Naqdi": 0.83 against
// NAQDI, Muhammad, another alias).
TEST_CASE("Listed names written as one word are found when typed as two and back",
          "[names][reference][recall]") {
  const NameIndex* index = ListsIndex();
  if (index == nullptr) return;
  const std::pair<const char*, const char*> kCases[] = {
      {"Gazprom Bank", "GAZPROMBANK"},
      {"Promsvyaz Bank", "PROMSVYAZBANK"},
      {"Rosoboron Export", "ROSOBORONEXPORT"},
      {"Novikom Bank", "NOVIKOMBANK"},
      {"Rosselkhoz Bank", "ROSSELKHOZBANK"},
      {"Mohammad Reza Jafaribandarabadi", "JAFARIBANDARABADI, MOHAMMADREZA"},
      {"Mohammad Reza Khedmati Valadzaghard", "VALADZAGHARD, MOHAMMADREZA"},
      {"Mohammadreza Naqdi", "NAQDI, MOHAMMAD REZA"},
      {"Mohammadreza Ashtiani", "ASHTIANI, MOHAMMAD-REZA"}};
  for (const auto& [name, listed] : kCases) {
    std::vector<NameMatch> matches;
    const NameMatch* best = Best(*index, name, &matches);
    INFO(name);
    REQUIRE(best != nullptr);
    INFO("best: " << best->record->name << " " << best->score);
    CHECK(best->score >= 0.9);
    std::string upper = best->record->name;
    for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    CHECK(upper.find(listed) != std::string::npos);
  }
}

// docs/matching.md, "A Chinese company's trade name": Entity List companies typed by their
// trade name, without the division their name begins with. Before 2026-12-06: Hikvision 0.68,
// Panda 0.66, Nanyang 0.71, Alite 0.72.
// Checks that each name scores at the operating threshold against its listed name, with the
// lists' word weights (ScorePair).
template <size_t N>
void CheckPairsMatch(const NameIndex& index,
                     const std::pair<const char*, const char*> (&cases)[N]) {
  for (const auto& [name, listed] : cases) {
    NameMatch match;
    REQUIRE(index.ScorePair(name, listed, &match).ok());
    INFO(name << " against " << listed);
    CHECK(match.score >= 0.8);
  }
}

TEST_CASE("Chinese companies are found by their trade name on the real lists",
          "[names][reference][recall]") {
  const NameIndex* index = ListsIndex();
  if (index == nullptr) return;
  // The lists' own names of these companies, scored with the lists' word weights (some entries
  // give a bare alias too, which a search would return first).
  const std::pair<const char*, const char*> kCases[] = {
      {"Hikvision", "Hangzhou Hikvision Digital Technology Co., Ltd."},
      {"Panda", "Nanjing Panda Electronics Company Limited"},
      {"Nanyang", "Zhejiang Nanyang Technology Company Limited"},
      {"Alite", "BEIJING ALITE TECHNOLOGIES CO., LTD."},
      // Industry words added to the descriptors on 2026-12-06 (0.69 before).
      {"Jingjia", "CHANGSHA JINGJIA MICROELECTRONICS COMPANY LIMITED"},
      {"Hongdu", "JIANGXI HONGDU AVIATION INDUSTRY CO., LTD."}};
  CheckPairsMatch(*index, kCases);
}

// docs/matching.md, "Russian organisations' generic words": the Russian and English names of
// listed Russian organisations, scored with the lists' word weights (0 to 0.62 before
// 2026-12-06).
TEST_CASE("Russian organisations are found by their Russian and English names on the real lists",
          "[names][reference][recall]") {
  const NameIndex* index = ListsIndex();
  if (index == nullptr) return;
  const std::pair<const char*, const char*> kCases[] = {
      {"Sberbank Rossii", "SBERBANK OF RUSSIA"},
      {"ПАО Сбербанк России", "SBERBANK OF RUSSIA"},
      {"Rosneft Oil Company", "NEFTYANAYA KOMPANIYA ROSNEFT"},
      {"Объединённая авиастроительная корпорация", "UNITED AIRCRAFT CORPORATION"},
      {"Центральный банк Российской Федерации", "CENTRAL BANK OF THE RUSSIAN FEDERATION"},
      {"Российский фонд прямых инвестиций", "RUSSIAN DIRECT INVESTMENT FUND"},
      {"Concern Radio-Electronic Technologies", "KONTSERN RADIOELEKTRONNYE TEKHNOLOGII"},
      {"Novikombank", "AKTSIONERNOE OBSHCHESTVO AKTSIONERNY KOMMERCHESKI BANK NOVIKOMBANK"}};
  CheckPairsMatch(*index, kCases);
}

// docs/matching.md, "Kinds of Russian organisation": listed Russian defence companies by their
// kind's abbreviation, Russian words or English (five of the six below 0.8 before 2026-12-06).
TEST_CASE("Russian organisations are found whatever their kind's spelling on the real lists",
          "[names][reference][recall]") {
  const NameIndex* index = ListsIndex();
  if (index == nullptr) return;
  const std::pair<const char*, const char*> kCases[] = {
      {"AO NPP Topaz", "CLOSED JOINT-STOCK COMPANY SCIENTIFIC PRODUCTION ENTERPRISE TOPAZ"},
      {"FGUP NPP Gamma",
       "FEDERAL STATE UNITARY ENTERPRISE SCIENTIFIC AND PRODUCTION ENTERPRISE GAMMA"},
      {"АО «ОКБ «Факел»", "JOINT STOCK COMPANY EXPERIMENTAL DESIGN BUREAU FAKEL"},
      {"NPO Splav", "OTKRYTOE AKTSIONERNOE OBSHCHESTVO NAUCHNO-PROIZVODSTVENNOE OBEDINENIE SPLAV"},
      {"AO NII Ferrit-Domen", "SCIENTIFIC AND RESEARCH INSTITUTE FERRIT DOMEN"},
      {"NSTRI", "NUCLEAR SCIENCE AND TECHNOLOGY RESEARCH INSTITUTE"},
      {"EITom Research and Production Co., Ltd.", "EITom Research and Production Company"},
      {"FSUE NPP Gamma", "FGUP NPP GAMMA"}};
  CheckPairsMatch(*index, kCases);
  // A party's name may add its kind to a listed organisation's name, as it may add a legal form.
  NameMatch match;
  REQUIRE(
      index->ScorePair("NPK Uralvagonzavod OAO", "URALVAGONZAVOD", &match, "organization").ok());
  CHECK(match.score >= 0.8);
}

// docs/matching.md, "Abjad names": KHAMENEI, Ali Husseini (OFAC SDN, IRAN-EO13876) as the Persian
// press writes him (خامنه‌ای: 0.48 before) and with his title (Seyed Ali Khamenei: 0.69
// before).
TEST_CASE("Khamenei is found as the Persian press and his title write him",
          "[names][reference][recall]") {
  const NameIndex* index = ListsIndex();
  if (index == nullptr) return;
  for (const char* name :
       {"علی خامنه‌ای", "علی خامنه ای", "سید علی خامنه‌ای",
        "Seyed Ali Khamenei", "Sayyid Ali Khamenei"}) {
    std::vector<NameMatch> matches;
    const NameMatch* best = Best(*index, name, &matches);
    INFO(name);
    REQUIRE(best != nullptr);
    CHECK(best->record->entry_id == "26945");
  }
}

// Every published name and alias of every real list, searched as published (one in `stride`
// here; tests/bench/names_lists_bench.cc searches them all), must find its own entry at the
// threshold. Misses are printed.
TEST_CASE("Every published name of the real lists finds its own entry",
          "[names][reference][recall]") {
  const NameIndex* index = ListsIndex();
  if (index == nullptr) return;
  const size_t stride = 13;
  size_t searched = 0, found = 0;
  std::vector<std::string> misses;
  for (size_t r = 0; r < index->records().size(); r += stride) {
    const NameRecord& record = index->records()[r];
    NameQuery query;
    query.name = record.name;
    std::vector<NameMatch> matches;
    REQUIRE(index->Search(query, 10, index->options().threshold, &matches).ok());
    ++searched;
    bool own = false;
    for (const NameMatch& match : matches) {
      own = own ||
            (match.record->list_id == record.list_id && match.record->entry_id == record.entry_id);
    }
    if (own) {
      ++found;
    } else {
      misses.push_back(record.list_id + " " + record.entry_id + " '" + record.name + "'");
    }
  }
  for (const std::string& miss : misses) UNSCOPED_INFO("missed: " << miss);
  INFO(found << " of " << searched);
  WARN("recall of published names: " << found << " of " << searched);
  CHECK(searched > 3000);
  CHECK(double(found) / searched >= 0.99);
}

// tests/data/names/precision_names.csv: 5,000 random person names of the corridor's
// populations (tools/precision_names.py --count 5000 --seed 1), none of them chosen to be
// listed. An alert on a name equal word for word to a listed name up to spelling (every word
// exact or of one phonetic key, a title aside: "Sergey Ivanov" ~ IVANOV, Sergei; "Reza Ghasemi"
// ~ GHASEMI, Seyyed Reza) is that name's hit, which
// recall requires, not a false alert; the rest are counted (target 0.3%, not yet met).
TEST_CASE("Random names of the corridor's populations rarely alert",
          "[names][reference][precision]") {
  const NameIndex* index = ListsIndex();
  if (index == nullptr) return;
  std::ifstream in(testing::SourceFile("tests/data/names/precision_names.csv"), std::ios::binary);
  REQUIRE(in);
  CsvReader reader(&in);
  std::vector<std::string> fields;
  REQUIRE(reader.Next(&fields));  // header name,kind
  size_t queries = 0, alerts = 0, listed = 0;
  while (reader.Next(&fields)) {
    REQUIRE(fields.size() == 2);
    NameQuery query;
    query.name = fields[0];
    query.kind = fields[1];
    std::vector<NameMatch> matches;
    REQUIRE(index->Search(query, 1, index->options().threshold, &matches).ok());
    ++queries;
    if (matches.empty()) continue;
    const MatchExplanation& e = matches[0].explanation;
    // A title left over (GHASEMI, Seyyed Reza for "Reza Ghasemi") is not a word of the name; a
    // listed family name, before the comma, is no title (HAJJI, Muhammad Fawzi).
    const std::string& listed_name = matches[0].record->name;
    const size_t comma = listed_name.find(',');
    std::string family = comma == std::string::npos ? "" : listed_name.substr(0, comma);
    for (char& c : family) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    auto title = [&](const std::string& word) {
      return IsNameTitle(word) && family.find(word) == std::string::npos;
    };
    bool identical = std::all_of(e.unmatched_query.begin(), e.unmatched_query.end(), title) &&
                     std::all_of(e.unmatched_candidate.begin(), e.unmatched_candidate.end(), title);
    for (const TokenAlignment& a : e.aligned)
      identical = identical && a.similarity >= 0.949;  // 0.95 as a float
    if (identical) {
      ++listed;  // a listed name up to spelling (tools/alert_share.py): a true name match
      continue;
    }
    ++alerts;
    UNSCOPED_INFO("alert: " << query.name << " -> " << matches[0].record->name << " "
                            << FormatScore(matches[0].score));
  }
  INFO(alerts << " alerts, " << listed << " listed names, of " << queries);
  WARN("precision set: " << alerts << " alerts, " << listed << " listed names, of " << queries);
  CHECK(queries == 5000);
  // The target is 0.003 (issue 11); measured 0.0038 (19) on 2026-12-02 (eighth session: own names
  // before a listed given name, family names in capitals), 0.004 (20) before, with the population
  // name table and the common-partial rule, 0.0216 (108) before them, 0.043 (216) before the abjad
  // reading, the family-name, extension and ya rules (docs/matching.md, "Precision at scale").
  // 0.002 (10) since 2026-12-04 (twenty-first session: the population table extended, ABDULLAEV is
  // not ABDULLAH), 0.003 (15) before. This bound is the target.
  CHECK(double(alerts) / queries <= 0.003);
}

// The listed name of `name`'s best match as a person at the threshold; empty when none.
std::string BestPersonMatch(const NameIndex& index, const std::string& name) {
  NameQuery query;
  query.name = name;
  query.kind = "person";
  std::vector<NameMatch> matches;
  REQUIRE(index.Search(query, 1, index.options().threshold, &matches).ok());
  return matches.empty() ? std::string() : matches[0].record->name;
}

// Names of the 20,000-name precision set (tools/precision_names.py --count 20000 --seed 11) that
// alerted at 0.80-0.82 on a listed person whose first given name they give after an own name:
// مريم محمد المصري is Maryam, daughter of Muhammad al-Masri, not AL-MASRI, Mohammed (test "A query
// whose own name comes before the listed given name is another person"). The listed names, so
// spelt, still match.
TEST_CASE("Own names before a listed given name do not alert on the real lists",
          "[names][reference][precision]") {
  const NameIndex* index = ListsIndex();
  if (index == nullptr) return;
  auto best = [&](const std::string& name) { return BestPersonMatch(*index, name); };
  // The last two: the CSL writes the family name of "Mahmoud AL-KHATIB" in capitals.
  for (const char* name :
       {"مريم محمد المصري", "زياد محمد المصري", "كريم محمد العتيبي", "دينا فادي ناصر",
        "Mohamed Fadi Nasser", "طارق أحمد الخطيب", "خالد محمود الخطيب", "Dina Mahmoud al-Khatib"}) {
    INFO(name);
    CHECK(best(name) == "");
  }
  CHECK(best("Mohammed Al-Masri") != "");
  CHECK(best("Fadi Nasser") != "");
  CHECK(best("Mahmoud al-Khatib") != "");
}

// The twenty-first session's cases on the real lists (docs/matching.md, "Precision at scale",
// 2026-12-04), each an alert of the 20,000-name precision sets before: a common name the table
// lacked (QUINTERO), a family name made of a given name (ABDULLAEV), a common name with one
// consonant and a vowel changed (KHALED / KHALIQ), one beginning with a vowel against one
// beginning with a consonant (AHMED / HAMID). The listed names, and an oligarch's name in its
// Russian and Uzbek spellings, still match.
TEST_CASE("Common names the table gained and the session's rules do not alert on the real lists",
          "[names][reference][precision]") {
  const NameIndex* index = ListsIndex();
  if (index == nullptr) return;
  auto best = [&](const std::string& name) { return BestPersonMatch(*index, name); };
  CHECK(best("Juan Quintero") != "QUINTERO ARCE, Juan Francisco");
  CHECK(best("Азиз Абдуллаев") != "AZIZ, Abdullah");
  CHECK(best("Khaled Mohamed Ahmed") != "Muhammad Ahmed Khaliq");
  CHECK(best("Ali Ahmed Abdullah") != "AL-'ALI, Hamid 'Abdallah");
  CHECK(best("Juan Francisco Quintero Arce") != "");
  CHECK(best("Muhammad Ahmed Khaliq") != "");
  CHECK(best("Hamid Abdallah Al-Ali") != "");
  CHECK(best("Alisher Usmanov") != "");
}

// Recall of common romanisation variants (issue 11: "every listed name ... and common
// transliteration variants of them still match"). Each spelling below is found 6 to 800 times
// on the bundled lists (ofac_sdn, ofac_non_sdn, un_sc; counted 2026-12-01). Every listed person
// name of the entries held out from tools/name_variants.py's learning (FNV-1a of
// "list-id:entry-id" divisible by 4, the tool's --test-share 4) with one of these words is
// searched with that word spelled each other way, and must find its own entry.
TEST_CASE("Common romanisation variants of listed names find their entry",
          "[names][reference][variants]") {
  const NameIndex* index = ListsIndex();
  if (index == nullptr) return;
  const std::vector<std::vector<std::string>> groups = {
      {"muhammad", "mohammad", "mohammed", "mohamed", "muhammed", "mohamad", "muhamad"},
      {"ahmad", "ahmed"},
      {"hasan", "hassan"},
      {"husayn", "hussein", "hussain", "hosein", "hossein", "husain"},
      {"abdallah", "abdullah"},
      {"umar", "omar"},
      {"yusuf", "yousef", "yousuf", "youssef", "yusif"},
      {"sergei", "sergey"},
      {"aleksandr", "alexander", "alexandr"},
      {"andrei", "andrey"},
      {"dmitri", "dmitriy", "dmitry"},
      {"khalid", "khaled"},
      {"mahmud", "mahmoud", "mahmood"},
      {"nikolai", "nikolay"},
      {"ibrahim", "ebrahim"},
      {"yevgeny", "evgeny", "yevgeniy", "evgeniy"},
  };
  // The list ids of tools/name_variants.py's database (the importers' ids).
  const std::map<std::string, std::string> imported_id = {
      {"ofac_sdn", "ofac-sdn"}, {"ofac_non_sdn", "ofac-cons"}, {"un_sc", "un-sc"}};
  auto held_out = [&](const NameRecord& record) {
    auto id = imported_id.find(record.list_id);
    if (id == imported_id.end()) return false;
    uint32_t hash = 0x811C9DC5u;
    for (unsigned char c : id->second + ":" + record.entry_id) hash = (hash ^ c) * 0x01000193u;
    return hash % 4 == 0;
  };
  size_t searched = 0, found = 0;
  for (const NameRecord& record : index->records()) {
    if (record.kind != "person" || !held_out(record)) continue;
    // The name's words, lower case, with the separators between them kept as parts of their own.
    std::vector<std::string> parts;
    bool in_word = false;
    for (char c : record.name) {
      bool letter = std::isalpha(static_cast<unsigned char>(c)) != 0;
      if (parts.empty() || letter != in_word) parts.emplace_back();
      in_word = letter;
      parts.back() += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    for (size_t p = 0; p < parts.size(); ++p) {
      for (const auto& group : groups) {
        if (std::find(group.begin(), group.end(), parts[p]) == group.end()) continue;
        for (const std::string& variant : group) {
          if (variant == parts[p]) continue;
          std::string name;
          for (size_t q = 0; q < parts.size(); ++q) name += q == p ? variant : parts[q];
          NameQuery query;
          query.name = name;
          std::vector<NameMatch> matches;
          REQUIRE(index->Search(query, 20, index->options().threshold, &matches).ok());
          ++searched;
          bool own = false;
          for (const NameMatch& match : matches) {
            own = own || (match.record->list_id == record.list_id &&
                          match.record->entry_id == record.entry_id);
          }
          if (own) {
            ++found;
          } else {
            UNSCOPED_INFO("missed: " << record.list_id << " " << record.entry_id << " '"
                                     << record.name << "' as '" << name << "'");
          }
        }
      }
    }
  }
  WARN("romanisation variants finding their entry: " << found << " of " << searched);
  CHECK(searched > 500);
  // Measured 2026-12-01: 3944 of 3949 (0.9987); 3914 (0.9911) without the learned variants,
  // when two-word names such as OMAR, Mohammed as OMAR, Muhammad and 'ALI, Ahmad as 'ALI, Ahmed
  // were missed. The issue asks for 0.99; this bound holds the learned table's gain.
  CHECK(double(found) / searched >= 0.995);

  // The case that was reported: a common name spelled the other usual way.
  NameQuery query;
  query.name = "Mohammed Ali";
  std::vector<NameMatch> matches;
  REQUIRE(index->Search(query, 50, index->options().threshold, &matches).ok());
  bool found_ali = false;
  for (const NameMatch& match : matches) {
    found_ali = found_ali || (match.record->list_id == "ofac_sdn" &&
                              match.record->entry_id == "22113");  // 'ALI, Muhammad
  }
  CHECK(found_ali);
}

// Cross-script, from the lists themselves: each name a list publishes in a non-Latin script (the
// UN's original-script names, OFAC's Cyrillic and Arabic aliases) is searched in an index
// without the non-Latin names, so it can only find its entry through the Latin ones.
TEST_CASE("Names in their original script find their entry's Latin names",
          "[names][reference][cross-script]") {
  std::string folder = reference::DataFolder();
  if (folder.empty()) {
    WARN(CORRIDOR_SKIP_MARK);
    return;
  }
  auto non_latin = [](const std::string& name) {
    size_t ascii = 0, other = 0;
    for (unsigned char c : name) {
      if (std::isalpha(c)) ++ascii;
      if (c >= 0xC0) ++other;
    }
    return other > ascii;
  };
  std::vector<NameRecord> latin, queries;
  for (NameRecord& record : reference::LoadAllLists(folder)) {
    (non_latin(record.name) ? queries : latin).push_back(std::move(record));
  }
  auto index = Build(std::move(latin));
  size_t found = 0, persons = 0, persons_found = 0;
  for (const NameRecord& record : queries) {
    if (record.kind == "person") ++persons;
    NameQuery query;
    query.name = record.name;
    query.kind = record.kind;
    std::vector<NameMatch> matches;
    if (!index->Search(query, 10, index->options().threshold, &matches).ok()) continue;
    bool own = false;
    for (const NameMatch& match : matches) {
      own = own ||
            (match.record->list_id == record.list_id && match.record->entry_id == record.entry_id);
    }
    if (own) {
      ++found;
      if (record.kind == "person") ++persons_found;
    } else {
      UNSCOPED_INFO("missed: " << record.list_id << " " << record.entry_id << " '" << record.name
                               << "' (" << record.kind << ")");
    }
  }
  WARN("original-script names finding their entry: "
       << found << " of " << queries.size() << "; persons: " << persons_found << " of " << persons);
  CHECK(queries.size() > 300);
  // Measured 366 of 411 (0.891; persons 340 of 356, 0.955: the 95%) on 2026-12-02 (eighth
  // session) with ولد read as "son of", غ as g, a join giving way to its words' own pairs and a
  // particle joined with a long word (test "Son of and a Tuareg AG and a joined BEN read across
  // scripts"). 362 of 411 (0.881; persons 336 of 356, 0.944) on 2026-12-02 (seventh session) with
  // ظ and ض as dh, ع as o, Pashto's letters, and the index's skeleton readings (tests
  // "Arabic-script letters that Latin writes several ways read as their spellings" and "At the
  // threshold the index finds every Arabic-script name the readings score"). 344 of 411 (0.84;
  // persons 321 of 356, 0.90) before, with "Abd al-" compounds written as one word split, ق read as
  // G and French soft c and ch (test "Abd al- compounds written as one word, qaf as G and French
  // spellings read as Latin"); 336 of 411 (persons 313) before; 340 and 317 before common names
  // weighed as common in Arabic script too) with the article's assimilation, cross-script joins
  // (HIDAYATULLAH, SHAMSUDDIN), the ya rule, the Persian readings of ث ذ ض (also in the index's
  // lookups), digraphs and joins first; 291 (0.71) with the abjad reading alone, 267 (0.65) before.
  CHECK(double(found) / queries.size() >= 0.88);
  CHECK(double(persons_found) / persons >= 0.95);
}

}  // namespace
}  // namespace corridor::names
