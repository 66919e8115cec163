// The corridor rule kinds: diversion, forced labour, red flags and custom SQL rules; their hits,
// near misses and bad configurations.
#include <catch2/catch.hpp>

#include "engine/config/rule_set.h"
#include "engine/screen/screen_run.h"
#include "tests/test_util.h"

namespace corridor {
namespace {

using testing::kTestScoring;
using testing::MakeDatabase;
using testing::MakeRules;
using testing::TempDir;

// Screens `sql` (inserted after the schema) with `rules` and returns each shipment's score.
std::map<std::string, scores::ShipmentScore> Screen(const std::string& sql,
                                                    const std::string& rules,
                                                    std::map<std::string, std::string> extra = {}) {
  TempDir dir;
  std::string db = MakeDatabase(dir, sql);
  extra["r.textproto"] = std::string(kTestScoring) + rules;
  ScreenOptions options;
  options.db_path = db;
  options.rules_dir = MakeRules(dir, extra);
  options.out_path = dir.File("out.scores");
  options.as_of = "2025-12-01";
  ScreenReport report;
  Status status = RunScreen(options, &report);
  INFO(status.message());
  REQUIRE(status.ok());
  std::unique_ptr<ScoreReader> reader;
  REQUIRE(ScoreReader::Open(options.out_path, &reader).ok());
  std::map<std::string, scores::ShipmentScore> out;
  scores::ScoreRecord record;
  while (reader->Next(&record)) {
    if (record.has_shipment()) out[record.shipment().shipment_id()] = record.shipment();
  }
  return out;
}

std::vector<std::string> LoadProblems(const std::string& rules,
                                      std::map<std::string, std::string> extra = {}) {
  TempDir dir;
  extra["r.textproto"] = std::string(kTestScoring) + rules;
  std::string folder = MakeRules(dir, extra);
  RuleSet rule_set;
  Diagnostics diagnostics;
  LoadRuleSet(folder, &rule_set, &diagnostics);
  std::vector<std::string> messages;
  for (const Diagnostic& d : diagnostics) {
    messages.push_back(std::to_string(d.pos.line) + ":" + std::to_string(d.pos.column) + ": " +
                       d.message);
  }
  return messages;
}

std::vector<std::string> Evidence(const scores::ShipmentScore& score) {
  std::vector<std::string> lines;
  for (const auto& hit : score.hits()) {
    for (const auto& evidence : hit.evidence())
      lines.push_back(hit.rule_id() + ": " + evidence.summary());
  }
  return lines;
}

const char* kDiversionRule = R"(
hs_table { name: "chpl" path: "chpl.csv" source: "test" }
country_group { name: "rb" source: "test" countries: ["RU", "BY"] }
rule { id: "div" description: "d" category: EXPORT_CONTROL weight: 50
  diversion { hs_table: "chpl" tiers { tier: "Tier 1" weight: 80 decision_floor: BLOCK }
    diversion_countries: ["KZ", "AM"] target_groups: ["rb"] trader_name_words: ["TRADING"] } }
)";
const std::map<std::string, std::string> kChpl = {
    {"chpl.csv", "hs_code,tier,description\n854231,Tier 1,processors\n"}};

TEST_CASE("diversion: weight by tier, destination and consignee", "[corridor-kinds]") {
  auto scores = Screen(R"(
INSERT INTO entity (entity_id, kind, name, address) VALUES ('T', 'company', 'Almaty Trading LLP', '1 A St'),
  ('U', 'company', 'Almaty Factory', '2 B St');
INSERT INTO shipment (shipment_id, destination_country, final_destination_country) VALUES
  ('S1', 'KZ', 'RU'), ('S2', 'KZ', NULL), ('S3', 'KZ', NULL), ('S4', 'CN', NULL), ('S5', 'KZ', 'BY');
INSERT INTO shipment_party VALUES ('S1', 'T', 'consignee'), ('S2', 'T', 'consignee'),
  ('S3', 'U', 'consignee'), ('S4', 'T', 'consignee'), ('S5', 'U', 'consignee');
INSERT INTO shipment_item (shipment_id, line, hs_code) VALUES ('S1', 1, '854231'), ('S2', 1, '854231'),
  ('S3', 1, '854231'), ('S4', 1, '854231'), ('S5', 1, '940360');
)",
                       kDiversionRule, kChpl);
  // Final destination Russia, trading consignee: the full tier weight and its floor.
  CHECK(scores["S1"].score() == 80);
  CHECK(scores["S1"].decision() == BLOCK);
  CHECK(Evidence(scores["S1"])[0] ==
        "div: item 1 HS 854231 is Tier 1 (processors), weight 80; final destination RU (group rb) "
        "x1; consignee T is a trader or forwarder (name word TRADING) x1 = 80");
  // Only a diversion country: adjacent factor, no floor.
  CHECK(scores["S2"].score() == 28);
  CHECK(scores["S2"].decision() == REVIEW);
  // ... and an end user instead of a trader.
  CHECK(scores["S3"].score() == Approx(19.6));
  // Near misses: no diversion or target country; no listed goods.
  CHECK(scores["S4"].hits_size() == 0);
  CHECK(scores["S5"].hits_size() == 0);
}

TEST_CASE("diversion: configuration mistakes", "[corridor-kinds]") {
  CHECK(LoadProblems(R"(rule { id: "div" description: "d" category: EXPORT_CONTROL weight: 50
  diversion { hs_table: "none" adjacent_factor: 2 } })") ==
        std::vector<std::string>{"6:15: unknown hs_table \"none\"",
                                 "6:32: adjacent_factor must be between 0 and 1"});
}

TEST_CASE("forced_labour: region, listed supplier and sector combine up to the rule weight",
          "[corridor-kinds]") {
  const char* rules = R"(
hs_table { name: "sectors" path: "s.csv" source: "test" }
rule { id: "fl" description: "d" category: FORCED_LABOUR weight: 85
  forced_labour { regions: ["CN-XJ"] region_weight: 60 entity_lists: ["uflpa"] entity_weight: 70
    sector_table: "sectors" sector_origin_countries: ["CN"] sector_weight: 15 } }
)";
  auto scores = Screen(R"(
INSERT INTO list_source (list_id) VALUES ('uflpa');
INSERT INTO list_entry (list_id, entry_id, name) VALUES ('uflpa', '1', 'Hoshine Silicon Industry (Shanshan) Co., Ltd');
INSERT INTO entity (entity_id, kind, name, country) VALUES
  ('H', 'company', 'HOSHINE SILICON INDUSTRY (SHANSHAN) CO LTD', 'CN'), ('O', 'company', 'Other', 'CN');
INSERT INTO shipment (shipment_id, origin_country, destination_country) VALUES
  ('S1', 'CN', 'PK'), ('S2', 'CN', 'PK'), ('S3', 'CN', 'PK'), ('S4', 'VN', 'PK'), ('S5', 'CN', 'PK');
INSERT INTO shipment_party VALUES ('S1', 'H', 'manufacturer'), ('S2', 'O', 'shipper'),
  ('S3', 'O', 'shipper'), ('S4', 'O', 'shipper'), ('S5', 'H', 'consignee');
INSERT INTO shipment_item (shipment_id, line, hs_code, origin_country, origin_region, description) VALUES
  ('S1', 1, '280461', 'CN', 'CN-XJ', 'polysilicon'), ('S2', 1, '520100', 'CN', 'CN-XJ', 'cotton'),
  ('S3', 1, '200290', 'CN', 'CN-NM', 'tomato paste'), ('S4', 1, '200290', 'VN', NULL, 'tomato paste'),
  ('S5', 1, '940360', 'CN', 'CN-GD', 'furniture');
)",
                       rules,
                       {{"s.csv",
                         "hs_code,tier,description\n280461,polysilicon,silicon\n5201,cotton,raw "
                         "cotton\n2002,tomatoes,paste\n"}});
  // Region 60, listed manufacturer 70, sector 15: 1 - 0.4 x 0.3 x 0.85 = 89.8, capped at 85.
  CHECK(scores["S1"].score() == 85);
  CHECK(Evidence(scores["S1"])[0].find(
            "manufacturer H \"HOSHINE SILICON INDUSTRY (SHANSHAN) CO LTD\" "
            "is on uflpa") != std::string::npos);
  CHECK(scores["S2"].score() == 66);  // Xinjiang cotton: 1 - 0.4 x 0.85
  CHECK(
      Evidence(scores["S2"])[0] ==
      "fl: item 1 \"cotton\": origin region CN-XJ; HS 520100 is in the high-priority sector cotton "
      "(5201), origin CN => weight 66");
  CHECK(scores["S3"].score() == 15);     // a sector alone
  CHECK(scores["S4"].hits_size() == 0);  // the sector from elsewhere
  CHECK(scores["S5"].hits_size() == 0);  // a listed consignee is not a supplier
}

TEST_CASE("forced_labour: configuration mistakes", "[corridor-kinds]") {
  CHECK(LoadProblems(R"(rule { id: "fl" description: "d" category: FORCED_LABOUR weight: 80
  forced_labour { regions: "XINJIANG" region_weight: 120 entity_roles: "supplier" sector_table: "none" } })") ==
        std::vector<std::string>{
            "6:19: not an ISO 3166-2 region code \"XINJIANG\"", "6:83: unknown hs_table \"none\"",
            "6:39: region_weight must be between 0 and 100", "6:58: unknown role \"supplier\""});
  CHECK(LoadProblems(R"(rule { id: "fl" description: "d" category: FORCED_LABOUR weight: 80
  forced_labour { } })") ==
        std::vector<std::string>{
            "6:3: forced_labour rule names no region, entity list or sector table"});
}

TEST_CASE("forced_labour: an entity list that is not loaded stops the run", "[corridor-kinds]") {
  TempDir dir;
  std::string db = MakeDatabase(dir, "");
  ScreenOptions options;
  options.db_path = db;
  options.rules_dir = MakeRules(dir, {{"r.textproto", std::string(kTestScoring) + R"(
rule { id: "fl" description: "d" category: FORCED_LABOUR weight: 85
  forced_labour { entity_lists: ["uflpa"] entity_weight: 70 } })"}});
  options.out_path = dir.File("out");
  options.as_of = "2025-12-01";
  ScreenReport report;
  Status status = RunScreen(options, &report);
  CHECK(status.message().find("rule \"fl\" needs list \"uflpa\"") != std::string::npos);
}

const char* kRedFlagData = R"(
INSERT INTO entity (entity_id, kind, name, country, address, incorporated_on, activity) VALUES
  ('F', 'company', 'Steppe Freight LLP', 'KZ', 'Khorgos', '2025-09-01', NULL),
  ('B', 'company', 'Old Buyer LLP', 'KZ', '5 Abay St', '2001', 'end_user'),
  ('D', 'company', 'Dubai Shell FZE', 'AE', '1 Palm St', '2020-01-01', NULL);
INSERT INTO shipment (shipment_id, origin_country, destination_country, final_destination_country, currency) VALUES
  ('S1', 'CN', 'KZ', 'RU', 'USD'), ('S2', 'CN', 'KZ', 'KZ', 'USD'), ('S3', 'CN', 'UZ', NULL, 'USD'),
  ('S4', 'CN', 'KZ', NULL, 'USD');
INSERT INTO shipment_party VALUES ('S1', 'F', 'consignee'), ('S2', 'B', 'consignee'),
  ('S3', 'D', 'consignee'), ('S4', 'B', 'consignee');
INSERT INTO shipment_leg (shipment_id, seq, country) VALUES ('S1', 1, 'KZ'), ('S2', 1, 'KZ'),
  ('S3', 1, 'KZ'), ('S3', 2, 'KG'), ('S3', 3, 'KZ'), ('S4', 1, 'KG'), ('S4', 2, 'TJ'), ('S4', 3, 'UZ');
INSERT INTO shipment_item (shipment_id, line, hs_code, quantity, unit, value) VALUES
  ('S1', 1, '847130', 10, 'pcs', 4500), ('S2', 1, '847130', 10, 'pcs', 5000),
  ('S3', 1, '847130', 10, 'pcs', 4000), ('S4', 1, '847130', 10, 'pcs', 4600),
  ('S4', 2, '847130', 100, 'pcs', 900);
)";

std::string FlagRule(const std::string& flag, const std::string& extra = "") {
  return "rule { id: \"f\" description: \"d\" category: EXPORT_CONTROL weight: 10 red_flag { "
         "flag: " +
         flag + " " + extra + " } }";
}

std::vector<std::string> Flagged(const std::string& flag, const std::string& extra = "") {
  std::vector<std::string> lines;
  for (const auto& [id, score] : Screen(kRedFlagData, FlagRule(flag, extra))) {
    for (const std::string& line : Evidence(score)) lines.push_back(id + " " + line);
  }
  return lines;
}

TEST_CASE("red flags: each flag with its evidence and its near misses", "[corridor-kinds]") {
  CHECK(Flagged("FINAL_DESTINATION_DIFFERS") ==
        std::vector<std::string>{"S1 f: final destination RU differs from destination KZ"});
  CHECK(Flagged("ROUTE_DOUBLES_BACK") ==
        std::vector<std::string>{
            "S3 f: route CN > KZ > KG > KZ > UZ re-enters KZ",
            "S4 f: route CN > KG > TJ > UZ > KZ crosses 4 borders where 1 would do"});
  CHECK(Flagged("CONSIGNEE_FORWARDER") ==
        std::vector<std::string>{"S1 f: consignee F \"Steppe Freight LLP\" is a freight forwarder "
                                 "(name word FREIGHT)"});
  CHECK(Flagged("CONSIGNEE_NO_ADDRESS") ==
        std::vector<std::string>{"S1 f: consignee F \"Steppe Freight LLP\" has no street address "
                                 "(only \"Khorgos\")"});
  CHECK(Flagged("YOUNG_ENTITY") ==
        std::vector<std::string>{"S1 f: consignee F \"Steppe Freight LLP\" was incorporated on "
                                 "2025-09-01, 91 days before the screening date (limit 365)"});
  CHECK(
      Flagged("LOW_UNIT_VALUE", "min_samples: 5") ==
      std::vector<std::string>{"S4 f: item 2 HS 847130 declared at 9 USD/pcs, 2% of the median 450 "
                               "over 5 items of HS 847130 in the same data"});
  CHECK(Flagged("LOW_UNIT_VALUE", "min_samples: 6").empty());  // too few items for a median
  CHECK(
      Flagged("PARTY_OFF_ROUTE") ==
      std::vector<std::string>{"S3 f: consignee D \"Dubai Shell FZE\" is in AE, on no part of the "
                               "route (CN, KG, KZ, UZ)"});
}

TEST_CASE("red flags: configuration mistakes", "[corridor-kinds]") {
  CHECK(LoadProblems(R"(rule { id: "f" description: "d" category: EXPORT_CONTROL weight: 10
  red_flag { roles: "buyer" unit_value_ratio: 1.5 } })") ==
        std::vector<std::string>{"6:3: red_flag needs a flag", "6:14: unknown role \"buyer\"",
                                 "6:29: unit_value_ratio must be between 0 and 1"});
}

std::string SqlRule(const std::string& query) {
  std::string escaped;
  for (char ch : query) {
    if (ch == '"' || ch == '\\') escaped += '\\';
    escaped += ch;
  }
  return "rule { id: \"q\" description: \"d\" category: SECURITY weight: 30\n  sql { query: \"" +
         escaped + "\" } }";
}

TEST_CASE("sql: a query over the views becomes evidence", "[corridor-kinds]") {
  auto scores = Screen(
      R"(
INSERT INTO list_source (list_id) VALUES ('x');
INSERT INTO list_entry (list_id, entry_id, name) VALUES ('x', '7', 'Listed Co');
INSERT INTO entity (entity_id, kind, name, country) VALUES ('C', 'company', 'Listed Co', 'CN'),
  ('P', 'company', 'Other', 'PK');
INSERT INTO shipment (shipment_id, destination_country) VALUES ('S1', 'PK'), ('S2', 'PK');
INSERT INTO shipment_party VALUES ('S1', 'C', 'shipper'), ('S2', 'P', 'shipper');
INSERT INTO shipment_leg (shipment_id, seq, region) VALUES ('S1', 1, 'PK-BA'), ('S2', 1, 'PK-BA');
)",
      SqlRule("SELECT 'listed ' || m.entry_id || ' on leg ' || l.seq AS summary, 60 AS weight "
              "FROM list_match m, leg l WHERE l.region = 'PK-BA'"));
  REQUIRE(scores["S1"].hits_size() == 1);
  CHECK(scores["S1"].hits(0).evidence(0).summary() == "listed 7 on leg 1");
  CHECK(scores["S1"].score() == 60);
  CHECK(scores["S2"].hits_size() == 0);
}

// The query of the bundled rule `id` (rules/custom.textproto), as the file writes it.
std::string BundledQuery(const std::string& id) {
  const std::string rules = testing::ReadText(testing::SourceFile("rules/custom.textproto"));
  const size_t rule = rules.find("id: \"" + id + "\"");
  REQUIRE(rule != std::string::npos);
  const size_t begin = rules.find("query: \"", rule) + 8;
  return rules.substr(begin, rules.find("\"\n", begin) - begin);
}

// The bundled rule (rules/custom.textproto) groups its rows instead of SELECT DISTINCT, which
// opened a temporary B-tree for every shipment (docs/rules.md): a party named twice on the
// shipment, or on two legs, is reported once per leg, in leg order.
TEST_CASE("sql: the bundled Balochistan rule reports each party once per leg, in leg order",
          "[corridor-kinds]") {
  const std::string query = BundledQuery("chinese_party_through_balochistan");
  CHECK(query.find("GROUP BY summary") != std::string::npos);
  auto scores = Screen(
      R"(
INSERT INTO entity (entity_id, kind, name, country) VALUES ('C1', 'company', 'One', 'CN'),
  ('C2', 'company', 'Two', 'CN'), ('P', 'company', 'Three', 'PK');
INSERT INTO shipment (shipment_id, destination_country) VALUES ('S1', 'PK'), ('S2', 'PK');
INSERT INTO shipment_party VALUES ('S1', 'C2', 'shipper'), ('S1', 'C1', 'consignee'),
  ('S1', 'C1', 'consignee'), ('S1', 'P', 'notify'), ('S2', 'P', 'shipper');
INSERT INTO shipment_leg (shipment_id, seq, location_name, region) VALUES
  ('S1', 2, 'Quetta', 'PK-BA'), ('S1', 1, 'Gwadar', 'PK-BA'), ('S1', 3, 'Peshawar', 'PK-KP'),
  ('S2', 1, 'Gwadar', 'PK-BA');
)",
      SqlRule(query));
  CHECK(Evidence(scores["S1"]) ==
        std::vector<std::string>{"q: consignee C1 (CN) on route leg 1 Gwadar in PK-BA",
                                 "q: shipper C2 (CN) on route leg 1 Gwadar in PK-BA",
                                 "q: consignee C1 (CN) on route leg 2 Quetta in PK-BA",
                                 "q: shipper C2 (CN) on route leg 2 Quetta in PK-BA"});
  CHECK(scores["S2"].hits_size() == 0);
}

// The bundled declared-value rule takes the items' total in a subquery instead of grouping the
// shipment with its items (a sorter opened for every shipment; docs/rules.md): the same rows.
TEST_CASE("sql: the bundled declared-value rule compares the declared value with the items' total",
          "[corridor-kinds]") {
  const std::string query = BundledQuery("declared_value_below_items");
  CHECK(query.find("GROUP BY") == std::string::npos);
  auto scores = Screen(
      R"(
INSERT INTO shipment (shipment_id, declared_value, currency) VALUES ('LOW', 80, 'USD'),
  ('EVEN', 95, 'USD'), ('NONE', 10, 'USD'), ('NULLS', 10, NULL), ('UNDECLARED', NULL, 'USD');
INSERT INTO shipment_item (shipment_id, line, value) VALUES ('LOW', 1, 60), ('LOW', 2, 40),
  ('EVEN', 1, 100), ('NULLS', 1, NULL), ('NULLS', 2, 20), ('UNDECLARED', 1, 5);
)",
      SqlRule(query));
  CHECK(Evidence(scores["LOW"]) ==
        std::vector<std::string>{"q: declared value 80.0 USD is below the items' total 100.0"});
  CHECK(Evidence(scores["NULLS"]) ==
        std::vector<std::string>{"q: declared value 10.0  is below the items' total 20.0"});
  CHECK(scores["EVEN"].hits_size() == 0);        // 95 is not below 90% of 100
  CHECK(scores["NONE"].hits_size() == 0);        // no items: no total to compare
  CHECK(scores["UNDECLARED"].hits_size() == 0);  // nothing declared
}

// The views are virtual tables over the shipment in memory (engine/rules/sql_rule.cc): each
// column must carry its own field, NULL as NULL, numbers as numbers.
TEST_CASE("sql: every column of the shipment views reads its own field", "[corridor-kinds]") {
  auto scores = Screen(
      R"(
INSERT INTO entity (entity_id, kind, name, country, region, address, birth_date, registration_id,
  imo, incorporated_on, activity) VALUES
  ('C', 'company', 'Co', 'CN', 'CN-XJ', 'Addr', '1970-01-02', 'R9', 'IMO1', '2020-03-04', 'trader'),
  ('N', 'person', 'Nobody', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
INSERT INTO entity_alias (entity_id, name) VALUES ('C', 'Co Alias');
INSERT INTO shipment (shipment_id, shipped_on, mode, origin_country, origin_region,
  destination_country, destination_region, final_destination_country, declared_value, currency)
  VALUES ('S1', '2025-11-30', 'road', 'CN', 'CN-XJ', 'PK', 'PK-BA', 'AF', 12.5, 'USD');
INSERT INTO shipment_party VALUES ('S1', 'C', 'shipper'), ('S1', 'N', 'consignee');
INSERT INTO shipment_item (shipment_id, line, hs_code, description, quantity, unit, value,
  origin_country, origin_region) VALUES ('S1', 3, '850440', 'Inverters', 2, 'pcs', 7.25, 'CN', NULL);
INSERT INTO shipment_leg (shipment_id, seq, location, location_name, country, region, kind,
  arrived_on) VALUES ('S1', 2, 'PKKHU', 'Khunjerab', 'PK', 'PK-GB', 'border', NULL);
)",
      SqlRule(
          "SELECT 'a ' || shipment_id || ' ' || quote(shipped_on) || ' ' || quote(mode) || ' ' "
          "|| quote(origin_country) || ' ' || quote(origin_region) || ' ' || "
          "quote(destination_country) || ' ' || quote(destination_region) || ' ' || "
          "quote(final_destination_country) || ' ' || quote(declared_value) || ' ' || "
          "quote(currency) || ' ' || quote(as_of) AS summary FROM shipment "
          "UNION ALL SELECT 'b ' || entity_id || ' ' || quote(role) || ' ' || quote(kind) || "
          "' ' || quote(name) || ' ' || quote(country) || ' ' || quote(region) || ' ' || "
          "quote(address) || ' ' || quote(birth_date) || ' ' || quote(registration_id) || ' ' "
          "|| quote(imo) || ' ' || quote(incorporated_on) || ' ' || quote(activity) FROM party "
          "UNION ALL SELECT 'c ' || entity_id || ' ' || quote(name) FROM party_alias "
          "UNION ALL SELECT 'd ' || quote(line) || ' ' || quote(hs_code) || ' ' || "
          "quote(description) || ' ' || quote(quantity) || ' ' || quote(unit) || ' ' || "
          "quote(value) || ' ' || quote(origin_country) || ' ' || quote(origin_region) FROM item "
          "UNION ALL SELECT 'e ' || quote(seq) || ' ' || quote(location) || ' ' || "
          "quote(location_name) || ' ' || quote(country) || ' ' || quote(region) || ' ' || "
          "quote(kind) || ' ' || quote(arrived_on) || ' ' || rowid FROM leg ORDER BY 1"));
  REQUIRE(scores["S1"].hits_size() == 1);
  std::vector<std::string> rows;
  for (const auto& evidence : scores["S1"].hits(0).evidence()) rows.push_back(evidence.summary());
  CHECK(rows == std::vector<std::string>{
                    "a S1 '2025-11-30' 'road' 'CN' 'CN-XJ' 'PK' 'PK-BA' 'AF' 12.5 'USD' "
                    "'2025-12-01'",
                    "b C 'shipper' 'company' 'Co' 'CN' 'CN-XJ' 'Addr' '1970-01-02' 'R9' 'IMO1' "
                    "'2020-03-04' 'trader'",
                    "b N 'consignee' 'person' 'Nobody' NULL NULL NULL NULL NULL NULL NULL NULL",
                    "c C 'Co Alias'", "d 3 '850440' 'Inverters' 2.0 'pcs' 7.25 'CN' NULL",
                    "e 2 'PKKHU' 'Khunjerab' 'PK' 'PK-GB' 'border' NULL 1"});
}

// A value longer than the views' limit (1 MiB) fails the queries that read it, as a data problem
// of the shipment; a query that does not read it is unaffected.
TEST_CASE("sql: a value over the views' byte limit is a problem only where it is read",
          "[corridor-kinds]") {
  const std::string world = R"(
INSERT INTO entity (entity_id, kind, name, country, address) VALUES
  ('C', 'company', 'Co', 'CN', replace(hex(zeroblob(600000)), '00', 'ab'));
INSERT INTO shipment (shipment_id, destination_country) VALUES ('S1', 'PK');
INSERT INTO shipment_party VALUES ('S1', 'C', 'shipper');
)";
  auto read = Screen(world, SqlRule("SELECT length(address) AS summary FROM party"));
  REQUIRE(read["S1"].problems_size() == 1);
  CHECK_THAT(read["S1"].problems(0).message(), Catch::Contains("too big"));
  // The rule could not be evaluated: its only hit says so and holds the shipment for review.
  REQUIRE(read["S1"].hits_size() == 1);
  CHECK(read["S1"].decision() == REVIEW);
  auto unread = Screen(world, SqlRule("SELECT name AS summary FROM party"));
  REQUIRE(unread["S1"].hits_size() == 1);
  CHECK(unread["S1"].hits(0).evidence(0).summary() == "Co");
  CHECK(unread["S1"].problems_size() == 0);
}

TEST_CASE("sql: every attempt to do more than read is rejected when the rules load",
          "[corridor-kinds]") {
  struct Case {
    std::string query;
    std::string message;
  };
  std::vector<Case> cases = {
      {"INSERT INTO party (name) VALUES ('x')",
       "not allowed in a rule query: writing (INSERT into party)"},
      {"UPDATE item SET value = 0", "not allowed in a rule query: writing (UPDATE of item)"},
      {"DELETE FROM leg", "not allowed in a rule query: writing (DELETE from leg)"},
      {"CREATE TABLE t (x)", "not allowed in a rule query: schema changes (CREATE, DROP, ALTER)"},
      {"DROP TABLE party", "not allowed in a rule query: schema changes (CREATE, DROP, ALTER)"},
      {"ATTACH DATABASE '/tmp/x.db' AS other", "not allowed in a rule query: ATTACH"},
      {"DETACH DATABASE main", "not allowed in a rule query: DETACH"},
      {"PRAGMA writable_schema = 1", "not allowed in a rule query: PRAGMA writable_schema"},
      {"PRAGMA table_info(party)", "not allowed in a rule query: PRAGMA table_info"},
      {"BEGIN", "not allowed in a rule query: transactions"},
      {"SAVEPOINT s", "not allowed in a rule query: savepoints"},
      {"SELECT load_extension('/tmp/evil.so') AS summary",
       "not allowed in a rule query: calling load_extension()"},
      {"SELECT name AS summary FROM sqlite_schema",
       "not allowed in a rule query: reading \"sqlite_master\" (only the views item, leg, "
       "list_match, ownership, party, party_alias, shipment may be read)"},
      {"SELECT 1 AS summary; DELETE FROM party", "the query must be a single SELECT statement"},
      {"SELECT 1 AS one", "the query must return a column named `summary`"},
      {"SELECT summary FROM nowhere", "SQL error: no such table: nowhere"},
  };
  for (const Case& c : cases) {
    INFO(c.query);
    std::vector<std::string> problems = LoadProblems(SqlRule(c.query));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0] == "6:9: " + c.message);
  }
  CHECK(LoadProblems(SqlRule("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                             "WHERE i < 3) SELECT i AS summary FROM n"))
            .empty());
}

TEST_CASE("sql: a runaway query is stopped and recorded as a problem, not a crash",
          "[corridor-kinds]") {
  auto scores =
      Screen("INSERT INTO shipment (shipment_id, destination_country) VALUES ('S1', 'PK');",
             SqlRule("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) "
                     "SELECT 'never' AS summary FROM n WHERE i < 0"));
  REQUIRE(scores["S1"].problems_size() == 1);
  CHECK_THAT(scores["S1"].problems(0).message(),
             Catch::StartsWith("query failed on S1: ran past its"));
  // The rule did not run: a hit that says so, weighing 0, holds the shipment for review.
  REQUIRE(scores["S1"].hits_size() == 1);
  CHECK(scores["S1"].decision() == REVIEW);
}

}  // namespace
}  // namespace corridor
