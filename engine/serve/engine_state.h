// The engine `corridor serve` answers with, and its replacement after a list import.
//
// An Engine is immutable once loaded: the scorer (rules, list index, prepared resources), the
// /match catalog and the /lists view. Engines holds the current one behind a mutex-guarded
// shared_ptr: a request takes a reference for its whole life (Current()), a reload builds the
// next Engine beside it and swaps the pointer, and the old one is freed when its last request
// ends. A failed reload leaves the serving engine in place.
#ifndef CORRIDOR_ENGINE_SERVE_ENGINE_STATE_H_
#define CORRIDOR_ENGINE_SERVE_ENGINE_STATE_H_

#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "engine/base/status.h"
#include "engine/lists/catalog.h"
#include "engine/screen/screen_one.h"
#include "engine/serve/match_api.h"
#include "engine/serve/server.h"

namespace corridor::serve {

struct Engine {
  std::unique_ptr<ShipmentScorer> scorer;
  std::unique_ptr<EntryCatalog> catalog;  // null when no list is loaded
  std::vector<LoadedListInfo> lists;
  // What the database held when this engine was loaded (lists, imports, ownership rows).
  std::string fingerprint;
  std::string as_of;
  double loaded_at = 0;     // Unix seconds
  double load_seconds = 0;  // how long loading took
};

// A summary of what the list and ownership tables hold: max import id, every list source's
// version and digest, row counts. Changes whenever an import commits.
Status DatabaseFingerprint(const std::string& db_path, std::string* fingerprint);

class Engines {
 public:
  Status Load(const ServeOptions& options, const std::string& as_of);
  // Loads a new engine when the fingerprint or `as_of` differs from the serving engine's and
  // from the last attempt's (so a broken import is not retried every poll).
  Status ReloadIfChanged(const ServeOptions& options, const std::string& as_of);
  std::shared_ptr<const Engine> Current() const;
  int64_t reloads() const { return reloads_; }
  int64_t reload_failures() const { return reload_failures_; }
  std::string last_error() const;

 private:
  mutable std::mutex mutex_;
  std::shared_ptr<const Engine> current_;
  std::string last_attempt_;  // fingerprint + as_of of the last load tried
  std::string last_error_;
  std::mutex reload_mutex_;  // one reload at a time
  std::atomic<int64_t> reloads_{0};
  std::atomic<int64_t> reload_failures_{0};
};

}  // namespace corridor::serve

#endif  // CORRIDOR_ENGINE_SERVE_ENGINE_STATE_H_
