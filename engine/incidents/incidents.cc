#include "engine/incidents/incidents.h"

#include <algorithm>
#include <cmath>

#include "engine/base/strings.h"
#include "engine/load/input_database.h"

namespace corridor {

namespace {

std::vector<std::string> SplitList(const OptionalText& text) {
  std::vector<std::string> out;
  if (!text) return out;
  // The importer writes lists joined with ';' (no space); hand-made rows may add spaces, hence the
  // trim.
  for (const std::string& piece : Split(*text, ';')) {
    std::string value(Trim(piece));
    if (!value.empty()) out.push_back(value);
  }
  return out;
}

}  // namespace

bool SecurityIncident::TargetsForeignNationals() const {
  return std::find(targets.begin(), targets.end(), "foreign_nationals") != targets.end();
}

double HaversineKm(double lat1, double lon1, double lat2, double lon2) {
  // The mean Earth radius: the haversine on a sphere errs by at most about 0.5% against the
  // ellipsoid, far below what a risk radius of tens of kilometres can resolve.
  constexpr double kEarthRadiusKm = 6371.0;
  constexpr double kRad = M_PI / 180.0;
  double dlat = (lat2 - lat1) * kRad;
  double dlon = (lon2 - lon1) * kRad;
  double a = std::sin(dlat / 2) * std::sin(dlat / 2) + std::cos(lat1 * kRad) *
                                                           std::cos(lat2 * kRad) *
                                                           std::sin(dlon / 2) * std::sin(dlon / 2);
  // min(1, ...) guards asin against rounding that pushes `a` a hair above 1 for antipodal points.
  return 2 * kEarthRadiusKm * std::asin(std::min(1.0, std::sqrt(a)));
}

int DeriveSeverity(std::string_view event_type, std::string_view sub_event_type,
                   int64_t fatalities) {
  std::string type = AsciiLower(Trim(event_type));
  std::string sub = AsciiLower(Trim(sub_event_type));
  // The scale of docs/incidents.md "Severity": the type gives a floor (any violence is 2, a
  // suicide bombing 3 even without reported deaths) and the deaths can only raise it; the higher
  // of the two counts, as ACLED's fatality figures are often revised or missing.
  int by_type = 2;
  if (type == "protests" || type == "strategic developments") by_type = 1;
  if (sub == "suicide bomb") by_type = 3;
  int by_deaths = fatalities >= 20 ? 5 : fatalities >= 5 ? 4 : fatalities >= 1 ? 3 : 0;
  return std::max(by_type, by_deaths);
}

Status LoadSecurityIncidents(Database* db, std::vector<SecurityIncident>* incidents,
                             std::vector<DataProblem>* problems) {
  incidents->clear();
  bool has_table = false;
  Status read = db->HasTable("security_incident", &has_table);
  if (!read.ok()) return read;
  if (!has_table) {
    return Status::Error(db->path() +
                         ": table 'security_incident' is missing (create it and load incidents "
                         "with `corridor import-incidents`, docs/incidents.md)");
  }
  std::unique_ptr<Statement> query;
  // ORDER BY incident_id: a fixed order for the in-memory list, so evidence that lists incidents
  // with equal risk and date does not depend on the table's row order.
  Status status = db->Prepare(
      "SELECT incident_id, event_date, country, region, location_name, latitude, longitude, kind,"
      " sub_kind, severity, fatalities, actor, targets, target_nationality, notes, source"
      " FROM security_incident ORDER BY incident_id",
      &query);
  if (!status.ok()) {
    return Status::Error(db->path() +
                         ": table 'security_incident' does not match "
                         "schemas/input.sql: " +
                         status.message());
  }
  while (query->Step()) {
    const Statement& r = *query;
    SecurityIncident incident;
    incident.incident_id = r.Text(0);
    const std::string& id = incident.incident_id;
    incident.event_date = std::string(Trim(r.Text(1)));
    std::optional<int64_t> day = DayNumber(incident.event_date);
    // An incident that cannot be dated or placed in a country cannot be judged (the rule's window
    // and its place filter need both): it is skipped, and reported as a data problem of the run.
    if (!day) {
      problems->push_back(
          {"security_incident", id, "event_date",
           "not a YYYY-MM-DD date: '" + incident.event_date + "'; incident skipped"});
      continue;
    }
    incident.day = *day;
    incident.country = AsciiUpper(Trim(r.Text(2)));
    if (!IsKnownCountryCode(incident.country)) {
      problems->push_back(
          {"security_incident", id, "country",
           "not an ISO 3166-1 alpha-2 code: '" + r.Text(2) + "'; incident skipped"});
      continue;
    }
    // A bad region is dropped but the incident kept: it still matches by distance.
    incident.region = CheckRegion(r.OptionalText(3), "security_incident", id, "region", problems);
    incident.location_name = r.OptionalText(4);
    if (!r.IsNull(5) || !r.IsNull(6)) {
      if (r.IsNull(5) || r.IsNull(6) || !r.IsNumeric(5) || !r.IsNumeric(6) ||
          std::abs(r.Double(5)) > 90 || std::abs(r.Double(6)) > 180) {
        problems->push_back({"security_incident", id, "latitude",
                             "latitude and longitude must both be numbers in range or both NULL; "
                             "incident skipped"});
        continue;
      }
      incident.latitude = r.Double(5);
      incident.longitude = r.Double(6);
    }
    incident.kind = r.Text(7);
    incident.sub_kind = r.OptionalText(8);
    // Severity indexes the rule's five weights, so anything outside 1..5 is refused here rather
    // than guessed; the rule relies on this check.
    int64_t severity = r.IsNumeric(9) ? r.Int(9) : 0;
    if (severity < 1 || severity > 5) {
      problems->push_back({"security_incident", id, "severity",
                           "must be an integer 1..5, got '" + r.Text(9) + "'; incident skipped"});
      continue;
    }
    incident.severity = static_cast<int>(severity);
    // Fatalities only inform the evidence text (severity already reflects them), so an unreadable
    // value reads as 0 rather than dropping the incident.
    incident.fatalities = r.IsNumeric(10) ? std::max<int64_t>(0, r.Int(10)) : 0;
    incident.actor = r.OptionalText(11);
    incident.targets = SplitList(r.OptionalText(12));
    for (std::string& code : SplitList(r.OptionalText(13))) {
      code = AsciiUpper(code);
      // Unknown nationalities are reported and left out; the incident keeps the valid ones, since a
      // wrong code could never match a party's country anyway.
      if (IsKnownCountryCode(code)) {
        incident.target_nationalities.push_back(code);
      } else {
        problems->push_back({"security_incident", id, "target_nationality",
                             "not an ISO 3166-1 alpha-2 code: '" + code + "'"});
      }
    }
    incident.notes = r.OptionalText(14);
    incident.source = r.OptionalText(15);
    incidents->push_back(std::move(incident));
  }
  return query->status();
}

}  // namespace corridor
