// Rule kind `owned_by_listed_party`: a party is owned or controlled by listed parties through
// chains of companies (the 50 Percent Rule; docs/ownership.md). The graph is built once per run
// (engine/facts/ownership_world.h); this rule seeds it with the blocked persons of its lists,
// runs the analysis under its regime in Prepare(), and reports each party's finding with the
// ownership paths as evidence.
#include <set>

#include "engine/base/strings.h"
#include "engine/facts/ownership_world.h"
#include "engine/ownership/ownership_load.h"
#include "engine/rules/kinds.h"
#include "engine/rules/matchers.h"

namespace corridor {

namespace {

constexpr size_t kMaxPathsPerParty = 4;

const char* FindingName(rules::OwnershipFinding finding) {
  switch (finding) {
    case rules::BLOCKED_BY_OWNERSHIP:
      return "blocked_by_ownership";
    case rules::POSSIBLY_BLOCKED:
      return "possibly_blocked";
    case rules::MINORITY_OWNERSHIP:
      return "minority_ownership";
    case rules::CONTROL_WITHOUT_OWNERSHIP:
      return "control_without_ownership";
    default:
      return "unspecified";
  }
}

class OwnedByListedPartyRule : public CompiledRule {
 public:
  OwnedByListedPartyRule(OwnershipRegime regime, std::set<std::string> lists,
                         std::set<std::string> roles, std::set<int> findings, double name_threshold)
      : name_threshold_(name_threshold),
        regime_(std::move(regime)),
        lists_(std::move(lists)),
        roles_(std::move(roles)),
        findings_(std::move(findings)) {}

  // Runs the analysis once for the run: the graph with the same-party edges of matches at this
  // rule's own threshold, seeded with the blocked persons of its lists at that threshold.
  Status Prepare(RunResources* resources) override {
    Status status = resources->Ownership(&world_);
    if (status.ok()) status = resources->OwnershipGraphAt(name_threshold_, &graph_);
    if (!status.ok()) return status;
    if (regime_.max_record_age_days > 0) regime_.as_of_date = resources->as_of();
    analysis_ = std::make_unique<OwnershipAnalysis>(
        Analyze(*graph_, world_->ListedSeeds(lists_, name_threshold_), regime_));
    return Status::Ok();
  }

  RuleNeeds Needs() const override {
    RuleNeeds needs;
    needs.lists.assign(lists_.begin(), lists_.end());
    needs.name_threshold = name_threshold_;
    return needs;
  }

  void Evaluate(const ShipmentContext& context, RuleOutcome* outcome) const override {
    if (!analysis_) return;
    const Shipment& s = context.shipment;
    for (size_t i = 0; i < s.parties.size(); ++i) {
      const ShipmentParty& party = s.parties[i];
      if (!party.entity || (!roles_.empty() && roles_.count(party.role) == 0)) continue;
      // The party's own node, and the list entries its names matched (an entry's links may
      // block it although the company's records hold no ownership row for it).
      std::vector<NodeId> nodes;
      NodeId own = world_->graph.Find(EntityNodeName(party.entity_id));
      if (own != kNoNode) nodes.push_back(own);
      if (const EntityFacts* facts = context.party_facts[i]) {
        for (const ListMatchFact& match : facts->list_matches) {
          if (!MatchCounts(match, name_threshold_)) continue;
          NodeId entry = world_->graph.Find(ListNodeName(match.list_id, match.entry_id));
          if (entry != kNoNode && entry != own) nodes.push_back(entry);
        }
      }
      for (NodeId node : nodes) {
        rules::OwnershipFinding finding = Finding(analysis_->Result(node));
        if (finding == rules::OWNERSHIP_FINDING_UNSPECIFIED || !findings_.count(finding)) continue;
        AddEvidence(party, node, node != own, finding, outcome);
        break;  // one finding per party: the party's own node first
      }
    }
  }

 private:
  // " (ofac-sdn 16868)" for the listed owner at the head of a path: the list entry it is, or
  // the entry its name matched.
  std::string ListedAs(NodeId node) const {
    auto entry = world_->list_nodes.find(node);
    if (entry != world_->list_nodes.end()) {
      return " (" + world_->graph.Name(node).substr(5) + ")";
    }
    auto matches = world_->entity_matches.find(node);
    if (matches == world_->entity_matches.end()) return " (" + world_->graph.Name(node) + ")";
    for (const ListMatchFact& match : matches->second) {
      if (MatchCounts(match, name_threshold_) && (lists_.empty() || lists_.count(match.list_id))) {
        return " (" + world_->graph.Name(node) + ", listed as " + match.list_id + " " +
               match.entry_id + " \"" + match.entry_name + "\")";
      }
    }
    return " (" + world_->graph.Name(node) + ")";
  }

  rules::OwnershipFinding Finding(const OwnershipResult& result) const {
    switch (result.status) {
      case OwnershipStatus::kBlocked:
        return rules::BLOCKED_BY_OWNERSHIP;
      case OwnershipStatus::kPossiblyBlocked:
        return rules::POSSIBLY_BLOCKED;
      case OwnershipStatus::kListed:
        return rules::OWNERSHIP_FINDING_UNSPECIFIED;  // listed_party's
      case OwnershipStatus::kNotBlocked:
        break;
    }
    if (result.control_without_ownership && findings_.count(rules::CONTROL_WITHOUT_OWNERSHIP)) {
      return rules::CONTROL_WITHOUT_OWNERSHIP;
    }
    if (result.minority_exposure) return rules::MINORITY_OWNERSHIP;
    return rules::OWNERSHIP_FINDING_UNSPECIFIED;
  }

  void AddEvidence(const ShipmentParty& party, NodeId node, bool via_name_match,
                   rules::OwnershipFinding finding, RuleOutcome* outcome) const {
    const OwnershipResult& result = analysis_->Result(node);
    std::vector<OwnershipPath> paths = analysis_->Explain(node, kMaxPathsPerParty);
    if (paths.empty())
      paths.emplace_back();  // the figures alone (e.g. minority via effective share)
    for (const OwnershipPath& path : paths) {
      scores::Evidence* evidence = &outcome->evidence.emplace_back();
      SetParty(party, evidence->mutable_party());
      evidence->set_field("party " + party.role);
      scores::Ownership* ownership = evidence->mutable_ownership();
      ownership->set_finding(FindingName(finding));
      ownership->set_regime(regime_.name);
      ownership->set_blocked_share_lower(result.blocked_share_lower);
      ownership->set_blocked_share_upper(result.blocked_share_upper);
      ownership->set_effective_listed_share(result.effective_listed_share);
      ownership->set_relies_on_stale_record(result.relies_on_stale_record);
      std::string chain;
      for (const OwnershipStep& step : path.steps) {
        scores::OwnershipStep* out = ownership->add_path();
        bool same_party = step.record_id == OwnershipWorld::kSamePartyRecord;
        out->set_owner(world_->graph.Name(step.owner));
        out->set_owner_name(world_->DisplayName(step.owner));
        out->set_owned(world_->graph.Name(step.owned));
        out->set_owned_name(world_->DisplayName(step.owned));
        out->set_share(step.share_percent.value_or(0));
        out->set_share_known(step.share_percent.has_value());
        out->set_control(step.control);
        out->set_stale(step.stale);
        out->set_relation(same_party ? "same party" : "ownership");
        if (chain.empty()) chain = "\"" + out->owner_name() + "\"" + ListedAs(step.owner);
        std::string link = same_party           ? "is"
                           : step.share_percent ? FormatNumber(*step.share_percent) + "%"
                                                : "unknown share";
        if (step.control && !same_party) link += ", control";
        if (step.stale) link += ", stale record";
        chain += " -[" + link + "]-> \"" + out->owned_name() + "\"";
      }
      if (via_name_match) {
        chain += " = party \"" + party.entity->name + "\" (name match)";
      }
      std::string summary = party.role + " " + party.entity_id + " \"" + party.entity->name +
                            "\" " + FindingName(finding) + " (" + regime_.name +
                            "): blocked owners hold " + FormatNumber(result.blocked_share_lower) +
                            "%";
      if (result.blocked_share_upper > result.blocked_share_lower) {
        summary += " (up to " + FormatNumber(result.blocked_share_upper) + "% with unknown shares)";
      }
      summary += ", effective listed share " + FormatNumber(result.effective_listed_share) + "%";
      if (result.relies_on_stale_record) summary += ", relies on a stale record";
      if (!chain.empty()) summary += "; path " + chain;
      evidence->set_summary(summary);
    }
  }

  double name_threshold_;
  OwnershipRegime regime_;
  std::set<std::string> lists_;
  std::set<std::string> roles_;
  std::set<int> findings_;
  const OwnershipWorld* world_ = nullptr;
  const OwnershipGraph* graph_ = nullptr;  // world_->GraphAt(name_threshold_), run-owned
  std::unique_ptr<OwnershipAnalysis> analysis_;
};

}  // namespace

std::unique_ptr<CompiledRule> CompileOwnedByListedParty(const rules::Rule& rule,
                                                        const RuleCompileContext& c) {
  const rules::OwnedByListedPartyRule& config = rule.owned_by_listed_party();
  size_t errors_before = c.diagnostics->size();
  OwnershipRegime regime;
  if (config.regime().empty() || config.regime() == "ofac") {
    regime = OwnershipRegime::Ofac();
  } else if (config.regime() == "eu") {
    regime = OwnershipRegime::Eu();
  } else if (config.regime() == "uk") {
    regime = OwnershipRegime::Uk();
  } else {
    c.Error(c.locator.At("regime"), "unknown regime \"" + config.regime() + "\" (ofac, eu, uk)");
  }
  if (!InRange(config.threshold_percent(), 0, 100)) {
    c.Error(c.locator.At("threshold_percent"), "threshold_percent must be between 0 and 100");
  } else if (config.threshold_percent() > 0) {
    regime.threshold_percent = config.threshold_percent();
  }
  if (!InRange(config.minority_percent(), 0, 100)) {
    c.Error(c.locator.At("minority_percent"), "minority_percent must be between 0 and 100");
  } else if (config.minority_percent() > 0) {
    regime.minority_percent = config.minority_percent();
  }
  if (config.max_record_age_days() < 0) {
    c.Error(c.locator.At("max_record_age_days"), "max_record_age_days must not be negative");
  }
  regime.max_record_age_days = config.max_record_age_days();
  std::set<std::string> roles = CompileRoles(config.roles(), "roles", c);
  std::set<int> findings(config.findings().begin(), config.findings().end());
  if (findings.count(rules::OWNERSHIP_FINDING_UNSPECIFIED)) {
    c.Error(c.locator.At("findings"), "finding must be set");
  }
  if (findings.empty()) findings.insert(rules::BLOCKED_BY_OWNERSHIP);
  double name_threshold = CompileNameThreshold(config.min_name_score(), "min_name_score", c);
  if (c.diagnostics->size() != errors_before) return nullptr;
  return std::make_unique<OwnedByListedPartyRule>(
      std::move(regime), std::set<std::string>(config.lists().begin(), config.lists().end()),
      std::move(roles), std::move(findings), name_threshold);
}

}  // namespace corridor
