// The entity facts file: every screened entity's list matches, kept between runs beside the score
// stream (OUT.facts), so that a delta run (`--since OUT`) screens again only the entities whose
// records changed. Format: schemas/scores.proto FactsFileRecord, delimited; docs/batch.md.
//
// Exactness: an entity's facts (engine/facts/entity_facts.h) are a function of its record's
// name-relevant content (ContentDigest) and of the screening setup (the list rows the name index
// reads, the matcher's options and least threshold, the allow-lists, the engine version), which
// ScreeningDigest covers. Facts are reused only when both are equal, so a run that reuses them
// writes the same bytes as one that screens every entity.
#ifndef CORRIDOR_ENGINE_SCREEN_FACTS_FILE_H_
#define CORRIDOR_ENGINE_SCREEN_FACTS_FILE_H_

#include <cstdint>
#include <memory>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "engine/base/status.h"
#include "engine/facts/entity_facts.h"
#include "engine/load/records.h"
#include "engine/store/database.h"
#include "schemas/rules.pb.h"

namespace corridor {

// One entity's facts as the previous run computed them.
struct CachedFacts {
  uint64_t content_digest = 0;
  std::shared_ptr<const EntityFacts> facts;
};
using CachedFactsMap = std::unordered_map<std::string, CachedFacts>;  // by entity_id

// The path of the facts file that belongs to the score stream at `scores_path`.
std::string FactsPathFor(const std::string& scores_path);

// What name screening reads of `entity` (party_screener.cc: kind, name, aliases, country, birth
// date, registration id, IMO), its fields separated by bytes no text column holds.
std::string EntityContentKey(const Entity& entity);
// The first 8 bytes of a SHA-256 over EntityContentKey(), and over a key already made.
uint64_t ContentDigest(const Entity& entity);
uint64_t ContentKeyDigest(const std::string& content_key);

// A hex SHA-256 over the screening setup: the engine version, `name_floor`, `matching` (the rules'
// name_matching block), `allow_lists`, and every row of the tables the name index reads
// (list_entry, list_alias, list_attribute, list_address, list_identifier), in rowid order.
Status ScreeningDigest(Database* db, double name_floor, const rules::NameMatchingConfig& matching,
                       const std::set<std::string>& allow_lists, std::string* digest);

// Reads the facts file at `path` into `facts` when its digest equals `screening_digest`. A missing
// file, another digest or a damaged file (from the damage on) leave `facts` with what could be
// used, and `note` says why the rest is screened again ("" when the whole file was used). Never
// fails: the file only saves work.
void ReadFactsFile(const std::string& path, const std::string& screening_digest,
                   CachedFactsMap* facts, std::string* note);

// Writes `facts` (sorted by entity id, so equal runs write equal files) to `path` through a
// temporary file and a rename.
Status WriteFactsFile(const std::string& path, const std::string& screening_digest,
                      const CachedFactsMap& facts);

}  // namespace corridor

#endif  // CORRIDOR_ENGINE_SCREEN_FACTS_FILE_H_
