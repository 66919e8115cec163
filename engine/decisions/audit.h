// The append-only audit log (docs/decisions.md, "Audit"): one line per decision (written by
// RecordDecision, decisions.h) and per recorded screening run.
//
// Why runs are recorded from the scores file and not by `screen` itself: screening opens the
// input database read-only (it may sit on a read-only mount, or be read while an import writes),
// and a run that could write its input could change what it screens. The scores file already
// carries everything a run's audit line needs (rules digest, list versions, as-of date, counts);
// `corridor audit record-run --db FILE --scores FILE [--by NAME]` appends it after the run,
// through its own writable connection, touching only the audit table; and a scores file that is
// not complete (no summary: a failed run) is refused, so a recorded run is one that finished.
#ifndef CORRIDOR_ENGINE_DECISIONS_AUDIT_H_
#define CORRIDOR_ENGINE_DECISIONS_AUDIT_H_

#include <cstdint>
#include <string>
#include <vector>

#include "engine/base/status.h"
#include "engine/store/database.h"

namespace corridor::decisions {

struct AuditEvent {
  int64_t audit_id = 0;     // increasing in recording order
  std::string recorded_at;  // UTC, ISO 8601
  std::string event;        // "decision" or "screen_run"
  std::string actor;        // who: the decision's --by, the run's --by or $USER
  std::string subject;      // one readable line
  std::string detail;       // the event's fields as one JSON object
};

// Appends `event` to `audit_log` (audit_id is assigned; an empty recorded_at becomes now).
// REQUIRES: the tables exist (CreateDecisionTables) and the caller holds a write transaction.
Status AppendAudit(Database* db, const AuditEvent& event, AuditEvent* stored);

// Appends a `screen_run` line for the scores file at `scores_path` (its rules digest, list
// versions, as-of date, counts and the file's SHA-256) to the database at `db_path`, creating
// the desk's tables if needed. `actor` REQUIRES: not empty. Errors: the scores file cannot be
// read or has no header or summary (an unfinished run); the database cannot be written.
Status RecordRun(const std::string& db_path, const std::string& scores_path,
                 const std::string& actor, AuditEvent* stored);

// Every audit line recorded on or after `since` (YYYY-MM-DD, or "" for all), oldest first.
// A database without an audit log has none. Opens the database read-only.
Status ListAudit(const std::string& db_path, const std::string& since,
                 std::vector<AuditEvent>* out);

}  // namespace corridor::decisions

#endif  // CORRIDOR_ENGINE_DECISIONS_AUDIT_H_
