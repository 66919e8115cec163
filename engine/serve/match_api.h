// `POST /match/{dataset}` in the request and response shapes of OpenSanctions' yente, so a tool
// that speaks that API can use corridor by changing its URL (docs/serve.md says which
// properties and parameters are honoured):
//
//   {"queries": {"q1": {"schema": "Person", "properties": {"name": ["..."], "birthDate": ["..."],
//                                                           "country": ["ru"]}}}}
//   -> {"responses": {"q1": {"status": 200, "results": [{"id", "caption", "schema",
//        "properties", "datasets", "score", "match", "features"}], "total": {"value": N,
//        "relation": "eq"}, "query": {...}}}, "limit": N}
//
// Scores are corridor's (engine/names/matcher.h): the name score with corroboration, 0..1; a
// result `match`es when its score reaches `threshold` (default: the rule set's name threshold).
#ifndef CORRIDOR_ENGINE_SERVE_MATCH_API_H_
#define CORRIDOR_ENGINE_SERVE_MATCH_API_H_

#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "engine/base/status.h"
#include "engine/decisions/review_book.h"
#include "engine/names/matcher.h"

namespace corridor::serve {

constexpr size_t kMaxMatchQueries = 100;  // queries in one request
// Names (name and alias values) in one query, and bytes in one name: a handful of small
// requests with long names and `cutoff=0` otherwise kept the server busy for many minutes
// (since 2026-12-07, from a review). A longer query is answered with status 400.
constexpr size_t kMaxQueryNames = 20;
constexpr size_t kMaxQueryNameBytes = 1000;
constexpr size_t kMaxMatchLimit = 500;  // results per query (?limit=)

struct MatchParams {
  size_t limit = 5;        // ?limit=: results per query
  double threshold = 0.8;  // ?threshold=: `match` is score >= threshold
  double cutoff = 0.7;     // ?cutoff=: results scoring below are not returned
};

// desk: allow-lists (docs/decisions.md) are never a source of hits: their entries are never a
// result. They only suppress: a query whose name or alias and country equal an allow entry's
// (normalised, as screening compares them) gets its name matches with "match": false and
// "allowed_by" {list, entry, name, matched_by}; identifier matches are kept as matches.
struct AllowLists {
  const std::set<std::string>* lists = nullptr;  // null: none
  const decisions::ReviewBook* book = nullptr;   // null: nothing suppresses
};

// Every list entry of an index, by entry: its names and facts as a result's properties show them.
// Built once per loaded index.
class EntryCatalog {
 public:
  explicit EntryCatalog(const names::NameIndex& index);
  // The records of entry (list_id, entry_id), primary name first; empty when unknown.
  const std::vector<const names::NameRecord*>& Records(const std::string& list_id,
                                                       const std::string& entry_id) const;

 private:
  std::map<std::pair<std::string, std::string>, std::vector<const names::NameRecord*>> entries_;
};

// Answers one request body. `dataset` is a list id or "default" (every watch list); the caller
// checks that it names a loaded list that is not an allow-list. A body that is not {"queries":
// {KEY: object}} is refused with Status::Usage; a query that cannot be screened (no name, a name
// with no letters) gets its own
// {"status": 400, "detail": ...} response and the others are answered.
Status AnswerMatch(const names::NameIndex& index, const EntryCatalog& catalog,
                   const std::string& dataset, const MatchParams& params, const AllowLists& allow,
                   const nlohmann::json& body, nlohmann::json* response);

// Reads ?limit, ?threshold and ?cutoff (already split from the URL); Usage when one is malformed
// or out of range. `params` keeps its defaults for the absent ones.
Status ReadMatchParams(const std::multimap<std::string, std::string>& query, MatchParams* params);

}  // namespace corridor::serve

#endif  // CORRIDOR_ENGINE_SERVE_MATCH_API_H_
