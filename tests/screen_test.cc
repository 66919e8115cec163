// The screening run end to end on small databases: bad input is reported with table and row id,
// never aborts the batch, and never changes the input database.
#include "engine/screen/screen_run.h"

#include <catch2/catch.hpp>
#include <filesystem>

#include "engine/base/sha256.h"
#include "engine/load/input_database.h"
#include "tests/test_util.h"

namespace corridor {
namespace {

using testing::MakeDatabase;
using testing::TempDir;

const char* kRules = R"(
rule { id: "sdn" description: "listed" category: SECONDARY_SANCTIONS weight: 95
  decision_floor: BLOCK listed_party { lists: ["ofac-sdn"] } }
rule { id: "chips" description: "chips" category: EXPORT_CONTROL weight: 40
  goods { hs_prefixes: ["8542"] } }
)";

const char* kLists = R"(
INSERT INTO list_source (list_id, version) VALUES ('ofac-sdn', 'test');
INSERT INTO list_entry (list_id, entry_id, name) VALUES ('ofac-sdn', '1', 'CHEN, Quanguo');
)";

struct Run {
  Status status;
  ScreenReport report;
  std::vector<scores::ScoreRecord> records;
};

Run Screen(const TempDir& dir, const std::string& db, std::vector<std::string> ids = {},
           ScoreFormat format = ScoreFormat::kDelimited, const std::string& out = "out.scores") {
  std::string rules =
      testing::MakeRules(dir, {{"r.textproto", std::string(testing::kTestScoring) + kRules}});
  ScreenOptions options;
  options.db_path = db;
  options.rules_dir = rules;
  options.out_path = dir.File(out);
  options.as_of = "2025-12-01";
  options.format = format;
  options.shipment_ids = std::move(ids);
  Run run;
  run.status = RunScreen(options, &run.report);
  if (run.status.ok()) {
    std::unique_ptr<ScoreReader> reader;
    REQUIRE(ScoreReader::Open(options.out_path, &reader).ok());
    scores::ScoreRecord record;
    while (reader->Next(&record)) run.records.push_back(record);
  }
  return run;
}

std::vector<std::string> ProblemLines(const scores::ShipmentScore& score) {
  std::vector<std::string> lines;
  for (const auto& p : score.problems()) {
    lines.push_back(p.table() + " " + p.row_id() + " " + p.column() + ": " + p.message());
  }
  return lines;
}

TEST_CASE("A listed party is found regardless of case, punctuation and word order", "[screen]") {
  TempDir dir;
  std::string db = MakeDatabase(dir, std::string(kLists) + R"(
INSERT INTO entity (entity_id, kind, name, country) VALUES ('E1', 'person', 'Quanguo CHEN', 'CN');
INSERT INTO shipment (shipment_id, destination_country) VALUES ('S1', 'PK');
INSERT INTO shipment_party VALUES ('S1', 'E1', 'shipper');
)");
  Run run = Screen(dir, db);
  REQUIRE(run.status.ok());
  REQUIRE(run.records.size() == 3);
  const scores::ShipmentScore& score = run.records[1].shipment();
  CHECK(score.decision() == BLOCK);
  REQUIRE(score.hits_size() == 1);
  CHECK(score.hits(0).evidence(0).list_match().entry_name() == "CHEN, Quanguo");
  CHECK(score.hits(0).evidence(0).list_match().query_name() == "Quanguo CHEN");
}

TEST_CASE("Bad rows are reported with table and row id and the batch goes on", "[screen]") {
  TempDir dir;
  std::string db = MakeDatabase(dir, std::string(kLists) + R"(
INSERT INTO entity (entity_id, kind, name, country) VALUES ('E1', 'company', 'Good Co', 'XX');
INSERT INTO shipment (shipment_id, destination_country, shipped_on) VALUES
  ('S1', 'PK', '2025-02-30'), ('S2', NULL, NULL), ('S3', 'KZ', '2025-01-01');
INSERT INTO shipment_party VALUES ('S1', 'E1', 'broker'), ('S1', 'NOPE', 'consignee'),
  ('S9', 'E1', 'shipper');
INSERT INTO shipment_item (shipment_id, line, hs_code) VALUES ('S1', 1, '85A2'), ('S1', 2, '8542.31'),
  ('S3', 1, '854231');
INSERT INTO shipment_leg (shipment_id, seq, country, region) VALUES ('S2', 1, 'PK', 'PK_BA');
)");
  Run run = Screen(dir, db);
  REQUIRE(run.status.ok());
  REQUIRE(run.records.size() == 5);
  const scores::ShipmentScore& s1 = run.records[1].shipment();
  CHECK(ProblemLines(s1) ==
        std::vector<std::string>{
            "shipment S1 shipped_on: not an ISO 8601 date: '2025-02-30'",
            "shipment_party S1/party rowid 1 role: unknown role 'broker'",
            "entity E1 country: not an ISO 3166-1 alpha-2 code: 'XX'",
            "shipment_party S1/party rowid 2 entity_id: entity 'NOPE' does not exist",
            "shipment_item S1/line 1 hs_code: not an HS code (2 to 10 digits): '85A2'"});
  // Line 2 still matches the goods rule; party NOPE cannot be screened (a REVIEW floor).
  REQUIRE(s1.hits_size() == 2);
  CHECK(s1.hits(0).rule_id() == "chips");
  CHECK(s1.hits(1).rule_id() == "unscreenable_party");
  CHECK(s1.decision() == REVIEW);
  const scores::ShipmentScore& s2 = run.records[2].shipment();
  CHECK(ProblemLines(s2) ==
        std::vector<std::string>{"shipment S2 destination_country: missing (NULL)",
                                 "shipment_leg S2/seq 1 region: not an ISO 3166-2 code: 'PK_BA'"});
  CHECK(run.records[3].shipment().shipment_id() == "S3");
  const scores::StreamSummary& summary = run.records[4].summary();
  CHECK(summary.shipments() == 3);
  CHECK(summary.shipments_with_problems() == 2);
  CHECK(summary.data_problems() == 8);
  REQUIRE(summary.run_problems_size() == 1);
  CHECK(summary.run_problems(0).row_id() == "S9");
  CHECK(summary.run_problems(0).message() == "row refers to a shipment that does not exist");
}

// Found by review (2026-12-07): "8542-31", "8542/31" and a no-break space were data problems, and
// the Tier 1 chips they named matched no table.
TEST_CASE("HS codes written with hyphens or slashes or no-break spaces are read as their digits",
          "[screen]") {
  std::vector<DataProblem> problems;
  for (const char* spelling : {"854231", "8542.31", "8542 31", "8542-31", "8542/31",
                               "8542\xC2\xA0"
                               "31",
                               "8542.31.00"}) {
    INFO(spelling);
    OptionalText code = CheckHsCode(std::string(spelling), "S1/line 1", &problems);
    REQUIRE(code.has_value());
    CHECK(code->rfind("854231", 0) == 0);
  }
  CHECK(problems.empty());
  CHECK_FALSE(CheckHsCode(std::string("8542_31"), "S1/line 1", &problems).has_value());
  CHECK_FALSE(CheckHsCode(std::string("8542\xC2"
                                      "31"),
                          "S1/line 1", &problems)
                  .has_value());
  CHECK(problems.size() == 2);
}

TEST_CASE("NULLs in required columns are problems, not crashes", "[screen]") {
  TempDir dir;
  // A database made by hand without the NOT NULL constraints.
  std::string path = dir.File("loose.db");
  {
    std::unique_ptr<Database> db;
    REQUIRE(Database::OpenWritable(path, &db).ok());
    REQUIRE(db->Execute(R"(
CREATE TABLE entity (entity_id, kind, name, country, region, address, birth_date, registration_id,
                     imo, incorporated_on, updated_at);
CREATE TABLE entity_alias (entity_id, name);
CREATE TABLE shipment (shipment_id, shipped_on, mode, origin_country, origin_region,
  destination_country, destination_region, final_destination_country, declared_value, currency);
CREATE TABLE shipment_party (shipment_id, entity_id, role);
CREATE TABLE shipment_item (shipment_id, line, hs_code, description, quantity, unit, value,
  origin_country, origin_region);
CREATE TABLE shipment_leg (shipment_id, seq, location, location_name, country, region, kind,
  arrived_on);
CREATE TABLE list_source (list_id, version, sha256);
CREATE TABLE list_entry (list_id, entry_id, kind, name, programs, country, birth_date);
CREATE TABLE list_alias (list_id, entry_id, name);
CREATE TABLE list_attribute (list_id, entry_id, key, value, country);
CREATE TABLE list_address (list_id, entry_id, country);
CREATE TABLE list_identifier (list_id, entry_id, id_type, number, country);
INSERT INTO list_source VALUES ('ofac-sdn', 'x', NULL);
INSERT INTO entity (entity_id, kind, name) VALUES ('E1', NULL, NULL);
INSERT INTO shipment (shipment_id, destination_country, declared_value) VALUES ('S1', 'PK', 'lots');
INSERT INTO shipment_party VALUES ('S1', NULL, 'shipper'), ('S1', 'E1', NULL);
INSERT INTO shipment_item (shipment_id, line) VALUES ('S1', NULL);
INSERT INTO shipment_leg (shipment_id, seq) VALUES ('S1', 'first');
)")
                .ok());
  }
  Run run = Screen(dir, path);
  INFO(run.status.message());
  REQUIRE(run.status.ok());
  CHECK(ProblemLines(run.records[1].shipment()) ==
        std::vector<std::string>{
            "shipment S1 declared_value: not a number: 'lots'",
            "shipment_party S1/party rowid 2 role: missing (NULL)",
            "entity E1 name: missing (NULL or empty)", "entity E1 kind: missing (NULL)",
            "shipment_party S1/party rowid 1 entity_id: missing (NULL); party skipped",
            "shipment_item S1/line NULL line: missing or not an integer; item skipped",
            "shipment_leg S1/seq first seq: missing or not an integer; leg skipped"});
}

TEST_CASE("Setup errors name the file and what is missing, and write nothing", "[screen]") {
  TempDir dir;
  Run missing = Screen(dir, dir.File("absent.db"));
  CHECK(missing.status.message() == dir.File("absent.db") + ": no such database file");

  std::string empty = dir.File("empty.db");
  {
    std::unique_ptr<Database> db;
    REQUIRE(Database::OpenWritable(empty, &db).ok());
    REQUIRE(db->Execute("CREATE TABLE unrelated (x)").ok());
  }
  Run no_schema = Screen(dir, empty);
  CHECK(no_schema.status.message() ==
        empty + ": table 'entity' is missing (create the schema with `corridor init --db FILE`)");

  std::string old =
      MakeDatabase(dir, "ALTER TABLE shipment DROP COLUMN final_destination_country;", "old.db");
  Run no_column = Screen(dir, old);
  CHECK(no_column.status.message() ==
        old +
            ": table 'shipment' has no column 'final_destination_country' (see schemas/input.sql)");

  std::string old_lists = MakeDatabase(
      dir, std::string(kLists) + "ALTER TABLE list_entry DROP COLUMN birth_date;", "oldlists.db");
  Run no_list_column = Screen(dir, old_lists);
  CHECK(no_list_column.status.message() ==
        old_lists + ": table 'list_entry' has no column 'birth_date' (see schemas/input.sql)");

  testing::WriteText(dir.File("garbage.db"), "this is not a database, just text\n");
  Run garbage = Screen(dir, dir.File("garbage.db"));
  CHECK(garbage.status.message().find("cannot read database") != std::string::npos);

  std::string no_lists = MakeDatabase(dir, "", "nolists.db");
  Run without_list = Screen(dir, no_lists);
  CHECK(without_list.status.message().find("needs list \"ofac-sdn\"") != std::string::npos);
  // The message points at the rule, file:line:col relative to the rules folder
  // (docs/reliability.md, "Screening").
  CHECK(without_list.status.message() ==
        "r.textproto:6:1: rule \"sdn\" needs list \"ofac-sdn\", which " + no_lists +
            " does not hold (load it with `corridor import-list`)");
  CHECK_FALSE(std::filesystem::exists(dir.File("out.scores")));
}

TEST_CASE("The input database is opened read-only and left unchanged", "[screen]") {
  TempDir dir;
  std::string db = MakeDatabase(dir, std::string(kLists) +
                                         "INSERT INTO shipment (shipment_id, destination_country) "
                                         "VALUES ('S1', 'PK');");
  std::string before;
  REQUIRE(ReadFile(db, &before));
  std::filesystem::permissions(
      db, std::filesystem::perms::owner_read | std::filesystem::perms::group_read);
  Run run = Screen(dir, db);
  REQUIRE(run.status.ok());
  std::string after;
  REQUIRE(ReadFile(db, &after));
  CHECK(before == after);
  CHECK_FALSE(std::filesystem::exists(db + "-journal"));
  CHECK_FALSE(std::filesystem::exists(db + "-wal"));
}

TEST_CASE("Selected shipments are screened in id order and unknown ids are an error", "[screen]") {
  TempDir dir;
  std::string db = MakeDatabase(dir, std::string(kLists) + R"(
INSERT INTO shipment (shipment_id, destination_country) VALUES ('S1', 'PK'), ('S2', 'PK'), ('S3', 'KZ');
INSERT INTO shipment_item (shipment_id, line, hs_code) VALUES ('S3', 1, '854231'), ('S1', 1, '0902');
)");
  Run run = Screen(dir, db, {"S3", "S1", "S3"});
  REQUIRE(run.status.ok());
  REQUIRE(run.records.size() == 4);
  CHECK(run.records[1].shipment().shipment_id() == "S1");
  CHECK(run.records[2].shipment().shipment_id() == "S3");
  CHECK(run.records[2].shipment().hits_size() == 1);
  // A shipment the database does not hold would otherwise look like a clean run.
  Run missing = Screen(dir, db, {"S3", "S7"}, ScoreFormat::kDelimited, "missing.scores");
  CHECK(missing.status.IsNotFound());
  CHECK(missing.status.message() == db + ": no shipment with id 'S7'");
  CHECK_FALSE(std::filesystem::exists(dir.File("missing.scores")));
}

}  // namespace
}  // namespace corridor

namespace corridor {
namespace {

TEST_CASE("Screening finds misspelt and other-script names, and kind thresholds apply",
          "[screen]") {
  TempDir dir;
  std::string db = MakeDatabase(dir, R"(
INSERT INTO list_source (list_id, version) VALUES ('ofac-sdn', 'test');
INSERT INTO list_entry (list_id, entry_id, kind, name) VALUES
  ('ofac-sdn', '1', 'company', 'SBER VOSTOK LIMITED LIABILITY PARTNERSHIP'),
  ('ofac-sdn', '2', 'vessel', 'SEA BREEZE'),
  ('ofac-sdn', '3', 'person', 'CHEN, Quanguo');
INSERT INTO entity (entity_id, kind, name, country) VALUES
  ('E1', 'company', 'Сбер Восток ТОО', 'KZ'), ('E2', 'vessel', 'Sea Breese', NULL),
  ('E3', 'person', 'Quan Guo Chenn', 'CN'), ('E4', 'company', 'Steppe Grain LLP', 'KZ');
INSERT INTO shipment (shipment_id, destination_country) VALUES ('S1', 'KZ'), ('S2', 'KZ'),
  ('S3', 'KZ'), ('S4', 'KZ');
INSERT INTO shipment_party VALUES ('S1', 'E1', 'consignee'), ('S2', 'E2', 'carrier'),
  ('S3', 'E3', 'end_user'), ('S4', 'E4', 'consignee');
)");
  std::string rules =
      testing::MakeRules(dir, {{"r.textproto", std::string(testing::kTestScoring) + R"(
rule { id: "sdn" description: "d" category: SECONDARY_SANCTIONS weight: 95
  listed_party { lists: ["ofac-sdn"] kind_min_scores { kind: "vessel" min_score: 1.01 } } })"}});
  ScreenOptions options;
  options.db_path = db;
  options.rules_dir = rules;
  options.out_path = dir.File("out.scores");
  options.as_of = "2025-12-01";
  ScreenReport report;
  Status status = RunScreen(options, &report);
  // A threshold above 1 is a configuration mistake.
  CHECK(status.message().find("min_score must be above 0 and at most 1") != std::string::npos);

  rules = testing::MakeRules(dir, {{"r.textproto", std::string(testing::kTestScoring) + R"(
rule { id: "sdn" description: "d" category: SECONDARY_SANCTIONS weight: 95
  listed_party { lists: ["ofac-sdn"] kind_min_scores { kind: "vessel" min_score: 1 } } }
rule { id: "loose" description: "d" category: SECONDARY_SANCTIONS weight: 5
  listed_party { lists: ["ofac-sdn"] } })"}});
  REQUIRE(RunScreen(options, &report).ok());
  std::unique_ptr<ScoreReader> reader;
  REQUIRE(ScoreReader::Open(options.out_path, &reader).ok());
  std::map<std::string, std::string> matched;
  scores::ScoreRecord record;
  while (reader->Next(&record)) {
    if (!record.has_shipment()) continue;
    for (const auto& hit : record.shipment().hits()) {
      matched[record.shipment().shipment_id() + " " + hit.rule_id()] =
          hit.evidence(0).list_match().entry_id() + " " + hit.evidence(0).list_match().method();
    }
  }
  CHECK(matched["S1 sdn"] == "1 name_exact");  // Cyrillic, and TOO is the Kazakh LLP
  CHECK(matched.count("S2 sdn") == 0);         // vessels need a perfect score in this rule
  CHECK(matched["S2 loose"] == "2 name_fuzzy");
  CHECK(matched["S3 sdn"] == "3 name_fuzzy");  // split syllables and a typo
  CHECK(matched.count("S4 sdn") == 0);
  CHECK(matched.count("S4 loose") == 0);
}

}  // namespace
}  // namespace corridor

namespace corridor {
namespace {

TEST_CASE("The rule set's name_matching weights reach the matcher", "[screen]") {
  TempDir dir;
  std::string db = MakeDatabase(dir, R"(
INSERT INTO list_source (list_id, version) VALUES ('ofac-sdn', 'test');
INSERT INTO list_entry (list_id, entry_id, kind, name, birth_date) VALUES
  ('ofac-sdn', '1', 'person', 'CHEN, Quanguo', '1955');
INSERT INTO entity (entity_id, kind, name, birth_date) VALUES ('E1', 'person', 'Quanguo Chen', '1990');
INSERT INTO shipment (shipment_id, destination_country) VALUES ('S1', 'CN');
INSERT INTO shipment_party VALUES ('S1', 'E1', 'consignee');
)");
  auto screen = [&](const std::string& name_matching) {
    std::string rules = testing::MakeRules(
        dir, {{"r.textproto", std::string(testing::kTestScoring) + name_matching + R"(
rule { id: "sdn" description: "d" category: SECONDARY_SANCTIONS weight: 95
  listed_party { lists: ["ofac-sdn"] } })"}});
    ScreenOptions options;
    options.db_path = db;
    options.rules_dir = rules;
    options.out_path = dir.File("out.scores");
    options.as_of = "2025-12-01";
    ScreenReport report;
    Status status = RunScreen(options, &report);
    if (!status.ok()) return status.message();
    return std::to_string(report.summary.clear()) + " clear";
  };
  // A short Chinese name with a birth year 35 years off costs 0.15 + 0.15 (short_name_conflict,
  // since 2026-12-01; docs/matching.md "Short Chinese and Korean names"): 0.70, no hit.
  CHECK(screen("") == "1 clear");
  CHECK(screen("name_matching { short_name_conflict: 0 }\n") == "0 clear");
  CHECK(screen("name_matching { short_name_conflict: 0 birth_date_conflict: -0.5 }\n") ==
        "1 clear");
  std::string error = screen("name_matching { country_conflict: 0.2 }\n");
  CHECK(error.find("r.textproto:5:17: country_conflict must be between -1 and 0") !=
        std::string::npos);
}

}  // namespace
}  // namespace corridor
