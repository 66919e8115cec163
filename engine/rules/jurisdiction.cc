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
        Check(party.entity->country, party.entity->region, "party " + party.role, outcome,
              [&](scores::Evidence* e) { SetParty(party, e->mutable_party()); });
      }
    }
    if (Has(rules::ORIGIN)) Check(s.origin_country, s.origin_region, "origin", outcome, nullptr);
    if (Has(rules::DESTINATION)) {
      Check(s.destination_country, s.destination_region, "destination", outcome, nullptr);
    }
    if (Has(rules::FINAL_DESTINATION)) {
      // The shipment records no region for its final destination, only a country.
      Check(s.final_destination_country, std::nullopt, "final_destination", outcome, nullptr);
    }
    if (Has(rules::LEG)) {
      for (const ShipmentLeg& leg : s.legs) {
        Check(leg.country, leg.region, "leg " + std::to_string(leg.seq), outcome,
              [&](scores::Evidence* e) { SetLeg(leg, e->mutable_leg()); });
      }
    }
    if (Has(rules::ITEM_ORIGIN)) {
      for (const ShipmentItem& item : s.items) {
        Check(item.origin_country, item.origin_region,
              "item " + std::to_string(item.line) + " origin", outcome,
              [&](scores::Evidence* e) { SetItem(item, e->mutable_item()); });
      }
    }
  }

 private:
  bool Has(rules::Subject subject) const { return subjects_.count(subject) > 0; }

  template <typename Decorate>
  void Check(const OptionalText& country, const OptionalText& region, const std::string& field,
             RuleOutcome* outcome, Decorate decorate) const {
    // One piece of evidence per subject: a place in Crimea (UA-43) in a rule that lists both UA-43
    // and a group containing UA must not count twice.
    // A region match is the more specific evidence; report it instead of the country's.
    if (const std::string* label = places_.MatchRegion(region)) {
      Add(field, "region", *region, *label, outcome, decorate);
    } else if (const std::string* country_label = places_.MatchCountry(country)) {
      Add(field, "country", *country, *country_label, outcome, decorate);
    }
  }

  template <typename Decorate>
  void Add(const std::string& field, const char* what, const std::string& code,
           const std::string& label, RuleOutcome* outcome, Decorate decorate) const {
    scores::Evidence* evidence = &outcome->evidence.emplace_back();
    evidence->set_field(field);
    if (std::string(what) == "region") {
      evidence->set_region(code);
    } else {
      evidence->set_country(code);
    }
    evidence->set_matched_value(label);
    std::string summary = field + " " + what + " " + code;
    if (label != code) summary += " is in " + label;
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
  if (places.empty() && c.diagnostics->size() == errors_before) {
    c.Error(c.locator.self(), "jurisdiction rule names no country, region or group");
  }
  if (c.diagnostics->size() != errors_before) return nullptr;
  return std::make_unique<JurisdictionRule>(std::move(subjects), std::move(roles),
                                            std::move(places));
}

}  // namespace corridor
