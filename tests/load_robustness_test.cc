// The input database under damage and misuse: read errors are never read as "no row", keys of
// any SQL type merge correctly, malformed ids and numbers are data problems, foreign or newer
// databases are refused, and a statement that never ends is stopped by the connection's limits.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>

#include "engine/base/strings.h"
#include "engine/load/input_database.h"
#include "engine/screen/screen_run.h"
#include "engine/store/database.h"
#include "tests/test_util.h"

namespace corridor {
namespace {

using testing::MakeDatabase;
using testing::RunCorridor;
using testing::TempDir;

const char* kRules = R"(
rule { id: "sdn" description: "listed" category: SECONDARY_SANCTIONS weight: 95
  decision_floor: BLOCK listed_party { lists: ["ofac-sdn"] } }
)";

const char* kLists = R"(
INSERT INTO list_source (list_id, version) VALUES ('ofac-sdn', 'test');
INSERT INTO list_entry (list_id, entry_id, name) VALUES ('ofac-sdn', '1', 'CHEN, Quanguo');
)";

struct Run {
  Status status;
  std::vector<scores::ScoreRecord> records;
};

Run Screen(const TempDir& dir, const std::string& db) {
  ScreenOptions options;
  options.db_path = db;
  options.rules_dir =
      testing::MakeRules(dir, {{"r.textproto", std::string(testing::kTestScoring) + kRules}});
  options.out_path = dir.File("out.scores");
  options.as_of = "2025-12-01";
  Run run;
  ScreenReport report;
  run.status = RunScreen(options, &report);
  if (run.status.ok()) {
    std::unique_ptr<ScoreReader> reader;
    REQUIRE(ScoreReader::Open(options.out_path, &reader).ok());
    scores::ScoreRecord record;
    while (reader->Next(&record)) run.records.push_back(record);
  }
  return run;
}

// Runs one query on a database file (writable connection) and returns the first column of its
// first row.
int64_t QueryInt(const std::string& path, const std::string& sql) {
  std::unique_ptr<Database> db;
  REQUIRE(Database::OpenWritable(path, &db).ok());
  std::unique_ptr<Statement> query;
  REQUIRE(db->Prepare(sql, &query).ok());
  REQUIRE(query->Step());
  return query->Int(0);
}

TEST_CASE("A damaged alias index fails the run instead of clearing an aliased listed party",
          "[load]") {
  TempDir dir;
  // The party's own name is harmless; only its alias is on the list.
  std::string db = MakeDatabase(dir, std::string(kLists) + R"(
INSERT INTO entity (entity_id, kind, name, country) VALUES ('E1', 'person', 'Harmless Trading', 'CN');
INSERT INTO entity_alias VALUES ('E1', 'Quanguo CHEN');
INSERT INTO shipment (shipment_id, destination_country) VALUES ('S1', 'PK');
INSERT INTO shipment_party VALUES ('S1', 'E1', 'shipper');
)");
  Run healthy = Screen(dir, db);
  REQUIRE(healthy.status.ok());
  REQUIRE(healthy.records[1].shipment().decision() == BLOCK);

  // Garbage over the index's root page: every lookup through it is a read error.
  int64_t page = QueryInt(db,
                          "SELECT rootpage FROM sqlite_schema WHERE name = "
                          "'entity_alias_by_entity'");
  int64_t page_size = QueryInt(db, "PRAGMA page_size");
  {
    std::fstream file(db, std::ios::in | std::ios::out | std::ios::binary);
    file.seekp((page - 1) * page_size);
    file << std::string(static_cast<size_t>(page_size), '\xEE');
  }
  std::filesystem::remove(dir.File("out.scores"));
  Run damaged = Screen(dir, db);
  CHECK(damaged.status.IsCorruption());
  CHECK(damaged.status.message().find("reading shipment S1: entity E1: ") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir.File("out.scores")));
}

// docs/performance.md, "Entities read once": the run's up-front screening reads its entities in
// one scan and hands them to the shipment stream, which then does not read them again; what the
// stream gets must be what its own lookups would have read.
TEST_CASE("ReadEntities reads each entity as FindEntity does", "[load]") {
  TempDir dir;
  std::string db = MakeDatabase(dir, R"(
INSERT INTO entity (entity_id, kind, name, country, region, address, birth_date, registration_id,
                    incorporated_on, activity)
  VALUES ('E2', 'Company', '  Steppe Logistic LLP ', 'kz', 'KZ-ALA', ' 13 Al-Farabi Avenue ', NULL,
          '110140012405', 'yesterday', 'Forwarder');
INSERT INTO entity (entity_id, kind, name, country, birth_date) VALUES
  ('E1', 'person', 'Quanguo Chen', 'China', '1955'),
  ('E3', 'company', 'Not asked for', 'CN', NULL),
  ('E4', 'company', '', 'XX', NULL);
INSERT INTO entity_alias VALUES ('E1', 'Chen Quanguo'), ('E1', '   '), ('E1', 'CHEN, Quanguo'),
  ('E3', 'Never read'), ('E2', 'Steppe Logistic');
)");
  std::unique_ptr<InputDatabase> input;
  REQUIRE(InputDatabase::Open(db, &input).ok());
  auto render = [](const Entity& e, const std::vector<DataProblem>& problems) {
    auto text = [](const OptionalText& value) { return value ? "'" + *value + "'" : "NULL"; };
    std::string out = e.entity_id + "|" + e.kind + "|" + e.name + "|" + text(e.country) + "|" +
                      text(e.region) + "|" + text(e.address) + "|" + text(e.birth_date) + "|" +
                      text(e.registration_id) + "|" + text(e.imo) + "|" + text(e.incorporated_on) +
                      "|" + text(e.activity) + "|aliases";
    for (const std::string& alias : e.aliases) out += " [" + alias + "]";
    for (const DataProblem& p : problems) {
      out += "\n" + p.table + " " + p.row_id + " " + p.column + ": " + p.message;
    }
    return out;
  };
  std::map<std::string, std::string> scanned;
  std::vector<std::string> order;
  REQUIRE(input
              ->ReadEntities({"E1", "E2", "E4", "E9"},
                             [&](Entity entity, std::vector<DataProblem> problems) {
                               order.push_back(entity.entity_id);
                               scanned[entity.entity_id] = render(entity, problems);
                             })
              .ok());
  // The table's order; E3 was not asked for, E9 does not exist.
  CHECK(order == std::vector<std::string>{"E2", "E1", "E4"});
  for (const char* id : {"E1", "E2", "E4"}) {
    std::vector<DataProblem> problems;
    std::optional<Entity> found = input->FindEntity(id, &problems);
    REQUIRE(found.has_value());
    INFO(id);
    CHECK(scanned[id] == render(*found, problems));
  }
  // What the two read, spelled out once: aliases by name, blank ones left out; problems kept.
  CHECK(scanned["E1"].find("aliases [CHEN, Quanguo] [Chen Quanguo]\n") != std::string::npos);
  CHECK(scanned["E1"].find("not an ISO 3166-1 alpha-2 code: 'China'") != std::string::npos);
  CHECK(scanned["E2"].find("|'forwarder'|aliases [Steppe Logistic]") != std::string::npos);
  CHECK(scanned["E2"].find("not an ISO 8601 date: 'yesterday'") != std::string::npos);
  CHECK(scanned["E4"].find("missing (NULL or empty)") != std::string::npos);
  CHECK(input->read_status().ok());
}

TEST_CASE("A shipment stream takes the entities it is handed and reads the others", "[load]") {
  TempDir dir;
  std::string db = MakeDatabase(dir, R"(
INSERT INTO entity (entity_id, kind, name, country) VALUES ('E1', 'person', 'As stored', 'CN'),
  ('E2', 'company', 'Read by the stream', 'KZ');
INSERT INTO shipment (shipment_id, destination_country) VALUES ('S1', 'PK');
INSERT INTO shipment_party VALUES ('S1', 'E1', 'shipper'), ('S1', 'E2', 'consignee');
)");
  std::unique_ptr<InputDatabase> input;
  REQUIRE(InputDatabase::Open(db, &input).ok());
  EntityReads handed;
  Entity e1;
  e1.entity_id = "E1";
  e1.kind = "person";
  e1.name = "As handed";
  handed["E1"] = EntityRead{std::make_shared<const Entity>(e1), {{"entity", "E1", "name", "x"}}};
  auto source = input->Shipments({}, std::move(handed));
  Shipment shipment;
  REQUIRE(source->Next(&shipment));
  REQUIRE(shipment.parties.size() == 2);
  std::map<std::string, std::string> names;
  for (const ShipmentParty& party : shipment.parties) names[party.entity_id] = party.entity->name;
  CHECK(names["E1"] == "As handed");           // not read again
  CHECK(names["E2"] == "Read by the stream");  // read as before
  // The handed entity's problems are the shipment's, as a read entity's are.
  REQUIRE(shipment.problems.size() == 1);
  CHECK(shipment.problems[0].message == "x");
}

TEST_CASE("A shipment stream keeps every entity it is handed, however many", "[load]") {
  // A run hands the stream what its up-front screening read (up to --entity-cache entities); the
  // stream used to drop them all beyond 2^18 and read each again.
  TempDir dir;
  std::string db = MakeDatabase(dir, R"(
INSERT INTO entity (entity_id, kind, name, country) VALUES ('E1', 'person', 'As stored', 'CN');
INSERT INTO shipment (shipment_id, destination_country) VALUES ('S1', 'PK');
INSERT INTO shipment_party VALUES ('S1', 'E1', 'shipper');
)");
  std::unique_ptr<InputDatabase> input;
  REQUIRE(InputDatabase::Open(db, &input).ok());
  EntityReads handed;
  auto other = std::make_shared<const Entity>();
  for (int i = 0; i < (1 << 18) + 10; ++i) handed["X" + std::to_string(i)] = EntityRead{other, {}};
  Entity e1;
  e1.entity_id = "E1";
  e1.name = "As handed";
  handed["E1"] = EntityRead{std::make_shared<const Entity>(e1), {}};
  auto source = input->Shipments({}, std::move(handed));
  Shipment shipment;
  REQUIRE(source->Next(&shipment));
  REQUIRE(shipment.parties.size() == 1);
  CHECK(shipment.parties[0].entity->name == "As handed");  // "As stored" when it was dropped
}

TEST_CASE("FindEntity reports a read error as a problem and in read_status", "[load]") {
  TempDir dir;
  std::string db = MakeDatabase(dir, R"(
INSERT INTO entity (entity_id, kind, name, country) VALUES ('E1', 'person', 'Harmless', 'CN');
INSERT INTO entity_alias VALUES ('E1', 'Quanguo CHEN');
)");
  int64_t page = QueryInt(db,
                          "SELECT rootpage FROM sqlite_schema WHERE name = "
                          "'entity_alias_by_entity'");
  int64_t page_size = QueryInt(db, "PRAGMA page_size");
  {
    std::fstream file(db, std::ios::in | std::ios::out | std::ios::binary);
    file.seekp((page - 1) * page_size);
    file << std::string(static_cast<size_t>(page_size), '\xEE');
  }
  std::unique_ptr<InputDatabase> input;
  REQUIRE(InputDatabase::Open(db, &input).ok());
  std::vector<DataProblem> problems;
  CHECK(input->FindEntity("E1", &problems).has_value());
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].message.find("cannot be read: ") == 0);
  CHECK(input->read_status().IsCorruption());
}

// The input schema with shipment_id declared INTEGER in `tables` (a company's own database).
std::string MakeIntegerKeyDatabase(const TempDir& dir, const std::string& tables) {
  std::string schema = InputSchemaSql();
  for (const std::string table : {"shipment", "shipment_party", "shipment_item", "shipment_leg"}) {
    if (tables.find(table + ",") == std::string::npos) continue;
    std::string head = "CREATE TABLE IF NOT EXISTS " + table + " (";
    size_t at = schema.find("shipment_id", schema.find(head));
    size_t type = schema.find("TEXT", at);
    schema.replace(type, 4, "INTEGER");
  }
  std::string path = dir.File("int.db");
  std::unique_ptr<Database> db;
  REQUIRE(Database::OpenWritable(path, &db).ok());
  REQUIRE(db->Execute(schema).ok());
  REQUIRE(db->Execute(std::string(kLists) + R"(
INSERT INTO entity (entity_id, kind, name, country) VALUES ('E1', 'person', 'Quanguo CHEN', 'CN');
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 12)
INSERT INTO shipment (shipment_id, destination_country) SELECT i, 'PK' FROM n;
INSERT INTO shipment_party SELECT shipment_id, 'E1', 'shipper' FROM shipment;
INSERT INTO shipment_item (shipment_id, line, hs_code) SELECT shipment_id, 1, '8542' FROM shipment;
)")
              .ok());
  return path;
}

TEST_CASE("Integer shipment ids merge with their parties in any order SQL sorts them", "[load]") {
  for (std::string tables :
       {"shipment,shipment_party,shipment_item,shipment_leg,", "shipment,", "shipment_party,"}) {
    INFO(tables);
    TempDir dir;
    Run run = Screen(dir, MakeIntegerKeyDatabase(dir, tables));
    REQUIRE(run.status.ok());
    REQUIRE(run.records.size() == 14);
    std::set<std::string> ids;
    for (size_t i = 1; i <= 12; ++i) {
      const scores::ShipmentScore& score = run.records[i].shipment();
      ids.insert(score.shipment_id());
      CHECK(score.decision() == BLOCK);
      CHECK(score.problems_size() == 0);
    }
    CHECK(ids.size() == 12);
    CHECK(ids.count("10") == 1);
    CHECK(run.records[13].summary().run_problems_size() == 0);
  }
}

// Text ids are read in the order of the tables' shipment_id indexes (no sort of the whole
// table, docs/performance.md "Reading in index order"); a table whose ids are not all text is
// read in the text order by a cast. Here shipment_party's shipment_id has no declared type, so
// SQLite keeps what was inserted: integers, text and a blob ('S1' as bytes) mixed, which its
// index orders by type first (numbers, then text, then blobs).
TEST_CASE("Shipment ids of mixed types in one table merge with their shipments", "[load]") {
  for (const std::string party_ids : {"mixed", "blob", "text"}) {
    INFO(party_ids);
    TempDir dir;
    std::string path = dir.File("mixed.db");
    {
      std::unique_ptr<Database> db;
      REQUIRE(Database::OpenWritable(path, &db).ok());
      std::string schema = InputSchemaSql();
      size_t table = schema.find("CREATE TABLE IF NOT EXISTS shipment_party (");
      size_t at = schema.find("shipment_id TEXT NOT NULL", table);
      schema.replace(at, std::string("shipment_id TEXT NOT NULL").size(), "shipment_id NOT NULL");
      REQUIRE(db->Execute(schema).ok());
      std::string parties =
          party_ids == "mixed"  ? "SELECT CASE WHEN i % 2 = 0 THEN i ELSE CAST(i AS TEXT) END"
          : party_ids == "blob" ? "SELECT CASE WHEN i = 1 THEN CAST('1' AS BLOB) ELSE "
                                  "CAST(i AS TEXT) END"
                                : "SELECT CAST(i AS TEXT)";
      REQUIRE(db->Execute(std::string(kLists) + R"(
INSERT INTO entity (entity_id, kind, name, country) VALUES ('E1', 'person', 'Quanguo CHEN', 'CN');
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 12)
INSERT INTO shipment (shipment_id, destination_country) SELECT i, 'PK' FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 12)
INSERT INTO shipment_party )" +
                          parties + R"(, 'E1', 'shipper' FROM n;
INSERT INTO shipment_item (shipment_id, line, hs_code) SELECT shipment_id, 1, '8542' FROM shipment;
)")
                  .ok());
      if (party_ids != "text") {
        CHECK(QueryInt(path, "SELECT count(DISTINCT typeof(shipment_id)) FROM shipment_party") ==
              2);
      }
    }
    Run run = Screen(dir, path);
    REQUIRE(run.status.ok());
    REQUIRE(run.records.size() == 14);
    for (size_t i = 1; i <= 12; ++i) {
      const scores::ShipmentScore& score = run.records[i].shipment();
      INFO(score.shipment_id());
      CHECK(score.decision() == BLOCK);
      CHECK(score.problems_size() == 0);
    }
    CHECK(run.records[13].summary().run_problems_size() == 0);
  }
}

TEST_CASE("NULL or empty shipment ids are skipped as run problems, not screened as \"\"",
          "[load]") {
  TempDir dir;
  std::string path = dir.File("loose.db");
  {
    std::unique_ptr<Database> db;
    REQUIRE(Database::OpenWritable(path, &db).ok());
    // shipment_id without NOT NULL, as a hand-made database may have it.
    std::string schema = InputSchemaSql();
    size_t at = schema.find("shipment_id TEXT NOT NULL");
    schema.replace(at, std::string("shipment_id TEXT NOT NULL").size(), "shipment_id TEXT");
    REQUIRE(db->Execute(schema).ok());
    REQUIRE(db->Execute(std::string(kLists) + R"(
INSERT INTO entity (entity_id, kind, name) VALUES ('E1', 'company', 'Good Co');
INSERT INTO shipment (shipment_id, destination_country) VALUES (NULL, 'PK'), ('', 'PK'), ('S1', 'PK');
INSERT INTO shipment_party VALUES (NULL, 'E1', 'shipper'), ('S1', 'E1', 'shipper');
INSERT INTO shipment_item (shipment_id, line, hs_code) VALUES ('', 1, '520100'), ('S1', 1, '520100');
INSERT INTO shipment_leg (shipment_id, seq, country) VALUES ('', 1, 'PK'), ('S1', 1, 'PK');
)")
                .ok());
  }
  Run run = Screen(dir, path);
  REQUIRE(run.status.ok());
  REQUIRE(run.records.size() == 3);
  CHECK(run.records[1].shipment().shipment_id() == "S1");
  std::vector<std::string> problems;
  for (const auto& p : run.records[2].summary().run_problems()) {
    problems.push_back(p.table() + " " + p.row_id() + " " + p.column() + ": " + p.message());
  }
  CHECK(problems == std::vector<std::string>{
                        "shipment (NULL) shipment_id: shipment_id is NULL or empty; shipment "
                        "skipped",
                        "shipment (empty) shipment_id: shipment_id is NULL or empty; shipment "
                        "skipped",
                        "shipment_party (NULL or empty) shipment_id: shipment_id is NULL or "
                        "empty; rows skipped",
                        "shipment_item (NULL or empty) shipment_id: shipment_id is NULL or "
                        "empty; rows skipped",
                        "shipment_leg (NULL or empty) shipment_id: shipment_id is NULL or empty; "
                        "rows skipped"});
}

// SQLite's BINARY collation compares text in the file's encoding: in a UTF-16 database 'ā1'
// (U+0101: bytes 01 01 in UTF-16le) sorts before 'b1' (62 00), and '𝐀1' (U+1D400, a surrogate
// pair D835 DC00) before 'ｂ1' (U+FF42) in UTF-16be, while their UTF-8 bytes, which the reader's
// merge compared, order them the other way. Before 2026-12-07 the merge took such a shipment's
// party rows for orphans ("row refers to a shipment that does not exist") and screened it
// without its listed party: CLEAR.
TEST_CASE("A UTF-16 database's shipments keep their parties whatever their ids' letters",
          "[load]") {
  for (const std::string encoding : {"UTF-16le", "UTF-16be", "UTF-8"}) {
    CAPTURE(encoding);
    TempDir dir;
    std::string path = dir.File("encoded.db");
    {
      std::unique_ptr<Database> db;
      REQUIRE(Database::OpenWritable(path, &db).ok());
      REQUIRE(db->Execute("PRAGMA encoding = '" + encoding + "'").ok());
      REQUIRE(CreateInputSchema(db.get()).ok());
      REQUIRE(db->Execute(std::string(kLists) + R"(
INSERT INTO entity (entity_id, kind, name, country) VALUES ('E1', 'person', 'Quanguo CHEN', 'CN');
INSERT INTO shipment (shipment_id, destination_country)
  VALUES ('b1', 'PK'), ('ā1', 'PK'), ('ｂ1', 'PK'), ('𝐀1', 'PK'), ('a1', 'PK');
INSERT INTO shipment_party SELECT shipment_id, 'E1', 'shipper' FROM shipment;
INSERT INTO shipment_item (shipment_id, line, hs_code) SELECT shipment_id, 1, '8542' FROM shipment;
INSERT INTO shipment_leg (shipment_id, seq, country) SELECT shipment_id, 1, 'KZ' FROM shipment;
)")
                  .ok());
    }
    Run run = Screen(dir, path);
    REQUIRE(run.status.ok());
    REQUIRE(run.records.size() == 7);
    std::vector<std::string> ids;
    for (size_t i = 1; i <= 5; ++i) {
      const scores::ShipmentScore& score = run.records[i].shipment();
      INFO(score.shipment_id());
      ids.push_back(score.shipment_id());
      CHECK(score.decision() == BLOCK);
      CHECK(score.problems_size() == 0);
    }
    // One order in every encoding: UTF-8 bytes, as `corridor merge` and a delta's pairing compare.
    CHECK(ids == std::vector<std::string>{"a1", "b1", "ā1", "ｂ1", "𝐀1"});
    CHECK(run.records[6].summary().run_problems_size() == 0);

    // A delta run pairs every shipment with its previous record.
    ScreenOptions options;
    options.db_path = path;
    options.rules_dir = dir.File("rules");
    options.out_path = dir.File("delta.scores");
    options.as_of = "2025-12-01";
    options.since_path = dir.File("out.scores");
    ScreenReport report;
    REQUIRE(RunScreen(options, &report).ok());
    CHECK(report.carried_over == 5);
    CHECK(report.rescreened == 0);
    CHECK(testing::ReadText(dir.File("delta.scores")) == testing::ReadText(dir.File("out.scores")));
  }
}

// Results and explanations list a shipment's parties, items and legs in one order whatever the
// rows' insertion order. Since 2026-12-07 the cursors order by shipment alone and the reader
// sorts each shipment's rows (RowOrder in engine/load/input_database.cc) as SQL's ORDER BY on
// (role, entity_id), line and seq would: NULL, then numbers by value (integers and reals
// together), then text, then blobs, ties in rowid order. Here SQLite itself says that order.
TEST_CASE(
    "A shipment's parties and items and legs come out in SQL's order whatever the rows' order",
    "[load]") {
  TempDir dir;
  std::string path = dir.File("order.db");
  {
    std::unique_ptr<Database> db;
    REQUIRE(Database::OpenWritable(path, &db).ok());
    REQUIRE(CreateInputSchema(db.get()).ok());
    REQUIRE(db->Execute(R"(
INSERT INTO entity (entity_id, kind, name) VALUES ('E1', 'company', 'One'), ('E2', 'company', 'Two'),
  ('E3', 'company', 'Three'), ('E10', 'company', 'Ten');
INSERT INTO shipment (shipment_id, destination_country) VALUES ('S1', 'PK'), ('S0', 'KZ');
INSERT INTO shipment_party VALUES ('S1', 'E2', 'shipper'), ('S1', 'E1', 'consignee'),
  ('S0', 'E1', 'shipper'), ('S1', 'E3', 'consignee'), ('S1', 'E1', 'Shipper'),
  ('S1', 'E10', ' notify'), ('S1', 'E10', 'consignee'), ('S1', 'E4', 'carrier');
INSERT INTO shipment_item (shipment_id, line, description) VALUES ('S1', 3, 'c'), ('S1', 'x', '-'),
  ('S1', 1, 'a'), ('S0', 5, 'other'), ('S1', 2.5, 'b2'), ('S1', 'a', '-'), ('S1', 2, 'b1'),
  ('S1', x'01', '-'), ('S1', -7, 'neg'), ('S1', 2, 'b1 again'), ('S1', 9223372036854775807, 'max'),
  ('S1', 9.3e18, 'big'), ('S1', 9223372036854775806, 'max-1');
INSERT INTO shipment_leg (shipment_id, seq, location) VALUES ('S1', 3, 'L3'), ('S1', 1, 'L1'),
  ('S0', 1, 'other'), ('S1', 2, 'L2'), ('S1', 'z', '-'), ('S1', 0, 'L0');
)")
                .ok());
  }
  std::unique_ptr<InputDatabase> input;
  REQUIRE(InputDatabase::Open(path, &input).ok());
  auto source = input->Shipments({}, {});
  Shipment s0, s1;
  REQUIRE(source->Next(&s0));
  REQUIRE(source->Next(&s1));
  REQUIRE(s1.shipment_id == "S1");

  std::unique_ptr<Database> db;
  REQUIRE(Database::OpenReadOnly(path, &db).ok());
  auto column = [&](const std::string& sql) {
    std::vector<std::string> values;
    std::unique_ptr<Statement> query;
    REQUIRE(db->Prepare(sql, &query).ok());
    while (query->Step()) values.push_back(query->Text(0));
    REQUIRE(query->status().ok());
    return values;
  };
  std::vector<std::string> parties, items, legs, problems;
  for (const ShipmentParty& party : s1.parties)
    parties.push_back(party.entity_id + " " + party.role);
  for (const ShipmentItem& item : s1.items) items.push_back(item.description.value_or("?"));
  for (const ShipmentLeg& leg : s1.legs) legs.push_back(leg.location.value_or("?"));
  for (const DataProblem& problem : s1.problems) problems.push_back(problem.row_id);
  CHECK(parties == column("SELECT entity_id || ' ' || lower(trim(role)) FROM shipment_party"
                          " WHERE shipment_id = 'S1' ORDER BY role, entity_id, rowid"));
  CHECK(items == column("SELECT description FROM shipment_item WHERE shipment_id = 'S1'"
                        " AND typeof(line) IN ('integer', 'real') ORDER BY line, rowid"));
  CHECK(items.size() == 9);
  CHECK(legs == std::vector<std::string>{"L0", "L1", "L2", "L3"});
  // Each skipped row's problem in the rows' order too; E4 does not exist (a party row's problem).
  CHECK(problems == std::vector<std::string>{"S1/party rowid 8", "S1/line a", "S1/line x",
                                             "S1/line \x01", "S1/seq z"});
}

TEST_CASE("Text in numeric item columns is a data problem, not 0", "[load]") {
  TempDir dir;
  std::string path = dir.File("text.db");
  {
    std::unique_ptr<Database> db;
    REQUIRE(Database::OpenWritable(path, &db).ok());
    std::string schema = InputSchemaSql();
    // Declared without a numeric affinity, as a hand-made database may be: text stays text.
    for (const char* column : {"quantity       REAL", "value          REAL"}) {
      size_t at = schema.find(column);
      REQUIRE(at != std::string::npos);
      schema.replace(at + std::string(column).size() - 4, 4, "TEXT");
    }
    REQUIRE(db->Execute(schema).ok());
    REQUIRE(db->Execute(std::string(kLists) + R"(
INSERT INTO shipment (shipment_id, destination_country) VALUES ('S1', 'PK');
INSERT INTO shipment_item (shipment_id, line, quantity, value) VALUES
  ('S1', 1, 'ten', ' 12.5 '), ('S1', 2, '3', 'n/a');
)")
                .ok());
  }
  Run run = Screen(dir, path);
  REQUIRE(run.status.ok());
  std::vector<std::string> problems;
  for (const auto& p : run.records[1].shipment().problems()) {
    problems.push_back(p.table() + " " + p.row_id() + " " + p.column() + ": " + p.message());
  }
  CHECK(problems ==
        std::vector<std::string>{"shipment_item S1/line 1 quantity: not a number: 'ten'",
                                 "shipment_item S1/line 2 value: not a number: 'n/a'"});
}

TEST_CASE("A database from a newer schema version is refused", "[load]") {
  TempDir dir;
  std::string db = MakeDatabase(dir, "PRAGMA user_version = 99;");
  std::unique_ptr<InputDatabase> input;
  Status status = InputDatabase::Open(db, &input);
  CHECK(status.IsRefused());
  CHECK(status.message() == db + ": schema version 99 (PRAGMA user_version) is not one this "
                                 "corridor reads (0 to 1); use the corridor that wrote it");
  testing::CommandResult result = RunCorridor(
      dir, "screen --db " + db + " --rules " +
               testing::MakeRules(dir, {{"r.textproto", std::string(testing::kTestScoring) + R"(
rule { id: "pk" description: "pk" category: SECURITY weight: 10
  jurisdiction { subjects: [DESTINATION] countries: ["PK"] } })"}}) +
               " --out " + dir.File("o.scores"));
  CHECK(result.exit_code == 1);
  CHECK(result.err.find("schema version 99") != std::string::npos);
}

TEST_CASE("init refuses another application's database and leaves it unchanged", "[load]") {
  TempDir dir;
  struct Case {
    const char* sql;
    const char* error;
  };
  for (const Case& c : {Case{"CREATE TABLE notes (body TEXT);",
                             "holds objects corridor did not create (table notes)"},
                        Case{"PRAGMA user_version = 7;", "user_version is 7, not corridor's"}}) {
    INFO(c.sql);
    std::string path = dir.File("other.db");
    std::filesystem::remove(path);
    {
      std::unique_ptr<Database> db;
      REQUIRE(Database::OpenWritable(path, &db).ok());
      REQUIRE(db->Execute(c.sql).ok());
    }
    int64_t version_before = QueryInt(path, "PRAGMA user_version");
    testing::CommandResult result = RunCorridor(dir, "init --db " + path);
    CHECK(result.exit_code == 1);
    CHECK(result.err.find(c.error) != std::string::npos);
    CHECK(QueryInt(path, "PRAGMA user_version") == version_before);
    CHECK(QueryInt(path, "SELECT count(*) FROM sqlite_schema WHERE name = 'entity'") == 0);
  }
  // An empty file and corridor's own database are still fine.
  CHECK(RunCorridor(dir, "init --db " + dir.File("new.db")).exit_code == 0);
}

// An input database whose shipment_leg is a view over a recursive CTE that never yields a row.
std::string MakeEndlessDatabase(const TempDir& dir) {
  return MakeDatabase(dir, R"(
INSERT INTO shipment (shipment_id, destination_country) VALUES ('S1', 'PK');
DROP TABLE shipment_leg;
CREATE VIEW shipment_leg AS
  WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n)
  SELECT 'S1' AS shipment_id, i AS seq, NULL AS location, NULL AS location_name, NULL AS country,
         NULL AS region, NULL AS kind, NULL AS arrived_on FROM n WHERE i < 0;
)",
                      "endless.db");
}

TEST_CASE("A statement that never ends is stopped by the connection's limits", "[load]") {
  TempDir dir;
  std::string db = MakeEndlessDatabase(dir);
  std::unique_ptr<InputDatabase> input;
  REQUIRE(InputDatabase::Open(db, &input).ok());
  // The default is finite.
  CHECK(input->db()->limits().max_millis > 0);
  CHECK(input->db()->limits().max_steps > 0);
  CHECK(input->db()->limits().max_bytes > 0);

  input->db()->SetLimits({.max_steps = 0, .max_millis = 200, .max_bytes = 0});
  auto start = std::chrono::steady_clock::now();
  auto source = input->Shipments({});
  Shipment shipment;
  CHECK_FALSE(source->Next(&shipment));
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
  CHECK(source->status().IsLimit());
  CHECK(source->status().message().find(db + ": statement stopped after 200 ms (limit per call): "
                                             "SELECT ") != std::string::npos);
  // The endless table is named: the statement stopped reads shipment_leg.
  CHECK(source->status().message().find("FROM shipment_leg") != std::string::npos);

  input->db()->SetLimits({.max_steps = 1'000'000, .max_millis = 0, .max_bytes = 0});
  std::unique_ptr<Statement> query;
  REQUIRE(input->db()->Prepare("SELECT count(*) FROM shipment_leg", &query).ok());
  CHECK_FALSE(query->Step());
  CHECK(query->status().message() ==
        db + ": statement stopped after 1000000 SQLite instructions (limit per call): "
             "SELECT count(*) FROM shipment_leg");

  input->db()->SetLimits({.max_steps = 0, .max_millis = 0, .max_bytes = 1000});
  REQUIRE(input->db()->Prepare("SELECT length(zeroblob(5000))", &query).ok());
  CHECK_FALSE(query->Step());
  CHECK(query->status().IsLimit());
}

TEST_CASE("Text reads the same from UTF-8 and UTF-16 databases, numbers and blobs too", "[load]") {
  // Every reader of the engine takes text through Statement, whatever encoding the file was
  // made with (PRAGMA encoding); numbers read as SQLite writes them, blobs as their bytes.
  TempDir dir;
  const std::vector<std::string> encodings = {"UTF-8", "UTF-16le", "UTF-16be"};
  for (const std::string& encoding : encodings) {
    CAPTURE(encoding);
    std::unique_ptr<Database> db;
    REQUIRE(Database::OpenWritable(dir.File(encoding + ".db"), &db).ok());
    REQUIRE(db->Execute("PRAGMA encoding = '" + encoding + "'").ok());
    REQUIRE(
        db->Execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v);"
                    "INSERT INTO t (id, v) VALUES (1, 'Ерлан 有限公司 ТОО'), (2, ''), (3, NULL),"
                    " (4, 42), (5, 1.5), (6, 'a' || char(0) || 'b'), (7, x'41ff42')")
            .ok());
    db.reset();
    REQUIRE(Database::OpenReadOnly(dir.File(encoding + ".db"), &db).ok());
    std::unique_ptr<Statement> query;
    REQUIRE(db->Prepare("SELECT v FROM t ORDER BY id", &query).ok());
    std::vector<std::optional<std::string>> read;
    std::vector<std::string> viewed;
    while (query->Step()) {
      viewed.emplace_back(query->TextView(0));
      read.push_back(query->OptionalText(0));
      CHECK(query->Text(0) == viewed.back());
    }
    REQUIRE(query->status().ok());
    REQUIRE(read.size() == 7);
    CHECK(read[0] == "Ерлан 有限公司 ТОО");
    CHECK(read[1] == "");
    CHECK_FALSE(read[2].has_value());
    CHECK(viewed[2] == "");
    CHECK(read[3] == "42");
    CHECK(read[4] == "1.5");
    CHECK(read[5] == std::string("a\0b", 3));
    // A blob's bytes as they are (a UTF-16 database reads a blob as its encoding's text).
    if (encoding == "UTF-8")
      CHECK(read[6] ==
            "A\xff"
            "B");
  }
}

TEST_CASE("Role conditions and upper(trim()) done outside SQL agree with SQL's own", "[load]") {
  // The rules' history scans filter roles with RoleIsSql and normalise columns with SqlUpperTrim
  // instead of calling lower(trim()) and upper(trim()) on every row; on any value the result must
  // be what those functions give.
  TempDir dir;
  std::unique_ptr<Database> db;
  REQUIRE(Database::OpenWritable(dir.File("roles.db"), &db).ok());
  REQUIRE(db->Execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v);"
                      "INSERT INTO t (v) VALUES ('consignee'), ('shipper'), ('manufacturer'),"
                      " (' Consignee '), ('CONSIGNEE'), ('consignee  '), (char(9) || 'consignee'),"
                      " ('consignee' || char(9)), ('consignees'), (''), ('   '), (NULL), (42),"
                      " (4.5), ('notify'), ('Shipper'), (' manufacturer'), ('cn-xj '),"
                      " ('Ерлан ТОО'), (x'41')")
              .ok());
  const std::vector<std::vector<std::string>> role_sets = {
      {"consignee"}, {"shipper"}, {"shipper", "manufacturer"}};
  for (const std::vector<std::string>& roles : role_sets) {
    std::string in;
    for (const std::string& role : roles) in += (in.empty() ? "'" : ", '") + role + "'";
    std::unique_ptr<Statement> query;
    REQUIRE(db->Prepare("SELECT id, coalesce(" + RoleIsSql("v", roles) +
                            ", 0), coalesce(lower(trim(v)) IN (" + in + "), 0) FROM t",
                        &query)
                .ok());
    int rows = 0;
    while (query->Step()) {
      CAPTURE(in, query->Int(0));
      CHECK(query->Int(1) == query->Int(2));
      ++rows;
    }
    REQUIRE(query->status().ok());
    CHECK(rows == 20);
  }
  std::unique_ptr<Statement> query;
  REQUIRE(db->Prepare("SELECT id, v, upper(trim(v)) FROM t", &query).ok());
  while (query->Step()) {
    CAPTURE(query->Int(0));
    CHECK(SqlUpperTrim(query->TextView(1)) == query->Text(2));
  }
  REQUIRE(query->status().ok());
}

TEST_CASE("The input database is opened read-only", "[load]") {
  TempDir dir;
  std::string db = MakeDatabase(dir, "");
  std::unique_ptr<InputDatabase> input;
  REQUIRE(InputDatabase::Open(db, &input).ok());
  CHECK(input->db()->IsReadOnly());
  CHECK_FALSE(input->db()->Execute("CREATE TABLE t (x)").ok());
}

TEST_CASE("CheckShipmentsExist names every missing shipment", "[load]") {
  TempDir dir;
  std::string db = MakeDatabase(dir, R"(
INSERT INTO shipment (shipment_id, destination_country) VALUES ('S1', 'PK'), ('S2', 'PK');
)");
  std::unique_ptr<InputDatabase> input;
  REQUIRE(InputDatabase::Open(db, &input).ok());
  CHECK(input->CheckShipmentsExist({"S1", "S2"}).ok());
  CHECK(input->CheckShipmentsExist({}).ok());
  Status status = input->CheckShipmentsExist({"S-999", "S1", "S-998", "S-999"});
  CHECK(status.IsNotFound());
  CHECK(status.message() == db + ": no shipment with id 'S-999', 'S-998'");
}

// Makes `folder` unwritable even for root (chmod alone does not stop root); false when this
// machine cannot (no chattr, or a file system without the immutable flag).
bool MakeFolderReadOnly(const std::string& folder) {
  std::filesystem::permissions(
      folder, std::filesystem::perms::owner_read | std::filesystem::perms::owner_exec |
                  std::filesystem::perms::group_read | std::filesystem::perms::group_exec |
                  std::filesystem::perms::others_read | std::filesystem::perms::others_exec);
  if (geteuid() == 0) {
    std::system(("chattr +i '" + folder + "' 2>/dev/null").c_str());
  }
  std::ofstream probe(folder + "/probe");
  return !probe.is_open();
}

void MakeFolderWritable(const std::string& folder) {
  if (geteuid() == 0) std::system(("chattr -i '" + folder + "' 2>/dev/null").c_str());
  std::filesystem::permissions(folder, std::filesystem::perms::owner_all);
  std::filesystem::remove(folder + "/probe");
}

TEST_CASE("A WAL database in a read-only folder is read, with a pending -wal it is refused",
          "[load]") {
  TempDir dir;
  std::filesystem::create_directories(dir.File("ro"));
  std::string db = MakeDatabase(dir, R"(
PRAGMA journal_mode = WAL;
INSERT INTO shipment (shipment_id, destination_country) VALUES ('S1', 'PK');
)",
                                "ro/wal.db");
  std::string folder = dir.File("ro");
  REQUIRE(!std::filesystem::exists(db + "-wal"));  // checkpointed and removed on close
  if (!MakeFolderReadOnly(folder)) {
    MakeFolderWritable(folder);
    WARN("cannot make a folder read-only here (root without chattr): WAL fallback not tested");
    return;
  }
  std::unique_ptr<InputDatabase> input;
  Status status = InputDatabase::Open(db, &input);
  CHECK(status.ok());
  if (status.ok()) {
    CHECK(input->db()->immutable());
    CHECK(input->CheckShipmentsExist({"S1"}).ok());
  }
  input.reset();
  MakeFolderWritable(folder);

  testing::WriteText(db + "-wal", std::string(100, 'x'));  // a log that may hold commits
  REQUIRE(MakeFolderReadOnly(folder));
  status = InputDatabase::Open(db, &input);
  MakeFolderWritable(folder);
  CHECK(status.IsIoError());
  CHECK(status.message().find("a WAL database with a -wal file in a folder corridor cannot "
                              "write") != std::string::npos);
}

}  // namespace
}  // namespace corridor

namespace corridor {
namespace {

TEST_CASE("Run problems past 1000 are counted in the summary though not all written", "[load]") {
  // docs/reliability.md "Limits": at most 1,000 run problems are written in the summary; all are
  // counted. 1,005 party rows name shipments that do not exist: one run problem each.
  TempDir dir;
  std::string sql =
      std::string(kLists) +
      "INSERT INTO entity (entity_id, kind, name) VALUES ('E1', 'company', 'Good');\n"
      "INSERT INTO shipment (shipment_id, destination_country) VALUES ('S1', 'PK');\n";
  for (int i = 0; i < 1005; ++i) {
    sql += "INSERT INTO shipment_party VALUES ('GONE-" + std::to_string(10000 + i) +
           "', 'E1', 'shipper');\n";
  }
  Run run = Screen(dir, MakeDatabase(dir, sql));
  REQUIRE(run.status.ok());
  REQUIRE(run.records.size() == 3);
  const scores::StreamSummary& summary = run.records[2].summary();
  CHECK(summary.run_problems_size() == 1000);
  CHECK(summary.data_problems() >= 1005);
  CHECK(summary.run_problems(0).row_id() == "GONE-10000");
  CHECK(summary.run_problems(0).message() == "row refers to a shipment that does not exist");
}

}  // namespace
}  // namespace corridor
