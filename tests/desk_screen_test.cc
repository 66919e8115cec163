// The desk in a screening run: allow-lists (never a source of hits, suppress their parties'
// name matches) and remembered decisions (cleared hits suppressed until a digest changes or the
// decision expires), driven through the command line as an officer would (docs/decisions.md).
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "engine/incidents/acled_import.h"
#include "engine/output/explain.h"
#include "engine/output/score_stream.h"
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
  CHECK_THAT(cut.err, Catch::StartsWith("corridor audit record-run: " + dir.File("cut.scores")));

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
