// Screening an entity's names against the watch lists: the seam between the screening run and
// the name matcher (engine/names/matcher.h). The run asks a PartyScreener once per entity
// (results are cached and shared by every shipment naming the entity) and hands the matches to
// the listed_party, owned_by_listed_party, forced_labour and sql rules.
//
// ListNameScreener searches the entity's name and each alias with the fuzzy, cross-script,
// indexed NameIndex, with the entity's kind, country, birth date and registration number or IMO
// as corroboration, and keeps each list entry's best match at or above the run's threshold.
#ifndef CORRIDOR_ENGINE_FACTS_PARTY_SCREENER_H_
#define CORRIDOR_ENGINE_FACTS_PARTY_SCREENER_H_

#include <cstdint>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include "engine/base/status.h"
#include "engine/facts/entity_facts.h"
#include "engine/load/records.h"
#include "engine/names/matcher.h"
#include "engine/store/database.h"
#include "schemas/rules.pb.h"

namespace corridor {

class PartyScreener {
 public:
  virtual ~PartyScreener() = default;
  // Appends the list matches of `entity` (its name and aliases) to facts->list_matches, best
  // first, in a deterministic order. Problems with the entity's names go to `problems`.
  virtual void Screen(const Entity& entity, EntityFacts* facts,
                      std::vector<DataProblem>* problems) = 0;
};

// The matcher's default hit threshold, used by rules that do not set their own.
double DefaultNameThreshold();

// The matcher's options with the rule set's name_matching weights applied.
names::MatcherOptions MatcherOptionsFrom(const rules::NameMatchingConfig& config);

// A list entry: (list_id, entry_id).
using EntryKey = std::pair<std::string, std::string>;

// What a list update changed for name screening, against the facts of an earlier run under the
// same CorpusKey (ListNameScreener::ChangesSince; docs/batch.md, "A list update").
struct ListChanges {
  // Entries added, removed or changed, and entries holding a word whose weight changed.
  std::set<EntryKey> dirty_entries;
  // Words whose weight changed: an entity with one of them is screened again in full.
  std::unordered_set<std::string> dirty_words;
  // The records of the dirty entries, by record id of this run's index.
  std::vector<bool> dirty_records;
};

class ListNameScreener : public PartyScreener {
 public:
  // Indexes every entry name and alias of the lists in `db`. Matches scoring below `min_score`
  // (the lowest threshold any rule of the run uses) are not reported.
  static Status Load(Database* db, double min_score, const names::MatcherOptions& options,
                     std::unique_ptr<ListNameScreener>* out);

  void Screen(const Entity& entity, EntityFacts* facts,
              std::vector<DataProblem>* problems) override;

  const names::NameIndex& index() const { return *index_; }

  // A digest of each entry's names and facts as the index reads them (kind, names in order,
  // birth dates, countries, identifiers, programs), sorted by entry.
  const std::vector<std::pair<EntryKey, uint64_t>>& entry_digests() const { return entry_digests_; }

  // The changes from an earlier run's entries and word weights (its facts file) to this index's.
  // REQUIRES: the earlier index had this one's CorpusKey().
  void ChangesSince(const std::vector<std::pair<EntryKey, uint64_t>>& old_entries,
                    const std::vector<std::pair<std::string, int32_t>>& old_word_units,
                    ListChanges* changes) const;

  // The facts Screen() would give `entity` now, from `old`, its facts under the earlier lists,
  // by searching the dirty entries only. False when that cannot be exact (a word of the entity
  // changed weight, or a name's matches could reach the per-name limit): then Screen() it.
  bool Patch(const Entity& entity, const EntityFacts& old, const ListChanges& changes,
             EntityFacts* facts) const;

  // The list names that could not be indexed and so are never matched, one problem each:
  // table "list_entry" (a primary name) or "list_alias", row id "list_id:entry_id", column
  // "name", message
  // "'NAME' cannot be screened: REASON". Callers put them in the run's problems.
  const std::vector<DataProblem>& problems() const { return problems_; }

 private:
  ListNameScreener() = default;
  // Searches each of the entity's names with `search` and keeps each entry's best match; when
  // the primary name is empty or cannot be searched, looks the entity's identifier up with
  // `search_identifier` (NameIndex::SearchIdentifier).
  template <typename Search, typename SearchIdentifier>
  void ScreenNames(const Entity& entity, const Search& search,
                   const SearchIdentifier& search_identifier,
                   std::map<EntryKey, ListMatchFact>* best, EntityFacts* facts,
                   std::vector<DataProblem>* problems) const;
  // `best` into facts->list_matches, best first.
  void AppendOrdered(std::map<EntryKey, ListMatchFact> best, EntityFacts* facts) const;
  std::vector<std::pair<EntryKey, uint64_t>> entry_digests_;
  std::unique_ptr<names::NameIndex> index_;
  double min_score_ = 0;
  std::vector<DataProblem> problems_;
  // Each entry's primary name, for evidence that says "matches entry X (alias Y)".
  std::map<std::pair<std::string, std::string>, std::string> primary_names_;
};

// A match score as evidence shows it: two decimals rounded down, so "0.80" means >= 0.80.
std::string FormatMatchScore(double score);

// One line saying why a match scored as it did: the aligned words and what corroboration added.
std::string ExplainNameMatch(const names::NameMatch& match);

}  // namespace corridor

#endif  // CORRIDOR_ENGINE_FACTS_PARTY_SCREENER_H_
