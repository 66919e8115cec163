#include "engine/incidents/geo.h"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "engine/base/csv.h"
#include "engine/base/strings.h"

namespace corridor {

namespace {

constexpr double kKmPerDegreeLatitude = 111.19;  // 6371 km * pi / 180

bool ParseDouble(const std::string& text, double* value) {
  std::string trimmed(Trim(text));
  if (trimmed.empty()) return false;
  char* end = nullptr;
  *value = std::strtod(trimmed.c_str(), &end);
  return end == trimmed.c_str() + trimmed.size() && std::isfinite(*value);
}

}  // namespace

std::string NormalizePlaceName(std::string_view name) {
  std::string out;
  bool blank = false;
  for (char c : Trim(name)) {
    if (c == ' ' || c == '\t') {
      blank = true;
      continue;
    }
    if (blank && !out.empty()) out += ' ';
    blank = false;
    // Only ASCII is folded: names in other scripts (or with accents) compare byte for byte, so a
    // gazetteer lists the spellings the shipment records use as alternate names.
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

bool Gazetteer::Parse(const std::string& file, const std::string& text, Diagnostics* diagnostics) {
  size_t errors_before = diagnostics->size();
  std::istringstream in(text);
  CsvReader reader(&in);
  std::vector<std::string> fields;
  bool header_seen = false;
  while (reader.NextDataRecord(&fields)) {
    SourcePos pos{file, static_cast<int>(reader.line()), 1};
    if (!reader.error().empty()) {
      diagnostics->push_back({pos, reader.error()});
      continue;
    }
    if (!header_seen) {
      header_seen = true;
      static const std::vector<std::string> kHeader = {
          "name", "alternate_names", "country", "region", "latitude", "longitude", "source"};
      // The exact header is required: a CSV with the columns in another order would put latitudes
      // in the longitude column without any other sign.
      if (fields != kHeader) {
        diagnostics->push_back({pos, "expected the header \"" + Join(kHeader, ",") + "\""});
        return false;
      }
      continue;
    }
    if (fields.size() != 7) {
      diagnostics->push_back({pos, "expected 7 fields, found " + std::to_string(fields.size())});
      continue;
    }
    GazetteerPlace place;
    place.name = std::string(Trim(fields[0]));
    place.country = std::string(Trim(fields[2]));
    place.region = std::string(Trim(fields[3]));
    if (place.name.empty()) {
      diagnostics->push_back({pos, "place without a name"});
      continue;
    }
    if (!IsKnownCountryCode(place.country)) {
      diagnostics->push_back({pos, "unknown country code \"" + place.country + "\""});
      continue;
    }
    // A region must lie in the place's own country (UA-43 in UA): a mismatch is a typo that
    // would otherwise match the wrong region's incidents.
    if (!place.region.empty() &&
        (!IsRegionCodeShape(place.region) || place.region.substr(0, 2) != place.country)) {
      diagnostics->push_back(
          {pos, "not an ISO 3166-2 region of " + place.country + ": \"" + place.region + "\""});
      continue;
    }
    if (!ParseDouble(fields[4], &place.latitude) || !ParseDouble(fields[5], &place.longitude) ||
        std::abs(place.latitude) > 90 || std::abs(place.longitude) > 180) {
      diagnostics->push_back({pos, "latitude and longitude must be decimal degrees in range"});
      continue;
    }
    // Every coordinate must say where it came from: the evidence cites it as the reason a leg was
    // placed there.
    if (Trim(fields[6]).empty()) {
      diagnostics->push_back({pos, "place \"" + place.name + "\" names no source"});
      continue;
    }
    std::vector<std::string> names = {place.name};
    for (const std::string& alternate : Split(fields[1], ';')) {
      if (!Trim(alternate).empty()) names.emplace_back(Trim(alternate));
    }
    size_t index = places_.size();
    bool duplicate = false;
    for (const std::string& name : names) {
      std::string key = NormalizePlaceName(name);
      auto [first, last] = by_name_.equal_range(key);
      for (auto it = first; it != last; ++it) {
        // A name may recur in different countries (Find chooses by the leg's country) but not
        // within one, where a lookup could not tell the two places apart.
        if (places_[it->second].country == place.country) duplicate = true;
      }
      if (duplicate) {
        diagnostics->push_back(
            {pos, "name \"" + name + "\" is already a place in " + place.country});
        break;
      }
    }
    if (duplicate) continue;
    places_.push_back(place);
    for (const std::string& name : names) by_name_.emplace(NormalizePlaceName(name), index);
  }
  if (!header_seen) diagnostics->push_back({SourcePos{file, 1, 1}, "gazetteer is empty"});
  return diagnostics->size() == errors_before;
}

const GazetteerPlace* Gazetteer::Find(const std::string& name, const OptionalText& country) const {
  auto [first, last] = by_name_.equal_range(NormalizePlaceName(name));
  const GazetteerPlace* found = nullptr;
  for (auto it = first; it != last; ++it) {
    const GazetteerPlace& place = places_[it->second];
    if (country) {
      if (place.country == *country) return &place;
      // Without the leg's country the first place of that name in file order is used, so the result
      // is deterministic; the rule looks places up with the leg's country whenever the leg has one.
    } else if (found == nullptr) {
      found = &place;  // the first in file order
    }
  }
  return found;
}

// Cells are one radius tall (so three rows cover any query), but at least 0.01 degrees (about 1 km)
// so that a tiny radius does not make cell indexes overflow or cells number in millions.
IncidentIndex::IncidentIndex(const std::vector<SecurityIncident>* incidents, double radius_km)
    : incidents_(incidents),
      radius_km_(radius_km),
      cell_degrees_(std::max(radius_km / kKmPerDegreeLatitude, 0.01)) {
  for (size_t i = 0; i < incidents_->size(); ++i) {
    const SecurityIncident& incident = (*incidents_)[i];
    if (!incident.has_coordinates()) continue;
    cells_[Cell(*incident.latitude, *incident.longitude)].push_back(i);
  }
}

std::pair<int, int> IncidentIndex::Cell(double latitude, double longitude) const {
  // floor, not truncation: -0.5 and 0.5 must fall in different cells.
  return {static_cast<int>(std::floor(latitude / cell_degrees_)),
          static_cast<int>(std::floor(longitude / cell_degrees_))};
}

std::vector<NearIncident> IncidentIndex::Near(double latitude, double longitude) const {
  // Cells one step up and down cover the radius in latitude. In longitude a degree shrinks with
  // cos(latitude): take the widest span over the latitudes the radius reaches; near the poles
  // (or when the span would wrap) fall back to the scan.
  double reach = std::min(89.0, std::abs(latitude) + 2 * cell_degrees_);
  double cos_lat = std::cos(reach * M_PI / 180.0);
  // sin(d/2R) >= cos(lat1) cos(lat2) sin(dlon/2) bounds dlon; sin(x) >= 0.9 x below 45 degrees,
  // hence the factor 1/0.9.
  double lon_degrees = radius_km_ / (kKmPerDegreeLatitude * cos_lat * 0.9);
  if (reach >= 89.0 || lon_degrees > 90 || std::abs(longitude) + lon_degrees > 180) {
    return NearByScan(latitude, longitude);
  }
  int lon_cells = static_cast<int>(std::ceil(lon_degrees / cell_degrees_));
  auto [row, column] = Cell(latitude, longitude);
  std::vector<size_t> candidates;
  for (int r = row - 1; r <= row + 1; ++r) {
    for (int c = column - lon_cells; c <= column + lon_cells; ++c) {
      auto found = cells_.find({r, c});
      if (found != cells_.end()) {
        candidates.insert(candidates.end(), found->second.begin(), found->second.end());
      }
    }
  }
  // Sorted by incident index so that the result is in the same order as NearByScan's: the evidence
  // then does not depend on whether the grid or the scan answered.
  std::sort(candidates.begin(), candidates.end());
  std::vector<NearIncident> near;
  for (size_t i : candidates) {
    const SecurityIncident& incident = (*incidents_)[i];
    double distance = HaversineKm(latitude, longitude, *incident.latitude, *incident.longitude);
    if (distance <= radius_km_) near.push_back({&incident, distance});
  }
  return near;
}

std::vector<NearIncident> IncidentIndex::NearByScan(double latitude, double longitude) const {
  std::vector<NearIncident> near;
  for (const SecurityIncident& incident : *incidents_) {
    if (!incident.has_coordinates()) continue;
    double distance = HaversineKm(latitude, longitude, *incident.latitude, *incident.longitude);
    if (distance <= radius_km_) near.push_back({&incident, distance});
  }
  return near;
}

}  // namespace corridor
