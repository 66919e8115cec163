// What the input database holds of watch lists: the read side of the list_* tables, which
// engine/lists/import.h writes. `corridor lists` prints these.
#ifndef CORRIDOR_ENGINE_LISTS_CATALOG_H_
#define CORRIDOR_ENGINE_LISTS_CATALOG_H_

#include <cstdint>
#include <string>
#include <vector>

#include "engine/base/status.h"
#include "engine/lists/import.h"
#include "engine/store/database.h"

namespace corridor {

struct LoadedListInfo {
  std::string list_id, publisher, version, sha256, format, imported_at;  // "" when unknown
  int64_t entries = 0, aliases = 0, addresses = 0, links = 0, rejected = 0;
  // Names and aliases the name normaliser refuses (no letters, too long, only a legal form...):
  // screening cannot match them, so a party listed only under such a name is never found.
  int64_t unscreenable = 0;
  std::vector<ListReject> unscreenable_examples;  // location "entry ID", reason why
  std::vector<ListReject> rejects;                // the latest import's first rejected rows
};

// Every loaded list, by list id, with up to `examples` rejects and unscreenable names each.
// Errors: the database holds no input schema (NotFound), SQLite errors.
Status ReadLoadedLists(Database* db, size_t examples, std::vector<LoadedListInfo>* lists);

struct ListChange {
  std::string change;  // added, removed, changed
  std::string entry_id, name;
};

struct ListChangeSet {
  int64_t import_id = 0;
  std::string imported_at, version;  // version "" when unknown
  int64_t added = 0, removed = 0, changed = 0;
  std::vector<ListChange> changes;  // by change, then entry id
};

// The latest import of `list_id` and what it changed. NotFound when the list was never imported.
Status ReadLatestChanges(Database* db, const std::string& list_id, ListChangeSet* changes);

}  // namespace corridor

#endif  // CORRIDOR_ENGINE_LISTS_CATALOG_H_
