// Fuzzes the parser of OFAC's free-text Remarks ("DOB 10 Oct 1971; POB ...; a.k.a. 'X'."), the
// one list parser that takes text rather than a file (engine/lists/document.h), directly: far
// more executions per second than through ofac_csv_fuzz.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "engine/lists/document.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  corridor::lists::Entry entry;
  corridor::lists::ParseOfacRemarks(std::string_view(reinterpret_cast<const char*>(data), size),
                                    &entry);
  (void)corridor::lists::EntryDigest(entry);
  return 0;
}
