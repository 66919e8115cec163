// Schema migrations of the input database, in one place: each brings a database made by an
// older corridor up to the current schemas/input.sql.
#include <algorithm>
#include <utility>

#include "engine/store/database.h"

namespace corridor {

Status MigrateInputSchema(Database* db) {
  // The list importers added two nullable columns after the first release.
  for (const auto& [table, column] :
       {std::pair{"list_attribute", "note"}, std::pair{"list_link", "role"}}) {
    std::vector<std::string> columns;
    Status read = db->Columns(table, &columns);
    if (!read.ok()) return read;
    if (std::find(columns.begin(), columns.end(), column) != columns.end()) continue;
    Status status =
        db->Execute(std::string("ALTER TABLE ") + table + " ADD COLUMN " + column + " TEXT");
    if (!status.ok()) return status;
  }
  return Status::Ok();
}

}  // namespace corridor
