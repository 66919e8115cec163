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

// From a review, 2026-12-07: a record dated "2025" was read as 2025-12-31 for the as-of filter
// too, so screening on 2025-05-25 dropped it and an owned party cleared. The filter reads a partial
// date as the first day of its period; staleness keeps the last day.
TEST_CASE("A record dated 2025 or 2025-05 is loaded when screening as of 2025-05-25",
          "[ownership]") {
  TempDatabase temp("ownership_partial_as_of");
  REQUIRE(temp.db
              ->Execute(R"sql(
    INSERT INTO entity (entity_id, kind, name) VALUES
      ('RU1', 'company', 'Listed Group'), ('KZ1', 'company', 'KZ Trading House'),
      ('KZ2', 'company', 'KZ Second'), ('KZ3', 'company', 'KZ Third'),
      ('KZ4', 'company', 'KZ Fourth');
    INSERT INTO ownership (owner_id, owned_id, share, control, as_of) VALUES
      ('RU1', 'KZ1', 60, 0, '2025'),
      ('RU1', 'KZ2', 60, 0, '2025-05'),
      ('RU1', 'KZ3', 60, 0, '2025-06'),
      ('RU1', 'KZ4', 60, 0, '2026');
    INSERT INTO list_entry (list_id, entry_id, name) VALUES
      ('sdn', '100', 'PARENT'), ('sdn', '200', 'SUBSIDIARY'), ('sdn', '300', 'LATER');
    INSERT INTO list_link (list_id, entry_id, kind, target_list_id, target_entry_id, target_name,
                           share, as_of) VALUES
      ('sdn', '100', 'ownership', 'sdn', '200', 'SUBSIDIARY', 60, '2025-05'),
      ('sdn', '100', 'ownership', 'sdn', '300', 'LATER', 60, '2025-06');
  )sql")
              .ok());
  OwnershipGraph graph;
  std::vector<OwnershipProblem> problems;
  OwnershipLoadOptions options;
  options.as_of = "2025-05-25";
  REQUIRE(LoadOwnershipGraph(temp.db.get(), options, &graph, &problems).ok());
  CHECK(problems.empty());
  auto held = [&](const std::string& name) -> size_t {
    const NodeId node = graph.Find(name);
    return node == kNoNode ? 0 : graph.InEdges(node).size();
  };
  CHECK(held("entity:KZ1") == 1);  // "2025" may be any day of 2025, 2025-05-25 among them
  CHECK(held("entity:KZ2") == 1);  // "2025-05" likewise
  CHECK(held("entity:KZ3") == 0);  // June 2025 starts after the screening date
  CHECK(held("entity:KZ4") == 0);
  CHECK(held(ListNodeName("sdn", "200")) == 1);
  CHECK(held(ListNodeName("sdn", "300")) == 0);
  // Staleness still reads the end of the period: "2025" is 2025-12-31 there.
  REQUIRE(held("entity:KZ1") == 1);
  CHECK(graph.InEdges(graph.Find("entity:KZ1"))[0].as_of_day == ParseDay("2025-12-31"));
}

// From a review, 2026-12-07: control = 'true' (text in the INTEGER column) was read as 0, no
// control, without a word, and an EU-controlled party cleared. The loader reports it and reads it
// as control, keeping the row and its share.
TEST_CASE("A control value that is not a number is reported and read as control", "[ownership]") {
  TempDatabase temp("ownership_bad_control");
  REQUIRE(temp.db
              ->Execute(R"sql(
    INSERT INTO entity (entity_id, kind, name) VALUES
      ('EU1', 'company', 'Listed Group'), ('KZ1', 'company', 'KZ Trading House'),
      ('KZ2', 'company', 'KZ Second'), ('KZ3', 'company', 'KZ Third'), ('KZ4', 'company', 'KZ4');
    INSERT INTO ownership (owner_id, owned_id, share, control, as_of) VALUES
      ('EU1', 'KZ1', 10, 'true', NULL),
      ('EU1', 'KZ2', 10, 'yes', NULL),
      ('EU1', 'KZ3', 10, 1, NULL),
      ('EU1', 'KZ4', 10, 0, NULL);
  )sql")
              .ok());
  OwnershipGraph graph;
  std::vector<OwnershipProblem> problems;
  REQUIRE(LoadOwnershipGraph(temp.db.get(), OwnershipLoadOptions(), &graph, &problems).ok());
  CHECK(Texts(problems) ==
        std::vector<std::string>{
            "ownership row 1 (EU1 -> KZ1) control: \"true\" is not a number; read as control",
            "ownership row 2 (EU1 -> KZ2) control: \"yes\" is not a number; read as control",
        });
  for (const char* node : {"entity:KZ1", "entity:KZ2"}) {
    REQUIRE(graph.InEdges(graph.Find(node)).size() == 1);
    CHECK(graph.InEdges(graph.Find(node))[0].control);
    CHECK(graph.InEdges(graph.Find(node))[0].share_percent == std::optional<double>(10));
  }
  REQUIRE(graph.InEdges(graph.Find("entity:KZ3")).size() == 1);
  CHECK(graph.InEdges(graph.Find("entity:KZ3"))[0].control);
  REQUIRE(graph.InEdges(graph.Find("entity:KZ4")).size() == 1);
  CHECK_FALSE(graph.InEdges(graph.Find("entity:KZ4"))[0].control);
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
