// Rule kind `diversion`: high-priority goods (CHPL) shipped to or through countries with
// documented diversion toward Russia and Belarus. Weight = tier weight x destination factor x
// consignee factor (docs/rules.md).
#include <algorithm>
#include <set>

#include "engine/base/strings.h"
#include "engine/rules/kinds.h"
#include "engine/rules/matchers.h"

namespace corridor {

namespace {

// Defaults as in docs/rules.md: a declared target destination counts fully, a target on the way
// almost as much (the goods do reach it), and a diversion country alone about a third, since most
// trade with those countries is legitimate; a trader consignee counts fully, an apparent end user
// less, because diversion runs through intermediaries that resell.
struct Factors {
  double final_destination = 1.0;
  double on_route = 0.9;
  double adjacent = 0.35;
  double trader = 1.0;
  double end_user = 0.7;
};

class DiversionRule : public CompiledRule {
 public:
  DiversionRule(double weight, HsPrefixSet goods, std::map<std::string, rules::TierWeight> tiers,
                PlaceSet diversion, PlaceSet targets, Factors factors,
                std::set<std::string> trader_words)
      : weight_(weight),
        goods_(std::move(goods)),
        tiers_(std::move(tiers)),
        diversion_(std::move(diversion)),
        targets_(std::move(targets)),
        factors_(factors),
        trader_words_(std::move(trader_words)) {}

  void Evaluate(const ShipmentContext& context, RuleOutcome* outcome) const override {
    const Shipment& s = context.shipment;
    // How the goods reach the targets: declared final destination, on the way, or only through
    // a diversion country.
    double destination_factor = 0;
    std::string destination;
    // The strongest reading wins and stops the search: final destination, then destination, then
    // the first route leg in a target country (legs in seq order).
    if (const std::string* label = targets_.MatchCountry(s.final_destination_country)) {
      destination_factor = factors_.final_destination;
      destination = "final destination " + *s.final_destination_country +
                    Of(*label, *s.final_destination_country);
    } else if (const std::string* on_route = targets_.MatchCountry(s.destination_country)) {
      destination_factor = factors_.on_route;
      destination = "destination " + *s.destination_country + Of(*on_route, *s.destination_country);
    } else {
      for (const ShipmentLeg& leg : s.legs) {
        if (const std::string* leg_label = targets_.MatchCountry(leg.country)) {
          destination_factor = factors_.on_route;
          destination = "route leg " + std::to_string(leg.seq) + " in " + *leg.country +
                        Of(*leg_label, *leg.country);
          break;
        }
      }
    }
    // Factors are validated to be > 0 when set, so destination_factor > 0 exactly when a target
    // country was found above.
    bool target_reached = destination_factor > 0;
    if (!target_reached) {
      // Diversion countries are looked for only when no target country is on the way: a shipment
      // that names Russia does not need the weaker "via" evidence too.
      std::vector<const OptionalText*> places = {&s.destination_country,
                                                 &s.final_destination_country};
      for (const ShipmentLeg& leg : s.legs) places.push_back(&leg.country);
      for (const OptionalText* place : places) {
        if (const std::string* via = diversion_.MatchCountry(*place)) {
          destination_factor = factors_.adjacent;
          destination = "via " + **place + Of(*via, **place) + ", no target country declared";
          break;
        }
      }
    }
    if (destination_factor == 0) return;

    // Who receives the goods.
    // An end user until shown otherwise: the consignee's activity, another role it plays in this
    // shipment, or a trading word in its name makes it a trader (IntermediaryReason). The first
    // trading consignee decides; one is enough for the goods to be resold.
    double consignee_factor = factors_.end_user;
    std::string consignee = "consignee looks like an end user";
    for (const ShipmentParty& party : s.parties) {
      if (party.role != "consignee") continue;
      std::string reason =
          IntermediaryReason(party, s, {"trader", "forwarder", "distributor"}, trader_words_);
      if (!reason.empty()) {
        consignee_factor = factors_.trader;
        consignee = "consignee " + party.entity_id + " is a trader or forwarder (" + reason + ")";
        break;
      }
    }

    for (const ShipmentItem& item : s.items) {
      const HsEntry* entry = goods_.Match(item.hs_code);
      if (entry == nullptr) continue;
      double tier_weight = weight_;
      auto tier = tiers_.find(entry->tier);
      if (tier != tiers_.end()) {
        tier_weight = tier->second.weight();
        // A tier's floor (a minimum decision) applies only when a target is reached: goods that
        // merely pass through a diversion country raise the score by weight but cannot by
        // themselves force the decision (docs/rules.md).
        if (target_reached)
          outcome->floor = std::max(outcome->floor, tier->second.decision_floor());
      }
      double weight = tier_weight * destination_factor * consignee_factor;
      scores::Evidence* evidence = &outcome->evidence.emplace_back();
      SetItem(item, evidence->mutable_item());
      evidence->mutable_item()->set_tier(entry->tier);
      evidence->set_field("item " + std::to_string(item.line) + " hs_code");
      evidence->set_matched_value(entry->prefix);
      // Never 0: a matched item stays visible as evidence even when the rule's weights make it
      // count for (almost) nothing.
      evidence->set_weight(std::max(weight, 0.01));
      evidence->set_summary("item " + std::to_string(item.line) + " HS " + *item.hs_code + " is " +
                            (entry->tier.empty() ? "listed" : entry->tier) +
                            (entry->description.empty() ? "" : " (" + entry->description + ")") +
                            ", weight " + FormatNumber(tier_weight) + "; " + destination + " x" +
                            FormatNumber(destination_factor) + "; " + consignee + " x" +
                            FormatNumber(consignee_factor) + " = " + FormatNumber(weight));
    }
  }

 private:
  static std::string Of(const std::string& label, const std::string& code) {
    return label == code ? "" : " (" + label + ")";
  }

  double weight_;
  HsPrefixSet goods_;
  std::map<std::string, rules::TierWeight> tiers_;
  PlaceSet diversion_;
  PlaceSet targets_;
  Factors factors_;
  std::set<std::string> trader_words_;
};

}  // namespace

std::unique_ptr<CompiledRule> CompileDiversion(const rules::Rule& rule,
                                               const RuleCompileContext& c) {
  const rules::DiversionRule& config = rule.diversion();
  size_t errors_before = c.diagnostics->size();
  HsPrefixSet goods;
  goods.AddTable(config.hs_table(), "hs_table", c);
  if (config.hs_table().empty()) c.Error(c.locator.self(), "diversion rule needs an hs_table");
  std::map<std::string, rules::TierWeight> tiers = CompileTiers(config.tiers(), c);
  PlaceSet diversion, targets;
  diversion.AddCountries(config.diversion_countries(), "diversion_countries", c);
  diversion.AddGroups(config.diversion_groups(), "diversion_groups", c);
  targets.AddCountries(config.target_countries(), "target_countries", c);
  targets.AddGroups(config.target_groups(), "target_groups", c);
  if (targets.empty() && c.diagnostics->size() == errors_before) {
    c.Error(c.locator.self(), "diversion rule names no target country or group");
  }
  Factors factors;
  auto factor = [&](double value, const char* field, double* out) {
    if (!InRange(value, 0, 1)) {
      c.Error(c.locator.At(field), std::string(field) + " must be between 0 and 1");
      // 0 is the proto default ("not set"), so it keeps the built-in factor; a factor cannot be
      // switched off with 0, only made small.
    } else if (value > 0) {
      *out = value;
    }
  };
  factor(config.final_destination_factor(), "final_destination_factor", &factors.final_destination);
  factor(config.on_route_factor(), "on_route_factor", &factors.on_route);
  factor(config.adjacent_factor(), "adjacent_factor", &factors.adjacent);
  factor(config.trader_factor(), "trader_factor", &factors.trader);
  factor(config.end_user_factor(), "end_user_factor", &factors.end_user);
  std::set<std::string> words;
  // Upper case, as NameWords() gives the words of a party's name, so the match ignores case.
  for (const std::string& word : config.trader_name_words()) words.insert(AsciiUpper(word));
  // Any error in this rule drops the whole rule (the diagnostics say why): a half-compiled rule
  // would score with defaults the author did not choose.
  if (c.diagnostics->size() != errors_before) return nullptr;
  return std::make_unique<DiversionRule>(rule.weight(), std::move(goods), std::move(tiers),
                                         std::move(diversion), std::move(targets), factors,
                                         std::move(words));
}

}  // namespace corridor
