// Screening an entity's names against the watch lists: the seam between the screening run and
// the name matcher. The run asks a PartyScreener once per entity (results are cached and shared
// by every shipment naming the entity) and hands the matches to the listed_party rules.
//
// ExactNameScreener is the baseline: a name or alias matches an entry's name or alias when they
// are equal after normalisation (transliteration to Latin, case, diacritics, punctuation and word
// order; NormalizeNameKey). Fuzzy, cross-script matching plugs in behind the same interface.
#ifndef CORRIDOR_ENGINE_SCREEN_PARTY_SCREENER_H_
#define CORRIDOR_ENGINE_SCREEN_PARTY_SCREENER_H_

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "engine/base/status.h"
#include "engine/load/records.h"
#include "engine/rules/rule.h"
#include "engine/store/database.h"

namespace corridor {

class PartyScreener {
 public:
  virtual ~PartyScreener() = default;
  // Appends the list matches of `entity` (its name and aliases) to facts->list_matches, best
  // first, in a deterministic order. Problems with the entity's names go to `problems`.
  virtual void Screen(const Entity& entity, EntityFacts* facts,
                      std::vector<DataProblem>* problems) = 0;
};

// The key two names share when they are equal up to script, case, diacritics, punctuation and
// word order: "Chen, Quanguo" and "QUANGUO CHEN" both give "chen quanguo". Empty when the name
// has no letters or digits. Not thread-safe (it reuses one ICU transliterator per thread).
std::string NormalizeNameKey(const std::string& name);

class ExactNameScreener : public PartyScreener {
 public:
  // Loads every entry name and alias of the lists in `db` (all lists when `list_ids` is empty).
  static Status Load(Database* db, const std::vector<std::string>& list_ids,
                     std::unique_ptr<ExactNameScreener>* out);

  void Screen(const Entity& entity, EntityFacts* facts,
              std::vector<DataProblem>* problems) override;

  size_t name_count() const { return name_count_; }

 private:
  struct Candidate {
    std::string list_id;
    std::string entry_id;
    std::string entry_name;
    std::string matched_name;
    std::string programs;
  };
  ExactNameScreener() = default;
  std::unordered_map<std::string, std::vector<Candidate>> by_key_;
  size_t name_count_ = 0;
};

}  // namespace corridor

#endif  // CORRIDOR_ENGINE_SCREEN_PARTY_SCREENER_H_
