#include "engine/config/rule_set.h"

#include <google/protobuf/io/tokenizer.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "engine/base/csv.h"
#include "engine/base/sha256.h"
#include "engine/base/strings.h"
#include "engine/rules/matchers.h"

namespace corridor {

namespace {

namespace fs = std::filesystem;
using google::protobuf::TextFormat;

class CollectErrors : public google::protobuf::io::ErrorCollector {
 public:
  CollectErrors(std::string file, Diagnostics* diagnostics)
      : file_(std::move(file)), diagnostics_(diagnostics) {}
  void AddError(int line, google::protobuf::io::ColumnNumber column,
                const std::string& message) override {
    diagnostics_->push_back({SourcePos{file_, line + 1, column + 1}, message});
  }
  void AddWarning(int line, google::protobuf::io::ColumnNumber column,
                  const std::string& message) override {
    diagnostics_->push_back({SourcePos{file_, line + 1, column + 1}, message});
  }

 private:
  std::string file_;
  Diagnostics* diagnostics_;
};

struct ParsedFile {
  std::string name;  // directory joined with the file name
  std::string text;
  rules::RuleFile content;
  TextFormat::ParseInfoTree tree;

  FieldLocator Root() const {
    return FieldLocator(name, &text, rules::RuleFile::descriptor(), &tree, SourcePos{name, 1, 1});
  }
};

std::string JoinPath(const std::string& directory, const std::string& name) {
  if (directory.empty() || directory.back() == '/') return directory + name;
  return directory + "/" + name;
}

// Loads an HS table CSV (`hs_code,tier,description`, '#' comments) into `entries`.
void LoadHsTable(const std::string& path, const SourcePos& declared_at,
                 std::vector<HsEntry>* entries, Diagnostics* diagnostics, Sha256* digest) {
  std::string contents;
  if (!ReadFile(path, &contents)) {
    diagnostics->push_back({declared_at, "cannot read HS table \"" + path + "\""});
    return;
  }
  digest->Update(path);
  digest->Update(contents);
  std::istringstream in(contents);
  CsvReader reader(&in);
  std::vector<std::string> fields;
  bool header_seen = false;
  std::set<std::string> seen;
  while (reader.NextDataRecord(&fields)) {
    SourcePos pos{path, static_cast<int>(reader.line()), 1};
    if (!reader.error().empty()) {
      diagnostics->push_back({pos, reader.error()});
      continue;
    }
    if (!header_seen) {
      header_seen = true;
      if (fields.size() < 3 || fields[0] != "hs_code" || fields[1] != "tier" ||
          fields[2] != "description") {
        diagnostics->push_back({pos, "expected the header \"hs_code,tier,description\""});
        return;
      }
      continue;
    }
    if (fields.size() != 3) {
      diagnostics->push_back({pos, "expected 3 fields, found " + std::to_string(fields.size())});
      continue;
    }
    std::string code(Trim(fields[0]));
    if (!IsHsPrefix(code)) {
      diagnostics->push_back({pos, "HS code must be 2 to 10 digits, got \"" + code + "\""});
      continue;
    }
    if (!seen.insert(code).second) {
      diagnostics->push_back({pos, "duplicate HS code \"" + code + "\""});
      continue;
    }
    entries->push_back(
        HsEntry{code, std::string(Trim(fields[1])), std::string(Trim(fields[2])), pos});
  }
  if (!header_seen) diagnostics->push_back({declared_at, "HS table \"" + path + "\" is empty"});
}

void CheckGroup(const rules::CountryGroup& group, const FieldLocator& at,
                Diagnostics* diagnostics) {
  if (group.source().empty()) {
    diagnostics->push_back({at.self(), "country group \"" + group.name() + "\" names no source"});
  }
  for (int i = 0; i < group.countries_size(); ++i) {
    if (!IsKnownCountryCode(group.countries(i))) {
      diagnostics->push_back(
          {at.At("countries", i), "unknown country code \"" + group.countries(i) + "\""});
    }
  }
  for (int i = 0; i < group.regions_size(); ++i) {
    if (!IsRegionCodeShape(group.regions(i))) {
      diagnostics->push_back(
          {at.At("regions", i), "not an ISO 3166-2 region code \"" + group.regions(i) + "\""});
    }
  }
}

// Corroboration deltas move a 0..1 score: each must lie within -1..1, matches not below zero and
// conflicts not above.
void CheckNameMatching(const rules::NameMatchingConfig& config, const FieldLocator& at,
                       Diagnostics* diagnostics) {
  const google::protobuf::Reflection* reflection = config.GetReflection();
  const google::protobuf::Descriptor* descriptor = config.GetDescriptor();
  for (int i = 0; i < descriptor->field_count(); ++i) {
    const google::protobuf::FieldDescriptor* field = descriptor->field(i);
    if (!reflection->HasField(config, field)) continue;
    double value = reflection->GetDouble(config, field);
    bool conflict = field->name().find("conflict") != std::string::npos;
    if (value < -1 || value > 1 || (conflict && value > 0) || (!conflict && value < 0)) {
      diagnostics->push_back(
          {at.At(field->name()),
           field->name() + (conflict ? " must be between -1 and 0" : " must be between 0 and 1")});
    }
  }
}

void CheckScoring(const rules::ScoringConfig& scoring, const FieldLocator& at,
                  Diagnostics* diagnostics) {
  auto in_range = [&](double value, const char* field) {
    if (value <= 0 || value > 100) {
      diagnostics->push_back(
          {at.At(field), std::string(field) + " must be above 0 and at most 100"});
    }
  };
  in_range(scoring.review_at(), "review_at");
  in_range(scoring.hold_at(), "hold_at");
  in_range(scoring.block_at(), "block_at");
  if (!(scoring.review_at() <= scoring.hold_at() && scoring.hold_at() <= scoring.block_at())) {
    diagnostics->push_back({at.self(), "thresholds must satisfy review_at <= hold_at <= block_at"});
  }
  if (scoring.bands_size() == 0 || scoring.bands(0).from() != 0) {
    diagnostics->push_back({at.self(), "bands must start with a band from 0"});
  }
  for (int i = 1; i < scoring.bands_size(); ++i) {
    if (scoring.bands(i).from() <= scoring.bands(i - 1).from()) {
      diagnostics->push_back(
          {at.Nested("bands", i).At("from"), "bands must be in increasing order"});
    }
  }
}

}  // namespace

bool LoadRuleSet(const std::string& directory, RuleSet* rule_set, Diagnostics* diagnostics) {
  size_t errors_before = diagnostics->size();
  *rule_set = RuleSet();
  std::vector<std::string> names;
  std::error_code error;
  if (!fs::is_directory(directory, error)) {
    diagnostics->push_back({SourcePos{directory, 0, 0}, "not a rules folder"});
    return false;
  }
  for (const auto& file : fs::directory_iterator(directory, error)) {
    if (file.is_regular_file() && file.path().extension() == ".textproto") {
      names.push_back(file.path().filename().string());
    }
  }
  std::sort(names.begin(), names.end());
  if (names.empty()) {
    diagnostics->push_back({SourcePos{directory, 0, 0}, "no *.textproto rule files"});
    return false;
  }

  Sha256 digest;
  std::vector<std::unique_ptr<ParsedFile>> files;
  for (const std::string& name : names) {
    auto parsed = std::make_unique<ParsedFile>();
    parsed->name = JoinPath(directory, name);
    std::string& text = parsed->text;
    if (!ReadFile(parsed->name, &text)) {
      diagnostics->push_back({SourcePos{parsed->name, 0, 0}, "cannot read file"});
      continue;
    }
    digest.Update(name);
    digest.Update(text);
    CollectErrors collector(parsed->name, diagnostics);
    TextFormat::Parser parser;
    parser.RecordErrorsTo(&collector);
    parser.WriteLocationsTo(&parsed->tree);
    if (!parser.ParseFromString(text, &parsed->content)) continue;
    rule_set->files.push_back(parsed->name);
    files.push_back(std::move(parsed));
  }

  // Reference data first: country groups and HS tables, which rules refer to by name.
  std::map<std::string, rules::CountryGroup> groups;
  std::map<std::string, std::vector<HsEntry>> hs_tables;
  const ParsedFile* scoring_file = nullptr;
  const ParsedFile* name_matching_file = nullptr;
  for (const auto& file : files) {
    FieldLocator root = file->Root();
    for (int i = 0; i < file->content.country_group_size(); ++i) {
      const rules::CountryGroup& group = file->content.country_group(i);
      FieldLocator at = root.Nested("country_group", i);
      CheckGroup(group, at, diagnostics);
      if (!groups.emplace(group.name(), group).second) {
        diagnostics->push_back({at.At("name"), "duplicate country group \"" + group.name() + "\""});
      }
    }
    for (int i = 0; i < file->content.hs_table_size(); ++i) {
      const rules::HsTable& table = file->content.hs_table(i);
      FieldLocator at = root.Nested("hs_table", i);
      if (table.source().empty()) {
        diagnostics->push_back({at.self(), "hs_table \"" + table.name() + "\" names no source"});
      }
      if (hs_tables.count(table.name())) {
        diagnostics->push_back({at.At("name"), "duplicate hs_table \"" + table.name() + "\""});
        continue;
      }
      LoadHsTable(JoinPath(directory, table.path()), at.At("path"), &hs_tables[table.name()],
                  diagnostics, &digest);
    }
    if (file->content.has_name_matching()) {
      if (name_matching_file != nullptr) {
        diagnostics->push_back({root.At("name_matching"),
                                "name_matching is already set in " + name_matching_file->name});
      } else {
        name_matching_file = file.get();
        rule_set->name_matching = file->content.name_matching();
        CheckNameMatching(rule_set->name_matching, root.Nested("name_matching"), diagnostics);
      }
    }
    if (file->content.has_scoring()) {
      if (scoring_file != nullptr) {
        diagnostics->push_back(
            {root.At("scoring"), "scoring is already set in " + scoring_file->name});
      } else {
        scoring_file = file.get();
        rule_set->scoring = file->content.scoring();
        CheckScoring(rule_set->scoring, root.Nested("scoring"), diagnostics);
      }
    }
  }
  if (scoring_file == nullptr && !files.empty()) {
    diagnostics->push_back({SourcePos{directory, 0, 0}, "no file sets `scoring`"});
  }

  static const std::regex kRuleId("[a-z][a-z0-9_]*");
  std::map<std::string, SourcePos> rule_ids;
  for (const auto& file : files) {
    FieldLocator root = file->Root();
    for (int i = 0; i < file->content.rule_size(); ++i) {
      const rules::Rule& rule = file->content.rule(i);
      FieldLocator at = root.Nested("rule", i);
      size_t rule_errors = diagnostics->size();
      if (!std::regex_match(rule.id(), kRuleId)) {
        diagnostics->push_back(
            {at.At("id"), "rule id \"" + rule.id() + "\" must be lower_snake_case"});
      } else if (auto [it, inserted] = rule_ids.emplace(rule.id(), at.At("id")); !inserted) {
        diagnostics->push_back({at.At("id"), "duplicate rule id \"" + rule.id() +
                                                 "\" (first defined at " + it->second.file + ":" +
                                                 std::to_string(it->second.line) + ")"});
      }
      if (rule.description().empty()) {
        diagnostics->push_back({at.self(), "rule \"" + rule.id() + "\" has no description"});
      }
      if (rule.weight() < 0 || rule.weight() > 100) {
        diagnostics->push_back({at.At("weight"), "weight must be between 0 and 100"});
      }
      if (rule.category() == CATEGORY_UNSPECIFIED) {
        diagnostics->push_back({at.self(), "rule \"" + rule.id() + "\" has no category"});
      }
      const google::protobuf::FieldDescriptor* kind =
          rule.kind_case() == rules::Rule::KIND_NOT_SET
              ? nullptr
              : rules::Rule::descriptor()->FindFieldByNumber(rule.kind_case());
      RuleCompileContext context{
          groups,
          hs_tables,
          kind ? at.Nested(kind->name()) : at,
          diagnostics,
          [&](const std::string& relative, std::string* contents) {
            std::string path = JoinPath(directory, relative);
            if (!ReadFile(path, contents)) return false;
            digest.Update(path);
            digest.Update(*contents);
            return true;
          },
          [&](const std::string& relative) { return JoinPath(directory, relative); }};
      std::unique_ptr<CompiledRule> compiled = CompileRule(rule, context);
      if (diagnostics->size() != rule_errors || compiled == nullptr || rule.disabled()) continue;
      rule_set->rules.push_back(LoadedRule{rule, std::move(compiled), at.self()});
    }
  }
  rule_set->digest = digest.HexDigest();
  return diagnostics->size() == errors_before;
}

}  // namespace corridor
