// Fuzzes the score-stream reader (engine/output/score_stream.h): the input is read as a score
// file twice, once as a delimited stream and once as JSON lines. ScoreReader picks the format
// from the start (`{"header"` is JSON) and requires a header first, so each reading puts a valid
// header record before the input; whatever follows may be refused, never crash or hang.
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
  if (!corridor::ScoreReader::Open(path, &reader).ok()) return;
  corridor::scores::ScoreRecord record;
  while (reader->Next(&record)) {
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::string path = corridor::fuzz::ScratchDir() + "/scores";
  // A delimited header record: its length (one varint byte, the record is short), then it.
  corridor::scores::ScoreRecord header;
  header.mutable_header()->set_engine_version("fuzz");
  const std::string bytes = header.SerializeAsString();
  ReadAll(path, std::string(1, static_cast<char>(bytes.size())) + bytes + std::string(text));
  ReadAll(path, "{\"header\":{\"engineVersion\":\"fuzz\"}}\n" + std::string(text));
  return 0;
}
