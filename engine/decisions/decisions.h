// An analyst's decisions on hits, remembered between runs (docs/decisions.md).
//
//   decisions::DecisionRequest request;
//   request.entity_id = "E-ISB";
//   request.rule_id = "listed_party_other_list";
//   request.list_id = "csl-sdn";  request.entry_id = "12345";
//   request.decision = decisions::Verdict::kCleared;
//   request.decided_by = "a.analyst";  request.reason = "different company: other city, other
//   owners"; decisions::DecisionRecord record; Status status =
//   decisions::RecordDecision("corridor.db", request, &record);
//
// A decision is keyed by what it was taken on: the party (entity id), the rule, the list entry
// (for list hits) and, optionally, one shipment; and it remembers the content digests of the
// records the analyst saw: the party's (PartyDigest: entity row and aliases), the list entry's
// (list_entry.digest, written by the importer), for a party's hit without a list entry the
// ownership chain above the party (ChainDigest) and, for a hit on a shipment with no party, the
// shipment's (ShipmentDigest). A later screening run suppresses a hit a `cleared` decision
// covers only while every digest still matches and the decision has not expired
// (engine/decisions/review_book.h); `confirmed` and `escalated` are shown, never suppress.
//
// The `decision` table is append-only (SQLite triggers refuse UPDATE and DELETE): a changed mind
// is a new decision, and the latest decision on a key is the one that counts. Every decision is
// also written to the append-only `audit_log` (audit.h) in the same transaction.
#ifndef CORRIDOR_ENGINE_DECISIONS_DECISIONS_H_
#define CORRIDOR_ENGINE_DECISIONS_DECISIONS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/base/status.h"
#include "engine/load/records.h"
#include "engine/store/database.h"

namespace corridor::decisions {

enum class Verdict { kCleared, kConfirmed, kEscalated };

// "cleared", "confirmed", "escalated".
const char* VerdictName(Verdict verdict);
// Parses one of the names above; false for anything else.
bool ParseVerdict(std::string_view text, Verdict* verdict);

// What a decision is taken on: a rule's hit, optionally narrowed to one list entry.
struct HitRef {
  std::string rule_id;
  std::string list_id;  // both set or both empty
  std::string entry_id;
  // For evidence keyed on its own content (a custom SQL rule's row: its `matched_value`,
  // `sql:` and 16 hex digits of the SHA-256 of its summary): the evidence the decision covers.
  // "" for every other hit. `corridor decide --evidence`.
  std::string evidence;
};
// Parses `RULE_ID[:LIST_ID:ENTRY_ID]` (the form `corridor decide --hit` takes and evidence's
// `matched_value` shows as LIST:ENTRY). The entry id is everything after the second colon, so
// it may itself hold colons. Usage error for anything else.
Status ParseHitRef(std::string_view text, HitRef* hit);

struct DecisionRequest {
  // The scope. entity_id: the party; the decision covers the party's hits in every shipment,
  // or only in `shipment_id` when that is set too. shipment_id alone: a hit of the shipment
  // (a route or goods rule; or a list hit when the shipment has exactly one party, which is
  // then taken as the party). At least one of the two is required.
  std::string shipment_id;
  std::string entity_id;
  HitRef hit;
  Verdict verdict = Verdict::kCleared;
  std::string decided_by;  // REQUIRES: not empty
  std::string reason;      // REQUIRES: not empty
  std::string expires_on;  // YYYY-MM-DD, or "" for never: the decision holds before that day
  std::string decided_at;  // UTC, ISO 8601 (2026-12-01T14:31:25Z); "" = now
  // YYYY-MM-DD: the as-of day of the report the decision was taken on (`decide --as-of`, the
  // review page's queue); "" = unknown. Ownership rows dated after it lapse a decision on an
  // ownership finding (ReviewBook::Lapsed); unknown, rows dated on or after the decision day do.
  std::string seen_as_of;
};

struct DecisionRecord {
  int64_t decision_id = 0;  // increasing in recording order
  std::string shipment_id;  // "" = every shipment naming the party
  std::string entity_id;    // "" = a hit of the shipment itself
  HitRef hit;
  Verdict verdict = Verdict::kCleared;
  std::string decided_by;
  std::string reason;
  std::string decided_at;
  std::string expires_on;  // "" = never
  // The content digests when the decision was taken; "" where the decision has no such record.
  std::string party_digest;
  std::string entry_digest;
  std::string shipment_digest;
  // For a party's hit that names no list entry (an ownership finding, a red flag), ChainDigest of
  // the party when taken; "" otherwise, and for decisions recorded before chain digests.
  std::string chain_digest;
  // With a chain digest: the latest list import (list_import.import_id, 0 for none) when taken.
  // An ownership finding whose path names a list entry that a later import added or changed
  // (list_change) lapses.
  int64_t lists_seen = 0;
  std::string seen_as_of;  // DecisionRequest::seen_as_of; "" unknown
};

// Records `request` in the `decision` table of the input database at `db_path` (created by
// CreateDecisionTables when missing) and its `audit_log` line, in one transaction, and returns
// what was stored in `out` (may be null). The party, the list entry and the shipment must exist:
// the digests are read from them (the party and the shipment through the same loader screening
// uses, so the digests agree with what the next run computes). Errors:
//   Usage     a missing or malformed field (no scope, an empty reason, a bad expiry date, a list
//             hit on a shipment with several parties and no entity_id);
//   NotFound  the database, the entity, the shipment or the list entry does not exist;
//   others    as the database returns them (nothing is written then).
Status RecordDecision(const std::string& db_path, const DecisionRequest& request,
                      DecisionRecord* out);

struct DecisionFilter {
  std::string shipment_id;   // "" any; else decisions on that shipment, and party decisions
                             // without a shipment scope are not included
  std::string entity_id;     // "" any
  bool latest_only = false;  // only the latest decision per key (what screening would apply)
};

// Every recorded decision matching `filter`, oldest first. A database without a decision table
// has none (Ok, empty). Opens the database read-only.
Status ListDecisions(const std::string& db_path, const DecisionFilter& filter,
                     std::vector<DecisionRecord>* out);
// The same on an open connection (screening's read-only one).
Status ReadDecisions(Database* db, const DecisionFilter& filter, std::vector<DecisionRecord>* out);

// The canonical content digest of a party: SHA-256 over every column of its entity row that
// describes it (kind, name, country, region, address, birth date, registration id, IMO,
// incorporation date, activity; not updated_at) and its aliases sorted, each NULL told apart
// from "". A new alias or a new address changes it.
std::string PartyDigest(const Entity& entity);

// The content digest of what stands above a party in the company's ownership records: every
// ownership row into the party or into one of its owners, transitively (owner, owned, share,
// control, as_of; not the rowid, so a re-import that renumbers rows changes nothing), and each
// such owner's entity row (every column but updated_at) and aliases, sorted. A changed share, a
// new or removed owner anywhere up the chain, or an owner's record that changes (a namesake
// owner's birth date) changes it; nothing below the party does. `dates` (may be null) gets
// those rows' `as_of`, trimmed ("" for undated rows): screening skips a row dated after its
// as-of date, so a row dated between a decision and a run comes into force unseen by the
// reviewer. Reads only.
Status ChainDigest(Database* db, const std::string& entity_id, std::string* digest,
                   std::vector<std::string>* dates = nullptr);

// The content digest of a shipment's records, for decisions on hits that name no party: its row,
// items (with the export-control columns), legs, parties and payers (each with PartyDigest of its
// entity), documents and payments; prefixed kShipmentDigestVersion. Such evidence may rest on any
// of them (proliferation_end_use on the consignee, chpl_diversion on the documents,
// ear_licence_required on an item's ECCN); before 2026-12-07 the digest covered the row, items
// (without the export-control columns) and legs only, and a decision recorded then lapses.
inline constexpr const char* kShipmentDigestVersion = "2:";
std::string ShipmentDigest(const Shipment& shipment);

}  // namespace corridor::decisions

#endif  // CORRIDOR_ENGINE_DECISIONS_DECISIONS_H_
