// Rule kind `sql`: an analyst's own pattern as an SQL query over read-only views of one shipment.
//
// The compiled rule is immutable and shared by every worker; each worker owns a SqlScratch: an
// in-memory SQLite database holding the views (tables refilled for every shipment) with the
// analyst's query prepared on it. The query is checked when the rules load, under an authorizer
// that allows SELECT and reading the views (and the query's own CTEs) only: writes, schema
// changes, ATTACH/DETACH, PRAGMA, transactions, extension loading and functions whose result
// depends on when or where the query runs (random(), 'now', 'localtime', current_timestamp...)
// are rejected there, with the action named. The same output for the same inputs is a promise
// (docs/output.md), and those functions would break it.
//
// Limits (docs/reliability.md): strings and blobs of at most kMaxValueBytes, a step budget and a
// wall-clock budget per shipment (a progress handler), `max_rows` rows of evidence per shipment
// with a note of how many more there were, and summaries cut at kMaxSummaryBytes.
#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <iterator>
#include <set>

#include "engine/base/strings.h"
#include "engine/facts/ownership_world.h"
#include "engine/ownership/ownership_load.h"
#include "engine/rules/kinds.h"
#include "engine/rules/matchers.h"
#include "engine/store/database.h"

namespace corridor {

namespace {

// The views an SQL rule reads (docs/rules.md documents them).
const char* kViewSchema = R"(
CREATE TABLE shipment (shipment_id TEXT, shipped_on TEXT, mode TEXT, origin_country TEXT,
  origin_region TEXT, destination_country TEXT, destination_region TEXT,
  final_destination_country TEXT, declared_value REAL, currency TEXT, as_of TEXT);
CREATE TABLE party (entity_id TEXT, role TEXT, kind TEXT, name TEXT, country TEXT, region TEXT,
  address TEXT, birth_date TEXT, registration_id TEXT, imo TEXT, incorporated_on TEXT,
  activity TEXT);
CREATE TABLE party_alias (entity_id TEXT, name TEXT);
CREATE TABLE item (line INTEGER, hs_code TEXT, description TEXT, quantity REAL, unit TEXT,
  value REAL, origin_country TEXT, origin_region TEXT);
CREATE TABLE leg (seq INTEGER, location TEXT, location_name TEXT, country TEXT, region TEXT,
  kind TEXT, arrived_on TEXT);
CREATE TABLE list_match (entity_id TEXT, role TEXT, list_id TEXT, entry_id TEXT,
  entry_name TEXT, matched_name TEXT, query_name TEXT, method TEXT, score REAL, programs TEXT);
CREATE TABLE ownership (entity_id TEXT, role TEXT, status TEXT, blocked_share_lower REAL,
  blocked_share_upper REAL, effective_listed_share REAL);
)";

// The views by number, in the order of kViewNames.
enum View { kShipment, kParty, kPartyAlias, kItem, kLeg, kListMatch, kOwnership, kViewCount };
constexpr const char* kViewNames[kViewCount] = {"shipment", "party",      "party_alias", "item",
                                                "leg",      "list_match", "ownership"};

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

// True when a string literal of `sql` is one of the date words that read the clock or the time
// zone. A literal is the text between single quotes ('' is an escaped quote).
std::string ClockLiteral(std::string_view sql) {
  for (size_t i = 0; i < sql.size(); ++i) {
    if (sql[i] == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {  // -- comment
      while (i < sql.size() && sql[i] != '\n') ++i;
      continue;
    }
    if (sql[i] != '\'') continue;
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
  if ((action == SQLITE_INSERT || action == SQLITE_UPDATE || action == SQLITE_DELETE) &&
      schema_table) {
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
// at prepare time already; this catches values computed at run time ('n' || 'ow').
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
    if (sqlite3_value_type(argv[i]) != SQLITE_TEXT) continue;
    std::string word =
        AsciiLower(std::string(Trim(reinterpret_cast<const char*>(sqlite3_value_text(argv[i])))));
    if (word == "now" || word == "localtime" || word == "utc") {
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

void BindOptional(Statement* statement, int index, const OptionalText& value) {
  statement->BindOptionalText(index, value);
}

void BindOptional(Statement* statement, int index, const std::optional<double>& value) {
  if (value) {
    statement->BindDouble(index, *value);
  } else {
    statement->BindNull(index);
  }
}

// Runs one of the views' INSERTs and clears its bindings for the next row.
Status RunInsert(Statement* statement) {
  Status status = statement->Run();
  statement->Reset();
  return status;
}

// Cuts `text` to at most `max_bytes` bytes without splitting a UTF-8 sequence.
std::string CutUtf8(std::string text, size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  size_t end = max_bytes;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  text.resize(end);
  return text + "... (cut at " + std::to_string(max_bytes) + " bytes)";
}

// One worker's view database with the analyst's query prepared on it.
class SqlScratch : public RuleScratch {
 public:
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
    status = db_->Execute(kViewSchema);
    if (!status.ok()) return "cannot create the views: " + status.message();
    for (const std::string& name : DateFunctions()) {
      date_functions_.push_back(
          std::make_unique<DateFunction>(DateFunction{name, dates_->handle()}));
      sqlite3_create_function_v2(handle, name.c_str(), -1, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
                                 date_functions_.back().get(), CallDateFunction, nullptr, nullptr,
                                 nullptr);
    }
    const char* inserts[] = {
        "INSERT INTO shipment VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        "INSERT INTO party VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        "INSERT INTO party_alias VALUES (?1, ?2)",
        "INSERT INTO item VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        "INSERT INTO leg VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        "INSERT INTO list_match VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        "INSERT INTO ownership VALUES (?1, ?2, ?3, ?4, ?5, ?6)"};
    std::unique_ptr<Statement>* targets[] = {&insert_shipment_, &insert_party_, &insert_alias_,
                                             &insert_item_,     &insert_leg_,   &insert_match_,
                                             &insert_ownership_};
    for (size_t i = 0; i < 7; ++i) {
      status = db_->Prepare(inserts[i], targets[i]);
      if (!status.ok()) return "internal: " + status.message();
    }
    for (int view = 0; view < kViewCount; ++view) {
      status = db_->Prepare(std::string("DELETE FROM ") + kViewNames[view], &views_[view].clear);
      if (!status.ok()) return "internal: " + status.message();
    }
    // One transaction per shipment (BEGIN before the views are filled, COMMIT after the query)
    // instead of one per statement.
    status = db_->Prepare("BEGIN", &begin_);
    if (status.ok()) status = db_->Prepare("COMMIT", &commit_);
    if (!status.ok()) return "internal: " + status.message();
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
    std::string rest(Trim(tail));
    if (!rest.empty() && rest != ";") return "the query must be a single SELECT statement";
    if (!query_->IsReadOnly()) return "the query must only read";
    for (int i = 0; i < query_->ColumnCount(); ++i) {
      std::string name = AsciiLower(query_->ColumnName(i));
      if (name == "summary") summary_column_ = i;
      if (name == "weight") weight_column_ = i;
    }
    if (summary_column_ < 0) return "the query must return a column named `summary`";
    sqlite3_progress_handler(handle, kProgressSteps, Progress, &budget_);
    for (int view = 0; view < kViewCount; ++view) views_[view].read = reads_view(kViewNames[view]);
    return "";
  }

  bool reads_view(const std::string& view) const { return authorizer_.views_read.count(view); }

  // Empties every view the previous shipment filled.
  Status ClearViews() {
    for (ViewState& state : views_) {
      if (!state.filled) continue;
      Status status = state.clear->Run();
      if (!status.ok()) return status;
      state.filled = false;
    }
    return Status::Ok();
  }
  // True when the query reads `view`, which is then marked filled (emptied before the next
  // shipment). Only the views the query reads are filled: SQLite calls the authorizer with
  // SQLITE_READ for every table a statement names, in subqueries and CTEs too, even when no
  // column is used (count(*)), so a view missing from views_read cannot change the result.
  bool Fills(View view) {
    if (!views_[view].read) return false;
    views_[view].filled = true;
    return true;
  }
  // Ends the shipment's transaction. A failed COMMIT (none can be expected: the query is reset
  // and nothing else runs) must not leave the transaction open for the next shipment's BEGIN.
  void EndTransaction() {
    if (!commit_->Run().ok() && !sqlite3_get_autocommit(db_->handle())) {
      (void)db_->Execute("ROLLBACK");
    }
  }

  std::unique_ptr<Database> db_;
  std::unique_ptr<Database> dates_;
  std::vector<std::unique_ptr<DateFunction>> date_functions_;
  AuthorizerState authorizer_;
  Budget budget_;
  std::unique_ptr<Statement> query_;
  std::unique_ptr<Statement> insert_shipment_, insert_party_, insert_alias_, insert_item_,
      insert_leg_, insert_match_, insert_ownership_;
  struct ViewState {
    std::unique_ptr<Statement> clear;  // DELETE FROM the view
    bool read = false;                 // the query reads the view
    bool filled = false;               // holds rows of the last shipment
  };
  std::array<ViewState, kViewCount> views_;
  std::unique_ptr<Statement> begin_, commit_;
  int summary_column_ = -1;
  int weight_column_ = -1;
};

class SqlRule : public CompiledRule {
 public:
  SqlRule(std::string query, double name_threshold, int max_rows, int max_millis,
          bool reads_ownership)
      : query_(std::move(query)),
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
    // The ownership view needs the graph only when the query reads it (the authorizer saw it).
    if (!reads_ownership_) return Status::Ok();
    Status status = resources->Ownership(&world_);
    if (status.ok()) status = resources->OwnershipGraphAt(name_threshold_, &graph_);
    if (!status.ok()) return status;
    analysis_ = std::make_unique<OwnershipAnalysis>(
        Analyze(*graph_, world_->ListedSeeds({}, name_threshold_), OwnershipRegime::Ofac()));
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
      outcome->problems.push_back({"rule", shipment_id, "sql", "internal: no scratch"});
      return;
    }
    Status status = scratch->begin_->Run();
    if (status.ok()) status = Fill(context, scratch);
    if (!status.ok()) {
      outcome->problems.push_back({"rule", shipment_id, "sql", status.message()});
      scratch->EndTransaction();
      return;
    }
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
      if (scratch->weight_column_ >= 0 && !query->IsNull(scratch->weight_column_)) {
        double weight = query->Double(scratch->weight_column_);
        evidence->set_weight(std::isfinite(weight) ? std::clamp(weight, 0.0, 100.0) : 0.0);
      }
    }
    if (!query->status().ok()) {
      std::string why = scratch->budget_.out_of_time
                            ? "ran past its " + std::to_string(max_millis_) + " ms budget"
                        : scratch->budget_.out_of_steps ? "ran past its step budget"
                                                        : query->status().message();
      outcome->problems.push_back({"rule", shipment_id, "sql", "query failed: " + why});
      outcome->evidence.clear();
    } else if (more > 0) {
      scores::Evidence* evidence = &outcome->evidence.emplace_back();
      evidence->set_field("sql");
      evidence->set_summary("... and " + std::to_string(more) + " more rows not shown (max_rows " +
                            std::to_string(max_rows_) + ")");
    }
    query->Reset();
    scratch->EndTransaction();
  }

 private:
  // Replaces the views' rows with the shipment's.
  Status Fill(const ShipmentContext& context, SqlScratch* scratch) const {
    const Shipment& s = context.shipment;
    Status status = scratch->ClearViews();
    if (!status.ok()) return status;
    Statement* st = nullptr;
    if (scratch->Fills(kShipment)) {
      st = scratch->insert_shipment_.get();
      st->BindText(1, s.shipment_id);
      BindOptional(st, 2, s.shipped_on);
      BindOptional(st, 3, s.mode);
      BindOptional(st, 4, s.origin_country);
      BindOptional(st, 5, s.origin_region);
      BindOptional(st, 6, s.destination_country);
      BindOptional(st, 7, s.destination_region);
      BindOptional(st, 8, s.final_destination_country);
      BindOptional(st, 9, s.declared_value);
      BindOptional(st, 10, s.currency);
      st->BindText(11, context.as_of);
      status = RunInsert(st);
      if (!status.ok()) return status;
    }
    for (size_t i = 0; i < s.parties.size(); ++i) {
      const ShipmentParty& party = s.parties[i];
      if (!party.entity) continue;
      status = FillParty(party, context.party_facts[i], scratch);
      if (!status.ok()) return status;
    }
    for (const ShipmentItem& item : s.items) {
      if (!scratch->Fills(kItem)) break;
      st = scratch->insert_item_.get();
      st->BindInt(1, item.line);
      BindOptional(st, 2, item.hs_code);
      BindOptional(st, 3, item.description);
      BindOptional(st, 4, item.quantity);
      BindOptional(st, 5, item.unit);
      BindOptional(st, 6, item.value);
      BindOptional(st, 7, item.origin_country);
      BindOptional(st, 8, item.origin_region);
      status = RunInsert(st);
      if (!status.ok()) return status;
    }
    for (const ShipmentLeg& leg : s.legs) {
      if (!scratch->Fills(kLeg)) break;
      st = scratch->insert_leg_.get();
      st->BindInt(1, leg.seq);
      BindOptional(st, 2, leg.location);
      BindOptional(st, 3, leg.location_name);
      BindOptional(st, 4, leg.country);
      BindOptional(st, 5, leg.region);
      BindOptional(st, 6, leg.kind);
      BindOptional(st, 7, leg.arrived_on);
      status = RunInsert(st);
      if (!status.ok()) return status;
    }
    return Status::Ok();
  }

  // One party's rows: the party, its aliases, its list matches at this rule's own threshold
  // and, when the query reads it, its ownership finding.
  Status FillParty(const ShipmentParty& party, const EntityFacts* facts,
                   SqlScratch* scratch) const {
    const Entity& e = *party.entity;
    Status status;
    Statement* st = nullptr;
    if (scratch->Fills(kParty)) {
      st = scratch->insert_party_.get();
      st->BindText(1, e.entity_id);
      st->BindText(2, party.role);
      BindOptional(st, 3, OptionalText(e.kind));
      st->BindText(4, e.name);
      BindOptional(st, 5, e.country);
      BindOptional(st, 6, e.region);
      BindOptional(st, 7, e.address);
      BindOptional(st, 8, e.birth_date);
      BindOptional(st, 9, e.registration_id);
      BindOptional(st, 10, e.imo);
      BindOptional(st, 11, e.incorporated_on);
      BindOptional(st, 12, e.activity);
      status = RunInsert(st);
      if (!status.ok()) return status;
    }
    for (const std::string& alias : e.aliases) {
      if (!scratch->Fills(kPartyAlias)) break;
      st = scratch->insert_alias_.get();
      st->BindText(1, e.entity_id);
      st->BindText(2, alias);
      status = RunInsert(st);
      if (!status.ok()) return status;
    }
    if (facts != nullptr) {
      for (const ListMatchFact& m : facts->list_matches) {
        if (!MatchCounts(m, name_threshold_)) continue;
        if (!scratch->Fills(kListMatch)) break;
        st = scratch->insert_match_.get();
        st->BindText(1, e.entity_id);
        st->BindText(2, party.role);
        st->BindText(3, m.list_id);
        st->BindText(4, m.entry_id);
        st->BindText(5, m.entry_name);
        st->BindText(6, m.matched_name);
        st->BindText(7, m.query_name);
        st->BindText(8, m.method);
        st->BindDouble(9, m.score);
        st->BindText(10, m.programs);
        status = RunInsert(st);
        if (!status.ok()) return status;
      }
    }
    if (analysis_ && scratch->Fills(kOwnership)) {
      NodeId node = world_->graph.Find(EntityNodeName(e.entity_id));
      if (node != kNoNode) {
        const OwnershipResult& result = analysis_->Result(node);
        st = scratch->insert_ownership_.get();
        st->BindText(1, e.entity_id);
        st->BindText(2, party.role);
        st->BindText(3, StatusName(result.status));
        st->BindDouble(4, result.blocked_share_lower);
        st->BindDouble(5, result.blocked_share_upper);
        st->BindDouble(6, result.effective_listed_share);
        status = RunInsert(st);
        if (!status.ok()) return status;
      }
    }
    return Status::Ok();
  }

  std::string query_;
  double name_threshold_;
  int max_rows_;
  int max_millis_;
  bool reads_ownership_;
  const OwnershipWorld* world_ = nullptr;
  const OwnershipGraph* graph_ = nullptr;  // run-owned (RunResources::OwnershipGraphAt)
  std::unique_ptr<OwnershipAnalysis> analysis_;
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
      config.query(), name_threshold, config.max_rows() > 0 ? config.max_rows() : kDefaultMaxRows,
      config.max_millis() > 0 ? config.max_millis() : kDefaultMaxMillis,
      check.reads_view("ownership"));
}

}  // namespace corridor
