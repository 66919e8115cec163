// Custom SQL rules (docs/rules.md, kind `sql`): deterministic by construction, bounded in rows,
// bytes, steps and time, and given the views they read whatever the query's spelling.
#include <catch2/catch.hpp>
#include <string>

#include "engine/config/rule_set.h"
#include "engine/output/score_stream.h"
#include "engine/screen/screen_run.h"
#include "tests/test_util.h"

namespace corridor {
namespace {

using testing::MakeDatabase;
using testing::MakeRules;
using testing::TempDir;

std::string SqlRuleText(const std::string& query, const std::string& extra = "") {
  std::string escaped;
  for (char c : query) {
    if (c == '"' || c == '\\') escaped += '\\';
    escaped += c;
  }
  return std::string(testing::kTestScoring) +
         "rule { id: \"custom\" description: \"custom\" category: SECONDARY_SANCTIONS weight: 30\n"
         "  sql { query: \"" +
         escaped + "\" " + extra + " } }\n";
}

// The diagnostics of a rules folder holding one SQL rule with `query`.
std::string CheckQuery(const std::string& query) {
  TempDir dir;
  std::string folder = MakeRules(dir, {{"r.textproto", SqlRuleText(query)}});
  RuleSet rule_set;
  Diagnostics diagnostics;
  LoadRuleSet(folder, &rule_set, &diagnostics);
  std::string text;
  for (const Diagnostic& d : diagnostics) text += d.message + "\n";
  return text;
}

const char* kWorld = R"(
INSERT INTO list_source (list_id, version) VALUES ('wl', 'test');
INSERT INTO list_entry (list_id, entry_id, kind, name, programs)
  VALUES ('wl', '1', 'company', 'SBER VOSTOK LLP', 'RUSSIA-EO14024');
INSERT INTO entity (entity_id, kind, name, country) VALUES
  ('E-OWNER', 'company', 'Sber Vostok LLP', 'KZ'),
  ('E-SUB', 'company', 'Almaty General Supply', 'KZ');
INSERT INTO ownership (owner_id, owned_id, share) VALUES ('E-OWNER', 'E-SUB', 60);
INSERT INTO shipment (shipment_id, destination_country) VALUES ('S-1', 'KZ');
INSERT INTO shipment_party VALUES ('S-1', 'E-SUB', 'consignee');
)";

// Screens the one shipment of kWorld with one SQL rule.
scores::ShipmentScore ScreenWith(const std::string& query, const std::string& extra = "") {
  TempDir dir;
  std::string db = MakeDatabase(dir, kWorld);
  std::string folder = MakeRules(dir, {{"r.textproto", SqlRuleText(query, extra)}});
  ScreenOptions options;
  options.db_path = db;
  options.rules_dir = folder;
  options.out_path = dir.File("out.scores");
  options.as_of = "2025-12-01";
  ScreenReport report;
  Status status = RunScreen(options, &report);
  INFO(status.message());
  REQUIRE(status.ok());
  std::unique_ptr<ScoreReader> reader;
  REQUIRE(ScoreReader::Open(options.out_path, &reader).ok());
  scores::ScoreRecord record;
  while (reader->Next(&record)) {
    if (record.has_shipment()) return record.shipment();
  }
  FAIL("no shipment in the output");
  return {};
}

TEST_CASE("SQL rules: functions that read the clock or chance are refused when rules load",
          "[sql]") {
  CHECK_THAT(CheckQuery("SELECT random() AS summary FROM shipment"),
             Catch::Contains("calling random(), whose result depends on when the query runs"));
  CHECK_THAT(CheckQuery("SELECT hex(randomblob(4)) AS summary FROM shipment"),
             Catch::Contains("calling randomblob()"));
  CHECK_THAT(CheckQuery("SELECT date('now') AS summary FROM shipment"),
             Catch::Contains("not allowed in a rule query: 'now'"));
  CHECK_THAT(CheckQuery("SELECT datetime(shipped_on, 'localtime') AS summary FROM shipment"),
             Catch::Contains("'localtime'"));
  CHECK_THAT(CheckQuery("SELECT CURRENT_TIMESTAMP AS summary FROM shipment"),
             Catch::Contains("calling current_timestamp()"));
  // Dates computed from the shipment are deterministic and allowed.
  CHECK(CheckQuery("SELECT date(as_of, '-30 days') AS summary FROM shipment").empty());
}

TEST_CASE("SQL rules: a clock word computed at run time is a data problem, not a date", "[sql]") {
  scores::ShipmentScore score = ScreenWith("SELECT date('n' || 'ow') AS summary FROM shipment");
  CHECK(score.hits_size() == 0);
  REQUIRE(score.problems_size() == 1);
  CHECK_THAT(score.problems(0).message(), Catch::Contains("depends on when or where"));
  // And the built-in still answers fixed dates.
  scores::ShipmentScore fixed = ScreenWith("SELECT date(as_of, '+1 day') AS summary FROM shipment");
  REQUIRE(fixed.hits_size() == 1);
  CHECK(fixed.hits(0).evidence(0).summary() == "2025-12-02");
}

TEST_CASE("SQL rules: recursive common table expressions are allowed", "[sql]") {
  // Before: reading the CTE's own rows was refused as reading a table other than the views.
  CHECK(CheckQuery("WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 3) "
                   "SELECT 'n ' || x AS summary FROM n")
            .empty());
  scores::ShipmentScore score = ScreenWith(
      "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 3) "
      "SELECT 'n ' || x AS summary FROM n");
  REQUIRE(score.hits_size() == 1);
  CHECK(score.hits(0).evidence_size() == 3);
  // Reading SQLite's own schema stays refused.
  CHECK_THAT(CheckQuery("SELECT name AS summary FROM sqlite_schema"),
             Catch::Contains("not allowed in a rule query"));
}

TEST_CASE("SQL rules: rows beyond max_rows are counted in the evidence, never dropped silently",
          "[sql]") {
  const std::string thirty =
      "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 30) "
      "SELECT 'row ' || x AS summary FROM n";
  scores::ShipmentScore score = ScreenWith(thirty);
  REQUIRE(score.hits_size() == 1);
  REQUIRE(score.hits(0).evidence_size() == 21);
  CHECK(score.hits(0).evidence(20).summary() == "... and 10 more rows not shown (max_rows 20)");
  scores::ShipmentScore five = ScreenWith(thirty, "max_rows: 5");
  REQUIRE(five.hits(0).evidence_size() == 6);
  CHECK(five.hits(0).evidence(5).summary() == "... and 25 more rows not shown (max_rows 5)");
}

TEST_CASE("SQL rules: the ownership view is filled whatever the query's spelling", "[sql]") {
  // Before: the view was filled only when the query text held the lower-case word.
  scores::ShipmentScore score = ScreenWith(
      "SELECT 'owned ' || entity_id || ' ' || STATUS AS summary FROM OWNERSHIP "
      "WHERE status = 'blocked'");
  REQUIRE(score.hits_size() == 1);
  CHECK(score.hits(0).evidence(0).summary() == "owned E-SUB blocked");
}

TEST_CASE("SQL rules: bytes, steps and time are bounded per shipment", "[sql]") {
  SECTION("a value over the byte limit") {
    scores::ShipmentScore score =
        ScreenWith("SELECT length(zeroblob(100000000)) AS summary FROM shipment");
    CHECK(score.hits_size() == 0);
    REQUIRE(score.problems_size() == 1);
    CHECK_THAT(score.problems(0).message(), Catch::Contains("too big"));
  }
  SECTION("an endless query stops at its time budget") {
    scores::ShipmentScore score = ScreenWith(
        "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) "
        "SELECT 'x' AS summary FROM n WHERE x < 0",
        "max_millis: 50");
    CHECK(score.hits_size() == 0);
    REQUIRE(score.problems_size() == 1);
    CHECK_THAT(score.problems(0).message(), Catch::Contains("query failed: ran past its"));
  }
  SECTION("a long summary is cut") {
    scores::ShipmentScore score =
        ScreenWith("SELECT printf('%.*c', 5000, 'a') AS summary FROM shipment");
    REQUIRE(score.hits_size() == 1);
    const std::string& summary = score.hits(0).evidence(0).summary();
    CHECK(summary.size() < 2100);
    CHECK_THAT(summary, Catch::EndsWith("(cut at 2000 bytes)"));
  }
}

}  // namespace
}  // namespace corridor
