// The security_incident rule kind: distance, window, region fallback, targeting, evidence, bad
// configuration; the incident index against a plain scan; the gazetteer; screening with and
// without the incident table and the optional leg coordinates.
#include <catch2/catch.hpp>
#include <cmath>
#include <random>

#include "engine/base/strings.h"
#include "engine/config/rule_set.h"
#include "engine/incidents/geo.h"
#include "engine/incidents/incidents.h"
#include "engine/screen/screen_run.h"
#include "tests/test_util.h"

namespace corridor {
namespace {

using testing::MakeDatabase;
using testing::MakeRules;
using testing::TempDir;

constexpr double kKmPerDegree = 6371.0 * M_PI / 180.0;

class FakeResources : public RunResources {
 public:
  FakeResources(std::vector<SecurityIncident> incidents, std::string as_of)
      : incidents_(std::move(incidents)), as_of_(std::move(as_of)) {}
  Status Ownership(const OwnershipWorld** world) override {
    *world = nullptr;
    return Status::Error("no ownership in this test");
  }
  Status SecurityIncidents(const std::vector<SecurityIncident>** incidents) override {
    *incidents = &incidents_;
    return Status::Ok();
  }
  const std::string& as_of() const override { return as_of_; }
  Database* input() override { return nullptr; }

 private:
  std::vector<SecurityIncident> incidents_;
  std::string as_of_;
};

SecurityIncident MakeIncident(const std::string& id, const std::string& date,
                              std::optional<double> lat, std::optional<double> lon, int severity,
                              OptionalText region = std::string("PK-KP"),
                              std::vector<std::string> targets = {},
                              std::vector<std::string> nationalities = {}) {
  SecurityIncident incident;
  incident.incident_id = id;
  incident.event_date = date;
  incident.day = *DayNumber(date);
  incident.country = "PK";
  incident.region = region;
  incident.location_name = "Place " + id;
  incident.latitude = lat;
  incident.longitude = lon;
  incident.kind = "Explosions/Remote violence";
  incident.severity = severity;
  incident.fatalities = severity;
  incident.targets = std::move(targets);
  incident.target_nationalities = std::move(nationalities);
  incident.source = "Test Wire, " + date;
  return incident;
}

ShipmentLeg Leg(int64_t seq, OptionalText name, OptionalText country, OptionalText region,
                std::optional<double> lat = std::nullopt,
                std::optional<double> lon = std::nullopt) {
  ShipmentLeg leg;
  leg.seq = seq;
  leg.location_name = name;
  leg.country = country;
  leg.region = region;
  leg.latitude = lat;
  leg.longitude = lon;
  return leg;
}

ShipmentParty Party(const std::string& role, const std::string& id, OptionalText country) {
  Entity entity;
  entity.entity_id = id;
  entity.kind = "company";
  entity.name = "Company " + id;
  entity.country = country;
  return ShipmentParty{id, role, std::make_shared<const Entity>(entity)};
}

const char* kGazetteer =
    "# test places\n"
    "name,alternate_names,country,region,latitude,longitude,source\n"
    "Besham,Besham Qila,PK,PK-KP,34.92,72.87,test\n"
    "Khorgos,Horgos,CN,CN-XJ,44.21,80.42,test\n"
    "Khorgos,,KZ,KZ-33,44.20,80.33,test\n";

// One security_incident rule (the text inside `security_incident { ... }`), prepared against
// `incidents` as of 2025-01-01.
class SecurityRule {
 public:
  SecurityRule(const std::string& config, std::vector<SecurityIncident> incidents,
               double weight = 80)
      : resources_(std::move(incidents), "2025-01-01") {
    std::string text =
        std::string(testing::kTestScoring) +
        "rule { id: \"s\" description: \"d\" category: SECURITY weight: " + FormatNumber(weight) +
        "\n  security_incident { " + config + " } }\n";
    std::string folder = MakeRules(dir_, {{"a.textproto", text}, {"ref/g.csv", kGazetteer}});
    Diagnostics diagnostics;
    ok_ = LoadRuleSet(folder, &rule_set_, &diagnostics);
    for (const Diagnostic& d : diagnostics) problems_.push_back(d.ToString());
    if (ok_) prepared_ = rule_set_.rules.at(0).compiled->Prepare(&resources_);
  }

  RuleOutcome Evaluate(const Shipment& shipment) {
    REQUIRE(ok_);
    REQUIRE(prepared_.ok());
    ShipmentContext context{shipment, std::vector<const EntityFacts*>(shipment.parties.size()),
                            "2025-01-01"};
    RuleOutcome outcome;
    rule_set_.rules[0].compiled->Evaluate(context, &outcome);
    return outcome;
  }

  const std::vector<std::string>& problems() const { return problems_; }
  std::string folder() const { return dir_.File("rules"); }

 private:
  TempDir dir_;
  RuleSet rule_set_;
  FakeResources resources_;
  bool ok_ = false;
  Status prepared_;
  std::vector<std::string> problems_;
};

const char* kBase =
    "radius_km: 50 window_days: 365 half_distance_km: 10 half_life_days: 100 "
    "region_fallback_factor: 0.5 targeted_multiplier: 2 gazetteer: \"ref/g.csv\"";

TEST_CASE("security incidents: dates, distances and the severity scale", "[security-incident]") {
  CHECK(*DayNumber("1970-01-01") == 0);
  CHECK(*DayNumber("2025-01-01") - *DayNumber("2024-09-23") == 100);
  CHECK(*DayNumber("2025-12-01") - *DayNumber("2024-03-26") == 615);
  CHECK(*DayNumber("2024-03-01") - *DayNumber("2024-02-28") == 2);  // leap year
  CHECK_FALSE(DayNumber("2024-02-30"));
  CHECK_FALSE(DayNumber("2024-03"));
  CHECK(HaversineKm(0, 0, 0, 1) == Approx(kKmPerDegree).epsilon(1e-9));
  CHECK(HaversineKm(34.92, 72.87, 34.92, 72.87) == 0);
  CHECK(HaversineKm(34.92, 72.87, 35.29, 73.29) == Approx(56.2).margin(0.5));  // Besham-Dasu
  CHECK(HaversineKm(24.86, 67.01, 31.55, 74.34) == Approx(1024).margin(10));   // Karachi-Lahore
  CHECK(HaversineKm(10, 179.9, 10, -179.9) ==
        Approx(0.2 * kKmPerDegree * std::cos(10 * M_PI / 180)).epsilon(1e-3));
  CHECK(DeriveSeverity("Protests", "Peaceful protest", 0) == 1);
  CHECK(DeriveSeverity("Strategic developments", "Arrests", 0) == 1);
  CHECK(DeriveSeverity("Battles", "Armed clash", 0) == 2);
  CHECK(DeriveSeverity("Explosions/Remote violence", "Suicide bomb", 0) == 3);
  CHECK(DeriveSeverity("battles", "armed clash", 2) == 3);
  CHECK(DeriveSeverity("Violence against civilians", "Attack", 5) == 4);
  CHECK(DeriveSeverity("Explosions/Remote violence", "Suicide bomb", 19) == 4);
  CHECK(DeriveSeverity("Explosions/Remote violence", "Suicide bomb", 20) == 5);
  CHECK(DeriveSeverity("Protests", "", 26) == 5);
}

TEST_CASE("security incidents: the grid index finds exactly what a scan finds",
          "[security-incident]") {
  std::mt19937 random(7);
  std::uniform_real_distribution<double> lat(-80, 80), lon(-180, 180), unit(0, 1);
  for (double radius : {1.0, 25.0, 50.0, 300.0}) {
    std::vector<SecurityIncident> incidents;
    for (int i = 0; i < 3000; ++i) {
      // Half spread over the globe, half clustered around a few centres (as on the corridor).
      double a = lat(random), b = lon(random);
      if (i % 2 == 0) {
        a = 30 + (unit(random) - 0.5) * 6;
        b = 70 + (unit(random) - 0.5) * 6;
      }
      incidents.push_back(MakeIncident(std::to_string(i), "2024-01-01", a, b, 3));
    }
    incidents.push_back(
        MakeIncident("no-coordinates", "2024-01-01", std::nullopt, std::nullopt, 3));
    incidents.push_back(MakeIncident("near-pole", "2024-01-01", 89.5, 10, 3));
    incidents.push_back(MakeIncident("antimeridian", "2024-01-01", 10, 179.99, 3));
    IncidentIndex index(&incidents, radius);
    int found = 0;
    for (int q = 0; q < 400; ++q) {
      double a = q % 2 ? lat(random) : 30 + (unit(random) - 0.5) * 6;
      double b = q % 2 ? lon(random) : 70 + (unit(random) - 0.5) * 6;
      if (q % 3 == 0) {  // next to an incident, so that small radii find something too
        const SecurityIncident& near = incidents[static_cast<size_t>(q) % 3000];
        a = *near.latitude + (unit(random) - 0.5) * radius / kKmPerDegree;
        b = *near.longitude + (unit(random) - 0.5) * radius / kKmPerDegree;
      }
      if (q == 0) a = 89.9, b = -170;
      if (q == 1) a = 10, b = -179.99;
      std::vector<NearIncident> fast = index.Near(a, b), slow = index.NearByScan(a, b);
      REQUIRE(fast.size() == slow.size());
      for (size_t i = 0; i < fast.size(); ++i) {
        CHECK(fast[i].incident == slow[i].incident);
        CHECK(fast[i].distance_km == slow[i].distance_km);
        CHECK(fast[i].distance_km <= radius);
      }
      found += static_cast<int>(fast.size());
    }
    CHECK(found > 0);  // the comparison is not vacuous
  }
}

TEST_CASE("security incidents: gazetteer lookups by name and country, and its mistakes",
          "[security-incident]") {
  Gazetteer gazetteer;
  Diagnostics diagnostics;
  REQUIRE(gazetteer.Parse("g.csv", kGazetteer, &diagnostics));
  CHECK(gazetteer.size() == 3);
  CHECK(gazetteer.Find("  besham   QILA ", std::nullopt)->name == "Besham");
  CHECK(gazetteer.Find("Besham", std::string("PK"))->latitude == 34.92);
  CHECK(gazetteer.Find("Besham", std::string("CN")) == nullptr);
  CHECK(gazetteer.Find("Khorgos", std::string("KZ"))->longitude == 80.33);
  CHECK(gazetteer.Find("Khorgos", std::nullopt)->country == "CN");  // first in file order
  CHECK(gazetteer.Find("Horgos", std::string("KZ")) == nullptr);
  CHECK(gazetteer.Find("Dalbandin", std::nullopt) == nullptr);

  Gazetteer bad;
  Diagnostics problems;
  CHECK_FALSE(bad.Parse("bad.csv",
                        "name,alternate_names,country,region,latitude,longitude,source\n"
                        "Sost,,XX,,36.69,74.82,test\n"
                        "Sost,,PK,CN-XJ,36.69,74.82,test\n"
                        "Sost,,PK,PK-GB,96.69,74.82,test\n"
                        "Sost,,PK,PK-GB,36.69,74.82,\n"
                        "Sost,Sust,PK,PK-GB,36.69,74.82,test\n"
                        "Sust,,PK,PK-GB,36.69,74.82,test\n"
                        "Gilgit,,PK\n",
                        &problems));
  std::vector<std::string> lines;
  for (const Diagnostic& d : problems) lines.push_back(d.ToString());
  CHECK(lines == std::vector<std::string>{
                     "bad.csv:2:1: unknown country code \"XX\"",
                     "bad.csv:3:1: not an ISO 3166-2 region of PK: \"CN-XJ\"",
                     "bad.csv:4:1: latitude and longitude must be decimal degrees in range",
                     "bad.csv:5:1: place \"Sost\" names no source",
                     "bad.csv:7:1: name \"Sust\" is already a place in PK",
                     "bad.csv:8:1: expected 7 fields, found 3"});
  Diagnostics header;
  CHECK_FALSE(bad.Parse("h.csv", "place,lat,lon\n", &header));
  REQUIRE(header.size() == 1);
  CHECK(header[0].ToString() ==
        "h.csv:1:1: expected the header "
        "\"name,alternate_names,country,region,latitude,longitude,source\"");
}

TEST_CASE("security incidents: a leg near incidents combines them, with factors as evidence",
          "[security-incident]") {
  double lat = 34.92, lon = 72.87;
  SecurityRule rule(
      kBase, {MakeIncident("A", "2024-09-23", lat, lon, 4),
              MakeIncident("B", "2024-09-23", lat + 10 / kKmPerDegree, lon, 3, std::string("PK-KP"),
                           {"foreign_nationals", "convoy"}, {"CN"}),
              MakeIncident("FAR", "2024-09-23", lat + 60 / kKmPerDegree, lon, 5)});
  Shipment shipment;
  shipment.parties = {Party("consignee", "E2", std::string("PK")),
                      Party("shipper", "E1", std::string("CN"))};
  shipment.legs = {
      Leg(1, std::string("Islamabad"), std::string("PK"), std::string("PK-IS"), 33.69, 73.05),
      Leg(2, std::string("Convoy stop"), std::string("PK"), std::string("PK-KP"), lat, lon)};
  RuleOutcome outcome = rule.Evaluate(shipment);
  REQUIRE(outcome.evidence.size() == 1);
  const scores::Evidence& evidence = outcome.evidence[0];
  // A: 0.85 x 1 x 0.5 = 0.425; B: 0.6 x 0.5 x 0.5 x 2 = 0.3; combined 1 - 0.575 x 0.7 = 0.5975.
  CHECK(evidence.weight() == Approx(80 * 0.5975));
  CHECK(evidence.field() == "leg 2");
  CHECK(evidence.leg().seq() == 2);
  CHECK(evidence.region() == "PK-KP");
  REQUIRE(evidence.incidents_size() == 2);
  CHECK(evidence.incidents(0).incident_id() == "A");
  CHECK(evidence.incidents(0).risk() == Approx(0.425));
  CHECK(evidence.incidents(0).distance_km() == 0);
  CHECK(evidence.incidents(0).age_days() == 100);
  CHECK(evidence.incidents(0).targeted_party().empty());
  CHECK(evidence.incidents(1).incident_id() == "B");
  CHECK(evidence.incidents(1).distance_km() == Approx(10.0));
  CHECK(evidence.incidents(1).risk() == Approx(0.3));
  CHECK(evidence.incidents(1).targeted_party() == "CN: shipper E1");
  CHECK(evidence.incidents(1).targets() == "foreign_nationals; convoy");
  CHECK(evidence.summary() ==
        "leg 2 Convoy stop (PK-KP; leg coordinates 34.92, 72.87): 2 incidents within 50 km in the "
        "last 365 days, combined factor 0.598 x weight 80 = 47.8; 2024-09-23 Place A (PK-KP) "
        "Explosions/Remote violence, 4 killed, 0 km, 100 days ago: risk 0.425 = severity 4 0.85 "
        "x distance 1 x age 0.5 [source: Test Wire, 2024-09-23]; 2024-09-23 Place B (PK-KP) "
        "Explosions/Remote violence, 3 killed, targets foreign_nationals/convoy (CN), 10 km, 100 "
        "days ago: risk 0.3 = severity 3 0.6 x distance 0.5 x age 0.5 x targeted 2 (CN: shipper "
        "E1) [source: Test Wire, 2024-09-23]");
}

TEST_CASE("security incidents: near misses outside the radius and the window",
          "[security-incident]") {
  double lat = 34.92, lon = 72.87;
  auto evidence_for = [&](SecurityIncident incident) {
    SecurityRule rule(kBase, {std::move(incident)});
    Shipment shipment;
    shipment.legs = {
        Leg(1, std::string("Stop"), std::string("PK"), std::string("PK-KP"), lat, lon)};
    return rule.Evaluate(shipment).evidence.size();
  };
  CHECK(evidence_for(MakeIncident("in", "2024-09-23", lat + 49.5 / kKmPerDegree, lon, 5)) == 1);
  CHECK(evidence_for(MakeIncident("out", "2024-09-23", lat + 50.5 / kKmPerDegree, lon, 5)) == 0);
  // The window is as_of - 365 days .. as_of (2025-01-01), both ends included.
  CHECK(evidence_for(MakeIncident("first day", "2024-01-02", lat, lon, 5)) == 1);
  CHECK(evidence_for(MakeIncident("too old", "2024-01-01", lat, lon, 5)) == 0);
  CHECK(evidence_for(MakeIncident("as of", "2025-01-01", lat, lon, 5)) == 1);
  CHECK(evidence_for(MakeIncident("after as of", "2025-01-02", lat, lon, 5)) == 0);
  // Same region but placed legs and incidents meet by distance only.
  CHECK(evidence_for(MakeIncident("same region, far", "2024-09-23", lat + 1, lon, 5)) == 0);
}

TEST_CASE("security incidents: legs without a place fall back to their region",
          "[security-incident]") {
  std::vector<SecurityIncident> incidents = {
      MakeIncident("KP", "2024-09-23", 34.92, 72.87, 4),
      MakeIncident("KP-unplaced", "2024-09-23", std::nullopt, std::nullopt, 3),
      MakeIncident("BA", "2024-09-23", 30.18, 66.99, 5, std::string("PK-BA"))};
  SecurityRule rule(kBase, incidents);
  Shipment shipment;
  shipment.legs = {
      // Unplaced (no coordinates, unknown name): every incident of its region, at factor 0.5.
      Leg(1, std::string("Alpuri"), std::string("PK"), std::string("PK-KP")),
      // Placed by the gazetteer: the incident at Besham by distance, the unplaced one by region.
      Leg(2, std::string("besham"), std::string("PK"), std::string("PK-KP")),
      // A gazetteer name in another country does not place the leg; no region: nothing.
      Leg(3, std::string("Besham"), std::string("CN"), std::nullopt),
      // Placed far from everything in PK-BA: the placed incident there is too far.
      Leg(4, std::string("Gwadar"), std::string("PK"), std::string("PK-BA"), 25.12, 62.33)};
  RuleOutcome outcome = rule.Evaluate(shipment);
  REQUIRE(outcome.evidence.size() == 2);
  const scores::Evidence& unplaced = outcome.evidence[0];
  CHECK(unplaced.field() == "leg 1");
  REQUIRE(unplaced.incidents_size() == 2);
  CHECK(unplaced.incidents(0).incident_id() == "KP");
  CHECK(unplaced.incidents(0).distance_km() == -1);
  CHECK(unplaced.incidents(0).risk() == Approx(0.85 * 0.5 * 0.5).margin(0.0005));  // 3 decimals
  CHECK(unplaced.incidents(1).risk() == Approx(0.6 * 0.5 * 0.5));
  CHECK(
      unplaced.summary().find("(PK-KP; not placed, region match only): 2 incidents in its region "
                              "in the last 365 days, combined factor 0.331 x weight 80 = 26.45") !=
      std::string::npos);
  CHECK(unplaced.summary().find("same region, 100 days ago: risk 0.212 = severity 4 0.85 x region "
                                "0.5 x age 0.5") != std::string::npos);
  const scores::Evidence& placed = outcome.evidence[1];
  CHECK(placed.field() == "leg 2");
  REQUIRE(placed.incidents_size() == 2);
  CHECK(placed.incidents(0).incident_id() == "KP");
  CHECK(placed.incidents(0).distance_km() == 0);
  CHECK(placed.incidents(1).incident_id() == "KP-unplaced");
  CHECK(placed.incidents(1).distance_km() == -1);
  CHECK(placed.summary().find("gazetteer \"Besham\" 34.92, 72.87): 2 incidents within 50 km or in "
                              "its region") != std::string::npos);

  SecurityRule no_fallback(
      "radius_km: 50 window_days: 365 half_distance_km: 10 half_life_days: 100", incidents);
  Shipment unplaced_only;
  unplaced_only.legs = {Leg(1, std::string("Besham"), std::string("PK"), std::string("PK-KP"))};
  CHECK(no_fallback.Evaluate(unplaced_only).evidence.empty());  // no gazetteer, no fallback
}

TEST_CASE("security incidents: targeting a party's nationality or foreign nationals",
          "[security-incident]") {
  double lat = 34.92, lon = 72.87;
  std::vector<SecurityIncident> incidents = {
      MakeIncident("CN", "2024-09-23", lat, lon, 3, std::string("PK-KP"), {"foreign_nationals"},
                   {"CN"}),
      MakeIncident("FOREIGN", "2024-09-23", lat, lon, 3, std::string("PK-KP"),
                   {"foreign_nationals"})};
  SecurityRule rule(kBase + std::string(" max_incidents_listed: 1"), incidents);
  auto risks = [&](std::vector<ShipmentParty> parties) {
    Shipment shipment;
    shipment.parties = std::move(parties);
    shipment.legs = {
        Leg(1, std::string("Stop"), std::string("PK"), std::string("PK-KP"), lat, lon)};
    RuleOutcome outcome = rule.Evaluate(shipment);
    REQUIRE(outcome.evidence.size() == 1);
    REQUIRE(outcome.evidence[0].incidents_size() == 1);  // max_incidents_listed
    CHECK(outcome.evidence[0].summary().find("; and 1 more") != std::string::npos);
    return std::make_pair(outcome.evidence[0].incidents(0).targeted_party(),
                          outcome.evidence[0].weight());
  };
  // Pakistani parties: the attacks were on foreigners; 0.3 each, 1 - 0.7^2 = 0.51.
  CHECK(risks({Party("shipper", "P", std::string("PK"))}) ==
        std::make_pair(std::string(""), 80 * 0.51));
  // A Kazakh party: foreign to Pakistan, so the attack on foreign nationals counts double, the
  // one on Chinese nationals does not: 1 - 0.7 x 0.4 = 0.72.
  auto kazakh = risks({Party("consignee", "K", std::string("KZ"))});
  CHECK(kazakh.first == "foreign nationals: consignee K (KZ)");
  CHECK(kazakh.second == Approx(80 * 0.72));
  // A Chinese party: both double: 1 - 0.4^2 = 0.84.
  auto chinese =
      risks({Party("shipper", "P", std::string("PK")), Party("end_user", "C", std::string("CN"))});
  CHECK(chinese.first == "CN: end_user C");
  CHECK(chinese.second == Approx(80 * 0.84));
}

TEST_CASE("security incidents: noise floor and country filter", "[security-incident]") {
  double lat = 34.92, lon = 72.87;
  std::vector<SecurityIncident> incidents = {MakeIncident("weak", "2024-09-23", lat, lon, 1)};
  Shipment shipment;
  shipment.legs = {Leg(1, std::string("Stop"), std::string("PK"), std::string("PK-KP"), lat, lon)};
  // Severity 1 at 100 days: 0.1 x 0.5 = 0.05.
  CHECK(SecurityRule(kBase + std::string(" min_factor: 0.05"), incidents)
            .Evaluate(shipment)
            .evidence.size() == 1);
  CHECK(SecurityRule(kBase + std::string(" min_factor: 0.06"), incidents)
            .Evaluate(shipment)
            .evidence.empty());
  CHECK(SecurityRule(kBase + std::string(" countries: [\"KZ\"]"), incidents)
            .Evaluate(shipment)
            .evidence.empty());
  CHECK(SecurityRule(kBase + std::string(" regions: [\"PK-KP\"]"), incidents)
            .Evaluate(shipment)
            .evidence.size() == 1);
  CHECK(SecurityRule(kBase + std::string(" severity_weights: [0, 0, 0, 0, 0]"), incidents)
            .Evaluate(shipment)
            .evidence.empty());
}

TEST_CASE("security incidents: configuration mistakes at file:line:col", "[security-incident]") {
  SecurityRule rule(R"(
    radius_km: 0
    window_days: -5
    half_distance_km: 10
    half_life_days: 10
    severity_weights: [0.1, 0.2]
    region_fallback_factor: 1.5
    targeted_multiplier: 0.5
    countries: ["XX"]
    min_factor: 1
    gazetteer: "missing.csv")",
                    {});
  std::string file = rule.folder() + "/a.textproto:";
  CHECK(rule.problems() ==
        std::vector<std::string>{
            file + "7:5: radius_km must be above 0", file + "8:5: window_days must be above 0",
            file + "11:5: severity_weights needs exactly five values (severity 1 to 5), found 2",
            file + "12:5: region_fallback_factor must be between 0 and 1",
            file + "13:5: targeted_multiplier must be at least 1",
            file + "14:5: unknown country code \"XX\"",
            file + "15:5: min_factor must be at least 0 and below 1",
            file + "16:5: cannot read gazetteer \"missing.csv\""});

  SecurityRule weights(
      "radius_km: 5 window_days: 5 half_distance_km: 1 half_life_days: 1 "
      "severity_weights: [0.1, 0.2, 1.5, 0.3, 0.4] targeted_multiplier: 11",
      {});
  std::string at = weights.folder() + "/a.textproto:6:";
  CHECK(weights.problems() ==
        std::vector<std::string>{at + "118: severity weight must be between 0 and 1, got 1.5",
                                 at + "133: targeted_multiplier must be at most 10"});

  SecurityRule bad_gazetteer(
      "radius_km: 5 window_days: 5 half_distance_km: 1 half_life_days: 1 gazetteer: "
      "\"a.textproto\"",
      {});
  REQUIRE(bad_gazetteer.problems().size() == 1);
  CHECK(bad_gazetteer.problems()[0] ==
        bad_gazetteer.folder() +
            "/a.textproto:1:1: expected the header "
            "\"name,alternate_names,country,region,latitude,longitude,source\"");
}

// Screening runs: the incident table and the leg coordinates are optional until a security rule
// needs them.
struct Run {
  Status status;
  std::map<std::string, scores::ShipmentScore> shipments;
};

Run Screen(const TempDir& dir, const std::string& db, const std::string& rules_text) {
  std::string rules = MakeRules(
      dir,
      {{"r.textproto", std::string(testing::kTestScoring) + rules_text}, {"g.csv", kGazetteer}});
  ScreenOptions options;
  options.db_path = db;
  options.rules_dir = rules;
  options.out_path = dir.File("out.scores");
  options.as_of = "2025-01-01";
  ScreenReport report;
  Run run;
  run.status = RunScreen(options, &report);
  if (!run.status.ok()) return run;
  std::unique_ptr<ScoreReader> reader;
  REQUIRE(ScoreReader::Open(options.out_path, &reader).ok());
  scores::ScoreRecord record;
  while (reader->Next(&record)) {
    if (record.has_shipment()) run.shipments[record.shipment().shipment_id()] = record.shipment();
  }
  return run;
}

const char* kSecurityRule = R"(rule { id: "sec" description: "d" category: SECURITY weight: 80
  security_incident { radius_km: 50 window_days: 365 half_distance_km: 10 half_life_days: 100
                      targeted_multiplier: 2 gazetteer: "g.csv" } }
)";
const char* kRouteRule = R"(rule { id: "route" description: "d" category: SECURITY weight: 10
  route { regions: ["PK-KP"] } }
)";

// A database as schema version 1 made it before the security additions: no security_incident
// table, shipment_leg without latitude and longitude.
std::string OldDatabase(const TempDir& dir) {
  std::string path = dir.File("old.db");
  std::unique_ptr<Database> db;
  REQUIRE(Database::OpenWritable(path, &db).ok());
  std::string schema = InputSchemaSql();
  schema = schema.substr(0, schema.find("-- Security incidents along the routes"));
  size_t coordinates = schema.find("  arrived_on    TEXT,");
  REQUIRE(coordinates != std::string::npos);
  size_t close = schema.find(");", coordinates);
  schema.replace(coordinates, close - coordinates, "  arrived_on TEXT\n");
  REQUIRE(db->Execute(schema).ok());
  REQUIRE(db->Execute("INSERT INTO shipment (shipment_id, destination_country) VALUES ('S1', 'PK');"
                      "INSERT INTO shipment_leg (shipment_id, seq, location_name, country, region)"
                      " VALUES ('S1', 1, 'Besham', 'PK', 'PK-KP');")
              .ok());
  bool has_table = true;
  REQUIRE(db->HasTable("security_incident", &has_table).ok());
  REQUIRE_FALSE(has_table);
  return path;
}

TEST_CASE("security incidents: an old database screens without them unless a rule needs them",
          "[security-incident]") {
  TempDir dir;
  std::string db = OldDatabase(dir);
  Run plain = Screen(dir, db, kRouteRule);
  REQUIRE(plain.status.ok());
  CHECK(plain.shipments.at("S1").hits(0).rule_id() == "route");
  Run security = Screen(dir, db, kSecurityRule);
  CHECK(security.status.message() ==
        "rule \"sec\" (security_incident): " + db +
            ": table 'security_incident' is missing (create it and load incidents with `corridor "
            "import-incidents`, docs/incidents.md)");
}

TEST_CASE("security incidents: screening reads incidents and leg coordinates from the database",
          "[security-incident]") {
  TempDir dir;
  std::string db = MakeDatabase(dir, R"(
INSERT INTO entity (entity_id, kind, name, country) VALUES ('C', 'company', 'Sino Hydro', 'CN');
INSERT INTO shipment (shipment_id, destination_country) VALUES ('S1', 'PK'), ('S2', 'PK'), ('S3', 'PK');
INSERT INTO shipment_party VALUES ('S1', 'C', 'shipper');
INSERT INTO shipment_leg (shipment_id, seq, location_name, country, region, latitude, longitude) VALUES
  ('S1', 1, 'Besham', 'PK', 'PK-KP', NULL, NULL),
  ('S2', 1, 'Camp 7', 'PK', 'PK-KP', 34.92, 72.87),
  ('S3', 1, 'Camp 8', 'PK', 'PK-KP', 35.92, 72.87),
  ('S3', 2, 'Camp 9', 'PK', 'PK-KP', 95, 72.87);
INSERT INTO security_incident (incident_id, event_date, country, region, location_name, latitude,
  longitude, kind, sub_kind, severity, fatalities, targets, target_nationality, source) VALUES
  ('I1', '2024-09-23', 'PK', 'PK-KP', 'Besham', 34.92, 72.87, 'Explosions/Remote violence',
   'Suicide bomb', 4, 7, 'foreign_nationals;convoy', 'CN', 'Test Wire'),
  ('I2', 'last week', 'PK', 'PK-KP', 'Besham', 34.92, 72.87, 'Battles', NULL, 2, 0, NULL, NULL, NULL);
)");
  Run run = Screen(dir, db, kSecurityRule);
  REQUIRE(run.status.ok());
  // S1 placed by the gazetteer, with a Chinese party: 0.85 x 0.5 x 2 = 0.85.
  REQUIRE(run.shipments.at("S1").hits_size() == 1);
  CHECK(run.shipments.at("S1").hits(0).weight() == Approx(80 * 0.85));
  // S2 by its own coordinates, no party: 0.425.
  REQUIRE(run.shipments.at("S2").hits_size() == 1);
  CHECK(run.shipments.at("S2").hits(0).weight() == Approx(80 * 0.425));
  CHECK(run.shipments.at("S2").hits(0).evidence(0).summary().find("leg coordinates") !=
        std::string::npos);
  // S3's first leg is 111 km north; its second has a latitude out of range (a data problem).
  CHECK(run.shipments.at("S3").hits_size() == 0);
  REQUIRE(run.shipments.at("S3").problems_size() == 1);
  CHECK(run.shipments.at("S3").problems(0).message() == "coordinates out of range: 95, 72.87");
}

}  // namespace
}  // namespace corridor
