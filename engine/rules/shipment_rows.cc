#include "engine/rules/shipment_rows.h"

#include <limits>

#include "engine/load/records.h"

namespace corridor {

namespace {

// Rows the walk steps ahead before it searches: a shipment without items or parties of the kind
// scanned is passed over without a search.
constexpr int kAhead = 4;

}  // namespace

Status ShipmentRows::Open(Database* db, const std::string& columns,
                          std::unique_ptr<ShipmentRows>* out) {
  std::unique_ptr<ShipmentRows> rows(new ShipmentRows());
  const std::string select = "SELECT shipment_id, " + columns + ", rowid FROM shipment";
  Status status = db->Prepare(select + " WHERE shipment_id = ?1", &rows->point_);
  if (!status.ok()) {
    // A table without a rowid (a hand-made schema): searches only.
    status = db->Prepare("SELECT shipment_id, " + columns + " FROM shipment WHERE shipment_id = ?1",
                         &rows->point_);
    if (!status.ok()) return status;
  } else {
    status = db->Prepare(select + " WHERE rowid >= ?1 ORDER BY rowid", &rows->walk_);
    if (!status.ok()) return status;
    rows->rowid_column_ = rows->walk_->ColumnCount() - 1;
    rows->WalkTo(std::numeric_limits<int64_t>::min());
    if (!rows->status_.ok()) return rows->status_;
  }
  *out = std::move(rows);
  return Status::Ok();
}

bool ShipmentRows::WalkTo(int64_t rowid) {
  walk_->Reset();
  walk_->BindInt(1, rowid);
  walk_on_row_ = walk_->Step();
  if (!walk_on_row_ && !walk_->status().ok() && status_.ok()) status_ = walk_->status();
  return walk_on_row_;
}

const Statement* ShipmentRows::Find(const Statement& child, int column) {
  if (child.IsNull(column)) return nullptr;
  const std::string_view id = child.TextView(column);
  for (int step = 0; walk_on_row_; ++step) {
    if (!walk_->IsNull(0) && walk_->TextView(0) == id) return walk_.get();
    if (step == kAhead) break;
    walk_on_row_ = walk_->Step();
    if (!walk_on_row_ && !walk_->status().ok()) {
      if (status_.ok()) status_ = walk_->status();
      return nullptr;
    }
  }
  ++searches_;
  point_->Reset();
  point_->BindText(1, id);
  if (!point_->Step()) {
    if (!point_->status().ok() && status_.ok()) status_ = point_->status();
    return nullptr;
  }
  if (walk_ == nullptr) return point_.get();
  // Walk on from the row found: the next child rows most likely name the shipments after it.
  if (WalkTo(point_->Int(rowid_column_))) return walk_.get();
  return status_.ok() ? point_.get() : nullptr;
}

Status PrepareConsigneesOf(Database* db, std::unique_ptr<Statement>* out) {
  return db->Prepare("SELECT entity_id FROM shipment_party WHERE shipment_id = ?1 AND " +
                         RoleIsSql("role", {"consignee"}),
                     out);
}

}  // namespace corridor
