#include "engine/config/rule_set.h"

#include <algorithm>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <tuple>

#include "engine/base/csv.h"
#include "engine/base/date.h"
#include "engine/base/sha256.h"
#include "engine/base/strings.h"
#include "engine/base/text_format_errors.h"
#include "engine/config/checks.h"
#include "engine/config/rules_folder.h"
#include "engine/rules/kinds.h"
#include "engine/rules/matchers.h"

namespace corridor {

namespace {

using google::protobuf::TextFormat;

struct ParsedFile {
  std::string relative;  // the file's name in the rules folder
  std::string name;      // as diagnostics show it: the folder as given joined with `relative`
  std::string text;
  rules::RuleFile content;
  TextFormat::ParseInfoTree tree;

  FieldLocator Root() const {
    return FieldLocator(name, &text, rules::RuleFile::descriptor(), &tree, SourcePos{name, 1, 1});
  }
};

// The digest input for one file: its path relative to the rules folder and its contents, each
// preceded by its length so that no two different file lists give the same bytes.
void AddToDigest(const std::string& key, const std::string& contents, Sha256* digest) {
  digest->Update(std::to_string(key.size()) + ":" + key + "\n");
  digest->Update(std::to_string(contents.size()) + ":");
  digest->Update(contents);
}

// `cannot read <what> "<path>"`, with the reason unless the file is simply missing.
std::string CannotRead(const std::string& what, const std::string& path, const Status& status) {
  std::string message = "cannot read " + what + " \"" + path + "\"";
  if (!status.IsNotFound()) message += ": " + status.message();
  return message;
}

// --- goods --- The dates and source of one HS table row (the optional columns after the first
// three): each date empty or YYYY-MM-DD, from <= to. False, with diagnostics at `pos`, when not.
bool ReadHsRowDates(const std::vector<std::string>& fields, const std::vector<std::string>& header,
                    const SourcePos& pos, HsEntry* entry, Diagnostics* diagnostics) {
  size_t before = diagnostics->size();
  for (size_t i = 3; i < header.size(); ++i) {
    std::string value(Trim(fields[i]));
    if (header[i] == "source") {
      entry->source = value;
      continue;
    }
    if (value.empty()) continue;
    std::optional<int64_t> day = DayNumber(value);
    if (!day || value.size() != 10) {
      diagnostics->push_back({pos, header[i] + " \"" + value + "\" is not a date YYYY-MM-DD"});
      continue;
    }
    (header[i] == "effective_from" ? entry->effective_from : entry->effective_to) = value;
    (header[i] == "effective_from" ? entry->from_day : entry->to_day) = *day;
  }
  if (entry->from_day > entry->to_day) {
    diagnostics->push_back({pos, "effective_to " + entry->effective_to +
                                     " is before effective_from " + entry->effective_from});
  }
  return diagnostics->size() == before;
}

// Parses an HS table CSV (`hs_code,tier,description`, optionally followed by any of
// `effective_from`, `effective_to`, `source`; '#' comments) into `entries`. `name` is the table's
// file as diagnostics show it. A code may appear on several rows when their dates do not overlap
// (a tier that changed).
void ParseHsTable(const std::string& name, const std::string& contents,
                  const SourcePos& declared_at, std::vector<HsEntry>* entries,
                  Diagnostics* diagnostics) {
  std::istringstream in(contents);
  CsvReader reader(&in);
  std::vector<std::string> fields;
  std::vector<std::string> header;
  std::map<std::string, std::vector<size_t>> seen;  // code -> indexes into `entries`
  while (reader.NextDataRecord(&fields)) {
    SourcePos pos{name, static_cast<int>(reader.line()), 1};
    if (!reader.error().empty()) {
      diagnostics->push_back({pos, reader.error()});
      continue;
    }
    if (header.empty()) {
      header = fields;
      for (std::string& column : header) column = std::string(Trim(column));
      bool extras_ok = std::all_of(header.begin() + std::min<size_t>(3, header.size()),
                                   header.end(), [](const std::string& column) {
                                     return column == "effective_from" ||
                                            column == "effective_to" || column == "source";
                                   });
      if (header.size() < 3 || header[0] != "hs_code" || header[1] != "tier" ||
          header[2] != "description" || !extras_ok) {
        diagnostics->push_back({pos,
                                "expected the header \"hs_code,tier,description\", optionally "
                                "followed by effective_from, effective_to, source"});
        return;
      }
      continue;
    }
    if (fields.size() != header.size()) {
      diagnostics->push_back({pos, "expected " + std::to_string(header.size()) + " fields, found " +
                                       std::to_string(fields.size())});
      continue;
    }
    std::string code(Trim(fields[0]));
    if (!IsHsPrefix(code)) {
      diagnostics->push_back({pos, "HS code must be 2 to 10 digits, got \"" + code + "\""});
      continue;
    }
    HsEntry entry;
    entry.prefix = code;
    entry.tier = std::string(Trim(fields[1]));
    entry.description = std::string(Trim(fields[2]));
    entry.pos = pos;
    if (!ReadHsRowDates(fields, header, pos, &entry, diagnostics)) continue;
    bool overlaps = false;
    for (size_t index : seen[code]) {
      const HsEntry& other = (*entries)[index];
      if (entry.from_day <= other.to_day && other.from_day <= entry.to_day) overlaps = true;
    }
    if (overlaps) {
      // Rows of one code must not overlap in time, or the tier would depend on row order.
      diagnostics->push_back({pos, "duplicate HS code \"" + code + "\""});
      continue;
    }
    seen[code].push_back(entries->size());
    entries->push_back(std::move(entry));
  }
  if (header.empty()) diagnostics->push_back({declared_at, "HS table \"" + name + "\" is empty"});
}

// Parses a country group's place table (`code,name,country,region,effective_from,effective_to,
// source`, '#' comments) into `rows`; `name` is the table's file as diagnostics show it.
void ParsePlaceTable(const std::string& name, const std::string& contents,
                     const SourcePos& declared_at, std::vector<PlaceRow>* rows,
                     Diagnostics* diagnostics) {
  static const std::vector<std::string> kHeader = {
      "code", "name", "country", "region", "effective_from", "effective_to", "source"};
  std::istringstream in(contents);
  CsvReader reader(&in);
  std::vector<std::string> fields;
  bool header_seen = false;
  while (reader.NextDataRecord(&fields)) {
    SourcePos pos{name, static_cast<int>(reader.line()), 1};
    if (!reader.error().empty()) {
      diagnostics->push_back({pos, reader.error()});
      continue;
    }
    if (!header_seen) {
      header_seen = true;
      if (fields != kHeader) {
        diagnostics->push_back(
            {pos,
             "expected the header \"code,name,country,region,effective_from,effective_to,"
             "source\""});
        return;
      }
      continue;
    }
    if (fields.size() != kHeader.size()) {
      diagnostics->push_back({pos, "expected 7 fields, found " + std::to_string(fields.size())});
      continue;
    }
    for (std::string& field : fields) field = std::string(Trim(field));
    PlaceRow row{fields[0], fields[1], fields[2], fields[3], fields[4], fields[5], fields[6], pos};
    size_t before = diagnostics->size();
    if (row.code.empty() || row.name.empty()) {
      diagnostics->push_back({pos, "a place needs a code and a name"});
    }
    if (!IsKnownCountryCode(row.country)) {
      diagnostics->push_back({pos, "unknown country code \"" + row.country + "\""});
    }
    if (!row.region.empty() && !IsRegionCodeShape(row.region)) {
      diagnostics->push_back({pos, "not an ISO 3166-2 region code \"" + row.region + "\""});
    }
    for (const std::string* date : {&row.effective_from, &row.effective_to}) {
      if (!date->empty() && !ParseIsoDay(*date)) {
        diagnostics->push_back({pos, "\"" + *date + "\" is not a date YYYY-MM-DD"});
      }
    }
    if (diagnostics->size() == before && !row.effective_from.empty() && !row.effective_to.empty() &&
        row.effective_from > row.effective_to) {
      diagnostics->push_back({pos, "effective_to " + row.effective_to +
                                       " is before effective_from " + row.effective_from});
    }
    if (row.source.empty())
      diagnostics->push_back({pos, "place \"" + row.name + "\" names no source"});
    if (diagnostics->size() == before) rows->push_back(std::move(row));
  }
  if (!header_seen) diagnostics->push_back({declared_at, "place table \"" + name + "\" is empty"});
}

// The profile: every regime named once, with its binding.
void CheckProfile(const rules::Profile& profile, const FieldLocator& at, Diagnostics* diagnostics) {
  std::set<std::string> seen;
  for (int i = 0; i < profile.regime_size(); ++i) {
    const rules::RegimeBinding& regime = profile.regime(i);
    FieldLocator entry = at.Nested("regime", i);
    if (regime.regime().empty()) {
      diagnostics->push_back({entry.self(), "profile regime names no regime"});
      continue;
    }
    if (regime.binding() == rules::BINDING_UNSPECIFIED) {
      diagnostics->push_back(
          {entry.self(), "profile regime \"" + regime.regime() + "\" has no binding"});
    }
    if (!seen.insert(regime.regime()).second) {
      diagnostics->push_back(
          {entry.At("regime"), "regime \"" + regime.regime() + "\" is already in the profile"});
    }
  }
}

// One load of one rules folder. All state lives here, so loads are independent of each other
// (LoadRuleSet keeps nothing between calls). The phases run in order: ReadFiles, then
// LoadReferenceData (country groups, HS tables, scoring, name matching, which rules refer to),
// then CompileRules, then Finish.
class Loader {
 public:
  Loader(const RulesFolder& folder, RuleSet* rule_set, Diagnostics* diagnostics)
      : folder_(folder), rule_set_(rule_set), diagnostics_(diagnostics) {}

  // Reads and parses every `*.textproto` file; false when there is none.
  bool ReadFiles();
  void LoadReferenceData();
  void CompileRules();
  void Finish(size_t errors_before);

 private:
  void AddError(const SourcePos& pos, std::string message) {
    diagnostics_->push_back({pos, std::move(message)});
  }
  // Reads a file of the folder, adding it to the digest. On failure, returns the error and adds
  // nothing.
  Status ReadConfined(const std::string& path, std::string* contents);
  void LoadCountryGroups(const ParsedFile& file);
  void LoadHsTables(const ParsedFile& file);
  void LoadListConfigs(const ParsedFile& file);
  void LoadSingletons(const ParsedFile& file);
  void CompileRule(const ParsedFile& file, int index);

  const RulesFolder& folder_;
  RuleSet* rule_set_;
  Diagnostics* diagnostics_;
  Sha256 digest_;
  std::vector<std::unique_ptr<ParsedFile>> files_;
  // Positions holding a non-finite number: the range check of the same field would only repeat
  // the finding there, so Finish keeps the first diagnostic at each.
  std::set<std::tuple<std::string, int, int>> non_finite_at_;
  std::map<std::string, rules::CountryGroup> groups_;
  std::map<std::string, std::vector<HsEntry>> hs_tables_;
  std::map<std::string, SourcePos> list_ids_;
  const ParsedFile* scoring_file_ = nullptr;
  const ParsedFile* name_matching_file_ = nullptr;
  const ParsedFile* profile_file_ = nullptr;
  std::map<std::string, SourcePos> rule_ids_;
  int enabled_rules_ = 0;  // rules written without `disabled: true`, compiled or not
  bool all_files_parsed_ = true;
};

Status Loader::ReadConfined(const std::string& path, std::string* contents) {
  std::string key;
  Status status = folder_.Read(path, contents, &key);
  if (status.ok()) AddToDigest(key, *contents, &digest_);
  return status;
}

bool Loader::ReadFiles() {
  std::vector<std::string> names;
  Status listed = folder_.ListRuleFiles(&names);
  if (!listed.ok()) {
    AddError(SourcePos{folder_.directory(), 0, 0}, listed.message());
    return false;
  }
  if (names.empty()) {
    AddError(SourcePos{folder_.directory(), 0, 0}, "no *.textproto rule files");
    return false;
  }
  for (const std::string& relative : names) {
    auto parsed = std::make_unique<ParsedFile>();
    parsed->relative = relative;
    parsed->name = folder_.DisplayName(relative);
    Status status = ReadConfined(relative, &parsed->text);
    if (!status.ok()) {
      AddError(SourcePos{parsed->name, 0, 0},
               status.IsNotFound() ? "cannot read file" : status.message());
      all_files_parsed_ = false;
      continue;
    }
    TextFormatErrors collector(parsed->name, diagnostics_);
    TextFormat::Parser parser;
    parser.RecordErrorsTo(&collector);
    parser.WriteLocationsTo(&parsed->tree);
    if (!parser.ParseFromString(parsed->text, &parsed->content)) {
      all_files_parsed_ = false;
      continue;
    }
    size_t before = diagnostics_->size();
    CheckFiniteNumbers(parsed->content, parsed->Root(), diagnostics_);
    // The walk goes in field-number order; report in the order of the text.
    std::stable_sort(diagnostics_->begin() + static_cast<std::ptrdiff_t>(before),
                     diagnostics_->end(), [](const Diagnostic& a, const Diagnostic& b) {
                       return std::make_pair(a.pos.line, a.pos.column) <
                              std::make_pair(b.pos.line, b.pos.column);
                     });
    for (size_t i = before; i < diagnostics_->size(); ++i) {
      const SourcePos& pos = (*diagnostics_)[i].pos;
      non_finite_at_.emplace(pos.file, pos.line, pos.column);
    }
    rule_set_->files.push_back(parsed->name);
    files_.push_back(std::move(parsed));
  }
  return true;
}

void Loader::LoadHsTables(const ParsedFile& file) {
  FieldLocator root = file.Root();
  for (int i = 0; i < file.content.hs_table_size(); ++i) {
    const rules::HsTable& table = file.content.hs_table(i);
    FieldLocator at = root.Nested("hs_table", i);
    if (table.source().empty()) {
      AddError(at.self(), "hs_table \"" + table.name() + "\" names no source");
    }
    if (hs_tables_.count(table.name())) {
      AddError(at.At("name"), "duplicate hs_table \"" + table.name() + "\"");
      continue;
    }
    std::vector<HsEntry>& entries = hs_tables_[table.name()];
    std::string contents;
    Status status = ReadConfined(table.path(), &contents);
    if (!status.ok()) {
      AddError(at.At("path"), CannotRead("HS table", table.path(), status));
      continue;
    }
    ParseHsTable(folder_.DisplayName(table.path()), contents, at.At("path"), &entries,
                 diagnostics_);
  }
}

void Loader::LoadCountryGroups(const ParsedFile& file) {
  FieldLocator root = file.Root();
  for (int i = 0; i < file.content.country_group_size(); ++i) {
    const rules::CountryGroup& group = file.content.country_group(i);
    FieldLocator at = root.Nested("country_group", i);
    CheckCountryGroup(group, at, diagnostics_);
    CheckDateRange(group.effective_from(), group.effective_to(), at, diagnostics_);
    for (int m = 0; m < group.members_size(); ++m) {
      const rules::GroupMember& member = group.members(m);
      FieldLocator member_at = at.Nested("members", m);
      bool country = member.code().size() == 2 && IsKnownCountryCode(member.code());
      if (!country && !IsRegionCodeShape(member.code())) {
        AddError(member_at.At("code"),
                 "not an ISO 3166-1 country or 3166-2 region code \"" + member.code() + "\"");
      }
      if (member.source().empty()) {
        AddError(member_at.self(), "member \"" + member.code() + "\" names no source");
      }
      CheckDateRange(member.effective_from(), member.effective_to(), member_at, diagnostics_);
    }
    if (!groups_.emplace(group.name(), group).second) {
      AddError(at.At("name"), "duplicate country group \"" + group.name() + "\"");
      continue;
    }
    if (!group.place_table().empty()) {
      std::string contents;
      Status status = ReadConfined(group.place_table(), &contents);
      if (!status.ok()) {
        AddError(at.At("place_table"), CannotRead("place table", group.place_table(), status));
        continue;
      }
      ParsePlaceTable(folder_.DisplayName(group.place_table()), contents, at.At("place_table"),
                      &rule_set_->group_places[group.name()], diagnostics_);
    }
  }
}

// The blocks a rules folder may set once: name_matching, scoring and profile.
void Loader::LoadSingletons(const ParsedFile& file) {
  FieldLocator root = file.Root();
  if (file.content.has_profile()) {
    if (profile_file_ != nullptr) {
      AddError(root.At("profile"), "profile is already set in " + profile_file_->name);
    } else {
      profile_file_ = &file;
      rule_set_->profile = file.content.profile();
      rule_set_->has_profile = true;
      CheckProfile(rule_set_->profile, root.Nested("profile"), diagnostics_);
    }
  }
  if (file.content.has_name_matching()) {
    if (name_matching_file_ != nullptr) {
      AddError(root.At("name_matching"),
               "name_matching is already set in " + name_matching_file_->name);
    } else {
      name_matching_file_ = &file;
      rule_set_->name_matching = file.content.name_matching();
      CheckNameMatching(rule_set_->name_matching, root.Nested("name_matching"), diagnostics_);
    }
  }
  if (file.content.has_scoring()) {
    if (scoring_file_ != nullptr) {
      AddError(root.At("scoring"), "scoring is already set in " + scoring_file_->name);
    } else {
      scoring_file_ = &file;
      rule_set_->scoring = file.content.scoring();
      CheckScoring(rule_set_->scoring, root.Nested("scoring"), diagnostics_);
    }
  }
}

// `list { ... }` blocks: one per list id in the whole folder.
void Loader::LoadListConfigs(const ParsedFile& file) {
  FieldLocator root = file.Root();
  for (int i = 0; i < file.content.list_size(); ++i) {
    const rules::ListConfig& list = file.content.list(i);
    FieldLocator at = root.Nested("list", i);
    if (list.id().empty()) {
      AddError(at.self(), "list names no id");
      continue;
    }
    if (list.max_age_days() < 0) {
      AddError(at.At("max_age_days"), "max_age_days must be 0 (no limit) or more");
    }
    for (int p = 0; p < list.program_measures_size(); ++p) {
      const rules::ProgramMeasure& program = list.program_measures(p);
      FieldLocator program_at = at.Nested("program_measures", p);
      if (program.program().empty())
        AddError(program_at.self(), "program_measures names no program");
      if (program.measure() == rules::MEASURE_UNSPECIFIED) {
        AddError(program_at.self(), "program \"" + program.program() + "\" has no measure");
      }
    }
    if (auto [it, inserted] = list_ids_.emplace(list.id(), at.At("id")); !inserted) {
      AddError(at.At("id"), "list \"" + list.id() + "\" is already configured at " +
                                it->second.file + ":" + std::to_string(it->second.line));
      continue;
    }
    rule_set_->lists[list.id()] = list;
  }
}

void Loader::LoadReferenceData() {
  for (const auto& file : files_) {
    LoadListConfigs(*file);
    LoadCountryGroups(*file);
    LoadHsTables(*file);
    LoadSingletons(*file);
  }
  // Not when a file could not be parsed: it may be the one that sets it (from a review,
  // 2026-12-07: a syntax error in scoring.textproto also said "no file sets `scoring`").
  if (scoring_file_ == nullptr && !files_.empty() && all_files_parsed_) {
    AddError(SourcePos{folder_.directory(), 0, 0}, "no file sets `scoring`");
  }
}

void Loader::CompileRule(const ParsedFile& file, int index) {
  // A const regex is safe to share between threads; nothing here is mutated after its
  // (thread-safe) initialisation.
  static const std::regex kRuleId("[a-z][a-z0-9_]*");
  const rules::Rule& rule = file.content.rule(index);
  FieldLocator at = file.Root().Nested("rule", index);
  size_t rule_errors = diagnostics_->size();
  if (!rule.disabled()) ++enabled_rules_;
  if (!std::regex_match(rule.id(), kRuleId)) {
    AddError(at.At("id"), "rule id \"" + rule.id() + "\" must be lower_snake_case");
  } else if (auto [it, inserted] = rule_ids_.emplace(rule.id(), at.At("id")); !inserted) {
    AddError(at.At("id"), "duplicate rule id \"" + rule.id() + "\" (first defined at " +
                              it->second.file + ":" + std::to_string(it->second.line) + ")");
  }
  if (rule.description().empty()) {
    AddError(at.self(), "rule \"" + rule.id() + "\" has no description");
  }
  if (!InRange(rule.weight(), 0, 100)) {
    AddError(at.At("weight"), "weight must be between 0 and 100");
  }
  if (rule.category() == CATEGORY_UNSPECIFIED) {
    AddError(at.self(), "rule \"" + rule.id() + "\" has no category");
  }
  const google::protobuf::FieldDescriptor* kind =
      rule.kind_case() == rules::Rule::KIND_NOT_SET
          ? nullptr
          : rules::Rule::descriptor()->FindFieldByNumber(rule.kind_case());
  RuleCompileContext context{groups_,
                             hs_tables_,
                             kind ? at.Nested(kind->name()) : at,
                             diagnostics_,
                             [this](const std::string& path, std::string* contents) {
                               return ReadConfined(path, contents);
                             },
                             [this](const std::string& path) { return folder_.DisplayName(path); }};
  context.lists = &rule_set_->lists;
  context.profile = rule_set_->has_profile ? &rule_set_->profile : nullptr;
  context.group_places = &rule_set_->group_places;
  context.some_files_unread = !all_files_parsed_;
  std::unique_ptr<CompiledRule> compiled = corridor::CompileRule(rule, context);
  // Dates and exemptions belong to the rule, whatever its kind: located at the rule's block.
  RuleCompileContext rule_context = context;
  rule_context.locator = at;
  compiled = ApplyRuleTerms(rule, std::move(compiled), rule_context);
  if (diagnostics_->size() != rule_errors || compiled == nullptr || rule.disabled()) return;
  // The rule's position is recorded relative to the rules folder (it goes into the output's
  // header), so that where the folder lives changes nothing in the output.
  SourcePos pos = at.self();
  pos.file = file.relative;
  rule_set_->rules.push_back(LoadedRule{rule, std::move(compiled), pos});
}

void Loader::CompileRules() {
  for (const auto& file : files_) {
    for (int i = 0; i < file->content.rule_size(); ++i) CompileRule(*file, i);
  }
}

void Loader::Finish(size_t errors_before) {
  // A folder whose rules are all disabled would screen every shipment CLEAR. (When a file could
  // not be read or parsed its rules are unknown, and that file's diagnostic says enough.)
  if (enabled_rules_ == 0 && all_files_parsed_)
    AddError(SourcePos{folder_.directory(), 0, 0}, "no enabled rules");
  if (!non_finite_at_.empty()) {
    std::set<std::tuple<std::string, int, int>> reported;
    Diagnostics kept(diagnostics_->begin(), diagnostics_->begin() + errors_before);
    for (size_t i = errors_before; i < diagnostics_->size(); ++i) {
      const SourcePos& pos = (*diagnostics_)[i].pos;
      std::tuple<std::string, int, int> key{pos.file, pos.line, pos.column};
      if (non_finite_at_.count(key) && !reported.insert(key).second) continue;
      kept.push_back(std::move((*diagnostics_)[i]));
    }
    *diagnostics_ = std::move(kept);
  }
  rule_set_->digest = digest_.HexDigest();
}

}  // namespace

bool LoadRuleSet(const std::string& directory, RuleSet* rule_set, Diagnostics* diagnostics) {
  size_t errors_before = diagnostics->size();
  *rule_set = RuleSet();
  RulesFolder folder;
  Status opened = RulesFolder::Open(directory, &folder);
  if (!opened.ok()) {
    diagnostics->push_back({SourcePos{directory, 0, 0}, opened.message()});
    return false;
  }
  Loader loader(folder, rule_set, diagnostics);
  if (!loader.ReadFiles()) return false;
  loader.LoadReferenceData();
  loader.CompileRules();
  loader.Finish(errors_before);
  return diagnostics->size() == errors_before;
}

}  // namespace corridor

namespace corridor {

Status CheckListAges(const RuleSet& rule_set, const std::vector<LoadedListVersion>& lists,
                     const std::string& as_of, std::vector<DataProblem>* problems) {
  std::optional<int64_t> today = DayNumber(as_of);
  std::vector<std::string> stale;
  for (const LoadedListVersion& list : lists) {
    auto config = rule_set.lists.find(list.list_id);
    if (config == rule_set.lists.end() || config->second.max_age_days() <= 0 || !today) continue;
    int max_age = config->second.max_age_days();
    std::optional<int64_t> version = DayNumber(list.version);
    std::string message;
    if (!version) {
      // A limit that cannot be checked is itself a problem: the list's age is unknown.
      message = "version \"" + list.version + "\" is not a date; cannot check max_age_days " +
                std::to_string(max_age);
    } else if (*today - *version > max_age) {
      message = "list is " + std::to_string(*today - *version) + " days old on " + as_of +
                ", more than its max_age_days " + std::to_string(max_age);
    } else {
      continue;
    }
    problems->push_back({"list_source", list.list_id, "version", message});
    stale.push_back(list.list_id);
  }
  if (!stale.empty() && rule_set.has_profile && rule_set.profile.refuse_stale_lists()) {
    return Status::Refused("lists too old for the profile (refuse_stale_lists): " +
                           Join(stale, ", ") + "; update them or raise max_age_days");
  }
  return Status::Ok();
}

}  // namespace corridor
