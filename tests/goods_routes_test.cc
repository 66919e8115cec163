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
                     const std::string& extra_sql = "") {
  TempDir dir;
  std::string sql = ReadText(SourceFile("tests/data/goods/lists.sql"));
  for (const std::string& file : files) sql += ReadText(SourceFile("tests/data/goods/" + file));
  std::string db = MakeDatabase(dir, sql + extra_sql);
  ScreenOptions options;
  options.db_path = db;
  options.rules_dir = SourceFile("rules");
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

}  // namespace
}  // namespace corridor
