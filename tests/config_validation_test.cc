// Validation of rules folders beyond single fields: non-finite numbers, the digest's
// independence from how the folder is named, symbolic links, reference paths that leave the
// folder or are not regular files, and check-rules' exit codes.
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>

#include "engine/config/rule_set.h"
#include "engine/config/rules_folder.h"
#include "engine/rules/rule.h"
#include "tests/test_util.h"

namespace corridor {
namespace {

namespace fs = std::filesystem;
using testing::kTestScoring;
using testing::MakeRules;
using testing::TempDir;

std::vector<std::string> Problems(const std::string& folder, RuleSet* rule_set = nullptr) {
  RuleSet local;
  Diagnostics diagnostics;
  LoadRuleSet(folder, rule_set ? rule_set : &local, &diagnostics);
  std::vector<std::string> lines;
  for (const Diagnostic& d : diagnostics) lines.push_back(d.ToString());
  return lines;
}

// A rule that is valid on its own, so a test folder has one enabled rule.
const char* kRouteRule =
    "rule { id: \"route_pk\" description: \"d\" category: SECURITY weight: 10 "
    "route { countries: \"PK\" } }\n";

TEST_CASE("Non-finite numbers are rejected at the field, in every message", "[rules-config]") {
  TempDir dir;
  std::string folder = MakeRules(
      dir, {{"a.textproto",
             std::string(kTestScoring) + kRouteRule +
                 "rule { id: \"w\" description: \"d\" category: SECURITY\n"
                 "  weight: nan route { countries: \"PK\" } }\n"
                 "name_matching { country_match: inf }\n"
                 "rule { id: \"s\" description: \"d\" category: SECURITY weight: 1\n"
                 "  security_incident { radius_km: 5 window_days: 5 "
                 "half_distance_km: 1 half_life_days: 1\n"
                 "    severity_weights: [0.1, 0.2, -inf, 0.3, 0.4] } }\n"
                 "rule { id: \"l\" description: \"d\" category: SECONDARY_SANCTIONS weight: 1\n"
                 "  listed_party { min_score: nan kind_min_scores { kind: \"person\" "
                 "min_score: -nan } } }\n"}});
  CHECK(Problems(folder) ==
        std::vector<std::string>{
            folder + "/a.textproto:7:3: weight must be a finite number, got nan",
            folder + "/a.textproto:8:17: country_match must be a finite number, got inf",
            folder + "/a.textproto:11:34: severity_weights must be a finite number, got -inf",
            folder + "/a.textproto:13:18: min_score must be a finite number, got nan",
            folder + "/a.textproto:13:66: min_score must be a finite number, got nan"});
}

// Compiles one rule's kind on its own, without the finite-number pass LoadRuleSet runs first,
// and returns its messages: the per-field range checks must reject NaN by themselves.
std::vector<std::string> KindProblems(const std::string& rule_text) {
  rules::Rule rule;
  REQUIRE(google::protobuf::TextFormat::ParseFromString(rule_text, &rule));
  std::map<std::string, rules::CountryGroup> groups;
  std::map<std::string, std::vector<HsEntry>> tables;
  Diagnostics diagnostics;
  RuleCompileContext context{
      groups,       tables,  FieldLocator("r", nullptr, nullptr, nullptr, SourcePos{"r", 1, 1}),
      &diagnostics, nullptr, nullptr};
  CompileRule(rule, context);
  std::vector<std::string> messages;
  for (const Diagnostic& d : diagnostics) messages.push_back(d.message);
  return messages;
}

TEST_CASE("Every kind's range checks reject NaN on their own", "[rules-config]") {
  CHECK(KindProblems("listed_party { min_score: nan }") ==
        std::vector<std::string>{"min_score must be between 0 and 1"});
  CHECK(KindProblems("listed_party { kind_min_scores { kind: \"person\" min_score: nan } }") ==
        std::vector<std::string>{"min_score must be above 0 and at most 1"});
  CHECK(KindProblems("listed_party { kind_min_scores { kind: \"vessel\" min_score: 0.8 } "
                     "kind_min_scores { kind: \"vessel\" min_score: 0.99 } }") ==
        std::vector<std::string>{"duplicate kind \"vessel\""});
  CHECK(KindProblems("owned_by_listed_party { threshold_percent: nan minority_percent: nan }") ==
        std::vector<std::string>{"threshold_percent must be between 0 and 100",
                                 "minority_percent must be between 0 and 100"});
  CHECK(KindProblems("red_flag { flag: LOW_UNIT_VALUE unit_value_ratio: nan }") ==
        std::vector<std::string>{"unit_value_ratio must be between 0 and 1"});
  CHECK(KindProblems("forced_labour { regions: \"CN-XJ\" region_weight: nan }") ==
        std::vector<std::string>{"region_weight must be between 0 and 100"});
  CHECK(KindProblems("goods { hs_prefixes: \"85\" tiers { tier: \"a\" weight: nan } }") ==
        std::vector<std::string>{"weight must be between 0 and 100"});
  CHECK(KindProblems("diversion { target_countries: \"RU\" on_route_factor: nan }") ==
        std::vector<std::string>{"diversion rule needs an hs_table",
                                 "on_route_factor must be between 0 and 1"});
}

TEST_CASE("NaN fails the range checks of scoring thresholds and bands", "[rules-config]") {
  TempDir dir;
  std::string folder = MakeRules(
      dir, {{"a.textproto",
             std::string("scoring {\n  review_at: 25 hold_at: 60 block_at: 90\n"
                         "  bands { name: \"low\" from: 0 } bands { name: \"high\" from: nan }\n"
                         "}\n") +
                 kRouteRule}});
  CHECK(Problems(folder) ==
        std::vector<std::string>{folder + "/a.textproto:3:54: from must be a finite number, got "
                                          "nan"});
}

TEST_CASE("The digest and rule positions do not depend on how the folder is spelled",
          "[rules-config]") {
  TempDir dir;
  std::string folder = MakeRules(
      dir, {{"a.textproto", std::string(kTestScoring) +
                                "hs_table { name: \"t\" path: \"ref/t.csv\" source: \"test\" }\n"
                                "rule { id: \"g\" description: \"d\" category: EXPORT_CONTROL "
                                "weight: 10\n  goods { hs_table: \"t\" } }\n"},
            {"ref/t.csv", "hs_code,tier,description\n854231,Tier 1,chips\n"}});
  fs::path previous = fs::current_path();
  fs::current_path(dir.path());
  RuleSet relative, dotted, absolute;
  Diagnostics diagnostics;
  bool loaded = LoadRuleSet("rules", &relative, &diagnostics) &&
                LoadRuleSet("./rules/", &dotted, &diagnostics) &&
                LoadRuleSet(folder, &absolute, &diagnostics);
  fs::current_path(previous);
  REQUIRE(loaded);
  CHECK(diagnostics.empty());
  CHECK(relative.digest == absolute.digest);
  CHECK(dotted.digest == absolute.digest);
  REQUIRE(absolute.rules.size() == 1);
  CHECK(absolute.rules[0].pos.file == "a.textproto");
  CHECK(absolute.rules[0].pos.line == 6);
  CHECK(relative.rules[0].pos.file == "a.textproto");
  CHECK(dotted.rules[0].pos.file == "a.textproto");
}

TEST_CASE("screen writes the same bytes whichever way the rules folder is spelled",
          "[rules-config][cli]") {
  TempDir dir;
  std::string db = testing::MakeDatabase(dir, "");
  std::string folder = MakeRules(dir, {{"a.textproto", std::string(kTestScoring) + kRouteRule}});
  std::vector<std::string> outputs;
  fs::path previous = fs::current_path();
  fs::current_path(dir.path());
  for (const std::string& spelling : {std::string("rules"), std::string("./rules/"), folder}) {
    std::string out = dir.File("out" + std::to_string(outputs.size()) + ".json");
    testing::CommandResult result =
        testing::RunCorridor(dir, "screen --db " + db + " --rules " + spelling + " --out " + out +
                                      " --format json --as-of 2026-01-01");
    CHECK(result.exit_code == 0);
    outputs.push_back(testing::ReadText(out));
  }
  fs::current_path(previous);
  CHECK(outputs[0].find("\"a.textproto:5\"") != std::string::npos);
  CHECK(outputs[0] == outputs[1]);
  CHECK(outputs[0] == outputs[2]);
}

TEST_CASE("A dangling link and a link loop among the rule files are diagnostics",
          "[rules-config]") {
  TempDir dir;
  std::string folder = MakeRules(dir, {{"a.textproto", std::string(kTestScoring) + kRouteRule}});
  fs::create_symlink(dir.File("gone.textproto"), folder + "/b.textproto");
  fs::create_symlink(folder + "/c.textproto", folder + "/c.textproto");
  CHECK(Problems(folder) ==
        std::vector<std::string>{folder + "/b.textproto: dangling symbolic link",
                                 folder + "/c.textproto: symbolic link loop"});
}

TEST_CASE("A folder without enabled rules is an error", "[rules-config]") {
  TempDir dir;
  std::string folder = MakeRules(
      dir,
      {{"a.textproto", std::string(kTestScoring) +
                           "rule { id: \"off\" description: \"d\" category: SECURITY weight: 1 "
                           "disabled: true route { countries: \"PK\" } }\n"}});
  CHECK(Problems(folder) == std::vector<std::string>{folder + ": no enabled rules"});
}

TEST_CASE("Reference paths must stay inside the rules folder", "[rules-config]") {
  TempDir dir;
  testing::WriteText(dir.File("outside.csv"), "hs_code,tier,description\n854231,Tier 1,chips\n");
  auto with_path = [&](const std::string& path) {
    return std::string(kTestScoring) + "hs_table { name: \"t\" path: \"" + path +
           "\" source: \"test\" }\n"
           "rule { id: \"g\" description: \"d\" category: EXPORT_CONTROL weight: 10 "
           "goods { hs_table: \"t\" } }\n";
  };
  // The refusal at the path, then the goods rule finding its table empty.
  auto refused = [&](const std::string& folder, const std::string& path,
                     const std::string& reason) {
    return std::vector<std::string>{
        folder + "/a.textproto:5:22: cannot read HS table \"" + path + "\": " + reason,
        folder + "/a.textproto:6:69: goods rule names no hs_table and no hs_prefixes"};
  };
  SECTION("a parent path") {
    std::string folder = MakeRules(dir, {{"a.textproto", with_path("../outside.csv")}});
    CHECK(Problems(folder) == refused(folder, "../outside.csv", "outside the rules folder"));
  }
  SECTION("an absolute path") {
    std::string folder = MakeRules(dir, {{"a.textproto", with_path(dir.File("outside.csv"))}});
    CHECK(Problems(folder) == refused(folder, dir.File("outside.csv"), "outside the rules folder"));
  }
  SECTION("a link leading out") {
    std::string folder = MakeRules(dir, {{"a.textproto", with_path("t.csv")}});
    fs::create_symlink(dir.File("outside.csv"), folder + "/t.csv");
    CHECK(Problems(folder) == refused(folder, "t.csv", "outside the rules folder"));
  }
  SECTION("a FIFO does not hang the load") {
    std::string folder = MakeRules(dir, {{"a.textproto", with_path("t.csv")}});
    REQUIRE(mkfifo((folder + "/t.csv").c_str(), 0600) == 0);
    CHECK(Problems(folder) == refused(folder, "t.csv", "not a regular file"));
  }
  SECTION("a device through a link") {
    std::string folder = MakeRules(dir, {{"a.textproto", with_path("t.csv")}});
    fs::create_symlink("/dev/zero", folder + "/t.csv");
    CHECK(Problems(folder) == refused(folder, "t.csv", "outside the rules folder"));
  }
  SECTION("a directory") {
    std::string folder = MakeRules(dir, {{"a.textproto", with_path("sub")}});
    fs::create_directories(folder + "/sub");
    CHECK(Problems(folder) == refused(folder, "sub", "not a regular file"));
  }
  SECTION("a file over the size limit") {
    std::string folder = MakeRules(dir, {{"a.textproto", with_path("t.csv")}});
    testing::WriteText(folder + "/t.csv", "");
    fs::resize_file(folder + "/t.csv", kMaxRulesFileBytes + 1);  // sparse: no disk used
    CHECK(Problems(folder) == refused(folder, "t.csv", "larger than 64 MiB"));
  }
  SECTION("a dangling link") {
    std::string folder = MakeRules(dir, {{"a.textproto", with_path("t.csv")}});
    fs::create_symlink("gone.csv", folder + "/t.csv");
    CHECK(Problems(folder) == refused(folder, "t.csv", "dangling symbolic link"));
  }
  SECTION("the same file spelled two ways is accepted") {
    std::string folder = MakeRules(dir, {{"a.textproto", with_path("./ref/../t.csv")},
                                         {"t.csv", testing::ReadText(dir.File("outside.csv"))}});
    CHECK(Problems(folder).empty());
  }
}

TEST_CASE("A gazetteer path outside the folder is refused", "[rules-config]") {
  TempDir dir;
  testing::WriteText(dir.File("g.csv"), "location,country,region,latitude,longitude\n");
  std::string folder = MakeRules(
      dir, {{"a.textproto", std::string(kTestScoring) + kRouteRule +
                                "rule { id: \"s\" description: \"d\" category: SECURITY weight: 1\n"
                                "  security_incident { radius_km: 5 window_days: 5 "
                                "half_distance_km: 1 half_life_days: 1\n"
                                "    gazetteer: \"../g.csv\" } }\n"}});
  CHECK(Problems(folder) ==
        std::vector<std::string>{folder + "/a.textproto:8:5: cannot read gazetteer \"../g.csv\": "
                                          "outside the rules folder"});
}

TEST_CASE("A rule file linked from outside the folder is refused", "[rules-config]") {
  TempDir dir;
  testing::WriteText(dir.File("elsewhere.textproto"), kRouteRule);
  std::string folder = MakeRules(dir, {{"a.textproto", kTestScoring}});
  fs::create_symlink(dir.File("elsewhere.textproto"), folder + "/b.textproto");
  CHECK(Problems(folder) ==
        std::vector<std::string>{folder + "/b.textproto: outside the rules folder"});
}

TEST_CASE("check-rules exits 1 with every problem, 2 on usage mistakes", "[rules-config][cli]") {
  TempDir dir;
  std::string folder = MakeRules(
      dir, {{"a.textproto", std::string(kTestScoring) +
                                "rule { id: \"w\" description: \"d\" category: SECURITY\n"
                                "  weight: nan disabled: true route { countries: \"PK\" } }\n"}});
  testing::CommandResult result = testing::RunCorridor(dir, "check-rules --rules " + folder);
  CHECK(result.exit_code == 1);
  CHECK(result.out == folder + "/a.textproto:6:3: weight must be a finite number, got nan\n" +
                          folder + ": no enabled rules\n");
  CHECK(testing::RunCorridor(dir, "check-rules").exit_code == 2);
  CHECK(testing::RunCorridor(dir, "check-rules --rules " + folder + " --bogus").exit_code == 2);
}

TEST_CASE("A list is configured once per rules folder", "[rules-config][lists]") {
  TempDir dir;
  std::string folder =
      MakeRules(dir, {{"scoring.textproto", kTestScoring},
                      {"lists.textproto",
                       "list { id: \"ofac-sdn\" regime: \"US\" measure: ASSET_FREEZE }\n"
                       "list { id: \"ofac-sdn\" regime: \"US\" }\n"
                       "list { id: \"good-guys\" role: ALLOW max_age_days: -1 }\n"}});
  std::vector<std::string> problems = Problems(folder);
  auto has = [&](const std::string& where, const std::string& what) {
    for (const std::string& p : problems) {
      if (p.find(where) != std::string::npos && p.find(what) != std::string::npos) return true;
    }
    return false;
  };
  CHECK(has("lists.textproto:2:", "already configured at"));
  CHECK(has("lists.textproto:3:", "max_age_days"));

  std::string good =
      MakeRules(dir, {{"scoring.textproto", kTestScoring},
                      {"lists.textproto", "list { id: \"good-guys\" role: ALLOW }\n"}});
  RuleSet rule_set;
  for (const std::string& p : Problems(good, &rule_set)) CHECK(p.find("list") == std::string::npos);
  REQUIRE(rule_set.lists.count("good-guys") == 1);
  CHECK(rule_set.lists.at("good-guys").role() == rules::ALLOW);
}

// The bundled rules folder copied, with `file`'s text `from` replaced by `to` (which must occur).
std::string EditedBundle(const TempDir& dir, const std::string& file, const std::string& from,
                         const std::string& to) {
  const std::string folder = dir.File("rules");
  if (!fs::exists(folder))
    fs::copy(testing::SourceFile("rules"), folder, fs::copy_options::recursive);
  std::string text = testing::ReadText(folder + "/" + file);
  const size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  text.replace(at, from.size(), to);
  testing::WriteText(folder + "/" + file, text);
  return folder;
}

std::string Joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& line : lines) out += line + "\n";
  return out;
}

bool HasProblem(const std::vector<std::string>& problems, const std::string& text) {
  for (const std::string& p : problems) {
    if (p.find(text) != std::string::npos) return true;
  }
  return false;
}

// From a review (2026-12-07): check-rules accepted a tier no row carries ("Tier1" for "Tier 1"),
// and Tier 1 chips to Russia dropped from block to hold, weighed at the rule's weight with no
// floor; document_tiers the same.
TEST_CASE("A tier no row of the rule's tables carries is an error at its position",
          "[rules-config]") {
  {
    TempDir dir;
    const std::string folder =
        EditedBundle(dir, "goods.textproto", "tiers { tier: \"Tier 1\" weight: 90",
                     "tiers { tier: \"Tier1\" weight: 90");
    const std::vector<std::string> problems = Problems(folder);
    INFO(Joined(problems));
    CHECK(HasProblem(problems,
                     "goods.textproto:16:13: no row has tier \"Tier1\"; the rule's "
                     "tables carry \"OFAC critical\", \"Tier 1\""));
  }
  {
    TempDir dir;
    const std::string folder =
        EditedBundle(dir, "goods.textproto", "document_tiers: [\"Tier 1\", \"Tier 2\"]",
                     "document_tiers: [\"Tier-1\", \"Tier 2\"]");
    const std::vector<std::string> problems = Problems(folder);
    INFO(Joined(problems));
    CHECK(HasProblem(problems, "goods.textproto:42:5: no row has tier \"Tier-1\""));
  }
  // The bundled folder itself names only tiers its tables carry.
  CHECK(Problems(testing::SourceFile("rules")).empty());
}

// From a review (2026-12-07): the goods rules' dated tables took a row whose effective_to is
// before its effective_from (the row then never applied: bearings to a diversion country went
// from review to clear), and two rows of one code in force on the same days (which applied
// depended on their order). The HS and place tables refused both already.
TEST_CASE("Reference tables refuse reversed dates and rows of one key in force together",
          "[rules-config]") {
  {
    TempDir dir;
    const std::string folder =
        EditedBundle(dir, "reference/russia_critical_items.csv",
                     "848240,OFAC critical,needle roller bearings,2023-12-22,,",
                     "848240,OFAC critical,needle roller bearings,2023-12-22,2023-12-21,");
    const std::vector<std::string> problems = Problems(folder);
    INFO(Joined(problems));
    CHECK(HasProblem(problems,
                     "russia_critical_items.csv:8:1: effective_to 2023-12-21 is before "
                     "effective_from 2023-12-22"));
  }
  {
    TempDir dir;
    const std::string folder =
        EditedBundle(dir, "reference/russia_critical_items.csv",
                     "848240,OFAC critical,needle roller bearings,2023-12-22,,",
                     "848240,OFAC critical,needle roller bearings,2023-12-22,,OFAC FAQ 1148\n"
                     "848240,OFAC critical,needle roller bearings,2024-01-01,,");
    const std::vector<std::string> problems = Problems(folder);
    INFO(Joined(problems));
    CHECK(HasProblem(problems,
                     "russia_critical_items.csv:9:1: \"848240\" is already in force on these "
                     "dates (line 8)"));
  }
  {
    TempDir dir;
    const std::string folder =
        EditedBundle(dir, "reference/diversion_countries.csv", "AM,Armenia,2022-06-28,,",
                     "AM,Armenia,2023-01-01,,FIN-2022-Alert003\nAM,Armenia,2022-06-28,,");
    const std::vector<std::string> problems = Problems(folder);
    INFO(Joined(problems));
    CHECK(HasProblem(problems, "\"AM\" is already in force on these dates"));
  }
  {
    // Rows of one code one after the other are fine.
    TempDir dir;
    const std::string folder = EditedBundle(
        dir, "reference/russia_critical_items.csv",
        "848240,OFAC critical,needle roller bearings,2023-12-22,,",
        "848240,OFAC critical,needle roller bearings,2023-12-22,2024-12-31,OFAC FAQ 1148\n"
        "848240,OFAC critical,needle roller bearings,2025-01-01,,");
    CHECK(Problems(folder).empty());
  }
}

// From a review (2026-12-07): a spreadsheet's UTF-8 byte-order mark turned a table's first
// comment line into its header, and the message named a header problem nobody could see.
TEST_CASE("A byte-order mark at the start of a reference table is skipped", "[rules-config]") {
  TempDir dir;
  const std::string folder = dir.File("rules");
  fs::copy(testing::SourceFile("rules"), folder, fs::copy_options::recursive);
  for (const char* table : {"reference/chpl_hs6.csv", "reference/russia_critical_items.csv"}) {
    const std::string path = folder + "/" + table;
    testing::WriteText(path, "\xEF\xBB\xBF" + testing::ReadText(path));
  }
  const std::vector<std::string> problems = Problems(folder);
  INFO(Joined(problems));
  CHECK(problems.empty());
}

// From a review (2026-12-07): a syntax error in one file also reported correct files: "no file
// sets `scoring`" when the broken file was the one that sets it, and "unknown hs_table" in every
// rule naming a table the broken file defines.
TEST_CASE("A syntax error in one rule file is the only problem reported for it", "[rules-config]") {
  {
    TempDir dir;
    const std::string folder = EditedBundle(dir, "goods.textproto", "tiers { tier: \"Tier 1\"",
                                            "tiers { tier, \"Tier 1\"");
    const std::vector<std::string> problems = Problems(folder);
    INFO(Joined(problems));
    REQUIRE(problems.size() == 1);
    CHECK(HasProblem(problems, "goods.textproto:16:17: "));
  }
  {
    TempDir dir;
    const std::string folder = EditedBundle(dir, "scoring.textproto", "scoring {", "scoring , {");
    const std::vector<std::string> problems = Problems(folder);
    INFO(Joined(problems));
    REQUIRE(problems.size() == 1);
    CHECK(HasProblem(problems, "scoring.textproto:3:"));
  }
}

}  // namespace
}  // namespace corridor
