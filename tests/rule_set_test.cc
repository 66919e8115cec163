// Loading and validating rule folders: every mistake is reported at its file:line:col.
#include "engine/config/rule_set.h"

#include <algorithm>
#include <catch2/catch.hpp>

#include "engine/base/strings.h"
#include "tests/test_util.h"

namespace corridor {
namespace {

using testing::kTestScoring;
using testing::MakeRules;
using testing::TempDir;

std::vector<std::string> Problems(const std::string& folder) {
  RuleSet rule_set;
  Diagnostics diagnostics;
  LoadRuleSet(folder, &rule_set, &diagnostics);
  std::vector<std::string> lines;
  for (const Diagnostic& d : diagnostics) lines.push_back(d.ToString());
  return lines;
}

TEST_CASE("The bundled rules load without problems", "[rules-config]") {
  RuleSet rule_set;
  Diagnostics diagnostics;
  REQUIRE(LoadRuleSet(testing::SourceFile("rules"), &rule_set, &diagnostics));
  CHECK(diagnostics.empty());
  CHECK(rule_set.rules.size() >= 10);
  CHECK(rule_set.digest.size() == 64);
}

// From a review of the law behind the rules (2026-12-08, finding 12): 21 bundled rules named no
// source, e.g. russia_belarus_final_destination, a HOLD whose evidence cited nothing. Each rule's
// description names the law, guidance or alert it applies, or says it is the company's policy
// (a data check, a route or security risk no regulation names): ../shared/LAW.md, "How to use
// this page".
TEST_CASE("Every bundled rule names its source or says it is company policy", "[rules-config]") {
  RuleSet rule_set;
  Diagnostics diagnostics;
  REQUIRE(LoadRuleSet(testing::SourceFile("rules"), &rule_set, &diagnostics));
  const char* kSources[] = {"CFR",      "EO 1",       "Reg.",  "UNSCR", "FAQ", "Alert",
                            "guidance", "Regulation", "UFLPA", "OFSI",  "BIS", "Strategy",
                            "MTCR",     "NSG",        "SAMLA", "policy"};
  for (const LoadedRule& rule : rule_set.rules) {
    INFO(rule.config.id() << ": " << rule.config.description());
    bool cited = false;
    for (const char* source : kSources) {
      cited = cited || rule.config.description().find(source) != std::string::npos;
    }
    CHECK(cited);
  }
}

TEST_CASE("An unknown field is reported at its line and column", "[rules-config]") {
  TempDir dir;
  std::string folder = MakeRules(
      dir, {{"a.textproto", std::string(kTestScoring) + "rule {\n  id: \"x\"\n  wieght: 5\n}\n"}});
  CHECK(Problems(folder) ==
        std::vector<std::string>{folder + "/a.textproto:7:9: Message type \"corridor.rules.Rule\" "
                                          "has no field named \"wieght\"."});
}

TEST_CASE("Unknown countries, regions and groups point at the value", "[rules-config]") {
  TempDir dir;
  std::string folder = MakeRules(
      dir, {{"a.textproto", std::string(kTestScoring) + "rule {\n"
                                                        "  id: \"bad_places\"\n"
                                                        "  description: \"d\"\n"
                                                        "  category: SECURITY\n"
                                                        "  weight: 10\n"
                                                        "  jurisdiction {\n"
                                                        "    subjects: [PARTY]\n"
                                                        "    countries: [\"KZ\", \"XX\"]\n"
                                                        "    regions: \"CNXJ\"\n"
                                                        "    country_groups: \"nowhere\"\n"
                                                        "  }\n"
                                                        "}\n"}});
  CHECK(
      Problems(folder) ==
      std::vector<std::string>{folder + "/a.textproto:12:23: unknown country code \"XX\"",
                               folder + "/a.textproto:13:5: not an ISO 3166-2 region code \"CNXJ\"",
                               folder + "/a.textproto:14:5: unknown country group \"nowhere\""});
}

TEST_CASE("Duplicate rule ids, bad weights and missing kinds are errors", "[rules-config]") {
  TempDir dir;
  std::string rule =
      "rule { id: \"same\" description: \"d\" category: SECURITY weight: 10 "
      "route { countries: \"PK\" } }\n";
  std::string folder = MakeRules(
      dir, {{"a.textproto", std::string(kTestScoring) + rule},
            {"b.textproto", rule + "rule { id: \"Bad-Id\" description: \"d\" category: SECURITY "
                                   "weight: 150 }\n"}});
  CHECK(Problems(folder) ==
        std::vector<std::string>{
            folder + "/b.textproto:1:8: duplicate rule id \"same\" (first defined at " + folder +
                "/a.textproto:5)",
            folder + "/b.textproto:2:8: rule id \"Bad-Id\" must be lower_snake_case",
            folder + "/b.textproto:2:57: weight must be between 0 and 100",
            folder + "/b.textproto:2:1: rule \"Bad-Id\" has no kind (one of the `kind` fields of "
                     "schemas/rules.proto)"});
}

TEST_CASE("A rule needs a description and a category and a table names its source",
          "[rules-config]") {
  // docs/rules.md: "a description, a category and a weight between 0 and 100 on every rule";
  // "every group and table naming its source".
  TempDir dir;
  std::string folder = MakeRules(
      dir, {{"a.textproto", std::string(kTestScoring) +
                                "rule { id: \"bare\" weight: 10 route { countries: \"PK\" } }\n"
                                "hs_table { name: \"t\" path: \"t.csv\" }\n"
                                "country_group { name: \"g\" countries: [\"PK\"] }\n"},
            {"t.csv", "hs_code,tier,description\n854231,Tier 1,chips\n"}});
  std::vector<std::string> problems = Problems(folder);
  auto reported = [&](const std::string& text) {
    return std::any_of(problems.begin(), problems.end(), [&](const std::string& problem) {
      return problem.find(folder + "/a.textproto:") == 0 && problem.find(text) != std::string::npos;
    });
  };
  INFO(Join(problems, "\n"));
  CHECK(reported(": rule \"bare\" has no description"));
  CHECK(reported(": rule \"bare\" has no category"));
  CHECK(reported(": hs_table \"t\" names no source"));
  CHECK(reported(": country group \"g\" names no source"));
}

TEST_CASE("HS codes of the wrong shape are errors, in tables and inline", "[rules-config]") {
  TempDir dir;
  std::string folder = MakeRules(
      dir, {{"a.textproto", std::string(kTestScoring) +
                                "hs_table { name: \"t\" path: \"t.csv\" source: \"test\" }\n"
                                "rule { id: \"g\" description: \"d\" category: EXPORT_CONTROL "
                                "weight: 10\n  goods { hs_table: \"t\" hs_prefixes: [\"85\", "
                                "\"8A\"] } }\n"},
            {"t.csv",
             "# source: test\nhs_code,tier,description\n854231,Tier 1,chips\n85423,"
             "Tier 1,odd but valid\n12345678901,Tier 2,too long\n854231,Tier 1,again\n"}});
  CHECK(Problems(folder) ==
        std::vector<std::string>{
            folder + "/t.csv:5:1: HS code must be 2 to 10 digits, got \"12345678901\"",
            folder + "/t.csv:6:1: duplicate HS code \"854231\"",
            folder + "/a.textproto:7:45: HS code prefix must be 2 to 10 digits, got \"8A\""});
}

TEST_CASE("A rules folder needs exactly one scoring block", "[rules-config]") {
  TempDir dir;
  std::string folder = MakeRules(dir, {{"a.textproto", "# nothing\n"}});
  CHECK(Problems(folder) == std::vector<std::string>{folder + ": no file sets `scoring`",
                                                     folder + ": no enabled rules"});
  TempDir twice;
  folder = MakeRules(twice, {{"a.textproto", kTestScoring}, {"b.textproto", kTestScoring}});
  CHECK(Problems(folder) ==
        std::vector<std::string>{
            folder + "/b.textproto:1:1: scoring is already set in " + folder + "/a.textproto",
            folder + ": no enabled rules"});
}

TEST_CASE("A missing folder and an empty folder are reported", "[rules-config]") {
  TempDir dir;
  CHECK(Problems(dir.File("nope")) ==
        std::vector<std::string>{dir.File("nope") + ": not a rules folder"});
  CHECK(Problems(dir.path()) ==
        std::vector<std::string>{dir.path() + ": no *.textproto rule files"});
}

TEST_CASE("Disabled rules are validated but not loaded", "[rules-config]") {
  TempDir dir;
  std::string folder = MakeRules(
      dir,
      {{"a.textproto", std::string(kTestScoring) +
                           "rule { id: \"off\" description: \"d\" category: SECURITY weight: 1 "
                           "disabled: true route { countries: \"PK\" } }\n"
                           "rule { id: \"on\" description: \"d\" category: SECURITY weight: 1 "
                           "route { countries: \"PK\" } }\n"}});
  RuleSet rule_set;
  Diagnostics diagnostics;
  REQUIRE(LoadRuleSet(folder, &rule_set, &diagnostics));
  REQUIRE(rule_set.rules.size() == 1);
  CHECK(rule_set.rules[0].config.id() == "on");
}

}  // namespace
}  // namespace corridor
