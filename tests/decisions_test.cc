// The desk: recorded decisions (engine/decisions/decisions.h), the append-only audit log
// (audit.h), and what screening does with them (docs/decisions.md).
#include <catch2/catch.hpp>
#include <string>

#include "engine/decisions/audit.h"
#include "engine/decisions/decisions.h"
#include "tests/test_util.h"

namespace corridor {
namespace {

using decisions::DecisionRecord;
using decisions::DecisionRequest;
using testing::TempDir;

// One shipment, two parties; E-2's name is close to a listed entry.
const char* kDeskSql = R"sql(
INSERT INTO entity(entity_id, kind, name, country, address) VALUES
  ('E-1', 'company', 'Alpha Shipping Ltd', 'DE', 'Hafenstrasse 1, Hamburg'),
  ('E-2', 'company', 'Karakoram Trading Company', 'PK', 'Mall Road 5, Lahore');
INSERT INTO entity_alias(entity_id, name) VALUES ('E-2', 'KTC Lahore');
INSERT INTO shipment(shipment_id, shipped_on, origin_country, destination_country) VALUES
  ('S-1', '2026-11-01', 'DE', 'PK');
INSERT INTO shipment_party(shipment_id, entity_id, role) VALUES
  ('S-1', 'E-1', 'shipper'), ('S-1', 'E-2', 'consignee');
INSERT INTO list_source(list_id, version) VALUES ('csl-other', '2026-11-20');
INSERT INTO list_entry(list_id, entry_id, kind, name, country, digest) VALUES
  ('csl-other', '77', 'company', 'Karakoram Trading Co', 'PK', 'digest-77-v1');
)sql";

DecisionRequest ClearRequest() {
  DecisionRequest request;
  request.entity_id = "E-2";
  request.hit = {"listed_party_other_list", "csl-other", "77", ""};
  request.verdict = decisions::Verdict::kCleared;
  request.decided_by = "a.analyst";
  request.reason = "different company: registered 2019 in Lahore, other owners";
  return request;
}

}  // namespace

TEST_CASE("A decision is recorded with the digests of the party and the list entry",
          "[decisions]") {
  TempDir dir;
  std::string db = testing::MakeDatabase(dir, kDeskSql);
  DecisionRecord record;
  REQUIRE(decisions::RecordDecision(db, ClearRequest(), &record).ok());
  CHECK(record.decision_id == 1);
  CHECK(record.entry_digest == "digest-77-v1");
  CHECK(record.party_digest.size() == 64);
  CHECK(record.shipment_digest.empty());

  std::vector<DecisionRecord> listed;
  REQUIRE(decisions::ListDecisions(db, {}, &listed).ok());
  REQUIRE(listed.size() == 1);
  CHECK(listed[0].entity_id == "E-2");
  CHECK(listed[0].hit.entry_id == "77");
  CHECK(listed[0].reason == "different company: registered 2019 in Lahore, other owners");
  CHECK(listed[0].party_digest == record.party_digest);

  // A later decision on the same key supersedes; both stay in the table.
  DecisionRequest confirm = ClearRequest();
  confirm.verdict = decisions::Verdict::kConfirmed;
  confirm.reason = "new evidence: same director";
  REQUIRE(decisions::RecordDecision(db, confirm, nullptr).ok());
  REQUIRE(decisions::ListDecisions(db, {}, &listed).ok());
  CHECK(listed.size() == 2);
  decisions::DecisionFilter latest;
  latest.latest_only = true;
  REQUIRE(decisions::ListDecisions(db, latest, &listed).ok());
  REQUIRE(listed.size() == 1);
  CHECK(listed[0].verdict == decisions::Verdict::kConfirmed);

  // Each decision is in the audit log.
  std::vector<decisions::AuditEvent> audit;
  REQUIRE(decisions::ListAudit(db, "", &audit).ok());
  REQUIRE(audit.size() == 2);
  CHECK(audit[0].event == "decision");
  CHECK(audit[0].actor == "a.analyst");
  CHECK(audit[0].subject == "cleared listed_party_other_list:csl-other:77 on party E-2");
}

TEST_CASE("The party digest changes with a new alias or address, not with alias order",
          "[decisions]") {
  Entity entity;
  entity.entity_id = "E-2";
  entity.kind = "company";
  entity.name = "Karakoram Trading Company";
  entity.aliases = {"KTC", "KTC Lahore"};
  std::string digest = decisions::PartyDigest(entity);
  Entity reordered = entity;
  reordered.aliases = {"KTC Lahore", "KTC"};
  CHECK(decisions::PartyDigest(reordered) == digest);
  Entity aliased = entity;
  aliased.aliases.push_back("Karakoram Intl");
  CHECK(decisions::PartyDigest(aliased) != digest);
  Entity moved = entity;
  moved.address = "";  // "" is not NULL
  CHECK(decisions::PartyDigest(moved) != digest);
}

TEST_CASE("A decision that names nothing that exists is refused and writes nothing",
          "[decisions]") {
  TempDir dir;
  std::string db = testing::MakeDatabase(dir, kDeskSql);
  DecisionRequest request = ClearRequest();
  request.entity_id = "E-9";
  Status status = decisions::RecordDecision(db, request, nullptr);
  CHECK(status.IsNotFound());
  CHECK(status.message() == "entity 'E-9' does not exist");
  request = ClearRequest();
  request.hit.entry_id = "78";
  CHECK(decisions::RecordDecision(db, request, nullptr).message() ==
        "list entry 'csl-other:78' does not exist");
  request = ClearRequest();
  request.reason = "  ";
  CHECK(decisions::RecordDecision(db, request, nullptr).IsUsage());
  request = ClearRequest();
  request.expires_on = "2026-02-30";
  CHECK(decisions::RecordDecision(db, request, nullptr).IsUsage());
  // A list hit on a shipment with two parties must say which party.
  request = ClearRequest();
  request.entity_id = "";
  request.shipment_id = "S-1";
  status = decisions::RecordDecision(db, request, nullptr);
  CHECK(status.IsUsage());
  CHECK(status.message() ==
        "shipment 'S-1' has 2 parties: name the party of the list hit (--party)");
  std::vector<DecisionRecord> listed;
  REQUIRE(decisions::ListDecisions(db, {}, &listed).ok());
  CHECK(listed.empty());
}

TEST_CASE("The decision and audit tables refuse UPDATE and DELETE", "[decisions]") {
  TempDir dir;
  std::string db_path = testing::MakeDatabase(dir, kDeskSql);
  REQUIRE(decisions::RecordDecision(db_path, ClearRequest(), nullptr).ok());
  std::unique_ptr<Database> db;
  REQUIRE(Database::OpenWritable(db_path, &db).ok());
  Status status = db->Execute("UPDATE decision SET verdict = 'confirmed'");
  CHECK_THAT(status.message(), Catch::Contains("decision is append-only"));
  CHECK_THAT(db->Execute("DELETE FROM decision").message(),
             Catch::Contains("decision is append-only"));
  CHECK_THAT(db->Execute("UPDATE audit_log SET actor = 'someone else'").message(),
             Catch::Contains("audit_log is append-only"));
  CHECK_THAT(db->Execute("DELETE FROM audit_log").message(),
             Catch::Contains("audit_log is append-only"));
}

// Found by review (2026-12-07): SQLite's REPLACE deletes the row it replaces without firing
// DELETE triggers, so INSERT OR REPLACE rewrote a confirmed decision and its audit line as
// cleared, and the next run suppressed the hit. An insert of an existing id is refused now, also
// in a table made before (the triggers are added on the next decide).
TEST_CASE("The decision and audit tables refuse rows replaced by INSERT OR REPLACE",
          "[decisions]") {
  TempDir dir;
  std::string db_path = testing::MakeDatabase(dir, kDeskSql);
  REQUIRE(decisions::RecordDecision(db_path, ClearRequest(), nullptr).ok());
  std::unique_ptr<Database> db;
  REQUIRE(Database::OpenWritable(db_path, &db).ok());
  for (const char* sql :
       {"INSERT OR REPLACE INTO decision SELECT * FROM decision WHERE decision_id = 1",
        "REPLACE INTO decision SELECT * FROM decision WHERE decision_id = 1",
        "INSERT OR REPLACE INTO audit_log SELECT * FROM audit_log WHERE audit_id = 1",
        "INSERT INTO decision SELECT * FROM decision WHERE decision_id = 1 "
        "ON CONFLICT DO UPDATE SET verdict = 'confirmed'"}) {
    INFO(sql);
    Status status = db->Execute(sql);
    CHECK_FALSE(status.ok());
    CHECK_THAT(status.message(), Catch::Contains("is append-only"));
  }
  // New rows are appended as before.
  REQUIRE(decisions::RecordDecision(db_path, ClearRequest(), nullptr).ok());
  std::vector<DecisionRecord> listed;
  REQUIRE(decisions::ListDecisions(db_path, {}, &listed).ok());
  CHECK(listed.size() == 2);
}

TEST_CASE("Hit references parse as RULE or RULE:LIST:ENTRY", "[decisions]") {
  decisions::HitRef hit;
  REQUIRE(decisions::ParseHitRef("listed_party_sdn:ofac-sdn:1234", &hit).ok());
  CHECK((hit.rule_id == "listed_party_sdn" && hit.list_id == "ofac-sdn" && hit.entry_id == "1234"));
  REQUIRE(decisions::ParseHitRef("dual_use_goods", &hit).ok());
  CHECK((hit.rule_id == "dual_use_goods" && hit.list_id.empty()));
  REQUIRE(decisions::ParseHitRef("r:ftm:NK-a:b", &hit).ok());
  CHECK(hit.entry_id == "NK-a:b");
  CHECK(decisions::ParseHitRef("r:list", &hit).IsUsage());
  CHECK(decisions::ParseHitRef(":l:e", &hit).IsUsage());
  CHECK(decisions::ParseHitRef("r::e", &hit).IsUsage());
}

}  // namespace corridor
