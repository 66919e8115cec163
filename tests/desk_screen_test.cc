// The desk in a screening run: allow-lists (never a source of hits, suppress their parties'
// name matches) and remembered decisions (cleared hits suppressed until a digest changes or the
// decision expires), driven through the command line as an officer would (docs/decisions.md).
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "engine/decisions/decisions.h"
#include "engine/incidents/acled_import.h"
#include "engine/load/input_database.h"
#include "engine/output/explain.h"
#include "engine/output/score_stream.h"
#include "engine/screen/screen_one.h"
#include "tests/test_util.h"

namespace corridor {
namespace {

using testing::RunCorridor;
using testing::SourceFile;
using testing::TempDir;

// The first shipment record of a scores file; fails the test when there is none.
scores::ShipmentScore ReadShipment(const std::string& path, scores::StreamSummary* summary) {
  std::unique_ptr<ScoreReader> reader;
  REQUIRE(ScoreReader::Open(path, &reader).ok());
  scores::ScoreRecord record;
  scores::ShipmentScore shipment;
  bool found = false;
  while (reader->Next(&record)) {
    if (record.has_shipment() && !found) {
      shipment = record.shipment();
      found = true;
    }
    if (record.has_summary() && summary != nullptr) *summary = record.summary();
  }
  REQUIRE(reader->status().ok());
  REQUIRE(found);
  return shipment;
}

scores::ShipmentScore Screen(const TempDir& dir, const std::string& db, const std::string& rules,
                             const std::string& shipment, const std::string& as_of,
                             scores::StreamSummary* summary = nullptr) {
  std::string out = dir.File("run.scores");
  auto result = RunCorridor(dir, "screen --db " + db + " --rules " + rules + " --out " + out +
                                     " --shipment " + shipment + " --as-of " + as_of);
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  return ReadShipment(out, summary);
}

void Execute(const std::string& db_path, const std::string& sql) {
  std::unique_ptr<Database> db;
  REQUIRE(Database::OpenWritable(db_path, &db).ok());
  REQUIRE(db->Execute(sql).ok());
}

// The bundled rules with one more file.
std::string BundledRulesWith(const TempDir& dir, const std::string& name, const std::string& text) {
  std::string folder = dir.File("rules");
  std::filesystem::copy(SourceFile("rules"), folder, std::filesystem::copy_options::recursive);
  testing::WriteText(folder + "/" + name, text);
  return folder;
}

// A small world: E-2 is a namesake of a watch-list entry (a false positive a reviewer clears).
const char* kWorldSql = R"sql(
INSERT INTO entity(entity_id, kind, name, country, address) VALUES
  ('E-1', 'company', 'Alpha Shipping GmbH', 'DE', 'Hafenstrasse 1, Hamburg'),
  ('E-2', 'company', 'Karakoram Trading Company', 'PK', 'Mall Road 5, Lahore'),
  ('E-3', 'company', 'Karakoram Trading Company', 'AE', 'Sheikh Zayed Road 9, Dubai');
INSERT INTO shipment(shipment_id, shipped_on, origin_country, destination_country) VALUES
  ('S-1', '2026-11-01', 'DE', 'PK'), ('S-2', '2026-11-02', 'DE', 'AE');
INSERT INTO shipment_party(shipment_id, entity_id, role) VALUES
  ('S-1', 'E-1', 'shipper'), ('S-1', 'E-2', 'consignee'),
  ('S-2', 'E-1', 'shipper'), ('S-2', 'E-3', 'consignee');
INSERT INTO list_source(list_id, version) VALUES ('watch', '2026-11-20');
INSERT INTO list_entry(list_id, entry_id, kind, name, country, digest) VALUES
  ('watch', 'W-77', 'company', 'Karakoram Trading Co', 'PK', 'digest-v1');
)sql";

const char* kWorldRules = R"(
rule {
  id: "listed_party_watch" description: "a party matches the watch list"
  category: SECONDARY_SANCTIONS weight: 45 decision_floor: REVIEW
  listed_party { lists: ["watch"] }
}
list { id: "watch" role: WATCH }
list { id: "good-guys" role: ALLOW }
)";

}  // namespace

TEST_CASE("A company list imported as good-guys and marked ALLOW leaves S-26 clear",
          "[decisions][allow]") {
  TempDir dir;
  std::string db = testing::MakeDatabase(
      dir, testing::ReadText(SourceFile("samples/corridor_demo.sql")), "demo.db");
  IncidentImportReport report;
  REQUIRE(ImportAcledIncidents(db, SourceFile("samples/incidents_acled.csv"), &report).ok());
  // S-26's shipper, on the company's own list of known good parties (docs/lists.md's example).
  testing::WriteText(dir.File("good.csv"),
                     "name,kind,country\n\"Shenzhen Laptop Export Co., Ltd.\",company,CN\n");
  auto imported = RunCorridor(dir, "import-list --db " + db +
                                       " --format csv --list-id good-guys "
                                       "--version 2026-12-01 --path " +
                                       dir.File("good.csv"));
  REQUIRE(imported.exit_code == 0);
  std::string rules = BundledRulesWith(
      dir, "company_lists.textproto",
      "list { id: \"good-guys\" role: ALLOW description: \"known good parties\" }\n");
  scores::ShipmentScore s26 = Screen(dir, db, rules, "S-26", "2025-12-01");
  CHECK(DecisionName(s26.decision()) == "clear");
  CHECK(s26.score() == 0);
  CHECK(s26.hits_size() == 0);
}

TEST_CASE("An allow-list suppresses its parties' name matches, by entity id or name and country",
          "[decisions][allow]") {
  TempDir dir;
  std::string db = testing::MakeDatabase(dir, kWorldSql);
  std::string rules = testing::MakeRules(
      dir, {{"scoring.textproto", testing::kTestScoring}, {"rules.textproto", kWorldRules}});
  CHECK(DecisionName(Screen(dir, db, rules, "S-1", "2026-12-01").decision()) == "review");

  SECTION("by name and country; the namesake in another country still hits") {
    Execute(db, R"sql(
      INSERT INTO list_source(list_id, version) VALUES ('good-guys', '2026-12-01');
      INSERT INTO list_entry(list_id, entry_id, kind, name, country) VALUES
        ('good-guys', 'G-1', 'company', 'KARAKORAM TRADING COMPANY', 'PK');)sql");
    scores::StreamSummary summary;
    scores::ShipmentScore s1 = Screen(dir, db, rules, "S-1", "2026-12-01", &summary);
    CHECK(DecisionName(s1.decision()) == "clear");
    CHECK(s1.score() == 0);
    REQUIRE(s1.suppressed_hits_size() == 1);
    const scores::Evidence& evidence = s1.suppressed_hits(0).evidence(0);
    CHECK(evidence.list_match().entry_id() == "W-77");
    CHECK(evidence.review().source() == "allow_list");
    CHECK(evidence.review().suppressed());
    CHECK(evidence.review().allow_list_id() == "good-guys");
    CHECK(evidence.review().allow_entry_id() == "G-1");
    CHECK(evidence.review().allow_matched_by() == "name_and_country");
    CHECK(summary.suppressed_hits() == 1);
    // E-3 has the same name in the Emirates: not the allowed party.
    CHECK(DecisionName(Screen(dir, db, rules, "S-2", "2026-12-01").decision()) == "review");
  }
  SECTION("a name match an identifier corroborates is not suppressed by name and country") {
    // E-2's registration number is the one W-77 publishes for the Emirates: not unique for a
    // Pakistani party, so it corroborates the name without deciding. Before 2026-12-02 the allow
    // entry, made on name and country, suppressed the match all the same.
    Execute(db, R"sql(
      UPDATE entity SET registration_id = 'R-555' WHERE entity_id = 'E-2';
      INSERT INTO list_identifier(list_id, entry_id, id_type, number, country) VALUES
        ('watch', 'W-77', 'registration', 'R-555', 'AE');
      INSERT INTO list_source(list_id, version) VALUES ('good-guys', '2026-12-01');
      INSERT INTO list_entry(list_id, entry_id, kind, name, country) VALUES
        ('good-guys', 'G-1', 'company', 'KARAKORAM TRADING COMPANY', 'PK');)sql");
    scores::ShipmentScore s1 = Screen(dir, db, rules, "S-1", "2026-12-01");
    CHECK(DecisionName(s1.decision()) == "review");
    CHECK(s1.suppressed_hits_size() == 0);
    REQUIRE(s1.hits_size() == 1);
    CHECK(s1.hits(0).evidence(0).list_match().identifier_corroborates());
  }
  SECTION("by entity id; and the allow-list itself is never screened as a watch list") {
    Execute(db, R"sql(
      INSERT INTO list_source(list_id, version) VALUES ('good-guys', '2026-12-01');
      INSERT INTO list_entry(list_id, entry_id, kind, name, country) VALUES
        ('good-guys', 'E-2', 'company', 'Karakoram Trading (our customer since 2011)', NULL),
        ('good-guys', 'G-9', 'company', 'Alpha Shipping GmbH', 'DE');)sql");
    // A rule reading every list would hit E-1 on the allow-list if it were screened.
    std::string all_lists = testing::MakeRules(
        dir, {{"scoring.textproto", testing::kTestScoring},
              {"rules.textproto",
               std::string(kWorldRules) +
                   "rule { id: \"any_list\" description: \"any list\" category: "
                   "SECONDARY_SANCTIONS weight: 45 decision_floor: REVIEW listed_party {} }\n"}});
    scores::ShipmentScore s1 = Screen(dir, db, all_lists, "S-1", "2026-12-01");
    CHECK(DecisionName(s1.decision()) == "clear");
    REQUIRE(s1.suppressed_hits_size() == 2);  // E-2's W-77 match, under both rules
    CHECK(s1.suppressed_hits(0).evidence(0).review().allow_matched_by() == "entity_id");
    for (const scores::RuleHit& hit : s1.suppressed_hits()) {
      for (const scores::Evidence& evidence : hit.evidence()) {
        CHECK(evidence.list_match().list_id() == "watch");
      }
    }
  }
  // Found by review (2026-12-07): an allow entry naming a party by id suppressed its matches
  // whatever the party's record had become; a record renamed to a listed company's name came
  // out clear. The party must still bear a name of the entry (its words, legal forms left out,
  // each close to a word of the other name): spellings move, companies do not.
  SECTION("by entity id, while the party still bears the allowed name") {
    Execute(db, R"sql(
      INSERT INTO list_source(list_id, version) VALUES ('good-guys', '2026-12-01');
      INSERT INTO list_entry(list_id, entry_id, kind, name, country) VALUES
        ('good-guys', 'E-2', 'company', 'Karakoram Traders (Pvt.) Ltd., Lahore', 'PK');
      INSERT INTO list_entry(list_id, entry_id, kind, name, country) VALUES
        ('watch', 'W-88', 'company', 'SHER MATCH INDUSTRIES (PVT.) LIMITED', 'PK');)sql");
    scores::ShipmentScore allowed = Screen(dir, db, rules, "S-1", "2026-12-01");
    CHECK(DecisionName(allowed.decision()) == "clear");
    REQUIRE(allowed.suppressed_hits_size() == 1);
    CHECK(allowed.suppressed_hits(0).evidence(0).review().allow_matched_by() == "entity_id");
    Execute(db,
            "UPDATE entity SET name = 'Sher Match Industries (Pvt.) Limited' "
            "WHERE entity_id = 'E-2'");
    scores::ShipmentScore renamed = Screen(dir, db, rules, "S-1", "2026-12-01");
    CHECK(DecisionName(renamed.decision()) == "review");
    CHECK(renamed.suppressed_hits_size() == 0);
    REQUIRE(renamed.hits_size() == 1);
    CHECK(renamed.hits(0).evidence(0).list_match().entry_id() == "W-88");
    // An alias that keeps the allowed name keeps the allowance.
    Execute(db, "INSERT INTO entity_alias(entity_id, name) VALUES ('E-2', 'Karakoram Trading')");
    CHECK(DecisionName(Screen(dir, db, rules, "S-1", "2026-12-01").decision()) == "clear");
  }
}

TEST_CASE("A rule that reads only allow-lists is refused: it could never hit",
          "[decisions][allow]") {
  TempDir dir;
  std::string db = testing::MakeDatabase(dir, kWorldSql);
  Execute(db, "INSERT INTO list_source(list_id, version) VALUES ('good-guys', '2026-12-01')");
  std::string rules = testing::MakeRules(
      dir, {{"scoring.textproto", testing::kTestScoring},
            {"rules.textproto", std::string(kWorldRules) +
                                    "rule { id: \"good\" description: \"d\" category: "
                                    "SECONDARY_SANCTIONS weight: 45 listed_party { lists: "
                                    "[\"good-guys\"] } }\n"}});
  auto result = RunCorridor(dir, "screen --db " + db + " --rules " + rules + " --out " +
                                     dir.File("x.scores") + " --as-of 2026-12-01");
  CHECK(result.exit_code == 1);
  CHECK_THAT(result.err,
             Catch::EndsWith("rules.textproto:9:1: rule \"good\" reads only allow-lists "
                             "(good-guys), which are never a source of hits\n"));
}

TEST_CASE("A cleared false positive is suppressed until the party, the entry or the date moves on",
          "[decisions]") {
  TempDir dir;
  std::string db = testing::MakeDatabase(dir, kWorldSql);
  std::string rules = testing::MakeRules(
      dir, {{"scoring.textproto", testing::kTestScoring}, {"rules.textproto", kWorldRules}});
  scores::ShipmentScore before = Screen(dir, db, rules, "S-1", "2026-12-01");
  REQUIRE(DecisionName(before.decision()) == "review");
  REQUIRE(before.score() == 45);

  auto decided = RunCorridor(
      dir,
      "decide --db " + db +
          " --shipment S-1 --party E-2 --hit listed_party_watch:watch:W-77 "
          "--decision cleared --by a.analyst --reason 'different company: Lahore, other owners'"
          " --expires 2027-06-01");
  INFO(decided.err);
  REQUIRE(decided.exit_code == 0);
  CHECK(decided.out ==
        "decision 1: cleared listed_party_watch:watch:W-77 on party E-2 by a.analyst, until "
        "2027-06-01\n");

  scores::StreamSummary summary;
  scores::ShipmentScore after = Screen(dir, db, rules, "S-1", "2026-12-01", &summary);
  CHECK(DecisionName(after.decision()) == "clear");
  CHECK(after.score() == 0);
  CHECK(after.hits_size() == 0);
  REQUIRE(after.suppressed_hits_size() == 1);
  CHECK(after.suppressed_hits(0).rule_id() == "listed_party_watch");
  CHECK(after.suppressed_hits(0).contribution() == 0);
  const scores::Review& review = after.suppressed_hits(0).evidence(0).review();
  CHECK(review.source() == "decision");
  CHECK(review.verdict() == "cleared");
  CHECK(review.suppressed());
  CHECK(review.decided_by() == "a.analyst");
  CHECK(review.reason() == "different company: Lahore, other owners");
  CHECK(review.decision_id() == 1);
  CHECK(!review.decided_at().empty());
  CHECK(summary.suppressed_evidence() == 1);
  // explain shows it, marked as not counted, with the decision.
  auto explained = RunCorridor(dir, "explain --scores " + dir.File("run.scores"));
  REQUIRE(explained.exit_code == 0);
  CHECK_THAT(explained.out, Catch::Contains("  suppressed  listed_party_watch (not counted)\n"
                                            "      - consignee E-2 \"Karakoram Trading Company\""));
  CHECK_THAT(explained.out, Catch::Contains("        cleared by a.analyst on "));
  CHECK_THAT(explained.out, Catch::Contains(": different company: Lahore, other owners "
                                            "(decision 1, until 2027-06-01)\n"));

  SECTION("expired: back as new") {
    scores::ShipmentScore expired = Screen(dir, db, rules, "S-1", "2027-06-01");
    CHECK(DecisionName(expired.decision()) == "review");
    REQUIRE(expired.hits_size() == 1);
    CHECK(expired.hits(0).evidence(0).review().lapsed() == "expired on 2027-06-01");
    CHECK(!expired.hits(0).evidence(0).review().suppressed());
  }
  SECTION("a new alias of the party: back as new") {
    Execute(db, "INSERT INTO entity_alias(entity_id, name) VALUES ('E-2', 'KTC Lahore')");
    scores::ShipmentScore changed = Screen(dir, db, rules, "S-1", "2026-12-01");
    CHECK(DecisionName(changed.decision()) == "review");
    CHECK(changed.score() == 45);
    REQUIRE(changed.hits_size() == 1);
    CHECK(changed.hits(0).evidence(0).review().lapsed() ==
          "the party's record changed since the decision");
  }
  SECTION("a changed list entry: back as new") {
    Execute(db,
            "INSERT INTO list_alias(list_id, entry_id, name) VALUES ('watch', 'W-77', 'KTC');"
            "UPDATE list_entry SET digest = 'digest-v2' WHERE entry_id = 'W-77'");
    scores::ShipmentScore changed = Screen(dir, db, rules, "S-1", "2026-12-01");
    CHECK(DecisionName(changed.decision()) == "review");
    REQUIRE(changed.hits_size() == 1);
    CHECK(changed.hits(0).evidence(0).review().lapsed() ==
          "the list entry changed since the decision");
  }
  SECTION("a later confirmation is shown and does not suppress") {
    auto confirmed = RunCorridor(dir, "decide --db " + db +
                                          " --party E-2 --hit listed_party_watch:watch:W-77 "
                                          "--decision confirmed --by b.lead --reason 'same owner'");
    REQUIRE(confirmed.exit_code == 0);
    scores::ShipmentScore upheld = Screen(dir, db, rules, "S-1", "2026-12-01");
    CHECK(DecisionName(upheld.decision()) == "review");
    REQUIRE(upheld.hits_size() == 1);
    CHECK(upheld.hits(0).evidence(0).review().verdict() == "confirmed");
    CHECK(upheld.hits(0).evidence(0).review().decided_by() == "b.lead");
    CHECK(!upheld.hits(0).evidence(0).review().suppressed());
  }
  SECTION("another shipment naming the party is not covered by a shipment-scoped decision") {
    Execute(db,
            "INSERT INTO shipment(shipment_id) VALUES ('S-3');"
            "INSERT INTO shipment_party VALUES ('S-3', 'E-2', 'consignee')");
    CHECK(DecisionName(Screen(dir, db, rules, "S-3", "2026-12-01").decision()) == "review");
  }
}

TEST_CASE("A decision on a SQL rule's evidence covers that evidence, not the rule's new rows",
          "[decisions]") {
  // Before: a decision on a SQL rule's hit was keyed on the shipment digest alone, which the lists
  // do not change, so it also suppressed the rule's new row for a new list match and the shipment
  // cleared (review finding 1).
  TempDir dir;
  std::string db = testing::MakeDatabase(dir, kWorldSql);
  std::string rules = testing::MakeRules(
      dir, {{"scoring.textproto", testing::kTestScoring},
            {"rules.textproto",
             "rule { id: \"watch_sql\" description: \"d\" category: SECONDARY_SANCTIONS "
             "weight: 70 decision_floor: HOLD\n"
             "  sql { query: \"SELECT role || ' ' || entity_id || ' matches ' || list_id || ':' "
             "|| entry_id AS summary FROM list_match ORDER BY entry_id\" } }\n"}});
  scores::ShipmentScore first = Screen(dir, db, rules, "S-1", "2026-12-01");
  REQUIRE(DecisionName(first.decision()) == "hold");
  REQUIRE(first.hits_size() == 1);
  REQUIRE(first.hits(0).evidence_size() == 1);
  const scores::Evidence& seen = first.hits(0).evidence(0);
  CHECK(seen.summary() == "consignee E-2 matches watch:W-77");
  REQUIRE(seen.matched_value().size() == 20);
  CHECK(seen.matched_value().rfind("sql:", 0) == 0);

  SECTION("a decision naming no evidence covers none of a SQL rule's") {
    auto decided = RunCorridor(dir, "decide --db " + db +
                                        " --shipment S-1 --hit watch_sql --decision cleared "
                                        "--by a.analyst --reason 'internal list only'");
    REQUIRE(decided.exit_code == 0);
    CHECK(DecisionName(Screen(dir, db, rules, "S-1", "2026-12-01").decision()) == "hold");
  }
  SECTION("a decision naming the evidence covers it, and not the rule's row for a new match") {
    auto decided =
        RunCorridor(dir, "decide --db " + db + " --shipment S-1 --hit watch_sql --evidence " +
                             seen.matched_value() +
                             " --decision cleared --by a.analyst --reason "
                             "'internal list only'");
    INFO(decided.err);
    REQUIRE(decided.exit_code == 0);
    scores::ShipmentScore cleared = Screen(dir, db, rules, "S-1", "2026-12-01");
    CHECK(DecisionName(cleared.decision()) == "clear");
    REQUIRE(cleared.suppressed_hits_size() == 1);
    CHECK(cleared.suppressed_hits(0).evidence(0).review().reason() == "internal list only");
    Execute(db,
            "INSERT INTO list_entry(list_id, entry_id, kind, name, country, digest) VALUES "
            "('watch', 'W-78', 'company', 'KARAKORAM TRADING COMPANY', 'PK', 'd')");
    scores::ShipmentScore listed = Screen(dir, db, rules, "S-1", "2026-12-01");
    CHECK(DecisionName(listed.decision()) == "hold");
    REQUIRE(listed.hits_size() == 1);
    REQUIRE(listed.hits(0).evidence_size() == 1);
    CHECK(listed.hits(0).evidence(0).summary() == "consignee E-2 matches watch:W-78");
    REQUIRE(listed.suppressed_hits_size() == 1);
    CHECK(listed.suppressed_hits(0).evidence(0).summary() == "consignee E-2 matches watch:W-77");
  }
}

TEST_CASE("An allow-list takes an allowed party's name matches out of a SQL rule's list_match",
          "[decisions]") {
  // Before: the listed_party rule showed E-2's match as suppressed, while the same match was a
  // row of list_match and a SQL rule over it held the shipment (review finding 4).
  TempDir dir;
  std::string db = testing::MakeDatabase(dir, kWorldSql);
  std::string rules = testing::MakeRules(
      dir, {{"scoring.textproto", testing::kTestScoring},
            {"rules.textproto",
             std::string(kWorldRules) +
                 "rule { id: \"watch_sql\" description: \"d\" category: SECONDARY_SANCTIONS "
                 "weight: 70 decision_floor: HOLD\n"
                 "  sql { query: \"SELECT entity_id || ' matches ' || entry_id AS summary FROM "
                 "list_match\" } }\n"}});
  REQUIRE(DecisionName(Screen(dir, db, rules, "S-1", "2026-12-01").decision()) == "hold");
  Execute(db, R"sql(
    INSERT INTO list_source(list_id, version) VALUES ('good-guys', '2026-12-01');
    INSERT INTO list_entry(list_id, entry_id, kind, name, country) VALUES
      ('good-guys', 'E-2', 'company', 'Karakoram Trading Company', 'PK');)sql");
  scores::ShipmentScore allowed = Screen(dir, db, rules, "S-1", "2026-12-01");
  CHECK(DecisionName(allowed.decision()) == "clear");
  for (const scores::RuleHit& hit : allowed.hits()) CHECK(hit.rule_id() != "watch_sql");
  // The namesake in another country, whom the entry does not name, still hits.
  CHECK(DecisionName(Screen(dir, db, rules, "S-2", "2026-12-01").decision()) == "hold");
}

TEST_CASE("A shipment-level hit cleared on its shipment comes back when the shipment changes",
          "[decisions]") {
  TempDir dir;
  std::string db = testing::MakeDatabase(dir, kWorldSql);
  std::string rules = testing::MakeRules(
      dir, {{"scoring.textproto", testing::kTestScoring},
            {"rules.textproto",
             "rule { id: \"to_pk\" description: \"d\" category: SECONDARY_SANCTIONS weight: 30 "
             "jurisdiction { subjects: [DESTINATION] countries: [\"PK\"] } }\n"}});
  Execute(db, R"sql(
INSERT INTO shipment_item(shipment_id, line, hs_code, eccn, us_content_percent, brand_country)
  VALUES ('S-1', 1, '8471', 'EAR99', 30, 'CN');
INSERT INTO shipment_document(shipment_id, kind, reference) VALUES
  ('S-1', 'end_use_certificate', 'EUC-2025-118');
INSERT INTO payment(shipment_id, payment_id, payer_entity_id, payer_country, amount) VALUES
  ('S-1', 'P-1', 'E-2', 'PK', 1000);
)sql");
  REQUIRE(DecisionName(Screen(dir, db, rules, "S-1", "2026-12-01").decision()) == "review");
  auto decided = RunCorridor(dir, "decide --db " + db +
                                      " --shipment S-1 --hit to_pk --decision "
                                      "cleared --by a.analyst --reason 'licence on file'");
  INFO(decided.err);
  REQUIRE(decided.exit_code == 0);
  CHECK(decided.out == "decision 1: cleared to_pk on shipment S-1 by a.analyst\n");
  scores::ShipmentScore cleared = Screen(dir, db, rules, "S-1", "2026-12-01");
  CHECK(DecisionName(cleared.decision()) == "clear");
  REQUIRE(cleared.suppressed_hits_size() == 1);
  CHECK(cleared.suppressed_hits(0).evidence(0).review().reason() == "licence on file");
  auto lapsed = [&](const std::string& reason) {
    scores::ShipmentScore changed = Screen(dir, db, rules, "S-1", "2026-12-01");
    CHECK(DecisionName(changed.decision()) == "review");
    REQUIRE(changed.hits_size() == 1);
    CHECK(changed.hits(0).evidence(0).review().lapsed() == reason);
  };
  const std::string changed = "the shipment's record changed since the decision";
  SECTION("an item added") {
    Execute(db, "INSERT INTO shipment_item(shipment_id, line, hs_code) VALUES ('S-1', 2, '8471')");
    lapsed(changed);
  }
  // Found by review (2026-12-07): evidence that names no party may rest on the export-control
  // columns (ear_licence_required), the parties (proliferation_end_use), the documents
  // (chpl_diversion) or the payments, which the digest left out: each section failed before.
  SECTION("an item's ECCN") {
    Execute(db, "UPDATE shipment_item SET eccn = '3A001'");
    lapsed(changed);
  }
  SECTION("an item's US content") {
    Execute(db, "UPDATE shipment_item SET us_content_percent = 100");
    lapsed(changed);
  }
  SECTION("an item's brand country") {
    Execute(db, "UPDATE shipment_item SET brand_country = 'US'");
    lapsed(changed);
  }
  SECTION("a party replaced") {
    Execute(db,
            "UPDATE shipment_party SET entity_id = 'E-3' WHERE shipment_id = 'S-1' AND "
            "role = 'consignee'");
    lapsed(changed);
  }
  SECTION("a party's record") {
    Execute(db,
            "UPDATE entity SET address = 'Shahrah-e-Faisal 1, Karachi' WHERE entity_id = 'E-2'");
    lapsed(changed);
  }
  SECTION("a document deleted") {
    Execute(db, "DELETE FROM shipment_document");
    lapsed(changed);
  }
  SECTION("a payment's payer country") {
    Execute(db, "UPDATE payment SET payer_country = 'RU'");
    lapsed(changed);
  }
  SECTION("a party's record re-saved with the same content holds") {
    Execute(db, "UPDATE entity SET updated_at = '2026-12-02' WHERE entity_id = 'E-2'");
    CHECK(DecisionName(Screen(dir, db, rules, "S-1", "2026-12-01").decision()) == "clear");
  }
  SECTION("a decision recorded before the digest covered all that lapses, with the reason") {
    Execute(db, R"sql(INSERT INTO decision(shipment_id, rule_id, verdict, decided_by, reason,
                        decided_at, shipment_digest)
                      SELECT shipment_id, rule_id, verdict, decided_by, reason, decided_at,
                             substr(shipment_digest, 3)
                      FROM decision WHERE decision_id = 1;)sql");
    lapsed(
        "the decision was recorded before it covered the shipment's parties, documents, "
        "payments and export-control columns (2026-12-07): record it again");
  }
}

// Found by review (2026-12-07): third_country_payer's evidence names the payer, which is no
// shipment party; decide refused it with --shipment, and a party-wide decision on it read at
// screening as "the party's record is missing" and never held.
TEST_CASE("A decision on the payer of third_country_payer evidence applies to it", "[decisions]") {
  TempDir dir;
  std::string db =
      testing::MakeDatabase(dir,
                            testing::ReadText(SourceFile("samples/corridor_demo.sql")) +
                                testing::ReadText(SourceFile("samples/corridor_demo_payments.sql")),
                            "demo.db");
  const std::string rules = SourceFile("rules");
  auto payer_hit = [](const scores::ShipmentScore& score, bool suppressed) {
    for (const scores::RuleHit& hit : suppressed ? score.suppressed_hits() : score.hits()) {
      for (const scores::Evidence& evidence : hit.evidence()) {
        if (evidence.party().entity_id() == "E-625") return evidence;
      }
    }
    return scores::Evidence();
  };
  scores::ShipmentScore before = Screen(dir, db, rules, "S-90", "2025-12-01");
  REQUIRE(payer_hit(before, false).party().entity_id() == "E-625");
  auto decided = RunCorridor(dir, "decide --db " + db +
                                      " --party E-625 --shipment S-90 --hit third_country_payer "
                                      "--decision cleared --by a.analyst "
                                      "--reason 'payment agent, contract on file'");
  INFO(decided.err);
  REQUIRE(decided.exit_code == 0);
  scores::ShipmentScore after = Screen(dir, db, rules, "S-90", "2025-12-01");
  CHECK(payer_hit(after, false).party().entity_id().empty());
  const scores::Evidence cleared = payer_hit(after, true);
  CHECK(cleared.review().suppressed());
  CHECK(cleared.review().lapsed().empty());
  // The payer's record changes: the decision lapses, and says why.
  Execute(db, "UPDATE entity SET address = '1 Tverskaya Street, Moscow' WHERE entity_id = 'E-625'");
  scores::ShipmentScore changed = Screen(dir, db, rules, "S-90", "2025-12-01");
  CHECK(payer_hit(changed, false).review().lapsed() ==
        "the party's record changed since the decision");
  // An entity that is neither party nor payer of the shipment is still refused.
  testing::CommandResult other = RunCorridor(dir, "decide --db " + db +
                                                      " --party E-625 --shipment S-01 --hit "
                                                      "third_country_payer --decision cleared "
                                                      "--by a.analyst --reason 'x'");
  CHECK(other.exit_code == 1);
  CHECK(other.err.find("entity 'E-625' is not a party or payer of shipment 'S-01'") !=
        std::string::npos);
}

TEST_CASE("decide and audit on the command line", "[decisions][cli]") {
  TempDir dir;
  std::string db = testing::MakeDatabase(dir, kWorldSql);
  std::string rules = testing::MakeRules(
      dir, {{"scoring.textproto", testing::kTestScoring}, {"rules.textproto", kWorldRules}});
  auto bad = RunCorridor(dir, "decide --db " + db +
                                  " --party E-2 --hit listed_party_watch "
                                  "--decision waved --by x --reason y");
  CHECK(bad.exit_code == 2);
  CHECK(bad.err ==
        "corridor decide: --decision must be cleared, confirmed or escalated, got "
        "'waved'\n");
  auto missing = RunCorridor(dir, "decide --db " + db +
                                      " --party E-404 --hit r "
                                      "--decision cleared --by x --reason y");
  CHECK(missing.exit_code == 1);
  CHECK(missing.err == "corridor decide: entity 'E-404' does not exist\n");
  REQUIRE(RunCorridor(dir, "decide --db " + db +
                               " --party E-2 --hit listed_party_watch:watch:W-77"
                               " --decision escalated --by a.analyst --reason 'ask legal'")
              .exit_code == 0);

  REQUIRE(RunCorridor(dir, "screen --db " + db + " --rules " + rules + " --out " +
                               dir.File("all.scores") + " --as-of 2026-12-01")
              .exit_code == 0);
  auto recorded = RunCorridor(
      dir, "audit record-run --db " + db + " --scores " + dir.File("all.scores") + " --by nightly");
  INFO(recorded.err);
  REQUIRE(recorded.exit_code == 0);
  CHECK(recorded.out ==
        "audit 2: screened 2 shipments as of 2026-12-01: 0 block, 0 hold, 2 review, 0 clear\n");
  // An unfinished scores file is no run.
  testing::WriteText(dir.File("cut.scores"),
                     testing::ReadText(dir.File("all.scores")).substr(0, 40));
  auto cut = RunCorridor(
      dir, "audit record-run --db " + db + " --by x --scores " + dir.File("cut.scores"));
  CHECK(cut.exit_code == 1);
  CHECK_THAT(cut.err, Catch::StartsWith("corridor audit record-run: " + dir.File("cut.scores") +
                                        ": record "));  // the file named once

  auto csv = RunCorridor(dir, "audit --db " + db);
  REQUIRE(csv.exit_code == 0);
  CHECK_THAT(csv.out, Catch::StartsWith("audit_id,recorded_at,event,actor,subject,detail\n1,"));
  CHECK_THAT(
      csv.out,
      Catch::Contains(",decision,a.analyst,escalated listed_party_watch:watch:W-77 on party E-2,"));
  CHECK_THAT(csv.out, Catch::Contains(
                          ",screen_run,nightly,\"screened 2 shipments as of 2026-12-01: 0 block,"));
  auto json = RunCorridor(dir, "audit --db " + db + " --format json --since 2000-01-01");
  REQUIRE(json.exit_code == 0);
  CHECK_THAT(json.out, Catch::Contains("\"rules_digest\": \""));
  CHECK_THAT(json.out, Catch::Contains("\"list_id\": \"watch\""));
  auto later = RunCorridor(dir, "audit --db " + db + " --since 2999-01-01");
  CHECK(later.out == "audit_id,recorded_at,event,actor,subject,detail\n");
  CHECK(RunCorridor(dir, "audit --db " + db + " --since yesterday").exit_code == 2);
}

}  // namespace corridor

// --- desk round 3: an allow-list is never a source of hits on any path ---------------------

namespace corridor {
namespace {

// E-OWN, a namesake of the listed W-77, owns 60% of E-SUB (S-3's consignee). G-OWN, an entry of
// the allow-list that carries a program (an FtM file imported as an allow-list), owns 60% of the
// unlisted W-SUB, whose name E-5 (S-4's consignee) has.
const char* kOwnershipWorldSql = R"sql(
INSERT INTO entity(entity_id, kind, name, country) VALUES
  ('E-OWN', 'company', 'Karakoram Trading Company', 'PK'),
  ('E-SUB', 'company', 'Indus Freight Services', 'PK'),
  ('E-5', 'company', 'Lahore Textile Mills', 'PK');
INSERT INTO ownership(owner_id, owned_id, share) VALUES ('E-OWN', 'E-SUB', 60);
INSERT INTO shipment(shipment_id, shipped_on, origin_country, destination_country) VALUES
  ('S-3', '2026-11-01', 'DE', 'PK'), ('S-4', '2026-11-02', 'DE', 'PK');
INSERT INTO shipment_party(shipment_id, entity_id, role) VALUES
  ('S-3', 'E-SUB', 'consignee'), ('S-4', 'E-5', 'consignee');
INSERT INTO list_source(list_id, version) VALUES ('watch', '2026-11-20'), ('good-guys', '2026-12-01');
INSERT INTO list_entry(list_id, entry_id, kind, name, country, programs) VALUES
  ('watch', 'W-77', 'company', 'Karakoram Trading Co', 'PK', 'SDGT'),
  ('watch', 'W-SUB', 'company', 'Lahore Textile Mills', 'PK', NULL),
  ('good-guys', 'G-OWN', 'company', 'Good Holdings Limited', 'AE', 'LEGACY');
INSERT INTO list_link(list_id, entry_id, kind, target_list_id, target_entry_id, target_name, share)
  VALUES ('good-guys', 'G-OWN', 'ownership', 'watch', 'W-SUB', 'Lahore Textile Mills', 60);
)sql";

const char* kOwnershipRules = R"pb(
  rule {
    id: "owned_by_listed"
    description: "owned 50% or more by listed parties (any list)"
    category: SECONDARY_SANCTIONS
    weight: 70
    decision_floor: HOLD
    owned_by_listed_party {}
  }
  list { id: "watch" role: WATCH }
  list { id: "good-guys" role: ALLOW }
)pb";

// The decision and rule ids of one shipment, from the batch and from the in-memory scorer that
// serves POST /screen.
struct BothPaths {
  std::string batch, serve;
  std::vector<std::string> batch_hits, serve_hits;
};

BothPaths ScoreBothWays(const TempDir& dir, const std::string& db, const std::string& rules,
                        const std::string& shipment_id) {
  BothPaths out;
  scores::ShipmentScore batch = Screen(dir, db, rules, shipment_id, "2026-12-01");
  out.batch = DecisionName(batch.decision());
  for (const scores::RuleHit& hit : batch.hits()) out.batch_hits.push_back(hit.rule_id());
  std::unique_ptr<ShipmentScorer> scorer;
  REQUIRE(ShipmentScorer::Load({db, rules, "2026-12-01"}, &scorer).ok());
  std::unique_ptr<InputDatabase> input;
  REQUIRE(InputDatabase::Open(db, &input).ok());
  auto source = input->Shipments({shipment_id});
  Shipment shipment;
  REQUIRE(source->Next(&shipment));
  scores::ShipmentScore served;
  scorer->Score(std::move(shipment), &served);
  out.serve = DecisionName(served.decision());
  for (const scores::RuleHit& hit : served.hits()) out.serve_hits.push_back(hit.rule_id());
  return out;
}

}  // namespace

TEST_CASE(
    "The ownership rule: an allow-list entry is never a listed owner, an allowed owner's "
    "namesake match blocks nothing",
    "[decisions][allow]") {
  TempDir dir;
  std::string db = testing::MakeDatabase(dir, kOwnershipWorldSql);
  std::string rules = testing::MakeRules(
      dir, {{"scoring.textproto", testing::kTestScoring}, {"rules.textproto", kOwnershipRules}});
  // S-4: the allow-list's G-OWN (with a program) "owns" W-SUB, whose name E-5 has. An allow-list
  // is no source of blocked owners: clear in the batch and in serve's engine.
  BothPaths s4 = ScoreBothWays(dir, db, rules, "S-4");
  CHECK(s4.batch == "clear");
  CHECK(s4.serve == "clear");
  CHECK(s4.batch_hits.empty());
  CHECK(s4.serve_hits.empty());
  // S-3: E-SUB is 60% owned by E-OWN, a namesake of the listed W-77: held on both paths ...
  BothPaths s3 = ScoreBothWays(dir, db, rules, "S-3");
  CHECK(s3.batch == "hold");
  CHECK(s3.serve == "hold");
  CHECK(s3.batch_hits == std::vector<std::string>{"owned_by_listed"});
  // ... until the company's KYC puts E-OWN on its allow-list (by name and country): its namesake
  // match no longer makes it a listed owner.
  Execute(db, R"sql(INSERT INTO list_entry(list_id, entry_id, kind, name, country) VALUES
                      ('good-guys', 'G-1', 'company', 'KARAKORAM TRADING COMPANY', 'PK');)sql");
  s3 = ScoreBothWays(dir, db, rules, "S-3");
  CHECK(s3.batch == "clear");
  CHECK(s3.serve == "clear");
  CHECK(s3.batch_hits.empty());
  CHECK(s3.serve_hits.empty());
}

TEST_CASE(
    "A cleared ownership finding comes back when the records above the party change, not below",
    "[decisions][ownership]") {
  // docs/decisions.md "What screening does with them": a decision on a hit without a list entry
  // remembers the ownership records above its party (decisions::ChainDigest).
  TempDir dir;
  std::string db = testing::MakeDatabase(dir, kOwnershipWorldSql);
  std::string rules = testing::MakeRules(
      dir, {{"scoring.textproto", testing::kTestScoring}, {"rules.textproto", kOwnershipRules}});
  REQUIRE(DecisionName(Screen(dir, db, rules, "S-3", "2026-12-01").decision()) == "hold");
  auto decide = [&] {
    auto decided = RunCorridor(dir, "decide --db " + db +
                                        " --party E-SUB --hit owned_by_listed --decision cleared "
                                        "--by a.analyst --reason 'owner is not the listed one'");
    INFO(decided.err);
    REQUIRE(decided.exit_code == 0);
  };
  auto lapsed = [&](const std::string& reason) {
    scores::ShipmentScore back = Screen(dir, db, rules, "S-3", "2026-12-01");
    CHECK(DecisionName(back.decision()) == "hold");
    REQUIRE(back.hits_size() == 1);
    CHECK(back.hits(0).rule_id() == "owned_by_listed");
    CHECK(!back.hits(0).evidence(0).review().suppressed());
    CHECK(back.hits(0).evidence(0).review().lapsed() == reason);
  };
  const std::string chain = "the ownership records above the party changed since the decision";
  decide();
  scores::ShipmentScore cleared = Screen(dir, db, rules, "S-3", "2026-12-01");
  CHECK(DecisionName(cleared.decision()) == "clear");
  REQUIRE(cleared.suppressed_hits_size() == 1);
  const scores::Ownership& seen = cleared.suppressed_hits(0).evidence(0).ownership();
  REQUIRE(seen.path_size() >= 1);
  CHECK(seen.path(0).owner() == "entity:E-OWN");
  CHECK(std::vector<std::string>(seen.listed_as().begin(), seen.listed_as().end()) ==
        std::vector<std::string>{"watch:W-77"});

  SECTION("a company below the party changes nothing") {
    Execute(db, R"sql(INSERT INTO entity(entity_id, kind, name, country) VALUES
                        ('E-LOW', 'company', 'Sialkot Sports Goods', 'PK');
                      INSERT INTO ownership(owner_id, owned_id, share) VALUES
                        ('E-SUB', 'E-LOW', 100);)sql");
    CHECK(DecisionName(Screen(dir, db, rules, "S-3", "2026-12-01").decision()) == "clear");
  }
  SECTION("the owner's share changes") {
    Execute(db, "UPDATE ownership SET share = 80 WHERE owner_id = 'E-OWN'");
    lapsed(chain);
    // A new decision on what the reviewer now sees holds again.
    decide();
    CHECK(DecisionName(Screen(dir, db, rules, "S-3", "2026-12-01").decision()) == "clear");
  }
  SECTION("the owner's own record changes") {
    Execute(db, "UPDATE entity SET address = 'Mall Road 5, Lahore' WHERE entity_id = 'E-OWN'");
    lapsed(chain);
  }
  SECTION("an owner's alias is added") {
    Execute(db, "INSERT INTO entity_alias(entity_id, name) VALUES ('E-OWN', 'KTC')");
    lapsed(chain);
  }
  SECTION("a new owner further up") {
    Execute(db, R"sql(INSERT INTO entity(entity_id, kind, name, country) VALUES
                        ('E-TOP', 'company', 'Gwadar Holdings', 'PK');
                      INSERT INTO ownership(owner_id, owned_id, share) VALUES
                        ('E-TOP', 'E-OWN', 30);)sql");
    lapsed(chain);
  }
  SECTION("a list import changes the entry the owner matched") {
    Execute(db, R"sql(INSERT INTO list_import(import_id, list_id, version) VALUES
                        (7, 'watch', '2026-12-02');
                      INSERT INTO list_change(import_id, list_id, entry_id, change, name) VALUES
                        (7, 'watch', 'W-77', 'changed', 'Karakoram Trading Co');)sql");
    lapsed(
        "list entry watch:W-77 of the ownership finding was added or changed by a list import "
        "since the decision");
    // Decided again after that import: the reviewer has seen it.
    decide();
    CHECK(DecisionName(Screen(dir, db, rules, "S-3", "2026-12-01").decision()) == "clear");
  }
  SECTION("a list import adds an entry the owner's name matches too") {
    Execute(db, R"sql(INSERT INTO list_entry(list_id, entry_id, kind, name, country, programs)
                        VALUES ('watch', 'W-99', 'company', 'Karakoram Trading Company', 'PK',
                                'SDGT');
                      INSERT INTO list_import(import_id, list_id, version) VALUES
                        (8, 'watch', '2026-12-03');
                      INSERT INTO list_change(import_id, list_id, entry_id, change, name) VALUES
                        (8, 'watch', 'W-99', 'added', 'Karakoram Trading Company');)sql");
    lapsed(
        "list entry watch:W-99 of the ownership finding was added or changed by a list import "
        "since the decision");
  }
  SECTION("a list import that changes another entry holds") {
    Execute(db, R"sql(INSERT INTO list_import(import_id, list_id, version) VALUES
                        (7, 'watch', '2026-12-02');
                      INSERT INTO list_change(import_id, list_id, entry_id, change, name) VALUES
                        (7, 'watch', 'W-SUB', 'changed', 'Lahore Textile Mills');)sql");
    CHECK(DecisionName(Screen(dir, db, rules, "S-3", "2026-12-01").decision()) == "clear");
  }
  // Found by review (2026-12-07): ChainDigest followed the chain with SQL's =, which a BLOB id
  // never equals; the ownership loader reads such rows. Each section left S-3 clear before.
  SECTION("a new owner of the party recorded with a BLOB id") {
    Execute(db, R"sql(INSERT INTO entity(entity_id, kind, name, country) VALUES
                        ('E-NEW', 'company', 'Gwadar Holdings', 'PK');
                      INSERT INTO ownership(owner_id, owned_id, share) VALUES
                        ('E-NEW', CAST('E-SUB' AS BLOB), 20);)sql");
    lapsed(chain);
  }
  SECTION("a new owner further up recorded with BLOB ids") {
    Execute(db, R"sql(INSERT INTO entity(entity_id, kind, name, country) VALUES
                        (CAST('E-TOP' AS BLOB), 'company', 'Gwadar Holdings', 'PK');
                      INSERT INTO ownership(owner_id, owned_id, share) VALUES
                        (CAST('E-TOP' AS BLOB), CAST('E-OWN' AS BLOB), 30);)sql");
    lapsed(chain);
  }
  SECTION("an owner's alias recorded with a BLOB id") {
    Execute(db, "INSERT INTO entity_alias(entity_id, name) VALUES (CAST('E-OWN' AS BLOB), 'KTC')");
    lapsed(chain);
  }
  SECTION("the owner's record re-saved with the same content holds") {
    Execute(db, "UPDATE entity SET updated_at = '2026-12-02' WHERE entity_id = 'E-OWN'");
    CHECK(DecisionName(Screen(dir, db, rules, "S-3", "2026-12-01").decision()) == "clear");
  }
}

TEST_CASE(
    "A cleared ownership finding comes back when an owner beyond the shown paths is listed, or "
    "a dated record comes into force",
    "[decisions][ownership]") {
  // Review of fcb20e8 (findings 1 and 2): the evidence shows at most four paths, and screening
  // skips ownership rows dated after its as-of day.
  TempDir dir;
  std::string db = testing::MakeDatabase(dir, R"sql(
INSERT INTO entity(entity_id, kind, name, country) VALUES
  ('P', 'company', 'Quetta Cement Works', 'PK'),
  ('O1', 'company', 'Alborz Shipping Agency', 'IR'),
  ('O2', 'company', 'Caspian Dredging Services', 'IR'),
  ('O3', 'company', 'Zagros Valve Foundry', 'IR'),
  ('O4', 'company', 'Hormuz Cable Industries', 'IR'),
  ('O5', 'company', 'Makran Fertiliser Trading', 'AE'),
  ('O6', 'company', 'Sistan Power Equipment', 'IR');
INSERT INTO ownership(owner_id, owned_id, share, as_of) VALUES
  ('O1', 'P', 12, '2026-06-01'), ('O2', 'P', 12, '2026-06-01'), ('O3', 'P', 12, '2026-06-01'),
  ('O4', 'P', 12, '2026-06-01'), ('O5', 'P', 5, '2026-06-01'),
  ('O6', 'P', 30, '2027-01-15');
INSERT INTO shipment(shipment_id, shipped_on, origin_country, destination_country) VALUES
  ('S-9', '2026-11-01', 'PK', 'AE');
INSERT INTO shipment_party(shipment_id, entity_id, role) VALUES ('S-9', 'P', 'consignee');
INSERT INTO list_source(list_id, version) VALUES ('watch', '2026-11-20');
INSERT INTO list_entry(list_id, entry_id, kind, name, country, programs) VALUES
  ('watch', 'W1', 'company', 'Alborz Shipping Agency', 'IR', 'IRAN'),
  ('watch', 'W2', 'company', 'Caspian Dredging Services', 'IR', 'IRAN'),
  ('watch', 'W3', 'company', 'Zagros Valve Foundry', 'IR', 'IRAN'),
  ('watch', 'W4', 'company', 'Hormuz Cable Industries', 'IR', 'IRAN'),
  ('watch', 'W6', 'company', 'Sistan Power Equipment', 'IR', 'IRAN');
)sql");
  // One rule that reports both findings (the bundled rules keep them apart).
  std::string rules = testing::MakeRules(
      dir, {{"scoring.textproto", testing::kTestScoring},
            {"rules.textproto", R"pb(
               rule {
                 id: "owned_by_listed"
                 description: "owned by listed parties: blocked or minority"
                 category: SECONDARY_SANCTIONS
                 weight: 70
                 decision_floor: HOLD
                 owned_by_listed_party { findings: [ BLOCKED_BY_OWNERSHIP, MINORITY_OWNERSHIP ] }
               }
               list { id: "watch" role: WATCH }
             )pb"}});
  // Four listed owners of 12% each: minority exposure (48%), reviewed and cleared.
  scores::ShipmentScore before = Screen(dir, db, rules, "S-9", "2026-12-01");
  REQUIRE(before.hits_size() == 1);
  REQUIRE(before.hits(0).evidence(0).ownership().finding() == "minority_ownership");
  auto decided = RunCorridor(dir, "decide --db " + db +
                                      " --party P --hit owned_by_listed --decision cleared "
                                      "--by a.analyst --reason 'minority, documented'");
  INFO(decided.err);
  REQUIRE(decided.exit_code == 0);
  REQUIRE(DecisionName(Screen(dir, db, rules, "S-9", "2026-12-01").decision()) == "clear");

  SECTION("a fifth owner, beyond the four paths shown, is listed by an import") {
    Execute(db, R"sql(INSERT INTO list_entry(list_id, entry_id, kind, name, country, programs)
                        VALUES ('watch', 'W5', 'company', 'Makran Fertiliser Trading', 'AE',
                                'IRAN');
                      INSERT INTO list_import(import_id, list_id, version) VALUES
                        (3, 'watch', '2026-12-05');
                      INSERT INTO list_change(import_id, list_id, entry_id, change, name) VALUES
                        (3, 'watch', 'W5', 'added', 'Makran Fertiliser Trading');)sql");
    scores::ShipmentScore after = Screen(dir, db, rules, "S-9", "2026-12-01");
    REQUIRE(after.hits_size() == 1);
    const scores::Evidence& evidence = after.hits(0).evidence(0);
    CHECK(evidence.ownership().finding() == "blocked_by_ownership");
    CHECK(after.hits(0).evidence_size() == 4);  // O5's path is not among those shown ...
    CHECK(std::vector<std::string>(evidence.ownership().listed_as().begin(),
                                   evidence.ownership().listed_as().end()) ==
          std::vector<std::string>{"watch:W1", "watch:W2", "watch:W3", "watch:W4",
                                   "watch:W5"});  // ... but it is listed above the party
    CHECK(!evidence.review().suppressed());
    CHECK(evidence.review().lapsed() ==
          "list entry watch:W5 of the ownership finding was added or changed by a list import "
          "since the decision");
  }
  SECTION("a record dated after the decision comes into force") {
    scores::ShipmentScore later = Screen(dir, db, rules, "S-9", "2027-02-01");
    REQUIRE(later.hits_size() == 1);
    CHECK(later.hits(0).evidence(0).ownership().finding() == "blocked_by_ownership");
    CHECK(later.hits(0).evidence(0).review().lapsed() ==
          "an ownership record above the party came into force since the decision");
  }
}

// Found by review (2026-12-07): an ownership row dated after the report the reviewer read, but
// on or before the decision's day, never lapsed the decision (the check compared the row's date
// with the decision's day). The report's as-of day is recorded now (`decide --as-of`, the review
// page); without it, a row dated on the decision's day lapses it too.
TEST_CASE("A cleared ownership finding lapses by a record dated after the report decided on",
          "[decisions][ownership]") {
  TempDir dir;
  std::string db = testing::MakeDatabase(dir, kOwnershipWorldSql);
  std::string rules = testing::MakeRules(
      dir, {{"scoring.textproto", testing::kTestScoring}, {"rules.textproto", kOwnershipRules}});
  // A stake that takes effect on the decision's day (2026-12-10), recorded before it.
  Execute(db, R"sql(INSERT INTO entity(entity_id, kind, name, country) VALUES
                      ('E-NEW', 'company', 'Gwadar Holdings', 'PK');
                    INSERT INTO ownership(owner_id, owned_id, share, as_of) VALUES
                      ('E-NEW', 'E-SUB', 10, '2026-12-10');)sql");
  REQUIRE(DecisionName(Screen(dir, db, rules, "S-3", "2026-12-09").decision()) == "hold");
  auto decide = [&](const std::string& seen_as_of) {
    decisions::DecisionRequest request;
    request.entity_id = "E-SUB";
    request.hit.rule_id = "owned_by_listed";
    request.verdict = decisions::Verdict::kCleared;
    request.decided_by = "a.analyst";
    request.reason = "owner is not the listed one";
    request.decided_at = "2026-12-10T09:00:00Z";
    request.seen_as_of = seen_as_of;
    decisions::DecisionRecord record;
    REQUIRE(decisions::RecordDecision(db, request, &record).ok());
    CHECK(record.seen_as_of == seen_as_of);
  };
  const std::string came = "an ownership record above the party came into force since the decision";
  auto next_day = [&] { return Screen(dir, db, rules, "S-3", "2026-12-11"); };
  SECTION("decided on the report of the day before, which it says") {
    decide("2026-12-09");
    scores::ShipmentScore later = next_day();
    CHECK(DecisionName(later.decision()) == "hold");
    REQUIRE(later.hits_size() == 1);
    CHECK(later.hits(0).evidence(0).review().lapsed() == came);
  }
  SECTION("decided without saying which report: a record dated on the decision's day counts") {
    decide("");
    scores::ShipmentScore later = next_day();
    CHECK(DecisionName(later.decision()) == "hold");
    REQUIRE(later.hits_size() == 1);
    CHECK(later.hits(0).evidence(0).review().lapsed() == came);
  }
  SECTION("decided on the report of that day, which counted the record: it holds") {
    decide("2026-12-10");
    CHECK(DecisionName(next_day().decision()) == "clear");
  }
  SECTION("decided on an older report: a record dated between it and the decision lapses it") {
    Execute(db, "UPDATE ownership SET as_of = '2026-12-08' WHERE owner_id = 'E-NEW'");
    // Unsaid, the decision's day stands for the report's: a record dated two days before counts
    // as seen (decide --as-of says otherwise) ...
    decide("");
    CHECK(DecisionName(next_day().decision()) == "clear");
    // ... and said, it does not.
    decide("2026-12-05");
    CHECK(DecisionName(next_day().decision()) == "hold");
  }
  SECTION("decide --as-of records the report's day, and refuses a malformed one") {
    auto decided = RunCorridor(dir, "decide --db " + db +
                                        " --party E-SUB --hit owned_by_listed --decision cleared "
                                        "--by a.analyst --reason 'checked' --as-of 2026-12-01");
    INFO(decided.err);
    REQUIRE(decided.exit_code == 0);
    std::vector<decisions::DecisionRecord> listed;
    REQUIRE(decisions::ListDecisions(db, {}, &listed).ok());
    REQUIRE(listed.size() == 1);
    CHECK(listed[0].seen_as_of == "2026-12-01");
    CHECK(RunCorridor(dir, "decide --db " + db +
                               " --party E-SUB --hit owned_by_listed --decision cleared "
                               "--by a.analyst --reason 'checked' --as-of 2026-12-32")
              .exit_code == 2);
    // A report dated after the decision's day (since 2026-12-07, from a review), and a control
    // character in who decided or why, are usage errors.
    auto refused = RunCorridor(dir, "decide --db " + db +
                                        " --party E-SUB --hit owned_by_listed --decision cleared "
                                        "--by a.analyst --reason 'checked' --as-of 2999-01-01");
    CHECK(refused.exit_code == 2);
    CHECK(refused.err.find("is after the decision's day") != std::string::npos);
    refused = RunCorridor(dir, "decide --db " + db +
                                   " --party E-SUB --hit owned_by_listed --decision cleared "
                                   "--by a.analyst --reason \"$(printf 'checked\\a')\"");
    CHECK(refused.exit_code == 2);
    CHECK(refused.err.find("holds a control character") != std::string::npos);
  }
}

TEST_CASE("A decision table made before chain digests is read, and gains the column on decide",
          "[decisions]") {
  TempDir dir;
  std::string db = testing::MakeDatabase(dir, kOwnershipWorldSql);
  std::string rules = testing::MakeRules(
      dir, {{"scoring.textproto", testing::kTestScoring}, {"rules.textproto", kOwnershipRules}});
  // The table as it was before chain_digest; a cleared decision recorded then holds as before.
  Execute(db, R"sql(
CREATE TABLE decision (
  decision_id INTEGER PRIMARY KEY, shipment_id TEXT NOT NULL DEFAULT '',
  entity_id TEXT NOT NULL DEFAULT '', rule_id TEXT NOT NULL, list_id TEXT NOT NULL DEFAULT '',
  entry_id TEXT NOT NULL DEFAULT '', verdict TEXT NOT NULL, decided_by TEXT NOT NULL,
  reason TEXT NOT NULL, decided_at TEXT NOT NULL, expires_on TEXT,
  party_digest TEXT NOT NULL DEFAULT '', entry_digest TEXT NOT NULL DEFAULT '',
  shipment_digest TEXT NOT NULL DEFAULT '');)sql");
  std::unique_ptr<InputDatabase> input;
  REQUIRE(InputDatabase::Open(db, &input).ok());
  std::vector<DataProblem> problems;
  std::optional<Entity> party = input->FindEntity("E-SUB", &problems);
  REQUIRE(party);
  input.reset();
  Execute(db,
          "INSERT INTO decision(entity_id, rule_id, verdict, decided_by, reason, decided_at, "
          "party_digest) VALUES ('E-SUB', 'owned_by_listed', 'cleared', 'a.analyst', 'old', "
          "'2026-11-01T00:00:00Z', '" +
              decisions::PartyDigest(*party) + "')");
  CHECK(DecisionName(Screen(dir, db, rules, "S-3", "2026-12-01").decision()) == "clear");
  // The next decide adds the column; its decision remembers the chain.
  auto decided = RunCorridor(dir, "decide --db " + db +
                                      " --party E-SUB --hit owned_by_listed --decision cleared "
                                      "--by a.analyst --reason 'checked again'");
  INFO(decided.err);
  REQUIRE(decided.exit_code == 0);
  std::vector<decisions::DecisionRecord> records;
  REQUIRE(decisions::ListDecisions(db, {}, &records).ok());
  REQUIRE(records.size() == 2);
  CHECK(records[0].chain_digest.empty());
  CHECK(records[1].chain_digest.size() == 64);
  Execute(db, "UPDATE ownership SET share = 80 WHERE owner_id = 'E-OWN'");
  CHECK(DecisionName(Screen(dir, db, rules, "S-3", "2026-12-01").decision()) == "hold");
}

TEST_CASE("corridor match --rules: allow-lists are never searched, an allowed query is not a hit",
          "[decisions][allow][cli]") {
  TempDir dir;
  std::string db = testing::MakeDatabase(dir, kWorldSql);
  Execute(db, R"sql(
    INSERT INTO list_source(list_id, version) VALUES ('good-guys', '2026-12-01');
    INSERT INTO list_entry(list_id, entry_id, kind, name, country) VALUES
      ('good-guys', 'G-1', 'company', 'KARAKORAM TRADING COMPANY', 'PK'),
      ('good-guys', 'G-9', 'company', 'Alpha Shipping GmbH', 'DE');)sql");
  std::string rules = testing::MakeRules(
      dir, {{"scoring.textproto", testing::kTestScoring}, {"rules.textproto", kWorldRules}});
  // The allow-list's own entry is no candidate.
  auto alpha = RunCorridor(dir, "match --db " + db + " --rules " + rules +
                                    " --name \"Alpha Shipping GmbH\" --format json");
  INFO(alpha.err);
  REQUIRE(alpha.exit_code == 0);
  CHECK(alpha.out.find("good-guys") == std::string::npos);
  CHECK(alpha.out.find("\"matches\":[]") != std::string::npos);
  // The allowed party's watch-list match is shown, as allowed.
  auto allowed = RunCorridor(dir, "match --db " + db + " --rules " + rules +
                                      " --name \"Karakoram Trading Company\" --country PK");
  REQUIRE(allowed.exit_code == 0);
  CHECK(allowed.out.find("watch W-77") != std::string::npos);
  CHECK(allowed.out.find("allowed by good-guys:G-1 \"KARAKORAM TRADING COMPANY\" "
                         "(name_and_country): not a hit") != std::string::npos);
  CHECK(allowed.out.find("good-guys G-1") == std::string::npos);
  // The namesake in the Emirates is not the allowed party.
  auto namesake = RunCorridor(dir, "match --db " + db + " --rules " + rules +
                                       " --name \"Karakoram Trading Company\" --country AE "
                                       "--format json");
  REQUIRE(namesake.exit_code == 0);
  CHECK(namesake.out.find("\"entry_id\":\"W-77\"") != std::string::npos);
  CHECK(namesake.out.find("allowed_by") == std::string::npos);
  // Asking for the allow-list by name is a usage error; without --rules, stderr says what is lost.
  CHECK(RunCorridor(dir, "match --db " + db + " --rules " + rules +
                             " --lists good-guys --name \"Alpha Shipping GmbH\"")
            .exit_code == 2);
  auto no_rules = RunCorridor(dir, "match --db " + db + " --name \"Alpha Shipping GmbH\"");
  CHECK(no_rules.exit_code == 0);
  CHECK(no_rules.err.find("no --rules: every list is searched as a watch list") !=
        std::string::npos);
}

}  // namespace corridor
