// Fuzzes the ofac-csv list importer: the input is sdn.csv, optionally followed by add.csv,
// alt.csv and sdn_comments.csv, each after a "\x1e" byte (fuzz_util.h). Imported into an
// in-memory input database through ImportList (engine/lists/import.h).
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "tests/fuzz/fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::vector<std::string_view> parts = corridor::fuzz::SplitInput(data, size, 4);
  std::vector<std::string_view> companions(parts.begin() + 1, parts.end());
  corridor::fuzz::ImportListBytes("ofac-csv", "sdn.csv", parts[0], companions);
  return 0;
}
