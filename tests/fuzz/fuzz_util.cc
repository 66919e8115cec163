#include "tests/fuzz/fuzz_util.h"

#include <stdlib.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <system_error>

#include "engine/lists/import.h"
#include "engine/store/database.h"

namespace corridor::fuzz {

namespace {

std::string* scratch_dir = nullptr;

void RemoveScratchDir() {
  std::error_code ignored;
  if (scratch_dir != nullptr) std::filesystem::remove_all(*scratch_dir, ignored);
}

}  // namespace

const std::string& ScratchDir() {
  if (scratch_dir == nullptr) {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "corridor_fuzz_XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) {
      std::perror("corridor fuzz: mkdtemp");
      std::abort();
    }
    scratch_dir = new std::string(pattern);
    std::atexit(RemoveScratchDir);
  }
  return *scratch_dir;
}

void WriteFile(const std::string& path, std::string_view contents) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(contents.data(), static_cast<std::streamsize>(contents.size()));
  out.close();
  if (!out) {
    std::fprintf(stderr, "corridor fuzz: cannot write %s\n", path.c_str());
    std::abort();
  }
}

namespace {

// Runs `copy` (which reports through its error_code) until it is not interrupted by a signal;
// aborts on any other failure.
template <typename Copy>
void CopyRetrying(const std::string& from, const std::string& to, Copy copy) {
  for (int attempt = 0; attempt < 1000; ++attempt) {
    std::error_code error;
    copy(error);
    if (!error) return;
    if (error != std::errc::interrupted) {
      std::fprintf(stderr, "corridor fuzz: cannot copy %s to %s: %s\n", from.c_str(), to.c_str(),
                   error.message().c_str());
      std::abort();
    }
  }
  std::fprintf(stderr, "corridor fuzz: copying %s kept being interrupted\n", from.c_str());
  std::abort();
}

}  // namespace

void CopyFile(const std::string& from, const std::string& to) {
  CopyRetrying(from, to, [&](std::error_code& error) {
    std::filesystem::copy_file(from, to, std::filesystem::copy_options::overwrite_existing, error);
  });
}

void CopyTree(const std::string& from, const std::string& to) {
  CopyRetrying(from, to, [&](std::error_code& error) {
    std::filesystem::remove_all(to, error);
    if (!error) std::filesystem::copy(from, to, std::filesystem::copy_options::recursive, error);
  });
}

std::vector<std::string_view> SplitInput(const uint8_t* data, size_t size, size_t max_parts) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::vector<std::string_view> parts;
  while (parts.size() + 1 < max_parts) {
    size_t separator = text.find(kFileSeparator);
    if (separator == std::string_view::npos) break;
    parts.push_back(text.substr(0, separator));
    text.remove_prefix(separator + 1);
  }
  parts.push_back(text);
  return parts;
}

void ImportListBytes(const std::string& format, const std::string& file, std::string_view contents,
                     const std::vector<std::string_view>& companions) {
  const std::filesystem::path folder = std::filesystem::path(ScratchDir()) / "list";
  std::filesystem::remove_all(folder);
  std::filesystem::create_directories(folder);
  WriteFile((folder / file).string(), contents);
  static const char* const kOfacCompanions[] = {"add.csv", "alt.csv", "sdn_comments.csv"};
  for (size_t i = 0; i < companions.size() && i < 3; ++i) {
    WriteFile((folder / kOfacCompanions[i]).string(), companions[i]);
  }

  // A fresh database per input: the importers keep history (list_import, list_change), which
  // would otherwise grow with every execution.
  std::unique_ptr<Database> db;
  if (!Database::OpenWritable(":memory:", &db).ok() || !CreateInputSchema(db.get()).ok()) {
    std::fprintf(stderr, "corridor fuzz: cannot create an in-memory input database\n");
    std::abort();
  }
  ImportOptions options;
  options.format = format;
  options.path = format == "ofac-csv" ? folder.string() : (folder / file).string();
  options.imported_at = "2026-01-01T00:00:00Z";
  // The generic formats need a list id (else the import stops at the usage check and nothing
  // past it is fuzzed); odd-sized inputs also go past the refusals of truncated files.
  if (format == "csv" || format == "ftm-json") options.list_id = "fuzz";
  options.force = contents.size() % 2 == 1;
  ImportReport report;
  // Any Status is acceptable; the sanitizers and libFuzzer report what is not.
  (void)ImportList(db.get(), options, &report);
}

void PrintDiagnostics(const Diagnostics& diagnostics) {
  static const bool verbose = std::getenv("CORRIDOR_FUZZ_VERBOSE") != nullptr;
  for (const Diagnostic& diagnostic : diagnostics) {
    std::string text = diagnostic.ToString();
    if (verbose) std::fprintf(stderr, "%s\n", text.c_str());
  }
  if (verbose) std::fprintf(stderr, "%zu diagnostics\n", diagnostics.size());
}

}  // namespace corridor::fuzz
