// Fuzzes the rules loader: the input is one rule file, `fuzz.textproto`, alone in a rules folder,
// loaded and compiled by LoadRuleSet (engine/config/rule_set.h). The folder also holds the
// reference tables of rules/reference/ (so rule files copied from rules/ find them) and, when
// the input holds a "\x1e" byte, what follows it as `reference/fuzz.csv`.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "engine/base/diagnostics.h"
#include "engine/config/rule_set.h"
#include "tests/fuzz/fuzz_util.h"

namespace {

const std::string& RulesDir() {
  static const std::string dir = [] {
    std::filesystem::path rules = std::filesystem::path(corridor::fuzz::ScratchDir()) / "rules";
    std::filesystem::create_directories(rules);
    corridor::fuzz::CopyTree(std::string(CORRIDOR_SOURCE_DIR) + "/rules/reference",
                             (rules / "reference").string());
    return rules.string();
  }();
  return dir;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::vector<std::string_view> parts = corridor::fuzz::SplitInput(data, size, 2);
  const std::string& dir = RulesDir();
  corridor::fuzz::WriteFile(dir + "/fuzz.textproto", parts[0]);
  const std::string reference = dir + "/reference/fuzz.csv";
  if (parts.size() > 1) {
    corridor::fuzz::WriteFile(reference, parts[1]);
  } else {
    std::filesystem::remove(reference);
  }
  corridor::RuleSet rule_set;
  corridor::Diagnostics diagnostics;
  bool usable = corridor::LoadRuleSet(dir, &rule_set, &diagnostics);
  // A rule set is usable exactly when nothing was wrong with it (engine/config/rule_set.h).
  if (usable != diagnostics.empty()) __builtin_trap();
  corridor::fuzz::PrintDiagnostics(diagnostics);
  return 0;
}
