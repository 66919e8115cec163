// The promises the engine makes about itself (README "Promises", docs/architecture.md): a rule
// only drives the decisions it owns, the output does not depend on threads or cache sizes, a
// party that cannot be screened is never cleared, and mistakes never look like success.
#include <catch2/catch.hpp>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "engine/output/explain.h"
#include "engine/output/score_stream.h"
#include "engine/screen/screen_run.h"
#include "tests/test_util.h"

namespace corridor {
namespace {

using testing::MakeDatabase;
using testing::MakeRules;
using testing::ReadText;
using testing::TempDir;

// A watch list with one sanctioned company, and parties whose names resemble it only loosely
// ("SBER VOSTOK TRADING LLP" scores between 0.5 and the 0.80 default against "SBER VOSTOK
// LLP"), as owner, as supplier and as consignee.
const char* kLooseWorld = R"(
INSERT INTO list_source (list_id, version) VALUES ('wl', 'test');
INSERT INTO list_entry (list_id, entry_id, kind, name, programs)
  VALUES ('wl', '1', 'company', 'SBER VOSTOK LLP', 'RUSSIA-EO14024');
INSERT INTO entity (entity_id, kind, name, country) VALUES
  ('E-LOOSE', 'company', 'VOSTOK SBYT TRADING LLP', 'KZ'),
  ('E-SUB', 'company', 'ALMATY GENERAL SUPPLY', 'KZ'),
  ('E-CLEAN', 'company', 'KARACHI TEXTILE MILLS', 'PK');
INSERT INTO ownership (owner_id, owned_id, share) VALUES ('E-LOOSE', 'E-SUB', 100);
INSERT INTO shipment (shipment_id, destination_country) VALUES
  ('S-OWNED', 'KZ'), ('S-SUPPLIER', 'US'), ('S-DIRECT', 'KZ'), ('S-CLEAN', 'PK');
INSERT INTO shipment_party VALUES
  ('S-OWNED', 'E-SUB', 'consignee'), ('S-OWNED', 'E-CLEAN', 'shipper'),
  ('S-SUPPLIER', 'E-LOOSE', 'shipper'), ('S-SUPPLIER', 'E-CLEAN', 'consignee'),
  ('S-DIRECT', 'E-LOOSE', 'consignee'), ('S-DIRECT', 'E-CLEAN', 'shipper'),
  ('S-CLEAN', 'E-CLEAN', 'consignee');
INSERT INTO shipment_item (shipment_id, line, hs_code) VALUES
  ('S-OWNED', 1, '520100'), ('S-SUPPLIER', 1, '520100'), ('S-DIRECT', 1, '520100'),
  ('S-CLEAN', 1, '520100');
)";

// Every rule kind that reads list matches, each at its default threshold and with a floor above
// REVIEW.
const char* kStrictRules = R"(
rule { id: "listed" description: "listed" category: SECONDARY_SANCTIONS weight: 95
  decision_floor: BLOCK listed_party { lists: ["wl"] } }
rule { id: "owned" description: "owned" category: SECONDARY_SANCTIONS weight: 90
  decision_floor: BLOCK owned_by_listed_party { lists: ["wl"] } }
rule { id: "supplier" description: "supplier" category: FORCED_LABOUR weight: 60
  decision_floor: HOLD forced_labour { entity_lists: ["wl"] entity_weight: 60 } }
rule { id: "sql_match" description: "sql" category: SECONDARY_SANCTIONS weight: 70
  decision_floor: HOLD sql { query: "SELECT 'matched ' || entry_name AS summary FROM list_match" } }
rule { id: "sql_owned" description: "sql" category: SECONDARY_SANCTIONS weight: 70
  decision_floor: HOLD
  sql { query: "SELECT 'owned ' || entity_id AS summary FROM OWNERSHIP WHERE status = 'blocked'" } }
)";

const char* kLooseRule = R"(
rule { id: "loose" description: "loose names, review only" category: SECONDARY_SANCTIONS
  weight: 10 decision_floor: REVIEW listed_party { lists: ["wl"] min_score: 0.5 } }
)";

struct Screened {
  Status status;
  std::map<std::string, scores::ShipmentScore> shipments;
  std::string bytes;  // the whole output file
};

Screened Screen(const TempDir& dir, const std::string& db, const std::string& rules_text,
                int threads = 1, size_t cache = 200000, const std::string& name = "out") {
  std::string rules =
      MakeRules(dir, {{"r.textproto", std::string(testing::kTestScoring) + rules_text}});
  ScreenOptions options;
  options.db_path = db;
  options.rules_dir = rules;
  options.out_path = dir.File(name + ".scores");
  options.as_of = "2025-12-01";
  options.threads = threads;
  options.entity_cache_size = cache;
  Screened result;
  ScreenReport report;
  result.status = RunScreen(options, &report);
  std::filesystem::remove_all(rules);
  if (!result.status.ok()) return result;
  result.bytes = ReadText(options.out_path);
  std::unique_ptr<ScoreReader> reader;
  REQUIRE(ScoreReader::Open(options.out_path, &reader).ok());
  scores::ScoreRecord record;
  while (reader->Next(&record)) {
    if (record.has_shipment())
      result.shipments[record.shipment().shipment_id()] = record.shipment();
  }
  return result;
}

TEST_CASE("A review-only rule never creates a hold or block anywhere else", "[integrity]") {
  // Before: the name screener ran at the least threshold of any listed_party rule, and the
  // ownership, forced-labour and SQL rules used every match it returned.
  TempDir dir;
  std::string db = MakeDatabase(dir, kLooseWorld);
  Screened strict = Screen(dir, db, kStrictRules, 1, 200000, "strict");
  REQUIRE(strict.status.ok());
  Screened loose = Screen(dir, db, std::string(kStrictRules) + kLooseRule, 1, 200000, "loose");
  REQUIRE(loose.status.ok());
  // The loose rule does see the weak match (else this test would prove nothing).
  bool loose_hit = false;
  for (const auto& [id, score] : loose.shipments) {
    for (const auto& hit : score.hits()) loose_hit |= hit.rule_id() == "loose";
  }
  REQUIRE(loose_hit);
  for (const auto& [id, score] : loose.shipments) {
    INFO("shipment " << id);
    const scores::ShipmentScore& before = strict.shipments.at(id);
    CHECK(score.decision() <= std::max<int>(before.decision(), REVIEW));
    for (const auto& hit : score.hits()) {
      if (hit.rule_id() == "loose") continue;
      bool was_there = false;
      for (const auto& old : before.hits()) was_there |= old.rule_id() == hit.rule_id();
      CHECK(was_there);
    }
  }
}

TEST_CASE("Each rule's own min_name_score lets it use weaker matches on purpose", "[integrity]") {
  TempDir dir;
  std::string db = MakeDatabase(dir, kLooseWorld);
  Screened run = Screen(dir, db, R"(
rule { id: "owned" description: "owned" category: SECONDARY_SANCTIONS weight: 90
  decision_floor: BLOCK owned_by_listed_party { lists: ["wl"] min_name_score: 0.5 } }
rule { id: "supplier" description: "supplier" category: FORCED_LABOUR weight: 60
  decision_floor: HOLD forced_labour { entity_lists: ["wl"] entity_weight: 60 min_name_score: 0.5 } }
)");
  REQUIRE(run.status.ok());
  CHECK(run.shipments.at("S-OWNED").decision() == BLOCK);
  CHECK(run.shipments.at("S-SUPPLIER").decision() == HOLD);
  CHECK(run.shipments.at("S-CLEAN").decision() == CLEAR);
}

// Several hundred shipments in many batches of 64; parties repeat across batches, and one
// entity's name cannot be screened: "LLP" is only a legal form (its problem must be on every
// shipment that names it).
std::string ManyShipments() {
  std::string sql = R"(
INSERT INTO list_source (list_id, version) VALUES ('wl', 'test');
INSERT INTO list_entry (list_id, entry_id, kind, name, programs)
  VALUES ('wl', '1', 'company', 'SBER VOSTOK LLP', 'RUSSIA-EO14024');
INSERT INTO entity (entity_id, kind, name, country) VALUES
  ('E-BAD', 'company', 'LLP', 'KZ'),
  ('E-LISTED', 'company', 'Sber Vostok LLP', 'KZ');
)";
  for (int e = 0; e < 40; ++e) {
    sql += "INSERT INTO entity (entity_id, kind, name, country) VALUES ('E" + std::to_string(e) +
           "', 'company', 'Trading House Number " + std::to_string(e) + "', 'KZ');\n";
  }
  for (int s = 0; s < 420; ++s) {
    std::string id = "S" + std::to_string(1000 + s);
    sql += "INSERT INTO shipment (shipment_id, destination_country) VALUES ('" + id + "', 'KZ');\n";
    sql += "INSERT INTO shipment_party VALUES ('" + id + "', 'E" + std::to_string(s % 40) +
           "', 'consignee');\n";
    sql += "INSERT INTO shipment_party VALUES ('" + id + "', 'E" + std::to_string((s * 7) % 40) +
           "', 'shipper');\n";
    if (s % 13 == 0) sql += "INSERT INTO shipment_party VALUES ('" + id + "', 'E-BAD', 'buyer');\n";
    if (s % 17 == 0) {
      sql += "INSERT INTO shipment_party VALUES ('" + id + "', 'E-LISTED', 'notify');\n";
    }
  }
  return sql;
}

TEST_CASE("Output is byte-identical for any thread count and entity cache size", "[integrity]") {
  // Before: name-screening problems were attached only where a worker's cache missed, so which
  // shipment carried them depended on scheduling and cache size; and --entity-cache 1 read
  // freed memory (run this test under ASan: CORRIDOR_SANITIZE=1 bash tests/run.sh).
  TempDir dir;
  std::string db = MakeDatabase(dir, ManyShipments());
  const char* rules = R"(
rule { id: "listed" description: "listed" category: SECONDARY_SANCTIONS weight: 95
  decision_floor: BLOCK listed_party { lists: ["wl"] } }
)";
  Screened reference = Screen(dir, db, rules, 1, 200000, "reference");
  REQUIRE(reference.status.ok());
  REQUIRE(reference.shipments.size() == 420);
  int named_bad = 0;
  std::string bad_problems;
  for (const auto& [id, score] : reference.shipments) {
    std::string problems;
    for (const auto& p : score.problems()) {
      if (p.row_id() == "E-BAD") problems += p.message() + ";";
    }
    if (!problems.empty()) {
      if (bad_problems.empty()) bad_problems = problems;
      CHECK(problems == bad_problems);  // the same on every shipment naming the entity
      ++named_bad;
    }
  }
  for (int threads : {1, 2, 5}) {
    for (size_t cache : {size_t{1}, size_t{7}, size_t{200000}}) {
      INFO("threads " << threads << ", entity cache " << cache);
      Screened run = Screen(dir, db, rules, threads, cache,
                            "t" + std::to_string(threads) + "c" + std::to_string(cache));
      REQUIRE(run.status.ok());
      CHECK(run.bytes == reference.bytes);
    }
  }
  if (!bad_problems.empty()) CHECK(named_bad == 33);  // shipments 0, 13, 26, ... of 420
}

TEST_CASE("A party that cannot be screened is not cleared", "[integrity]") {
  // Before: sample S-17 named party E-MISSING, which is not in the entity table: CLEAR 10.
  TempDir dir;
  std::string db = MakeDatabase(dir, R"(
INSERT INTO list_source (list_id, version) VALUES ('wl', 'test');
INSERT INTO list_entry (list_id, entry_id, kind, name) VALUES ('wl', '1', 'company', 'SBER VOSTOK LLP');
INSERT INTO entity (entity_id, kind, name, country) VALUES
  ('E-OK', 'company', 'Karachi Textile Mills', 'PK'),
  ('E-NONAME', 'company', '', 'PK');
INSERT INTO shipment (shipment_id, destination_country) VALUES ('S-MISSING', 'PK'),
  ('S-NONAME', 'PK'), ('S-OK', 'PK');
INSERT INTO shipment_party VALUES ('S-MISSING', 'E-MISSING', 'consignee'),
  ('S-MISSING', 'E-OK', 'shipper'), ('S-NONAME', 'E-NONAME', 'consignee'),
  ('S-OK', 'E-OK', 'consignee');
)");
  const char* rules = R"(
rule { id: "listed" description: "listed" category: SECONDARY_SANCTIONS weight: 95
  decision_floor: BLOCK listed_party { lists: ["wl"] } }
)";
  Screened run = Screen(dir, db, rules);
  REQUIRE(run.status.ok());
  const scores::ShipmentScore& missing = run.shipments.at("S-MISSING");
  CHECK(missing.decision() == REVIEW);
  REQUIRE(missing.hits_size() == 1);
  CHECK(missing.hits(0).rule_id() == "unscreenable_party");
  CHECK(missing.hits(0).evidence(0).summary() ==
        "consignee E-MISSING cannot be screened: its entity is not in the entity table");
  CHECK(run.shipments.at("S-NONAME").decision() == REVIEW);
  CHECK(run.shipments.at("S-OK").decision() == CLEAR);

  SECTION("the floor is configurable, and CLEAR switches it off") {
    for (auto [floor, worst] : {std::pair<const char*, Decision>{"HOLD", HOLD}, {"CLEAR", CLEAR}}) {
      INFO("unscreenable_party_floor " << floor);
      std::string scoring = testing::kTestScoring;
      scoring.insert(scoring.rfind('}'), std::string(" unscreenable_party_floor: ") + floor + "\n");
      std::string folder = MakeRules(dir, {{"r.textproto", scoring + rules}});
      ScreenOptions options;
      options.db_path = db;
      options.rules_dir = folder;
      options.out_path = dir.File(std::string(floor) + ".scores");
      options.as_of = "2025-12-01";
      ScreenReport report;
      REQUIRE(RunScreen(options, &report).ok());
      CHECK(report.worst == worst);
    }
  }
}

TEST_CASE("Screening a shipment the database does not hold is an error", "[integrity]") {
  // Before: `screen --shipment S-999` exited 0 with an empty file.
  TempDir dir;
  std::string db = MakeDatabase(dir, R"(
INSERT INTO shipment (shipment_id, destination_country) VALUES ('S-1', 'PK');
)");
  std::string rules = MakeRules(dir, {{"r.textproto", std::string(testing::kTestScoring) + R"(
rule { id: "pk" description: "pk" category: SECURITY weight: 10
  jurisdiction { subjects: [DESTINATION] countries: ["PK"] } }
)"}});
  testing::CommandResult result = testing::RunCorridor(
      dir, "screen --db " + db + " --rules " + rules + " --out " + dir.File("o.scores") +
               " --shipment S-1 --shipment S-999 --as-of 2025-12-01");
  CHECK(result.exit_code == 1);
  CHECK(result.err.find("no shipment with id 'S-999'") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir.File("o.scores")));
}

}  // namespace
}  // namespace corridor

namespace corridor {
namespace {

TEST_CASE("A list name that cannot be screened is a problem in the stream header", "[integrity]") {
  // Before: ListNameScreener::Load ignored the index's problems; the name vanished.
  TempDir dir;
  std::string db = MakeDatabase(dir, R"(
INSERT INTO list_source (list_id, version) VALUES ('wl', 'test');
INSERT INTO list_entry (list_id, entry_id, kind, name) VALUES
  ('wl', '1', 'company', 'SBER VOSTOK LLP'), ('wl', '2', 'company', 'OOO');
INSERT INTO shipment (shipment_id, destination_country) VALUES ('S-1', 'KZ');
)");
  std::string rules = MakeRules(dir, {{"r.textproto", std::string(testing::kTestScoring) + R"(
rule { id: "listed" description: "listed" category: SECONDARY_SANCTIONS weight: 95
  decision_floor: BLOCK listed_party { lists: ["wl"] } }
)"}});
  ScreenOptions options;
  options.db_path = db;
  options.rules_dir = rules;
  options.out_path = dir.File("out.scores");
  options.as_of = "2025-12-01";
  ScreenReport report;
  REQUIRE(RunScreen(options, &report).ok());
  std::unique_ptr<ScoreReader> reader;
  REQUIRE(ScoreReader::Open(options.out_path, &reader).ok());
  scores::ScoreRecord record;
  REQUIRE(reader->Next(&record));
  REQUIRE(record.has_header());
  CHECK(record.header().problem_count() == 1);
  REQUIRE(record.header().problems_size() == 1);
  CHECK(record.header().problems(0).table() == "list_entry");
  CHECK(record.header().problems(0).row_id() == "wl:2");
  CHECK_THAT(ExplainHeader(record.header()),
             Catch::Contains("! 1 run problems (list names that can match nothing") &&
                 Catch::Contains("! list_entry wl:2 name: 'OOO' cannot be screened"));
}

}  // namespace
}  // namespace corridor

namespace corridor {
namespace {

TEST_CASE("screen's exit codes: 0 done, 1 setup error, 2 usage, 3 --fail-on met", "[integrity]") {
  TempDir dir;
  std::string db = MakeDatabase(dir, R"(
INSERT INTO shipment (shipment_id, destination_country) VALUES ('S-1', 'PK'), ('S-2', 'KZ');
)");
  std::string rules = MakeRules(dir, {{"r.textproto", std::string(testing::kTestScoring) + R"(
rule { id: "pk" description: "pk" category: SECURITY weight: 30
  jurisdiction { subjects: [DESTINATION] countries: ["PK"] } }
)"}});
  const std::string base = "screen --db " + db + " --rules " + rules + " --as-of 2025-12-01";
  CHECK(testing::RunCorridor(dir, base + " --out " + dir.File("a.scores")).exit_code == 0);
  CHECK(testing::RunCorridor(dir, base + " --out " + dir.File("b.scores") + " --fail-on review")
            .exit_code == 3);
  CHECK(testing::RunCorridor(dir, base + " --out " + dir.File("c.scores") + " --fail-on block")
            .exit_code == 0);
  CHECK(testing::RunCorridor(dir, base + " --out " + dir.File("d.scores") + " --fail-on maybe")
            .exit_code == 2);
  CHECK(testing::RunCorridor(dir, base + " --out " + dir.File("e.scores") + " --bogus").exit_code ==
        2);
  CHECK(testing::RunCorridor(dir, "screen --db " + dir.File("missing.db") + " --rules " + rules +
                                      " --as-of 2025-12-01 --out " + dir.File("f.scores"))
            .exit_code == 1);
  CHECK_FALSE(std::filesystem::exists(dir.File("f.scores")));
  // The output is the input: refused before anything is touched.
  std::string before = ReadText(db);
  CHECK(testing::RunCorridor(dir, base + " --out " + db).exit_code == 1);
  CHECK(ReadText(db) == before);
}

}  // namespace
}  // namespace corridor

namespace corridor {
namespace {

TEST_CASE("ownership --list names a list the database must hold", "[integrity]") {
  // Before: an unknown list counted no blocked owners and the answer looked clean.
  TempDir dir;
  std::string db = MakeDatabase(dir, R"(
INSERT INTO list_source (list_id, version) VALUES ('wl', 'test');
INSERT INTO entity (entity_id, kind, name, country) VALUES ('E-1', 'company', 'Almaty Supply', 'KZ');
)");
  testing::CommandResult unknown =
      testing::RunCorridor(dir, "ownership --db " + db + " --entity E-1 --list no-such-list");
  CHECK(unknown.exit_code == 1);
  CHECK_THAT(unknown.err, Catch::Contains("no list 'no-such-list'"));
  CHECK(testing::RunCorridor(dir, "ownership --db " + db + " --entity E-1 --list wl").exit_code ==
        0);
}

}  // namespace
}  // namespace corridor

namespace corridor {
namespace {

TEST_CASE("A party whose name the matcher refuses is not cleared", "[integrity]") {
  // docs/reliability.md "Names": a name over 4,096 bytes or 128 words, or one the normaliser
  // cannot use (only a legal form), is refused with a problem, and its party gets the
  // unscreenable_party floor. Each name here holds the listed name, so a silent skip would turn a
  // listed party into CLEAR.
  std::string many_words = "SBER VOSTOK LLP";
  for (int i = 0; i < 130; ++i) many_words += " w" + std::to_string(i);
  const std::string many_bytes = "SBER VOSTOK LLP " + std::string(4100, 'q');
  TempDir dir;
  std::string db = MakeDatabase(dir, R"(
INSERT INTO list_source (list_id, version) VALUES ('wl', 'test');
INSERT INTO list_entry (list_id, entry_id, kind, name) VALUES ('wl', '1', 'company', 'SBER VOSTOK LLP');
INSERT INTO entity (entity_id, kind, name, country) VALUES
  ('E-WORDS', 'company', ')" + many_words +
                                         R"(', 'KZ'),
  ('E-BYTES', 'company', ')" + many_bytes +
                                         R"(', 'KZ'),
  ('E-FORM', 'company', 'OOO', 'KZ'),
  ('E-OK', 'company', 'Karachi Textile Mills', 'PK');
INSERT INTO shipment (shipment_id, destination_country) VALUES
  ('S-WORDS', 'KZ'), ('S-BYTES', 'KZ'), ('S-FORM', 'KZ'), ('S-OK', 'PK');
INSERT INTO shipment_party VALUES ('S-WORDS', 'E-WORDS', 'consignee'),
  ('S-BYTES', 'E-BYTES', 'consignee'), ('S-FORM', 'E-FORM', 'consignee'),
  ('S-OK', 'E-OK', 'consignee');
)");
  const char* rules = R"(
rule { id: "listed" description: "listed" category: SECONDARY_SANCTIONS weight: 95
  decision_floor: BLOCK listed_party { lists: ["wl"] } }
)";
  Screened run = Screen(dir, db, rules);
  REQUIRE(run.status.ok());
  for (const char* id : {"S-WORDS", "S-BYTES", "S-FORM"}) {
    INFO(id);
    const scores::ShipmentScore& shipment = run.shipments.at(id);
    CHECK(shipment.decision() == REVIEW);
    bool unscreenable = false, problem = false;
    for (const auto& hit : shipment.hits()) {
      if (hit.rule_id() != "unscreenable_party") continue;
      unscreenable = true;
      REQUIRE(hit.evidence_size() == 1);
      CHECK_THAT(hit.evidence(0).summary(), Catch::Contains("cannot be screened"));
    }
    for (const auto& data_problem : shipment.problems()) {
      if (data_problem.table() == "entity" && data_problem.column() == "name") problem = true;
    }
    CHECK(unscreenable);
    CHECK(problem);
  }
  CHECK(run.shipments.at("S-OK").decision() == CLEAR);

  // --fail-on review counts an unscreenable party like any other review (docs/scoring.md).
  std::string folder =
      MakeRules(dir, {{"r.textproto", std::string(testing::kTestScoring) + rules}});
  const std::string base = "screen --db " + db + " --rules " + folder + " --as-of 2025-12-01";
  CHECK(testing::RunCorridor(
            dir, base + " --shipment S-FORM --fail-on review --out " + dir.File("form.scores"))
            .exit_code == 3);
  CHECK(testing::RunCorridor(
            dir, base + " --shipment S-OK --fail-on review --out " + dir.File("ok.scores"))
            .exit_code == 0);
}

}  // namespace
}  // namespace corridor
