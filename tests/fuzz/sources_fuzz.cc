// Fuzzes the update-lists sources file reader (engine/fetch/sources.h): the input is one sources
// file, read and validated by ReadSourcesFile. Nothing is fetched.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/base/diagnostics.h"
#include "engine/fetch/fetch.h"
#include "engine/fetch/sources.h"
#include "tests/fuzz/fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string path = corridor::fuzz::ScratchDir() + "/fuzz.sources";
  corridor::fuzz::WriteFile(path, std::string_view(reinterpret_cast<const char*>(data), size));
  std::vector<corridor::ListSourceSpec> specs;
  corridor::Diagnostics diagnostics;
  corridor::Status status = corridor::ReadSourcesFile(path, &specs, &diagnostics);
  if (status.IsLimit()) return 0;  // over the 1 MiB a sources file may have
  // Read whole, the file fails exactly when something was wrong with it.
  if (status.ok() != diagnostics.empty()) __builtin_trap();
  if (status.ok()) {
    for (const corridor::ListSourceSpec& spec : specs) {
      // Every accepted URL may be fetched and names a file to save to.
      for (const std::string& url : spec.urls) {
        if (!corridor::UrlRefusal(url).empty() || corridor::UrlFileName(url).empty()) {
          __builtin_trap();
        }
      }
      if (spec.urls.empty() == spec.path.empty()) __builtin_trap();
    }
  }
  corridor::fuzz::PrintDiagnostics(diagnostics);
  return 0;
}
