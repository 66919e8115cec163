// The contract of the tests that read the real public lists (README.md, "Promises"): they skip
// only when CORRIDOR_REFERENCE_DATA is unset; set, a missing folder or file fails the test.
#include <stdlib.h>

#include <catch2/catch.hpp>
#include <optional>
#include <string>

#include "tests/test_util.h"

namespace corridor::testing {
namespace {

// Sets CORRIDOR_REFERENCE_DATA for the scope of one check and restores the value the suite was
// started with (the other tests of this process read it).
class ReferenceDataVariable {
 public:
  ReferenceDataVariable() {
    const char* value = std::getenv(kName);
    if (value != nullptr) saved_ = value;
  }
  ~ReferenceDataVariable() {
    if (saved_) {
      setenv(kName, saved_->c_str(), 1);
    } else {
      unsetenv(kName);
    }
  }
  void Set(const std::string& value) { setenv(kName, value.c_str(), 1); }
  void Unset() { unsetenv(kName); }

 private:
  static constexpr const char* kName = "CORRIDOR_REFERENCE_DATA";
  std::optional<std::string> saved_;
};

}  // namespace

TEST_CASE(
    "Real-data tests skip only when CORRIDOR_REFERENCE_DATA is unset, set, missing data fails",
    "[test-util]") {
  TempDir dir;
  ReferenceDataVariable variable;

  variable.Unset();
  CHECK(ReferenceDataOrNull() == nullptr);  // the test skips
  variable.Set("");
  CHECK(ReferenceDataOrNull() == nullptr);  // empty reads as unset

  variable.Set(dir.File("no-such-folder"));
  CHECK_THROWS_WITH(ReferenceDataOrNull(), Catch::Contains("not a folder"));

  variable.Set(dir.path());
  REQUIRE(ReferenceDataOrNull() != nullptr);
  CHECK(std::string(ReferenceDataOrNull()) == dir.path());
  CHECK_THROWS_WITH(ReferenceFile("lists/ofac_sdn/sdn.csv"), Catch::Contains("is missing"));
  WriteText(dir.File("lists/ofac_sdn/sdn.csv"), "x\n");
  CHECK(ReferenceFile("lists/ofac_sdn/sdn.csv") == dir.path() + "/lists/ofac_sdn/sdn.csv");
}

}  // namespace corridor::testing
