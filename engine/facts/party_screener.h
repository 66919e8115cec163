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

#include <map>
#include <memory>
#include <string>
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

class ListNameScreener : public PartyScreener {
 public:
  // Indexes every entry name and alias of the lists in `db`. Matches scoring below `min_score`
  // (the lowest threshold any rule of the run uses) are not reported.
  static Status Load(Database* db, double min_score, const names::MatcherOptions& options,
                     std::unique_ptr<ListNameScreener>* out);

  void Screen(const Entity& entity, EntityFacts* facts,
              std::vector<DataProblem>* problems) override;

  const names::NameIndex& index() const { return *index_; }

  // The list names that could not be indexed and so are never matched, one problem each:
  // table "list_entry" (a primary name) or "list_alias", row id "list_id:entry_id", column
  // "name", message
  // "'NAME' cannot be screened: REASON". Callers put them in the run's problems.
  const std::vector<DataProblem>& problems() const { return problems_; }

 private:
  ListNameScreener() = default;
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
