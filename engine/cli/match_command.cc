// corridor match --db FILE (--name TEXT | --queries FILE) [--rules DIR] [--lists IDS] [--kind K]
//                [--country CC] [--birth-date DATE] [--id NUMBER] [--limit N] [--min-score X]
//                [--format text|json]
//
// Screens one name, or a file of names, against the watch lists of an input database and prints
// the best candidates with their explanation (engine/names/matcher.h). A --queries file holds one
// name a line, or a CSV whose header names the columns name, kind, country, birth_date and
// optionally identifier. A query that cannot be screened (an empty or invalid name) is reported
// in its result block and the batch goes on; for a single --name it is an error (exit 1).
// --min-score outside 0..1 (or not a number) and --limit outside 1..100000 are usage errors
// (exit 2). Scores are shown rounded down (names::FormatScore). JSON is one object a line.
// desk: with --rules, the lists the rules mark ALLOW are never searched (an allow-list is never a
// source of hits), and a query whose name and country equal an allow entry's shows its name
// matches as allowed, not as hits (docs/decisions.md); --lists naming an allow-list is a usage
// error.
#include <time.h>

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <sstream>

#include "engine/base/csv.h"
#include "engine/base/strings.h"
#include "engine/cli/commands.h"
#include "engine/cli/subcommands.h"
#include "engine/config/rule_set.h"
#include "engine/decisions/review_book.h"
#include "engine/names/matcher.h"
#include "engine/names/normalize.h"
#include "engine/store/database.h"

namespace corridor::cli {

namespace po = boost::program_options;

namespace {

struct QueryLine {
  std::string where;  // "file:line"
  names::NameQuery query;
  std::string problem;  // a malformed line
};

// Checks the optional fields of a query; "" when they are well formed.
std::string CheckQueryFields(const names::NameQuery& query) {
  if (!query.country.empty() && !IsKnownCountryCode(query.country)) {
    return "unknown country code \"" + query.country + "\"";
  }
  if (!query.birth_date.empty() && !IsIsoDate(query.birth_date)) {
    return "birth date \"" + query.birth_date + "\" is not YYYY, YYYY-MM or YYYY-MM-DD";
  }
  return "";
}

Status ReadQueries(const std::string& path, std::vector<QueryLine>* queries) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Error(path + ": cannot open");
  std::string first_line;
  std::getline(in, first_line);
  in.clear();
  in.seekg(0);
  std::vector<std::string> header = Split(std::string(Trim(first_line)), ',');
  int name_column = -1, kind_column = -1, country_column = -1, birth_column = -1, id_column = -1;
  for (size_t i = 0; i < header.size(); ++i) {
    std::string column(Trim(header[i]));
    if (column == "name") name_column = static_cast<int>(i);
    if (column == "kind") kind_column = static_cast<int>(i);
    if (column == "country") country_column = static_cast<int>(i);
    if (column == "birth_date") birth_column = static_cast<int>(i);
    if (column == "identifier") id_column = static_cast<int>(i);
  }
  if (name_column < 0) {  // one name a line
    std::string line;
    int64_t number = 0;
    while (std::getline(in, line)) {
      ++number;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (Trim(line).empty()) continue;
      QueryLine query;
      query.where = path + ":" + std::to_string(number);
      query.query.name = line;
      queries->push_back(std::move(query));
    }
    return Status::Ok();
  }
  CsvReader reader(&in);
  std::vector<std::string> fields;
  reader.Next(&fields);  // header
  auto cell = [&](int column) {
    return column >= 0 && column < static_cast<int>(fields.size())
               ? std::string(Trim(fields[column]))
               : std::string();
  };
  while (reader.Next(&fields)) {
    QueryLine query;
    query.where = path + ":" + std::to_string(reader.line());
    if (!reader.error().empty()) query.problem = reader.error();
    query.query.name = cell(name_column);
    query.query.kind = cell(kind_column);
    query.query.country = cell(country_column);
    query.query.birth_date = cell(birth_column);
    query.query.identifier = cell(id_column);
    if (query.problem.empty()) query.problem = CheckQueryFields(query.query);
    queries->push_back(std::move(query));
  }
  return Status::Ok();
}

// The lists `rules_dir` marks ALLOW; kExitOk, or the exit code after printing why the rules
// cannot be read.
int ReadAllowLists(const std::string& rules_dir, std::set<std::string>* allow_lists) {
  RuleSet rule_set;
  Diagnostics diagnostics;
  if (!LoadRuleSet(rules_dir, &rule_set, &diagnostics)) {
    for (const Diagnostic& d : diagnostics) std::cerr << d.ToString() << "\n";
    std::cerr << "corridor match: invalid rules in " << rules_dir << "\n";
    return kExitSetupError;
  }
  for (const auto& [list_id, list] : rule_set.lists) {
    if (list.role() == rules::ALLOW) allow_lists->insert(list_id);
  }
  return kExitOk;
}

// CPU time of the process so far (user and system), in seconds.
double ProcessCpuSeconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

// The one-minute load average, or "unknown".
std::string LoadAverage() {
  double load[1] = {0};
  return getloadavg(load, 1) == 1 ? FormatNumber(load[0], 2) : "unknown";
}

// A score or similarity as a JSON number rounded down to two decimals (like the text output).
double JsonScore(double value) { return std::stod(names::FormatScore(value)); }

nlohmann::ordered_json MatchJson(const names::NameMatch& match) {
  nlohmann::ordered_json out = nlohmann::ordered_json::object();
  if (match.record != nullptr) {
    const names::NameRecord& record = *match.record;
    out["list_id"] = record.list_id;
    out["entry_id"] = record.entry_id;
    out["name"] = record.name;
    out["is_alias"] = record.is_alias;
    out["kind"] = record.kind;
    out["programs"] = record.programs;
  }
  out["score"] = JsonScore(match.score);
  out["name_score"] = JsonScore(match.name_score);
  out["decided_by_identifier"] = match.decided_by_identifier;
  const names::MatchExplanation& explanation = match.explanation;
  nlohmann::ordered_json tokens = nlohmann::ordered_json::array();
  for (const names::TokenAlignment& a : explanation.aligned) {
    tokens.push_back({{"query", a.query_words},
                      {"candidate", a.candidate_words},
                      {"similarity", JsonScore(a.similarity)},
                      {"query_weight", a.query_weight},
                      {"candidate_weight", a.candidate_weight}});
  }
  out["tokens"] = std::move(tokens);
  out["unmatched_query"] = explanation.unmatched_query;
  out["unmatched_candidate"] = explanation.unmatched_candidate;
  nlohmann::ordered_json evidence = nlohmann::ordered_json::array();
  for (const names::Evidence& e : explanation.evidence) {
    evidence.push_back({{"field", e.field},
                        {"query", e.query_value},
                        {"list", e.list_value},
                        {"delta", e.delta},
                        {"note", e.note}});
  }
  out["evidence"] = std::move(evidence);
  return out;
}

// desk: the allow entry naming the queried party (same normalised name and country), if any.
std::optional<decisions::ReviewBook::Allowance> AllowedQuery(const decisions::ReviewBook* book,
                                                             const names::NameQuery& query) {
  if (book == nullptr || query.country.empty()) return std::nullopt;
  Entity party;
  party.name = query.name;
  party.country = query.country;
  return book->AllowedParty(party);
}

// Screens one query and prints its block. Returns false when the query could not be screened.
bool ScreenOne(const names::NameIndex& index, const decisions::ReviewBook* book,
               const QueryLine& line, size_t limit, double min_score, bool json,
               std::ostream& out) {
  std::vector<names::NameMatch> matches;
  Status status = line.problem.empty() ? index.Search(line.query, limit, min_score, &matches)
                                       : Status::Error(line.problem);
  const names::NameQuery& q = line.query;
  // An allowed party's name matches are shown as allowed, not as hits; identifier matches are
  // the listed party itself and stay hits.
  const auto allowed = status.ok() ? AllowedQuery(book, q) : std::nullopt;
  auto is_allowed = [&](const names::NameMatch& match) {
    return allowed && !match.decided_by_identifier && !match.identifier_corroborates;
  };
  if (json) {
    nlohmann::ordered_json block = {{"query",
                                     {{"name", q.name},
                                      {"kind", q.kind},
                                      {"country", q.country},
                                      {"birth_date", q.birth_date},
                                      {"identifier", q.identifier}}}};
    if (!line.where.empty()) block["where"] = line.where;
    if (!status.ok()) block["error"] = status.message();
    block["matches"] = nlohmann::ordered_json::array();
    for (const names::NameMatch& match : matches) {
      nlohmann::ordered_json item = MatchJson(match);
      if (is_allowed(match)) {
        item["allowed_by"] = {{"list_id", allowed->list_id},
                              {"entry_id", allowed->entry_id},
                              {"name", allowed->entry_name},
                              {"matched_by", allowed->matched_by}};
      }
      block["matches"].push_back(std::move(item));
    }
    // Names are bytes as given: invalid UTF-8 is written as U+FFFD rather than failing.
    out << block.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
    return status.ok();
  }
  out << "query";
  if (!line.where.empty()) out << " " << line.where;
  out << ": " << q.name;
  std::string facts;
  if (!q.kind.empty()) facts += "kind " + q.kind;
  if (!q.country.empty()) facts += (facts.empty() ? "" : ", ") + ("country " + q.country);
  if (!q.birth_date.empty()) facts += (facts.empty() ? "" : ", ") + ("born " + q.birth_date);
  if (!q.identifier.empty()) facts += (facts.empty() ? "" : ", ") + ("id " + q.identifier);
  if (!facts.empty()) out << " (" << facts << ")";
  out << "\n";
  if (!status.ok()) {
    out << "  error: " << status.message() << "\n\n";
    return false;
  }
  if (matches.empty()) out << "  no list entry scores " << FormatNumber(min_score) << " or more\n";
  for (size_t i = 0; i < matches.size(); ++i) {
    std::string text = names::FormatMatchText(matches[i]);
    out << "  " << (i + 1) << ". " << text;
    if (is_allowed(matches[i])) {
      out << "     allowed by " << allowed->list_id << ":" << allowed->entry_id << " \""
          << allowed->entry_name << "\" (" << allowed->matched_by << "): not a hit\n";
    }
  }
  out << "\n";
  return true;
}

}  // namespace

// The most candidates a query may ask for (--limit).
constexpr size_t kMaxLimit = 100000;

int RunMatch(const std::vector<std::string>& args) {
  po::options_description options("match options");
  std::string db_path, lists, format = "text", queries_path, rules_dir;
  names::NameQuery query;
  size_t limit = 10;
  double min_score = -1;
  options.add_options()("help,h", "show this help")(
      "db", po::value<std::string>(&db_path)->required(), "input database with the watch lists")(
      "rules", po::value<std::string>(&rules_dir),
      "rules folder: its allow-lists (role ALLOW) are not searched and suppress")(
      "lists", po::value<std::string>(&lists), "comma-separated list ids (default: all lists)")(
      "name", po::value<std::string>(&query.name), "the name to screen")(
      "kind", po::value<std::string>(&query.kind),
      "person, company, organization, vessel or aircraft")(
      "country", po::value<std::string>(&query.country), "ISO 3166-1 alpha-2 country code")(
      "birth-date", po::value<std::string>(&query.birth_date), "YYYY, YYYY-MM or YYYY-MM-DD")(
      "id", po::value<std::string>(&query.identifier), "an identifier number (IMO, registration)")(
      "limit", po::value<size_t>(&limit), "most candidates per query (default 10)")(
      "min-score", po::value<double>(&min_score), "lowest score shown (default: the threshold)")(
      "format", po::value<std::string>(&format), "text or json (one JSON object per query)")(
      "queries", po::value<std::string>(&queries_path),
      "a file of queries: one name a line, or a CSV with name,kind,country,birth_date")(
      "stats", "print the index build time and the time per query on standard error");
  po::variables_map values;
  int exit_code = kExitOk;
  if (!ParseOptions("match", options, args, &values, &exit_code)) return exit_code;
  if (values.count("min-score") &&
      !(std::isfinite(min_score) && min_score >= 0 && min_score <= 1)) {
    std::cerr << "corridor match: --min-score must be a number from 0 to 1\n";
    return kExitUsage;
  }
  if (values.count("limit") && (limit < 1 || limit > kMaxLimit)) {
    std::cerr << "corridor match: --limit must be a whole number from 1 to " << kMaxLimit << "\n";
    return kExitUsage;
  }
  if (format != "text" && format != "json") {
    std::cerr << "corridor match: --format must be text or json\n";
    return kExitUsage;
  }
  if (values.count("name") == values.count("queries")) {
    std::cerr << "corridor match: give either --name or --queries\n";
    return kExitUsage;
  }
  std::vector<QueryLine> queries;
  if (values.count("name")) {
    std::string problem = CheckQueryFields(query);
    if (problem.empty()) {
      names::NormalizedName normalized;
      Status check = names::ThreadNameNormalizer().Normalize(query.name, &normalized);
      if (!check.ok()) problem = check.message();
    }
    if (!problem.empty()) {
      std::cerr << "corridor match: --name \"" << query.name << "\": " << problem << "\n";
      return kExitSetupError;
    }
    queries.push_back({"", query, ""});
  } else {
    Status status = ReadQueries(queries_path, &queries);
    if (!status.ok()) {
      std::cerr << "corridor match: " << status.message() << "\n";
      return kExitSetupError;
    }
  }

  std::vector<std::string> list_ids;
  if (!lists.empty()) {
    for (const std::string& id : Split(lists, ',')) list_ids.emplace_back(Trim(id));
  }
  std::set<std::string> allow_lists;
  if (!rules_dir.empty()) {
    int rules_exit = ReadAllowLists(rules_dir, &allow_lists);
    if (rules_exit != kExitOk) return rules_exit;
    for (const std::string& id : list_ids) {
      if (allow_lists.count(id)) {
        std::cerr << "corridor match: --lists " << id << ": an allow-list (role ALLOW in "
                  << rules_dir << ") is never a source of hits\n";
        return kExitUsage;
      }
    }
  } else {
    std::cerr << "corridor match: no --rules: every list is searched as a watch list; give "
                 "--rules DIR to leave out its allow-lists\n";
  }
  std::unique_ptr<Database> db;
  Status status = Database::OpenReadOnly(db_path, &db);
  std::vector<names::NameRecord> records;
  if (status.ok()) status = names::LoadNameRecords(db.get(), list_ids, &records);
  std::erase_if(records, [&](const names::NameRecord& r) { return allow_lists.count(r.list_id); });
  std::unique_ptr<decisions::ReviewBook> book;
  if (status.ok() && !allow_lists.empty()) {
    status = decisions::ReviewBook::Load(db.get(), allow_lists, "", &book);
  }
  if (status.ok() && records.empty()) status = Status::Error(db_path + ": no list entries loaded");
  std::unique_ptr<names::NameIndex> index;
  using Clock = std::chrono::steady_clock;
  const Clock::time_point build_start = Clock::now();
  const double build_start_cpu = ProcessCpuSeconds();
  const size_t record_count = records.size();
  if (status.ok()) status = names::NameIndex::Build(std::move(records), {}, &index);
  const Clock::time_point build_end = Clock::now();
  const double build_end_cpu = ProcessCpuSeconds();
  if (!status.ok()) {
    std::cerr << "corridor match: " << status.message() << "\n";
    return kExitSetupError;
  }
  for (const names::NameProblem& problem : index->problems()) {
    std::cerr << "corridor match: " << db_path << ": " << problem.list_id << " " << problem.entry_id
              << (problem.is_alias ? " alias" : " name") << " '" << problem.name
              << "' cannot be screened: " << problem.reason << "\n";
  }
  if (min_score < 0) min_score = index->options().threshold;
  size_t failed = 0;
  for (const QueryLine& line : queries) {
    if (!ScreenOne(*index, book.get(), line, limit, min_score, format == "json", std::cout)) {
      ++failed;
    }
  }
  std::cout.flush();
  if (values.count("stats")) {
    // Wall clock, output included (written and flushed), list loading excluded.
    auto seconds = [](Clock::duration d) { return std::chrono::duration<double>(d).count(); };
    double searching = seconds(Clock::now() - build_end);
    double searching_cpu = ProcessCpuSeconds() - build_end_cpu;
    std::cerr << "corridor match: index of " << record_count << " names built in "
              << FormatNumber(seconds(build_end - build_start), 3) << " s; " << queries.size()
              << " queries in " << FormatNumber(searching, 3) << " s ("
              << FormatNumber(queries.empty() ? 0 : searching * 1e6 / queries.size(), 1)
              << " us each, output written)\n";
    // CPU time as well: on a shared machine the wall clock measures the load as much as the
    // matcher (one thread, so CPU time is the time one free core would take).
    std::cerr << "corridor match: CPU time: build "
              << FormatNumber(build_end_cpu - build_start_cpu, 3) << " s; queries "
              << FormatNumber(searching_cpu, 3) << " s ("
              << FormatNumber(queries.empty() ? 0 : searching_cpu * 1e6 / queries.size(), 1)
              << " us each); load average " << LoadAverage() << "\n";
  }
  if (failed > 0) {
    std::cerr << "corridor match: " << failed << " of " << queries.size()
              << " queries could not be screened (see their result blocks)\n";
  }
  return kExitOk;
}

}  // namespace corridor::cli
