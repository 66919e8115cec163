// Fuzzes the preparation of custom SQL rules (engine/rules/sql_rule.cc): the input is the query
// of a `sql` rule in a rules folder that is otherwise valid (rules/scoring.textproto beside it),
// loaded by LoadRuleSet, which prepares the query against the rule's views under its authorizer.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "engine/base/diagnostics.h"
#include "engine/config/rule_set.h"
#include "tests/fuzz/fuzz_util.h"

namespace {

const std::string& RulesDir() {
  static const std::string dir = [] {
    std::filesystem::path rules = std::filesystem::path(corridor::fuzz::ScratchDir()) / "sql_rules";
    std::filesystem::create_directories(rules);
    corridor::fuzz::CopyFile(std::string(CORRIDOR_SOURCE_DIR) + "/rules/scoring.textproto",
                             (rules / "scoring.textproto").string());
    return rules.string();
  }();
  return dir;
}

// The query as a Protobuf text-format string literal: quotes, backslashes and control bytes
// escaped, so that every input reaches SQLite unchanged (bytes above 0x7f pass as they are).
std::string TextFormatString(std::string_view text) {
  std::string out = "\"";
  for (unsigned char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20 || c == 0x7f) {
      const char octal[] = {'\\', static_cast<char>('0' + (c >> 6)),
                            static_cast<char>('0' + ((c >> 3) & 7)),
                            static_cast<char>('0' + (c & 7))};
      out.append(octal, 4);
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view query(reinterpret_cast<const char*>(data), size);
  const std::string& dir = RulesDir();
  corridor::fuzz::WriteFile(dir + "/custom.textproto",
                            "rule {\n  id: \"fuzz_query\"\n  description: \"the fuzz input\"\n"
                            "  category: EXPORT_CONTROL\n  weight: 20\n  sql { query: " +
                                TextFormatString(query) + " }\n}\n");
  corridor::RuleSet rule_set;
  corridor::Diagnostics diagnostics;
  bool usable = corridor::LoadRuleSet(dir, &rule_set, &diagnostics);
  if (usable != diagnostics.empty()) __builtin_trap();
  corridor::fuzz::PrintDiagnostics(diagnostics);
  return 0;
}
