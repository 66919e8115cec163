// Goods and routes as they really move (issue 13): each case screened with the bundled rules
// (rules/) on a small database (tests/data/goods/*.sql), with the source the decision rests on.
#include <catch2/catch.hpp>

#include "engine/config/rule_set.h"
#include "engine/screen/screen_run.h"
#include "tests/test_util.h"

namespace corridor {
namespace {

using testing::MakeDatabase;
using testing::ReadText;
using testing::SourceFile;
using testing::TempDir;

struct Screened {
  std::map<std::string, scores::ShipmentScore> shipments;
  scores::StreamHeader header;
};

// Screens the case files (after the shared list rows) with the bundled rules on `as_of`.
// `extra_sql` runs last (e.g. to drop optional columns).
Screened ScreenCases(const std::vector<std::string>& files, const std::string& as_of = "2025-12-01",
                     const std::string& extra_sql = "", const std::string& rules_dir = "") {
  TempDir dir;
  std::string sql = ReadText(SourceFile("tests/data/goods/lists.sql"));
  for (const std::string& file : files) sql += ReadText(SourceFile("tests/data/goods/" + file));
  std::string db = MakeDatabase(dir, sql + extra_sql);
  ScreenOptions options;
  options.db_path = db;
  options.rules_dir = rules_dir.empty() ? SourceFile("rules") : rules_dir;
  options.out_path = dir.File("out.scores");
  options.as_of = as_of;
  ScreenReport report;
  Status status = RunScreen(options, &report);
  INFO(status.message());
  REQUIRE(status.ok());
  std::unique_ptr<ScoreReader> reader;
  REQUIRE(ScoreReader::Open(options.out_path, &reader).ok());
  Screened out;
  scores::ScoreRecord record;
  while (reader->Next(&record)) {
    if (record.has_header()) out.header = record.header();
    if (record.has_shipment()) out.shipments[record.shipment().shipment_id()] = record.shipment();
  }
  return out;
}

const scores::RuleHit* Hit(const scores::ShipmentScore& score, const std::string& rule_id) {
  for (const auto& hit : score.hits()) {
    if (hit.rule_id() == rule_id) return &hit;
  }
  return nullptr;
}

std::string AllEvidence(const scores::ShipmentScore& score) {
  std::string text;
  for (const auto& hit : score.hits()) {
    for (const auto& evidence : hit.evidence())
      text += hit.rule_id() + ": " + evidence.summary() + "\n";
  }
  return text;
}

// UFLPA s.1(a) and s.3 (shared/LAW.md "UFLPA applies to goods entering the US"): outside the
// US the rule is a supply-chain flag, not a hold.
TEST_CASE("UFLPA: Xinjiang wooden tables trucked to Almaty are a supply-chain flag, not a hold",
          "[goods-routes]") {
  Screened run = ScreenCases({"forced_labour.sql"});
  const scores::ShipmentScore& tables = run.shipments.at("FL-TABLES");
  INFO(AllEvidence(tables));
  CHECK(tables.decision() != HOLD);
  CHECK(tables.decision() != BLOCK);
  const scores::RuleHit* hit = Hit(tables, "uflpa_forced_labour");
  REQUIRE(hit != nullptr);
  CHECK(hit->evidence(0).summary().find("supply-chain flag only") != std::string::npos);
}

// UFLPA s.3: goods "mined, produced, or manufactured wholly or in part" in Xinjiang; red dates
// are a high-priority sector from the DHS strategy update of 2025-08-19 (shared/LAW.md).
TEST_CASE("UFLPA: red dates from a Hotan shipper to the US with a blank item region are held",
          "[goods-routes]") {
  Screened run = ScreenCases({"forced_labour.sql"});
  const scores::ShipmentScore& dates = run.shipments.at("FL-DATES");
  INFO(AllEvidence(dates));
  CHECK(dates.decision() >= HOLD);
  std::string evidence = AllEvidence(dates);
  CHECK(evidence.find("shipment origin region CN-XJ") != std::string::npos);
  CHECK(evidence.find("sector red dates") != std::string::npos);
  CHECK(evidence.find("2025-08-19") != std::string::npos);
}

// Found by review (2026-12-07): the shipment's region counted only when the item's country was
// blank or the shipment's origin country; with that country blank, an item declared "CN" (the
// region's own country) was taken for another country's, and the shipment came out clear.
TEST_CASE("UFLPA: an item declared CN of a shipment from CN-XJ with no origin country is held",
          "[goods-routes]") {
  Screened run = ScreenCases({"forced_labour.sql"}, "2025-12-01", R"sql(
INSERT INTO entity(entity_id, kind, name, country, address) VALUES
  ('FLR-S', 'company', 'Kashgar Components Co', 'CN', '5 Road 1, Kashgar'),
  ('FLR-C', 'company', 'Chicago Imports Inc', 'US', '100 Main St, Chicago');
INSERT INTO shipment(shipment_id, shipped_on, origin_country, origin_region, destination_country)
  VALUES ('FL-XJ-CN', '2025-11-01', NULL, 'CN-XJ', 'US'), ('FL-XJ-KZ', '2025-11-01', NULL, 'CN-XJ', 'US');
INSERT INTO shipment_party(shipment_id, entity_id, role) VALUES
  ('FL-XJ-CN', 'FLR-S', 'shipper'), ('FL-XJ-CN', 'FLR-C', 'consignee'),
  ('FL-XJ-KZ', 'FLR-S', 'shipper'), ('FL-XJ-KZ', 'FLR-C', 'consignee');
INSERT INTO shipment_item(shipment_id, line, hs_code, description, origin_country) VALUES
  ('FL-XJ-CN', 1, '847150', 'computer processing units', 'CN'),
  ('FL-XJ-KZ', 1, '847150', 'computer processing units', 'KZ');
)sql");
  const scores::ShipmentScore& cn = run.shipments.at("FL-XJ-CN");
  INFO(AllEvidence(cn));
  CHECK(cn.decision() >= HOLD);
  CHECK(AllEvidence(cn).find("shipment origin region CN-XJ") != std::string::npos);
  // An item declared from another country is that country's (the shipment-wide conditions
  // aside): not this condition.
  CHECK(AllEvidence(run.shipments.at("FL-XJ-KZ")).find("shipment origin region CN-XJ") ==
        std::string::npos);
}

// Found by review (2026-12-07): Xinjiang written as CN-65, its ISO 3166-2 code until 2017, was
// no region the rule knew, and Xinjiang goods to the US came out clear.
TEST_CASE("UFLPA: an item from CN-65 (Xinjiang's code until 2017) is held", "[goods-routes]") {
  Screened run = ScreenCases({"forced_labour.sql"}, "2025-12-01", R"sql(
INSERT INTO entity(entity_id, kind, name, country, address) VALUES
  ('FL65-S', 'company', 'Urumqi Components Co', 'CN', '5 Road 1, Urumqi'),
  ('FL65-C', 'company', 'Chicago Imports Inc', 'US', '100 Main St, Chicago');
INSERT INTO shipment(shipment_id, shipped_on, origin_country, destination_country)
  VALUES ('FL-65', '2025-11-01', 'CN', 'US');
INSERT INTO shipment_party(shipment_id, entity_id, role) VALUES
  ('FL-65', 'FL65-S', 'shipper'), ('FL-65', 'FL65-C', 'consignee');
INSERT INTO shipment_item(shipment_id, line, hs_code, description, origin_country, origin_region)
  VALUES ('FL-65', 1, '847150', 'computer processing units', 'CN', 'CN-65');
)sql");
  const scores::ShipmentScore& item = run.shipments.at("FL-65");
  INFO(AllEvidence(item));
  CHECK(item.decision() >= HOLD);
  CHECK(AllEvidence(item).find("origin region CN-65") != std::string::npos);
}

TEST_CASE("UFLPA: the red-dates sector counts only from 2025-08-19 (DHS strategy update)",
          "[goods-routes]") {
  Screened before = ScreenCases({"forced_labour.sql"}, "2025-08-18");
  CHECK(AllEvidence(before.shipments.at("FL-DATES")).find("sector red dates") == std::string::npos);
}

// UFLPA s.3: the maker's region and the loading in Kashgar, whatever origin is declared.
TEST_CASE("UFLPA: yarn declared Kazakh, made in Kashgar and trucked to the US is not clear",
          "[goods-routes]") {
  Screened run = ScreenCases({"forced_labour.sql"});
  const scores::ShipmentScore& yarn = run.shipments.at("FL-YARN");
  INFO(AllEvidence(yarn));
  CHECK(yarn.decision() >= HOLD);
  std::string evidence = AllEvidence(yarn);
  CHECK(evidence.find("manufacturer KASHGAR \"Kashgar Cotton Spinning Co\" is in region CN-XJ") !=
        std::string::npos);
  CHECK(evidence.find("route leg 1 Kashgar (the loading point) is in region CN-XJ") !=
        std::string::npos);
}

// UFLPA s.3 "wholly or in part"; shared/LAW.md: "inputs count: Xinjiang cotton in Pakistani bed
// linen". The earlier shipment is the evidence; the earlier shipment itself is in scope because
// its consignee ships to the US afterwards (downstream).
TEST_CASE("UFLPA: bed linen to Los Angeles from a mill that received XPCC yarn is held",
          "[goods-routes]") {
  Screened run = ScreenCases({"forced_labour.sql"});
  const scores::ShipmentScore& linen = run.shipments.at("FL-LINEN");
  INFO(AllEvidence(linen));
  CHECK(linen.decision() >= HOLD);
  CHECK(AllEvidence(linen).find("received HS 520523 (yarn -> bedding) in shipment FL-INPUT line 1 "
                                "on 2025-10-15") != std::string::npos);
  const scores::ShipmentScore& input = run.shipments.at("FL-INPUT");
  INFO(AllEvidence(input));
  CHECK(AllEvidence(input).find("downstream: consignee MILL ships to US in shipment FL-LINEN") !=
        std::string::npos);
}

// Regulation (EU) 2024/3015 applies from 2027-12-14 (shared/LAW.md "Dates that change
// decisions").
TEST_CASE("EU Forced Labour Regulation: Xinjiang goods to the EU only from 2027-12-14",
          "[goods-routes]") {
  const std::string eu = R"(
INSERT INTO entity (entity_id, kind, name, country, region) VALUES
  ('TOM', 'company', 'Changji Tomato Co', 'CN', 'CN-XJ'), ('HAM', 'company', 'Hamburg Foods GmbH', 'DE', NULL);
INSERT INTO shipment (shipment_id, shipped_on, origin_country, origin_region, destination_country)
  VALUES ('EU-1', '2027-12-01', 'CN', 'CN-XJ', 'DE');
INSERT INTO shipment_party VALUES ('EU-1', 'TOM', 'shipper'), ('EU-1', 'HAM', 'consignee');
INSERT INTO shipment_item (shipment_id, line, hs_code, origin_country, origin_region)
  VALUES ('EU-1', 1, '2002.90', 'CN', 'CN-XJ');
)";
  Screened before = ScreenCases({}, "2027-12-13", eu);
  CHECK(Hit(before.shipments.at("EU-1"), "eu_forced_labour_regulation") == nullptr);
  Screened after = ScreenCases({}, "2027-12-14", eu);
  CHECK(Hit(after.shipments.at("EU-1"), "eu_forced_labour_regulation") != nullptr);
}

// FIN-2022-Alert003: a Russian end user is the diversion, whatever the declared destination.
TEST_CASE("Diversion: a named Russian end user scores as a Russian final destination",
          "[goods-routes]") {
  Screened run = ScreenCases({"diversion.sql"});
  const scores::ShipmentScore& declared = run.shipments.at("DV-RUEU-FD");
  const scores::ShipmentScore& blank = run.shipments.at("DV-RUEU");
  INFO(AllEvidence(blank));
  const scores::RuleHit* with_fd = Hit(declared, "chpl_diversion");
  const scores::RuleHit* without_fd = Hit(blank, "chpl_diversion");
  REQUIRE(with_fd != nullptr);
  REQUIRE(without_fd != nullptr);
  CHECK(without_fd->weight() >= with_fd->weight());
  CHECK(blank.decision() == BLOCK);
  CHECK(AllEvidence(blank).find("end_user RUEU \"Kaluga Instrument Plant JSC\" is in RU") !=
        std::string::npos);
}

// E5 / BIS guidance: end-user certificates for Tier 1-2 items outside the coalition; EU Reg.
// 833/2014 Art. 12g clauses. The certificate lowers the weight and is cited.
TEST_CASE("Diversion: Tier 1 chips to a Kazakh end user need an end-use certificate",
          "[goods-routes]") {
  Screened run = ScreenCases({"diversion.sql"});
  const scores::ShipmentScore& none = run.shipments.at("DV-NOCERT");
  const scores::ShipmentScore& certified = run.shipments.at("DV-CERT");
  INFO(AllEvidence(none));
  CHECK(none.decision() != CLEAR);
  CHECK(AllEvidence(none).find("no end-use certificate or no-Russia clause on record") !=
        std::string::npos);
  INFO(AllEvidence(certified));
  CHECK(certified.score() < none.score());
  CHECK(AllEvidence(certified).find("on record: end_use_certificate EUC-2025-118 of 2025-10-30") !=
        std::string::npos);
}

// OFAC FAQ 1148 / EO 14114 critical items (bearings, lubricants) via a FIN-2022-Alert003 country.
// Found by review (2026-12-07): a recorded no-re-export clause or end-use certificate halved the
// weight and lifted the tier's floor even when the goods reach Belarus or Russia, where such a
// document says nothing (the E5 guidance and EU Art. 12g are about third countries:
// shared/LAW.md "Origin and goods"). Tier 1 chips to a Belarusian consignee went block -> hold.
TEST_CASE("Diversion: a no-Russia clause does not lift the block on Tier 1 chips to Belarus",
          "[goods-routes]") {
  Screened run = ScreenCases({"diversion.sql"}, "2025-12-01", R"sql(
INSERT INTO entity(entity_id, kind, name, country) VALUES
  ('DVB-S', 'company', 'Shenzhen Chip Trading', 'CN'),
  ('DVB-C', 'company', 'Minsk Instrument Works', 'BY');
INSERT INTO shipment(shipment_id, shipped_on, origin_country, destination_country,
                     final_destination_country)
  VALUES ('DV-BY', '2025-11-01', 'CN', 'BY', 'BY'), ('DV-BY-DOC', '2025-11-01', 'CN', 'BY', 'BY');
INSERT INTO shipment_party(shipment_id, entity_id, role) VALUES
  ('DV-BY', 'DVB-S', 'shipper'), ('DV-BY', 'DVB-C', 'consignee'),
  ('DV-BY-DOC', 'DVB-S', 'shipper'), ('DV-BY-DOC', 'DVB-C', 'consignee');
INSERT INTO shipment_item(shipment_id, line, hs_code, description, origin_country) VALUES
  ('DV-BY', 1, '854231', 'processors', 'CN'), ('DV-BY-DOC', 1, '854231', 'processors', 'CN');
INSERT INTO shipment_document(shipment_id, kind, reference) VALUES
  ('DV-BY-DOC', 'no_russia_clause', 'contract 17, clause 9');
)sql");
  const scores::ShipmentScore& bare = run.shipments.at("DV-BY");
  const scores::ShipmentScore& with_clause = run.shipments.at("DV-BY-DOC");
  INFO(AllEvidence(with_clause));
  CHECK(bare.decision() == BLOCK);
  CHECK(with_clause.decision() == BLOCK);
  CHECK(with_clause.score() == bare.score());
  CHECK(AllEvidence(with_clause).find("not counted: the goods reach the target") !=
        std::string::npos);
}

// Found by review (2026-12-07): a country given only by a UN/LOCODE (a leg at IRBND, RUVVO) or an
// ISO 3166-2 region (a destination or a party in IR-23) was no country: Bandar Abbas cleared,
// Vladivostok weighed as Kazakhstan. The loader takes the country from the code's first two
// letters (CountryFromCode); each shipment is decided as its twin that states the country.
TEST_CASE("A country given only by a LOCODE or an ISO 3166-2 region counts as that country",
          "[goods-routes]") {
  Screened run = ScreenCases({"diversion.sql"}, "2025-12-01", R"sql(
INSERT INTO entity(entity_id, kind, name, country, region, address) VALUES
  ('LC-SH', 'company', 'Shenzhen Electronics Co', 'CN', 'CN-GD', '1 Road 5, Shenzhen'),
  ('LC-CK', 'company', 'Almaty Tech LLP', 'KZ', NULL, 'Abay 10, Almaty'),
  ('LC-CT', 'company', 'Tashkent Machinery LLC', 'UZ', NULL, 'Navoi 10, Tashkent'),
  ('LC-IR', 'company', 'Bandar Trading Co', NULL, 'IR-23', 'Port Rd 4, Bandar Abbas'),
  ('LC-IRC', 'company', 'Bandar Trading Co', 'IR', 'IR-23', 'Port Rd 4, Bandar Abbas');
INSERT INTO shipment(shipment_id, shipped_on, origin_country, destination_country,
                     destination_region) VALUES
  ('LC-IR-COUNTRY', '2025-11-01', 'CN', 'UZ', NULL), ('LC-IR-LOCODE', '2025-11-01', 'CN', 'UZ', NULL),
  ('LC-RU-COUNTRY', '2025-11-01', 'CN', 'KZ', NULL), ('LC-RU-LOCODE', '2025-11-01', 'CN', 'KZ', NULL),
  ('LC-DEST-COUNTRY', '2025-11-01', 'CN', 'IR', 'IR-23'),
  ('LC-DEST-REGION', '2025-11-01', 'CN', NULL, 'IR-23'),
  ('LC-PARTY-COUNTRY', '2025-11-01', 'CN', 'AE', NULL),
  ('LC-PARTY-REGION', '2025-11-01', 'CN', 'AE', NULL);
INSERT INTO shipment_party(shipment_id, entity_id, role) VALUES
  ('LC-IR-COUNTRY', 'LC-SH', 'shipper'), ('LC-IR-COUNTRY', 'LC-CT', 'consignee'),
  ('LC-IR-LOCODE', 'LC-SH', 'shipper'), ('LC-IR-LOCODE', 'LC-CT', 'consignee'),
  ('LC-RU-COUNTRY', 'LC-SH', 'shipper'), ('LC-RU-COUNTRY', 'LC-CK', 'consignee'),
  ('LC-RU-LOCODE', 'LC-SH', 'shipper'), ('LC-RU-LOCODE', 'LC-CK', 'consignee'),
  ('LC-DEST-COUNTRY', 'LC-SH', 'shipper'), ('LC-DEST-COUNTRY', 'LC-CT', 'consignee'),
  ('LC-DEST-REGION', 'LC-SH', 'shipper'), ('LC-DEST-REGION', 'LC-CT', 'consignee'),
  ('LC-PARTY-COUNTRY', 'LC-SH', 'shipper'), ('LC-PARTY-COUNTRY', 'LC-IRC', 'consignee'),
  ('LC-PARTY-REGION', 'LC-SH', 'shipper'), ('LC-PARTY-REGION', 'LC-IR', 'consignee');
INSERT INTO shipment_item(shipment_id, line, hs_code, description, origin_country)
  SELECT shipment_id, 1, CASE WHEN shipment_id LIKE 'LC-RU-%' THEN '854231' ELSE '940540' END,
         'goods', 'CN' FROM shipment WHERE shipment_id LIKE 'LC-%';
INSERT INTO shipment_leg(shipment_id, seq, location, location_name, country, kind) VALUES
  ('LC-IR-COUNTRY', 1, 'IRBND', 'Bandar Abbas', 'IR', 'port'),
  ('LC-IR-COUNTRY', 2, 'UZTAS', 'Tashkent', 'UZ', 'inland'),
  ('LC-IR-LOCODE', 1, 'IRBND', NULL, NULL, 'port'),
  ('LC-IR-LOCODE', 2, 'UZTAS', 'Tashkent', 'UZ', 'inland'),
  ('LC-RU-COUNTRY', 1, 'RUVVO', 'Vladivostok', 'RU', 'port'),
  ('LC-RU-COUNTRY', 2, 'KZALA', 'Almaty', 'KZ', 'inland'),
  ('LC-RU-LOCODE', 1, 'RUVVO', NULL, NULL, 'port'),
  ('LC-RU-LOCODE', 2, 'KZALA', 'Almaty', 'KZ', 'inland');
)sql");
  for (const auto& [twin, coded] :
       std::vector<std::pair<std::string, std::string>>{{"LC-IR-COUNTRY", "LC-IR-LOCODE"},
                                                        {"LC-RU-COUNTRY", "LC-RU-LOCODE"},
                                                        {"LC-DEST-COUNTRY", "LC-DEST-REGION"},
                                                        {"LC-PARTY-COUNTRY", "LC-PARTY-REGION"}}) {
    INFO(coded << "\n" << AllEvidence(run.shipments.at(coded)));
    CHECK(run.shipments.at(twin).decision() == BLOCK);
    CHECK(run.shipments.at(coded).decision() == run.shipments.at(twin).decision());
  }
}

TEST_CASE("Diversion: needle bearings and lubricants to a Bishkek trader are not clear",
          "[goods-routes]") {
  Screened run = ScreenCases({"diversion.sql"});
  const scores::ShipmentScore& bearings = run.shipments.at("DV-BEARINGS");
  INFO(AllEvidence(bearings));
  CHECK(bearings.decision() != CLEAR);
  CHECK(AllEvidence(bearings).find("OFAC FAQ 1148") != std::string::npos);
}

// FIN-2022-Alert003 names transshipment countries; the origin is not a transit.
TEST_CASE("Diversion: China as the origin is not a diversion transit (China -> Pakistan tools)",
          "[goods-routes]") {
  Screened run = ScreenCases({"diversion.sql"});
  const scores::ShipmentScore& tools = run.shipments.at("DV-TOOLS");
  INFO(AllEvidence(tools));
  CHECK(Hit(tools, "chpl_diversion") == nullptr);
  CHECK(tools.decision() == CLEAR);
}

// MTCR Annex 12.A.1; Entity List (15 CFR 744 Supp. 4), Pakistan: National Development Complex.
TEST_CASE("Proliferation: 8x8 chassis to National Development Complex are held", "[goods-routes]") {
  Screened run = ScreenCases({"proliferation_address.sql"});
  const scores::ShipmentScore& chassis = run.shipments.at("PR-CHASSIS");
  INFO(AllEvidence(chassis));
  CHECK(chassis.decision() >= HOLD);
  const scores::RuleHit* hit = Hit(chassis, "proliferation_end_use");
  REQUIRE(hit != nullptr);
  CHECK(hit->evidence(0).summary().find("MTCR 12.A.1") != std::string::npos);
  CHECK(hit->evidence(0).summary().find("is on csl-el as \"National Development Complex\"") !=
        std::string::npos);
}

// OFAC SDN 36427 publishes Sber Vostok's address; BIS red flags (Supp. 3 to 15 CFR 732).
TEST_CASE("Addresses: a consignee at Sber Vostok's street address is not clear", "[goods-routes]") {
  Screened run = ScreenCases({"proliferation_address.sql"});
  const scores::ShipmentScore& front = run.shipments.at("AD-FRONT");
  INFO(AllEvidence(front));
  CHECK(front.decision() != CLEAR);
  const scores::RuleHit* hit = Hit(front, "shared_address_with_listed_party");
  REQUIRE(hit != nullptr);
  CHECK(hit->evidence(0).summary() ==
        "consignee FRONT \"Vostok Capital Trade LLP\" at \"Almaty, al-Farabi ave. 13/1, 7 fl.\" "
        "shares the address of ofac-sdn 36427 \"SBER VOSTOK LIMITED LIABILITY PARTNERSHIP\" at "
        "\"13/1 Al-Farabi Avenue, block 3V, 7th floor, Almaty, 050059, Kazakhstan\"");
  // Another building on the same avenue is not the same address.
  CHECK(Hit(run.shipments.at("AD-OTHER"), "shared_address_with_listed_party") == nullptr);
}

// 15 CFR 734.4 (de minimis), 734.9(f) (Russia/Belarus FDP rule), 746.8 (licence for Russia and
// Belarus).
TEST_CASE("EAR scope: de minimis and the Russia FDP rule decide when a licence is needed",
          "[goods-routes]") {
  const std::string ear = R"(
INSERT INTO entity (entity_id, kind, name, country) VALUES
  ('TW', 'company', 'Taipei Router Co', 'TW'), ('MN', 'company', 'Minsk Telecom JSC', 'BY');
INSERT INTO shipment (shipment_id, shipped_on, origin_country, destination_country) VALUES
  ('E-30', '2025-11-01', 'TW', 'BY'), ('E-20', '2025-11-01', 'TW', 'BY'), ('E-99', '2025-11-01', 'TW', 'BY');
INSERT INTO shipment_party VALUES ('E-30', 'TW', 'shipper'), ('E-30', 'MN', 'consignee'),
  ('E-20', 'TW', 'shipper'), ('E-20', 'MN', 'consignee'), ('E-99', 'TW', 'shipper'), ('E-99', 'MN', 'consignee');
INSERT INTO shipment_item (shipment_id, line, hs_code, origin_country, eccn, us_content_percent, brand_country)
  VALUES ('E-30', 1, '851762', 'TW', 'EAR99', 30, 'TW'), ('E-20', 1, '851762', 'TW', 'EAR99', 20, 'TW'),
         ('E-99', 1, '851762', 'TW', '5A992', 5, 'TW');
)";
  Screened run = ScreenCases({}, "2025-12-01", ear);
  std::string above = AllEvidence(run.shipments.at("E-30"));
  INFO(above);
  CHECK(above.find("ear_licence_required: item 1 is subject to the EAR (30% US controlled content, "
                   "above the 25% de minimis level, 15 CFR 734.4)") != std::string::npos);
  CHECK(Hit(run.shipments.at("E-20"), "ear_licence_required") == nullptr);
  CHECK(AllEvidence(run.shipments.at("E-99")).find("734.9(f)") != std::string::npos);
}

// Found by review (2026-12-07): the rule read the final destination alone when one was declared,
// so US-origin goods delivered to a Russian consignee in Russia, with Kazakhstan declared as the
// final destination, needed no licence. Goods exported to Russia are, whatever lies beyond.
TEST_CASE("EAR scope: goods delivered into Russia need a licence whatever final destination",
          "[goods-routes]") {
  const std::string ear = R"(
INSERT INTO entity (entity_id, kind, name, country) VALUES
  ('US1', 'company', 'Ohio Instruments Inc', 'US'), ('RU1', 'company', 'Moscow Trade House', 'RU');
INSERT INTO shipment (shipment_id, shipped_on, origin_country, destination_country,
                      final_destination_country) VALUES
  ('E-RU', '2025-11-01', 'US', 'RU', NULL), ('E-RU-KZ', '2025-11-01', 'US', 'RU', 'KZ');
INSERT INTO shipment_party VALUES ('E-RU', 'US1', 'shipper'), ('E-RU', 'RU1', 'consignee'),
  ('E-RU-KZ', 'US1', 'shipper'), ('E-RU-KZ', 'RU1', 'consignee');
INSERT INTO shipment_item (shipment_id, line, hs_code, origin_country, eccn, us_content_percent, brand_country)
  VALUES ('E-RU', 1, '903180', 'US', 'EAR99', 100, 'US'), ('E-RU-KZ', 1, '903180', 'US', 'EAR99', 100, 'US');
)";
  Screened run = ScreenCases({}, "2025-12-01", ear);
  INFO(AllEvidence(run.shipments.at("E-RU-KZ")));
  REQUIRE(Hit(run.shipments.at("E-RU"), "ear_licence_required") != nullptr);
  const scores::RuleHit* hit = Hit(run.shipments.at("E-RU-KZ"), "ear_licence_required");
  REQUIRE(hit != nullptr);
  CHECK(hit->evidence(0).summary().find("destination RU (destination) needs a licence") !=
        std::string::npos);
}

TEST_CASE("EAR scope: without the optional item columns the rule is off and the header says why",
          "[goods-routes]") {
  Screened run =
      ScreenCases({"diversion.sql"}, "2025-12-01", "ALTER TABLE shipment_item DROP COLUMN eccn;");
  bool said = false;
  for (const auto& problem : run.header.problems()) {
    if (problem.row_id() == "ear_licence_required" &&
        problem.message().find("rule off") != std::string::npos)
      said = true;
  }
  CHECK(said);
  for (const auto& [id, score] : run.shipments)
    CHECK(Hit(score, "ear_licence_required") == nullptr);
}

}  // namespace
}  // namespace corridor

namespace corridor {
namespace {

// schemas/input.sql: shipment_document is optional; without it every shipment has no documents.
TEST_CASE("A database without the shipment_document table screens, with no documents",
          "[goods-routes]") {
  Screened run = ScreenCases({"diversion.sql"}, "2025-12-01", "DROP TABLE shipment_document;");
  // DV-CERT's certificate is gone with the table: it now scores as DV-NOCERT.
  CHECK(run.shipments.at("DV-CERT").score() == run.shipments.at("DV-NOCERT").score());
}

// shared/LAW.md "How to use this page": every row of a bundled reference table carries its
// source and dates; a row without them is a rule-file error at its line.
TEST_CASE("Dated reference tables: a row without a source or with a bad date is an error",
          "[goods-routes]") {
  TempDir dir;
  std::string folder = testing::MakeRules(
      dir, {{"r.textproto", std::string(testing::kTestScoring) + R"(
rule { id: "p" description: "d" category: EXPORT_CONTROL weight: 70
  proliferation { goods_table: "p.csv" end_user_countries: ["PK"] } })"},
            {"p.csv",
             "hs_code,item,regime,description,effective_from,effective_to,source\n"
             "870600,chassis,MTCR 12.A.1,chassis,,,\n"
             "8705,vehicle,MTCR 12.A.1,vehicles,2024-13-01,,MTCR Annex\n"
             "7224,steel,NSG 2.C.11,maraging steel,2024-01-01,,NSG Part 2\n"}});
  RuleSet rule_set;
  Diagnostics diagnostics;
  CHECK_FALSE(LoadRuleSet(folder, &rule_set, &diagnostics));
  std::vector<std::string> messages;
  for (const Diagnostic& d : diagnostics) messages.push_back(d.ToString());
  REQUIRE(messages.size() == 2);
  CHECK(messages[0].find("p.csv:2:1: the row has no source") != std::string::npos);
  CHECK(messages[1].find("p.csv:3:1: not an ISO 8601 date (YYYY-MM-DD): \"2024-13-01\"") !=
        std::string::npos);
}

}  // namespace
}  // namespace corridor

namespace corridor {
namespace {

// FIN-2022-Alert003: a Russian owner behind the buyer (ownership records, any depth) reaches
// Russia as a Russian party does.
TEST_CASE("Diversion: a Kazakh consignee owned through a holding by a Russian company",
          "[goods-routes]") {
  Screened run = ScreenCases({"diversion.sql"}, "2025-12-01", R"(
INSERT INTO entity (entity_id, kind, name, country) VALUES
  ('HOLD', 'company', 'Astana Holding LLP', 'KZ'), ('RUOWN', 'company', 'Tula Precision JSC', 'RU');
INSERT INTO ownership (owner_id, owned_id, share) VALUES ('HOLD', 'KZEU', 100), ('RUOWN', 'HOLD', 60);
)");
  const scores::ShipmentScore& owned = run.shipments.at("DV-NOCERT");
  INFO(AllEvidence(owned));
  CHECK(AllEvidence(owned).find("consignee KZEU is owned by RUOWN (RU) through HOLD") !=
        std::string::npos);
  CHECK(owned.decision() == BLOCK);
}

// UFLPA s.3: inputs "by" a listed entity count too, wherever the input was made; the earlier
// shipper is matched by its exact name on the UFLPA Entity List.
TEST_CASE("UFLPA tracing: yarn received from a UFLPA-listed shipper with no region recorded",
          "[goods-routes]") {
  Screened run = ScreenCases({}, "2025-12-01", R"(
INSERT INTO entity (entity_id, kind, name, country) VALUES
  ('XP', 'organization', 'XINJIANG PRODUCTION AND CONSTRUCTION CORPS', 'CN'),
  ('M', 'company', 'Multan Weaving Ltd', 'PK'), ('U', 'company', 'Carolina Home Inc', 'US');
INSERT INTO shipment (shipment_id, shipped_on, origin_country, destination_country) VALUES
  ('IN-1', '2025-09-01', 'CN', 'PK'), ('OUT-1', '2025-11-01', 'PK', 'US');
INSERT INTO shipment_party VALUES ('IN-1', 'XP', 'shipper'), ('IN-1', 'M', 'consignee'),
  ('OUT-1', 'M', 'shipper'), ('OUT-1', 'U', 'consignee');
INSERT INTO shipment_item (shipment_id, line, hs_code, origin_country) VALUES
  ('IN-1', 1, '520512', 'CN'), ('OUT-1', 1, '630231', 'PK');
)");
  const scores::ShipmentScore& out = run.shipments.at("OUT-1");
  INFO(AllEvidence(out));
  CHECK(AllEvidence(out).find("in shipment IN-1 line 1 on 2025-09-01, from XP on a forced-labour "
                              "list") != std::string::npos);
  CHECK(out.decision() >= HOLD);
}

// UFLPA s.2(d)(2)(B) and s.3: goods made wholly or in part by a listed entity are barred. The
// input's shipper is found on the UFLPA Entity List by the run's name screening, as on its own
// shipment, not only by its exact spelling (review-law finding 6: "Co Ltd" for a listed "Co.,
// Ltd." was matched on its own shipment, but the modules made of its polysilicon were clear).
TEST_CASE("UFLPA tracing: polysilicon from a listed maker spelt Co Ltd is traced into modules",
          "[goods-routes]") {
  Screened run = ScreenCases({}, "2025-10-01", R"(
INSERT INTO list_entry (list_id, entry_id, kind, name, country) VALUES
  ('uflpa', 'UF-HB', 'company', 'Hefei Bright Silicon Materials Co., Ltd.', 'CN');
INSERT INTO entity (entity_id, kind, name, country, region) VALUES
  ('HB2', 'company', 'Hefei Bright Silicon Materials Co Ltd', 'CN', 'CN-AH'),
  ('MK2', 'company', 'Suzhou Solar Module Manufacturing Co', 'CN', 'CN-JS'),
  ('OHB', 'company', 'Ohio Home Goods Inc', 'US', NULL);
INSERT INTO shipment (shipment_id, shipped_on, origin_country, origin_region, destination_country)
  VALUES ('PS-IN', '2025-09-01', 'CN', 'CN-AH', 'CN'), ('PS-US', '2025-10-01', 'CN', 'CN-JS', 'US');
INSERT INTO shipment_party VALUES ('PS-IN', 'HB2', 'shipper'), ('PS-IN', 'MK2', 'consignee'),
  ('PS-US', 'MK2', 'shipper'), ('PS-US', 'OHB', 'consignee');
INSERT INTO shipment_item (shipment_id, line, hs_code, origin_country, origin_region) VALUES
  ('PS-IN', 1, '280461', 'CN', 'CN-AH'), ('PS-US', 1, '854143', 'CN', NULL);
)");
  const scores::ShipmentScore& input = run.shipments.at("PS-IN");
  INFO(AllEvidence(input));
  CHECK(AllEvidence(input).find("\"Hefei Bright Silicon Materials Co Ltd\" is on uflpa as "
                                "\"Hefei Bright Silicon Materials Co., Ltd.\"") !=
        std::string::npos);
  const scores::ShipmentScore& modules = run.shipments.at("PS-US");
  INFO(AllEvidence(modules));
  CHECK(modules.decision() >= HOLD);
  CHECK(AllEvidence(modules).find("received HS 280461 (polysilicon -> modules) in shipment PS-IN "
                                  "line 1 on 2025-09-01, from HB2 on uflpa as \"Hefei Bright "
                                  "Silicon Materials Co., Ltd.\" (name match") !=
        std::string::npos);
}

// UFLPA s.3: the presumption for goods made "wholly or in part" in Xinjiang applies to every good
// from 2022-06-21; the DHS strategy update of 2024-07-09 that named aluminium a high-priority
// sector sets enforcement priorities, so it dates the sector flag, not the trace (review-law
// finding 5: the aluminium and PVC chains started on 2024-07-09 and this shipment was clear).
TEST_CASE(
    "UFLPA tracing: Xinjiang aluminium in profiles to the US is held before the 2024 sector update",
    "[goods-routes]") {
  const std::string aluminium = R"(
INSERT INTO entity (entity_id, kind, name, country, region) VALUES
  ('XJA', 'company', 'Shihezi Aluminium Smelter Co', 'CN', 'CN-XJ'),
  ('FSP', 'company', 'Foshan Aluminium Profile Co', 'CN', 'CN-GD'),
  ('OHB', 'company', 'Ohio Home Goods Inc', 'US', NULL);
INSERT INTO shipment (shipment_id, shipped_on, origin_country, origin_region, destination_country)
  VALUES ('AL-IN', '2024-03-01', 'CN', 'CN-XJ', 'CN'), ('AL-US', '2024-05-01', 'CN', 'CN-GD', 'US');
INSERT INTO shipment_party VALUES ('AL-IN', 'XJA', 'shipper'), ('AL-IN', 'FSP', 'consignee'),
  ('AL-US', 'FSP', 'shipper'), ('AL-US', 'OHB', 'consignee');
INSERT INTO shipment_item (shipment_id, line, hs_code, origin_country, origin_region) VALUES
  ('AL-IN', 1, '760110', 'CN', 'CN-XJ'), ('AL-US', 1, '760421', 'CN', NULL);
)";
  for (const std::string as_of : {"2024-05-01", "2024-07-08"}) {
    Screened run = ScreenCases({}, as_of, aluminium);
    const scores::ShipmentScore& profiles = run.shipments.at("AL-US");
    INFO(as_of << "\n" << AllEvidence(profiles));
    CHECK(profiles.decision() >= HOLD);
    CHECK(AllEvidence(profiles).find("received HS 760110 (aluminium -> bars and profiles) in "
                                     "shipment AL-IN line 1 on 2024-03-01") != std::string::npos);
    // The sector flag is the DHS update's: not before 2024-07-09.
    CHECK(AllEvidence(profiles).find("high-priority sector aluminium") == std::string::npos);
  }
}

// UFLPA s.3 "wholly or in part", for the sectors DHS named on 2025-08-19 (lithium, steel,
// copper, caustic soda, red dates; shared/LAW.md "Dates that change decisions"): Xinjiang inputs
// are traced into the products made of them like cotton into bed linen (review-law finding 4).
TEST_CASE("UFLPA tracing: Xinjiang lithium, steel, copper, caustic soda and red dates are traced",
          "[goods-routes]") {
  Screened run = ScreenCases({}, "2025-10-01", R"(
INSERT INTO entity (entity_id, kind, name, country, region) VALUES
  ('XJ', 'company', 'Karamay Industrial Materials Co', 'CN', 'CN-XJ'),
  ('MKR', 'company', 'Wuxi Energy Storage Manufacturing Co', 'CN', 'CN-JS'),
  ('OHB', 'company', 'Ohio Home Goods Inc', 'US', NULL);
INSERT INTO shipment (shipment_id, shipped_on, origin_country, origin_region, destination_country)
  VALUES ('X-IN', '2025-09-01', 'CN', 'CN-XJ', 'CN'), ('X-US', '2025-10-01', 'CN', 'CN-JS', 'US');
INSERT INTO shipment_party VALUES ('X-IN', 'XJ', 'shipper'), ('X-IN', 'MKR', 'consignee'),
  ('X-US', 'MKR', 'shipper'), ('X-US', 'OHB', 'consignee');
INSERT INTO shipment_item (shipment_id, line, hs_code, origin_country, origin_region) VALUES
  ('X-IN', 1, '282520', 'CN', 'CN-XJ'), ('X-IN', 2, '720851', 'CN', 'CN-XJ'),
  ('X-IN', 3, '740311', 'CN', 'CN-XJ'), ('X-IN', 4, '281512', 'CN', 'CN-XJ'),
  ('X-IN', 5, '081340', 'CN', 'CN-XJ'),
  ('X-US', 1, '850760', 'CN', NULL), ('X-US', 2, '730890', 'CN', NULL),
  ('X-US', 3, '854449', 'CN', NULL), ('X-US', 4, '281820', 'CN', NULL),
  ('X-US', 5, '200899', 'CN', NULL);
)");
  const scores::ShipmentScore& out = run.shipments.at("X-US");
  std::string evidence = AllEvidence(out);
  INFO(evidence);
  CHECK(out.decision() >= HOLD);
  for (const char* expected :
       {"made in part of Xinjiang inputs: shipper MKR received HS 282520 (lithium "
        "hydroxide -> lithium-ion batteries)",
        "made in part of Xinjiang inputs: shipper MKR received HS 720851 (iron and steel "
        "-> articles of iron or steel)",
        "made in part of Xinjiang inputs: shipper MKR received HS 740311 (refined copper "
        "-> insulated wire and cable)",
        "made in part of Xinjiang inputs: shipper MKR received HS 281512 (caustic soda "
        "-> alumina)",
        "made in part of Xinjiang inputs: shipper MKR received HS 081340 (red dates -> "
        "prepared or preserved fruit)"}) {
    CHECK(evidence.find(expected) != std::string::npos);
  }
}

}  // namespace
}  // namespace corridor

namespace corridor {
namespace {

// FinCEN/BIS FIN-2022-Alert003 (shared/LAW.md "Russia diversion"; the alert's red flags):
// "payments coming from a third-party country or business not listed on the End-User Statement".
TEST_CASE("Payments: CHPL chips to Karaganda paid from Moscow are not clear", "[goods-routes]") {
  Screened run = ScreenCases({"diversion.sql", "payments.sql"});
  const scores::ShipmentScore& moscow = run.shipments.at("DV-CERT");
  INFO(AllEvidence(moscow));
  const scores::RuleHit* hit = Hit(moscow, "third_country_payer");
  REQUIRE(hit != nullptr);
  CHECK(hit->evidence(0).summary() ==
        "payment PAY-1 of 40000 USD on 2025-11-01 for HS 854231: payer MOSPAY \"Stroyimpex LLC\" "
        "is in RU (group russia_belarus), a third country (the buyer and the goods are in KZ)");
  CHECK(hit->evidence(0).party().role() == "payer");
  CHECK(moscow.decision() != CLEAR);
  // The consignee paying from its own country is no flag.
  CHECK(Hit(run.shipments.at("DV-NOCERT"), "third_country_payer") == nullptr);
  // A payer named only on the payment, in a transshipment country of the alert.
  const scores::RuleHit* dubai = Hit(run.shipments.at("DV-TOOLS"), "third_country_payer");
  REQUIRE(dubai != nullptr);
  CHECK(dubai->evidence(0).summary().find(
            "payer \"Gulf Star General Trading FZE\" is in AE (group diversion_risk)") !=
        std::string::npos);
  // Shipments without payments say nothing.
  CHECK(Hit(run.shipments.at("DV-BEARINGS"), "third_country_payer") == nullptr);
}

// From a review of the law behind the rules (2026-12-08, finding 12): the diversion_risk group
// cited FIN-2022-Alert003 but held 10 of its 18 countries, so a CHPL payment from Singapore,
// India or Serbia was no third-country-payer flag. It holds the alert's 18 and Hong Kong (the
// tri-seal note of 2023-03-02), as reference/diversion_countries.csv does.
TEST_CASE("Payments: a payer in any transshipment country of FIN-2022-Alert003 is flagged",
          "[goods-routes]") {
  for (const char* country : {"SG", "IN", "RS", "BR", "TW", "HK"}) {
    INFO(country);
    Screened run =
        ScreenCases({"diversion.sql", "payments.sql"}, "2025-12-01",
                    std::string("UPDATE payment SET payer_country = '") + country +
                        "', payer_bank_country = '" + country + "' WHERE payment_id = 'PAY-3';");
    const scores::RuleHit* hit = Hit(run.shipments.at("DV-TOOLS"), "third_country_payer");
    REQUIRE(hit != nullptr);
    CHECK(hit->evidence(0).summary().find(std::string("is in ") + country +
                                          " (group diversion_risk)") != std::string::npos);
  }
}

// schemas/input.sql: the payment table is optional; without it the flag is off and the run
// header says why, as for the other optional inputs.
TEST_CASE("Payments: without the payment table the third-country flag is off and says why",
          "[goods-routes]") {
  Screened run = ScreenCases({"diversion.sql"}, "2025-12-01", "DROP TABLE payment;");
  CHECK(Hit(run.shipments.at("DV-CERT"), "third_country_payer") == nullptr);
  bool noted = false;
  for (const auto& problem : run.header.problems()) {
    if (problem.row_id() == "third_country_payer" &&
        problem.message().find("no payment table") != std::string::npos)
      noted = true;
  }
  CHECK(noted);
}

// schemas/input.sql: a payer entity that does not exist, or a payment that cannot be placed,
// is a data problem of the shipment, never a silent "no payment".
TEST_CASE("Payments: an unknown payer entity is a data problem", "[goods-routes]") {
  Screened run = ScreenCases({"diversion.sql"}, "2025-12-01", R"(
INSERT INTO payment (shipment_id, payment_id, payer_entity_id) VALUES ('DV-CERT', 'PAY-9', 'NOPE');
)");
  std::string problems;
  for (const auto& problem : run.shipments.at("DV-CERT").problems())
    problems += problem.table() + " " + problem.column() + ": " + problem.message() + "\n";
  INFO(problems);
  CHECK(problems.find("payment payer_entity_id: entity 'NOPE' does not exist") !=
        std::string::npos);
}

}  // namespace
}  // namespace corridor

namespace corridor {
namespace {

// schemas/rules.proto ListRole ALLOW: an allow-list's entries are "never a source of hits"; the
// BIS red flag (Supp. 3 to 15 CFR 732) is an address shared with a *listed* party.
TEST_CASE("Addresses: a consignee at the address of an allow-list entry is not a hit",
          "[goods-routes]") {
  Screened run = ScreenCases({"proliferation_address.sql"}, "2025-12-01", R"(
INSERT INTO list_source (list_id, name) VALUES ('company-allow', 'Cleared parties (rows)');
INSERT INTO list_entry (list_id, entry_id, kind, name, country) VALUES
  ('company-allow', 'A-1', 'company', 'Almaty Towers Business Centre LLP', 'KZ');
INSERT INTO list_address (list_id, entry_id, address, city, postal_code, country, country_name)
  VALUES ('company-allow', 'A-1', '77 Dostyk Avenue, 12th floor', 'Almaty', '050010', 'KZ',
          'Kazakhstan');
INSERT INTO entity (entity_id, kind, name, country, address) VALUES
  ('TENANT', 'company', 'Steppe Office Trading LLP', 'KZ', 'Almaty, Dostyk ave. 77, fl. 12');
INSERT INTO shipment (shipment_id, shipped_on, origin_country, destination_country)
  VALUES ('AD-ALLOW', '2025-11-10', 'CN', 'KZ');
INSERT INTO shipment_party VALUES ('AD-ALLOW', 'TENANT', 'consignee');
INSERT INTO shipment_item (shipment_id, line, hs_code, description) VALUES
  ('AD-ALLOW', 1, '9403.30', 'Office furniture');
)");
  const scores::ShipmentScore& tenant = run.shipments.at("AD-ALLOW");
  INFO(AllEvidence(tenant));
  CHECK(Hit(tenant, "shared_address_with_listed_party") == nullptr);
  // The SDN's address still is a hit in the same run.
  CHECK(Hit(run.shipments.at("AD-FRONT"), "shared_address_with_listed_party") != nullptr);
}

// The match rules of engine/rules/shared_address.cc against OFAC SDN 36427's published address
// ("13/1 Al-Farabi Avenue, block 3V, 7th floor, Almaty, 050059, Kazakhstan"): every number of the
// side with fewer numbers is in the other, and two words are shared.
TEST_CASE("Addresses: the side with fewer numbers decides, and two words must be shared",
          "[goods-routes]") {
  const std::string parties = R"(
INSERT INTO entity (entity_id, kind, name, country, address) VALUES
  ('FEWER', 'company', 'Farabi Trade LLP', 'KZ', 'Al-Farabi Avenue 13/1, Almaty'),
  ('OTHER-NUMBER', 'company', 'Farabi Goods LLP', 'KZ', 'Al-Farabi Avenue 13/2, Almaty'),
  ('OTHER-STREET', 'company', 'Abay Goods LLP', 'KZ', '13/1 Abay Avenue, Astana'),
  ('MORE', 'company', 'Block Trade LLP', 'KZ',
   '13/1 Al-Farabi Avenue, block 3V, 7th floor, office 12, Almaty, 050059, Kazakhstan'),
  ('MORE-MISSING', 'company', 'Block Goods LLP', 'KZ',
   '13/1 Al-Farabi Avenue, block 3V, 8th floor, office 12, Almaty, 050059, Kazakhstan');
INSERT INTO shipment (shipment_id, shipped_on, origin_country, destination_country) VALUES
  ('AD-1', '2025-11-10', 'CN', 'KZ'), ('AD-2', '2025-11-10', 'CN', 'KZ'),
  ('AD-3', '2025-11-10', 'CN', 'KZ'), ('AD-4', '2025-11-10', 'CN', 'KZ'),
  ('AD-5', '2025-11-10', 'CN', 'KZ');
INSERT INTO shipment_party VALUES ('AD-1', 'FEWER', 'consignee'),
  ('AD-2', 'OTHER-NUMBER', 'consignee'), ('AD-3', 'OTHER-STREET', 'consignee'),
  ('AD-4', 'MORE', 'consignee'), ('AD-5', 'MORE-MISSING', 'consignee');
)";
  // The bundled rule (min_overlap 1: every token of the shorter address in the other), and one
  // with min_overlap 0.5, where the numbers rule alone tells AD-2 and AD-5 apart.
  TempDir dir;
  const std::string loose =
      testing::MakeRules(dir, {{"r.textproto", std::string(testing::kTestScoring) + R"(
list { id: "ofac-sdn" description: "d" source: "s" }
rule { id: "shared_address_with_listed_party" description: "d" category: SECONDARY_SANCTIONS
  weight: 50 shared_address { min_overlap: 0.5 } })"}});
  for (const std::string& rules : {std::string(), loose}) {
    Screened run = ScreenCases({"proliferation_address.sql"}, "2025-12-01", parties, rules);
    auto hits = [&](const std::string& shipment_id) {
      INFO(rules << " " << shipment_id << ": " << AllEvidence(run.shipments.at(shipment_id)));
      return Hit(run.shipments.at(shipment_id), "shared_address_with_listed_party") != nullptr;
    };
    CHECK(hits("AD-1"));        // 13 and 1 are both in the listed address
    CHECK_FALSE(hits("AD-2"));  // 2 is not: another building
    CHECK_FALSE(hits("AD-3"));  // the numbers, but no street or city in common
    CHECK(hits("AD-4"));        // every listed number is in the party's longer address
    CHECK_FALSE(hits("AD-5"));  // 7 is not: the listed address has the fewer numbers
  }
}

TEST_CASE("Addresses: naming an allow-list in shared_address.lists is a rule-file error",
          "[goods-routes]") {
  TempDir dir;
  std::string folder =
      testing::MakeRules(dir, {{"r.textproto", std::string(testing::kTestScoring) + R"(
list { id: "ok" description: "d" source: "s" role: ALLOW }
rule { id: "a" description: "d" category: SECONDARY_SANCTIONS weight: 50
  shared_address { lists: ["ok"] } })"}});
  RuleSet rule_set;
  Diagnostics diagnostics;
  CHECK_FALSE(LoadRuleSet(folder, &rule_set, &diagnostics));
  REQUIRE(diagnostics.size() == 1);
  CHECK(diagnostics[0].ToString().find(
            "r.textproto:8:20: list \"ok\" is an allow-list (role ALLOW): its entries are not "
            "listed parties") != std::string::npos);
}

}  // namespace
}  // namespace corridor

namespace corridor {
namespace {

// Regulation (EU) 2024/3015 applies from 2027-12-14 (shared/LAW.md "Dates that change
// decisions"). Its date is the rule's own effective_from, the one date field every kind has
// (engine/rules/in_force.cc), not a second copy inside forced_labour.
TEST_CASE("EU Forced Labour Regulation: its date is the rule's effective_from, in one place",
          "[goods-routes]") {
  RuleSet rule_set;
  Diagnostics diagnostics;
  REQUIRE(LoadRuleSet(SourceFile("rules"), &rule_set, &diagnostics));
  const rules::Rule* eu = nullptr;
  for (const LoadedRule& rule : rule_set.rules) {
    if (rule.config.id() == "eu_forced_labour_regulation") eu = &rule.config;
  }
  REQUIRE(eu != nullptr);
  CHECK(eu->effective_from() == "2027-12-14");

  TempDir dir;
  std::string folder =
      testing::MakeRules(dir, {{"r.textproto", std::string(testing::kTestScoring) + R"(
rule { id: "f" description: "d" category: FORCED_LABOUR weight: 60
  forced_labour { regions: ["CN-XJ"] region_weight: 50 in_force_from: "2027-12-14" } })"}});
  RuleSet old_style;
  Diagnostics old_diagnostics;
  CHECK_FALSE(LoadRuleSet(folder, &old_style, &old_diagnostics));
  REQUIRE(old_diagnostics.size() == 1);
  CHECK(old_diagnostics[0].ToString().find("in_force_from") != std::string::npos);
}

}  // namespace
}  // namespace corridor

namespace corridor {
namespace {

// Screens `sql` with the rules folder `files` on `as_of`; shipment id -> score.
std::map<std::string, scores::ShipmentScore> ScreenWithRules(
    const std::map<std::string, std::string>& files, const std::string& sql,
    const std::string& as_of) {
  TempDir dir;
  ScreenOptions options;
  options.db_path = MakeDatabase(dir, sql);
  options.rules_dir = testing::MakeRules(dir, files);
  options.out_path = dir.File("out.scores");
  options.as_of = as_of;
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

const char* kChipShipment = R"(
INSERT INTO entity (entity_id, kind, name, country) VALUES ('B', 'company', 'Buyer LLP', 'AM');
INSERT INTO shipment (shipment_id, shipped_on, origin_country, destination_country)
  VALUES ('H-1', '2025-11-01', 'CN', 'AM');
INSERT INTO shipment_party VALUES ('H-1', 'B', 'consignee');
INSERT INTO shipment_item (shipment_id, line, hs_code) VALUES ('H-1', 1, '8542.31');
)";

// shared/LAW.md "How to use this page": bundled tables carry per row the date it took effect;
// a row of an HS table that starts after the screening date does not apply yet (the CHPL is
// revised: a code added in a later version must not be applied to earlier screenings).
TEST_CASE("HS tables: a row that starts after --as-of does not apply yet", "[goods-routes]") {
  std::map<std::string, std::string> files = {
      {"r.textproto", std::string(testing::kTestScoring) + R"(
hs_table { name: "t" path: "t.csv" source: "test table" }
rule { id: "g" description: "d" category: EXPORT_CONTROL weight: 30 goods { hs_table: "t" } })"},
      {"t.csv",
       "hs_code,tier,description,effective_from,effective_to,source\n"
       "854231,Tier 1,processors,2026-01-01,,later list version\n"
       "8542,Tier 3,integrated circuits,,2025-12-31,earlier list version\n"}};
  auto before = ScreenWithRules(files, kChipShipment, "2025-12-01");
  auto after = ScreenWithRules(files, kChipShipment, "2026-01-02");
  REQUIRE(before.at("H-1").hits_size() == 1);
  CHECK(before.at("H-1").hits(0).evidence(0).summary().find("matches 8542 (Tier 3)") !=
        std::string::npos);
  REQUIRE(after.at("H-1").hits_size() == 1);
  CHECK(after.at("H-1").hits(0).evidence(0).summary().find("matches 854231 (Tier 1)") !=
        std::string::npos);
}

TEST_CASE("HS tables: bad row dates are rule-file errors at their line", "[goods-routes]") {
  TempDir dir;
  std::string folder =
      testing::MakeRules(dir, {{"r.textproto", std::string(testing::kTestScoring) + R"(
hs_table { name: "t" path: "t.csv" source: "test table" }
rule { id: "g" description: "d" category: EXPORT_CONTROL weight: 30 goods { hs_table: "t" } })"},
                               {"t.csv",
                                "hs_code,tier,description,effective_from,effective_to\n"
                                "854231,Tier 1,processors,2026-13-01,\n"
                                "854232,Tier 1,memories,2026-02-01,2026-01-01\n"
                                "854233,Tier 1,amplifiers,,2025-12-31\n"
                                "854233,Tier 2,amplifiers,2025-12-01,\n"
                                "854239,Tier 1,other,2024-01-01,2025-12-31\n"
                                "854239,Tier 2,other,2026-01-01,\n"}});
  RuleSet rule_set;
  Diagnostics diagnostics;
  CHECK_FALSE(LoadRuleSet(folder, &rule_set, &diagnostics));
  std::vector<std::string> messages;
  for (const Diagnostic& d : diagnostics) messages.push_back(d.ToString());
  // The last two rows of 854239 do not overlap: a tier that changed is allowed.
  REQUIRE(messages.size() == 3);
  CHECK(messages[0].find("t.csv:2:1: effective_from \"2026-13-01\" is not a date YYYY-MM-DD") !=
        std::string::npos);
  CHECK(messages[1].find("t.csv:3:1: effective_to 2026-01-01 is before effective_from "
                         "2026-02-01") != std::string::npos);
  CHECK(messages[2].find("t.csv:5:1: duplicate HS code \"854233\"") != std::string::npos);
}

// Country groups are dated (FIN-2022-Alert003 named its countries on 2022-06-28; a later alert
// adds more): the goods, route and diversion kinds count a member only while it is in the group.
TEST_CASE("Dated groups: goods and route conditions count a member only from its date",
          "[goods-routes]") {
  std::map<std::string, std::string> files = {
      {"r.textproto", std::string(testing::kTestScoring) + R"(
country_group { name: "later" description: "d" source: "s"
  members { code: "AM" effective_from: "2026-06-01" source: "a later alert" } }
hs_table { name: "t" path: "t.csv" source: "test table" }
rule { id: "g" description: "d" category: EXPORT_CONTROL weight: 30
  goods { hs_prefixes: ["8542"] destination_groups: ["later"] } }
rule { id: "r" description: "d" category: EXPORT_CONTROL weight: 30
  route { country_groups: ["later"] } }
rule { id: "v" description: "d" category: EXPORT_CONTROL weight: 30
  diversion { hs_table: "t" target_groups: ["later"] } })"},
      {"t.csv", "hs_code,tier,description\n8542,Tier 1,integrated circuits\n"}};
  std::string sql = std::string(kChipShipment) +
                    "INSERT INTO shipment_leg (shipment_id, seq, location_name, country) VALUES "
                    "('H-1', 1, 'Yerevan', 'AM');";
  auto before = ScreenWithRules(files, sql, "2025-12-01");
  CHECK(before.at("H-1").hits_size() == 0);
  auto after = ScreenWithRules(files, sql, "2026-07-01");
  std::set<std::string> hit;
  for (const auto& h : after.at("H-1").hits()) hit.insert(h.rule_id());
  CHECK(hit == std::set<std::string>{"g", "r", "v"});
}

}  // namespace
}  // namespace corridor

namespace corridor {
namespace {

// Regulation (EU) 2024/3015 applies from 2027-12-14 (shared/LAW.md "Dates that change
// decisions"): the sample S-91 (Xinjiang tomato paste to Hamburg) shows it only when screened on
// a later date, as docs/rules.md tells a user to do with `corridor screen --as-of`.
TEST_CASE("EU Forced Labour Regulation: sample S-91 is held only when screened after 2027-12-14",
          "[goods-routes]") {
  TempDir dir;
  std::string db = MakeDatabase(dir, ReadText(SourceFile("samples/corridor_demo.sql")), "demo.db");
  auto screen = [&](const std::string& as_of) {
    std::string out = dir.File(as_of + ".scores");
    auto result =
        testing::RunCorridor(dir, "screen --db " + db + " --rules " + SourceFile("rules") +
                                      " --out " + out + " --as-of " + as_of);
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    std::unique_ptr<ScoreReader> reader;
    REQUIRE(ScoreReader::Open(out, &reader).ok());
    scores::ScoreRecord record;
    while (reader->Next(&record)) {
      if (record.has_shipment() && record.shipment().shipment_id() == "S-91")
        return record.shipment();
    }
    FAIL("no S-91 in the output");
    return scores::ShipmentScore();
  };
  scores::ShipmentScore before = screen("2027-12-13");
  CHECK(Hit(before, "eu_forced_labour_regulation") == nullptr);
  CHECK(before.decision() == CLEAR);
  scores::ShipmentScore after = screen("2028-01-15");
  INFO(AllEvidence(after));
  CHECK(Hit(after, "eu_forced_labour_regulation") != nullptr);
  CHECK(after.decision() == HOLD);
}

}  // namespace
}  // namespace corridor

namespace corridor {
namespace {

// FinCEN/BIS FIN-2022-Alert003 red flags: the demo's payment sample (loaded by samples/demo.sh
// after the main file) is S-67's certified chips paid from Moscow: review, not clear.
TEST_CASE("Payments: demo sample S-90 paid from Moscow is a review", "[goods-routes]") {
  TempDir dir;
  std::string db = MakeDatabase(dir,
                                ReadText(SourceFile("samples/corridor_demo.sql")) +
                                    ReadText(SourceFile("samples/corridor_demo_payments.sql")),
                                "demo.db");
  std::string out = dir.File("demo.scores");
  auto result = testing::RunCorridor(dir, "screen --db " + db + " --rules " + SourceFile("rules") +
                                              " --out " + out + " --as-of 2025-12-01");
  REQUIRE(result.exit_code == 0);
  std::unique_ptr<ScoreReader> reader;
  REQUIRE(ScoreReader::Open(out, &reader).ok());
  std::map<std::string, scores::ShipmentScore> shipments;
  scores::ScoreRecord record;
  while (reader->Next(&record)) {
    if (record.has_shipment()) shipments[record.shipment().shipment_id()] = record.shipment();
  }
  const scores::ShipmentScore& paid = shipments.at("S-90");
  INFO(AllEvidence(paid));
  CHECK(Hit(paid, "third_country_payer") != nullptr);
  CHECK(paid.decision() == REVIEW);
  // The same goods with no payment recorded (S-67) stay clear.
  CHECK(shipments.at("S-67").decision() == CLEAR);
}

}  // namespace
}  // namespace corridor
