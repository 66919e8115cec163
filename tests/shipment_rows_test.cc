// ShipmentRows (engine/rules/shipment_rows.h): the rules' history scans find each child row's
// shipment without an SQL join; the rows found must be the join's, whatever the rows' order.
#include "engine/rules/shipment_rows.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <optional>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "tests/test_util.h"

namespace corridor {
namespace {

using testing::MakeDatabase;
using testing::TempDir;

std::string Id(int n) {
  std::string id = std::to_string(n);
  return "S-" + std::string(4 - id.size(), '0') + id;
}

TEST_CASE("ShipmentRows finds the shipment the SQL join finds, in any order of rows", "[rules]") {
  // 300 shipments: the first 200 stored in id order, the rest shuffled; every fifth without a
  // date. Items: three per shipment in the shipments' order (as nearly every database stores
  // them), then items in random order, items of shipments that do not exist, an empty id.
  std::mt19937 random(20261205);
  std::vector<int> order(300);
  for (int i = 0; i < 300; ++i) order[i] = i;
  std::shuffle(order.begin() + 200, order.end(), random);
  std::string sql;
  for (int n : order) {
    sql += "INSERT INTO shipment (shipment_id, shipped_on) VALUES ('" + Id(n) + "', " +
           (n % 5 == 0 ? std::string("NULL") : "'2025-01-" + std::to_string(1 + n % 28) + "'") +
           ");\n";
  }
  int line = 0;
  auto item = [&](const std::string& shipment_id) {
    sql += "INSERT INTO shipment_item (shipment_id, line) VALUES ('" + shipment_id + "', " +
           std::to_string(++line) + ");\n";
  };
  for (int n = 0; n < 200; ++n) {
    if (n % 7 == 3) continue;  // a shipment without items
    for (int k = 0; k < 3; ++k) item(Id(n));
  }
  std::uniform_int_distribution<int> any(0, 349);  // 300..349: no such shipment
  for (int k = 0; k < 400; ++k) item(Id(any(random)));
  item("");
  TempDir dir;
  const std::string path = MakeDatabase(dir, sql);
  std::unique_ptr<Database> db;
  REQUIRE(Database::OpenReadOnly(path, &db).ok());

  // What the join gives for each item, in the items' order.
  using Found = std::optional<std::pair<std::string, std::string>>;  // shipment_id, shipped_on
  std::vector<Found> joined;
  std::unique_ptr<Statement> query;
  REQUIRE(db->Prepare("SELECT s.shipment_id, s.shipped_on FROM shipment_item i"
                      " LEFT JOIN shipment s ON s.shipment_id = i.shipment_id ORDER BY i.rowid",
                      &query)
              .ok());
  while (query->Step()) {
    joined.push_back(query->IsNull(0) ? Found() : Found({query->Text(0), query->Text(1)}));
  }
  REQUIRE(query->status().ok());

  std::unique_ptr<ShipmentRows> rows;
  REQUIRE(ShipmentRows::Open(db.get(), "shipped_on", &rows).ok());
  REQUIRE(db->Prepare("SELECT line, shipment_id FROM shipment_item ORDER BY rowid", &query).ok());
  size_t index = 0;
  int missing = 0;
  while (query->Step()) {
    REQUIRE(index < joined.size());
    INFO("item " << query->Int(0) << " of shipment '" << query->Text(1) << "'");
    const Statement* row = rows->Find(*query, 1);
    REQUIRE((row != nullptr) == joined[index].has_value());
    if (row != nullptr) {
      CHECK(row->Text(0) == joined[index]->first);
      CHECK(row->Text(1) == joined[index]->second);
      CHECK(row->IsNull(1) == (joined[index]->second.empty()));
    } else {
      ++missing;
    }
    ++index;
  }
  REQUIRE(query->status().ok());
  CHECK(index == joined.size());
  CHECK(missing > 0);
  CHECK(rows->status().ok());
  // The ordered part is walked, not searched: the first search finds its place (or none).
  const int64_t unordered = 400 + 1;
  CHECK(rows->searches() <= unordered + 1);
}

TEST_CASE("ShipmentRows reads a shipment table without a rowid by searching", "[rules]") {
  TempDir dir;
  const std::string path = dir.File("plain.db");
  {
    std::unique_ptr<Database> db;
    REQUIRE(Database::OpenWritable(path, &db).ok());
    REQUIRE(db->Execute("CREATE TABLE shipment (shipment_id TEXT PRIMARY KEY, shipped_on TEXT)"
                        " WITHOUT ROWID;"
                        "CREATE TABLE shipment_item (shipment_id TEXT, line INTEGER);"
                        "INSERT INTO shipment VALUES ('A', '2025-01-01'), ('B', NULL);"
                        "INSERT INTO shipment_item VALUES ('B', 1), ('A', 2), ('C', 3), (NULL, 4);")
                .ok());
  }
  std::unique_ptr<Database> db;
  REQUIRE(Database::OpenReadOnly(path, &db).ok());
  std::unique_ptr<ShipmentRows> rows;
  REQUIRE(ShipmentRows::Open(db.get(), "shipped_on", &rows).ok());
  std::unique_ptr<Statement> query;
  REQUIRE(db->Prepare("SELECT line, shipment_id FROM shipment_item ORDER BY line", &query).ok());
  std::vector<std::string> found;
  while (query->Step()) {
    const Statement* row = rows->Find(*query, 1);
    found.push_back(row == nullptr ? "-" : row->Text(0) + "=" + row->Text(1));
  }
  CHECK(found == std::vector<std::string>{"B=", "A=2025-01-01", "-", "-"});
  CHECK(rows->status().ok());
}

}  // namespace
}  // namespace corridor
