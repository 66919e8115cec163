// Loading a rule set: every `*.textproto` file of a folder (schemas/rules.proto), the reference
// tables they name, validated and compiled. This is the compile side of the engine; the rules'
// run-time side is engine/rules/.
//
//   RuleSet rule_set;
//   Diagnostics diagnostics;
//   if (!LoadRuleSet("rules", &rule_set, &diagnostics)) {
//     for (const Diagnostic& d : diagnostics) std::cerr << d.ToString() << "\n";
//   }
#ifndef CORRIDOR_ENGINE_CONFIG_RULE_SET_H_
#define CORRIDOR_ENGINE_CONFIG_RULE_SET_H_

#include <memory>
#include <string>
#include <vector>

#include "engine/base/diagnostics.h"
#include "engine/rules/rule.h"
#include "schemas/rules.pb.h"

namespace corridor {

struct LoadedRule {
  rules::Rule config;
  std::unique_ptr<CompiledRule> compiled;
  SourcePos pos;  // where the rule starts
};

struct RuleSet {
  std::vector<LoadedRule> rules;  // enabled rules, in file then position order
  rules::ScoringConfig scoring;
  rules::NameMatchingConfig name_matching;  // empty when no file sets it
  // SHA-256 over every rule file and reference table (names and contents, in a fixed order);
  // the same rules give the same digest on any machine.
  std::string digest;
  std::vector<std::string> files;  // the files read, for reports
};

// Loads and validates the rule set in `directory`. Returns true when it is usable; every problem
// found is appended to `diagnostics` (file:line:col), and a rule set with any problem is not
// usable. File names in diagnostics are `directory` joined with the file's name.
bool LoadRuleSet(const std::string& directory, RuleSet* rule_set, Diagnostics* diagnostics);

}  // namespace corridor

#endif  // CORRIDOR_ENGINE_CONFIG_RULE_SET_H_
