#include "engine/fetch/sources.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <set>

#include "engine/base/file.h"
#include "engine/base/strings.h"
#include "engine/base/text_format_errors.h"
#include "engine/fetch/fetch.h"
#include "engine/lists/import.h"
#include "schemas/sources.pb.h"

namespace corridor {

namespace {

using google::protobuf::TextFormat;

// A sources file names a handful of lists; anything near this size is not one.
constexpr int64_t kMaxSourcesFileBytes = int64_t{1} << 20;

void CheckUrls(const sources::ListSource& source, const FieldLocator& at,
               Diagnostics* diagnostics) {
  if (source.url_size() > 1 && source.format() != "ofac-csv") {
    diagnostics->push_back({at.At("url", 1), "format " + source.format() +
                                                 " is one file: give one url (several only "
                                                 "for ofac-csv, one per file of its folder)"});
  }
  std::set<std::string> file_names;
  for (int i = 0; i < source.url_size(); ++i) {
    const std::string& url = source.url(i);
    std::string refusal = UrlRefusal(url);
    if (!refusal.empty()) {
      diagnostics->push_back({at.At("url", i), "url \"" + RedactUrl(url) + "\": " + refusal});
      continue;
    }
    std::string name = DownloadFileName(source.format(), url);
    if (name.empty() || name == "." || name == "..") {
      diagnostics->push_back({at.At("url", i), "url \"" + RedactUrl(url) +
                                                   "\" names no file (its path ends with '/')"});
    } else if (!file_names.insert(name).second) {
      diagnostics->push_back({at.At("url", i), "url \"" + RedactUrl(url) + "\" saves to \"" + name +
                                                   "\" like an earlier url of this source"});
    }
  }
  // OFAC's list is four files: without a companion its entries load without their addresses,
  // aliases or the remarks' identifiers, a loss the import cannot tell from a publisher's change.
  if (source.format() == "ofac-csv" && source.url_size() > 0) {
    const bool sdn = file_names.count("sdn.csv") > 0, cons = file_names.count("cons_prim.csv") > 0;
    std::vector<std::string> missing;
    for (const char* name :
         sdn || !cons
             ? std::vector<const char*>{"sdn.csv", "add.csv", "alt.csv", "sdn_comments.csv"}
             : std::vector<const char*>{"cons_prim.csv", "cons_add.csv", "cons_alt.csv",
                                        "cons_comments.csv"}) {
      if (!file_names.count(name)) missing.push_back(name);
    }
    if (!missing.empty()) {
      diagnostics->push_back({at.At("url", 0),
                              "format ofac-csv needs a url for each of its four "
                              "files; missing: " +
                                  Join(missing, ", ")});
    }
  }
}

void CheckSource(const sources::ListSource& source, const FieldLocator& at,
                 const std::string& folder, std::set<std::string>* list_ids,
                 std::vector<ListSourceSpec>* specs, Diagnostics* diagnostics) {
  const size_t problems_before = diagnostics->size();
  if (source.list_id().empty()) {
    diagnostics->push_back({at.self(), "source: list_id is required"});
  } else if (!list_ids->insert(source.list_id()).second) {
    diagnostics->push_back(
        {at.At("list_id"), "list_id \"" + source.list_id() + "\" is named by an earlier source"});
  }
  const std::vector<std::string>& formats = ListFormats();
  if (source.format().empty()) {
    diagnostics->push_back(
        {at.self(), "source: format is required (one of " + Join(formats, ", ") + ")"});
  } else if (std::find(formats.begin(), formats.end(), source.format()) == formats.end()) {
    diagnostics->push_back({at.At("format"), "unknown format \"" + source.format() +
                                                 "\" (known: " + Join(formats, ", ") + ")"});
  }
  if (source.publisher().empty()) {
    diagnostics->push_back(
        {at.self(), "source: publisher is required (who must have published the list)"});
  }
  if (source.url_size() == 0 && source.path().empty()) {
    diagnostics->push_back({at.self(), "source: give a url or a path"});
  } else if (source.url_size() > 0 && !source.path().empty()) {
    diagnostics->push_back({at.At("path"), "give a url or a path, not both"});
  }
  CheckUrls(source, at, diagnostics);
  if (!source.version().empty()) {
    if (!IsIsoDate(source.version())) {
      diagnostics->push_back({at.At("version"), "version \"" + source.version() +
                                                    "\" is not a date (YYYY-MM-DD, YYYY-MM or "
                                                    "YYYY)"});
    } else if (source.url_size() > 0) {
      // A date written once in the file would date every later download alike: the older-version
      // check would then pass any file, a cut or stale one too (since 2026-12-07, from a review).
      diagnostics->push_back(
          {at.At("version"),
           "version is for a local path, not a url: a fixed date would date every later download "
           "alike (a fetched file is dated by its own content; ofac-csv by its ent_nums)"});
    }
  }
  std::string resolved_path;
  if (!source.path().empty()) {
    std::filesystem::path path(source.path());
    resolved_path =
        path.is_absolute() ? path.string() : (std::filesystem::path(folder) / path).string();
    std::error_code error;
    if (!std::filesystem::exists(resolved_path, error)) {
      diagnostics->push_back(
          {at.At("path"),
           "path \"" + source.path() + "\": no such file or folder (" + resolved_path + ")"});
    }
  }
  if (diagnostics->size() != problems_before) return;

  ListSourceSpec spec;
  spec.list_id = source.list_id();
  spec.format = source.format();
  spec.publisher = source.publisher();
  spec.version = source.version();
  spec.urls.assign(source.url().begin(), source.url().end());
  spec.path = resolved_path;
  spec.pos = at.self();
  specs->push_back(std::move(spec));
}

}  // namespace

std::string DownloadFileName(const std::string& format, const std::string& url) {
  std::string name = UrlFileName(url);
  if (format == "ofac-csv") {
    for (char& ch : name) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  }
  return name;
}

Status ReadSourcesFile(const std::string& path, std::vector<ListSourceSpec>* specs,
                       Diagnostics* diagnostics) {
  specs->clear();
  std::string text;
  Status status = ReadRegularFile(path, kMaxSourcesFileBytes, &text);
  if (!status.ok()) return status;
  const size_t problems_before = diagnostics->size();
  sources::SourcesFile file;
  TextFormat::ParseInfoTree tree;
  TextFormatErrors errors(path, diagnostics);
  TextFormat::Parser parser;
  parser.RecordErrorsTo(&errors);
  parser.WriteLocationsTo(&tree);
  if (parser.ParseFromString(text, &file)) {
    FieldLocator root(path, &text, sources::SourcesFile::descriptor(), &tree,
                      SourcePos{path, 1, 1});
    if (file.source_size() == 0) {
      diagnostics->push_back({root.self(), "the file names no source { ... }"});
    }
    const std::string folder = std::filesystem::path(path).parent_path().string();
    std::set<std::string> list_ids;
    for (int i = 0; i < file.source_size(); ++i) {
      CheckSource(file.source(i), root.Nested("source", i), folder.empty() ? "." : folder,
                  &list_ids, specs, diagnostics);
    }
  }
  const size_t problems = diagnostics->size() - problems_before;
  if (problems > 0) {
    return Status::Error(path + ": " + std::to_string(problems) + " problem" +
                         (problems == 1 ? "" : "s"));
  }
  return Status::Ok();
}

}  // namespace corridor
