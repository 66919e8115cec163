// The shipment row that a party or item row names, for the history scans rules make while they
// prepare (red_flag's medians and consignee histories, forced_labour's receipts and imports).
//
// Those scans read millions of child rows. Joined in SQL, each child row searched the shipment
// table's key index and then the table: most of the rules' preparation at a million shipments
// (docs/performance.md, "History scans without a join"). Child rows are nearly always stored in
// the order of their shipments, so ShipmentRows walks a cursor over the shipment table alongside
// the scan and searches by key only when the row is not a few steps ahead; the walk then resumes
// from the row found. Any order of rows gives the same answers, only more searches.
#ifndef CORRIDOR_ENGINE_RULES_SHIPMENT_ROWS_H_
#define CORRIDOR_ENGINE_RULES_SHIPMENT_ROWS_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "engine/base/status.h"
#include "engine/store/database.h"

namespace corridor {

class ShipmentRows {
 public:
  // `columns`: the shipment columns to read, as SQL ("shipped_on, currency").
  static Status Open(Database* db, const std::string& columns, std::unique_ptr<ShipmentRows>* out);

  // The row of the shipment whose shipment_id is column `column` of `child`'s current row, as
  // the SQL join `shipment.shipment_id = child.shipment_id` finds it (ids compared as text, the
  // schema's TEXT key, which holds each id once); null when there is none, the id is NULL, or on
  // a read error (status()). Column 0 of the row is the shipment_id, columns 1.. are `columns`,
  // then the rowid; valid until the next call.
  const Statement* Find(const Statement& child, int column);

  // Ok, or the first read error.
  const Status& status() const { return status_; }
  // How many Find() calls searched by key (the others found the row on the walk).
  int64_t searches() const { return searches_; }

 private:
  ShipmentRows() = default;
  bool WalkTo(int64_t rowid);

  std::unique_ptr<Statement> walk_;   // the rows from a rowid on; null: no rowid (no walk)
  std::unique_ptr<Statement> point_;  // the row of one id
  int rowid_column_ = 0;
  bool walk_on_row_ = false;
  int64_t searches_ = 0;
  Status status_;
};

// Prepares the statement that lists the consignees (entity_id) of shipment ?1, for the few rows
// a history scan keeps (a traced input, an item of the goods): one search through the parties'
// shipment index each.
Status PrepareConsigneesOf(Database* db, std::unique_ptr<Statement>* out);

}  // namespace corridor

#endif  // CORRIDOR_ENGINE_RULES_SHIPMENT_ROWS_H_
