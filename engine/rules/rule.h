// The run-time side of a rule: a compiled rule looks at one shipment and reports evidence.
//
// Adding a rule kind: add its message to schemas/rules.proto (in Rule's `kind` oneof), write
// engine/rules/<kind>.cc with a compile function that validates the configuration and returns a
// CompiledRule, and register it in engine/rules/registry.cc. docs/rules.md describes each kind.
#ifndef CORRIDOR_ENGINE_RULES_RULE_H_
#define CORRIDOR_ENGINE_RULES_RULE_H_

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "engine/base/diagnostics.h"
#include "engine/base/status.h"
#include "engine/facts/entity_facts.h"
#include "engine/load/records.h"
#include "engine/ownership/ownership.h"
#include "engine/store/database.h"
#include "schemas/rules.pb.h"
#include "schemas/scores.pb.h"

namespace corridor {

class RuleScratch;

// What a rule sees of a shipment: the activation of CEL's `Program::Evaluate(activation) const`.
// Everything that changes per shipment or per worker is here, never in the compiled rule.
struct ShipmentContext {
  const Shipment& shipment;
  // Parallel to shipment.parties; nullptr where the party's entity did not resolve. The facts
  // are owned by the caller and outlive the evaluation.
  std::vector<const EntityFacts*> party_facts;
  std::string as_of;  // YYYY-MM-DD
  // The evaluating rule's own per-worker state (CompiledRule::NewScratch); nullptr for rules
  // that need none. Set by the driver before each rule's Evaluate.
  RuleScratch* scratch = nullptr;
  // The ownership graph's nodes of each party, parallel to shipment.parties: found by the first
  // ownership rule that asks and shared by the others (the run's graphs number nodes alike;
  // owned_by_listed_party.cc). Per shipment and worker, like the context itself.
  struct PartyNodes {
    const void* graph = nullptr;  // the graph the nodes were found in; null: not yet
    NodeId own = kNoNode;
    std::vector<NodeId> matches;  // parallel to the party's facts' list_matches
  };
  mutable std::vector<PartyNodes> party_nodes = {};
};

// What one rule found in one shipment. The rule hits when `evidence` is not empty.
struct RuleOutcome {
  std::vector<scores::Evidence> evidence;
  // The decision floor of the hit; starts at the rule's floor, a kind may raise it (goods tiers).
  Decision floor = DECISION_UNSPECIFIED;
  // Problems the rule met evaluating this shipment (e.g. a custom SQL rule failing at run time);
  // recorded with the shipment's data problems.
  std::vector<DataProblem> problems;
  // --- regimes ---
  // An exemption (rules::Exemption) applies: the hit's weight is its evidence's strongest weight
  // (0 allowed) and its floor is `floor` alone, not the rule's. The hit stays in the output.
  bool exempt = false;
  // The rule could not be evaluated on this shipment (a custom SQL query failed at run time): its
  // evidence says why and, like an exempt hit's, weighs what it says (0) with `floor` alone as
  // its floor, which the rule sets to REVIEW. A rule that did not run must not leave the
  // shipment looking clear (docs/rules.md, kind `sql`).
  bool failed = false;
  // Every piece of evidence carries its own weight, 0 included (a SQL rule with a `weight`
  // column): 0 weighs 0, not the rule's weight. The floor stays the rule's.
  bool own_weights = false;
};

// Run-wide tables that several rules build alike, built by the first rule that asks and shared
// by the others: the red flags CONSIGNEE_NEW_SINCE and VOLUME_JUMP read one consignee history
// (docs/performance.md, round 7). Rules prepare on several threads at once; a rule asking for a
// table another is building waits for it. Thread-safe.
class RunShared {
 public:
  // The table under `key`, built by `build` on the first call; every later call with that key
  // gets the same table, or the status the build failed with. `key` must name everything the
  // table depends on (the query's parameters, the reference table, the run date).
  template <typename T>
  Status Get(const std::string& key, const std::function<Status(T*)>& build,
             std::shared_ptr<const T>* out) {
    std::shared_ptr<Entry> entry;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      std::shared_ptr<Entry>& slot = entries_[key];
      if (!slot) slot = std::make_shared<Entry>();
      entry = slot;
    }
    std::call_once(entry->once, [&] {
      auto table = std::make_shared<T>();
      entry->status = build(table.get());
      entry->table = std::move(table);
      builds_.fetch_add(1, std::memory_order_relaxed);
    });
    if (!entry->status.ok()) return entry->status;
    *out = std::static_pointer_cast<const T>(entry->table);
    return Status::Ok();
  }
  // Tables built so far (a test sees sharing).
  int builds() const { return builds_.load(std::memory_order_relaxed); }

 private:
  struct Entry {
    std::once_flag once;
    Status status;
    std::shared_ptr<const void> table;
  };
  std::mutex mutex_;
  std::map<std::string, std::shared_ptr<Entry>> entries_;
  std::atomic<int> builds_{0};
};

struct OwnershipWorld;    // engine/facts/ownership_world.h
struct SecurityIncident;  // engine/incidents/incidents.h

// What a run offers rules that need more than one shipment's records. Built lazily, once per
// run, and shared by every rule that asks.
class RunResources {
 public:
  virtual ~RunResources() = default;
  // The ownership records with the company's entities screened (engine/facts/ownership_world.h).
  virtual Status Ownership(const OwnershipWorld** world) = 0;
  // The finalized graph for a rule that counts name matches scoring at least `name_threshold`
  // as the list entry they match (OwnershipWorld::GraphAt; with `corroborated_only`, not those
  // that need corroboration), built once per threshold.
  virtual Status OwnershipGraphAt(double name_threshold, bool corroborated_only,
                                  const OwnershipGraph** graph) {
    (void)name_threshold;
    (void)corroborated_only;
    (void)graph;
    return Status::Error("the ownership graph is not available in this run");
  }
  // The analysis of `graph` (one the run gave, OwnershipGraphAt) seeded with `listed` under
  // `regime`. A run computes it once for equal arguments and shares it between the rules that
  // ask (OwnershipAnalyses); by default it is computed for each call.
  virtual std::shared_ptr<const OwnershipAnalysis> AnalyzeOwnership(
      const OwnershipGraph& graph, const std::vector<NodeId>& listed,
      const OwnershipRegime& regime) {
    return std::make_shared<const OwnershipAnalysis>(Analyze(graph, listed, regime));
  }
  // Every row of the input's security_incident table; an error when the table is missing.
  virtual Status SecurityIncidents(const std::vector<SecurityIncident>** incidents) {
    (void)incidents;
    return Status::Error("security incidents are not available in this run");
  }
  // Appends to facts->list_matches the matches the run's name screening gives the entity
  // `entity_id`: the screener and cache its shipments' parties get, so a name spelt differently
  // from the list ("Co Ltd" for "Co., Ltd.") is the same party here as there. Nothing for an entity
  // the input does not hold, or a run without lists. An error where the run offers no screening
  // (a helper thread: a rule that asks must not be PreparesFromInputOnly) or the entity cannot be
  // read.
  virtual Status ScreenEntity(const std::string& entity_id, EntityFacts* facts) {
    (void)entity_id;
    (void)facts;
    return Status::Error("name screening is not available in this run");
  }
  virtual const std::string& as_of() const = 0;
  // Records a problem known before any shipment is screened (e.g. a rule switched off because the
  // input lacks its optional columns); the run writes it in the stream header.
  virtual void NoteRunProblem(DataProblem problem) { (void)problem; }
  // The input database, read-only, for run-wide statistics (e.g. typical unit values).
  virtual Database* input() = 0;
  // Tables shared between the rules of this run; null where the run offers none (the rule then
  // builds its own).
  virtual RunShared* shared() { return nullptr; }
  // Whether an allow-list allows a party, so that its name matches (name_exact, name_fuzzy, with
  // no identifier corroborating them) are suppressed (decisions::ReviewBook::AllowedParty). Null
  // where the run has no allow-lists. The function is thread-safe and lives as long as the run.
  virtual std::function<bool(const Entity&)> AllowedParty() { return nullptr; }
};

// What a rule needs from the run, declared by the rule itself so the driver never has to know
// the kinds: the lists that must be loaded, and the least name-match score the rule uses.
struct RuleNeeds {
  // Watch lists the rule reads; screening refuses to run when none of them is loaded.
  std::vector<std::string> lists;
  // Watch lists the rule reads when they are loaded and works without (on countries alone): each
  // one the database lacks is a run problem in the stream's header, so a misspelt id is seen.
  std::vector<std::string> optional_lists;
  // The rule reads list matches (EntityFacts) and uses none scoring below this (0..1); the
  // name screener reports matches down to the least threshold of any rule. 0: no name matches.
  double name_threshold = 0;
};

// Mutable state one worker needs to evaluate one rule (a custom SQL rule's view database).
// Each worker owns one per rule; a compiled rule itself is immutable and shared by all workers.
class RuleScratch {
 public:
  virtual ~RuleScratch() = default;
};

class CompiledRule {
 public:
  virtual ~CompiledRule() = default;
  // What the rule needs from the run (lists, name-match threshold).
  virtual RuleNeeds Needs() const { return {}; }
  // Called once per run, on one thread, before any shipment is evaluated: builds run-wide,
  // read-only state (the ownership analysis, incident index). An error ends the run.
  virtual Status Prepare(RunResources* resources) {
    (void)resources;
    return Status::Ok();
  }
  // True when Prepare uses nothing of `resources` but input(), as_of() and NoteRunProblem (the
  // history scans): the run may then prepare the rule on another thread, with a connection of its
  // own, beside the entity screening and other such rules (engine/screen/rule_preparation.h).
  virtual bool PreparesFromInputOnly() const { return false; }
  // True when a shipment's finding can depend on other shipments' rows (red flags' unit-value
  // medians and histories, forced labour's traces), which a delta run's carried-over records do
  // not see change (docs/batch.md, "Delta runs").
  virtual bool ReadsOtherShipments() const { return false; }
  // For such a rule, after Prepare: appends to `out` what of its run-wide state `shipment`'s
  // evaluation can read (the medians of its items' codes, its parties' histories, as digests),
  // so that a delta run carries the shipment over only when that is unchanged too. Const and
  // thread-safe.
  virtual void AppendCrossShipmentState(const Shipment& shipment, std::string* out) const {
    (void)shipment;
    (void)out;
  }
  // A fresh per-worker scratch, or nullptr (the default) when the rule needs none.
  virtual Status NewScratch(std::unique_ptr<RuleScratch>* scratch) const {
    scratch->reset();
    return Status::Ok();
  }
  // Appends evidence for every place the rule matches. Must not depend on anything but the
  // context (determinism), and must list evidence in a stable order. Thread-safe: it may only
  // change context.scratch.
  virtual void Evaluate(const ShipmentContext& context, RuleOutcome* outcome) const = 0;
};

// The most evidence resting on a short Chinese or Korean name matched without corroboration
// (ListMatchFact::needs_corroboration) weighs: below the usual hold threshold (60), so alone it
// reviews. A rule that reports such evidence marks it (Evidence::uncorroborated_name, see
// MarkUncorroboratedName); a hit whose evidence is all so marked decides at most REVIEW
// (engine/score/aggregate.h).
constexpr double kUncorroboratedNameWeight = 45;

// Marks `evidence` as resting on an uncorroborated short name: its weight at most
// kUncorroboratedNameWeight (`rule_weight` when it carries none), and the summary says so.
inline void MarkUncorroboratedName(double rule_weight, scores::Evidence* evidence) {
  double weight = evidence->weight() > 0 ? evidence->weight() : rule_weight;
  evidence->set_weight(std::min(weight, kUncorroboratedNameWeight));
  evidence->set_uncorroborated_name(true);
  evidence->set_summary(evidence->summary() +
                        "; rests on an uncorroborated short name: review only");
}

// Keeps the matches a rule may use: those scoring at least `threshold`.
inline bool MatchCounts(const ListMatchFact& match, double threshold) {
  return match.score >= threshold;
}

// Keeps the matches that may make a party the listed entry for a rule that draws a consequence
// from it (an end use, the foreign direct product rule, the forced-labour presumption): those
// scoring at least `threshold` that need no corroboration. A short Chinese or Korean name alone
// is left to the listed_party rule, which reports it for review.
inline bool MatchDecides(const ListMatchFact& match, double threshold) {
  return MatchCounts(match, threshold) && !match.needs_corroboration;
}

// One entry of an HS code table (rules/reference/*.csv).
struct HsEntry {
  std::string prefix;  // digits
  std::string tier;
  std::string description;
  SourcePos pos;
  // --- goods --- The days the row applies (the table's optional effective_from / effective_to
  // columns, inclusive; day numbers since 1970-01-01), and the row's own source when given.
  std::string effective_from;  // YYYY-MM-DD or empty
  std::string effective_to;
  int64_t from_day = INT64_MIN;
  int64_t to_day = INT64_MAX;
  std::string source;
  bool InForce(int64_t day) const { return day >= from_day && day <= to_day; }
};

// --- regimes ---
// One place of a country group's place table (CountryGroup.place_table): a UN/LOCODE or a
// gazetteer id below ISO 3166-2 level, with its dates and source.
struct PlaceRow {
  std::string code;  // e.g. "UAMPW" or "geonames:709717"
  std::string name;
  std::string country;
  std::string region;
  std::string effective_from;  // YYYY-MM-DD or empty
  std::string effective_to;
  std::string source;
  SourcePos pos;
};

// What a rule kind's compile function may consult, and where it reports mistakes.
struct RuleCompileContext {
  const std::map<std::string, rules::CountryGroup>& country_groups;
  const std::map<std::string, std::vector<HsEntry>>& hs_tables;
  FieldLocator locator;  // of the kind's own message (e.g. the `jurisdiction { ... }` block)
  Diagnostics* diagnostics;
  // Reads a reference file a rule names by a path relative to the rules folder, adding it to the
  // rule set digest. Only regular files inside the folder are read (engine/config/rules_folder.h);
  // an error's message is the reason ("outside the rules folder"), NotFound when it is missing.
  std::function<Status(const std::string& relative_path, std::string* contents)> read_reference;
  // The file name read_reference gives to diagnostics for `relative_path`.
  std::function<std::string(const std::string& relative_path)> reference_name;
  // --- regimes ---
  // What each configured list means and the company profile (docs/rules.md); null when the
  // caller has none (then every list is unconfigured and no regime binds).
  const std::map<std::string, rules::ListConfig>* lists = nullptr;
  const rules::Profile* profile = nullptr;
  // The rows of each country group's place table, by group name.
  const std::map<std::string, std::vector<PlaceRow>>* group_places = nullptr;
  // True when a rule file could not be read or parsed: a group or HS table a rule names may be
  // defined there, so "unknown group/table" (and tier checks against such a table) are not
  // reported; that file's own diagnostic already fails the folder.
  bool some_files_unread = false;

  // True when no error was reported since `errors_before` and no rule file went unread: only then
  // does "the rule names nothing" mean the author named nothing.
  bool NothingMissing(size_t errors_before) const {
    return !some_files_unread && diagnostics->size() == errors_before;
  }
  void Error(const SourcePos& pos, std::string message) const {
    diagnostics->push_back({pos, std::move(message)});
  }
  // Reads `relative_path` with read_reference; on failure reports at `at`
  // `cannot read <what> "<path>"`, followed by the reason unless the file is simply missing.
  bool ReadReference(const SourcePos& at, const std::string& what, const std::string& relative_path,
                     std::string* contents) const {
    Status status = read_reference ? read_reference(relative_path, contents)
                                   : Status::NotFound("no rules folder");
    if (status.ok()) return true;
    Error(at, "cannot read " + what + " \"" + relative_path + "\"" +
                  (status.IsNotFound() ? "" : ": " + status.message()));
    return false;
  }
};

// True when `value` lies in [low, high]. Range checks use it (or `!(value >= low && ...)`)
// rather than `value < low || value > high`, which is false for NaN and lets it through.
inline bool InRange(double value, double low, double high) { return value >= low && value <= high; }

// Compiles the kind-specific part of `rule`. Reports mistakes to context.diagnostics and returns
// nullptr when the rule cannot be used.
std::unique_ptr<CompiledRule> CompileRule(const rules::Rule& rule,
                                          const RuleCompileContext& context);

}  // namespace corridor

#endif  // CORRIDOR_ENGINE_RULES_RULE_H_
