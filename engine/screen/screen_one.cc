#include "engine/screen/screen_one.h"
#include "engine/screen/steps.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "engine/base/engine_build.h"
#include "engine/base/strings.h"
#include "engine/config/rule_set.h"
#include "engine/decisions/review_book.h"
#include "engine/facts/ownership_world.h"
#include "engine/facts/party_screener.h"
#include "engine/incidents/incidents.h"
#include "engine/load/input_database.h"
#include "engine/rules/matchers.h"
#include "engine/score/aggregate.h"

// The steps below are those of screen_run.cc (RunScreen and its ScoreShipment), kept apart so
// the batch driver can change how it schedules work without this file; what a shipment's score
// is must not differ: "The in-memory scorer gives every sample shipment the batch's record"
// (tests/serve_screen_test.cc) compares the two record by record.

namespace corridor {

namespace {

// Run-wide resources for the rules' Prepare(), built on first use (as the batch's).
class Resources : public RunResources {
 public:
  // desk: `reviews` (may be null) keeps allow-lists out of the ownership walk (review_book.h).
  Resources(InputDatabase* input, PartyScreener* screener, std::string as_of,
            const decisions::ReviewBook* reviews)
      : input_(input), screener_(screener), as_of_(std::move(as_of)), reviews_(reviews) {}

  std::function<bool(const Entity&)> AllowedParty() override {
    return decisions::ReviewBook::AllowedPartyTest(reviews_);
  }

  Status Ownership(const OwnershipWorld** world) override {
    if (!ownership_ && !input_) return Status::Error("the database is closed after loading");
    if (!ownership_) {
      ownership_ = std::make_unique<OwnershipWorld>();
      ownership_status_ =
          decisions::BuildReviewedOwnershipWorld(input_, screener_, reviews_, ownership_.get());
    }
    *world = ownership_.get();
    return ownership_status_;
  }

  Status SecurityIncidents(const std::vector<SecurityIncident>** incidents) override {
    if (!incidents_loaded_ && !input_) return Status::Error("the database is closed after loading");
    if (!incidents_loaded_) {
      incidents_loaded_ = true;
      std::vector<DataProblem> ignored;  // the batch reports them in its summary
      incidents_status_ = LoadSecurityIncidents(input_->db(), &incidents_, &ignored);
    }
    *incidents = &incidents_;
    return incidents_status_;
  }

  Status OwnershipGraphAt(double name_threshold, bool corroborated_only,
                          const OwnershipGraph** graph) override {
    const OwnershipWorld* world = nullptr;
    Status status = Ownership(&world);
    if (!status.ok()) return status;
    std::unique_ptr<OwnershipGraph>& cached = graphs_[{name_threshold, corroborated_only}];
    if (!cached) {
      cached = std::make_unique<OwnershipGraph>(world->GraphAt(name_threshold, corroborated_only));
    }
    *graph = cached.get();
    return Status::Ok();
  }

  std::shared_ptr<const OwnershipAnalysis> AnalyzeOwnership(
      const OwnershipGraph& graph, const std::vector<NodeId>& listed,
      const OwnershipRegime& regime) override {
    return analyses_.Get(graph, listed, regime);
  }

  Status ScreenEntity(const std::string& entity_id, EntityFacts* facts) override {
    if (!input_) return Status::Error("the database is closed after loading");
    if (screener_ == nullptr) return Status::Ok();  // no lists: no matches
    std::vector<DataProblem> problems;              // the shipments naming the entity report them
    std::optional<Entity> entity = input_->FindEntity(entity_id, &problems);
    if (entity) screener_->Screen(*entity, facts, &problems);
    return input_->read_status();
  }

  const std::string& as_of() const override { return as_of_; }
  Database* input() override { return input_ ? input_->db() : nullptr; }

  // Forgets the database once every rule is prepared: what was built stays, nothing new is.
  void Detach() { input_ = nullptr; }

 private:
  std::map<std::pair<double, bool>, std::unique_ptr<OwnershipGraph>> graphs_;
  OwnershipAnalyses analyses_;
  InputDatabase* input_;
  PartyScreener* screener_;
  std::string as_of_;
  const decisions::ReviewBook* reviews_;
  std::unique_ptr<OwnershipWorld> ownership_;
  Status ownership_status_;
  bool incidents_loaded_ = false;
  std::vector<SecurityIncident> incidents_;
  Status incidents_status_;
};

// The least name threshold any rule uses (0: none reads list matches), or NotFound for a rule
// whose lists are all missing, as the batch refuses it.
Status NameFloor(const RuleSet& rule_set, const std::set<std::string>& loaded, double* floor) {
  *floor = 0;
  for (const LoadedRule& rule : rule_set.rules) {
    RuleNeeds needs = rule.compiled->Needs();
    if (needs.name_threshold > 0) {
      *floor = *floor == 0 ? needs.name_threshold : std::min(*floor, needs.name_threshold);
    }
    if (needs.lists.empty()) continue;
    if (std::none_of(needs.lists.begin(), needs.lists.end(),
                     [&](const std::string& list) { return loaded.count(list) > 0; })) {
      return Status::NotFound(rule.pos.file + ":" + std::to_string(rule.pos.line) + ": rule \"" +
                              rule.config.id() + "\" needs list \"" +
                              Join(needs.lists, "\" or \"") + "\", which the database lacks");
    }
  }
  return Status::Ok();
}

// The lists the rule set marks ALLOW and the database holds; a rule that reads only such lists
// is refused, as the batch refuses it.
Status AllowLists(const RuleSet& rule_set, const std::set<std::string>& loaded,
                  std::set<std::string>* allow_lists) {
  for (const auto& [list_id, list] : rule_set.lists) {
    if (list.role() == rules::ALLOW && loaded.count(list_id)) allow_lists->insert(list_id);
  }
  for (const LoadedRule& rule : rule_set.rules) {
    std::vector<std::string> lists = rule.compiled->Needs().lists;
    if (lists.empty() || !std::all_of(lists.begin(), lists.end(), [&](const std::string& id) {
          auto config = rule_set.lists.find(id);
          return config != rule_set.lists.end() && config->second.role() == rules::ALLOW;
        })) {
      continue;
    }
    return Status::InvalidRules(rule.pos.file + ":" + std::to_string(rule.pos.line) + ":" +
                                std::to_string(rule.pos.column) + ": rule \"" + rule.config.id() +
                                "\" reads only allow-lists (" + Join(lists, ", ") +
                                "), which are never a source of hits");
  }
  return Status::Ok();
}

}  // namespace

// One worker's scratch per rule (CompiledRule::NewScratch); a worker serves one Score() call at
// a time and goes back to the pool after it.
struct ScorerWorker {
  std::vector<std::unique_ptr<RuleScratch>> scratches;
};

struct ShipmentScorer::State {
  RuleSet rule_set;
  rules::Rule unscreenable_rule;
  std::string as_of;
  std::unique_ptr<InputDatabase> input;
  std::unique_ptr<ListNameScreener> names;  // every list name; null when no list is loaded
  // What screens parties: `names`, or `watch` over it when allow-lists are loaded (they are
  // never a source of hits); null when no rule reads list matches.
  PartyScreener* screener = nullptr;
  std::unique_ptr<decisions::WatchListScreener> watch;
  // Recorded decisions and allow-list entries, applied to each hit as the batch applies them.
  std::unique_ptr<decisions::ReviewBook> reviews;
  std::set<std::string> allow_lists;  // desk: the loaded lists the rules mark ALLOW
  std::unique_ptr<Resources> resources;
  mutable std::mutex pool_mutex;
  mutable std::vector<std::unique_ptr<ScorerWorker>> pool;

  std::unique_ptr<ScorerWorker> Acquire() const;
  void Release(std::unique_ptr<ScorerWorker> worker) const;
};

std::unique_ptr<ScorerWorker> ShipmentScorer::State::Acquire() const {
  {
    std::lock_guard<std::mutex> lock(pool_mutex);
    if (!pool.empty()) {
      std::unique_ptr<ScorerWorker> worker = std::move(pool.back());
      pool.pop_back();
      return worker;
    }
  }
  auto worker = std::make_unique<ScorerWorker>();
  for (const LoadedRule& rule : rule_set.rules) {
    // A scratch that cannot be made (a SQL rule's view database) leaves the rule without one;
    // Load() made one of each already, so this fails only when memory does.
    if (!rule.compiled->NewScratch(&worker->scratches.emplace_back()).ok()) {
      worker->scratches.back().reset();
    }
  }
  return worker;
}

void ShipmentScorer::State::Release(std::unique_ptr<ScorerWorker> worker) const {
  std::lock_guard<std::mutex> lock(pool_mutex);
  pool.push_back(std::move(worker));
}

ShipmentScorer::ShipmentScorer() : state_(std::make_unique<State>()) {}
ShipmentScorer::~ShipmentScorer() = default;

const names::NameIndex* ShipmentScorer::name_index() const {
  return state_->names ? &state_->names->index() : nullptr;
}

const std::set<std::string>& ShipmentScorer::allow_lists() const { return state_->allow_lists; }
const decisions::ReviewBook& ShipmentScorer::reviews() const { return *state_->reviews; }

Status ShipmentScorer::Load(const Options& options, std::unique_ptr<ShipmentScorer>* out) {
  std::unique_ptr<ShipmentScorer> scorer(new ShipmentScorer());
  State& state = *scorer->state_;
  state.as_of = options.as_of;
  Diagnostics diagnostics;
  if (!LoadRuleSet(options.rules_dir, &state.rule_set, &diagnostics)) {
    std::string message = "invalid rules (" + std::to_string(diagnostics.size()) + " problems):";
    for (const Diagnostic& d : diagnostics) message += "\n" + d.ToString();
    return Status::InvalidRules(message);
  }
  state.unscreenable_rule = UnscreenableRule(state.rule_set.scoring);
  Status status = InputDatabase::Open(options.db_path, &state.input);
  if (!status.ok()) return status;
  scores::StreamHeader& header = scorer->header_;
  header.set_engine_version(CORRIDOR_VERSION);
  header.set_engine_build(EngineBuild());
  int64_t schema_version = 0;
  status = state.input->db()->UserVersion(&schema_version);
  if (!status.ok()) return status;
  header.set_schema_version(schema_version);
  header.set_rules_digest(state.rule_set.digest);
  header.set_as_of(options.as_of);
  for (const LoadedRule& rule : state.rule_set.rules) {
    scores::RuleInfo* info = header.add_rules();
    info->set_rule_id(rule.config.id());
    info->set_description(rule.config.description());
    info->set_category(rule.config.category());
    info->set_weight(rule.config.weight());
    info->set_decision_floor(rule.config.decision_floor());
    info->set_source(rule.pos.file + ":" + std::to_string(rule.pos.line));
  }
  if (state.unscreenable_rule.decision_floor() > CLEAR) {
    scores::RuleInfo* info = header.add_rules();
    const rules::Rule& rule = state.unscreenable_rule;
    info->set_rule_id(rule.id());
    info->set_description(rule.description());
    info->set_category(rule.category());
    info->set_weight(rule.weight());
    info->set_decision_floor(rule.decision_floor());
    info->set_source("built in (scoring.unscreenable_party_floor)");
  }
  std::set<std::string> loaded_lists;
  status = ReadListVersions(state.input->db(), &header, &loaded_lists);
  double name_floor = 0;
  if (status.ok()) status = NameFloor(state.rule_set, loaded_lists, &name_floor);
  std::set<std::string>& allow_lists = state.allow_lists;
  if (status.ok()) status = AllowLists(state.rule_set, loaded_lists, &allow_lists);
  if (status.ok()) {
    status =
        decisions::ReviewBook::Load(state.input->db(), allow_lists, state.as_of, &state.reviews);
  }
  if (!status.ok()) return status;
  if (!loaded_lists.empty()) {
    // Without a rule that reads matches the index still serves /match, at the default threshold.
    status = ListNameScreener::Load(state.input->db(),
                                    name_floor > 0 ? name_floor : DefaultNameThreshold(),
                                    MatcherOptionsFrom(state.rule_set.name_matching), &state.names);
    if (!status.ok()) return status;
    if (name_floor > 0) state.screener = state.names.get();
    if (name_floor > 0 && !allow_lists.empty()) {
      state.watch = std::make_unique<decisions::WatchListScreener>(state.names.get(), allow_lists);
      state.screener = state.watch.get();
    }
  }
  state.resources = std::make_unique<Resources>(state.input.get(), state.screener, state.as_of,
                                                state.reviews.get());
  for (const LoadedRule& rule : state.rule_set.rules) {
    status = rule.compiled->Prepare(state.resources.get());
    if (!status.ok()) return status;
  }
  // One worker up front: a rule whose scratch cannot be made fails here, not on a request.
  auto worker = std::make_unique<ScorerWorker>();
  for (const LoadedRule& rule : state.rule_set.rules) {
    status = rule.compiled->NewScratch(&worker->scratches.emplace_back());
    if (!status.ok()) return status.WithContext("rule \"" + rule.config.id() + "\": ");
  }
  state.pool.push_back(std::move(worker));
  // Close the database: every rule has what it needs, and a connection kept open could hold a
  // read lock (a statement stepped but not reset) that makes `import-list` fail with "database
  // is locked" while a server runs ("An import is picked up without a restart", serve_test.cc).
  state.resources->Detach();
  state.input.reset();
  *out = std::move(scorer);
  return Status::Ok();
}

void ShipmentScorer::Score(Shipment shipment, scores::ShipmentScore* out) const {
  const State& state = *state_;
  // The batch reads parties in (role, entity_id) order, items by line and legs by seq; evidence
  // follows that order, so the same records give the same record here.
  std::stable_sort(shipment.parties.begin(), shipment.parties.end(),
                   [](const auto& a, const auto& b) {
                     return std::tie(a.role, a.entity_id) < std::tie(b.role, b.entity_id);
                   });
  std::stable_sort(shipment.items.begin(), shipment.items.end(),
                   [](const auto& a, const auto& b) { return a.line < b.line; });
  std::stable_sort(shipment.legs.begin(), shipment.legs.end(),
                   [](const auto& a, const auto& b) { return a.seq < b.seq; });
  PartyScreener* screener = state.screener;
  ShipmentContext context{shipment, {}, state.as_of};
  // Facts once per entity id, as the batch's cache gives them; problems attached once.
  std::map<std::string, std::shared_ptr<EntityFacts>> facts_by_entity;
  for (const ShipmentParty& party : shipment.parties) {
    std::shared_ptr<EntityFacts>* facts = nullptr;
    if (party.entity) {
      auto [found, inserted] = facts_by_entity.try_emplace(party.entity_id);
      facts = &found->second;
      if (inserted) {
        *facts = std::make_shared<EntityFacts>();
        if (screener) screener->Screen(*party.entity, facts->get(), &(*facts)->problems);
        shipment.problems.insert(shipment.problems.end(), (*facts)->problems.begin(),
                                 (*facts)->problems.end());
      }
    }
    context.party_facts.push_back(facts ? facts->get() : nullptr);
  }
  std::unique_ptr<ScorerWorker> worker = state.Acquire();
  std::vector<RuleHitInput> hits;
  for (size_t i = 0; i < state.rule_set.rules.size(); ++i) {
    const LoadedRule& rule = state.rule_set.rules[i];
    RuleOutcome outcome;
    outcome.floor = rule.config.decision_floor();
    context.scratch = worker->scratches[i].get();
    rule.compiled->Evaluate(context, &outcome);
    for (DataProblem& problem : outcome.problems) shipment.problems.push_back(std::move(problem));
    outcome.problems.clear();
    if (!outcome.evidence.empty()) hits.push_back(RuleHitInput{&rule.config, std::move(outcome)});
  }
  state.Release(std::move(worker));
  if (state.unscreenable_rule.decision_floor() > CLEAR) {
    RuleOutcome outcome;
    outcome.floor = state.unscreenable_rule.decision_floor();
    for (size_t i = 0; i < shipment.parties.size(); ++i) {
      const ShipmentParty& party = shipment.parties[i];
      std::string why = Unscreenable(party, context.party_facts[i], screener != nullptr);
      if (why.empty()) continue;
      scores::Evidence* evidence = &outcome.evidence.emplace_back();
      SetParty(party, evidence->mutable_party());
      evidence->set_field("party " + party.role);
      evidence->set_matched_value(party.entity_id);
      evidence->set_summary(party.role + " " + party.entity_id + " cannot be screened: " + why);
    }
    if (!outcome.evidence.empty()) {
      hits.push_back(RuleHitInput{&state.unscreenable_rule, std::move(outcome)});
    }
  }
  out->Clear();
  out->set_shipment_id(shipment.shipment_id);
  std::vector<scores::RuleHit> suppressed = SuppressReviewed(state.reviews.get(), shipment, &hits);
  AggregateScore(std::move(hits), state.rule_set.scoring, out);
  for (scores::RuleHit& hit : suppressed) *out->add_suppressed_hits() = std::move(hit);
  for (const DataProblem& problem : shipment.problems) ToProto(problem, out->add_problems());
}

}  // namespace corridor
