#include "engine/screen/screen_run.h"
#include "engine/base/digest.h"
#include "engine/screen/dependencies.h"
#include "engine/screen/facts_file.h"
#include "engine/screen/rule_preparation.h"
#include "engine/screen/steps.h"

#include <algorithm>
#include <atomic>
#include <charconv>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <ctime>
#include <deque>
#include <functional>
#include <list>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "engine/base/engine_build.h"
#include "engine/base/sha256.h"
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

// A slice of a shipment stream: the shipments of one shard.
class ShardSource : public ShipmentSource {
 public:
  ShardSource(std::unique_ptr<ShipmentSource> all, int index, int count)
      : all_(std::move(all)), index_(index), count_(count) {}
  bool Next(Shipment* shipment) override {
    while (all_->Next(shipment)) {
      if (InShard(shipment->shipment_id, index_, count_)) return true;
    }
    return false;
  }
  const Status& status() const override { return all_->status(); }

 private:
  std::unique_ptr<ShipmentSource> all_;
  int index_;
  int count_;
};

// A CLEAR shipment written compactly (ShipmentScore.compact): hits keep rule id and contribution
// (the rest is in the header's rules), evidence and categories are left out, problems kept.
void MakeCompact(scores::ShipmentScore* score) {
  score->set_compact(true);
  score->clear_categories();
  for (scores::RuleHit& hit : *score->mutable_hits()) {
    scores::RuleHit kept;
    kept.set_rule_id(hit.rule_id());
    kept.set_contribution(hit.contribution());
    hit = std::move(kept);
  }
}

// Every entity's facts, computed once per run and shared by every worker and by the ownership
// walk (BuildOwnershipWorld screens the owners through it), so an entity named on many shipments
// and in the ownership records is screened exactly once. Facts depend only on the entity's
// record and the lists, so an entry is keyed by entity_id and checked against the record's
// name-relevant content: the same id with other content (never within one read of the database)
// is screened again rather than served stale facts.
//
// Entries are shared pointers to a slot that is filled once (std::call_once): a second worker
// asking for an entity while the first screens it waits for that result instead of screening it
// again. At most `capacity` entries are kept, least recently used evicted first; an evicted
// entity is screened again when next named, with the same result, so the capacity bounds memory
// without changing the output.
//
// A delta run also hands it the previous run's facts (engine/screen/facts_file.h): an entity
// whose content digest is unchanged takes those instead of being screened. Thread-safe.
class RunFactsCache : public PartyScreener {
 public:
  using Facts = std::shared_ptr<const EntityFacts>;
  // `previous`: facts of an earlier run under the same screening digest, or null. With
  // `changes` (the lists changed since, ListChanges), they are patched by `patcher` instead.
  RunFactsCache(PartyScreener* screener, size_t capacity, const CachedFactsMap* previous,
                const ListNameScreener* patcher = nullptr, const ListChanges* changes = nullptr)
      : screener_(screener),
        capacity_(std::max<size_t>(capacity, 1)),
        previous_(previous),
        patcher_(patcher),
        changes_(changes) {}

  // The entity's facts, screening it on first use. With no screener (no lists), empty facts.
  Facts Get(const Entity& entity) {
    if (entity.number != 0 && entity.number < frozen_by_number_.size()) {
      const FrozenNumbered& frozen = frozen_by_number_[entity.number];
      // Held by frozen_ until the run ends: a pointer without a reference count to share.
      if (frozen.facts != nullptr && entity.digest != 0 && entity.digest == frozen.entity_digest)
        return Facts(Facts(), frozen.facts);
    }
    if (!frozen_.empty()) {
      auto found = frozen_.find(entity.entity_id);
      if (found != frozen_.end()) {
        const Frozen& frozen = found->second;
        // The reader's stamp (Entity::digest) covers every field the content key holds, so an
        // equal stamp spares building and comparing the key for every party of every shipment
        // (two cache misses each at a million shipments; docs/performance.md).
        if ((entity.digest != 0 && entity.digest == frozen.entity_digest) ||
            frozen.slot->content == EntityContentKey(entity)) {
          // Held by frozen_ until the run ends: a pointer without a reference count to share.
          return Facts(Facts(), frozen.facts);
        }
      }
    }
    std::shared_ptr<Slot> slot = FindOrAdd(entity);
    std::call_once(slot->once, [&] {
      if (previous_ != nullptr) {
        auto found = previous_->find(entity.entity_id);
        if (found != previous_->end() && found->second.content_digest == slot->content_digest) {
          if (changes_ == nullptr) {
            slot->facts = found->second.facts;
            reused_.fetch_add(1, std::memory_order_relaxed);
            return;
          }
          auto patched = std::make_shared<EntityFacts>();
          auto start = std::chrono::steady_clock::now();
          bool exact = patcher_->Patch(entity, *found->second.facts, *changes_, patched.get());
          screen_nanos_.fetch_add(std::chrono::duration_cast<std::chrono::nanoseconds>(
                                      std::chrono::steady_clock::now() - start)
                                      .count(),
                                  std::memory_order_relaxed);
          if (exact) {
            slot->facts = std::move(patched);
            patched_.fetch_add(1, std::memory_order_relaxed);
            return;
          }
        }
      }
      auto facts = std::make_shared<EntityFacts>();
      auto start = std::chrono::steady_clock::now();
      if (screener_) screener_->Screen(entity, facts.get(), &facts->problems);
      auto spent = std::chrono::steady_clock::now() - start;
      slot->facts = std::move(facts);
      screened_.fetch_add(1, std::memory_order_relaxed);
      names_searched_.fetch_add(1 + static_cast<int64_t>(entity.aliases.size()),
                                std::memory_order_relaxed);
      screen_nanos_.fetch_add(std::chrono::duration_cast<std::chrono::nanoseconds>(spent).count(),
                              std::memory_order_relaxed);
    });
    return slot->facts;
  }

  // PartyScreener, for the ownership walk: copies the cached facts.
  void Screen(const Entity& entity, EntityFacts* facts,
              std::vector<DataProblem>* problems) override {
    Facts cached = Get(entity);
    facts->list_matches.insert(facts->list_matches.end(), cached->list_matches.begin(),
                               cached->list_matches.end());
    problems->insert(problems->end(), cached->problems.begin(), cached->problems.end());
    if (facts->unscreenable.empty()) facts->unscreenable = cached->unscreenable;
  }

  // Entities screened so far (an evicted entity screened again counts twice), the names
  // (primary and aliases) they searched, and the thread time spent screening them.
  int64_t screened() const { return screened_.load(std::memory_order_relaxed); }
  int64_t names_searched() const { return names_searched_.load(std::memory_order_relaxed); }
  double screen_seconds() const { return screen_nanos_.load(std::memory_order_relaxed) * 1e-9; }
  // Entities whose facts were taken from the previous run's facts file instead.
  int64_t reused() const { return reused_.load(std::memory_order_relaxed); }
  // Entities whose previous facts were patched after a list update (ListNameScreener::Patch).
  int64_t patched() const { return patched_.load(std::memory_order_relaxed); }

  // Keeps every entity screened so far for the rest of the run, read without the lock and
  // without reordering an LRU: called once the up-front screening found that every entity the
  // run names fits in the cache (PrescreenEntities). Later entities use the LRU, whose
  // capacity the kept ones count against. An entity numbered by `numbering` is then found by
  // its number. REQUIRES: no Get() running.
  void Freeze(const EntityNumbering& numbering) {
    std::lock_guard<std::mutex> lock(mutex_);
    frozen_by_number_.assign(numbering.size() + 1, FrozenNumbered{});
    for (auto& [entity_id, slot] : order_) {
      if (slot->facts) {
        const EntityFacts* facts = slot->facts.get();
        const uint64_t entity_digest = slot->entity_digest;
        const uint32_t number = slot->entity_number;
        if (number != 0 && number <= numbering.size() && numbering.IdOf(number) == entity_id) {
          frozen_by_number_[number] = FrozenNumbered{entity_digest, facts};
        }
        frozen_.emplace(entity_id, Frozen{entity_digest, facts, std::move(slot)});
      }
    }
    order_.clear();
    index_.clear();
    capacity_ = capacity_ > frozen_.size() ? capacity_ - frozen_.size() : 1;
  }

  // Every entity's facts this run holds, plus the previous run's for entities this run did not
  // ask about (their records may be unchanged; a later run checks), for the next facts file;
  // not after a list update, which makes those stale.
  // REQUIRES: no Get() running.
  CachedFactsMap Export() {
    std::lock_guard<std::mutex> lock(mutex_);
    CachedFactsMap out;
    if (previous_ != nullptr && changes_ == nullptr) out = *previous_;
    for (const auto& [entity_id, frozen] : frozen_) {
      out[entity_id] = {frozen.slot->content_digest, frozen.slot->facts};
    }
    for (const auto& [entity_id, slot] : order_) {
      if (slot->facts) out[entity_id] = {slot->content_digest, slot->facts};
    }
    return out;
  }

 private:
  struct Slot {
    std::string content;  // EntityContentKey of the entity the facts were computed for
    uint64_t content_digest = 0;
    uint64_t entity_digest = 0;  // that entity's Entity::digest (0: not stamped)
    uint32_t entity_number = 0;  // and its Entity::number
    std::once_flag once;
    Facts facts;
  };
  using Order = std::list<std::pair<std::string, std::shared_ptr<Slot>>>;

  std::shared_ptr<Slot> FindOrAdd(const Entity& entity) {
    // Everything name screening reads (party_screener.h): name, aliases and the corroborating
    // facts.
    std::string content = EntityContentKey(entity);
    std::lock_guard<std::mutex> lock(mutex_);
    auto found = index_.find(entity.entity_id);
    if (found != index_.end()) {
      if (found->second->second->content == content) {
        order_.splice(order_.begin(), order_, found->second);
        return found->second->second;
      }
      order_.erase(found->second);
      index_.erase(found);
    }
    if (index_.size() >= capacity_) {
      index_.erase(order_.back().first);
      order_.pop_back();
    }
    auto slot = std::make_shared<Slot>();
    slot->content_digest = ContentKeyDigest(content);  // once per entity, not per shipment
    slot->content = std::move(content);
    slot->entity_digest = entity.digest;
    slot->entity_number = entity.number;
    order_.emplace_front(entity.entity_id, slot);
    index_[entity.entity_id] = order_.begin();
    return slot;
  }

  PartyScreener* screener_;
  size_t capacity_;
  const CachedFactsMap* previous_;
  const ListNameScreener* patcher_;
  const ListChanges* changes_;
  std::atomic<int64_t> reused_{0};
  std::atomic<int64_t> patched_{0};
  std::mutex mutex_;
  Order order_;
  std::unordered_map<std::string, Order::iterator> index_;
  // An entity kept by Freeze(): what Get() compares and returns sits in the map's node.
  struct Frozen {
    uint64_t entity_digest;
    const EntityFacts* facts;
    std::shared_ptr<Slot> slot;  // owns the facts
  };
  StringMap<Frozen> frozen_;  // Freeze(): read by every worker, never changed
  // The same by Entity::number (Freeze()); facts null for a number not frozen.
  struct FrozenNumbered {
    uint64_t entity_digest = 0;
    const EntityFacts* facts = nullptr;
  };
  std::vector<FrozenNumbered> frozen_by_number_;
  std::atomic<int64_t> screened_{0};
  std::atomic<int64_t> names_searched_{0};
  std::atomic<int64_t> screen_nanos_{0};
};

// Screens, on `threads` threads, every entity the run will ask about before the rules are
// prepared: those named by a shipment of the run and those in ownership records. Name screening
// is the run's dominant cost; done here it uses every core, where the ownership walk in Prepare()
// would screen the owners on one, and the shipments then only read the cache. Skipped when the
// entities would not all fit in the cache (they would be evicted before use). The entities are
// read in one scan (InputDatabase::ReadEntities) and handed to the shipment stream in `read`, so
// that it does not read them again, each stamped with its number in `numbering` (the ids
// asked about, sorted).
Status PrescreenEntities(InputDatabase* input, const ScreenOptions& options, bool shipment_parties,
                         RunFactsCache* facts, EntityReads* read, EntityNumbering* numbering) {
  // A hash set sorted once at the end: a tree took every party row's insert (3 million at a
  // million shipments) on this thread while the screening threads waited.
  std::unordered_set<std::string, StringHash, std::equal_to<>> seen;
  auto add = [&](std::string_view id) {
    if (seen.find(id) == seen.end()) seen.emplace(id);
  };
  std::unique_ptr<Statement> query;
  Status status = input->db()->Prepare("SELECT shipment_id, entity_id FROM shipment_party", &query);
  if (!status.ok()) return status;
  while (shipment_parties && query->Step()) {
    if (InShard(query->TextView(0), options.shard_index, options.shard_count))
      add(query->TextView(1));
  }
  if (!query->status().ok()) return query->status();
  bool has_ownership = false;
  status = input->db()->HasTable("ownership", &has_ownership);
  if (!status.ok()) return status;
  if (has_ownership) {
    status = input->db()->Prepare(
        "SELECT owner_id FROM ownership UNION SELECT owned_id FROM ownership", &query);
    if (!status.ok()) return status;
    while (query->Step()) add(query->TextView(0));
    if (!query->status().ok()) return query->status();
  }
  std::vector<std::string> ids(seen.begin(), seen.end());
  seen.clear();
  std::sort(ids.begin(), ids.end());  // the entity table's key order
  if (ids.size() > options.entity_cache_size) return Status::Ok();
  if (ids.size() >= std::numeric_limits<uint32_t>::max()) return Status::Ok();
  EntityNumbering numbers(std::move(ids));

  // This thread reads (the database connection is not shared); the others screen. Entities go
  // over in batches: one at a time cost two futex calls each, through the hypervisor on this VM
  // (most of the read's own time at a million shipments; docs/performance.md, "Entities numbered
  // once"). The entities are handed to the stream too.
  using Batch = std::vector<std::shared_ptr<const Entity>>;
  std::mutex mutex;
  std::condition_variable ready, space;
  std::deque<Batch> queue;
  bool done = false;
  constexpr size_t kBatch = 32;
  constexpr size_t kQueued = 8;  // batches
  std::vector<std::thread> workers;
  for (int t = 0; t < std::max(1, options.threads); ++t) {
    workers.emplace_back([&] {
      while (true) {
        Batch batch;
        {
          std::unique_lock<std::mutex> lock(mutex);
          ready.wait(lock, [&] { return done || !queue.empty(); });
          if (queue.empty()) return;
          batch = std::move(queue.front());
          queue.pop_front();
        }
        space.notify_one();
        for (const std::shared_ptr<const Entity>& entity : batch) facts->Get(*entity);
      }
    });
  }
  Batch batch;
  auto hand_over = [&] {
    std::unique_lock<std::mutex> lock(mutex);
    space.wait(lock, [&] { return queue.size() < kQueued; });
    queue.push_back(std::move(batch));
    batch.clear();
    ready.notify_one();
  };
  // Two index lookups per entity cost 14 us each at a million shipments (2.5 s of this thread
  // for 175,735 entities, and as much again on the stream's thread): one scan instead
  // (docs/performance.md, "Entities read once").
  Status scanned =
      input->ReadEntities(numbers.ids(), [&](Entity entity, std::vector<DataProblem> problems) {
        entity.number = numbers.NumberOf(entity.entity_id);
        // The problems are the stream's to report, on the shipments that name the entity.
        auto kept = std::make_shared<const Entity>(std::move(entity));
        (*read)[kept->entity_id] = EntityRead{kept, std::move(problems)};
        batch.push_back(std::move(kept));
        if (batch.size() == kBatch) hand_over();
      });
  if (!batch.empty()) hand_over();
  // A read error is left for the shipment stream to meet and report with the shipment it
  // belongs to (it reads what was not handed to it); nothing read in part is handed over.
  if (!scanned.ok()) read->clear();
  {
    std::lock_guard<std::mutex> lock(mutex);
    done = true;
  }
  ready.notify_all();
  for (std::thread& worker : workers) worker.join();
  // Numbers only for entities handed over whole: after a read error the stream reads them again.
  if (scanned.ok()) *numbering = std::move(numbers);
  facts->Freeze(*numbering);
  return Status::Ok();
}

// Run-wide resources, built on first use.
class Resources : public RunResources {
 public:
  // desk: `reviews` (may be null) keeps allow-lists out of the ownership walk (review_book.h).
  // `numbering`: the run's entity numbers (Entity::number), kept for the ownership world.
  // `read`: the entities the run read up front (may be null), which the ownership world takes
  // rather than reading each again; used until ForgetEntityReads().
  Resources(InputDatabase* input, PartyScreener* screener, std::string as_of,
            scores::StreamHeader* header, const decisions::ReviewBook* reviews,
            const EntityNumbering* numbering, const EntityReads* read)
      : input_(input),
        screener_(screener),
        as_of_(std::move(as_of)),
        header_(header),
        reviews_(reviews),
        numbering_(numbering),
        read_(read) {}

  // The up-front read is handed to the shipment stream after the rules are prepared; an
  // ownership world built later (none of the bundled rules builds one then) reads its entities.
  void ForgetEntityReads() { read_ = nullptr; }

  std::function<bool(const Entity&)> AllowedParty() override {
    return decisions::ReviewBook::AllowedPartyTest(reviews_);
  }

  void NoteRunProblem(DataProblem problem) override {
    header_->set_problem_count(header_->problem_count() + 1);
    if (header_->problems_size() < static_cast<int>(kMaxRunProblems))
      ToProto(problem, header_->add_problems());
  }

  Status Ownership(const OwnershipWorld** world) override {
    if (!ownership_) {
      ownership_ = std::make_unique<OwnershipWorld>();
      ownership_status_ = decisions::BuildReviewedOwnershipWorld(input_, screener_, reviews_,
                                                                 ownership_.get(), as_of_, read_);
      if (ownership_status_.ok()) ownership_->NumberEntities(*numbering_);
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
    if (screener_ == nullptr) return Status::Ok();  // no lists: no matches
    std::vector<DataProblem> problems;              // the shipments naming the entity report them
    if (read_ != nullptr) {
      auto found = read_->find(entity_id);
      if (found != read_->end() && found->second.entity != nullptr) {
        screener_->Screen(*found->second.entity, facts, &problems);
        return Status::Ok();
      }
    }
    std::optional<Entity> entity = input_->FindEntity(entity_id, &problems);
    if (entity) screener_->Screen(*entity, facts, &problems);
    return input_->read_status();
  }

  const std::string& as_of() const override { return as_of_; }
  Database* input() override { return input_->db(); }

 private:
  // By name threshold and whether matches that need corroboration are left out.
  std::map<std::pair<double, bool>, std::unique_ptr<OwnershipGraph>> graphs_;
  OwnershipAnalyses analyses_;
  InputDatabase* input_;
  PartyScreener* screener_;
  std::string as_of_;
  scores::StreamHeader* header_;  // the run's header, written after the rules are prepared
  const decisions::ReviewBook* reviews_;
  const EntityNumbering* numbering_;
  const EntityReads* read_;
  std::unique_ptr<OwnershipWorld> ownership_;
  Status ownership_status_;
  bool incidents_loaded_ = false;
  std::vector<SecurityIncident> incidents_;
  Status incidents_status_;
};

// What one worker owns: one scratch per rule (CompiledRule::NewScratch). The rule set and the
// entity facts are shared by every worker.
struct Worker {
  std::vector<std::unique_ptr<RuleScratch>> scratches;  // parallel to rule_set.rules
};

Status NewWorker(const RuleSet& rule_set, std::unique_ptr<Worker>* out) {
  auto worker = std::make_unique<Worker>();
  for (const LoadedRule& rule : rule_set.rules) {
    Status status = rule.compiled->NewScratch(&worker->scratches.emplace_back());
    if (!status.ok()) return status.WithContext("rule \"" + rule.config.id() + "\": ");
  }
  *out = std::move(worker);
  return Status::Ok();
}

// A previous score stream read alongside the shipments (--since): both are in shipment_id order,
// so one forward pass pairs them. Used by the reading thread only; whether a paired record is
// carried over (its input_digest equals the shipment's) is decided where the shipment is scored
// (CarriedOver), on the workers: the digest reads the shipment's dependencies and the rules'
// cross-shipment state, and on the reading thread it was a third of a delta run's critical path.
class PreviousStream {
 public:
  // Fails only when `path` cannot be opened (missing, not a regular file: a wrong --since). A
  // stream damaged from its start (empty, cut inside its header, not a score stream) only saves
  // nothing: damage() says why, and every shipment is screened.
  static Status Open(const std::string& path, std::unique_ptr<PreviousStream>* out) {
    std::unique_ptr<ScoreReader> reader;
    Status status = ScoreReader::Open(path, &reader);
    if (!status.ok() && status.code() != Status::Code::kCorruption) {
      return status.WithContext("--since: ");
    }
    auto stream = std::unique_ptr<PreviousStream>(new PreviousStream(std::move(reader)));
    scores::ScoreRecord first;
    if (!status.ok()) {
      stream->damage_ = status.message();
    } else if (!stream->reader_->Next(&first)) {
      stream->damage_ = stream->reader_->status().message();
    } else if (!stream->reader_->checksummed()) {
      stream->damage_ = "its header has no checksum";
    } else {
      stream->header_ = first.header();
      stream->Advance();
    }
    *out = std::move(stream);
    return Status::Ok();
  }

  const scores::StreamHeader& header() const { return header_; }
  // What stopped the stream from being carried from part-way ("" when nothing did).
  const std::string& damage() const { return damage_; }

  // True when the previous stream holds a record of `shipment`: then `record` is that record,
  // to be written again if the shipment's input_digest is unchanged (CarriedOver).
  bool Take(const Shipment& shipment, scores::ScoreRecord* record) {
    // By the database's bytes (ShipmentOrderKey), as the stream is ordered.
    while (has_next_ && ShipmentOrderKey(next_.shipment()) < shipment.shipment_id) Advance();
    if (!has_next_ || ShipmentOrderKey(next_.shipment()) != shipment.shipment_id) return false;
    *record = std::move(next_);
    Advance();
    return true;
  }

 private:
  explicit PreviousStream(std::unique_ptr<ScoreReader> reader) : reader_(std::move(reader)) {}
  // A stream that turns out damaged simply stops being carried from: the rest is screened. The
  // header was checksummed (Open), so the reader refuses a later record without its checksum
  // (ScoreReader::Next): such a record was rewritten by something else.
  void Advance() {
    has_next_ = reader_->Next(&next_) && next_.has_shipment();
    if (!reader_->status().ok()) damage_ = reader_->status().message();
  }

  std::unique_ptr<ScoreReader> reader_;
  scores::StreamHeader header_;
  scores::ScoreRecord next_;
  bool has_next_ = false;
  std::string damage_;
};

// Why a previous stream cannot be carried from, comparing its header with this run's ("" when
// it can: the headers are equal, so everything but the shipments' own records is the same).
std::string WhyNotCarried(const scores::StreamHeader& previous, const scores::StreamHeader& now) {
  if (previous.SerializeAsString() == now.SerializeAsString()) return "";
  // First: another build may score the same records differently (a fixed matcher or rule), and
  // it may also have digested them differently, so the other fields' differences say nothing.
  if (previous.engine_build() != now.engine_build()) {
    return "the previous run was made by another build of corridor (" +
           (previous.engine_build().empty() ? std::string("unknown") : previous.engine_build()) +
           "; this is " + now.engine_build() + ")";
  }
  if (previous.rules_digest() != now.rules_digest()) return "the rules changed";
  if (previous.as_of() != now.as_of()) return "--as-of differs from the previous run's";
  if (previous.shard() != now.shard()) return "the previous run screened another shard";
  if (previous.full_evidence() != now.full_evidence()) return "--full-evidence differs";
  if (previous.last_list_import() != now.last_list_import() ||
      previous.lists_size() != now.lists_size()) {
    // The matcher's word weights are statistics over every listed name (engine/names/), so a
    // list update can move any match score: every entity must be screened again.
    return "a list was imported since the previous run";
  }
  if (previous.lists_digest() != now.lists_digest()) {
    return "a list table was changed since the previous run (without an import)";
  }
  if (previous.context_digest() != now.context_digest()) {
    return "security incidents changed";
  }
  if (previous.problem_count() != now.problem_count() ||
      previous.problems_size() != now.problems_size()) {
    return "the run's problems differ from the previous run's (e.g. an optional table or column "
           "added or removed, which switches a rule on or off)";
  }
  return "the header differs (engine version, schema or lists)";
}

// See StreamHeader.context_digest.
Status ContextDigest(Database* db, std::string* digest) {
  Sha256 sha;
  auto add_rows = [&](const std::string& table, const std::string& sql) -> Status {
    bool exists = false;
    Status status = db->HasTable(table, &exists);
    if (!status.ok() || !exists) return status;
    std::unique_ptr<Statement> query;
    status = db->Prepare(sql, &query);
    if (!status.ok()) return status;
    sha.Update(table);
    std::string row;
    while (query->Step()) {
      row.clear();
      // Each value with its storage class: the incident loader skips a severity stored as a BLOB
      // and takes the same text stored as a number.
      AppendDigestRow(*query, 0, &row);
      sha.Update(row);
    }
    return query->status();
  };
  // Ownership records and recorded decisions are per shipment (dependencies.h): a change to them
  // screens again only the shipments it can reach. Security incidents stay run-wide: they are
  // few, location-wide, and any route may cross one.
  Status status = add_rows("security_incident", "SELECT * FROM security_incident");
  if (!status.ok()) return status;
  *digest = sha.HexDigest().substr(0, 16);
  return Status::Ok();
}

// StreamHeader.lists_digest: every row of the list tables, in row order (an import that rewrites
// the same rows in the same order gives the same digest), each value with its storage class (a
// list_address.entry_id stored as a BLOB joins no entry in SQL; as TEXT it does). list_change
// counts too: the review book lets a recorded decision lapse by it (review_book.cc).
Status ListsDigest(Database* db, std::string* digest) {
  Sha256 sha;
  std::string row;
  for (const char* table : {"list_entry", "list_alias", "list_address", "list_attribute",
                            "list_identifier", "list_link", "list_change"}) {
    bool exists = false;
    Status status = db->HasTable(table, &exists);
    if (!status.ok()) return status;
    sha.Update(std::string("\x1c") + table);
    if (!exists) continue;
    std::unique_ptr<Statement> query;
    status = db->Prepare(std::string("SELECT * FROM ") + table + " ORDER BY rowid", &query);
    if (!status.ok()) return status;
    while (query->Step()) {
      row.clear();
      AppendDigestRow(*query, 0, &row);
      sha.Update(row);
    }
    if (!query->status().ok()) return query->status();
  }
  *digest = sha.HexDigest().substr(0, 16);
  return Status::Ok();
}

// The run's fixed inputs to scoring a shipment.
struct ScoringSetup {
  const RuleSet* rule_set;
  RunFactsCache* facts;  // every entity's facts, screened once per run
  bool names_screened;   // false when no list is loaded or no rule reads list matches
  std::string as_of;
  // The built-in check that a party could be screened (docs/scoring.md); its floor is
  // scoring.unscreenable_party_floor (default REVIEW), CLEAR switches it off.
  rules::Rule unscreenable_rule;
  // desk: recorded decisions and allow-lists (engine/decisions/review_book.h); may be null.
  const decisions::ReviewBook* reviews = nullptr;
  bool full_evidence = false;  // CLEAR shipments in full rather than compact
  // What each shipment depends on beyond its rows (dependencies.h), folded into its
  // input_digest; may be null.
  const ShipmentDependencies* dependencies = nullptr;
};

// Screens one shipment: its parties' entity facts (cached), every rule, the aggregate score.
// Leaves the shipment's record in `record`.
void ScoreShipment(const ScoringSetup& setup, Worker* worker, Shipment* shipment,
                   scores::ScoreRecord* record) {
  // Before any problem from the entity facts is appended: the digest covers the records alone.
  const uint64_t input_digest = ShipmentInputDigest(*shipment, setup.dependencies, setup.rule_set);
  ShipmentContext context{*shipment, {}, setup.as_of};
  // Keeps every party's facts alive until the shipment is scored, whatever the cache evicts.
  std::vector<RunFactsCache::Facts> held;
  std::set<std::string> problems_attached;  // an entity named twice reports its problems once
  for (const ShipmentParty& party : shipment->parties) {
    RunFactsCache::Facts facts;
    if (party.entity) {
      facts = setup.facts->Get(*party.entity);
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
      std::string why = Unscreenable(party, context.party_facts[i], setup.names_screened);
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
  std::vector<scores::RuleHit> suppressed = SuppressReviewed(setup.reviews, *shipment, &hits);
  AggregateScore(std::move(hits), rule_set.scoring, score);
  for (scores::RuleHit& hit : suppressed) *score->add_suppressed_hits() = std::move(hit);
  for (const DataProblem& problem : shipment->problems) ToProto(problem, score->add_problems());
  score->set_input_digest(input_digest);
  if (score->decision() == CLEAR && !setup.full_evidence) MakeCompact(score);
}

// A delta run: writes `previous` (the shipment's record in the previous stream, --since) as
// the shipment's record when the shipment was screened on the same records then (input_digest:
// its rows, the ownership rows and decisions it depends on, the rules' cross-shipment state);
// otherwise screens it. Returns true when the record was carried over.
bool CarriedOver(const ScoringSetup& setup, Worker* worker, Shipment* shipment,
                 scores::ScoreRecord* previous, scores::ScoreRecord* record) {
  if (previous->shipment().input_digest() ==
      ShipmentInputDigest(*shipment, setup.dependencies, setup.rule_set)) {
    *record = std::move(*previous);
    return true;
  }
  ScoreShipment(setup, worker, shipment, record);
  return false;
}

// The multi-threaded run: this thread reads shipments in order and hands them out in numbered
// batches; each worker (its own entity cache and rule scratch, the rule set shared) scores a
// batch at a time; a writer thread writes the batches
// back in reading order, so the output is byte-identical to a single-threaded run. At most a
// few batches per worker are in flight, so memory stays flat.
Status RunPipeline(const ScoringSetup& setup,
                   const std::vector<std::unique_ptr<Worker>>& workers_state,
                   ShipmentSource* source, PreviousStream* previous, ScoreWriter* writer,
                   const std::function<void(const scores::ShipmentScore&)>& account,
                   std::atomic<int64_t>* carried) {
  constexpr size_t kBatch = 64;
  const int64_t kBatchesInFlight = 4 * static_cast<int64_t>(workers_state.size());
  struct Batch {
    int64_t number = 0;
    std::vector<Shipment> shipments;
    // Parallel to shipments: the shipment's record in the previous stream (--since), which the
    // worker passes on instead of scoring the shipment again when its digest is unchanged.
    std::vector<std::optional<scores::ScoreRecord>> previous;
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
          if (batch.previous[i]) {
            if (CarriedOver(setup, worker, &batch.shipments[i], &*batch.previous[i], &records[i])) {
              carried->fetch_add(1, std::memory_order_relaxed);
            }
          } else {
            ScoreShipment(setup, worker, &batch.shipments[i], &records[i]);
          }
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
  scores::ScoreRecord record;
  bool ok = true;
  while (ok && source->Next(&shipment)) {
    batch.previous.emplace_back();
    if (previous && previous->Take(shipment, &record)) batch.previous.back() = std::move(record);
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
  header->set_engine_build(EngineBuild());
  int64_t schema_version = 0;
  Status status = input->db()->UserVersion(&schema_version);
  if (!status.ok()) return status;
  header->set_schema_version(schema_version);
  header->set_rules_digest(rule_set.digest);
  header->set_as_of(as_of);
  header->set_full_evidence(setup.full_evidence);
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
  status = ReadListVersions(input->db(), header, loaded_lists);
  if (status.ok()) status = ContextDigest(input->db(), header->mutable_context_digest());
  if (status.ok()) status = ListsDigest(input->db(), header->mutable_lists_digest());
  bool has_imports = false;
  if (status.ok()) status = input->db()->HasTable("list_import", &has_imports);
  if (!status.ok() || !has_imports) return status;
  std::unique_ptr<Statement> query;
  status = input->db()->Prepare("SELECT coalesce(max(import_id), 0) FROM list_import", &query);
  if (!status.ok()) return status;
  if (query->Step()) header->set_last_list_import(query->Int(0));
  return query->status();
}

// Each loaded list's version and import time, and its age by the wall clock (--summary-json).
Status ReadListAges(Database* db, std::vector<ListAge>* lists) {
  bool has_lists = false;
  Status status = db->HasTable("list_source", &has_lists);
  if (!status.ok() || !has_lists) return status;
  std::unique_ptr<Statement> query;
  status = db->Prepare(
      "SELECT list_id, coalesce(version, ''), coalesce(imported_at, '') FROM list_source"
      " ORDER BY list_id",
      &query);
  if (!status.ok()) return status;
  const std::time_t now = std::time(nullptr);
  while (query->Step()) {
    ListAge& list = lists->emplace_back();
    list.list_id = query->Text(0);
    list.version = query->Text(1);
    list.imported_at = query->Text(2);
    std::tm when{};
    if (strptime(list.imported_at.c_str(), "%Y-%m-%dT%H:%M:%S", &when) != nullptr) {
      list.age_days = std::difftime(now, timegm(&when)) / 86400.0;
    }
  }
  return query->status();
}

// How many shipments the run will write, for progress reports.
Status CountShipments(InputDatabase* input, const ScreenOptions& options, int64_t* count) {
  if (!options.shipment_ids.empty()) {
    std::set<std::string> ids(options.shipment_ids.begin(), options.shipment_ids.end());
    *count = 0;
    for (const std::string& id : ids)
      *count += InShard(id, options.shard_index, options.shard_count);
    return Status::Ok();
  }
  std::unique_ptr<Statement> query;
  Status status = input->db()->Prepare(options.shard_count > 0 ? "SELECT shipment_id FROM shipment"
                                                               : "SELECT count(*) FROM shipment",
                                       &query);
  if (!status.ok()) return status;
  *count = 0;
  while (query->Step()) {
    if (options.shard_count == 0)
      *count = query->Int(0);
    else
      *count += InShard(query->Text(0), options.shard_index, options.shard_count);
  }
  return query->status();
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

// Counts one written shipment into the summary.
void Account(const scores::ShipmentScore& score, ScreenReport* report) {
  AccountShipment(score, &report->summary);
  report->worst = std::max(report->worst, score.decision());
}

}  // namespace

bool InShard(std::string_view shipment_id, int shard_index, int shard_count) {
  if (shard_count <= 0) return true;
  uint64_t hash = 14695981039346656037ull;  // FNV-1a 64
  for (unsigned char c : shipment_id) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  return static_cast<int>(hash % static_cast<uint64_t>(shard_count)) == shard_index - 1;
}

namespace {

// An entity's record: every field name screening and the rules read, and its aliases, by their
// digest (EntityDigest; the reader computes it once per entity, not once per shipment naming it).
void AddEntity(const Entity& e, DigestBuilder* digest) {
  digest->Add(static_cast<int64_t>(DigestOf(e)));
}

// The shipment's own rows, as ShipmentInputDigest reads them.
void AddShipmentRows(const Shipment& shipment, DigestBuilder* out) {
  DigestBuilder& digest = *out;
  digest.Add(shipment.shipment_id);
  for (const OptionalText* text :
       {&shipment.shipped_on, &shipment.mode, &shipment.origin_country, &shipment.origin_region,
        &shipment.destination_country, &shipment.destination_region,
        &shipment.final_destination_country, &shipment.currency}) {
    digest.Add(*text);
  }
  digest.Add(shipment.declared_value);
  digest.End();
  for (const ShipmentParty& party : shipment.parties) {
    digest.Add(party.entity_id);
    digest.Add(party.role);
    if (party.entity) AddEntity(*party.entity, &digest);
    digest.End();
  }
  for (const ShipmentItem& item : shipment.items) {
    digest.Add(item.line);
    for (const OptionalText* text : {&item.hs_code, &item.description, &item.unit,
                                     &item.origin_country, &item.origin_region}) {
      digest.Add(*text);
    }
    digest.Add(item.quantity);
    digest.Add(item.value);
    // The export-control columns (ear_scope), added only when one is set, so that the digest of
    // an item without them is what it was before they were covered (a previous stream's records
    // stay comparable); the field count tells the two forms apart.
    if (item.eccn || item.us_content_percent || item.brand_country) {
      digest.Add(item.eccn);
      digest.Add(item.us_content_percent);
      digest.Add(item.brand_country);
    }
    digest.End();
  }
  for (const ShipmentLeg& leg : shipment.legs) {
    digest.Add(leg.seq);
    for (const OptionalText* text : {&leg.location, &leg.location_name, &leg.country, &leg.region,
                                     &leg.kind, &leg.arrived_on}) {
      digest.Add(*text);
    }
    digest.Add(leg.latitude);
    digest.Add(leg.longitude);
    digest.End();
  }
  // Documents and payments (rules read them: proliferation's end-use certificates, red_flag
  // THIRD_COUNTRY_PAYER), each row tagged; none adds nothing, as for the item columns above.
  for (const ShipmentDocument& document : shipment.documents) {
    digest.Add(std::string_view("document"));
    digest.Add(document.kind);
    digest.Add(document.reference);
    digest.Add(document.issued_on);
    digest.Add(document.issuer);
    digest.End();
  }
  for (const ShipmentPayment& payment : shipment.payments) {
    digest.Add(std::string_view("payment"));
    for (const OptionalText* text :
         {&payment.payment_id, &payment.payer_entity_id, &payment.payer_name,
          &payment.payer_country, &payment.payer_bank, &payment.payer_bank_country,
          &payment.currency, &payment.paid_on}) {
      digest.Add(*text);
    }
    digest.Add(payment.amount);
    if (payment.payer) AddEntity(*payment.payer, &digest);
    digest.End();
  }
  // Problems found reading the rows (a NULL name, an unknown role) are part of the output.
  for (const DataProblem& problem : shipment.problems) {
    digest.Add(problem.table);
    digest.Add(problem.row_id);
    digest.Add(problem.column);
    digest.Add(problem.message);
    digest.End();
  }
}

}  // namespace

uint64_t ShipmentInputDigest(const Shipment& shipment) {
  return ShipmentInputDigest(shipment, nullptr);
}

uint64_t ShipmentInputDigest(const Shipment& shipment, const ShipmentDependencies* dependencies,
                             const RuleSet* rules) {
  DigestBuilder digest;
  AddShipmentRows(shipment, &digest);
  if (dependencies != nullptr) dependencies->AddTo(shipment, &digest);
  if (rules != nullptr) {
    // Rules whose findings read other shipments (docs/batch.md, "Delta runs"): a change there
    // reaches this shipment's record only through this part of its digest.
    std::string state;
    for (size_t i = 0; i < rules->rules.size(); ++i) {
      const CompiledRule& rule = *rules->rules[i].compiled;
      if (!rule.ReadsOtherShipments()) continue;
      state += std::to_string(i) + ':';
      rule.AppendCrossShipmentState(shipment, &state);
      state += '\n';
    }
    if (!state.empty()) {
      digest.Add(std::string_view("cross-shipment rules"));
      digest.Add(state);
      digest.End();
    }
  }
  return digest.First8Bytes();
}

Status RunScreen(const ScreenOptions& options, ScreenReport* report) {
  *report = ScreenReport();
  const auto run_start = std::chrono::steady_clock::now();
  auto seconds_since = [](std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  };
  // The output must not be the input, nor a FIFO or device: refused before anything runs.
  Status status = CheckOutputPath(options.out_path, {options.db_path});
  if (status.ok() && options.out_path != "-") {
    status = CheckOutputPath(FactsPathFor(options.out_path), {options.db_path});
  }
  if (!status.ok()) return status;
  // Where the setup's time goes (--summary-json timings_seconds.setup_steps): each step from the
  // previous mark to this one, in wall seconds.
  auto step_start = run_start;
  auto mark = [&](const char* step) {
    const auto now = std::chrono::steady_clock::now();
    report->setup_steps.emplace_back(step, std::chrono::duration<double>(now - step_start).count());
    step_start = now;
  };
  // Compile: the rules are loaded once and shared, read-only, by every worker.
  RuleSet rule_set;
  Diagnostics diagnostics;
  if (!LoadRuleSet(options.rules_dir, &rule_set, &diagnostics)) {
    std::string message = "invalid rules (" + std::to_string(diagnostics.size()) + " problems):";
    for (const Diagnostic& d : diagnostics) {
      // Appended piecewise: g++ 12 -O3 warns (-Wrestrict, a false positive) on "\n" + string.
      message += '\n';
      message += d.ToString();
    }
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

  ScoringSetup setup{&rule_set,
                     nullptr,
                     false,
                     options.as_of,
                     UnscreenableRule(rule_set.scoring),
                     nullptr,
                     options.full_evidence};
  scores::ScoreRecord record;
  std::set<std::string> loaded_lists;
  status = WriteHeaderFields(rule_set, setup, input.get(), options.as_of, record.mutable_header(),
                             &loaded_lists);
  double name_floor = 0;
  if (status.ok()) status = CheckNeeds(rule_set, loaded_lists, options.db_path, &name_floor);
  if (!status.ok()) return status;
  if (options.shard_count > 0) {
    record.mutable_header()->set_shard(std::to_string(options.shard_index) + "/" +
                                       std::to_string(options.shard_count));
  }
  record.mutable_header()->set_selected_shipments(
      static_cast<int64_t>(options.shipment_ids.size()));

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

  mark("rules_and_header");
  // speed: the rules' history scans start now, on helper threads, beside the name index build
  // and the entity screening; the other rules are prepared below (rule_preparation.h).
  RulePreparation preparation(&rule_set);
  preparation.Start(options.db_path, options.as_of, options.threads);

  // Screen names: once per entity, down to the least threshold any rule uses; each rule keeps
  // only the matches at or above its own.
  std::unique_ptr<ListNameScreener> screener;
  std::unique_ptr<decisions::WatchListScreener> watch_screener;  // desk: without allow-lists
  if (!loaded_lists.empty() && name_floor > 0) {
    status = ListNameScreener::Load(input->db(), name_floor,
                                    MatcherOptionsFrom(rule_set.name_matching), &screener);
    if (!status.ok()) return status;
    if (!allow_lists.empty()) {
      watch_screener = std::make_unique<decisions::WatchListScreener>(screener.get(), allow_lists);
    }
    setup.names_screened = true;
    // List names the index cannot use: in the header, before any shipment, never silent.
    scores::StreamHeader* header = record.mutable_header();
    header->set_problem_count(static_cast<int64_t>(screener->problems().size()));
    for (size_t i = 0; i < screener->problems().size() && i < kMaxRunProblems; ++i) {
      ToProto(screener->problems()[i], header->add_problems());
    }
  }
  mark("name_index");
  // --- regimes --- Lists older than their max_age_days: run problems in the header, or a
  // refusal when the profile says so (engine/config/rule_set.h CheckListAges); and the lists a
  // rule reads when loaded (RuleNeeds::optional_lists) that the database lacks.
  {
    std::vector<LoadedListVersion> versions;
    for (const scores::ListVersion& list : record.header().lists()) {
      versions.push_back({list.list_id(), list.version()});
    }
    std::vector<DataProblem> problems;
    status = CheckListAges(rule_set, versions, options.as_of, &problems);
    if (!status.ok()) return status;
    for (const LoadedRule& rule : rule_set.rules) {
      for (const std::string& list : rule.compiled->Needs().optional_lists) {
        if (loaded_lists.count(list)) continue;
        problems.push_back({"list_source", list, "",
                            rule.pos.file + ":" + std::to_string(rule.pos.line) + ":" +
                                std::to_string(rule.pos.column) + ": rule \"" + rule.config.id() +
                                "\" reads list \"" + list +
                                "\", which the database does not hold: that part of the "
                                "rule matches nothing"});
      }
    }
    scores::StreamHeader* header = record.mutable_header();
    header->set_problem_count(header->problem_count() + static_cast<int64_t>(problems.size()));
    for (const DataProblem& problem : problems) ToProto(problem, header->add_problems());
  }
  // A delta run carries over what its previous stream holds when nothing but single shipments'
  // records can have changed (WhyNotCarried).
  // What each shipment depends on beyond its rows: every run writes it into input_digest, so the
  // next delta run can tell which shipments an ownership change or a decision reaches.
  std::unique_ptr<ShipmentDependencies> dependencies;
  status = ShipmentDependencies::Load(input->db(), &dependencies);
  if (!status.ok()) return status;
  setup.dependencies = dependencies.get();
  std::unique_ptr<PreviousStream> previous;
  if (!options.since_path.empty()) {
    status = PreviousStream::Open(options.since_path, &previous);
    if (!status.ok()) return status;
  }
  if (previous && !previous->damage().empty()) {
    report->delta_note = "the previous stream is damaged from its start (" + previous->damage() +
                         "): every shipment screened again";
    previous.reset();
  }
  if (previous) {
    // Provisional, without the header's problems: the rules add theirs when they are prepared
    // (an optional table or column missing switches a rule off), after this point, where the
    // run must know whether it screens every party up front. Compared whole below.
    scores::StreamHeader previous_header = previous->header(), header = record.header();
    for (scores::StreamHeader* h : {&previous_header, &header}) {
      h->clear_problems();
      h->clear_problem_count();
    }
    report->delta_note = WhyNotCarried(previous_header, header);
    if (!report->delta_note.empty()) {
      report->delta_note += ": every shipment screened again";
      previous.reset();
    }
  }
  // The entity facts file (facts_file.h): a delta run takes the previous run's facts for every
  // entity whose record is unchanged, when the screening setup (lists, name matching) is too;
  // every run writes its own beside its stream for the next.
  FactsSetup facts_setup;
  CachedFactsMap previous_facts;
  PreviousLists previous_lists;
  ListChanges list_changes;
  const bool keep_facts = screener != nullptr && options.out_path != "-";
  const bool reuse_facts = screener != nullptr && !options.since_path.empty();
  if (keep_facts || reuse_facts) {
    facts_setup =
        MakeFactsSetup(SetupDigest(name_floor, rule_set.name_matching, allow_lists), *screener);
  }
  if (reuse_facts) {
    ReadFactsFile(FactsPathFor(options.since_path), facts_setup, &previous_facts, &previous_lists,
                  &report->facts_note);
    if (previous_lists.changed) {
      if (watch_screener != nullptr) {
        // The cached facts lack the allow-lists' matches, so whether a name reached the per-name
        // limit cannot be told: screen every entity again.
        previous_facts.clear();
        report->facts_note =
            "the lists changed and allow-lists are in use: every entity is "
            "screened again";
      } else {
        screener->ChangesSince(previous_lists.entries, previous_lists.words, &list_changes);
        report->list_entries_changed = static_cast<int64_t>(list_changes.dirty_entries.size());
        report->list_words_changed = static_cast<int64_t>(list_changes.dirty_words.size());
      }
    }
  }
  // Allow-lists are taken out of every party's matches before any rule sees them (desk).
  PartyScreener* party_screener =
      watch_screener ? static_cast<PartyScreener*>(watch_screener.get()) : screener.get();
  const bool patch = previous_lists.changed && watch_screener == nullptr;
  RunFactsCache facts(party_screener, options.entity_cache_size,
                      reuse_facts ? &previous_facts : nullptr, patch ? screener.get() : nullptr,
                      patch ? &list_changes : nullptr);
  setup.facts = &facts;
  mark("dependencies_and_facts");
  std::unique_ptr<InputDatabase> prescreen_input;
  EntityReads entities_read;  // by the up-front screening, for the shipment stream
  EntityNumbering numbering;  // of the entities it read (none when it did not run)
  if (screener && options.shipment_ids.empty() &&
      InputDatabase::Open(options.db_path, &prescreen_input).ok()) {
    // A connection of its own: a read error met here (a damaged index) is left for the shipment
    // stream to meet and report with the shipment it belongs to; the run fails there.
    // A delta run screens the entities of the shipments it screens again as they come.
    status = PrescreenEntities(prescreen_input.get(), options,
                               /*shipment_parties=*/previous == nullptr, &facts, &entities_read,
                               &numbering);
    if (!status.ok()) return status;
  }
  dependencies->Number(numbering);
  mark("entity_screening");
  // Bind the rules to the run (ownership analyses, incident index), on this thread.
  Resources resources(input.get(), screener ? &facts : nullptr, options.as_of,
                      record.mutable_header(), reviews.get(), &numbering, &entities_read);
  status = preparation.Finish(&resources);
  resources.ForgetEntityReads();
  if (!status.ok()) return status;
  // The headers compared whole, the rules' problems in them: before 2026-12-07 they were compared
  // before the rules were prepared, so a delta on a database without the optional payment table
  // never carried anything over, and one whose export-control columns had been dropped carried
  // over records scored by the rule that then went off.
  if (previous != nullptr) {
    report->delta_note = WhyNotCarried(previous->header(), record.header());
    if (!report->delta_note.empty()) {
      report->delta_note += ": every shipment screened again";
      previous.reset();
    }
  }
  std::vector<std::unique_ptr<Worker>> workers(static_cast<size_t>(std::max(1, options.threads)));
  for (std::unique_ptr<Worker>& worker : workers) {
    status = NewWorker(rule_set, &worker);
    if (!status.ok()) return status;
  }

  std::unique_ptr<ScoreWriter> writer;
  status = ScoreWriter::Open(options.out_path, options.format, &writer);
  if (status.ok()) status = writer->Write(record);
  if (!status.ok()) return status;
  int64_t bytes_before = writer->bytes_written();
  auto account = [&](const scores::ShipmentScore& score) {
    Account(score, report);
    int64_t bytes = writer->bytes_written();
    report->bytes_by_decision[std::clamp<int>(score.decision(), 0, 4)] += bytes - bytes_before;
    bytes_before = bytes;
    if (options.on_shipment) options.on_shipment(score);
  };
  std::unique_ptr<ShipmentSource> source =
      input->Shipments(options.shipment_ids, std::move(entities_read));
  if (options.shard_count > 0) {
    source =
        std::make_unique<ShardSource>(std::move(source), options.shard_index, options.shard_count);
  }
  // Informational (--summary-json): a database whose list_source lacks a column (an older or
  // hand-made schema) screens as before, without list ages.
  if (!ReadListAges(input->db(), &report->lists).ok()) report->lists.clear();
  mark("rule_preparation");
  report->setup_seconds = seconds_since(run_start);
  if (options.on_start) {
    int64_t total = 0;
    status = CountShipments(input.get(), options, &total);
    if (!status.ok()) return status;
    options.on_start(total);
  }
  std::atomic<int64_t> carried{0};  // records carried over from the previous stream
  if (workers.size() == 1) {
    Shipment shipment;
    while (source->Next(&shipment)) {
      scores::ScoreRecord previous_record;
      if (previous && previous->Take(shipment, &previous_record)) {
        if (CarriedOver(setup, workers[0].get(), &shipment, &previous_record, &record)) {
          carried.fetch_add(1, std::memory_order_relaxed);
        }
      } else {
        ScoreShipment(setup, workers[0].get(), &shipment, &record);
      }
      status = writer->Write(record);
      if (!status.ok()) return status;
      account(record.shipment());
    }
  } else {
    status =
        RunPipeline(setup, workers, source.get(), previous.get(), writer.get(), account, &carried);
    if (!status.ok()) return status;
  }
  if (!source->status().ok()) return source->status();
  if (previous && !previous->damage().empty()) {
    report->delta_note = "the previous stream is damaged (" + previous->damage() +
                         "): the shipments from the damage on were screened again";
  }

  scores::StreamSummary& summary = report->summary;
  const std::vector<DataProblem>& run_problems = input->run_problems();
  summary.set_data_problems(summary.data_problems() + static_cast<int64_t>(run_problems.size()));
  for (size_t i = 0; i < run_problems.size() && i < kMaxRunProblems; ++i) {
    ToProto(run_problems[i], summary.add_run_problems());
  }
  record.Clear();
  *record.mutable_summary() = summary;
  status = writer->Write(record);
  // Before the stream: a stream in place always has its facts file (a run killed between the two
  // leaves a facts file without a stream, which no run reads).
  if (status.ok() && keep_facts) {
    status = WriteFactsFile(FactsPathFor(options.out_path), facts_setup, facts.Export());
  }
  if (status.ok()) status = writer->Commit();
  report->carried_over = carried.load();
  report->entities_reused = facts.reused();
  report->entities_patched = facts.patched();
  report->rescreened = report->summary.shipments() - report->carried_over;
  report->entities_screened = facts.screened();
  report->names_searched = facts.names_searched();
  report->name_screen_seconds = facts.screen_seconds();
  report->total_seconds = seconds_since(run_start);
  return status;
}

}  // namespace corridor
