// Rule kind `forced_labour`: the UFLPA's rebuttable presumption. An item whose origin region is
// configured (Xinjiang), whose supplier is on a forced-labour entity list, or whose HS code is in
// a high-priority sector (from a configured origin country) is at risk; the conditions an item
// meets combine (1 - product of (1 - w/100)), so Xinjiang cotton weighs more than either alone,
// up to the rule's own weight.
#include <set>

#include "engine/base/strings.h"
#include "engine/rules/kinds.h"
#include "engine/rules/matchers.h"

namespace corridor {

namespace {

class ForcedLabourRule : public CompiledRule {
 public:
  ForcedLabourRule(double max_weight, const rules::ForcedLabourRule& config, PlaceSet regions,
                   HsPrefixSet sectors, std::set<std::string> entity_lists,
                   std::set<std::string> entity_roles, double name_threshold)
      : max_weight_(max_weight),
        name_threshold_(name_threshold),
        config_(config),
        regions_(std::move(regions)),
        sectors_(std::move(sectors)),
        entity_lists_(std::move(entity_lists)),
        entity_roles_(std::move(entity_roles)),
        sector_origins_(config.sector_origin_countries().begin(),
                        config.sector_origin_countries().end()) {}

  RuleNeeds Needs() const override {
    RuleNeeds needs;
    needs.lists.assign(entity_lists_.begin(), entity_lists_.end());
    // The screener must report matches down to this rule's threshold; without entity lists the rule
    // reads no matches and asks for none.
    if (!entity_lists_.empty()) needs.name_threshold = name_threshold_;
    return needs;
  }

  void Evaluate(const ShipmentContext& context, RuleOutcome* outcome) const override {
    const Shipment& s = context.shipment;
    // Suppliers on a forced-labour entity list apply to every item of the shipment.
    std::vector<std::string> listed_suppliers;
    std::set<std::string> seen;  // an entity named in two roles counts once
    for (size_t i = 0; i < s.parties.size(); ++i) {
      const ShipmentParty& party = s.parties[i];
      const EntityFacts* facts = context.party_facts[i];
      if (facts == nullptr || entity_roles_.count(party.role) == 0) continue;
      if (!seen.insert(party.entity_id).second) continue;
      for (const ListMatchFact& match : facts->list_matches) {
        // Only matches at this rule's own threshold count: a looser rule elsewhere in the set
        // makes the screener report weaker matches, which must not drive this rule.
        if (entity_lists_.count(match.list_id) == 0 || !MatchCounts(match, name_threshold_))
          continue;
        listed_suppliers.push_back(party.role + " " + party.entity_id + " \"" + party.entity->name +
                                   "\" is on " + match.list_id + " as \"" + match.entry_name +
                                   "\"");
        break;
      }
    }
    for (const ShipmentItem& item : s.items) {
      std::vector<std::string> reasons;
      double remaining = 1.0;  // product of (1 - w/100) over the conditions met
      auto meet = [&](double weight, std::string reason) {
        remaining *= 1.0 - weight / 100.0;
        reasons.push_back(std::move(reason));
      };
      if (const std::string* label = regions_.MatchRegion(item.origin_region)) {
        meet(config_.region_weight(),
             "origin region " + *item.origin_region +
                 (*label == *item.origin_region ? "" : " (" + *label + ")"));
      }
      // Each listed supplier is its own condition: two listed producers of one item are stronger
      // evidence than one.
      for (const std::string& supplier : listed_suppliers) meet(config_.entity_weight(), supplier);
      const HsEntry* sector = sectors_.Match(item.hs_code);
      // The item's own origin first; the shipment's origin stands in when the item does not say. A
      // sector counts only for the configured origins (the UFLPA's high-priority sectors are about
      // goods from China), or for every origin when none is configured.
      OptionalText origin = item.origin_country ? item.origin_country : s.origin_country;
      if (sector != nullptr &&
          (sector_origins_.empty() || (origin && sector_origins_.count(*origin)))) {
        meet(config_.sector_weight(), "HS " + *item.hs_code + " is in the high-priority sector " +
                                          sector->tier + " (" + sector->prefix + ")" +
                                          (origin ? ", origin " + *origin : ""));
      }
      if (reasons.empty()) continue;
      double combined = 100.0 * (1.0 - remaining);
      // The rule's weight is a cap, not a multiplier: no combination of conditions can make one
      // item weigh more than the rule says the presumption is worth (docs/rules.md).
      double weight = std::min(combined, max_weight_);
      scores::Evidence* evidence = &outcome->evidence.emplace_back();
      SetItem(item, evidence->mutable_item());
      if (sector != nullptr) evidence->mutable_item()->set_tier(sector->tier);
      evidence->set_field("item " + std::to_string(item.line));
      evidence->set_region(item.origin_region.value_or(""));
      evidence->set_weight(weight);
      std::string summary = "item " + std::to_string(item.line);
      if (item.description) summary += " \"" + *item.description + "\"";
      summary += ": " + Join(reasons, "; ") + " => weight " + FormatNumber(weight);
      if (weight < combined) summary += " (the rule's maximum)";
      evidence->set_summary(summary);
    }
  }

 private:
  double max_weight_;
  double name_threshold_;
  rules::ForcedLabourRule config_;
  PlaceSet regions_;
  HsPrefixSet sectors_;
  std::set<std::string> entity_lists_;
  std::set<std::string> entity_roles_;
  std::set<std::string> sector_origins_;
};

}  // namespace

std::unique_ptr<CompiledRule> CompileForcedLabour(const rules::Rule& rule,
                                                  const RuleCompileContext& c) {
  const rules::ForcedLabourRule& config = rule.forced_labour();
  size_t errors_before = c.diagnostics->size();
  PlaceSet regions;
  regions.AddRegions(config.regions(), "regions", c);
  HsPrefixSet sectors;
  sectors.AddTable(config.sector_table(), "sector_table", c);
  for (const char* field : {"region_weight", "entity_weight", "sector_weight"}) {
    const google::protobuf::FieldDescriptor* descriptor =
        rules::ForcedLabourRule::descriptor()->FindFieldByName(field);
    double value = config.GetReflection()->GetDouble(config, descriptor);
    if (!InRange(value, 0, 100))
      c.Error(c.locator.At(field), std::string(field) + " must be between 0 and 100");
  }
  std::set<std::string> roles = CompileRoles(config.entity_roles(), "entity_roles", c);
  // The UFLPA presumption concerns goods mined, produced or manufactured by listed entities, so by
  // default the parties that make or sell the goods are checked, not carriers or banks.
  if (roles.empty()) roles = {"shipper", "manufacturer"};
  PlaceSet origins;  // validated only; the rule keeps the codes
  origins.AddCountries(config.sector_origin_countries(), "sector_origin_countries", c);
  if (regions.empty() && config.entity_lists().empty() && sectors.empty() &&
      c.diagnostics->size() == errors_before) {
    c.Error(c.locator.self(), "forced_labour rule names no region, entity list or sector table");
  }
  double name_threshold = CompileNameThreshold(config.min_name_score(), "min_name_score", c);
  if (c.diagnostics->size() != errors_before) return nullptr;
  return std::make_unique<ForcedLabourRule>(
      rule.weight(), config, std::move(regions), std::move(sectors),
      std::set<std::string>(config.entity_lists().begin(), config.entity_lists().end()),
      std::move(roles), name_threshold);
}

}  // namespace corridor
