// Golden tests: the bundled samples get the decisions written in samples/expected_decisions.csv,
// and the command line behaves as documented (exit codes, determinism, explain).
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "engine/base/csv.h"
#include "engine/base/strings.h"
#include "engine/incidents/acled_import.h"
#include "engine/output/explain.h"
#include "engine/output/score_stream.h"
#include "engine/store/database.h"
#include "tests/test_util.h"

namespace corridor {
namespace {

using testing::RunCorridor;
using testing::SourceFile;
using testing::TempDir;

// The demo database as samples/demo.sh builds it: the SQL, then the sample incidents.
std::string MakeDemoDatabase(const TempDir& dir) {
  std::string db = testing::MakeDatabase(
      dir, testing::ReadText(SourceFile("samples/corridor_demo.sql")), "demo.db");
  IncidentImportReport report;
  Status status = ImportAcledIncidents(db, SourceFile("samples/incidents_acled.csv"), &report);
  if (!status.ok() || report.rejected != 0)
    throw std::runtime_error("sample incidents: " + status.message());
  return db;
}

std::map<std::string, std::string> ExpectedDecisions() {
  std::ifstream in(SourceFile("samples/expected_decisions.csv"));
  CsvReader reader(&in);
  std::vector<std::string> fields;
  std::map<std::string, std::string> expected;
  while (reader.Next(&fields)) {
    if (fields.size() != 2 || StartsWith(fields[0], "#") || fields[0] == "shipment_id") continue;
    expected[fields[0]] = fields[1];
  }
  return expected;
}

TEST_CASE("Every sample shipment gets its expected decision", "[samples]") {
  TempDir dir;
  std::string db = MakeDemoDatabase(dir);
  auto result = RunCorridor(dir, "screen --db " + db + " --rules " + SourceFile("rules") +
                                     " --out " + dir.File("demo.scores") + " --as-of 2025-12-01");
  REQUIRE(result.exit_code == 0);
  std::unique_ptr<ScoreReader> reader;
  REQUIRE(ScoreReader::Open(dir.File("demo.scores"), &reader).ok());
  std::map<std::string, std::string> actual;
  scores::ScoreRecord record;
  while (reader->Next(&record)) {
    if (record.has_shipment()) {
      actual[record.shipment().shipment_id()] = DecisionName(record.shipment().decision());
    }
  }
  std::map<std::string, std::string> expected = ExpectedDecisions();
  CHECK(expected.size() >= 15);
  CHECK(actual == expected);
}

TEST_CASE("The same inputs give byte-identical output, in both formats", "[samples]") {
  TempDir dir;
  std::string db = MakeDemoDatabase(dir);
  for (std::string format : {"delimited", "json"}) {
    std::string base = "screen --db " + db + " --rules " + SourceFile("rules") +
                       " --as-of 2025-12-01 --format " + format + " --out ";
    REQUIRE(RunCorridor(dir, base + dir.File("a")).exit_code == 0);
    REQUIRE(RunCorridor(dir, base + dir.File("b")).exit_code == 0);
    std::string a = testing::ReadText(dir.File("a"));
    CHECK(!a.empty());
    CHECK(a == testing::ReadText(dir.File("b")));
  }
}

TEST_CASE("Any number of threads gives the same bytes", "[samples]") {
  TempDir dir;
  std::string db = MakeDemoDatabase(dir);
  std::string base = "screen --db " + db + " --rules " + SourceFile("rules") +
                     " --as-of 2025-12-01 --format json --out ";
  REQUIRE(RunCorridor(dir, base + dir.File("one") + " --threads 1").exit_code == 0);
  REQUIRE(RunCorridor(dir, base + dir.File("two") + " --threads 2").exit_code == 0);
  REQUIRE(RunCorridor(dir, base + dir.File("five") + " --threads 5").exit_code == 0);
  std::string one = testing::ReadText(dir.File("one"));
  CHECK(one.size() > 1000);
  CHECK(one == testing::ReadText(dir.File("two")));
  CHECK(one == testing::ReadText(dir.File("five")));
  CHECK(RunCorridor(dir, base + dir.File("none") + " --threads 0").exit_code == 2);
}

TEST_CASE("The fail-on option turns a decision into exit code 3", "[samples]") {
  TempDir dir;
  std::string db = MakeDemoDatabase(dir);
  std::string base = "screen --db " + db + " --rules " + SourceFile("rules") +
                     " --as-of 2025-12-01 --out " + dir.File("s") + " ";
  CHECK(RunCorridor(dir, base + "--fail-on block").exit_code == 3);
  CHECK(RunCorridor(dir, base + "--fail-on review --shipment S-05 --shipment S-06").exit_code == 0);
  CHECK(RunCorridor(dir, base + "--fail-on review --shipment S-08").exit_code == 3);
  CHECK(RunCorridor(dir, base + "--fail-on maybe").exit_code == 2);
}

TEST_CASE("explain prints hits, evidence and data problems", "[samples]") {
  TempDir dir;
  std::string db = MakeDemoDatabase(dir);
  REQUIRE(RunCorridor(dir, "screen --db " + db + " --rules " + SourceFile("rules") +
                               " --as-of 2025-12-01 --out " + dir.File("s"))
              .exit_code == 0);
  auto result = RunCorridor(dir, "explain --scores " + dir.File("s") + " --shipment S-14");
  REQUIRE(result.exit_code == 0);
  CHECK(result.out.find("shipment S-14: block, score 98.24 (severe)") != std::string::npos);
  CHECK(
      result.out.find("bank E-SBV \"Sber Vostok LLP\" matches ofac-sdn entry 36427 \"SBER VOSTOK "
                      "LIMITED LIABILITY PARTNERSHIP\", score 1.00, programs RUSSIA-EO14024 (name "
                      "1.00: sber~sber 1.00, vostok~vostok 1.00") != std::string::npos);
  result = RunCorridor(dir, "explain --scores " + dir.File("s") + " --shipment S-17");
  CHECK(
      result.out.find("! data problem: shipment_item S-17/line 1 hs_code: not an HS code (2 to 10 "
                      "digits): '85A2'") != std::string::npos);
  CHECK(RunCorridor(dir, "explain --scores " + dir.File("s") + " --shipment S-99").exit_code == 1);
}

TEST_CASE("explain names the incidents near a sample route and their factors", "[samples]") {
  TempDir dir;
  std::string db = MakeDemoDatabase(dir);
  REQUIRE(RunCorridor(dir, "screen --db " + db + " --rules " + SourceFile("rules") +
                               " --as-of 2025-12-01 --out " + dir.File("s"))
              .exit_code == 0);
  auto result = RunCorridor(dir, "explain --scores " + dir.File("s") + " --shipment S-41");
  REQUIRE(result.exit_code == 0);
  CHECK(result.out.find("shipment S-41: review, score 38.55 (elevated)") != std::string::npos);
  CHECK(result.out.find("leg 3 Besham (PK-KP; gazetteer \"Besham\" 34.92, 72.87): 1 incident "
                        "within 50 km in the last 730 days, combined factor 0.529 x weight 60 = "
                        "31.72; 2024-03-26 Besham (PK-KP) Explosions/Remote violence: Suicide "
                        "bomb, 7 killed") != std::string::npos);
  CHECK(result.out.find("x targeted 2 (CN: shipper E-CHE) [source: Reuters, 2024-03-26; Dawn, "
                        "2024-03-27]") != std::string::npos);
}

TEST_CASE("Setup errors are one clear line on stderr and exit code 1", "[samples]") {
  TempDir dir;
  auto result = RunCorridor(dir, "screen --db " + dir.File("none.db") + " --rules " +
                                     SourceFile("rules") + " --out " + dir.File("s"));
  CHECK(result.exit_code == 1);
  CHECK(result.err == "corridor screen: " + dir.File("none.db") + ": no such database file\n");
  CHECK(RunCorridor(dir, "screen --db x").exit_code == 2);
  CHECK(RunCorridor(dir, "frobnicate").exit_code == 2);
  auto check = RunCorridor(dir, "check-rules --rules " + SourceFile("rules"));
  CHECK(check.exit_code == 0);
  CHECK(check.out.find(", OK (digest ") != std::string::npos);
}

TEST_CASE("init creates the schema with its version and refuses to overwrite", "[samples]") {
  TempDir dir;
  CHECK(RunCorridor(dir, "init --db " + dir.File("new.db")).exit_code == 0);
  std::unique_ptr<Database> db;
  REQUIRE(Database::OpenReadOnly(dir.File("new.db"), &db).ok());
  int64_t version = 0;
  CHECK(db->UserVersion(&version).ok());
  CHECK(version == kInputSchemaVersion);
  bool has_legs = false;
  CHECK(db->HasTable("shipment_leg", &has_legs).ok());
  CHECK(has_legs);
  CHECK(RunCorridor(dir, "init --db " + dir.File("new.db")).exit_code == 1);
}

}  // namespace
}  // namespace corridor

// --- regimes ---
namespace corridor {
namespace {

// The EU trader's example profile (samples/profiles/eu_trader/) with the bundled rules: the
// shipments it decides differently, or that matter to it, get the decisions in its
// expected_decisions.csv.
TEST_CASE("The EU trader's profile gives its expected decisions", "[samples]") {
  TempDir dir;
  std::string db = MakeDemoDatabase(dir);
  std::string rules = dir.File("eu_rules");
  std::filesystem::copy(SourceFile("rules"), rules, std::filesystem::copy_options::recursive);
  std::filesystem::copy_file(SourceFile("samples/profiles/eu_trader/profile.textproto"),
                             rules + "/profile.textproto",
                             std::filesystem::copy_options::overwrite_existing);
  auto result = RunCorridor(dir, "screen --db " + db + " --rules " + rules + " --out " +
                                     dir.File("eu.scores") + " --as-of 2025-12-01");
  REQUIRE(result.exit_code == 0);
  std::unique_ptr<ScoreReader> reader;
  REQUIRE(ScoreReader::Open(dir.File("eu.scores"), &reader).ok());
  std::ifstream in(SourceFile("samples/profiles/eu_trader/expected_decisions.csv"));
  CsvReader csv(&in);
  std::vector<std::string> fields;
  std::map<std::string, std::string> expected, actual;
  while (csv.Next(&fields)) {
    if (fields.size() != 2 || StartsWith(fields[0], "#") || fields[0] == "shipment_id") continue;
    expected[fields[0]] = fields[1];
  }
  scores::ScoreRecord record;
  while (reader->Next(&record)) {
    if (record.has_shipment() && expected.count(record.shipment().shipment_id())) {
      actual[record.shipment().shipment_id()] = DecisionName(record.shipment().decision());
    }
  }
  CHECK(expected.size() >= 5);
  CHECK(actual == expected);
}

}  // namespace
}  // namespace corridor

namespace corridor {
namespace {

TEST_CASE("The quick start prints the rows README.md shows", "[samples]") {
  // README.md "Quick start" shows the first rows samples/demo.sh prints; they are checked here
  // against a run built as demo.sh builds it (the SQL, the payments, the incidents).
  TempDir dir;
  std::string db = MakeDemoDatabase(dir);
  {
    std::unique_ptr<Database> writable;
    REQUIRE(Database::OpenWritable(db, &writable).ok());
    REQUIRE(writable->Execute(testing::ReadText(SourceFile("samples/corridor_demo_payments.sql")))
                .ok());
  }
  testing::CommandResult result =
      RunCorridor(dir, "screen --db " + db + " --rules " + SourceFile("rules") + " --out " +
                           dir.File("demo.scores") + " --as-of 2025-12-01 --table --quiet");
  REQUIRE(result.exit_code == 0);
  std::set<std::string> printed;
  for (const std::string& line : Split(result.out, '\n')) printed.insert(line);
  // The README's block after "printing:", up to its "..." line.
  std::string readme = testing::ReadText(SourceFile("README.md"));
  size_t block = readme.find("```\n", readme.find("printing:"));
  REQUIRE(block != std::string::npos);
  std::vector<std::string> shown =
      Split(readme.substr(block + 4, readme.find("```", block + 4) - block - 4), '\n');
  int rows = 0;
  for (const std::string& line : shown) {
    if (line.empty() || line == "...") continue;
    INFO(line);
    // A row whose reasons the README cut short ends in "...": its start must match.
    if (line.size() > 5 && line.compare(line.size() - 5, 5, ", ...") == 0) {
      const std::string start = line.substr(0, line.size() - 3);
      CHECK(std::any_of(printed.begin(), printed.end(),
                        [&](const std::string& row) { return StartsWith(row, start); }));
    } else {
      CHECK(printed.count(line) == 1);
    }
    ++rows;
  }
  CHECK(rows >= 3);
}

}  // namespace
}  // namespace corridor

namespace corridor {
namespace {

TEST_CASE("Sample S-15 scores 80.45 as docs/scoring.md works it out", "[samples]") {
  TempDir dir;
  std::string db = MakeDemoDatabase(dir);
  REQUIRE(RunCorridor(dir, "screen --db " + db + " --rules " + SourceFile("rules") +
                               " --as-of 2025-12-01 --shipment S-15 --out " + dir.File("s15"))
              .exit_code == 0);
  std::unique_ptr<ScoreReader> reader;
  REQUIRE(ScoreReader::Open(dir.File("s15"), &reader).ok());
  scores::ScoreRecord record;
  std::vector<std::pair<std::string, double>> contributions;
  double score = -1;
  while (reader->Next(&record)) {
    if (!record.has_shipment()) continue;
    score = record.shipment().score();
    for (const auto& hit : record.shipment().hits()) {
      contributions.emplace_back(hit.rule_id(), hit.contribution());
    }
  }
  CHECK(score == 80.45);
  CHECK(contributions ==
        std::vector<std::pair<std::string, double>>{{"russia_belarus_final_destination", 55},
                                                    {"khorgos_crossing_to_russia", 15.75},
                                                    {"russia_belarus_party", 8.78},
                                                    {"uflpa_forced_labour", 0.92}});
}

}  // namespace
}  // namespace corridor
