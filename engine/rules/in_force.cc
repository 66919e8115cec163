// What applies to a rule of any kind: the dates it is in force and its exemptions (general
// licences). A rule with either is wrapped in a RuleInForce that asks the kind's rule for its
// hits and then applies them; docs/rules.md ("Dates", "Exemptions").
#include <limits>
#include <regex>
#include <set>

#include "engine/base/date.h"
#include "engine/base/strings.h"
#include "engine/facts/party_screener.h"
#include "engine/rules/kinds.h"
#include "engine/rules/matchers.h"

namespace corridor {

namespace {

struct CompiledExemption {
  rules::Exemption config;
  std::set<std::string> hs_prefixes;
  std::set<std::string> destinations;
  std::set<int> unless_measures;
  std::set<std::string> unless_activities;
  std::set<std::string> evidence_countries;  // empty: all of the hit's evidence is covered
};

// The country a piece of evidence is about: its country, else its region's ("UA-43" -> "UA"),
// else its leg's or party's. "" when it names none.
std::string EvidenceCountry(const scores::Evidence& evidence) {
  if (!evidence.country().empty()) return evidence.country();
  if (!evidence.region().empty()) return evidence.region().substr(0, evidence.region().find('-'));
  if (!evidence.leg().country().empty()) return evidence.leg().country();
  return evidence.party().country();
}

class RuleInForce : public CompiledRule {
 public:
  RuleInForce(std::unique_ptr<CompiledRule> inner, int64_t from_day, int64_t to_day,
              std::vector<CompiledExemption> exemptions, ListMeanings meanings)
      : inner_(std::move(inner)),
        from_day_(from_day),
        to_day_(to_day),
        exemptions_(std::move(exemptions)),
        meanings_(std::move(meanings)) {}

  RuleNeeds Needs() const override { return inner_->Needs(); }
  Status Prepare(RunResources* resources) override { return inner_->Prepare(resources); }
  bool PreparesFromInputOnly() const override { return inner_->PreparesFromInputOnly(); }
  bool ReadsOtherShipments() const override { return inner_->ReadsOtherShipments(); }
  void AppendCrossShipmentState(const Shipment& shipment, std::string* out) const override {
    inner_->AppendCrossShipmentState(shipment, out);
  }
  Status NewScratch(std::unique_ptr<RuleScratch>* scratch) const override {
    return inner_->NewScratch(scratch);
  }

  void Evaluate(const ShipmentContext& context, RuleOutcome* outcome) const override {
    // A law not yet or no longer in force on the screening date does not apply.
    std::optional<int64_t> day = DayNumber(context.as_of);
    if (!day || *day < from_day_ || *day > to_day_) return;
    inner_->Evaluate(context, outcome);
    if (outcome->evidence.empty()) return;
    for (const CompiledExemption& exemption : exemptions_) {
      if (!Covers(exemption, context.shipment)) continue;
      std::string exception = Unless(exemption, context);
      const rules::Exemption& config = exemption.config;
      if (!exception.empty()) {
        // The licence would cover the goods, but not these parties: say so, keep the hit.
        for (scores::Evidence& evidence : outcome->evidence) {
          evidence.set_summary(evidence.summary() + "; not exempt under " + config.id() + " (" +
                               config.source() + "): " + exception);
        }
        continue;
      }
      // A country's licence covers the evidence in that country only (31 CFR 560.530 is Iran's:
      // a North Korean leg of wheat to Iran stays blocked). Evidence outside it keeps the rule's
      // weight and floor, so the hit is not exempt; the covered evidence still says it is.
      bool all_covered = true;
      for (const scores::Evidence& evidence : outcome->evidence) {
        if (!CoversEvidence(exemption, evidence)) all_covered = false;
      }
      // Exempt: the hit stays, with the exemption's weight and floor, and every piece of
      // evidence says why.
      if (all_covered) {
        outcome->exempt = true;
        outcome->floor =
            config.decision_floor() == DECISION_UNSPECIFIED ? CLEAR : config.decision_floor();
      }
      for (scores::Evidence& evidence : outcome->evidence) {
        if (!CoversEvidence(exemption, evidence)) {
          evidence.set_summary(evidence.summary() + "; not exempt under " + config.id() +
                               ": the licence covers " + CountryList(exemption) + " only");
          continue;
        }
        // A namesake's evidence keeps its cap (kUncorroboratedNameWeight) whatever the exemption
        // weighs.
        evidence.set_weight(evidence.uncorroborated_name()
                                ? std::min(config.weight(), kUncorroboratedNameWeight)
                                : config.weight());
        evidence.set_summary(evidence.summary() + "; exempt under " + config.id() + " (" +
                             config.source() + ")");
      }
      return;
    }
  }

 private:
  // The goods and destination the exemption is about.
  static bool Covers(const CompiledExemption& exemption, const Shipment& shipment) {
    if (!exemption.destinations.empty()) {
      bool to = (shipment.destination_country &&
                 exemption.destinations.count(*shipment.destination_country)) ||
                (shipment.final_destination_country &&
                 exemption.destinations.count(*shipment.final_destination_country));
      if (!to) return false;
    }
    if (!exemption.hs_prefixes.empty()) {
      // Every item must be covered: one item outside the licence makes the shipment not exempt.
      if (shipment.items.empty()) return false;
      for (const ShipmentItem& item : shipment.items) {
        bool covered = false;
        for (const std::string& prefix : exemption.hs_prefixes) {
          if (item.hs_code && StartsWith(*item.hs_code, prefix)) covered = true;
        }
        if (!covered) return false;
      }
    }
    return true;
  }

  static bool CoversEvidence(const CompiledExemption& exemption, const scores::Evidence& evidence) {
    return exemption.evidence_countries.empty() ||
           exemption.evidence_countries.count(EvidenceCountry(evidence)) > 0;
  }

  static std::string CountryList(const CompiledExemption& exemption) {
    std::string out;
    for (const std::string& country : exemption.evidence_countries) {
      if (!out.empty()) out += ", ";
      out += country;
    }
    return out;
  }

  // Why the exemption does not hold for these parties ("" when it does).
  std::string Unless(const CompiledExemption& exemption, const ShipmentContext& context) const {
    const Shipment& s = context.shipment;
    for (size_t i = 0; i < s.parties.size(); ++i) {
      const ShipmentParty& party = s.parties[i];
      if (party.entity && party.entity->activity &&
          exemption.unless_activities.count(*party.entity->activity)) {
        return party.role + " " + party.entity_id + " is " + *party.entity->activity;
      }
      const EntityFacts* facts = context.party_facts[i];
      if (facts == nullptr || exemption.unless_measures.empty()) continue;
      for (const ListMatchFact& match : facts->list_matches) {
        // A short Chinese or Korean name alone does not make the party the listed person: it
        // does not take the exemption away (the listed_party rules report it for review).
        if (!MatchDecides(match, DefaultNameThreshold())) continue;
        ListMeaning meaning = meanings_.Of(match.list_id, match.programs);
        if (exemption.unless_measures.count(meaning.measure)) {
          return party.role + " " + party.entity_id + " matches " + match.list_id + " entry " +
                 match.entry_id + " (" + MeasureName(meaning.measure) + ")";
        }
      }
    }
    return "";
  }

  std::unique_ptr<CompiledRule> inner_;
  int64_t from_day_;
  int64_t to_day_;
  std::vector<CompiledExemption> exemptions_;
  ListMeanings meanings_;
};

CompiledExemption CompileExemption(const rules::Rule& rule, int index,
                                   const RuleCompileContext& c) {
  static const std::regex kId("[a-z][a-z0-9_]*");
  const rules::Exemption& config = rule.exemption(index);
  FieldLocator at = c.locator.Nested("exemption", index);
  CompiledExemption out{config, {}, {}, {}, {}, {}};
  if (!std::regex_match(config.id(), kId)) {
    c.Error(at.At("id"), "exemption id \"" + config.id() + "\" must be lower_snake_case");
  }
  if (config.source().empty()) {
    c.Error(at.self(), "exemption \"" + config.id() + "\" names no source");
  }
  for (int i = 0; i < config.hs_prefixes_size(); ++i) {
    if (!IsHsPrefix(config.hs_prefixes(i))) {
      c.Error(at.At("hs_prefixes", i),
              "HS code prefix must be 2 to 10 digits, got \"" + config.hs_prefixes(i) + "\"");
    }
    out.hs_prefixes.insert(config.hs_prefixes(i));
  }
  for (int i = 0; i < config.destination_countries_size(); ++i) {
    if (!IsKnownCountryCode(config.destination_countries(i))) {
      c.Error(at.At("destination_countries", i),
              "unknown country code \"" + config.destination_countries(i) + "\"");
    }
    out.destinations.insert(config.destination_countries(i));
  }
  for (int i = 0; i < config.evidence_countries_size(); ++i) {
    if (!IsKnownCountryCode(config.evidence_countries(i))) {
      c.Error(at.At("evidence_countries", i),
              "unknown country code \"" + config.evidence_countries(i) + "\"");
    }
    out.evidence_countries.insert(config.evidence_countries(i));
  }
  if (config.hs_prefixes().empty() && config.destination_countries().empty()) {
    c.Error(at.self(), "exemption \"" + config.id() +
                           "\" names no hs_prefixes or destination_countries (it would cover "
                           "every shipment)");
  }
  // An exemption lowers a hit; one that raised it would be a second rule in disguise.
  if (!InRange(config.weight(), 0, rule.weight())) {
    c.Error(at.At("weight"), "exemption weight must be between 0 and the rule's weight " +
                                 FormatNumber(rule.weight()));
  }
  if (config.decision_floor() > rule.decision_floor() && rule.decision_floor() != 0) {
    c.Error(at.At("decision_floor"), "exemption decision_floor must not be above the rule's");
  }
  out.unless_measures.insert(config.unless_party_measures().begin(),
                             config.unless_party_measures().end());
  out.unless_activities.insert(config.unless_activities().begin(),
                               config.unless_activities().end());
  return out;
}

}  // namespace

std::unique_ptr<CompiledRule> ApplyRuleTerms(const rules::Rule& rule,
                                             std::unique_ptr<CompiledRule> compiled,
                                             const RuleCompileContext& c) {
  size_t errors_before = c.diagnostics->size();
  CheckDateRange(rule.effective_from(), rule.effective_to(), c.locator, c.diagnostics);
  std::vector<CompiledExemption> exemptions;
  std::set<std::string> ids;
  for (int i = 0; i < rule.exemption_size(); ++i) {
    exemptions.push_back(CompileExemption(rule, i, c));
    if (!ids.insert(rule.exemption(i).id()).second) {
      c.Error(c.locator.Nested("exemption", i).At("id"),
              "duplicate exemption \"" + rule.exemption(i).id() + "\"");
    }
  }
  if (c.diagnostics->size() != errors_before) return nullptr;
  if (rule.effective_from().empty() && rule.effective_to().empty() && exemptions.empty()) {
    return compiled;
  }
  if (compiled == nullptr) return nullptr;
  int64_t from = rule.effective_from().empty() ? std::numeric_limits<int64_t>::min()
                                               : *DayNumber(rule.effective_from());
  int64_t to = rule.effective_to().empty() ? std::numeric_limits<int64_t>::max()
                                           : *DayNumber(rule.effective_to());
  return std::make_unique<RuleInForce>(std::move(compiled), from, to, std::move(exemptions),
                                       ListMeanings(c));
}

}  // namespace corridor
