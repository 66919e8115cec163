// Rule kind `goods`: an item's HS code starts with a configured prefix (the Common High Priority
// List by tier, dual-use headings), optionally only when the goods go to configured places.
#include <algorithm>

#include "engine/base/strings.h"
#include "engine/rules/kinds.h"
#include "engine/rules/matchers.h"

namespace corridor {

namespace {

class GoodsRule : public CompiledRule {
 public:
  GoodsRule(double weight, HsPrefixSet prefixes, std::map<std::string, rules::TierWeight> tiers,
            PlaceSet destinations)
      : weight_(weight),
        prefixes_(std::move(prefixes)),
        tiers_(std::move(tiers)),
        destinations_(std::move(destinations)) {}

  void Evaluate(const ShipmentContext& context, RuleOutcome* outcome) const override {
    const Shipment& s = context.shipment;
    std::string destination_label;
    // The destination condition is one per shipment, not per item: the goods all travel together.
    if (!destinations_.empty() && !FindDestination(s, context.as_of, &destination_label)) return;
    for (const ShipmentItem& item : s.items) {
      // The longest matching prefix decides the tier (docs/rules.md), so a specific 6-digit line of
      // a table can carry another tier than its 4-digit heading.
      const HsEntry* entry = prefixes_.Match(item.hs_code, context.as_of);
      if (entry == nullptr) continue;
      double weight = weight_;
      auto tier = tiers_.find(entry->tier);
      if (tier != tiers_.end()) {
        // An item whose tier has a `tiers` entry takes its weight and floor; other items keep the
        // rule's weight.
        weight = tier->second.weight();
        outcome->floor = std::max(outcome->floor, tier->second.decision_floor());
      }
      scores::Evidence* evidence = &outcome->evidence.emplace_back();
      SetItem(item, evidence->mutable_item());
      evidence->mutable_item()->set_tier(entry->tier);
      evidence->set_field("item " + std::to_string(item.line) + " hs_code");
      evidence->set_matched_value(entry->prefix);
      evidence->set_weight(weight);
      std::string summary = "item " + std::to_string(item.line) + " HS " + *item.hs_code +
                            " matches " + entry->prefix;
      if (!entry->tier.empty()) summary += " (" + entry->tier + ")";
      if (!entry->description.empty()) summary += " " + entry->description;
      if (!destination_label.empty()) summary += "; " + destination_label;
      evidence->set_summary(summary);
    }
  }

 private:
  // Country groups are dated: a country counts only while it is in the group on `as_of`.
  bool FindDestination(const Shipment& s, const std::string& as_of, std::string* label) const {
    auto check = [&](const OptionalText& country, const char* field) {
      const PlaceEntry* matched = destinations_.MatchCountryAt(country, as_of);
      if (matched == nullptr) return false;
      *label = std::string(field) + " " + *country;
      if (matched->label != *country) *label += " is in " + matched->label;
      return true;
    };
    // The declared end of the journey first, then the next stop, then any leg: the label shown is
    // the most telling place that met the condition.
    if (check(s.final_destination_country, "final destination")) return true;
    if (check(s.destination_country, "destination")) return true;
    for (const ShipmentLeg& leg : s.legs) {
      if (check(leg.country, ("route leg " + std::to_string(leg.seq)).c_str())) return true;
    }
    return false;
  }

  double weight_;
  HsPrefixSet prefixes_;
  std::map<std::string, rules::TierWeight> tiers_;
  PlaceSet destinations_;
};

}  // namespace

std::unique_ptr<CompiledRule> CompileGoods(const rules::Rule& rule, const RuleCompileContext& c) {
  const rules::GoodsRule& config = rule.goods();
  size_t errors_before = c.diagnostics->size();
  HsPrefixSet prefixes;
  prefixes.AddTable(config.hs_table(), "hs_table", c);
  prefixes.AddPrefixes(config.hs_prefixes(), "hs_prefixes", c);
  if (prefixes.empty() && c.NothingMissing(errors_before)) {
    c.Error(c.locator.self(), "goods rule names no hs_table and no hs_prefixes");
  }
  std::map<std::string, rules::TierWeight> tiers = CompileTiers(config.tiers(), c);
  PlaceSet destinations;
  destinations.AddCountries(config.destination_countries(), "destination_countries", c);
  destinations.AddGroups(config.destination_groups(), "destination_groups", c);
  // Checked once the tables are read: a table that failed says so itself.
  if (c.NothingMissing(errors_before)) CheckTierNames(config.tiers(), prefixes.Tiers(), c);
  if (c.diagnostics->size() != errors_before) return nullptr;
  return std::make_unique<GoodsRule>(rule.weight(), std::move(prefixes), std::move(tiers),
                                     std::move(destinations));
}

}  // namespace corridor
