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

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "engine/base/data_problem.h"
#include "engine/base/diagnostics.h"
#include "engine/base/status.h"
#include "engine/rules/rule.h"
#include "schemas/rules.pb.h"

namespace corridor {

struct LoadedRule {
  rules::Rule config;
  std::unique_ptr<CompiledRule> compiled;
  // Where the rule starts; `file` is relative to the rules folder ("sanctions.textproto"), so
  // that nothing recorded from it depends on where the folder lives.
  SourcePos pos;
};

struct RuleSet {
  std::vector<LoadedRule> rules;  // enabled rules, in file then position order
  rules::ScoringConfig scoring;
  rules::NameMatchingConfig name_matching;  // empty when no file sets it
  // What each configured list means, keyed by list id (ListConfig in schemas/rules.proto).
  std::map<std::string, rules::ListConfig> lists;
  // --- regimes ---
  // The company profile (schemas/rules.proto Profile); has_profile false when no file sets it.
  rules::Profile profile;
  bool has_profile = false;
  // Each country group's place table rows, by group name.
  std::map<std::string, std::vector<PlaceRow>> group_places;
  // SHA-256 over every rule file and reference table read: each file's path relative to the
  // folder and its contents, length-prefixed, in reading order (docs/rules.md, "Validation").
  // The same rules give the same digest on any machine, however the folder's path is spelled.
  std::string digest;
  std::vector<std::string> files;  // the files read, for reports
};

// Loads and validates the rule set in `directory`. Returns true when it is usable; every problem
// found is appended to `diagnostics` (file:line:col), and a rule set with any problem is not
// usable. File names in diagnostics are `directory` joined with the file's name. Files are read
// only inside the folder (engine/config/rules_folder.h). Keeps no state between calls (nothing
// global), so each call is independent; nothing here touches `rule_set` after it returns.
bool LoadRuleSet(const std::string& directory, RuleSet* rule_set, Diagnostics* diagnostics);

// --- regimes ---
// A loaded list's id and version (list_source.version, a date YYYY-MM-DD or anything else).
struct LoadedListVersion {
  std::string list_id;
  std::string version;
};

// Lists older than their ListConfig.max_age_days on `as_of`: one problem each (table
// "list_source", row the list id, column "version"), and a list whose version is not a date while
// it has a limit. Returns Refused, naming the lists, when there is any and the profile says
// refuse_stale_lists; otherwise Ok (the problems go into the stream header).
Status CheckListAges(const RuleSet& rule_set, const std::vector<LoadedListVersion>& lists,
                     const std::string& as_of, std::vector<DataProblem>* problems);

}  // namespace corridor

#endif  // CORRIDOR_ENGINE_CONFIG_RULE_SET_H_
