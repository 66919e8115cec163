#include "engine/store/database.h"

#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <fstream>

#include "engine/base/digest.h"

namespace corridor {

DatabaseLimits DefaultInputLimits() {
  DatabaseLimits limits;
  // A sort of ten million shipments is a few billion instructions and well under a minute on
  // the machines corridor runs on; ten minutes and 10^11 instructions per call leave a wide
  // margin for real data while ending an endless view in bounded time.
  limits.max_steps = 100'000'000'000;
  limits.max_millis = 10 * 60 * 1000;
  limits.max_bytes = 64 << 20;  // 64 MiB: no name, address or note comes close
  return limits;
}

Status SqliteStatus(int rc, const std::string& context, sqlite3* db) {
  std::string message = context + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
  // Extended result codes are on (OpenWithFlags); the low byte is the primary code, which is what
  // decides the Status kind.
  switch (rc & 0xff) {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
    case SQLITE_FORMAT:
      return Status::Corruption(message);
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_FULL:
    case SQLITE_READONLY:
    case SQLITE_PERM:
      return Status::IoError(message);
    case SQLITE_TOOBIG:
      return Status::Limit(message);
    default:
      return Status::Error(message);
  }
}

namespace {

// SQLite keeps allocation statistics behind one process-wide mutex; with several screening
// threads each using its own connections, that mutex serialises them. corridor never reads the
// statistics, so they are switched off before SQLite initialises.
struct DisableSqliteMemoryStatistics {
  DisableSqliteMemoryStatistics() { sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); }
};
const DisableSqliteMemoryStatistics kDisableSqliteMemoryStatistics;

// The first line of `sql`, for messages.
std::string FirstLine(std::string_view sql) {
  size_t start = sql.find_first_not_of(" \t\r\n");
  if (start == std::string_view::npos) return std::string();
  sql.remove_prefix(start);
  return std::string(sql.substr(0, sql.find('\n')));
}

int64_t NowNanos() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

// `path` as an SQLite URI (https://sqlite.org/uri.html): characters with a meaning in URIs are
// percent-encoded.
std::string FileUri(const std::string& path) {
  std::string uri = "file:";
  for (unsigned char c : path) {
    if (c == '%' || c == '?' || c == '#' || c < 0x20 || c >= 0x7f) {
      static const char kHex[] = "0123456789ABCDEF";
      uri += '%';
      uri += kHex[c >> 4];
      uri += kHex[c & 15];
    } else {
      uri += static_cast<char>(c);
    }
  }
  return uri;
}

// True when the file's header says write-ahead logging (bytes 18 and 19 are 2).
bool IsWalFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  char header[20] = {};
  in.read(header, sizeof(header));
  return in && header[18] == 2 && header[19] == 2;
}

Status OpenWithFlags(const std::string& path, int flags, std::unique_ptr<Database>* db,
                     Database* (*make)(sqlite3*, const std::string&),
                     const std::string& open_name = std::string()) {
  sqlite3* handle = nullptr;
  int rc = sqlite3_open_v2(open_name.empty() ? path.c_str() : open_name.c_str(), &handle, flags,
                           nullptr);
  if (rc != SQLITE_OK) {
    Status status = SqliteStatus(rc, path + ": cannot open database: ", handle);
    sqlite3_close(handle);
    return status;
  }
  sqlite3_extended_result_codes(handle, 1);
  // Another corridor process may hold the write lock briefly (an import's transaction): wait up to
  // five seconds before reporting the database as busy.
  sqlite3_busy_timeout(handle, 5000);
  db->reset(make(handle, path));
  return Status::Ok();
}

}  // namespace

Status Database::OpenReadOnly(const std::string& path, std::unique_ptr<Database>* db) {
  struct stat info;
  if (stat(path.c_str(), &info) != 0) {
    return Status::NotFound(path + ": no such database file");
  }
  if (!S_ISREG(info.st_mode)) return Status::IoError(path + ": not a regular file");
  auto make = [](sqlite3* h, const std::string& p) { return new Database(h, p); };
  Status status = OpenWithFlags(path, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, db, make);
  if (!status.ok()) return status;
  // Reading the schema touches the file header: this turns "file is not a database" into an
  // error here rather than at the first query.
  const char* kProbe = "SELECT count(*) FROM sqlite_schema";
  int rc = sqlite3_exec((*db)->db_, kProbe, nullptr, nullptr, nullptr);
  if (rc == SQLITE_OK) return Status::Ok();
  status = SqliteStatus(rc, path + ": cannot read database: ", (*db)->db_);
  db->reset();
  // A WAL database needs its -shm file; in a folder the process cannot write, SQLite cannot
  // create it and the open fails. Without a -wal file there is nothing beyond the main file to
  // read, so opening it immutable reads the same data. (Immutable means SQLite takes no locks:
  // the file must not be written while corridor reads it.) With a -wal file the committed data
  // may live partly in it, and immutable would silently ignore it: refuse instead.
  if ((rc & 0xff) != SQLITE_CANTOPEN || !IsWalFile(path)) return status;
  struct stat wal;
  if (stat((path + "-wal").c_str(), &wal) == 0 && wal.st_size > 0) {
    return Status::IoError(path +
                           ": a WAL database with a -wal file in a folder corridor cannot write: "
                           "checkpoint it (sqlite3 FILE 'PRAGMA wal_checkpoint(TRUNCATE)') or "
                           "copy it to a writable folder");
  }
  status = OpenWithFlags(path, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI, db,
                         make, FileUri(path) + "?immutable=1");
  if (!status.ok()) return status;
  rc = sqlite3_exec((*db)->db_, kProbe, nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) {
    status = SqliteStatus(rc, path + ": cannot read database: ", (*db)->db_);
    db->reset();
    return status;
  }
  (*db)->immutable_ = true;
  return Status::Ok();
}

Status Database::OpenWritable(const std::string& path, std::unique_ptr<Database>* db) {
  return OpenWithFlags(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, db,
                       [](sqlite3* h, const std::string& p) { return new Database(h, p); });
}

Database::Database(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {
  // Every 1000 virtual machine instructions: cheap enough to leave on, fine enough to stop an
  // endless statement within microseconds of its budget.
  sqlite3_progress_handler(db_, 1000, &Database::OnProgress, this);
}

Database::~Database() { sqlite3_close_v2(db_); }

void Database::SetLimits(const DatabaseLimits& limits) {
  limits_ = limits;
  if (limits.max_bytes > 0) {
    // SQLITE_LIMIT_LENGTH is an int; a larger configured value is capped at SQLite's own maximum.
    sqlite3_limit(db_, SQLITE_LIMIT_LENGTH,
                  static_cast<int>(std::min<int64_t>(limits.max_bytes, 1'000'000'000)));
  }
}

bool Database::IsReadOnly() { return sqlite3_db_readonly(db_, "main") == 1; }

void Database::BeginCall() {
  // Limits are per call (one Step or Execute), not per statement or run: a long batch of quick
  // statements never hits them, one runaway statement always does.
  // speed: the clock is read from the call's first progress callback (after 1000 instructions),
  // not here: most calls are one row of a scan, far shorter, and a clock read on each was 5% of
  // the rules' history scans (docs/performance.md, "The clock read once per long call").
  call_steps_ = 0;
  limit_hit_ = nullptr;
  call_deadline_ns_ = 0;
}

int Database::OnProgress(void* self) {
  auto* database = static_cast<Database*>(self);
  database->call_steps_ += 1000;
  if (database->limits_.max_steps > 0 && database->call_steps_ > database->limits_.max_steps) {
    database->limit_hit_ = "steps";
    return 1;  // interrupts the statement: SQLITE_INTERRUPT
  }
  if (database->limits_.max_millis > 0) {
    const int64_t now = NowNanos();
    if (database->call_deadline_ns_ == 0) {
      database->call_deadline_ns_ = now + database->limits_.max_millis * 1'000'000;
    } else if (now > database->call_deadline_ns_) {
      database->limit_hit_ = "millis";
      return 1;
    }
  }
  return 0;
}

Status Database::EndCall(int rc, std::string_view sql) {
  if (rc == SQLITE_OK || rc == SQLITE_ROW || rc == SQLITE_DONE) return Status::Ok();
  if (limit_hit_ != nullptr && (rc & 0xff) == SQLITE_INTERRUPT) {
    std::string bound = std::string(limit_hit_) == "steps"
                            ? std::to_string(limits_.max_steps) + " SQLite instructions"
                            : std::to_string(limits_.max_millis) + " ms";
    return Status::Limit(path_ + ": statement stopped after " + bound +
                         " (limit per call): " + FirstLine(sql));
  }
  return SqliteStatus(rc, path_ + ": ", db_);
}

Status Database::Execute(std::string_view sql) {
  char* error = nullptr;
  std::string text(sql);
  BeginCall();
  int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &error);
  sqlite3_free(error);
  return EndCall(rc, sql);
}

Status Database::Prepare(std::string_view sql, std::unique_ptr<Statement>* statement) {
  sqlite3_stmt* handle = nullptr;
  if (sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &handle, nullptr) !=
      SQLITE_OK) {
    return Status::Error(path_ + ": " + sqlite3_errmsg(db_));
  }
  statement->reset(new Statement(handle, this));
  return Status::Ok();
}

Status Database::PrepareFirst(std::string_view sql, std::unique_ptr<Statement>* statement,
                              std::string_view* tail) {
  sqlite3_stmt* handle = nullptr;
  const char* rest = nullptr;
  if (sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &handle, &rest) !=
      SQLITE_OK) {
    std::string message = sqlite3_errmsg(db_);
    int offset = sqlite3_error_offset(db_);
    if (offset >= 0) message += " (at character " + std::to_string(offset + 1) + ")";
    return Status::Error(message);
  }
  *tail = rest ? sql.substr(static_cast<size_t>(rest - sql.data())) : std::string_view();
  statement->reset(handle ? new Statement(handle, this) : nullptr);
  return Status::Ok();
}

Status Database::HasTable(const std::string& table, bool* exists) {
  *exists = false;
  std::unique_ptr<Statement> query;
  Status status =
      Prepare("SELECT 1 FROM sqlite_schema WHERE type IN ('table','view') AND name = ?1", &query);
  if (!status.ok()) return status;
  query->BindText(1, table);
  *exists = query->Step();
  return query->status();
}

Status Database::Columns(const std::string& table, std::vector<std::string>* columns) {
  columns->clear();
  std::unique_ptr<Statement> query;
  Status status = Prepare("SELECT name FROM pragma_table_info(?1) ORDER BY cid", &query);
  if (!status.ok()) return status;
  query->BindText(1, table);
  while (query->Step()) columns->push_back(query->Text(0));
  return query->status();
}

Status Database::UserVersion(int64_t* version) {
  *version = 0;
  std::unique_ptr<Statement> query;
  Status status = Prepare("PRAGMA user_version", &query);
  if (!status.ok()) return status;
  if (query->Step()) *version = query->Int(0);
  return query->status();
}

Statement::~Statement() { sqlite3_finalize(statement_); }

void Statement::Reset() {
  sqlite3_reset(statement_);
  sqlite3_clear_bindings(statement_);
  status_ = Status::Ok();
}

void Statement::BindText(int index, std::string_view value) {
  // SQLITE_TRANSIENT: SQLite copies the text, so callers may bind temporaries.
  sqlite3_bind_text(statement_, index, value.data(), static_cast<int>(value.size()),
                    SQLITE_TRANSIENT);
}
void Statement::BindInt(int index, int64_t value) { sqlite3_bind_int64(statement_, index, value); }
void Statement::BindDouble(int index, double value) {
  sqlite3_bind_double(statement_, index, value);
}
void Statement::BindNull(int index) { sqlite3_bind_null(statement_, index); }
void Statement::BindOptionalText(int index, const std::optional<std::string>& value) {
  if (value) {
    BindText(index, *value);
  } else {
    BindNull(index);
  }
}

bool Statement::Step() {
  owner_->BeginCall();
  int rc = sqlite3_step(statement_);
  if (rc == SQLITE_ROW) return true;
  if (rc != SQLITE_DONE) status_ = owner_->EndCall(rc, sqlite3_sql(statement_));
  return false;
}

// For statements that return no rows: runs to completion and resets, so the statement can be
// bound and run again.
Status Statement::Run() {
  Step();
  Status result = status_;
  sqlite3_reset(statement_);
  return result;
}

bool Statement::IsNull(int column) const {
  return sqlite3_column_type(statement_, column) == SQLITE_NULL;
}

Statement::Type Statement::ColumnType(int column) const {
  switch (sqlite3_column_type(statement_, column)) {
    case SQLITE_INTEGER:
      return Type::kInteger;
    case SQLITE_FLOAT:
      return Type::kFloat;
    case SQLITE_TEXT:
      return Type::kText;
    case SQLITE_BLOB:
      return Type::kBlob;
    default:
      return Type::kNull;
  }
}

void Statement::AppendDigestValue(int column, std::string* out) const {
  auto append = [out](char tag, std::string_view bytes) {
    *out += tag;
    DigestBuilder::AppendField(bytes, out);
  };
  switch (ColumnType(column)) {
    case Type::kNull:
      *out += DigestBuilder::kAbsent;
      return;
    case Type::kInteger:
      append('i', std::to_string(sqlite3_column_int64(statement_, column)));
      return;
    case Type::kFloat: {
      // The double's bits: two values that print alike (15 digits) may differ.
      const double value = sqlite3_column_double(statement_, column);
      uint64_t bits = 0;
      std::memcpy(&bits, &value, sizeof(bits));
      append('f', std::to_string(bits));
      return;
    }
    case Type::kText:
      append('t', TextView(column));
      return;
    case Type::kBlob: {
      const void* blob = sqlite3_column_blob(statement_, column);
      const int size = sqlite3_column_bytes(statement_, column);
      append('b', blob == nullptr ? std::string_view()
                                  : std::string_view(static_cast<const char*>(blob),
                                                     static_cast<size_t>(size)));
      return;
    }
  }
}

std::string_view Statement::TextView(int column) const {
  const unsigned char* text = sqlite3_column_text(statement_, column);
  if (text == nullptr) {
    // NULL, or a conversion that failed (out of memory): only the second is an error.
    if (sqlite3_column_type(statement_, column) != SQLITE_NULL && status_.ok()) {
      status_ = SqliteStatus(sqlite3_errcode(db_), owner_->path() + ": reading a column: ", db_);
    }
    return {};
  }
  return {reinterpret_cast<const char*>(text),
          static_cast<size_t>(sqlite3_column_bytes(statement_, column))};
}

std::string Statement::Text(int column) const { return std::string(TextView(column)); }

std::optional<std::string> Statement::OptionalText(int column) const {
  if (IsNull(column)) return std::nullopt;
  return Text(column);
}

int64_t Statement::Int(int column) const { return sqlite3_column_int64(statement_, column); }
double Statement::Double(int column) const { return sqlite3_column_double(statement_, column); }

std::optional<double> Statement::OptionalDouble(int column) const {
  if (IsNull(column)) return std::nullopt;
  return Double(column);
}

// The type of the stored value, not the column's declared type: '12.5' stored as text is not
// numeric here (the input reader parses such text itself, ReadNumber).
bool Statement::IsNumeric(int column) const {
  int type = sqlite3_column_type(statement_, column);
  return type == SQLITE_INTEGER || type == SQLITE_FLOAT;
}

namespace {

// The names of the tables, indexes, views and triggers schemas/input.sql creates.
Status InputSchemaObjects(std::vector<std::string>* names) {
  std::unique_ptr<Database> scratch;
  Status status = Database::OpenWritable(":memory:", &scratch);
  if (status.ok()) status = scratch->Execute(InputSchemaSql());
  std::unique_ptr<Statement> query;
  if (status.ok()) {
    status =
        scratch->Prepare("SELECT name FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'", &query);
  }
  if (!status.ok()) return status;
  while (query->Step()) names->push_back(query->Text(0));
  return query->status();
}

// `init` and `import-list` add corridor's tables to the database they are given. That database
// must be empty or corridor's: adding tables to another application's file and overwriting its
// user_version would damage it.
Status CheckSchemaTarget(Database* db) {
  int64_t version = 0;
  Status read = db->UserVersion(&version);
  if (!read.ok()) return read;
  if (version != 0 && version != kInputSchemaVersion) {
    return Status::Refused(db->path() + ": user_version is " + std::to_string(version) +
                           ", not corridor's (" + std::to_string(kInputSchemaVersion) +
                           "): another application's database or another corridor version; "
                           "not changed");
  }
  std::vector<std::string> ours;
  Status status = InputSchemaObjects(&ours);
  if (!status.ok()) return status;
  std::unique_ptr<Statement> query;
  status = db->Prepare(
      "SELECT type, name FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY name", &query);
  if (!status.ok()) return status;
  std::vector<std::string> foreign;
  while (query->Step()) {
    std::string name = query->Text(1);
    if (std::find(ours.begin(), ours.end(), name) == ours.end()) {
      foreign.push_back(query->Text(0) + " " + name);
    }
  }
  if (!query->status().ok()) return query->status();
  if (foreign.empty()) return Status::Ok();
  std::string list;
  for (size_t i = 0; i < foreign.size() && i < 5; ++i) list += (i ? ", " : "") + foreign[i];
  if (foreign.size() > 5) list += ", ...";
  return Status::Refused(db->path() + ": holds objects corridor did not create (" + list +
                         "): another application's database; not changed");
}

}  // namespace

Status CreateInputSchema(Database* db) {
  Status status = CheckSchemaTarget(db);
  if (!status.ok()) return status;
  status = db->Execute("BEGIN");
  if (!status.ok()) return status;
  status = db->Execute(InputSchemaSql());
  if (!status.ok()) {
    db->Execute("ROLLBACK");
    return status;
  }
  return db->Execute("COMMIT");
}

int Statement::ColumnCount() const { return sqlite3_column_count(statement_); }

std::string Statement::ColumnName(int column) const {
  const char* name = sqlite3_column_name(statement_, column);
  return name ? name : "";
}

bool Statement::IsReadOnly() const { return sqlite3_stmt_readonly(statement_) != 0; }

std::string Statement::Sql() const {
  const char* sql = sqlite3_sql(statement_);
  return sql ? sql : "";
}

}  // namespace corridor
