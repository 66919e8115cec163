// Security incidents at scale: imports a synthetic ACLED export of N events (default 20,000,
// spread over Pakistan and Afghanistan: several years of ACLED's volume for the two), imports it
// again (no change), then times leg lookups with the grid index against a scan of every incident.
//
//   build/incidents_bench [EVENTS] [QUERIES]
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <string>

#include "engine/incidents/acled_import.h"
#include "engine/incidents/geo.h"
#include "engine/incidents/incidents.h"
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
  int64_t events = argc > 1 ? std::stoll(argv[1]) : 20000;
  int64_t queries = argc > 2 ? std::stoll(argv[2]) : 100000;
  std::setvbuf(stdout, nullptr, _IONBF, 0);
  std::string dir = std::filesystem::temp_directory_path() / "corridor-incidents-bench";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  std::string csv = dir + "/events.csv", db_path = dir + "/bench.db";

  std::mt19937 random(42);
  std::uniform_real_distribution<double> lat(24, 37), lon(61, 75), unit(0, 1);
  const char* kAdmin1[] = {"Balochistan", "Khyber Pakhtunkhwa", "Sindh", "Punjab", "Kabul"};
  const char* kTypes[][2] = {{"Battles", "Armed clash"},
                             {"Explosions/Remote violence", "Suicide bomb"},
                             {"Explosions/Remote violence", "Remote explosive/landmine/IED"},
                             {"Violence against civilians", "Attack"},
                             {"Protests", "Peaceful protest"}};
  {
    std::ofstream out(csv);
    out << "event_id_cnty,event_date,country,admin1,location,latitude,longitude,event_type,"
           "sub_event_type,actor1,fatalities,notes,source\n";
    for (int64_t i = 0; i < events; ++i) {
      int type = static_cast<int>(unit(random) * 5);
      int admin = static_cast<int>(unit(random) * 5);
      char date[64];
      std::snprintf(date, sizeof(date), "20%02d-%02d-%02d", 20 + static_cast<int>(unit(random) * 6),
                    1 + static_cast<int>(unit(random) * 12),
                    1 + static_cast<int>(unit(random) * 28));
      out << "BENCH" << i << "," << date << "," << (admin == 4 ? "Afghanistan" : "Pakistan") << ","
          << kAdmin1[admin] << ",Place " << i % 997 << "," << lat(random) << "," << lon(random)
          << "," << kTypes[type][0] << "," << kTypes[type][1] << ",Armed group,"
          << static_cast<int>(unit(random) * unit(random) * 12)
          << ",\"Gunmen attacked a convoy of Chinese engineers and soldiers near the port\","
          << "Synthetic\n";
    }
  }
  std::unique_ptr<Database> db;
  Check(Database::OpenWritable(db_path, &db));
  Check(CreateInputSchema(db.get()));
  db.reset();

  auto start = std::chrono::steady_clock::now();
  IncidentImportReport report;
  Check(ImportAcledIncidents(db_path, csv, &report));
  double import_seconds = Seconds(start);
  start = std::chrono::steady_clock::now();
  IncidentImportReport again;
  Check(ImportAcledIncidents(db_path, csv, &again));
  double reimport_seconds = Seconds(start);
  std::printf(
      "import %lld events: %.2f s (%.0f rows/s), %lld added; again: %.2f s, %lld unchanged\n",
      static_cast<long long>(report.rows), import_seconds, report.rows / import_seconds,
      static_cast<long long>(report.added), reimport_seconds,
      static_cast<long long>(again.unchanged));

  Check(Database::OpenReadOnly(db_path, &db));
  std::vector<SecurityIncident> incidents;
  std::vector<DataProblem> problems;
  start = std::chrono::steady_clock::now();
  Check(LoadSecurityIncidents(db.get(), &incidents, &problems));
  std::printf("load %zu incidents: %.3f s\n", incidents.size(), Seconds(start));

  for (double radius : {25.0, 50.0, 100.0}) {
    start = std::chrono::steady_clock::now();
    IncidentIndex index(&incidents, radius);
    double build = Seconds(start);
    std::vector<std::pair<double, double>> points;
    for (int64_t q = 0; q < queries; ++q) points.emplace_back(lat(random), lon(random));
    size_t found = 0;
    start = std::chrono::steady_clock::now();
    for (const auto& [a, b] : points) found += index.Near(a, b).size();
    double grid = Seconds(start);
    int64_t scans = std::min<int64_t>(queries, 2000);
    size_t scan_found = 0, grid_found = 0;
    start = std::chrono::steady_clock::now();
    for (int64_t q = 0; q < scans; ++q) {
      scan_found += index.NearByScan(points[q].first, points[q].second).size();
    }
    double scan = Seconds(start);
    for (int64_t q = 0; q < scans; ++q)
      grid_found += index.Near(points[q].first, points[q].second).size();
    std::printf(
        "radius %3.0f km: index built in %.3f s; %lld leg lookups %.2f s (%.2f us each, %.1f "
        "incidents found per leg); scan %.0f us each (%s on %lld legs)\n",
        radius, build, static_cast<long long>(queries), grid, 1e6 * grid / queries,
        static_cast<double>(found) / queries, 1e6 * scan / scans,
        scan_found == grid_found ? "same results" : "DIFFERENT RESULTS",
        static_cast<long long>(scans));
  }
  std::filesystem::remove_all(dir);
  return 0;
}
