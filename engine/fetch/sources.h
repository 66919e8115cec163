// The sources file of `corridor update-lists`: a text-format `corridor.sources.SourcesFile`
// (schemas/sources.proto) naming each list to fetch. Every mistake is reported at file:line:col.
#ifndef CORRIDOR_ENGINE_FETCH_SOURCES_H_
#define CORRIDOR_ENGINE_FETCH_SOURCES_H_

#include <string>
#include <vector>

#include "engine/base/diagnostics.h"
#include "engine/base/status.h"

namespace corridor {

// The name a downloaded file of `format` is saved under: the last part of the URL's path
// (UrlFileName), lower-cased for ofac-csv, whose importer looks for sdn.csv while OFAC's site
// publishes SDN.CSV.
std::string DownloadFileName(const std::string& format, const std::string& url);

// One validated `source { ... }` block.
struct ListSourceSpec {
  std::string list_id, format, publisher, version;
  std::vector<std::string> urls;  // https:// (or http:// to loopback); empty when `path` is set
  std::string path;               // resolved against the sources file's folder; "" with urls
  SourcePos pos;                  // of the `source` block
};

// Reads and validates `path`. Every problem found is appended to `diagnostics` (a text-format
// syntax error, a missing list_id, format or publisher, a duplicate list_id, an unknown format,
// both or neither of url and path, a URL that is not https:// or http:// to loopback, several
// URLs for a format other than ofac-csv, two URLs saving to one file name).
// Errors: NotFound / IoError / Limit reading the file (ReadRegularFile); Error when any
// diagnostic was added ("FILE: N problems"); `sources` is then incomplete.
Status ReadSourcesFile(const std::string& path, std::vector<ListSourceSpec>* sources,
                       Diagnostics* diagnostics);

}  // namespace corridor

#endif  // CORRIDOR_ENGINE_FETCH_SOURCES_H_
