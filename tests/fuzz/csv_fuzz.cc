// Fuzzes the csv list importer: the input is the list file, imported into an in-memory input
// database through ImportList (engine/lists/import.h).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "tests/fuzz/fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  corridor::fuzz::ImportListBytes("csv", "list.csv",
                                  std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
