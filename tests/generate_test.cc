// corridor generate: determinism, counts, refusals, and a generated database that screens
// against the bundled rules folder with mostly CLEAR decisions.
#include <catch2/catch.hpp>
#include <string>

#include "engine/base/sha256.h"
#include "engine/generate/generate.h"
#include "engine/screen/screen_run.h"
#include "tests/test_util.h"

namespace corridor {
namespace {

using testing::TempDir;

std::string FileDigest(const std::string& path) {
  Sha256 digest;
  digest.Update(testing::ReadText(path));
  return digest.HexDigest();
}

GenerateOptions Options(const std::string& path, uint64_t seed = 7) {
  GenerateOptions options;
  options.db_path = path;
  options.shipments = 300;
  options.entities = 120;
  options.seed = seed;
  return options;
}

int64_t Count(const std::string& db_path, const std::string& sql) {
  std::unique_ptr<Database> db;
  REQUIRE(Database::OpenReadOnly(db_path, &db).ok());
  std::unique_ptr<Statement> query;
  REQUIRE(db->Prepare(sql, &query).ok());
  REQUIRE(query->Step());
  return query->Int(0);
}

TEST_CASE("generate: same seed gives the same bytes, another seed other bytes", "[generate]") {
  TempDir dir;
  GenerateReport report;
  REQUIRE(GenerateDatabase(Options(dir.File("a.db")), &report).ok());
  REQUIRE(GenerateDatabase(Options(dir.File("b.db")), &report).ok());
  REQUIRE(GenerateDatabase(Options(dir.File("c.db"), 8), &report).ok());
  CHECK(FileDigest(dir.File("a.db")) == FileDigest(dir.File("b.db")));
  CHECK(FileDigest(dir.File("a.db")) != FileDigest(dir.File("c.db")));
}

TEST_CASE("generate: row counts match the arguments and the report", "[generate]") {
  TempDir dir;
  std::string path = dir.File("g.db");
  GenerateReport report;
  REQUIRE(GenerateDatabase(Options(path), &report).ok());
  CHECK(report.shipments == 300);
  CHECK(Count(path, "SELECT count(*) FROM shipment") == 300);
  CHECK(Count(path, "SELECT count(*) FROM entity") == 120);
  CHECK(Count(path, "SELECT count(*) FROM entity WHERE kind = 'person'") == report.persons);
  CHECK(Count(path, "SELECT count(*) FROM ownership") == report.ownership_links);
  CHECK(report.ownership_links > 0);
  CHECK(Count(path, "SELECT count(*) FROM shipment_party") == report.parties);
  CHECK(Count(path, "SELECT count(*) FROM shipment_item") == report.items);
  CHECK(Count(path, "SELECT count(*) FROM shipment_leg") == report.legs);
  // Every shipment: a shipper and a consignee, 1-5 items, 1-6 legs numbered from 1, dated 2025.
  CHECK(Count(path,
              "SELECT count(*) FROM shipment s WHERE (SELECT count(*) FROM shipment_party p "
              "WHERE p.shipment_id = s.shipment_id AND role IN ('shipper', 'consignee')) <> 2 "
              "OR (SELECT count(*) FROM shipment_item i WHERE i.shipment_id = s.shipment_id) "
              "NOT BETWEEN 1 AND 5 OR (SELECT count(*) FROM shipment_leg l WHERE l.shipment_id "
              "= s.shipment_id) NOT BETWEEN 1 AND 6 OR shipped_on NOT LIKE '2025-__-__'") == 0);
  CHECK(Count(path,
              "SELECT count(*) FROM (SELECT shipment_id FROM shipment_leg GROUP BY "
              "shipment_id HAVING max(seq) <> count(*) OR min(seq) <> 1)") == 0);
  // Every party and owner is an entity.
  CHECK(Count(path,
              "SELECT count(*) FROM shipment_party WHERE entity_id NOT IN "
              "(SELECT entity_id FROM entity)") == 0);
  CHECK(Count(path,
              "SELECT count(*) FROM ownership WHERE owner_id NOT IN (SELECT entity_id "
              "FROM entity) OR owned_id NOT IN (SELECT entity_id FROM entity)") == 0);
}

TEST_CASE("generate: refuses a file with company records unless forced, bad options are usage",
          "[generate]") {
  TempDir dir;
  std::string path = dir.File("g.db");
  GenerateReport report;
  REQUIRE(GenerateDatabase(Options(path), &report).ok());
  Status again = GenerateDatabase(Options(path, 9), &report);
  CHECK(again.IsRefused());
  CHECK(again.message().find("--force") != std::string::npos);
  testing::WriteText(dir.File("notes.txt"), "not a database");
  CHECK(GenerateDatabase(Options(dir.File("notes.txt")), &report).IsRefused());
  CHECK(testing::ReadText(dir.File("notes.txt")) == "not a database");

  GenerateOptions forced = Options(path, 9);
  forced.force = true;
  REQUIRE(GenerateDatabase(forced, &report).ok());
  GenerateReport fresh;
  REQUIRE(GenerateDatabase(Options(dir.File("fresh.db"), 9), &fresh).ok());
  CHECK(FileDigest(path) == FileDigest(dir.File("fresh.db")));

  GenerateOptions bad = Options(dir.File("bad.db"));
  bad.entities = 3;
  CHECK(GenerateDatabase(bad, &report).IsUsage());
  bad = Options(dir.File("bad.db"));
  bad.listed_share = 1.5;
  CHECK(GenerateDatabase(bad, &report).IsUsage());

  auto result = testing::RunCorridor(dir, "generate --db " + dir.File("cli.db") + " --entities 50");
  CHECK(result.exit_code == 2);
  result = testing::RunCorridor(dir, "generate --db " + path + " --shipments 5 --entities 50");
  CHECK(result.exit_code == 1);
  CHECK(result.err.find("use --force") != std::string::npos);

  // From a review, 2026-12-08: a count no machine can hold was "internal error: std::bad_alloc"
  // with a schema-only file left behind, and --seed -1 was read as 2^64-1. Usage errors now,
  // and no file is written.
  result = testing::RunCorridor(
      dir, "generate --db " + dir.File("huge.db") + " --shipments 5 --entities 99999999999999");
  CHECK(result.exit_code == 2);
  CHECK(result.err.find("--entities must be between 10 and 20000000") != std::string::npos);
  CHECK(!std::filesystem::exists(dir.File("huge.db")));
  result = testing::RunCorridor(
      dir, "generate --db " + dir.File("huge.db") + " --shipments 100000001 --entities 50");
  CHECK(result.exit_code == 2);
  CHECK(!std::filesystem::exists(dir.File("huge.db")));
  for (const char* seed : {"-1", "1.5", "", "12x"}) {
    INFO(seed);
    result = testing::RunCorridor(dir, "generate --db " + dir.File("seed.db") +
                                           " --shipments 5 --entities 50 --seed '" + seed + "'");
    CHECK(result.exit_code == 2);
    CHECK(result.err.find("--seed must be a whole number") != std::string::npos);
    CHECK(!std::filesystem::exists(dir.File("seed.db")));
  }
}

// The documented order: lists first (`init`/`import-list`), then `generate --db` the same file.
// The bundled rules need the ofac-sdn and uflpa lists; a few rows stand in for them here.
TEST_CASE("generate: a database with lists screens against the bundled rules, mostly CLEAR",
          "[generate]") {
  TempDir dir;
  std::string path = testing::MakeDatabase(dir, R"(
INSERT INTO list_source (list_id, version) VALUES ('ofac-sdn', 'test'), ('uflpa', 'test');
INSERT INTO list_entry (list_id, entry_id, kind, name) VALUES
  ('ofac-sdn', '29220', 'person', 'CHEN, Quanguo'),
  ('ofac-sdn', '29299', 'company', 'XINJIANG PRODUCTION AND CONSTRUCTION CORPS'),
  ('ofac-sdn', '36427', 'company', 'SBER VOSTOK LIMITED LIABILITY PARTNERSHIP'),
  ('ofac-sdn', '17013', 'company', 'VTB BANK PUBLIC JOINT STOCK COMPANY'),
  ('uflpa', 'U1', 'company', 'Xinjiang Daqo New Energy Co., Ltd.');
)");
  GenerateOptions options = Options(path);
  options.entities = 200;
  options.listed_share = 0.05;  // 10 entities: enough for a few listed parties on 300 shipments
  GenerateReport generated;
  REQUIRE(GenerateDatabase(options, &generated).ok());
  CHECK(generated.names_from_database);
  CHECK(generated.listed_entities == 10);
  CHECK(Count(path, "SELECT count(*) FROM list_entry") == 5);  // the lists are kept

  ScreenOptions screen;
  screen.db_path = path;
  screen.rules_dir = testing::SourceFile("rules");
  screen.out_path = dir.File("out.scores");
  screen.as_of = "2026-01-15";
  ScreenReport report;
  Status status = RunScreen(screen, &report);
  INFO(status.message());
  REQUIRE(status.ok());
  const auto& summary = report.summary;
  INFO("clear " << summary.clear() << " review " << summary.review() << " hold " << summary.hold()
                << " block " << summary.block());
  CHECK(summary.shipments() == 300);
  CHECK(summary.data_problems() == 0);
  CHECK(summary.clear() >= 200);  // most clear
  CHECK(summary.review() + summary.hold() + summary.block() >= 1);
}

}  // namespace
}  // namespace corridor
