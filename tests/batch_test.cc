// The nightly batch (docs/batch.md): each entity screened once per run, compact clear records,
// shards and merge, delta runs, diff, progress and summary, a killed run and its rerun.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <google/protobuf/io/zero_copy_stream_impl_lite.h>

#include <array>
#include <catch2/catch.hpp>
#include <chrono>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "engine/base/digest.h"
#include "engine/base/engine_build.h"
#include "engine/base/sha256.h"
#include "engine/decisions/decisions.h"
#include "engine/facts/ownership_world.h"
#include "engine/facts/party_screener.h"
#include "engine/load/input_database.h"
#include "engine/output/explain.h"
#include "engine/output/record_checksum.h"
#include "engine/output/score_stream.h"
#include "engine/screen/dependencies.h"
#include "engine/screen/facts_file.h"
#include "engine/screen/screen_run.h"
#include "engine/store/database.h"
#include "tests/test_util.h"

namespace corridor {
namespace {

using testing::MakeDatabase;
using testing::MakeRules;
using testing::ReadText;
using testing::RunCorridor;
using testing::TempDir;

// A listed company, parties named on many shipments, one owned by the listed look-alike, and
// shipments that clear, review (PK) and block (the listed party).
std::string BatchWorld(int shipments) {
  std::string sql = R"(
INSERT INTO list_source (list_id, version) VALUES ('wl', 'test');
INSERT INTO list_entry (list_id, entry_id, kind, name, programs)
  VALUES ('wl', '1', 'company', 'SBER VOSTOK LLP', 'RUSSIA-EO14024');
INSERT INTO entity (entity_id, kind, name, country) VALUES
  ('E-1', 'company', 'SBER VOSTOK LLP', 'KZ'),
  ('E-2', 'company', 'ALMATY GENERAL SUPPLY', 'KZ'),
  ('E-3', 'company', 'KARACHI TEXTILE MILLS', 'PK'),
  ('E-4', 'company', 'URUMQI COTTON TRADING', 'CN');
INSERT INTO ownership (owner_id, owned_id, share) VALUES ('E-1', 'E-2', 60);
)";
  const char* entities[] = {"E-2", "E-3", "E-4", "E-1"};
  const char* countries[] = {"KZ", "PK", "CN", "UZ"};
  for (int i = 0; i < shipments; ++i) {
    char id[16];
    std::snprintf(id, sizeof(id), "S-%04d", i);
    sql += "INSERT INTO shipment (shipment_id, destination_country, updated_at) VALUES ('" +
           std::string(id) + "', '" + countries[i % 4] + "', '2025-01-01');\n";
    sql += "INSERT INTO shipment_party VALUES ('" + std::string(id) + "', '" +
           entities[i % 7 == 0 ? 3 : i % 3] + "', 'consignee'), ('" + id + "', '" +
           entities[(i + 1) % 3] + "', 'shipper');\n";
    sql += "INSERT INTO shipment_item (shipment_id, line, hs_code) VALUES ('" + std::string(id) +
           "', 1, '520100');\n";
  }
  return sql;
}

const char* kBatchRules = R"(
rule { id: "listed" description: "listed" category: SECONDARY_SANCTIONS weight: 95
  decision_floor: BLOCK listed_party { lists: ["wl"] } }
rule { id: "owned" description: "owned" category: SECONDARY_SANCTIONS weight: 90
  decision_floor: BLOCK owned_by_listed_party { lists: ["wl"] } }
rule { id: "pk" description: "to Pakistan" category: SECURITY weight: 30
  jurisdiction { subjects: [DESTINATION] countries: ["PK"] } }
rule { id: "cn" description: "to China, low" category: SECURITY weight: 5
  jurisdiction { subjects: [DESTINATION] countries: ["CN"] } }
)";

std::string BatchRules(const TempDir& dir) {
  return MakeRules(dir, {{"r.textproto", std::string(testing::kTestScoring) + kBatchRules}});
}

ScreenOptions Options(const std::string& db, const std::string& rules, const std::string& out) {
  ScreenOptions options;
  options.db_path = db;
  options.rules_dir = rules;
  options.out_path = out;
  options.as_of = "2025-12-01";
  return options;
}

std::vector<scores::ShipmentScore> ReadShipments(const std::string& path) {
  std::unique_ptr<ScoreReader> reader;
  REQUIRE(ScoreReader::Open(path, &reader).ok());
  std::vector<scores::ShipmentScore> out;
  scores::ScoreRecord record;
  while (reader->Next(&record)) {
    if (record.has_shipment()) out.push_back(record.shipment());
  }
  REQUIRE(reader->status().ok());
  return out;
}

TEST_CASE("Each entity is screened once per run, whatever the threads", "[batch]") {
  // Before: each worker kept its own entity cache and the ownership walk screened the owners
  // again, so an entity named on shipments of both workers was screened two or three times.
  TempDir dir;
  std::string db = MakeDatabase(dir, BatchWorld(600));
  std::string rules = BatchRules(dir);
  for (int threads : {1, 2, 4}) {
    ScreenOptions options = Options(db, rules, dir.File("out.scores"));
    options.threads = threads;
    ScreenReport report;
    REQUIRE(RunScreen(options, &report).ok());
    CHECK(report.summary.shipments() == 600);
    CHECK(report.entities_screened == 4);  // E-1..E-4, each named on hundreds of shipments
  }
}

TEST_CASE("A clear shipment is written compactly, the others in full", "[batch]") {
  TempDir dir;
  std::string db = MakeDatabase(dir, BatchWorld(28));
  std::string rules = BatchRules(dir);
  ScreenOptions options = Options(db, rules, dir.File("out.scores"));
  options.full_evidence = false;  // as `corridor screen` without --full-evidence
  ScreenReport report;
  REQUIRE(RunScreen(options, &report).ok());
  int clear = 0, flagged = 0;
  for (const scores::ShipmentScore& score : ReadShipments(options.out_path)) {
    scores::ScoreRecord record;
    *record.mutable_shipment() = score;
    CHECK(score.input_digest() != 0);
    if (score.decision() == CLEAR) {
      ++clear;
      CHECK(score.compact());
      CHECK(score.categories_size() == 0);
      for (const scores::RuleHit& hit : score.hits()) CHECK(hit.evidence_size() == 0);
      CHECK(record.ByteSizeLong() <= 100);
    } else {
      ++flagged;
      CHECK_FALSE(score.compact());
      REQUIRE(score.hits_size() > 0);
      CHECK(score.hits(0).evidence_size() > 0);
    }
  }
  CHECK(clear > 0);
  CHECK(flagged > 0);
  CHECK(report.bytes_by_decision[CLEAR] <= 100 * clear);
  // A compact record still explains: its decision, score and the rules that added points.
  testing::CommandResult explained =
      RunCorridor(dir, "explain --scores " + options.out_path + " --shipment S-0010");
  CHECK(explained.exit_code == 0);
  CHECK(explained.out.find("shipment S-0010: clear, score 5") != std::string::npos);
  CHECK(explained.out.find("+ 5  cn [security, weight 5]: to China, low") != std::string::npos);
  CHECK(explained.out.find("evidence not written for clear shipments") != std::string::npos);

  // --full-evidence writes clear shipments in full.
  options.full_evidence = true;
  options.out_path = dir.File("full.scores");
  REQUIRE(RunScreen(options, &report).ok());
  for (const scores::ShipmentScore& score : ReadShipments(options.out_path)) {
    CHECK_FALSE(score.compact());
  }
}

TEST_CASE("Shards merge into the bytes of a single run", "[batch]") {
  TempDir dir;
  std::string db = MakeDatabase(dir, BatchWorld(300));
  std::string rules = BatchRules(dir);
  const std::string base =
      "screen --quiet --db " + db + " --rules " + rules + " --as-of 2025-12-01";
  REQUIRE(RunCorridor(dir, base + " --out " + dir.File("whole.scores")).exit_code == 0);
  // Local processes, as a job array would start them.
  std::string shards;
  for (int k = 1; k <= 3; ++k) {
    std::string out = dir.File("shard" + std::to_string(k) + ".scores");
    testing::CommandResult result =
        RunCorridor(dir, base + " --shard " + std::to_string(k) + "/3 --out " + out);
    REQUIRE(result.exit_code == 0);
    size_t count = ReadShipments(out).size();
    CHECK(count > 50);  // the hash spreads 300 shipments over three shards
    CHECK(count < 150);
    shards += " " + out;
  }
  testing::CommandResult merged =
      RunCorridor(dir, "merge" + shards + " --out " + dir.File("merged.scores"));
  REQUIRE(merged.exit_code == 0);
  CHECK(ReadText(dir.File("merged.scores")) == ReadText(dir.File("whole.scores")));

  // A missing shard, or one of another run, is refused.
  testing::CommandResult missing =
      RunCorridor(dir, "merge " + dir.File("shard1.scores") + " " + dir.File("shard2.scores") +
                           " --out " + dir.File("bad.scores"));
  CHECK(missing.exit_code == 1);
  CHECK(missing.err.find("merge needs all 3") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir.File("bad.scores")));
  CHECK(RunCorridor(dir, base + " --shard 4/3 --out " + dir.File("x.scores")).exit_code == 2);
}

// Ids stored as text that is not UTF-8 (a Latin-1 export: 'S-M\xDCNCHEN') are written with
// U+FFFD (docs/output.md), which orders them unlike the database's bytes, and makes 'S-\xDC1' and
// 'S-\xDD1' one id. Records carry the bytes (shipment_key) and every reader of a stream's order
// compares them; before 2026-12-07 merge refused such a run's shards ("not in shipment_id
// order"), diff refused its stream ("appears twice") and a delta screened them all again.
TEST_CASE("Shards and deltas and diff keep the order of ids that are not UTF-8", "[batch]") {
  TempDir dir;
  std::string db = MakeDatabase(dir, BatchWorld(30) + R"(
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 40)
INSERT INTO shipment (shipment_id, destination_country)
  SELECT 'S-' || CAST(x'DC' AS TEXT) || i, 'PK' FROM n UNION ALL
  SELECT 'S-' || CAST(x'DD' AS TEXT) || i, 'KZ' FROM n UNION ALL
  SELECT 'S-M' || CAST(x'DC' AS TEXT) || 'NCHEN-' || i, 'UZ' FROM n UNION ALL
  SELECT 'S-M一号-' || i, 'CN' FROM n;
INSERT INTO shipment_party SELECT shipment_id, 'E-1', 'consignee' FROM shipment
  WHERE shipment_id NOT LIKE 'S-0%';
)");
  std::string rules = BatchRules(dir);
  const std::string base =
      "screen --quiet --db " + db + " --rules " + rules + " --as-of 2025-12-01";
  REQUIRE(RunCorridor(dir, base + " --out " + dir.File("whole.scores")).exit_code == 0);
  REQUIRE(ReadShipments(dir.File("whole.scores")).size() == 190);
  std::string shards;
  for (int k = 1; k <= 3; ++k) {
    std::string out = dir.File("shard" + std::to_string(k) + ".scores");
    REQUIRE(
        RunCorridor(dir, base + " --shard " + std::to_string(k) + "/3 --out " + out).exit_code ==
        0);
    shards += " " + out;
  }
  testing::CommandResult merged =
      RunCorridor(dir, "merge" + shards + " --out " + dir.File("merged.scores"));
  INFO(merged.err);
  REQUIRE(merged.exit_code == 0);
  CHECK(ReadText(dir.File("merged.scores")) == ReadText(dir.File("whole.scores")));

  ScreenOptions night = Options(db, rules, dir.File("night.scores"));
  ScreenReport report;
  REQUIRE(RunScreen(night, &report).ok());
  ScreenOptions delta = Options(db, rules, dir.File("delta.scores"));
  delta.since_path = night.out_path;
  REQUIRE(RunScreen(delta, &report).ok());
  INFO(report.delta_note);
  CHECK(report.rescreened == 0);
  CHECK(report.carried_over == 190);
  CHECK(ReadText(delta.out_path) == ReadText(night.out_path));

  testing::CommandResult diff = RunCorridor(dir, "diff " + night.out_path + " " + delta.out_path);
  INFO(diff.err);
  CHECK(diff.exit_code == 0);
}

// Runs `sql` on the database (a writable connection).
void Execute(const std::string& db_path, const std::string& sql) {
  std::unique_ptr<Database> db;
  REQUIRE(Database::OpenWritable(db_path, &db).ok());
  REQUIRE(db->Execute(sql).ok());
}

// The number of shipments naming `entity_id` or a company it owns, directly or down a chain:
// those a change to its record or to the ownership rows into it can reach (dependencies.h).
int64_t ShipmentsAtOrBelow(const std::string& db_path, const std::string& entity_id) {
  std::unique_ptr<Database> db;
  REQUIRE(Database::OpenReadOnly(db_path, &db).ok());
  std::unique_ptr<Statement> query;
  REQUIRE(db->Prepare("WITH RECURSIVE below(id) AS (SELECT ?1 UNION SELECT o.owned_id FROM "
                      "ownership o JOIN below b ON o.owner_id = b.id) SELECT count(DISTINCT "
                      "shipment_id) FROM shipment_party WHERE entity_id IN below",
                      &query)
              .ok());
  query->BindText(1, entity_id);
  REQUIRE(query->Step());
  return query->Int(0);
}

// The decision each shipment of the stream at `path` reached, by shipment id.
std::map<std::string, Decision> Decisions(const std::string& path) {
  std::map<std::string, Decision> out;
  for (const scores::ShipmentScore& score : ReadShipments(path)) {
    out[score.shipment_id()] = score.decision();
  }
  return out;
}

TEST_CASE("A delta run equals a full run byte for byte and screens only what changed", "[batch]") {
  TempDir dir;
  std::string db = MakeDatabase(dir, BatchWorld(400));
  std::string rules = BatchRules(dir);
  ScreenOptions options = Options(db, rules, dir.File("night1.scores"));
  options.threads = 2;
  ScreenReport report;
  REQUIRE(RunScreen(options, &report).ok());

  // Under 1% of the shipments change: two destinations and one item.
  Execute(db, R"(
UPDATE shipment SET destination_country = 'PK', updated_at = '2025-02-01'
  WHERE shipment_id IN ('S-0004', 'S-0008');
UPDATE shipment_item SET hs_code = '847130' WHERE shipment_id = 'S-0002';
)");
  ScreenOptions full = Options(db, rules, dir.File("full.scores"));
  REQUIRE(RunScreen(full, &report).ok());
  ScreenOptions delta = Options(db, rules, dir.File("delta.scores"));
  delta.since_path = dir.File("night1.scores");
  delta.threads = 2;
  REQUIRE(RunScreen(delta, &report).ok());
  CHECK(report.delta_note == "");
  CHECK(report.rescreened == 3);
  CHECK(report.carried_over == 397);
  CHECK(ReadText(delta.out_path) == ReadText(full.out_path));
  // No entity changed: every entity's facts come from the first run's facts file, none is
  // screened (before the facts file, the owners E-1 and E-2 were screened in every run).
  CHECK(std::filesystem::exists(FactsPathFor(options.out_path)));
  CHECK(report.facts_note == "");
  CHECK(report.entities_screened == 0);
  CHECK(report.entities_reused == 4);
  // The delta reads the owners up front in one scan and hands them to the stream; with a cache
  // too small for that, every entity is read as it is needed: the same bytes either way.
  {
    ScreenOptions small = delta;
    small.entity_cache_size = 1;
    small.out_path = dir.File("delta-small-cache.scores");
    REQUIRE(RunScreen(small, &report).ok());
    CHECK(report.rescreened == 3);
    CHECK(ReadText(small.out_path) == ReadText(full.out_path));
  }

  // A shipment's document, payment and item export-control column change: screened again (they
  // were outside input_digest, and the shipment was carried over stale).
  Execute(db, R"(
INSERT INTO shipment_document (shipment_id, kind, reference) VALUES ('S-0010', 'end_use_certificate', 'EUC-1');
INSERT INTO payment (shipment_id, payment_id, payer_country) VALUES ('S-0011', 'P-1', 'AE');
UPDATE shipment_item SET eccn = '3A001' WHERE shipment_id = 'S-0012';
)");
  REQUIRE(RunScreen(full, &report).ok());
  delta.since_path = dir.File("delta.scores");
  delta.out_path = dir.File("delta1b.scores");
  REQUIRE(RunScreen(delta, &report).ok());
  CHECK(report.rescreened == 3);
  CHECK(ReadText(delta.out_path) == ReadText(full.out_path));

  // An entity's record changes: every shipment naming it is screened again.
  Execute(db, "UPDATE entity SET name = 'KARACHI TEXTILE MILLS LTD' WHERE entity_id = 'E-3'");
  REQUIRE(RunScreen(full, &report).ok());
  delta.since_path = dir.File("delta1b.scores");
  delta.out_path = dir.File("delta2.scores");
  REQUIRE(RunScreen(delta, &report).ok());
  CHECK(report.rescreened > 0);
  CHECK(report.carried_over > 0);
  CHECK(ReadText(delta.out_path) == ReadText(full.out_path));
  CHECK(report.entities_screened == 1);  // the renamed E-3 alone

  // An owner's record changes: the shipments naming it or a company below it (E-2) are
  // screened again, the others carried over (before per-shipment dependencies: every shipment).
  Execute(db, "UPDATE entity SET name = 'SBER VOSTOK L.L.P.' WHERE entity_id = 'E-1'");
  REQUIRE(RunScreen(full, &report).ok());
  delta.since_path = dir.File("delta2.scores");
  delta.out_path = dir.File("delta2b.scores");
  REQUIRE(RunScreen(delta, &report).ok());
  CHECK(report.delta_note == "");
  const int64_t below_e1 = ShipmentsAtOrBelow(db, "E-1");
  CHECK(below_e1 < 400);
  CHECK(report.rescreened == below_e1);
  CHECK(report.carried_over == 400 - below_e1);
  CHECK(ReadText(delta.out_path) == ReadText(full.out_path));
  CHECK(report.entities_screened == 1);  // only E-1's names

  // New ownership rows, a chain E-6 -> E-4 -> E-3: the shipments naming E-4 or E-3 are screened
  // again, those naming only E-1 and E-2 are carried over.
  Execute(db, R"(
INSERT INTO entity (entity_id, kind, name, country) VALUES ('E-6', 'company', 'TASHKENT HOLDING', 'UZ');
INSERT INTO ownership (owner_id, owned_id, share) VALUES ('E-6', 'E-4', 60), ('E-4', 'E-3', 60);
)");
  REQUIRE(RunScreen(full, &report).ok());
  delta.since_path = dir.File("delta2b.scores");
  delta.out_path = dir.File("delta2c.scores");
  REQUIRE(RunScreen(delta, &report).ok());
  CHECK(report.delta_note == "");
  const int64_t below_e6 = ShipmentsAtOrBelow(db, "E-6");
  CHECK(below_e6 < 400);
  CHECK(report.rescreened == below_e6);
  CHECK(ReadText(delta.out_path) == ReadText(full.out_path));
  CHECK(report.entities_screened == 1);  // the new owner E-6
  const std::map<std::string, Decision> before_listed = Decisions(full.out_path);

  // The owner at the top of the chain becomes a listed party (its name is now the list entry's):
  // E-4 and, through it, E-3 are blocked by ownership although no row of their shipments
  // changed. Their records must not be carried over; the others are.
  Execute(db, "UPDATE entity SET name = 'SBER VOSTOK LLP' WHERE entity_id = 'E-6'");
  REQUIRE(RunScreen(full, &report).ok());
  delta.since_path = dir.File("delta2c.scores");
  delta.out_path = dir.File("delta2d.scores");
  REQUIRE(RunScreen(delta, &report).ok());
  CHECK(report.delta_note == "");
  CHECK(report.rescreened == below_e6);
  CHECK(report.carried_over == 400 - below_e6);
  CHECK(ReadText(delta.out_path) == ReadText(full.out_path));
  int newly_blocked = 0;
  for (const auto& [shipment_id, decision] : Decisions(delta.out_path)) {
    newly_blocked += decision == BLOCK && before_listed.at(shipment_id) != BLOCK;
  }
  CHECK(newly_blocked > 0);

  // A row below a party (E-3 now owns E-7, on no shipment): nothing above E-3 can see it; only
  // the shipments naming E-3 are screened again (the row is among those that number E-3's node).
  Execute(db, R"(
INSERT INTO entity (entity_id, kind, name, country) VALUES ('E-7', 'company', 'QUETTA YARN', 'PK');
INSERT INTO ownership (owner_id, owned_id, share) VALUES ('E-3', 'E-7', 100);
)");
  REQUIRE(RunScreen(full, &report).ok());
  delta.since_path = dir.File("delta2d.scores");
  delta.out_path = dir.File("delta2e.scores");
  REQUIRE(RunScreen(delta, &report).ok());
  CHECK(report.delta_note == "");
  CHECK(report.rescreened == ShipmentsAtOrBelow(db, "E-3"));
  CHECK(report.rescreened < below_e6);
  CHECK(ReadText(delta.out_path) == ReadText(full.out_path));

  // A list update: every shipment is screened again (the matcher's word weights are statistics
  // over every listed name), and the output is still a full run's.
  Execute(db, R"(
INSERT INTO list_import (list_id, version) VALUES ('wl', 'test2');
INSERT INTO list_entry (list_id, entry_id, kind, name, programs)
  VALUES ('wl', '2', 'company', 'URUMQI COTTON TRADING', 'UFLPA');
INSERT INTO list_change (import_id, list_id, entry_id, change, name)
  VALUES (1, 'wl', '2', 'added', 'URUMQI COTTON TRADING');
)");
  REQUIRE(RunScreen(full, &report).ok());
  delta.since_path = dir.File("delta2e.scores");
  delta.out_path = dir.File("delta3.scores");
  REQUIRE(RunScreen(delta, &report).ok());
  CHECK(report.delta_note.find("a list was imported") != std::string::npos);
  CHECK(report.carried_over == 0);
  CHECK(ReadText(delta.out_path) == ReadText(full.out_path));
  // The added entry matches E-4, whose record did not change: its facts cannot be carried, nor
  // anyone's (the list doubled, one entry to two: the corpus size's step moved every word weight),
  // so every entity is screened again. A list update that leaves the step alone screens only what
  // it reaches ("A delta run after a list update screens only the entities the update reaches").
  CHECK(report.facts_note.find("the lists' size changed") != std::string::npos);
  CHECK(report.entities_screened == 6);

  // An analyst clears a hit: the shipments naming the party (or a company it owns) are screened
  // again, the carried-over records of the others cannot hold it; the output is still a full
  // run's (docs/batch.md, docs/decisions.md).
  decisions::DecisionRequest request;
  for (const scores::ShipmentScore& score : ReadShipments(full.out_path)) {
    for (const scores::RuleHit& hit : score.hits()) {
      for (const scores::Evidence& evidence : hit.evidence()) {
        if (!evidence.has_list_match() || !request.entity_id.empty()) continue;
        request.entity_id = evidence.party().entity_id();
        request.hit = {hit.rule_id(), evidence.list_match().list_id(),
                       evidence.list_match().entry_id(), ""};
      }
    }
  }
  REQUIRE_FALSE(request.entity_id.empty());
  request.decided_by = "a.analyst";
  request.reason = "a namesake";
  request.decided_at = "2025-01-31T09:00:00Z";
  decisions::DecisionRecord recorded;
  REQUIRE(decisions::RecordDecision(db, request, &recorded).ok());
  REQUIRE(RunScreen(full, &report).ok());
  delta.since_path = dir.File("delta3.scores");
  delta.out_path = dir.File("delta4.scores");
  REQUIRE(RunScreen(delta, &report).ok());
  CHECK(report.delta_note == "");
  CHECK(report.rescreened == ShipmentsAtOrBelow(db, request.entity_id));
  CHECK(report.carried_over > 0);
  CHECK(ReadText(delta.out_path) == ReadText(full.out_path));
  CHECK(report.entities_screened == 0);  // a decision acts after screening: facts carried
  int suppressed = 0;
  for (const scores::ShipmentScore& score : ReadShipments(full.out_path)) {
    suppressed += score.suppressed_hits_size();
  }
  CHECK(suppressed > 0);

  // Other rules: everything again.
  std::string other =
      MakeRules(dir, {{"r.textproto", std::string(testing::kTestScoring) + kBatchRules + R"(
rule { id: "uz" description: "to Uzbekistan" category: SECURITY weight: 5
  jurisdiction { subjects: [DESTINATION] countries: ["UZ"] } }
)"}});
  ScreenOptions changed_rules = Options(db, other, dir.File("rules.scores"));
  changed_rules.since_path = dir.File("delta4.scores");
  REQUIRE(RunScreen(changed_rules, &report).ok());
  CHECK(report.delta_note.find("the rules changed") != std::string::npos);
  CHECK(report.carried_over == 0);
  // The name matching is the same: the facts are carried, the bytes are a full run's.
  CHECK(report.entities_screened == 0);
  ScreenOptions full_other = Options(db, other, dir.File("rules-full.scores"));
  REQUIRE(RunScreen(full_other, &report).ok());
  CHECK(ReadText(changed_rules.out_path) == ReadText(full_other.out_path));

  // A listed entry is removed that E-1 (untouched) matched: every entity again.
  Execute(db, R"(
DELETE FROM list_entry WHERE entry_id = '1';
INSERT INTO list_import (list_id, version) VALUES ('wl', 'test3');
)");
  REQUIRE(RunScreen(full, &report).ok());
  delta.since_path = dir.File("delta4.scores");
  delta.out_path = dir.File("delta5.scores");
  REQUIRE(RunScreen(delta, &report).ok());
  CHECK(report.entities_screened == 6);
  CHECK(ReadText(delta.out_path) == ReadText(full.out_path));
}

// docs/batch.md, "Delta runs": a rule whose finding reads other shipments (unit-value medians,
// consignee histories, forced-labour traces) changes for a shipment whose own rows did not. Here
// other shipments' values of one HS code rise, so an unchanged shipment of that code falls under a
// quarter of the median: before 2026-12-02 the delta carried its old record over (the bytes
// differed from a full run's); now its digest holds the median it was judged against.
// A list of 302 entries (the corpus size's step holds from 300 to 304 entries: adding or
// removing one or two moves no word weight by the size), 30 companies: ten named as entries, ten
// one letter off, ten unlisted; 150 shipments naming them.
std::string ListWorldWord(int k) {
  static const char* kSyllables[] = {"KA", "LO",  "MIR", "ZHA", "NUR", "BEK", "TASH",
                                     "QI", "DOS", "SAN", "VEK", "RUS", "PAR", "GUL"};
  return std::string(kSyllables[k % 14]) + kSyllables[(k / 14) % 14] + kSyllables[(k / 196) % 14];
}
std::string ListWorldName(int i) {
  return ListWorldWord(i) + " " + ListWorldWord(i * 13 + 5) + (i % 5 == 0 ? " TRADING LLC" : "");
}
std::string ListWorldEntity(int k) {
  if (k < 10) return ListWorldName(k);
  if (k < 20) {  // the second word's last letter changed
    std::string second = ListWorldWord(k * 13 + 5);
    second.back() = second.back() == 'X' ? 'Z' : 'X';
    return ListWorldWord(k) + " " + second + (k % 5 == 0 ? " TRADING LLC" : "");
  }
  return ListWorldWord(1000 + k) + " " + ListWorldWord(2000 + k * 3);
}
std::string ListUpdateWorld() {
  std::string sql = "INSERT INTO list_source (list_id, version) VALUES ('wl', 'test');\n";
  for (int i = 0; i < 302; ++i) {
    sql +=
        "INSERT INTO list_entry (list_id, entry_id, kind, name, programs, country) VALUES "
        "('wl', '" +
        std::to_string(i) + "', 'company', '" + ListWorldName(i) + "', 'SDGT', 'KZ');\n";
  }
  for (int k = 0; k < 30; ++k) {
    sql += "INSERT INTO entity (entity_id, kind, name, country) VALUES ('E-" + std::to_string(k) +
           "', 'company', '" + ListWorldEntity(k) + "', 'KZ');\n";
  }
  for (int i = 0; i < 150; ++i) {
    std::string id = "S-" + std::to_string(1000 + i);
    sql += "INSERT INTO shipment (shipment_id, destination_country) VALUES ('" + id + "', '" +
           (i % 3 ? "KZ" : "PK") + "');\n";
    sql += "INSERT INTO shipment_party VALUES ('" + id + "', 'E-" + std::to_string(i % 30) +
           "', 'consignee'), ('" + id + "', 'E-" + std::to_string((i * 7 + 3) % 30) +
           "', 'shipper');\n";
  }
  return sql;
}

// After a list update the name matcher's weights stay where they were but for the words of the
// changed entries (engine/names/score.h, kWeightGrid), so a delta run patches each unchanged
// entity's facts by searching the changed entries only, and screens in full only the entities
// holding a word whose weight moved (docs/batch.md, "A list update"). Every update is checked
// byte for byte against a full run.
TEST_CASE("A delta run after a list update screens only the entities the update reaches",
          "[batch]") {
  TempDir dir;
  std::string db = MakeDatabase(dir, ListUpdateWorld());
  std::string rules = BatchRules(dir);
  ScreenOptions full = Options(db, rules, dir.File("night.scores"));
  ScreenReport report;
  REQUIRE(RunScreen(full, &report).ok());
  REQUIRE(report.entities_screened == 30);
  int blocked_before = 0;
  for (const scores::ShipmentScore& score : ReadShipments(full.out_path)) {
    blocked_before += score.decision() == BLOCK;
  }
  CHECK(blocked_before > 0);

  const std::vector<std::string> updates = {
      // E-25, unlisted, is listed now; E-3's entry is delisted; E-5's entry moves to another
      // country (its match's corroboration changes); E-12's entry gains E-12's exact name as an
      // alias (a fuzzy match becomes exact).
      "INSERT INTO list_entry (list_id, entry_id, kind, name, programs, country) VALUES ('wl', "
      "'900', 'company', '" +
          ListWorldEntity(25) +
          "', 'SDGT', 'KZ');\n"
          "DELETE FROM list_entry WHERE entry_id = '3';\n"
          "UPDATE list_entry SET country = 'IR' WHERE entry_id = '5';\n"
          "INSERT INTO list_alias (list_id, entry_id, name) VALUES ('wl', '12', '" +
          ListWorldEntity(12) + "');\n",
      // A company word gains an entry; E-25's entry is delisted again; an entry is renamed.
      "INSERT INTO list_entry (list_id, entry_id, kind, name, programs, country) VALUES ('wl', "
      "'901', 'company', 'NURKA TRADING LLC', 'SDGT', 'CN');\n"
      "DELETE FROM list_entry WHERE entry_id = '900';\n"
      "UPDATE list_entry SET name = '" +
          ListWorldEntity(27) + "' WHERE entry_id = '40';\n",
  };
  std::string previous = full.out_path;
  for (size_t round = 0; round < updates.size(); ++round) {
    INFO("update " << round + 1);
    Execute(db, updates[round] + "INSERT INTO list_import (list_id, version) VALUES ('wl', 't" +
                    std::to_string(round) + "');\n");
    full.out_path = dir.File("full" + std::to_string(round) + ".scores");
    REQUIRE(RunScreen(full, &report).ok());
    ScreenOptions delta = Options(db, rules, dir.File("delta" + std::to_string(round) + ".scores"));
    delta.since_path = previous;
    REQUIRE(RunScreen(delta, &report).ok());
    INFO(report.facts_note);
    CHECK(report.facts_note.find("the lists changed") != std::string::npos);
    CHECK(report.list_entries_changed > 0);
    // Every entity is asked for (a list import re-scores every shipment); most are patched.
    CHECK(report.entities_screened + report.entities_patched == 30);
    CHECK(report.entities_patched >= 20);
    CHECK(ReadText(delta.out_path) == ReadText(full.out_path));
    previous = delta.out_path;
  }
  // The updates changed decisions: a delta that kept the old facts would have shown it.
  std::map<std::string, int> before, after;
  for (const scores::ShipmentScore& score : ReadShipments(dir.File("night.scores"))) {
    before[score.shipment_id()] = score.decision();
  }
  int changed = 0;
  for (const scores::ShipmentScore& score : ReadShipments(full.out_path)) {
    changed += before[score.shipment_id()] != score.decision();
  }
  CHECK(changed > 0);
}

// A list row changed by hand (an analyst adds a known alias with SQL), with no import: the list
// versions and the last import are as before, yet a party now matches. Before, the header stayed
// equal and the delta carried the party's shipments over as they were (the untouched entity's old
// CLEAR records); the header's lists_digest covers the list tables' rows now.
TEST_CASE("A delta run sees a list row changed without an import", "[batch]") {
  TempDir dir;
  std::string db = MakeDatabase(dir, BatchWorld(60));
  std::string rules = BatchRules(dir);
  ScreenOptions full = Options(db, rules, dir.File("night.scores"));
  ScreenReport report;
  REQUIRE(RunScreen(full, &report).ok());
  Execute(db,
          "INSERT INTO list_alias (list_id, entry_id, name) VALUES ('wl', '1', "
          "'KARACHI TEXTILE MILLS');\n");
  ScreenOptions delta = Options(db, rules, dir.File("delta.scores"));
  delta.since_path = full.out_path;
  full.out_path = dir.File("full.scores");
  REQUIRE(RunScreen(full, &report).ok());
  REQUIRE(RunScreen(delta, &report).ok());
  CHECK(report.delta_note.find("list") != std::string::npos);
  CHECK(ReadText(delta.out_path) == ReadText(full.out_path));
}

TEST_CASE("A delta run sees other shipments' changes that a rule reads", "[batch]") {
  TempDir dir;
  std::string db = MakeDatabase(dir, BatchWorld(40));
  std::string rules =
      MakeRules(dir, {{"r.textproto", std::string(testing::kTestScoring) + kBatchRules + R"(
rule { id: "cheap" description: "cheap" category: EXPORT_CONTROL weight: 20
  red_flag { flag: LOW_UNIT_VALUE unit_value_ratio: 0.25 min_samples: 5 hs_digits: 6 } }
rule { id: "elsewhere" description: "elsewhere" category: EXPORT_CONTROL weight: 10
  red_flag { flag: FINAL_DESTINATION_DIFFERS } }
)"}});
  Execute(db,
          "UPDATE shipment SET currency = 'USD'; UPDATE shipment_item SET unit = 'kg',"
          " quantity = 10, value = 100 WHERE hs_code = '520100';");
  ScreenOptions first = Options(db, rules, dir.File("night1.scores"));
  ScreenReport report;
  REQUIRE(RunScreen(first, &report).ok());
  // Every shipment of the code but S-0001 is repriced tenfold: S-0001's rows stay as they were.
  Execute(db,
          "UPDATE shipment_item SET value = 1000 WHERE hs_code = '520100'"
          " AND shipment_id != 'S-0001';");
  ScreenOptions full = Options(db, rules, dir.File("full.scores"));
  REQUIRE(RunScreen(full, &report).ok());
  std::vector<scores::ShipmentScore> rescored = ReadShipments(full.out_path);
  REQUIRE(rescored.size() == 40);
  REQUIRE(rescored[1].shipment_id() == "S-0001");
  auto has_cheap = [](const scores::ShipmentScore& score) {
    for (const scores::RuleHit& hit : score.hits()) {
      if (hit.rule_id() == "cheap") return true;
    }
    return false;
  };
  REQUIRE_FALSE(has_cheap(ReadShipments(first.out_path)[1]));
  REQUIRE(has_cheap(rescored[1]));  // S-0001 is now under a quarter of the median
  ScreenOptions delta = Options(db, rules, dir.File("delta.scores"));
  delta.since_path = first.out_path;
  REQUIRE(RunScreen(delta, &report).ok());
  CHECK(report.delta_note == "");
  CHECK(ReadText(delta.out_path) == ReadText(full.out_path));
  // A rerun with nothing changed carries every shipment over: the state digests are stable.
  ScreenOptions again = Options(db, rules, dir.File("again.scores"));
  again.since_path = full.out_path;
  REQUIRE(RunScreen(again, &report).ok());
  CHECK(report.carried_over == 40);
  CHECK(ReadText(again.out_path) == ReadText(full.out_path));
}

TEST_CASE("An input digest is the first 8 bytes of the SHA-256 of its record", "[batch]") {
  // FIPS 180-2's test vectors: a previous stream's digests stay comparable only if the digest is
  // this function of the bytes, whatever way it is computed.
  DigestBuilder abc;
  abc.AddRaw("abc");
  CHECK(abc.First8Bytes() == 0xba7816bf8f01cfeaull);
  DigestBuilder empty;
  CHECK(empty.First8Bytes() == 0xe3b0c44298fc1c14ull);
  const std::string million(1000000, 'a');
  const std::array<unsigned char, 32> digest = Sha256::Digest(million);
  Sha256 streamed;
  streamed.Update(million);
  std::string hex;
  for (unsigned char byte : digest) {
    hex += "0123456789abcdef"[byte >> 4];
    hex += "0123456789abcdef"[byte & 15];
  }
  CHECK(hex == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  CHECK(hex == streamed.HexDigest());
  // Each thread hashes with its own context: the same bytes give the same digest on any thread.
  std::vector<uint64_t> per_thread(4);
  std::vector<std::thread> threads;
  for (size_t i = 0; i < per_thread.size(); ++i) {
    threads.emplace_back([&, i] {
      for (int n = 0; n < 100; ++n) per_thread[i] = abc.First8Bytes();
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (uint64_t value : per_thread) CHECK(value == 0xba7816bf8f01cfeaull);
}

TEST_CASE("A digest tells two different numbers apart and equal ones not", "[batch]") {
  auto digest = [](std::optional<double> value) {
    DigestBuilder builder;
    builder.Add(value);
    return builder.First8Bytes();
  };
  const std::vector<std::optional<double>> values = {
      std::nullopt, 0.0, -0.0, 1.0, std::nextafter(1.0, 2.0), 0.1, 1e300, -1e-300, 12.5};
  std::set<uint64_t> seen;
  for (const std::optional<double>& value : values) CHECK(seen.insert(digest(value)).second);
  CHECK(digest(0.1) == digest(1.0 / 10));
  CHECK(digest(12.5) == digest(25.0 / 2));
}

TEST_CASE("An entity is digested once as read, and each of its fields counts", "[batch]") {
  TempDir dir;
  std::string db_path = MakeDatabase(dir, R"(
INSERT INTO entity (entity_id, kind, name, country, region, address, birth_date, registration_id,
  imo, incorporated_on) VALUES ('E-1', 'company', 'OWNER HOLDING', 'KZ', 'KZ-ALA', '1 Abay Ave',
  NULL, '123456789012', NULL, '2019-05-01'), ('E-2', 'person', 'IVANOV, Ivan', 'RU', NULL, NULL,
  '1970-01-02', NULL, NULL, NULL);
INSERT INTO entity_alias (entity_id, name) VALUES ('E-1', 'OWNER HLDG'), ('E-1', 'HOLDING OWNER');
)");
  std::unique_ptr<InputDatabase> input;
  REQUIRE(InputDatabase::Open(db_path, &input).ok());
  std::vector<DataProblem> problems;
  std::optional<Entity> found = input->FindEntity("E-1", &problems);
  REQUIRE(found);
  // Stamped by the reader, with the digest of the fields it read, the same by either read.
  Entity unstamped = *found;
  unstamped.digest = 0;
  CHECK(found->digest != 0);
  CHECK(found->digest == EntityDigest(unstamped));
  std::map<std::string, uint64_t> scanned;
  REQUIRE(input
              ->ReadEntities(
                  {"E-1", "E-2"},
                  [&](Entity e, std::vector<DataProblem>) { scanned[e.entity_id] = e.digest; })
              .ok());
  CHECK(scanned["E-1"] == found->digest);
  CHECK(scanned["E-2"] == input->FindEntity("E-2", &problems)->digest);
  CHECK(scanned["E-2"] != scanned["E-1"]);

  // A shipment's digest is the same with the stamp or without it (an entity made elsewhere, as
  // `serve` makes one, is digested when the shipment is).
  auto digest_with = [](const Entity& e) {
    Shipment shipment;
    shipment.shipment_id = "S-1";
    shipment.parties.push_back({e.entity_id, "consignee", std::make_shared<const Entity>(e)});
    return ShipmentInputDigest(shipment);
  };
  const uint64_t base = digest_with(*found);
  CHECK(digest_with(unstamped) == base);
  // Every field the screening or a rule reads changes it; so does an alias.
  std::vector<std::function<void(Entity*)>> changes = {
      [](Entity* e) { e->kind = "person"; },
      [](Entity* e) { e->name = "OWNER HOLDINGS"; },
      [](Entity* e) { e->country = "UZ"; },
      [](Entity* e) { e->region.reset(); },
      [](Entity* e) { e->address = "2 Abay Ave"; },
      [](Entity* e) { e->birth_date = "1970"; },
      [](Entity* e) { e->registration_id = "123456789013"; },
      [](Entity* e) { e->imo = "9123456"; },
      [](Entity* e) { e->incorporated_on = "2019-05-02"; },
      [](Entity* e) { e->activity = "shipping"; },
      [](Entity* e) { e->aliases.pop_back(); },
      [](Entity* e) { e->aliases.push_back("OWNER"); },
  };
  std::set<uint64_t> seen = {base};
  for (size_t i = 0; i < changes.size(); ++i) {
    CAPTURE(i);
    Entity changed = unstamped;
    changes[i](&changed);
    CHECK(seen.insert(digest_with(changed)).second);
  }
}

TEST_CASE("A shipment's digest covers its ownership chain and the decisions that can apply to it",
          "[batch]") {
  TempDir dir;
  std::string db_path = MakeDatabase(dir, R"(
INSERT INTO entity (entity_id, kind, name, country) VALUES
  ('E-1', 'company', 'OWNER HOLDING', 'KZ'), ('E-2', 'company', 'BUYER LLP', 'KZ'),
  ('E-3', 'company', 'SUBSIDIARY LLP', 'KZ'), ('E-9', 'company', 'PAYER FZE', 'AE');
INSERT INTO ownership (owner_id, owned_id, share) VALUES ('E-1', 'E-2', 60), ('E-2', 'E-3', 100);
CREATE TABLE IF NOT EXISTS decision (decision_id INTEGER PRIMARY KEY,
  shipment_id TEXT NOT NULL DEFAULT '', entity_id TEXT NOT NULL DEFAULT '', rule_id TEXT NOT NULL,
  list_id TEXT NOT NULL DEFAULT '', entry_id TEXT NOT NULL DEFAULT '', verdict TEXT NOT NULL,
  decided_by TEXT NOT NULL, reason TEXT NOT NULL, decided_at TEXT NOT NULL, expires_on TEXT,
  party_digest TEXT NOT NULL DEFAULT '', entry_digest TEXT NOT NULL DEFAULT '',
  shipment_digest TEXT NOT NULL DEFAULT '');
)");
  Shipment shipment;
  shipment.shipment_id = "S-1";
  shipment.parties.push_back({"E-2", "consignee", nullptr});
  shipment.payments.emplace_back().payer_entity_id = "E-9";
  auto digest = [&](std::vector<std::string>* closure) {
    std::unique_ptr<Database> db;
    REQUIRE(Database::OpenReadOnly(db_path, &db).ok());
    std::unique_ptr<ShipmentDependencies> dependencies;
    REQUIRE(ShipmentDependencies::Load(db.get(), &dependencies).ok());
    if (closure != nullptr) *closure = dependencies->Closure(shipment);
    return ShipmentInputDigest(shipment, dependencies.get());
  };
  // The owner above the party is in the closure, the company below it is not.
  std::vector<std::string> closure;
  const uint64_t before = digest(&closure);
  CHECK(closure == std::vector<std::string>{"E-1", "E-2"});
  CHECK(before != ShipmentInputDigest(shipment));
  auto decide = [&](const std::string& scope, const std::string& id) {
    Execute(db_path, "INSERT INTO decision (" + scope +
                         ", rule_id, verdict, decided_by, reason, decided_at) VALUES ('" + id +
                         "', 'r', 'cleared', 'a.analyst', 'checked', '2025-01-31T09:00:00Z')");
  };
  decide("entity_id", "E-3");  // below the party: never applies to this shipment's evidence
  CHECK(digest(nullptr) == before);
  decide("shipment_id", "S-2");  // another shipment
  CHECK(digest(nullptr) == before);
  decide("entity_id", "E-9");  // the payer: THIRD_COUNTRY_PAYER evidence names it
  const uint64_t payer = digest(nullptr);
  CHECK(payer != before);
  decide("shipment_id", "S-1");
  const uint64_t own = digest(nullptr);
  CHECK(own != payer);
  decide("entity_id", "E-1");  // the owner (conservatively)
  CHECK(digest(nullptr) != own);
}

TEST_CASE("An entity numbered by the run is found by its number as by its id", "[batch]") {
  // Entity::number replaces a hashed id in the per-party tables (docs/performance.md, "Entities
  // numbered once"): each table must answer for a numbered entity what it answers for its id.
  EntityNumbering numbering({"E-1", "E-2", "E-3", "E-4", "E-7"});
  CHECK(numbering.size() == 5);
  CHECK(numbering.NumberOf("E-1") == 1);
  CHECK(numbering.NumberOf("E-7") == 5);
  CHECK(numbering.NumberOf("E-5") == 0);
  CHECK(numbering.NumberOf("") == 0);
  CHECK(numbering.NumberOf("E-70") == 0);
  CHECK(numbering.IdOf(4) == "E-4");

  TempDir dir;
  std::string db_path = MakeDatabase(dir, R"(
INSERT INTO entity (entity_id, kind, name, country) VALUES
  ('E-1', 'company', 'OWNER HOLDING', 'KZ'), ('E-2', 'company', 'BUYER LLP', 'KZ'),
  ('E-3', 'company', 'SUBSIDIARY LLP', 'KZ'), ('E-4', 'company', 'SHIPPER CO', 'CN'),
  ('E-7', 'company', 'TOP HOLDING', 'AE');
INSERT INTO ownership (owner_id, owned_id, share) VALUES
  ('E-1', 'E-2', 60), ('E-2', 'E-3', 100), ('E-7', 'E-1', 51);
)");
  auto entity = [&](const std::string& id, uint32_t number) {
    auto e = std::make_shared<Entity>();
    e->entity_id = id;
    e->number = number;
    return std::shared_ptr<const Entity>(std::move(e));
  };
  auto shipment_of = [&](bool numbered) {
    Shipment s;
    s.shipment_id = "S-1";
    for (const char* id : {"E-2", "E-4", "E-9"}) {  // E-9: no entity, no number
      const uint32_t number = numbered ? numbering.NumberOf(id) : 0;
      s.parties.push_back(
          {id, "consignee", std::string(id) == "E-9" ? nullptr : entity(id, number)});
    }
    return s;
  };
  std::unique_ptr<Database> db;
  REQUIRE(Database::OpenReadOnly(db_path, &db).ok());
  std::unique_ptr<ShipmentDependencies> dependencies;
  REQUIRE(ShipmentDependencies::Load(db.get(), &dependencies).ok());
  const std::vector<std::string> closure = dependencies->Closure(shipment_of(false));
  const uint64_t digest = ShipmentInputDigest(shipment_of(false), dependencies.get());
  CHECK(closure == std::vector<std::string>{"E-1", "E-2", "E-4", "E-7", "E-9"});
  dependencies->Number(numbering);
  CHECK(dependencies->Closure(shipment_of(true)) == closure);
  CHECK(ShipmentInputDigest(shipment_of(true), dependencies.get()) == digest);
  CHECK(ShipmentInputDigest(shipment_of(false), dependencies.get()) == digest);

  std::unique_ptr<InputDatabase> input;
  REQUIRE(InputDatabase::Open(db_path, &input).ok());
  OwnershipWorld world;
  REQUIRE(BuildOwnershipWorld(input.get(), nullptr, &world).ok());
  std::map<std::string, NodeId> by_id;
  for (const std::string& id : numbering.ids()) by_id[id] = world.EntityNode(id, 0);
  CHECK(by_id["E-4"] == kNoNode);  // in no ownership record
  CHECK(by_id["E-7"] != kNoNode);
  world.NumberEntities(numbering);
  for (const std::string& id : numbering.ids()) {
    INFO(id);
    CHECK(world.EntityNode(id, numbering.NumberOf(id)) == by_id[id]);
    CHECK(world.EntityNode(id, 0) == by_id[id]);
  }
}

TEST_CASE("The ownership walk takes the entities the run read up front and reads only the rest",
          "[batch]") {
  // BuildOwnershipWorld read every owner and owned company again, two queries each: 2-3 s of a
  // million-shipment run's setup on one thread (docs/performance.md, "The ownership walk reads no
  // entity twice"). With the run's up-front read it takes those entities as read.
  TempDir dir;
  std::string db_path = MakeDatabase(dir, R"(
INSERT INTO entity (entity_id, kind, name, country) VALUES
  ('E-1', 'company', 'OWNER HOLDING', 'KZ'), ('E-2', 'company', 'BUYER LLP', 'KZ'),
  ('E-3', 'company', 'SUBSIDIARY LLP', 'KZ'), ('E-7', 'company', 'TOP HOLDING', 'AE');
INSERT INTO entity_alias (entity_id, name) VALUES ('E-7', 'TOP HOLDING FZE');
INSERT INTO ownership (owner_id, owned_id, share) VALUES
  ('E-1', 'E-2', 60), ('E-2', 'E-3', 100), ('E-7', 'E-1', 51), ('E-7', 'E-404', 10);
)");
  // Records what it is asked to screen: the entity as the walk holds it.
  struct Recorder : PartyScreener {
    std::map<std::string, Entity> seen;
    void Screen(const Entity& entity, EntityFacts*, std::vector<DataProblem>*) override {
      seen[entity.entity_id] = entity;
    }
  };
  std::unique_ptr<InputDatabase> input;
  REQUIRE(InputDatabase::Open(db_path, &input).ok());
  auto names_of = [](const OwnershipWorld& world) {
    std::map<std::string, std::string> names;
    for (const auto& [node, name] : world.names) names[world.graph.Name(node)] = name;
    return names;
  };
  Recorder unread;
  OwnershipWorld by_query;
  REQUIRE(BuildOwnershipWorld(input.get(), &unread, &by_query).ok());
  REQUIRE(unread.seen.size() == 4);  // E-404 does not exist
  CHECK(unread.seen["E-7"].aliases.size() == 1);

  // The run's read, as PrescreenEntities makes it: the same entities, each with its number.
  EntityReads read;
  REQUIRE(
      input
          ->ReadEntities(
              {"E-1", "E-2", "E-3", "E-7"},
              [&](Entity entity, std::vector<DataProblem> problems) {
                entity.number = entity.entity_id == "E-7" ? 4 : 1;
                std::string id = entity.entity_id;
                read[id] = {std::make_shared<const Entity>(std::move(entity)), std::move(problems)};
              })
          .ok());
  REQUIRE(read.size() == 4);
  Recorder taken;
  OwnershipWorld from_read;
  REQUIRE(BuildOwnershipWorld(input.get(), &taken, &from_read, "", &read).ok());
  CHECK(names_of(from_read) == names_of(by_query));
  CHECK(from_read.graph.node_count() == by_query.graph.node_count());
  REQUIRE(taken.seen.size() == 4);
  CHECK(taken.seen["E-7"].number == 4);  // the run's entity, not a second read of the row
  CHECK(taken.seen["E-7"].aliases == unread.seen["E-7"].aliases);
  CHECK(taken.seen["E-2"].number == 1);

  // An entity the read lacks is read from the database, as before.
  read.erase("E-2");
  Recorder partly;
  OwnershipWorld partly_read;
  REQUIRE(BuildOwnershipWorld(input.get(), &partly, &partly_read, "", &read).ok());
  CHECK(names_of(partly_read) == names_of(by_query));
  REQUIRE(partly.seen.count("E-2") == 1);
  CHECK(partly.seen["E-2"].number == 0);
  CHECK(partly.seen["E-2"].name == "BUYER LLP");
}

TEST_CASE("A delta run reuses entity facts only under the same name matching", "[batch]") {
  TempDir dir;
  std::string db = MakeDatabase(dir, BatchWorld(100));
  std::string rules = BatchRules(dir);
  ScreenOptions night = Options(db, rules, dir.File("night.scores"));
  ScreenReport report;
  REQUIRE(RunScreen(night, &report).ok());
  REQUIRE(report.entities_screened == 4);

  // A lower name threshold: other matches may be kept, so the facts are not reused.
  std::string lower =
      MakeRules(dir, {{"r.textproto", std::string(testing::kTestScoring) + kBatchRules + R"(
rule { id: "near" description: "near" category: SECONDARY_SANCTIONS weight: 10
  listed_party { lists: ["wl"] min_score: 0.5 } }
)"}});
  ScreenOptions delta = Options(db, lower, dir.File("lower.scores"));
  delta.since_path = night.out_path;
  REQUIRE(RunScreen(delta, &report).ok());
  CHECK(report.facts_note.find("the name matching, the build of corridor") != std::string::npos);
  CHECK(report.entities_screened == 4);
  ScreenOptions full = Options(db, lower, dir.File("lower-full.scores"));
  REQUIRE(RunScreen(full, &report).ok());
  CHECK(ReadText(delta.out_path) == ReadText(full.out_path));

  // A damaged facts file is used up to the damage; a missing one not at all. The bytes are a
  // full run's either way. (Another --as-of: every shipment, so every entity, is asked for.
  // MakeRules wrote the lower threshold into the same folder: `lower` is the rules now.)
  const std::string previous = dir.File("lower.scores");
  ScreenOptions next_day = Options(db, lower, dir.File("next-day.scores"));
  next_day.as_of = "2025-12-02";
  REQUIRE(RunScreen(next_day, &report).ok());
  std::string facts = ReadText(FactsPathFor(previous));
  {
    std::ofstream cut(FactsPathFor(previous), std::ios::binary | std::ios::trunc);
    cut << facts.substr(0, facts.size() - 3);
  }
  delta = Options(db, lower, dir.File("cut.scores"));
  delta.as_of = "2025-12-02";
  delta.since_path = previous;
  REQUIRE(RunScreen(delta, &report).ok());
  INFO(report.facts_note);
  CHECK(report.facts_note.find("is damaged") != std::string::npos);
  CHECK(report.entities_screened == 1);
  CHECK(report.entities_reused == 3);
  CHECK(ReadText(delta.out_path) == ReadText(next_day.out_path));
  std::filesystem::remove(FactsPathFor(previous));
  delta.out_path = dir.File("missing.scores");
  REQUIRE(RunScreen(delta, &report).ok());
  CHECK(report.facts_note.find("no entity facts file") != std::string::npos);
  CHECK(report.entities_screened == 4);
  CHECK(ReadText(delta.out_path) == ReadText(next_day.out_path));
}

// A stream written by another build of corridor (say, before a matcher fix) is never carried
// from: the same records may score differently now (docs/batch.md, "Delta runs").
TEST_CASE("A delta run carries nothing over from another build's stream", "[batch]") {
  TempDir dir;
  std::string db = MakeDatabase(dir, BatchWorld(40));
  std::string rules = BatchRules(dir);
  ScreenOptions night = Options(db, rules, dir.File("night.scores"));
  ScreenReport report;
  REQUIRE(RunScreen(night, &report).ok());
  // The build is in the header, and `explain` shows it.
  std::unique_ptr<ScoreReader> reader;
  REQUIRE(ScoreReader::Open(night.out_path, &reader).ok());
  scores::ScoreRecord record;
  REQUIRE(reader->Next(&record));
  REQUIRE(record.has_header());
  CHECK(record.header().engine_build() == EngineBuild());
  CHECK(std::string(EngineSourceDigest()).size() == 16);
  CHECK(ExplainHeader(record.header()).find("(build " + EngineBuild() + ")") != std::string::npos);

  // The same run, as if written by another build: rewritten with another engine_build.
  const std::string other = dir.File("other-build.scores");
  {
    std::unique_ptr<ScoreWriter> writer;
    REQUIRE(ScoreWriter::Open(other, ScoreFormat::kDelimited, &writer).ok());
    record.mutable_header()->set_engine_build("0.0.0+0123456789abcdef icu 72.1");
    REQUIRE(writer->Write(record).ok());
    while (reader->Next(&record)) REQUIRE(writer->Write(record).ok());
    REQUIRE(reader->status().ok());
    REQUIRE(writer->Commit().ok());
  }
  ScreenOptions delta = Options(db, rules, dir.File("delta.scores"));
  delta.since_path = other;
  REQUIRE(RunScreen(delta, &report).ok());
  INFO(report.delta_note);
  CHECK(report.delta_note.find("another build of corridor (0.0.0+0123456789abcdef icu 72.1") !=
        std::string::npos);
  CHECK(report.carried_over == 0);
  CHECK(report.rescreened == 40);
  CHECK(ReadText(delta.out_path) == ReadText(night.out_path));

  // From its own build's stream, the same delta carries everything.
  delta.since_path = night.out_path;
  delta.out_path = dir.File("delta2.scores");
  REQUIRE(RunScreen(delta, &report).ok());
  CHECK(report.delta_note == "");
  CHECK(report.carried_over == 40);
}

// The records of the delimited file at `path`, each as its bytes (without its size).
std::vector<std::string> DelimitedRecords(const std::string& path) {
  const std::string data = ReadText(path);
  google::protobuf::io::ArrayInputStream input(data.data(), static_cast<int>(data.size()));
  std::vector<std::string> records;
  std::string bytes;
  bool clean_end = false;
  while (ReadDelimitedBytes(&input, &bytes, &clean_end)) records.push_back(bytes);
  REQUIRE(clean_end);
  return records;
}

void WriteDelimitedRecords(const std::string& path, const std::vector<std::string>& records) {
  std::string data;
  for (const std::string& bytes : records) {
    uint8_t size[10];
    uint8_t* end = google::protobuf::io::CodedOutputStream::WriteVarint32ToArray(
        static_cast<uint32_t>(bytes.size()), size);
    data.append(reinterpret_cast<const char*>(size), static_cast<size_t>(end - size));
    data += bytes;
  }
  testing::WriteText(path, data);
}

// Found by review (2026-12-07): a previous stream's record altered so that it still parses (a
// BLOCK edited to CLEAR, a flipped bit) was carried over as it read, since its shipment's
// input_digest was unchanged; and a facts file's record so altered was reused. Every record now
// ends with its checksum (engine/output/record_checksum.h): a delta run carries nothing from an
// altered record on, nor from a record without a checksum (this build writes one on each). Each
// case left a BLOCK shipment CLEAR before.
TEST_CASE("A delta run carries over no record altered after it was written", "[batch]") {
  TempDir dir;
  std::string db = MakeDatabase(dir, BatchWorld(40));
  std::string rules = BatchRules(dir);
  ScreenOptions night = Options(db, rules, dir.File("night.scores"));
  ScreenReport report;
  REQUIRE(RunScreen(night, &report).ok());
  const std::vector<std::string> records = DelimitedRecords(night.out_path);
  REQUIRE(records.size() == 42);  // header, 40 shipments, summary
  for (const std::string& bytes : records) {
    CHECK(CheckTrailingChecksum(bytes) == ChecksumState::kValid);
  }
  // The first blocked shipment after the first few.
  size_t blocked = 0;
  for (size_t i = 5; i + 1 < records.size() && blocked == 0; ++i) {
    scores::ScoreRecord record;
    REQUIRE(record.ParseFromString(records[i]));
    if (record.shipment().decision() == BLOCK) blocked = i;
  }
  REQUIRE(blocked > 0);

  struct Case {
    std::string name;
    std::function<void(scores::ScoreRecord*)> alter;  // on the parsed record, checksum kept
    std::string note;
  };
  for (const Case& c : std::vector<Case>{
           {"a BLOCK edited to CLEAR",
            [](scores::ScoreRecord* r) { r->mutable_shipment()->set_decision(CLEAR); },
            "checksum mismatch"},
           {"a flipped bit in the score",
            [](scores::ScoreRecord* r) {
              double score = r->shipment().score();
              uint64_t bits;
              std::memcpy(&bits, &score, sizeof(bits));
              bits ^= uint64_t{1} << 51;
              std::memcpy(&score, &bits, sizeof(bits));
              r->mutable_shipment()->set_score(score);
            },
            "checksum mismatch"},
           {"its checksum taken off", [](scores::ScoreRecord* r) { r->clear_crc32(); },
            "no checksum, though the stream's header has one"}}) {
    INFO(c.name);
    std::vector<std::string> altered = records;
    scores::ScoreRecord record;
    REQUIRE(record.ParseFromString(altered[blocked]));
    REQUIRE(record.has_crc32());
    c.alter(&record);
    altered[blocked] = record.SerializeAsString();
    const std::string previous = dir.File("previous.scores");
    WriteDelimitedRecords(previous, altered);
    ScreenOptions delta = Options(db, rules, dir.File("delta.scores"));
    delta.since_path = previous;
    REQUIRE(RunScreen(delta, &report).ok());
    INFO(report.delta_note);
    CHECK(report.delta_note.find("the previous stream is damaged") != std::string::npos);
    CHECK(report.delta_note.find(c.note) != std::string::npos);
    CHECK(report.carried_over == static_cast<int64_t>(blocked) - 1);
    CHECK(report.rescreened == 40 - report.carried_over);
    CHECK(ReadText(delta.out_path) == ReadText(night.out_path));
  }
  // A stream damaged from its start saves nothing, and the run screens everything (before, a
  // stream cut inside its header failed the run): empty, cut, its header's checksum taken off,
  // or the facts file given instead of the stream. A --since naming no file is still an error.
  const std::string whole = ReadText(night.out_path);
  scores::ScoreRecord header;
  REQUIRE(header.ParseFromString(records[0]));
  header.clear_crc32();
  std::vector<std::string> unchecked_header = records;
  unchecked_header[0] = header.SerializeAsString();
  WriteDelimitedRecords(dir.File("unchecked-header.scores"), unchecked_header);
  testing::WriteText(dir.File("empty.scores"), "");
  testing::WriteText(dir.File("cut.scores"), whole.substr(0, records[0].size() / 2));
  for (const std::string& previous :
       {dir.File("empty.scores"), dir.File("cut.scores"), dir.File("unchecked-header.scores"),
        FactsPathFor(night.out_path)}) {
    INFO(previous);
    ScreenOptions delta = Options(db, rules, dir.File("delta.scores"));
    delta.since_path = previous;
    REQUIRE(RunScreen(delta, &report).ok());
    INFO(report.delta_note);
    CHECK(report.delta_note.find("the previous stream is damaged from its start") !=
          std::string::npos);
    CHECK(report.carried_over == 0);
    CHECK(ReadText(delta.out_path) == whole);
  }
  ScreenOptions delta = Options(db, rules, dir.File("delta.scores"));
  delta.since_path = dir.File("no-such.scores");
  CHECK(RunScreen(delta, &report).code() == Status::Code::kNotFound);

  // The stream as written carries every record.
  delta.since_path = night.out_path;
  REQUIRE(RunScreen(delta, &report).ok());
  CHECK(report.delta_note == "");
  CHECK(report.carried_over == 40);

  // The facts file: the listed company's matches taken off its record, its checksum kept. Another
  // --as-of screens every shipment again, with the facts reused where they hold.
  const std::vector<std::string> facts = DelimitedRecords(FactsPathFor(night.out_path));
  REQUIRE(facts.size() == 5);  // header, 4 entities in id order: E-1 is the listed one
  scores::FactsFileRecord listed;
  REQUIRE(listed.ParseFromString(facts[1]));
  REQUIRE(listed.entity().entity_id() == "E-1");
  REQUIRE(listed.entity().list_matches_size() > 0);
  REQUIRE(listed.has_crc32());
  listed.mutable_entity()->clear_list_matches();
  std::vector<std::string> altered = facts;
  altered[1] = listed.SerializeAsString();
  WriteDelimitedRecords(FactsPathFor(night.out_path), altered);
  ScreenOptions next_day = Options(db, rules, dir.File("next-day.scores"));
  next_day.as_of = "2025-12-02";
  REQUIRE(RunScreen(next_day, &report).ok());
  delta = Options(db, rules, dir.File("next-day-delta.scores"));
  delta.as_of = "2025-12-02";
  delta.since_path = night.out_path;
  REQUIRE(RunScreen(delta, &report).ok());
  INFO(report.facts_note);
  CHECK(report.facts_note.find("is damaged") != std::string::npos);
  CHECK(report.entities_reused == 0);
  CHECK(ReadText(delta.out_path) == ReadText(next_day.out_path));
}

// The header of the stream at `path`.
scores::StreamHeader HeaderOf(const std::string& path) {
  std::unique_ptr<ScoreReader> reader;
  REQUIRE(ScoreReader::Open(path, &reader).ok());
  scores::ScoreRecord record;
  REQUIRE(reader->Next(&record));
  REQUIRE(record.has_header());
  return record.header();
}

// A full run A after `before`, then `after`, then a delta B from A and a full run C: B must be C,
// byte for byte. Returns the delta's report; `full` (when given) gets C's path.
ScreenReport CheckDeltaEqualsFull(const TempDir& dir, const std::string& db,
                                  const std::string& rules, const std::string& before,
                                  const std::string& after, std::string* full_path = nullptr) {
  if (!before.empty()) Execute(db, before);
  ScreenOptions night = Options(db, rules, dir.File("night.scores"));
  night.threads = 2;
  ScreenReport report;
  REQUIRE(RunScreen(night, &report).ok());
  if (!after.empty()) Execute(db, after);
  ScreenOptions full = Options(db, rules, dir.File("full.scores"));
  REQUIRE(RunScreen(full, &report).ok());
  ScreenOptions delta = Options(db, rules, dir.File("delta.scores"));
  delta.since_path = night.out_path;
  delta.threads = 2;
  REQUIRE(RunScreen(delta, &report).ok());
  INFO(report.delta_note);
  CHECK(ReadText(delta.out_path) == ReadText(full.out_path));
  if (full_path != nullptr) *full_path = full.out_path;
  return report;
}

// Found by review (2026-12-07): the readers of the input told ids and values apart by storage
// class in some places (SQL's = and IN) and not in others (bytes, Text()). An id or a value
// stored as a BLOB (Python's sqlite3 stores bytes so, even in a TEXT column) made a delta run
// differ from a full run, and left CLEAR shipments a full run blocks. Each case failed before.
TEST_CASE("A delta run equals a full run whatever storage class an id or a value has", "[batch]") {
  struct Case {
    const char* name;
    const char* before;
    const char* after;
    bool blocks_e3;  // C blocks every shipment naming E-3 (the case matters)
  };
  const std::vector<Case> cases = {
      // The alias's id is a BLOB: the up-front read matched it by bytes, a delta's lookup by
      // SQL's = did not (nor a full run past --entity-cache).
      {"alias with a BLOB id",
       "INSERT INTO entity_alias VALUES (CAST('E-3' AS BLOB), 'SBER VOSTOK LLP');", "", true},
      // The entity row's id is a BLOB; renamed to the listed name.
      {"entity with a BLOB id",
       "UPDATE entity SET entity_id = CAST(entity_id AS BLOB) WHERE entity_id = 'E-3';",
       "UPDATE entity SET name = 'SBER VOSTOK LLP' WHERE CAST(entity_id AS TEXT) = 'E-3';", true},
      // An owner stored with a BLOB id becomes listed: the dependencies' IN missed its row.
      {"owner with a BLOB id",
       "INSERT INTO entity (entity_id, kind, name, country) VALUES (CAST('E-9' AS BLOB), "
       "'company', 'HARMLESS HOLDING', 'KZ'); INSERT INTO ownership (owner_id, owned_id, share) "
       "VALUES ('E-9', 'E-3', 100);",
       "UPDATE entity SET name = 'SBER VOSTOK LLP' WHERE CAST(entity_id AS TEXT) = 'E-9';", true},
      // A share stored as the BLOB '100.0' (skipped by the loader) corrected to the number.
      {"share stored as a BLOB, then as a number",
       "INSERT INTO ownership (owner_id, owned_id, share) VALUES ('E-1', 'E-3', "
       "CAST('100.0' AS BLOB));",
       "UPDATE ownership SET share = 100.0 WHERE owned_id = 'E-3';", true},
      {"alias id from TEXT to BLOB", "INSERT INTO entity_alias VALUES ('E-3', 'SBER VOSTOK LLP');",
       "UPDATE entity_alias SET entity_id = CAST(entity_id AS BLOB) WHERE entity_id = 'E-3';",
       true},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    TempDir dir;
    std::string db = MakeDatabase(dir, BatchWorld(40));
    std::string rules = BatchRules(dir);
    std::string full;
    CheckDeltaEqualsFull(dir, db, rules, c.before, c.after, &full);
    if (c.blocks_e3) {
      std::unique_ptr<Database> input;
      REQUIRE(Database::OpenReadOnly(db, &input).ok());
      std::unique_ptr<Statement> query;
      REQUIRE(input
                  ->Prepare("SELECT DISTINCT shipment_id FROM shipment_party WHERE entity_id = "
                            "'E-3'",
                            &query)
                  .ok());
      std::map<std::string, Decision> decisions = Decisions(full);
      int named = 0;
      while (query->Step()) {
        ++named;
        CHECK(decisions[query->Text(0)] == BLOCK);
      }
      CHECK(named > 5);
    }
    // A full run reads the same entities whether it reads them up front or one by one.
    ScreenOptions small = Options(db, rules, dir.File("small-cache.scores"));
    small.entity_cache_size = 1;
    ScreenReport report;
    REQUIRE(RunScreen(small, &report).ok());
    CHECK(ReadText(small.out_path) == ReadText(full));
  }
}

TEST_CASE("A run's list and incident digests tell a value's storage class apart", "[batch]") {
  TempDir dir;
  std::string db = MakeDatabase(dir, BatchWorld(10));
  std::string rules = BatchRules(dir);
  ScreenReport report;
  auto header = [&](const std::string& name) {
    ScreenOptions options = Options(db, rules, dir.File(name));
    REQUIRE(RunScreen(options, &report).ok());
    return HeaderOf(options.out_path);
  };
  Execute(
      db,
      "INSERT INTO list_address (list_id, entry_id, address) VALUES ('wl', '1', '1 Abay Ave');"
      "INSERT INTO security_incident (incident_id, event_date, country, region, kind, severity) "
      "VALUES ('I-1', '2025-06-01', 'PK', 'PK-BA', 'Explosions/Remote violence', 5);");
  const scores::StreamHeader base = header("1.scores");
  // A list address's entry id as a BLOB joins no entry in SQL (the shared-address rule).
  Execute(db, "UPDATE list_address SET entry_id = CAST(entry_id AS BLOB)");
  const scores::StreamHeader blob_entry = header("2.scores");
  CHECK(blob_entry.lists_digest() != base.lists_digest());
  CHECK(blob_entry.context_digest() == base.context_digest());
  // A severity as the BLOB '5' is skipped by the incident loader, the number 5 is not.
  Execute(db, "UPDATE security_incident SET severity = CAST('5' AS BLOB)");
  const scores::StreamHeader blob_severity = header("3.scores");
  CHECK(blob_severity.context_digest() != blob_entry.context_digest());
  // A list_change row (the review book lets a decision lapse by it) changes the lists' digest.
  Execute(db,
          "INSERT INTO list_change (import_id, list_id, entry_id, change, name) VALUES (999, "
          "'wl', '1', 'changed', 'SBER VOSTOK LLP')");
  CHECK(header("4.scores").lists_digest() != blob_severity.lists_digest());
}

TEST_CASE("A digest's fields are delimited whatever bytes they hold", "[batch]") {
  auto digest = [](const std::vector<std::optional<std::string>>& fields) {
    DigestBuilder builder;
    for (const std::optional<std::string>& field : fields) builder.Add(field);
    return builder.First8Bytes();
  };
  CHECK(digest({"A\x1f"
                "B"}) != digest({"A", "B"}));
  CHECK(digest({"A\x1e"}) != digest({"A", std::nullopt}));
  CHECK(digest({""}) != digest({std::nullopt}));
  CHECK(digest({"AB", ""}) != digest({"A", "B"}));
  // The facts file's key of an entity: an alias holding a separator byte is not two aliases
  // (before 2026-12-07 it was, and a delta reused the facts of the one for the other).
  Entity one, two;
  one.kind = two.kind = "company";
  one.name = two.name = "AAAQ";
  one.aliases = {"AAAQ\x1eOOO VOLGA GROUP"};
  two.aliases = {"AAAQ", "OOO VOLGA GROUP"};
  CHECK(EntityContentKey(one) != EntityContentKey(two));
  CHECK(EntityDigest(one) != EntityDigest(two));
  Entity empty_country = one, no_country = one;
  empty_country.country = "";
  CHECK(EntityContentKey(empty_country) != EntityContentKey(no_country));
  // A list entry's digest (what a delta after a list update compares, ListChanges): an alias
  // holding separator bytes, then split in two, is a changed entry (with '\x1f' after each
  // field, the one alias below read as the two, whose other fields it spells out).
  auto entry_digest = [](const std::string& aliases) {
    TempDir dir;
    std::string path = MakeDatabase(dir, R"(
INSERT INTO list_source (list_id, version) VALUES ('wl', 'test');
INSERT INTO list_entry (list_id, entry_id, kind, name) VALUES ('wl', '1', 'company', 'AAAQ');
)" + aliases);
    std::unique_ptr<Database> db;
    REQUIRE(Database::OpenReadOnly(path, &db).ok());
    std::unique_ptr<ListNameScreener> screener;
    REQUIRE(ListNameScreener::Load(db.get(), 0.7, names::MatcherOptions(), &screener).ok());
    REQUIRE(screener->entry_digests().size() == 1);
    return screener->entry_digests()[0].second;
  };
  CHECK(entry_digest("INSERT INTO list_alias (list_id, entry_id, name) VALUES ('wl', '1', "
                     "'VOLGA' || char(31) || 'company' || char(31) || 'alias' || char(31) || "
                     "char(31) || char(30) || char(30) || char(29) || 'GROUP');") !=
        entry_digest("INSERT INTO list_alias (list_id, entry_id, name) VALUES ('wl', '1', "
                     "'VOLGA'), ('wl', '1', 'GROUP');"));
  // The facts file's setup digest: an allow-list's name holding the old separator is not two
  // allow-lists (before 2026-12-07 "a\x1db" digested as "a" and "b").
  const rules::NameMatchingConfig matching;
  CHECK(SetupDigest(0.8, matching,
                    {"a\x1d"
                     "b"}) != SetupDigest(0.8, matching, {"a", "b"}));
  CHECK(SetupDigest(0.8, matching, {"a"}) != SetupDigest(0.8, matching, {"a", ""}));
  CHECK(SetupDigest(0.8, matching, {"a"}) == SetupDigest(0.8, matching, {"a"}));
}

// The rules add their problems to the header when they are prepared: a delta compares headers
// after that (before 2026-12-07 it compared them before).
TEST_CASE("A delta run sees an optional table or column that switches a rule on or off",
          "[batch]") {
  const std::string lists =
      "INSERT INTO list_source (list_id, version) VALUES ('ofac-sdn', '2025-11-30'), "
      "('uflpa', '2025-11-30');";
  const std::string rules = testing::SourceFile("rules");
  {
    // Without the optional payment table the rule third_country_payer is off, in every run: a
    // delta with nothing changed carries everything over (it carried nothing).
    TempDir dir;
    std::string db = MakeDatabase(dir, BatchWorld(30) + lists);
    ScreenReport report = CheckDeltaEqualsFull(dir, db, rules, "DROP TABLE payment;", "");
    CHECK(report.delta_note == "");
    CHECK(report.rescreened == 0);
    CHECK(report.carried_over == 30);
  }
  {
    // The export-control columns dropped: ear_licence_required goes off, and its hit on a US
    // item bound for Russia must not be carried over.
    TempDir dir;
    std::string db = MakeDatabase(dir, BatchWorld(30) + lists + R"(
UPDATE shipment SET destination_country = 'RU' WHERE shipment_id = 'S-0003';
UPDATE shipment_item SET eccn = '3A001', us_content_percent = 60, brand_country = 'US'
  WHERE shipment_id = 'S-0003';
)");
    std::string full;
    ScreenReport report = CheckDeltaEqualsFull(dir, db, rules, "", R"(
CREATE TABLE item_copy AS SELECT shipment_id, line, hs_code, description, quantity, unit, value,
  origin_country, origin_region FROM shipment_item;
DROP TABLE shipment_item;
ALTER TABLE item_copy RENAME TO shipment_item;
)",
                                               &full);
    CHECK(report.delta_note.find("problems differ") != std::string::npos);
    const std::string before = ReadText(dir.File("night.scores"));
    CHECK(before.find("ear_licence_required") != std::string::npos);
    CHECK(ReadText(full).find("rule off") != std::string::npos);
  }
}

TEST_CASE("An entity table WITHOUT ROWID screens with ownership rows", "[batch]") {
  TempDir dir;
  std::string db = MakeDatabase(dir, R"(
DROP TABLE entity;
CREATE TABLE entity (entity_id TEXT PRIMARY KEY, kind TEXT NOT NULL, name TEXT NOT NULL,
  country TEXT, region TEXT, address TEXT, birth_date TEXT, registration_id TEXT, imo TEXT,
  incorporated_on TEXT, activity TEXT, updated_at TEXT) WITHOUT ROWID;
)" + BatchWorld(20));
  std::string rules = BatchRules(dir);
  ScreenReport report = CheckDeltaEqualsFull(
      dir, db, rules, "", "UPDATE entity SET name = 'SBER VOSTOK LLP' WHERE entity_id = 'E-3';");
  CHECK(report.rescreened > 0);
  // E-2 is owned 60% by the listed E-1: its shipments block.
  std::map<std::string, Decision> decisions = Decisions(dir.File("full.scores"));
  CHECK(decisions["S-0000"] == BLOCK);
  // A decision on an ownership finding digests the records above the party (ChainDigest), which
  // ordered the owners' rows by rowid: decide failed on such a table, and so would every run.
  decisions::DecisionRequest request;
  request.entity_id = "E-2";
  request.hit.rule_id = "owned";
  request.verdict = decisions::Verdict::kCleared;
  request.decided_by = "a.analyst";
  request.reason = "the owner's stake was sold";
  Status decided = decisions::RecordDecision(db, request, nullptr);
  INFO(decided.message());
  REQUIRE(decided.ok());
  ScreenOptions after = Options(db, rules, dir.File("decided.scores"));
  Status screened = RunScreen(after, &report);
  INFO(screened.message());
  REQUIRE(screened.ok());
  CHECK(Decisions(after.out_path)["S-0002"] != BLOCK);  // E-2 and E-4: the owned finding cleared
}

TEST_CASE("diff lists the shipments whose decision changed", "[batch]") {
  TempDir dir;
  std::string db = MakeDatabase(dir, BatchWorld(20));
  std::string rules = BatchRules(dir);
  ScreenReport report;
  REQUIRE(RunScreen(Options(db, rules, dir.File("old.scores")), &report).ok());
  // S-0004 (E-3 and E-4, to Kazakhstan) clears, and now goes to Pakistan; S-0013 (to Pakistan,
  // review) is gone.
  Execute(db, R"(
UPDATE shipment SET destination_country = 'PK' WHERE shipment_id = 'S-0004';
DELETE FROM shipment WHERE shipment_id = 'S-0013';
)");
  REQUIRE(RunScreen(Options(db, rules, dir.File("new.scores")), &report).ok());
  testing::CommandResult csv =
      RunCorridor(dir, "diff " + dir.File("old.scores") + " " + dir.File("new.scores"));
  REQUIRE(csv.exit_code == 0);
  CHECK(csv.out ==
        "shipment_id,old_decision,new_decision,old_score,new_score\n"
        "S-0004,clear,review,0,30\n"
        "S-0013,review,,30,\n");
  testing::CommandResult json = RunCorridor(
      dir, "diff " + dir.File("old.scores") + " " + dir.File("new.scores") + " --format json");
  REQUIRE(json.exit_code == 0);
  nlohmann::json parsed = nlohmann::json::parse(json.out);
  REQUIRE(parsed.size() == 2);
  CHECK(parsed[0]["shipment_id"] == "S-0004");
  CHECK(parsed[0]["new_decision"] == "review");
  CHECK(parsed[1]["new_decision"].is_null());
}

// From a review, 2026-12-08: diff compared a shard, or a run of selected shipments, against a
// whole run and listed every shipment the one stream did not screen as a decision gone (exit 0).
TEST_CASE("diff refuses streams of different shards and compares a selection on what it holds",
          "[batch]") {
  TempDir dir;
  std::string db = MakeDatabase(dir, BatchWorld(20));
  std::string rules = BatchRules(dir);
  ScreenReport report;
  REQUIRE(RunScreen(Options(db, rules, dir.File("full.scores")), &report).ok());
  ScreenOptions shard = Options(db, rules, dir.File("shard.scores"));
  shard.shard_index = 1;
  shard.shard_count = 2;
  REQUIRE(RunScreen(shard, &report).ok());
  testing::CommandResult refused =
      RunCorridor(dir, "diff " + dir.File("full.scores") + " " + dir.File("shard.scores"));
  CHECK(refused.exit_code == 2);
  CHECK(refused.err.find("covers the whole run and") != std::string::npos);
  CHECK(refused.err.find("shard 1/2") != std::string::npos);
  CHECK(refused.out.empty());

  // S-0004 alone, after it goes to Pakistan: the one change, not 19 shipments gone.
  Execute(db, "UPDATE shipment SET destination_country = 'PK' WHERE shipment_id = 'S-0004';");
  ScreenOptions one = Options(db, rules, dir.File("one.scores"));
  one.shipment_ids = {"S-0004"};
  REQUIRE(RunScreen(one, &report).ok());
  testing::CommandResult selected =
      RunCorridor(dir, "diff " + dir.File("full.scores") + " " + dir.File("one.scores"));
  REQUIRE(selected.exit_code == 0);
  CHECK(selected.out ==
        "shipment_id,old_decision,new_decision,old_score,new_score\n"
        "S-0004,clear,review,0,30\n");
  CHECK(selected.err.find("only shipments both streams hold are compared") != std::string::npos);
}

TEST_CASE("screen writes a summary JSON file and --quiet silences progress", "[batch]") {
  TempDir dir;
  std::string db = MakeDatabase(dir, BatchWorld(50));
  std::string rules = BatchRules(dir);
  testing::CommandResult result = RunCorridor(
      dir, "screen --quiet --db " + db + " --rules " + rules + " --as-of 2025-12-01 --out " +
               dir.File("o.scores") + " --summary-json " + dir.File("summary.json"));
  REQUIRE(result.exit_code == 0);
  // Quiet: the summary line and the file written, nothing else.
  CHECK(result.err.find("shipments (") == std::string::npos);
  CHECK(result.err.find("entities screened") == std::string::npos);
  nlohmann::json summary = nlohmann::json::parse(ReadText(dir.File("summary.json")));
  CHECK(summary["outcome"] == "ok");
  CHECK(summary["shipments"] == 50);
  int64_t total = 0;
  for (const char* decision : {"clear", "review", "hold", "block"}) {
    total += summary["decisions"][decision].get<int64_t>();
  }
  CHECK(total == 50);
  CHECK(summary["lists"][0]["list_id"] == "wl");
  CHECK(summary["timings_seconds"]["total"].get<double>() > 0);
  // The setup's steps, in order, each timed (docs/batch.md): none missing, none negative, and
  // together no longer than the setup.
  const nlohmann::ordered_json ordered =
      nlohmann::ordered_json::parse(ReadText(dir.File("summary.json")));
  const nlohmann::ordered_json& steps = ordered["timings_seconds"]["setup_steps"];
  std::vector<std::string> names;
  double steps_total = 0;
  for (const auto& [step, seconds] : steps.items()) {
    names.push_back(step);
    CHECK(seconds.get<double>() >= 0);
    steps_total += seconds.get<double>();
  }
  CHECK(names == std::vector<std::string>{"rules_and_header", "name_index",
                                          "dependencies_and_facts", "entity_screening",
                                          "rule_preparation"});
  CHECK(steps_total <= summary["timings_seconds"]["setup"].get<double>() + 1e-6);
  CHECK_FALSE(std::filesystem::exists(dir.File("summary.json.tmp")));
}

TEST_CASE("A run killed with SIGKILL leaves no output, its rerun equals an uninterrupted run",
          "[batch]") {
  TempDir dir;
  std::string db = dir.File("big.db");
  // Long enough to be killed mid-run: 30,000 shipments, killed after about 100 KB of ~1.2 MB.
  REQUIRE(RunCorridor(dir, "generate --db " + db + " --shipments 30000 --entities 3000 --seed 7")
              .exit_code == 0);
  std::string rules = MakeRules(dir, {{"r.textproto", std::string(testing::kTestScoring) + R"(
rule { id: "pk" description: "pk" category: SECURITY weight: 30
  jurisdiction { subjects: [DESTINATION] countries: ["PK"] } }
)"}});
  const std::string out = dir.File("night.scores");
  pid_t child = fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    execl(CORRIDOR_BINARY, CORRIDOR_BINARY, "screen", "--quiet", "--db", db.c_str(), "--rules",
          rules.c_str(), "--as-of", "2025-12-01", "--threads", "2", "--out", out.c_str(),
          static_cast<char*>(nullptr));
    _exit(127);
  }
  // Killed once it has written part of the stream to its temporary file.
  bool partial = false;
  for (int i = 0; i < 6000 && !partial; ++i) {
    std::error_code error;  // a temporary file renamed away meanwhile is simply not counted
    for (const auto& file : std::filesystem::directory_iterator(dir.path(), error)) {
      std::string name = file.path().filename().string();
      if (name.rfind("night.scores.tmp.", 0) == 0 && file.file_size(error) > 100000 && !error) {
        partial = true;
      }
    }
    if (!partial) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  REQUIRE(partial);
  kill(child, SIGKILL);
  int status = 0;
  waitpid(child, &status, 0);
  REQUIRE(WIFSIGNALED(status));
  CHECK_FALSE(std::filesystem::exists(out));  // nothing that looks complete

  const std::string args =
      "screen --quiet --db " + db + " --rules " + rules + " --as-of 2025-12-01 --threads 2 --out ";
  REQUIRE(RunCorridor(dir, args + out).exit_code == 0);
  REQUIRE(RunCorridor(dir, args + dir.File("uninterrupted.scores")).exit_code == 0);
  CHECK(ReadText(out) == ReadText(dir.File("uninterrupted.scores")));
  CHECK(ReadShipments(out).size() == 30000);
}

}  // namespace
}  // namespace corridor
