// Per-worker reuse in the batch (engine/screen/, engine/rules/): a worker keeps state between
// shipments (a custom SQL rule's view database, filled only with the views its query reads; the
// shared-address memo; the reader's entity cache), so a shipment must come out the same whether
// it follows others on one worker or is screened alone.
#include <catch2/catch.hpp>
#include <map>
#include <string>

#include "engine/output/score_stream.h"
#include "engine/screen/screen_run.h"
#include "tests/test_util.h"

namespace corridor {
namespace {

using testing::MakeDatabase;
using testing::MakeRules;
using testing::TempDir;

// Shipments that differ in every view a query can read, and parties at one listed address in
// different countries (the address memo's key must hold the country as well as the address).
const char* kShipments = R"(
INSERT INTO list_source (list_id, version) VALUES ('wl', 'test');
INSERT INTO list_entry (list_id, entry_id, kind, name, country) VALUES
  ('wl', '1', 'company', 'DOSTYK FRONT TRADING LLP', 'KZ');
INSERT INTO list_address (list_id, entry_id, address, city, postal_code, country, country_name)
  VALUES ('wl', '1', '77 Dostyk Avenue, 12th floor', 'Almaty', '050010', 'KZ', 'Kazakhstan');
INSERT INTO entity (entity_id, kind, name, country, address) VALUES
  ('E-KZ', 'company', 'Dostyk Front Trading LLP', 'KZ', 'Almaty, Dostyk ave. 77, fl. 12'),
  ('E-RU', 'company', 'Steppe Office Trading', 'RU', 'Almaty, Dostyk ave. 77, fl. 12'),
  ('E-NONE', 'company', 'Orchard Lane Supplies', NULL, 'Almaty, Dostyk ave. 77, fl. 12'),
  ('E-PLAIN', 'company', 'Blue River Textiles', 'CN', '5 Harbour Road, Ningbo');
INSERT INTO entity_alias (entity_id, name) VALUES ('E-KZ', 'Dostyk Front'), ('E-KZ', 'DFT');
INSERT INTO shipment (shipment_id, destination_country, declared_value) VALUES
  ('S-1', 'KZ', 100), ('S-2', 'KZ', 900), ('S-3', 'RU', 50), ('S-4', 'KZ', 10), ('S-5', 'KZ', 5);
INSERT INTO shipment_party VALUES
  ('S-1', 'E-KZ', 'consignee'), ('S-1', 'E-PLAIN', 'shipper'),
  ('S-2', 'E-RU', 'consignee'),
  ('S-3', 'E-NONE', 'consignee'), ('S-3', 'E-KZ', 'notify'),
  ('S-4', 'E-PLAIN', 'shipper'),
  ('S-5', 'E-RU', 'consignee'), ('S-5', 'E-KZ', 'shipper');
INSERT INTO shipment_item (shipment_id, line, hs_code, value) VALUES
  ('S-1', 1, '8471.30', 400), ('S-1', 2, '8471.30', 300), ('S-3', 1, '8542.31', 80),
  ('S-5', 1, '8542.31', 1);
INSERT INTO shipment_leg (shipment_id, seq, location, country, region) VALUES
  ('S-1', 1, 'CNURC', 'CN', 'CN-XJ'), ('S-1', 2, 'KZALA', 'KZ', NULL),
  ('S-2', 1, 'PKGWD', 'PK', 'PK-BA'), ('S-5', 1, 'KZALA', 'KZ', NULL);
)";

// Each SQL rule reads other views, in other spellings (a subquery, a CTE, count(*) alone), and
// reports what it saw, so a row left over from an earlier shipment changes its evidence.
const char* kRules = R"(
rule { id: "items" description: "d" category: EXPORT_CONTROL weight: 5
  sql { query: "SELECT 'items ' || count(*) || ' worth ' || coalesce(sum(value), 0) || ' declared ' || (SELECT declared_value FROM shipment) AS summary FROM item" } }
rule { id: "parties" description: "d" category: EXPORT_CONTROL weight: 5
  sql { query: "SELECT 'parties ' || (SELECT count(*) FROM party) || ' aliases ' || (SELECT group_concat(name, '+') FROM party_alias) AS summary" } }
rule { id: "legs" description: "d" category: EXPORT_CONTROL weight: 5
  sql { query: "WITH l AS (SELECT * FROM leg) SELECT 'legs ' || count(*) || ' ' || coalesce(group_concat(region), '') AS summary FROM l" } }
rule { id: "matches" description: "d" category: EXPORT_CONTROL weight: 5
  sql { query: "SELECT 'match ' || entity_id || ' ' || entry_id AS summary FROM list_match ORDER BY entity_id" min_name_score: 0.8 } }
rule { id: "address" description: "d" category: SECONDARY_SANCTIONS weight: 50
  shared_address { } }
)";

// Every shipment's record, serialized, screened with `shipment_ids` (empty: all) on `threads`.
std::map<std::string, std::string> Screen(const std::string& db, const std::string& rules,
                                          const TempDir& dir, std::vector<std::string> shipment_ids,
                                          int threads) {
  ScreenOptions options;
  options.db_path = db;
  options.rules_dir = rules;
  options.out_path = dir.File("out-" + std::to_string(shipment_ids.size()) +
                              (shipment_ids.empty() ? "" : shipment_ids[0]) + ".scores");
  options.as_of = "2025-12-01";
  options.threads = threads;
  options.full_evidence = true;
  options.shipment_ids = std::move(shipment_ids);
  ScreenReport report;
  Status status = RunScreen(options, &report);
  INFO(status.message());
  REQUIRE(status.ok());
  std::unique_ptr<ScoreReader> reader;
  REQUIRE(ScoreReader::Open(options.out_path, &reader).ok());
  std::map<std::string, std::string> records;
  scores::ScoreRecord record;
  while (reader->Next(&record)) {
    if (record.has_shipment()) {
      records[record.shipment().shipment_id()] = record.shipment().DebugString();
    }
  }
  return records;
}

TEST_CASE("A worker's reused state: shipments screened in sequence equal shipments screened alone",
          "[batch-reuse]") {
  TempDir dir;
  std::string db = MakeDatabase(dir, kShipments);
  std::string rules = MakeRules(
      dir,
      {{"r.textproto", std::string(testing::kTestScoring) +
                           "list { id: \"wl\" description: \"d\" source: \"s\" }\n" + kRules}});
  std::map<std::string, std::string> in_sequence = Screen(db, rules, dir, {}, 1);
  REQUIRE(in_sequence.size() == 5);
  for (const auto& [shipment_id, text] : in_sequence) {
    INFO(shipment_id);
    std::map<std::string, std::string> alone = Screen(db, rules, dir, {shipment_id}, 1);
    CHECK(alone.at(shipment_id) == text);
  }
  CHECK(Screen(db, rules, dir, {}, 3) == in_sequence);
  // The checks above are only worth something if the rules see what differs: S-1's items and
  // aliases, S-2's leg, the address hit for E-KZ and E-NONE but not E-RU (another country).
  CHECK(in_sequence.at("S-1").find("items 2 worth 700.0 declared 100.0") != std::string::npos);
  CHECK(in_sequence.at("S-1").find("aliases DFT+Dostyk Front") != std::string::npos);
  CHECK(in_sequence.at("S-2").find("items 0 worth 0 declared 900.0") != std::string::npos);
  CHECK(in_sequence.at("S-2").find("legs 1 PK-BA") != std::string::npos);
  CHECK(in_sequence.at("S-4").find("legs 0") != std::string::npos);
  CHECK(in_sequence.at("S-1").find("match E-KZ 1") != std::string::npos);
  CHECK(in_sequence.at("S-2").find("rule_id: \"address\"") == std::string::npos);
  CHECK(in_sequence.at("S-3").find("consignee E-NONE \\\"Orchard Lane Supplies\\\" at") !=
        std::string::npos);
  CHECK(in_sequence.at("S-5").find("shipper E-KZ \\\"Dostyk Front Trading LLP\\\" at") !=
        std::string::npos);
  CHECK(in_sequence.at("S-5").find("consignee E-RU \\\"Steppe") == std::string::npos);
}

}  // namespace
}  // namespace corridor
