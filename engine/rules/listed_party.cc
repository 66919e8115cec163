// Rule kind `listed_party`: a party's name or alias matches a watch-list entry. The matching
// itself happens once per entity before the rules run (engine/facts/party_screener.h); this
// rule filters those matches by list, program, role and score.
#include <algorithm>
#include <map>
#include <set>

#include "engine/base/strings.h"
#include "engine/facts/party_screener.h"
#include "engine/rules/kinds.h"
#include "engine/rules/matchers.h"

namespace corridor {

namespace {

class ListedPartyRule : public CompiledRule {
 public:
  ListedPartyRule(std::set<std::string> lists, std::set<std::string> excluded,
                  std::set<std::string> roles, std::set<std::string> programs, double min_score,
                  std::map<std::string, double> kind_min_scores, ListMeanings meanings,
                  std::set<int> measures, std::set<int> bindings, double weight)
      : weight_(weight),
        meanings_(std::move(meanings)),
        measures_(std::move(measures)),
        bindings_(std::move(bindings)),
        kind_min_scores_(std::move(kind_min_scores)),
        lists_(std::move(lists)),
        excluded_(std::move(excluded)),
        roles_(std::move(roles)),
        programs_(std::move(programs)),
        min_score_(min_score) {}

  void Evaluate(const ShipmentContext& context, RuleOutcome* outcome) const override {
    const Shipment& s = context.shipment;
    for (size_t i = 0; i < s.parties.size(); ++i) {
      const ShipmentParty& party = s.parties[i];
      const EntityFacts* facts = context.party_facts[i];
      if (facts == nullptr || (!roles_.empty() && roles_.count(party.role) == 0)) continue;
      for (const ListMatchFact& match : facts->list_matches) {
        if (!Accepts(match)) continue;
        scores::Evidence* evidence = &outcome->evidence.emplace_back();
        SetParty(party, evidence->mutable_party());
        scores::ListMatch* m = evidence->mutable_list_match();
        m->set_list_id(match.list_id);
        m->set_entry_id(match.entry_id);
        m->set_entry_name(match.entry_name);
        m->set_matched_name(match.matched_name);
        m->set_query_name(match.query_name);
        m->set_method(match.method);
        m->set_score(match.score);
        m->set_programs(match.programs);
        m->set_explanation(match.explanation);
        m->set_entry_kind(match.entry_kind);
        m->set_identifier_corroborates(match.identifier_corroborates);
        evidence->set_field("party " + party.role);
        evidence->set_matched_value(match.list_id + ":" + match.entry_id);
        std::string summary = party.role + " " + party.entity_id + " \"" + match.query_name +
                              "\" matches " + match.list_id + " entry " + match.entry_id + " \"" +
                              match.entry_name + "\"";
        if (match.matched_name != match.entry_name) {
          summary += " (alias \"" + match.matched_name + "\")";
        }
        summary += ", score " + FormatMatchScore(match.score);
        if (!match.programs.empty()) summary += ", programs " + match.programs;
        if (!match.explanation.empty()) summary += " (" + match.explanation + ")";
        // What the list means to this company (ListConfig x Profile), so a reviewer sees why
        // the hit weighs what it does.
        if (!measures_.empty() || !bindings_.empty()) {
          summary += "; " + meanings_.Of(match.list_id, match.programs).Describe();
        }
        evidence->set_summary(summary);
        // A short Chinese or Korean name without a confirming birth date or identifier may
        // alert but not block (docs/matching.md, "Name structure"): its evidence weighs at most
        // kUncorroboratedNameWeight and, when all of the hit's evidence is such, the hit decides
        // at most REVIEW (engine/score/aggregate.h).
        if (match.needs_corroboration) MarkUncorroboratedName(weight_, evidence);
      }
    }
  }

  RuleNeeds Needs() const override {
    RuleNeeds needs;
    needs.lists.assign(lists_.begin(), lists_.end());
    // The least threshold this rule applies, per kind included.
    needs.name_threshold = min_score_;
    for (const auto& [kind, threshold] : kind_min_scores_) {
      needs.name_threshold = std::min(needs.name_threshold, threshold);
    }
    return needs;
  }

 private:
  bool Accepts(const ListMatchFact& match) const {
    auto kind = kind_min_scores_.find(match.entry_kind);
    double min_score = kind == kind_min_scores_.end() ? min_score_ : kind->second;
    if (match.score < min_score) return false;
    if (!lists_.empty() && lists_.count(match.list_id) == 0) return false;
    if (excluded_.count(match.list_id)) return false;
    if (!measures_.empty() || !bindings_.empty()) {
      ListMeaning meaning = meanings_.Of(match.list_id, match.programs);
      if (!measures_.empty() && !measures_.count(meaning.measure)) return false;
      if (!bindings_.empty() && !bindings_.count(meaning.binding)) return false;
    }
    if (programs_.empty()) return true;
    for (const std::string& program : Split(match.programs, ';')) {
      if (programs_.count(std::string(Trim(program)))) return true;
    }
    return false;
  }

  double weight_;
  ListMeanings meanings_;
  std::set<int> measures_;  // empty: any
  std::set<int> bindings_;  // empty: any
  std::map<std::string, double> kind_min_scores_;
  std::set<std::string> lists_;
  std::set<std::string> excluded_;
  std::set<std::string> roles_;
  std::set<std::string> programs_;
  double min_score_;
};

}  // namespace

std::unique_ptr<CompiledRule> CompileListedParty(const rules::Rule& rule,
                                                 const RuleCompileContext& c) {
  const rules::ListedPartyRule& config = rule.listed_party();
  size_t errors_before = c.diagnostics->size();
  std::set<std::string> roles = CompileRoles(config.roles(), "roles", c);
  if (!InRange(config.min_score(), 0, 1)) {
    c.Error(c.locator.At("min_score"), "min_score must be between 0 and 1");
  }
  std::map<std::string, double> kind_min_scores;
  static const std::set<std::string> kKinds = {"person", "company", "vessel", "aircraft",
                                               "organization"};
  for (int i = 0; i < config.kind_min_scores_size(); ++i) {
    const rules::KindThreshold& threshold = config.kind_min_scores(i);
    FieldLocator at = c.locator.Nested("kind_min_scores", i);
    if (!kKinds.count(threshold.kind())) {
      c.Error(at.At("kind"), "unknown entity kind \"" + threshold.kind() +
                                 "\" (person, company, vessel, aircraft, organization)");
    }
    if (!(threshold.min_score() > 0 && threshold.min_score() <= 1)) {
      c.Error(at.At("min_score"), "min_score must be above 0 and at most 1");
    }
    // A kind named twice would leave its threshold to the order of the blocks, as a tier would
    // (from a review, 2026-12-07).
    if (!kind_min_scores.emplace(threshold.kind(), threshold.min_score()).second) {
      c.Error(at.At("kind"), "duplicate kind \"" + threshold.kind() + "\"");
    }
  }
  std::set<int> measures = CompileMeasures(config.measures(), "measures", c);
  std::set<int> bindings = CompileBindings(config.bindings(), "bindings", c);
  if (c.diagnostics->size() != errors_before) return nullptr;
  return std::make_unique<ListedPartyRule>(
      std::set<std::string>(config.lists().begin(), config.lists().end()),
      std::set<std::string>(config.exclude_lists().begin(), config.exclude_lists().end()),
      std::move(roles), std::set<std::string>(config.programs().begin(), config.programs().end()),
      config.min_score() > 0 ? config.min_score() : DefaultNameThreshold(),
      std::move(kind_min_scores), ListMeanings(c), std::move(measures), std::move(bindings),
      rule.weight());
}

}  // namespace corridor
