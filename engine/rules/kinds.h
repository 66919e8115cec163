// The compile function of each rule kind (one file each in engine/rules/), dispatched from
// CompileRule in registry.cc.
#ifndef CORRIDOR_ENGINE_RULES_KINDS_H_
#define CORRIDOR_ENGINE_RULES_KINDS_H_

#include <memory>

#include "engine/rules/rule.h"

namespace corridor {

std::unique_ptr<CompiledRule> CompileJurisdiction(const rules::Rule& rule,
                                                  const RuleCompileContext& c);
std::unique_ptr<CompiledRule> CompileGoods(const rules::Rule& rule, const RuleCompileContext& c);
std::unique_ptr<CompiledRule> CompileRoute(const rules::Rule& rule, const RuleCompileContext& c);
std::unique_ptr<CompiledRule> CompileOwnedByListedParty(const rules::Rule& rule,
                                                        const RuleCompileContext& c);
std::unique_ptr<CompiledRule> CompileDiversion(const rules::Rule& rule,
                                               const RuleCompileContext& c);
std::unique_ptr<CompiledRule> CompileForcedLabour(const rules::Rule& rule,
                                                  const RuleCompileContext& c);
std::unique_ptr<CompiledRule> CompileRedFlag(const rules::Rule& rule, const RuleCompileContext& c);
std::unique_ptr<CompiledRule> CompileSql(const rules::Rule& rule, const RuleCompileContext& c);
std::unique_ptr<CompiledRule> CompileSecurityIncident(const rules::Rule& rule,
                                                      const RuleCompileContext& c);
std::unique_ptr<CompiledRule> CompileListedParty(const rules::Rule& rule,
                                                 const RuleCompileContext& c);
// --- goods kinds ---
std::unique_ptr<CompiledRule> CompileSharedAddress(const rules::Rule& rule,
                                                   const RuleCompileContext& c);
std::unique_ptr<CompiledRule> CompileProliferation(const rules::Rule& rule,
                                                   const RuleCompileContext& c);
std::unique_ptr<CompiledRule> CompileEarScope(const rules::Rule& rule, const RuleCompileContext& c);

// --- regimes ---
// The parts of a rule that apply to every kind (engine/rules/in_force.cc): its effective dates
// (effective_from / effective_to: outside them the rule never hits) and its exemptions (which
// lower or remove a hit, marking it exempt). Returns `compiled` itself when the rule has
// neither. `c.locator` is the rule's own (the `rule { ... }` block). Reports mistakes to
// c.diagnostics and returns nullptr then.
std::unique_ptr<CompiledRule> ApplyRuleTerms(const rules::Rule& rule,
                                             std::unique_ptr<CompiledRule> compiled,
                                             const RuleCompileContext& c);

}  // namespace corridor

#endif  // CORRIDOR_ENGINE_RULES_KINDS_H_
