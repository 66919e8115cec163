// `corridor update-lists`: fetch every list a sources file names (engine/fetch/sources.h),
// check it and import it, each list in its own transaction (engine/lists/import.h).
//
//   corridor::UpdateOptions options;
//   options.sources_path = "lists.sources";
//   corridor::UpdateReport report;
//   corridor::Status status = corridor::UpdateLists(db, options, &report);
//   // status: the sources file or the database; report.lists[i].status: each list
//
// docs/lists.md, "Keeping lists fresh".
#ifndef CORRIDOR_ENGINE_FETCH_UPDATE_H_
#define CORRIDOR_ENGINE_FETCH_UPDATE_H_

#include <string>
#include <vector>

#include "engine/base/diagnostics.h"
#include "engine/base/status.h"
#include "engine/fetch/fetch.h"
#include "engine/fetch/sources.h"
#include "engine/lists/import.h"
#include "engine/store/database.h"

namespace corridor {

struct UpdateOptions {
  std::string sources_path;
  std::vector<std::string> only_lists;  // update only these list ids; empty: every source
  // The import's refusals, applied to every list (ImportOptions): allow_older, force,
  // max_removed_share; fetch.max_bytes is also the import's max_file_bytes.
  bool allow_older = false;
  bool force = false;
  double max_removed_share = 0.10;
  FetchOptions fetch;
  std::string imported_at;  // empty: now
  std::string work_dir;     // where downloads go while imported; empty: $TMPDIR or /tmp
};

// What happened to one source.
struct ListUpdateResult {
  std::string list_id;  // as the sources file names it (a prefix for csl-csv)
  std::string origin;   // the URL(s) or path read
  int64_t bytes = 0;    // downloaded
  Status status;        // OK: imported; else why the list was left as it was
  ImportReport report;  // per list written (several for csl-csv): counts, added/removed/changed
};

struct UpdateReport {
  std::vector<ListUpdateResult> lists;  // in sources-file order
  int failed = 0;                       // lists whose status is not OK
};

// The checks UpdateLists makes before it fetches anything or touches the database: `options` in
// range (Usage), the sources file read into `specs` (its mistakes in `diagnostics`, Error), and
// every `only_lists` id named by it (Usage). `corridor update-lists` runs them before it opens
// (or creates) the database.
Status CheckUpdate(const UpdateOptions& options, std::vector<ListSourceSpec>* specs,
                   Diagnostics* diagnostics);

// Reads the sources file, then for each source: downloads its URLs into a fresh temporary folder
// (or reads its path), checks the publisher, imports it with the refusals of ImportList, and
// removes the download. A failing list is left as it was and the next one is still updated.
// Errors (nothing fetched, nothing changed):
//   the sources file cannot be read (NotFound, IoError, Limit) or has mistakes (Error, with
//   every one in `diagnostics`); `only_lists` names a list id the file does not (Usage);
//   options out of range (Usage); the temporary folder cannot be made (IoError).
// REQUIRES: `db` is writable and holds the input schema.
Status UpdateLists(Database* db, const UpdateOptions& options, UpdateReport* report,
                   Diagnostics* diagnostics);

}  // namespace corridor

#endif  // CORRIDOR_ENGINE_FETCH_UPDATE_H_
