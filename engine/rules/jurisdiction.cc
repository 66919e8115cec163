// Rule kind `jurisdiction`: a party's, the shipment's or a leg's country or region is in a
// configured set (comprehensive embargoes, occupied regions, Russia as final destination).
#include <set>
#include <type_traits>

#include "engine/rules/kinds.h"
#include "engine/rules/matchers.h"

namespace corridor {

namespace {

class JurisdictionRule : public CompiledRule {
 public:
  JurisdictionRule(std::set<int> subjects, std::set<std::string> roles, PlaceSet places)
      : subjects_(std::move(subjects)), roles_(std::move(roles)), places_(std::move(places)) {}

  void Evaluate(const ShipmentContext& context, RuleOutcome* outcome) const override {
    const Shipment& s = context.shipment;
    if (Has(rules::PARTY)) {
      for (const ShipmentParty& party : s.parties) {
        // A party whose entity is missing has no country to check; the missing entity is already a
        // data problem of the shipment.
        if (!party.entity || (!roles_.empty() && roles_.count(party.role) == 0)) continue;
        Check(party.entity->country, party.entity->region, "party " + party.role, context.as_of,
              nullptr, outcome, [&](scores::Evidence* e) { SetParty(party, e->mutable_party()); });
      }
    }
    const std::string& as_of = context.as_of;
    if (Has(rules::ORIGIN)) {
      Check(s.origin_country, s.origin_region, "origin", as_of, nullptr, outcome, nullptr);
    }
    if (Has(rules::DESTINATION)) {
      Check(s.destination_country, s.destination_region, "destination", as_of, nullptr, outcome,
            nullptr);
    }
    if (Has(rules::FINAL_DESTINATION)) {
      // The shipment records no region for its final destination, only a country.
      Check(s.final_destination_country, std::nullopt, "final_destination", as_of, nullptr, outcome,
            nullptr);
    }
    if (Has(rules::LEG)) {
      for (const ShipmentLeg& leg : s.legs) {
        Check(leg.country, leg.region, "leg " + std::to_string(leg.seq), as_of, &leg, outcome,
              [&](scores::Evidence* e) { SetLeg(leg, e->mutable_leg()); });
      }
    }
    if (Has(rules::ITEM_ORIGIN)) {
      for (const ShipmentItem& item : s.items) {
        Check(item.origin_country, item.origin_region,
              "item " + std::to_string(item.line) + " origin", as_of, nullptr, outcome,
              [&](scores::Evidence* e) { SetItem(item, e->mutable_item()); });
      }
    }
  }

 private:
  bool Has(rules::Subject subject) const { return subjects_.count(subject) > 0; }

  // Checks one subject against the places in force on `as_of` (country groups and their members
  // carry dates: Syria's program ended 2025-07-01). `leg`, when given, is also looked up in the
  // groups' place tables by UN/LOCODE or name (occupied areas below oblast level).
  template <typename Decorate>
  void Check(const OptionalText& country, const OptionalText& region, const std::string& field,
             const std::string& as_of, const ShipmentLeg* leg, RuleOutcome* outcome,
             Decorate decorate) const {
    // One piece of evidence per subject: a place in Crimea (UA-43) in a rule that lists both UA-43
    // and a group containing UA must not count twice.
    // The most specific match is the evidence: a place, then a region, then the country.
    std::string place;
    if (const PlaceEntry* entry =
            leg ? places_.MatchPlaceAt(leg->location, leg->location_name, leg->country, leg->region,
                                       as_of, &place)
                : nullptr) {
      Add(field, "place", place, *entry, outcome, decorate);
    } else if (const PlaceEntry* in_region = places_.MatchRegionAt(region, as_of)) {
      Add(field, "region", *region, *in_region, outcome, decorate);
    } else if (const PlaceEntry* in_country = places_.MatchCountryAt(country, as_of)) {
      Add(field, "country", *country, *in_country, outcome, decorate);
    }
  }

  template <typename Decorate>
  void Add(const std::string& field, const char* what, const std::string& code,
           const PlaceEntry& entry, RuleOutcome* outcome, Decorate decorate) const {
    const std::string& label = entry.label;
    scores::Evidence* evidence = &outcome->evidence.emplace_back();
    evidence->set_field(field);
    if (std::string(what) == "region") {
      evidence->set_region(code);
    } else if (std::string(what) == "country") {
      evidence->set_country(code);
    }
    evidence->set_matched_value(label);
    std::string summary = field + " " + what + " " + code;
    if (label != code) summary += " is in " + label;
    // The regulation behind a dated member or place, so the evidence cites it.
    if (!entry.source.empty()) summary += " (" + entry.source + ")";
    evidence->set_summary(summary);
    if constexpr (!std::is_same_v<Decorate, std::nullptr_t>) {
      decorate(evidence);
    }
  }

  std::set<int> subjects_;
  std::set<std::string> roles_;
  PlaceSet places_;
};

}  // namespace

std::unique_ptr<CompiledRule> CompileJurisdiction(const rules::Rule& rule,
                                                  const RuleCompileContext& c) {
  const rules::JurisdictionRule& config = rule.jurisdiction();
  size_t errors_before = c.diagnostics->size();
  std::set<int> subjects;
  for (int subject : config.subjects()) {
    if (subject == rules::SUBJECT_UNSPECIFIED) {
      c.Error(c.locator.At("subjects"), "subject must be set");
    }
    subjects.insert(subject);
  }
  if (subjects.empty()) c.Error(c.locator.self(), "jurisdiction rule needs at least one subject");
  std::set<std::string> roles = CompileRoles(config.roles(), "roles", c);
  PlaceSet places;
  places.AddCountries(config.countries(), "countries", c);
  places.AddRegions(config.regions(), "regions", c);
  places.AddGroups(config.country_groups(), "country_groups", c);
  if (places.empty() && c.NothingMissing(errors_before)) {
    c.Error(c.locator.self(), "jurisdiction rule names no country, region or group");
  }
  if (c.diagnostics->size() != errors_before) return nullptr;
  return std::make_unique<JurisdictionRule>(std::move(subjects), std::move(roles),
                                            std::move(places));
}

}  // namespace corridor
