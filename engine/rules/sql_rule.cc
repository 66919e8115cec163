// Rule kind `sql`: an analyst's own pattern as an SQL query over read-only views of one shipment.
//
// The compiled rule is immutable and shared by every worker; each worker owns a SqlScratch: an
// in-memory SQLite connection whose views are virtual tables (`corridor_view`) over rows the
// scratch builds for each shipment from the shipment in memory, with the analyst's query
// prepared on it. Nothing is written: an earlier version inserted every row into real tables and
// deleted them again, which was half of the rule's cost (docs/performance.md). The query is checked
// when the rules load, under an authorizer that allows SELECT and reading the views (and the
// query's own CTEs) only: writes, schema changes, ATTACH/DETACH, PRAGMA, transactions, extension
// loading and functions whose result depends on when or where the query runs (random(), 'now',
// 'localtime', current_timestamp...) are rejected there, with the action named. The same output for
// the same inputs is a promise (docs/output.md), and those functions would break it.
//
// Limits (docs/reliability.md): strings and blobs of at most kMaxValueBytes, a step budget and a
// wall-clock budget per shipment (a progress handler), `max_rows` rows of evidence per shipment
// with a note of how many more there were, and summaries cut at kMaxSummaryBytes.
#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <chrono>
#include <cmath>
#include <functional>
#include <iterator>
#include <optional>
#include <set>

#include "engine/base/digest.h"
#include "engine/base/strings.h"
#include "engine/facts/ownership_world.h"
#include "engine/rules/kinds.h"
#include "engine/rules/matchers.h"
#include "engine/store/database.h"

namespace corridor {

namespace {

// The views by number, in the order of kViewNames.
enum View { kShipment, kParty, kPartyAlias, kItem, kLeg, kListMatch, kOwnership, kViewCount };
constexpr const char* kViewNames[kViewCount] = {"shipment", "party",      "party_alias", "item",
                                                "leg",      "list_match", "ownership"};
// The views' columns (docs/rules.md documents them), as each virtual table declares them.
constexpr const char* kViewColumns[kViewCount] = {
    "shipment_id TEXT, shipped_on TEXT, mode TEXT, origin_country TEXT, origin_region TEXT,"
    " destination_country TEXT, destination_region TEXT, final_destination_country TEXT,"
    " declared_value REAL, currency TEXT, as_of TEXT",
    "entity_id TEXT, role TEXT, kind TEXT, name TEXT, country TEXT, region TEXT, address TEXT,"
    " birth_date TEXT, registration_id TEXT, imo TEXT, incorporated_on TEXT, activity TEXT",
    "entity_id TEXT, name TEXT",
    "line INTEGER, hs_code TEXT, description TEXT, quantity REAL, unit TEXT, value REAL,"
    " origin_country TEXT, origin_region TEXT",
    "seq INTEGER, location TEXT, location_name TEXT, country TEXT, region TEXT, kind TEXT,"
    " arrived_on TEXT",
    "entity_id TEXT, role TEXT, list_id TEXT, entry_id TEXT, entry_name TEXT, matched_name TEXT,"
    " query_name TEXT, method TEXT, score REAL, programs TEXT, needs_corroboration INTEGER",
    "entity_id TEXT, role TEXT, status TEXT, blocked_share_lower REAL, blocked_share_upper REAL,"
    " effective_listed_share REAL"};
// The number of columns of a view: one more than the commas of its column list.
constexpr int ColumnCount(const char* columns) {
  int count = 1;
  for (; *columns != '\0'; ++columns) count += *columns == ',' ? 1 : 0;
  return count;
}
static_assert(ColumnCount(kViewColumns[kShipment]) == 11 && ColumnCount(kViewColumns[kLeg]) == 7);

// The subtype of every text value a view gives (sqlite3_result_subtype): SQLite keeps it while
// the value passes unchanged, so a function can tell a column's value from a literal or a computed
// one. Not 'J' (74), which SQLite's JSON functions read as "this text is JSON".
constexpr unsigned int kInputSubtype = 'C';

// One value of a view's row. Text points into the shipment, its facts or a static string, all
// alive until the query is reset, which Evaluate does before the next shipment's rows are built.
struct ViewValue {
  enum Kind : uint8_t { kNull, kInt, kReal, kText } kind = kNull;
  int64_t integer = 0;
  double real = 0;
  std::string_view text;
};
ViewValue Int(int64_t v) { return {ViewValue::kInt, v, 0, {}}; }
ViewValue Real(double v) { return {ViewValue::kReal, 0, v, {}}; }
ViewValue Text(std::string_view v) { return {ViewValue::kText, 0, 0, v}; }
ViewValue Value(const OptionalText& v) { return v ? Text(*v) : ViewValue(); }
ViewValue Value(const std::optional<double>& v) { return v ? Real(*v) : ViewValue(); }

// A view's rows for the current shipment, row after row.
struct ViewRows {
  int columns = 0;
  std::vector<ViewValue> values;
  size_t rows() const { return columns == 0 ? 0 : values.size() / columns; }
};

// The `corridor_view` module: a read-only virtual table over one of the scratch's ViewRows,
// named by the table (CREATE VIRTUAL TABLE party USING corridor_view). Every scan is a full one:
// a shipment's views hold a handful of rows.
struct ViewTable {
  sqlite3_vtab base;  // first: SQLite casts between the two
  const ViewRows* rows;
};
struct ViewCursor {
  sqlite3_vtab_cursor base;  // first
  const ViewRows* rows;
  size_t row;
};

int ViewConnect(sqlite3* db, void* aux, int argc, const char* const* argv, sqlite3_vtab** out,
                char** error) {
  auto* views = static_cast<std::array<ViewRows, kViewCount>*>(aux);
  const std::string name = argc > 2 ? argv[2] : "";
  for (int view = 0; view < kViewCount; ++view) {
    if (name != kViewNames[view]) continue;
    std::string schema = std::string("CREATE TABLE x(") + kViewColumns[view] + ")";
    int rc = sqlite3_declare_vtab(db, schema.c_str());
    if (rc != SQLITE_OK) return rc;
    auto* table = new ViewTable();
    table->rows = &(*views)[view];
    *out = &table->base;
    return SQLITE_OK;
  }
  *error = sqlite3_mprintf("no view named %s", name.c_str());
  return SQLITE_ERROR;
}
// A separate function from ViewConnect, so that the module is not also a table of its own name.
int ViewCreate(sqlite3* db, void* aux, int argc, const char* const* argv, sqlite3_vtab** out,
               char** error) {
  return ViewConnect(db, aux, argc, argv, out, error);
}
int ViewBestIndex(sqlite3_vtab*, sqlite3_index_info* info) {
  info->estimatedCost = 10;
  info->estimatedRows = 10;
  return SQLITE_OK;
}
int ViewDisconnect(sqlite3_vtab* table) {
  delete reinterpret_cast<ViewTable*>(table);
  return SQLITE_OK;
}
int ViewOpen(sqlite3_vtab* table, sqlite3_vtab_cursor** out) {
  auto* cursor = new ViewCursor();
  cursor->rows = reinterpret_cast<ViewTable*>(table)->rows;
  cursor->row = 0;
  *out = &cursor->base;
  return SQLITE_OK;
}
int ViewClose(sqlite3_vtab_cursor* cursor) {
  delete reinterpret_cast<ViewCursor*>(cursor);
  return SQLITE_OK;
}
int ViewFilter(sqlite3_vtab_cursor* cursor, int, const char*, int, sqlite3_value**) {
  reinterpret_cast<ViewCursor*>(cursor)->row = 0;
  return SQLITE_OK;
}
int ViewNext(sqlite3_vtab_cursor* cursor) {
  ++reinterpret_cast<ViewCursor*>(cursor)->row;
  return SQLITE_OK;
}
int ViewEof(sqlite3_vtab_cursor* cursor) {
  auto* c = reinterpret_cast<ViewCursor*>(cursor);
  return c->row >= c->rows->rows();
}
int ViewColumn(sqlite3_vtab_cursor* cursor, sqlite3_context* context, int column) {
  auto* c = reinterpret_cast<ViewCursor*>(cursor);
  const ViewValue& value = c->rows->values[c->row * c->rows->columns + column];
  switch (value.kind) {
    case ViewValue::kNull:
      sqlite3_result_null(context);
      break;
    case ViewValue::kInt:
      sqlite3_result_int64(context, value.integer);
      break;
    case ViewValue::kReal:
      sqlite3_result_double(context, value.real);
      break;
    case ViewValue::kText:
      // Copied: a value may outlive the row in SQLite's sorter or an aggregate. A string over
      // the connection's length limit (kMaxValueBytes) makes a query that reads it fail with
      // "string or blob too big", a data problem of the shipment (the views as tables held
      // NULL there, silently).
      sqlite3_result_text64(context, value.text.data(), value.text.size(), SQLITE_TRANSIENT,
                            SQLITE_UTF8);
      // Marked as the input's: a date function given a clock word straight from a view reads it
      // as unknown (CallDateFunction). Any expression over the value drops the mark.
      sqlite3_result_subtype(context, kInputSubtype);
      break;
  }
  return SQLITE_OK;
}
// 1, 2, ... as the rows of a table emptied before each shipment were numbered (a query may read
// rowid).
int ViewRowid(sqlite3_vtab_cursor* cursor, sqlite3_int64* rowid) {
  *rowid = static_cast<sqlite3_int64>(reinterpret_cast<ViewCursor*>(cursor)->row) + 1;
  return SQLITE_OK;
}

// Writes never reach the views: the authorizer refuses them when the query is prepared, naming
// the action. Without an xUpdate SQLite would refuse them first, with a vaguer message.
int ViewUpdate(sqlite3_vtab* table, int, sqlite3_value**, sqlite3_int64*) {
  table->zErrMsg = sqlite3_mprintf("the views are read-only");
  return SQLITE_READONLY;
}

sqlite3_module MakeViewModule() {
  sqlite3_module module = {};
  module.xCreate = ViewCreate;
  module.xConnect = ViewConnect;
  module.xBestIndex = ViewBestIndex;
  module.xDisconnect = ViewDisconnect;
  module.xDestroy = ViewDisconnect;
  module.xOpen = ViewOpen;
  module.xClose = ViewClose;
  module.xFilter = ViewFilter;
  module.xNext = ViewNext;
  module.xEof = ViewEof;
  module.xColumn = ViewColumn;
  module.xRowid = ViewRowid;
  module.xUpdate = ViewUpdate;
  return module;
}
const sqlite3_module kViewModule = MakeViewModule();

const std::set<std::string>& ViewNames() {
  static const std::set<std::string> names(std::begin(kViewNames), std::end(kViewNames));
  return names;
}

constexpr int kDefaultMaxRows = 20;
constexpr int kDefaultMaxMillis = 2000;
constexpr int kProgressSteps = 1000;           // VM instructions between progress checks
constexpr int kMaxProgressCallbacks = 100000;  // about 10^8 instructions per shipment
constexpr int kMaxValueBytes = 1 << 20;        // the longest string or blob a query may build
constexpr size_t kMaxSummaryBytes = 2000;      // longer summaries are cut (UTF-8 safe)

// Functions whose result depends on the run, not on the shipment: denied at prepare time.
const std::set<std::string>& NonDeterministicFunctions() {
  static const std::set<std::string> names = {"random",        "randomblob",        "changes",
                                              "total_changes", "last_insert_rowid", "current_date",
                                              "current_time",  "current_timestamp"};
  return names;
}

// The date and time functions: deterministic unless asked for 'now' (or given no time value,
// which means now) or for the machine's time zone ('localtime', 'utc').
const std::set<std::string>& DateFunctions() {
  static const std::set<std::string> names = {"date",      "time",     "datetime",
                                              "julianday", "strftime", "unixepoch"};
  return names;
}

// The bytes the hex digits `hex` spell ("" when they are not an even count of hex digits).
std::string HexBytes(const std::string& hex) {
  if (hex.size() % 2 != 0) return "";
  std::string bytes;
  for (size_t i = 0; i < hex.size(); i += 2) {
    int high = std::isxdigit(static_cast<unsigned char>(hex[i]))
                   ? std::stoi(hex.substr(i, 1), nullptr, 16)
                   : -1;
    int low = std::isxdigit(static_cast<unsigned char>(hex[i + 1]))
                  ? std::stoi(hex.substr(i + 1, 1), nullptr, 16)
                  : -1;
    if (high < 0 || low < 0) return "";
    bytes += static_cast<char>(high * 16 + low);
  }
  return bytes;
}

// True when a string literal of `sql` is one of the date words that read the clock or the time
// zone. A literal is the text between single quotes ('' is an escaped quote).
std::string ClockLiteral(std::string_view sql) {
  for (size_t i = 0; i < sql.size(); ++i) {
    if (sql[i] == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {  // -- comment
      while (i < sql.size() && sql[i] != '\n') ++i;
      continue;
    }
    if (sql[i] != '\'') continue;
    // A blob literal (x'6e6f77'): SQLite's date functions read its bytes as text.
    const bool blob =
        i > 0 && (sql[i - 1] == 'x' || sql[i - 1] == 'X') &&
        (i < 2 || !(std::isalnum(static_cast<unsigned char>(sql[i - 2])) || sql[i - 2] == '_'));
    std::string literal;
    for (++i; i < sql.size(); ++i) {
      if (sql[i] == '\'') {
        if (i + 1 < sql.size() && sql[i + 1] == '\'') {
          literal += '\'';
          ++i;
          continue;
        }
        break;
      }
      literal += sql[i];
    }
    if (blob) literal = HexBytes(literal);
    std::string word = AsciiLower(std::string(Trim(literal)));
    if (word == "now" || word == "localtime" || word == "utc") return word;
  }
  return "";
}

// What the authorizer saw while the analyst's query was prepared.
struct AuthorizerState {
  bool checking = false;  // only the analyst's query is checked; the engine's own statements not
  std::string denied;     // the first action refused, for the error message
  std::set<std::string> views_read;
};

int Authorize(void* data, int action, const char* a, const char* b, const char*, const char*) {
  auto* state = static_cast<AuthorizerState*>(data);
  if (!state->checking) return SQLITE_OK;
  auto deny = [&](std::string what) {
    if (state->denied.empty()) state->denied = std::move(what);
    return SQLITE_DENY;
  };
  std::string first = a ? a : "";
  bool schema_table = first.rfind("sqlite_", 0) == 0;
  // A schema change writes the schema table first (an INSERT for CREATE, a DELETE for DROP;
  // ALTER has an action of its own). An UPDATE of it coming first is SQLite loading a
  // table-valued function (json_each, pragma_table_info) as a table: refused too, by name
  // (before, it read "schema changes").
  if (action == SQLITE_UPDATE && schema_table) {
    return deny("table-valued functions such as json_each() and pragma_*() (only the views " +
                Join(std::vector<std::string>(ViewNames().begin(), ViewNames().end()), ", ") +
                " may be read)");
  }
  if ((action == SQLITE_INSERT || action == SQLITE_DELETE) && schema_table) {
    return deny("schema changes (CREATE, DROP, ALTER)");
  }
  switch (action) {
    case SQLITE_SELECT:
    case SQLITE_RECURSIVE:
      return SQLITE_OK;
    case SQLITE_READ:
      if (ViewNames().count(first)) {
        state->views_read.insert(first);
        return SQLITE_OK;
      }
      // The connection holds nothing but the views (the authorizer refuses creating more), so
      // any other name read is the query's own common table expression or subquery.
      if (!schema_table) return SQLITE_OK;
      return deny("reading \"" + first + "\" (only the views " +
                  Join(std::vector<std::string>(ViewNames().begin(), ViewNames().end()), ", ") +
                  " may be read)");
    case SQLITE_FUNCTION: {
      std::string function = AsciiLower(b ? b : "");
      if (function == "load_extension" || function == "fts3_tokenizer" || function == "readfile" ||
          function == "writefile" || function == "edit") {
        return deny("calling " + function + "()");
      }
      if (function == "sqlite_version" || function == "sqlite_source_id" ||
          function == "sqlite_compileoption_get" || function == "sqlite_compileoption_used") {
        return deny("calling " + function +
                    "(), whose result depends on the machine's SQLite (the same inputs must give "
                    "the same output)");
      }
      if (NonDeterministicFunctions().count(function)) {
        return deny("calling " + function +
                    "(), whose result depends on when the query runs (the same inputs must give "
                    "the same output; use shipment.as_of for the screening date)");
      }
      return SQLITE_OK;
    }
    case SQLITE_INSERT:
      return deny("writing (INSERT into " + first + ")");
    case SQLITE_UPDATE:
      return deny("writing (UPDATE of " + first + ")");
    case SQLITE_DELETE:
      return deny("writing (DELETE from " + first + ")");
    case SQLITE_ATTACH:
      return deny("ATTACH");
    case SQLITE_DETACH:
      return deny("DETACH");
    case SQLITE_PRAGMA:
      return deny("PRAGMA " + first);
    case SQLITE_TRANSACTION:
      return deny("transactions");
    case SQLITE_SAVEPOINT:
      return deny("savepoints");
    default:
      return deny("schema or database changes (authorizer action " + std::to_string(action) + ")");
  }
}

// The per-shipment budget the progress handler enforces.
struct Budget {
  int calls = 0;
  std::chrono::steady_clock::time_point deadline;
  bool out_of_steps = false;
  bool out_of_time = false;
};

int Progress(void* data) {
  auto* budget = static_cast<Budget*>(data);
  if (++budget->calls > kMaxProgressCallbacks) budget->out_of_steps = true;
  if (std::chrono::steady_clock::now() > budget->deadline) budget->out_of_time = true;
  return budget->out_of_steps || budget->out_of_time ? 1 : 0;
}

// Replaces the built-in date and time functions on the rule's connection: a call that reads the
// clock (no time value, or 'now') or the time zone ('localtime', 'utc') is an error; any other
// call is answered by the built-in on a private connection (`dates`). Literal 'now' is refused
// at prepare time already; this catches values computed at run time ('n' || 'ow'). A clock word
// that is a view's value as the input holds it (leg.arrived_on = 'now') is no date: NULL.
struct DateFunction {
  std::string name;
  sqlite3* dates;  // a connection with the built-ins; owned by the scratch
};

void CallDateFunction(sqlite3_context* context, int argc, sqlite3_value** argv) {
  auto* function = static_cast<DateFunction*>(sqlite3_user_data(context));
  int first_time_value = function->name == "strftime" ? 1 : 0;
  if (argc <= first_time_value) {
    sqlite3_result_error(context,
                         (function->name + "() without a time value reads the clock").c_str(), -1);
    return;
  }
  for (int i = first_time_value; i < argc; ++i) {
    // A blob is read as text by the built-ins (date(x'6e6f77') is today): checked as text.
    const int type = sqlite3_value_type(argv[i]);
    if (type != SQLITE_TEXT && type != SQLITE_BLOB) continue;
    const char* bytes = static_cast<const char*>(type == SQLITE_TEXT ? sqlite3_value_text(argv[i])
                                                                     : sqlite3_value_blob(argv[i]));
    std::string word = AsciiLower(std::string(Trim(
        std::string_view(bytes ? bytes : "", static_cast<size_t>(sqlite3_value_bytes(argv[i]))))));
    if (word == "now" || word == "localtime" || word == "utc") {
      // Straight from the input (a view's column): a value that cannot be a date of the
      // shipment, so unknown for this row, as SQLite's date functions answer any other text that
      // is no date. Failing made one bad leg stop the rule for the whole shipment (review
      // finding 2).
      if (sqlite3_value_subtype(argv[i]) == kInputSubtype) {
        sqlite3_result_null(context);
        return;
      }
      sqlite3_result_error(
          context,
          (function->name + "() with '" + word + "' depends on when or where the query runs")
              .c_str(),
          -1);
      return;
    }
  }
  std::string sql = "SELECT " + function->name + "(";
  for (int i = 0; i < argc; ++i) sql += (i ? ",?" : "?") + std::to_string(i + 1);
  sql += ")";
  sqlite3_stmt* statement = nullptr;
  if (sqlite3_prepare_v2(function->dates, sql.c_str(), -1, &statement, nullptr) != SQLITE_OK) {
    sqlite3_result_error(context, sqlite3_errmsg(function->dates), -1);
    return;
  }
  for (int i = 0; i < argc; ++i) sqlite3_bind_value(statement, i + 1, argv[i]);
  if (sqlite3_step(statement) == SQLITE_ROW) {
    sqlite3_result_value(context, sqlite3_column_value(statement, 0));
  } else {
    sqlite3_result_error(context, sqlite3_errmsg(function->dates), -1);
  }
  sqlite3_finalize(statement);
}

// Cuts `text` to at most `max_bytes` bytes without splitting a UTF-8 sequence.
std::string CutUtf8(std::string text, size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  size_t end = max_bytes;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  text.resize(end);
  return text + "... (cut at " + std::to_string(max_bytes) + " bytes)";
}

// One worker's connection: the views (virtual tables) with the analyst's query prepared on it.
class SqlScratch : public RuleScratch {
 public:
  SqlScratch() = default;
  // The connection keeps pointers into the scratch (the views' rows, the authorizer's state, the
  // budget), so it never moves.
  SqlScratch(const SqlScratch&) = delete;
  SqlScratch& operator=(const SqlScratch&) = delete;

  // Opens the views and prepares `query`. Returns an error message, or "".
  std::string Open(const std::string& query) {
    Status status = Database::OpenWritable(":memory:", &db_);
    if (status.ok()) status = Database::OpenWritable(":memory:", &dates_);
    if (!status.ok()) return "cannot open an in-memory database: " + status.message();
    sqlite3* handle = db_->handle();
    sqlite3_db_config(handle, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, nullptr);
    sqlite3_db_config(handle, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
    sqlite3_limit(handle, SQLITE_LIMIT_LENGTH, kMaxValueBytes);
    sqlite3_limit(handle, SQLITE_LIMIT_ATTACHED, 0);
    for (int view = 0; view < kViewCount; ++view)
      rows_[view].columns = ColumnCount(kViewColumns[view]);
    if (sqlite3_create_module_v2(handle, "corridor_view", &kViewModule, &rows_, nullptr) !=
        SQLITE_OK) {
      return std::string("cannot create the views: ") + sqlite3_errmsg(handle);
    }
    for (const char* view : kViewNames) {
      status = db_->Execute(std::string("CREATE VIRTUAL TABLE ") + view + " USING corridor_view");
      if (!status.ok()) return "cannot create the views: " + status.message();
    }
    for (const std::string& name : DateFunctions()) {
      date_functions_.push_back(
          std::make_unique<DateFunction>(DateFunction{name, dates_->handle()}));
      sqlite3_create_function_v2(
          handle, name.c_str(), -1, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_SUBTYPE,
          date_functions_.back().get(), CallDateFunction, nullptr, nullptr, nullptr);
    }
    std::string clock = ClockLiteral(query);
    if (!clock.empty()) {
      return "not allowed in a rule query: '" + clock +
             "', which depends on when or where the query runs (the same inputs must give the "
             "same output; use shipment.as_of for the screening date)";
    }
    sqlite3_set_authorizer(handle, Authorize, &authorizer_);
    authorizer_.checking = true;
    std::string_view tail;
    status = db_->PrepareFirst(query, &query_, &tail);
    authorizer_.checking = false;
    if (!authorizer_.denied.empty()) return "not allowed in a rule query: " + authorizer_.denied;
    if (!status.ok()) return "SQL error: " + status.message();
    if (!query_) return "the query is empty";
    if (HasAnotherStatement(tail)) return "the query must be a single SELECT statement";
    if (!query_->IsReadOnly()) return "the query must only read";
    for (int i = 0; i < query_->ColumnCount(); ++i) {
      std::string name = AsciiLower(query_->ColumnName(i));
      if (name == "summary") summary_column_ = i;
      if (name == "weight") weight_column_ = i;
    }
    if (summary_column_ < 0) return "the query must return a column named `summary`";
    sqlite3_progress_handler(handle, kProgressSteps, Progress, &budget_);
    for (int view = 0; view < kViewCount; ++view) reads_[view] = reads_view(kViewNames[view]);
    return "";
  }

  // Whether `tail` (what follows the first statement) holds a statement: semicolons, spaces and
  // comments do not (before, `SELECT ...; -- the end` was refused as two statements).
  bool HasAnotherStatement(std::string_view tail) {
    while (!Trim(tail).empty()) {
      std::unique_ptr<Statement> next;
      std::string_view rest;
      if (!db_->PrepareFirst(tail, &next, &rest).ok() || next) return true;
      if (rest.size() >= tail.size()) return true;  // no progress: not a statement SQLite reads
      tail = rest;
    }
    return false;
  }

  bool reads_view(const std::string& view) const { return authorizer_.views_read.count(view); }

  // Empties every view (the previous shipment's rows).
  void ClearViews() {
    for (ViewRows& rows : rows_) rows.values.clear();
  }
  // True when the query reads `view`: only those views are built. SQLite calls the authorizer
  // with SQLITE_READ for every table a statement names, in subqueries and CTEs too, even when no
  // column is used (count(*)), so a view missing from views_read cannot change the result.
  bool Fills(View view) const { return reads_[view]; }
  // Appends a row to `view`; `values` holds one value per column.
  void AddRow(View view, std::initializer_list<ViewValue> values) {
    rows_[view].values.insert(rows_[view].values.end(), values);
  }

  std::unique_ptr<Database> db_;
  std::unique_ptr<Database> dates_;
  std::vector<std::unique_ptr<DateFunction>> date_functions_;
  AuthorizerState authorizer_;
  Budget budget_;
  std::unique_ptr<Statement> query_;
  std::array<ViewRows, kViewCount> rows_;  // the current shipment's; read by the virtual tables
  std::array<bool, kViewCount> reads_ = {};
  int summary_column_ = -1;
  int weight_column_ = -1;
};

class SqlRule : public CompiledRule {
 public:
  SqlRule(std::string rule_id, double rule_weight, std::string query, double name_threshold,
          int max_rows, int max_millis, bool reads_ownership)
      : rule_id_(std::move(rule_id)),
        rule_weight_(rule_weight),
        query_(std::move(query)),
        name_threshold_(name_threshold),
        max_rows_(max_rows),
        max_millis_(max_millis),
        reads_ownership_(reads_ownership) {}

  RuleNeeds Needs() const override {
    RuleNeeds needs;
    needs.name_threshold = name_threshold_;
    return needs;
  }

  Status Prepare(RunResources* resources) override {
    allowed_ = resources->AllowedParty();
    // The ownership view needs the graph only when the query reads it (the authorizer saw it).
    if (!reads_ownership_) return Status::Ok();
    Status status = resources->Ownership(&world_);
    // Blocked means blocked on matches that need no corroboration (a short Chinese or Korean
    // name alone blocks nobody; docs/rules.md).
    if (status.ok()) status = resources->OwnershipGraphAt(name_threshold_, true, &graph_);
    if (!status.ok()) return status;
    analysis_ = resources->AnalyzeOwnership(
        *graph_, world_->ListedSeeds({}, name_threshold_, nullptr, true), OwnershipRegime::Ofac());
    return Status::Ok();
  }

  Status NewScratch(std::unique_ptr<RuleScratch>* out) const override {
    auto scratch = std::make_unique<SqlScratch>();
    std::string error = scratch->Open(query_);
    if (!error.empty()) return Status::Error(error);
    *out = std::move(scratch);
    return Status::Ok();
  }

  void Evaluate(const ShipmentContext& context, RuleOutcome* outcome) const override {
    auto* scratch = static_cast<SqlScratch*>(context.scratch);
    const std::string& shipment_id = context.shipment.shipment_id;
    if (scratch == nullptr) {
      Fail(shipment_id, "internal: no scratch", outcome);
      return;
    }
    Fill(context, scratch);
    scratch->budget_ = Budget();
    scratch->budget_.deadline =
        std::chrono::steady_clock::now() + std::chrono::milliseconds(max_millis_);
    Statement* query = scratch->query_.get();
    query->Reset();
    int rows = 0;
    int more = 0;
    while (query->Step()) {
      if (rows == max_rows_) {
        ++more;  // counted, not kept: the evidence says how many were left out
        continue;
      }
      ++rows;
      scores::Evidence* evidence = &outcome->evidence.emplace_back();
      std::string summary = query->IsNull(scratch->summary_column_)
                                ? "(no summary)"
                                : query->Text(scratch->summary_column_);
      evidence->set_summary(CutUtf8(std::move(summary), kMaxSummaryBytes));
      evidence->set_field("sql");
      if (scratch->weight_column_ >= 0) {
        outcome->own_weights = true;
        evidence->set_weight(
            RowWeight(*query, scratch->weight_column_, shipment_id, rows, outcome));
      }
    }
    if (!query->status().ok()) {
      std::string why = scratch->budget_.out_of_time
                            ? "ran past its " + std::to_string(max_millis_) + " ms budget"
                        : scratch->budget_.out_of_steps ? "ran past its step budget"
                                                        : SqliteMessage(query->status());
      if (rows == 0) {
        Fail(shipment_id, why, outcome);
      } else {
        // The rows found stand: each is a row the query returned. Before, they were thrown away
        // with the failure, and a query that ran out of steps while counting the rows beyond
        // max_rows left the shipment clear (review finding 8).
        NoteFailure(shipment_id, why, outcome);
        scores::Evidence* evidence = &outcome->evidence.emplace_back();
        evidence->set_field("sql");
        evidence->set_summary(
            rows == max_rows_
                ? "... and at least " + std::to_string(more) + " more rows not shown (max_rows " +
                      std::to_string(max_rows_) + "; counting stopped: " + why + ")"
                : "... the query stopped after " + std::to_string(rows) + " rows (" + why +
                      "): more rows may not be shown");
      }
    } else if (more > 0) {
      scores::Evidence* evidence = &outcome->evidence.emplace_back();
      evidence->set_field("sql");
      evidence->set_summary("... and " + std::to_string(more) + " more rows not shown (max_rows " +
                            std::to_string(max_rows_) + ")");
    }
    // Each piece of evidence is keyed on its content: a decision clearing it covers that
    // evidence alone (engine/decisions/review_book.cc).
    for (scores::Evidence& evidence : outcome->evidence) {
      evidence.set_matched_value(SqlEvidenceKey(evidence.summary()));
    }
    query->Reset();  // before the views' rows, which the query's values point into, change
  }

 private:
  // The weight of result row `row` (1-based) from its `weight` column: NULL the rule's weight; a
  // number within 0..100 (0 or less weighs 0, over 100 weighs 100); anything else (text, a blob,
  // infinity, NaN) weighs 0 and is a problem naming the rule. Before, 0, a negative, a non-number
  // and infinity all weighed the rule's full weight (review finding 5).
  double RowWeight(const Statement& query, int column, const std::string& shipment_id, int row,
                   RuleOutcome* outcome) const {
    std::string why;
    switch (query.ColumnType(column)) {
      case Statement::Type::kNull:
        return rule_weight_;
      case Statement::Type::kInteger:
      case Statement::Type::kFloat: {
        double weight = query.Double(column);
        if (std::isfinite(weight)) return std::clamp(weight, 0.0, 100.0);
        why = "is not a finite number";
        break;
      }
      default:
        why = "is not a number ('" + CutUtf8(query.Text(column), 40) + "')";
    }
    outcome->problems.push_back({"rule", rule_id_, "sql",
                                 "weight of row " + std::to_string(row) + " on " + shipment_id +
                                     " " + why + ": counted as 0"});
    return 0;
  }

  // Records the failure as a problem naming the rule; returns its message.
  std::string NoteFailure(const std::string& shipment_id, const std::string& why,
                          RuleOutcome* outcome) const {
    std::string message = "query failed on " + shipment_id + ": " + why;
    outcome->problems.push_back({"rule", rule_id_, "sql", message});
    return message;
  }

  // Records that the query failed on the shipment: a problem that names the rule, and a hit
  // that says so and holds the shipment for review (RuleOutcome::failed). Before, the problem
  // named neither the rule nor the failure's consequence, and a rule that did not run left the
  // shipment clear (review findings 2 and 7).
  void Fail(const std::string& shipment_id, const std::string& why, RuleOutcome* outcome) const {
    std::string message = NoteFailure(shipment_id, why, outcome);
    scores::Evidence* evidence = &outcome->evidence.emplace_back();
    evidence->set_field("sql");
    evidence->set_summary("rule " + rule_id_ + ": " + message +
                          " (the rule could not be evaluated: review)");
    outcome->failed = true;
    outcome->floor = REVIEW;
  }

  // SQLite's message without the connection's name (":memory:: "), which tells a reader nothing.
  static std::string SqliteMessage(const Status& status) {
    const std::string prefix = ":memory:: ";
    std::string message = status.message();
    if (message.rfind(prefix, 0) == 0) message.erase(0, prefix.size());
    return message;
  }

  // Replaces the views' rows with the shipment's.
  void Fill(const ShipmentContext& context, SqlScratch* scratch) const {
    const Shipment& s = context.shipment;
    scratch->ClearViews();
    if (scratch->Fills(kShipment)) {
      scratch->AddRow(
          kShipment, {Text(s.shipment_id), Value(s.shipped_on), Value(s.mode),
                      Value(s.origin_country), Value(s.origin_region), Value(s.destination_country),
                      Value(s.destination_region), Value(s.final_destination_country),
                      Value(s.declared_value), Value(s.currency), Text(context.as_of)});
    }
    for (size_t i = 0; i < s.parties.size(); ++i) {
      const ShipmentParty& party = s.parties[i];
      if (party.entity) FillParty(party, context.party_facts[i], scratch);
    }
    if (scratch->Fills(kItem)) {
      for (const ShipmentItem& item : s.items) {
        scratch->AddRow(kItem, {Int(item.line), Value(item.hs_code), Value(item.description),
                                Value(item.quantity), Value(item.unit), Value(item.value),
                                Value(item.origin_country), Value(item.origin_region)});
      }
    }
    if (scratch->Fills(kLeg)) {
      for (const ShipmentLeg& leg : s.legs) {
        scratch->AddRow(
            kLeg, {Int(leg.seq), Value(leg.location), Value(leg.location_name), Value(leg.country),
                   Value(leg.region), Value(leg.kind), Value(leg.arrived_on)});
      }
    }
  }

  // One party's rows: the party, its aliases, its list matches at this rule's own threshold
  // and, when the query reads it, its ownership finding.
  void FillParty(const ShipmentParty& party, const EntityFacts* facts, SqlScratch* scratch) const {
    const Entity& e = *party.entity;
    if (scratch->Fills(kParty)) {
      scratch->AddRow(kParty, {Text(e.entity_id), Text(party.role), Text(e.kind), Text(e.name),
                               Value(e.country), Value(e.region), Value(e.address),
                               Value(e.birth_date), Value(e.registration_id), Value(e.imo),
                               Value(e.incorporated_on), Value(e.activity)});
    }
    if (scratch->Fills(kPartyAlias)) {
      for (const std::string& alias : e.aliases) {
        scratch->AddRow(kPartyAlias, {Text(e.entity_id), Text(alias)});
      }
    }
    if (facts != nullptr && scratch->Fills(kListMatch)) {
      std::optional<bool> allowed;  // asked once, when the party has a name match
      for (const ListMatchFact& m : facts->list_matches) {
        if (!MatchCounts(m, name_threshold_)) continue;
        if (AllowSuppresses(m)) {
          if (!allowed) allowed = allowed_(e);
          if (*allowed) continue;
        }
        scratch->AddRow(kListMatch, {Text(e.entity_id), Text(party.role), Text(m.list_id),
                                     Text(m.entry_id), Text(m.entry_name), Text(m.matched_name),
                                     Text(m.query_name), Text(m.method), Real(m.score),
                                     Text(m.programs), Int(m.needs_corroboration ? 1 : 0)});
      }
    }
    if (analysis_ && scratch->Fills(kOwnership)) {
      NodeId node = world_->EntityNode(e.entity_id, e.number);
      if (node != kNoNode) {
        const OwnershipResult& result = analysis_->Result(node);
        scratch->AddRow(kOwnership,
                        {Text(e.entity_id), Text(party.role), Text(StatusName(result.status)),
                         Real(result.blocked_share_lower), Real(result.blocked_share_upper),
                         Real(result.effective_listed_share)});
      } else {
        // A party without ownership records is no node of the graph, but still one row: listed
        // when its own name screening lists it (as a seed of the graph would be), else
        // not_blocked; nobody owns it, so its shares are 0. Before, it had no row, and a query
        // for status 'listed' missed a listed consignee (from a review, 2026-12-08).
        scratch->AddRow(kOwnership,
                        {Text(e.entity_id), Text(party.role),
                         Text(StatusName(OwnListed(e, facts) ? OwnershipStatus::kListed
                                                             : OwnershipStatus::kNotBlocked)),
                         Real(0), Real(0), Real(0)});
      }
    }
  }

  // Whether an allow-list naming the party suppresses `match`, as it suppresses the listed_party
  // rule's evidence (engine/decisions/review_book.h): a name match no identifier corroborates.
  // Such a match is no row of `list_match` for an allowed party (before, it was, and a query over
  // the view held a party the company's KYC had cleared: review finding 4).
  bool AllowSuppresses(const ListMatchFact& match) const {
    return allowed_ && !match.identifier_corroborates &&
           (match.method == "name_exact" || match.method == "name_fuzzy");
  }

  // Whether the party's own name matches make it a listed person, as ListedSeeds counts a node
  // of the graph: a match at this rule's threshold that needs no corroboration, to an entry that
  // is not a program-less node of the graph.
  bool OwnListed(const Entity& party, const EntityFacts* facts) const {
    if (facts == nullptr) return false;
    const bool allowed = allowed_ && allowed_(party);
    for (const ListMatchFact& m : facts->list_matches) {
      if (MatchDecides(m, name_threshold_) && !world_->NotASeedEntry(m.list_id, m.entry_id) &&
          !(AllowSuppresses(m) && allowed)) {
        return true;
      }
    }
    return false;
  }

  std::string rule_id_;
  double rule_weight_;
  std::string query_;
  double name_threshold_;
  int max_rows_;
  int max_millis_;
  bool reads_ownership_;
  const OwnershipWorld* world_ = nullptr;
  const OwnershipGraph* graph_ = nullptr;  // run-owned (RunResources::OwnershipGraphAt)
  std::shared_ptr<const OwnershipAnalysis> analysis_;
  std::function<bool(const Entity&)> allowed_;  // RunResources::AllowedParty; may be null
};

}  // namespace

std::unique_ptr<CompiledRule> CompileSql(const rules::Rule& rule, const RuleCompileContext& c) {
  const rules::SqlRule& config = rule.sql();
  size_t errors_before = c.diagnostics->size();
  double name_threshold = CompileNameThreshold(config.min_name_score(), "min_name_score", c);
  if (config.max_rows() < 0) c.Error(c.locator.At("max_rows"), "max_rows must not be negative");
  if (config.max_millis() < 0) {
    c.Error(c.locator.At("max_millis"), "max_millis must not be negative");
  }
  // The query is checked on a scratch database of its own, then the scratch is dropped: each
  // worker opens its own (CompiledRule::NewScratch).
  SqlScratch check;
  std::string error = check.Open(config.query());
  if (!error.empty()) c.Error(c.locator.At("query"), error);
  if (c.diagnostics->size() != errors_before) return nullptr;
  return std::make_unique<SqlRule>(
      rule.id(), rule.weight(), config.query(), name_threshold,
      config.max_rows() > 0 ? config.max_rows() : kDefaultMaxRows,
      config.max_millis() > 0 ? config.max_millis() : kDefaultMaxMillis,
      check.reads_view("ownership"));
}

}  // namespace corridor
