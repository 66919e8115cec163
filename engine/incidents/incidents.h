// Security incidents: the `security_incident` table of the input database (schemas/input.sql),
// read once per run by the security_incident rule kind, and the small pieces of arithmetic the
// importer and the rule share (dates as day numbers, great-circle distance, severity).
#ifndef CORRIDOR_ENGINE_INCIDENTS_INCIDENTS_H_
#define CORRIDOR_ENGINE_INCIDENTS_INCIDENTS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/base/date.h"  // DayNumber
#include "engine/base/status.h"
#include "engine/load/records.h"
#include "engine/store/database.h"

namespace corridor {

struct SecurityIncident {
  std::string incident_id;
  std::string event_date;  // YYYY-MM-DD
  int64_t day = 0;         // DayNumber(event_date)
  std::string country;     // ISO 3166-1 alpha-2
  OptionalText region;     // ISO 3166-2
  OptionalText location_name;
  std::optional<double> latitude;  // both set or both unset
  std::optional<double> longitude;
  std::string kind;
  OptionalText sub_kind;
  int severity = 1;  // 1..5
  int64_t fatalities = 0;
  OptionalText actor;
  std::vector<std::string> targets;               // foreign_nationals, security_forces, ...
  std::vector<std::string> target_nationalities;  // ISO alpha-2
  OptionalText notes;
  OptionalText source;

  bool has_coordinates() const { return latitude.has_value() && longitude.has_value(); }
  bool TargetsForeignNationals() const;
};

// Days since 1970-01-01 of a full ISO 8601 date (YYYY-MM-DD); nullopt when it is not one.

// Great-circle distance in km between two WGS 84 points (haversine, mean Earth radius 6371 km).
double HaversineKm(double lat1, double lon1, double lat2, double lon2);

// The severity scale of schemas/input.sql, 1..5: the higher of the level the event type implies
// and the level the fatalities imply. Event types and sub-event types are ACLED's
// (case-insensitive); unknown types count as violence (2).
//   type:       Protests, Strategic developments -> 1; Riots, Battles, Violence against
//               civilians, Explosions/Remote violence -> 2; sub-type Suicide bomb -> 3
//   fatalities: 0 -> 0; 1..4 -> 3; 5..19 -> 4; 20 or more -> 5
int DeriveSeverity(std::string_view event_type, std::string_view sub_event_type,
                   int64_t fatalities);

// Reads every row of `security_incident`. Returns an error naming the database when the table
// (or one of its columns) is missing. Rows with an unusable value (a date that is not
// YYYY-MM-DD, a severity outside 1..5, one coordinate without the other or out of range) are
// skipped and reported in `problems` (table security_incident, the incident_id); an unknown
// region is dropped with a problem and the row kept.
Status LoadSecurityIncidents(Database* db, std::vector<SecurityIncident>* incidents,
                             std::vector<DataProblem>* problems);

}  // namespace corridor

#endif  // CORRIDOR_ENGINE_INCIDENTS_INCIDENTS_H_
