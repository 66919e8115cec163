// The ACLED importer: the header check, rejected rows with file:line, re-imports that add
// nothing, the country, region, date, severity and target derivations, the command line.
#include <catch2/catch.hpp>

#include "engine/base/strings.h"
#include "engine/incidents/acled_import.h"
#include "engine/incidents/incidents.h"
#include "tests/test_util.h"

namespace corridor {
namespace {

using testing::MakeDatabase;
using testing::RunCorridor;
using testing::SourceFile;
using testing::TempDir;
using testing::WriteText;

const char* kHeader =
    "event_id_cnty,event_date,country,admin1,location,latitude,longitude,event_type,"
    "sub_event_type,actor1,fatalities,notes,source,iso,extra\n";

std::vector<SecurityIncident> Incidents(const std::string& db_path) {
  std::unique_ptr<Database> db;
  REQUIRE(Database::OpenReadOnly(db_path, &db).ok());
  std::vector<SecurityIncident> incidents;
  std::vector<DataProblem> problems;
  REQUIRE(LoadSecurityIncidents(db.get(), &incidents, &problems).ok());
  CHECK(problems.empty());
  return incidents;
}

TEST_CASE("acled import: rows become incidents, bad rows are rejected with file:line",
          "[acled-import]") {
  TempDir dir;
  std::string db = MakeDatabase(dir, "");
  std::string csv = dir.File("events.csv");
  WriteText(csv,
            std::string(kHeader) +
                "PAK1,2024-03-26,Pakistan,Khyber Pakhtunkhwa,Besham,34.92,72.87,Explosions/"
                "Remote violence,Suicide bomb,Unidentified Armed Group (Pakistan),7,"
                "\"A suicide bomber hit a convoy of Chinese engineers; five Chinese nationals "
                "and their Pakistani driver were killed.\",Reuters,586,x\n"
                "PAK2,06 October 2024,Pakistan,Sindh,Karachi,24.90,67.16,Explosions/Remote "
                "violence,Suicide bomb,BLA,3,Attack on a convoy of foreigners near the airport,"
                ",586,x\n"
                "PAK3,2024-13-01,Pakistan,Sindh,Karachi,24.9,67.1,Battles,Armed clash,X,0,,,586,x\n"
                "PAK4,2024-01-01,Atlantis,Sindh,Karachi,24.9,67.1,Battles,Armed clash,X,0,,,,x\n"
                "PAK5,2024-01-01,Pakistan,Sindh,Karachi,north,67.1,Battles,Armed clash,X,0,,,,x\n"
                "PAK6,2024-01-01,Pakistan,Sindh,Karachi,24.9,67.1,Battles,Armed clash,X,two,,,,x\n"
                "PAK7,2024-01-01,Pakistan,Sindh,Karachi,24.9,67.1,,Armed clash,X,0,,,,x\n"
                "PAK8,2024-01-01,Pakistan,Sindh\n"
                "PAK9,2024-01-01,Pakistan,Sindh,Karachi,94.9,67.1,Battles,Armed clash,X,0,,,,x\n"
                ",2024-05-01,Unknownland,Quetta Division,Quetta,,,Protests,Peaceful protest,"
                "Protesters (Pakistan),0,Traders protested at the Soldiers Bazaar,,586,x\n"
                // From a review (2026-12-07): a second row of PAK1 with other values replaced
                // the bombing ("1 updated"); hexadecimal degrees were read as decimal.
                "PAK1,2024-03-27,Pakistan,Balochistan,Quetta,30.18,66.99,Protests,Peaceful "
                "protest,Protesters (Pakistan),0,a different event,,586,x\n"
                "PAK2,06 October 2024,Pakistan,Sindh,Karachi,24.90,67.16,Explosions/Remote "
                "violence,Suicide bomb,BLA,3,Attack on a convoy of foreigners near the airport,"
                ",586,x\n"
                "PAK10,2024-01-01,Pakistan,Sindh,Karachi,0x18,0x43,Battles,Armed clash,X,0,,,,x\n");
  IncidentImportReport report;
  REQUIRE(ImportAcledIncidents(db, csv, &report).ok());
  CHECK(report.rows == 13);
  CHECK(report.added == 3);
  CHECK(report.unchanged == 1);  // PAK2 again, the same values
  CHECK(report.rejected == 9);
  CHECK(report.without_region == 1);
  CHECK(report.rejects ==
        std::vector<std::string>{
            csv + ":4: event_date is not a date (YYYY-MM-DD or '06 October 2024'): '2024-13-01'",
            csv + ":5: unknown country 'Atlantis'",
            csv + ":6: latitude and longitude must both be decimal numbers: 'north', '67.1'",
            csv + ":7: fatalities must be a whole number of at least 0: 'two'",
            csv + ":8: event_type is empty",
            csv + ":9: expected 15 fields as in the header, found 4",
            csv + ":10: coordinates out of range: 94.9, 67.1",
            csv + ":12: incident \"PAK1\" is on line 2 with other values; the first row is kept",
            csv + ":14: latitude and longitude must both be decimal numbers: '0x18', '0x43'"});
  std::vector<SecurityIncident> incidents = Incidents(db);
  REQUIRE(incidents.size() == 3);
  const SecurityIncident& besham = incidents[0];
  CHECK(besham.incident_id == "PAK1");
  CHECK(besham.event_date == "2024-03-26");
  CHECK(besham.country == "PK");
  CHECK(besham.region == std::optional<std::string>("PK-KP"));
  CHECK(*besham.latitude == 34.92);
  CHECK(besham.severity == 4);
  CHECK(besham.fatalities == 7);
  CHECK(besham.targets == std::vector<std::string>{"foreign_nationals", "convoy"});
  CHECK(besham.target_nationalities == std::vector<std::string>{"CN"});
  CHECK(besham.source == std::optional<std::string>("Reuters"));
  const SecurityIncident& karachi = incidents[1];
  CHECK(karachi.event_date == "2024-10-06");
  CHECK(karachi.region == std::optional<std::string>("PK-SD"));
  CHECK(karachi.severity == 3);
  CHECK(karachi.targets ==
        std::vector<std::string>{"foreign_nationals", "convoy", "infrastructure"});
  CHECK(karachi.target_nationalities.empty());
  CHECK_FALSE(karachi.source);
  // No event_id_cnty: keyed on a digest; the country from the numeric iso column; the admin1
  // name is not in the table (no region); "Soldiers Bazaar" is a place, but the word counts.
  const SecurityIncident& protest = incidents[2];
  CHECK(protest.incident_id.rfind("sha256:", 0) == 0);
  CHECK(protest.incident_id.size() == 7 + 16);
  CHECK(protest.country == "PK");
  CHECK_FALSE(protest.region);
  CHECK_FALSE(protest.has_coordinates());
  CHECK(protest.severity == 1);
}

TEST_CASE("acled import: importing the same file again adds nothing, a corrected row updates",
          "[acled-import]") {
  TempDir dir;
  std::string db = MakeDatabase(dir, "");
  IncidentImportReport first, second, third;
  std::string samples = SourceFile("samples/incidents_acled.csv");
  REQUIRE(ImportAcledIncidents(db, samples, &first).ok());
  CHECK(first.rejected == 0);
  CHECK(first.added == first.rows);
  CHECK(first.added >= 6);
  REQUIRE(ImportAcledIncidents(db, samples, &second).ok());
  CHECK(second.added == 0);
  CHECK(second.unchanged == first.rows);
  CHECK(Incidents(db).size() == static_cast<size_t>(first.added));

  std::string csv = dir.File("e.csv");
  std::string row =
      "PAK1,2024-03-26,Pakistan,Khyber Pakhtunkhwa,Besham,34.92,72.87,Battles,"
      "Armed clash,X,%s,,,586,x\n";
  WriteText(csv, kHeader + row.replace(row.find("%s"), 2, "1"));
  REQUIRE(ImportAcledIncidents(db, csv, &third).ok());
  CHECK(third.added == 1);
  WriteText(csv, kHeader + row.replace(row.find(",1,"), 3, ",6,"));
  REQUIRE(ImportAcledIncidents(db, csv, &third).ok());
  CHECK(third.updated == 1);
  CHECK(third.added == 0);
  bool found = false;
  for (const SecurityIncident& incident : Incidents(db)) {
    if (incident.incident_id != "PAK1") continue;
    found = true;
    CHECK(incident.fatalities == 6);
    CHECK(incident.severity == 4);
  }
  CHECK(found);
}

TEST_CASE("acled import: a file that is not ACLED layout fails fast and changes nothing",
          "[acled-import]") {
  TempDir dir;
  std::string db = MakeDatabase(dir, "");
  std::string csv = dir.File("not_acled.csv");
  WriteText(csv, "date,country,place,lat,lon\n2024-01-01,Pakistan,Quetta,30.1,67.0\n");
  IncidentImportReport report;
  Status status = ImportAcledIncidents(db, csv, &report);
  CHECK(status.message() ==
        csv +
            ":1: not an ACLED event file: expected a header row naming event_date, country, "
            "admin1, location, latitude, longitude, event_type, sub_event_type, actor1, "
            "fatalities, notes (missing: event_date, admin1, location, latitude, longitude, "
            "event_type, sub_event_type, actor1, fatalities, notes)");
  CHECK(Incidents(db).empty());
  CHECK(ImportAcledIncidents(db, dir.File("none.csv"), &report).message() ==
        dir.File("none.csv") + ": cannot read file");
  CHECK(
      ImportAcledIncidents(dir.File("none.db"), SourceFile("samples/incidents_acled.csv"), &report)
          .message() ==
      dir.File("none.db") + ": no such database file (create it with `corridor init`)");
}

TEST_CASE("acled import: header names in any case and order after a byte-order mark",
          "[acled-import]") {
  // docs/incidents.md: required columns in any order, names case-insensitive, a UTF-8 BOM
  // ignored (a spreadsheet's "CSV UTF-8" export starts with one).
  TempDir dir;
  std::string db = MakeDatabase(dir, "");
  std::string csv = dir.File("exported.csv");
  WriteText(csv,
            "\xEF\xBB\xBF"
            "Event_Date,NOTES,Country,Admin1,Location,Longitude,Latitude,Event_Type,"
            "Sub_Event_Type,Actor1,Fatalities,EVENT_ID_CNTY\n"
            "2024-03-26,A convoy of Chinese engineers was attacked,Pakistan,Khyber Pakhtunkhwa,"
            "Besham,72.87,34.92,Explosions/Remote violence,Suicide bomb,X,7,PAK1\n");
  IncidentImportReport report;
  Status status = ImportAcledIncidents(db, csv, &report);
  INFO(status.message());
  REQUIRE(status.ok());
  CHECK(report.added == 1);
  CHECK(report.rejected == 0);
  std::vector<SecurityIncident> incidents = Incidents(db);
  REQUIRE(incidents.size() == 1);
  CHECK(incidents[0].incident_id == "PAK1");
  CHECK(incidents[0].event_date == "2024-03-26");
  CHECK(*incidents[0].latitude == 34.92);
  CHECK(*incidents[0].longitude == 72.87);
  CHECK(incidents[0].region == std::optional<std::string>("PK-KP"));
  CHECK(incidents[0].target_nationalities == std::vector<std::string>{"CN"});
}

TEST_CASE("acled import: an old database gets the incident table", "[acled-import]") {
  TempDir dir;
  std::string path = dir.File("old.db");
  {
    std::unique_ptr<Database> db;
    REQUIRE(Database::OpenWritable(path, &db).ok());
    REQUIRE(db->Execute("CREATE TABLE shipment (shipment_id TEXT PRIMARY KEY)").ok());
  }
  IncidentImportReport report;
  REQUIRE(ImportAcledIncidents(path, SourceFile("samples/incidents_acled.csv"), &report).ok());
  CHECK(Incidents(path).size() == static_cast<size_t>(report.added));
}

TEST_CASE("acled import: country names, regions, dates and targets", "[acled-import]") {
  CHECK(CountryCodeFromName("Pakistan") == std::optional<std::string>("PK"));
  CHECK(CountryCodeFromName(" kyrgyzstan ") == std::optional<std::string>("KG"));
  CHECK(CountryCodeFromName("Russia") == std::optional<std::string>("RU"));
  CHECK(CountryCodeFromName("Turkey") == std::optional<std::string>("TR"));
  CHECK(CountryCodeFromName("Democratic Republic of Congo") == std::optional<std::string>("CD"));
  CHECK_FALSE(CountryCodeFromName("Balochistan"));
  CHECK(CountryCodeFromNumeric("586") == std::optional<std::string>("PK"));
  CHECK(CountryCodeFromNumeric("156") == std::optional<std::string>("CN"));
  CHECK(CountryCodeFromNumeric("398") == std::optional<std::string>("KZ"));
  CHECK_FALSE(CountryCodeFromNumeric("150"));  // Europe, a continent
  CHECK_FALSE(CountryCodeFromNumeric("PK"));
  CHECK(RegionCodeFromAdmin1("PK", "Balochistan") == std::optional<std::string>("PK-BA"));
  CHECK(RegionCodeFromAdmin1("PK", "Gilgit-Baltistan") == std::optional<std::string>("PK-GB"));
  CHECK(RegionCodeFromAdmin1("CN", "Xinjiang") == std::optional<std::string>("CN-XJ"));
  CHECK(RegionCodeFromAdmin1("KZ", "Almaty") == std::optional<std::string>("KZ-75"));
  CHECK(RegionCodeFromAdmin1("KG", "Osh City") == std::optional<std::string>("KG-GO"));
  CHECK(RegionCodeFromAdmin1("AF", "Kandahar") == std::optional<std::string>("AF-KAN"));
  CHECK_FALSE(RegionCodeFromAdmin1("KZ", "Balochistan"));
  CHECK(ParseAcledDate("2024-10-06") == std::optional<std::string>("2024-10-06"));
  CHECK(ParseAcledDate("6 October 2024") == std::optional<std::string>("2024-10-06"));
  CHECK(ParseAcledDate("26 Mar 2024") == std::optional<std::string>("2024-03-26"));
  CHECK_FALSE(ParseAcledDate("31 February 2024"));
  CHECK_FALSE(ParseAcledDate("10/06/2024"));

  auto derive = [](const std::string& notes, const std::string& country = "PK") {
    std::vector<std::string> targets, nationalities;
    DeriveTargets(notes, country, &targets, &nationalities);
    return Join(targets, ";") + "|" + Join(nationalities, ";");
  };
  CHECK(derive("killing three Chinese teachers and their Pakistani driver") ==
        "foreign_nationals|CN");
  CHECK(derive("a convoy of Chinese engineers") == "foreign_nationals;convoy|CN");
  CHECK(derive("Russian and Chinese nationals were wounded") == "foreign_nationals|RU;CN");
  CHECK(derive("two Chinese nationals and an Uzbek worker") == "foreign_nationals|CN;UZ");
  CHECK(derive("a Chinese-funded dam site") == "infrastructure|");  // no people named
  CHECK(derive("Afghan Taliban fighters clashed with soldiers") == "security_forces|");
  CHECK(derive("gunmen killed foreign nationals") == "foreign_nationals|");
  CHECK(derive("an attack on Pakistani workers") == "|");  // nationals of the incident's country
  CHECK(derive("attack on Pakistani workers", "AF") == "foreign_nationals|PK");
  CHECK(derive("militants attacked a Frontier Corps post") == "security_forces|");
}

TEST_CASE("import-incidents on the command line", "[acled-import]") {
  TempDir dir;
  std::string db = MakeDatabase(dir, "");
  std::string samples = SourceFile("samples/incidents_acled.csv");
  auto result =
      RunCorridor(dir, "import-incidents --db " + db + " --format acled --path " + samples);
  CHECK(result.exit_code == 0);
  CHECK(result.out.find(" 0 rejected") != std::string::npos);
  result = RunCorridor(dir, "import-incidents --db " + db + " --format gdelt --path " + samples);
  CHECK(result.exit_code == 2);
  CHECK(result.err == "corridor import-incidents: unknown --format 'gdelt' (acled)\n");
  CHECK(RunCorridor(dir, "import-incidents --db " + db).exit_code == 2);
  WriteText(dir.File("x.csv"), "a,b\n1,2\n");
  result = RunCorridor(
      dir, "import-incidents --db " + db + " --format acled --path " + dir.File("x.csv"));
  CHECK(result.exit_code == 1);
  CHECK(result.err.find("not an ACLED event file") != std::string::npos);
}

}  // namespace
}  // namespace corridor
