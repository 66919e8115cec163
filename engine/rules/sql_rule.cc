// Rule kind `sql`: an analyst's own pattern as an SQL query over read-only views of one shipment.
//
// Each compiled rule owns an in-memory SQLite database holding the views (tables refilled for
// every shipment). The analyst's query is prepared when the rules load, under an authorizer that
// allows SELECT and reading the views only: writes, schema changes, ATTACH/DETACH, PRAGMA,
// transactions and extension loading are rejected there, with the action named; extension
// loading is also switched off on the connection, and a progress handler stops a runaway query.
#include <sqlite3.h>

#include <set>

#include "engine/base/strings.h"
#include "engine/ownership/ownership_load.h"
#include "engine/rules/kinds.h"
#include "engine/rules/matchers.h"
#include "engine/facts/ownership_world.h"

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

const std::set<std::string>& ViewNames() {
  static const std::set<std::string> names = {"shipment", "party",      "party_alias", "item",
                                              "leg",      "list_match", "ownership"};
  return names;
}

constexpr int kMaxRowsPerShipment = 20;
constexpr int kProgressSteps = 1000;           // VM instructions between progress checks
constexpr int kMaxProgressCallbacks = 100000;  // about 10^8 instructions per shipment

// What the authorizer saw while the analyst's query was prepared.
struct AuthorizerState {
  bool checking = false;  // only the analyst's query is checked; the engine's own statements not
  std::string denied;     // the first action refused, for the error message
};

int Authorize(void* data, int action, const char* a, const char* b, const char*, const char*) {
  auto* state = static_cast<AuthorizerState*>(data);
  if (!state->checking) return SQLITE_OK;
  auto deny = [&](std::string what) {
    if (state->denied.empty()) state->denied = std::move(what);
    return SQLITE_DENY;
  };
  std::string first = a ? a : "";
  bool schema_table = first == "sqlite_master" || first == "sqlite_temp_master";
  if ((action == SQLITE_INSERT || action == SQLITE_UPDATE || action == SQLITE_DELETE) &&
      schema_table) {
    return deny("schema changes (CREATE, DROP, ALTER)");
  }
  switch (action) {
    case SQLITE_SELECT:
    case SQLITE_RECURSIVE:
      return SQLITE_OK;
    case SQLITE_READ:
      if (ViewNames().count(first) || first == "sqlite_temp_master" || first.empty())
        return SQLITE_OK;
      return deny("reading \"" + first + "\" (only the views " +
                  Join(std::vector<std::string>(ViewNames().begin(), ViewNames().end()), ", ") +
                  " may be read)");
    case SQLITE_FUNCTION: {
      std::string function = AsciiLower(b ? b : "");
      if (function == "load_extension" || function == "fts3_tokenizer" || function == "readfile" ||
          function == "writefile" || function == "edit") {
        return deny("calling " + function + "()");
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

int Progress(void* data) {
  int* calls = static_cast<int*>(data);
  return ++*calls > kMaxProgressCallbacks ? 1 : 0;
}

void Bind(sqlite3_stmt* statement, int index, const OptionalText& value) {
  if (value) {
    sqlite3_bind_text(statement, index, value->data(), static_cast<int>(value->size()),
                      SQLITE_TRANSIENT);
  } else {
    sqlite3_bind_null(statement, index);
  }
}

void Bind(sqlite3_stmt* statement, int index, const std::optional<double>& value) {
  if (value) {
    sqlite3_bind_double(statement, index, *value);
  } else {
    sqlite3_bind_null(statement, index);
  }
}

class SqlRule : public CompiledRule {
 public:
  ~SqlRule() override {
    for (sqlite3_stmt* statement : {query_, insert_shipment_, insert_party_, insert_alias_,
                                    insert_item_, insert_leg_, insert_match_, insert_ownership_}) {
      sqlite3_finalize(statement);
    }
    for (sqlite3_stmt* statement : clear_views_) sqlite3_finalize(statement);
    sqlite3_close_v2(db_);
  }

  // Opens the view database and prepares the analyst's query. Returns an error message, or "".
  std::string Open(const std::string& query) {
    if (sqlite3_open_v2(":memory:", &db_,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                        nullptr) != SQLITE_OK) {
      return "cannot open an in-memory database";
    }
    sqlite3_db_config(db_, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, nullptr);
    sqlite3_db_config(db_, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
    if (sqlite3_exec(db_, kViewSchema, nullptr, nullptr, nullptr) != SQLITE_OK) {
      return std::string("cannot create the views: ") + sqlite3_errmsg(db_);
    }
    const char* inserts[] = {
        "INSERT INTO shipment VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        "INSERT INTO party VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        "INSERT INTO party_alias VALUES (?1, ?2)",
        "INSERT INTO item VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        "INSERT INTO leg VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        "INSERT INTO list_match VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        "INSERT INTO ownership VALUES (?1, ?2, ?3, ?4, ?5, ?6)"};
    sqlite3_stmt** targets[] = {&insert_shipment_, &insert_party_, &insert_alias_,    &insert_item_,
                                &insert_leg_,      &insert_match_, &insert_ownership_};
    for (size_t i = 0; i < 7; ++i) {
      if (sqlite3_prepare_v2(db_, inserts[i], -1, targets[i], nullptr) != SQLITE_OK) {
        return std::string("internal: ") + sqlite3_errmsg(db_);
      }
    }
    for (const std::string& view : ViewNames()) {
      sqlite3_stmt* statement = nullptr;
      if (sqlite3_prepare_v2(db_, ("DELETE FROM " + view).c_str(), -1, &statement, nullptr) !=
          SQLITE_OK) {
        return std::string("internal: ") + sqlite3_errmsg(db_);
      }
      clear_views_.push_back(statement);
    }

    sqlite3_set_authorizer(db_, Authorize, &authorizer_);
    authorizer_.checking = true;
    const char* tail = nullptr;
    int rc = sqlite3_prepare_v2(db_, query.c_str(), static_cast<int>(query.size()), &query_, &tail);
    authorizer_.checking = false;
    if (!authorizer_.denied.empty()) return "not allowed in a rule query: " + authorizer_.denied;
    if (rc != SQLITE_OK) {
      std::string message = std::string("SQL error: ") + sqlite3_errmsg(db_);
      int offset = sqlite3_error_offset(db_);
      if (offset >= 0) message += " (at character " + std::to_string(offset + 1) + " of the query)";
      return message;
    }
    if (query_ == nullptr) return "the query is empty";
    if (tail != nullptr && !std::string(Trim(tail)).empty() && std::string(Trim(tail)) != ";") {
      return "the query must be a single SELECT statement";
    }
    if (!sqlite3_stmt_readonly(query_)) return "the query must only read";
    summary_column_ = weight_column_ = -1;
    for (int i = 0; i < sqlite3_column_count(query_); ++i) {
      std::string name = AsciiLower(sqlite3_column_name(query_, i));
      if (name == "summary") summary_column_ = i;
      if (name == "weight") weight_column_ = i;
    }
    if (summary_column_ < 0) return "the query must return a column named `summary`";
    sqlite3_progress_handler(db_, kProgressSteps, Progress, &progress_calls_);
    return "";
  }

  Status Prepare(RunResources* resources) override {
    as_of_ = resources->as_of();
    // The ownership view needs the graph only when the query reads it.
    if (std::string(sqlite3_sql(query_)).find("ownership") == std::string::npos)
      return Status::Ok();
    Status status = resources->Ownership(&world_);
    if (!status.ok()) return status;
    analysis_ = std::make_unique<OwnershipAnalysis>(
        Analyze(world_->graph, world_->ListedSeeds({}, 0.0), OwnershipRegime::Ofac()));
    return Status::Ok();
  }

  void Evaluate(const ShipmentContext& context, RuleOutcome* outcome) const override {
    std::string error = Fill(context);
    if (!error.empty()) {
      outcome->problems.push_back({"rule", context.shipment.shipment_id, "sql", error});
      return;
    }
    progress_calls_ = 0;
    sqlite3_reset(query_);
    int rows = 0;
    int rc;
    while ((rc = sqlite3_step(query_)) == SQLITE_ROW && rows < kMaxRowsPerShipment) {
      ++rows;
      const unsigned char* text = sqlite3_column_text(query_, summary_column_);
      scores::Evidence* evidence = &outcome->evidence.emplace_back();
      evidence->set_summary(text ? reinterpret_cast<const char*>(text) : "(no summary)");
      evidence->set_field("sql");
      if (weight_column_ >= 0 && sqlite3_column_type(query_, weight_column_) != SQLITE_NULL) {
        double weight = sqlite3_column_double(query_, weight_column_);
        evidence->set_weight(std::clamp(weight, 0.0, 100.0));
      }
    }
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
      outcome->problems.push_back({"rule", context.shipment.shipment_id, "sql",
                                   std::string("query failed: ") + sqlite3_errmsg(db_)});
      outcome->evidence.clear();
    }
    sqlite3_reset(query_);
  }

 private:
  // Replaces the views' rows with the shipment's. Returns an error message or "".
  std::string Fill(const ShipmentContext& context) const {
    const Shipment& s = context.shipment;
    for (sqlite3_stmt* clear : clear_views_) {
      if (sqlite3_step(clear) != SQLITE_DONE) return sqlite3_errmsg(db_);
      sqlite3_reset(clear);
    }
    auto run = [&](sqlite3_stmt* statement) {
      int rc = sqlite3_step(statement);
      sqlite3_reset(statement);
      sqlite3_clear_bindings(statement);
      return rc == SQLITE_DONE;
    };
    sqlite3_stmt* st = insert_shipment_;
    Bind(st, 1, OptionalText(s.shipment_id));
    Bind(st, 2, s.shipped_on);
    Bind(st, 3, s.mode);
    Bind(st, 4, s.origin_country);
    Bind(st, 5, s.origin_region);
    Bind(st, 6, s.destination_country);
    Bind(st, 7, s.destination_region);
    Bind(st, 8, s.final_destination_country);
    Bind(st, 9, s.declared_value);
    Bind(st, 10, s.currency);
    Bind(st, 11, OptionalText(context.as_of));
    if (!run(st)) return sqlite3_errmsg(db_);
    for (size_t i = 0; i < s.parties.size(); ++i) {
      const ShipmentParty& party = s.parties[i];
      if (!party.entity) continue;
      const Entity& e = *party.entity;
      st = insert_party_;
      Bind(st, 1, OptionalText(e.entity_id));
      Bind(st, 2, OptionalText(party.role));
      Bind(st, 3, OptionalText(e.kind));
      Bind(st, 4, OptionalText(e.name));
      Bind(st, 5, e.country);
      Bind(st, 6, e.region);
      Bind(st, 7, e.address);
      Bind(st, 8, e.birth_date);
      Bind(st, 9, e.registration_id);
      Bind(st, 10, e.imo);
      Bind(st, 11, e.incorporated_on);
      Bind(st, 12, e.activity);
      if (!run(st)) return sqlite3_errmsg(db_);
      for (const std::string& alias : e.aliases) {
        Bind(insert_alias_, 1, OptionalText(e.entity_id));
        Bind(insert_alias_, 2, OptionalText(alias));
        if (!run(insert_alias_)) return sqlite3_errmsg(db_);
      }
      if (const EntityFacts* facts = context.party_facts[i]) {
        for (const ListMatchFact& m : facts->list_matches) {
          st = insert_match_;
          Bind(st, 1, OptionalText(e.entity_id));
          Bind(st, 2, OptionalText(party.role));
          Bind(st, 3, OptionalText(m.list_id));
          Bind(st, 4, OptionalText(m.entry_id));
          Bind(st, 5, OptionalText(m.entry_name));
          Bind(st, 6, OptionalText(m.matched_name));
          Bind(st, 7, OptionalText(m.query_name));
          Bind(st, 8, OptionalText(m.method));
          Bind(st, 9, std::optional<double>(m.score));
          Bind(st, 10, OptionalText(m.programs));
          if (!run(st)) return sqlite3_errmsg(db_);
        }
      }
      if (analysis_) {
        NodeId node = world_->graph.Find(EntityNodeName(e.entity_id));
        if (node != kNoNode) {
          const OwnershipResult& result = analysis_->Result(node);
          st = insert_ownership_;
          Bind(st, 1, OptionalText(e.entity_id));
          Bind(st, 2, OptionalText(party.role));
          Bind(st, 3, OptionalText(StatusName(result.status)));
          Bind(st, 4, std::optional<double>(result.blocked_share_lower));
          Bind(st, 5, std::optional<double>(result.blocked_share_upper));
          Bind(st, 6, std::optional<double>(result.effective_listed_share));
          if (!run(st)) return sqlite3_errmsg(db_);
        }
      }
    }
    for (const ShipmentItem& item : s.items) {
      st = insert_item_;
      sqlite3_bind_int64(st, 1, item.line);
      Bind(st, 2, item.hs_code);
      Bind(st, 3, item.description);
      Bind(st, 4, item.quantity);
      Bind(st, 5, item.unit);
      Bind(st, 6, item.value);
      Bind(st, 7, item.origin_country);
      Bind(st, 8, item.origin_region);
      if (!run(st)) return sqlite3_errmsg(db_);
    }
    for (const ShipmentLeg& leg : s.legs) {
      st = insert_leg_;
      sqlite3_bind_int64(st, 1, leg.seq);
      Bind(st, 2, leg.location);
      Bind(st, 3, leg.location_name);
      Bind(st, 4, leg.country);
      Bind(st, 5, leg.region);
      Bind(st, 6, leg.kind);
      Bind(st, 7, leg.arrived_on);
      if (!run(st)) return sqlite3_errmsg(db_);
    }
    return "";
  }

  sqlite3* db_ = nullptr;
  AuthorizerState authorizer_;
  sqlite3_stmt* query_ = nullptr;
  sqlite3_stmt* insert_shipment_ = nullptr;
  sqlite3_stmt* insert_party_ = nullptr;
  sqlite3_stmt* insert_alias_ = nullptr;
  sqlite3_stmt* insert_item_ = nullptr;
  sqlite3_stmt* insert_leg_ = nullptr;
  sqlite3_stmt* insert_match_ = nullptr;
  sqlite3_stmt* insert_ownership_ = nullptr;
  std::vector<sqlite3_stmt*> clear_views_;  // DELETE FROM each view
  int summary_column_ = -1;
  int weight_column_ = -1;
  mutable int progress_calls_ = 0;
  std::string as_of_;
  const OwnershipWorld* world_ = nullptr;
  std::unique_ptr<OwnershipAnalysis> analysis_;
};

}  // namespace

std::unique_ptr<CompiledRule> CompileSql(const rules::Rule& rule, const RuleCompileContext& c) {
  auto compiled = std::make_unique<SqlRule>();
  std::string error = compiled->Open(rule.sql().query());
  if (!error.empty()) {
    c.Error(c.locator.At("query"), error);
    return nullptr;
  }
  return compiled;
}

}  // namespace corridor
