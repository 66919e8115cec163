#include "engine/screen/rule_preparation.h"

#include <algorithm>
#include <atomic>
#include <utility>

#include "engine/load/input_database.h"

namespace corridor {

struct RulePreparation::RuleState {
  bool on_helper = false;  // prepared by a helper thread (PreparesFromInputOnly)
  std::atomic<bool> claimed{false};
  Status status;
  std::vector<DataProblem> problems;  // noted while preparing, added to the run in rule order
};

namespace {

// One rule's view of the run while it prepares: the run's resources (or, on a helper, the
// helper's own connection and nothing else), with the problems it notes kept aside.
class NotingResources : public RunResources {
 public:
  NotingResources(RunResources* run, Database* input, const std::string* as_of,
                  std::vector<DataProblem>* problems, RunShared* shared)
      : run_(run), input_(input), as_of_(as_of), problems_(problems), shared_(shared) {}

  Status Ownership(const OwnershipWorld** world) override {
    if (run_ == nullptr) return Status::Error("internal: no ownership world on a helper thread");
    return run_->Ownership(world);
  }
  Status OwnershipGraphAt(double name_threshold, bool corroborated_only,
                          const OwnershipGraph** graph) override {
    if (run_ == nullptr) return Status::Error("internal: no ownership graph on a helper thread");
    return run_->OwnershipGraphAt(name_threshold, corroborated_only, graph);
  }
  std::shared_ptr<const OwnershipAnalysis> AnalyzeOwnership(
      const OwnershipGraph& graph, const std::vector<NodeId>& listed,
      const OwnershipRegime& regime) override {
    // A helper has no graph to analyse (OwnershipGraphAt refuses there).
    if (run_ == nullptr) return RunResources::AnalyzeOwnership(graph, listed, regime);
    return run_->AnalyzeOwnership(graph, listed, regime);
  }
  Status SecurityIncidents(const std::vector<SecurityIncident>** incidents) override {
    if (run_ == nullptr) return Status::Error("internal: no incidents on a helper thread");
    return run_->SecurityIncidents(incidents);
  }
  Status ScreenEntity(const std::string& entity_id, EntityFacts* facts) override {
    if (run_ == nullptr) return Status::Error("internal: no name screening on a helper thread");
    return run_->ScreenEntity(entity_id, facts);
  }
  const std::string& as_of() const override { return *as_of_; }
  void NoteRunProblem(DataProblem problem) override { problems_->push_back(std::move(problem)); }
  Database* input() override { return input_; }
  RunShared* shared() override { return shared_; }
  std::function<bool(const Entity&)> AllowedParty() override {
    return run_ == nullptr ? nullptr : run_->AllowedParty();
  }

 private:
  RunResources* run_;  // null on a helper thread
  Database* input_;
  const std::string* as_of_;
  std::vector<DataProblem>* problems_;
  RunShared* shared_;
};

}  // namespace

RulePreparation::RulePreparation(const RuleSet* rule_set) : rule_set_(rule_set) {
  for (size_t i = 0; i < rule_set_->rules.size(); ++i)
    states_.push_back(std::make_unique<RuleState>());
}

RulePreparation::~RulePreparation() {
  stop_ = true;
  Join();
}

void RulePreparation::Start(const std::string& db_path, const std::string& as_of, int threads) {
  int input_only = 0;
  for (size_t i = 0; i < states_.size(); ++i) {
    states_[i]->on_helper = rule_set_->rules[i].compiled->PreparesFromInputOnly();
    input_only += states_[i]->on_helper ? 1 : 0;
  }
  int count = std::min(std::max(1, threads), input_only);
  for (int t = 0; t < count; ++t)
    helpers_.emplace_back([this, db_path, as_of] { Help(db_path, as_of); });
}

// Claims the input-only rules one at a time, in rule order; each is prepared by exactly one
// thread (a helper, or Finish when no helper could open the database).
void RulePreparation::Help(const std::string& db_path, const std::string& as_of) {
  std::unique_ptr<InputDatabase> input;
  if (!InputDatabase::Open(db_path, &input).ok()) return;  // Finish prepares what is left
  for (size_t i = 0; i < states_.size(); ++i) {
    RuleState& state = *states_[i];
    if (stop_) return;
    if (!state.on_helper || state.claimed.exchange(true)) continue;
    NotingResources resources(nullptr, input->db(), &as_of, &state.problems, &shared_);
    state.status = rule_set_->rules[i].compiled->Prepare(&resources);
  }
}

void RulePreparation::Join() {
  for (std::thread& helper : helpers_) helper.join();
  helpers_.clear();
}

Status RulePreparation::Finish(RunResources* resources) {
  // The other rules first, on this thread, while the helpers may still be scanning; the first
  // one that fails stops them, as when every rule was prepared in order.
  for (size_t i = 0; i < states_.size(); ++i) {
    RuleState& state = *states_[i];
    if (state.on_helper) continue;
    state.claimed = true;
    NotingResources noting(resources, resources->input(), &resources->as_of(), &state.problems,
                           &shared_);
    state.status = rule_set_->rules[i].compiled->Prepare(&noting);
    if (!state.status.ok()) break;
  }
  Join();
  for (size_t i = 0; i < states_.size(); ++i) {
    RuleState& state = *states_[i];
    if (!state.claimed.exchange(true)) {  // no helper could open the database
      NotingResources noting(resources, resources->input(), &resources->as_of(), &state.problems,
                             &shared_);
      state.status = rule_set_->rules[i].compiled->Prepare(&noting);
    }
    if (!state.status.ok()) return state.status;
    for (DataProblem& problem : state.problems) resources->NoteRunProblem(std::move(problem));
  }
  return Status::Ok();
}

}  // namespace corridor
