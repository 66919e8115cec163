// A shipment as JSON (the body of `POST /screen`, docs/serve.md) read into the records the
// engine scores (engine/load/records.h), checked as the batch checks database rows: malformed
// country or HS codes and unknown roles become the shipment's DataProblems, exactly as
// engine/load/ records them, so a request and a database row give the same score.
//
// What is not a shipment at all (not an object, a field of the wrong type, an unknown field, a
// party that is not an object) is refused with Status::Usage naming the place:
//   parties[1].aliases[0]: expected a string
#ifndef CORRIDOR_ENGINE_SERVE_SHIPMENT_JSON_H_
#define CORRIDOR_ENGINE_SERVE_SHIPMENT_JSON_H_

#include <nlohmann/json.hpp>

#include "engine/base/status.h"
#include "engine/load/records.h"

namespace corridor::serve {

// Most parties, items and legs a request may carry (a limit, not a policy: the body size limit
// comes first).
constexpr size_t kMaxShipmentRows = 1000;

// Reads `body` into `shipment`. Fields:
//   shipment_id (default "request"), shipped_on, mode, origin_country, origin_region,
//   destination_country, destination_region, final_destination_country, declared_value,
//   currency,
//   parties: [{entity_id (default "party-N"), role, name, kind, country, region, address,
//              birth_date, registration_id, imo, incorporated_on, activity, aliases: [..]}],
//   items:   [{line (default N), hs_code, description, quantity, unit, value, origin_country,
//              origin_region}],
//   legs:    [{seq (default N), location, location_name, country, region, kind, arrived_on,
//              latitude, longitude}]
Status ParseShipmentJson(const nlohmann::json& body, Shipment* shipment);

}  // namespace corridor::serve

#endif  // CORRIDOR_ENGINE_SERVE_SHIPMENT_JSON_H_
