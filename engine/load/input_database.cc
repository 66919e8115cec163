#include "engine/load/input_database.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <initializer_list>
#include <set>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include <sqlite3.h>

#include "engine/base/strings.h"

namespace corridor {

namespace {

struct TableColumns {
  const char* table;
  std::vector<const char*> columns;
};

// Every column the engine reads. The list tables are checked by the screening stage that reads
// them.
const std::vector<TableColumns>& RequiredColumns() {
  static const std::vector<TableColumns> required = {
      {"entity",
       {"entity_id", "kind", "name", "country", "region", "address", "birth_date",
        "registration_id", "imo", "incorporated_on"}},
      {"entity_alias", {"entity_id", "name"}},
      {"shipment",
       {"shipment_id", "shipped_on", "mode", "origin_country", "origin_region",
        "destination_country", "destination_region", "final_destination_country", "declared_value",
        "currency"}},
      {"shipment_party", {"shipment_id", "entity_id", "role"}},
      {"shipment_item",
       {"shipment_id", "line", "hs_code", "description", "quantity", "unit", "value",
        "origin_country", "origin_region"}},
      {"shipment_leg",
       {"shipment_id", "seq", "location", "location_name", "country", "region", "kind",
        "arrived_on"}},
  };
  return required;
}

// Blank text is treated as NULL everywhere: spreadsheets export empty cells as '' or ' ', and a
// blank country must read as "unknown", not as an invalid code.
OptionalText TrimmedOrNull(OptionalText value) {
  if (!value) return value;
  const std::string_view trimmed = Trim(*value);
  if (trimmed.empty()) return std::nullopt;
  if (trimmed.size() == value->size()) return value;  // speed: most values need no trimming
  return std::string(trimmed);
}

// An entity's aliases in one order, whatever order the rows were stored or read in: by bytes.
void SortAliases(std::vector<std::string>* aliases) { std::sort(aliases->begin(), aliases->end()); }

// TrimmedOrNull(r.OptionalText(column)) without the untrimmed copy.
OptionalText TrimmedText(const Statement& r, int column) {
  if (r.IsNull(column)) return std::nullopt;
  const std::string_view trimmed = Trim(r.TextView(column));
  if (trimmed.empty()) return std::nullopt;
  return std::string(trimmed);
}

// The shipment key as every query selects and orders it. SQL orders an INTEGER column
// numerically (2 before 10) and a TEXT one by bytes ('10' before '2'); the merge join below
// compares keys as text, so every cursor must order the same text by bytes, whatever the
// column's declared type or collation.
constexpr const char* kShipmentKey = "CAST(shipment_id AS TEXT) COLLATE BINARY";
// The same order when every shipment_id of the table is text (or NULL): text in BINARY collation
// is ordered by bytes, and SQLite then reads the rows in the order of the table's shipment_id
// index instead of sorting the whole table first (a temporary B-tree of every row of
// shipment_party, shipment_item and shipment_leg before the first shipment: docs/performance.md,
// "Reading in index order").
constexpr const char* kTextShipmentKey = "shipment_id COLLATE BINARY";

// The key in a UTF-16 database. BINARY compares text in the file's encoding, and UTF-16's
// order is not UTF-8's (UTF-16le compares each unit's low byte first; UTF-16be puts U+10000 and
// above before U+E000..U+FFFF), so the cursors order by kUtf8Collation, which compares the
// UTF-8 bytes the merge compares. It cannot use the shipment_id indexes: each table is sorted
// whole, as kShipmentKey sorts it. Before 2026-12-07 such a database was read in BINARY order
// and a shipment whose id the two orders placed differently lost its parties, items and legs
// (test "A UTF-16 database's shipments keep their parties whatever their ids' letters").
constexpr const char* kUtf8Collation = "corridor_utf8";
constexpr const char* kUtf16ShipmentKey = "CAST(shipment_id AS TEXT) COLLATE corridor_utf8";

int CompareUtf8Bytes(void*, int left_size, const void* left, int right_size, const void* right) {
  const int common = std::min(left_size, right_size);
  const int order = common > 0 ? std::memcmp(left, right, static_cast<size_t>(common)) : 0;
  if (order != 0) return order;
  return left_size < right_size ? -1 : left_size > right_size ? 1 : 0;
}

// kTextShipmentKey when every non-NULL shipment_id of `table` is text, else kShipmentKey. In
// SQLite's order NULL sorts first, then numbers, then text, then blobs, so the least and the
// greatest non-NULL value being text means all are; through the index, two lookups. A UTF-16
// database always gets kUtf16ShipmentKey.
std::string ShipmentKeyOf(Database* db, const std::string& table, bool utf8, Status* status) {
  if (!utf8) return kUtf16ShipmentKey;
  for (const char* direction : {"ASC", "DESC"}) {
    std::unique_ptr<Statement> edge;
    *status =
        db->Prepare("SELECT typeof(shipment_id) FROM " + table +
                        " WHERE shipment_id IS NOT NULL ORDER BY shipment_id COLLATE BINARY " +
                        direction + " LIMIT 1",
                    &edge);
    if (!status->ok()) return kShipmentKey;
    bool has_row = edge->Step();
    *status = edge->status();
    if (!status->ok()) return kShipmentKey;
    if (!has_row) return kTextShipmentKey;  // no row with an id: either key reads the same
    if (edge->Text(0) != "text") return kShipmentKey;
  }
  return kTextShipmentKey;
}

// A numeric column: NULL is unknown; a number is taken; text that reads as a whole number is
// taken (a TEXT column holding '12.5'); other text is a data problem, never silently 0.
std::optional<double> ReadNumber(const Statement& r, int column, std::string_view table,
                                 std::string_view row_id, std::string_view name,
                                 std::vector<DataProblem>* problems) {
  if (r.IsNull(column)) return std::nullopt;
  if (r.IsNumeric(column)) return r.Double(column);
  std::string text = r.Text(column);
  std::string trimmed(Trim(text));
  if (!trimmed.empty()) {
    char* end = nullptr;
    double value = std::strtod(trimmed.c_str(), &end);
    // The whole trimmed text must be consumed ("12 kg" is a problem, not 12), and "inf" or "nan",
    // which strtod accepts, are refused: they would poison sums and thresholds downstream.
    if (end == trimmed.c_str() + trimmed.size() && std::isfinite(value)) return value;
  }
  problems->push_back(
      {std::string(table), std::string(row_id), std::string(name), "not a number: '" + text + "'"});
  return std::nullopt;
}

// Written as a positive test so that NaN is out of range too.
bool InRangePercent(double value) { return value >= 0 && value <= 100; }

// A cursor over one child table (parties, items or legs) ordered by shipment_id, read in step
// with the shipment cursor: a merge join that needs no index and reads each row once.
class ChildCursor {
 public:
  ChildCursor(std::unique_ptr<Statement> statement, std::string table, bool keyed)
      : statement_(std::move(statement)), table_(std::move(table)), keyed_(keyed) {}

  // Calls `row` for every row of `shipment_id`. Rows for shipments that sort before it belong to
  // no shipment and are reported as orphans.
  template <typename RowFn>
  Status Collect(const std::string& shipment_id, std::vector<DataProblem>* orphans, RowFn row) {
    if (keyed_) {
      statement_->Reset();
      statement_->BindText(1, shipment_id);
      has_row_ = statement_->Step();
      started_ = true;
    } else if (!started_) {
      has_row_ = statement_->Step();
      started_ = true;
    }
    while (has_row_) {
      std::string row_shipment = statement_->Text(0);
      // std::string compares bytes, as the cursors' ORDER BY does (kShipmentKey); a row that sorts
      // before the current shipment was passed over by the shipment cursor, so it has no shipment.
      if (row_shipment > shipment_id) break;
      if (row_shipment < shipment_id) {
        ReportOrphan(row_shipment, orphans);
      } else {
        row(*statement_);
      }
      has_row_ = statement_->Step();
    }
    return statement_->status();
  }

  // Reports the rows left after the last shipment.
  Status Finish(std::vector<DataProblem>* orphans) {
    // A keyed cursor only ever reads the requested shipments' rows: other rows are not orphans.
    if (keyed_) return Status::Ok();
    if (!started_) {
      has_row_ = statement_->Step();
      started_ = true;
    }
    while (has_row_) {
      ReportOrphan(statement_->Text(0), orphans);
      has_row_ = statement_->Step();
    }
    return statement_->status();
  }

 private:
  void ReportOrphan(const std::string& shipment_id, std::vector<DataProblem>* orphans) {
    // Rows arrive ordered by shipment, so equal orphan ids are adjacent and comparing with the
    // previous one suffices.
    if (shipment_id == last_orphan_ && reported_any_) return;  // one problem per missing shipment
    last_orphan_ = shipment_id;
    reported_any_ = true;
    if (shipment_id.empty()) {
      orphans->push_back(
          {table_, "(NULL or empty)", "shipment_id", "shipment_id is NULL or empty; rows skipped"});
      return;
    }
    orphans->push_back(
        {table_, shipment_id, "shipment_id", "row refers to a shipment that does not exist"});
  }

  std::unique_ptr<Statement> statement_;
  std::string table_;
  bool keyed_;
  bool started_ = false;
  bool has_row_ = false;
  bool reported_any_ = false;
  std::string last_orphan_;
};

// A shipment's parties, items or legs in the order `ORDER BY` on some of their columns would
// give (NULL first, then numbers by value, then text, then blobs, text and blobs by their UTF-8
// bytes), put in C++ after the shipment's rows are read. The cursors order by shipment alone:
// SQLite walks the shipment_id index and sorted each shipment's rows by the rest in a temporary
// B-tree, a third of the reading thread's work (docs/performance.md, "The rows' order in
// C++"), while rows are mostly stored in order already and a shipment has a few.
//
// Usage, for one shipment: Begin() before each row is read, End() after, then Apply() to the
// vector the rows were read into and the shipment's problems. A row yields at most a few
// elements and problems, each in one run; Apply() moves both into the rows' order, stably, so
// equal keys keep the cursor's order (the index's, by rowid).
class RowOrder {
 public:
  void Begin(const Statement& r, std::initializer_list<int> columns, size_t problems,
             size_t elements) {
    if (size_ == rows_.size()) rows_.emplace_back();
    Row& row = rows_[size_++];
    row.key_size = 0;
    for (int column : columns) ReadValue(r, column, &row.key[row.key_size++]);
    row.problems_begin = problems;
    row.elements_begin = elements;
  }
  void End(size_t problems, size_t elements) {
    rows_[size_ - 1].problems_end = problems;
    rows_[size_ - 1].elements_end = elements;
  }

  template <typename T>
  void Apply(std::vector<T>* elements, std::vector<DataProblem>* problems) {
    const size_t count = size_;
    size_ = 0;
    bool sorted = true;
    for (size_t i = 1; i < count && sorted; ++i) sorted = !Less(rows_[i], rows_[i - 1]);
    if (sorted) return;
    order_.resize(count);
    for (size_t i = 0; i < count; ++i) order_[i] = i;
    std::stable_sort(order_.begin(), order_.end(),
                     [&](size_t a, size_t b) { return Less(rows_[a], rows_[b]); });
    const size_t elements_from = rows_[0].elements_begin;
    const size_t problems_from = rows_[0].problems_begin;
    std::vector<T> sorted_elements;
    std::vector<DataProblem> sorted_problems;
    sorted_elements.reserve(elements->size() - elements_from);
    sorted_problems.reserve(problems->size() - problems_from);
    for (size_t i : order_) {
      const Row& row = rows_[i];
      for (size_t e = row.elements_begin; e < row.elements_end; ++e) {
        sorted_elements.push_back(std::move((*elements)[e]));
      }
      for (size_t p = row.problems_begin; p < row.problems_end; ++p) {
        sorted_problems.push_back(std::move((*problems)[p]));
      }
    }
    std::move(sorted_elements.begin(), sorted_elements.end(), elements->begin() + elements_from);
    std::move(sorted_problems.begin(), sorted_problems.end(), problems->begin() + problems_from);
  }

 private:
  struct Value {
    int rank = 0;  // SQL's order of storage classes: NULL, number, text, blob
    bool integer = false;
    int64_t int_value = 0;
    double real_value = 0;
    std::string bytes;  // text or blob
  };
  struct Row {
    Value key[2];
    int key_size = 0;
    size_t problems_begin = 0, problems_end = 0, elements_begin = 0, elements_end = 0;
  };

  static void ReadValue(const Statement& r, int column, Value* value) {
    const Statement::Type type = r.ColumnType(column);
    value->integer = type == Statement::Type::kInteger;
    switch (type) {
      case Statement::Type::kNull:
        value->rank = 0;
        break;
      case Statement::Type::kInteger:
        value->rank = 1;
        value->int_value = r.Int(column);
        break;
      case Statement::Type::kFloat:
        value->rank = 1;
        value->real_value = r.Double(column);
        break;
      case Statement::Type::kText:
      case Statement::Type::kBlob:
        value->rank = type == Statement::Type::kText ? 2 : 3;
        value->bytes.assign(r.TextView(column));
        break;
    }
  }

  // -1, 0 or 1 as SQL orders the two values. Numbers compare by value (an INTEGER and a REAL
  // through long double, which holds every int64_t exactly on this platform's x87 format; a
  // double's 53 bits would merge neighbouring large integers).
  static int Compare(const Value& a, const Value& b) {
    if (a.rank != b.rank) return a.rank < b.rank ? -1 : 1;
    if (a.rank == 0) return 0;
    if (a.rank == 1) {
      if (a.integer && b.integer) {
        return a.int_value < b.int_value ? -1 : a.int_value > b.int_value ? 1 : 0;
      }
      const long double x = a.integer ? static_cast<long double>(a.int_value) : a.real_value;
      const long double y = b.integer ? static_cast<long double>(b.int_value) : b.real_value;
      return x < y ? -1 : x > y ? 1 : 0;
    }
    const int order = a.bytes.compare(b.bytes);
    return order < 0 ? -1 : order > 0 ? 1 : 0;
  }
  static bool Less(const Row& a, const Row& b) {
    for (int i = 0; i < a.key_size; ++i) {
      const int order = Compare(a.key[i], b.key[i]);
      if (order != 0) return order < 0;
    }
    return false;
  }

  std::vector<Row> rows_;  // rows_[0, size_) are the shipment's; kept to reuse their strings
  size_t size_ = 0;
  std::vector<size_t> order_;
};

class SqliteShipmentSource : public ShipmentSource {
 public:
  SqliteShipmentSource(InputDatabase* input, std::vector<std::string> ids, EntityReads entities)
      : input_(input),
        ids_(std::move(ids)),
        keyed_(!ids_.empty()),
        // What the run hands over it already holds in memory (it bounds that by --entity-cache):
        // all of it is kept for the stream's life, and the memo has room for kMaxEntities more.
        // A fixed bound dropped every entity handed to a run of more than 2^18, and each was then
        // read again.
        handed_(std::move(entities)) {
    IndexHanded();
    Database* db = input_->db();
    // Keyed mode (a list of ids, e.g. `screen --shipment`) looks each shipment up through the index
    // instead of scanning every table; the ids are sorted by bytes in Shipments(), so the cursors'
    // order and the merge logic are the same in both modes.
    const std::string filter = keyed_ ? " WHERE shipment_id = ?1" : "";
    std::unique_ptr<Statement> parties, items, legs, documents, payments;
    // Each table's key: both forms order the same text alike, so the cursors stay in step.
    std::string key = ShipmentKeyOf(db, "shipment", input_->utf8(), &status_);
    if (!status_.ok()) return;
    status_ =
        db->Prepare("SELECT " + key +
                        ", shipped_on, mode, origin_country, origin_region, destination_country,"
                        " destination_region, final_destination_country, declared_value, currency "
                        "FROM shipment" +
                        filter + " ORDER BY 1",
                    &shipments_);
    if (status_.ok()) {
      // The cursors order by shipment alone; RowOrder puts each shipment's parties, items and
      // legs in one order whatever the rows' insertion order, so results and their explanations
      // are reproducible.
      key = ShipmentKeyOf(db, "shipment_party", input_->utf8(), &status_);
    }
    if (status_.ok()) {
      status_ = db->Prepare(
          "SELECT " + key + ", entity_id, role, rowid FROM shipment_party" + filter + " ORDER BY 1",
          &parties);
    }
    if (status_.ok()) key = ShipmentKeyOf(db, "shipment_item", input_->utf8(), &status_);
    if (status_.ok()) {
      status_ = db->Prepare(
          "SELECT " + key +
              ", line, hs_code, description, quantity, unit, value, origin_country,"
              " origin_region, " +
              (input_->has_export_control_columns() ? "eccn, us_content_percent, brand_country"
                                                    : "NULL, NULL, NULL") +
              " FROM shipment_item" + filter + " ORDER BY 1",
          &items);
    }
    if (status_.ok()) key = ShipmentKeyOf(db, "shipment_leg", input_->utf8(), &status_);
    if (status_.ok()) {
      // Coordinates are optional columns: a database without them reads as legs without coordinates
      // rather than failing.
      status_ =
          db->Prepare("SELECT " + key +
                          ", seq, location, location_name, country, region, kind,"
                          " arrived_on, " +
                          (input_->has_leg_coordinates() ? "latitude, longitude" : "NULL, NULL") +
                          " FROM shipment_leg" + filter + " ORDER BY 1",
                      &legs);
    }
    if (status_.ok() && input_->has_documents()) {
      key = ShipmentKeyOf(db, "shipment_document", input_->utf8(), &status_);
    }
    if (status_.ok()) {
      // The documents table is optional: without it every shipment has none, and the rules that
      // read documents say so (docs/rules.md).
      status_ = db->Prepare(
          input_->has_documents()
              ? "SELECT " + key + ", kind, reference, issued_on, issuer FROM shipment_document" +
                    filter + " ORDER BY 1, kind, reference"
              : std::string("SELECT '' WHERE 0"),
          &documents);
    }
    if (status_.ok() && input_->has_payments())
      key = ShipmentKeyOf(db, "payment", input_->utf8(), &status_);
    if (status_.ok()) {
      // Payments are optional too: without the table the third-country payer flag is off and the
      // run header says so (engine/rules/red_flags.cc).
      status_ = db->Prepare(
          input_->has_payments()
              ? "SELECT " + key +
                    ", payment_id, payer_entity_id, payer_name, payer_country, payer_bank,"
                    " payer_bank_country, amount, currency, paid_on FROM payment" +
                    filter + " ORDER BY 1, paid_on, payment_id, rowid"
              : std::string("SELECT '' WHERE 0"),
          &payments);
    }
    if (!status_.ok()) return;
    documents_ = std::make_unique<ChildCursor>(std::move(documents), "shipment_document", keyed_);
    payments_ = std::make_unique<ChildCursor>(std::move(payments), "payment", keyed_);
    parties_ = std::make_unique<ChildCursor>(std::move(parties), "shipment_party", keyed_);
    items_ = std::make_unique<ChildCursor>(std::move(items), "shipment_item", keyed_);
    legs_ = std::make_unique<ChildCursor>(std::move(legs), "shipment_leg", keyed_);
  }

  bool Next(Shipment* shipment) override {
    if (!status_.ok() || done_) return false;
    if (!input_->read_status().ok()) {
      status_ = input_->read_status();
      return false;
    }
    if (!NextShipmentRow()) {
      done_ = true;
      if (status_.ok()) {
        auto& orphans = input_->run_problems();
        for (ChildCursor* cursor :
             {parties_.get(), items_.get(), legs_.get(), documents_.get(), payments_.get()}) {
          Status finished = cursor->Finish(&orphans);
          if (!finished.ok() && status_.ok()) status_ = finished;
        }
      }
      return false;
    }
    *shipment = Shipment();
    const Statement& row = *shipments_;
    Shipment& s = *shipment;
    s.shipment_id = row.Text(0);
    auto& problems = s.problems;
    const std::string& id = s.shipment_id;
    s.shipped_on = CheckDate(TrimmedText(row, 1), "shipment", id, "shipped_on", &problems);
    s.mode = TrimmedText(row, 2);
    s.origin_country =
        CheckCountry(TrimmedText(row, 3), "shipment", id, "origin_country", &problems);
    s.origin_region = CheckRegion(TrimmedText(row, 4), "shipment", id, "origin_region", &problems);
    s.destination_country =
        CheckCountry(TrimmedText(row, 5), "shipment", id, "destination_country", &problems);
    s.destination_region =
        CheckRegion(TrimmedText(row, 6), "shipment", id, "destination_region", &problems);
    s.final_destination_country =
        CheckCountry(TrimmedText(row, 7), "shipment", id, "final_destination_country", &problems);
    CountryFromCode(s.origin_region, &s.origin_country);
    CountryFromCode(s.destination_region, &s.destination_country);
    s.declared_value = ReadNumber(row, 8, "shipment", id, "declared_value", &problems);
    s.currency = TrimmedText(row, 9);
    // Reported but kept: the destination drives the jurisdiction and diversion rules, so its
    // absence is a finding the output must show, not a reason to drop the shipment's other checks.
    if (!s.destination_country) {
      problems.push_back({"shipment", id, "destination_country", "missing (NULL)"});
    }

    // Parties by role, then entity; items by line; legs by seq (RowOrder). Room for a typical
    // shipment's rows up front (speed: growing each vector from one element moved each row twice).
    s.parties.reserve(4);
    s.items.reserve(4);
    s.legs.reserve(4);
    Status read = parties_->Collect(id, &input_->run_problems(), [&](const Statement& r) {
      order_.Begin(r, {2, 1}, s.problems.size(), s.parties.size());
      ReadParty(r, &s);
      order_.End(s.problems.size(), s.parties.size());
    });
    order_.Apply(&s.parties, &s.problems);
    if (read.ok()) {
      read = items_->Collect(id, &input_->run_problems(), [&](const Statement& r) {
        order_.Begin(r, {1}, s.problems.size(), s.items.size());
        ReadItem(r, &s);
        order_.End(s.problems.size(), s.items.size());
      });
      order_.Apply(&s.items, &s.problems);
    }
    if (read.ok()) {
      read = legs_->Collect(id, &input_->run_problems(), [&](const Statement& r) {
        order_.Begin(r, {1}, s.problems.size(), s.legs.size());
        ReadLeg(r, &s);
        order_.End(s.problems.size(), s.legs.size());
      });
      order_.Apply(&s.legs, &s.problems);
    }
    if (read.ok()) {
      read = documents_->Collect(id, &input_->run_problems(),
                                 [&](const Statement& r) { ReadDocument(r, &s); });
    }
    if (read.ok()) {
      read = payments_->Collect(id, &input_->run_problems(),
                                [&](const Statement& r) { ReadPayment(r, &s); });
    }
    // A failed read stops the run rather than yielding a partial shipment: a shipment missing a
    // party because of an I/O error could come out CLEAR.
    if (read.ok()) read = shipments_->status();   // a column read that failed
    if (read.ok()) read = input_->read_status();  // an entity or alias lookup that failed
    if (!read.ok()) {
      status_ = read.WithContext("reading shipment " + id + ": ");
      return false;
    }
    return true;
  }

  const Status& status() const override { return status_; }

 private:
  // Positions the shipment cursor on the next row with a usable id; false at the end. Rows whose
  // shipment_id is NULL or empty cannot be reported under any id: they are skipped, each one a
  // run problem.
  //
  // A second row with the id of the one before (the rows come in id order, an integer id read
  // as its text) is skipped as a run problem: one id is one shipment. Its parties, items and legs
  // went to the first row, so the second came out CLEAR with no party and no word of it, and the
  // stream could not be merged or diffed (since 2026-12-07, from a review).
  bool NextShipmentRow() {
    while (ReadShipmentRow()) {
      std::string id = shipments_->Text(0);
      if (Trim(id).empty()) {
        input_->run_problems().push_back({"shipment", shipments_->IsNull(0) ? "(NULL)" : "(empty)",
                                          "shipment_id",
                                          "shipment_id is NULL or empty; shipment skipped"});
        continue;
      }
      if (has_last_id_ && id == last_id_) {
        input_->run_problems().push_back(
            {"shipment", id, "shipment_id",
             "a second shipment row with this id; skipped (one id, one shipment: the first row "
             "is screened with every party, item and leg of the id)"});
        continue;
      }
      last_id_ = std::move(id);
      has_last_id_ = true;
      return true;
    }
    return false;
  }

  // Positions the shipment cursor on the next row; false at the end.
  bool ReadShipmentRow() {
    if (!keyed_) {
      bool has_row = shipments_->Step();
      if (!has_row && !shipments_->status().ok()) status_ = shipments_->status();
      return has_row;
    }
    while (next_id_ < ids_.size()) {
      const std::string& id = ids_[next_id_++];
      shipments_->Reset();
      shipments_->BindText(1, id);
      if (shipments_->Step()) return true;
      if (!shipments_->status().ok()) {
        status_ = shipments_->status();
        return false;
      }
      input_->run_problems().push_back({"shipment", id, "shipment_id", "no shipment with this id"});
    }
    return false;
  }

  // InputDatabase::FindEntity through a memo of the entities this stream has read, or was handed
  // read (the run's up-front screening reads them all in one scan: Shipments()): a counterparty
  // named on thousands of shipments is read (two queries) once, not once per shipment. The
  // database is read-only for the stream's life, so an entity and the problems reading it met are
  // the same each time; a lookup that failed to read is not kept (it stops the stream anyway).
  // The handed entities are kept for the stream's life; the memo of the others is cleared when it
  // reaches kMaxEntities, so memory stays bounded. A nightly database of 200,000 counterparties
  // fits (re-reading them cost 6% of a 1,000,000-shipment run's CPU when the bound was 65,536;
  // the run's peak RSS went from 642 to 663 MiB; docs/performance.md, round 6).
  std::shared_ptr<const Entity> FindEntity(const std::string& entity_id,
                                           std::vector<DataProblem>* problems) {
    if (!handed_slots_.empty()) {
      const uint64_t hash = StringHash{}(entity_id);
      const size_t mask = handed_slots_.size() - 1;
      for (size_t i = hash & mask; handed_slots_[i].entity != nullptr; i = (i + 1) & mask) {
        const HandedSlot& slot = handed_slots_[i];
        if (slot.hash != hash || slot.entity->entity_id != entity_id) continue;
        if (slot.problems != nullptr) {
          problems->insert(problems->end(), slot.problems->begin(), slot.problems->end());
        }
        // Owned by handed_ for the stream's life, which every shipment it reads ends within:
        // a pointer without a reference count, so the workers that drop a shipment do not
        // contend with this thread for the entity's count.
        return std::shared_ptr<const Entity>(std::shared_ptr<const Entity>(), slot.entity);
      }
    }
    auto found = entities_.find(entity_id);
    if (found == entities_.end()) {
      EntityRead read;
      if (std::optional<Entity> entity = input_->FindEntity(entity_id, &read.problems)) {
        read.entity = std::make_shared<const Entity>(std::move(*entity));
      }
      if (!input_->read_status().ok()) {
        problems->insert(problems->end(), read.problems.begin(), read.problems.end());
        return read.entity;
      }
      if (entities_.size() >= kMaxEntities) entities_.clear();
      found = entities_.emplace(entity_id, std::move(read)).first;
    }
    problems->insert(problems->end(), found->second.problems.begin(), found->second.problems.end());
    return found->second.entity;
  }

  // Parties are named by rowid in problems: a party row has no key of its own, and the same entity
  // may appear in several roles.
  void ReadParty(const Statement& r, Shipment* s) {
    // Built only for a problem (speed: longer than a short string, it cost an allocation a party).
    auto row_id = [&] { return s->shipment_id + "/party rowid " + std::to_string(r.Int(3)); };
    ShipmentParty party;
    OptionalText entity_id = TrimmedText(r, 1);
    OptionalText role = TrimmedText(r, 2);
    if (!entity_id) {
      s->problems.push_back(
          {"shipment_party", row_id(), "entity_id", "missing (NULL); party skipped"});
      return;
    }
    party.entity_id = *entity_id;
    if (!role) {
      s->problems.push_back({"shipment_party", row_id(), "role", "missing (NULL)"});
      // A party without a role is still screened: the rules that do not look at roles (listed
      // party, ownership) must see it.
      party.role = "unknown";
    } else {
      party.role = AsciiLower(*role);
      if (!IsKnownRole(party.role)) {
        s->problems.push_back({"shipment_party", row_id(), "role", "unknown role '" + *role + "'"});
      }
    }
    party.entity = FindEntity(party.entity_id, &s->problems);
    if (!party.entity) {
      s->problems.push_back({"shipment_party", row_id(), "entity_id",
                             "entity '" + party.entity_id + "' does not exist"});
    }
    s->parties.push_back(std::move(party));
  }

  void ReadItem(const Statement& r, Shipment* s) {
    ShipmentItem item;
    // Items and legs are identified by their line and seq numbers in problems and explanations, so
    // a row without one is skipped, with a problem, rather than reported under a made-up number.
    std::string row_id = s->shipment_id + "/line ";
    if (r.IsNull(1) || !r.IsNumeric(1)) {
      s->problems.push_back({"shipment_item", row_id + (r.IsNull(1) ? "NULL" : r.Text(1)), "line",
                             "missing or not an integer; item skipped"});
      return;
    }
    item.line = r.Int(1);
    row_id += std::to_string(item.line);
    item.hs_code = CheckHsCode(TrimmedText(r, 2), row_id, &s->problems);
    item.description = r.OptionalText(3);
    item.quantity = ReadNumber(r, 4, "shipment_item", row_id, "quantity", &s->problems);
    item.unit = TrimmedText(r, 5);
    item.value = ReadNumber(r, 6, "shipment_item", row_id, "value", &s->problems);
    item.origin_country =
        CheckCountry(TrimmedText(r, 7), "shipment_item", row_id, "origin_country", &s->problems);
    item.origin_region =
        CheckRegion(TrimmedText(r, 8), "shipment_item", row_id, "origin_region", &s->problems);
    CountryFromCode(item.origin_region, &item.origin_country);
    item.eccn = TrimmedText(r, 9);
    if (item.eccn) item.eccn = AsciiUpper(*item.eccn);
    item.us_content_percent =
        ReadNumber(r, 10, "shipment_item", row_id, "us_content_percent", &s->problems);
    if (item.us_content_percent && !InRangePercent(*item.us_content_percent)) {
      s->problems.push_back({"shipment_item", row_id, "us_content_percent",
                             "not between 0 and 100: " + FormatNumber(*item.us_content_percent)});
      item.us_content_percent.reset();
    }
    item.brand_country =
        CheckCountry(TrimmedText(r, 11), "shipment_item", row_id, "brand_country", &s->problems);
    s->items.push_back(std::move(item));
  }

  void ReadDocument(const Statement& r, Shipment* s) {
    OptionalText kind = TrimmedText(r, 1);
    if (!kind) {
      s->problems.push_back(
          {"shipment_document", s->shipment_id, "kind", "missing (NULL); document skipped"});
      return;
    }
    ShipmentDocument document;
    document.kind = AsciiLower(*kind);
    document.reference = TrimmedText(r, 2);
    document.issued_on = CheckDate(TrimmedText(r, 3), "shipment_document", s->shipment_id,
                                   "issued_on", &s->problems);
    document.issuer = TrimmedText(r, 4);
    s->documents.push_back(std::move(document));
  }

  void ReadPayment(const Statement& r, Shipment* s) {
    ShipmentPayment payment;
    payment.payment_id = TrimmedText(r, 1);
    const std::string row_id = s->shipment_id + "/payment " + payment.payment_id.value_or("?");
    payment.payer_entity_id = TrimmedText(r, 2);
    payment.payer_name = TrimmedText(r, 3);
    payment.payer_country =
        CheckCountry(TrimmedText(r, 4), "payment", row_id, "payer_country", &s->problems);
    payment.payer_bank = TrimmedText(r, 5);
    payment.payer_bank_country =
        CheckCountry(TrimmedText(r, 6), "payment", row_id, "payer_bank_country", &s->problems);
    payment.amount = ReadNumber(r, 7, "payment", row_id, "amount", &s->problems);
    payment.currency = TrimmedText(r, 8);
    payment.paid_on = CheckDate(TrimmedText(r, 9), "payment", row_id, "paid_on", &s->problems);
    if (payment.payer_entity_id) {
      payment.payer = FindEntity(*payment.payer_entity_id, &s->problems);
      if (!payment.payer) {
        s->problems.push_back({"payment", row_id, "payer_entity_id",
                               "entity '" + *payment.payer_entity_id + "' does not exist"});
      } else {
        // The row's own name and country say what the payment showed; the entity fills the gaps.
        if (!payment.payer_name) payment.payer_name = payment.payer->name;
        if (!payment.payer_country) payment.payer_country = payment.payer->country;
      }
    }
    // A payment whose payer cannot be placed says nothing about a third country, but it is kept
    // (with a problem) so explanations show it was recorded.
    if (!payment.payer_country && !payment.payer_bank_country) {
      s->problems.push_back({"payment", row_id, "payer_country",
                             "missing (NULL), and no payer entity or bank country to place it"});
    }
    s->payments.push_back(std::move(payment));
  }

  void ReadLeg(const Statement& r, Shipment* s) {
    ShipmentLeg leg;
    std::string row_id = s->shipment_id + "/seq ";
    if (r.IsNull(1) || !r.IsNumeric(1)) {
      s->problems.push_back({"shipment_leg", row_id + (r.IsNull(1) ? "NULL" : r.Text(1)), "seq",
                             "missing or not an integer; leg skipped"});
      return;
    }
    leg.seq = r.Int(1);
    row_id += std::to_string(leg.seq);
    leg.location = TrimmedText(r, 2);
    // Written as a code (upper case), not a place name ("Paris" is no LOCODE of Panama).
    const bool written_as_code = leg.location && *leg.location == AsciiUpper(*leg.location);
    // UN/LOCODEs are upper case; folding here lets rule tables compare them exactly.
    if (leg.location) leg.location = AsciiUpper(*leg.location);
    leg.location_name = TrimmedText(r, 3);
    leg.country = CheckCountry(TrimmedText(r, 4), "shipment_leg", row_id, "country", &s->problems);
    leg.region = CheckRegion(TrimmedText(r, 5), "shipment_leg", row_id, "region", &s->problems);
    CountryFromCode(leg.region, &leg.country);
    if (written_as_code) CountryFromCode(leg.location, &leg.country);
    leg.kind = TrimmedText(r, 6);
    leg.arrived_on = TrimmedText(r, 7);
    if (!r.IsNull(8) || !r.IsNull(9)) {
      if (r.IsNull(8) || r.IsNull(9) || !r.IsNumeric(8) || !r.IsNumeric(9)) {
        s->problems.push_back({"shipment_leg", row_id, "latitude",
                               "latitude and longitude must both be numbers or both NULL"});
        // A coordinate pair is kept only whole and in range: half a pair or a swapped one would put
        // the leg somewhere else, which matters to the incident-distance rule.
      } else if (std::abs(r.Double(8)) > 90 || std::abs(r.Double(9)) > 180) {
        s->problems.push_back({"shipment_leg", row_id, "latitude",
                               "coordinates out of range: " + FormatNumber(r.Double(8), 6) + ", " +
                                   FormatNumber(r.Double(9), 6)});
      } else {
        leg.latitude = r.Double(8);
        leg.longitude = r.Double(9);
      }
    }
    s->legs.push_back(std::move(leg));
  }

  InputDatabase* input_;
  std::vector<std::string> ids_;
  bool keyed_;
  size_t next_id_ = 0;
  std::string last_id_;  // the id of the last shipment row returned (NextShipmentRow)
  bool has_last_id_ = false;
  bool done_ = false;
  Status status_;
  std::unique_ptr<Statement> shipments_;
  std::unique_ptr<ChildCursor> parties_, items_, legs_, documents_, payments_;
  RowOrder order_;
  // The entities the run handed over (read up front), found through handed_slots_: an open
  // addressing table of their ids' hashes, half full at most, so that the lookup every party row
  // makes touches one slot and the entity (a node-based map touched a bucket, a node and the
  // entity; docs/performance.md, "Entities numbered once").
  void IndexHanded() {
    if (handed_.empty()) return;
    size_t size = 16;
    while (size < 2 * handed_.size()) size *= 2;
    handed_slots_.assign(size, HandedSlot{});
    for (const auto& [entity_id, read] : handed_) {
      if (read.entity == nullptr) continue;
      const uint64_t hash = StringHash{}(entity_id);
      size_t i = hash & (size - 1);
      while (handed_slots_[i].entity != nullptr) i = (i + 1) & (size - 1);
      handed_slots_[i] = {hash, read.entity.get(),
                          read.problems.empty() ? nullptr : &read.problems};
    }
  }
  struct HandedSlot {
    uint64_t hash = 0;
    const Entity* entity = nullptr;                      // null: an empty slot
    const std::vector<DataProblem>* problems = nullptr;  // null when none
  };
  const EntityReads handed_;
  std::vector<HandedSlot> handed_slots_;
  // What InputDatabase::FindEntity returned for an entity id, with the problems it met, for the
  // entities not handed over; cleared when it reaches kMaxEntities.
  static constexpr size_t kMaxEntities = 1 << 18;
  EntityReads entities_;
};

}  // namespace

namespace {
const std::set<std::string>& KnownRoles() {
  static const std::set<std::string> roles = {"shipper",      "consignee", "notify",
                                              "end_user",     "forwarder", "carrier",
                                              "intermediate", "bank",      "manufacturer"};
  return roles;
}
}  // namespace

bool IsKnownRole(const std::string& role) { return KnownRoles().count(role) > 0; }

std::string RoleIsSql(const std::string& column, const std::vector<std::string>& roles) {
  auto list = [](auto begin, auto end) {
    std::string out;
    for (auto it = begin; it != end; ++it) out += (out.empty() ? "'" : ", '") + *it + "'";
    return "(" + out + ")";
  };
  for (const std::string& role : roles) {
    // A role outside the known names could be stored otherwise and still be the same after
    // lower(trim()): the short cut below would then be wrong.
    if (!IsKnownRole(role)) std::abort();
  }
  const std::string wanted = list(roles.begin(), roles.end());
  // Stored exactly as one of `roles`: true; exactly as another known role: false; otherwise
  // (another case, spaces, NULL, a number) the full expression decides.
  return "(" + column + " IN " + wanted + " OR (" + column + " NOT IN " +
         list(KnownRoles().begin(), KnownRoles().end()) + " AND lower(trim(" + column + ")) IN " +
         wanted + "))";
}

OptionalText CheckCountry(OptionalText value, std::string_view table, std::string_view row_id,
                          std::string_view column, std::vector<DataProblem>* problems) {
  value = TrimmedOrNull(std::move(value));
  if (!value) return value;
  std::string code = AsciiUpper(*value);
  if (!IsKnownCountryCode(code)) {
    problems->push_back({std::string(table), std::string(row_id), std::string(column),
                         "not an ISO 3166-1 alpha-2 code: '" + *value + "'"});
    return std::nullopt;
  }
  return code;
}

OptionalText CheckDate(OptionalText value, std::string_view table, std::string_view row_id,
                       std::string_view column, std::vector<DataProblem>* problems) {
  if (value && !IsIsoDate(*value)) {
    problems->push_back({std::string(table), std::string(row_id), std::string(column),
                         "not an ISO 8601 date: '" + *value + "'"});
    return std::nullopt;
  }
  return value;
}

OptionalText CheckRegion(OptionalText value, std::string_view table, std::string_view row_id,
                         std::string_view column, std::vector<DataProblem>* problems) {
  value = TrimmedOrNull(std::move(value));
  if (!value) return value;
  // Only the shape (CC-XXX) is checked: there is no ISO 3166-2 subdivision table in the engine, and
  // rules name the regions they care about.
  std::string code = AsciiUpper(*value);
  if (!IsRegionCodeShape(code)) {
    problems->push_back({std::string(table), std::string(row_id), std::string(column),
                         "not an ISO 3166-2 code: '" + *value + "'"});
    return std::nullopt;
  }
  return code;
}

void CountryFromCode(const OptionalText& code, OptionalText* country) {
  if (*country || !code || code->size() < 4) return;
  const bool region = (*code)[2] == '-';
  const bool locode = code->size() == 5 && std::all_of(code->begin(), code->end(), [](char c) {
                        return (c >= 'A' && c <= 'Z') || (c >= '2' && c <= '9');
                      });
  if (!region && !locode) return;
  std::string prefix = code->substr(0, 2);
  if (IsKnownCountryCode(prefix)) *country = std::move(prefix);
}

OptionalText CheckHsCode(OptionalText value, std::string_view row_id,
                         std::vector<DataProblem>* problems) {
  value = TrimmedOrNull(std::move(value));
  if (!value) return value;
  std::string digits;
  bool valid = true;
  const std::string& text = *value;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c >= '0' && c <= '9') {
      digits += c;
      // HS codes are written with dots, spaces, hyphens or slashes ("8471.30", "8471 30 00",
      // "8542-31", "8542/31"; the last two since 2026-12-07, from a review: such a code was a data
      // problem and matched no table); only the digits are kept, so rule prefixes match every
      // spelling. Two to ten digits: a chapter to a national tariff line.
    } else if (c == '\xC2' && i + 1 < text.size() && text[i + 1] == '\xA0') {
      ++i;  // a no-break space (U+00A0), as spreadsheets write one
    } else if (c != '.' && c != ' ' && c != '-' && c != '/' && c != '\t') {
      valid = false;
    }
  }
  if (!valid || digits.size() < 2 || digits.size() > 10) {
    problems->push_back({"shipment_item", std::string(row_id), "hs_code",
                         "not an HS code (2 to 10 digits): '" + *value + "'"});
    return std::nullopt;
  }
  return digits;
}

Status InputDatabase::Open(const std::string& path, std::unique_ptr<InputDatabase>* input) {
  std::unique_ptr<Database> db;
  Status status = Database::OpenReadOnly(path, &db);
  if (!status.ok()) return status;
  db->SetLimits(DefaultInputLimits());
  // A newer corridor may have changed what columns mean; reading its database as ours could
  // score it wrongly without a sign. 0 is a database made by hand from schemas/input.sql.
  int64_t version = 0;
  status = db->UserVersion(&version);
  if (!status.ok()) return status;
  if (version < 0 || version > kInputSchemaVersion) {
    return Status::Refused(path + ": schema version " + std::to_string(version) +
                           " (PRAGMA user_version) is not one this corridor reads (0 to " +
                           std::to_string(kInputSchemaVersion) +
                           "); use the corridor that wrote it");
  }
  for (const TableColumns& table : RequiredColumns()) {
    std::vector<std::string> columns;
    status = db->Columns(table.table, &columns);
    if (!status.ok()) return status;
    if (columns.empty()) {
      return Status::Error(path + ": table '" + table.table +
                           "' is missing (create the schema with `corridor init --db FILE`)");
    }
    for (const char* column : table.columns) {
      if (std::find(columns.begin(), columns.end(), column) == columns.end()) {
        return Status::Error(path + ": table '" + table.table + "' has no column '" + column +
                             "' (see schemas/input.sql)");
      }
    }
  }
  // Optional columns (leg coordinates, entity activity) are probed, not required, so databases
  // created before they existed still open.
  std::vector<std::string> leg_columns, entity_columns, item_columns, document_columns,
      payment_columns;
  status = db->Columns("shipment_leg", &leg_columns);
  if (status.ok()) status = db->Columns("entity", &entity_columns);
  if (status.ok()) status = db->Columns("shipment_item", &item_columns);
  if (status.ok()) status = db->Columns("shipment_document", &document_columns);
  if (status.ok()) status = db->Columns("payment", &payment_columns);
  if (!status.ok()) return status;
  bool has_leg_coordinates =
      std::find(leg_columns.begin(), leg_columns.end(), "latitude") != leg_columns.end() &&
      std::find(leg_columns.begin(), leg_columns.end(), "longitude") != leg_columns.end();
  input->reset(new InputDatabase(std::move(db)));
  InputDatabase& in = **input;
  bool has_activity =
      std::find(entity_columns.begin(), entity_columns.end(), "activity") != entity_columns.end();
  in.has_leg_coordinates_ = has_leg_coordinates;
  // The text encoding decides the shipment cursors' order (kUtf16ShipmentKey).
  {
    std::unique_ptr<Statement> pragma;
    status = in.db_->Prepare("PRAGMA encoding", &pragma);
    if (status.ok() && pragma->Step()) in.utf8_ = pragma->Text(0) == "UTF-8";
    if (status.ok()) status = pragma->status();
    if (status.ok() && !in.utf8_) {
      int rc = sqlite3_create_collation_v2(in.db_->handle(), kUtf8Collation, SQLITE_UTF8, nullptr,
                                           CompareUtf8Bytes, nullptr);
      if (rc != SQLITE_OK) status = SqliteStatus(rc, path + ": ", in.db_->handle());
    }
    if (!status.ok()) {
      input->reset();
      return status;
    }
  }
  auto has = [](const std::vector<std::string>& columns, const char* name) {
    return std::find(columns.begin(), columns.end(), name) != columns.end();
  };
  in.has_export_control_columns_ = has(item_columns, "eccn") &&
                                   has(item_columns, "us_content_percent") &&
                                   has(item_columns, "brand_country");
  // A shipment_document table without the columns the reader needs is refused with a clear
  // message rather than read as "no documents": the company meant to record documents.
  if (!document_columns.empty()) {
    for (const char* column : {"shipment_id", "kind", "reference", "issued_on", "issuer"}) {
      if (!has(document_columns, column)) {
        input->reset();
        return Status::Error(path + ": table 'shipment_document' has no column '" + column +
                             "' (see schemas/input.sql)");
      }
    }
    in.has_documents_ = true;
  }
  // The same for payments: a payment table that lacks a column is refused, not ignored.
  if (!payment_columns.empty()) {
    for (const char* column :
         {"shipment_id", "payment_id", "payer_entity_id", "payer_name", "payer_country",
          "payer_bank", "payer_bank_country", "amount", "currency", "paid_on"}) {
      if (!has(payment_columns, column)) {
        input->reset();
        return Status::Error(path + ": table 'payment' has no column '" + column +
                             "' (see schemas/input.sql)");
      }
    }
    in.has_payments_ = true;
  }
  in.entity_columns_ = std::string(
                           "entity_id, kind, name, country, region, address, birth_date,"
                           " registration_id, imo, incorporated_on, ") +
                       (has_activity ? "activity" : "NULL");
  // An id is its bytes, as ReadEntities and the ownership loader match it: a row whose
  // entity_id is stored as a BLOB (Python's sqlite3 stores bytes so, even in a TEXT column) is
  // the entity of that id, after a TEXT row of the same id. SQL's = compares storage classes,
  // so before 2026-12-07 this lookup missed such a row or alias that the up-front read found,
  // and a delta run (or a run past --entity-cache) screened the party without its listed alias.
  status = in.db_->Prepare(
      "SELECT " + in.entity_columns_ + " FROM entity WHERE entity_id = ?1 UNION ALL SELECT " +
          in.entity_columns_ + " FROM entity WHERE entity_id = CAST(?1 AS BLOB)",
      &in.entity_query_);
  if (status.ok()) {
    // Sorted after reading (SortAliases): alias order must not depend on insertion order, or
    // name-match evidence would change between two copies of one database.
    status =
        in.db_->Prepare("SELECT name FROM entity_alias WHERE entity_id IN (?1, CAST(?1 AS BLOB))",
                        &in.alias_query_);
  }
  if (!status.ok()) input->reset();
  return status;
}

std::unique_ptr<ShipmentSource> InputDatabase::Shipments(std::vector<std::string> shipment_ids,
                                                         EntityReads entities) {
  // Sorted by bytes, as ChildCursor::Collect compares ids; duplicates would read a shipment twice.
  std::sort(shipment_ids.begin(), shipment_ids.end());
  shipment_ids.erase(std::unique(shipment_ids.begin(), shipment_ids.end()), shipment_ids.end());
  return std::make_unique<SqliteShipmentSource>(this, std::move(shipment_ids), std::move(entities));
}

Status InputDatabase::CheckShipmentsExist(const std::vector<std::string>& ids) {
  std::unique_ptr<Statement> query;
  Status status = db_->Prepare("SELECT 1 FROM shipment WHERE shipment_id = ?1", &query);
  if (!status.ok()) return status;
  std::vector<std::string> missing;
  for (const std::string& id : ids) {
    query->Reset();
    query->BindText(1, id);
    if (query->Step()) continue;
    if (!query->status().ok()) return query->status();
    if (std::find(missing.begin(), missing.end(), id) == missing.end()) missing.push_back(id);
  }
  if (missing.empty()) return Status::Ok();
  return Status::NotFound(db_->path() + ": no shipment with id '" + Join(missing, "', '") + "'");
}

void InputDatabase::ReadFailed(const Status& status, const std::string& entity_id,
                               std::vector<DataProblem>* problems) {
  problems->push_back({"entity", entity_id, "", "cannot be read: " + status.message()});
  // The first failure is kept: the shipment source stops on it after the current shipment (Next()).
  if (read_status_.ok()) read_status_ = status.WithContext("entity " + entity_id + ": ");
}

std::optional<Entity> InputDatabase::FindEntity(const std::string& entity_id,
                                                std::vector<DataProblem>* problems) {
  entity_query_->Reset();
  entity_query_->BindText(1, entity_id);
  if (!entity_query_->Step()) {
    // A read error is not "no such entity": a damaged index would otherwise turn a listed
    // party into an unknown one and its shipment CLEAR.
    if (!entity_query_->status().ok()) ReadFailed(entity_query_->status(), entity_id, problems);
    return std::nullopt;
  }
  Entity entity = EntityFromRow(*entity_query_, entity_id, problems);
  alias_query_->Reset();
  alias_query_->BindText(1, entity_id);
  while (alias_query_->Step()) {
    std::string alias = alias_query_->Text(0);
    if (!Trim(alias).empty()) entity.aliases.push_back(alias);
  }
  SortAliases(&entity.aliases);
  if (!alias_query_->status().ok()) ReadFailed(alias_query_->status(), entity_id, problems);
  if (!entity_query_->status().ok()) ReadFailed(entity_query_->status(), entity_id, problems);
  entity.digest = EntityDigest(entity);
  return entity;
}

Entity InputDatabase::EntityFromRow(const Statement& r, const std::string& entity_id,
                                    std::vector<DataProblem>* problems) const {
  Entity entity;
  entity.entity_id = entity_id;
  entity.kind = AsciiLower(r.Text(1));
  entity.name = r.Text(2);
  if (r.IsNull(2) || Trim(entity.name).empty()) {
    problems->push_back({"entity", entity_id, "name", "missing (NULL or empty)"});
  }
  if (r.IsNull(1)) problems->push_back({"entity", entity_id, "kind", "missing (NULL)"});
  entity.country = CheckCountry(TrimmedText(r, 3), "entity", entity_id, "country", problems);
  entity.region = CheckRegion(TrimmedText(r, 4), "entity", entity_id, "region", problems);
  CountryFromCode(entity.region, &entity.country);
  entity.address = TrimmedText(r, 5);
  // From a review, 2026-12-07: a birth date not written YYYY, YYYY-MM or YYYY-MM-DD ("18/09/1972")
  // was taken as written and the matcher read "18" as the year, so the listed person's own birth
  // date "conflicted". It is unknown, not a contradiction (test "A party's birth date not written
  // YYYY-MM-DD is a data problem, not a contradiction").
  entity.birth_date = CheckDate(TrimmedText(r, 6), "entity", entity_id, "birth_date", problems);
  entity.registration_id = TrimmedText(r, 7);
  entity.imo = TrimmedText(r, 8);
  entity.incorporated_on =
      CheckDate(TrimmedText(r, 9), "entity", entity_id, "incorporated_on", problems);
  entity.activity = TrimmedText(r, 10);
  if (entity.activity) entity.activity = AsciiLower(*entity.activity);
  return entity;
}

Status InputDatabase::ReadEntities(
    const std::vector<std::string>& ids,
    const std::function<void(Entity entity, std::vector<DataProblem> problems)>& each) {
  std::unordered_set<std::string_view> wanted(ids.begin(), ids.end());
  // The aliases first, each entity's sorted as FindEntity sorts them; ids by their bytes, whatever
  // their storage class (FindEntity).
  std::unordered_map<std::string, std::vector<std::string>> aliases;
  std::unique_ptr<Statement> query;
  // In the index's order: it is the index FindEntity reads, so a damaged one fails every run
  // alike (test "A damaged alias index fails the run instead of clearing an aliased listed
  // party").
  Status status =
      db_->Prepare("SELECT entity_id, name FROM entity_alias ORDER BY entity_id, name", &query);
  if (!status.ok()) return status;
  while (query->Step()) {
    if (!wanted.count(query->TextView(0))) continue;
    std::string alias = query->Text(1);
    if (!Trim(alias).empty()) aliases[query->Text(0)].push_back(std::move(alias));
  }
  if (!query->status().ok()) return query->status();
  // Then the entities, in the table's order (no ORDER BY rowid: a WITHOUT ROWID table has none).
  // entity_id is the table's key; were it not, the first row read of an id would be taken. A row
  // whose id is a BLOB is taken only when no TEXT row has the id, as FindEntity takes it.
  std::vector<std::string> blob_ids;
  status = db_->Prepare("SELECT " + entity_columns_ + " FROM entity", &query);
  if (!status.ok()) return status;
  while (query->Step()) {
    if (!wanted.count(query->TextView(0))) continue;
    if (query->ColumnType(0) == Statement::Type::kBlob) {
      blob_ids.push_back(query->Text(0));
      continue;
    }
    std::string entity_id = query->Text(0);
    wanted.erase(entity_id);
    std::vector<DataProblem> problems;
    Entity entity = EntityFromRow(*query, entity_id, &problems);
    if (!query->status().ok()) return query->status();  // a column that could not be read
    auto alias = aliases.find(entity_id);
    if (alias != aliases.end()) {
      entity.aliases = std::move(alias->second);
      SortAliases(&entity.aliases);
    }
    entity.digest = EntityDigest(entity);
    each(std::move(entity), std::move(problems));
  }
  if (!query->status().ok()) return query->status();
  // The ids found only as BLOBs, read by id as FindEntity reads them.
  for (const std::string& entity_id : blob_ids) {
    if (!wanted.count(entity_id)) continue;
    wanted.erase(entity_id);
    std::vector<DataProblem> problems;
    std::optional<Entity> entity = FindEntity(entity_id, &problems);
    if (!read_status().ok()) return read_status();
    if (entity) each(std::move(*entity), std::move(problems));
  }
  return Status::Ok();
}

}  // namespace corridor
