// Each rule kind on hand-made shipments: its hits, its near misses and its evidence.
#include <catch2/catch.hpp>

#include "engine/config/rule_set.h"
#include "engine/rules/matchers.h"
#include "engine/rules/reference_table.h"
#include "tests/test_util.h"

namespace corridor {
namespace {

using testing::kTestScoring;
using testing::MakeRules;
using testing::TempDir;

// Loads one rule (text of a `rule { ... }` block plus any reference data) and evaluates it.
class OneRule {
 public:
  explicit OneRule(const std::string& text, std::map<std::string, std::string> extra_files = {}) {
    extra_files["a.textproto"] = std::string(kTestScoring) + text;
    Diagnostics diagnostics;
    std::string folder = MakeRules(dir_, extra_files);
    ok_ = LoadRuleSet(folder, &rule_set_, &diagnostics);
    for (const Diagnostic& d : diagnostics) problems_.push_back(d.ToString());
  }

  RuleOutcome Evaluate(const Shipment& shipment, std::vector<const EntityFacts*> facts = {}) {
    REQUIRE(ok_);
    REQUIRE(rule_set_.rules.size() == 1);
    if (facts.empty()) facts.resize(shipment.parties.size(), nullptr);
    ShipmentContext context{shipment, facts, "2025-01-01"};
    RuleOutcome outcome;
    rule_set_.rules[0].compiled->Evaluate(context, &outcome);
    return outcome;
  }

  const std::vector<std::string>& problems() const { return problems_; }

 private:
  TempDir dir_;
  RuleSet rule_set_;
  bool ok_ = false;
  std::vector<std::string> problems_;
};

Entity MakeEntity(const std::string& id, const std::string& name, OptionalText country,
                  OptionalText region = std::nullopt) {
  Entity entity;
  entity.entity_id = id;
  entity.kind = "company";
  entity.name = name;
  entity.country = country;
  entity.region = region;
  return entity;
}

ShipmentParty MakeParty(const std::string& role, Entity entity) {
  return ShipmentParty{entity.entity_id, role, std::make_shared<const Entity>(entity)};
}

ShipmentLeg MakeLeg(int64_t seq, OptionalText name, OptionalText country, OptionalText region,
                    OptionalText kind = std::string("inland")) {
  ShipmentLeg leg;
  leg.seq = seq;
  leg.location_name = name;
  leg.country = country;
  leg.region = region;
  leg.kind = kind;
  return leg;
}

ShipmentItem MakeItem(int64_t line, OptionalText hs_code,
                      OptionalText origin_region = std::nullopt) {
  ShipmentItem item;
  item.line = line;
  item.hs_code = hs_code;
  item.origin_region = origin_region;
  return item;
}

std::vector<std::string> Summaries(const RuleOutcome& outcome) {
  std::vector<std::string> lines;
  for (const auto& evidence : outcome.evidence) lines.push_back(evidence.summary());
  return lines;
}

TEST_CASE("jurisdiction: party, destination and leg subjects, regions before countries",
          "[rule-kinds]") {
  OneRule rule(R"(
country_group { name: "embargo" source: "test" countries: ["IR", "KP"] regions: ["UA-43"] }
rule { id: "j" description: "d" category: SECONDARY_SANCTIONS weight: 90
  jurisdiction { subjects: [PARTY, DESTINATION, LEG] roles: ["consignee"] country_groups: "embargo" } }
)");
  Shipment shipment;
  shipment.shipment_id = "S";
  shipment.destination_country = "UA";
  shipment.destination_region = "UA-43";
  shipment.parties = {MakeParty("consignee", MakeEntity("E1", "Zahedan Trading", "IR")),
                      MakeParty("shipper", MakeEntity("E2", "Pyongyang Co", "KP"))};
  shipment.legs = {MakeLeg(1, "Ningbo", "CN", "CN-ZJ"), MakeLeg(2, "Kerch", "UA", "UA-43")};
  RuleOutcome outcome = rule.Evaluate(shipment);
  CHECK(Summaries(outcome) ==
        std::vector<std::string>{"party consignee country IR is in group embargo",
                                 "destination region UA-43 is in group embargo",
                                 "leg 2 region UA-43 is in group embargo"});
  CHECK(outcome.evidence[0].party().entity_id() == "E1");
  CHECK(outcome.evidence[2].leg().location_name() == "Kerch");
}

TEST_CASE("jurisdiction: a near miss does not hit", "[rule-kinds]") {
  OneRule rule(R"(rule { id: "j" description: "d" category: SECONDARY_SANCTIONS weight: 90
  jurisdiction { subjects: [FINAL_DESTINATION] countries: ["RU"] } })");
  Shipment shipment;
  shipment.destination_country = "RU";  // destination, not final destination
  shipment.final_destination_country = "KZ";
  CHECK(rule.Evaluate(shipment).evidence.empty());
  shipment.final_destination_country = std::nullopt;
  CHECK(rule.Evaluate(shipment).evidence.empty());
}

TEST_CASE("jurisdiction: configuration mistakes", "[rule-kinds]") {
  OneRule rule(R"(rule { id: "j" description: "d" category: SECURITY weight: 9
  jurisdiction { roles: "captain" } })");
  REQUIRE(rule.problems().size() == 2);
  CHECK(rule.problems()[0].find("needs at least one subject") != std::string::npos);
  CHECK(rule.problems()[1].find("unknown role \"captain\"") != std::string::npos);
  OneRule empty(R"(rule { id: "j" description: "d" category: SECURITY weight: 9
  jurisdiction { subjects: [ORIGIN] } })");
  REQUIRE(empty.problems().size() == 1);
  CHECK(empty.problems()[0].find("names no country, region or group") != std::string::npos);
}

TEST_CASE("HS tables match the longest prefix in force, whatever lengths they hold",
          "[rule-kinds]") {
  // Prefixes of 2, 4, 6 and 10 digits, one of them out of force: the lookup skips lengths no
  // prefix has (docs/performance.md, round 7) and must still find each.
  std::map<std::string, rules::CountryGroup> groups;
  std::map<std::string, std::vector<HsEntry>> tables;
  auto entry = [](std::string prefix, std::string tier, int64_t to_day = INT64_MAX) {
    HsEntry e;
    e.prefix = std::move(prefix);
    e.tier = std::move(tier);
    e.to_day = to_day;
    return e;
  };
  tables["t"] = {entry("85", "chapter"), entry("8542", "heading"), entry("854231", "chips"),
                 entry("8542310000", "line"), entry("8471", "old", 0)};
  Diagnostics diagnostics;
  RuleCompileContext context{
      groups,       tables,  FieldLocator("r", nullptr, nullptr, nullptr, SourcePos{"r", 1, 1}),
      &diagnostics, nullptr, nullptr};
  HsPrefixSet set;
  set.AddTable("t", "hs_table", context);
  REQUIRE(diagnostics.empty());
  auto tier = [&](const char* code) -> std::string {
    const HsEntry* found = set.Match(OptionalText(code), "2025-01-01");
    return found != nullptr ? found->tier : "-";
  };
  CHECK(tier("8542310000") == "line");
  CHECK(tier("8542319000") == "chips");
  CHECK(tier("854239") == "heading");
  CHECK(tier("850110") == "chapter");
  CHECK(tier("85") == "chapter");
  CHECK(tier("847130") == "-");  // its heading is out of force, and no chapter 84 row
  CHECK(tier("8") == "-");
  HsPrefixSet inline_only;
  StringList prefixes;
  prefixes.Add("2709");
  prefixes.Add("271012");
  inline_only.AddPrefixes(prefixes, "hs_prefixes", context);
  CHECK(inline_only.Match(OptionalText("27101245"), "2025-01-01")->prefix == "271012");
  CHECK(inline_only.Match(OptionalText("270900"), "2025-01-01")->prefix == "2709");
  CHECK(inline_only.Match(OptionalText("2710"), "2025-01-01") == nullptr);

  DatedHsTable dated;
  auto row = [](std::string hs, std::string from) {
    ReferenceRow r;
    r.fields["hs_code"] = std::move(hs);
    r.effective_from = std::move(from);
    return r;
  };
  dated.Add({row("8542", ""), row("854231", "2024-01-01"), row("88", "")}, "hs_code", context);
  REQUIRE(diagnostics.empty());
  auto dated_prefix = [&](const char* code, const char* as_of) -> std::string {
    const ReferenceRow* found = dated.Match(OptionalText(code), as_of);
    return found != nullptr ? found->Get("hs_code") : "-";
  };
  CHECK(dated_prefix("85423100", "2025-01-01") == "854231");
  CHECK(dated_prefix("85423100", "2023-06-01") == "8542");  // the 6-digit row not yet in force
  CHECK(dated_prefix("880211", "2025-01-01") == "88");
  CHECK(dated_prefix("870000", "2025-01-01") == "-");
}

TEST_CASE("goods: longest prefix, tier weights and floors, destination condition", "[rule-kinds]") {
  OneRule rule(R"(
hs_table { name: "chpl" path: "chpl.csv" source: "test" }
rule { id: "g" description: "d" category: EXPORT_CONTROL weight: 50
  goods { hs_table: "chpl" hs_prefixes: ["85"] destination_countries: ["RU"]
          tiers { tier: "Tier 1" weight: 90 decision_floor: BLOCK } } }
)",
               {{"chpl.csv", "hs_code,tier,description\n854231,Tier 1,processors\n"}});
  Shipment shipment;
  shipment.items = {MakeItem(1, "8542310000"), MakeItem(2, "850440"), MakeItem(3, "0902"),
                    MakeItem(4, std::nullopt)};
  shipment.final_destination_country = "KZ";
  CHECK(rule.Evaluate(shipment).evidence.empty());  // destination condition not met

  shipment.legs = {MakeLeg(1, "Moscow", "RU", std::nullopt)};
  RuleOutcome outcome = rule.Evaluate(shipment);
  REQUIRE(outcome.evidence.size() == 2);
  CHECK(outcome.evidence[0].summary() ==
        "item 1 HS 8542310000 matches 854231 (Tier 1) processors; route leg 1 RU");
  CHECK(outcome.evidence[0].weight() == 90);
  CHECK(outcome.evidence[1].matched_value() == "85");
  CHECK(outcome.evidence[1].weight() == 50);
  CHECK(outcome.floor == BLOCK);
}

TEST_CASE("route: location code, place name, region, and the combination conditions",
          "[rule-kinds]") {
  OneRule rule(R"(rule { id: "r" description: "d" category: EXPORT_CONTROL weight: 30
  route { location_names: ["Khorgos"] locations: ["KZALA"] with_destination_countries: ["RU"]
          leg_kinds: ["border_crossing", "transshipment"] } })");
  Shipment shipment;
  shipment.final_destination_country = "RU";
  ShipmentLeg almaty = MakeLeg(3, "Almaty", "KZ", "KZ-75", "transshipment");
  almaty.location = "KZALA";
  shipment.legs = {MakeLeg(1, "Urumqi", "CN", "CN-XJ"),
                   MakeLeg(2, "KHORGOS", "KZ", "KZ-33", "border_crossing"), almaty,
                   MakeLeg(4, "Khorgos", "KZ", "KZ-33", "inland")};
  CHECK(Summaries(rule.Evaluate(shipment)) ==
        std::vector<std::string>{
            "route leg 2 passes KHORGOS (KZ), matching location name KHORGOS; destination RU",
            "route leg 3 passes Almaty (KZ), matching location KZALA; destination RU"});
  shipment.final_destination_country = "KZ";
  shipment.destination_country = "KZ";
  CHECK(rule.Evaluate(shipment).evidence.empty());
}

TEST_CASE("route: goods condition and bad locations", "[rule-kinds]") {
  OneRule rule(R"(rule { id: "r" description: "d" category: SECURITY weight: 30
  route { regions: ["PK-BA"] with_hs_prefixes: ["8542"] } })");
  Shipment shipment;
  shipment.legs = {MakeLeg(1, "Quetta", "PK", "PK-BA")};
  shipment.items = {MakeItem(1, "940360")};
  CHECK(rule.Evaluate(shipment).evidence.empty());
  shipment.items.push_back(MakeItem(2, "854239"));
  RuleOutcome outcome = rule.Evaluate(shipment);
  REQUIRE(outcome.evidence.size() == 1);
  CHECK(outcome.evidence[0].item().line() == 2);

  OneRule bad(R"(rule { id: "r" description: "d" category: SECURITY weight: 30
  route { locations: ["KHORGOS"] leg_kinds: ["tunnel"] } })");
  REQUIRE(bad.problems().size() == 2);
  CHECK(bad.problems()[0].find("not a UN/LOCODE") != std::string::npos);
  CHECK(bad.problems()[1].find("unknown leg kind \"tunnel\"") != std::string::npos);
}

TEST_CASE("listed_party: filters by list, exclusion, program, role and score", "[rule-kinds]") {
  EntityFacts facts;
  facts.list_matches = {
      {"ofac-sdn", "29299", "XINJIANG PRODUCTION AND CONSTRUCTION CORPS",
       "XINJIANG PRODUCTION AND CONSTRUCTION CORPS", "Xinjiang Production and Construction Corps",
       "name_exact", 1.0, "GLOMAG", "organization", "name 1.00: xinjiang~xinjiang 1.00"},
      {"un-sc", "QDe.1", "SOME ENTRY", "SOME ALIAS", "Xinjiang Production and Construction Corps",
       "name_fuzzy", 0.7, "ISIL", "organization", ""}};
  Shipment shipment;
  shipment.parties = {
      MakeParty("shipper", MakeEntity("E1", "Xinjiang Production and Construction Corps", "CN")),
      MakeParty("carrier", MakeEntity("E2", "Other", "CN"))};
  std::vector<const EntityFacts*> party_facts = {&facts, nullptr};

  OneRule sdn(R"(rule { id: "l" description: "d" category: SECONDARY_SANCTIONS weight: 95
  decision_floor: BLOCK listed_party { lists: ["ofac-sdn"] } })");
  RuleOutcome outcome = sdn.Evaluate(shipment, party_facts);
  REQUIRE(outcome.evidence.size() == 1);
  CHECK(outcome.evidence[0].summary() ==
        "shipper E1 \"Xinjiang Production and Construction Corps\" matches ofac-sdn entry 29299 "
        "\"XINJIANG PRODUCTION AND CONSTRUCTION CORPS\", score 1.00, programs GLOMAG (name 1.00: "
        "xinjiang~xinjiang 1.00)");
  CHECK(outcome.evidence[0].list_match().entry_id() == "29299");

  OneRule others(R"(rule { id: "l" description: "d" category: SECONDARY_SANCTIONS weight: 45
  listed_party { exclude_lists: ["ofac-sdn"] min_score: 0.8 } })");
  CHECK(others.Evaluate(shipment, party_facts).evidence.empty());  // un-sc match scores 0.7

  OneRule programs(R"(rule { id: "l" description: "d" category: SECONDARY_SANCTIONS weight: 45
  listed_party { programs: ["ISIL"] min_score: 0.5 } })");
  outcome = programs.Evaluate(shipment, party_facts);
  REQUIRE(outcome.evidence.size() == 1);
  CHECK(outcome.evidence[0].list_match().matched_name() == "SOME ALIAS");

  OneRule roles(R"(rule { id: "l" description: "d" category: SECONDARY_SANCTIONS weight: 45
  listed_party { roles: ["carrier"] } })");
  CHECK(roles.Evaluate(shipment, party_facts).evidence.empty());
}

}  // namespace
}  // namespace corridor
