// Rule kind `owned_by_listed_party`: a party is owned or controlled by listed parties through
// chains of companies (the 50 Percent Rule; docs/ownership.md). The graph is built once per run
// (engine/facts/ownership_world.h); this rule seeds it with the blocked persons of its lists,
// runs the analysis under its regime in Prepare(), and reports each party's finding with the
// ownership paths as evidence. A finding that rests on a short Chinese or Korean name matched
// without corroboration (a listed owner's namesake) is reported for review, never to block: the
// analysis runs without such matches to decide and, where the run has any, with them to alert.
#include <algorithm>
#include <set>
#include <unordered_set>

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

// How strict a finding is: a party with several (one per regime's test) reports the strictest.
int FindingRank(rules::OwnershipFinding finding) {
  switch (finding) {
    case rules::BLOCKED_BY_OWNERSHIP:
      return 3;
    case rules::POSSIBLY_BLOCKED:
      return 2;
    case rules::MINORITY_OWNERSHIP:
    case rules::CONTROL_WITHOUT_OWNERSHIP:
      return 1;
    default:
      return 0;
  }
}

// The ownership test of a list's regime under `regime: "by_list"`: OFAC's for US lists (>= 50%,
// aggregated; FAQ 401), OFSI's for UK lists (> 50%, owners not aggregated; guidance 4.14), the
// EU's for every other regime (> 50% or control, aggregated; Commission FAQs on Art. 2 of
// Reg. 269/2014), which is also how the UN's "owned or controlled" is read.
std::string TestOfRegime(const std::string& list_regime) {
  if (list_regime == "US") return "ofac";
  if (list_regime == "UK") return "uk";
  return "eu";
}

class OwnedByListedPartyRule : public CompiledRule {
 public:
  // One ownership test and its analyses for the run: `analysis` counts only name matches that
  // need no corroboration, `with_namesakes` (null when the run has no such match) counts them too.
  struct RegimeAnalysis {
    OwnershipRegime regime;
    std::shared_ptr<const OwnershipAnalysis> analysis;
    std::shared_ptr<const OwnershipAnalysis> with_namesakes;
    // The analysis that counts uncorroborated matches: `analysis` itself when the run's ownership
    // world has none (the graphs and seeds are then the same).
    const OwnershipAnalysis& Namesakes() const {
      return with_namesakes ? *with_namesakes : *analysis;
    }
  };

  // `regimes`: one regime, or (by_list) the three tests, each seeded with its regime's lists.
  OwnedByListedPartyRule(std::vector<OwnershipRegime> regimes, bool by_list,
                         std::set<std::string> lists, std::set<std::string> roles,
                         std::set<int> findings, double name_threshold, ListMeanings meanings,
                         std::set<int> measures, std::set<int> bindings, double weight)
      : name_threshold_(name_threshold),
        weight_(weight),
        by_list_(by_list),
        meanings_(std::move(meanings)),
        measures_(std::move(measures)),
        bindings_(std::move(bindings)),
        lists_(std::move(lists)),
        roles_(std::move(roles)),
        findings_(std::move(findings)) {
    min_rank_ = 3;
    for (int finding : findings_) {
      min_rank_ = std::min(min_rank_, FindingRank(static_cast<rules::OwnershipFinding>(finding)));
    }
    for (OwnershipRegime& regime : regimes)
      analyses_.push_back({std::move(regime), nullptr, nullptr});
  }

  // Runs the analyses once for the run: the graph with the same-party edges of matches at this
  // rule's own threshold, seeded with the blocked persons of its lists at that threshold (by
  // measure and binding where the rule filters, by the list's regime under by_list).
  Status Prepare(RunResources* resources) override {
    Status status = resources->Ownership(&world_);
    if (status.ok()) status = resources->OwnershipGraphAt(name_threshold_, true, &graph_);
    if (!status.ok()) return status;
    const OwnershipGraph* namesakes_graph = nullptr;
    if (world_->HasUncorroboratedAt(name_threshold_)) {
      status = resources->OwnershipGraphAt(name_threshold_, false, &namesakes_graph);
      if (!status.ok()) return status;
    }
    for (RegimeAnalysis& entry : analyses_) {
      if (entry.regime.max_record_age_days > 0) entry.regime.as_of_date = resources->as_of();
      const std::string test = entry.regime.name;
      auto counts = [&](const std::string& list_id, const std::string& programs) {
        return Counts(test, list_id, programs);
      };
      entry.analysis = resources->AnalyzeOwnership(
          *graph_, world_->ListedSeeds(lists_, name_threshold_, counts, true), entry.regime);
      if (namesakes_graph != nullptr) {
        entry.with_namesakes = resources->AnalyzeOwnership(
            *namesakes_graph, world_->ListedSeeds(lists_, name_threshold_, counts, false),
            entry.regime);
      }
    }
    // The nodes any of the analyses finds something for: few (those below a listed owner), so
    // most parties are passed over with one bit instead of a result per analysis, each a
    // cache miss in a table the size of the graph (docs/performance.md).
    findable_.clear();
    for (const RegimeAnalysis& entry : analyses_) {
      for (const OwnershipAnalysis* analysis : {entry.analysis.get(), entry.with_namesakes.get()}) {
        if (analysis == nullptr) continue;
        const std::vector<OwnershipResult>& results = analysis->results();
        if (findable_.size() < results.size()) findable_.resize(results.size(), false);
        for (size_t node = 0; node < results.size(); ++node) {
          if (Finding(results[node]) != rules::OWNERSHIP_FINDING_UNSPECIFIED)
            findable_[node] = true;
        }
      }
    }
    return Status::Ok();
  }

  RuleNeeds Needs() const override {
    RuleNeeds needs;
    needs.lists.assign(lists_.begin(), lists_.end());
    needs.name_threshold = name_threshold_;
    return needs;
  }

  // Whether one of the party's own name matches at this rule's threshold needs corroboration: it
  // may link the party to a list entry node although no entity of the ownership world has one.
  bool HasNamesakeMatch(const EntityFacts* facts) const {
    if (facts == nullptr) return false;
    for (const ListMatchFact& match : facts->list_matches) {
      if (match.needs_corroboration && MatchCounts(match, name_threshold_)) return true;
    }
    return false;
  }

  // A party's finding under one set of analyses.
  struct Found {
    bool hits = false;
    const RegimeAnalysis* entry = nullptr;
    NodeId node = kNoNode;
    bool via_name_match = false;
    rules::OwnershipFinding finding = rules::OWNERSHIP_FINDING_UNSPECIFIED;
  };

  void Evaluate(const ShipmentContext& context, RuleOutcome* outcome) const override {
    if (analyses_.empty() || !analyses_.front().analysis) return;
    const Shipment& s = context.shipment;
    for (size_t i = 0; i < s.parties.size(); ++i) {
      const ShipmentParty& party = s.parties[i];
      if (!party.entity || (!roles_.empty() && roles_.count(party.role) == 0)) continue;
      const EntityFacts* facts = context.party_facts[i];
      const ShipmentContext::PartyNodes& nodes = NodesOf(context, i);
      // Decided on matches that need no corroboration; only when that finds nothing, what the
      // uncorroborated short names would add, for review.
      Found found = Find(nodes, facts, false);
      bool namesake = false;
      if (!found.hits && (analyses_.front().with_namesakes || HasNamesakeMatch(facts))) {
        found = Find(nodes, facts, true);
        namesake = found.hits;
      }
      if (!found.hits) continue;
      size_t first = outcome->evidence.size();
      AddEvidence(party, found.node, found.via_name_match, found.finding,
                  namesake ? found.entry->Namesakes() : *found.entry->analysis, found.entry->regime,
                  namesake, outcome);
      // At most kUncorroboratedNameWeight each; a hit with nothing else decides at most REVIEW
      // (engine/score/aggregate.h).
      if (namesake) {
        for (size_t e = first; e < outcome->evidence.size(); ++e) {
          MarkUncorroboratedName(weight_, &outcome->evidence[e]);
        }
      }
    }
  }

 private:
  // Party `i`'s own node and the nodes of the list entries its names matched, found in the
  // world's graph by the first ownership rule to ask during this shipment (every graph of the
  // run numbers nodes alike).
  const ShipmentContext::PartyNodes& NodesOf(const ShipmentContext& context, size_t i) const {
    if (context.party_nodes.size() != context.shipment.parties.size()) {
      context.party_nodes.assign(context.shipment.parties.size(), {});
    }
    ShipmentContext::PartyNodes& nodes = context.party_nodes[i];
    if (nodes.graph == &world_->graph) return nodes;
    nodes.graph = &world_->graph;
    const ShipmentParty& party = context.shipment.parties[i];
    nodes.own = world_->EntityNode(party.entity_id, party.entity ? party.entity->number : 0);
    nodes.matches.clear();
    if (const EntityFacts* facts = context.party_facts[i]) {
      for (const ListMatchFact& match : facts->list_matches) {
        nodes.matches.push_back(world_->graph.Find(ListNodeName(match.list_id, match.entry_id)));
      }
    }
    return nodes;
  }

  // The party's finding: under the analyses without uncorroborated name matches, or with them
  // (`namesakes`).
  Found Find(const ShipmentContext::PartyNodes& party_nodes, const EntityFacts* facts,
             bool namesakes) const {
    // The party's own node, and the list entries its names matched (an entry's links may
    // block it although the company's records hold no ownership row for it).
    std::vector<NodeId> nodes;
    const NodeId own = party_nodes.own;
    if (own != kNoNode) nodes.push_back(own);
    if (facts != nullptr) {
      for (size_t m = 0; m < facts->list_matches.size(); ++m) {
        const ListMatchFact& match = facts->list_matches[m];
        if (!MatchCounts(match, name_threshold_)) continue;
        if (match.needs_corroboration && !namesakes) continue;
        NodeId entry = party_nodes.matches[m];
        if (entry != kNoNode && entry != own) nodes.push_back(entry);
      }
    }
    // One finding per party: the strictest any regime's test gives, the party's own node
    // first on a tie (its records are the company's own).
    Found found;
    for (NodeId node : nodes) {
      if (static_cast<size_t>(node) >= findable_.size() || !findable_[node]) continue;
      for (const RegimeAnalysis& entry : analyses_) {
        const OwnershipAnalysis& analysis = namesakes ? entry.Namesakes() : *entry.analysis;
        rules::OwnershipFinding finding = Finding(analysis.Result(node));
        if (finding == rules::OWNERSHIP_FINDING_UNSPECIFIED) continue;
        if (FindingRank(finding) > FindingRank(found.finding)) {
          found.entry = &entry;
          found.node = node;
          found.finding = finding;
        }
      }
    }
    found.via_name_match = found.node != own;
    // A rule asking for minority or control exposure also hits a (possibly) blocked party:
    // its listed owners hold at least as much, and otherwise more ownership would take that
    // hit away while adding a blocking one of a weaker regime (the property
    // tests/regimes_test.cc checks on random graphs). Blocked and possibly-blocked findings
    // are not stacked on each other.
    found.hits = found.entry != nullptr && (findings_.count(found.finding) ||
                                            (min_rank_ == 1 && FindingRank(found.finding) >= 1));
    return found;
  }

  // Whether entries of `list_id` with `programs` are blocked persons under the test `test` (a
  // regime's name): the rule's measure and binding filter, and under by_list the list regime's
  // own test. Prepare() seeds each analysis with these; the evidence names only these.
  bool Counts(const std::string& test, const std::string& list_id,
              const std::string& programs) const {
    ListMeaning meaning = meanings_.Of(list_id, programs);
    if (!measures_.empty() && !measures_.count(meaning.measure)) return false;
    if (!bindings_.empty() && !bindings_.count(meaning.binding)) return false;
    return !by_list_ || TestOfRegime(meaning.regime) == test;
  }

  // Whether `match` makes its entity a blocked person under the test `test`.
  bool MatchIsSeed(const ListMatchFact& match, const std::string& test, bool namesakes) const {
    if (match.needs_corroboration && !namesakes) return false;
    return MatchCounts(match, name_threshold_) && (lists_.empty() || lists_.count(match.list_id)) &&
           Counts(test, match.list_id, match.programs);
  }

  // " (ofac-sdn 16868)" for the listed owner at the head of a path: the list entry it is, or
  // the entry its name matched that counts under the test `test` that gave the finding (from a
  // review, 2026-12-07: the owner's first match of any list was named, e.g. an EU entry for a
  // block under OFAC's test, which the EU's would not give).
  std::string ListedAs(NodeId node, const std::string& test, bool namesakes) const {
    auto entry = world_->list_nodes.find(node);
    if (entry != world_->list_nodes.end()) {
      return " (" + world_->graph.Name(node).substr(5) + ")";
    }
    auto matches = world_->entity_matches.find(node);
    if (matches == world_->entity_matches.end()) return " (" + world_->graph.Name(node) + ")";
    for (const ListMatchFact& match : matches->second) {
      if (MatchIsSeed(match, test, namesakes)) {
        return " (" + world_->graph.Name(node) + ", listed as " + match.list_id + " " +
               match.entry_id + " \"" + match.entry_name + "\")";
      }
    }
    return " (" + world_->graph.Name(node) + ")";
  }

  // Every list entry a listed owner anywhere above `node` counts as (ListedEntries of each seed
  // among its owners, transitively), sorted: the shown paths are at most kMaxPathsPerParty, and a
  // reviewer's cleared decision must see an owner newly listed beyond them (docs/decisions.md).
  std::vector<std::string> UpstreamListedEntries(const OwnershipAnalysis& analysis, NodeId node,
                                                 const std::string& test, bool namesakes) const {
    const OwnershipGraph& graph = analysis.graph();
    std::vector<std::string> entries;
    std::unordered_set<NodeId> seen = {node};  // ancestors are few: no per-call node_count array
    std::vector<NodeId> frontier = {node};
    while (!frontier.empty()) {
      const NodeId next = frontier.back();
      frontier.pop_back();
      for (const OwnershipEdge& edge : graph.InEdges(next)) {
        if (!seen.insert(edge.owner).second) continue;
        frontier.push_back(edge.owner);
        if (analysis.Result(edge.owner).status != OwnershipStatus::kListed) continue;
        for (std::string& entry : ListedEntries(edge.owner, test, namesakes)) {
          entries.push_back(std::move(entry));
        }
      }
    }
    std::sort(entries.begin(), entries.end());
    entries.erase(std::unique(entries.begin(), entries.end()), entries.end());
    return entries;
  }

  // The list entries `node` counts as under the test `test` ("LIST:ENTRY"): itself for a list
  // node, else every entry ListedAs could name, in the order of the node's matches.
  std::vector<std::string> ListedEntries(NodeId node, const std::string& test,
                                         bool namesakes) const {
    if (world_->list_nodes.count(node)) return {world_->graph.Name(node).substr(5)};
    std::vector<std::string> entries;
    auto matches = world_->entity_matches.find(node);
    if (matches == world_->entity_matches.end()) return entries;
    for (const ListMatchFact& match : matches->second) {
      if (MatchIsSeed(match, test, namesakes)) {
        std::string entry = match.list_id + ":" + match.entry_id;
        if (std::find(entries.begin(), entries.end(), entry) == entries.end()) {
          entries.push_back(std::move(entry));
        }
      }
    }
    return entries;
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
                   rules::OwnershipFinding finding, const OwnershipAnalysis& analysis,
                   const OwnershipRegime& regime, bool namesakes, RuleOutcome* outcome) const {
    const OwnershipResult& result = analysis.Result(node);
    std::vector<OwnershipPath> paths = analysis.Explain(node, kMaxPathsPerParty);
    const std::vector<std::string> listed_as =
        UpstreamListedEntries(analysis, node, regime.name, namesakes);
    if (paths.empty())
      paths.emplace_back();  // the figures alone (e.g. minority via effective share)
    for (const OwnershipPath& path : paths) {
      scores::Evidence* evidence = &outcome->evidence.emplace_back();
      SetParty(party, evidence->mutable_party());
      evidence->set_field("party " + party.role);
      scores::Ownership* ownership = evidence->mutable_ownership();
      ownership->set_finding(FindingName(finding));
      ownership->set_regime(regime.name);
      ownership->set_blocked_share_lower(result.blocked_share_lower);
      ownership->set_blocked_share_upper(result.blocked_share_upper);
      ownership->set_effective_listed_share(result.effective_listed_share);
      ownership->set_relies_on_stale_record(result.relies_on_stale_record);
      ownership->set_threshold_percent(regime.threshold_percent);
      ownership->set_threshold_inclusive(regime.inclusive);
      for (const std::string& entry : listed_as) ownership->add_listed_as(entry);
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
        if (chain.empty())
          chain = "\"" + out->owner_name() + "\"" + ListedAs(step.owner, regime.name, namesakes);
        std::string link = same_party           ? "is"
                           : step.share_percent ? FormatShare(*step.share_percent, regime) + "%"
                                                : "unknown share";
        if (step.control && !same_party) link += ", control";
        if (step.stale) link += ", stale record";
        chain += " -[" + link + "]-> \"" + out->owned_name() + "\"";
      }
      if (via_name_match) {
        chain += " = party \"" + party.entity->name + "\" (name match)";
      }
      // Shares rounded down, never across the threshold (from a review, 2026-12-07), with the
      // decimals that show one passes it (FormatShare).
      std::string summary = party.role + " " + party.entity_id + " \"" + party.entity->name +
                            "\" " + FindingName(finding) + " (" + regime.name +
                            "): blocked owners hold " +
                            FormatShare(result.blocked_share_lower, regime) + "%";
      if (result.blocked_share_upper > result.blocked_share_lower) {
        summary +=
            " (up to " + FormatShare(result.blocked_share_upper, regime) + "% with unknown shares)";
      }
      summary +=
          ", effective listed share " + FormatShare(result.effective_listed_share, regime) + "%";
      if (result.relies_on_stale_record) summary += ", relies on a stale record";
      if (!chain.empty()) summary += "; path " + chain;
      evidence->set_summary(summary);
    }
  }

  double name_threshold_;
  double weight_;  // the rule's
  bool by_list_;
  ListMeanings meanings_;
  std::set<int> measures_;  // empty: any
  std::set<int> bindings_;  // empty: any
  std::vector<RegimeAnalysis> analyses_;
  // By node: whether some analysis of analyses_ gives it a finding (Prepare()).
  std::vector<bool> findable_;
  std::set<std::string> lists_;
  std::set<std::string> roles_;
  std::set<int> findings_;
  int min_rank_ = 3;  // the weakest finding asked for (FindingRank); 1: minority or control
  const OwnershipWorld* world_ = nullptr;
  const OwnershipGraph* graph_ = nullptr;  // world_->GraphAt(name_threshold_), run-owned
};

}  // namespace

std::unique_ptr<CompiledRule> CompileOwnedByListedParty(const rules::Rule& rule,
                                                        const RuleCompileContext& c) {
  const rules::OwnedByListedPartyRule& config = rule.owned_by_listed_party();
  size_t errors_before = c.diagnostics->size();
  OwnershipRegime regime;
  bool by_list = config.regime() == "by_list";
  if (config.regime().empty() || config.regime() == "ofac" || by_list) {
    regime = OwnershipRegime::Ofac();
  } else if (config.regime() == "eu") {
    regime = OwnershipRegime::Eu();
  } else if (config.regime() == "uk") {
    regime = OwnershipRegime::Uk();
  } else {
    c.Error(c.locator.At("regime"),
            "unknown regime \"" + config.regime() + "\" (ofac, eu, uk, by_list)");
  }
  if (by_list && config.threshold_percent() > 0) {
    c.Error(c.locator.At("threshold_percent"),
            "threshold_percent cannot be set with regime \"by_list\" (each regime has its own)");
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
  std::set<int> measures = CompileMeasures(config.measures(), "measures", c);
  std::set<int> bindings = CompileBindings(config.bindings(), "bindings", c);
  if (c.diagnostics->size() != errors_before) return nullptr;
  std::vector<OwnershipRegime> regimes;
  if (by_list) {
    // The three tests with the rule's own minority level and record age.
    for (OwnershipRegime test :
         {OwnershipRegime::Ofac(), OwnershipRegime::Eu(), OwnershipRegime::Uk()}) {
      test.minority_percent = regime.minority_percent;
      test.max_record_age_days = regime.max_record_age_days;
      regimes.push_back(std::move(test));
    }
  } else {
    regimes.push_back(std::move(regime));
  }
  return std::make_unique<OwnedByListedPartyRule>(
      std::move(regimes), by_list,
      std::set<std::string>(config.lists().begin(), config.lists().end()), std::move(roles),
      std::move(findings), name_threshold, ListMeanings(c), std::move(measures),
      std::move(bindings), rule.weight());
}

}  // namespace corridor
