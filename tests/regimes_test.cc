// Whose law applies: the bundled rules (rules/) decide by a list's measure and how its regime
// binds the company (rules/profile.textproto), test ownership under each listing regime's rule,
// use the reference data in force on --as-of, catch embargoed origins, apply exemptions without
// hiding the hit, and check list ages. Each case names the legal source it follows
// (docs/rules.md, "Regimes"; /work/shared/LAW.md in the project notes).
#include <catch2/catch.hpp>
#include <filesystem>
#include <random>

#include "engine/config/rule_set.h"
#include "engine/output/score_stream.h"
#include "engine/screen/screen_run.h"
#include "tests/test_util.h"

namespace corridor {
namespace {

using testing::MakeDatabase;
using testing::SourceFile;
using testing::TempDir;

struct Run {
  Status status;
  scores::StreamHeader header;
  std::map<std::string, scores::ShipmentScore> shipments;
};

Run ScreenWith(const TempDir& dir, const std::string& db, const std::string& rules,
               const std::string& as_of) {
  ScreenOptions options;
  options.db_path = db;
  options.rules_dir = rules;
  options.out_path = dir.File("out-" + as_of + ".scores");
  options.as_of = as_of;
  ScreenReport report;
  Run run;
  run.status = RunScreen(options, &report);
  if (!run.status.ok()) return run;
  std::unique_ptr<ScoreReader> reader;
  REQUIRE(ScoreReader::Open(options.out_path, &reader).ok());
  scores::ScoreRecord record;
  while (reader->Next(&record)) {
    if (record.has_header()) run.header = record.header();
    if (record.has_shipment()) run.shipments[record.shipment().shipment_id()] = record.shipment();
  }
  return run;
}

// The bundled rules folder.
std::string Bundled() { return SourceFile("rules"); }

// A copy of the bundled rules with the EU trader's profile (samples/profiles/eu_trader/).
std::string EuTraderRules(const TempDir& dir) {
  std::string folder = dir.File("eu_rules");
  std::filesystem::copy(Bundled(), folder, std::filesystem::copy_options::recursive);
  std::filesystem::copy_file(SourceFile("samples/profiles/eu_trader/profile.textproto"),
                             folder + "/profile.textproto",
                             std::filesystem::copy_options::overwrite_existing);
  return folder;
}

Decision DecisionOf(const Run& run, const std::string& shipment) {
  return run.shipments.at(shipment).decision();
}

bool HasHit(const Run& run, const std::string& shipment, const std::string& rule) {
  for (const scores::RuleHit& hit : run.shipments.at(shipment).hits()) {
    if (hit.rule_id() == rule) return true;
  }
  return false;
}

std::string Evidence(const Run& run, const std::string& shipment) {
  std::string all;
  for (const scores::RuleHit& hit : run.shipments.at(shipment).hits()) {
    for (const scores::Evidence& evidence : hit.evidence()) {
      all += hit.rule_id() + ": " + evidence.summary() + "\n";
    }
  }
  return all;
}

// Lists every bundled rule needs loaded, and one party per shipment below.
const char* kLists = R"(
INSERT INTO list_source (list_id, version) VALUES ('ofac-sdn', '2025-11-20'),
  ('uflpa', '2025-11-20'), ('eu-fsf', '2025-11-20'), ('csl-el', '2025-11-20'),
  ('csl-cmic', '2025-11-20');
INSERT INTO entity (entity_id, kind, name, country) VALUES
  ('SHIPPER', 'company', 'Lahore General Exporters Ltd', 'PK');
)";

// --- measure x binding ---------------------------------------------------------------------

const char* kEuListed = R"(
INSERT INTO list_entry (list_id, entry_id, kind, name, programs) VALUES
  ('eu-fsf', 'EU-1', 'company', 'Baltic Amber Machinery Holding', 'RUSSIA');
INSERT INTO entity (entity_id, kind, name, country) VALUES
  ('E-EU', 'company', 'Baltic Amber Machinery Holding', 'RU'),
  ('E-EU100', 'company', 'Steppe Lathe Distribution LLP', 'KZ'),
  ('E-EU30', 'company', 'Irtysh Valve Service LLP', 'KZ');
INSERT INTO ownership (owner_id, owned_id, share, control, as_of) VALUES
  ('E-EU', 'E-EU100', 100, 0, '2025-06-01'), ('E-EU', 'E-EU30', 30, 0, '2025-06-01');
INSERT INTO shipment (shipment_id, destination_country) VALUES
  ('S-EU', 'KZ'), ('S-EU100', 'KZ'), ('S-EU30', 'KZ');
INSERT INTO shipment_party VALUES ('S-EU', 'SHIPPER', 'shipper'), ('S-EU', 'E-EU', 'consignee'),
  ('S-EU100', 'SHIPPER', 'shipper'), ('S-EU100', 'E-EU100', 'consignee'),
  ('S-EU30', 'SHIPPER', 'shipper'), ('S-EU30', 'E-EU30', 'consignee');
INSERT INTO shipment_item (shipment_id, line, hs_code, description, origin_country) VALUES
  ('S-EU', 1, '9403.60', 'Office furniture', 'CN'),
  ('S-EU100', 1, '9403.60', 'Office furniture', 'CN'),
  ('S-EU30', 1, '9403.60', 'Office furniture', 'CN');
)";

// Reg. 269/2014 Art. 2 and the Commission FAQs on it: an entity owned > 50% by a listed person
// is presumed covered, so a 100% subsidiary can never come out better than a 30% one.
TEST_CASE(
    "EU-listed consignee: its 100% subsidiary is treated like it, the 30% one less (Reg. 269/2014 "
    "Art. 2)",
    "[regimes]") {
  TempDir dir;
  std::string db = MakeDatabase(dir, std::string(kLists) + kEuListed);
  Run run = ScreenWith(dir, db, Bundled(), "2026-12-01");
  REQUIRE(run.status.ok());
  INFO(Evidence(run, "S-EU") + Evidence(run, "S-EU100") + Evidence(run, "S-EU30"));
  // The bundled profile banks with EU banks: counterparty exposure, a hold.
  CHECK(DecisionOf(run, "S-EU") == HOLD);
  CHECK(DecisionOf(run, "S-EU100") == HOLD);
  CHECK(HasHit(run, "S-EU100", "owned_by_asset_freeze_counterparty"));
  CHECK(DecisionOf(run, "S-EU30") == REVIEW);
  CHECK(run.shipments["S-EU100"].score() >= run.shipments["S-EU30"].score());

  // For an EU-based trader the EU freeze binds: the listed party and its subsidiary block.
  Run eu = ScreenWith(dir, db, EuTraderRules(dir), "2026-12-01");
  REQUIRE(eu.status.ok());
  CHECK(DecisionOf(eu, "S-EU") == BLOCK);
  CHECK(DecisionOf(eu, "S-EU100") == BLOCK);
  CHECK(DecisionOf(eu, "S-EU30") == REVIEW);
}

const char* kNescom = R"(
INSERT INTO list_entry (list_id, entry_id, kind, name, programs, country) VALUES
  ('csl-el', '8690dcc7', 'company', 'National Engineering and Scientific Commission (NESCOM)', '', 'PK');
INSERT INTO entity (entity_id, kind, name, country) VALUES
  ('E-NES', 'company', 'National Engineering and Scientific Commission (NESCOM)', 'PK'),
  ('E-NES100', 'company', 'Margalla Precision Engineering (Pvt) Ltd', 'PK'),
  ('E-NES30', 'company', 'Potohar Industrial Supplies (Pvt) Ltd', 'PK');
INSERT INTO ownership (owner_id, owned_id, share, control, as_of) VALUES
  ('E-NES', 'E-NES100', 100, 0, '2025-06-01'), ('E-NES', 'E-NES30', 30, 0, '2025-06-01');
INSERT INTO shipment (shipment_id, destination_country) VALUES
  ('S-NES', 'PK'), ('S-NES100', 'PK'), ('S-NES30', 'PK');
INSERT INTO shipment_party VALUES ('S-NES', 'SHIPPER', 'shipper'), ('S-NES', 'E-NES', 'consignee'),
  ('S-NES100', 'SHIPPER', 'shipper'), ('S-NES100', 'E-NES100', 'consignee'),
  ('S-NES30', 'SHIPPER', 'shipper'), ('S-NES30', 'E-NES30', 'consignee');
)";

// 15 CFR 744.11 (Entity List: licence requirement); BIS Affiliates Rule (IFR 2025-09-29),
// suspended from 2025-11-10 to 2026-11-09: affiliation is a red flag while suspended, a licence
// requirement after.
TEST_CASE(
    "Entity List party holds, its 100% affiliate is a red flag while the Affiliates Rule is "
    "suspended, a hold after, 30% is neither (15 CFR 744.11)",
    "[regimes]") {
  TempDir dir;
  std::string db = MakeDatabase(dir, std::string(kLists) + kNescom);
  Run suspended = ScreenWith(dir, db, Bundled(), "2026-06-01");
  REQUIRE(suspended.status.ok());
  INFO(Evidence(suspended, "S-NES") + Evidence(suspended, "S-NES100") +
       Evidence(suspended, "S-NES30"));
  CHECK(DecisionOf(suspended, "S-NES") == HOLD);
  CHECK(DecisionOf(suspended, "S-NES100") == REVIEW);
  CHECK(HasHit(suspended, "S-NES100", "entity_list_affiliate_red_flag"));
  CHECK(DecisionOf(suspended, "S-NES30") == CLEAR);

  Run after = ScreenWith(dir, db, Bundled(), "2026-12-01");
  REQUIRE(after.status.ok());
  CHECK(DecisionOf(after, "S-NES") == HOLD);
  CHECK(DecisionOf(after, "S-NES100") == HOLD);
  CHECK(HasHit(after, "S-NES100", "entity_list_affiliate_licence"));
  CHECK(!HasHit(after, "S-NES100", "entity_list_affiliate_red_flag"));
  CHECK(DecisionOf(after, "S-NES30") == CLEAR);
  CHECK(after.shipments["S-NES100"].score() >= after.shipments["S-NES30"].score());
}

// BIS Affiliates Rule: IFR of 2025-09-29 (90 FR 47201), suspended from 2025-11-10 to 2026-11-09.
// Before the IFR the entry's licence requirement did not reach a legally distinct affiliate (BIS
// Entity List FAQ on subsidiaries) but ownership by a listed party was a red flag (15 CFR 732
// Supp. 3): the evidence on such a date must not claim a suspension that had not begun
// (review-law finding 11).
TEST_CASE(
    "Entity List affiliate before the Affiliates Rule (2025-09-28) is a red flag that claims no "
    "suspension (15 CFR 732 Supp. 3)",
    "[regimes]") {
  TempDir dir;
  std::string db = MakeDatabase(dir, std::string(kLists) + kNescom);
  Run before = ScreenWith(dir, db, Bundled(), "2025-09-28");
  REQUIRE(before.status.ok());
  INFO(Evidence(before, "S-NES100"));
  CHECK(DecisionOf(before, "S-NES100") == REVIEW);
  CHECK(HasHit(before, "S-NES100", "entity_list_affiliate_red_flag_before_rule"));
  CHECK(!HasHit(before, "S-NES100", "entity_list_affiliate_red_flag"));
  for (const auto& rule : before.header.rules()) {
    if (rule.rule_id() == "entity_list_affiliate_red_flag_before_rule")
      CHECK(rule.description().find("suspended") == std::string::npos);
  }
  Run suspended = ScreenWith(dir, db, Bundled(), "2025-11-10");
  REQUIRE(suspended.status.ok());
  CHECK(DecisionOf(suspended, "S-NES100") == REVIEW);
  CHECK(HasHit(suspended, "S-NES100", "entity_list_affiliate_red_flag"));
  CHECK(!HasHit(suspended, "S-NES100", "entity_list_affiliate_red_flag_before_rule"));
}

// OFAC applies the 50 Percent Rule to the EO 13662 Directives (SSI List) and NS-MBS listings
// (shared/LAW.md: "50% rule applies to the directive"): a subsidiary owned 50% or more by an SSI
// entity is subject to the Directive, whose activities (debt, equity) are restricted, not goods
// trade: reviewed as its owner is, never blocked (review-law finding 3: it was clear).
const char* kSsi = R"(
INSERT INTO list_source (list_id, version) VALUES ('csl-ssi', '2025-11-20');
INSERT INTO list_entry (list_id, entry_id, kind, name, programs, country) VALUES
  ('csl-ssi', 'SSI-1', 'company', 'Dravenskaya Oil Bank', 'UKRAINE-EO13662', 'RU');
INSERT INTO entity (entity_id, kind, name, country) VALUES
  ('E-SSI', 'company', 'Dravenskaya Oil Bank', 'CY'),
  ('E-SSI60', 'company', 'Limassol Energy Equipment Ltd', 'CY'),
  ('E-SSI30', 'company', 'Larnaca Pump Service Ltd', 'CY');
INSERT INTO ownership (owner_id, owned_id, share, control, as_of) VALUES
  ('E-SSI', 'E-SSI60', 60, 0, '2025-01-01'), ('E-SSI', 'E-SSI30', 30, 0, '2025-01-01');
INSERT INTO shipment (shipment_id, destination_country) VALUES
  ('S-SSI', 'CY'), ('S-SSI60', 'CY'), ('S-SSI30', 'CY');
INSERT INTO shipment_party VALUES ('S-SSI', 'SHIPPER', 'shipper'), ('S-SSI', 'E-SSI', 'consignee'),
  ('S-SSI60', 'SHIPPER', 'shipper'), ('S-SSI60', 'E-SSI60', 'consignee'),
  ('S-SSI30', 'SHIPPER', 'shipper'), ('S-SSI30', 'E-SSI30', 'consignee');
INSERT INTO shipment_item (shipment_id, line, hs_code, description, origin_country) VALUES
  ('S-SSI', 1, '8413.70', 'Pumps', 'KZ'), ('S-SSI60', 1, '8413.70', 'Pumps', 'KZ'),
  ('S-SSI30', 1, '8413.70', 'Pumps', 'KZ');
)";

TEST_CASE(
    "SSI-listed bank: its 60% subsidiary is reviewed like it, never blocked (OFAC 50 Percent Rule "
    "applied to the EO 13662 Directives)",
    "[regimes]") {
  TempDir dir;
  std::string db = MakeDatabase(dir, std::string(kLists) + kSsi);
  Run run = ScreenWith(dir, db, Bundled(), "2025-12-01");
  REQUIRE(run.status.ok());
  INFO(Evidence(run, "S-SSI") + Evidence(run, "S-SSI60") + Evidence(run, "S-SSI30"));
  CHECK(DecisionOf(run, "S-SSI") == REVIEW);
  CHECK(HasHit(run, "S-SSI", "restricted_party_review"));
  CHECK(DecisionOf(run, "S-SSI60") == REVIEW);
  CHECK(HasHit(run, "S-SSI60", "owned_by_sectoral_listed"));
  CHECK(!HasHit(run, "S-SSI30", "owned_by_sectoral_listed"));
  CHECK(run.shipments["S-SSI60"].score() >= run.shipments["S-SSI30"].score());
  // `corridor ownership` says what "blocked" means there, not that the subsidiary is frozen.
  auto cli = testing::RunCorridor(dir, "ownership --db " + db + " --entity E-SSI60");
  CHECK(cli.exit_code == 0);
  CHECK(cli.out.find("status: blocked\n  meaning: owned at the threshold by listed parties; their "
                     "lists' measures decide what is prohibited") != std::string::npos);
}

// From a review (2026-12-07): proliferation and ear_scope screen on countries without their
// lists, so a misspelt list id ("csl_el") silently turned their Entity List part off. Each list
// such a rule reads that the database lacks is a run problem in the stream's header.
TEST_CASE("A list an optional rule part reads and the database lacks is a run problem",
          "[regimes]") {
  TempDir dir;
  std::string db = MakeDatabase(dir, std::string(kLists) + kNescom);
  const std::string rules = dir.File("rules");
  std::filesystem::copy(Bundled(), rules, std::filesystem::copy_options::recursive);
  auto problems = [](const Run& run) {
    std::string all;
    for (const scores::DataProblem& p : run.header.problems()) all += p.message() + "\n";
    return all;
  };
  Run bundled = ScreenWith(dir, db, rules, "2026-12-01");
  REQUIRE(bundled.status.ok());
  CHECK(problems(bundled).find("which the database does not hold") == std::string::npos);

  for (const char* file : {"goods.textproto", "export_control.textproto"}) {
    std::string text = testing::ReadText(rules + "/" + file);
    const size_t at = text.find("\"csl-el\"]");
    REQUIRE(at != std::string::npos);
    text.replace(at, 9, "\"csl_el\"]");
    testing::WriteText(rules + "/" + file, text);
  }
  Run typo = ScreenWith(dir, db, rules, "2026-12-02");
  INFO(typo.status.message());
  REQUIRE(typo.status.ok());
  INFO(problems(typo));
  CHECK(problems(typo).find("goods.textproto:100:1: rule \"proliferation_end_use\" reads list "
                            "\"csl_el\", which the database does not hold") != std::string::npos);
  CHECK(problems(typo).find("rule \"ear_licence_required\" reads list \"csl_el\"") !=
        std::string::npos);
}

// EO 13959 as amended by EO 14032: the CMIC list bars buying securities; trade in goods is not
// prohibited.
TEST_CASE("Bed linen to China Mobile (CMIC list only) is CLEAR (EO 13959 as amended by EO 14032)",
          "[regimes]") {
  TempDir dir;
  std::string db = MakeDatabase(dir, std::string(kLists) + R"(
INSERT INTO list_source (list_id, version) VALUES ('ofac-cons', '2025-11-20');
INSERT INTO list_entry (list_id, entry_id, kind, name, programs, country) VALUES
  ('csl-cmic', '30923', 'company', 'China Mobile Limited', 'CMIC-EO13959', 'CN'),
  ('ofac-cons', '30923', 'company', 'China Mobile Limited', 'CMIC-EO13959', 'CN');
INSERT INTO entity (entity_id, kind, name, country) VALUES
  ('E-CML', 'company', 'China Mobile Limited', 'HK');
INSERT INTO shipment (shipment_id, origin_country, destination_country) VALUES ('S-CML', 'PK', 'HK');
INSERT INTO shipment_party VALUES ('S-CML', 'SHIPPER', 'shipper'), ('S-CML', 'E-CML', 'consignee');
INSERT INTO shipment_item (shipment_id, line, hs_code, description, origin_country) VALUES
  ('S-CML', 1, '6302.31', 'Cotton bed linen', 'PK');
)");
  Run run = ScreenWith(dir, db, Bundled(), "2026-12-01");
  REQUIRE(run.status.ok());
  INFO(Evidence(run, "S-CML"));
  CHECK(DecisionOf(run, "S-CML") == CLEAR);
  // No list hit at all (a missing street address may still be flagged).
  CHECK(Evidence(run, "S-CML").find("30923") == std::string::npos);
}

// --- dates ---------------------------------------------------------------------------------

const char* kSyria = R"(
INSERT INTO entity (entity_id, kind, name, country) VALUES
  ('E-LTK', 'company', 'Latakia Food Importers', 'SY');
INSERT INTO shipment (shipment_id, origin_country, destination_country, final_destination_country)
  VALUES ('S-SY', 'PK', 'SY', 'SY');
INSERT INTO shipment_party VALUES ('S-SY', 'SHIPPER', 'shipper'), ('S-SY', 'E-LTK', 'consignee');
INSERT INTO shipment_item (shipment_id, line, hs_code, description, origin_country) VALUES
  ('S-SY', 1, '1006.30', 'Basmati rice, milled', 'PK');
INSERT INTO shipment_leg (shipment_id, seq, location, location_name, country, kind) VALUES
  ('S-SY', 1, 'SYLTK', 'Latakia', 'SY', 'port');
)";

// EO 14312 (signed 2025-06-30) ended the Syria sanctions program from 2025-07-01.
TEST_CASE("Rice to Latakia is embargo-blocked before 2025-07-01 and not after (EO 14312)",
          "[regimes]") {
  TempDir dir;
  std::string db = MakeDatabase(dir, std::string(kLists) + kSyria);
  Run before = ScreenWith(dir, db, Bundled(), "2025-06-15");
  REQUIRE(before.status.ok());
  CHECK(DecisionOf(before, "S-SY") == BLOCK);
  CHECK(HasHit(before, "S-SY", "embargoed_jurisdiction"));
  CHECK(Evidence(before, "S-SY").find("31 CFR 542") != std::string::npos);
  Run after = ScreenWith(dir, db, Bundled(), "2025-12-01");
  REQUIRE(after.status.ok());
  INFO(Evidence(after, "S-SY"));
  CHECK(!HasHit(after, "S-SY", "embargoed_jurisdiction"));
  CHECK(DecisionOf(after, "S-SY") == CLEAR);
}

const char* kUkraine = R"(
INSERT INTO entity (entity_id, kind, name, country, region) VALUES
  ('E-KRM', 'company', 'Kramatorsk Municipal Utilities', 'UA', 'UA-14'),
  ('E-DON', 'company', 'Donbas Wholesale', 'UA', 'UA-14');
INSERT INTO shipment (shipment_id, origin_country, destination_country, destination_region)
  VALUES ('S-KRM', 'CN', 'UA', 'UA-14'), ('S-DON', 'CN', 'UA', 'UA-14');
INSERT INTO shipment_party VALUES ('S-KRM', 'SHIPPER', 'shipper'), ('S-KRM', 'E-KRM', 'consignee'),
  ('S-DON', 'SHIPPER', 'shipper'), ('S-DON', 'E-DON', 'consignee');
INSERT INTO shipment_item (shipment_id, line, hs_code, description, origin_country) VALUES
  ('S-KRM', 1, '8502.13', 'Diesel generating sets', 'CN'),
  ('S-DON', 1, '8502.13', 'Diesel generating sets', 'CN');
INSERT INTO shipment_leg (shipment_id, seq, location, location_name, country, region, kind) VALUES
  ('S-KRM', 1, NULL, 'Kramatorsk', 'UA', 'UA-14', 'inland'),
  ('S-DON', 1, NULL, 'Donetsk', 'UA', 'UA-14', 'inland');
)";

// OFAC FAQ 1009: EO 14065 does not block the entire Donetsk and Luhansk oblasts, only the
// so-called DNR and LNR regions; Kramatorsk is government-controlled.
TEST_CASE(
    "Generators to Kramatorsk are not embargo-blocked, to Donetsk city they are (OFAC FAQ 1009)",
    "[regimes]") {
  TempDir dir;
  std::string db = MakeDatabase(dir, std::string(kLists) + kUkraine);
  Run run = ScreenWith(dir, db, Bundled(), "2026-12-01");
  REQUIRE(run.status.ok());
  INFO(Evidence(run, "S-KRM") + Evidence(run, "S-DON"));
  CHECK(DecisionOf(run, "S-KRM") != BLOCK);
  CHECK(!HasHit(run, "S-KRM", "embargoed_jurisdiction"));
  CHECK(HasHit(run, "S-KRM", "ukraine_partly_occupied_region"));
  CHECK(DecisionOf(run, "S-DON") == BLOCK);
  CHECK(Evidence(run, "S-DON").find("FAQ 1009") != std::string::npos);
}

// Ownership records are what was known on the screening date: a record dated after --as-of is
// ignored, the newest on or before it applies.
TEST_CASE("Screening as of 2025-06-01 does not use an ownership record dated 2025-11-30",
          "[regimes]") {
  TempDir dir;
  std::string db = MakeDatabase(dir, std::string(kLists) + R"(
INSERT INTO list_entry (list_id, entry_id, kind, name, programs) VALUES
  ('ofac-sdn', '47950', 'company', 'LIMITED LIABILITY PARTNERSHIP ELEM GROUP', 'RUSSIA-EO14024');
INSERT INTO entity (entity_id, kind, name, country) VALUES
  ('E-ELEM', 'company', 'Limited Liability Partnership Elem Group', 'KZ'),
  ('E-SUB', 'company', 'Aral Bearings Trading LLP', 'KZ');
INSERT INTO ownership (owner_id, owned_id, share, control, as_of) VALUES
  ('E-ELEM', 'E-SUB', 10, 0, '2025-01-15'), ('E-ELEM', 'E-SUB', 60, 0, '2025-11-30');
INSERT INTO shipment (shipment_id, destination_country) VALUES ('S-SUB', 'KZ');
INSERT INTO shipment_party VALUES ('S-SUB', 'SHIPPER', 'shipper'), ('S-SUB', 'E-SUB', 'consignee');
)");
  Run early = ScreenWith(dir, db, Bundled(), "2025-06-01");
  REQUIRE(early.status.ok());
  INFO(Evidence(early, "S-SUB"));
  CHECK(DecisionOf(early, "S-SUB") == CLEAR);
  Run late = ScreenWith(dir, db, Bundled(), "2025-12-01");
  REQUIRE(late.status.ok());
  CHECK(DecisionOf(late, "S-SUB") == BLOCK);
  CHECK(HasHit(late, "S-SUB", "owned_by_sdn"));
  // `corridor ownership --as-of` reads the records the same way.
  auto early_cli =
      testing::RunCorridor(dir, "ownership --db " + db + " --entity E-SUB --as-of 2025-06-01");
  CHECK(early_cli.exit_code == 0);
  CHECK(early_cli.out.find("status: not_blocked") != std::string::npos);
  auto late_cli = testing::RunCorridor(dir, "ownership --db " + db + " --entity E-SUB");
  CHECK(late_cli.out.find("status: blocked") != std::string::npos);
  CHECK(testing::RunCorridor(dir, "ownership --db " + db + " --entity E-SUB --as-of 2025-6-1")
            .exit_code == 2);
}

// From a review, 2026-12-07: the owner matches an SDN entry and an EU entry and holds exactly 50%.
// Only OFAC's test (>= 50%, FAQ 401) blocks; the EU's (> 50%, Reg. 269/2014 Art. 2 FAQs) does not.
// The evidence named the EU entry (the owner's first match), so a reviewer checked the wrong
// designation under the wrong threshold; it names the entries that count under the test that
// gave the finding.
TEST_CASE("A block under OFAC's test names the owner's SDN entry and not its EU listing",
          "[regimes]") {
  TempDir dir;
  std::string db = MakeDatabase(dir, std::string(kLists) + R"(
INSERT INTO list_entry (list_id, entry_id, kind, name, programs) VALUES
  ('ofac-sdn', '9001', 'company', 'VOLKOV INDUSTRIAL HOLDING JSC', 'RUSSIA-EO14024'),
  ('eu-fsf', 'EU-77', 'company', 'VOLKOV INDUSTRIAL HOLDING JOINT STOCK COMPANY', 'UKR');
INSERT INTO entity (entity_id, kind, name, country) VALUES
  ('E-L1', 'company', 'Volkov Industrial Holding Joint Stock Company', 'RU'),
  ('E-T', 'company', 'Steppe Horizon Commerce LLP', 'KZ');
INSERT INTO ownership (owner_id, owned_id, share, control, as_of) VALUES
  ('E-L1', 'E-T', 50, 0, '2025-01-01');
INSERT INTO shipment (shipment_id, destination_country) VALUES ('S-T', 'KZ');
INSERT INTO shipment_party VALUES ('S-T', 'SHIPPER', 'shipper'), ('S-T', 'E-T', 'consignee');
)");
  Run run = ScreenWith(dir, db, Bundled(), "2025-06-01");
  REQUIRE(run.status.ok());
  INFO(Evidence(run, "S-T"));
  CHECK(DecisionOf(run, "S-T") == BLOCK);
  const scores::Evidence* blocked = nullptr;
  for (const scores::RuleHit& hit : run.shipments.at("S-T").hits()) {
    if (hit.rule_id() == "owned_by_sdn" && hit.evidence_size() > 0) blocked = &hit.evidence(0);
  }
  REQUIRE(blocked != nullptr);
  CHECK(blocked->ownership().regime() == "ofac");
  CHECK(blocked->summary().find("(entity:E-L1, listed as ofac-sdn 9001 ") != std::string::npos);
  CHECK(blocked->summary().find("eu-fsf") == std::string::npos);
  REQUIRE(blocked->ownership().listed_as_size() == 1);
  CHECK(blocked->ownership().listed_as(0) == "ofac-sdn:9001");
  // `corridor ownership --list` names the entry of the lists asked for.
  auto sdn = testing::RunCorridor(dir, "ownership --db " + db + " --entity E-T --list ofac-sdn");
  CHECK(sdn.exit_code == 0);
  CHECK(sdn.out.find("status: blocked") != std::string::npos);
  CHECK(sdn.out.find("(entity:E-L1, listed as ofac-sdn 9001)") != std::string::npos);
  CHECK(sdn.out.find("eu-fsf") == std::string::npos);
  auto eu =
      testing::RunCorridor(dir, "ownership --db " + db + " --entity E-T --regime eu --list eu-fsf");
  CHECK(eu.out.find("status: not_blocked") != std::string::npos);
  CHECK(eu.out.find("(entity:E-L1, listed as eu-fsf EU-77)") != std::string::npos);
}

// --- origin --------------------------------------------------------------------------------

// 31 CFR 560.206 (Iranian-origin goods); EO 13846 s.3 (buying Iranian petrochemicals is
// sanctionable for non-US persons): caught whatever the route.
TEST_CASE(
    "HDPE of Iranian origin shipped Karachi to Ningbo is not CLEAR (31 CFR 560.206, EO 13846 s.3)",
    "[regimes]") {
  TempDir dir;
  std::string db = MakeDatabase(dir, std::string(kLists) + R"(
INSERT INTO entity (entity_id, kind, name, country) VALUES
  ('E-NBP', 'company', 'Ningbo Polymer Trading Co., Ltd.', 'CN');
INSERT INTO shipment (shipment_id, origin_country, destination_country) VALUES ('S-HDPE', 'PK', 'CN');
INSERT INTO shipment_party VALUES ('S-HDPE', 'SHIPPER', 'shipper'), ('S-HDPE', 'E-NBP', 'consignee');
INSERT INTO shipment_item (shipment_id, line, hs_code, description, origin_country) VALUES
  ('S-HDPE', 1, '3901.20', 'High-density polyethylene granules', 'IR');
INSERT INTO shipment_leg (shipment_id, seq, location, location_name, country, kind) VALUES
  ('S-HDPE', 1, 'PKKHI', 'Karachi', 'PK', 'port'), ('S-HDPE', 2, 'CNNGB', 'Ningbo', 'CN', 'port');
)");
  Run run = ScreenWith(dir, db, Bundled(), "2026-12-01");
  REQUIRE(run.status.ok());
  CHECK(DecisionOf(run, "S-HDPE") == BLOCK);
  CHECK(HasHit(run, "S-HDPE", "embargoed_origin"));
  CHECK(Evidence(run, "S-HDPE").find("560.206") != std::string::npos);
}

// --- exemptions ----------------------------------------------------------------------------

// 31 CFR 560.530: food, agricultural commodities and medicine to Iran are authorised for buyers
// that are not SDNs or military end users. The hit is lowered, never hidden.
TEST_CASE("Rice to Iran is exempt under 31 CFR 560.530, the hit stays marked, not for an SDN buyer",
          "[regimes]") {
  TempDir dir;
  std::string db = MakeDatabase(dir, std::string(kLists) + R"(
INSERT INTO list_entry (list_id, entry_id, kind, name, programs) VALUES
  ('ofac-sdn', '9999', 'company', 'KHATAM AL-ANBIYA GRAIN COMPANY', 'IRGC');
INSERT INTO entity (entity_id, kind, name, country, activity) VALUES
  ('E-ZAH', 'company', 'Zahedan Food Trading Co.', 'IR', 'trader'),
  ('E-KHA', 'company', 'Khatam al-Anbiya Grain Company', 'IR', 'trader'),
  ('E-MIL', 'company', 'Mashhad Army Provisions', 'IR', 'military');
INSERT INTO shipment (shipment_id, origin_country, destination_country) VALUES
  ('S-FOOD', 'PK', 'IR'), ('S-SDN', 'PK', 'IR'), ('S-MIL', 'PK', 'IR'), ('S-TOOLS', 'PK', 'IR');
INSERT INTO shipment_party VALUES ('S-FOOD', 'SHIPPER', 'shipper'), ('S-FOOD', 'E-ZAH', 'consignee'),
  ('S-SDN', 'SHIPPER', 'shipper'), ('S-SDN', 'E-KHA', 'consignee'),
  ('S-MIL', 'SHIPPER', 'shipper'), ('S-MIL', 'E-MIL', 'consignee'),
  ('S-TOOLS', 'SHIPPER', 'shipper'), ('S-TOOLS', 'E-ZAH', 'consignee');
INSERT INTO shipment_item (shipment_id, line, hs_code, description, origin_country) VALUES
  ('S-FOOD', 1, '1006.30', 'Basmati rice', 'PK'), ('S-SDN', 1, '1006.30', 'Basmati rice', 'PK'),
  ('S-MIL', 1, '1006.30', 'Basmati rice', 'PK'), ('S-TOOLS', 1, '1006.30', 'Basmati rice', 'PK'),
  ('S-TOOLS', 2, '8467.21', 'Electric drills', 'PK');
)");
  Run run = ScreenWith(dir, db, Bundled(), "2026-12-01");
  REQUIRE(run.status.ok());
  INFO(Evidence(run, "S-FOOD") + Evidence(run, "S-SDN") + Evidence(run, "S-MIL"));
  CHECK(DecisionOf(run, "S-FOOD") == REVIEW);
  REQUIRE(HasHit(run, "S-FOOD", "embargoed_jurisdiction"));
  CHECK(Evidence(run, "S-FOOD").find("exempt under iran_food_medicine (31 CFR 560.530") !=
        std::string::npos);
  CHECK(DecisionOf(run, "S-SDN") == BLOCK);
  CHECK(Evidence(run, "S-SDN").find("not exempt under iran_food_medicine") != std::string::npos);
  CHECK(DecisionOf(run, "S-MIL") == BLOCK);
  CHECK(Evidence(run, "S-MIL").find("is military") != std::string::npos);
  // One item outside the licence: the shipment is not exempt.
  CHECK(DecisionOf(run, "S-TOOLS") == BLOCK);
}

// 31 CFR 560.530 is Iran's licence: it authorises exports of agricultural commodities, medicine
// and medical devices to Iran, nothing about North Korea (31 CFR 510; UNSCR 1718, 2397), Cuba
// (31 CFR 515) or Syria before 2025-07-01 (31 CFR 542). From a review, 2026-12: wheat to Iran
// through Nampo was REVIEW, its North Korean leg "exempt under iran_food_medicine".
TEST_CASE(
    "Wheat to Iran through a North Korean port or with a Cuban party is blocked: 31 CFR 560.530 "
    "exempts only the Iranian evidence",
    "[regimes]") {
  TempDir dir;
  std::string db = MakeDatabase(dir, std::string(kLists) + R"(
INSERT INTO entity (entity_id, kind, name, country, activity) VALUES
  ('E-PRS', 'company', 'Pars Food Distribution Co', 'IR', 'trader'),
  ('E-CUB', 'company', 'Cubana Grain Brokers SA', 'CU', 'trader');
INSERT INTO shipment (shipment_id, origin_country, destination_country) VALUES
  ('S-KP', 'KZ', 'IR'), ('S-NOKP', 'KZ', 'IR'), ('S-CU', 'KZ', 'IR'), ('S-SY', 'KZ', 'IR');
INSERT INTO shipment_party VALUES ('S-KP', 'SHIPPER', 'shipper'), ('S-KP', 'E-PRS', 'consignee'),
  ('S-NOKP', 'SHIPPER', 'shipper'), ('S-NOKP', 'E-PRS', 'consignee'),
  ('S-CU', 'SHIPPER', 'shipper'), ('S-CU', 'E-PRS', 'consignee'), ('S-CU', 'E-CUB', 'notify'),
  ('S-SY', 'SHIPPER', 'shipper'), ('S-SY', 'E-PRS', 'consignee');
INSERT INTO shipment_item (shipment_id, line, hs_code, description, origin_country) VALUES
  ('S-KP', 1, '1001.99', 'Wheat', 'KZ'), ('S-NOKP', 1, '1001.99', 'Wheat', 'KZ'),
  ('S-CU', 1, '1001.99', 'Wheat', 'KZ'), ('S-SY', 1, '1001.99', 'Wheat', 'KZ');
INSERT INTO shipment_leg (shipment_id, seq, location, location_name, country, kind) VALUES
  ('S-KP', 1, 'KZSCO', 'Aktau', 'KZ', 'port'), ('S-KP', 2, 'KPNAM', 'Nampo', 'KP', 'transshipment'),
  ('S-KP', 3, 'IRBND', 'Bandar Abbas', 'IR', 'port'),
  ('S-NOKP', 1, 'KZSCO', 'Aktau', 'KZ', 'port'), ('S-NOKP', 2, 'IRBND', 'Bandar Abbas', 'IR', 'port'),
  ('S-CU', 1, 'KZSCO', 'Aktau', 'KZ', 'port'), ('S-CU', 2, 'IRBND', 'Bandar Abbas', 'IR', 'port'),
  ('S-SY', 1, 'KZSCO', 'Aktau', 'KZ', 'port'), ('S-SY', 2, 'SYLTK', 'Latakia', 'SY', 'transshipment'),
  ('S-SY', 3, 'IRBND', 'Bandar Abbas', 'IR', 'port');
)");
  Run run = ScreenWith(dir, db, Bundled(), "2025-06-01");
  REQUIRE(run.status.ok());
  INFO(Evidence(run, "S-KP") + Evidence(run, "S-CU") + Evidence(run, "S-SY"));
  CHECK(DecisionOf(run, "S-NOKP") == REVIEW);
  CHECK(DecisionOf(run, "S-KP") == BLOCK);
  CHECK(DecisionOf(run, "S-CU") == BLOCK);
  CHECK(DecisionOf(run, "S-SY") == BLOCK);
  for (const scores::RuleHit& hit : run.shipments.at("S-KP").hits()) {
    if (hit.rule_id() != "embargoed_jurisdiction") continue;
    CHECK(hit.decision_floor() == BLOCK);
    CHECK(hit.weight() == 90);
    for (const scores::Evidence& evidence : hit.evidence()) {
      bool exempt =
          evidence.summary().find("; exempt under iran_food_medicine") != std::string::npos;
      // The Iranian destination, consignee and port are licensed; the North Korean leg is not.
      CHECK(exempt == (evidence.field() != "leg 2"));
    }
  }
  // From 2025-07-01 (EO 14312) the Syrian leg is no longer embargoed: the licence covers the rest.
  Run after = ScreenWith(dir, db, Bundled(), "2025-07-01");
  REQUIRE(after.status.ok());
  CHECK(DecisionOf(after, "S-SY") == REVIEW);
}

// 31 CFR 560.530 covers agricultural commodities (7 U.S.C. 5602: food for humans, bottled
// drinking water included, and animal feed), medicine (21 U.S.C. 321 "drug") and medical devices
// (21 U.S.C. 321 "device"). From a review, 2026-12: instruments, prosthetics, tea, coffee,
// chocolate, water and feed to a non-listed Iranian buyer were BLOCK; alcohol stays outside.
TEST_CASE(
    "Medical devices, tea, coffee, cocoa, drinking water and animal feed to Iran are exempt under "
    "31 CFR 560.530, beer is not",
    "[regimes]") {
  const std::vector<std::pair<std::string, bool>> goods = {
      {"9018.90", true},  {"9018.31", true},  {"9019.20", true}, {"9021.39", true},
      {"9022.14", true},  {"0902.30", true},  {"0901.11", true}, {"1806.90", true},
      {"2201.10", true},  {"2202.99", true},  {"2309.90", true}, {"2203.00", false},
      {"2208.30", false}, {"9022.19", false}, {"3004.90", true}, {"1001.99", true}};
  std::string sql = std::string(kLists) + R"(
INSERT INTO entity (entity_id, kind, name, country, activity) VALUES
  ('E-PRS', 'company', 'Pars Food and Health Distribution Co', 'IR', 'trader');
)";
  for (const auto& [hs, covered] : goods) {
    std::string id = "S-" + hs;
    sql += "INSERT INTO shipment (shipment_id, origin_country, destination_country) VALUES ('" +
           id + "', 'KZ', 'IR');\nINSERT INTO shipment_party VALUES ('" + id +
           "', 'SHIPPER', 'shipper'), ('" + id +
           "', 'E-PRS', 'consignee');\nINSERT INTO shipment_item (shipment_id, line, hs_code, "
           "description, origin_country) VALUES ('" +
           id + "', 1, '" + hs + "', 'goods', 'KZ');\n";
  }
  TempDir dir;
  std::string db = MakeDatabase(dir, sql);
  Run run = ScreenWith(dir, db, Bundled(), "2025-06-01");
  REQUIRE(run.status.ok());
  for (const auto& [hs, covered] : goods) {
    INFO(hs + "\n" + Evidence(run, "S-" + hs));
    CHECK(DecisionOf(run, "S-" + hs) == (covered ? REVIEW : BLOCK));
  }
}

// --- occupied Ukraine ----------------------------------------------------------------------

// EO 14065 s.1(a)(ii) bans importing goods from the so-called DNR/LNR; EU Reg. 2022/263 Art. 2
// (as amended by Reg. 2022/1903) bans importing goods originating in the non-government-
// controlled areas of Donetsk, Luhansk, Zaporizhzhia and Kherson oblasts. The oblasts are only
// partly occupied, so an origin in one of them reviews. From a review, 2026-12: anthracite from
// UA-14 and wheat from UA-23 or UA-65 shipped Poti to Izmir were CLEAR.
TEST_CASE(
    "Goods from the partly occupied oblasts of Ukraine are reviewed by item and shipment origin "
    "(EO 14065 s.1, EU Reg. 2022/263 Art. 2)",
    "[regimes]") {
  TempDir dir;
  std::string db = MakeDatabase(dir, std::string(kLists) + R"(
INSERT INTO entity (entity_id, kind, name, country) VALUES
  ('E-IZM', 'company', 'Izmir Coal Trading AS', 'TR');
INSERT INTO shipment (shipment_id, origin_country, origin_region, destination_country) VALUES
  ('S-DON', 'GE', NULL, 'TR'), ('S-LUH', 'GE', NULL, 'TR'), ('S-ZAP', 'GE', NULL, 'TR'),
  ('S-KHE', 'GE', NULL, 'TR'), ('S-CRI', 'GE', NULL, 'TR'), ('S-ODE', 'GE', NULL, 'TR'),
  ('S-ORG', 'UA', 'UA-65', 'TR');
INSERT INTO shipment_party SELECT s, 'SHIPPER', 'shipper' FROM (SELECT 'S-DON' s UNION SELECT
  'S-LUH' UNION SELECT 'S-ZAP' UNION SELECT 'S-KHE' UNION SELECT 'S-CRI' UNION SELECT 'S-ODE'
  UNION SELECT 'S-ORG');
INSERT INTO shipment_party SELECT s, 'E-IZM', 'consignee' FROM (SELECT 'S-DON' s UNION SELECT
  'S-LUH' UNION SELECT 'S-ZAP' UNION SELECT 'S-KHE' UNION SELECT 'S-CRI' UNION SELECT 'S-ODE'
  UNION SELECT 'S-ORG');
INSERT INTO shipment_item (shipment_id, line, hs_code, description, origin_country, origin_region)
  VALUES ('S-DON', 1, '2701.11', 'Anthracite', 'UA', 'UA-14'),
  ('S-LUH', 1, '2701.11', 'Anthracite', 'UA', 'UA-09'),
  ('S-ZAP', 1, '1001.99', 'Wheat', 'UA', 'UA-23'),
  ('S-KHE', 1, '1001.99', 'Wheat', 'UA', 'UA-65'),
  ('S-CRI', 1, '1001.99', 'Wheat', 'UA', 'UA-43'),
  ('S-ODE', 1, '1001.99', 'Wheat', 'UA', 'UA-51'),
  ('S-ORG', 1, '1001.99', 'Wheat', 'UA', NULL);
)");
  Run run = ScreenWith(dir, db, Bundled(), "2025-06-01");
  REQUIRE(run.status.ok());
  for (const char* id : {"S-DON", "S-LUH", "S-ZAP", "S-KHE", "S-ORG"}) {
    INFO(std::string(id) + "\n" + Evidence(run, id));
    CHECK(DecisionOf(run, id) >= REVIEW);
    CHECK(HasHit(run, id, "ukraine_partly_occupied_region"));
  }
  CHECK(Evidence(run, "S-DON").find("item 1 origin region UA-14") != std::string::npos);
  CHECK(Evidence(run, "S-ORG").find("origin region UA-65") != std::string::npos);
  // Crimea is occupied as a whole (EO 13685): blocked. Odesa oblast is not occupied.
  CHECK(DecisionOf(run, "S-CRI") == BLOCK);
  CHECK(DecisionOf(run, "S-ODE") == CLEAR);
}

// EU Reg. 2022/263 (from 2022-02-24) covers the non-government-controlled areas of Donetsk and
// Luhansk oblasts, Reg. 2022/1903 (from 2022-10-06) those of Zaporizhzhia and Kherson. From a
// review, 2026-12: the place table had 4 rows, none in Kherson oblast, so legs through Melitopol,
// Enerhodar, Nova Kakhovka, Henichesk, Skadovsk or Sievierodonetsk only reviewed.
TEST_CASE(
    "Legs through the occupied towns of four oblasts are embargo-blocked (EU Reg. 2022/263 as "
    "amended by 2022/1903, EO 14065)",
    "[regimes]") {
  const std::vector<std::pair<std::string, std::string>> towns = {
      {"Melitopol", "UA-23"},  {"Enerhodar", "UA-23"},  {"Tokmak", "UA-23"},
      {"Vasylivka", "UA-23"},  {"Berdyansk", "UA-23"},  {"Nova Kakhovka", "UA-65"},
      {"Henichesk", "UA-65"},  {"Skadovsk", "UA-65"},   {"Sievierodonetsk", "UA-09"},
      {"Lysychansk", "UA-09"}, {"Alchevsk", "UA-09"},   {"Horlivka", "UA-14"},
      {"Makiivka", "UA-14"},   {"Yenakiieve", "UA-14"}, {"Khartsyzk", "UA-14"},
      {"Mariupol", "UA-14"},   {"Energodar", "UA-23"},  {"Severodonetsk", "UA-09"}};
  std::string sql = std::string(kLists) + R"(
INSERT INTO entity (entity_id, kind, name, country, region) VALUES
  ('E-ODE', 'company', 'Odesa Grain Terminal LLC', 'UA', 'UA-51');
)";
  for (size_t i = 0; i < towns.size(); ++i) {
    std::string id = "S-" + std::to_string(i);
    sql +=
        "INSERT INTO shipment (shipment_id, origin_country, destination_country, "
        "destination_region) VALUES ('" +
        id + "', 'KZ', 'UA', 'UA-51');\nINSERT INTO shipment_party VALUES ('" + id +
        "', 'SHIPPER', 'shipper'), ('" + id + "', 'E-ODE', 'consignee');\n" +
        "INSERT INTO shipment_item (shipment_id, line, hs_code, description, origin_country) "
        "VALUES ('" +
        id + "', 1, '8516.60', 'Ovens', 'KZ');\n" +
        "INSERT INTO shipment_leg (shipment_id, seq, location_name, country, region, kind) "
        "VALUES ('" +
        id + "', 1, '" + towns[i].first + "', 'UA', '" + towns[i].second +
        "', 'transshipment'), ('" + id + "', 2, 'Odesa', 'UA', 'UA-51', 'port');\n";
  }
  // Tokmok (also spelled Tokmak) in Kyrgyzstan is not the Zaporizhzhia town of the same name.
  sql += R"(
INSERT INTO shipment (shipment_id, origin_country, destination_country) VALUES ('S-KG', 'KZ', 'KG');
INSERT INTO shipment_party VALUES ('S-KG', 'SHIPPER', 'shipper');
INSERT INTO shipment_item (shipment_id, line, hs_code, description, origin_country) VALUES
  ('S-KG', 1, '8516.60', 'Ovens', 'KZ');
INSERT INTO shipment_leg (shipment_id, seq, location_name, country, region, kind) VALUES
  ('S-KG', 1, 'Tokmak', 'KG', 'KG-C', 'inland');
)";
  TempDir dir;
  std::string db = MakeDatabase(dir, sql);
  Run run = ScreenWith(dir, db, Bundled(), "2025-06-01");
  REQUIRE(run.status.ok());
  for (size_t i = 0; i < towns.size(); ++i) {
    std::string id = "S-" + std::to_string(i);
    INFO(towns[i].first + "\n" + Evidence(run, id));
    CHECK(DecisionOf(run, id) == BLOCK);
    CHECK(Evidence(run, id).find("leg 1 place " + towns[i].first) != std::string::npos);
  }
  INFO(Evidence(run, "S-KG"));
  CHECK(!HasHit(run, "S-KG", "embargoed_jurisdiction"));
}

// The non-government-controlled areas of Donetsk oblast were covered by EU Reg. 2022/263 from
// 2022-02-24; Reg. 2022/1903 (2022-10-06) added Kherson and Zaporizhzhia (EUR-Lex 32022R1903,
// recital 2). From a review, 2026-12: Mariupol was dated 2022-10-06 and cited to 2022/1903.
// Kherson city, occupied from March 2022, was liberated on 2022-11-11.
TEST_CASE(
    "A leg through Mariupol is blocked in summer 2022 under Reg. 2022/263, Kherson city "
    "only while occupied",
    "[regimes]") {
  TempDir dir;
  std::string db = MakeDatabase(dir, std::string(kLists) + R"(
INSERT INTO entity (entity_id, kind, name, country, region) VALUES
  ('E-ODE', 'company', 'Odesa Grain Terminal LLC', 'UA', 'UA-51');
INSERT INTO shipment (shipment_id, origin_country, destination_country, destination_region)
  VALUES ('S-MAR', 'KZ', 'UA', 'UA-51'), ('S-KHE', 'KZ', 'UA', 'UA-51');
INSERT INTO shipment_party VALUES ('S-MAR', 'SHIPPER', 'shipper'), ('S-MAR', 'E-ODE', 'consignee'),
  ('S-KHE', 'SHIPPER', 'shipper'), ('S-KHE', 'E-ODE', 'consignee');
INSERT INTO shipment_item (shipment_id, line, hs_code, description, origin_country) VALUES
  ('S-MAR', 1, '8516.60', 'Ovens', 'KZ'), ('S-KHE', 1, '8516.60', 'Ovens', 'KZ');
INSERT INTO shipment_leg (shipment_id, seq, location, location_name, country, region, kind) VALUES
  ('S-MAR', 1, 'UAMPW', 'Mariupol', 'UA', 'UA-14', 'port'),
  ('S-MAR', 2, NULL, 'Odesa', 'UA', 'UA-51', 'port'),
  ('S-KHE', 1, NULL, 'Kherson', 'UA', 'UA-65', 'port'),
  ('S-KHE', 2, NULL, 'Odesa', 'UA', 'UA-51', 'port');
)");
  Run summer = ScreenWith(dir, db, Bundled(), "2022-08-01");
  REQUIRE(summer.status.ok());
  INFO(Evidence(summer, "S-MAR"));
  CHECK(DecisionOf(summer, "S-MAR") == BLOCK);
  CHECK(Evidence(summer, "S-MAR").find("Reg. 2022/263") != std::string::npos);
  CHECK(Evidence(summer, "S-MAR").find("2022/1903") == std::string::npos);
  Run occupied = ScreenWith(dir, db, Bundled(), "2022-10-20");
  REQUIRE(occupied.status.ok());
  CHECK(DecisionOf(occupied, "S-KHE") == BLOCK);
  Run liberated = ScreenWith(dir, db, Bundled(), "2022-11-11");
  REQUIRE(liberated.status.ok());
  CHECK(DecisionOf(liberated, "S-KHE") == REVIEW);
  CHECK(!HasHit(liberated, "S-KHE", "embargoed_jurisdiction"));
}

// --- list age ------------------------------------------------------------------------------

TEST_CASE(
    "A list older than its max_age_days is a run problem, and refuses the run if the profile says "
    "so",
    "[regimes]") {
  TempDir dir;
  std::string db = MakeDatabase(dir, R"(
INSERT INTO list_source (list_id, version) VALUES ('sdn', '2025-01-01'), ('other', '2025-11-30');
INSERT INTO entity (entity_id, kind, name) VALUES ('A', 'company', 'Alpha');
INSERT INTO shipment (shipment_id) VALUES ('S-1');
INSERT INTO shipment_party VALUES ('S-1', 'A', 'consignee');
)");
  std::string rules_text = std::string(testing::kTestScoring) + R"(
list { id: "sdn" regime: "US" measure: ASSET_FREEZE max_age_days: 30 }
list { id: "other" regime: "US" measure: ASSET_FREEZE max_age_days: 30 }
rule { id: "listed" description: "d" category: SECONDARY_SANCTIONS weight: 95 decision_floor: BLOCK
  listed_party { } }
)";
  std::string rules = testing::MakeRules(
      dir, {{"r.textproto", rules_text},
            {"profile.textproto", "profile { regime { regime: \"US\" binding: BINDING } }"}});
  Run run = ScreenWith(dir, db, rules, "2025-12-01");
  REQUIRE(run.status.ok());
  std::vector<std::string> problems;
  for (const scores::DataProblem& p : run.header.problems()) {
    problems.push_back(p.table() + " " + p.row_id() + " " + p.column() + ": " + p.message());
  }
  CHECK(problems == std::vector<std::string>{"list_source sdn version: list is 334 days old on "
                                             "2025-12-01, more than its max_age_days 30"});

  testing::WriteText(rules + "/profile.textproto",
                     "profile { regime { regime: \"US\" binding: BINDING } "
                     "refuse_stale_lists: true }");
  Run refused = ScreenWith(dir, db, rules, "2025-12-01");
  CHECK(refused.status.IsRefused());
  CHECK(refused.status.message() ==
        "lists too old for the profile (refuse_stale_lists): sdn; update them or raise "
        "max_age_days");
  auto cli = testing::RunCorridor(dir, "screen --db " + db + " --rules " + rules + " --out " +
                                           dir.File("cli.scores") + " --as-of 2025-12-01");
  CHECK(cli.exit_code == 1);
  CHECK(!std::filesystem::exists(dir.File("cli.scores")));
}

// --- monotonicity --------------------------------------------------------------------------

// For any ownership graph, raising a listed owner's share never lowers the subsidiary's score or
// decision (random graphs, fixed seed), under the bundled rules and both profiles.
TEST_CASE("Raising a listed owner's share never lowers the subsidiary's score or decision",
          "[regimes][property]") {
  TempDir dir;
  std::string eu_rules = EuTraderRules(dir);
  std::mt19937 random(20261201);
  const char* lists[] = {"ofac-sdn", "eu-fsf", "csl-el"};
  for (int graph = 0; graph < 12; ++graph) {
    // Nodes: L (listed, on one list), M (listed on another), A, B, T (the subsidiary).
    std::uniform_int_distribution<int> share(0, 100);
    std::string l_list = lists[random() % 3], m_list = lists[random() % 3];
    int edges[6] = {share(random), share(random), share(random),
                    share(random), share(random), share(random)};
    int raised_from = share(random) / 2;
    int raised_to = raised_from + 1 + static_cast<int>(random() % 50);
    auto db_with = [&](int l_to_t, const std::string& name) {
      std::string sql = R"(
INSERT INTO list_source (list_id, version) VALUES ('ofac-sdn', '2025-11-20'), ('uflpa', '2025-11-20'),
  ('eu-fsf', '2025-11-20'), ('csl-el', '2025-11-20');
INSERT INTO list_entry (list_id, entry_id, kind, name, programs) VALUES
  (')" + l_list + R"(', 'L', 'company', 'Lazurit Holding', 'P'),
  (')" + m_list + R"(', 'M', 'company', 'Malachit Group', 'P');
INSERT INTO entity (entity_id, kind, name, country) VALUES
  ('L', 'company', 'Lazurit Holding', 'RU'), ('M', 'company', 'Malachit Group', 'RU'),
  ('A', 'company', 'Alatau Invest', 'KZ'), ('B', 'company', 'Baikonur Trade', 'KZ'),
  ('T', 'company', 'Tobol Machinery', 'KZ');
INSERT INTO ownership (owner_id, owned_id, share, control, as_of) VALUES
  ('L', 'T', )" + std::to_string(l_to_t) +
                        R"(, 0, '2025-01-01'),
  ('L', 'A', )" + std::to_string(edges[0]) +
                        R"(, 0, '2025-01-01'),
  ('M', 'A', )" + std::to_string(edges[1] / 2) +
                        R"(, 0, '2025-01-01'),
  ('A', 'T', )" + std::to_string(edges[2] / 2) +
                        R"(, 0, '2025-01-01'),
  ('M', 'B', )" + std::to_string(edges[3]) +
                        R"(, 0, '2025-01-01'),
  ('B', 'T', )" + std::to_string(edges[4] / 3) +
                        R"(, )" + std::to_string(edges[5] % 2) + R"(, '2025-01-01');
INSERT INTO shipment (shipment_id, destination_country) VALUES ('S-T', 'KZ');
INSERT INTO shipment_party VALUES ('S-T', 'T', 'consignee');
)";
      return MakeDatabase(dir, sql, name);
    };
    std::string low = db_with(raised_from, "low" + std::to_string(graph) + ".db");
    std::string high = db_with(raised_to, "high" + std::to_string(graph) + ".db");
    for (const std::string& rules : {Bundled(), eu_rules}) {
      for (const char* as_of : {"2026-06-01", "2026-12-01"}) {
        Run before = ScreenWith(dir, low, rules, as_of);
        Run after = ScreenWith(dir, high, rules, as_of);
        REQUIRE(before.status.ok());
        REQUIRE(after.status.ok());
        INFO("graph " << graph << " lists " << l_list << "/" << m_list << " share " << raised_from
                      << " -> " << raised_to << " as of " << as_of << "\n"
                      << Evidence(before, "S-T") << "---\n"
                      << Evidence(after, "S-T"));
        CHECK(DecisionOf(after, "S-T") >= DecisionOf(before, "S-T"));
        CHECK(after.shipments["S-T"].score() >= before.shipments["S-T"].score());
      }
    }
  }
}

// --- check-rules ---------------------------------------------------------------------------

std::vector<std::string> Problems(const std::string& folder) {
  RuleSet rule_set;
  Diagnostics diagnostics;
  LoadRuleSet(folder, &rule_set, &diagnostics);
  std::vector<std::string> lines;
  for (const Diagnostic& d : diagnostics) lines.push_back(d.ToString());
  return lines;
}

const char* kOneRule = R"(rule { id: "r" description: "d" category: SECONDARY_SANCTIONS weight: 50
  jurisdiction { subjects: [ORIGIN] countries: ["IR"] } }
)";

TEST_CASE("check-rules: profiles are validated at file:line:col", "[regimes][rules-config]") {
  TempDir dir;
  std::string folder =
      testing::MakeRules(dir, {{"s.textproto", std::string(testing::kTestScoring) + kOneRule},
                               {"profile.textproto",
                                "profile {\n"
                                "  regime { regime: \"US\" binding: BINDING }\n"
                                "  regime { regime: \"US\" binding: SECONDARY_EXPOSURE }\n"
                                "  regime { regime: \"EU\" }\n"
                                "  regime { binding: BINDING }\n"
                                "}\n"},
                               {"second.textproto", "profile { }\n"}});
  CHECK(Problems(folder) ==
        std::vector<std::string>{
            folder + "/profile.textproto:3:12: regime \"US\" is already in the profile",
            folder + "/profile.textproto:4:3: profile regime \"EU\" has no binding",
            folder + "/profile.textproto:5:3: profile regime names no regime",
            folder + "/second.textproto:1:1: profile is already set in " + folder +
                "/profile.textproto",
        });
}

TEST_CASE("check-rules: dates must be ISO and from <= to, on rules, groups and members",
          "[regimes][rules-config]") {
  TempDir dir;
  std::string folder = testing::MakeRules(
      dir, {{"s.textproto", testing::kTestScoring},
            {"a.textproto",
             "rule { id: \"r\" description: \"d\" category: SECONDARY_SANCTIONS weight: 50\n"
             "  effective_from: \"2025-07-01\"\n"
             "  effective_to: \"2025-06-30\"\n"
             "  jurisdiction { subjects: [ORIGIN] country_groups: [\"g\"] } }\n"
             "country_group { name: \"g\" source: \"s\"\n"
             "  effective_from: \"2025-02-30\"\n"
             "  members { code: \"SY\" effective_to: \"2025/06/30\" source: \"EO 14312\" }\n"
             "  members { code: \"XYZ\" source: \"s\" }\n"
             "  members { code: \"IR\" }\n"
             "}\n"}});
  CHECK(Problems(folder) ==
        std::vector<std::string>{
            folder + "/a.textproto:6:3: effective_from \"2025-02-30\" is not a date YYYY-MM-DD",
            folder + "/a.textproto:7:24: effective_to \"2025/06/30\" is not a date YYYY-MM-DD",
            folder + "/a.textproto:8:13: not an ISO 3166-1 country or 3166-2 region code \"XYZ\"",
            folder + "/a.textproto:9:3: member \"IR\" names no source",
            folder + "/a.textproto:3:3: effective_to 2025-06-30 is before effective_from "
                     "2025-07-01",
        });
}

TEST_CASE("check-rules: exemptions are validated", "[regimes][rules-config]") {
  TempDir dir;
  std::string folder = testing::MakeRules(
      dir, {{"s.textproto", testing::kTestScoring},
            {"a.textproto",
             "rule { id: \"r\" description: \"d\" category: SECONDARY_SANCTIONS weight: 50\n"
             "  decision_floor: REVIEW\n"
             "  jurisdiction { subjects: [ORIGIN] countries: [\"IR\"] }\n"
             "  exemption { id: \"food\" source: \"31 CFR 560.530\" hs_prefixes: [\"10\", \"1x\"]\n"
             "    weight: 60 decision_floor: BLOCK }\n"
             "  exemption { id: \"Food\" hs_prefixes: [\"10\"] destination_countries: [\"QQ\"] }\n"
             "  exemption { id: \"food\" source: \"s\" }\n"
             "}\n"}});
  CHECK(Problems(folder) ==
        std::vector<std::string>{
            folder + "/a.textproto:4:71: HS code prefix must be 2 to 10 digits, got \"1x\"",
            folder + "/a.textproto:5:5: exemption weight must be between 0 and the rule's "
                     "weight 50",
            folder + "/a.textproto:5:16: exemption decision_floor must not be above the rule's",
            folder + "/a.textproto:6:15: exemption id \"Food\" must be lower_snake_case",
            folder + "/a.textproto:6:3: exemption \"Food\" names no source",
            folder + "/a.textproto:6:46: unknown country code \"QQ\"",
            folder + "/a.textproto:7:3: exemption \"food\" names no hs_prefixes or "
                     "destination_countries (it would cover every shipment)",
            folder + "/a.textproto:7:15: duplicate exemption \"food\"",
        });
}

TEST_CASE(
    "check-rules: a bindings filter needs a profile, program measures and place tables are checked",
    "[regimes][rules-config]") {
  TempDir dir;
  std::string folder = testing::MakeRules(
      dir, {{"s.textproto", testing::kTestScoring},
            {"a.textproto",
             "rule { id: \"r\" description: \"d\" category: SECONDARY_SANCTIONS weight: 50\n"
             "  listed_party { bindings: [BINDING] } }\n"
             "list { id: \"x\" program_measures { program: \"P\" } }\n"
             "country_group { name: \"g\" source: \"s\" place_table: \"places.csv\" }\n"},
            {"places.csv",
             "code,name,country,region,effective_from,effective_to,source\n"
             "geonames:1,Somewhere,XX,UA-14,2022-02-21,,EO 14065\n"
             "UAMPW,Mariupol,UA,UA-14,2022-10-06,2022-01-01,Reg. 2022/1903\n"
             "UAERD,Berdyansk,UA,UA-23,,,\n"}});
  CHECK(Problems(folder) ==
        std::vector<std::string>{
            folder + "/a.textproto:3:16: program \"P\" has no measure",
            folder + "/places.csv:2:1: unknown country code \"XX\"",
            folder + "/places.csv:3:1: effective_to 2022-01-01 is before effective_from 2022-10-06",
            folder + "/places.csv:4:1: place \"Berdyansk\" names no source",
            folder + "/a.textproto:2:18: bindings need a profile { ... } in the rules folder",
        });
}

TEST_CASE("check-rules accepts the EU trader's example profile with the bundled rules",
          "[regimes][rules-config]") {
  TempDir dir;
  std::string folder = EuTraderRules(dir);
  auto result = testing::RunCorridor(dir, "check-rules --rules " + folder);
  CHECK(result.exit_code == 0);
  CHECK(result.err == "");
}

}  // namespace
}  // namespace corridor
