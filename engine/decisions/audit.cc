#include "engine/decisions/audit.h"

#include <chrono>
#include <ctime>
#include <memory>
#include <nlohmann/json.hpp>

#include "engine/base/date.h"
#include "engine/base/sha256.h"
#include "engine/output/score_stream.h"
#include "engine/store/decision_tables.h"
#include "schemas/scores.pb.h"

namespace corridor::decisions {

namespace {

std::string UtcNow() {
  std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof(buffer), "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buffer;
}

// The audit line of a finished run, from its scores file. Also checks the file is complete:
// ScoreReader refuses a stream without its summary.
Status RunEvent(const std::string& scores_path, const std::string& actor, AuditEvent* event) {
  std::unique_ptr<ScoreReader> reader;
  Status status = ScoreReader::Open(scores_path, &reader);
  if (!status.ok()) return status;
  scores::ScoreRecord record;
  scores::StreamHeader header;
  scores::StreamSummary summary;
  bool has_header = false, has_summary = false;
  while (reader->Next(&record)) {
    if (record.has_header()) {
      header = record.header();
      has_header = true;
    } else if (record.has_summary()) {
      summary = record.summary();
      has_summary = true;
    }
  }
  if (!reader->status().ok()) return reader->status();  // it names the file and the record
  if (!has_header || !has_summary) {
    return Status::Corruption(scores_path + ": not a complete scores file");
  }
  std::string contents;
  if (!ReadFile(scores_path, &contents)) return Status::IoError(scores_path + ": cannot read");
  Sha256 digest;
  digest.Update(contents);
  nlohmann::ordered_json lists = nlohmann::ordered_json::array();
  for (const scores::ListVersion& list : header.lists()) {
    lists.push_back({{"list_id", list.list_id()},
                     {"version", list.version()},
                     {"sha256", list.sha256()},
                     {"entries", list.entry_count()}});
  }
  nlohmann::ordered_json detail = {{"scores_file", scores_path},
                                   {"scores_sha256", digest.HexDigest()},
                                   {"engine_version", header.engine_version()},
                                   {"as_of", header.as_of()},
                                   {"rules_digest", header.rules_digest()},
                                   {"lists", lists},
                                   {"shipments", summary.shipments()},
                                   {"clear", summary.clear()},
                                   {"review", summary.review()},
                                   {"hold", summary.hold()},
                                   {"block", summary.block()},
                                   {"suppressed_hits", summary.suppressed_hits()},
                                   {"data_problems", summary.data_problems()}};
  event->event = "screen_run";
  event->actor = actor;
  event->subject = "screened " + std::to_string(summary.shipments()) + " shipments as of " +
                   header.as_of() + ": " + std::to_string(summary.block()) + " block, " +
                   std::to_string(summary.hold()) + " hold, " + std::to_string(summary.review()) +
                   " review, " + std::to_string(summary.clear()) + " clear";
  event->detail = detail.dump();
  return Status::Ok();
}

}  // namespace

Status AppendAudit(Database* db, const AuditEvent& event, AuditEvent* stored) {
  AuditEvent row = event;
  if (row.recorded_at.empty()) row.recorded_at = UtcNow();
  std::unique_ptr<Statement> insert;
  Status status = db->Prepare(
      "INSERT INTO audit_log(recorded_at, event, actor, subject, detail) "
      "VALUES (?1, ?2, ?3, ?4, ?5)",
      &insert);
  if (!status.ok()) return status;
  insert->BindText(1, row.recorded_at);
  insert->BindText(2, row.event);
  insert->BindText(3, row.actor);
  insert->BindText(4, row.subject);
  insert->BindText(5, row.detail);
  status = insert->Run();
  if (!status.ok()) return status;
  row.audit_id = sqlite3_last_insert_rowid(db->handle());
  if (stored != nullptr) *stored = row;
  return Status::Ok();
}

Status RecordRun(const std::string& db_path, const std::string& scores_path,
                 const std::string& actor, AuditEvent* stored) {
  if (actor.empty()) return Status::Usage("a run record needs who ran it (--by or $USER)");
  AuditEvent event;
  Status status = RunEvent(scores_path, actor, &event);
  if (!status.ok()) return status;
  std::unique_ptr<Database> db;
  // OpenReadOnly first: a missing database is NotFound here, never a new empty file.
  status = Database::OpenReadOnly(db_path, &db);
  if (status.ok()) status = Database::OpenWritable(db_path, &db);
  if (!status.ok()) return status;
  status = db->Execute("BEGIN IMMEDIATE");
  if (!status.ok()) return status;
  status = CreateDecisionTables(db.get());
  if (status.ok()) status = AppendAudit(db.get(), event, stored);
  if (status.ok()) status = db->Execute("COMMIT");
  if (!status.ok()) db->Execute("ROLLBACK");
  return status;
}

Status ListAudit(const std::string& db_path, const std::string& since,
                 std::vector<AuditEvent>* out) {
  out->clear();
  if (!since.empty() && !ParseIsoDay(since)) {
    return Status::Usage("--since '" + since + "' is not a date (YYYY-MM-DD)");
  }
  std::unique_ptr<Database> db;
  Status status = Database::OpenReadOnly(db_path, &db);
  if (!status.ok()) return status;
  bool exists = false;
  status = db->HasTable("audit_log", &exists);
  if (!status.ok() || !exists) return status;
  std::unique_ptr<Statement> query;
  // recorded_at is ISO 8601 UTC, so text order is time order and a day compares as a prefix.
  status = db->Prepare(
      "SELECT audit_id, recorded_at, event, actor, subject, detail FROM audit_log "
      "WHERE recorded_at >= ?1 ORDER BY audit_id",
      &query);
  if (!status.ok()) return status;
  query->BindText(1, since);
  while (query->Step()) {
    out->push_back({query->Int(0), query->Text(1), query->Text(2), query->Text(3), query->Text(4),
                    query->Text(5)});
  }
  return query->status();
}

}  // namespace corridor::decisions
