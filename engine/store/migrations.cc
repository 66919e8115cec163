// Schema migrations of the input database, in one place: each brings a database made by an
// older corridor up to the current schemas/input.sql.
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "engine/store/database.h"

namespace corridor {

Status MigrateInputSchema(Database* db) {
  // The list importers added two nullable columns after the first release.
  for (const auto& [table, column] :
       {std::pair{"list_attribute", "note"}, std::pair{"list_link", "role"}}) {
    std::vector<std::string> columns;
    Status read = db->Columns(table, &columns);
    if (!read.ok()) return read;
    if (std::find(columns.begin(), columns.end(), column) != columns.end()) continue;
    Status status =
        db->Execute(std::string("ALTER TABLE ") + table + " ADD COLUMN " + column + " TEXT");
    if (!status.ok()) return status;
  }
  return Status::Ok();
}

}  // namespace corridor

// --- desk: the decision and audit tables (engine/store/decision_tables.h) ---
#include "engine/store/decision_tables.h"

namespace corridor {

namespace {

// Kept out of schemas/input.sql: they are not the company's input but the desk's own record,
// created on the first `corridor decide` or `audit record-run`, so databases made before them
// (and `init`'s check that a database holds only input tables) are unaffected.
constexpr const char* kDecisionTablesSql = R"sql(
CREATE TABLE IF NOT EXISTS decision (
  decision_id     INTEGER PRIMARY KEY,          -- recording order; the latest per key counts
  shipment_id     TEXT NOT NULL DEFAULT '',     -- '' = every shipment naming the party
  entity_id       TEXT NOT NULL DEFAULT '',     -- '' = a hit of the shipment itself
  rule_id         TEXT NOT NULL CHECK (rule_id <> ''),
  list_id         TEXT NOT NULL DEFAULT '',     -- '' = the hit names no list entry
  entry_id        TEXT NOT NULL DEFAULT '',
  verdict         TEXT NOT NULL CHECK (verdict IN ('cleared', 'confirmed', 'escalated')),
  decided_by      TEXT NOT NULL CHECK (decided_by <> ''),
  reason          TEXT NOT NULL CHECK (reason <> ''),
  decided_at      TEXT NOT NULL,                -- UTC, ISO 8601
  expires_on      TEXT,                         -- YYYY-MM-DD; NULL = never
  party_digest    TEXT NOT NULL DEFAULT '',     -- PartyDigest when taken ('' without a party)
  entry_digest    TEXT NOT NULL DEFAULT '',     -- list_entry.digest when taken
  shipment_digest TEXT NOT NULL DEFAULT '',     -- ShipmentDigest, for hits without a party
  chain_digest    TEXT NOT NULL DEFAULT '',     -- ChainDigest, for a party's hits without an entry
  lists_seen      INTEGER NOT NULL DEFAULT 0,   -- the latest list_import.import_id when taken
  seen_as_of      TEXT NOT NULL DEFAULT '',     -- as-of day of the report decided on; '' unknown
  evidence_digest TEXT NOT NULL DEFAULT ''      -- a SQL rule's evidence (matched_value sql:...)
);
CREATE INDEX IF NOT EXISTS decision_by_key ON decision(entity_id, rule_id, list_id, entry_id);
CREATE TRIGGER IF NOT EXISTS decision_append_only_update BEFORE UPDATE ON decision
BEGIN SELECT RAISE(ABORT, 'decision is append-only: record a new decision instead'); END;
CREATE TRIGGER IF NOT EXISTS decision_append_only_delete BEFORE DELETE ON decision
BEGIN SELECT RAISE(ABORT, 'decision is append-only: record a new decision instead'); END;
-- INSERT OR REPLACE (and REPLACE) deletes the row it replaces without firing DELETE triggers:
-- an insert of an id that exists is refused before it gets there (since 2026-12-07).
CREATE TRIGGER IF NOT EXISTS decision_append_only_replace BEFORE INSERT ON decision
WHEN EXISTS (SELECT 1 FROM decision WHERE decision_id = NEW.decision_id)
BEGIN SELECT RAISE(ABORT, 'decision is append-only: record a new decision instead'); END;

CREATE TABLE IF NOT EXISTS audit_log (
  audit_id    INTEGER PRIMARY KEY,
  recorded_at TEXT NOT NULL,                    -- UTC, ISO 8601
  event       TEXT NOT NULL CHECK (event IN ('decision', 'screen_run')),
  actor       TEXT NOT NULL CHECK (actor <> ''),
  subject     TEXT NOT NULL,                    -- what it is about, one line
  detail      TEXT NOT NULL                     -- the event's fields as one JSON object
);
CREATE TRIGGER IF NOT EXISTS audit_log_append_only_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_log_append_only_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_log_append_only_replace BEFORE INSERT ON audit_log
WHEN EXISTS (SELECT 1 FROM audit_log WHERE audit_id = NEW.audit_id)
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
)sql";

}  // namespace

Status CreateDecisionTables(Database* db) {
  Status status = db->Execute(kDecisionTablesSql);
  if (!status.ok()) return status;
  // A decision table made before the chain checks: add the columns (its rows keep the defaults,
  // no chain check; docs/decisions.md).
  std::vector<std::string> columns;
  status = db->Columns("decision", &columns);
  if (!status.ok()) return status;
  const std::pair<const char*, const char*> added[] = {
      {"chain_digest", "TEXT NOT NULL DEFAULT ''"},
      {"lists_seen", "INTEGER NOT NULL DEFAULT 0"},
      {"seen_as_of", "TEXT NOT NULL DEFAULT ''"},
      {"evidence_digest", "TEXT NOT NULL DEFAULT ''"}};
  for (const auto& [name, type] : added) {
    if (std::find(columns.begin(), columns.end(), name) != columns.end()) continue;
    status = db->Execute(std::string("ALTER TABLE decision ADD COLUMN ") + name + " " + type);
    if (!status.ok()) return status;
  }
  return status;
}

}  // namespace corridor
