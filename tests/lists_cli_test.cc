// The import-list and lists subcommands, run as the built binary.
#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <string>

#include "tests/test_util.h"

namespace corridor {

namespace {

const std::string kFixtures = std::string(CORRIDOR_SOURCE_DIR) + "/tests/data/lists/";

// Runs the corridor binary with `arguments`; returns its exit code and fills `output` with what
// it wrote to stdout and stderr.
int RunCorridor(const std::string& arguments, std::string* output) {
  std::string command = std::string(CORRIDOR_BINARY) + " " + arguments + " 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  output->clear();
  char buffer[4096];
  size_t read;
  while ((read = fread(buffer, 1, sizeof(buffer), pipe)) > 0) output->append(buffer, read);
  int status = pclose(pipe);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

TEST_CASE("import-list creates the database and lists shows provenance and rejects",
          "[lists][cli]") {
  testing::TempDir dir;  // of its own: a fixed name collides with other checkouts' test runs
  std::string db = dir.File("lists.db");
  std::string output;
  REQUIRE(RunCorridor("import-list --db " + db +
                          " --format ofac-csv --version 2026-01-01 "
                          "--path " +
                          kFixtures + "ofac_small",
                      &output) == 0);
  CHECK_THAT(output, Catch::StartsWith("ofac-sdn: 3 entries, 3 aliases, 1 addresses, 2 links, "));
  CHECK_THAT(output, Catch::Contains("  sdn.csv:4: ent_num 'abc' is not a number\n"));

  REQUIRE(RunCorridor("lists --db " + db, &output) == 0);
  CHECK_THAT(output, Catch::Contains("ofac-sdn        US Treasury OFAC           2026-01-01  "));
  CHECK_THAT(output, Catch::Contains("    sdn.csv:5: expected 12 fields, found 3\n"));

  // An undated file does not replace a dated list (since 2026-12-07): the update is dated too.
  CHECK(RunCorridor("import-list --db " + db +
                        " --format ofac-csv --max-removed-share 0.5 --path " + kFixtures +
                        "ofac_small_v2",
                    &output) == 1);
  REQUIRE(
      RunCorridor("import-list --db " + db +
                      " --format ofac-csv --max-removed-share 0.5 --version 2026-02-01 --path " +
                      kFixtures + "ofac_small_v2",
                  &output) == 0);
  REQUIRE(RunCorridor("lists --db " + db + " --changes ofac-sdn", &output) == 0);
  CHECK_THAT(output, Catch::Contains(": 1 added, 1 removed, 1 changed\n"));
  CHECK_THAT(output, Catch::Contains("added    600          GAMMA LLP\n"));
  CHECK_THAT(output, Catch::Contains("removed  300          SEA STAR\n"));
}

TEST_CASE("import-list fails fast on a wrong format and a missing option", "[lists][cli]") {
  testing::TempDir dir;
  std::string db = dir.File("wrong.db");
  std::string output;
  CHECK(
      RunCorridor("import-list --db " + db + " --format ofac-csv --path " + kFixtures + "not_ofac",
                  &output) == 1);
  CHECK_THAT(output, Catch::Contains("format ofac-csv expects OFAC's legacy CSV"));
  CHECK(RunCorridor("import-list --db " + db + " --format nope --path " + kFixtures, &output) == 2);
  CHECK_THAT(output, Catch::Contains("unknown list format 'nope'"));
  CHECK(RunCorridor("import-list --db " + db + " --format ofac-csv", &output) == 2);
  CHECK(RunCorridor("lists --db " + db + " --changes ofac-sdn", &output) == 1);
  CHECK_THAT(output, Catch::Contains("no import of list 'ofac-sdn'"));
}

// From a review, 2026-12-08: `lists --changes` printed entry names raw, so an entry named
// "Gamma\nremoved  7  Alpha" forged a removal row for an entry still listed, and ESC sequences
// reached the terminal. Names are shown as ShownText shows them: one line per change.
TEST_CASE("lists --changes shows one line per change whatever an entry's name holds",
          "[lists][cli]") {
  testing::TempDir dir;
  const std::string db = dir.File("blk.db");
  testing::WriteText(dir.File("v1.csv"), "id,name,kind,country\n7,Alpha,company,KZ\n");
  testing::WriteText(dir.File("v2.csv"),
                     "id,name,kind,country\n7,Alpha,company,KZ\n"
                     "9,\"Gamma\nremoved  7            Alpha\",company,KZ\n"
                     "10,\"Delta \x1b[8m(hidden)\",company,KZ\n");
  std::string output;
  REQUIRE(RunCorridor("import-list --db " + db + " --format csv --list-id blk --version " +
                          "2025-01-01 --path " + dir.File("v1.csv"),
                      &output) == 0);
  REQUIRE(RunCorridor("import-list --db " + db + " --format csv --list-id blk --version " +
                          "2025-02-01 --path " + dir.File("v2.csv"),
                      &output) == 0);
  REQUIRE(RunCorridor("lists --db " + db + " --changes blk", &output) == 0);
  INFO(output);
  CHECK_THAT(output, Catch::Contains(": 2 added, 0 removed, 0 changed\n"));
  CHECK_THAT(output, !Catch::Contains("\nremoved"));
  CHECK_THAT(output, Catch::Contains("Gamma\\nremoved  7"));
  CHECK(output.find('\x1b') == std::string::npos);
  CHECK_THAT(output, Catch::Contains("Delta \\x1b[8m(hidden)"));
}

}  // namespace corridor
