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
#include "engine/incidents/incidents.h"
#include "engine/load/input_database.h"
#include "engine/score/aggregate.h"
#include "engine/facts/ownership_world.h"
#include "engine/facts/party_screener.h"

namespace corridor {

namespace {

constexpr size_t kMaxRunProblems = 1000;

// Entity facts by entity_id, least recently used evicted first. Facts depend only on the entity
// and the lists, so recomputing an evicted entry gives the same result.
class EntityFactsCache {
 public:
  explicit EntityFactsCache(size_t capacity) : capacity_(std::max<size_t>(capacity, 1)) {}

  const EntityFacts* Find(const std::string& entity_id) {
    auto found = index_.find(entity_id);
    if (found == index_.end()) return nullptr;
    order_.splice(order_.begin(), order_, found->second);
    return &found->second->second;
  }

  const EntityFacts* Insert(const std::string& entity_id, EntityFacts facts) {
    if (index_.size() >= capacity_) {
      index_.erase(order_.back().first);
      order_.pop_back();
    }
    order_.emplace_front(entity_id, std::move(facts));
    index_[entity_id] = order_.begin();
    return &order_.front().second;
  }

 private:
  size_t capacity_;
  std::list<std::pair<std::string, EntityFacts>> order_;
  std::unordered_map<std::string, std::list<std::pair<std::string, EntityFacts>>::iterator> index_;
};

void ToProto(const DataProblem& problem, scores::DataProblem* out) {
  out->set_table(problem.table);
  out->set_row_id(problem.row_id);
  out->set_column(problem.column);
  out->set_message(problem.message);
}

Status ReadListVersions(Database* db, scores::StreamHeader* header, std::set<std::string>* loaded) {
  if (!db->HasTable("list_source")) return Status::Ok();
  std::unique_ptr<Statement> query;
  Status status = db->Prepare(
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
      for (const OwnershipProblem& problem : ownership_->problems) {
        input_->run_problems().push_back(
            {problem.table, problem.row_id, problem.column, problem.message});
      }
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

  const std::string& as_of() const override { return as_of_; }
  Database* input() override { return input_->db(); }

 private:
  InputDatabase* input_;
  PartyScreener* screener_;
  std::string as_of_;
  std::unique_ptr<OwnershipWorld> ownership_;
  Status ownership_status_;
  bool incidents_loaded_ = false;
  std::vector<SecurityIncident> incidents_;
  Status incidents_status_;
};

// Screens one shipment: its parties' entity facts (cached), every rule, the aggregate score.
// Leaves the shipment's record in `record`.
void ScoreShipment(const RuleSet& rule_set, EntityFactsCache* cache, PartyScreener* screener,
                   const std::string& as_of, Shipment* shipment, scores::ScoreRecord* record) {
  ShipmentContext context{*shipment, {}, as_of};
  for (const ShipmentParty& party : shipment->parties) {
    if (!party.entity) {
      context.party_facts.push_back(nullptr);
      continue;
    }
    const EntityFacts* facts = cache->Find(party.entity_id);
    if (facts == nullptr) {
      EntityFacts computed;
      if (screener) screener->Screen(*party.entity, &computed, &shipment->problems);
      facts = cache->Insert(party.entity_id, std::move(computed));
    }
    context.party_facts.push_back(facts);
  }
  std::vector<RuleHitInput> hits;
  for (const LoadedRule& rule : rule_set.rules) {
    RuleOutcome outcome;
    outcome.floor = rule.config.decision_floor();
    rule.compiled->Evaluate(context, &outcome);
    for (DataProblem& problem : outcome.problems) shipment->problems.push_back(std::move(problem));
    outcome.problems.clear();
    if (!outcome.evidence.empty()) hits.push_back(RuleHitInput{&rule.config, std::move(outcome)});
  }
  record->Clear();
  scores::ShipmentScore* score = record->mutable_shipment();
  score->set_shipment_id(shipment->shipment_id);
  AggregateScore(std::move(hits), rule_set.scoring, score);
  for (const DataProblem& problem : shipment->problems) ToProto(problem, score->add_problems());
}

// The multi-threaded run: this thread reads shipments in order and hands them out in numbered
// batches; one worker per rule set scores a batch at a time; a writer thread writes the batches
// back in reading order, so the output is byte-identical to a single-threaded run. At most a
// few batches per worker are in flight, so memory stays flat.
Status RunPipeline(const std::vector<const RuleSet*>& rule_sets, PartyScreener* screener,
                   const ScreenOptions& options, ShipmentSource* source, ScoreWriter* writer,
                   const std::function<void(const scores::ShipmentScore&)>& account) {
  constexpr size_t kBatch = 64;
  const int64_t kBatchesInFlight = 4 * static_cast<int64_t>(rule_sets.size());
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
  for (const RuleSet* rule_set : rule_sets) {
    workers.emplace_back([&, rule_set] {
      EntityFactsCache cache(options.entity_cache_size);
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
          ScoreShipment(*rule_set, &cache, screener, options.as_of, &batch.shipments[i],
                        &records[i]);
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

}  // namespace

Status RunScreen(const ScreenOptions& options, ScreenReport* report) {
  *report = ScreenReport();
  RuleSet rule_set;
  Diagnostics diagnostics;
  if (!LoadRuleSet(options.rules_dir, &rule_set, &diagnostics)) {
    std::string message = "invalid rules (" + std::to_string(diagnostics.size()) + " problems):";
    for (const Diagnostic& d : diagnostics) message += "\n" + d.ToString();
    return Status::Error(message);
  }

  std::unique_ptr<InputDatabase> input;
  Status status = InputDatabase::Open(options.db_path, &input);
  if (!status.ok()) return status;

  scores::ScoreRecord record;
  scores::StreamHeader* header = record.mutable_header();
  header->set_engine_version(CORRIDOR_VERSION);
  header->set_schema_version(input->db()->UserVersion());
  header->set_rules_digest(rule_set.digest);
  header->set_as_of(options.as_of);
  for (const LoadedRule& rule : rule_set.rules) {
    scores::RuleInfo* info = header->add_rules();
    info->set_rule_id(rule.config.id());
    info->set_description(rule.config.description());
    info->set_category(rule.config.category());
    info->set_weight(rule.config.weight());
    info->set_decision_floor(rule.config.decision_floor());
    info->set_source(rule.pos.file + ":" + std::to_string(rule.pos.line));
  }
  std::set<std::string> loaded_lists;
  status = ReadListVersions(input->db(), header, &loaded_lists);
  if (!status.ok()) return status;

  // Every party is screened against the loaded lists: listed-party, ownership, forced-labour
  // and custom SQL rules all read the matches.
  bool needs_names = !loaded_lists.empty();
  // A rule that names lists needs at least one of them loaded; otherwise it could never hit and
  // a clean result would be a silent failure.
  for (const LoadedRule& rule : rule_set.rules) {
    std::vector<std::string> lists = rule.compiled->RequiredLists();
    if (lists.empty()) continue;
    bool any = std::any_of(lists.begin(), lists.end(),
                           [&](const std::string& list) { return loaded_lists.count(list) > 0; });
    if (!any) {
      return Status::Error(rule.pos.file + ":" + std::to_string(rule.pos.line) + ":" +
                           std::to_string(rule.pos.column) + ": rule \"" + rule.config.id() +
                           "\" needs list \"" + Join(lists, "\" or \"") + "\", which " +
                           options.db_path +
                           " does not hold (load it with `corridor import-list`)");
    }
  }
  // The name index reports matches down to the lowest threshold any listed-party rule uses;
  // each rule then keeps those at or above its own.
  double min_name_score = DefaultNameThreshold();
  for (const LoadedRule& rule : rule_set.rules) {
    if (rule.config.kind_case() != rules::Rule::kListedParty) continue;
    const rules::ListedPartyRule& config = rule.config.listed_party();
    if (config.min_score() > 0) min_name_score = std::min(min_name_score, config.min_score());
    for (const rules::KindThreshold& kind : config.kind_min_scores()) {
      min_name_score = std::min(min_name_score, kind.min_score());
    }
  }
  std::unique_ptr<ListNameScreener> screener;
  if (needs_names) {
    status = ListNameScreener::Load(input->db(), min_name_score,
                                    MatcherOptionsFrom(rule_set.name_matching), &screener);
    if (!status.ok()) return status;
  }
  Resources resources(input.get(), screener.get(), options.as_of);
  for (const LoadedRule& rule : rule_set.rules) {
    status = rule.compiled->Prepare(&resources);
    if (!status.ok()) return status;
  }

  std::unique_ptr<ScoreWriter> writer;
  status = ScoreWriter::Open(options.out_path, options.format, &writer);
  if (!status.ok()) return status;
  status = writer->Write(record);
  if (!status.ok()) return status;

  // Each worker evaluates with its own copy of the rule set (compiled rules may keep per-run
  // state, such as a custom SQL rule's view database) and its own entity cache; the name index,
  // the ownership graph and the incidents are shared read-only. The first copy is the one
  // loaded above.
  int threads = std::max(1, options.threads);
  std::vector<std::unique_ptr<RuleSet>> worker_rules;
  for (int i = 1; i < threads; ++i) {
    auto copy = std::make_unique<RuleSet>();
    Diagnostics ignored;
    if (!LoadRuleSet(options.rules_dir, copy.get(), &ignored) || copy->digest != rule_set.digest) {
      return Status::Error(options.rules_dir + ": the rules changed while the run started");
    }
    for (const LoadedRule& rule : copy->rules) {
      status = rule.compiled->Prepare(&resources);
      if (!status.ok()) return status;
    }
    worker_rules.push_back(std::move(copy));
  }

  scores::StreamSummary& summary = report->summary;
  auto account = [&](const scores::ShipmentScore& score) {
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
    if (score.problems_size() > 0) {
      summary.set_data_problems(summary.data_problems() + score.problems_size());
      summary.set_shipments_with_problems(summary.shipments_with_problems() + 1);
    }
    if (options.on_shipment) options.on_shipment(score);
  };

  std::unique_ptr<ShipmentSource> source = input->Shipments(options.shipment_ids);
  if (threads == 1) {
    EntityFactsCache cache(options.entity_cache_size);
    Shipment shipment;
    while (source->Next(&shipment)) {
      ScoreShipment(rule_set, &cache, screener.get(), options.as_of, &shipment, &record);
      status = writer->Write(record);
      if (!status.ok()) return status;
      account(record.shipment());
    }
  } else {
    std::vector<const RuleSet*> sets = {&rule_set};
    for (const auto& copy : worker_rules) sets.push_back(copy.get());
    status = RunPipeline(sets, screener.get(), options, source.get(), writer.get(), account);
    if (!status.ok()) return status;
  }
  if (!source->status().ok()) return source->status();

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
