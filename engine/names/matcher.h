// Name screening against watch lists: fuzzy, cross-script, explainable, indexed.
//
//   std::vector<NameRecord> records;
//   Status status = LoadNameRecords(db, {"ofac_sdn", "un_sc"}, &records);
//   std::unique_ptr<NameIndex> index;
//   if (status.ok()) status = NameIndex::Build(std::move(records), MatcherOptions(), &index);
//   NameQuery query;
//   query.name = "Quanguo Chen";
//   query.birth_date = "1955-11";
//   std::vector<NameMatch> matches;
//   status = index->Search(query, 10, index->options().threshold, &matches);
//   for (const NameMatch& m : matches) std::cout << FormatMatchText(m);
//
// A NameRecord is one name of one listed entry (its primary name or an alias), carrying the
// entry's facts. Search() normalises the query (engine/names/normalize.h), generates candidates
// from an index of character bigrams of the listed words and from identifiers, scores each
// candidate name exactly (engine/names/score.h), keeps each entry's best name, adds or takes away
// for corroborating facts, and returns the best entries with an explanation.
//
// Scores: `name_score` (0..1) measures the names alone; `score` = name_score plus the
// corroboration deltas, clamped to 0..1, or 1 when a unique identifier decides. The method and
// measured quality are in docs/matching.md.
//
// Thread safety: a built NameIndex is immutable; Search() may be called from many threads at
// once (each thread normalises with its own ICU transliterators, see ThreadNameNormalizer()).
#ifndef CORRIDOR_ENGINE_NAMES_MATCHER_H_
#define CORRIDOR_ENGINE_NAMES_MATCHER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "engine/base/status.h"

namespace corridor {

class Database;

namespace names {

struct Identifier {
  std::string type;     // list_identifier.id_type: imo, registration, passport, swift, ...
  std::string number;   // as published
  std::string country;  // issuing country, ISO 3166-1 alpha-2, or ""
};

// One name of one listed entry; an entry with aliases has one record per name.
struct NameRecord {
  std::string list_id;
  std::string entry_id;
  std::string name;
  std::string kind;  // person, company, vessel, aircraft, organization, or "" when unknown
  bool is_alias = false;
  std::vector<std::string> birth_dates;  // ISO 8601, partial allowed
  std::vector<std::string> countries;    // ISO 3166-1 alpha-2 (country, nationality, ...)
  std::vector<Identifier> identifiers;
  std::string programs;
};

struct NameQuery {
  std::string name;
  std::string kind;        // "" when unknown
  std::string country;     // ISO 3166-1 alpha-2 or ""
  std::string birth_date;  // ISO 8601 (partial allowed) or ""
  std::string identifier;  // any identifier number or ""
};

struct MatcherOptions {
  double threshold = 0.80;  // the default hit threshold on NameMatch::score
  // Corroboration, added to the name score.
  double birth_date_match = 0.10;      // same full date (or same date at the coarser precision)
  double birth_year_match = 0.05;      // same year, dates differ or one is only a year
  double birth_date_conflict = -0.15;  // years more than one apart
  double country_match = 0.05;
  double country_conflict = -0.10;
  double kind_conflict = -0.10;    // e.g. a person query against a vessel
  double identifier_match = 0.20;  // a shared identifier that is not unique (passport, ...)
  // Added on top of birth_date_conflict when the matched listed name is a short Chinese or
  // Korean personal name (NameMatch::needs_corroboration): the name says little, so a
  // contradicting birth date says more.
  double short_name_conflict = -0.15;
};

// Why a candidate scored as it did.
struct TokenAlignment {
  std::string query_words;      // the query's normalised word(s), e.g. "quan guo"
  std::string candidate_words;  // the listed name's normalised word(s)
  double similarity = 0;        // 0..1
  double query_weight = 0;      // the words' weights (rare words weigh more)
  double candidate_weight = 0;
};

struct Evidence {
  std::string field;  // birth_date, country, kind, identifier
  std::string query_value;
  std::string list_value;
  double delta = 0;  // added to the name score
  std::string note;  // "matches", "conflicts", "decides: unique identifier", ...
};

struct MatchExplanation {
  std::vector<TokenAlignment> aligned;
  std::vector<std::string> unmatched_query;      // query words with no counterpart
  std::vector<std::string> unmatched_candidate;  // listed words with no counterpart
  double query_coverage = 0;
  double candidate_coverage = 0;
  std::vector<Evidence> evidence;
};

// The parts a pair's name score is made of, for calibrating a model on labelled pairs and for
// auditing a score (`corridor score-pairs --features`; docs/matching.md, "Towards a calibrated
// score"). NameIndex::ScorePair fills it when asked.
struct NameFeatures {
  double coverage_score = 0;  // the coverage formula before the listed-name rules' factors
  double information = 0;     // matched query weight over the weight a full confidence needs, <= 1
  double min_similarity = 0;  // of the weakest aligned unit; 0 when nothing aligned
  double common_share = 0;    // share of the matched query weight on common personal names
  uint32_t query_words = 0;   // words, not initials or legal forms
  uint32_t candidate_words = 0;
  bool cross_script = false;  // one name abjad (Arabic, Persian, Urdu script), the other not
  bool exact = false;         // every token of both names aligned at similarity 1
};

struct NameMatch {
  const NameRecord* record = nullptr;  // owned by the NameIndex; valid while it lives
  double name_score = 0;
  double score = 0;
  bool decided_by_identifier = false;
  // An identifier of the query equals one the entry publishes, one that is not unique (a
  // passport, a national id): it corroborates the name (+identifier_match) without deciding. An
  // allow-list entry that matched on name and country does not suppress such a match
  // (docs/decisions.md): the identifier says it may be the listed party after all.
  bool identifier_corroborates = false;
  // The listed name is a short Chinese or Korean personal name (two or three syllables, shared
  // by thousands of people) and neither a birth date nor an identifier of the query confirms the
  // entry: the match may alert but must not block on its own (the listed-party rule caps it at
  // REVIEW; docs/matching.md, "Name structure").
  bool needs_corroboration = false;
  MatchExplanation explanation;
};

// A listed name that could not be indexed, and why. Such a name is never matched: callers must
// report it (ListNameScreener puts it in the run's problems; `match` prints it).
struct NameProblem {
  std::string list_id;
  std::string entry_id;
  std::string name;  // as published
  bool is_alias = false;
  std::string reason;  // NameNormalizer::Normalize's message, e.g. "name is only a legal form"
};

class NameIndex {
 public:
  // Builds an index over `records`. A record whose name is unusable (NameNormalizer::Normalize
  // fails with Status::Corruption or Status::Limit: no letters, only a legal form, over the
  // limits) is left out and described in `problems()`. Any other failure (ICU cannot
  // transliterate at all) is fatal and returned; `index` is then unchanged. Names of any length
  // within the limits are indexed (every word) and scored in full.
  static Status Build(std::vector<NameRecord> records, const MatcherOptions& options,
                      std::unique_ptr<NameIndex>* index);
  ~NameIndex();

  // The best entries for `query` whose score is at least `min_score` (plus any decided by a
  // unique identifier), best first, at most `limit`, one match per entry (its best name).
  // The index returns what scoring every record would (ScoreRecords over all records), with one
  // documented approximation (docs/matching.md, "Index"): a query word with no listed word
  // within one or two edits of its phonetic key or one of its spelling, sharing a phonetic
  // prefix of 4 or more characters, or joined from or into neighbouring words, in a record is
  // assumed to agree at most 0.35 with that record's words, so a record whose words are all two
  // edits from short query words can be missed.
  // Corroboration never causes a miss beyond that approximation: a record's bound adds the most
  // every given fact can add, or what its own published facts give when they conflict with the
  // query's (exactly as corroboration will), and when the facts alone could lift a record in which
  // nothing was found to `min_score`, the records they could lift are scored. Errors: the query
  // name cannot be normalised (no letters, only a legal form, over the limits of
  // engine/names/normalize.h); the message says why.
  Status Search(const NameQuery& query, size_t limit, double min_score,
                std::vector<NameMatch>* matches) const;

  // The entries a unique identifier of `query` decides (Corroborate: an IMO or SWIFT code, or a
  // registration or tax number listed in the query's country), each as Search() returns it
  // (score 1, decided_by_identifier), without reading `query.name`: for a party whose name is
  // empty or cannot be normalised, which Search() refuses, while such an identifier "decides a
  // match whatever the names" (docs/matching.md). One match per entry, by list and entry id;
  // with `allowed`, only among its records (as SearchAmong). From a review, 2026-12-07.
  void SearchIdentifier(const NameQuery& query, const std::vector<bool>* allowed,
                        std::vector<NameMatch>* matches) const;

  // How many records Search() scores for `query` at `min_score` (what candidate generation and
  // its bound leave; errors as Search's). For tests and benchmarks of the bound's cost.
  Status CandidateCount(const NameQuery& query, double min_score, size_t* count) const;

  // The scoring phase of Search(): scores exactly the records `record_ids` (indexes into
  // records()) against `query`, keeps each entry's best name, applies corroboration, and
  // returns the best entries as Search() does. Over every record this is the brute-force
  // reference the tests check the index against (engine/testing/name_search_reference.h).
  Status ScoreRecords(const NameQuery& query, const std::vector<uint32_t>& record_ids, size_t limit,
                      double min_score, std::vector<NameMatch>* matches) const;

  // Scores two names with this index's token weights (no corroboration). With the candidate's
  // kind, the rules of its name's structure apply as in Search() (a person's family and given
  // names, a short Chinese or Korean name). With `features`, also the parts of the score.
  Status ScorePair(const std::string& query_name, const std::string& candidate_name,
                   NameMatch* match, const std::string& candidate_kind = "",
                   NameFeatures* features = nullptr) const;

  // What a delta run after a list update needs (docs/batch.md, "A list update"). A record's
  // score against a query depends on the record, the query and, beyond them, only on the
  // corpus: CorpusKey() (the corpus size's step and the records' largest unindexed share, which
  // bounds candidate generation) and the weights of the words of both names. So under an equal
  // CorpusKey, a record whose words' WordUnits are unchanged scores a query whose words' units
  // are unchanged exactly as before, and Search() finds it or not exactly as before.
  std::string CorpusKey() const;
  // Every word of the corpus whose weight depends on its frequency, with its weight in grid
  // units (TokenStatistics::WordUnits), sorted by word; a word not given weighs
  // AbsentWordUnits().
  std::vector<std::pair<std::string, int32_t>> WordUnits() const;
  int32_t AbsentWordUnits() const;
  // The normalised words of record `r` (an index into records()), and of a query name in either
  // reading Search() may give it (as written, and as a person's name: ReadAsPersonName; errors
  // as Search's).
  std::vector<std::string> RecordWords(uint32_t r) const;
  Status QueryWords(const std::string& name, std::vector<std::string>* words) const;
  // Search() among the records `allowed` marks (indexed by record id) only: the candidates
  // Search() would score that are allowed, ranked the same way. Search() over all records
  // finds, among the allowed ones, exactly these.
  Status SearchAmong(const NameQuery& query, const std::vector<bool>& allowed, size_t limit,
                     double min_score, std::vector<NameMatch>* matches) const;
  const MatcherOptions& options() const { return options_; }
  const std::vector<NameRecord>& records() const { return records_; }
  // The records left out, in input order.
  const std::vector<NameProblem>& problems() const { return problems_; }

 private:
  struct Data;
  struct PreparedQuery;
  NameIndex();
  // A query of no kind whose name holds a legal form a person may bear (ReadAsPersonName) gets a
  // second reading, as a person's name, in `prepared->person`: the listed persons are scored with
  // it, every other record with the first (docs/matching.md, "A person has no legal form").
  Status Prepare(const NameQuery& query, PreparedQuery* prepared) const;
  // The records whose score may reach `min_score` (candidate generation and its bound), each by
  // the reading that scores it.
  std::vector<uint32_t> Candidates(PreparedQuery* prepared, double min_score) const;
  // The same for one reading, over every record.
  std::vector<uint32_t> ReadingCandidates(PreparedQuery* prepared, double min_score) const;
  void Rank(PreparedQuery* prepared, const std::vector<uint32_t>& record_ids, size_t limit,
            double min_score, std::vector<NameMatch>* matches) const;
  MatcherOptions options_;
  std::vector<NameRecord> records_;
  std::vector<NameProblem> problems_;
  std::unique_ptr<Data> data_;
};

// Reads the names of the entries of `list_ids` (all lists when empty) from an input database
// (schemas/input.sql): list_entry names and list_alias names, each with the entry's kind,
// programs, birth dates (list_entry.birth_date and list_attribute birth_date), countries
// (list_entry.country and list_attribute nationality/citizenship countries) and identifiers.
Status LoadNameRecords(Database* db, const std::vector<std::string>& list_ids,
                       std::vector<NameRecord>* records);

// A readable account of one match (several lines, ending in a newline). Scores and
// similarities are shown rounded down to two decimals (FormatScore), so "0.80" means >= 0.80.
std::string FormatMatchText(const NameMatch& match);

// `value` (a score or similarity, 0..1) with two decimals, rounded down: the shown value never
// exceeds the true one, so a shown 0.80 is a hit at a 0.80 threshold.
std::string FormatScore(double value);

}  // namespace names
}  // namespace corridor

#endif  // CORRIDOR_ENGINE_NAMES_MATCHER_H_
