#include "engine/load/records.h"

#include <algorithm>

#include "engine/base/digest.h"

namespace corridor {

uint64_t EntityDigest(const Entity& e) {
  DigestBuilder digest;
  digest.Add(e.kind);
  digest.Add(e.name);
  for (const OptionalText* text : {&e.country, &e.region, &e.address, &e.birth_date,
                                   &e.registration_id, &e.imo, &e.incorporated_on, &e.activity}) {
    digest.Add(*text);
  }
  for (const std::string& alias : e.aliases) digest.Add(alias);
  return digest.First8Bytes();
}

uint32_t EntityNumbering::NumberOf(std::string_view entity_id) const {
  auto found =
      std::lower_bound(ids_.begin(), ids_.end(), entity_id,
                       [](const std::string& id, std::string_view key) { return id < key; });
  if (found == ids_.end() || *found != entity_id) return 0;
  return static_cast<uint32_t>(found - ids_.begin()) + 1;
}

}  // namespace corridor
