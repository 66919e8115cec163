// Watch-list import: reads a published sanctions list and replaces its copy in the input database.
//
//   corridor::ImportOptions options;
//   options.format = "ofac-csv";
//   options.path = "lists/ofac_sdn";  // a folder for ofac-csv, a file for the other formats
//   corridor::ImportReport report;
//   corridor::Status status = corridor::ImportList(db, options, &report);
//
// Formats, their mapping to the list_* tables of schemas/input.sql and the quirks each importer
// handles are described in docs/lists.md.
#ifndef CORRIDOR_ENGINE_LISTS_IMPORT_H_
#define CORRIDOR_ENGINE_LISTS_IMPORT_H_

#include <cstdint>
#include <string>
#include <vector>

#include "engine/base/status.h"
#include "engine/store/database.h"

namespace corridor {

struct ImportOptions {
  std::string format;       // one of ListFormats()
  std::string path;         // the file or folder to read
  std::string list_id;      // overrides the format's default list id ("ofac-sdn", "un-sc", ...);
                            // for csl-csv it becomes the prefix of the per-source ids
  std::string version;      // the list's publication date or version, when the files do not
                            // carry one (OFAC's legacy CSV does not); empty means unknown
  std::string imported_at;  // UTC ISO 8601 timestamp to record; empty means now
  // Where the files came from, recorded as list_source.source_path instead of `path` (update-lists
  // gives the URLs, redacted: `path` is then a temporary folder); empty means `path`.
  std::string origin;
  // The publisher the file must come from (update-lists' sources file): every list it yields must
  // name a publisher containing this text, else Status::Refused (not overridden by --force); a
  // format whose files name none (csv) records this one. Empty: not checked.
  std::string expected_publisher;

  // Safety checks (docs/lists.md, "Refusals and limits"); each refusal is Status::Refused.
  bool allow_older = false;  // accept a version older than the one loaded
  // Accept what is otherwise refused: a file that ends mid-record, a list with no entries, a
  // format other than the list's recorded one, or removing more than `max_removed_share`.
  bool force = false;
  double max_removed_share = 0.10;              // share of the loaded entries an import may remove
  int64_t max_file_bytes = int64_t{512} << 20;  // per file read
};

// A rejected row: `location` is "file:line", `reason` says why.
struct ListReject {
  std::string location;
  std::string reason;
};

// What one import did to one list.
struct ListImportSummary {
  std::string list_id;
  std::string version;
  std::string sha256;
  int64_t import_id = 0;
  int64_t entries = 0, aliases = 0, addresses = 0, links = 0, identifiers = 0, attributes = 0;
  int64_t added = 0, removed = 0, changed = 0;
  // The same files, format and entries as the loaded version: nothing was written (no
  // list_import row; import_id 0), and the counts are the file's.
  bool unchanged = false;
  std::vector<ListReject> rejects;  // every rejected row, in file order
  std::vector<std::string> notes;   // what the import did that the user should know (encoding)
};

struct ImportReport {
  std::vector<ListImportSummary> lists;  // one per list written (csl-csv writes several)
};

// The formats ImportList accepts: ofac-csv, un-xml, csl-csv, dpl-tsv, uk-csv, ftm-json, csv.
const std::vector<std::string>& ListFormats();

// Checks `options` without touching any file or database: a known format, a path, a --list-id
// for the generic formats (ftm-json, csv), limits in range. Fails with Status::Usage.
Status CheckImportOptions(const ImportOptions& options);

// Parses `options.path` as `options.format` and, in ONE transaction, replaces every list it
// yields: the list's previous rows are deleted, the new ones written, and list_source,
// list_import, list_change (added/removed/changed against the previous version, by entry
// digest) and list_reject updated. REQUIRES: `db` is writable and holds the input schema.
//
// Errors, none of which changes the database:
//   Usage       CheckImportOptions failed.
//   NotFound, IoError, Limit   the path is missing, not a regular file (a FIFO, a device), or
//               larger than options.max_file_bytes.
//   Error, Corruption   the file is not in the expected format (the message names the format
//               expected), or not well-formed XML.
//   Refused     a safety check failed (file ends mid-record, no entries, another format than the
//               list's, an older version, too many entries removed); see docs/lists.md.
// A database error rolls the transaction back, leaving the previous version of every list
// intact. Malformed rows do not fail the import: they are rejected, counted and listed in
// `report`. Every text written to the list_* tables is valid UTF-8.
Status ImportList(Database* db, const ImportOptions& options, ImportReport* report);

}  // namespace corridor

#endif  // CORRIDOR_ENGINE_LISTS_IMPORT_H_
