// Rule kind `proliferation`: goods relevant to missile and nuclear programmes (MTCR Annex and NSG
// Part 2 dual-use items that have HS codes: special-purpose vehicle chassis, filament-winding
// machines, maraging steel, carbon fibre, high-precision machine tools; a dated table with a
// source per row) going to an end user in a configured country (Pakistan, Iran, DPRK), or to a
// party matched to a configured list's entries of configured countries (the Entity List's
// Pakistan entries, e.g. National Development Complex: 15 CFR 744 Supp. 4; SDN since 2024-12).
#include <set>

#include "engine/base/strings.h"
#include "engine/rules/kinds.h"
#include "engine/rules/matchers.h"
#include "engine/rules/reference_table.h"

namespace corridor {

namespace {

class ProliferationRule : public CompiledRule {
 public:
  ProliferationRule(DatedHsTable goods, std::set<std::string> countries,
                    std::set<std::string> roles, std::set<std::string> lists,
                    std::set<std::string> list_countries, double name_threshold)
      : goods_(std::move(goods)),
        countries_(std::move(countries)),
        roles_(std::move(roles)),
        lists_(std::move(lists)),
        list_countries_(std::move(list_countries)),
        name_threshold_(name_threshold) {}

  RuleNeeds Needs() const override {
    RuleNeeds needs;
    // The lists are not required (needs.lists stays empty): without the Entity List loaded the
    // rule still works on countries, so a database holding only other lists screens.
    if (!lists_.empty()) needs.name_threshold = name_threshold_;
    // Each one the database lacks is a run problem (from a review, 2026-12-07: a misspelt
    // "csl_el" silently turned the Entity List part off).
    needs.optional_lists.assign(lists_.begin(), lists_.end());
    return needs;
  }

  bool PreparesFromInputOnly() const override { return true; }
  Status Prepare(RunResources* resources) override {
    if (lists_.empty() || list_countries_.empty()) return Status::Ok();
    // The entries of the configured lists that belong to the configured countries, by the
    // entry's own country or any of its addresses.
    std::unique_ptr<Statement> query;
    Status status = resources->input()->Prepare(
        "SELECT list_id, entry_id, upper(trim(country)) FROM list_entry UNION ALL"
        " SELECT list_id, entry_id, upper(trim(country)) FROM list_address",
        &query);
    if (!status.ok()) return status;
    while (query->Step()) {
      if (lists_.count(query->Text(0)) && list_countries_.count(query->Text(2)))
        entries_.insert(query->Text(0) + "\t" + query->Text(1));
    }
    return query->status();
  }

  void Evaluate(const ShipmentContext& context, RuleOutcome* outcome) const override {
    const Shipment& s = context.shipment;
    std::string end_use = EndUse(context);
    if (end_use.empty()) return;
    for (const ShipmentItem& item : s.items) {
      const ReferenceRow* row = goods_.Match(item.hs_code, context.as_of);
      if (row == nullptr) continue;
      scores::Evidence* evidence = &outcome->evidence.emplace_back();
      SetItem(item, evidence->mutable_item());
      evidence->mutable_item()->set_tier(row->Get("regime"));
      evidence->set_field("item " + std::to_string(item.line) + " hs_code");
      evidence->set_matched_value(row->Get("hs_code"));
      evidence->set_summary("item " + std::to_string(item.line) + " HS " + *item.hs_code + " is " +
                            row->Get("item") + " (" + row->Get("regime") + ": " +
                            row->Get("description") + "; " + row->Get("source") + "); " + end_use);
    }
  }

 private:
  // Why the goods go to a proliferation end use: a party in a configured country or on a
  // configured list entry, or the final destination; "" when none.
  std::string EndUse(const ShipmentContext& context) const {
    const Shipment& s = context.shipment;
    for (size_t i = 0; i < s.parties.size(); ++i) {
      const ShipmentParty& party = s.parties[i];
      if (!roles_.count(party.role) || !party.entity) continue;
      const EntityFacts* facts = context.party_facts[i];
      if (facts != nullptr && !entries_.empty()) {
        for (const ListMatchFact& match : facts->list_matches) {
          if (!MatchDecides(match, name_threshold_) ||
              !entries_.count(match.list_id + "\t" + match.entry_id))
            continue;
          return party.role + " " + party.entity_id + " \"" + party.entity->name + "\" is on " +
                 match.list_id + " as \"" + match.entry_name + "\" (" + match.entry_id + ")";
        }
      }
      if (party.entity->country && countries_.count(*party.entity->country)) {
        return party.role + " " + party.entity_id + " \"" + party.entity->name + "\" is in " +
               *party.entity->country;
      }
    }
    if (s.final_destination_country && countries_.count(*s.final_destination_country))
      return "final destination " + *s.final_destination_country;
    if (s.destination_country && countries_.count(*s.destination_country))
      return "destination " + *s.destination_country;
    return "";
  }

  DatedHsTable goods_;
  std::set<std::string> countries_;
  std::set<std::string> roles_;
  std::set<std::string> lists_;
  std::set<std::string> list_countries_;
  double name_threshold_;
  std::set<std::string> entries_;  // "list_id\tentry_id" of the configured countries
};

}  // namespace

std::unique_ptr<CompiledRule> CompileProliferation(const rules::Rule& rule,
                                                   const RuleCompileContext& c) {
  const rules::ProliferationRule& config = rule.proliferation();
  size_t errors_before = c.diagnostics->size();
  DatedHsTable goods;
  if (config.goods_table().empty()) {
    c.Error(c.locator.self(), "proliferation rule needs a goods_table");
  } else {
    std::vector<ReferenceRow> rows;
    if (ReadReferenceTable(config.goods_table(), "goods_table",
                           {"hs_code", "item", "regime", "description"}, c, &rows))
      goods.Add(std::move(rows), "hs_code", c);
  }
  PlaceSet places;  // validated only
  places.AddCountries(config.end_user_countries(), "end_user_countries", c);
  places.AddCountries(config.list_countries(), "list_countries", c);
  std::set<std::string> roles = CompileRoles(config.roles(), "roles", c);
  if (roles.empty()) roles = {"consignee", "end_user", "notify", "intermediate"};
  if (config.end_user_countries().empty() && config.lists().empty() &&
      c.NothingMissing(errors_before))
    c.Error(c.locator.self(), "proliferation rule names no end_user_countries and no lists");
  double name_threshold = CompileNameThreshold(config.min_name_score(), "min_name_score", c);
  if (c.diagnostics->size() != errors_before) return nullptr;
  return std::make_unique<ProliferationRule>(
      std::move(goods),
      std::set<std::string>(config.end_user_countries().begin(), config.end_user_countries().end()),
      std::move(roles), std::set<std::string>(config.lists().begin(), config.lists().end()),
      std::set<std::string>(config.list_countries().begin(), config.list_countries().end()),
      name_threshold);
}

}  // namespace corridor
