// The tables of the compliance officer's desk (docs/decisions.md): `decision` (an analyst's
// decisions on hits) and `audit_log` (every decision and every recorded screening run). Both
// are append-only: triggers RAISE on UPDATE and DELETE, so a correction is a new row and the
// history cannot be rewritten through SQL. Only `corridor decide` and `corridor audit
// record-run` write them; `screen` opens the database read-only and only reads `decision`.
#ifndef CORRIDOR_ENGINE_STORE_DECISION_TABLES_H_
#define CORRIDOR_ENGINE_STORE_DECISION_TABLES_H_

#include "engine/base/status.h"
#include "engine/store/database.h"

namespace corridor {

// Creates the two tables, their indexes and their append-only triggers when they are missing
// (engine/store/migrations.cc). Idempotent. Run it inside the caller's write transaction.
Status CreateDecisionTables(Database* db);

}  // namespace corridor

#endif  // CORRIDOR_ENGINE_STORE_DECISION_TABLES_H_
