// Rule preparation on helper threads (engine/screen/rule_preparation.h): the rules whose
// preparation only reads the input are prepared beside the entity screening, each on whichever
// helper claims it first; the stream must not depend on that: the same bytes at any --threads,
// and the problems the rules note in the header in rule order.
#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <functional>
#include <memory>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "engine/config/rule_set.h"
#include "engine/generate/generate.h"
#include "engine/output/score_stream.h"
#include "engine/screen/rule_preparation.h"
#include "engine/screen/screen_run.h"
#include "tests/test_util.h"

namespace corridor {
namespace {

using testing::MakeDatabase;
using testing::MakeRules;
using testing::ReadText;
using testing::TempDir;

Status Screen(const std::string& db, const std::string& rules, const std::string& out, int threads,
              size_t entity_cache = ScreenOptions().entity_cache_size) {
  ScreenOptions options;
  options.db_path = db;
  options.rules_dir = rules;
  options.out_path = out;
  options.as_of = "2026-01-15";
  options.threads = threads;
  options.entity_cache_size = entity_cache;
  ScreenReport report;
  return RunScreen(options, &report);
}

// A generated company database (ownership chains, addresses, a few listed parties) with three
// list entries, and two shipments of our own: one to a company 60% owned by a listed bank, one to
// a company at the listed bank's address. Returns its path.
std::string GeneratedWorld(const TempDir& dir) {
  std::string db = MakeDatabase(dir, R"(
INSERT INTO list_source (list_id, version) VALUES ('ofac-sdn', 'test'), ('uflpa', 'test');
INSERT INTO list_entry (list_id, entry_id, kind, name) VALUES
  ('ofac-sdn', '29299', 'company', 'XINJIANG PRODUCTION AND CONSTRUCTION CORPS'),
  ('ofac-sdn', '17013', 'company', 'VTB BANK PUBLIC JOINT STOCK COMPANY'),
  ('uflpa', 'U1', 'company', 'Xinjiang Daqo New Energy Co., Ltd.');
)");
  GenerateOptions generate;
  generate.db_path = db;
  generate.shipments = 1500;
  generate.entities = 300;
  generate.seed = 11;
  generate.listed_share = 0.03;
  GenerateReport generated;
  REQUIRE(GenerateDatabase(generate, &generated).ok());
  std::unique_ptr<Database> writable;
  REQUIRE(Database::OpenWritable(db, &writable).ok());
  const char* ours = R"(
INSERT INTO list_address (list_id, entry_id, address, city, country)
  VALUES ('ofac-sdn', '17013', '43 Vorontsovskaya Street, building 1', 'Moscow', 'RU');
INSERT INTO entity (entity_id, kind, name, country, address) VALUES
  ('T-OWNER', 'company', 'VTB Bank Public Joint Stock Company', 'RU', NULL),
  ('T-SUB', 'company', 'Steppe Leasing LLP', 'KZ', NULL),
  ('T-ADDR', 'company', 'Vorontsovo Trade LLC', 'RU', 'Moscow, Vorontsovskaya st. 43, bld. 1');
INSERT INTO ownership (owner_id, owned_id, share) VALUES ('T-OWNER', 'T-SUB', 60);
INSERT INTO shipment (shipment_id, shipped_on, origin_country, destination_country) VALUES
  ('T-S1', '2025-11-10', 'CN', 'KZ'), ('T-S2', '2025-11-10', 'CN', 'RU');
INSERT INTO shipment_party VALUES ('T-S1', 'T-SUB', 'consignee'), ('T-S2', 'T-ADDR', 'consignee');
INSERT INTO shipment_item (shipment_id, line, hs_code, description) VALUES
  ('T-S1', 1, '9403.30', 'Office furniture'), ('T-S2', 1, '9403.30', 'Office furniture');
)";
  REQUIRE(writable->Execute(ours).ok());
  return db;
}

TEST_CASE("Prepared on helper threads, the bundled rules give the same bytes at any --threads",
          "[rule-preparation]") {
  TempDir dir;
  std::string db = GeneratedWorld(dir);
  std::string rules = testing::SourceFile("rules");
  std::string first;
  for (int threads : {1, 2, 3, 1, 2}) {
    std::string out = dir.File("out" + std::to_string(threads) + ".scores");
    Status status = Screen(db, rules, out, threads);
    INFO(status.message());
    REQUIRE(status.ok());
    std::string bytes = ReadText(out);
    if (first.empty()) first = bytes;
    INFO("threads " << threads);
    CHECK(bytes == first);
  }
}

TEST_CASE("The bundled rules give the same bytes whether the run numbers its entities or not",
          "[rule-preparation]") {
  // With the default entity cache the run reads and numbers every entity up front, and the facts,
  // the ownership closure and nodes, the shared-address memo and the stream find them by number
  // (docs/performance.md, "Entities numbered once"); with a cache of one entity it reads none up
  // front and every lookup goes by id.
  TempDir dir;
  std::string db = GeneratedWorld(dir);
  std::string rules = testing::SourceFile("rules");
  std::string by_number = dir.File("numbered.scores"), by_id = dir.File("by_id.scores");
  REQUIRE(Screen(db, rules, by_number, 2).ok());
  REQUIRE(Screen(db, rules, by_id, 2, 1).ok());
  const std::string bytes = ReadText(by_number);
  CHECK(bytes.size() > 100000);
  CHECK(bytes == ReadText(by_id));
  // The two shipments of our own reach the ownership and address rules.
  std::unique_ptr<ScoreReader> reader;
  REQUIRE(ScoreReader::Open(by_number, &reader).ok());
  std::set<std::string> hits;
  scores::ScoreRecord record;
  while (reader->Next(&record)) {
    if (!record.has_shipment()) continue;
    for (const auto& hit : record.shipment().hits())
      hits.insert(record.shipment().shipment_id() + " " + hit.rule_id());
  }
  CHECK(hits.count("T-S1 owned_by_sdn") == 1);
  CHECK(hits.count("T-S2 shared_address_with_listed_party") == 1);
}

// A database without a payment table, and rules where six rules note a run problem while
// preparing (the third-country payer flag is off), among rules prepared on the run's thread and
// other history scans. Returns the rules folder; `expected` gets the six ids in rule order.
std::string NotingWorld(const TempDir& dir, std::string* db, std::vector<std::string>* expected) {
  *db = MakeDatabase(dir, R"(
DROP TABLE payment;
INSERT INTO entity (entity_id, kind, name, country) VALUES ('E-1', 'company', 'Blue River', 'CN');
INSERT INTO shipment (shipment_id, destination_country, shipped_on) VALUES ('S-1', 'KZ', '2025-03-01');
INSERT INTO shipment_party VALUES ('S-1', 'E-1', 'consignee');
INSERT INTO shipment_item (shipment_id, line, hs_code, value, quantity, unit)
  VALUES ('S-1', 1, '8542.31', 100, 2, 'pcs');
)");
  std::string rule_text = std::string(testing::kTestScoring) + R"(
hs_table { name: "chips" path: "chips.csv" source: "test" }
)";
  for (int i = 0; i < 6; ++i) {
    std::string id = "payer_" + std::to_string(i);
    expected->push_back(id);
    rule_text += "rule { id: \"" + id +
                 "\" description: \"d\" category: EXPORT_CONTROL weight: 5 red_flag { flag: "
                 "THIRD_COUNTRY_PAYER hs_table: \"chips\" } }\n";
    rule_text += "rule { id: \"history_" + std::to_string(i) +
                 "\" description: \"d\" category: EXPORT_CONTROL weight: 5 red_flag { flag: " +
                 (i % 2 ? "VOLUME_JUMP" : "LOW_UNIT_VALUE") + " hs_table: \"chips\" } }\n";
    rule_text += "rule { id: \"dest_" + std::to_string(i) +
                 "\" description: \"d\" category: EXPORT_CONTROL weight: 5 red_flag { flag: "
                 "FINAL_DESTINATION_DIFFERS } }\n";
  }
  return MakeRules(dir, {{"rules.textproto", rule_text},
                         {"chips.csv", "hs_code,tier,description\n854231,Tier 1,chips\n"}});
}

TEST_CASE("Problems noted while preparing are in rule order at any --threads",
          "[rule-preparation]") {
  TempDir dir;
  std::string db;
  std::vector<std::string> expected;
  std::string rules = NotingWorld(dir, &db, &expected);
  for (int threads : {1, 2, 4, 8}) {
    std::string out = dir.File("out.scores");
    Status status = Screen(db, rules, out, threads);
    INFO(status.message());
    REQUIRE(status.ok());
    std::unique_ptr<ScoreReader> reader;
    REQUIRE(ScoreReader::Open(out, &reader).ok());
    scores::ScoreRecord record;
    REQUIRE(reader->Next(&record));
    std::vector<std::string> noted;
    for (const auto& problem : record.header().problems()) noted.push_back(problem.row_id());
    INFO("threads " << threads);
    CHECK(noted == expected);
  }
}

// The run's resources as far as these rules need them: the input and the date.
class PlainResources : public RunResources {
 public:
  explicit PlainResources(Database* db) : db_(db) {}
  Status Ownership(const OwnershipWorld** world) override {
    (void)world;
    return Status::Error("no ownership in this test");
  }
  const std::string& as_of() const override { return as_of_; }
  void NoteRunProblem(DataProblem problem) override { noted.push_back(problem.row_id); }
  Database* input() override { return db_; }
  std::vector<std::string> noted;

 private:
  Database* db_;
  std::string as_of_ = "2026-01-15";
};

// NotingWorld's rules loaded and its database open, for preparing by hand.
struct NotingPreparation {
  explicit NotingPreparation(const TempDir& dir) {
    rules = NotingWorld(dir, &db_path, &expected);
    Diagnostics diagnostics;
    REQUIRE(LoadRuleSet(rules, &rule_set, &diagnostics));
    REQUIRE(Database::OpenReadOnly(db_path, &db).ok());
  }
  std::string db_path, rules;
  std::vector<std::string> expected;
  RuleSet rule_set;
  std::unique_ptr<Database> db;
};

TEST_CASE("Helpers that cannot open the database leave every rule to the run's thread",
          "[rule-preparation]") {
  TempDir dir;
  NotingPreparation world(dir);
  PlainResources resources(world.db.get());
  RulePreparation preparation(&world.rule_set);
  preparation.Start(dir.File("missing.db"), "2026-01-15", 2);
  Status status = preparation.Finish(&resources);
  INFO(status.message());
  REQUIRE(status.ok());
  CHECK(resources.noted == world.expected);
}

TEST_CASE("Rules that read the same history build it once per run", "[rule-preparation]") {
  // Three VOLUME_JUMP rules on one goods table: one consignee-history scan, whichever thread
  // prepares them and whether or not helpers run.
  TempDir dir;
  NotingPreparation world(dir);
  for (const std::string& helper_db : {world.db_path, dir.File("missing.db")}) {
    PlainResources resources(world.db.get());
    RulePreparation preparation(&world.rule_set);
    preparation.Start(helper_db, "2026-01-15", 2);
    REQUIRE(preparation.Finish(&resources).ok());
    CHECK(preparation.shared().builds() == 1);
  }
}

TEST_CASE("A shared table is built once for all threads and its failure reaches each",
          "[rule-preparation]") {
  RunShared shared;
  std::atomic<int> builds{0};
  std::function<Status(std::vector<int>*)> build = [&](std::vector<int>* table) {
    builds.fetch_add(1);
    std::this_thread::sleep_for(std::chrono::milliseconds(20));  // the others arrive meanwhile
    table->assign({1, 2, 3});
    return Status::Ok();
  };
  std::vector<std::shared_ptr<const std::vector<int>>> got(6);
  std::vector<Status> statuses(got.size());
  std::vector<std::thread> threads;
  for (size_t i = 0; i < got.size(); ++i) {
    // Catch2's assertions are not thread-safe: the threads only record.
    threads.emplace_back(
        [&, i] { statuses[i] = shared.Get<std::vector<int>>("a", build, &got[i]); });
  }
  for (std::thread& thread : threads) thread.join();
  for (const Status& status : statuses) CHECK(status.ok());
  CHECK(builds == 1);
  for (const auto& table : got) {
    REQUIRE(table != nullptr);
    CHECK(table.get() == got[0].get());
    CHECK(*table == std::vector<int>{1, 2, 3});
  }
  std::shared_ptr<const std::vector<int>> other;
  REQUIRE(shared.Get<std::vector<int>>("b", build, &other).ok());
  CHECK(builds == 2);  // another key, another table
  CHECK(other.get() != got[0].get());
  std::function<Status(std::vector<int>*)> failing = [&](std::vector<int>*) {
    builds.fetch_add(1);
    return Status::Error("disk I/O error");
  };
  for (int i = 0; i < 2; ++i) {
    std::shared_ptr<const std::vector<int>> none;
    Status status = shared.Get<std::vector<int>>("c", failing, &none);
    CHECK(status.message() == "disk I/O error");
    CHECK(none == nullptr);
  }
  CHECK(builds == 3);
  CHECK(shared.builds() == 3);
}

}  // namespace
}  // namespace corridor
