// Rule kind `ear_scope`: is an item "subject to the EAR" (15 CFR 734.3), and does its export then
// need a licence? Read from the optional shipment_item columns eccn, us_content_percent and
// brand_country (schemas/input.sql). Without them the rule says nothing, and says why in the
// stream header.
//
// Subject to the EAR (shared/LAW.md, "BIS Entity List ... items subject to the EAR"):
//   - US-origin items (734.3(a)(2)): origin or brand country US;
//   - foreign-made items with more than de minimis US controlled content (734.4): more than 25%,
//     or more than 10% for the embargoed destinations of 734.4(c) (Cuba, Iran, North Korea,
//     Syria);
//   - foreign direct products (734.9): for Russia and Belarus (734.9(f)) any item with a CCL
//     ECCN (not EAR99) is taken as the direct product of US technology or tools, as nearly all
//     controlled electronics are; likewise for a party on the Entity List (the footnote FDP rules
//     of 734.9(e) apply to footnoted entries; the rule cannot see footnotes, so it flags the
//     possibility for review rather than deciding).
// A licence is needed (holds) when an item subject to the EAR goes to a licence country (Russia,
// Belarus: 746.8; the embargoes: 746) or to an Entity List party (744.11).
#include <set>

#include "engine/base/strings.h"
#include "engine/rules/kinds.h"
#include "engine/rules/matchers.h"

namespace corridor {

namespace {

class EarScopeRule : public CompiledRule {
 public:
  EarScopeRule(std::string id, const rules::EarScopeRule& config, double name_threshold)
      : id_(std::move(id)),
        embargoed_(config.embargoed_countries().begin(), config.embargoed_countries().end()),
        fdp_(config.fdp_countries().begin(), config.fdp_countries().end()),
        lists_(config.entity_lists().begin(), config.entity_lists().end()),
        licence_(config.licence_countries().begin(), config.licence_countries().end()),
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
    std::vector<std::string> columns;
    Status status = resources->input()->Columns("shipment_item", &columns);
    if (!status.ok()) return status;
    enabled_ = true;
    for (const char* column : {"eccn", "us_content_percent", "brand_country"}) {
      if (std::find(columns.begin(), columns.end(), column) == columns.end()) enabled_ = false;
    }
    if (!enabled_) {
      resources->NoteRunProblem(
          {"rule", id_, "shipment_item",
           "rule off: the input has no eccn, us_content_percent and brand_country columns on "
           "shipment_item (schemas/input.sql), so whether items are subject to the EAR is not "
           "known"});
    }
    return Status::Ok();
  }

  void Evaluate(const ShipmentContext& context, RuleOutcome* outcome) const override {
    if (!enabled_) return;
    const Shipment& s = context.shipment;
    std::string listed = EntityListParty(context);
    for (const ShipmentItem& item : s.items) {
      // Each country the goods are declared to go to, the final destination first: goods
      // delivered into Russia are exported to Russia whatever final destination is declared
      // beyond it (since 2026-12-07, from a review: with a final destination KZ declared, goods
      // to a Russian consignee in Russia needed no licence here). The first that needs one
      // speaks.
      std::string subject, licence;
      for (const std::string& destination : Destinations(s)) {
        const bool fdp_destination = !destination.empty() && fdp_.count(destination.substr(0, 2));
        subject = SubjectToEar(item, destination, fdp_destination, !listed.empty());
        if (subject.empty()) continue;
        licence.clear();
        if (!destination.empty() && licence_.count(destination.substr(0, 2)))
          licence = "destination " + destination + " needs a licence (15 CFR 746)";
        if (!listed.empty())
          licence += (licence.empty() ? "" : "; ") + listed + " needs a licence (15 CFR 744.11)";
        if (!licence.empty()) break;
      }
      if (subject.empty() || licence.empty()) continue;
      scores::Evidence* evidence = &outcome->evidence.emplace_back();
      SetItem(item, evidence->mutable_item());
      evidence->set_field("item " + std::to_string(item.line) + " eccn");
      evidence->set_matched_value(item.eccn.value_or(""));
      evidence->set_summary("item " + std::to_string(item.line) + " is subject to the EAR (" +
                            subject + "); " + licence);
    }
  }

 private:
  // "RU (final destination)" style: the countries the goods are declared to go to, the final
  // destination first; one empty label when neither is known.
  static std::vector<std::string> Destinations(const Shipment& s) {
    std::vector<std::string> out;
    if (s.final_destination_country)
      out.push_back(*s.final_destination_country + " (final destination)");
    if (s.destination_country && s.destination_country != s.final_destination_country) {
      out.push_back(*s.destination_country + " (destination)");
    }
    if (out.empty()) out.emplace_back();
    return out;
  }

  std::string EntityListParty(const ShipmentContext& context) const {
    const Shipment& s = context.shipment;
    for (size_t i = 0; i < s.parties.size(); ++i) {
      const EntityFacts* facts = context.party_facts[i];
      if (facts == nullptr || !s.parties[i].entity) continue;
      for (const ListMatchFact& match : facts->list_matches) {
        if (!lists_.count(match.list_id) || !MatchDecides(match, name_threshold_)) continue;
        return s.parties[i].role + " " + s.parties[i].entity_id + " on " + match.list_id +
               " as \"" + match.entry_name + "\"";
      }
    }
    return "";
  }

  // Why the item is subject to the EAR, or "" when the columns do not show it.
  std::string SubjectToEar(const ShipmentItem& item, const std::string& destination,
                           bool fdp_destination, bool entity_listed) const {
    if (item.origin_country == "US") return "US origin, 15 CFR 734.3(a)(2)";
    if (item.brand_country == "US" && !item.origin_country)
      return "US brand with no other origin declared, 15 CFR 734.3(a)(2)";
    bool embargoed = !destination.empty() && embargoed_.count(destination.substr(0, 2));
    double de_minimis = embargoed ? 10 : 25;
    if (item.us_content_percent && *item.us_content_percent > de_minimis) {
      return FormatNumber(*item.us_content_percent) + "% US controlled content, above the " +
             FormatNumber(de_minimis) + "% de minimis level, 15 CFR 734.4";
    }
    bool ccl = item.eccn && *item.eccn != "EAR99" && !item.eccn->empty();
    if (ccl && fdp_destination)
      return "ECCN " + *item.eccn + " to " + destination +
             ": Russia/Belarus foreign direct product rule, 15 CFR 734.9(f)";
    if (ccl && entity_listed)
      return "ECCN " + *item.eccn +
             " to an Entity List party: footnote foreign direct product rules, 15 CFR 734.9(e), "
             "to be confirmed against the entry's footnote";
    return "";
  }

  std::string id_;
  std::set<std::string> embargoed_;
  std::set<std::string> fdp_;
  std::set<std::string> lists_;
  std::set<std::string> licence_;
  double name_threshold_;
  bool enabled_ = true;
};

}  // namespace

std::unique_ptr<CompiledRule> CompileEarScope(const rules::Rule& rule,
                                              const RuleCompileContext& c) {
  const rules::EarScopeRule& config = rule.ear_scope();
  size_t errors_before = c.diagnostics->size();
  PlaceSet places;  // validated only
  places.AddCountries(config.embargoed_countries(), "embargoed_countries", c);
  places.AddCountries(config.fdp_countries(), "fdp_countries", c);
  places.AddCountries(config.licence_countries(), "licence_countries", c);
  if (config.licence_countries().empty() && config.entity_lists().empty() &&
      c.NothingMissing(errors_before))
    c.Error(c.locator.self(), "ear_scope rule names no licence_countries and no entity_lists");
  double name_threshold = CompileNameThreshold(config.min_name_score(), "min_name_score", c);
  if (c.diagnostics->size() != errors_before) return nullptr;
  return std::make_unique<EarScopeRule>(rule.id(), config, name_threshold);
}

}  // namespace corridor
