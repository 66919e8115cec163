#include "engine/names/matcher.h"

#include <algorithm>
#include <atomic>
#include <bit>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <functional>
#include <optional>
#include <thread>
#include <unordered_map>
#include <utility>

#include "engine/base/date.h"
#include "engine/base/strings.h"
#include "engine/names/normalize.h"
#include "engine/names/score.h"
#include "engine/names/structure.h"

namespace corridor::names {

namespace {

// Candidate words are found by deletion neighbourhoods (as in SymSpell): every listed word's
// phonetic key is stored with each string obtained by deleting up to MaxDeletions(length)
// characters, and a query word looks up its own deletions. Two keys within one edit (a
// substitution, insertion, deletion or transposition) share a deletion; long keys within two.
constexpr double kUnseenSimilarity = 0.35;

// Distinct ids for the indexes of this process (Data::id).
std::atomic<uint64_t> next_index_id{1};

// Phonetic keys sharing a prefix of at least this many characters are looked up beyond the
// deletion neighbourhood ("kuan" ~ "kuangu"); shorter prefixes ("ali") are shared by hundreds of
// keys, and scoring them all would slow every query down.
constexpr size_t kMinPrefix = 4;

// Two deletions only for keys of 7-20 characters (KeyDeletions, score.h): short keys two edits
// apart are different words (and would flood the table with tiny strings), and the number of
// two-deletion strings grows with the square of the length, so very long keys keep one.
int MaxDeletions(size_t length) { return KeyDeletions(length); }

// A listed word whose phonetic key gets one deletion is also stored by its spelling, within one
// edit (Data::spelling_neighbours): one typed letter is one edit of the spelling but can be two of
// such a key. Longer keys are looked up within two edits, which covers it; words of three letters
// or fewer would fill the table with two-letter strings.
bool InSpellingNeighbourhood(const ScoringToken& token) {
  return token.kind == TokenKind::kWord && !token.abjad && token.text.size() >= 4 &&
         MaxDeletions(token.phonetic.size()) == 1;
}

uint64_t Fnv1a(std::string_view text) {
  uint64_t hash = 1469598103934665603ull;
  for (char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ull;
  }
  return hash;
}

// The hashes of `key` and of the strings left by deleting up to `depth` of its characters
// (MaxDeletions(length) by default), sorted and distinct.
std::vector<uint64_t> DeletionHashes(const std::string& key, int depth = -1) {
  // Only hashes are stored, never the strings: a 64-bit FNV-1a collision merely adds a candidate
  // word, which exact scoring then rejects, so it can cost time but never a wrong score.
  if (depth < 0) depth = MaxDeletions(key.size());
  std::vector<uint64_t> out;
  out.push_back(Fnv1a(key));
  const size_t n = key.size();
  auto hash_without = [&](size_t skip1, size_t skip2) {
    uint64_t hash = 1469598103934665603ull;
    for (size_t k = 0; k < n; ++k) {
      if (k == skip1 || k == skip2) continue;
      hash ^= static_cast<unsigned char>(key[k]);
      hash *= 1099511628211ull;
    }
    return hash;
  };
  for (size_t i = 0; i < n && depth >= 1; ++i) {
    // skip2 = n never matches a position: this is the one-deletion string. Deleting the only
    // character would leave "", shared by every one-letter key, so it is skipped.
    if (n > 1) out.push_back(hash_without(i, n));
    for (size_t j = i + 1; j < n && depth >= 2 && n > 2; ++j) out.push_back(hash_without(i, j));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

// Deletion hashes to vocabulary words: an open-addressing table over the distinct hashes, each
// slot pointing at a run of `words`.
class NeighbourTable {
 public:
  // `depth` < 0: MaxDeletions(key.size()); Find() must then use the same depth.
  void Add(const std::string& key, uint32_t word, int depth = -1) {
    for (uint64_t h : DeletionHashes(key, depth)) pending_.push_back({h, word});
  }
  void Finish() {
    SortPending();
    pending_.erase(std::unique(pending_.begin(), pending_.end()), pending_.end());
    size_t distinct = 0;
    for (size_t i = 0; i < pending_.size(); ++i) {
      distinct += i == 0 || pending_[i].first != pending_[i - 1].first ? 1 : 0;
    }
    // At most half full, a power of two so that `& (capacity - 1)` is the modulo; linear probing.
    // Each distinct hash owns one slot and a contiguous run of `words_` (pending_ is sorted by
    // hash).
    size_t capacity = 16;
    while (capacity < distinct * 2) capacity *= 2;
    slots_.assign(capacity, Slot());
    words_.reserve(pending_.size());
    for (size_t i = 0; i < pending_.size();) {
      size_t j = i;
      while (j < pending_.size() && pending_[j].first == pending_[i].first) {
        words_.push_back(pending_[j].second);
        ++j;
      }
      size_t at = pending_[i].first & (capacity - 1);
      while (slots_[at].count != 0) at = (at + 1) & (capacity - 1);
      slots_[at] = {pending_[i].first, static_cast<uint32_t>(words_.size() - (j - i)),
                    static_cast<uint32_t>(j - i)};
      i = j;
    }
    pending_.clear();
    pending_.shrink_to_fit();
  }
  // Appends to `out` the words sharing a deletion with `key` (a word may come more than once).
  // `depth` < 0: as stored (MaxDeletions).
  void Find(const std::string& key, std::vector<uint32_t>* out, int depth = -1) const {
    if (slots_.empty()) return;
    size_t mask = slots_.size() - 1;
    for (uint64_t h : DeletionHashes(key, depth)) {
      for (size_t at = h & mask; slots_[at].count != 0; at = (at + 1) & mask) {
        if (slots_[at].hash != h) continue;
        out->insert(out->end(), words_.begin() + slots_[at].first,
                    words_.begin() + slots_[at].first + slots_[at].count);
        break;
      }
    }
  }

 private:
  struct Slot {
    uint64_t hash = 0;
    uint32_t first = 0;
    uint32_t count = 0;
  };
  // Sorts pending_ as std::sort would: distributed by the hash's top 16 bits first (one counting
  // pass), then each bucket sorted on its own. Millions of pairs are sorted this way in the
  // index build, about three times faster than one std::sort over them all.
  void SortPending() {
    constexpr int kShift = 48;
    std::vector<uint32_t> start((size_t{1} << 16) + 1, 0);
    for (const auto& entry : pending_) ++start[(entry.first >> kShift) + 1];
    for (size_t b = 1; b < start.size(); ++b) start[b] += start[b - 1];
    std::vector<std::pair<uint64_t, uint32_t>> sorted(pending_.size());
    std::vector<uint32_t> next(start.begin(), start.end() - 1);
    for (const auto& entry : pending_) sorted[next[entry.first >> kShift]++] = entry;
    for (size_t b = 0; b + 1 < start.size(); ++b) {
      std::sort(sorted.begin() + start[b], sorted.begin() + start[b + 1]);
    }
    pending_.swap(sorted);
  }
  std::vector<std::pair<uint64_t, uint32_t>> pending_;
  std::vector<Slot> slots_;
  std::vector<uint32_t> words_;
};

// Appends what `map` holds under `key` to `out`.
void AppendPostings(const std::unordered_map<std::string, std::vector<uint32_t>>& map,
                    const std::string& key, std::vector<uint32_t>* out) {
  auto found = map.find(key);
  if (found != map.end()) out->insert(out->end(), found->second.begin(), found->second.end());
}

// The reading a word of the other romanisation would have ("pteng" for "wteng").
std::string OtherWadeGiles(const std::string& reading) {
  std::string other = reading;
  other[0] = reading[0] == 'p' ? 'w' : 'p';
  return other;
}

std::string VocabularyKey(const ScoringToken& token) {
  switch (token.kind) {
    case TokenKind::kLegalForm:
      // Legal-form classes get their own vocabulary keys ("#limited"): a token's kind decides its
      // similarity and weight, so a class and a word with the same text must not share an entry.
      return "#" + token.text;
    case TokenKind::kInitial:
      break;
    case TokenKind::kWord:
      // An abjad name's word and a Latin word of the same letters ("khlyl": خليل, KHLYL) are two
      // entries: a scoring token carries its name's reading of it (`common` is
      // IsCommonAbjadName for one, IsCommonPersonalName for the other), and one shared entry
      // would give every record the reading of whichever record came first, so a record's score
      // would depend on the others (a list update's patch relies on it not doing so).
      if (token.abjad) return token.text + '\x01';
      // So are a Korean name's word, read as Korean (ScoringToken::korean), and the same letters
      // in another name.
      if (!token.korean.empty() && token.wade_giles.empty()) return token.text + '\x02';
      // And a Chinese name's word, read as pinyin or Wade-Giles (ScoringToken::wade_giles).
      if (!token.wade_giles.empty()) {
        return token.text + '\x03' + token.wade_giles[0] + (token.korean.empty() ? "" : "k");
      }
      break;
  }
  return token.text;
}

// The vocabulary key of `token`'s letters as a word of the other script.
std::string OtherScriptKey(const ScoringToken& token) {
  return token.abjad ? token.text : token.text + '\x01';
}

// Identifier numbers compare as upper-case letters and digits; "IMO 9187629" = "9187629".
std::string NormalizeIdentifier(const std::string& number) {
  std::string out;
  for (char c : number) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) out += c;
  }
  // Lists write vessel numbers both as "IMO 9187629" and "9187629"; the prefix is dropped only when
  // all that follows is digits, so an identifier that merely starts with IMO is kept whole.
  if (out.size() > 3 && out.compare(0, 3, "IMO") == 0 &&
      out.find_first_not_of("0123456789", 3) == std::string::npos) {
    out = out.substr(3);
  }
  return out;
}

// person, vessel, aircraft or organization (companies and other organisations); "" unknown.
// Called for every entry a search scores: compares without building a lower-case copy.
std::string_view KindClass(std::string_view kind) {
  auto is = [&](std::string_view lower) {
    if (kind.size() != lower.size()) return false;
    for (size_t i = 0; i < kind.size(); ++i) {
      const char c = kind[i];
      if ((c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c) != lower[i]) return false;
    }
    return true;
  };
  // Lists and rule files name kinds differently ("individual", "person", "entity", "company");
  // anything not a person, vessel or aircraft is some organisation, so "entity" and "company" do
  // not conflict.
  if (is("person") || is("individual")) return "person";
  if (is("vessel")) return "vessel";
  if (is("aircraft")) return "aircraft";
  if (kind.empty()) return "";
  return "organization";
}

// An organisation's name: its kind says so, or, of unknown kind, it holds a legal form (the CSL's
// lists publish no kind for most entries). Vessels and aircraft are not: a ship's name (MARIANA,
// LINDA) is a personal name more often than not, and a vessel is identified by its IMO number.
bool IsOrganisationName(const std::string& kind, const NormalizedName& name) {
  const std::string_view kind_class = KindClass(kind);
  if (kind_class == "organization") return true;
  if (!kind_class.empty()) return false;
  // Not by a short form read as one only at a name's edge: 敖 (AO) ends Chinese names.
  for (const NameToken& token : name.tokens) {
    if (token.kind == TokenKind::kLegalForm && !IsEdgeOnlyLegalForm(token.original)) return true;
  }
  return false;
}

std::string SignedFormat2(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof(buffer), "%+.2f", value);
  return buffer;
}

// A token weight (not a score: rounded to nearest).
std::string FormatWeight(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof(buffer), "%.2f", value);
  return buffer;
}

std::string Words(const ScoringName& name, uint32_t first, uint32_t count) {
  std::string out;
  for (uint32_t i = first; i < first + count && i < name.tokens.size(); ++i) {
    if (!out.empty()) out += ' ';
    out += name.tokens[i].kind == TokenKind::kLegalForm ? "<" + name.tokens[i].text + ">"
                                                        : name.tokens[i].text;
  }
  return out;
}

MatchExplanation Explain(const ScoringName& query, const ScoringName& candidate,
                         const NameScore& score) {
  MatchExplanation explanation;
  std::vector<uint8_t> used_query(query.tokens.size(), 0);
  std::vector<uint8_t> used_candidate(candidate.tokens.size(), 0);
  std::vector<AlignedUnit> units = score.units;  // in the query's word order
  std::sort(units.begin(), units.end(), [](const AlignedUnit& a, const AlignedUnit& b) {
    return a.query_first < b.query_first;
  });
  for (const AlignedUnit& unit : units) {
    TokenAlignment aligned;
    aligned.query_words = Words(query, unit.query_first, unit.query_count);
    aligned.candidate_words = Words(candidate, unit.candidate_first, unit.candidate_count);
    aligned.similarity = unit.similarity;
    for (uint32_t k = 0; k < unit.query_count; ++k) {
      aligned.query_weight += query.tokens[unit.query_first + k].weight;
      used_query[unit.query_first + k] = 1;
    }
    for (uint32_t k = 0; k < unit.candidate_count; ++k) {
      aligned.candidate_weight += candidate.tokens[unit.candidate_first + k].weight;
      used_candidate[unit.candidate_first + k] = 1;
    }
    explanation.aligned.push_back(std::move(aligned));
  }
  for (uint32_t i = 0; i < query.tokens.size(); ++i) {
    if (!used_query[i]) explanation.unmatched_query.push_back(Words(query, i, 1));
  }
  for (uint32_t j = 0; j < candidate.tokens.size(); ++j) {
    if (!used_candidate[j]) explanation.unmatched_candidate.push_back(Words(candidate, j, 1));
  }
  explanation.query_coverage = score.query_coverage;
  explanation.candidate_coverage = score.candidate_coverage;
  return explanation;
}

// The days a birth date may name. From a review, 2026-12-07: lists publish ranges ("DOB 1967 to
// 1969", UN "BETWEEN 1967 AND 1969") and months, imported as ISO intervals ("1967/1969",
// "1958-02-01/1958-02-28"), and their first characters were compared as a date.
struct BirthDateSpan {
  std::chrono::sys_days first;
  std::chrono::sys_days last;
  bool day = false;  // one full date
};

// YYYY, YYYY-MM, YYYY-MM-DD, or an interval of two of them ("1967/1969"); false for anything else
// ("30-35 years old"), from which no year is read. Read by the one date parser (date.h).
bool ParseBirthDateSpan(std::string_view text, BirthDateSpan* span) {
  auto one = [](std::string_view date, BirthDateSpan* out) {
    std::optional<std::chrono::sys_days> first = ParseIsoDayStartOf(date);
    std::optional<std::chrono::sys_days> last = ParseIsoDayEndOf(date);
    if (!first || !last) return false;
    out->first = *first;
    out->last = *last;
    out->day = date.size() == 10;
    return true;
  };
  size_t slash = text.find('/');
  if (slash == std::string_view::npos) return one(text, span);
  BirthDateSpan from, to;
  if (!one(text.substr(0, slash), &from) || !one(text.substr(slash + 1), &to)) return false;
  if (to.last < from.first) return false;
  span->first = from.first;
  span->last = to.last;
  span->day = from.day && to.day && from.first == to.first;
  return true;
}

int YearOf(std::chrono::sys_days day) {
  return static_cast<int>(std::chrono::year_month_day(day).year());
}

// How a party's birth date agrees with a listed one: 3 the same full date, 2 within the listed
// date, range or period or holding it (the same at the coarser precision), 1 apart by at most a
// year, 0 further apart. For single dates this is the comparison of their common ISO prefix.
int BirthDateAgreement(const BirthDateSpan& query, const BirthDateSpan& listed) {
  if (query.first <= listed.last && listed.first <= query.last) {
    return query.day && listed.day ? 3 : 2;
  }
  int years_apart = std::max(YearOf(query.first) - YearOf(listed.last),
                             YearOf(listed.first) - YearOf(query.last));
  return years_apart <= 1 ? 1 : 0;
}

// What the query's facts said about an entry beyond the deltas.
struct FactOutcome {
  bool confirms = false;     // a birth date (at any precision) or an identifier matches
  bool contradicts = false;  // a birth date conflicts
  bool identifier = false;   // an identifier matches that does not decide (a passport, ...)
};

// The corroboration of `record` by the query's other facts: the sum of the deltas, with one
// Evidence per fact the query gives. Sets `decided` when a unique identifier matches. For a
// record whose name is a short Chinese or Korean name (`short_name`), a conflicting birth date
// also takes options.short_name_conflict; `facts` says whether a fact confirmed or contradicted.
// `query_number`: NormalizeIdentifier(query.identifier); `record_numbers`: that of each of
// record.identifiers (both computed once, not for every entry scored).
double Corroborate(const NameQuery& query, std::string_view query_number, const NameRecord& record,
                   const std::vector<std::string>& record_numbers, const MatcherOptions& options,
                   bool short_name, std::vector<Evidence>* evidence, bool* decided,
                   FactOutcome* facts) {
  double total = 0;
  *decided = false;
  *facts = FactOutcome();
  // Runs for every entry scored: the evidence's strings are built only when it is wanted.
  auto add = [&](const char* field, const std::string& query_value, std::string_view list_value,
                 double delta, const char* note) {
    total += delta;
    if (evidence != nullptr) {
      evidence->push_back({field, query_value, std::string(list_value), delta, note});
    }
  };
  // From a review, 2026-12-07: a date that is not YYYY, YYYY-MM or YYYY-MM-DD ("18/09/1972") had
  // its first four characters read as a year. It is unknown: said so, never a year. The loaders
  // report such a party's date as a data problem and `match` refuses it before it gets here.
  BirthDateSpan query_span;
  if (!query.birth_date.empty() &&
      (!IsIsoDate(query.birth_date) || !ParseBirthDateSpan(query.birth_date, &query_span))) {
    add("birth_date", query.birth_date, "", 0, "not a YYYY, YYYY-MM or YYYY-MM-DD date: not used");
  } else if (!query.birth_date.empty()) {
    // The best agreement over the listed dates (BirthDateAgreement): entries often list several
    // possible birth dates and ranges, and one that agrees is not contradicted by another that
    // does not; a contradiction needs a date outside every one (from a review, 2026-12-07: a
    // listed range was compared by its first year). Among equals the most precise is shown.
    int best = -1;
    std::chrono::days best_width{0};
    std::string_view best_date, unread;
    for (const std::string& date : record.birth_dates) {
      BirthDateSpan listed;
      if (!ParseBirthDateSpan(date, &listed)) {
        if (unread.empty()) unread = date;
        continue;
      }
      int outcome = BirthDateAgreement(query_span, listed);
      const std::chrono::days width = listed.last - listed.first;
      if (outcome > best || (outcome == best && width < best_width)) {
        best = outcome;
        best_width = width;
        best_date = date;
      }
    }
    if (best == -1) {
      add("birth_date", query.birth_date, unread, 0,
          unread.empty() ? "not published" : "listed date not read: not used");
    }
    if (best == 3)
      add("birth_date", query.birth_date, best_date, options.birth_date_match, "matches");
    if (best == 2) {
      add("birth_date", query.birth_date, best_date, options.birth_year_match,
          best_date.find('/') != std::string_view::npos ? "within the listed range"
                                                        : "matches at the coarser precision");
    }
    if (best == 1) add("birth_date", query.birth_date, best_date, 0, "within a year");
    if (best == 0) {
      add("birth_date", query.birth_date, best_date, options.birth_date_conflict, "conflicts");
      if (short_name) {
        add("birth_date", query.birth_date, best_date, options.short_name_conflict,
            "conflicts with a short, common name");
      }
    }
    facts->confirms = facts->confirms || best >= 2;
    facts->contradicts = best == 0;
  }
  if (!query.country.empty()) {
    if (record.countries.empty()) {
      add("country", query.country, "", 0, "not published");
    } else if (std::find(record.countries.begin(), record.countries.end(), query.country) !=
               record.countries.end()) {
      add("country", query.country, query.country, options.country_match, "matches");
    } else {
      std::string listed;
      for (size_t k = 0; evidence != nullptr && k < record.countries.size(); ++k) {
        listed += (listed.empty() ? "" : ",") + record.countries[k];
      }
      add("country", query.country, listed, options.country_conflict, "conflicts");
    }
  }
  const std::string_view query_kind = KindClass(query.kind), record_kind = KindClass(record.kind);
  if (!query_kind.empty() && !record_kind.empty() && query_kind != record_kind) {
    add("kind", query.kind, record.kind, options.kind_conflict, "conflicts");
  }
  if (!query.identifier.empty()) {
    const Identifier* matched = nullptr;
    for (size_t k = 0; k < record.identifiers.size(); ++k) {
      if (!query_number.empty() && record_numbers[k] == query_number) {
        matched = &record.identifiers[k];
      }
    }
    if (matched == nullptr) {
      add("identifier", query.identifier, "", 0,
          record.identifiers.empty() ? "not published" : "no listed match");
    } else {
      // An IMO or SWIFT code names one ship or bank worldwide; a registration or tax number is
      // unique only within its country, so it decides only when the listed country is the query's.
      // Passports and national ids are reused across countries and only corroborate
      // (docs/matching.md).
      bool unique = matched->type == "imo" || matched->type == "swift" ||
                    ((matched->type == "registration" || matched->type == "tax_id") &&
                     !matched->country.empty() && matched->country == query.country);
      std::string listed = matched->type + " " + matched->number +
                           (matched->country.empty() ? "" : " (" + matched->country + ")");
      facts->confirms = true;
      if (unique) {
        *decided = true;
        add("identifier", query.identifier, listed, 0, "decides: unique identifier matches");
      } else {
        add("identifier", query.identifier, listed, options.identifier_match, "matches");
        facts->identifier = true;
      }
    }
  }
  if (short_name && !facts->confirms && !*decided && evidence != nullptr) {
    evidence->push_back({"name", query.name, record.name, 0,
                         "a short Chinese or Korean name shared by many people: needs a matching "
                         "birth date or identifier to block"});
  }
  return total;
}

}  // namespace

// A short Chinese or Korean listed name (IsShortEastAsianName) matched on less than this share
// of its weight scores kShortNamePartial times its name score.
constexpr double kShortNameCoverage = 0.9;
constexpr double kShortNamePartial = 0.85;
// A listed person whose family name (the words before the comma of "FAMILY, Given") no query
// word resembles at kFamilyWordSimilarity or more scores kMissingFamilyName times its name
// score: "Walid Ahmed" shares the given names of ZEIN, Waleed Ahmed, not the person.
constexpr double kFamilyWordSimilarity = 0.7;
constexpr double kMissingFamilyName = 0.85;
// A listed person whose family name a query gives, whose first given name it does not give, and
// against whom the query has a name word of its own (GivenNameContradicted) scores this times its
// name score.
constexpr double kContradictingGivenName = 0.8;
// Below this similarity two words are different names for GivenNameContradicted (SERGEJ ~ SERGEY
// at 0.5 and WAFIQ ~ RAFIQ at 0.64 may be one name romanised twice; MUHAMMAD ~ UMAR at 0 is not).
constexpr double kGivenNameEvidence = 0.5;
// The same for the given name and the patronymic of two East Slavic names in full
// (EastSlavicNameContradicted): their romanisations agree at 0.85 or more (PETR ~ PYOTR 0.85,
// ALEKSANDR ~ ALEXANDER and SERGEYEVNA ~ SERGEEVNA 0.95), other names of the same look less
// (ALEKSEY ~ ALEXANDER 0.77, IRINA ~ YELENA 0.67, ALEKSANDROVICH ~ ALBERTOVICH 0.6).
constexpr double kEastSlavicNameEvidence = 0.8;

namespace {

// The words of a listed person's family name, when a published name shows it: the words before
// the comma of OFAC's and the CSL's "FAMILY, Given names", or the upper-case words that end a name
// otherwise written in mixed case, as the CSL's Palestinian Legislative Council list writes
// "Mahmoud AL-KHATIB" and "Mariam Mahmoud SALEH" (letters and digits, lower case, apostrophes
// dropped; particles and words under three letters aside). Empty when the name has neither form
// or is not ASCII (normalisation may spell it otherwise): the rule then says nothing.
std::vector<std::string> FamilyWords(const NameRecord& record) {
  std::vector<std::string> family;
  if (KindClass(record.kind) != "person") return family;
  for (char c : record.name) {
    if (static_cast<unsigned char>(c) >= 0x80) return family;
  }
  struct Word {
    std::string text;   // lower case
    bool upper = true;  // no lower-case letter
  };
  std::vector<Word> words;
  size_t comma = record.name.find(',');
  bool comma_form = comma != std::string::npos && comma != 0 &&
                    record.name.find(',', comma + 1) == std::string::npos;
  if (comma != std::string::npos && !comma_form) return family;
  const size_t end = comma_form ? comma : record.name.size();
  Word word;
  for (size_t i = 0; i <= end; ++i) {
    char c = i < end ? record.name[i] : ' ';
    if (c == '\'') continue;
    if (std::isalnum(static_cast<unsigned char>(c))) {
      if (std::islower(static_cast<unsigned char>(c))) word.upper = false;
      word.text += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else if (!word.text.empty()) {
      words.push_back(std::move(word));
      word = Word();
    }
  }
  size_t first = 0;
  if (!comma_form) {
    // The trailing run of upper-case words, after at least one word in mixed case.
    first = words.size();
    while (first > 0 && words[first - 1].upper) --first;
    bool mixed_before = false;
    for (size_t k = 0; k < first; ++k) mixed_before = mixed_before || !words[k].upper;
    if (!mixed_before || first == words.size()) return family;
  }
  for (size_t k = first; k < words.size(); ++k) {
    if (words[k].text.size() >= 3 && !IsNameParticle(words[k].text)) {
      family.push_back(words[k].text);
    }
  }
  return family;
}

// Two words with the same first letter one letter apart (a letter changed, added or dropped, or
// two swapped): one name spelled two ways, ALVAREZ and ALVARES. HASSAN and KASSAN start otherwise.
bool OneLetterApart(std::string_view a, std::string_view b) {
  if (a.empty() || b.empty() || a[0] != b[0] || !WithinOneEdit(a, b)) return false;
  // Not one consonant put for another that spellings of a name do not exchange: JAFARI / JABARI,
  // AMIRI / AMIDI are two names (docs/matching.md, "Token similarity").
  return !OneConsonantReplaced(a, b);
}

// The positions of `name`'s tokens that are words of `family`, when some other word is not (a
// name that is all family name, "AL-WARUD, Abu" as "al warud", gives none).
std::vector<uint16_t> FamilyPositions(const NormalizedName& name,
                                      const std::vector<std::string>& family) {
  std::vector<uint16_t> positions;
  if (family.empty()) return positions;
  bool other = false;
  for (size_t t = 0; t < name.tokens.size() && t < 0xFFFF; ++t) {
    const NameToken& token = name.tokens[t];
    // A person's family name that spells a short legal form at the name's edge (PAO, Yu Liang:
    // the normaliser reads PAO as ПАО) is still the family name: FamilyWords gives words for
    // persons only.
    if (token.kind == TokenKind::kLegalForm &&
        std::find(family.begin(), family.end(), token.original) != family.end()) {
      positions.push_back(static_cast<uint16_t>(t));
      continue;
    }
    if (token.kind != TokenKind::kWord) continue;
    if (std::find(family.begin(), family.end(), token.text) != family.end()) {
      positions.push_back(static_cast<uint16_t>(t));
    } else if (token.text.size() >= 3 && !IsNameParticle(token.text)) {
      other = true;
    }
  }
  if (!other) positions.clear();
  return positions;
}

// Marks a listed person's family name in its scoring form: a family word is no title (HAJJI,
// Muhammad Fawzi; SAYYED, Ibrahim Amin), and one that the normaliser read as a short legal form
// (PAO, Yu Liang) weighs as the word it is, so that a query leaving it out covers the name as
// little as it would leave out any family name.
void MarkFamilyName(const NormalizedName& normalized, const std::vector<uint16_t>& family,
                    const TokenStatistics& statistics, ScoringName* name) {
  // Two family words, the first a Latin family name: a Hispanic father's and mother's family
  // names (GUZMAN LOERA), of which documents and the press often give the first alone.
  if (family.size() == 2 && family[1] == family[0] + 1) {
    const ScoringToken& first = name->tokens[family[0]];
    ScoringToken& second = name->tokens[family[1]];
    second.maternal = first.kind == TokenKind::kWord && second.kind == TokenKind::kWord &&
                      second.text.size() >= 3 && !IsNameParticle(second.text) &&
                      IsLatinFamilyName(first.text);
  }
  for (uint16_t position : family) {
    ScoringToken& token = name->tokens[position];
    token.title = false;
    if (token.kind == TokenKind::kLegalForm) {
      const std::string& word = normalized.tokens[position].original;
      token.weight = statistics.Weight(NameToken{word, TokenKind::kWord, word});
    }
  }
}

// Honorifics and titles that come before a name and are not the person's own name (HAJI GULAB
// GUL, SHEIKH YOUNIS, SAYED JAVAD), Latin and as Arabic script romanises them:
// GivenNameContradicted does not read them as a name of the query's own.
bool IsHonorific(std::string_view word) {
  // SEYED, HAJI, MULLAH, MAULANA; PRESIDENT, GENERAL, MR... (engine/names/score.cc)
  if (IsNameTitle(word) || IsPersonTitle(word) != TitleUse::kNone) return true;
  // And as Arabic script romanises more of them (shykh, dktwr), and Quran reciters' titles.
  static const char* const kHonorifics[] = {"shykh", "qari", "qary", "hafiz", "hafz", "dktwr"};
  for (const char* honorific : kHonorifics) {
    if (word == honorific) return true;
  }
  return false;
}

// A first given name that bearers often leave out, going by the next: the Prophet's name given
// before the own name in Pakistani, Persian and Arab usage (Muhammad Nawaz SHARIF is Nawaz
// Sharif, Mohammad Javad ZARIF is Javad Zarif), in the lists' romanisations.
bool IsDevotionalPrefix(std::string_view word) {
  static const char* const kPrefixes[] = {"muhammad", "mohammad", "mohammed", "muhammed", "mohamed",
                                          "mohamad",  "muhamad",  "mohd",     "muhamed",  "mohamud",
                                          "mehmet",   "mehmed",   "mahomed",  "mohammod"};
  for (const char* prefix : kPrefixes) {
    if (word == prefix) return true;
  }
  return false;
}

// The first half of a compound given name written as two words, never a name alone: ABD AL HADI
// (servant of the Guide) is one name, and its alias AL HADI leaves no name out.
bool IsBoundNameWord(std::string_view word) {
  return word == "abd" || word == "abdul" || word == "abdel" || word == "abdal" ||
         word == "abdol" || word == "abdu" || word == "abdoul";
}

// The first of a listed person's given names (the words that are not the family name, particles
// and words under three letters aside) is not given by the query (nothing resembles it at
// kGivenNameEvidence), which has a name word of its own instead: BELLOSO RODRIGUEZ, Daniel is
// another person than BELLOSO RODRIGUEZ, Miguel Angel; AL-KHATUNI, Umar Abdul Hamid Salim Brukan a
// brother of AL-KHATUNI, Muhammad Abdul Hamid Salim Brukan (Arabic names follow the own name with
// the father's and grandfather's). A query that leaves the first given name out (ABDUL HAMID
// AL-KHATUNI) contradicts nothing. A query that gives it after a name word of its own names that
// word's bearer, the given name being the father's: "Maryam Muhammad al-Masri" (مريم محمد
// المصري) is not AL-MASRI, Mohammed, however common both names are. The rule holds across
// scripts too (measured on the lists' original-script names: no listed person lost).
bool GivenNameContradicted(const ScoringName& query, const ScoringName& candidate,
                           const std::vector<uint16_t>& family,
                           const std::vector<float>& similarity) {
  size_t nq = query.tokens.size(), nc = candidate.tokens.size();
  auto is_name_word = [](const ScoringToken& token) {
    return token.kind == TokenKind::kWord && token.text.size() >= 3 && !IsNameParticle(token.text);
  };
  // Two adjacent words of one name written as one word of the other (ALI ASGHAR, ALIASGHAR; a
  // Chinese name's SHIH HUAN, SHIHUAN and, read as Wade-Giles, HSIAO PING, XIAOPING).
  auto joined_in = [](const ScoringName& pair_side, const ScoringToken& word) {
    for (size_t k = 0; k + 1 < pair_side.tokens.size(); ++k) {
      const ScoringToken& a = pair_side.tokens[k];
      const ScoringToken& b = pair_side.tokens[k + 1];
      if (a.kind != TokenKind::kWord || b.kind != TokenKind::kWord) continue;
      if (a.phonetic.size() + b.phonetic.size() == word.phonetic.size() &&
          word.phonetic.compare(0, a.phonetic.size(), a.phonetic) == 0 &&
          word.phonetic.compare(a.phonetic.size(), b.phonetic.size(), b.phonetic) == 0) {
        return k;
      }
      if (SameWadeGiles(JoinedWadeGiles(a, b), word.wade_giles)) return k;
    }
    return pair_side.tokens.size();
  };
  auto given_by_query = [&](size_t j) {
    for (size_t i = 0; i < nq; ++i) {
      if (similarity[i * nc + j] >= kGivenNameEvidence) return true;
      // The query writes the given name joined with the next or the one before (CHEN SHIHUAN
      // gives SHIH of CHEN, Shih Huan).
      const size_t k = joined_in(candidate, query.tokens[i]);
      const auto is_family = [&](size_t position) {
        return std::find(family.begin(), family.end(), position) != family.end();
      };
      if (k < nc && (k == j || k + 1 == j) && !is_family(k) && !is_family(k + 1)) return true;
    }
    return joined_in(query, candidate.tokens[j]) < nq;
  };
  size_t first_given = nc;
  for (size_t j = 0; j < nc && first_given == nc; ++j) {
    if (is_name_word(candidate.tokens[j]) && !IsHonorific(candidate.tokens[j].text) &&
        std::find(family.begin(), family.end(), j) == family.end()) {
      first_given = j;
    }
  }
  if (first_given == nc) return false;
  // When the query gives the first given name, what counts is a name word of its own before it;
  // when it does not, any name word of its own, or a later given name in its place.
  const bool given = given_by_query(first_given);
  if (!given && !IsDevotionalPrefix(candidate.tokens[first_given].text) &&
      !IsBoundNameWord(candidate.tokens[first_given].text)) {
    // The query goes by two or more of the later given names (a father's and a grandfather's, in
    // an Arabic name): another person of the family, often the father.
    // Each query word counts once, in the listed order (AMIN MUHAMMAD is not the run MUHAMMAD
    // AMIN of 'ADNAN MUHAMMAD AMIN: an alias may reorder the names).
    size_t later_given = 0, next_query_word = 0;
    for (size_t j = first_given + 1; j < nc; ++j) {
      if (!is_name_word(candidate.tokens[j]) ||
          std::find(family.begin(), family.end(), j) != family.end()) {
        continue;
      }
      for (size_t i = next_query_word; i < nq; ++i) {
        bool names_family = false;
        for (uint16_t f : family) {
          names_family = names_family || similarity[i * nc + f] >= kFamilyWordSimilarity;
        }
        if (!names_family && similarity[i * nc + j] >= kGivenNameEvidence) {
          ++later_given;
          next_query_word = i + 1;
          break;
        }
      }
    }
    if (later_given >= 2) return true;
  }
  const size_t joined_given = joined_in(query, candidate.tokens[first_given]);
  for (size_t i = 0; i < nq; ++i) {
    if (given && (i == joined_given || similarity[i * nc + first_given] >= kGivenNameEvidence)) {
      return false;
    }
    const ScoringToken& token = query.tokens[i];
    if (!is_name_word(token) || IsHonorific(token.text)) continue;
    bool matched = joined_in(candidate, token) < nc;
    for (size_t j = 0; j < nc && !matched; ++j) {
      matched = similarity[i * nc + j] >= kGivenNameEvidence;
    }
    if (!matched) return true;  // the query names someone else
  }
  return false;
}

// An East Slavic name in full is a given name, a patronymic and a family name, the given name
// just before the patronymic in either order ("Irina Vladimirovna KUZNETSOVA", "KUZNETSOVA,
// Irina Vladimirovna"). When both names are given so (each has one patronymic, after a word), a
// patronymic or a given name that the other's resembles less than kEastSlavicNameEvidence names
// another person: LEBEDEV Vladimir Aleksandrovich is not LEBEDEV, Vladimir Albertovich (another
// father), KUZNETSOVA Irina Vladimirovna not Yelena Vladimirovna Kuznetsova (a sister, or a
// stranger: both names are common). The position before the patronymic must be a word of three
// letters or more; a name without a patronymic says nothing.
bool EastSlavicNameContradicted(const ScoringName& query, const ScoringName& candidate,
                                const std::vector<float>& similarity) {
  auto parts = [](const ScoringName& name, size_t* given, size_t* patronymic) {
    size_t found = 0;
    for (size_t t = 0; t < name.tokens.size(); ++t) {
      if (!name.tokens[t].patronymic) continue;
      ++found;
      *patronymic = t;
    }
    if (found != 1 || *patronymic == 0) return false;
    *given = *patronymic - 1;
    const ScoringToken& word = name.tokens[*given];
    return word.kind == TokenKind::kWord && word.text.size() >= 3;
  };
  size_t qg = 0, qp = 0, cg = 0, cp = 0;
  if (!parts(query, &qg, &qp) || !parts(candidate, &cg, &cp)) return false;
  const size_t nc = candidate.tokens.size();
  return similarity[qp * nc + cp] < kEastSlavicNameEvidence ||
         similarity[qg * nc + cg] < kEastSlavicNameEvidence;
}

// Two names in given-name-first order with no family name marked (UN and Arabic-script names:
// QUSAY SADDAM HUSSEIN AL-TIKRITI), three name words or more each, whose first words differ
// (nothing of either name resembles the other's first word) while every other name word of the
// query is the listed name's: the same father's and grandfather's names under another own name,
// a brother (UDAY SADDAM HUSSEIN AL-TIKRITI), not the listed person. Both names in one script.
bool SiblingByFirstName(const ScoringName& query, const ScoringName& candidate,
                        const std::vector<float>& similarity) {
  // Across scripts a word's reading is too loose to call two first names different (كل / GUL), and
  // a Latin compound may be two abjad words (حمد الله / HAMDULLAH, نور الدين / NOUREDDINE).
  if (query.abjad != candidate.abjad) return false;
  const size_t nq = query.tokens.size(), nc = candidate.tokens.size();
  auto name_words = [](const ScoringName& name) {
    std::vector<size_t> words;
    for (size_t t = 0; t < name.tokens.size(); ++t) {
      const ScoringToken& token = name.tokens[t];
      if (token.kind == TokenKind::kWord && token.text.size() >= 3 && !token.title &&
          !IsNameParticle(token.text) && !IsHonorific(token.text) &&
          !IsDevotionalPrefix(token.text)) {
        words.push_back(t);
      }
    }
    return words;
  };
  const std::vector<size_t> qw = name_words(query), cw = name_words(candidate);
  if (qw.size() < 3 || cw.size() < 3) return false;
  // Neither first word may be the first token of its name's run of devotional compounds or
  // titles: name_words() skips those, so the first name word must be the name's first token.
  if (qw[0] != 0 || cw[0] != 0) return false;
  const size_t qf = qw[0], cf = cw[0];
  for (size_t j = 0; j < nc; ++j) {
    if (similarity[qf * nc + j] >= kGivenNameEvidence) return false;
  }
  for (size_t i = 0; i < nq; ++i) {
    if (similarity[i * nc + cf] >= kGivenNameEvidence) return false;
  }
  for (size_t k = 1; k < qw.size(); ++k) {
    bool given = false;
    for (size_t j = 0; j < nc && !given; ++j) {
      given = similarity[qw[k] * nc + j] >= kGivenNameEvidence;
    }
    if (!given) return false;
  }
  return true;
}

// The rules a listed name's structure brings to its name score (docs/matching.md, "Name
// structure"), the same in Search(), the brute-force reference and ScorePair.
void ApplyListedNameRules(const ScoringName& query, const ScoringName& candidate, bool short_name,
                          bool organisation, bool acronyms, const std::vector<uint16_t>& family,
                          const std::vector<float>& similarity, NameScore* result,
                          bool acronyms_unknown_kind = false) {
  size_t nq = query.tokens.size(), nc = candidate.tokens.size();
  // An organisation's complete name, legal form aside, is that organisation's name however many
  // entries share its words: PAO GAZPROM for GAZPROM (0.71 before, its word on 40 entries of the
  // group). Persons keep the information rule: one given name (OMAR) is not a listed person.
  if (organisation) result->score = std::max(result->score, result->complete_name_score);
  // An organisation's acronym, either way (AcronymScore), for a query that is not a person's
  // name: the acronym stands for every word of the other name.
  if ((organisation || acronyms_unknown_kind) && acronyms) {
    const bool query_single = !AcronymWord(query).empty();
    const double acronym =
        query_single ? AcronymScore(query, candidate) : AcronymScore(candidate, query);
    if (acronym > result->score) {
      result->score = acronym;
      result->query_coverage = result->candidate_coverage = 1;
      const ScoringName& single = query_single ? query : candidate;
      uint32_t word = 0;
      while (single.tokens[word].kind != TokenKind::kWord) ++word;
      AlignedUnit unit;
      if (query_single) {
        unit = {word, 1, 0, static_cast<uint32_t>(nc), acronym};
      } else {
        unit = {0, static_cast<uint32_t>(nq), word, 1, acronym};
      }
      result->units.assign(1, unit);
      return;
    }
  }
  // Every syllable of a short Chinese or Korean name is part of it: LIN WEI is not WEI, Lin Na.
  if (short_name && result->candidate_coverage < kShortNameCoverage) {
    result->score *= kShortNamePartial;
  }
  if (EastSlavicNameContradicted(query, candidate, similarity)) {
    result->score *= kContradictingGivenName;
    return;  // one contradiction is enough: the rules below would count it twice
  }
  if (family.empty()) {
    if (!organisation && SiblingByFirstName(query, candidate, similarity)) {
      result->score *= kContradictingGivenName;
    }
    return;
  }
  // Whether the query's name words are all common names (its match then carries no rare word).
  bool query_common = true;
  for (const ScoringToken& token : query.tokens) {
    if (token.kind == TokenKind::kWord && !token.common && !token.patronymic &&
        !IsNameParticle(token.text)) {
      query_common = false;
    }
  }
  bool named = false;
  for (size_t i = 0; i < nq && !named; ++i) {
    for (uint16_t j : family) {
      const ScoringToken& q = query.tokens[i];
      const ScoringToken& c = candidate.tokens[j];
      const double s = similarity[i * nc + j];
      // In a query of common names only, a word that spells a common name of its own, not a
      // spelling of the rarer listed word (another key, skeleton and variant class, and more than
      // a letter apart), is that name: SOKOLOV is not SHOLOKHOV, HASSAN not KASSAN.
      if (query_common && q.common && !c.common && !OneLetterApart(q.text, c.text) &&
          q.phonetic != c.phonetic && q.skeleton != c.skeleton &&
          (q.variant == 0 || q.variant != c.variant)) {
        continue;
      }
      named = named || s >= kFamilyWordSimilarity;
    }
  }
  if (!named) {
    result->score *= kMissingFamilyName;
  } else if (GivenNameContradicted(query, candidate, family, similarity)) {
    result->score *= kContradictingGivenName;
  }
}

}  // namespace

// Records are names, entries are listed parties: an entry with aliases has several records, and
// Search() reports each entry once with its best record.
struct NameIndex::Data {
  TokenStatistics statistics;
  double information_needed = 1;
  std::vector<ScoringName> names;             // per record
  std::vector<std::vector<uint32_t>> tokens;  // per record: vocabulary id of each token
  std::vector<uint32_t> entry_of;             // per record
  // Per record: 1 when it names a person with a short Chinese or Korean name
  // (IsShortEastAsianName), whose matches need corroboration.
  std::vector<uint8_t> short_name;
  // Per record: 1 when it names a person (its names read by ReadAsPersonName).
  std::vector<uint8_t> person;
  // Per record: NormalizeIdentifier of each of its identifiers, in their order.
  std::vector<std::vector<std::string>> identifier_numbers;
  // Per record: 1 when it names an organisation (IsOrganisationName), whose complete name matches
  // whatever its words' frequency on the lists (NameScore::complete_name_score).
  std::vector<uint8_t> organisation;
  // Per record: 1 when its name gives a patronymic, against which a query's patronymic left out
  // costs its whole weight (ScoreNames); the index's bound is tighter for them.
  std::vector<uint8_t> gives_patronymic;
  // Per record: 1 when every name of its entry publishes the same facts (kind, birth dates,
  // countries), as LoadNameRecords gives them; only then does the bound count the record's
  // conflicting facts (ReadingCandidates), since Rank() applies the facts of the entry's best
  // name, whichever it is.
  std::vector<uint8_t> entry_facts_shared;
  // Per record: the share of its weight in legal forms and initials, which the index does not
  // look up (they match without being found); its largest value over all records.
  std::vector<float> unindexed_share;
  float max_unindexed_share = 0;
  // Per record: the token positions of a listed person's family name (FamilyWords), or none.
  std::vector<std::vector<uint16_t>> family_words;
  size_t entries = 0;
  std::unordered_map<std::string, uint32_t> vocabulary_ids;
  std::vector<ScoringToken> vocabulary;
  std::vector<std::vector<uint32_t>> postings;  // per vocabulary id: records
  NeighbourTable phonetic_neighbours;           // by phonetic key
  // By consonant skeleton, of the words of Latin-script [0] and abjad [1] records: skeletons are
  // compared only between a Latin-script and an abjad name (see TokenSimilarity).
  NeighbourTable skeleton_neighbours[2];
  // By spelling (the word's letters as normalised), within one edit, of the words whose phonetic
  // key is short enough to get one deletion (InSpellingNeighbourhood): one typed letter can be two
  // edits of such a key where it makes or breaks a digraph (ZENIGH `zinig` / ZENITH `zinith`,
  // CBHEN `kbhin` / CHEN `chin`, GOLX `gulks` / GOLD `guld`), and the record was then left
  // unscored.
  NeighbourTable spelling_neighbours;
  std::unordered_map<std::string, std::vector<uint32_t>> by_phonetic;  // exact phonetic key
  // Words of Korean names by their Korean reading (ScoringToken::korean), which two
  // romanisations of one name share however many edits apart they are (JONG, CHONG).
  std::unordered_map<std::string, std::vector<uint32_t>> by_korean;
  // Words of Chinese names by their Wade-Giles reading (ScoringToken::wade_giles, with its "p"
  // or "w"): a pinyin word looks up the Wade-Giles words of its reading and back (BAO, PAO).
  std::unordered_map<std::string, std::vector<uint32_t>> by_wade_giles;
  // Proper prefixes of phonetic keys, of at least kMinPrefix characters and 0.6 of the key (so that
  // the lengths stay comparable), to the words with such a key: "quan" is within Jaro-Winkler reach
  // of "quanguo" though many edits away.
  std::unordered_map<std::string, std::vector<uint32_t>> by_phonetic_prefix;
  // Per vocabulary id: bit 0 set when the word is in a Latin-script record, bit 1 in an abjad
  // record; the scorer compares it by consonant skeleton against a query of the other script.
  std::vector<uint8_t> scripts;
  // Two adjacent short words of a record, which the scorer may join to match one query word
  // (abd alhq ~ abdulhaq): their joined phonetic key, and joined skeleton by the record's script
  // as above, to pair ids; pair_postings[pair id] holds the records with that pair.
  NeighbourTable joined_phonetic_neighbours;
  NeighbourTable joined_skeleton_neighbours[2];
  std::vector<std::vector<uint32_t>> pair_postings;
  std::vector<ScoringToken> pair_tokens;  // per pair id: the joined words
  std::vector<uint8_t> pair_scripts;      // per pair id: bits as in `scripts`
  // Pairs of a Korean name's words by the Korean reading of the two joined (PYONG CHOL for
  // byeongcheol).
  std::unordered_map<std::string, std::vector<uint32_t>> pairs_by_korean;
  std::unordered_map<std::string, std::vector<uint32_t>> pairs_by_wade_giles;  // (HSIAO PING)
  std::unordered_map<std::string, std::vector<uint32_t>> identifiers;          // number -> records
  // Organisations' names of three words or more by their initials (AcronymInitials), and one-word
  // organisation names (AcronymWord) by the word: the records an acronym, or a name an acronym
  // stands for, is scored against (AcronymScore; ReadingCandidates).
  std::unordered_map<std::string, std::vector<uint32_t>> by_initials;
  std::unordered_map<std::string, std::vector<uint32_t>> acronyms;

  // Per query: the similarity of each query token to vocabulary words, cached.
  // Similarities of one query token to vocabulary words, by (word, skeletons): an
  // open-addressing table that grows at half load.
  class SimilarityCache {
   public:
    float* Find(uint32_t key) {
      if (slots_.empty()) slots_.resize(64);
      size_t mask = slots_.size() - 1;
      for (size_t at = Hash(key) & mask;; at = (at + 1) & mask) {
        if (slots_[at].key == key + 1) return &slots_[at].value;
        if (slots_[at].key == 0) return nullptr;
      }
    }
    void Insert(uint32_t key, float value) {
      if (slots_.empty()) slots_.resize(64);
      if ((size_ + 1) * 2 > slots_.size()) Grow();
      size_t mask = slots_.size() - 1;
      size_t at = Hash(key) & mask;
      while (slots_[at].key != 0) at = (at + 1) & mask;
      slots_[at] = {key + 1, value};
      ++size_;
    }

   private:
    struct Slot {
      uint32_t key = 0;  // key + 1; 0 is empty
      float value = 0;
    };
    static size_t Hash(uint32_t key) { return (key * 2654435761u) >> 7; }
    void Grow() {
      std::vector<Slot> old(slots_.size() * 2);
      old.swap(slots_);
      size_ = 0;
      for (const Slot& slot : old) {
        if (slot.key != 0) Insert(slot.key - 1, slot.value);
      }
    }
    std::vector<Slot> slots_;
    size_t size_ = 0;

   public:
    size_t capacity() const { return slots_.size(); }
  };

  // What the index knows about one query word, kept per thread across queries (WordMemos): the
  // word's similarities to vocabulary words, and the records candidate generation finds for it.
  // Both depend only on the word's forms and the query's script, so a word met again (batches
  // repeat given names, family names and company words) is not looked up again.
  struct WordMemo {
    SimilarityCache similarity;  // by (vocabulary word, skeletons), see Similarity()
    bool searched = false;       // `records` is filled (words only)
    // The records holding a listed word that looks like the query word, with the best
    // similarity the record can have for it (> kUnseenSimilarity, or 1 for splits): the bound
    // of candidate generation before joins with the query's neighbouring words (RaiseWord).
    std::vector<std::pair<uint32_t, float>> records;
    size_t counted = 0;  // of records and similarity slots, in WordMemos::cost
  };
  struct WordMemos;
  // The calling thread's memos for this index, emptied when they grow beyond a budget (only
  // between queries: a query holds pointers into them).
  WordMemos& ThreadMemos() const;
  uint64_t id =
      0;  // unique per index built in this process: memos of one index never serve another

  struct QueryState {
    ScoringName name;
    // Whether organisations' acronyms apply (ApplyListedNameRules): not to a person's name.
    bool acronyms = true;
    std::vector<WordMemo*> memo;  // per query token
    WordMemos* memos = nullptr;   // the thread's, which memo points into
  };
  struct SearchScratch;

  // Adds organisation record r to by_initials or acronyms.
  void AddAcronymKeys(uint32_t r) {
    auto add = [r](std::vector<uint32_t>& records) {
      if (records.empty() || records.back() != r) records.push_back(r);
    };
    const ScoringName& name = names[r];
    const std::string_view word = AcronymWord(name);
    if (!word.empty()) {
      add(acronyms[std::string(word)]);
      return;
    }
    std::string all, content, with_form;
    AcronymInitials(name, &all, &content, &with_form);
    if (all.size() >= kMinAcronym) add(by_initials[all]);
    if (content.size() >= kMinAcronym) add(by_initials[content]);
    if (with_form.size() >= kMinAcronym) add(by_initials[with_form]);
  }
  // The organisation records AcronymScore may pair with the query `name`.
  void AcronymCandidates(const ScoringName& name, std::vector<uint32_t>* out) const {
    auto take = [&](const auto& map, const std::string& key) {
      auto found = map.find(key);
      if (found != map.end()) out->insert(out->end(), found->second.begin(), found->second.end());
    };
    const std::string_view word = AcronymWord(name);
    if (!word.empty()) {
      take(by_initials, std::string(word));
      return;
    }
    std::string all, content, with_form;
    AcronymInitials(name, &all, &content, &with_form);
    for (const std::string* initials : {&all, &content, &with_form}) {
      if (initials->size() >= kMinAcronym) take(acronyms, *initials);
    }
  }

  // Adds record r's pairs of adjacent short words to the joined tables.
  // `pair_ids`: joined text to pair id and the scripts (bit 0 Latin, 1 abjad) it was added for.
  void AddJoinedPairs(uint32_t r,
                      std::unordered_map<std::string, std::pair<uint32_t, uint8_t>>* pair_ids);

  // Per query word i: the listed words that query word i forms joined with word i + 1, with the
  // most the scorer can give that join (a bound for both words).
  using Joined = std::vector<std::vector<std::pair<uint32_t, float>>>;
  // Remembered in `memos` per joined text and script.
  Joined JoinedWords(const ScoringName& name, WordMemos* memos) const;
  // The most the scorer can give joined words `joined` (of a query or record of script
  // `joined_abjad`) against single words `single` found in `scripts` (bits as in `scripts`).
  static float JoinBound(const ScoringToken& joined, bool joined_abjad, const ScoringToken& single,
                         uint8_t single_scripts);
  // Raises, for every record holding a listed word that looks like query word i, its bound by
  // the best similarity it can have for that word times the word's weight (Candidates()).
  // With `only` set, only records marked in it are raised (Candidates(): the others cannot
  // become candidates whatever this word adds).
  void RaiseWord(QueryState* state, size_t i, const Joined& joined_with_next,
                 SearchScratch* scratch, const std::vector<uint8_t>* only = nullptr) const;
  // Marks in scratch->marked every record RaiseWord(i) would raise.
  void MarkWord(QueryState* state, size_t i, const Joined& joined_with_next,
                SearchScratch* scratch) const;
  // Fills state->memo[i]->records: the records candidate generation finds for query word i by
  // its own forms (equal word, neighbouring keys and skeletons, prefixes, joined listed words,
  // splits), each with the best similarity it can have for the word.
  void FindWord(QueryState* state, size_t i, SearchScratch* scratch) const;

  float Similarity(QueryState* state, size_t query_token, uint32_t word, bool skeletons) const {
    uint32_t key = (word << 1) | (skeletons ? 1u : 0u);
    SimilarityCache& cache = state->memo[query_token]->similarity;
    if (float* found = cache.Find(key)) return *found;
    float s = static_cast<float>(
        TokenSimilarity(state->name.tokens[query_token], vocabulary[word], skeletons));
    cache.Insert(key, s);
    return s;
  }
  // The most `word` can agree with query token i in any record holding it: by spelling in a
  // record of the query's script, by consonant skeleton in one of the other script.
  float WordBound(QueryState* state, size_t query_token, uint32_t word) const {
    const int query_script = state->name.abjad ? 2 : 1;
    float bound = 0;
    if (scripts[word] & query_script) bound = Similarity(state, query_token, word, false);
    if (scripts[word] & ~query_script & 3) {
      bound = std::max(bound, Similarity(state, query_token, word, true));
    }
    return bound;
  }

  NameScore Score(QueryState* state, uint32_t record, bool keep_units) const {
    const ScoringName& candidate = names[record];
    size_t nq = state->name.tokens.size(), nc = candidate.tokens.size();
    bool skeletons = state->name.abjad != candidate.abjad;
    // One buffer per thread: Score() runs for every candidate record, and every element is
    // written below before ScoreNames reads it.
    thread_local std::vector<float> similarity;
    similarity.resize(nq * nc);
    for (size_t i = 0; i < nq; ++i) {
      for (size_t j = 0; j < nc; ++j) {
        similarity[i * nc + j] = Similarity(state, i, tokens[record][j], skeletons);
      }
    }
    NameScore result =
        ScoreNames(state->name, candidate, similarity, information_needed, keep_units);
    ApplyListedNameRules(state->name, candidate, short_name[record], organisation[record],
                         state->acronyms, family_words[record], similarity, &result);
    return result;
  }
};

namespace {

// Below this many records (tests' small lists) a second thread costs more than it saves: its
// normaliser sets up ICU's transliterators first.
constexpr size_t kRecordsForTwoThreads = 4096;

// Runs fn(begin, end) over [0, n): on two threads in two contiguous halves when there are two
// cores and at least `enough` items, else on this thread. Each position is written by one thread
// only, so the result does not depend on the split. An exception of the helper is rethrown here.
template <typename Fn>
void InTwoHalves(size_t n, size_t enough, const Fn& fn) {
  if (n < enough || std::thread::hardware_concurrency() < 2) {
    fn(size_t{0}, n);
    return;
  }
  const size_t half = n / 2;
  std::exception_ptr failure;
  std::thread helper([&] {
    try {
      fn(half, n);
    } catch (...) {
      failure = std::current_exception();
    }
  });
  try {
    fn(size_t{0}, half);
  } catch (...) {
    helper.join();
    throw;
  }
  helper.join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace

namespace {
void AbjadSkeletonReadings(const std::string& skeleton, std::vector<std::string>* out);
}  // namespace

NameIndex::NameIndex() : data_(std::make_unique<Data>()) {}
NameIndex::~NameIndex() = default;

Status NameIndex::Build(std::vector<NameRecord> records, const MatcherOptions& options,
                        std::unique_ptr<NameIndex>* index) {
  std::unique_ptr<NameIndex> built(new NameIndex());
  built->options_ = options;
  Data& data = *built->data_;
  data.id = next_index_id.fetch_add(1);
  // Normalising (ICU) is most of the build's first half: both halves of the records at once,
  // each thread with its own normaliser; the usable records are then kept in order, in place.
  std::vector<NormalizedName> normalized(records.size());
  std::vector<Status> statuses(records.size());
  InTwoHalves(records.size(), kRecordsForTwoThreads, [&](size_t begin, size_t end) {
    NameNormalizer& normalizer = ThreadNameNormalizer();
    for (size_t i = begin; i < end; ++i) {
      statuses[i] = normalizer.Normalize(records[i].name, &normalized[i]);
      if (statuses[i].ok() && KindClass(records[i].kind) == "person") {
        ReadAsPersonName(&normalized[i]);
      }
    }
  });
  size_t kept = 0;
  for (size_t i = 0; i < records.size(); ++i) {
    const Status& status = statuses[i];
    if (!status.ok()) {
      // An unusable name is this record's problem; anything else (ICU) stops the build.
      // Skipped records are not in records_, so record ids are positions in the usable records
      // only.
      if (!status.IsCorruption() && !status.IsLimit()) return status;
      built->problems_.push_back({records[i].list_id, records[i].entry_id, records[i].name,
                                  records[i].is_alias, status.message()});
      continue;
    }
    if (kept != i) {
      normalized[kept] = std::move(normalized[i]);
      records[kept] = std::move(records[i]);
    }
    ++kept;
  }
  normalized.erase(normalized.begin() + static_cast<std::ptrdiff_t>(kept), normalized.end());
  records.erase(records.begin() + static_cast<std::ptrdiff_t>(kept), records.end());
  built->records_ = std::move(records);
  // Entries, and token weights counted once per entry.
  std::unordered_map<std::string, uint32_t> entry_ids;
  std::vector<std::vector<const NormalizedName*>> entry_names;
  for (size_t r = 0; r < built->records_.size(); ++r) {
    const NameRecord& record = built->records_[r];
    // Entry ids are unique only within a list; the unit separator cannot occur in either id.
    std::string key = record.list_id + '\x1f' + record.entry_id;
    auto [it, inserted] = entry_ids.emplace(key, static_cast<uint32_t>(entry_names.size()));
    if (inserted) entry_names.emplace_back();
    entry_names[it->second].push_back(&normalized[r]);
    data.entry_of.push_back(it->second);
    data.person.push_back(KindClass(record.kind) == "person");
    data.short_name.push_back(data.person.back() && IsShortEastAsianName(normalized[r]));
    data.organisation.push_back(IsOrganisationName(record.kind, normalized[r]));
  }
  data.entries = entry_names.size();
  {
    std::vector<int64_t> first_of_entry(entry_names.size(), -1);
    std::vector<uint8_t> shared(entry_names.size(), 1);
    for (size_t r = 0; r < built->records_.size(); ++r) {
      const NameRecord& record = built->records_[r];
      int64_t& first = first_of_entry[data.entry_of[r]];
      if (first < 0) {
        first = static_cast<int64_t>(r);
        continue;
      }
      const NameRecord& other = built->records_[static_cast<size_t>(first)];
      if (KindClass(record.kind) != KindClass(other.kind) ||
          record.birth_dates != other.birth_dates || record.countries != other.countries) {
        shared[data.entry_of[r]] = 0;
      }
    }
    for (size_t r = 0; r < built->records_.size(); ++r) {
      data.entry_facts_shared.push_back(shared[data.entry_of[r]]);
    }
  }
  for (const auto& names : entry_names) data.statistics.AddEntry(names);
  // An entry's family name, from its names of the "FAMILY, Given" form, marks every name of it.
  std::vector<std::vector<std::string>> family(entry_names.size());
  for (size_t r = 0; r < built->records_.size(); ++r) {
    for (std::string& word : FamilyWords(built->records_[r])) {
      auto& words = family[data.entry_of[r]];
      if (std::find(words.begin(), words.end(), word) == words.end()) words.push_back(word);
    }
  }
  for (size_t r = 0; r < built->records_.size(); ++r) {
    data.family_words.push_back(FamilyPositions(normalized[r], family[data.entry_of[r]]));
  }
  data.information_needed = data.statistics.InformationNeeded();

  // Each listed word's forms (phonetic key, skeleton, syllables, weight), both halves at once.
  data.names.resize(built->records_.size());
  InTwoHalves(data.names.size(), kRecordsForTwoThreads, [&](size_t begin, size_t end) {
    for (size_t r = begin; r < end; ++r) {
      data.names[r] = PrepareName(normalized[r], data.statistics);
    }
  });
  for (size_t r = 0; r < built->records_.size(); ++r) {
    MarkFamilyName(normalized[r], data.family_words[r], data.statistics, &data.names[r]);
  }
  std::unordered_map<std::string, std::pair<uint32_t, uint8_t>> pair_ids;
  for (size_t r = 0; r < built->records_.size(); ++r) {
    // Over the least total ScoreNames can give the record, every title of it left out (weighing
    // at most kTitleWeight) and every compound's article (nothing), so the share bounds its
    // candidate coverage in unseen_bound. A listed name's patronymic counts at half its weight,
    // the least ScoreNames gives it (against a query that gives no patronymic, since 2026-12-06),
    // as LeastCountedWeight gives a patronymic without `listed_patronymic`.
    double total = 0, unindexed = 0;
    const ScoringName& name = data.names[r];
    bool patronymic = false;
    for (size_t t = 0; t < name.tokens.size(); ++t) {
      const ScoringToken& token = name.tokens[t];
      patronymic = patronymic || token.patronymic;
      total += LeastCountedWeight(name, t, false);
      if (token.kind != TokenKind::kWord) unindexed += token.weight;
    }
    data.gives_patronymic.push_back(patronymic);
    // Rounded up, so the float never understates the share.
    float share = total > 0 ? std::nextafter(static_cast<float>(unindexed / total), 2.0f) : 1.0f;
    share = std::min(share, 1.0f);
    data.unindexed_share.push_back(share);
    data.max_unindexed_share = std::max(data.max_unindexed_share, share);
    // Rounded up to a sixteenth: an upper bound is all Candidates() needs, and a list update
    // that moves the largest share a little then leaves the index's CorpusKey() alone.
    data.max_unindexed_share = std::min(1.0f, std::ceil(data.max_unindexed_share * 16.0f) / 16.0f);
    std::vector<uint32_t> ids;
    for (const ScoringToken& token : data.names[r].tokens) {
      std::string key = VocabularyKey(token);
      auto [it, inserted] =
          data.vocabulary_ids.emplace(key, static_cast<uint32_t>(data.vocabulary.size()));
      if (inserted) {
        uint32_t id = it->second;
        data.vocabulary.push_back(token);
        data.postings.emplace_back();
        data.scripts.push_back(0);
        if (token.kind == TokenKind::kWord) {
          data.phonetic_neighbours.Add(token.phonetic, id);
          if (InSpellingNeighbourhood(token)) data.spelling_neighbours.Add(token.text, id, 1);
          data.by_phonetic[token.phonetic].push_back(id);
          if (!token.korean.empty()) data.by_korean[token.korean].push_back(id);
          if (!token.wade_giles.empty()) data.by_wade_giles[token.wade_giles].push_back(id);
          const size_t length = token.phonetic.size();
          for (size_t prefix = std::max(kMinPrefix, (length * 6 + 9) / 10); prefix < length;
               ++prefix) {
            data.by_phonetic_prefix[token.phonetic.substr(0, prefix)].push_back(id);
          }
        }
      }
      const bool abjad = data.names[r].abjad;
      uint8_t& scripts = data.scripts[it->second];
      if (token.kind == TokenKind::kWord && !token.skeleton.empty() &&
          (scripts & (abjad ? 2 : 1)) == 0) {
        data.skeleton_neighbours[abjad ? 1 : 0].Add(token.skeleton, it->second);
        // A listed abjad word under its readings too, as FindWord looks an abjad query word up
        // (AbjadSkeletonReadings): a Latin query word then finds the listed word its reading
        // agrees with (REMAN for الرحمن, lrhmn read rhmn; missed before 2026-12-07).
        if (abjad) {
          std::vector<std::string> readings;
          AbjadSkeletonReadings(token.skeleton, &readings);
          for (const std::string& reading : readings) {
            data.skeleton_neighbours[1].Add(reading, it->second, reading.size() >= 3 ? 1 : 0);
          }
        }
      }
      scripts |= abjad ? 2 : 1;
      auto& posting = data.postings[it->second];
      // Records are visited in order, so each posting list is sorted and holds a record once even
      // when the name repeats a word.
      if (posting.empty() || posting.back() != r) posting.push_back(static_cast<uint32_t>(r));
      ids.push_back(it->second);
    }
    data.tokens.push_back(std::move(ids));
    data.AddJoinedPairs(static_cast<uint32_t>(r), &pair_ids);
    if (data.organisation[r]) data.AddAcronymKeys(static_cast<uint32_t>(r));
    std::vector<std::string>& numbers = data.identifier_numbers.emplace_back();
    for (const Identifier& id : built->records_[r].identifiers) {
      std::string number = NormalizeIdentifier(id.number);
      numbers.push_back(number);
      // Every identifier, however short ("A12"): Corroborate() lets an equal one decide (a
      // registration number in its country), so Candidates() must score every record holding it.
      // Identifiers under four characters used to be left out and bounded by the identifier's
      // bonus alone, which missed such a record whose name was far from the query's.
      if (number.empty()) continue;
      auto& records_with = data.identifiers[number];
      if (records_with.empty() || records_with.back() != r) {
        records_with.push_back(static_cast<uint32_t>(r));
      }
    }
  }
  // The seven neighbour tables sort and lay out their entries independently: on two threads, the
  // two largest (phonetic keys and Latin skeletons) apart.
  NeighbourTable* tables[] = {&data.phonetic_neighbours,           &data.skeleton_neighbours[1],
                              &data.joined_skeleton_neighbours[1], &data.spelling_neighbours,
                              &data.joined_phonetic_neighbours,    &data.skeleton_neighbours[0],
                              &data.joined_skeleton_neighbours[0]};
  InTwoHalves(std::size(tables), 2, [&](size_t begin, size_t end) {
    for (size_t t = begin; t < end; ++t) tables[t]->Finish();
  });
  *index = std::move(built);
  return Status::Ok();
}

namespace {

struct Ranked {
  uint32_t record;
  double name_score;
  double score;
  bool decided;
  bool needs_corroboration;
};

// The consonant skeletons an abjad word's skeleton may also be read as in Latin (AbjadDistance,
// score.cc), so that the index finds the listed words the reading agrees with although their
// skeletons are more than an edit apart (ta marbuta left out and ش written ch: عكاشة, ksht, is
// AKKACHA, kch). Each reading applies some of: ث (th) as s or t and dh (ذ, and ظ and ض as the
// normaliser writes them) as z or d, every d as z (Persian and Urdu); a final t (ة) left out or
// written h; ق (q) as g or k; ش (sh) as ch; the article's l left out before a sun letter (a join
// سعد الدين, sdldn, is SADUDDIN, sdn) or at the start. Doubled letters fold after each, as
// ConsonantSkeleton folds them. At most kMaxReadings readings besides the skeleton itself are
// appended to `out`; a word none of these apply to adds nothing.
void AbjadSkeletonReadings(const std::string& skeleton, std::vector<std::string>* out) {
  constexpr size_t kMaxReadings = 15;
  auto fold = [](const std::string& text) {
    std::string folded;
    for (char c : text) {
      if (folded.empty() || folded.back() != c) folded += c;
    }
    return folded;
  };
  auto replace_all = [](const std::string& text, std::string_view from, std::string_view to) {
    std::string result;
    for (size_t i = 0; i < text.size();) {
      if (text.compare(i, from.size(), from) == 0) {
        result += to;
        i += from.size();
      } else {
        result += text[i++];
      }
    }
    return result;
  };
  auto drop_assimilated_l = [](const std::string& text) {  // l before a sun letter, or first
    std::string result;
    for (size_t i = 0; i < text.size(); ++i) {
      char next = i + 1 < text.size() ? text[i + 1] : 0;
      if (text[i] == 'l' && next != 0 && (i == 0 || IsSunLetter(next))) {
        continue;
      }
      result += text[i];
    }
    return result;
  };
  // Each rule maps one reading to up to two others; rules apply to the readings so far, in order.
  using Rule = std::function<std::vector<std::string>(const std::string&)>;
  const Rule rules[] = {
      [&](const std::string& t) {
        return std::vector<std::string>{replace_all(replace_all(t, "th", "s"), "dh", "z"),
                                        replace_all(replace_all(t, "th", "t"), "dh", "d")};
      },
      [&](const std::string& t) {
        return std::vector<std::string>{replace_all(replace_all(t, "dh", "z"), "d", "z")};
      },
      [&](const std::string& t) {
        if (t.size() < 3 || t.back() != 't') return std::vector<std::string>{};
        return std::vector<std::string>{t.substr(0, t.size() - 1), t.substr(0, t.size() - 1) + "h"};
      },
      [&](const std::string& t) {
        return std::vector<std::string>{replace_all(t, "q", "g"), replace_all(t, "q", "k")};
      },
      [&](const std::string& t) { return std::vector<std::string>{replace_all(t, "sh", "ch")}; },
      [&](const std::string& t) { return std::vector<std::string>{drop_assimilated_l(t)}; },
  };
  std::vector<std::string> readings = {skeleton};
  for (const Rule& rule : rules) {
    const size_t before = readings.size();
    for (size_t k = 0; k < before; ++k) {
      for (const std::string& produced : rule(readings[k])) {
        std::string reading = fold(produced);
        if (reading.empty() || readings.size() > kMaxReadings) continue;
        if (std::find(readings.begin(), readings.end(), reading) == readings.end()) {
          readings.push_back(std::move(reading));
        }
      }
    }
  }
  for (size_t k = 1; k < readings.size(); ++k) {
    if (std::find(out->begin(), out->end(), readings[k]) == out->end()) {
      out->push_back(std::move(readings[k]));
    }
  }
}

// The most the query's corroborating facts can add to any record's name score: for each fact
// given, the largest delta it can produce (a conflict weight set above zero counts too).
double CorroborationBonus(const NameQuery& query, const MatcherOptions& options) {
  double bonus = 0;
  if (!query.birth_date.empty()) {
    bonus += std::max({0.0, options.birth_date_match, options.birth_year_match,
                       options.birth_date_conflict,
                       options.birth_date_conflict + options.short_name_conflict});
  }
  if (!query.country.empty()) {
    bonus += std::max({0.0, options.country_match, options.country_conflict});
  }
  if (!query.kind.empty()) bonus += std::max(0.0, options.kind_conflict);
  // An identifier can only match in the records that publish it (Build indexes every one), and
  // Candidates() scores those whatever their bound; every other record's bound leaves the
  // identifier's bonus out. A company's registration number used to lower every search's bound by
  // 0.2 (about 1.4 ms a party in the batch).
  return bonus;
}

}  // namespace

// Per-thread buffers of Search(), sized for the largest index searched; every use leaves them
// zeroed.
struct NameIndex::Data::SearchScratch {
  std::vector<float> token_best;    // per record
  std::vector<float> bound;         // per record
  std::vector<float> found_weight;  // per record
  std::vector<uint32_t> token_records;
  std::vector<uint32_t> words;
  std::vector<uint32_t> pairs;
  std::vector<uint32_t> touched;  // records with bound > 0
  std::vector<uint8_t> marked;    // per record, MarkWord
  std::vector<uint32_t> marked_records;
  void Reserve(size_t records) {
    if (marked.size() < records) marked.resize(records);
    if (token_best.size() < records) token_best.resize(records);
    if (bound.size() < records) bound.resize(records);
    if (found_weight.size() < records) found_weight.resize(records);
  }
};

struct NameIndex::PreparedQuery {
  const NameQuery* query = nullptr;
  Data::QueryState state;
  // Prepare(): the reading as a person's name that scores the listed persons, for a query of no
  // kind whose name holds a legal form; null otherwise.
  std::unique_ptr<PreparedQuery> person;
  // The state that scores record `r`.
  Data::QueryState* StateFor(const std::vector<uint8_t>& person_record, uint32_t r) {
    return person != nullptr && person_record[r] ? &person->state : &state;
  }
};

namespace {
// Memo entries (similarities and records) kept per thread before the memos are emptied: about
// 16 MB.
constexpr size_t kMemoBudget = 2'000'000;
}  // namespace

struct NameIndex::Data::WordMemos {
  uint64_t index_id = 0;
  size_t cost = 0;  // records and similarity slots held, against kMemoBudget
  std::unordered_map<std::string, std::unique_ptr<WordMemo>> by_key;
  std::vector<WordMemo*> used;  // since the last Settle()
  // JoinedWords' listed words for two query words joined, by script ('a' or 'l') and joined text.
  std::unordered_map<std::string, std::vector<std::pair<uint32_t, float>>> joined;

  // The memo of `token` in a query of script `abjad`; created empty when new.
  WordMemo* Get(const ScoringToken& token, bool abjad) {
    // The key holds every field of the token that similarity and candidate generation read, and
    // the query's script. The structured binding is a tripwire: it stops compiling when a field
    // is added to ScoringToken, which must then be added here if TokenSimilarity reads it.
    const auto& [text, skeleton, phonetic, kind, weight, syllables, patronymic, variant, korean,
                 wade_giles, token_abjad, common, populations, title, branch, maternal, fused_part,
                 written_initial, form_letter, translation_rest, type_initials] = token;
    (void)weight;            // the weight is applied per query (RaiseWord), never memoised
    (void)common;            // a function of the text and the script, both in the key
    (void)populations;       // so is this
    (void)title;             // a function of the text; similarity does not read it
    (void)branch;            // read by ScoreNames, not by similarity
    (void)maternal;          // so is this
    (void)fused_part;        // read by ScoreNames (StemAgainstOwnName), not by similarity
    (void)written_initial;   // read by acronyms (AcronymInitials), not by similarity
    (void)form_letter;       // so is this
    (void)translation_rest;  // so is this
    (void)type_initials;     // so is this
    (void)token_abjad;       // a query token's script is the query's, `abjad` below
    std::string key;
    key.reserve(text.size() + skeleton.size() + phonetic.size() + 8);
    key += abjad ? 'a' : 'l';
    key += static_cast<char>('0' + static_cast<int>(kind));
    key += static_cast<char>(syllables);
    key += patronymic ? 'p' : '-';
    key.append(reinterpret_cast<const char*>(&variant), sizeof(variant));
    key += text;
    key += '\x1f';
    key += skeleton;
    key += '\x1f';
    key += phonetic;
    key += '\x1f';
    key += korean;
    key += '\x1f';
    key += wade_giles;
    std::unique_ptr<WordMemo>& memo = by_key[key];
    if (memo == nullptr) memo = std::make_unique<WordMemo>();
    used.push_back(memo.get());
    return memo.get();
  }
};

NameIndex::Data::WordMemos& NameIndex::Data::ThreadMemos() const {
  thread_local WordMemos memos;
  // What the previous query added (records are found once per memo, similarity slots only grow),
  // then the budget and the index: the memos are emptied between queries only.
  for (WordMemo* memo : memos.used) {
    const size_t now = memo->records.size() + memo->similarity.capacity();
    memos.cost += now - memo->counted;
    memo->counted = now;
  }
  memos.used.clear();
  if (memos.index_id != id || memos.cost > kMemoBudget) {
    memos.by_key.clear();
    memos.joined.clear();
    memos.index_id = id;
    memos.cost = 0;
  }
  return memos;
}

float NameIndex::Data::JoinBound(const ScoringToken& joined, bool joined_abjad,
                                 const ScoringToken& single, uint8_t single_scripts) {
  // As AlignmentCandidates (score.cc): plausible lengths (JoinLengthsPlausible), same first
  // letter unless skeletons.
  if (single.kind != TokenKind::kWord) return 0;
  const uint8_t same_script = joined_abjad ? 2 : 1;
  float bound = 0;
  const bool same_letter =
      single.text[0] == joined.text[0] ||
      (!joined.korean.empty() && !single.korean.empty() && joined.korean[0] == single.korean[0]) ||
      SameWadeGiles(joined.wade_giles, single.wade_giles);
  if ((single_scripts & same_script) && same_letter &&
      (JoinLengthsPlausible(joined.text.size(), single.text.size(), false) ||
       SameWadeGiles(joined.wade_giles, single.wade_giles))) {
    bound = static_cast<float>(TokenSimilarity(joined, single, false));
  }
  if ((single_scripts & ~same_script & 3) &&
      JoinLengthsPlausible(joined.text.size(), single.text.size(), true)) {
    // TokenSimilarity reads the script of its first token: the joined words' script here.
    ScoringToken copy;
    const ScoringToken* first = &joined;
    if (joined.abjad != joined_abjad) {
      copy = joined;
      copy.abjad = joined_abjad;
      first = &copy;
    }
    bound = std::max(bound, static_cast<float>(TokenSimilarity(*first, single, true)));
  }
  return bound;
}

NameIndex::Data::Joined NameIndex::Data::JoinedWords(const ScoringName& name,
                                                     WordMemos* memos) const {
  const auto& words = name.tokens;
  Joined joined_with_next(words.size());
  std::vector<uint32_t> found;
  std::vector<std::string> readings;
  for (size_t i = 0; i + 1 < words.size(); ++i) {
    if (words[i].kind != TokenKind::kWord || words[i + 1].kind != TokenKind::kWord) continue;
    // Joined at any length ("al" + "hq"): a joined key under five letters is looked up exactly,
    // not in its one-edit neighbourhood, which would find mostly noise.
    if (!MayJoin(words[i].text, words[i + 1].text, name.abjad)) continue;
    // What follows reads the joined text and the script alone.
    const bool korean = !words[i].korean.empty() && !words[i + 1].korean.empty();
    const std::string wade_giles = JoinedWadeGiles(words[i], words[i + 1]);
    std::string key = (name.abjad ? "a"
                       : korean   ? "k"
                                  : "l") +
                      wade_giles + '\x1f' + words[i].text + words[i + 1].text;
    auto remembered = memos->joined.find(key);
    if (remembered != memos->joined.end()) {
      joined_with_next[i] = remembered->second;
      continue;
    }
    ScoringToken joined;
    joined.text = words[i].text + words[i + 1].text;
    joined.skeleton = ConsonantSkeleton(joined.text);
    joined.phonetic = PhoneticKey(joined.text);
    joined.variant = NameVariantClass(joined.phonetic);
    joined.abjad = name.abjad;
    if (korean) joined.korean = KoreanReading(joined.text);
    joined.wade_giles = wade_giles;
    // Short joins (an article written apart: al hq = alhq) look up their exact key only: within
    // one edit a four-letter key finds too many words.
    found.clear();
    phonetic_neighbours.Find(joined.phonetic, &found, joined.text.size() < 5 ? 0 : 1);
    if (joined.skeleton.size() >= 3) {
      skeleton_neighbours[name.abjad ? 0 : 1].Find(joined.skeleton, &found, 1);
    } else if (name.abjad && !joined.skeleton.empty()) {
      // An abjad join with a short skeleton (wly allh: lh, WALIULLAH) is looked up exactly, as
      // FindWord looks up short skeletons; a vowelled one is never joined across scripts so.
      skeleton_neighbours[0].Find(joined.skeleton, &found, 0);
    }
    if (name.abjad) {  // as FindWord: the joined words' readings (AbjadSkeletonReadings)
      readings.clear();
      AbjadSkeletonReadings(joined.skeleton, &readings);
      for (const std::string& reading : readings) {
        if (reading.size() >= 3) skeleton_neighbours[0].Find(reading, &found, 1);
      }
    }
    if (!joined.korean.empty()) {
      AppendPostings(by_korean, joined.korean, &found);
    }
    if (!wade_giles.empty()) {
      AppendPostings(by_wade_giles, OtherWadeGiles(wade_giles), &found);
    }
    std::sort(found.begin(), found.end());
    found.erase(std::unique(found.begin(), found.end()), found.end());
    for (uint32_t w : found) {
      float similarity = JoinBound(joined, name.abjad, vocabulary[w], scripts[w]);
      if (similarity > kUnseenSimilarity) joined_with_next[i].push_back({w, similarity});
    }
    memos->cost += joined_with_next[i].size() + 1;
    memos->joined.emplace(std::move(key), joined_with_next[i]);
  }
  return joined_with_next;
}

void NameIndex::Data::AddJoinedPairs(
    uint32_t r, std::unordered_map<std::string, std::pair<uint32_t, uint8_t>>* pair_ids) {
  const ScoringName& name = names[r];
  const auto& words = name.tokens;
  for (size_t i = 0; i + 1 < words.size(); ++i) {
    if (words[i].kind != TokenKind::kWord || words[i + 1].kind != TokenKind::kWord) continue;
    if (!MayJoin(words[i].text, words[i + 1].text, name.abjad)) continue;
    const std::string joined = words[i].text + words[i + 1].text;
    // A Korean name's pair is read as Korean (ScoringToken::korean): its own entry, as in
    // VocabularyKey.
    const bool korean = !words[i].korean.empty() && !words[i + 1].korean.empty();
    const std::string wade_giles = JoinedWadeGiles(words[i], words[i + 1]);
    auto [it, inserted] = pair_ids->emplace(
        (korean ? joined + '\x02' : joined) + (wade_giles.empty() ? "" : '\x03' + wade_giles),
        std::make_pair(static_cast<uint32_t>(pair_postings.size()), uint8_t{0}));
    const uint32_t pair = it->second.first;
    if (inserted) {
      pair_postings.emplace_back();
      ScoringToken token;
      token.text = joined;
      token.skeleton = ConsonantSkeleton(joined);
      token.phonetic = PhoneticKey(joined);
      token.variant = NameVariantClass(token.phonetic);
      if (korean) token.korean = KoreanReading(joined);
      if (!token.korean.empty()) pairs_by_korean[token.korean].push_back(pair);
      token.wade_giles = wade_giles;
      if (!wade_giles.empty()) pairs_by_wade_giles[wade_giles].push_back(pair);
      joined_phonetic_neighbours.Add(token.phonetic, pair, 1);
      pair_tokens.push_back(std::move(token));
      pair_scripts.push_back(0);
    }
    const uint8_t script = name.abjad ? 2 : 1;
    pair_scripts[pair] |= script;
    if ((it->second.second & script) == 0) {
      it->second.second |= script;
      const std::string skeleton = ConsonantSkeleton(joined);
      if (skeleton.size() >= 3) {
        joined_skeleton_neighbours[script - 1].Add(skeleton, pair, 1);
      } else if (script == 2 && !skeleton.empty()) {
        // An abjad pair with a short skeleton (ولى الله, wly allh: lh) is one word read across
        // scripts (WALIULLAH): kept for exact lookup, as FindWord looks short skeletons up.
        joined_skeleton_neighbours[1].Add(skeleton, pair, 0);
      }
    }
    auto& posting = pair_postings[pair];
    if (posting.empty() || posting.back() != r) posting.push_back(r);
  }
}

void NameIndex::Data::FindWord(QueryState* state, size_t i, SearchScratch* scratch) const {
  const ScoringToken& token = state->name.tokens[i];
  std::vector<uint32_t>& token_records = scratch->token_records;
  token_records.clear();
  auto raise = [&](uint32_t word, float similarity) {
    for (uint32_t r : postings[word]) {
      float& best = scratch->token_best[r];
      if (best == 0) token_records.push_back(r);
      best = std::max(best, similarity);
    }
  };
  auto exact = vocabulary_ids.find(VocabularyKey(token));
  // The bound must be at least the exact similarity: every listed word this query word can score
  // above 0 with is reached here (equal word, neighbouring phonetic key or skeleton, or a join),
  // and raised by the cached exact TokenSimilarity, or by 1 where that is not computed (joins).
  if (exact != vocabulary_ids.end()) raise(exact->second, 1);
  if (token.kind == TokenKind::kWord) {  // the same letters in a name of the other script
    auto other = vocabulary_ids.find(OtherScriptKey(token));
    if (other != vocabulary_ids.end()) raise(other->second, 1);
  }
  // The listed words that look like the query word: phonetic key within one or two edits;
  // consonant skeleton within one or two edits in the records of the other script (exactly for
  // a skeleton of one or two letters, "bd" = abdu, "l" = ali (the abjad reading can agree on such
  // short words: علی is ALI, WALI); within an edit "bn" would match half the lists); and
  // phonetic keys of which one is a prefix of the other.
  std::vector<uint32_t>& words = scratch->words;
  words.clear();
  phonetic_neighbours.Find(token.phonetic, &words);
  if (token.text.size() >= 3) spelling_neighbours.Find(token.text, &words, 1);
  const bool skeleton_usable = token.skeleton.size() >= 3;
  const NeighbourTable& other_script = skeleton_neighbours[state->name.abjad ? 0 : 1];
  if (skeleton_usable) other_script.Find(token.skeleton, &words);
  // An abjad word's readings (AbjadSkeletonReadings: th as s, SANA; dh as z, NAZIR; ksht as kch,
  // AKKACHA; ...).
  std::vector<std::string> readings;
  if (state->name.abjad) AbjadSkeletonReadings(token.skeleton, &readings);
  for (const std::string& reading : readings) {
    other_script.Find(reading, &words, reading.size() >= 3 ? 1 : 0);
  }
  if (!token.skeleton.empty() && token.skeleton.size() <= 2)
    other_script.Find(token.skeleton, &words, 0);
  const std::string& key = token.phonetic;
  auto longer = by_phonetic_prefix.find(key);
  if (longer != by_phonetic_prefix.end()) {
    words.insert(words.end(), longer->second.begin(), longer->second.end());
  }
  for (size_t prefix = std::max(kMinPrefix, (key.size() * 6 + 9) / 10); prefix < key.size();
       ++prefix) {
    auto shorter = by_phonetic.find(key.substr(0, prefix));
    if (shorter != by_phonetic.end()) {
      words.insert(words.end(), shorter->second.begin(), shorter->second.end());
    }
  }
  // A Korean name's word: the words of its Korean reading (JONG for CHONG).
  if (!token.korean.empty()) {
    AppendPostings(by_korean, token.korean, &words);
  }
  // A Chinese name's word: the words of the other romanisation with its reading (PAO for BAO).
  if (!token.wade_giles.empty()) {
    AppendPostings(by_wade_giles, OtherWadeGiles(token.wade_giles), &words);
  }
  // Learned romanisation variants of the word (MOHAMMED ~ MUHAMMAD): their keys may be further
  // apart than the neighbourhoods reach.
  for (const std::string& variant : NameVariantKeys(token.variant)) {
    AppendPostings(by_phonetic, variant, &words);
  }
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  for (uint32_t w : words) {
    float similarity = WordBound(state, i, w);
    if (similarity > kUnseenSimilarity) raise(w, similarity);
  }
  // Two adjacent listed words that the query word may stand for joined (within one edit).
  std::vector<uint32_t>& pairs = scratch->pairs;
  pairs.clear();
  joined_phonetic_neighbours.Find(key, &pairs, 1);
  if (skeleton_usable) {
    joined_skeleton_neighbours[state->name.abjad ? 0 : 1].Find(token.skeleton, &pairs, 1);
  } else if (!state->name.abjad && !token.skeleton.empty()) {
    joined_skeleton_neighbours[1].Find(token.skeleton, &pairs, 0);  // abjad pairs, exactly
  }
  for (const std::string& reading : readings) {
    if (reading.size() >= 3) {
      joined_skeleton_neighbours[state->name.abjad ? 0 : 1].Find(reading, &pairs, 1);
    }
  }
  if (!token.korean.empty()) {
    AppendPostings(pairs_by_korean, token.korean, &pairs);
  }
  if (!token.wade_giles.empty()) {
    AppendPostings(pairs_by_wade_giles, OtherWadeGiles(token.wade_giles), &pairs);
  }
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  for (uint32_t pair : pairs) {
    // The query word is the single side here; JoinBound's scripts are the query's.
    float similarity = JoinBound(pair_tokens[pair], (pair_scripts[pair] & 2) != 0, token,
                                 state->name.abjad ? 2 : 1);
    if ((pair_scripts[pair] & 3) == 3) {  // the pair is in records of both scripts
      similarity = std::max(similarity, JoinBound(pair_tokens[pair], false, token, 3));
    }
    if (similarity <= kUnseenSimilarity) continue;
    for (uint32_t r : pair_postings[pair]) {
      float& best = scratch->token_best[r];
      if (best == 0) token_records.push_back(r);
      best = std::max(best, similarity);
    }
  }
  // The listed words this query word may be joined from: both halves must be listed words;
  // a record holding the pair holds the rarer half.
  for (size_t split = 2; key.size() >= 6 && split + 2 <= key.size(); ++split) {
    auto left = by_phonetic.find(key.substr(0, split));
    if (left == by_phonetic.end()) continue;
    auto right = by_phonetic.find(key.substr(split));
    if (right == by_phonetic.end()) continue;
    auto count = [&](const std::vector<uint32_t>& ids) {
      size_t n = 0;
      for (uint32_t w : ids) n += postings[w].size();
      return n;
    };
    const auto& rarer = count(left->second) <= count(right->second) ? left->second : right->second;
    for (uint32_t w : rarer) raise(w, 1);
  }
  // Moved into the memo, resetting token_best (the scratch invariant: all zero between uses).
  WordMemo& memo = *state->memo[i];
  memo.records.clear();
  memo.records.reserve(token_records.size());
  for (uint32_t r : token_records) {
    memo.records.push_back({r, scratch->token_best[r]});
    scratch->token_best[r] = 0;
  }
  memo.searched = true;
}

void NameIndex::Data::MarkWord(QueryState* state, size_t i, const Joined& joined_with_next,
                               SearchScratch* scratch) const {
  WordMemo& memo = *state->memo[i];
  if (!memo.searched) FindWord(state, i, scratch);
  auto mark = [&](uint32_t r) {
    if (scratch->marked[r] == 0) {
      scratch->marked[r] = 1;
      scratch->marked_records.push_back(r);
    }
  };
  for (const auto& record : memo.records) mark(record.first);
  for (size_t j : {i, i - 1}) {  // as in RaiseWord
    if (j >= joined_with_next.size()) continue;
    for (const auto& joined : joined_with_next[j]) {
      for (uint32_t r : postings[joined.first]) mark(r);
    }
  }
}

void NameIndex::Data::RaiseWord(QueryState* state, size_t i, const Joined& joined_with_next,
                                SearchScratch* scratch, const std::vector<uint8_t>* only) const {
  const ScoringToken& token = state->name.tokens[i];
  WordMemo& memo = *state->memo[i];
  if (!memo.searched) FindWord(state, i, scratch);
  // Adds record r's best similarity for this word to its bound.
  auto add = [&](uint32_t r, float best) {
    if (only != nullptr && (*only)[r] == 0) return;
    if (scratch->bound[r] == 0) scratch->touched.push_back(r);
    // A word of the record beyond the neighbourhood may agree up to kUnseenSimilarity; so words
    // found at kUnseenSimilarity or less are not raised at all (the bound is the same).
    scratch->bound[r] += std::max(best, static_cast<float>(kUnseenSimilarity)) * token.weight;
    scratch->found_weight[r] += token.weight;
  };
  // Joins with the next word (j = i) or the previous one (j = i - 1; for i = 0 it wraps to SIZE_MAX
  // and fails the bound check).
  bool joins = false;
  for (size_t j : {i, i - 1})
    joins = joins || (j < joined_with_next.size() && !joined_with_next[j].empty());
  if (!joins) {
    for (const auto& [r, best] : memo.records) add(r, best);
    return;
  }
  // The joins raise the memo's bests per record: gathered in token_best first.
  std::vector<uint32_t>& token_records = scratch->token_records;
  token_records.clear();
  for (const auto& [r, best] : memo.records) {
    scratch->token_best[r] = best;
    token_records.push_back(r);
  }
  for (size_t j : {i, i - 1}) {
    if (j >= joined_with_next.size()) continue;
    for (const auto& [w, similarity] : joined_with_next[j]) {
      for (uint32_t r : postings[w]) {
        float& best = scratch->token_best[r];
        if (best == 0) token_records.push_back(r);
        best = std::max(best, similarity);
      }
    }
  }
  for (uint32_t r : token_records) {
    add(r, scratch->token_best[r]);
    scratch->token_best[r] = 0;
  }
}

Status NameIndex::Prepare(const NameQuery& query, PreparedQuery* prepared) const {
  NormalizedName normalized;
  Status status = ThreadNameNormalizer().Normalize(query.name, &normalized);
  if (!status.ok()) return status;
  const std::string_view kind = KindClass(query.kind);
  if (kind == "person") ReadAsPersonName(&normalized);
  // Called once per query: the memos may be emptied here, and both readings point into them.
  Data::WordMemos& memos = data_->ThreadMemos();
  auto fill = [&](const NormalizedName& name, PreparedQuery* out) {
    out->query = &query;
    out->state.name = PrepareName(name, data_->statistics);
    out->state.acronyms = kind != "person";
    out->state.memos = &memos;
    out->state.memo.clear();
    for (const ScoringToken& token : out->state.name.tokens) {
      out->state.memo.push_back(memos.Get(token, out->state.name.abjad));
    }
  };
  fill(normalized, prepared);
  prepared->person.reset();
  if (kind.empty() && ReadAsPersonName(&normalized)) {
    prepared->person = std::make_unique<PreparedQuery>();
    fill(normalized, prepared->person.get());
  }
  return Status::Ok();
}

// Candidate generation. Each query word collects the listed words that look like it (its
// phonetic key within one or two edits, or its consonant skeleton for an abjad query; and the
// words it may be joined from, or that it forms joined with its neighbour) and raises, for each
// record holding one, the best similarity that record could have for the query word (1 for
// joins). The weighted sum over query words bounds the record's query coverage and so its name
// score (see ScoreNames); adding the most corroboration can add bounds its score. Records whose
// bound stays below `min_score` are not scored.
std::vector<uint32_t> NameIndex::Candidates(PreparedQuery* prepared, double min_score) const {
  std::vector<uint32_t> found = ReadingCandidates(prepared, min_score);
  if (prepared->person == nullptr) return found;
  const std::vector<uint8_t>& person = data_->person;
  std::erase_if(found, [&](uint32_t r) { return person[r]; });
  std::vector<uint32_t> persons = ReadingCandidates(prepared->person.get(), min_score);
  std::erase_if(persons, [&](uint32_t r) { return !person[r]; });
  found.insert(found.end(), persons.begin(), persons.end());
  std::sort(found.begin(), found.end());
  return found;
}

std::vector<uint32_t> NameIndex::ReadingCandidates(PreparedQuery* prepared,
                                                   double min_score) const {
  const Data& data = *data_;
  const NameQuery& query = *prepared->query;
  const auto& tokens = prepared->state.name.tokens;
  const size_t record_count = records_.size();
  double unindexed_weight = 0;  // legal forms and initials: assumed to match
  double total_weight = 0;
  double word_weight = 0;
  // The least the query's total weight can be in ScoreNames: a title the record does not give
  // counts there at most kTitleWeight, a patronymic kUngivenPatronymicShare of its weight, a
  // compound's article nothing. Coverage is bounded over it. Before 2026-12-06 the patronymic and
  // the article counted in full here, so a record could score above the bound: "Ramzan
  // Akhmatovich Kadyrov" scored 0.844 against KADYROV, Ramzan by brute force, and the index,
  // asked for 0.84, did not find it.
  // Against a record that gives a patronymic, the query's patronymic counts in full: its bound
  // is over `least_total_patronymic`, the same total with the query's patronymics in full.
  //
  // A compound's article (IsCompoundArticle: the AL of ABD AL KADYROV) counts in ScoreNames'
  // matched weight at most what it adds to the total: matched, both (the matched weight at its
  // similarity); left out, neither (a nasab's BIN left out beside a word not given: the total
  // only). So it is assumed matched, counted in full in the least total, and not looked up: the
  // coverage bound min(1, (m + a) / (T + a)) holds in every case and is far tighter than counting
  // the article found but not in the total (since 2026-12-07: alone, it took "Azamat
  // Abdykadyrov", ABD AL KADYROV, from 1,740 records scored to 1,650; the facts below, to none;
  // docs/performance.md, "Names of the batch").
  std::vector<bool> assumed(tokens.size(), false);
  double least_total = 0, least_total_patronymic = 0;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const ScoringToken& token = tokens[i];
    total_weight += token.weight;
    if (token.kind == TokenKind::kWord && IsCompoundArticle(prepared->state.name, i)) {
      assumed[i] = true;
      least_total += token.weight;
      least_total_patronymic += token.weight;
      unindexed_weight += token.weight;
      continue;
    }
    least_total += LeastCountedWeight(prepared->state.name, i, false);
    least_total_patronymic += LeastCountedWeight(prepared->state.name, i, true);
    (token.kind == TokenKind::kWord ? word_weight : unindexed_weight) += token.weight;
  }
  const double bonus = CorroborationBonus(query, options_);
  // The most a record can score when it matches query weight `matched` (see ScoreNames) and its
  // facts add `facts_bonus`.
  auto upper_bound_with = [&](double matched, double over_total, double facts_bonus) {
    matched = std::min(matched, total_weight);
    // Candidate coverage is taken as 1, its most. Treating the query's initials as matched (they
    // are in `matched`) also bounds the padding rule of ScoreNames, which can only drop unmatched
    // initials from the total: a / (T - d) <= (a + d) / T whenever a + d <= T.
    return CoverageScore(std::min(1.0, matched / over_total), 1.0, matched,
                         data.information_needed) +
           facts_bonus;
  };
  auto upper_bound_over = [&](double matched, double over_total) {
    return upper_bound_with(matched, over_total, bonus);
  };
  auto upper_bound = [&](double matched) { return upper_bound_over(matched, least_total); };
  // A query word for which candidate generation finds nothing in a record may still be similar
  // to one of its words beyond the neighbourhood searched (two edits in a short word): it is
  // assumed to match at up to kUnseenSimilarity. When a record in which nothing was found can
  // reach `min_score` that way (corroboration alone can lift it), every record is scored.
  //
  // That bound takes the record's candidate coverage as 1. In a record where nothing was found,
  // every word agrees with the query's at kUnseenSimilarity or less, so its candidate coverage is
  // at most kUnseenSimilarity plus the rest of its legal forms' and initials' share. Only records
  // whose share can lift them to `min_score` are scored then, not all of them: a long party name
  // with a country used to score every listed name (8 ms a search in the batch).
  std::vector<uint32_t> candidates;
  const double unseen_matched = kUnseenSimilarity * word_weight + unindexed_weight;
  auto unseen_bound = [&](double candidate_share) {
    double matched = std::min(unseen_matched, total_weight);
    double candidate_coverage =
        std::min(1.0, kUnseenSimilarity + (1 - kUnseenSimilarity) * candidate_share);
    return CoverageScore(std::min(1.0, matched / least_total), candidate_coverage, matched,
                         data.information_needed) +
           bonus;
  };
  bool scan_unseen = false;  // some records in which nothing is found may reach min_score
  double share_needed = 2;   // the least unindexed share such a record needs
  if (upper_bound(unseen_matched) >= min_score - 1e-6) {
    if (unseen_bound(0) >= min_score - 1e-6) {
      candidates.resize(record_count);
      for (size_t r = 0; r < record_count; ++r) candidates[r] = static_cast<uint32_t>(r);
      return candidates;
    }
    if (unseen_bound(data.max_unindexed_share) >= min_score - 1e-6) {
      scan_unseen = true;
      double lo = 0, hi = data.max_unindexed_share;  // unseen_bound(lo) < min_score <= at hi
      for (int step = 0; step < 40; ++step) {
        double mid = (lo + hi) / 2;
        (unseen_bound(mid) >= min_score - 1e-6 ? hi : lo) = mid;
      }
      share_needed = lo;  // the lower side: a record at the boundary is scored
    }
  }
  // upper_bound() grows with the matched weight: the least weight that can reach min_score.
  // Solving once for the least matched weight turns the per-record test into one comparison. The
  // bisection's 40 steps bring hi - lo below 1e-12 of the weight, and `lo` is kept (the lower
  // side), so a record at the boundary is scored rather than dropped. Solved for the most the
  // query's facts can add (`bonus`), then for a record whose published facts conflict, for what
  // they do add (`needed_for`).
  struct Needed {
    double facts_bonus;
    double plain;       // the least matched weight
    double patronymic;  // the same for a record giving a patronymic (its total is not smaller)
  };
  auto solve = [&](double facts_bonus) {
    Needed out{facts_bonus, total_weight * 2, total_weight * 2};  // nothing can
    if (upper_bound_with(total_weight, least_total, facts_bonus) >= min_score - 1e-6) {
      double lo = 0, hi = total_weight;
      for (int step = 0; step < 40; ++step) {
        double mid = (lo + hi) / 2;
        (upper_bound_with(mid, least_total, facts_bonus) >= min_score - 1e-6 ? hi : lo) = mid;
      }
      out.plain = lo;  // upper_bound(lo) < min_score <= upper_bound(hi), hi - lo tiny
    }
    out.patronymic = out.plain;
    if (least_total_patronymic > least_total &&
        upper_bound_with(total_weight, least_total_patronymic, facts_bonus) >= min_score - 1e-6) {
      double lo = out.plain, hi = total_weight;
      for (int step = 0; step < 40; ++step) {
        double mid = (lo + hi) / 2;
        (upper_bound_with(mid, least_total_patronymic, facts_bonus) >= min_score - 1e-6 ? hi : lo) =
            mid;
      }
      out.patronymic = lo;
    } else if (least_total_patronymic > least_total) {
      out.patronymic = total_weight * 2;  // nothing can
    }
    return out;
  };
  const Needed most = solve(bonus);
  const double needed = most.plain;
  // A record whose published facts conflict with the query's (Corroborate without an
  // identifier, negative: another birth year, another country, another kind) is bounded with
  // what its facts do give, not with the most the query's facts could add; it needs that much
  // more of the name. Any other record keeps the whole `bonus` (a fact it does not publish
  // adds nothing, so the bound has room there to spare for the index's approximation). A
  // record sharing the query's identifier is scored whatever its bound (below). The few
  // distinct sums are solved once each. Before 2026-12-07 every record was bounded with the
  // whole bonus: a party's country and birth date (+0.15) made every listed name holding one of
  // its common words a candidate, ABD of "Azamat Abdykadyrov" (ABD AL KADYROV) 1,740 of them
  // (docs/performance.md, "Names of the batch").
  std::vector<Needed> solved{most};
  // The sum is the entry's, the same for each of its names: the short-name conflict, which only
  // its short Chinese or Korean names bear, is counted at its most. Rank() keeps an entry's best
  // name first and applies facts after, so a bound with that name's own conflict left it out and
  // let an alias without one report the entry, which scoring every record does not (JON, Il Ho
  // and CHON, Il Ho; found by review).
  const double short_name_most = std::max(0.0, options_.short_name_conflict);
  auto needed_for = [&](uint32_t r) -> const Needed& {
    if (!data.entry_facts_shared[r]) return solved.front();
    bool decided = false;
    FactOutcome facts;
    const double facts_bonus =
        Corroborate(query, std::string_view(), records_[r], data.identifier_numbers[r], options_,
                    /*short_name=*/false, nullptr, &decided, &facts) +
        short_name_most;
    if (facts_bonus >= 0) return solved.front();
    for (const Needed& n : solved) {
      if (n.facts_bonus == facts_bonus) return n;
    }
    solved.push_back(solve(facts_bonus));
    return solved.back();
  };
  thread_local Data::SearchScratch scratch;
  scratch.Reserve(record_count);
  scratch.touched.clear();
  Data::Joined joined_with_next = data.JoinedWords(prepared->state.name, prepared->state.memos);
  // A record's matched weight is unseen_matched plus, for each query word found in it, at most
  // (1 - kUnseenSimilarity) times the word's weight. The heaviest words whose rest cannot lift
  // a record to `needed` are essential: every candidate holds one of them, so the other words
  // (common names found in thousands of records) raise only the records an essential word
  // found. A margin keeps float sums at the boundary on the safe side; the records that are
  // scored and their bounds are those of raising every word everywhere.
  std::vector<size_t> order;
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].kind == TokenKind::kWord && !assumed[i]) order.push_back(i);
  }
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return tokens[a].weight > tokens[b].weight; });
  std::vector<bool> essential(tokens.size(), false);
  size_t essential_count = order.size();
  if (!scan_unseen && needed <= total_weight) {
    const double gap = needed - unseen_matched - 1e-3;
    double rest = 0;  // what the words after the essential ones can add
    essential_count = 0;
    for (size_t k = order.size(); k-- > 0;) {
      rest += (1 - kUnseenSimilarity) * tokens[order[k]].weight;
      if (rest >= gap) {
        essential_count = k + 1;
        break;
      }
    }
  }
  for (size_t k = 0; k < essential_count; ++k) essential[order[k]] = true;
  const bool filter = essential_count < order.size();
  if (filter) {
    for (size_t k = 0; k < essential_count; ++k) {
      data.MarkWord(&prepared->state, order[k], joined_with_next, &scratch);
    }
  }
  for (size_t i = 0; i < tokens.size(); ++i) {
    // Legal forms, initials and compounds' articles: assumed to match.
    if (tokens[i].kind != TokenKind::kWord || assumed[i]) continue;
    data.RaiseWord(&prepared->state, i, joined_with_next, &scratch,
                   filter && !essential[i] ? &scratch.marked : nullptr);
  }
  for (uint32_t r : scratch.marked_records) scratch.marked[r] = 0;
  scratch.marked_records.clear();
  if (scan_unseen) {
    // Records nothing was found in (bound 0) whose legal forms and initials may lift them.
    for (size_t r = 0; r < record_count; ++r) {
      if (scratch.bound[r] == 0 && data.unindexed_share[r] >= share_needed) {
        candidates.push_back(static_cast<uint32_t>(r));
      }
    }
  }
  // An organisation's record that may hold every query word at the same spelling may score
  // without the information rule (NameScore::complete_name_score), which upper_bound leaves out:
  // only when the query has a distinctive word, as the listed name must. A record's bound is
  // summed in floats: the margin keeps a record matching every word in.
  bool complete_possible = false;
  for (const ScoringToken& token : tokens) {
    complete_possible = complete_possible || IsDistinctiveWord(token);
  }
  complete_possible =
      complete_possible &&
      CoverageScore(1.0, 1.0, data.information_needed, data.information_needed) + bonus >=
          min_score - 1e-6;
  // A long word may stand in the complete name at kLongVariantSimilarity (ScoreNames).
  const double complete_needed = kLongVariantSimilarity * total_weight * (1 - 1e-5);
  for (uint32_t r : scratch.touched) {
    double unseen = word_weight - scratch.found_weight[r];
    double matched = scratch.bound[r] + kUnseenSimilarity * unseen + unindexed_weight;
    scratch.bound[r] = 0;
    scratch.found_weight[r] = 0;
    if (matched >= (data.gives_patronymic[r] ? most.patronymic : most.plain)) {
      const Needed& own = needed_for(r);
      if (matched >= (data.gives_patronymic[r] ? own.patronymic : own.plain)) {
        candidates.push_back(r);
        continue;
      }
    }
    if (complete_possible && data.organisation[r] && matched >= complete_needed) {
      candidates.push_back(r);
    }
  }
  if (prepared->state.acronyms) {  // an organisation's acronym, or what one stands for
    std::vector<uint32_t> acronym_records;
    data.AcronymCandidates(prepared->state.name, &acronym_records);
    std::sort(acronym_records.begin(), acronym_records.end());
    acronym_records.erase(std::unique(acronym_records.begin(), acronym_records.end()),
                          acronym_records.end());
    for (uint32_t r : acronym_records) {
      if (std::find(candidates.begin(), candidates.end(), r) == candidates.end()) {
        candidates.push_back(r);
      }
    }
  }
  if (!query.identifier.empty()) {  // records sharing the identifier are always scored
    auto found = data.identifiers.find(NormalizeIdentifier(query.identifier));
    if (found != data.identifiers.end()) {
      for (uint32_t r : found->second) {
        // Linear search is fine: few records share an identifier.
        if (std::find(candidates.begin(), candidates.end(), r) == candidates.end()) {
          candidates.push_back(r);
        }
      }
    }
  }
  return candidates;
}

// Exact scoring of `record_ids`; each entry keeps its best name (ties: the first record); then
// corroboration, ranking and explanations.
void NameIndex::Rank(PreparedQuery* prepared, const std::vector<uint32_t>& record_ids, size_t limit,
                     double min_score, std::vector<NameMatch>* matches) const {
  const Data& data = *data_;
  const NameQuery& query = *prepared->query;
  const std::string query_number =
      query.identifier.empty() ? std::string() : NormalizeIdentifier(query.identifier);
  struct Scored {
    uint32_t entry;
    uint32_t record;
    double score;
  };
  std::vector<Scored> scored;
  scored.reserve(record_ids.size());
  for (uint32_t r : record_ids) {
    if (r >= records_.size()) continue;
    scored.push_back(
        {data.entry_of[r], r, data.Score(prepared->StateFor(data.person, r), r, false).score});
  }
  // Grouped by entry, best name first: the first of each group is the entry's best record. The
  // record id as the last key makes the chosen record (and so the explanation) deterministic.
  std::sort(scored.begin(), scored.end(), [](const Scored& a, const Scored& b) {
    if (a.entry != b.entry) return a.entry < b.entry;
    if (a.score != b.score) return a.score > b.score;
    return a.record < b.record;
  });
  std::vector<Ranked> ranked;
  for (size_t k = 0; k < scored.size(); ++k) {
    if (k > 0 && scored[k].entry == scored[k - 1].entry) continue;
    uint32_t r = scored[k].record;
    bool decided = false;
    FactOutcome facts;
    double delta = Corroborate(query, query_number, records_[r], data.identifier_numbers[r],
                               options_, data.short_name[r], nullptr, &decided, &facts);
    // Corroboration applies to the entry's best name only, after choosing it by name score: facts
    // describe the entry, not one of its names, so they cannot change which name is best.
    double score = decided ? 1.0 : std::clamp(scored[k].score + delta, 0.0, 1.0);
    bool needs = data.short_name[r] && !facts.confirms && !decided;
    if (score >= min_score || decided) {
      ranked.push_back({r, scored[k].score, score, decided, needs});
    }
  }
  std::sort(ranked.begin(), ranked.end(), [&](const Ranked& a, const Ranked& b) {
    if (a.score != b.score) return a.score > b.score;
    if (a.name_score != b.name_score) return a.name_score > b.name_score;
    const NameRecord& x = records_[a.record];
    const NameRecord& y = records_[b.record];
    // Ties are broken by list and entry id so that Search() and brute force agree on the order, and
    // output is stable between runs.
    if (x.list_id != y.list_id) return x.list_id < y.list_id;
    return x.entry_id < y.entry_id;
  });
  if (ranked.size() > limit) ranked.resize(limit);
  for (const Ranked& item : ranked) {
    NameMatch match;
    match.record = &records_[item.record];
    match.name_score = item.name_score;
    match.score = item.score;
    match.decided_by_identifier = item.decided;
    match.needs_corroboration = item.needs_corroboration;
    // Scored again with the alignment kept: only for the `limit` reported, as keeping units for
    // every candidate would cost allocations on the hot path.
    Data::QueryState* state = prepared->StateFor(data.person, item.record);
    NameScore detail = data.Score(state, item.record, true);
    match.explanation = Explain(state->name, data.names[item.record], detail);
    bool decided = false;
    FactOutcome facts;
    Corroborate(query, query_number, *match.record, data.identifier_numbers[item.record], options_,
                data.short_name[item.record], &match.explanation.evidence, &decided, &facts);
    match.identifier_corroborates = facts.identifier && !decided;
    matches->push_back(std::move(match));
  }
}

Status NameIndex::Search(const NameQuery& query, size_t limit, double min_score,
                         std::vector<NameMatch>* matches) const {
  matches->clear();
  PreparedQuery prepared;
  Status status = Prepare(query, &prepared);
  if (!status.ok()) return status;
  Rank(&prepared, Candidates(&prepared, min_score), limit, min_score, matches);
  return Status::Ok();
}

void NameIndex::SearchIdentifier(const NameQuery& query, const std::vector<bool>* allowed,
                                 std::vector<NameMatch>* matches) const {
  matches->clear();
  if (query.identifier.empty()) return;
  const Data& data = *data_;
  const std::string query_number = NormalizeIdentifier(query.identifier);
  auto found = data.identifiers.find(query_number);
  if (found == data.identifiers.end()) return;
  // Records are grouped by entry, its names in table order: the first of an entry's records
  // allowed is the one reported, as the entry's facts are the same on each.
  std::vector<uint32_t> records = found->second;
  std::sort(records.begin(), records.end());
  records.erase(std::unique(records.begin(), records.end()), records.end());
  bool any = false;
  uint32_t last_entry = 0;
  for (uint32_t r : records) {
    if (allowed != nullptr && (r >= allowed->size() || !(*allowed)[r])) continue;
    if (any && data.entry_of[r] == last_entry) continue;
    any = true;
    last_entry = data.entry_of[r];
    NameMatch match;
    bool decided = false;
    FactOutcome facts;
    Corroborate(query, query_number, records_[r], data.identifier_numbers[r], options_,
                data.short_name[r], &match.explanation.evidence, &decided, &facts);
    if (!decided) continue;
    match.record = &records_[r];
    match.score = 1.0;
    match.decided_by_identifier = true;
    matches->push_back(std::move(match));
  }
  std::sort(matches->begin(), matches->end(), [](const NameMatch& a, const NameMatch& b) {
    if (a.record->list_id != b.record->list_id) return a.record->list_id < b.record->list_id;
    return a.record->entry_id < b.record->entry_id;
  });
}

Status NameIndex::CandidateCount(const NameQuery& query, double min_score, size_t* count) const {
  *count = 0;
  PreparedQuery prepared;
  Status status = Prepare(query, &prepared);
  if (!status.ok()) return status;
  *count = Candidates(&prepared, min_score).size();
  return Status::Ok();
}

Status NameIndex::ScoreRecords(const NameQuery& query, const std::vector<uint32_t>& record_ids,
                               size_t limit, double min_score,
                               std::vector<NameMatch>* matches) const {
  matches->clear();
  PreparedQuery prepared;
  Status status = Prepare(query, &prepared);
  if (!status.ok()) return status;
  Rank(&prepared, record_ids, limit, min_score, matches);
  return Status::Ok();
}

Status NameIndex::SearchAmong(const NameQuery& query, const std::vector<bool>& allowed,
                              size_t limit, double min_score,
                              std::vector<NameMatch>* matches) const {
  matches->clear();
  PreparedQuery prepared;
  Status status = Prepare(query, &prepared);
  if (!status.ok()) return status;
  std::vector<uint32_t> candidates = Candidates(&prepared, min_score);
  // In Search()'s order: an entry's records are all allowed or none, so ties within an entry
  // fall as they do there.
  std::erase_if(candidates, [&](uint32_t r) { return r >= allowed.size() || !allowed[r]; });
  Rank(&prepared, candidates, limit, min_score, matches);
  return Status::Ok();
}

std::string NameIndex::CorpusKey() const {
  char key[64];
  std::snprintf(key, sizeof(key), "step %d share %a", data_->statistics.CorpusStep(),
                static_cast<double>(data_->max_unindexed_share));
  return key;
}

std::vector<std::pair<std::string, int32_t>> NameIndex::WordUnits() const {
  std::vector<std::pair<std::string, int32_t>> out = data_->statistics.AllWordUnits();
  // A word of a legal form weighs the same at any frequency (TokenStatistics::Weight).
  std::erase_if(out, [](const auto& word) { return IsLegalFormWord(word.first); });
  return out;
}

int32_t NameIndex::AbsentWordUnits() const { return data_->statistics.WordUnits(std::string()); }

std::vector<std::string> NameIndex::RecordWords(uint32_t r) const {
  std::vector<std::string> words;
  for (const ScoringToken& token : data_->names[r].tokens) {
    if (token.kind == TokenKind::kWord) words.push_back(token.text);
  }
  return words;
}

Status NameIndex::QueryWords(const std::string& name, std::vector<std::string>* words) const {
  words->clear();
  NormalizedName normalized;
  Status status = ThreadNameNormalizer().Normalize(name, &normalized);
  if (!status.ok()) return status;
  for (const NameToken& token : normalized.tokens) {
    if (token.kind == TokenKind::kWord) words->push_back(token.text);
  }
  // And the words of its reading as a person's name (a person's query, or one of no kind against
  // the listed persons: Prepare()), so that a caller checking whether a word's weight moved sees
  // AO in "Ao Wei" too.
  if (ReadAsPersonName(&normalized)) {
    for (const NameToken& token : normalized.tokens) {
      if (token.kind == TokenKind::kWord &&
          std::find(words->begin(), words->end(), token.text) == words->end()) {
        words->push_back(token.text);
      }
    }
  }
  return Status::Ok();
}

namespace {

NameFeatures PairFeatures(const ScoringName& query, const ScoringName& candidate,
                          const NameScore& score, double information_needed) {
  NameFeatures parts;
  parts.coverage_score = CoverageScore(score.query_coverage, score.candidate_coverage,
                                       score.information, information_needed);
  parts.information = std::min(1.0, score.information / information_needed);
  for (const ScoringToken& token : query.tokens) {
    parts.query_words += token.kind == TokenKind::kWord;
  }
  for (const ScoringToken& token : candidate.tokens) {
    parts.candidate_words += token.kind == TokenKind::kWord;
  }
  parts.cross_script = query.abjad != candidate.abjad;
  double matched = 0, common = 0;
  parts.min_similarity = score.units.empty() ? 0 : 1;
  size_t query_aligned = 0, candidate_aligned = 0;
  for (const AlignedUnit& unit : score.units) {
    parts.min_similarity = std::min(parts.min_similarity, unit.similarity);
    query_aligned += unit.query_count;
    candidate_aligned += unit.candidate_count;
    for (uint32_t k = 0; k < unit.query_count; ++k) {
      const ScoringToken& token = query.tokens[unit.query_first + k];
      matched += token.weight;
      if (token.common) common += token.weight;
    }
  }
  parts.common_share = matched > 0 ? common / matched : 0;
  parts.exact = !score.units.empty() && parts.min_similarity >= 1 &&
                query_aligned == query.tokens.size() &&
                candidate_aligned == candidate.tokens.size();
  return parts;
}

}  // namespace

Status NameIndex::ScorePair(const std::string& query_name, const std::string& candidate_name,
                            NameMatch* match, const std::string& candidate_kind,
                            NameFeatures* features) const {
  NormalizedName query, candidate;
  Status status = ThreadNameNormalizer().Normalize(query_name, &query);
  if (!status.ok()) return Status::Error("query name: " + status.message());
  status = ThreadNameNormalizer().Normalize(candidate_name, &candidate);
  if (!status.ok()) return Status::Error("candidate name: " + status.message());
  // A pair of persons (the pair's kind is the candidate's): neither name has a legal form.
  if (KindClass(candidate_kind) == "person") {
    ReadAsPersonName(&query);
    ReadAsPersonName(&candidate);
  }
  ScoringName q = PrepareName(query, data_->statistics);
  ScoringName c = PrepareName(candidate, data_->statistics);
  // The listed name's structure, as in Search(), when the pair says the candidate is a person.
  NameRecord record;
  record.name = candidate_name;
  record.kind = candidate_kind;
  const std::vector<uint16_t> family = FamilyPositions(candidate, FamilyWords(record));
  MarkFamilyName(candidate, family, data_->statistics, &c);  // as in Build()
  bool skeletons = q.abjad != c.abjad;
  std::vector<float> similarity(q.tokens.size() * c.tokens.size());
  for (size_t i = 0; i < q.tokens.size(); ++i) {
    for (size_t j = 0; j < c.tokens.size(); ++j) {
      similarity[i * c.tokens.size() + j] =
          static_cast<float>(TokenSimilarity(q.tokens[i], c.tokens[j], skeletons));
    }
  }
  NameScore score = ScoreNames(q, c, similarity, data_->information_needed, true);
  bool short_name = KindClass(candidate_kind) == "person" && IsShortEastAsianName(candidate);
  // A pair of unknown kind (score-pairs without a kind column) may be an organisation and its
  // acronym (IRISL for ISLAMIC REPUBLIC OF IRAN SHIPPING LINES: 0.02 before 2026-12-06, as only a
  // legal form made a name of unknown kind an organisation's); AcronymScore still refuses a name
  // of common personal names only.
  const bool unknown_kind = KindClass(candidate_kind).empty();
  ApplyListedNameRules(q, c, short_name, IsOrganisationName(candidate_kind, candidate), true,
                       family, similarity, &score, unknown_kind);
  *match = NameMatch();
  match->name_score = score.score;
  match->score = score.score;
  match->explanation = Explain(q, c, score);
  if (features != nullptr) *features = PairFeatures(q, c, score, data_->information_needed);
  return Status::Ok();
}

std::string FormatScore(double value) {
  if (!std::isfinite(value)) return value > 0 ? "inf" : value < 0 ? "-inf" : "nan";
  // A shown score passes a threshold written the same way (FloorToDecimals).
  char buffer[32];
  std::snprintf(buffer, sizeof(buffer), "%.2f", FloorToDecimals(value, 2));
  return std::string(buffer) == "-0.00" ? "0.00" : buffer;
}

std::string FormatMatchText(const NameMatch& match) {
  std::string out = FormatScore(match.score);
  if (match.record != nullptr) {
    const NameRecord& record = *match.record;
    out += "  " + record.list_id + " " + record.entry_id + "  " + record.name;
    out += record.is_alias ? "  (alias)" : "  (primary name)";
    if (!record.kind.empty()) out += "  " + record.kind;
    if (!record.programs.empty()) out += "  [" + record.programs + "]";
  }
  out += "\n    name score " + FormatScore(match.name_score) + ":";
  const MatchExplanation& explanation = match.explanation;
  for (size_t i = 0; i < explanation.aligned.size(); ++i) {
    const TokenAlignment& a = explanation.aligned[i];
    out += (i == 0 ? " " : "; ") + a.query_words + " ~ " + a.candidate_words + " " +
           FormatScore(a.similarity) + " (weight " + FormatWeight(a.query_weight) + ")";
  }
  if (explanation.aligned.empty()) out += " no words match";
  out += "\n";
  auto list = [](const std::vector<std::string>& words) {
    std::string text;
    for (const std::string& word : words) text += (text.empty() ? "" : " ") + word;
    return text;
  };
  if (!explanation.unmatched_query.empty()) {
    out += "    query words not matched: " + list(explanation.unmatched_query) + "\n";
  }
  if (!explanation.unmatched_candidate.empty()) {
    out += "    listed words not matched: " + list(explanation.unmatched_candidate) + "\n";
  }
  for (const Evidence& e : explanation.evidence) {
    out += "    " + e.field + ": " + e.query_value + " vs " +
           (e.list_value.empty() ? "-" : e.list_value) + ": " + e.note + " (" +
           SignedFormat2(e.delta) + ")\n";
  }
  if (match.decided_by_identifier) out += "    decided by a unique identifier\n";
  return out;
}

}  // namespace corridor::names
