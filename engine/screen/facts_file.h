// The entity facts file: every screened entity's list matches, kept between runs beside the score
// stream (OUT.facts), so that a delta run (`--since OUT`) screens again only the entities whose
// records changed. Format: schemas/scores.proto FactsFileRecord, delimited; docs/batch.md.
//
// Exactness: an entity's facts (engine/facts/entity_facts.h) are a function of its record's
// name-relevant content (ContentDigest) and of the screening setup (the list entries the name
// index reads, the matcher's options and least threshold, the allow-lists, the engine version),
// which ScreeningDigest covers. Facts are reused as they are only when both are equal, so a run
// that reuses them writes the same bytes as one that screens every entity. After a list update
// (the same setup and corpus key, other entries) they are patched instead: ListNameScreener::Patch
// and docs/batch.md, "A list update".
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
#include "engine/facts/party_screener.h"
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

// A hex SHA-256 over what screening depends on besides the lists: the engine build,
// `name_floor`, `matching` (the rules' name_matching block) and `allow_lists`.
std::string SetupDigest(double name_floor, const rules::NameMatchingConfig& matching,
                        const std::set<std::string>& allow_lists);

// The setup a facts file is written under, and what a run compares with it.
struct FactsSetup {
  std::string setup_digest;
  // A hex SHA-256 over setup_digest, the index's CorpusKey() and every entry's digest.
  std::string screening_digest;
  std::string corpus_key;
  const ListNameScreener* screener = nullptr;
};
FactsSetup MakeFactsSetup(const std::string& setup_digest, const ListNameScreener& screener);

// The lists' state a facts file was written under, when only the lists changed since.
struct PreviousLists {
  bool changed = false;  // same setup and corpus key, other entries: facts may be patched
  std::vector<std::pair<EntryKey, uint64_t>> entries;
  std::vector<std::pair<std::string, int32_t>> words;
};

// Reads the facts file at `path` into `facts` when it was written under `now`'s screening digest,
// or under its setup digest and corpus key (then `lists` says what the lists were). A missing
// file, another setup or a damaged file (from the damage on) leave `facts` with what could be
// used, and `note` says why the rest is screened again ("" when the whole file was used). Never
// fails: the file only saves work.
void ReadFactsFile(const std::string& path, const FactsSetup& now, CachedFactsMap* facts,
                   PreviousLists* lists, std::string* note);

// Writes `facts` (sorted by entity id, so equal runs write equal files) to `path` through a
// temporary file and a rename, under `setup`.
Status WriteFactsFile(const std::string& path, const FactsSetup& setup,
                      const CachedFactsMap& facts);

}  // namespace corridor

#endif  // CORRIDOR_ENGINE_SCREEN_FACTS_FILE_H_
