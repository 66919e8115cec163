#pragma once
// Rule preparation in parallel (issue 14): the rules' history scans (red flags, forced labour,
// diversion...) read whole tables once per run; one after another on one thread they were a
// large part of a big run's setup while the other core idled.

#include <atomic>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "engine/base/data_problem.h"
#include "engine/base/status.h"
#include "engine/config/rule_set.h"
#include "engine/rules/rule.h"

namespace corridor {

// Prepares a rule set's rules for one run. Start() begins the rules whose preparation reads only
// the input (CompiledRule::PreparesFromInputOnly) on helper threads, each with a read-only
// connection of its own, so they run beside the name index build and the entity screening;
// Finish() prepares the other rules on the calling thread (they need the screened entities: the
// ownership world), waits for the helpers, and notes every rule's run problems in rule order.
// The rules' state and the problems noted are the same as when Prepare ran one rule after
// another; so is the error returned (the first failing rule's, in rule order).
class RulePreparation {
 public:
  explicit RulePreparation(const RuleSet* rule_set);
  // Waits for the helpers to finish the rule each is preparing (a run that ends early must not
  // leave them reading); they start no other.
  ~RulePreparation();
  RulePreparation(const RulePreparation&) = delete;
  RulePreparation& operator=(const RulePreparation&) = delete;

  // Starts up to `threads` helpers on `db_path`, for `as_of`. Without a connection of their own
  // (the database cannot be opened again), every rule is prepared by Finish instead.
  void Start(const std::string& db_path, const std::string& as_of, int threads);
  // Prepares the remaining rules with `resources` (input() is the run's connection), then adds
  // every rule's noted problems, in rule order, through resources->NoteRunProblem.
  Status Finish(RunResources* resources);
  // The tables the rules shared while preparing (RunShared::builds counts them).
  const RunShared& shared() const { return shared_; }

 private:
  struct RuleState;
  void Help(const std::string& db_path, const std::string& as_of);
  void Join();

  const RuleSet* rule_set_;
  std::vector<std::unique_ptr<RuleState>> states_;  // parallel to rule_set_->rules
  std::vector<std::thread> helpers_;
  RunShared shared_;  // tables rules share (RunResources::shared), helpers and Finish alike
  std::atomic<bool> stop_{false};  // a run that ends early: no further rule is started
};

}  // namespace corridor
