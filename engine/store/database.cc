#include "engine/store/database.h"

#include <sys/stat.h>

namespace corridor {

namespace {

// SQLite keeps allocation statistics behind one process-wide mutex; with several screening
// threads each using its own connections, that mutex serialises them. corridor never reads the
// statistics, so they are switched off before SQLite initialises.
struct DisableSqliteMemoryStatistics {
  DisableSqliteMemoryStatistics() { sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); }
};
const DisableSqliteMemoryStatistics kDisableSqliteMemoryStatistics;

Status OpenWithFlags(const std::string& path, int flags, std::unique_ptr<Database>* db,
                     Database* (*make)(sqlite3*, const std::string&)) {
  sqlite3* handle = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &handle, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string message =
        path + ": cannot open database: " + (handle ? sqlite3_errmsg(handle) : sqlite3_errstr(rc));
    sqlite3_close(handle);
    return Status::Error(message);
  }
  sqlite3_extended_result_codes(handle, 1);
  sqlite3_busy_timeout(handle, 5000);
  db->reset(make(handle, path));
  return Status::Ok();
}

}  // namespace

Status Database::OpenReadOnly(const std::string& path, std::unique_ptr<Database>* db) {
  struct stat info;
  if (stat(path.c_str(), &info) != 0) {
    return Status::Error(path + ": no such database file");
  }
  if (!S_ISREG(info.st_mode)) return Status::Error(path + ": not a regular file");
  Status status =
      OpenWithFlags(path, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, db,
                    [](sqlite3* h, const std::string& p) { return new Database(h, p); });
  if (!status.ok()) return status;
  // Reading the schema touches the file header: this turns "file is not a database" into an
  // error here rather than at the first query.
  char* error = nullptr;
  if (sqlite3_exec((*db)->db_, "SELECT count(*) FROM sqlite_schema", nullptr, nullptr, &error) !=
      SQLITE_OK) {
    std::string message = path + ": cannot read database: " + (error ? error : "unknown error");
    sqlite3_free(error);
    db->reset();
    return Status::Error(message);
  }
  return Status::Ok();
}

Status Database::OpenWritable(const std::string& path, std::unique_ptr<Database>* db) {
  return OpenWithFlags(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, db,
                       [](sqlite3* h, const std::string& p) { return new Database(h, p); });
}

Database::~Database() { sqlite3_close_v2(db_); }

Status Database::Execute(std::string_view sql) {
  char* error = nullptr;
  std::string text(sql);
  if (sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
    std::string message = path_ + ": " + (error ? error : "unknown error");
    sqlite3_free(error);
    return Status::Error(message);
  }
  return Status::Ok();
}

Status Database::Prepare(std::string_view sql, std::unique_ptr<Statement>* statement) {
  sqlite3_stmt* handle = nullptr;
  if (sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &handle, nullptr) !=
      SQLITE_OK) {
    return Status::Error(path_ + ": " + sqlite3_errmsg(db_));
  }
  statement->reset(new Statement(handle, db_));
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
  statement->reset(handle ? new Statement(handle, db_) : nullptr);
  return Status::Ok();
}

bool Database::HasTable(const std::string& table) {
  std::unique_ptr<Statement> query;
  if (!Prepare("SELECT 1 FROM sqlite_schema WHERE type IN ('table','view') AND name = ?1", &query)
           .ok()) {
    return false;
  }
  query->BindText(1, table);
  return query->Step();
}

std::vector<std::string> Database::Columns(const std::string& table) {
  std::vector<std::string> columns;
  std::unique_ptr<Statement> query;
  if (!Prepare("SELECT name FROM pragma_table_info(?1) ORDER BY cid", &query).ok()) return columns;
  query->BindText(1, table);
  while (query->Step()) columns.push_back(query->Text(0));
  return columns;
}

int64_t Database::UserVersion() {
  std::unique_ptr<Statement> query;
  if (!Prepare("PRAGMA user_version", &query).ok() || !query->Step()) return 0;
  return query->Int(0);
}

Statement::~Statement() { sqlite3_finalize(statement_); }

void Statement::Reset() {
  sqlite3_reset(statement_);
  sqlite3_clear_bindings(statement_);
  status_ = Status::Ok();
}

void Statement::BindText(int index, std::string_view value) {
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
  int rc = sqlite3_step(statement_);
  if (rc == SQLITE_ROW) return true;
  if (rc != SQLITE_DONE) status_ = Status::Error(sqlite3_errmsg(db_));
  return false;
}

Status Statement::Run() {
  Step();
  Status result = status_;
  sqlite3_reset(statement_);
  return result;
}

bool Statement::IsNull(int column) const {
  return sqlite3_column_type(statement_, column) == SQLITE_NULL;
}

std::string Statement::Text(int column) const {
  const unsigned char* text = sqlite3_column_text(statement_, column);
  if (text == nullptr) return std::string();
  return std::string(reinterpret_cast<const char*>(text),
                     static_cast<size_t>(sqlite3_column_bytes(statement_, column)));
}

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

bool Statement::IsNumeric(int column) const {
  int type = sqlite3_column_type(statement_, column);
  return type == SQLITE_INTEGER || type == SQLITE_FLOAT;
}

Status CreateInputSchema(Database* db) {
  Status status = db->Execute("BEGIN");
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
