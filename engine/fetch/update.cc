#include "engine/fetch/update.h"

#include <algorithm>
#include <cstdlib>
#include <deque>
#include <filesystem>

#include "engine/base/signal_cleanup.h"
#include "engine/base/strings.h"
#include "engine/fetch/sources.h"

namespace corridor {

namespace {

// A folder of its own per source, removed with its contents when the object goes away (or the
// process is ended by a signal): a failed or refused download never lingers, and one list's files
// never meet another's. One at a time (update-lists fetches one list after another).
class DownloadFolder {
 public:
  Status Create(const std::string& parent) {
    std::string pattern = parent + "/corridor-update-XXXXXX";
    if (mkdtemp(pattern.data()) == nullptr) {
      return Status::IoError(parent + ": cannot create a temporary folder for the downloads");
    }
    path_ = pattern;
    // Before 2026-12-07 a SIGTERM during a download left the folder behind (from a review).
    folder_on_signal_.Register(path_, RemoveOnSignal::Kind::kFolder);
    return Status::Ok();
  }
  // Registers a file about to be written in the folder, for the signal handler.
  void WillWrite(const std::string& file) {
    files_on_signal_.emplace_back();
    files_on_signal_.back().Register(file, RemoveOnSignal::Kind::kFile);
  }
  ~DownloadFolder() {
    if (path_.empty()) return;
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
  RemoveOnSignal folder_on_signal_;
  std::deque<RemoveOnSignal> files_on_signal_;
};

std::string TempParent(const UpdateOptions& options) {
  if (!options.work_dir.empty()) return options.work_dir;
  const char* tmp = std::getenv("TMPDIR");
  return tmp != nullptr && *tmp != '\0' ? tmp : "/tmp";
}

// Downloads every URL of `spec` into `folder`; sets `import_path` to what ImportList reads (the
// folder for ofac-csv, whose importer finds its files there; else the one file), and `files` to
// each downloaded file with the URL (redacted) it came from.
Status Download(const ListSourceSpec& spec, const FetchOptions& fetch, DownloadFolder* into,
                std::string* import_path, int64_t* bytes,
                std::vector<std::pair<std::string, std::string>>* files) {
  const std::string& folder = into->path();
  for (const std::string& url : spec.urls) {
    const std::string file = folder + "/" + DownloadFileName(spec.format, url);
    into->WillWrite(file);
    FetchResult result;
    Status status = FetchUrl(url, fetch, file, &result);
    if (!status.ok()) return status;
    *bytes += result.bytes;
    *import_path = file;
    files->emplace_back(file, RedactUrl(url));
  }
  if (spec.format == "ofac-csv") *import_path = folder;
  return Status::Ok();
}

// `message` with each downloaded file's path (and then the download folder) replaced by where it
// came from: the temporary folder is gone when the user reads it.
std::string NameOrigins(std::string message,
                        const std::vector<std::pair<std::string, std::string>>& files,
                        const std::string& folder, const std::string& origin) {
  auto replace = [&](const std::string& from, const std::string& to) {
    if (from.empty()) return;
    for (size_t at = message.find(from); at != std::string::npos;
         at = message.find(from, at + to.size())) {
      message.replace(at, from.size(), to);
    }
  };
  for (const auto& [file, url] : files) replace(file, url);
  replace(folder, origin);
  return message;
}

void UpdateOne(Database* db, const ListSourceSpec& spec, const UpdateOptions& options,
               ListUpdateResult* result) {
  result->list_id = spec.list_id;
  std::vector<std::string> shown;
  for (const std::string& url : spec.urls) shown.push_back(RedactUrl(url));
  result->origin = spec.urls.empty() ? spec.path : Join(shown, " ");
  ImportOptions import;
  import.format = spec.format;
  import.list_id = spec.list_id;
  import.version = spec.version;
  import.expected_publisher = spec.publisher;
  import.imported_at = options.imported_at;
  import.allow_older = options.allow_older;
  import.force = options.force;
  import.max_removed_share = options.max_removed_share;
  import.max_file_bytes = options.fetch.max_bytes;
  import.path = spec.path;
  DownloadFolder folder;
  std::vector<std::pair<std::string, std::string>> files;
  if (!spec.urls.empty()) {
    import.origin = result->origin;
    FetchOptions fetch = options.fetch;
    fetch.allow_unframed = options.force;
    result->status = folder.Create(TempParent(options));
    if (result->status.ok()) {
      result->status = Download(spec, fetch, &folder, &import.path, &result->bytes, &files);
    }
    if (!result->status.ok()) return;
  }
  result->status = ImportList(db, import, &result->report);
  if (!result->status.ok() && !spec.urls.empty()) {
    result->status = result->status.WithMessage(
        NameOrigins(result->status.message(), files, folder.path(), result->origin));
  }
}

}  // namespace

Status CheckUpdate(const UpdateOptions& options, std::vector<ListSourceSpec>* specs,
                   Diagnostics* diagnostics) {
  if (!(options.max_removed_share >= 0 && options.max_removed_share <= 1)) {
    return Status::Usage("--max-removed-share must be between 0 and 1");
  }
  if (options.fetch.max_bytes <= 0) return Status::Usage("--max-file-bytes must be positive");
  if (options.fetch.timeout_seconds <= 0 || options.fetch.connect_timeout_seconds <= 0) {
    return Status::Usage("timeouts must be positive");
  }
  Status status = ReadSourcesFile(options.sources_path, specs, diagnostics);
  if (!status.ok()) return status;
  for (const std::string& wanted : options.only_lists) {
    bool named = std::any_of(specs->begin(), specs->end(),
                             [&](const ListSourceSpec& spec) { return spec.list_id == wanted; });
    if (!named) {
      return Status::Usage("--list " + wanted + ": " + options.sources_path +
                           " names no source with that list_id");
    }
  }
  return Status::Ok();
}

Status UpdateLists(Database* db, const UpdateOptions& options, UpdateReport* report,
                   Diagnostics* diagnostics) {
  *report = UpdateReport();
  std::vector<ListSourceSpec> specs;
  Status status = CheckUpdate(options, &specs, diagnostics);
  if (!status.ok()) return status;
  // Each list is fetched and imported on its own: lists are independent, so one publisher's
  // outage or a refused file must not keep the other lists' new entries out of screening.
  for (const ListSourceSpec& spec : specs) {
    if (!options.only_lists.empty() &&
        std::find(options.only_lists.begin(), options.only_lists.end(), spec.list_id) ==
            options.only_lists.end()) {
      continue;
    }
    ListUpdateResult result;
    UpdateOne(db, spec, options, &result);
    if (!result.status.ok()) ++report->failed;
    report->lists.push_back(std::move(result));
  }
  return Status::Ok();
}

}  // namespace corridor
