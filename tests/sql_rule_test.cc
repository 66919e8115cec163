// Custom SQL rules (docs/rules.md, kind `sql`): deterministic by construction, bounded in rows,
// bytes, steps and time, and given the views they read whatever the query's spelling.
#include <catch2/catch.hpp>
#include <string>
#include <utility>
#include <vector>

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

// Screens the one shipment of `world` (SQL) with one SQL rule.
scores::ShipmentScore ScreenWorld(const std::string& world, const std::string& query,
                                  const std::string& extra = "") {
  TempDir dir;
  std::string db = MakeDatabase(dir, world);
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

// Screens the one shipment of kWorld with one SQL rule.
scores::ShipmentScore ScreenWith(const std::string& query, const std::string& extra = "") {
  return ScreenWorld(kWorld, query, extra);
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
  REQUIRE(score.problems_size() == 1);
  CHECK_THAT(score.problems(0).message(), Catch::Contains("depends on when or where"));
  // The rule did not run: it says so, and the shipment is reviewed, not clear.
  REQUIRE(score.hits_size() == 1);
  CHECK(score.decision() == REVIEW);
  // And the built-in still answers fixed dates.
  scores::ShipmentScore fixed = ScreenWith("SELECT date(as_of, '+1 day') AS summary FROM shipment");
  REQUIRE(fixed.hits_size() == 1);
  CHECK(fixed.hits(0).evidence(0).summary() == "2025-12-02");
}

TEST_CASE("SQL rules: a clock word in the input is unknown for its row, not a failed rule",
          "[sql]") {
  // Leg 2 arrived 76 days after dispatch; leg 1's date is the word 'now'. Before, the word made
  // julianday() fail for the whole shipment, leg 2 was not reported and the shipment cleared
  // (review finding 2).
  const std::string world = std::string(kWorld) + R"(
UPDATE shipment SET shipped_on = '2025-07-01' WHERE shipment_id = 'S-1';
INSERT INTO shipment_leg (shipment_id, seq, location_name, arrived_on) VALUES
  ('S-1', 1, 'Khorgos', ' NOW '), ('S-1', 2, 'Almaty', '2025-09-15');
)";
  scores::ShipmentScore score = ScreenWorld(
      world,
      "SELECT 'leg ' || l.seq || ' ' || coalesce(julianday(l.arrived_on) - "
      "julianday(s.shipped_on), 'unknown') AS summary FROM leg l, shipment s ORDER BY l.seq");
  CHECK(score.problems_size() == 0);
  REQUIRE(score.hits_size() == 1);
  REQUIRE(score.hits(0).evidence_size() == 2);
  CHECK(score.hits(0).evidence(0).summary() == "leg 1 unknown");
  CHECK(score.hits(0).evidence(1).summary() == "leg 2 76.0");
  // A clock word made from the input's value is computed, and still refused.
  scores::ShipmentScore computed =
      ScreenWorld(world, "SELECT date(lower(arrived_on)) AS summary FROM leg");
  REQUIRE(computed.problems_size() == 1);
  CHECK_THAT(computed.problems(0).message(), Catch::Contains("depends on when or where"));
}

TEST_CASE("SQL rules: a query that fails names its rule and holds the shipment for review",
          "[sql]") {
  // Before: the problem was `rule S-1 sql: query failed: :memory:: ...`, naming no rule, and a
  // BLOCK-floor rule that did not run left the shipment clear (review findings 2 and 7).
  TempDir dir;
  std::string db = MakeDatabase(dir, kWorld);
  std::string folder = MakeRules(
      dir, {{"r.textproto",
             std::string(testing::kTestScoring) +
                 "rule { id: \"rule_a\" description: \"a\" category: EXPORT_CONTROL weight: 90\n"
                 "  decision_floor: BLOCK\n"
                 "  sql { query: \"SELECT 'a' AS summary FROM shipment WHERE "
                 "length(zeroblob(2000000)) > 0\" } }\n"}});
  ScreenOptions options;
  options.db_path = db;
  options.rules_dir = folder;
  options.out_path = dir.File("out.scores");
  options.as_of = "2025-12-01";
  ScreenReport report;
  REQUIRE(RunScreen(options, &report).ok());
  std::unique_ptr<ScoreReader> reader;
  REQUIRE(ScoreReader::Open(options.out_path, &reader).ok());
  scores::ScoreRecord record;
  while (reader->Next(&record) && !record.has_shipment()) {
  }
  REQUIRE(record.has_shipment());
  const scores::ShipmentScore& score = record.shipment();
  REQUIRE(score.problems_size() == 1);
  CHECK(score.problems(0).table() == "rule");
  CHECK(score.problems(0).row_id() == "rule_a");
  CHECK(score.problems(0).message() == "query failed on S-1: string or blob too big");
  CHECK(score.decision() == REVIEW);
  REQUIRE(score.hits_size() == 1);
  CHECK(score.hits(0).decision_floor() == REVIEW);
  CHECK(score.hits(0).weight() == 0);
  CHECK(score.hits(0).evidence(0).summary() ==
        "rule rule_a: query failed on S-1: string or blob too big (the rule could not be "
        "evaluated: review)");
}

TEST_CASE("SQL rules: a row's weight of 0 weighs 0, and a weight that is no number is a problem",
          "[sql]") {
  // Before: 0, a negative, a non-number and infinity all weighed the rule's full weight (30 here),
  // while 0.001 weighed 0.001 (review finding 5).
  auto weighed = [](const std::string& weight) {
    return ScreenWith("SELECT 'w' AS summary, " + weight + " AS weight FROM shipment");
  };
  for (const char* zero : {"0", "-5", "0.0"}) {
    INFO(zero);
    scores::ShipmentScore score = weighed(zero);
    REQUIRE(score.hits_size() == 1);
    CHECK(score.hits(0).weight() == 0);
    CHECK(score.hits(0).evidence(0).weight() == 0);
    CHECK(score.score() == 0);
    CHECK(score.problems_size() == 0);
  }
  CHECK(weighed("0.001").hits(0).weight() == Approx(0.001));
  CHECK(weighed("NULL").hits(0).weight() == 30);
  CHECK(weighed("150").hits(0).weight() == 100);
  for (const auto& [weight, why] :
       std::vector<std::pair<std::string, std::string>>{{"'none'", "is not a number ('none')"},
                                                        {"9e999", "is not a finite number"},
                                                        {"x'00'", "is not a number"}}) {
    INFO(weight);
    scores::ShipmentScore score = weighed(weight);
    REQUIRE(score.hits_size() == 1);
    CHECK(score.hits(0).weight() == 0);
    REQUIRE(score.problems_size() == 1);
    CHECK(score.problems(0).row_id() == "custom");
    CHECK_THAT(score.problems(0).message(), Catch::StartsWith("weight of row 1 on S-1 " + why) &&
                                                Catch::EndsWith(": counted as 0"));
  }
}

TEST_CASE("SQL rules: evidence found before the budget runs out while counting is kept", "[sql]") {
  // Endless rows: five are kept, the rest counted until the time budget stops the query. Before,
  // the five were thrown away and the shipment cleared (review finding 8).
  scores::ShipmentScore score = ScreenWith(
      "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) "
      "SELECT 'row ' || x AS summary FROM n",
      "max_rows: 5 max_millis: 50");
  REQUIRE(score.hits_size() == 1);
  REQUIRE(score.hits(0).evidence_size() == 6);
  CHECK(score.hits(0).evidence(0).summary() == "row 1");
  CHECK(score.hits(0).weight() == 30);
  CHECK_THAT(
      score.hits(0).evidence(5).summary(),
      Catch::StartsWith("... and at least ") &&
          Catch::EndsWith(" more rows not shown (max_rows 5; counting stopped: ran past its 50 ms "
                          "budget)"));
  REQUIRE(score.problems_size() == 1);
  CHECK(score.problems(0).message() == "query failed on S-1: ran past its 50 ms budget");
  CHECK(score.decision() == REVIEW);
}

TEST_CASE("SQL rules: a blob clock word and the SQLite version are refused", "[sql]") {
  // Before: date(x'6e6f77') passed check-rules and gave today's date; sqlite_version() and its
  // kin passed too, making the output depend on the machine (review finding 6).
  CHECK_THAT(CheckQuery("SELECT date(x'6e6f77') AS summary FROM shipment"),
             Catch::Contains("not allowed in a rule query: 'now'"));
  CHECK_THAT(CheckQuery("SELECT julianday(X'204C4F43414C54494D45') AS summary FROM shipment"),
             Catch::Contains("'localtime'"));
  for (const char* call : {"sqlite_version()", "sqlite_source_id()", "sqlite_compileoption_get(0)",
                           "sqlite_compileoption_used('THREADSAFE')"}) {
    INFO(call);
    CHECK_THAT(CheckQuery(std::string("SELECT ") + call + " AS summary FROM shipment"),
               Catch::Contains("depends on the machine's SQLite"));
  }
  // Computed at run time: a data problem, not today's date.
  scores::ShipmentScore score =
      ScreenWith("SELECT date(cast('n' || 'ow' AS BLOB)) AS summary FROM shipment");
  REQUIRE(score.problems_size() == 1);
  CHECK_THAT(score.problems(0).message(), Catch::Contains("depends on when or where"));
  // A blob that is a date still is one.
  CHECK(CheckQuery("SELECT date(x'323032352d30312d3031') AS summary FROM shipment").empty());
}

TEST_CASE("SQL rules: refusals name the right reason", "[sql]") {
  // Before: table-valued functions were refused as schema changes, and a comment after the final
  // `;` as a second statement (review finding 13).
  CHECK_THAT(CheckQuery("SELECT value AS summary FROM json_each('[1]')"),
             Catch::Contains("not allowed in a rule query: table-valued functions such as "
                             "json_each() and pragma_*()"));
  CHECK_THAT(CheckQuery("SELECT name AS summary FROM pragma_table_info('party')"),
             Catch::Contains("table-valued functions"));
  CHECK(CheckQuery("SELECT 'x' AS summary FROM shipment; -- the end").empty());
  CHECK(CheckQuery("SELECT 'x' AS summary FROM shipment; /* the end */ ;").empty());
  CHECK_THAT(CheckQuery("SELECT 'x' AS summary FROM shipment; /* a */ SELECT 1"),
             Catch::Contains("the query must be a single SELECT statement"));
  CHECK_THAT(CheckQuery("CREATE TABLE t (x)"), Catch::Contains("schema changes"));
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

TEST_CASE("SQL rules: the ownership view has a row for every party, in the graph or not", "[sql]") {
  // E-LISTED matches the list and has no ownership records: no node of the graph. Before, it had
  // no row, and a query for listed parties cleared the shipment (review finding 3).
  const std::string world = R"(
INSERT INTO list_source (list_id, version) VALUES ('wl', 'test');
INSERT INTO list_entry (list_id, entry_id, kind, name, programs)
  VALUES ('wl', '1', 'company', 'SBER VOSTOK LLP', 'RUSSIA-EO14024');
INSERT INTO entity (entity_id, kind, name, country) VALUES
  ('E-LISTED', 'company', 'Sber Vostok LLP', 'KZ'),
  ('E-PLAIN', 'company', 'Almaty General Supply', 'KZ');
INSERT INTO shipment (shipment_id, destination_country) VALUES ('S-1', 'KZ');
INSERT INTO shipment_party VALUES ('S-1', 'E-LISTED', 'consignee'), ('S-1', 'E-PLAIN', 'shipper');
)";
  scores::ShipmentScore score = ScreenWorld(
      world,
      "SELECT role || ' ' || entity_id || ' ' || status || ' ' || blocked_share_lower || ' ' || "
      "blocked_share_upper || ' ' || effective_listed_share AS summary FROM ownership "
      "ORDER BY entity_id");
  REQUIRE(score.hits_size() == 1);
  REQUIRE(score.hits(0).evidence_size() == 2);
  CHECK(score.hits(0).evidence(0).summary() == "consignee E-LISTED listed 0.0 0.0 0.0");
  CHECK(score.hits(0).evidence(1).summary() == "shipper E-PLAIN not_blocked 0.0 0.0 0.0");
}

TEST_CASE("SQL rules: bytes, steps and time are bounded per shipment", "[sql]") {
  SECTION("a value over the byte limit") {
    scores::ShipmentScore score =
        ScreenWith("SELECT length(zeroblob(100000000)) AS summary FROM shipment");
    REQUIRE(score.problems_size() == 1);
    CHECK_THAT(score.problems(0).message(), Catch::Contains("too big"));
    CHECK(score.decision() == REVIEW);
  }
  SECTION("an endless query stops at its time budget") {
    scores::ShipmentScore score = ScreenWith(
        "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) "
        "SELECT 'x' AS summary FROM n WHERE x < 0",
        "max_millis: 50");
    REQUIRE(score.problems_size() == 1);
    CHECK_THAT(score.problems(0).message(), Catch::Contains("query failed on S-1: ran past its"));
    CHECK(score.decision() == REVIEW);
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
