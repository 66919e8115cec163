// Importing security incidents from an ACLED event export (CSV) into the input database's
// security_incident table (docs/incidents.md).
//
//   IncidentImportReport report;
//   Status s = ImportAcledIncidents("company.db", "acled_pakistan.csv", &report);
//   for (const std::string& reject : report.rejects) std::cerr << reject << "\n";
//
// The file must have a header row naming at least event_date, country, admin1, location,
// latitude, longitude, event_type, sub_event_type, actor1, fatalities, notes; event_id_cnty,
// source, iso and civilian_targeting are used when present, other columns are ignored. All rows
// are written in one transaction. A malformed row is rejected (`file:line: reason`) and counted;
// the rest load. Incidents are keyed on event_id_cnty, or else on a digest of the row, so
// importing the same file again adds nothing.
#ifndef CORRIDOR_ENGINE_INCIDENTS_ACLED_IMPORT_H_
#define CORRIDOR_ENGINE_INCIDENTS_ACLED_IMPORT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/base/status.h"

namespace corridor {

struct IncidentImportReport {
  int64_t rows = 0;       // data rows read
  int64_t added = 0;      // new incidents
  int64_t updated = 0;    // incidents already present whose values changed
  int64_t unchanged = 0;  // incidents already present as they are
  int64_t rejected = 0;
  int64_t without_region = 0;        // loaded, but admin1 did not map to an ISO 3166-2 code
  std::vector<std::string> rejects;  // "file:line: reason", in file order
};

// Imports `csv_path` into the existing corridor database `db_path`, creating the
// security_incident table when the database predates it. Returns an error (and changes nothing)
// when a file cannot be read, the database is not a corridor input database, or the header is not
// ACLED's.
Status ImportAcledIncidents(const std::string& db_path, const std::string& csv_path,
                            IncidentImportReport* report);

// ISO 3166-1 alpha-2 code of an English country name as ACLED writes it ("Pakistan", "Kyrgyzstan",
// "Russia"): ICU's English display names, plus the few names where ACLED and ICU differ.
std::optional<std::string> CountryCodeFromName(std::string_view name);
// ISO 3166-1 alpha-2 of an ISO 3166-1 numeric code ("586" -> "PK"), via ICU's region data.
std::optional<std::string> CountryCodeFromNumeric(std::string_view numeric);
// ISO 3166-2 code of a first-level division as ACLED names it ("Khyber Pakhtunkhwa" in PK ->
// "PK-KP"), from a small table for PK, CN, KZ, KG, UZ and AF (docs/incidents.md).
std::optional<std::string> RegionCodeFromAdmin1(const std::string& country,
                                                std::string_view admin1);
// What the notes say was targeted. `targets` gets foreign_nationals, security_forces, convoy,
// infrastructure (in that order, each once); `nationalities` the ISO codes of nationalities other
// than `incident_country` named before a word for people ("Chinese nationals", "Chinese
// engineers"), in order of first mention. docs/incidents.md lists the word tables.
void DeriveTargets(std::string_view notes, const std::string& incident_country,
                   std::vector<std::string>* targets, std::vector<std::string>* nationalities);
// An ACLED date, "2024-10-06" or "06 October 2024", as YYYY-MM-DD; nullopt when neither.
std::optional<std::string> ParseAcledDate(std::string_view text);

}  // namespace corridor

#endif  // CORRIDOR_ENGINE_INCIDENTS_ACLED_IMPORT_H_
