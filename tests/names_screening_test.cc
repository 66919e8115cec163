// Name structure in screening: a short Chinese or Korean personal name is shared by thousands of
// people, so matching it alone may alert but never block, and a birth date on the party's
// record that contradicts the listed person's pulls the match below the threshold
// (docs/matching.md, "Name structure").
#include <catch2/catch.hpp>
#include <map>
#include <string>

#include "engine/output/score_stream.h"
#include "engine/screen/screen_run.h"
#include "tests/test_util.h"

namespace corridor {
namespace {

const char* kWorld = R"(
INSERT INTO list_source (list_id, version) VALUES ('wl', 'test');
INSERT INTO list_entry (list_id, entry_id, kind, name, programs, birth_date) VALUES
  ('wl', '1', 'person', 'ZHANG, Wei', 'SDGT', '1960-01-01'),
  ('wl', '2', 'company', 'SBER VOSTOK LLP', 'RUSSIA-EO14024', NULL),
  ('wl', '3', 'person', 'KIM, Jong Sik', 'DPRK', '1971-03-05');
INSERT INTO entity (entity_id, kind, name, birth_date) VALUES
  ('E-CONTRA', 'person', 'Zhang Wei', '1985-05-05'),
  ('E-NODATE', 'person', 'Zhang Wei', NULL),
  ('E-SAME', 'person', 'Zhang Wei', '1960-01-01'),
  ('E-HANZI', 'person', '张伟', NULL),
  ('E-KOREAN', 'person', 'Kim Jong Sik', NULL),
  ('E-SBER', 'company', 'SBER VOSTOK LLP', NULL);
INSERT INTO shipment (shipment_id, destination_country) VALUES
  ('S-CONTRA', 'KZ'), ('S-NODATE', 'KZ'), ('S-SAME', 'KZ'), ('S-HANZI', 'KZ'), ('S-KOREAN', 'KZ'),
  ('S-SBER', 'KZ');
INSERT INTO shipment_party VALUES
  ('S-CONTRA', 'E-CONTRA', 'consignee'), ('S-NODATE', 'E-NODATE', 'consignee'),
  ('S-SAME', 'E-SAME', 'consignee'), ('S-HANZI', 'E-HANZI', 'consignee'),
  ('S-KOREAN', 'E-KOREAN', 'consignee'), ('S-SBER', 'E-SBER', 'consignee');
)";

// The rule argument of ScreenWith that screens with the bundled rules folder instead.
const char* const kBundledRules = "(bundled)";

// Screens `world` with one rule (and the rules folder's other `files`; kBundledRules: the bundled
// folder), after `corridor decide` with the arguments `decide` when given, and returns each
// shipment's decision and its evidence's summaries.
struct Screened {
  std::map<std::string, Decision> decisions;
  std::map<std::string, std::string> summaries;
  std::map<std::string, scores::ShipmentScore> shipments;
};

Screened ScreenWith(const std::string& world, const std::string& rule,
                    std::map<std::string, std::string> files = {},
                    const std::string& sql_after = "") {
  testing::TempDir dir;
  std::string db = testing::MakeDatabase(dir, world);
  ScreenOptions options;
  options.db_path = db;
  if (rule == kBundledRules) {
    options.rules_dir = testing::SourceFile("rules");
  } else {
    files["r.textproto"] = std::string(testing::kTestScoring) + rule;
    options.rules_dir = testing::MakeRules(dir, files);
  }
  if (!sql_after.empty()) {
    // An analyst's decision recorded after a first run (`corridor decide`), then screened again.
    ScreenOptions first = options;
    first.out_path = dir.File("first.scores");
    first.as_of = "2026-12-01";
    ScreenReport first_report;
    REQUIRE(RunScreen(first, &first_report).ok());
    auto decided = testing::RunCorridor(dir, "decide --db " + db + " " + sql_after);
    INFO(decided.err);
    REQUIRE(decided.exit_code == 0);
  }
  options.out_path = dir.File("out.scores");
  options.as_of = "2026-12-01";
  ScreenReport report;
  Screened screened;
  Status status = RunScreen(options, &report);
  INFO(status.message());
  REQUIRE(status.ok());
  std::unique_ptr<ScoreReader> reader;
  REQUIRE(ScoreReader::Open(options.out_path, &reader).ok());
  scores::ScoreRecord record;
  while (reader->Next(&record)) {
    if (!record.has_shipment()) continue;
    const scores::ShipmentScore& shipment = record.shipment();
    screened.decisions[shipment.shipment_id()] = shipment.decision();
    screened.shipments[shipment.shipment_id()] = shipment;
    for (const auto& hit : shipment.hits()) {
      for (const auto& evidence : hit.evidence()) {
        screened.summaries[shipment.shipment_id()] += evidence.summary();
      }
    }
  }
  return screened;
}

TEST_CASE("A short Chinese or Korean name alone reviews, a contradicting birth date clears",
          "[names][screen]") {
  Screened screened =
      ScreenWith(kWorld, R"(rule { id: "sdn" description: "d" category: SECONDARY_SANCTIONS
  weight: 95 decision_floor: BLOCK listed_party { lists: ["wl"] } })");
  std::map<std::string, Decision>& decisions = screened.decisions;
  std::map<std::string, std::string>& summaries = screened.summaries;
  for (const auto& [id, summary] : summaries) INFO(id << ": " << summary);
  // Before: all of these blocked, the contradicting birth date included (1.00 - 0.15 = 0.85).
  CHECK(decisions["S-CONTRA"] == CLEAR);
  CHECK(decisions["S-NODATE"] == REVIEW);
  CHECK(decisions["S-HANZI"] == REVIEW);
  CHECK(decisions["S-KOREAN"] == REVIEW);
  CHECK(summaries["S-NODATE"].find("uncorroborated short name") != std::string::npos);
  // A matching birth date corroborates; a longer name needs none.
  CHECK(decisions["S-SAME"] == BLOCK);
  CHECK(decisions["S-SBER"] == BLOCK);
}

// From a review (2026-12-07): which of a party's names is its primary decided review or block.
// SDN 11447 (LI, Fangwei) is also listed as LEE, Karl; a party with both names matches the entry
// at 1.00 through each, but the short Chinese name needs corroboration and the alias does not.
TEST_CASE("A party's names match alike whichever is its primary name", "[names][screen]") {
  const char* world = R"(
INSERT INTO list_source (list_id, version) VALUES ('wl', 'test');
INSERT INTO list_entry (list_id, entry_id, kind, name, programs) VALUES
  ('wl', '11447', 'person', 'LI, Fangwei', 'NPWMD');
INSERT INTO list_alias (list_id, entry_id, name) VALUES ('wl', '11447', 'LEE, Karl');
INSERT INTO entity (entity_id, kind, name) VALUES
  ('E-LI', 'person', 'LI Fangwei'), ('E-KARL', 'person', 'Karl Lee');
INSERT INTO entity_alias (entity_id, name) VALUES ('E-LI', 'Karl Lee'), ('E-KARL', 'LI Fangwei');
INSERT INTO shipment (shipment_id, destination_country) VALUES ('S-LI', 'KZ'), ('S-KARL', 'KZ');
INSERT INTO shipment_party VALUES ('S-LI', 'E-LI', 'consignee'), ('S-KARL', 'E-KARL', 'consignee');
)";
  Screened screened =
      ScreenWith(world, R"(rule { id: "sdn" description: "d" category: SECONDARY_SANCTIONS
  weight: 95 decision_floor: BLOCK listed_party { lists: ["wl"] } })");
  INFO(screened.summaries["S-LI"] << "\n" << screened.summaries["S-KARL"]);
  CHECK(screened.decisions["S-KARL"] == BLOCK);
  CHECK(screened.decisions["S-LI"] == BLOCK);
}

// The same names as owners: a company 60% owned by a party whose only link to a listed person is
// a short Chinese name without corroboration is an alert for review, not a block (issue 11, "Name
// structure": such a name "may alert but never block without corroboration", in every rule).
const char* kOwners = R"(
INSERT INTO ownership (owner_id, owned_id, share) VALUES
  ('E-NODATE', 'E-CO-NODATE', 60), ('E-SAME', 'E-CO-SAME', 60), ('E-CONTRA', 'E-CO-CONTRA', 60),
  ('E-NODATE', 'E-CO-BOTH', 30), ('E-SAME', 'E-CO-BOTH', 30);
INSERT INTO entity (entity_id, kind, name) VALUES
  ('E-CO-NODATE', 'company', 'Kashgar Bright Cotton Trading Co'),
  ('E-CO-SAME', 'company', 'Urumqi Northern Textile Works'),
  ('E-CO-CONTRA', 'company', 'Khorgos Valley Logistics'),
  ('E-CO-BOTH', 'company', 'Altay Mountain Minerals');
INSERT INTO shipment (shipment_id, destination_country) VALUES
  ('S-CO-NODATE', 'KZ'), ('S-CO-SAME', 'KZ'), ('S-CO-CONTRA', 'KZ'), ('S-CO-BOTH', 'KZ');
INSERT INTO shipment_party VALUES
  ('S-CO-NODATE', 'E-CO-NODATE', 'consignee'), ('S-CO-SAME', 'E-CO-SAME', 'consignee'),
  ('S-CO-CONTRA', 'E-CO-CONTRA', 'consignee'), ('S-CO-BOTH', 'E-CO-BOTH', 'consignee');
)";

TEST_CASE("Ownership by a short Chinese name alone reviews, corroborated it blocks",
          "[names][screen][ownership]") {
  Screened screened = ScreenWith(std::string(kWorld) + kOwners,
                                 R"(rule { id: "owned" description: "d"
  category: SECONDARY_SANCTIONS weight: 95 decision_floor: BLOCK
  owned_by_listed_party { lists: ["wl"] } })");
  for (const auto& [id, summary] : screened.summaries) INFO(id << ": " << summary);
  // Before: S-CO-NODATE blocked on "Zhang Wei" with no birth date, and S-CO-BOTH (two owners of
  // 30%, one of them only an uncorroborated namesake) blocked at 60%.
  CHECK(screened.decisions["S-CO-NODATE"] == REVIEW);
  CHECK(screened.summaries["S-CO-NODATE"].find("uncorroborated short name") != std::string::npos);
  CHECK(screened.decisions["S-CO-BOTH"] == REVIEW);
  // A matching birth date corroborates: the owned company is blocked; a contradicting one clears.
  CHECK(screened.decisions["S-CO-SAME"] == BLOCK);
  CHECK(screened.decisions["S-CO-CONTRA"] == CLEAR);
}

TEST_CASE("An sql rule sees which matches need corroboration, its ownership view only the others",
          "[names][screen][sql]") {
  Screened flagged = ScreenWith(std::string(kWorld) + kOwners, R"(rule { id: "q" description: "d"
  category: SECONDARY_SANCTIONS weight: 50 sql { query:
  "SELECT entity_id || ' ' || needs_corroboration AS summary FROM list_match" } })");
  CHECK(flagged.summaries["S-NODATE"] == "E-NODATE 1");
  CHECK(flagged.summaries["S-SAME"] == "E-SAME 0");
  Screened owned = ScreenWith(std::string(kWorld) + kOwners, R"(rule { id: "q" description: "d"
  category: SECONDARY_SANCTIONS weight: 50 sql { query:
  "SELECT entity_id || ' ' || status AS summary FROM ownership" } })");
  CHECK(owned.summaries["S-CO-NODATE"] == "E-CO-NODATE not_blocked");
  CHECK(owned.summaries["S-CO-SAME"] == "E-CO-SAME blocked");
}

// With the bundled rules several rules hit on one namesake (the SDN match, the ownership rules of
// each regime, the minority rule): capped at 45 each, together they still must not hold
// (engine/score/aggregate.h: namesakes count towards the score's decision up to REVIEW only).
const char* kSdnWorld = R"(
INSERT INTO list_source (list_id, version) VALUES ('ofac-sdn', 'test'), ('uflpa', 'test'),
  ('csl-el', 'test');
INSERT INTO list_entry (list_id, entry_id, kind, name, programs, country, birth_date) VALUES
  ('ofac-sdn', '1', 'person', 'ZHANG, Wei', 'SDGT', 'CN', '1960-01-01');
INSERT INTO entity (entity_id, kind, name, birth_date) VALUES
  ('E-NODATE', 'person', 'Zhang Wei', NULL), ('E-SAME', 'person', 'Zhang Wei', '1960-01-01'),
  ('E-CO-NODATE', 'company', 'Kashgar Bright Cotton Trading Co', NULL),
  ('E-CO-SAME', 'company', 'Urumqi Northern Textile Works', NULL),
  ('E-CO-MIXED', 'company', 'Altay Mountain Minerals', NULL);
INSERT INTO ownership (owner_id, owned_id, share) VALUES
  ('E-NODATE', 'E-CO-NODATE', 60), ('E-SAME', 'E-CO-SAME', 60), ('E-NODATE', 'E-CO-MIXED', 60);
INSERT INTO shipment (shipment_id, destination_country) VALUES
  ('S-CO-NODATE', 'KZ'), ('S-BOTH-NODATE', 'KZ'), ('S-CO-SAME', 'KZ'), ('S-TWO', 'KZ'),
  ('S-RICE-NODATE', 'IR'), ('S-RICE-SAME', 'IR');
INSERT INTO shipment_party VALUES
  ('S-CO-NODATE', 'E-CO-NODATE', 'consignee'),
  ('S-BOTH-NODATE', 'E-NODATE', 'shipper'), ('S-BOTH-NODATE', 'E-CO-NODATE', 'consignee'),
  ('S-CO-SAME', 'E-CO-SAME', 'consignee'),
  ('S-TWO', 'E-CO-SAME', 'consignee'), ('S-TWO', 'E-CO-MIXED', 'notify'),
  ('S-RICE-NODATE', 'E-NODATE', 'consignee'), ('S-RICE-SAME', 'E-SAME', 'consignee');
-- Rice to Iran: exempt under the TSRA general licence (31 CFR 560.530) unless a party is an SDN;
-- a namesake does not make the consignee one.
INSERT INTO shipment_item (shipment_id, line, hs_code) VALUES
  ('S-RICE-NODATE', 1, '100630'), ('S-RICE-SAME', 1, '100630');
)";

TEST_CASE("With the bundled rules a namesake's hits together review, never hold",
          "[names][screen][ownership]") {
  Screened screened = ScreenWith(kSdnWorld, kBundledRules);
  for (const auto& [id, shipment] : screened.shipments) {
    INFO(id << " score " << shipment.score() << ": " << screened.summaries[id]);
    if (id == "S-CO-SAME" || id == "S-TWO" || id == "S-RICE-SAME") {
      CHECK(shipment.decision() == BLOCK);
    } else if (id == "S-RICE-NODATE") {
      // Before: BLOCK (the namesake took the exemption away from the embargo rule).
      CHECK(shipment.decision() == REVIEW);
      CHECK(screened.summaries[id].find("exempt under iran_food_medicine") != std::string::npos);
    } else {
      // Before: HOLD (45 + 35 from two ownership rules, 64.25 >= hold_at 60).
      CHECK(shipment.decision() == REVIEW);
      int namesake_hits = 0;
      for (const auto& hit : shipment.hits()) {
        // The namesake's hits (the red flags' may hit too: a consignee without an address).
        if (!hit.evidence(0).uncorroborated_name()) continue;
        ++namesake_hits;
        CHECK(hit.decision_floor() <= REVIEW);
        for (const auto& evidence : hit.evidence()) {
          INFO(hit.rule_id() << ": " << evidence.summary());
          CHECK(evidence.uncorroborated_name());
          CHECK(evidence.weight() <= 45);
        }
      }
      CHECK(namesake_hits >= 2);
    }
  }
  // The score shown is the whole score: the namesake's hits are there to review.
  CHECK(screened.shipments["S-BOTH-NODATE"].score() >= 60);
}

TEST_CASE("A cleared corroborated owner leaves the namesake's evidence reviewing, not blocking",
          "[names][screen][ownership][decisions]") {
  const char* rule = R"(rule { id: "owned" description: "d" category: SECONDARY_SANCTIONS
  weight: 95 decision_floor: BLOCK owned_by_listed_party { lists: ["ofac-sdn"] } })";
  Screened before = ScreenWith(kSdnWorld, rule);
  CHECK(before.decisions["S-TWO"] == BLOCK);
  // The analyst clears the corroborated owner's company for this rule: what is left is the
  // namesake's evidence (before: the hit kept its BLOCK floor).
  Screened after = ScreenWith(kSdnWorld, rule, {},
                              "--party E-CO-SAME --hit owned --decision cleared --by a.analyst "
                              "--reason 'tested'");
  INFO(after.summaries["S-TWO"]);
  CHECK(after.decisions["S-TWO"] == REVIEW);
  REQUIRE(after.shipments["S-TWO"].suppressed_hits_size() == 1);
  CHECK(after.shipments["S-TWO"].suppressed_hits(0).decision_floor() == BLOCK);
  CHECK(after.decisions["S-CO-SAME"] == CLEAR);
}

TEST_CASE("corridor ownership says a namesake owner's block is for review only",
          "[names][ownership][cli]") {
  testing::TempDir dir;
  std::string db = testing::MakeDatabase(dir, kSdnWorld);
  auto nodate = testing::RunCorridor(dir, "ownership --db " + db + " --entity E-CO-NODATE");
  INFO(nodate.err << nodate.out);
  REQUIRE(nodate.exit_code == 0);
  // Before: "status: blocked" with the namesake as the listed owner, as if it were confirmed.
  CHECK(nodate.out.find("\n  status: not_blocked\n") != std::string::npos);
  CHECK(nodate.out.find("counting short Chinese or Korean names matched without corroboration "
                        "(review only, never a block):\n    status: blocked\n") !=
        std::string::npos);
  CHECK(nodate.out.find("an uncorroborated short name") != std::string::npos);
  auto same = testing::RunCorridor(dir, "ownership --db " + db + " --entity E-CO-SAME");
  INFO(same.out);
  CHECK(same.out.find("\n  status: blocked\n") != std::string::npos);
  CHECK(same.out.find("counting short Chinese") == std::string::npos);
}

// Rules that draw a consequence from a party being a listed entry (the Entity List's licence
// requirement, a proliferation end user, the UFLPA presumption) do not draw it from a short
// Chinese name alone; the listed_party rule reports such a match for review.
const char* kConsequences = R"(
INSERT INTO list_source (list_id, version) VALUES ('el', 'test'), ('uflpa', 'test');
INSERT INTO list_entry (list_id, entry_id, kind, name, programs, country, birth_date) VALUES
  ('el', '1', 'person', 'WANG, Fang', 'EAR', 'PK', '1966-02-02'),
  ('uflpa', '1', 'person', 'WANG, Fang', 'UFLPA', 'CN', '1966-02-02');
INSERT INTO entity (entity_id, kind, name, birth_date) VALUES
  ('E-NODATE', 'person', 'Wang Fang', NULL), ('E-SAME', 'person', 'Wang Fang', '1966-02-02');
INSERT INTO shipment (shipment_id, destination_country) VALUES
  ('S-NODATE', 'AE'), ('S-SAME', 'AE');
INSERT INTO shipment_party VALUES
  ('S-NODATE', 'E-NODATE', 'consignee'), ('S-SAME', 'E-SAME', 'consignee'),
  ('S-NODATE', 'E-NODATE', 'shipper'), ('S-SAME', 'E-SAME', 'shipper');
INSERT INTO shipment_item (shipment_id, line, hs_code, origin_country, eccn) VALUES
  ('S-NODATE', 1, '722490', 'US', '1C116'), ('S-SAME', 1, '722490', 'US', '1C116');
)";

TEST_CASE("Entity List, proliferation and UFLPA rules need more than a short Chinese name",
          "[names][screen]") {
  const std::string world = kConsequences;
  const std::map<std::string, std::string> rules = {
      {"ear", R"(rule { id: "ear" description: "d" category: EXPORT_CONTROL weight: 70
  decision_floor: HOLD ear_scope { entity_lists: ["el"] } })"},
      {"proliferation", R"(rule { id: "p" description: "d" category: EXPORT_CONTROL weight: 70
  decision_floor: HOLD proliferation { goods_table: "p.csv" lists: ["el"] list_countries: ["PK"] }
})"},
      {"uflpa", R"(rule { id: "u" description: "d" category: FORCED_LABOUR weight: 80
  decision_floor: HOLD forced_labour { entity_lists: ["uflpa"] entity_roles: ["shipper"]
  entity_weight: 70 } })"}};
  for (const auto& [name, rule] : rules) {
    INFO(name);
    Screened screened = ScreenWith(world, rule,
                                   {{"p.csv",
                                     "hs_code,item,regime,description,effective_from,"
                                     "effective_to,source\n"
                                     "7224,steel,NSG 2.C.11,maraging steel,,,NSG\n"}});
    INFO(screened.summaries["S-NODATE"]);
    // Before: each rule held S-NODATE on "Wang Fang" with no birth date. The Entity List's
    // namesakes are the listed_party rule's to report (sanctions.textproto reads licence lists);
    // no listed_party rule reads import-ban lists, so the UFLPA rule reports its own for review.
    CHECK(screened.decisions["S-NODATE"] == (name == "uflpa" ? REVIEW : CLEAR));
    CHECK(screened.decisions["S-SAME"] == HOLD);
    if (name == "uflpa") {
      const scores::ShipmentScore& nodate = screened.shipments["S-NODATE"];
      REQUIRE(nodate.hits_size() == 1);
      CHECK(nodate.hits(0).evidence(0).uncorroborated_name());
      CHECK(nodate.hits(0).evidence(0).weight() <= 45);
    }
  }
}

// From a review, 2026-12-07 (finding 1): a party's birth date not written YYYY[-MM[-DD]] was
// taken as written and its first four characters read as a year, so LI, Fangwei (OFAC SDN 11447,
// DOB 18 Sep 1972, a short Chinese name) with his own birth date written day first "conflicted"
// (year 18) and was cleared, with no data problem. Such a date is unknown: the same decision as
// no birth date, and a data problem naming the entity, the column and the value.
TEST_CASE("A party's birth date not written YYYY-MM-DD is a data problem, not a contradiction",
          "[names][screen][load]") {
  const char* world = R"(
INSERT INTO list_source (list_id, version) VALUES ('wl', 'test');
INSERT INTO list_entry (list_id, entry_id, kind, name, programs, country, birth_date) VALUES
  ('wl', '11447', 'person', 'LI, Fangwei', 'NPWMD', 'CN', '1972-09-18');
INSERT INTO entity (entity_id, kind, name, country, birth_date) VALUES
  ('E-ISO', 'person', 'LI Fangwei', 'CN', '1972-09-18'),
  ('E-NONE', 'person', 'LI Fangwei', 'CN', NULL),
  ('E-SLASH', 'person', 'LI Fangwei', 'CN', '18/09/1972'),
  ('E-DOTS', 'person', 'LI Fangwei', 'CN', '18.09.1972'),
  ('E-YMD', 'person', 'LI Fangwei', 'CN', '1972/09/18'),
  ('E-US', 'person', 'LI Fangwei', 'CN', '09-18-1972');
INSERT INTO shipment (shipment_id, destination_country) VALUES
  ('S-ISO', 'KZ'), ('S-NONE', 'KZ'), ('S-SLASH', 'KZ'), ('S-DOTS', 'KZ'), ('S-YMD', 'KZ'),
  ('S-US', 'KZ');
INSERT INTO shipment_party VALUES
  ('S-ISO', 'E-ISO', 'consignee'), ('S-NONE', 'E-NONE', 'consignee'),
  ('S-SLASH', 'E-SLASH', 'consignee'), ('S-DOTS', 'E-DOTS', 'consignee'),
  ('S-YMD', 'E-YMD', 'consignee'), ('S-US', 'E-US', 'consignee');
)";
  Screened screened =
      ScreenWith(world, R"(rule { id: "sdn" description: "d" category: SECONDARY_SANCTIONS
  weight: 95 decision_floor: BLOCK listed_party { lists: ["wl"] } })");
  CHECK(screened.decisions["S-ISO"] == BLOCK);
  CHECK(screened.decisions["S-NONE"] == REVIEW);
  CHECK(screened.shipments["S-NONE"].problems_size() == 0);
  const std::map<std::string, std::string> written = {{"S-SLASH", "18/09/1972"},
                                                      {"S-DOTS", "18.09.1972"},
                                                      {"S-YMD", "1972/09/18"},
                                                      {"S-US", "09-18-1972"}};
  for (const auto& [shipment_id, date] : written) {
    const scores::ShipmentScore& shipment = screened.shipments[shipment_id];
    INFO(shipment_id << " score " << shipment.score() << ": " << screened.summaries[shipment_id]);
    // Before: S-SLASH and S-DOTS cleared (year 18 "conflicts"), S-YMD reviewed on "within a year".
    CHECK(shipment.decision() == screened.decisions["S-NONE"]);
    CHECK(shipment.score() == screened.shipments["S-NONE"].score());
    const std::string entity_id = "E" + shipment_id.substr(1);
    std::string summary = screened.summaries[shipment_id];
    if (summary.find(entity_id) != std::string::npos) {
      summary.replace(summary.find(entity_id), entity_id.size(), "E-NONE");
    }
    CHECK(summary == screened.summaries["S-NONE"]);
    REQUIRE(shipment.problems_size() == 1);
    CHECK(shipment.problems(0).table() == "entity");
    CHECK(shipment.problems(0).row_id() == entity_id);
    CHECK(shipment.problems(0).column() == "birth_date");
    CHECK(shipment.problems(0).message() == "not an ISO 8601 date: '" + date + "'");
  }
}

// From a review, 2026-12-07 (finding 2): a listed birth-date range was compared by its first
// year, so KIM, Jong Sik born inside his listed range was cleared (1969) or only reviewed (1967,
// 1968), and LI, Shangfu born in his listed month reviewed. The values are the lists' own as
// imported (SDN 23214 "DOB 1967 to 1969", SDN 24838 "DOB Feb 1958", UN 6908643 "1967/1969").
TEST_CASE("A party born inside a listed birth-date range is corroborated, outside it cleared",
          "[names][screen]") {
  const char* world = R"(
INSERT INTO list_source (list_id, version) VALUES ('wl', 'test');
INSERT INTO list_entry (list_id, entry_id, kind, name, programs, birth_date) VALUES
  ('wl', '23214', 'person', 'KIM, Jong Sik', 'DPRK3', NULL),
  ('wl', '24838', 'person', 'LI, Shangfu', 'CAATSA - RUSSIA', NULL),
  ('wl', '6908643', 'person', 'KIM JONG SIK', 'DPRK', NULL);
INSERT INTO list_attribute (list_id, entry_id, key, value) VALUES
  ('wl', '23214', 'birth_date', '1967-01-01/1969-12-31'),
  ('wl', '24838', 'birth_date', '1958-02-01/1958-02-28'),
  ('wl', '6908643', 'birth_date', '1967/1969');
INSERT INTO entity (entity_id, kind, name, birth_date) VALUES
  ('E-K67', 'person', 'KIM Jong Sik', '1967-05-01'),
  ('E-K68', 'person', 'KIM Jong Sik', '1968-05-01'),
  ('E-K69', 'person', 'KIM Jong Sik', '1969-05-01'),
  ('E-K75', 'person', 'KIM Jong Sik', '1975-05-01'),
  ('E-L1', 'person', 'LI Shangfu', '1958-02'),
  ('E-L2', 'person', 'LI Shangfu', '1958-02-15'),
  ('E-L3', 'person', 'LI Shangfu', '1962-02-15');
INSERT INTO shipment (shipment_id, destination_country) VALUES
  ('S-K67', 'KZ'), ('S-K68', 'KZ'), ('S-K69', 'KZ'), ('S-K75', 'KZ'), ('S-L1', 'KZ'),
  ('S-L2', 'KZ'), ('S-L3', 'KZ');
INSERT INTO shipment_party VALUES
  ('S-K67', 'E-K67', 'consignee'), ('S-K68', 'E-K68', 'consignee'),
  ('S-K69', 'E-K69', 'consignee'), ('S-K75', 'E-K75', 'consignee'),
  ('S-L1', 'E-L1', 'consignee'), ('S-L2', 'E-L2', 'consignee'), ('S-L3', 'E-L3', 'consignee');
)";
  Screened screened =
      ScreenWith(world, R"(rule { id: "sdn" description: "d" category: SECONDARY_SANCTIONS
  weight: 95 decision_floor: BLOCK listed_party { lists: ["wl"] } })");
  for (const auto& [id, summary] : screened.summaries) INFO(id << ": " << summary);
  // Before: S-K67 and S-K68 reviewed ("within a year"), S-K69 cleared ("conflicts"), S-L2
  // reviewed while the coarser S-L1 blocked.
  for (const char* id : {"S-K67", "S-K68", "S-K69", "S-L1", "S-L2"}) {
    INFO(id << ": " << screened.summaries[id]);
    CHECK(screened.decisions[id] == BLOCK);
    CHECK(screened.summaries[id].find("conflicts") == std::string::npos);
  }
  CHECK(screened.decisions["S-K75"] == CLEAR);
  CHECK(screened.decisions["S-L3"] == CLEAR);
}

// From a review, 2026-12-07 (finding 3): a party whose name is empty or unusable (only a legal
// form, "-") was never searched, so the registration number that decides a match "whatever the
// names" (docs/matching.md) was never looked up: SBER VOSTOK LLP's number (SDN 36427,
// Registration Number 110140012405, Kazakhstan) blocked when the party was named "N/A" and only
// reviewed as unscreenable when it was named "", "LLP" or "-".
TEST_CASE("A party with no usable name is still found by an identifier that decides",
          "[names][screen]") {
  const char* world = R"(
INSERT INTO list_source (list_id, version) VALUES ('wl', 'test');
INSERT INTO list_entry (list_id, entry_id, kind, name, programs, country) VALUES
  ('wl', '36427', 'company', 'SBER VOSTOK LIMITED LIABILITY PARTNERSHIP', 'RUSSIA-EO14024', 'KZ'),
  ('wl', '9187629', 'vessel', 'OCEAN STAR', 'IRAN', NULL);
INSERT INTO list_alias (list_id, entry_id, name) VALUES ('wl', '36427', 'SBER VOSTOK LLP');
INSERT INTO list_identifier (list_id, entry_id, id_type, number, country) VALUES
  ('wl', '36427', 'registration', '110140012405', 'KZ'),
  ('wl', '9187629', 'imo', '9187629', NULL);
INSERT INTO entity (entity_id, kind, name, country, registration_id, imo) VALUES
  ('E-NA', 'company', 'N/A', 'KZ', '110140012405', NULL),
  ('E-EMPTY', 'company', '', 'KZ', '110140012405', NULL),
  ('E-LLP', 'company', 'LLP', 'KZ', '110140012405', NULL),
  ('E-DASH', 'company', '-', 'KZ', '110140012405', NULL),
  ('E-SHIP', 'vessel', '  ', NULL, NULL, 'IMO 9187629'),
  ('E-OTHER', 'company', 'LLP', 'RU', '110140012405', NULL),
  ('E-NONE', 'company', '', 'KZ', NULL, NULL);
INSERT INTO shipment (shipment_id, destination_country) VALUES
  ('S-NA', 'KZ'), ('S-EMPTY', 'KZ'), ('S-LLP', 'KZ'), ('S-DASH', 'KZ'), ('S-SHIP', 'KZ'),
  ('S-OTHER', 'KZ'), ('S-NONE', 'KZ');
INSERT INTO shipment_party VALUES
  ('S-NA', 'E-NA', 'consignee'), ('S-EMPTY', 'E-EMPTY', 'consignee'),
  ('S-LLP', 'E-LLP', 'consignee'), ('S-DASH', 'E-DASH', 'consignee'),
  ('S-SHIP', 'E-SHIP', 'consignee'), ('S-OTHER', 'E-OTHER', 'consignee'),
  ('S-NONE', 'E-NONE', 'consignee');
)";
  Screened screened =
      ScreenWith(world, R"(rule { id: "sdn" description: "d" category: SECONDARY_SANCTIONS
  weight: 95 decision_floor: BLOCK listed_party { lists: ["wl"] } })");
  CHECK(screened.decisions["S-NA"] == BLOCK);
  // Before: REVIEW (unscreenable), with no evidence naming the listed entry.
  for (const char* id : {"S-EMPTY", "S-LLP", "S-DASH", "S-SHIP"}) {
    INFO(id << ": " << screened.summaries[id]);
    CHECK(screened.decisions[id] == BLOCK);
    CHECK(screened.summaries[id].find(std::string(id) == "S-SHIP"
                                          ? "wl entry 9187629"
                                          : "wl entry 36427") != std::string::npos);
    CHECK(screened.summaries[id].find("decided by a unique identifier") != std::string::npos);
  }
  // A registration number decides only in its own country; without a name or a deciding
  // identifier the party stays unscreenable: it cannot be cleared, nor is it blocked.
  CHECK(screened.decisions["S-OTHER"] == REVIEW);
  CHECK(screened.summaries["S-OTHER"].find("36427") == std::string::npos);
  CHECK(screened.decisions["S-NONE"] == REVIEW);
}

}  // namespace
}  // namespace corridor
