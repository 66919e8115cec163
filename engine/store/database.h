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

  // True when `table` exists (a table or a view).
  bool HasTable(const std::string& table);
  // The column names of `table`, in order; empty when the table does not exist.
  std::vector<std::string> Columns(const std::string& table);
  // PRAGMA user_version.
  int64_t UserVersion();

  const std::string& path() const { return path_; }
  sqlite3* handle() { return db_; }

 private:
  Database(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  sqlite3* db_;
  std::string path_;
};

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
  // (then status() says which).
  bool Step();
  const Status& status() const { return status_; }
  // Runs a statement that returns no rows.
  Status Run();

  bool IsNull(int column) const;
  std::string Text(int column) const;  // "" for NULL
  std::optional<std::string> OptionalText(int column) const;
  int64_t Int(int column) const;
  double Double(int column) const;
  std::optional<double> OptionalDouble(int column) const;
  // True when the column holds a number (INTEGER or REAL), not text.
  bool IsNumeric(int column) const;

  // The result columns and whether the statement only reads.
  int ColumnCount() const;
  std::string ColumnName(int column) const;
  bool IsReadOnly() const;
  std::string Sql() const;

 private:
  friend class Database;
  Statement(sqlite3_stmt* statement, sqlite3* db) : statement_(statement), db_(db) {}
  sqlite3_stmt* statement_;
  sqlite3* db_;
  Status status_;
};

// The database's schema as the compiled-in copy of schemas/input.sql, and its version.
const char* InputSchemaSql();
constexpr int64_t kInputSchemaVersion = 1;

// Creates the input schema in a writable database (`corridor init`).
Status CreateInputSchema(Database* db);

// Brings an input database made by an older corridor up to the current schema (columns added
// since; engine/store/migrations.cc). Idempotent. Run it inside the caller's write transaction.
Status MigrateInputSchema(Database* db);

}  // namespace corridor

#endif  // CORRIDOR_ENGINE_STORE_DATABASE_H_
