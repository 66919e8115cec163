#include "engine/serve/engine_state.h"

#include <algorithm>
#include <chrono>

#include "engine/base/sha256.h"
#include "engine/store/database.h"

namespace corridor::serve {

namespace {

double UnixNow() {
  return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
}

Status LoadEngine(const ServeOptions& options, const std::string& as_of,
                  std::shared_ptr<const Engine>* out) {
  auto start = std::chrono::steady_clock::now();
  auto engine = std::make_shared<Engine>();
  engine->as_of = as_of;
  // Read before the engine loads: an import committing meanwhile changes the fingerprint again,
  // so the next poll loads once more rather than keeping a stale index for good.
  Status status = DatabaseFingerprint(options.db_path, &engine->fingerprint);
  if (!status.ok()) return status;
  status = ShipmentScorer::Load({options.db_path, options.rules_dir, as_of}, &engine->scorer);
  if (!status.ok()) return status;
  std::unique_ptr<Database> db;
  status = Database::OpenReadOnly(options.db_path, &db);
  if (status.ok()) status = ReadLoadedLists(db.get(), 0, &engine->lists);
  if (!status.ok()) return status;
  if (const names::NameIndex* index = engine->scorer->name_index()) {
    engine->catalog = std::make_unique<EntryCatalog>(*index);
  }
  engine->loaded_at = UnixNow();
  engine->load_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  *out = std::move(engine);
  return Status::Ok();
}

// SHA-256 over every value of every row `sql` gives.
Status QueryDigest(Database* db, const std::string& sql, std::string* digest) {
  std::unique_ptr<Statement> query;
  Status status = db->Prepare(sql, &query);
  if (!status.ok()) return status;
  Sha256 sha;
  std::string row;
  while (query->Step()) {
    row.clear();
    for (int column = 0; column < query->ColumnCount(); ++column) {
      query->AppendDigestValue(column, &row);
    }
    sha.Update(row);
  }
  if (!query->status().ok()) return query->status();
  *digest = sha.HexDigest().substr(0, 16);
  return Status::Ok();
}

// SHA-256 over every value of every row of `table` ("" when it does not exist): an UPDATE in
// place changes it, where a row count and the highest rowid do not.
Status TableDigest(Database* db, const std::string& table, std::string* digest) {
  digest->clear();
  bool exists = false;
  Status status = db->HasTable(table, &exists);
  if (!status.ok() || !exists) return status;
  return QueryDigest(db, "SELECT * FROM \"" + table + "\"", digest);
}

// The records of the entities ownership rows name, and their aliases, by content: the engine's
// ownership world matches owners' names and aliases against the lists, so a listed owner's
// alias added or its name changed in place must reload it (from a review, 2026-12-08: the
// fingerprint counted entity rows only, and /screen kept a company CLEAR that the batch blocked).
Status OwnershipEntitiesDigest(Database* db, std::string* digest) {
  digest->clear();
  bool ownership = false, aliases = false;
  Status status = db->HasTable("ownership", &ownership);
  if (status.ok()) status = db->HasTable("entity_alias", &aliases);
  if (!status.ok() || !ownership) return status;
  const std::string in =
      " WHERE CAST(entity_id AS TEXT) IN (SELECT CAST(owner_id AS TEXT) FROM ownership UNION "
      "SELECT CAST(owned_id AS TEXT) FROM ownership)";
  status = QueryDigest(db, "SELECT * FROM entity" + in + " ORDER BY entity_id", digest);
  if (!status.ok() || !aliases) return status;
  std::string alias_digest;
  status = QueryDigest(db, "SELECT * FROM entity_alias" + in + " ORDER BY entity_id, name",
                       &alias_digest);
  *digest += alias_digest;
  return status;
}

}  // namespace

Status DatabaseFingerprint(const std::string& db_path, std::string* fingerprint) {
  std::unique_ptr<Database> db;
  Status status = Database::OpenReadOnly(db_path, &db);
  std::unique_ptr<Statement> query;
  if (status.ok()) {
    status = db->Prepare(
        "SELECT (SELECT ifnull(max(import_id), 0) FROM list_import)"
        " || '|' || (SELECT ifnull(group_concat(list_id || ':' || ifnull(version, '') || ':' ||"
        "                  ifnull(sha256, ''), ','), '') FROM (SELECT * FROM list_source"
        "                  ORDER BY list_id))"
        " || '|' || (SELECT count(*) FROM list_entry) || '|' || (SELECT count(*) FROM list_alias)"
        " || '|' || (SELECT count(*) FROM list_link)"
        " || '|' || (SELECT ifnull(max(rowid), 0) || ':' || count(*) FROM ownership)",
        &query);
  }
  if (!status.ok()) return status;
  if (!query->Step()) {
    return query->status().ok() ? Status::Corruption(db_path + ": no fingerprint row")
                                : query->status();
  }
  *fingerprint = query->Text(0);
  query.reset();
  // What the engine holds besides the lists, by content: the ownership records and the
  // security incidents (an UPDATE in place, or an import of incidents, went unseen until a
  // restart: since 2026-12-07, from a review); the entities that own others by their count,
  // highest rowid and latest updated_at.
  for (const char* table : {"ownership", "security_incident"}) {
    std::string digest;
    status = TableDigest(db.get(), table, &digest);
    if (!status.ok()) return status;
    *fingerprint += "|" + digest;
  }
  std::vector<std::string> columns;
  status = db->Columns("entity", &columns);
  if (!status.ok()) return status;
  const bool dated = std::find(columns.begin(), columns.end(), "updated_at") != columns.end();
  status = db->Prepare(std::string("SELECT ifnull(max(rowid), 0) || ':' || count(*) || ':' || ") +
                           (dated ? "ifnull(max(updated_at), '')" : "''") + " FROM entity",
                       &query);
  if (status.ok() && query->Step()) *fingerprint += "|" + query->Text(0);
  if (status.ok()) status = query->status();
  if (!status.ok()) return status;
  query.reset();
  std::string owners;
  status = OwnershipEntitiesDigest(db.get(), &owners);
  if (!status.ok()) return status;
  *fingerprint += "|" + owners;
  // Recorded decisions are applied by the engine (engine/decisions/review_book.h): a new one
  // reloads it, so /screen honours a decision as the next batch run would. The desk's table
  // exists once the first decision is recorded.
  bool has_decisions = false;
  status = db->HasTable("decision", &has_decisions);
  if (status.ok() && has_decisions) {
    std::string digest;
    status = TableDigest(db.get(), "decision", &digest);
    *fingerprint += "|" + digest;
  }
  return status;
}

Status Engines::Load(const ServeOptions& options, const std::string& as_of) {
  std::shared_ptr<const Engine> engine;
  Status status = LoadEngine(options, as_of, &engine);
  if (!status.ok()) return status;
  std::lock_guard<std::mutex> lock(mutex_);
  last_attempt_ = engine->fingerprint + "@" + as_of;
  current_ = std::move(engine);
  return Status::Ok();
}

Status Engines::ReloadIfChanged(const ServeOptions& options, const std::string& as_of) {
  std::lock_guard<std::mutex> reload(reload_mutex_);
  std::string fingerprint;
  Status status = DatabaseFingerprint(options.db_path, &fingerprint);
  if (!status.ok()) return status;
  std::string attempt = fingerprint + "@" + as_of;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (attempt == last_attempt_) return Status::Ok();
    last_attempt_ = attempt;
  }
  std::shared_ptr<const Engine> engine;
  status = LoadEngine(options, as_of, &engine);
  std::lock_guard<std::mutex> lock(mutex_);
  if (!status.ok()) {
    ++reload_failures_;
    last_error_ = status.message();
    return status;
  }
  last_error_.clear();
  current_ = std::move(engine);  // the old engine lives on in the requests still holding it
  ++reloads_;
  return Status::Ok();
}

std::shared_ptr<const Engine> Engines::Current() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return current_;
}

std::string Engines::last_error() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return last_error_;
}

}  // namespace corridor::serve
