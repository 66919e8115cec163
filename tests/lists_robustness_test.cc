// Every importer, fed every fixture cut short at many points or with a stray quote inserted,
// must either fail with a message or import consistently: never crash, never write a list whose
// recorded counts disagree with its rows.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "engine/lists/document.h"
#include "engine/lists/import.h"
#include "engine/store/database.h"
#include "tests/test_util.h"

namespace corridor {

namespace {

const std::string kFixtures = std::string(CORRIDOR_SOURCE_DIR) + "/tests/data/lists/";

int64_t Count(Database* db, const std::string& sql) {
  std::unique_ptr<Statement> statement;
  REQUIRE(db->Prepare(sql, &statement).ok());
  REQUIRE(statement->Step());
  return statement->Int(0);
}

void Write(const std::string& path, const std::string& contents) {
  std::ofstream out(path, std::ios::binary);
  out << contents;
}

// Imports `contents` as `format` (written to `file` inside a fresh folder) and checks the result.
void ImportDamaged(const std::string& format, const std::string& file, const std::string& contents,
                   const std::string& label) {
  // A folder of its own (mkdtemp): a fixed name collides with other checkouts' test runs.
  testing::TempDir temp;
  const std::filesystem::path folder = temp.path();
  Write((folder / file).string(), contents);
  std::unique_ptr<Database> db;
  REQUIRE(Database::OpenWritable(":memory:", &db).ok());
  REQUIRE(CreateInputSchema(db.get()).ok());
  ImportOptions options;
  options.format = format;
  options.path = format == "ofac-csv" ? folder.string() : (folder / file).string();
  if (format == "csv" || format == "ftm-json") options.list_id = "robustness";
  ImportReport report;
  Status status = ImportList(db.get(), options, &report);
  INFO(label);
  if (!status.ok()) {
    CHECK_FALSE(status.message().empty());
    CHECK(Count(db.get(), "SELECT count(*) FROM list_entry") == 0);
    return;
  }
  int64_t entries = 0, rejects = 0;
  for (const ListImportSummary& list : report.lists) {
    entries += list.entries;
    rejects += static_cast<int64_t>(list.rejects.size());
    for (const ListReject& reject : list.rejects) CHECK_FALSE(reject.reason.empty());
  }
  CHECK(Count(db.get(), "SELECT count(*) FROM list_entry") == entries);
  CHECK(Count(db.get(), "SELECT ifnull(sum(entry_count), 0) FROM list_source") == entries);
  CHECK(Count(db.get(), "SELECT count(*) FROM list_reject") == rejects);
  CHECK(Count(db.get(),
              "SELECT count(*) FROM list_alias a WHERE NOT EXISTS (SELECT 1 FROM "
              "list_entry e WHERE e.list_id = a.list_id AND e.entry_id = a.entry_id)") == 0);
}

}  // namespace

TEST_CASE("Importers survive truncated and corrupted input", "[lists][robustness]") {
  const std::pair<const char*, const char*> cases[] = {
      {"ofac-csv", "ofac_small/sdn.csv"}, {"un-xml", "un_small.xml"},
      {"csl-csv", "csl_small.csv"},       {"dpl-tsv", "dpl_small.txt"},
      {"uk-csv", "uk_small.csv"},         {"ftm-json", "ftm_small.jsonl"},
      {"csv", "company_list.csv"},
  };
  for (const auto& [format, fixture] : cases) {
    std::string contents;
    REQUIRE(lists::ReadFile(kFixtures + fixture, int64_t{1} << 20, &contents).ok());
    std::string file = std::filesystem::path(fixture).filename().string();
    const size_t step = std::max<size_t>(1, contents.size() / 60);
    for (size_t cut = 0; cut <= contents.size(); cut += step) {
      ImportDamaged(format, file, contents.substr(0, cut),
                    std::string(format) + " cut at " + std::to_string(cut));
      std::string quoted = contents;
      quoted.insert(std::min(cut, quoted.size()), "\"");
      ImportDamaged(format, file, quoted, std::string(format) + " quote at " + std::to_string(cut));
    }
  }
}

}  // namespace corridor
