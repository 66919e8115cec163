#include "engine/names/matcher.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <unordered_map>
#include <utility>

#include "engine/names/normalize.h"
#include "engine/names/score.h"

namespace corridor::names {

namespace {

constexpr size_t kBigramSpace = 1 << 16;
// Candidate words: those sharing this share of character bigrams with a query word are scored;
// those sharing at least kJoinDice are kept even when they score 0, since they may be one half
// of a joined word ("quan" for "quanguo").
constexpr double kMinDice = 0.3;
constexpr double kJoinDice = 0.5;

// The distinct bigrams of "^word$".
std::vector<uint16_t> Bigrams(const std::string& word) {
  std::vector<uint16_t> out;
  std::string padded = "^" + word + "$";
  for (size_t i = 0; i + 1 < padded.size(); ++i) {
    out.push_back(static_cast<uint16_t>((static_cast<unsigned char>(padded[i]) << 8) |
                                        static_cast<unsigned char>(padded[i + 1])));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::string VocabularyKey(const ScoringToken& token) {
  switch (token.kind) {
    case TokenKind::kLegalForm:
      return "#" + token.text;
    case TokenKind::kInitial:
    case TokenKind::kWord:
      break;
  }
  return token.text;
}

// Identifier numbers compare as upper-case letters and digits; "IMO 9187629" = "9187629".
std::string NormalizeIdentifier(const std::string& number) {
  std::string out;
  for (char c : number) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) out += c;
  }
  if (out.size() > 3 && out.compare(0, 3, "IMO") == 0 &&
      out.find_first_not_of("0123456789", 3) == std::string::npos) {
    out = out.substr(3);
  }
  return out;
}

// person, vessel, aircraft or organization (companies and other organisations); "" unknown.
std::string KindClass(const std::string& kind) {
  std::string lower;
  for (char c : kind) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  if (lower == "person" || lower == "individual") return "person";
  if (lower == "vessel") return "vessel";
  if (lower == "aircraft") return "aircraft";
  if (lower.empty()) return "";
  return "organization";
}

std::string Format2(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof(buffer), "%.2f", value);
  return buffer;
}

std::string SignedFormat2(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof(buffer), "%+.2f", value);
  return buffer;
}

std::string JsonString(const std::string& text) {
  std::string out = "\"";
  for (unsigned char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        if (c < 0x20) {
          char buffer[8];
          std::snprintf(buffer, sizeof(buffer), "\\u%04x", c);
          out += buffer;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out + "\"";
}

std::string Words(const ScoringName& name, uint32_t mask) {
  std::string out;
  for (size_t i = 0; i < name.tokens.size(); ++i) {
    if (!(mask & (1u << i))) continue;
    if (!out.empty()) out += ' ';
    out += name.tokens[i].kind == TokenKind::kLegalForm ? "<" + name.tokens[i].text + ">"
                                                        : name.tokens[i].text;
  }
  return out;
}

MatchExplanation Explain(const ScoringName& query, const ScoringName& candidate,
                         const NameScore& score) {
  MatchExplanation explanation;
  uint32_t used_query = 0, used_candidate = 0;
  for (const AlignedUnit& unit : score.units) {
    TokenAlignment aligned;
    aligned.query_words = Words(query, unit.query_tokens);
    aligned.candidate_words = Words(candidate, unit.candidate_tokens);
    aligned.similarity = unit.similarity;
    for (size_t i = 0; i < query.tokens.size(); ++i) {
      if (unit.query_tokens & (1u << i)) aligned.query_weight += query.tokens[i].weight;
    }
    for (size_t j = 0; j < candidate.tokens.size(); ++j) {
      if (unit.candidate_tokens & (1u << j)) {
        aligned.candidate_weight += candidate.tokens[j].weight;
      }
    }
    used_query |= unit.query_tokens;
    used_candidate |= unit.candidate_tokens;
    explanation.aligned.push_back(std::move(aligned));
  }
  for (size_t i = 0; i < query.tokens.size(); ++i) {
    if (!(used_query & (1u << i))) explanation.unmatched_query.push_back(Words(query, 1u << i));
  }
  for (size_t j = 0; j < candidate.tokens.size(); ++j) {
    if (!(used_candidate & (1u << j))) {
      explanation.unmatched_candidate.push_back(Words(candidate, 1u << j));
    }
  }
  explanation.query_coverage = score.query_coverage;
  explanation.candidate_coverage = score.candidate_coverage;
  return explanation;
}

// The corroboration of `record` by the query's other facts: the sum of the deltas, with one
// Evidence per fact the query gives. Sets `decided` when a unique identifier matches.
double Corroborate(const NameQuery& query, const NameRecord& record, const MatcherOptions& options,
                   std::vector<Evidence>* evidence, bool* decided) {
  double total = 0;
  *decided = false;
  auto add = [&](const std::string& field, const std::string& query_value,
                 const std::string& list_value, double delta, const std::string& note) {
    total += delta;
    if (evidence != nullptr) evidence->push_back({field, query_value, list_value, delta, note});
  };
  if (!query.birth_date.empty()) {
    if (record.birth_dates.empty()) {
      add("birth_date", query.birth_date, "", 0, "not published");
    } else {
      // The best agreement over the listed dates: 3 full match, 2 year match, 1 close, 0 conflict.
      int best = -1;
      std::string best_date;
      for (const std::string& date : record.birth_dates) {
        size_t precision = std::min(date.size(), query.birth_date.size());
        int outcome = 0;
        if (precision >= 4 && date.compare(0, precision, query.birth_date, 0, precision) == 0) {
          outcome = precision >= 10 ? 3 : 2;
        } else if (date.size() >= 4 && query.birth_date.size() >= 4) {
          int listed_year = std::atoi(date.substr(0, 4).c_str());
          int query_year = std::atoi(query.birth_date.substr(0, 4).c_str());
          outcome = std::abs(listed_year - query_year) <= 1 ? 1 : 0;
        }
        if (outcome > best) {
          best = outcome;
          best_date = date;
        }
      }
      if (best == 3)
        add("birth_date", query.birth_date, best_date, options.birth_date_match, "matches");
      if (best == 2) {
        add("birth_date", query.birth_date, best_date, options.birth_year_match,
            "matches at the coarser precision");
      }
      if (best == 1) add("birth_date", query.birth_date, best_date, 0, "within a year");
      if (best == 0) {
        add("birth_date", query.birth_date, best_date, options.birth_date_conflict, "conflicts");
      }
    }
  }
  if (!query.country.empty()) {
    if (record.countries.empty()) {
      add("country", query.country, "", 0, "not published");
    } else if (std::find(record.countries.begin(), record.countries.end(), query.country) !=
               record.countries.end()) {
      add("country", query.country, query.country, options.country_match, "matches");
    } else {
      std::string listed;
      for (const std::string& country : record.countries) {
        listed += (listed.empty() ? "" : ",") + country;
      }
      add("country", query.country, listed, options.country_conflict, "conflicts");
    }
  }
  std::string query_kind = KindClass(query.kind), record_kind = KindClass(record.kind);
  if (!query_kind.empty() && !record_kind.empty() && query_kind != record_kind) {
    add("kind", query.kind, record.kind, options.kind_conflict, "conflicts");
  }
  if (!query.identifier.empty()) {
    std::string number = NormalizeIdentifier(query.identifier);
    const Identifier* matched = nullptr;
    for (const Identifier& id : record.identifiers) {
      if (!number.empty() && NormalizeIdentifier(id.number) == number) matched = &id;
    }
    if (matched == nullptr) {
      add("identifier", query.identifier, "", 0,
          record.identifiers.empty() ? "not published" : "no listed match");
    } else {
      bool unique = matched->type == "imo" || matched->type == "swift" ||
                    ((matched->type == "registration" || matched->type == "tax_id") &&
                     !matched->country.empty() && matched->country == query.country);
      std::string listed = matched->type + " " + matched->number +
                           (matched->country.empty() ? "" : " (" + matched->country + ")");
      if (unique) {
        *decided = true;
        add("identifier", query.identifier, listed, 0, "decides: unique identifier matches");
      } else {
        add("identifier", query.identifier, listed, options.identifier_match, "matches");
      }
    }
  }
  return total;
}

}  // namespace

struct NameIndex::Data {
  TokenStatistics statistics;
  double information_needed = 1;
  std::vector<ScoringName> names;             // per record
  std::vector<std::vector<uint32_t>> tokens;  // per record: vocabulary id of each token
  std::vector<uint32_t> entry_of;             // per record
  size_t entries = 0;
  std::unordered_map<std::string, uint32_t> vocabulary_ids;
  std::vector<ScoringToken> vocabulary;
  std::vector<uint8_t> bigram_count;  // per vocabulary word: distinct bigrams of its phonetic key
  std::vector<uint8_t> skeleton_bigram_count;                // per vocabulary word
  std::vector<std::vector<uint32_t>> postings;               // per vocabulary id: records
  std::vector<std::vector<uint32_t>> bigram_words;           // per bigram: vocabulary words
  std::vector<std::vector<uint32_t>> skeleton_bigram_words;  // per bigram: by skeleton
  std::unordered_map<std::string, std::vector<uint32_t>> identifiers;  // number -> records

  // Per query: the similarity of each query token to vocabulary words, cached.
  struct QueryState {
    ScoringName name;
    std::vector<std::unordered_map<uint64_t, float>> cache;
  };

  float Similarity(QueryState* state, size_t query_token, uint32_t word, bool skeletons) const {
    uint64_t key = (static_cast<uint64_t>(word) << 1) | (skeletons ? 1 : 0);
    auto& cache = state->cache[query_token];
    auto found = cache.find(key);
    if (found != cache.end()) return found->second;
    float s = static_cast<float>(
        TokenSimilarity(state->name.tokens[query_token], vocabulary[word], skeletons));
    cache.emplace(key, s);
    return s;
  }

  NameScore Score(QueryState* state, uint32_t record, bool keep_units) const {
    const ScoringName& candidate = names[record];
    size_t nq = state->name.tokens.size(), nc = candidate.tokens.size();
    bool skeletons = state->name.abjad != candidate.abjad;
    std::vector<float> similarity(nq * nc);
    for (size_t i = 0; i < nq; ++i) {
      for (size_t j = 0; j < nc; ++j) {
        similarity[i * nc + j] = Similarity(state, i, tokens[record][j], skeletons);
      }
    }
    return ScoreNames(state->name, candidate, similarity, information_needed, keep_units);
  }

  NameScore ScoreDirect(const ScoringName& query, uint32_t record, bool keep_units) const {
    const ScoringName& candidate = names[record];
    size_t nq = query.tokens.size(), nc = candidate.tokens.size();
    bool skeletons = query.abjad != candidate.abjad;
    std::vector<float> similarity(nq * nc);
    for (size_t i = 0; i < nq; ++i) {
      for (size_t j = 0; j < nc; ++j) {
        similarity[i * nc + j] =
            static_cast<float>(TokenSimilarity(query.tokens[i], candidate.tokens[j], skeletons));
      }
    }
    return ScoreNames(query, candidate, similarity, information_needed, keep_units);
  }
};

NameIndex::NameIndex() : data_(std::make_unique<Data>()) {}
NameIndex::~NameIndex() = default;

Status NameIndex::Build(std::vector<NameRecord> records, const MatcherOptions& options,
                        std::unique_ptr<NameIndex>* index) {
  std::unique_ptr<NameIndex> built(new NameIndex());
  built->options_ = options;
  Data& data = *built->data_;
  NameNormalizer& normalizer = ThreadNameNormalizer();
  std::vector<NormalizedName> normalized;
  normalized.reserve(records.size());
  built->records_.reserve(records.size());
  for (size_t i = 0; i < records.size(); ++i) {
    NormalizedName name;
    Status status = normalizer.Normalize(records[i].name, &name);
    if (!status.ok()) {
      if (status.message().rfind("ICU", 0) == 0) return status;
      built->problems_.push_back("record " + std::to_string(i + 1) + " (" + records[i].list_id +
                                 " " + records[i].entry_id + "): " + status.message());
      continue;
    }
    normalized.push_back(std::move(name));
    built->records_.push_back(std::move(records[i]));
  }
  // Entries, and token weights counted once per entry.
  std::unordered_map<std::string, uint32_t> entry_ids;
  std::vector<std::vector<const NormalizedName*>> entry_names;
  for (size_t r = 0; r < built->records_.size(); ++r) {
    const NameRecord& record = built->records_[r];
    std::string key = record.list_id + '\x1f' + record.entry_id;
    auto [it, inserted] = entry_ids.emplace(key, static_cast<uint32_t>(entry_names.size()));
    if (inserted) entry_names.emplace_back();
    entry_names[it->second].push_back(&normalized[r]);
    data.entry_of.push_back(it->second);
  }
  data.entries = entry_names.size();
  for (const auto& names : entry_names) data.statistics.AddEntry(names);
  data.information_needed = data.statistics.InformationNeeded();

  data.bigram_words.resize(kBigramSpace);
  data.skeleton_bigram_words.resize(kBigramSpace);
  for (size_t r = 0; r < built->records_.size(); ++r) {
    data.names.push_back(PrepareName(normalized[r], data.statistics));
    std::vector<uint32_t> ids;
    for (const ScoringToken& token : data.names.back().tokens) {
      std::string key = VocabularyKey(token);
      auto [it, inserted] =
          data.vocabulary_ids.emplace(key, static_cast<uint32_t>(data.vocabulary.size()));
      if (inserted) {
        uint32_t id = it->second;
        data.vocabulary.push_back(token);
        data.postings.emplace_back();
        uint8_t count = 0, skeleton_count = 0;
        if (token.kind == TokenKind::kWord) {
          auto bigrams = Bigrams(token.phonetic);
          for (uint16_t b : bigrams) data.bigram_words[b].push_back(id);
          count = static_cast<uint8_t>(std::min<size_t>(bigrams.size(), 255));
          if (!token.skeleton.empty()) {
            auto skeleton_bigrams = Bigrams(token.skeleton);
            for (uint16_t b : skeleton_bigrams) data.skeleton_bigram_words[b].push_back(id);
            skeleton_count = static_cast<uint8_t>(std::min<size_t>(skeleton_bigrams.size(), 255));
          }
        }
        data.bigram_count.push_back(count);
        data.skeleton_bigram_count.push_back(skeleton_count);
      }
      auto& posting = data.postings[it->second];
      if (posting.empty() || posting.back() != r) posting.push_back(static_cast<uint32_t>(r));
      ids.push_back(it->second);
    }
    data.tokens.push_back(std::move(ids));
    for (const Identifier& id : built->records_[r].identifiers) {
      std::string number = NormalizeIdentifier(id.number);
      if (number.size() < 4) continue;
      auto& records_with = data.identifiers[number];
      if (records_with.empty() || records_with.back() != r) {
        records_with.push_back(static_cast<uint32_t>(r));
      }
    }
  }
  *index = std::move(built);
  return Status::Ok();
}

namespace {

struct Ranked {
  uint32_t record;
  double name_score;
  double score;
  bool decided;
};

}  // namespace

Status NameIndex::SearchImpl(const NameQuery& query, size_t limit, double min_score,
                             bool brute_force, std::vector<NameMatch>* matches) const {
  matches->clear();
  const Data& data = *data_;
  NormalizedName normalized;
  Status status = ThreadNameNormalizer().Normalize(query.name, &normalized);
  if (!status.ok()) return status;
  Data::QueryState state;
  state.name = PrepareName(normalized, data.statistics);
  state.cache.resize(state.name.tokens.size());
  const size_t record_count = records_.size();

  // Candidate generation.
  std::vector<uint32_t> candidates;
  std::vector<uint8_t> seen(record_count);
  auto add_records = [&](const std::vector<uint32_t>& records) {
    for (uint32_t r : records) {
      if (!seen[r]) {
        seen[r] = 1;
        candidates.push_back(r);
      }
    }
  };
  if (brute_force) {
    candidates.resize(record_count);
    for (size_t r = 0; r < record_count; ++r) candidates[r] = static_cast<uint32_t>(r);
  } else {
    std::vector<uint16_t> shared(data.vocabulary.size());
    std::vector<uint32_t> touched;
    for (size_t i = 0; i < state.name.tokens.size(); ++i) {
      const ScoringToken& token = state.name.tokens[i];
      if (token.kind != TokenKind::kWord) continue;  // legal forms and initials alone find nothing
      auto exact = data.vocabulary_ids.find(VocabularyKey(token));
      if (exact != data.vocabulary_ids.end()) add_records(data.postings[exact->second]);
      auto probe = [&](const std::string& text, const std::vector<std::vector<uint32_t>>& words,
                       const std::vector<uint8_t>& counts, bool skeletons) {
        std::vector<uint16_t> bigrams = Bigrams(text);
        touched.clear();
        for (uint16_t b : bigrams) {
          for (uint32_t w : words[b]) {
            if (shared[w]++ == 0) touched.push_back(w);
          }
        }
        for (uint32_t w : touched) {
          double dice = 2.0 * shared[w] / static_cast<double>(bigrams.size() + counts[w]);
          shared[w] = 0;
          if (dice < kMinDice) continue;
          if (dice >= kJoinDice || data.Similarity(&state, i, w, skeletons) > 0) {
            add_records(data.postings[w]);
          }
        }
      };
      probe(token.phonetic, data.bigram_words, data.bigram_count, false);
      if (state.name.abjad && !token.skeleton.empty()) {
        probe(token.skeleton, data.skeleton_bigram_words, data.skeleton_bigram_count, true);
      }
    }
  }
  if (!query.identifier.empty()) {
    auto found = data.identifiers.find(NormalizeIdentifier(query.identifier));
    if (found != data.identifiers.end()) add_records(found->second);
  }

  // Exact scoring; each entry keeps its best name (ties: the first record).
  std::vector<double> best(data.entries, -1);
  std::vector<uint32_t> best_record(data.entries);
  std::vector<uint32_t> entries;
  for (uint32_t r : candidates) {
    NameScore score =
        brute_force ? data.ScoreDirect(state.name, r, false) : data.Score(&state, r, false);
    uint32_t e = data.entry_of[r];
    if (best[e] < 0) entries.push_back(e);
    if (score.score > best[e] || (score.score == best[e] && r < best_record[e])) {
      best[e] = score.score;
      best_record[e] = r;
    }
  }
  std::vector<Ranked> ranked;
  for (uint32_t e : entries) {
    uint32_t r = best_record[e];
    bool decided = false;
    double delta = Corroborate(query, records_[r], options_, nullptr, &decided);
    double score = decided ? 1.0 : std::clamp(best[e] + delta, 0.0, 1.0);
    if (score >= min_score || decided) ranked.push_back({r, best[e], score, decided});
  }
  std::sort(ranked.begin(), ranked.end(), [&](const Ranked& a, const Ranked& b) {
    if (a.score != b.score) return a.score > b.score;
    if (a.name_score != b.name_score) return a.name_score > b.name_score;
    const NameRecord& x = records_[a.record];
    const NameRecord& y = records_[b.record];
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
    NameScore detail = data.ScoreDirect(state.name, item.record, true);
    match.explanation = Explain(state.name, data.names[item.record], detail);
    bool decided = false;
    Corroborate(query, *match.record, options_, &match.explanation.evidence, &decided);
    matches->push_back(std::move(match));
  }
  return Status::Ok();
}

Status NameIndex::Search(const NameQuery& query, size_t limit, double min_score,
                         std::vector<NameMatch>* matches) const {
  return SearchImpl(query, limit, min_score, false, matches);
}

Status NameIndex::SearchBruteForce(const NameQuery& query, size_t limit, double min_score,
                                   std::vector<NameMatch>* matches) const {
  return SearchImpl(query, limit, min_score, true, matches);
}

Status NameIndex::ScorePair(const std::string& query_name, const std::string& candidate_name,
                            NameMatch* match) const {
  NormalizedName query, candidate;
  Status status = ThreadNameNormalizer().Normalize(query_name, &query);
  if (!status.ok()) return Status::Error("query name: " + status.message());
  status = ThreadNameNormalizer().Normalize(candidate_name, &candidate);
  if (!status.ok()) return Status::Error("candidate name: " + status.message());
  ScoringName q = PrepareName(query, data_->statistics);
  ScoringName c = PrepareName(candidate, data_->statistics);
  bool skeletons = q.abjad != c.abjad;
  std::vector<float> similarity(q.tokens.size() * c.tokens.size());
  for (size_t i = 0; i < q.tokens.size(); ++i) {
    for (size_t j = 0; j < c.tokens.size(); ++j) {
      similarity[i * c.tokens.size() + j] =
          static_cast<float>(TokenSimilarity(q.tokens[i], c.tokens[j], skeletons));
    }
  }
  NameScore score = ScoreNames(q, c, similarity, data_->information_needed, true);
  *match = NameMatch();
  match->name_score = score.score;
  match->score = score.score;
  match->explanation = Explain(q, c, score);
  return Status::Ok();
}

std::string FormatMatchText(const NameMatch& match) {
  std::string out = Format2(match.score);
  if (match.record != nullptr) {
    const NameRecord& record = *match.record;
    out += "  " + record.list_id + " " + record.entry_id + "  " + record.name;
    out += record.is_alias ? "  (alias)" : "  (primary name)";
    if (!record.kind.empty()) out += "  " + record.kind;
    if (!record.programs.empty()) out += "  [" + record.programs + "]";
  }
  out += "\n    name score " + Format2(match.name_score) + ":";
  const MatchExplanation& explanation = match.explanation;
  for (size_t i = 0; i < explanation.aligned.size(); ++i) {
    const TokenAlignment& a = explanation.aligned[i];
    out += (i == 0 ? " " : "; ") + a.query_words + " ~ " + a.candidate_words + " " +
           Format2(a.similarity) + " (weight " + Format2(a.query_weight) + ")";
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

std::string FormatMatchJson(const NameMatch& match) {
  std::string out = "{";
  if (match.record != nullptr) {
    const NameRecord& record = *match.record;
    out += "\"list_id\":" + JsonString(record.list_id) +
           ",\"entry_id\":" + JsonString(record.entry_id) + ",\"name\":" + JsonString(record.name) +
           ",\"is_alias\":" + (record.is_alias ? "true" : "false") +
           ",\"kind\":" + JsonString(record.kind) + ",\"programs\":" + JsonString(record.programs) +
           ",";
  }
  out += "\"score\":" + Format2(match.score) + ",\"name_score\":" + Format2(match.name_score) +
         ",\"decided_by_identifier\":" + (match.decided_by_identifier ? "true" : "false");
  out += ",\"tokens\":[";
  const MatchExplanation& explanation = match.explanation;
  for (size_t i = 0; i < explanation.aligned.size(); ++i) {
    const TokenAlignment& a = explanation.aligned[i];
    out += std::string(i == 0 ? "" : ",") + "{\"query\":" + JsonString(a.query_words) +
           ",\"candidate\":" + JsonString(a.candidate_words) +
           ",\"similarity\":" + Format2(a.similarity) +
           ",\"query_weight\":" + Format2(a.query_weight) +
           ",\"candidate_weight\":" + Format2(a.candidate_weight) + "}";
  }
  auto array = [](const std::vector<std::string>& words) {
    std::string text = "[";
    for (size_t i = 0; i < words.size(); ++i) {
      if (i > 0) text += ',';
      text += JsonString(words[i]);
    }
    return text + "]";
  };
  out += "],\"unmatched_query\":" + array(explanation.unmatched_query) +
         ",\"unmatched_candidate\":" + array(explanation.unmatched_candidate) + ",\"evidence\":[";
  for (size_t i = 0; i < explanation.evidence.size(); ++i) {
    const Evidence& e = explanation.evidence[i];
    out += std::string(i == 0 ? "" : ",") + "{\"field\":" + JsonString(e.field) +
           ",\"query\":" + JsonString(e.query_value) + ",\"list\":" + JsonString(e.list_value) +
           ",\"delta\":" + Format2(e.delta) + ",\"note\":" + JsonString(e.note) + "}";
  }
  return out + "]}";
}

}  // namespace corridor::names
