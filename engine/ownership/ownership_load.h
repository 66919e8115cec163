// Loads the ownership graph from an input database (schemas/input.sql): the company's own
// `ownership` table and the `list_link` rows of kind 'ownership' from imported watch lists.
//
// Node names: "entity:<entity_id>" for the company's entities and "list:<list_id>:<entry_id>"
// for list entries (EntityNodeName, ListNodeName). Edge record ids are SQLite rowids: of the
// `ownership` table when the edge joins entity nodes, of `list_link` when it joins list nodes.
#ifndef CORRIDOR_ENGINE_OWNERSHIP_OWNERSHIP_LOAD_H_
#define CORRIDOR_ENGINE_OWNERSHIP_OWNERSHIP_LOAD_H_

#include <string>
#include <string_view>
#include <vector>

#include "engine/base/status.h"
#include "engine/ownership/ownership.h"
#include "engine/store/database.h"

namespace corridor {

struct OwnershipLoadOptions {
  bool load_ownership_table = true;  // the company's `ownership` rows
  bool load_list_links = true;       // `list_link` rows with kind = 'ownership'
  // Only links of these lists (list_link.list_id); empty: every list.
  std::vector<std::string> list_ids;
  // Every entity becomes a node, also those without ownership rows (so every party of a
  // shipment can be looked up with Find).
  bool add_all_entities = true;
  // Finalize the graph after loading. Leave false to add edges from elsewhere first.
  bool finalize = true;
  // YYYY-MM-DD: records dated after it are not loaded (the screening date: what was known then;
  // of several records for one holding, Finalize then keeps the newest on or before it). A
  // partial date counts as the first day of its period here ("2025" is loaded when screening on
  // any day of 2025); staleness still reads it as the last. Empty: every record.
  std::string as_of;
};

std::string EntityNodeName(std::string_view entity_id);
// The entity id of a node named by EntityNodeName(); empty for any other node.
std::string_view EntityIdOfNode(std::string_view node_name);
std::string ListNodeName(std::string_view list_id, std::string_view entry_id);

// Adds the nodes and edges to `graph` (REQUIRES: !graph->finalized()). Bad rows are reported in
// `problems` with their table and row and skipped: a NULL or empty id, an owner or owned id
// that names no entity (or list entry), a share that is not a number or outside 0..100, a
// control flag that is not a number (not read as "no control"), self-ownership, an unresolved list
// link target. An as_of that is not an ISO date is reported and the row kept undated. When
// finalizing, the graph's own problems (superseded records, over-allocation) are appended to
// `problems` too. Returns an error only when the database cannot be read (missing tables, failed
// statements).
Status LoadOwnershipGraph(Database* db, const OwnershipLoadOptions& options, OwnershipGraph* graph,
                          std::vector<OwnershipProblem>* problems);

}  // namespace corridor

#endif  // CORRIDOR_ENGINE_OWNERSHIP_OWNERSHIP_LOAD_H_
