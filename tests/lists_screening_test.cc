// The listed-party rule finds parties against every imported list: each real list in the shared
// data is imported, a party named as one of its entries (or, for the FollowTheMoney file, one of
// its aliases) is screened, and the match must come from that list.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <set>

#include "engine/lists/import.h"
#include "engine/screen/screen_run.h"
#include "tests/test_util.h"

namespace corridor {
namespace {

using testing::TempDir;

struct RealList {
  const char* format;
  const char* path;
};

TEST_CASE("The listed-party rule finds parties on every imported real list", "[lists-screening]") {
  const char* data = testing::ReferenceDataOrNull();
  if (data == nullptr) {
    WARN(CORRIDOR_SKIP_MARK);
    return;
  }
  const std::string root = data;
  const std::vector<RealList> lists = {
      {"ofac-csv", "/lists/ofac_sdn"},
      {"ofac-csv", "/lists/ofac_non_sdn"},
      {"un-xml", "/lists/un_sc/UN_consolidated.xml"},
      {"csl-csv", "/lists/us_csl/csl_partial_2023-11-30.csv"},
      {"dpl-tsv", "/lists/us_csl/bis_dpl_2023-11-30.txt"},
      {"uk-csv", "/lists/uk_ofsi/ConList_fragment_2020.csv"},
      {"ftm-json", "/ftm/zala_entities.ftm.jsonl"},
  };
  TempDir dir;
  std::string db_path = testing::MakeDatabase(dir, "");
  std::vector<std::string> list_ids;
  {
    std::unique_ptr<Database> db;
    REQUIRE(Database::OpenWritable(db_path, &db).ok());
    for (const RealList& list : lists) {
      ImportOptions options;
      options.format = list.format;
      options.path = root + list.path;
      options.imported_at = "2025-12-01T00:00:00Z";
      if (list.format == std::string("ftm-json")) options.list_id = "ftm";
      // The partial CSL ends mid-field: refused as cut short unless forced (docs/lists.md).
      options.force = list.format == std::string("csl-csv");
      ImportReport report;
      Status status = ImportList(db.get(), options, &report);
      INFO(list.path << ": " << status.message());
      REQUIRE(status.ok());
      for (const ListImportSummary& summary : report.lists) list_ids.push_back(summary.list_id);
    }
    // One party per list, named as the list's first entry (by id), and one shipment each.
    REQUIRE(db->Execute(R"(
INSERT INTO entity (entity_id, kind, name)
  SELECT 'E-' || s.list_id, 'company',
         (SELECT e.name FROM list_entry e WHERE e.list_id = s.list_id ORDER BY e.entry_id LIMIT 1)
  FROM list_source s;
INSERT INTO shipment (shipment_id, destination_country) SELECT 'S-' || list_id, 'KZ' FROM list_source;
INSERT INTO shipment_party SELECT 'S-' || list_id, 'E-' || list_id, 'consignee' FROM list_source;
)")
                .ok());
  }
  CHECK(list_ids.size() >= 19);  // seven files, the CSL alone makes over ten lists
  ScreenOptions options;
  options.db_path = db_path;
  options.rules_dir = testing::MakeRules(
      dir, {{"r.textproto", std::string(testing::kTestScoring) +
                                "rule { id: \"listed\" description: \"d\" category: "
                                "SECONDARY_SANCTIONS weight: 50 listed_party {} }"}});
  options.out_path = dir.File("out.scores");
  options.as_of = "2025-12-01";
  ScreenReport report;
  REQUIRE(RunScreen(options, &report).ok());
  std::unique_ptr<ScoreReader> reader;
  REQUIRE(ScoreReader::Open(options.out_path, &reader).ok());
  std::set<std::string> found;
  scores::ScoreRecord record;
  while (reader->Next(&record)) {
    if (!record.has_shipment()) continue;
    std::string list_id = record.shipment().shipment_id().substr(2);
    for (const auto& hit : record.shipment().hits()) {
      for (const auto& evidence : hit.evidence()) {
        if (evidence.list_match().list_id() == list_id) found.insert(list_id);
      }
    }
  }
  for (const std::string& list_id : list_ids) {
    INFO("list " << list_id);
    CHECK(found.count(list_id) == 1);
  }
}

}  // namespace
}  // namespace corridor
