#include "engine/screen/screen_run.h"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <functional>
#include <list>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <thread>
#include <unordered_map>

#include "engine/base/strings.h"
#include "engine/config/rule_set.h"
#include "engine/decisions/review_book.h"
#include "engine/facts/ownership_world.h"
#include "engine/facts/party_screener.h"
#include "engine/incidents/incidents.h"
#include "engine/load/input_database.h"
#include "engine/rules/matchers.h"
#include "engine/score/aggregate.h"

namespace corridor {

namespace {

constexpr size_t kMaxRunProblems = 1000;

// Entity facts by entity_id, least recently used evicted first. Facts depend only on the entity
// and the lists, so recomputing an evicted entry gives the same result. Entries are shared
// pointers: a shipment keeps the facts of its parties alive while it is scored, so evicting an
// entry another party of the same shipment still uses is safe by construction.
class EntityFactsCache {
 public:
  using Facts = std::shared_ptr<const EntityFacts>;
  explicit EntityFactsCache(size_t capacity) : capacity_(std::max<size_t>(capacity, 1)) {}

  Facts Find(const std::string& entity_id) {
    auto found = index_.find(entity_id);
    if (found == index_.end()) return nullptr;
    order_.splice(order_.begin(), order_, found->second);
    return found->second->second;
  }

  void Insert(const std::string& entity_id, Facts facts) {
    if (index_.size() >= capacity_) {
      index_.erase(order_.back().first);
      order_.pop_back();
    }
    order_.emplace_front(entity_id, std::move(facts));
    index_[entity_id] = order_.begin();
  }

 private:
  size_t capacity_;
  std::list<std::pair<std::string, Facts>> order_;
  std::unordered_map<std::string, std::list<std::pair<std::string, Facts>>::iterator> index_;
};

void ToProto(const DataProblem& problem, scores::DataProblem* out) {
  out->set_table(problem.table);
  out->set_row_id(problem.row_id);
  out->set_column(problem.column);
  out->set_message(problem.message);
}

Status ReadListVersions(Database* db, scores::StreamHeader* header, std::set<std::string>* loaded) {
  bool has_lists = false;
  Status status = db->HasTable("list_source", &has_lists);
  if (!status.ok() || !has_lists) return status;
  std::unique_ptr<Statement> query;
  status = db->Prepare(
      "SELECT s.list_id, s.version, s.sha256,"
      " (SELECT count(*) FROM list_entry e WHERE e.list_id = s.list_id)"
      " FROM list_source s ORDER BY s.list_id",
      &query);
  if (!status.ok()) return status;
  while (query->Step()) {
    scores::ListVersion* list = header->add_lists();
    list->set_list_id(query->Text(0));
    list->set_version(query->Text(1));
    list->set_sha256(query->Text(2));
    list->set_entry_count(query->Int(3));
    loaded->insert(list->list_id());
  }
  return query->status();
}

// Run-wide resources, built on first use.
class Resources : public RunResources {
 public:
  Resources(InputDatabase* input, PartyScreener* screener, std::string as_of)
      : input_(input), screener_(screener), as_of_(std::move(as_of)) {}

  Status Ownership(const OwnershipWorld** world) override {
    if (!ownership_) {
      ownership_ = std::make_unique<OwnershipWorld>();
      ownership_status_ = BuildOwnershipWorld(input_, screener_, ownership_.get());
      input_->run_problems().insert(input_->run_problems().end(), ownership_->problems.begin(),
                                    ownership_->problems.end());
    }
    *world = ownership_.get();
    return ownership_status_;
  }

  Status SecurityIncidents(const std::vector<SecurityIncident>** incidents) override {
    if (!incidents_loaded_) {
      incidents_loaded_ = true;
      incidents_status_ = LoadSecurityIncidents(input_->db(), &incidents_, &input_->run_problems());
    }
    *incidents = &incidents_;
    return incidents_status_;
  }

  Status OwnershipGraphAt(double name_threshold, const OwnershipGraph** graph) override {
    const OwnershipWorld* world = nullptr;
    Status status = Ownership(&world);
    if (!status.ok()) return status;
    std::unique_ptr<OwnershipGraph>& cached = graphs_[name_threshold];
    if (!cached) cached = std::make_unique<OwnershipGraph>(world->GraphAt(name_threshold));
    *graph = cached.get();
    return Status::Ok();
  }

  const std::string& as_of() const override { return as_of_; }
  Database* input() override { return input_->db(); }

 private:
  std::map<double, std::unique_ptr<OwnershipGraph>> graphs_;  // by name threshold
  InputDatabase* input_;
  PartyScreener* screener_;
  std::string as_of_;
  std::unique_ptr<OwnershipWorld> ownership_;
  Status ownership_status_;
  bool incidents_loaded_ = false;
  std::vector<SecurityIncident> incidents_;
  Status incidents_status_;
};

// What one worker owns: its entity cache and one scratch per rule (CompiledRule::NewScratch).
// The rule set itself is shared, read-only, by every worker.
struct Worker {
  EntityFactsCache cache;
  std::vector<std::unique_ptr<RuleScratch>> scratches;  // parallel to rule_set.rules
};

Status NewWorker(const RuleSet& rule_set, size_t cache_size, std::unique_ptr<Worker>* out) {
  auto worker = std::make_unique<Worker>(Worker{EntityFactsCache(cache_size), {}});
  for (const LoadedRule& rule : rule_set.rules) {
    Status status = rule.compiled->NewScratch(&worker->scratches.emplace_back());
    if (!status.ok()) return status.WithContext("rule \"" + rule.config.id() + "\": ");
  }
  *out = std::move(worker);
  return Status::Ok();
}

// The run's fixed inputs to scoring a shipment.
struct ScoringSetup {
  const RuleSet* rule_set;
  PartyScreener* screener;  // null when no list is loaded or no rule reads list matches
  std::string as_of;
  // The built-in check that a party could be screened (docs/scoring.md); its floor is
  // scoring.unscreenable_party_floor (default REVIEW), CLEAR switches it off.
  rules::Rule unscreenable_rule;
  // desk: recorded decisions and allow-lists (engine/decisions/review_book.h); may be null.
  const decisions::ReviewBook* reviews = nullptr;
};

// Why `party` cannot be screened, or "" when it can.
std::string Unscreenable(const ShipmentParty& party, const EntityFacts* facts,
                         bool names_screened) {
  if (!party.entity) return "its entity is not in the entity table";
  if (std::string(Trim(party.entity->name)).empty()) return "its entity has no name";
  if (names_screened && facts && !facts->unscreenable.empty()) return facts->unscreenable;
  return "";
}

// desk: moves the evidence a cleared decision or an allow-list entry suppresses out of `hits`
// into suppressed hits (kept in the record, counted toward nothing); a hit left without
// evidence is dropped from `hits` (engine/decisions/review_book.h, docs/decisions.md).
std::vector<scores::RuleHit> SuppressReviewed(const ScoringSetup& setup, const Shipment& shipment,
                                              std::vector<RuleHitInput>* hits) {
  std::vector<scores::RuleHit> suppressed_hits;
  if (setup.reviews == nullptr || setup.reviews->empty()) return suppressed_hits;
  for (RuleHitInput& hit : *hits) {
    std::vector<scores::Evidence> suppressed;
    setup.reviews->Review(shipment, hit.rule->id(), &hit.outcome.evidence, &suppressed);
    if (suppressed.empty()) continue;
    scores::RuleHit& out = suppressed_hits.emplace_back();
    out.set_rule_id(hit.rule->id());
    out.set_category(hit.rule->category());
    out.set_weight(hit.rule->weight());
    out.set_decision_floor(std::max(hit.rule->decision_floor(), hit.outcome.floor));
    for (scores::Evidence& evidence : suppressed) {
      if (evidence.weight() == 0) evidence.set_weight(hit.rule->weight());
      *out.add_evidence() = std::move(evidence);
    }
  }
  std::erase_if(*hits, [](const RuleHitInput& hit) { return hit.outcome.evidence.empty(); });
  return suppressed_hits;
}

// Screens one shipment: its parties' entity facts (cached), every rule, the aggregate score.
// Leaves the shipment's record in `record`.
void ScoreShipment(const ScoringSetup& setup, Worker* worker, Shipment* shipment,
                   scores::ScoreRecord* record) {
  ShipmentContext context{*shipment, {}, setup.as_of};
  // Keeps every party's facts alive until the shipment is scored, whatever the cache evicts.
  std::vector<EntityFactsCache::Facts> held;
  std::set<std::string> problems_attached;  // an entity named twice reports its problems once
  for (const ShipmentParty& party : shipment->parties) {
    EntityFactsCache::Facts facts;
    if (party.entity) {
      facts = worker->cache.Find(party.entity_id);
      if (!facts) {
        auto computed = std::make_shared<EntityFacts>();
        if (setup.screener)
          setup.screener->Screen(*party.entity, computed.get(), &computed->problems);
        facts = computed;
        worker->cache.Insert(party.entity_id, facts);
      }
      // Attached to every shipment naming the entity: the output cannot depend on which
      // worker or which shipment computed the facts.
      if (problems_attached.insert(party.entity_id).second) {
        shipment->problems.insert(shipment->problems.end(), facts->problems.begin(),
                                  facts->problems.end());
      }
    }
    context.party_facts.push_back(facts.get());
    held.push_back(std::move(facts));
  }
  std::vector<RuleHitInput> hits;
  const RuleSet& rule_set = *setup.rule_set;
  for (size_t i = 0; i < rule_set.rules.size(); ++i) {
    const LoadedRule& rule = rule_set.rules[i];
    RuleOutcome outcome;
    outcome.floor = rule.config.decision_floor();
    context.scratch = worker->scratches[i].get();
    rule.compiled->Evaluate(context, &outcome);
    for (DataProblem& problem : outcome.problems) shipment->problems.push_back(std::move(problem));
    outcome.problems.clear();
    if (!outcome.evidence.empty()) hits.push_back(RuleHitInput{&rule.config, std::move(outcome)});
  }
  if (setup.unscreenable_rule.decision_floor() > CLEAR) {
    RuleOutcome outcome;
    outcome.floor = setup.unscreenable_rule.decision_floor();
    for (size_t i = 0; i < shipment->parties.size(); ++i) {
      const ShipmentParty& party = shipment->parties[i];
      std::string why = Unscreenable(party, context.party_facts[i], setup.screener != nullptr);
      if (why.empty()) continue;
      scores::Evidence* evidence = &outcome.evidence.emplace_back();
      SetParty(party, evidence->mutable_party());
      evidence->set_field("party " + party.role);
      evidence->set_matched_value(party.entity_id);
      evidence->set_summary(party.role + " " + party.entity_id + " cannot be screened: " + why);
    }
    if (!outcome.evidence.empty()) {
      hits.push_back(RuleHitInput{&setup.unscreenable_rule, std::move(outcome)});
    }
  }
  record->Clear();
  scores::ShipmentScore* score = record->mutable_shipment();
  score->set_shipment_id(shipment->shipment_id);
  std::vector<scores::RuleHit> suppressed = SuppressReviewed(setup, *shipment, &hits);
  AggregateScore(std::move(hits), rule_set.scoring, score);
  for (scores::RuleHit& hit : suppressed) *score->add_suppressed_hits() = std::move(hit);
  for (const DataProblem& problem : shipment->problems) ToProto(problem, score->add_problems());
}

// The multi-threaded run: this thread reads shipments in order and hands them out in numbered
// batches; each worker (its own entity cache and rule scratch, the rule set shared) scores a
// batch at a time; a writer thread writes the batches
// back in reading order, so the output is byte-identical to a single-threaded run. At most a
// few batches per worker are in flight, so memory stays flat.
Status RunPipeline(const ScoringSetup& setup,
                   const std::vector<std::unique_ptr<Worker>>& workers_state,
                   ShipmentSource* source, ScoreWriter* writer,
                   const std::function<void(const scores::ShipmentScore&)>& account) {
  constexpr size_t kBatch = 64;
  const int64_t kBatchesInFlight = 4 * static_cast<int64_t>(workers_state.size());
  struct Batch {
    int64_t number = 0;
    std::vector<Shipment> shipments;
  };
  std::mutex mutex;
  std::condition_variable work_ready, batch_done, space_free;
  std::deque<Batch> pending;                                 // read, not yet scored
  std::map<int64_t, std::vector<scores::ScoreRecord>> done;  // scored, not yet written
  bool reading_done = false;
  bool failed = false;
  Status write_status;
  int64_t batches_read = 0;
  int64_t next_to_write = 0;

  std::vector<std::thread> workers;
  for (const std::unique_ptr<Worker>& state : workers_state) {
    Worker* worker = state.get();
    workers.emplace_back([&, worker] {
      while (true) {
        Batch batch;
        {
          std::unique_lock<std::mutex> lock(mutex);
          work_ready.wait(lock, [&] { return failed || !pending.empty() || reading_done; });
          if (failed || pending.empty()) return;
          batch = std::move(pending.front());
          pending.pop_front();
        }
        std::vector<scores::ScoreRecord> records(batch.shipments.size());
        for (size_t i = 0; i < batch.shipments.size(); ++i) {
          ScoreShipment(setup, worker, &batch.shipments[i], &records[i]);
        }
        {
          std::lock_guard<std::mutex> lock(mutex);
          done.emplace(batch.number, std::move(records));
        }
        batch_done.notify_one();
      }
    });
  }
  std::thread writer_thread([&] {
    while (true) {
      std::vector<scores::ScoreRecord> records;
      {
        std::unique_lock<std::mutex> lock(mutex);
        batch_done.wait(lock, [&] {
          return failed || done.count(next_to_write) ||
                 (reading_done && next_to_write == batches_read);
        });
        if (failed || !done.count(next_to_write)) return;
        records = std::move(done.extract(next_to_write).mapped());
        ++next_to_write;
      }
      space_free.notify_one();
      for (const scores::ScoreRecord& record : records) {
        Status status = writer->Write(record);
        if (!status.ok()) {
          std::lock_guard<std::mutex> lock(mutex);
          write_status = status;
          failed = true;
          work_ready.notify_all();
          space_free.notify_all();
          return;
        }
        account(record.shipment());
      }
    }
  });

  Batch batch;
  auto hand_out = [&]() -> bool {
    std::unique_lock<std::mutex> lock(mutex);
    space_free.wait(lock,
                    [&] { return failed || batches_read - next_to_write < kBatchesInFlight; });
    if (failed) return false;
    batch.number = batches_read++;
    pending.push_back(std::move(batch));
    batch = Batch();
    work_ready.notify_one();
    return true;
  };
  Shipment shipment;
  bool ok = true;
  while (ok && source->Next(&shipment)) {
    batch.shipments.push_back(std::move(shipment));
    if (batch.shipments.size() == kBatch) ok = hand_out();
  }
  if (ok && !batch.shipments.empty()) hand_out();
  {
    std::lock_guard<std::mutex> lock(mutex);
    reading_done = true;
  }
  work_ready.notify_all();
  for (std::thread& worker : workers) worker.join();
  batch_done.notify_all();
  writer_thread.join();
  return write_status;
}

// The stream header: engine, schema, rules (with the built-in unscreenable-party check when it
// is on), the screening date and the loaded lists.
Status WriteHeaderFields(const RuleSet& rule_set, const ScoringSetup& setup, InputDatabase* input,
                         const std::string& as_of, scores::StreamHeader* header,
                         std::set<std::string>* loaded_lists) {
  header->set_engine_version(CORRIDOR_VERSION);
  int64_t schema_version = 0;
  Status status = input->db()->UserVersion(&schema_version);
  if (!status.ok()) return status;
  header->set_schema_version(schema_version);
  header->set_rules_digest(rule_set.digest);
  header->set_as_of(as_of);
  auto describe = [&](const rules::Rule& config, const std::string& source) {
    scores::RuleInfo* info = header->add_rules();
    info->set_rule_id(config.id());
    info->set_description(config.description());
    info->set_category(config.category());
    info->set_weight(config.weight());
    info->set_decision_floor(config.decision_floor());
    info->set_source(source);
  };
  for (const LoadedRule& rule : rule_set.rules) {
    describe(rule.config, rule.pos.file + ":" + std::to_string(rule.pos.line));
  }
  if (setup.unscreenable_rule.decision_floor() > CLEAR) {
    describe(setup.unscreenable_rule, "built in (scoring.unscreenable_party_floor)");
  }
  return ReadListVersions(input->db(), header, loaded_lists);
}

// Checks what the rules declare they need against what the database holds, and returns the
// least name-match threshold any rule uses (0 when no rule reads list matches).
Status CheckNeeds(const RuleSet& rule_set, const std::set<std::string>& loaded_lists,
                  const std::string& db_path, double* name_floor) {
  *name_floor = 0;
  for (const LoadedRule& rule : rule_set.rules) {
    RuleNeeds needs = rule.compiled->Needs();
    if (needs.name_threshold > 0) {
      *name_floor =
          *name_floor == 0 ? needs.name_threshold : std::min(*name_floor, needs.name_threshold);
    }
    // A rule that names lists needs at least one of them loaded; otherwise it could never hit
    // and a clean result would be a silent failure.
    if (needs.lists.empty()) continue;
    bool any = std::any_of(needs.lists.begin(), needs.lists.end(),
                           [&](const std::string& list) { return loaded_lists.count(list) > 0; });
    if (!any) {
      return Status::NotFound(rule.pos.file + ":" + std::to_string(rule.pos.line) + ":" +
                              std::to_string(rule.pos.column) + ": rule \"" + rule.config.id() +
                              "\" needs list \"" + Join(needs.lists, "\" or \"") + "\", which " +
                              db_path + " does not hold (load it with `corridor import-list`)");
    }
  }
  return Status::Ok();
}

rules::Rule UnscreenableRule(const rules::ScoringConfig& scoring) {
  rules::Rule rule;
  rule.set_id("unscreenable_party");
  rule.set_description(
      "A party that cannot be screened (its entity is missing, has no name, or its name cannot "
      "be normalised) cannot be cleared by screening");
  rule.set_category(SECONDARY_SANCTIONS);
  rule.set_weight(0);
  rule.set_decision_floor(scoring.unscreenable_party_floor() == DECISION_UNSPECIFIED
                              ? REVIEW
                              : scoring.unscreenable_party_floor());
  return rule;
}

// Counts one written shipment into the summary.
void Account(const scores::ShipmentScore& score, ScreenReport* report) {
  scores::StreamSummary& summary = report->summary;
  summary.set_shipments(summary.shipments() + 1);
  switch (score.decision()) {
    case BLOCK:
      summary.set_block(summary.block() + 1);
      break;
    case HOLD:
      summary.set_hold(summary.hold() + 1);
      break;
    case REVIEW:
      summary.set_review(summary.review() + 1);
      break;
    default:
      summary.set_clear(summary.clear() + 1);
      break;
  }
  report->worst = std::max(report->worst, score.decision());
  for (const scores::RuleHit& hit : score.suppressed_hits()) {  // desk
    summary.set_suppressed_hits(summary.suppressed_hits() + 1);
    summary.set_suppressed_evidence(summary.suppressed_evidence() + hit.evidence_size());
  }
  if (score.problems_size() > 0) {
    summary.set_data_problems(summary.data_problems() + score.problems_size());
    summary.set_shipments_with_problems(summary.shipments_with_problems() + 1);
  }
}

}  // namespace

Status RunScreen(const ScreenOptions& options, ScreenReport* report) {
  *report = ScreenReport();
  // The output must not be the input, nor a FIFO or device: refused before anything runs.
  Status status = CheckOutputPath(options.out_path, {options.db_path});
  if (!status.ok()) return status;
  // Compile: the rules are loaded once and shared, read-only, by every worker.
  RuleSet rule_set;
  Diagnostics diagnostics;
  if (!LoadRuleSet(options.rules_dir, &rule_set, &diagnostics)) {
    std::string message = "invalid rules (" + std::to_string(diagnostics.size()) + " problems):";
    for (const Diagnostic& d : diagnostics) message += "\n" + d.ToString();
    return Status::InvalidRules(message);
  }
  std::unique_ptr<InputDatabase> input;
  status = InputDatabase::Open(options.db_path, &input);
  // A shipment named with --shipment that the database does not hold would otherwise look like
  // a clean run.
  if (status.ok() && !options.shipment_ids.empty()) {
    status = input->CheckShipmentsExist(options.shipment_ids);
  }
  if (!status.ok()) return status;

  ScoringSetup setup{&rule_set, nullptr, options.as_of, UnscreenableRule(rule_set.scoring)};
  scores::ScoreRecord record;
  std::set<std::string> loaded_lists;
  status = WriteHeaderFields(rule_set, setup, input.get(), options.as_of, record.mutable_header(),
                             &loaded_lists);
  double name_floor = 0;
  if (status.ok()) status = CheckNeeds(rule_set, loaded_lists, options.db_path, &name_floor);
  if (!status.ok()) return status;

  // desk: allow-lists are never a source of hits; decisions and allow entries are read once.
  std::set<std::string> allow_lists;
  for (const auto& [list_id, list] : rule_set.lists) {
    if (list.role() == rules::ALLOW && loaded_lists.count(list_id)) allow_lists.insert(list_id);
  }
  // A rule that reads only allow-lists could never hit: a silent failure, refused up front.
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
  std::unique_ptr<decisions::ReviewBook> reviews;
  status = decisions::ReviewBook::Load(input->db(), allow_lists, options.as_of, &reviews);
  if (!status.ok()) return status;
  setup.reviews = reviews.get();

  // Screen names: once per entity, down to the least threshold any rule uses; each rule keeps
  // only the matches at or above its own.
  std::unique_ptr<ListNameScreener> screener;
  std::unique_ptr<decisions::WatchListScreener> watch_screener;  // desk: without allow-lists
  if (!loaded_lists.empty() && name_floor > 0) {
    status = ListNameScreener::Load(input->db(), name_floor,
                                    MatcherOptionsFrom(rule_set.name_matching), &screener);
    if (!status.ok()) return status;
    setup.screener = screener.get();
    if (!allow_lists.empty()) {
      watch_screener = std::make_unique<decisions::WatchListScreener>(screener.get(), allow_lists);
      setup.screener = watch_screener.get();
    }
    // List names the index cannot use: in the header, before any shipment, never silent.
    scores::StreamHeader* header = record.mutable_header();
    header->set_problem_count(static_cast<int64_t>(screener->problems().size()));
    for (size_t i = 0; i < screener->problems().size() && i < kMaxRunProblems; ++i) {
      ToProto(screener->problems()[i], header->add_problems());
    }
  }
  // Bind the rules to the run (ownership analyses, incident index), on this thread.
  Resources resources(input.get(), setup.screener, options.as_of);
  for (const LoadedRule& rule : rule_set.rules) {
    status = rule.compiled->Prepare(&resources);
    if (!status.ok()) return status;
  }
  std::vector<std::unique_ptr<Worker>> workers(static_cast<size_t>(std::max(1, options.threads)));
  for (std::unique_ptr<Worker>& worker : workers) {
    status = NewWorker(rule_set, options.entity_cache_size, &worker);
    if (!status.ok()) return status;
  }

  std::unique_ptr<ScoreWriter> writer;
  status = ScoreWriter::Open(options.out_path, options.format, &writer);
  if (status.ok()) status = writer->Write(record);
  if (!status.ok()) return status;
  auto account = [&](const scores::ShipmentScore& score) {
    Account(score, report);
    if (options.on_shipment) options.on_shipment(score);
  };
  std::unique_ptr<ShipmentSource> source = input->Shipments(options.shipment_ids);
  if (workers.size() == 1) {
    Shipment shipment;
    while (source->Next(&shipment)) {
      ScoreShipment(setup, workers[0].get(), &shipment, &record);
      status = writer->Write(record);
      if (!status.ok()) return status;
      account(record.shipment());
    }
  } else {
    status = RunPipeline(setup, workers, source.get(), writer.get(), account);
    if (!status.ok()) return status;
  }
  if (!source->status().ok()) return source->status();

  scores::StreamSummary& summary = report->summary;
  const std::vector<DataProblem>& run_problems = input->run_problems();
  summary.set_data_problems(summary.data_problems() + static_cast<int64_t>(run_problems.size()));
  for (size_t i = 0; i < run_problems.size() && i < kMaxRunProblems; ++i) {
    ToProto(run_problems[i], summary.add_run_problems());
  }
  record.Clear();
  *record.mutable_summary() = summary;
  status = writer->Write(record);
  if (!status.ok()) return status;
  return writer->Commit();
}

}  // namespace corridor
