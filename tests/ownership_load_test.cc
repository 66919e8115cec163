// Loading the ownership graph from an input database.
#include "engine/ownership/ownership_load.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace corridor {
namespace {

// A fresh input database in the temporary folder, removed at the end.
struct TempDatabase {
  std::string path;
  std::unique_ptr<Database> db;
  explicit TempDatabase(const std::string& name) {
    path = (std::filesystem::temp_directory_path() / ("corridor_" + name + ".db")).string();
    std::filesystem::remove(path);
    REQUIRE(Database::OpenWritable(path, &db).ok());
    REQUIRE(CreateInputSchema(db.get()).ok());
  }
  ~TempDatabase() {
    db.reset();
    std::filesystem::remove(path);
  }
};

std::vector<std::string> Texts(const std::vector<OwnershipProblem>& problems) {
  std::vector<std::string> out;
  for (const OwnershipProblem& problem : problems) out.push_back(ToString(problem));
  return out;
}

TEST_CASE("LoadOwnershipGraph reads ownership rows and list links and reports bad rows",
          "[ownership]") {
  TempDatabase temp("ownership_load");
  REQUIRE(temp.db
              ->Execute(R"sql(
    INSERT INTO entity (entity_id, kind, name) VALUES
      ('RU1', 'company', 'Listed Group'), ('HK1', 'company', 'HK Holding'),
      ('KZ1', 'company', 'KZ Trading House'), ('CN1', 'company', 'Idle Factory');
    INSERT INTO ownership (owner_id, owned_id, share, control, as_of) VALUES
      ('RU1', 'HK1', 80, 0, '2025-01-10'),
      ('HK1', 'KZ1', 60, 0, '2025-01-10'),
      ('RU1', 'KZ1', NULL, 1, NULL),
      ('RU1', 'XX9', 10, 0, NULL),
      ('HK1', 'KZ1', 150, 0, NULL),
      ('KZ1', 'KZ1', 10, 0, NULL),
      ('HK1', 'CN1', 'ten', 0, NULL),
      ('', 'CN1', 5, 0, NULL),
      ('HK1', 'CN1', 20, 0, '10/01/2025');
    INSERT INTO list_entry (list_id, entry_id, name) VALUES
      ('sdn', '100', 'PARENT'), ('sdn', '200', 'SUBSIDIARY'), ('eu', '7', 'OTHER');
    INSERT INTO list_link (list_id, entry_id, kind, target_list_id, target_entry_id, target_name,
                           share, as_of) VALUES
      ('sdn', '100', 'ownership', 'sdn', '200', 'SUBSIDIARY', 51, '2024-05'),
      ('sdn', '100', 'linked_to', 'sdn', '200', 'SUBSIDIARY', NULL, NULL),
      ('sdn', '100', 'ownership', NULL, NULL, 'SOME LLC', 100, NULL),
      ('sdn', '200', 'ownership', 'sdn', '999', 'GHOST', 100, NULL),
      ('eu', '7', 'ownership', 'sdn', '200', 'SUBSIDIARY', 10, NULL);
  )sql")
              .ok());
  OwnershipGraph graph;
  std::vector<OwnershipProblem> problems;
  REQUIRE(LoadOwnershipGraph(temp.db.get(), OwnershipLoadOptions(), &graph, &problems).ok());
  CHECK(Texts(problems) ==
        std::vector<std::string>{
            "ownership row 4 (RU1 -> XX9) owned_id: no entity \"XX9\"; skipped",
            "ownership row 5 (HK1 -> KZ1) share: 150 is outside 0..100; skipped",
            "ownership row 6 (KZ1 -> KZ1) owned_id: self-ownership ignored",
            "ownership row 7 (HK1 -> CN1) share: \"ten\" is not a number; skipped",
            "ownership row 8 ( -> CN1) owner_id: missing; skipped",
            "ownership row 9 (HK1 -> CN1) as_of: \"10/01/2025\" is not an ISO "
            "date; undated",
            "list_link sdn:100 row 3 target_entry_id: target \"SOME LLC\" not "
            "resolved to a list entry; skipped",
            "list_link sdn:200 row 4 target_entry_id: no list entry sdn:999; "
            "skipped",
        });
  REQUIRE(graph.finalized());
  CHECK(graph.node_count() == 7);  // 4 entities, 3 list entries
  CHECK(graph.edge_count() == 6);
  const NodeId kz = graph.Find("entity:KZ1");
  REQUIRE(kz != kNoNode);
  REQUIRE(graph.InEdges(kz).size() == 2);
  CHECK(graph.InEdges(kz)[0].record_id == 2);  // HK1 -> KZ1 (owners in node order)
  CHECK_FALSE(graph.InEdges(kz)[1].share_percent.has_value());
  CHECK(graph.InEdges(kz)[1].control);
  CHECK(graph.Find("entity:CN1") != kNoNode);
  const NodeId subsidiary = graph.Find(ListNodeName("sdn", "200"));
  REQUIRE(graph.InEdges(subsidiary).size() == 2);

  OwnershipAnalysis analysis =
      Analyze(graph, {graph.Find(EntityNodeName("RU1")), graph.Find(ListNodeName("sdn", "100"))},
              OwnershipRegime::Ofac());
  CHECK(analysis.Result(kz).status == OwnershipStatus::kBlocked);
  CHECK(analysis.Result(kz).effective_listed_share == Approx(48));
  CHECK(analysis.Result(subsidiary).status == OwnershipStatus::kBlocked);
  CHECK(analysis.Result(graph.Find("entity:CN1")).status == OwnershipStatus::kNotBlocked);

  SECTION("a list filter keeps only that list's links") {
    OwnershipGraph eu_only;
    std::vector<OwnershipProblem> eu_problems;
    OwnershipLoadOptions options;
    options.load_ownership_table = false;
    options.list_ids = {"eu"};
    REQUIRE(LoadOwnershipGraph(temp.db.get(), options, &eu_only, &eu_problems).ok());
    CHECK(eu_problems.empty());
    CHECK(eu_only.edge_count() == 1);
  }
}

TEST_CASE("LoadOwnershipGraph fails on a database without the input tables", "[ownership]") {
  const std::string path =
      (std::filesystem::temp_directory_path() / "corridor_ownership_empty.db").string();
  std::filesystem::remove(path);
  std::unique_ptr<Database> db;
  REQUIRE(Database::OpenWritable(path, &db).ok());
  OwnershipGraph graph;
  std::vector<OwnershipProblem> problems;
  Status status = LoadOwnershipGraph(db.get(), OwnershipLoadOptions(), &graph, &problems);
  CHECK_FALSE(status.ok());
  CHECK(status.message() == path + ": no table entity (not a corridor database?)");
  db.reset();
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace corridor
