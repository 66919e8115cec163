// Rule kind `route`: a leg passes a configured place (a border crossing such as Khorgos or
// Khunjerab, a transshipment hub), optionally only with configured goods or destinations.
#include <set>

#include "engine/base/strings.h"
#include "engine/rules/kinds.h"
#include "engine/rules/matchers.h"

namespace corridor {

namespace {

class RouteRule : public CompiledRule {
 public:
  RouteRule(std::set<std::string> locations, std::set<std::string> location_names, PlaceSet places,
            std::set<std::string> leg_kinds, HsPrefixSet with_goods, PlaceSet with_destinations)
      : locations_(std::move(locations)),
        location_names_(std::move(location_names)),
        places_(std::move(places)),
        leg_kinds_(std::move(leg_kinds)),
        with_goods_(std::move(with_goods)),
        with_destinations_(std::move(with_destinations)) {}

  void Evaluate(const ShipmentContext& context, RuleOutcome* outcome) const override {
    const Shipment& s = context.shipment;
    std::string condition;
    // The conditions are checked before the legs: a rule such as "Khorgos, only towards Russia"
    // must say nothing about a Khorgos leg of a shipment to Kazakhstan. The final destination is
    // preferred, as the declared end of the goods' journey; the destination is the fallback.
    if (!with_destinations_.empty()) {
      // Country groups are dated: only their members on the screening date count.
      const PlaceEntry* entry =
          with_destinations_.MatchCountryAt(s.final_destination_country, context.as_of);
      const OptionalText* country = &s.final_destination_country;
      if (entry == nullptr) {
        entry = with_destinations_.MatchCountryAt(s.destination_country, context.as_of);
        country = &s.destination_country;
      }
      if (entry == nullptr) return;
      condition = "destination " + **country;
      if (entry->label != **country) condition += " is in " + entry->label;
    }
    const ShipmentItem* goods_item = nullptr;
    const HsEntry* goods_entry = nullptr;
    if (!with_goods_.empty()) {
      // The first matching item is the condition's evidence; one is enough for the condition to
      // hold.
      for (const ShipmentItem& item : s.items) {
        if ((goods_entry = with_goods_.Match(item.hs_code, context.as_of)) != nullptr) {
          goods_item = &item;
          break;
        }
      }
      if (goods_item == nullptr) return;
      if (!condition.empty()) condition += "; ";
      condition += "item " + std::to_string(goods_item->line) + " HS " + *goods_item->hs_code +
                   " matches " + goods_entry->prefix;
    }
    for (const ShipmentLeg& leg : s.legs) {
      // A leg of unknown kind does not match a kind filter: the filter narrows the rule, so it must
      // not fire on a leg it cannot classify.
      if (!leg_kinds_.empty() && (!leg.kind || leg_kinds_.count(*leg.kind) == 0)) continue;
      std::string matched = MatchLeg(leg, context.as_of);
      if (matched.empty()) continue;
      scores::Evidence* evidence = &outcome->evidence.emplace_back();
      SetLeg(leg, evidence->mutable_leg());
      if (goods_item != nullptr) SetItem(*goods_item, evidence->mutable_item());
      evidence->set_field("leg " + std::to_string(leg.seq));
      evidence->set_matched_value(matched);
      std::string place = leg.location_name.value_or(leg.location.value_or("?"));
      std::string summary = "route leg " + std::to_string(leg.seq) + " passes " + place;
      if (leg.country) summary += " (" + *leg.country + ")";
      summary += ", matching " + matched;
      if (!condition.empty()) summary += "; " + condition;
      evidence->set_summary(summary);
    }
  }

 private:
  std::string MatchLeg(const ShipmentLeg& leg, const std::string& as_of) const {
    // Most specific first: a LOCODE names the crossing itself, a name the place where no LOCODE was
    // recorded, a region or country only the area. Every matching leg is evidence (one each).
    if (leg.location && locations_.count(*leg.location)) return "location " + *leg.location;
    if (leg.location_name && location_names_.count(AsciiLower(*leg.location_name))) {
      return "location name " + *leg.location_name;
    }
    if (const PlaceEntry* entry = places_.MatchRegionAt(leg.region, as_of))
      return "region " + entry->label;
    if (const PlaceEntry* entry = places_.MatchCountryAt(leg.country, as_of))
      return "country " + entry->label;
    return "";
  }

  std::set<std::string> locations_;
  std::set<std::string> location_names_;  // lower case
  PlaceSet places_;
  std::set<std::string> leg_kinds_;
  HsPrefixSet with_goods_;
  PlaceSet with_destinations_;
};

bool IsUnLocode(const std::string& code) {
  if (code.size() != 5 || !IsKnownCountryCode(code.substr(0, 2))) return false;
  for (size_t i = 2; i < 5; ++i) {
    char ch = code[i];
    // UN/LOCODE location parts use letters and the digits 2-9 only (0 and 1 are left out as too
    // easily read as O and I), so a code with 0 or 1 is a typo in the rule file.
    if (!((ch >= 'A' && ch <= 'Z') || (ch >= '2' && ch <= '9'))) return false;
  }
  return true;
}

}  // namespace

std::unique_ptr<CompiledRule> CompileRoute(const rules::Rule& rule, const RuleCompileContext& c) {
  const rules::RouteRule& config = rule.route();
  size_t errors_before = c.diagnostics->size();
  std::set<std::string> locations;
  for (int i = 0; i < config.locations_size(); ++i) {
    if (!IsUnLocode(config.locations(i))) {
      c.Error(c.locator.At("locations", i),
              "not a UN/LOCODE (country code and three letters or digits 2-9): \"" +
                  config.locations(i) + "\"");
      continue;
    }
    locations.insert(config.locations(i));
  }
  std::set<std::string> location_names;
  for (const std::string& name : config.location_names()) location_names.insert(AsciiLower(name));
  PlaceSet places;
  places.AddCountries(config.countries(), "countries", c);
  places.AddRegions(config.regions(), "regions", c);
  places.AddGroups(config.country_groups(), "country_groups", c);
  static const std::set<std::string> kLegKinds = {"port", "border_crossing", "transshipment",
                                                  "inland"};
  std::set<std::string> leg_kinds;
  for (int i = 0; i < config.leg_kinds_size(); ++i) {
    if (kLegKinds.count(config.leg_kinds(i)) == 0) {
      c.Error(c.locator.At("leg_kinds", i),
              "unknown leg kind \"" + config.leg_kinds(i) +
                  "\" (port, border_crossing, transshipment, inland)");
    }
    // Inserted even when unknown: the compile fails on the error anyway, and the set is only used
    // when it succeeds.
    leg_kinds.insert(config.leg_kinds(i));
  }
  if (locations.empty() && location_names.empty() && places.empty() &&
      c.NothingMissing(errors_before)) {
    c.Error(c.locator.self(), "route rule names no location, country, region or group");
  }
  HsPrefixSet with_goods;
  with_goods.AddTable(config.with_hs_table(), "with_hs_table", c);
  with_goods.AddPrefixes(config.with_hs_prefixes(), "with_hs_prefixes", c);
  PlaceSet with_destinations;
  with_destinations.AddCountries(config.with_destination_countries(), "with_destination_countries",
                                 c);
  with_destinations.AddGroups(config.with_destination_groups(), "with_destination_groups", c);
  if (c.diagnostics->size() != errors_before) return nullptr;
  return std::make_unique<RouteRule>(std::move(locations), std::move(location_names),
                                     std::move(places), std::move(leg_kinds), std::move(with_goods),
                                     std::move(with_destinations));
}

}  // namespace corridor
