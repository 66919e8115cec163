// corridor check-rules, screen and explain.

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

#include "engine/base/file.h"
#include "engine/base/strings.h"
#include "engine/cli/commands.h"
#include "engine/cli/progress.h"
#include "engine/cli/subcommands.h"
#include "engine/config/rule_set.h"
#include "engine/output/explain.h"
#include "engine/output/score_stream.h"
#include "engine/screen/facts_file.h"
#include "engine/screen/screen_run.h"

namespace corridor::cli {

namespace po = boost::program_options;

namespace {

std::string TodayUtc() {
  std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buffer[16];
  std::strftime(buffer, sizeof(buffer), "%Y-%m-%d", &utc);
  return buffer;
}

// The machine-readable account of a run for job schedulers (--summary-json): counts per
// decision, problems, timings and the age of each loaded list. Wall-clock facts live here, never
// in the score stream, which stays deterministic.
nlohmann::ordered_json SummaryJson(const ScreenOptions& options, const ScreenReport& report,
                                   const std::string& outcome) {
  const scores::StreamSummary& summary = report.summary;
  nlohmann::ordered_json out;
  out["outcome"] = outcome;
  out["out"] = options.out_path;
  out["as_of"] = options.as_of;
  out["shard"] = options.shard_count > 0 ? std::to_string(options.shard_index) + "/" +
                                               std::to_string(options.shard_count)
                                         : "";
  out["shipments"] = summary.shipments();
  out["decisions"] = {{"clear", summary.clear()},
                      {"review", summary.review()},
                      {"hold", summary.hold()},
                      {"block", summary.block()}};
  out["bytes_by_decision"] = {{"clear", report.bytes_by_decision[CLEAR]},
                              {"review", report.bytes_by_decision[REVIEW]},
                              {"hold", report.bytes_by_decision[HOLD]},
                              {"block", report.bytes_by_decision[BLOCK]}};
  out["data_problems"] = summary.data_problems();
  out["shipments_with_problems"] = summary.shipments_with_problems();
  out["run_problems"] = summary.run_problems_size();
  out["delta"] = {{"since", options.since_path},
                  {"carried_over", report.carried_over},
                  {"rescreened", report.rescreened},
                  {"note", report.delta_note},
                  {"entities_reused", report.entities_reused},
                  {"entities_patched", report.entities_patched},
                  {"list_entries_changed", report.list_entries_changed},
                  {"list_words_changed", report.list_words_changed},
                  {"facts_note", report.facts_note}};
  out["entities_screened"] = report.entities_screened;
  out["names_searched"] = report.names_searched;
  nlohmann::ordered_json steps = nlohmann::ordered_json::object();
  for (const auto& [step, seconds] : report.setup_steps) steps[step] = seconds;
  out["timings_seconds"] = {{"setup", report.setup_seconds},
                            {"setup_steps", steps},
                            {"name_screening_thread_time", report.name_screen_seconds},
                            {"total", report.total_seconds}};
  nlohmann::ordered_json lists = nlohmann::ordered_json::array();
  for (const ListAge& list : report.lists) {
    lists.push_back({{"list_id", list.list_id},
                     {"version", list.version},
                     {"imported_at", list.imported_at},
                     {"age_days", list.age_days}});
  }
  out["lists"] = lists;
  return out;
}

// What a screen run reads and its outputs must never replace: the database, the --since stream
// and its facts file (read as the run starts, replaced only by a rename the run itself makes
// when --out is --since), and every file of the rules folder (rule files, reference tables).
std::vector<std::string> ScreenInputs(const ScreenOptions& screen) {
  std::vector<std::string> inputs = {screen.db_path};
  if (!screen.since_path.empty()) {
    inputs.push_back(screen.since_path);
    inputs.push_back(FactsPathFor(screen.since_path));
  }
  std::error_code error;
  for (auto it = std::filesystem::recursive_directory_iterator(screen.rules_dir, error);
       !error && it != std::filesystem::recursive_directory_iterator(); it.increment(error)) {
    if (it->is_regular_file(error)) inputs.push_back(it->path().string());
  }
  return inputs;
}

// --summary-json is an output too: under the input's name it would replace the database, under
// --out's the scores just written. Returns kExitOk, or the exit code after saying why.
int CheckSummaryPath(const std::string& summary_json, const ScreenOptions& screen,
                     const std::vector<std::string>& inputs) {
  if (summary_json.empty()) return kExitOk;
  std::error_code summary_error, out_error;
  const auto summary_path = std::filesystem::weakly_canonical(summary_json, summary_error);
  const auto out_path = std::filesystem::weakly_canonical(screen.out_path, out_error);
  if (screen.out_path != "-" && !summary_error && !out_error && summary_path == out_path) {
    std::cerr << "corridor screen: --summary-json and --out name the same file\n";
    return kExitUsage;
  }
  Status checked = CheckOutputPath(summary_json, inputs);
  if (!checked.ok()) return Fail("screen", checked);
  // Its folder must take a file before the run: an unwritable summary found after the run left
  // a complete stream and exit 1, which says "nothing written" (since 2026-12-07, from a review).
  std::filesystem::path folder = std::filesystem::path(summary_json).parent_path();
  if (folder.empty()) folder = ".";
  if (access(folder.c_str(), W_OK | X_OK) != 0) {
    return Fail("screen", Status::IoError(summary_json + ": its folder " + folder.string() +
                                          " does not exist or cannot be written"));
  }
  return kExitOk;
}

}  // namespace

bool ParseShard(const std::string& text, int* index, int* count) {
  size_t slash = text.find('/');
  if (slash == std::string::npos || slash == 0 || slash + 1 == text.size()) return false;
  std::string k = text.substr(0, slash), n = text.substr(slash + 1);
  auto digits = [](const std::string& value) {
    return value.size() <= 5 &&
           std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  if (!digits(k) || !digits(n)) return false;
  *index = std::stoi(k);
  *count = std::stoi(n);
  return *count >= 1 && *count <= 10000 && *index >= 1 && *index <= *count;
}

int RunCheckRules(const std::vector<std::string>& args) {
  po::options_description options("check-rules options");
  std::string rules_dir;
  options.add_options()("help,h", "show this help")(
      "rules", po::value<std::string>(&rules_dir)->required(), "rules folder");
  po::variables_map values;
  int exit_code = kExitOk;
  if (!ParseOptions("check-rules", options, args, &values, &exit_code)) return exit_code;

  RuleSet rule_set;
  Diagnostics diagnostics;
  bool ok = LoadRuleSet(rules_dir, &rule_set, &diagnostics);
  for (const Diagnostic& diagnostic : diagnostics) std::cout << diagnostic.ToString() << "\n";
  if (!ok) {
    std::cerr << "corridor check-rules: " << diagnostics.size() << " problem"
              << (diagnostics.size() == 1 ? "" : "s") << " in " << rules_dir << "\n";
    return kExitSetupError;
  }
  std::cout << rules_dir << ": " << rule_set.rules.size() << " rules in " << rule_set.files.size()
            << " files, OK (digest " << rule_set.digest.substr(0, 12) << ")\n";
  return kExitOk;
}

int RunScreen(const std::vector<std::string>& args) {
  po::options_description options("screen options");
  ScreenOptions screen;
  std::string format = "delimited";
  std::string fail_on;
  bool table = false;
  bool progress = false;
  bool quiet = false;
  bool full_evidence = false;
  std::string shard;
  std::string summary_json;
  const std::string entity_cache_help = "entities whose list matches are kept in memory (default " +
                                        std::to_string(ScreenOptions().entity_cache_size) + ")";
  options.add_options()("help,h", "show this help")(
      "db", po::value<std::string>(&screen.db_path)->required(), "input database (read-only)")(
      "rules", po::value<std::string>(&screen.rules_dir)->required(), "rules folder")(
      "out", po::value<std::string>(&screen.out_path)->required(),
      "scores file to write ('-': stdout)")("format", po::value<std::string>(&format),
                                            "delimited (default) or json")(
      "shipment", po::value<std::vector<std::string>>(&screen.shipment_ids)->composing(),
      "screen only this shipment id (repeatable)")(
      "as-of", po::value<std::string>(&screen.as_of),
      "screening date YYYY-MM-DD (default: today, UTC)")(
      "fail-on", po::value<std::string>(&fail_on),
      "exit 3 when a shipment reaches review, hold or block")(
      "table", po::bool_switch(&table), "print a table: shipment, score, decision, top reasons")(
      "progress", po::bool_switch(&progress),
      "kept for older scripts: progress is reported unless --quiet")(
      "quiet", po::bool_switch(&quiet), "no progress on stderr")(
      "summary-json", po::value<std::string>(&summary_json),
      "write counts, problems, timings and list ages as JSON to this file (atomically)")(
      "shard", po::value<std::string>(&shard),
      "screen only shard K of N (K/N, e.g. 2/8); join the shards with `corridor merge`")(
      "full-evidence", po::bool_switch(&full_evidence),
      "write clear shipments with their evidence too (default: compact)")(
      "since", po::value<std::string>(&screen.since_path),
      "previous scores file: screen only what changed since it, carry over the rest")(
      "threads", po::value<int>(&screen.threads),
      "threads that evaluate rules (default: the machine's cores, at most 8); the output is the "
      "same for any number")("entity-cache", po::value<size_t>(&screen.entity_cache_size),
                             entity_cache_help.c_str());
  po::variables_map values;
  int exit_code = kExitOk;
  if (!ParseOptions("screen", options, args, &values, &exit_code)) return exit_code;

  if (!values.count("threads")) {
    screen.threads = static_cast<int>(std::clamp(std::thread::hardware_concurrency(), 1u, 8u));
  } else if (screen.threads < 1 || screen.threads > 64) {
    std::cerr << "corridor screen: --threads must be between 1 and 64\n";
    return kExitUsage;
  }
  if (!ParseScoreFormat(format, &screen.format)) {
    std::cerr << "corridor screen: --format must be delimited or json, got '" << format << "'\n";
    return kExitUsage;
  }
  Decision fail_decision = DECISION_UNSPECIFIED;
  if (!fail_on.empty() && (!ParseDecision(fail_on, &fail_decision) || fail_decision == CLEAR)) {
    std::cerr << "corridor screen: --fail-on must be review, hold or block, got '" << fail_on
              << "'\n";
    return kExitUsage;
  }
  if (screen.as_of.empty()) {
    screen.as_of = TodayUtc();
  } else if (screen.as_of.size() != 10 || !IsIsoDate(screen.as_of)) {
    std::cerr << "corridor screen: --as-of must be a date YYYY-MM-DD, got '" << screen.as_of
              << "'\n";
    return kExitUsage;
  }
  if (table && screen.out_path == "-") {
    std::cerr << "corridor screen: --table needs --out to name a file\n";
    return kExitUsage;
  }
  // Before anything runs: an output that is an input (the database, a rule file, another stream
  // than the --since one it replaces), or a FIFO or device, is refused with nothing touched.
  const std::vector<std::string> inputs = ScreenInputs(screen);  // the rules folder walked once
  std::vector<std::string> out_inputs = inputs;
  if (!screen.since_path.empty()) {  // --out may be --since: the new stream replaces it by rename
    out_inputs.erase(out_inputs.begin() + 1);
  }
  Status out_checked = CheckOutputPath(screen.out_path, out_inputs);
  if (!out_checked.ok()) return Fail("screen", out_checked);
  if (int refused = CheckSummaryPath(summary_json, screen, inputs); refused != kExitOk) {
    return refused;
  }
  // The previous run's summary goes as this run starts: a run killed before it writes its own
  // must not leave one saying "ok" (since 2026-12-07, from a review).
  if (!summary_json.empty()) std::remove(summary_json.c_str());
  screen.full_evidence = full_evidence;
  if (!shard.empty() && !ParseShard(shard, &screen.shard_index, &screen.shard_count)) {
    std::cerr << "corridor screen: --shard must be K/N with 1 <= K <= N <= 10000, got '" << shard
              << "'\n";
    return kExitUsage;
  }
  if (!screen.shipment_ids.empty() && !screen.since_path.empty()) {
    std::cerr << "corridor screen: --since screens every shipment; it cannot be combined with "
                 "--shipment\n";
    return kExitUsage;
  }
  if (table) std::cout << TableHeader();
  Progress reporter = Progress::ForStderr(!quiet && screen.out_path != "-");
  screen.on_start = [&](int64_t total) { reporter.Start(total); };
  screen.on_shipment = [&](const scores::ShipmentScore& score) {
    if (table) std::cout << TableRow(score);
    reporter.Shipment();
  };
  ScreenReport report;
  Status status = RunScreen(screen, &report);
  reporter.Finish();
  if (!summary_json.empty()) {
    std::string text = SummaryJson(screen, report, status.ok() ? "ok" : status.message()).dump(2);
    // A temporary name of its own beside it (never PATH.tmp, which could be an input or --out).
    Status written = WriteFileAtomically(summary_json, text + "\n");
    if (!written.ok()) {
      std::cerr << "corridor screen: " << written.message() << "\n";
      if (status.ok()) return kExitSetupError;
    }
  }
  if (!status.ok()) return Fail("screen", status);
  std::cerr << "corridor screen: " << ExplainSummary(report.summary);
  if (!quiet) {
    std::cerr << "corridor screen: " << report.entities_screened << " entities screened ("
              << report.names_searched << " names, " << report.name_screen_seconds
              << " s thread time), " << report.total_seconds << " s in all";
    if (!screen.since_path.empty()) {
      std::cerr << "; delta: " << report.rescreened << " screened again, " << report.carried_over
                << " carried over"
                << (report.delta_note.empty() ? "" : " (" + report.delta_note + ")") << "; "
                << report.entities_reused << " entities' facts reused, " << report.entities_patched
                << " patched" << (report.facts_note.empty() ? "" : " (" + report.facts_note + ")");
    }
    std::cerr << "\n";
  }
  if (screen.out_path != "-") std::cerr << "corridor screen: wrote " << screen.out_path << "\n";
  if (fail_decision != DECISION_UNSPECIFIED && report.worst >= fail_decision) {
    std::cerr << "corridor screen: at least one shipment reached " << DecisionName(report.worst)
              << " (--fail-on " << fail_on << ")\n";
    return kExitFailOn;
  }
  return kExitOk;
}

int RunExplain(const std::vector<std::string>& args) {
  po::options_description options("explain options");
  std::string scores_path;
  std::vector<std::string> shipment_ids;
  bool table = false;
  std::string format = "text", out_dir;
  options.add_options()("help,h", "show this help")(
      "format", po::value<std::string>(&format),
      "text (default), csv (one row per hit), json or html (a printable case report)")(
      "out-dir", po::value<std::string>(&out_dir),
      "with --format html: write one report per shipment, DIR/SHIPMENT_ID.html")(
      "scores", po::value<std::string>(&scores_path)->required(), "scores file written by screen")(
      "shipment", po::value<std::vector<std::string>>(&shipment_ids)->composing(),
      "explain only this shipment (repeatable)")(
      "table", po::bool_switch(&table), "one line per shipment instead of the full explanation");
  po::variables_map values;
  int exit_code = kExitOk;
  if (!ParseOptions("explain", options, args, &values, &exit_code)) return exit_code;
  if (format != "html" && !out_dir.empty()) {
    return Fail("explain", Status::Usage("--out-dir is for --format html only"));
  }
  if (format != "text") {
    if (table) return Fail("explain", Status::Usage("--table is for --format text only"));
    // The report formats: explain_format_command.cc.
    return RunExplainFormat(format, scores_path, shipment_ids, out_dir);
  }

  std::unique_ptr<ScoreReader> reader;
  Status status = ScoreReader::Open(scores_path, &reader);
  if (!status.ok()) return Fail("explain", status);
  std::set<std::string> wanted(shipment_ids.begin(), shipment_ids.end());
  std::set<std::string> found;
  scores::ScoreRecord record;
  scores::StreamHeader header;
  if (table) std::cout << TableHeader();
  while (reader->Next(&record)) {
    switch (record.record_case()) {
      case scores::ScoreRecord::kHeader:
        header = record.header();
        // Older or newer streams are explained as far as this version knows their fields.
        if (header.engine_version() != CORRIDOR_VERSION) {
          std::cerr << "corridor explain: warning: " << scores_path << " was written by corridor "
                    << (header.engine_version().empty() ? "(unknown version)"
                                                        : header.engine_version())
                    << ", this is " << CORRIDOR_VERSION
                    << "; fields added since may be missing from the explanation\n";
        }
        if (!table) std::cout << ExplainHeader(record.header()) << "\n";
        break;
      case scores::ScoreRecord::kShipment:
        if (!wanted.empty() && wanted.count(record.shipment().shipment_id()) == 0) break;
        found.insert(record.shipment().shipment_id());
        std::cout << (table ? TableRow(record.shipment())
                            : ExplainShipment(record.shipment(), &header) + "\n");
        break;
      case scores::ScoreRecord::kSummary:
        if (wanted.empty()) std::cout << ExplainSummary(record.summary());
        break;
      case scores::ScoreRecord::RECORD_NOT_SET:
        break;
    }
  }
  if (!reader->status().ok()) return Fail("explain", reader->status());
  for (const std::string& id : wanted) {
    if (found.count(id) == 0) {
      std::cerr << "corridor explain: no shipment '" << id << "' in " << scores_path << "\n";
      return kExitSetupError;
    }
  }
  return kExitOk;
}

}  // namespace corridor::cli
