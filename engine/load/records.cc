#include "engine/load/records.h"

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

}  // namespace corridor
