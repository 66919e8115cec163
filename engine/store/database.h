// A thin RAII layer over SQLite: a Database handle and prepared Statements.
//
// Every database corridor reads for screening is opened read-only (Database::OpenReadOnly);
// only `init` and the importers open one for writing. Errors are returned as Status values whose
// messages name the file and, for statements, the SQL that failed.
#ifndef CORRIDOR_ENGINE_STORE_DATABASE_H_
#define CORRIDOR_ENGINE_STORE_DATABASE_H_

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/base/status.h"

namespace corridor {

class Statement;

// Bounds on the work one SQLite call may do, so that a hostile or broken database (a view over
// an endless recursive CTE, a gigabyte string) ends in Status::Limit instead of hanging or
// exhausting memory. Each bound applies to one call of Statement::Step, Statement::Run or
// Database::Execute (a cursor that streams a million rows is not cut because the whole stream
// is long; one step that never returns is). 0 means no bound.
struct DatabaseLimits {
  int64_t max_steps = 0;   // SQLite virtual machine instructions per call (counted by 1000s)
  int64_t max_millis = 0;  // wall-clock milliseconds per call, from its first 1000 instructions
  int64_t max_bytes = 0;   // largest string or blob (SQLITE_LIMIT_LENGTH)
};

// The bounds every input database connection gets (InputDatabase::Open): generous for real
// data, finite for a hostile one. docs/reliability.md lists them.
DatabaseLimits DefaultInputLimits();

class Database {
 public:
  // Opens an existing database read-only. A missing file is an error (SQLite would otherwise
  // create it).
  static Status OpenReadOnly(const std::string& path, std::unique_ptr<Database>* db);
  // Opens or creates a database for writing.
  static Status OpenWritable(const std::string& path, std::unique_ptr<Database>* db);

  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // Runs one or more statements that return no rows.
  Status Execute(std::string_view sql);
  // Prepares one statement. REQUIRES: `sql` holds exactly one statement.
  Status Prepare(std::string_view sql, std::unique_ptr<Statement>* statement);
  // Prepares the first statement of `sql` and sets `*tail` to the text after it. The error
  // message is SQLite's alone (no file name), for messages about a user's own query.
  Status PrepareFirst(std::string_view sql, std::unique_ptr<Statement>* statement,
                      std::string_view* tail);

  // Sets `*exists` when `table` exists (a table or a view). A read error (a damaged schema page)
  // is an error, never "no such table".
  Status HasTable(const std::string& table, bool* exists);
  // The column names of `table`, in order; empty when the table does not exist.
  Status Columns(const std::string& table, std::vector<std::string>* columns);
  // PRAGMA user_version.
  Status UserVersion(int64_t* version);

  // Sets the bounds for every later call on this connection (see DatabaseLimits). A call that
  // exceeds one fails with Status::Limit naming the bound and the first line of the SQL.
  void SetLimits(const DatabaseLimits& limits);
  const DatabaseLimits& limits() const { return limits_; }
  // True when the connection cannot write (opened read-only or immutable).
  bool IsReadOnly();
  // True when the read-only open fell back to `immutable=1` (a WAL database in a folder the
  // process cannot write; see OpenReadOnly).
  bool immutable() const { return immutable_; }

  const std::string& path() const { return path_; }
  sqlite3* handle() { return db_; }

 private:
  friend class Statement;
  Database(sqlite3* db, std::string path);
  // Called around every sqlite3_step/sqlite3_exec: starts the budget, and turns the result code
  // into a Status (Limit when the progress handler stopped the call).
  void BeginCall();
  Status EndCall(int rc, std::string_view sql);
  static int OnProgress(void* self);

  sqlite3* db_;
  std::string path_;
  bool immutable_ = false;
  DatabaseLimits limits_;
  // State of the call in progress (one at a time: a connection is used by one thread).
  int64_t call_steps_ = 0;
  int64_t call_deadline_ns_ = 0;
  const char* limit_hit_ = nullptr;  // which bound stopped the call, or null
};

// The Status for a failed SQLite call: Corruption for a damaged file, IoError for a read or
// write failure, Error otherwise. `context` is put in front of SQLite's message.
Status SqliteStatus(int rc, const std::string& context, sqlite3* db);

// A prepared statement. Columns and parameters are 0-based (parameters as SQLite: 1-based).
class Statement {
 public:
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  void Reset();
  void BindText(int index, std::string_view value);
  void BindInt(int index, int64_t value);
  void BindDouble(int index, double value);
  void BindNull(int index);
  void BindOptionalText(int index, const std::optional<std::string>& value);

  // Advances to the next row. Returns true when a row is available; false at the end or on error
  // (then status() says which: Limit, Corruption, IoError or Error). Column reads that fail
  // (out of memory) also set status(); callers check it after reading a row.
  bool Step();
  const Status& status() const { return status_; }
  // Runs a statement that returns no rows.
  Status Run();

  bool IsNull(int column) const;
  std::string Text(int column) const;  // "" for NULL
  // The same without a copy: valid until the next Step(), Reset() or read of the column.
  std::string_view TextView(int column) const;
  std::optional<std::string> OptionalText(int column) const;
  int64_t Int(int column) const;
  double Double(int column) const;
  std::optional<double> OptionalDouble(int column) const;
  // True when the column holds a number (INTEGER or REAL), not text.
  bool IsNumeric(int column) const;
  // The column's storage class. Read it before the column's value: reading an INTEGER as text
  // converts it, and SQLite leaves the class undefined after a conversion.
  enum class Type { kNull, kInteger, kFloat, kText, kBlob };
  Type ColumnType(int column) const;
  // Appends the column's value for a digest: its storage class (a letter) and its bytes,
  // delimited as DigestBuilder delimits a field (a NULL is DigestBuilder::kAbsent), so that a BLOB,
  // a TEXT and a number that read as the same text digest apart (the readers treat them apart:
  // SQL's = and IN compare storage classes, a number is read from an INTEGER or REAL and not from a
  // BLOB).
  void AppendDigestValue(int column, std::string* out) const;

  // The result columns and whether the statement only reads.
  int ColumnCount() const;
  std::string ColumnName(int column) const;
  bool IsReadOnly() const;
  std::string Sql() const;

 private:
  friend class Database;
  Statement(sqlite3_stmt* statement, Database* owner)
      : statement_(statement), owner_(owner), db_(owner->db_) {}
  sqlite3_stmt* statement_;
  Database* owner_;
  sqlite3* db_;
  mutable Status status_;
};

// The database's schema as the compiled-in copy of schemas/input.sql, and its version.
const char* InputSchemaSql();
constexpr int64_t kInputSchemaVersion = 1;

// Creates the input schema in a writable database (`corridor init`). Refused, with nothing
// changed, when the database holds tables, views, indexes or triggers the schema does not
// create, or a user_version other than 0 or kInputSchemaVersion.
Status CreateInputSchema(Database* db);

// Brings an input database made by an older corridor up to the current schema (columns added
// since; engine/store/migrations.cc). Idempotent. Run it inside the caller's write transaction.
Status MigrateInputSchema(Database* db);

}  // namespace corridor

#endif  // CORRIDOR_ENGINE_STORE_DATABASE_H_
