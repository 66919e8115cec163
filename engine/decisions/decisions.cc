#include "engine/decisions/decisions.h"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <tuple>

#include "engine/base/date.h"
#include "engine/base/digest.h"
#include "engine/base/sha256.h"
#include "engine/base/strings.h"
#include "engine/decisions/audit.h"
#include "engine/load/input_database.h"
#include "engine/store/database.h"
#include "engine/store/decision_tables.h"

namespace corridor::decisions {

namespace {

// Fields separated by 0x1F, NULL written as 0x00 so that it differs from "" (as EntryDigest in
// engine/lists/helpers.cc separates its fields).
class DigestText {
 public:
  void Field(std::string_view value) {
    text_ += value;
    text_ += '\x1f';
  }
  void Optional(const OptionalText& value) {
    if (value) {
      Field(*value);
    } else {
      text_ += '\0';
      text_ += '\x1f';
    }
  }
  void Number(const std::optional<double>& value) {
    Optional(value ? OptionalText(std::to_string(*value)) : std::nullopt);
  }
  void EndRecord() { text_ += '\x1e'; }
  std::string Hex() {
    Sha256 digest;
    digest.Update(text_);
    return digest.HexDigest();
  }

 private:
  std::string text_;
};

Status ValidateRequest(const DecisionRequest& request) {
  if (request.shipment_id.empty() && request.entity_id.empty()) {
    return Status::Usage("a decision needs a shipment or a party (--shipment or --party)");
  }
  if (request.hit.rule_id.empty()) return Status::Usage("a decision needs the hit's rule id");
  if (request.hit.list_id.empty() != request.hit.entry_id.empty()) {
    return Status::Usage("a list hit needs both the list id and the entry id");
  }
  if (Trim(request.decided_by).empty()) return Status::Usage("a decision needs who took it (--by)");
  if (Trim(request.reason).empty()) return Status::Usage("a decision needs a reason (--reason)");
  // The audit trail is read by people: who decided and why must be text (a NUL byte, or another
  // control character, was recorded as both; since 2026-12-07, from a review). A reason may run
  // over lines.
  auto control = [](std::string_view text, bool lines) {
    return std::any_of(text.begin(), text.end(), [&](char c) {
      const auto byte = static_cast<unsigned char>(c);
      return (byte < 0x20 && !(lines && (c == '\n' || c == '\t'))) || byte == 0x7f;
    });
  };
  if (control(request.decided_by, false)) {
    return Status::Usage("who decided (--by) holds a control character");
  }
  if (control(request.reason, true)) {
    return Status::Usage("the reason (--reason) holds a control character");
  }
  if (!request.expires_on.empty() && !ParseIsoDay(request.expires_on)) {
    return Status::Usage("expiry date '" + request.expires_on + "' is not a date (YYYY-MM-DD)");
  }
  if (!request.seen_as_of.empty() && !ParseIsoDay(request.seen_as_of)) {
    return Status::Usage("the report's as-of date '" + request.seen_as_of +
                         "' is not a date (YYYY-MM-DD)");
  }
  return Status::Ok();
}

std::string UtcNow() {
  std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof(buffer), "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buffer;
}

// The shipment `id` as screening reads it.
Status LoadShipment(InputDatabase* input, const std::string& id, Shipment* shipment) {
  Status status = input->CheckShipmentsExist({id});
  if (!status.ok()) return status;
  std::unique_ptr<ShipmentSource> source = input->Shipments({id});
  if (!source->Next(shipment)) {
    return source->status().ok() ? Status::NotFound("shipment '" + id + "' does not exist")
                                 : source->status();
  }
  return Status::Ok();
}

// The latest list import's id; 0 when there is none.
Status LatestListImport(Database* db, int64_t* import_id) {
  *import_id = 0;
  bool exists = false;
  Status status = db->HasTable("list_import", &exists);
  if (!status.ok() || !exists) return status;
  std::unique_ptr<Statement> query;
  status = db->Prepare("SELECT ifnull(max(import_id), 0) FROM list_import", &query);
  if (!status.ok()) return status;
  if (query->Step()) *import_id = query->Int(0);
  return query->status();
}

// Reads what the decision is taken on from the input database (read-only, through the loader
// screening uses) and fills the scope and digests of `record`.
Status ReadSubjects(const std::string& db_path, const DecisionRequest& request,
                    DecisionRecord* record) {
  std::unique_ptr<InputDatabase> input;
  Status status = InputDatabase::Open(db_path, &input);
  if (!status.ok()) return status;
  record->shipment_id = request.shipment_id;
  record->entity_id = request.entity_id;
  if (!request.shipment_id.empty()) {
    Shipment shipment;
    status = LoadShipment(input.get(), request.shipment_id, &shipment);
    if (!status.ok()) return status;
    if (record->entity_id.empty() && !request.hit.list_id.empty()) {
      // A list hit is always on a party: take the shipment's only party, or ask which one.
      if (shipment.parties.size() != 1) {
        return Status::Usage("shipment '" + request.shipment_id + "' has " +
                             std::to_string(shipment.parties.size()) +
                             " parties: name the party of the list hit (--party)");
      }
      record->entity_id = shipment.parties[0].entity_id;
    }
    // A party of the shipment, or a payer of one of its payments (third_country_payer's
    // evidence names the payer).
    if (!record->entity_id.empty() &&
        std::none_of(shipment.parties.begin(), shipment.parties.end(),
                     [&](const ShipmentParty& p) { return p.entity_id == record->entity_id; }) &&
        std::none_of(
            shipment.payments.begin(), shipment.payments.end(),
            [&](const ShipmentPayment& p) { return p.payer_entity_id == record->entity_id; })) {
      return Status::NotFound("entity '" + record->entity_id +
                              "' is not a party or payer of "
                              "shipment '" +
                              request.shipment_id + "'");
    }
    if (record->entity_id.empty()) record->shipment_digest = ShipmentDigest(shipment);
  }
  if (!record->entity_id.empty()) {
    std::vector<DataProblem> problems;
    std::optional<Entity> entity = input->FindEntity(record->entity_id, &problems);
    if (!input->read_status().ok()) return input->read_status();
    if (!entity) return Status::NotFound("entity '" + record->entity_id + "' does not exist");
    record->party_digest = PartyDigest(*entity);
    if (request.hit.list_id.empty()) {
      status = ChainDigest(input->db(), record->entity_id, &record->chain_digest);
      if (status.ok()) status = LatestListImport(input->db(), &record->lists_seen);
      if (!status.ok()) return status;
    }
  }
  if (!request.hit.list_id.empty()) {
    std::unique_ptr<Statement> query;
    status = input->db()->Prepare(
        "SELECT ifnull(digest, '') FROM list_entry WHERE list_id = ?1 AND entry_id = ?2", &query);
    if (!status.ok()) return status;
    query->BindText(1, request.hit.list_id);
    query->BindText(2, request.hit.entry_id);
    if (!query->Step()) {
      if (!query->status().ok()) return query->status();
      return Status::NotFound("list entry '" + request.hit.list_id + ":" + request.hit.entry_id +
                              "' does not exist");
    }
    record->entry_digest = query->Text(0);
  }
  return Status::Ok();
}

Status InsertDecision(Database* db, DecisionRecord* record) {
  std::unique_ptr<Statement> insert;
  Status status = db->Prepare(
      "INSERT INTO decision(shipment_id, entity_id, rule_id, list_id, entry_id, verdict, "
      "decided_by, reason, decided_at, expires_on, party_digest, entry_digest, shipment_digest, "
      "chain_digest, lists_seen, seen_as_of, evidence_digest) "
      "VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17)",
      &insert);
  if (!status.ok()) return status;
  insert->BindText(1, record->shipment_id);
  insert->BindText(2, record->entity_id);
  insert->BindText(3, record->hit.rule_id);
  insert->BindText(4, record->hit.list_id);
  insert->BindText(5, record->hit.entry_id);
  insert->BindText(6, VerdictName(record->verdict));
  insert->BindText(7, record->decided_by);
  insert->BindText(8, record->reason);
  insert->BindText(9, record->decided_at);
  if (record->expires_on.empty()) {
    insert->BindNull(10);
  } else {
    insert->BindText(10, record->expires_on);
  }
  insert->BindText(11, record->party_digest);
  insert->BindText(12, record->entry_digest);
  insert->BindText(13, record->shipment_digest);
  insert->BindText(14, record->chain_digest);
  insert->BindInt(15, record->lists_seen);
  insert->BindText(16, record->seen_as_of);
  insert->BindText(17, record->hit.evidence);
  status = insert->Run();
  if (!status.ok()) return status;
  record->decision_id = sqlite3_last_insert_rowid(db->handle());
  return Status::Ok();
}

std::string HitText(const HitRef& hit) {
  std::string text =
      hit.list_id.empty() ? hit.rule_id : hit.rule_id + ":" + hit.list_id + ":" + hit.entry_id;
  return hit.evidence.empty() ? text : text + " evidence " + hit.evidence;
}

// The audit line of a decision: every field, so the log alone tells the story.
AuditEvent DecisionEvent(const DecisionRecord& record) {
  nlohmann::ordered_json detail = {
      {"decision_id", record.decision_id},      {"shipment_id", record.shipment_id},
      {"entity_id", record.entity_id},          {"hit", HitText(record.hit)},
      {"verdict", VerdictName(record.verdict)}, {"reason", record.reason},
      {"expires_on", record.expires_on},        {"party_digest", record.party_digest},
      {"entry_digest", record.entry_digest},    {"shipment_digest", record.shipment_digest},
      {"chain_digest", record.chain_digest},    {"lists_seen", record.lists_seen},
      {"seen_as_of", record.seen_as_of}};
  AuditEvent event;
  event.recorded_at = record.decided_at;
  event.event = "decision";
  event.actor = record.decided_by;
  event.subject = std::string(VerdictName(record.verdict)) + " " + HitText(record.hit) + " on " +
                  (record.entity_id.empty()
                       ? "shipment " + record.shipment_id
                       : "party " + record.entity_id +
                             (record.shipment_id.empty() ? std::string()
                                                         : " in shipment " + record.shipment_id));
  event.detail = detail.dump();
  return event;
}

}  // namespace

const char* VerdictName(Verdict verdict) {
  switch (verdict) {
    case Verdict::kCleared:
      return "cleared";
    case Verdict::kConfirmed:
      return "confirmed";
    case Verdict::kEscalated:
      return "escalated";
  }
  return "cleared";
}

bool ParseVerdict(std::string_view text, Verdict* verdict) {
  for (Verdict v : {Verdict::kCleared, Verdict::kConfirmed, Verdict::kEscalated}) {
    if (text == VerdictName(v)) {
      *verdict = v;
      return true;
    }
  }
  return false;
}

Status ParseHitRef(std::string_view text, HitRef* hit) {
  *hit = HitRef();
  size_t first = text.find(':');
  if (first == std::string_view::npos) {
    hit->rule_id = std::string(text);
  } else {
    size_t second = text.find(':', first + 1);
    if (second == std::string_view::npos) {
      return Status::Usage("hit '" + std::string(text) + "' is not RULE_ID or RULE_ID:LIST:ENTRY");
    }
    hit->rule_id = std::string(text.substr(0, first));
    hit->list_id = std::string(text.substr(first + 1, second - first - 1));
    hit->entry_id = std::string(text.substr(second + 1));
  }
  if (hit->rule_id.empty() ||
      (first != std::string_view::npos && (hit->list_id.empty() || hit->entry_id.empty()))) {
    return Status::Usage("hit '" + std::string(text) + "' is not RULE_ID or RULE_ID:LIST:ENTRY");
  }
  return Status::Ok();
}

std::string PartyDigest(const Entity& entity) {
  DigestText text;
  text.Field(entity.entity_id);
  text.Field(entity.kind);
  text.Field(entity.name);
  for (const OptionalText* field :
       {&entity.country, &entity.region, &entity.address, &entity.birth_date,
        &entity.registration_id, &entity.imo, &entity.incorporated_on, &entity.activity}) {
    text.Optional(*field);
  }
  text.EndRecord();
  // Sorted: the alias table has no order, and reading it in another order is not a change.
  std::vector<std::string> aliases = entity.aliases;
  std::sort(aliases.begin(), aliases.end());
  for (const std::string& alias : aliases) text.Field(alias);
  return text.Hex();
}

std::string ShipmentDigest(const Shipment& shipment) {
  // Every field delimited by its length (DigestBuilder), each part of the shipment a section.
  DigestBuilder d;
  d.Add(shipment.shipment_id);
  for (const OptionalText* field :
       {&shipment.shipped_on, &shipment.mode, &shipment.origin_country, &shipment.origin_region,
        &shipment.destination_country, &shipment.destination_region,
        &shipment.final_destination_country, &shipment.currency}) {
    d.Add(*field);
  }
  d.Add(shipment.declared_value);
  d.Section();
  for (const ShipmentItem& item : shipment.items) {
    d.Add(item.line);
    for (const OptionalText* field :
         {&item.hs_code, &item.description, &item.unit, &item.origin_country, &item.origin_region,
          &item.eccn, &item.brand_country}) {
      d.Add(*field);
    }
    d.Add(item.quantity);
    d.Add(item.value);
    d.Add(item.us_content_percent);
    d.End();
  }
  d.Section();
  for (const ShipmentLeg& leg : shipment.legs) {
    d.Add(leg.seq);
    for (const OptionalText* field : {&leg.location, &leg.location_name, &leg.country, &leg.region,
                                      &leg.kind, &leg.arrived_on}) {
      d.Add(*field);
    }
    d.Add(leg.latitude);
    d.Add(leg.longitude);
    d.End();
  }
  // The parties and payers with their records: evidence that names no party may still rest on
  // them (a consignee's end use, a payer's country).
  auto add_entity = [&d](const std::shared_ptr<const Entity>& entity) {
    if (entity) {
      d.Add(PartyDigest(*entity));
    } else {
      d.AddAbsent();
    }
  };
  d.Section();
  for (const ShipmentParty& party : shipment.parties) {
    d.Add(party.role);
    d.Add(party.entity_id);
    add_entity(party.entity);
    d.End();
  }
  d.Section();
  for (const ShipmentDocument& document : shipment.documents) {
    d.Add(document.kind);
    for (const OptionalText* field : {&document.reference, &document.issued_on, &document.issuer}) {
      d.Add(*field);
    }
    d.End();
  }
  d.Section();
  for (const ShipmentPayment& payment : shipment.payments) {
    for (const OptionalText* field :
         {&payment.payment_id, &payment.payer_entity_id, &payment.payer_name,
          &payment.payer_country, &payment.payer_bank, &payment.payer_bank_country,
          &payment.currency, &payment.paid_on}) {
      d.Add(*field);
    }
    d.Add(payment.amount);
    add_entity(payment.payer);
    d.End();
  }
  Sha256 sha;
  sha.Update(d.bytes());
  return kShipmentDigestVersion + sha.HexDigest();
}

Status RecordDecision(const std::string& db_path, const DecisionRequest& request,
                      DecisionRecord* out) {
  Status status = ValidateRequest(request);
  if (!status.ok()) return status;
  DecisionRecord record;
  record.hit = request.hit;
  record.verdict = request.verdict;
  record.decided_by = std::string(Trim(request.decided_by));
  record.reason = std::string(Trim(request.reason));
  record.expires_on = request.expires_on;
  record.seen_as_of = request.seen_as_of;
  record.decided_at = request.decided_at.empty() ? UtcNow() : request.decided_at;
  // A report dated after the decision would keep every later ownership row from lapsing it.
  if (!record.seen_as_of.empty() && record.seen_as_of > record.decided_at.substr(0, 10)) {
    return Status::Usage("the report's as-of date " + record.seen_as_of +
                         " is after the decision's day " + record.decided_at.substr(0, 10));
  }
  // Read first, through a read-only connection, then write: the digests come from the same
  // loader screening uses, and a missing subject leaves the database untouched.
  status = ReadSubjects(db_path, request, &record);
  if (!status.ok()) return status;

  std::unique_ptr<Database> db;
  status = Database::OpenWritable(db_path, &db);
  if (!status.ok()) return status;
  status = db->Execute("BEGIN IMMEDIATE");
  if (!status.ok()) return status;
  status = CreateDecisionTables(db.get());
  if (status.ok()) status = InsertDecision(db.get(), &record);
  if (status.ok()) status = AppendAudit(db.get(), DecisionEvent(record), nullptr);
  if (status.ok()) status = db->Execute("COMMIT");
  if (!status.ok()) {
    db->Execute("ROLLBACK");
    return status;
  }
  if (out != nullptr) *out = record;
  return Status::Ok();
}

namespace {

// The party and its owners, transitively (UNION: a cycle ends), as text. An id is its bytes, as
// in every reader (docs/batch.md, "Ids and values, whatever their storage class"): a row naming
// an id stored as a BLOB (Python's sqlite3 stores bytes so) is found by `(SELECT id FROM
// chain)`, which holds each id in both storage classes, so the lookups still use the indexes.
// Before 2026-12-07 SQL's = missed such rows, which the ownership loader reads: a listed owner
// recorded that way did not lapse a cleared ownership finding.
constexpr const char* kChainSql =
    "WITH RECURSIVE up(id) AS (SELECT CAST(?1 AS TEXT) UNION "
    "SELECT CAST(o.owner_id AS TEXT) FROM up JOIN ownership o "
    "ON o.owned_id IN (up.id, CAST(up.id AS BLOB))), "
    "chain(id) AS (SELECT id FROM up UNION ALL SELECT CAST(id AS BLOB) FROM up) ";

}  // namespace

Status ChainDigest(Database* db, const std::string& entity_id, std::string* digest,
                   std::vector<std::string>* dates) {
  digest->clear();
  if (dates != nullptr) dates->clear();
  DigestText text;
  bool exists = false;
  Status status = db->HasTable("ownership", &exists);
  if (!status.ok()) return status;
  if (exists) {
    std::unique_ptr<Statement> rows;
    status = db->Prepare(std::string(kChainSql) +
                             "SELECT owner_id, owned_id, share, control, as_of FROM ownership "
                             "WHERE owned_id IN (SELECT id FROM chain) "
                             "ORDER BY owned_id, owner_id, share, control, as_of",
                         &rows);
    if (!status.ok()) return status;
    rows->BindText(1, entity_id);
    while (rows->Step()) {
      for (int column = 0; column < 5; ++column) text.Optional(rows->OptionalText(column));
      text.EndRecord();
      if (dates != nullptr) dates->push_back(std::string(Trim(rows->Text(4))));
    }
    if (!rows->status().ok()) return rows->status();
    text.EndRecord();
    // The owners' own records: every column but updated_at (as PartyDigest leaves it out). In
    // rowid order among rows of one id; a table declared WITHOUT ROWID has none (and a primary
    // key, which orders it): before 2026-12-07 such a table failed decide and every run after.
    std::unique_ptr<Statement> probe;
    const bool has_rowid = db->Prepare("SELECT rowid FROM entity LIMIT 0", &probe).ok();
    std::unique_ptr<Statement> owners;
    status = db->Prepare(std::string(kChainSql) +
                             "SELECT * FROM entity WHERE entity_id IN (SELECT id FROM chain) "
                             "AND CAST(entity_id AS TEXT) <> ?1 ORDER BY entity_id" +
                             (has_rowid ? ", rowid" : ""),
                         &owners);
    if (!status.ok()) return status;
    owners->BindText(1, entity_id);
    while (owners->Step()) {
      for (int column = 0; column < owners->ColumnCount(); ++column) {
        if (owners->ColumnName(column) == "updated_at") continue;
        text.Optional(owners->OptionalText(column));
      }
      text.EndRecord();
    }
    if (!owners->status().ok()) return owners->status();
    text.EndRecord();
    status = db->HasTable("entity_alias", &exists);
    if (!status.ok()) return status;
    if (exists) {
      std::unique_ptr<Statement> aliases;
      status = db->Prepare(std::string(kChainSql) +
                               "SELECT entity_id, name FROM entity_alias "
                               "WHERE entity_id IN (SELECT id FROM chain) "
                               "AND CAST(entity_id AS TEXT) <> ?1 ORDER BY entity_id, name",
                           &aliases);
      if (!status.ok()) return status;
      aliases->BindText(1, entity_id);
      while (aliases->Step()) {
        text.Field(aliases->Text(0));
        text.Field(aliases->Text(1));
        text.EndRecord();
      }
      if (!aliases->status().ok()) return aliases->status();
    }
  }
  *digest = text.Hex();
  return Status::Ok();
}

Status ListDecisions(const std::string& db_path, const DecisionFilter& filter,
                     std::vector<DecisionRecord>* out) {
  out->clear();
  std::unique_ptr<Database> db;
  Status status = Database::OpenReadOnly(db_path, &db);
  if (!status.ok()) return status;
  return ReadDecisions(db.get(), filter, out);
}

Status ReadDecisions(Database* db, const DecisionFilter& filter, std::vector<DecisionRecord>* out) {
  out->clear();
  bool exists = false;
  Status status = db->HasTable("decision", &exists);
  if (!status.ok() || !exists) return status;
  // A table made before chain digests has no such column (screening opens it read-only).
  std::vector<std::string> columns;
  status = db->Columns("decision", &columns);
  if (!status.ok()) return status;
  auto has = [&](const char* name) {
    return std::find(columns.begin(), columns.end(), name) != columns.end();
  };
  std::unique_ptr<Statement> query;
  status = db->Prepare(
      std::string("SELECT decision_id, shipment_id, entity_id, rule_id, list_id, entry_id, "
                  "verdict, decided_by, reason, decided_at, ifnull(expires_on, ''), "
                  "party_digest, entry_digest, shipment_digest, ") +
          (has("chain_digest") ? "chain_digest, " : "'', ") +
          (has("lists_seen") ? "lists_seen, " : "0, ") +
          (has("seen_as_of") ? "seen_as_of, " : "'', ") +
          (has("evidence_digest") ? "evidence_digest" : "''") +
          " FROM decision WHERE (?1 = '' OR shipment_id = ?1) "
          "AND (?2 = '' OR entity_id = ?2) ORDER BY decision_id",
      &query);
  if (!status.ok()) return status;
  query->BindText(1, filter.shipment_id);
  query->BindText(2, filter.entity_id);
  std::map<std::tuple<std::string, std::string, std::string, std::string, std::string, std::string>,
           size_t>
      latest;  // key -> index in *out
  while (query->Step()) {
    DecisionRecord record;
    record.decision_id = query->Int(0);
    record.shipment_id = query->Text(1);
    record.entity_id = query->Text(2);
    record.hit = {query->Text(3), query->Text(4), query->Text(5), query->Text(17)};
    // The table's CHECK admits only the three names.
    ParseVerdict(query->Text(6), &record.verdict);
    record.decided_by = query->Text(7);
    record.reason = query->Text(8);
    record.decided_at = query->Text(9);
    record.expires_on = query->Text(10);
    record.party_digest = query->Text(11);
    record.entry_digest = query->Text(12);
    record.shipment_digest = query->Text(13);
    record.chain_digest = query->Text(14);
    record.lists_seen = query->Int(15);
    record.seen_as_of = query->Text(16);
    if (filter.latest_only) {
      auto key = std::make_tuple(record.shipment_id, record.entity_id, record.hit.rule_id,
                                 record.hit.list_id, record.hit.entry_id, record.hit.evidence);
      auto found = latest.find(key);
      if (found != latest.end()) {
        (*out)[found->second] = std::move(record);
        continue;
      }
      latest[key] = out->size();
    }
    out->push_back(std::move(record));
  }
  if (!query->status().ok()) return query->status();
  if (filter.latest_only) {
    std::sort(out->begin(), out->end(), [](const DecisionRecord& a, const DecisionRecord& b) {
      return a.decision_id < b.decision_id;
    });
  }
  return Status::Ok();
}

}  // namespace corridor::decisions
