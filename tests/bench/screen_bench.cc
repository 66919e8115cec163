// Screening throughput on a synthetic batch: N shipments (default 200,000), each with three
// parties drawn from a pool of entities (some on a 20,000-entry watch list, a few on a 100-entry
// forced-labour list), two items and three legs, screened with the bundled rules. Prints the time
// to build the database, the time to screen, shipments per second and the peak resident memory.
//
//   build/screen_bench [SHIPMENTS] [RULES_DIR or -] [THREADS]
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <random>
#include <string>

#include "engine/screen/screen_run.h"
#include "engine/store/database.h"

using namespace corridor;

namespace {

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

void Check(const Status& status) {
  if (!status.ok()) {
    std::cerr << status.message() << "\n";
    std::exit(1);
  }
}

}  // namespace

int main(int argc, char** argv) {
  int64_t shipments = argc > 1 ? std::stoll(argv[1]) : 200000;
  std::string rules = argc > 2 && std::string(argv[2]) != "-"
                          ? argv[2]
                          : std::string(CORRIDOR_SOURCE_DIR) + "/rules";
  int threads = argc > 3 ? std::stoi(argv[3]) : 1;
  std::string dir = std::filesystem::temp_directory_path() / "corridor-screen-bench";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  std::string db_path = dir + "/bench.db";

  auto start = std::chrono::steady_clock::now();
  {
    std::unique_ptr<Database> db;
    Check(Database::OpenWritable(db_path, &db));
    Check(CreateInputSchema(db.get()));
    Check(db->Execute("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; BEGIN"));
    Check(
        db->Execute("INSERT INTO list_source (list_id, version) VALUES ('ofac-sdn', 'bench'),"
                    " ('uflpa', 'bench')"));
    Check(
        db->Execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100)"
                    " INSERT INTO list_entry (list_id, entry_id, name, programs)"
                    " SELECT 'uflpa', i, 'Xinjiang Supplier ' || i, 'UFLPA' FROM n"));
    std::unique_ptr<Statement> list, entity, shipment, party, item, leg;
    Check(
        db->Prepare("INSERT INTO list_entry (list_id, entry_id, name, programs) VALUES "
                    "('ofac-sdn', ?1, ?2, 'BENCH')",
                    &list));
    Check(db->Prepare(
        "INSERT INTO entity (entity_id, kind, name, country) VALUES (?1, 'company', ?2, ?3)",
        &entity));
    Check(db->Prepare(
        "INSERT INTO shipment (shipment_id, shipped_on, origin_country, destination_country, "
        "final_destination_country) VALUES (?1, '2025-06-01', 'CN', ?2, ?3)",
        &shipment));
    Check(db->Prepare("INSERT INTO shipment_party VALUES (?1, ?2, ?3)", &party));
    Check(
        db->Prepare("INSERT INTO shipment_item (shipment_id, line, hs_code, origin_country, "
                    "origin_region) VALUES (?1, ?2, ?3, 'CN', ?4)",
                    &item));
    Check(
        db->Prepare("INSERT INTO shipment_leg (shipment_id, seq, location_name, country, region, "
                    "kind) VALUES (?1, ?2, ?3, ?4, ?5, 'inland')",
                    &leg));
    for (int i = 0; i < 20000; ++i) {
      list->BindText(1, std::to_string(i));
      list->BindText(2, "LISTED TRADING HOUSE " + std::to_string(i));
      Check(list->Run());
    }
    const int64_t entities = std::max<int64_t>(shipments / 4, 1000);
    const char* countries[] = {"CN", "KZ", "KG", "PK", "RU", "UZ", "AE", "TR"};
    for (int64_t i = 0; i < entities; ++i) {
      entity->BindText(1, "E" + std::to_string(i));
      // One entity in 500 carries a listed name.
      entity->BindText(2, i % 500 == 0 ? "Listed Trading House " + std::to_string(i % 20000)
                                       : "Corridor Company " + std::to_string(i) + " LLP");
      entity->BindText(3, countries[i % 8]);
      Check(entity->Run());
    }
    std::mt19937_64 random(42);
    const char* hs[] = {"854231", "940360", "520100", "848210", "090230", "845811", "100199"};
    const char* places[] = {"Khorgos", "Khunjerab Pass", "Almaty", "Bishkek", "Kashgar", "Quetta"};
    const char* regions[] = {"KZ-33", "PK-GB", "KZ-75", "KG-GB", "CN-XJ", "PK-BA"};
    for (int64_t s = 0; s < shipments; ++s) {
      char id[32];
      std::snprintf(id, sizeof(id), "S%09lld", static_cast<long long>(s));
      shipment->BindText(1, id);
      shipment->BindText(2, countries[random() % 8]);
      shipment->BindText(3, countries[random() % 8]);
      Check(shipment->Run());
      const char* roles[] = {"shipper", "consignee", "forwarder"};
      for (const char* role : roles) {
        party->BindText(1, id);
        party->BindText(2, "E" + std::to_string(random() % entities));
        party->BindText(3, role);
        Check(party->Run());
      }
      for (int line = 1; line <= 2; ++line) {
        item->BindText(1, id);
        item->BindInt(2, line);
        item->BindText(3, hs[random() % 7]);
        item->BindText(4, random() % 10 == 0 ? "CN-XJ" : "CN-GD");
        Check(item->Run());
      }
      for (int seq = 1; seq <= 3; ++seq) {
        int place = static_cast<int>(random() % 6);
        leg->BindText(1, id);
        leg->BindInt(2, seq);
        leg->BindText(3, places[place]);
        leg->BindText(4, std::string(regions[place]).substr(0, 2));
        leg->BindText(5, regions[place]);
        Check(leg->Run());
      }
    }
    Check(db->Execute("COMMIT"));
  }
  double build_seconds = Seconds(start);

  ScreenOptions options;
  options.db_path = db_path;
  options.rules_dir = rules;
  options.out_path = dir + "/bench.scores";
  options.as_of = "2025-12-01";
  options.threads = threads;
  ScreenReport report;
  start = std::chrono::steady_clock::now();
  Check(RunScreen(options, &report));
  double screen_seconds = Seconds(start);
  struct rusage usage;
  getrusage(RUSAGE_SELF, &usage);

  std::printf("shipments            %lld\n", static_cast<long long>(report.summary.shipments()));
  std::printf("threads              %d\n", threads);
  std::printf("decisions            clear %lld, review %lld, hold %lld, block %lld\n",
              static_cast<long long>(report.summary.clear()),
              static_cast<long long>(report.summary.review()),
              static_cast<long long>(report.summary.hold()),
              static_cast<long long>(report.summary.block()));
  std::printf("build database       %.2f s\n", build_seconds);
  std::printf("screen               %.2f s\n", screen_seconds);
  std::printf("throughput           %.0f shipments/s\n",
              report.summary.shipments() / screen_seconds);
  std::printf("output               %.1f MB\n", std::filesystem::file_size(options.out_path) / 1e6);
  std::printf("peak RSS             %.1f MB\n", usage.ru_maxrss / 1024.0);
  std::filesystem::remove_all(dir);
  return 0;
}
