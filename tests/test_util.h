// Helpers shared by the tests: temporary folders, databases made from SQL, rule folders made
// from text.
#ifndef CORRIDOR_TESTS_TEST_UTIL_H_
#define CORRIDOR_TESTS_TEST_UTIL_H_

#include <cstddef>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>

#include "engine/store/database.h"

namespace corridor::testing {

// A folder removed with everything in it when the object goes away.
class TempDir {
 public:
  TempDir() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "corridor-test-XXXXXX").string();
    path_ = mkdtemp(pattern.data());
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  std::string File(const std::string& name) const { return path_ + "/" + name; }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

inline void WriteText(const std::string& path, const std::string& text) {
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

inline std::string ReadText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

inline std::string SourceFile(const std::string& relative) {
  return std::string(CORRIDOR_SOURCE_DIR) + "/" + relative;
}

// Creates a database with the input schema and runs `sql` in it. Fails the test on error.
inline std::string MakeDatabase(const TempDir& dir, const std::string& sql,
                                const std::string& name = "input.db") {
  std::string path = dir.File(name);
  std::unique_ptr<Database> db;
  Status status = Database::OpenWritable(path, &db);
  if (status.ok()) status = CreateInputSchema(db.get());
  if (status.ok()) status = db->Execute(sql);
  if (!status.ok()) throw std::runtime_error(status.message());
  return path;
}

// The scoring block every test rule set needs.
inline const char* kTestScoring = R"(scoring {
  review_at: 25 hold_at: 60 block_at: 90
  bands { name: "low" from: 0 } bands { name: "high" from: 60 }
}
)";

// Writes a rules folder: each entry is file name -> contents.
inline std::string MakeRules(const TempDir& dir, const std::map<std::string, std::string>& files) {
  std::string folder = dir.File("rules");
  std::filesystem::create_directories(folder);
  for (const auto& [name, text] : files) WriteText(folder + "/" + name, text);
  return folder;
}

// The folder of real public lists and tables (CORRIDOR_REFERENCE_DATA), for integration tests.
// Unset: the test is skipped: it warns with CORRIDOR_SKIP_MARK, which CTest reads as a skip (the
// SKIP_REGULAR_EXPRESSION in CMakeLists.txt) and tests/run.sh counts, and returns. Set: it must
// be a folder, and every file a test asks for with ReferenceFile() must exist, or the test fails
// (an exception fails a Catch2 test).
//
//   const char* data = testing::ReferenceDataOrNull();
//   if (data == nullptr) { WARN(CORRIDOR_SKIP_MARK); return; }
#define CORRIDOR_SKIP_MARK "SKIPPED: CORRIDOR_REFERENCE_DATA is not set"
inline const char* ReferenceDataOrNull() {
  const char* folder = std::getenv("CORRIDOR_REFERENCE_DATA");
  if (folder == nullptr || *folder == '\0') return nullptr;
  if (!std::filesystem::is_directory(folder)) {
    throw std::runtime_error(std::string("CORRIDOR_REFERENCE_DATA is set to ") + folder +
                             ", which is not a folder");
  }
  return folder;
}
// `relative` inside the reference data folder; throws (failing the test) when it is missing.
// REQUIRES: ReferenceDataOrNull() is not null.
inline std::string ReferenceFile(const std::string& relative) {
  std::string path = std::string(ReferenceDataOrNull()) + "/" + relative;
  if (!std::filesystem::exists(path)) {
    throw std::runtime_error("reference data file " + path +
                             " is missing (CORRIDOR_REFERENCE_DATA is set)");
  }
  return path;
}

// How many of a heavy property test's cases a build checks: all of them, or, under AddressSanitizer
// (CORRIDOR_SANITIZE), every `stride`-th. The sanitizers look for memory errors and undefined
// behaviour, which a sample walks the same code for at a tenth of the cost; the Release suite
// checks every case (docs/performance.md, "CI's time"). `stride` 1 in every other build.
#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool kSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
inline constexpr bool kSanitized = true;
#else
inline constexpr bool kSanitized = false;
#endif
#else
inline constexpr bool kSanitized = false;
#endif
inline size_t SanitizerStride(size_t stride) { return kSanitized ? stride : 1; }

#ifdef CORRIDOR_BINARY  // the test binary; benchmarks that include this header have none
// Runs the corridor binary with `args`; returns its exit code and captures stdout and stderr.
struct CommandResult {
  int exit_code;
  std::string out;
  std::string err;
};

inline CommandResult RunCorridor(const TempDir& dir, const std::string& args) {
  std::string out = dir.File("cmd.out"), err = dir.File("cmd.err");
  std::string command = std::string(CORRIDOR_BINARY) + " " + args + " >" + out + " 2>" + err;
  int status = std::system(command.c_str());
  return {WEXITSTATUS(status), ReadText(out), ReadText(err)};
}

#endif  // CORRIDOR_BINARY

}  // namespace corridor::testing

#endif  // CORRIDOR_TESTS_TEST_UTIL_H_
