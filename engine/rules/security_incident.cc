// Rule kind `security_incident`: a route leg lies near recent security incidents (attacks,
// bombings, clashes) of the input's security_incident table. Incidents are read once per run in
// Prepare(), kept in memory with a grid index; each leg is placed by its own coordinates, else
// by name in the rule's gazetteer, else matched by region. docs/rules.md has the arithmetic.
#include <algorithm>
#include <cmath>
#include <map>
#include <memory>

#include "engine/base/strings.h"
#include "engine/incidents/geo.h"
#include "engine/incidents/incidents.h"
#include "engine/rules/kinds.h"
#include "engine/rules/matchers.h"

namespace corridor {

namespace {

struct SecurityConfig {
  std::string rule_id;
  double weight = 0;
  double radius_km = 0;
  int64_t window_days = 0;
  double half_distance_km = 0;
  double half_life_days = 0;
  std::vector<double> severity_weights;  // index severity - 1
  double region_fallback_factor = 0;
  double targeted_multiplier = 1;
  PlaceSet places;  // incident filter; empty: all
  size_t max_listed = 5;
  double min_factor = 0;
  std::shared_ptr<const Gazetteer> gazetteer;  // may be null
};

// One incident's part in a leg's risk.
struct Contribution {
  const SecurityIncident* incident;
  double distance_km;  // -1: region match
  int64_t age_days;
  double severity_factor;
  double distance_factor;
  double age_factor;
  double targeted_factor;
  std::string targeted;  // "CN: shipper E-1" or ""
  double risk;
};

std::string Fixed(double value, int decimals) { return FormatNumber(value, decimals); }

class SecurityIncidentRule : public CompiledRule {
 public:
  explicit SecurityIncidentRule(SecurityConfig config) : config_(std::move(config)) {}

  Status Prepare(RunResources* resources) override {
    const std::vector<SecurityIncident>* all = nullptr;
    Status status = resources->SecurityIncidents(&all);
    if (!status.ok()) {
      return Status::Error("rule \"" + config_.rule_id +
                           "\" (security_incident): " + status.message());
    }
    std::optional<int64_t> as_of = DayNumber(resources->as_of());
    if (!as_of) {
      return Status::Error("rule \"" + config_.rule_id +
                           "\" (security_incident) needs a YYYY-MM-DD --as-of date, got '" +
                           resources->as_of() + "'");
    }
    as_of_day_ = *as_of;
    incidents_.clear();
    for (const SecurityIncident& incident : *all) {
      // The window ends at --as-of: incidents after it are left out so that re-screening an old
      // batch as of its date sees what was known then. Both ends are included (docs/rules.md).
      if (incident.day > as_of_day_ || incident.day < as_of_day_ - config_.window_days) continue;
      if (!config_.places.empty() && config_.places.MatchRegion(incident.region) == nullptr &&
          config_.places.MatchCountry(incident.country) == nullptr) {
        continue;
      }
      incidents_.push_back(incident);
    }
    // The index points into incidents_, which is not changed again until the next Prepare().
    index_ = std::make_unique<IncidentIndex>(&incidents_, config_.radius_km);
    by_region_.clear();
    for (size_t i = 0; i < incidents_.size(); ++i) {
      if (incidents_[i].region) by_region_[*incidents_[i].region].push_back(i);
    }
    return Status::Ok();
  }

  void Evaluate(const ShipmentContext& context, RuleOutcome* outcome) const override {
    if (!index_) return;
    const Shipment& s = context.shipment;
    for (const ShipmentLeg& leg : s.legs) {
      std::optional<std::pair<double, double>> point;
      std::string placed_by;
      if (leg.latitude && leg.longitude) {
        point = {*leg.latitude, *leg.longitude};
        placed_by = "leg coordinates";
        // A gazetteer place is looked up in the leg's own country, so a name shared by towns of two
        // countries does not place the leg in the wrong one.
      } else if (config_.gazetteer && leg.location_name) {
        if (const GazetteerPlace* place =
                config_.gazetteer->Find(*leg.location_name, leg.country)) {
          point = {place->latitude, place->longitude};
          placed_by = "gazetteer \"" + place->name + "\"";
        }
      }
      std::vector<Contribution> contributions;
      if (point) {
        for (const NearIncident& near : index_->Near(point->first, point->second)) {
          contributions.push_back(Assess(*near.incident, near.distance_km, s));
        }
      }
      if (config_.region_fallback_factor > 0 && leg.region) {
        auto in_region = by_region_.find(*leg.region);
        if (in_region != by_region_.end()) {
          for (size_t i : in_region->second) {
            // A placed leg meets only incidents without coordinates by region; an unplaced leg
            // meets every incident of its region.
            if (point && incidents_[i].has_coordinates()) continue;
            contributions.push_back(Assess(incidents_[i], -1, s));
          }
        }
      }
      if (contributions.empty()) continue;
      std::sort(contributions.begin(), contributions.end(),
                [](const Contribution& a, const Contribution& b) {
                  if (a.risk != b.risk) return a.risk > b.risk;
                  if (a.incident->day != b.incident->day) return a.incident->day > b.incident->day;
                  return a.incident->incident_id < b.incident->incident_id;
                });
      // Incidents combine as independent risks, 1 - prod(1 - risk): many small risks add up, but
      // the combination never exceeds 1 and one certain risk (1) dominates, unlike a sum.
      double keep = 1;
      for (const Contribution& c : contributions) keep *= 1 - c.risk;
      double combined = 1 - keep;
      // No evidence at 0 (every incident weighted out), nor below the rule's noise floor.
      if (combined <= 0 || combined < config_.min_factor) continue;
      AddEvidence(leg, placed_by, point, contributions, combined, outcome);
    }
  }

 private:
  Contribution Assess(const SecurityIncident& incident, double distance_km,
                      const Shipment& s) const {
    Contribution c;
    c.incident = &incident;
    c.distance_km = distance_km;
    c.age_days = as_of_day_ - incident.day;
    // Severity is 1..5, checked when the incidents are read (engine/incidents), and the compile
    // step makes severity_weights exactly five values, so the index is in range.
    c.severity_factor = config_.severity_weights[static_cast<size_t>(incident.severity - 1)];
    // Halving decays (distance and age): smooth, never 0 within the radius and window, and easy to
    // state in the evidence ("this far counts half"); the radius and window are the hard limits.
    c.distance_factor = distance_km < 0 ? config_.region_fallback_factor
                                        : std::pow(0.5, distance_km / config_.half_distance_km);
    c.age_factor = std::pow(0.5, static_cast<double>(c.age_days) / config_.half_life_days);
    c.targeted_factor = 1;
    c.targeted = Targeted(incident, s);
    if (!c.targeted.empty()) c.targeted_factor = config_.targeted_multiplier;
    c.risk =
        std::min(1.0, c.severity_factor * c.distance_factor * c.age_factor * c.targeted_factor);
    return c;
  }

  // "CN: shipper E-1" when a party's country is a nationality the incident targeted, or
  // "foreign nationals: shipper E-1 (CN)" when it targeted foreign nationals of no named
  // nationality and the party is foreign to the incident's country; "" otherwise.
  static std::string Targeted(const SecurityIncident& incident, const Shipment& s) {
    for (const ShipmentParty& party : s.parties) {
      if (!party.entity || !party.entity->country) continue;
      const std::string& country = *party.entity->country;
      // A named nationality is the stronger link and is looked for first, over all parties; the
      // "foreign nationals" case applies only when the incident names none.
      for (const std::string& nationality : incident.target_nationalities) {
        if (nationality == country) return country + ": " + party.role + " " + party.entity_id;
      }
    }
    if (!incident.target_nationalities.empty() || !incident.TargetsForeignNationals()) return "";
    for (const ShipmentParty& party : s.parties) {
      if (!party.entity || !party.entity->country) continue;
      if (*party.entity->country != incident.country) {
        return "foreign nationals: " + party.role + " " + party.entity_id + " (" +
               *party.entity->country + ")";
      }
    }
    return "";
  }

  void AddEvidence(const ShipmentLeg& leg, const std::string& placed_by,
                   const std::optional<std::pair<double, double>>& point,
                   const std::vector<Contribution>& contributions, double combined,
                   RuleOutcome* outcome) const {
    scores::Evidence* evidence = &outcome->evidence.emplace_back();
    SetLeg(leg, evidence->mutable_leg());
    evidence->set_field("leg " + std::to_string(leg.seq));
    if (leg.country) evidence->set_country(*leg.country);
    if (leg.region) evidence->set_region(*leg.region);
    double weight = config_.weight * combined;
    // Never 0: a leg that met incidents stays visible even when the weights make it count for
    // little.
    evidence->set_weight(std::max(weight, 0.01));
    evidence->set_matched_value(std::to_string(contributions.size()) + " incident" +
                                (contributions.size() == 1 ? "" : "s"));
    std::string place = leg.location_name.value_or(leg.location.value_or("?"));
    std::string summary = "leg " + std::to_string(leg.seq) + " " + place;
    std::string where = leg.region.value_or(leg.country.value_or(""));
    if (point) {
      where += (where.empty() ? "" : "; ") + placed_by + " " + Fixed(point->first, 3) + ", " +
               Fixed(point->second, 3);
    } else {
      where += (where.empty() ? "" : "; ") + std::string("not placed, region match only");
    }
    bool by_region = std::any_of(contributions.begin(), contributions.end(),
                                 [](const Contribution& c) { return c.distance_km < 0; });
    std::string radius = "within " + Fixed(config_.radius_km, 1) + " km";
    std::string within = !point      ? "in its region"
                         : by_region ? radius + " or in its region"
                                     : radius;
    summary += " (" + where + "): " + std::to_string(contributions.size()) + " incident" +
               (contributions.size() == 1 ? "" : "s") + " " + within + " in the last " +
               std::to_string(config_.window_days) + " days, combined factor " +
               Fixed(combined, 3) + " x weight " + Fixed(config_.weight, 2) + " = " +
               Fixed(weight, 2);
    for (size_t i = 0; i < contributions.size(); ++i) {
      const Contribution& c = contributions[i];
      const SecurityIncident& incident = *c.incident;
      if (i < config_.max_listed) {
        scores::Incident* out = evidence->add_incidents();
        out->set_incident_id(incident.incident_id);
        out->set_event_date(incident.event_date);
        out->set_location_name(incident.location_name.value_or(""));
        out->set_country(incident.country);
        out->set_region(incident.region.value_or(""));
        std::string kind = incident.kind;
        if (incident.sub_kind && !incident.sub_kind->empty()) kind += ": " + *incident.sub_kind;
        out->set_kind(kind);
        out->set_severity(incident.severity);
        out->set_fatalities(incident.fatalities);
        out->set_targets(Join(incident.targets, "; "));
        out->set_target_nationality(Join(incident.target_nationalities, "; "));
        out->set_source(incident.source.value_or(""));
        // Rounded as shown in the summary (0.1 km, risk to 0.001), so the structured output and the
        // text agree.
        out->set_distance_km(c.distance_km < 0 ? -1 : std::round(c.distance_km * 10) / 10);
        out->set_age_days(c.age_days);
        out->set_risk(std::round(c.risk * 1000) / 1000);
        out->set_targeted_party(c.targeted);

        summary += "; " + incident.event_date + " " + incident.location_name.value_or("?") + " (" +
                   incident.region.value_or(incident.country) + ") " + kind + ", " +
                   std::to_string(incident.fatalities) + " killed";
        if (!incident.targets.empty() || !incident.target_nationalities.empty()) {
          summary += ", targets " + Join(incident.targets, "/");
          if (!incident.target_nationalities.empty()) {
            summary += (incident.targets.empty() ? "" : " ") + std::string("(") +
                       Join(incident.target_nationalities, "/") + ")";
          }
        }
        summary +=
            ", " +
            (c.distance_km < 0 ? std::string("same region") : Fixed(c.distance_km, 1) + " km") +
            ", " + std::to_string(c.age_days) + " days ago: risk " + Fixed(c.risk, 3) +
            " = severity " + std::to_string(incident.severity) + " " + Fixed(c.severity_factor, 3) +
            " x " + (c.distance_km < 0 ? "region " : "distance ") + Fixed(c.distance_factor, 3) +
            " x age " + Fixed(c.age_factor, 3);
        if (!c.targeted.empty()) {
          summary += " x targeted " + Fixed(c.targeted_factor, 2) + " (" + c.targeted + ")";
        }
        if (incident.source) summary += " [source: " + *incident.source + "]";
      } else if (i == config_.max_listed) {
        summary += "; and " + std::to_string(contributions.size() - i) + " more";
      }
    }
    evidence->set_summary(summary);
  }

  SecurityConfig config_;
  int64_t as_of_day_ = 0;
  std::vector<SecurityIncident> incidents_;               // in the window and the filter
  std::map<std::string, std::vector<size_t>> by_region_;  // region -> indices in incidents_
  std::unique_ptr<IncidentIndex> index_;
};

}  // namespace

std::unique_ptr<CompiledRule> CompileSecurityIncident(const rules::Rule& rule,
                                                      const RuleCompileContext& c) {
  const rules::SecurityIncidentRule& in = rule.security_incident();
  size_t errors_before = c.diagnostics->size();
  SecurityConfig config;
  config.rule_id = rule.id();
  config.weight = rule.weight();
  auto positive = [&](double value, const char* field) {
    if (!(value > 0)) c.Error(c.locator.At(field), std::string(field) + " must be above 0");
  };
  positive(in.radius_km(), "radius_km");
  positive(in.window_days(), "window_days");
  positive(in.half_distance_km(), "half_distance_km");
  positive(in.half_life_days(), "half_life_days");
  config.radius_km = in.radius_km();
  config.window_days = in.window_days();
  config.half_distance_km = in.half_distance_km();
  config.half_life_days = in.half_life_days();
  // Beyond 2000 km "near" no longer says anything about a route, and the grid's cells (one radius
  // tall) grow so large that a lookup visits most incidents.
  if (in.radius_km() > 2000) c.Error(c.locator.At("radius_km"), "radius_km must be at most 2000");
  if (in.severity_weights_size() == 0) {
    config.severity_weights = {0.1, 0.3, 0.6, 0.85, 1.0};
  } else if (in.severity_weights_size() != 5) {
    c.Error(c.locator.At("severity_weights"),
            "severity_weights needs exactly five values (severity 1 to 5), found " +
                std::to_string(in.severity_weights_size()));
  } else {
    for (int i = 0; i < 5; ++i) {
      double value = in.severity_weights(i);
      if (!(value >= 0 && value <= 1)) {
        c.Error(c.locator.At("severity_weights", i),
                "severity weight must be between 0 and 1, got " + FormatNumber(value, 4));
      }
      config.severity_weights.push_back(value);
    }
  }
  if (!(in.region_fallback_factor() >= 0 && in.region_fallback_factor() <= 1)) {
    c.Error(c.locator.At("region_fallback_factor"),
            "region_fallback_factor must be between 0 and 1");
  }
  config.region_fallback_factor = in.region_fallback_factor();
  // 0 is the proto default ("not set") and means 1; below 1 would make targeting lower a risk.
  if (in.targeted_multiplier() != 0 && !(in.targeted_multiplier() >= 1)) {
    c.Error(c.locator.At("targeted_multiplier"), "targeted_multiplier must be at least 1");
  } else if (in.targeted_multiplier() > 10) {
    c.Error(c.locator.At("targeted_multiplier"), "targeted_multiplier must be at most 10");
  }
  config.targeted_multiplier = in.targeted_multiplier() == 0 ? 1 : in.targeted_multiplier();
  config.places.AddCountries(in.countries(), "countries", c);
  config.places.AddRegions(in.regions(), "regions", c);
  if (in.max_incidents_listed() < 0) {
    c.Error(c.locator.At("max_incidents_listed"), "max_incidents_listed must not be negative");
  }
  config.max_listed =
      in.max_incidents_listed() <= 0 ? 5 : static_cast<size_t>(in.max_incidents_listed());
  // Below 1: combined factors are at most 1, so a floor of 1 would keep only certain risks.
  if (!(in.min_factor() >= 0 && in.min_factor() < 1)) {
    c.Error(c.locator.At("min_factor"), "min_factor must be at least 0 and below 1");
  }
  config.min_factor = in.min_factor();
  if (!in.gazetteer().empty()) {
    std::string text;
    if (c.ReadReference(c.locator.At("gazetteer"), "gazetteer", in.gazetteer(), &text)) {
      auto gazetteer = std::make_shared<Gazetteer>();
      std::string name = c.reference_name ? c.reference_name(in.gazetteer()) : in.gazetteer();
      if (gazetteer->Parse(name, text, c.diagnostics)) config.gazetteer = std::move(gazetteer);
    }
  }
  if (c.diagnostics->size() != errors_before) return nullptr;
  return std::make_unique<SecurityIncidentRule>(std::move(config));
}

}  // namespace corridor
