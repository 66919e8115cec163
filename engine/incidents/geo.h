// Places and nearness: a gazetteer that gives route legs without coordinates a position by name,
// and an index that finds the incidents near a point.
#ifndef CORRIDOR_ENGINE_INCIDENTS_GEO_H_
#define CORRIDOR_ENGINE_INCIDENTS_GEO_H_

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "engine/base/diagnostics.h"
#include "engine/incidents/incidents.h"

namespace corridor {

struct GazetteerPlace {
  std::string name;
  std::string country;  // ISO 3166-1 alpha-2
  std::string region;   // ISO 3166-2, may be empty
  double latitude = 0;
  double longitude = 0;
};

// Named places with coordinates, read from a CSV with the header
// `name,alternate_names,country,region,latitude,longitude,source` ('#' comment lines allowed;
// alternate names joined by ';'). Names match case-insensitively with runs of blanks collapsed.
class Gazetteer {
 public:
  // Parses `text` (the contents of `file`); every problem is appended to `diagnostics` as
  // file:line. Returns false when there was any.
  bool Parse(const std::string& file, const std::string& text, Diagnostics* diagnostics);
  // The place called `name`: when several places share it, the one in `country` (when given);
  // nullptr when none, or when `country` is given and no place of that name lies in it.
  const GazetteerPlace* Find(const std::string& name, const OptionalText& country) const;
  size_t size() const { return places_.size(); }

 private:
  std::vector<GazetteerPlace> places_;
  std::multimap<std::string, size_t> by_name_;  // normalised name -> index
};

// "khunjerab pass" from "  Khunjerab   PASS ".
std::string NormalizePlaceName(std::string_view name);

// An incident near a point, with its distance.
struct NearIncident {
  const SecurityIncident* incident;
  double distance_km;
};

// The incidents with coordinates bucketed in a latitude/longitude grid whose cells are at least
// `radius_km` tall, so that a query looks at a few cells instead of every incident.
class IncidentIndex {
 public:
  // REQUIRES: radius_km > 0; `incidents` outlives the index.
  IncidentIndex(const std::vector<SecurityIncident>* incidents, double radius_km);
  // Every incident with coordinates within radius_km of (latitude, longitude), in the order of
  // the incidents vector.
  std::vector<NearIncident> Near(double latitude, double longitude) const;
  // The same by looking at every incident: the obviously-correct reference for tests.
  std::vector<NearIncident> NearByScan(double latitude, double longitude) const;

 private:
  std::pair<int, int> Cell(double latitude, double longitude) const;
  const std::vector<SecurityIncident>* incidents_;
  double radius_km_;
  double cell_degrees_;
  std::map<std::pair<int, int>, std::vector<size_t>> cells_;
};

}  // namespace corridor

#endif  // CORRIDOR_ENGINE_INCIDENTS_GEO_H_
