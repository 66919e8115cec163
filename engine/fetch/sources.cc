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
      diagnostics->push_back({at.At("url", i), "url \"" + url + "\": " + refusal});
      continue;
    }
    std::string name = DownloadFileName(source.format(), url);
    if (name.empty() || name == "." || name == "..") {
      diagnostics->push_back(
          {at.At("url", i), "url \"" + url + "\" names no file (its path ends with '/')"});
    } else if (!file_names.insert(name).second) {
      diagnostics->push_back({at.At("url", i), "url \"" + url + "\" saves to \"" + name +
                                                   "\" like an earlier url of this source"});
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
  if (diagnostics->size() != problems_before) return;

  ListSourceSpec spec;
  spec.list_id = source.list_id();
  spec.format = source.format();
  spec.publisher = source.publisher();
  spec.version = source.version();
  spec.urls.assign(source.url().begin(), source.url().end());
  if (!source.path().empty()) {
    std::filesystem::path path(source.path());
    spec.path =
        path.is_absolute() ? path.string() : (std::filesystem::path(folder) / path).string();
  }
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
