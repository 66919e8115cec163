// Fuzzes the score-stream reader (engine/output/score_stream.h): the input is read as a score
// file twice, once as a delimited stream and once as JSON lines. ScoreReader picks the format
// from the first byte ('{' is JSON), so each reading puts a valid empty first record before the
// input: a zero length prefix (delimited) or "{}\n" (JSON).
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "engine/output/score_stream.h"
#include "tests/fuzz/fuzz_util.h"

namespace {

void ReadAll(const std::string& path, const std::string& contents) {
  corridor::fuzz::WriteFile(path, contents);
  std::unique_ptr<corridor::ScoreReader> reader;
  if (!corridor::ScoreReader::Open(path, &reader).ok()) __builtin_trap();
  corridor::scores::ScoreRecord record;
  // The empty first record must be read; then anything may happen but a crash.
  if (!reader->Next(&record)) __builtin_trap();
  while (reader->Next(&record)) {
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::string path = corridor::fuzz::ScratchDir() + "/scores";
  ReadAll(path, std::string(1, '\0') + std::string(text));
  ReadAll(path, "{}\n" + std::string(text));
  return 0;
}
