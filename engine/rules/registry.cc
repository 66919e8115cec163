// Where each rule kind of schemas/rules.proto is dispatched to its compile function.
#include "engine/rules/kinds.h"

namespace corridor {

std::unique_ptr<CompiledRule> CompileRule(const rules::Rule& rule,
                                          const RuleCompileContext& context) {
  switch (rule.kind_case()) {
    case rules::Rule::kJurisdiction:
      return CompileJurisdiction(rule, context);
    case rules::Rule::kGoods:
      return CompileGoods(rule, context);
    case rules::Rule::kRoute:
      return CompileRoute(rule, context);
    case rules::Rule::kListedParty:
      return CompileListedParty(rule, context);
    case rules::Rule::kOwnedByListedParty:
      return CompileOwnedByListedParty(rule, context);
    case rules::Rule::kDiversion:
      return CompileDiversion(rule, context);
    case rules::Rule::kForcedLabour:
      return CompileForcedLabour(rule, context);
    case rules::Rule::kRedFlag:
      return CompileRedFlag(rule, context);
    case rules::Rule::kSql:
      return CompileSql(rule, context);
    case rules::Rule::kSecurityIncident:
      return CompileSecurityIncident(rule, context);
    case rules::Rule::kSharedAddress:
      return CompileSharedAddress(rule, context);
    case rules::Rule::kProliferation:
      return CompileProliferation(rule, context);
    case rules::Rule::kEarScope:
      return CompileEarScope(rule, context);
    case rules::Rule::KIND_NOT_SET:
      break;
  }
  context.Error(
      context.locator.self(),
      "rule \"" + rule.id() + "\" has no kind (one of the `kind` fields of schemas/rules.proto)");
  return nullptr;
}

}  // namespace corridor
