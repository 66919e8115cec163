// corridor check-rules, screen and explain.
#include <algorithm>
#include <ctime>
#include <iostream>
#include <set>
#include <thread>

#include "engine/base/strings.h"
#include "engine/cli/commands.h"
#include "engine/cli/subcommands.h"
#include "engine/config/rule_set.h"
#include "engine/output/explain.h"
#include "engine/output/score_stream.h"
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

}  // namespace

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
      "progress", po::bool_switch(&progress), "report progress on stderr every 100,000 shipments")(
      "threads", po::value<int>(&screen.threads),
      "threads that evaluate rules (default: the machine's cores, at most 8); the output is the "
      "same for any number")("entity-cache", po::value<size_t>(&screen.entity_cache_size),
                             "entities whose list matches are kept in memory (default 200000)");
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
  // Before anything runs: an output that is the input database, or a FIFO or device, is refused
  // with nothing touched.
  Status out_checked = CheckOutputPath(screen.out_path, {screen.db_path});
  if (!out_checked.ok()) return Fail("screen", out_checked);
  if (table) std::cout << TableHeader();
  int64_t written = 0;
  screen.on_shipment = [&](const scores::ShipmentScore& score) {
    if (table) std::cout << TableRow(score);
    if (progress && ++written % 100000 == 0) {
      std::cerr << "corridor screen: " << written << " shipments screened\n";
    }
  };
  ScreenReport report;
  Status status = RunScreen(screen, &report);
  if (!status.ok()) return Fail("screen", status);
  std::cerr << "corridor screen: " << ExplainSummary(report.summary);
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
  std::string format = "text";
  options.add_options()("help,h", "show this help")(
      "format", po::value<std::string>(&format),
      "text (default), csv (one row per hit), json or html (a printable case report)")(
      "scores", po::value<std::string>(&scores_path)->required(), "scores file written by screen")(
      "shipment", po::value<std::vector<std::string>>(&shipment_ids)->composing(),
      "explain only this shipment (repeatable)")(
      "table", po::bool_switch(&table), "one line per shipment instead of the full explanation");
  po::variables_map values;
  int exit_code = kExitOk;
  if (!ParseOptions("explain", options, args, &values, &exit_code)) return exit_code;
  if (format != "text") {
    if (table) return Fail("explain", Status::Usage("--table is for --format text only"));
    return RunExplainFormat(format, scores_path, shipment_ids);  // explain_format_command.cc
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
