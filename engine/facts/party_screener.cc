#include "engine/facts/party_screener.h"

#include <algorithm>
#include <map>

#include "engine/base/digest.h"
#include "engine/base/sha256.h"
#include "engine/base/strings.h"

namespace corridor {

namespace {

// Entries kept per searched name (best first). The same entry found through several of the
// entity's names counts once (Screen keeps its best), so an entity can still yield more than ten.
constexpr size_t kMatchesPerName = 10;

// Rounded down, never up: "0.80" in evidence means at least 0.80 (docs/matching.md).
std::string TwoDecimals(double value) { return names::FormatScore(value); }

}  // namespace

std::string FormatMatchScore(double score) { return names::FormatScore(score); }

double DefaultNameThreshold() { return names::MatcherOptions().threshold; }

std::string ExplainNameMatch(const names::NameMatch& match) {
  const names::MatchExplanation& explanation = match.explanation;
  std::string out;
  if (match.decided_by_identifier) out = "decided by a unique identifier; ";
  // NameIndex::SearchIdentifier's matches: the party's name was not searched (from a review,
  // 2026-12-07).
  if (match.decided_by_identifier && explanation.aligned.empty() &&
      explanation.unmatched_query.empty() && explanation.unmatched_candidate.empty()) {
    out += "name not screened";
  } else {
    out += "name " + TwoDecimals(match.name_score) + ":";
  }
  for (size_t i = 0; i < explanation.aligned.size(); ++i) {
    const names::TokenAlignment& a = explanation.aligned[i];
    out += (i == 0 ? " " : ", ") + a.query_words + "~" + a.candidate_words + " " +
           TwoDecimals(a.similarity);
  }
  if (!explanation.unmatched_query.empty()) {
    out += "; unmatched " + Join(explanation.unmatched_query, " ");
  }
  if (!explanation.unmatched_candidate.empty()) {
    out += "; listed words unmatched " + Join(explanation.unmatched_candidate, " ");
  }
  for (const names::Evidence& e : explanation.evidence) {
    out += "; " + e.field + " " + e.query_value +
           (e.list_value.empty() ? "" : " vs " + e.list_value) + " " + e.note;
    if (e.delta != 0)
      out += " (" + std::string(e.delta > 0 ? "+" : "") + TwoDecimals(e.delta) + ")";
  }
  return out;
}

names::MatcherOptions MatcherOptionsFrom(const rules::NameMatchingConfig& config) {
  names::MatcherOptions options;
  // has_* (proto3 optional fields): a weight set to 0 in the rule set switches that corroboration
  // off, while an absent one keeps the matcher's default.
  if (config.has_birth_date_match()) options.birth_date_match = config.birth_date_match();
  if (config.has_birth_year_match()) options.birth_year_match = config.birth_year_match();
  if (config.has_birth_date_conflict()) options.birth_date_conflict = config.birth_date_conflict();
  if (config.has_country_match()) options.country_match = config.country_match();
  if (config.has_country_conflict()) options.country_conflict = config.country_conflict();
  if (config.has_kind_conflict()) options.kind_conflict = config.kind_conflict();
  if (config.has_identifier_match()) options.identifier_match = config.identifier_match();
  if (config.has_short_name_conflict()) options.short_name_conflict = config.short_name_conflict();
  return options;
}

Status ListNameScreener::Load(Database* db, double min_score, const names::MatcherOptions& options,
                              std::unique_ptr<ListNameScreener>* out) {
  // Checked up front so that a database from another schema fails with the missing table or column
  // named, rather than with an SQL error from inside the index build.
  // The columns the name index reads (engine/names/records.cc).
  static const std::vector<std::pair<std::string, std::vector<std::string>>> kColumns = {
      {"list_entry", {"list_id", "entry_id", "kind", "name", "programs", "country", "birth_date"}},
      {"list_alias", {"list_id", "entry_id", "name"}},
      {"list_attribute", {"list_id", "entry_id", "key", "value", "country"}},
      {"list_address", {"list_id", "entry_id", "country"}},
      {"list_identifier", {"list_id", "entry_id", "id_type", "number", "country"}},
  };
  for (const auto& [table, wanted] : kColumns) {
    std::vector<std::string> columns;
    Status read = db->Columns(table, &columns);
    if (!read.ok()) return read;
    if (columns.empty()) {
      return Status::Error(db->path() + ": table '" + table +
                           "' is missing (create the schema with `corridor init --db FILE`)");
    }
    for (const std::string& column : wanted) {
      if (std::find(columns.begin(), columns.end(), column) == columns.end()) {
        return Status::Error(db->path() + ": table '" + table + "' has no column '" + column +
                             "' (see schemas/input.sql)");
      }
    }
  }
  std::vector<names::NameRecord> records;
  // Every loaded list is indexed ({} = all lists): which lists count is the rules' choice (each
  // listed-party rule filters matches by list), so one index serves every rule.
  Status status = names::LoadNameRecords(db, {}, &records);
  if (!status.ok()) return status;
  std::unique_ptr<ListNameScreener> screener(new ListNameScreener());
  screener->min_score_ = min_score;
  // Records come sorted by entry (LoadNameRecords), each entry's names in table order.
  // Fields delimited by their lengths (DigestBuilder's form): a name holding a separator byte
  // cannot make a changed entry digest as it did (before 2026-12-07 fields ended with '\x1f').
  std::string bytes;
  auto add = [&bytes](const std::string& field) { DigestBuilder::AppendField(field, &bytes); };
  for (size_t i = 0; i < records.size(); ++i) {
    const names::NameRecord& record = records[i];
    add(record.name);
    add(record.kind);
    add(record.is_alias ? "alias" : "primary");
    add(record.programs);
    for (const std::string& date : record.birth_dates) add(date);
    bytes += DigestBuilder::kSection;
    for (const std::string& country : record.countries) add(country);
    bytes += DigestBuilder::kSection;
    for (const names::Identifier& id : record.identifiers) {
      add(id.type);
      add(id.number);
      add(id.country);
    }
    bytes += DigestBuilder::kEndRow;
    if (i + 1 == records.size() || records[i + 1].list_id != record.list_id ||
        records[i + 1].entry_id != record.entry_id) {
      screener->entry_digests_.push_back(
          {{record.list_id, record.entry_id}, Sha256::First8Bytes(bytes)});
      bytes.clear();
    }
  }
  status = names::NameIndex::Build(std::move(records), options, &screener->index_);
  if (!status.ok()) return status;
  // List names that cannot be indexed are never matched; they become data problems of the run so
  // that the output says which listed names screening could not see.
  for (const names::NameProblem& problem : screener->index_->problems()) {
    screener->problems_.push_back({problem.is_alias ? "list_alias" : "list_entry",
                                   problem.list_id + ":" + problem.entry_id, "name",
                                   "'" + problem.name + "' cannot be screened: " + problem.reason});
  }
  for (const names::NameRecord& record : screener->index_->records()) {
    if (!record.is_alias) screener->primary_names_[{record.list_id, record.entry_id}] = record.name;
  }
  *out = std::move(screener);
  return Status::Ok();
}

template <typename Search, typename SearchIdentifier>
void ListNameScreener::ScreenNames(const Entity& entity, const Search& search,
                                   const SearchIdentifier& search_identifier,
                                   std::map<EntryKey, ListMatchFact>* best, EntityFacts* facts,
                                   std::vector<DataProblem>* problems) const {
  names::NameQuery query;
  query.kind = entity.kind;
  query.country = entity.country.value_or("");
  query.birth_date = entity.birth_date.value_or("");
  // An IMO number names one ship worldwide, so it is preferred when present; the matcher decides a
  // match on it alone (docs/matching.md "Corroboration").
  query.identifier = entity.imo ? *entity.imo : entity.registration_id.value_or("");

  // Keeps `matches` of the name `query_name` searched, each entry's best.
  auto keep = [&](const std::vector<names::NameMatch>& matches, const std::string& query_name) {
    for (const names::NameMatch& match : matches) {
      const names::NameRecord& record = *match.record;
      ListMatchFact fact;
      fact.list_id = record.list_id;
      fact.entry_id = record.entry_id;
      fact.entry_kind = record.kind;
      fact.matched_name = record.name;
      fact.query_name = query_name;
      // 0.999 rather than 1: a name score is a float sum of weights and can miss 1 in the last
      // bits for an exact match.
      fact.method = match.decided_by_identifier ? "identifier"
                    : match.name_score >= 0.999 ? "name_exact"
                                                : "name_fuzzy";
      fact.score = match.score;
      fact.programs = record.programs;
      fact.explanation = ExplainNameMatch(match);
      fact.needs_corroboration = match.needs_corroboration;
      fact.identifier_corroborates = match.identifier_corroborates;
      auto key = std::make_pair(record.list_id, record.entry_id);
      auto found = best->find(key);
      // The higher score wins. On equal scores a match that needs no corroboration beats one that
      // does (from a review, 2026-12-07: "LI Fangwei" a.k.a. "Karl Lee" reviewed where "Karl
      // Lee" a.k.a. "LI Fangwei" blocked, both 1.00 against SDN 11447: the short Chinese name
      // was capped, its alias not); else the first name searched (the primary) is kept.
      const bool better = found == best->end() || fact.score > found->second.score ||
                          (fact.score == found->second.score && found->second.needs_corroboration &&
                           !fact.needs_corroboration);
      if (better) (*best)[key] = std::move(fact);
    }
  };
  // From a review, 2026-12-07: a party whose name is empty or cannot be screened (only a legal
  // form, "-") was never searched, so an identifier that decides a match whatever the names
  // (an IMO, or a registration number in its country) was never looked up either. The entity
  // stays unscreenable (no name clears it) and is matched by that identifier (test "A party with
  // no usable name is still found by an identifier that decides").
  auto search_by_identifier = [&]() {
    if (query.identifier.empty()) return;
    std::vector<names::NameMatch> matches;
    query.name = entity.name;
    search_identifier(query, &matches);
    keep(matches, entity.name);
  };

  // Every alias is searched on its own: a party's trading name may be listed while its legal name
  // is not. The corroborating facts (kind, country, birth date, identifier) are the entity's and
  // apply to every name searched.
  std::vector<std::string> names_to_search = {entity.name};
  names_to_search.insert(names_to_search.end(), entity.aliases.begin(), entity.aliases.end());
  for (size_t i = 0; i < names_to_search.size(); ++i) {
    if (Trim(names_to_search[i]).empty()) {
      // The row problem is reported where the row is read; an entity without a primary name
      // cannot be cleared by screening.
      if (i == 0) {
        facts->unscreenable = "the entity has no name";
        search_by_identifier();
      }
      continue;
    }
    query.name = names_to_search[i];
    std::vector<names::NameMatch> matches;
    Status status = search(query, &matches);
    if (!status.ok()) {
      problems->push_back({i == 0 ? "entity" : "entity_alias", entity.entity_id, "name",
                           "cannot screen '" + names_to_search[i] + "': " + status.message()});
      // Only the primary name makes the entity unscreenable; an unusable alias is a data problem,
      // while the entity is still screened by its other names.
      if (i == 0) {
        facts->unscreenable = "its name cannot be screened: " + status.message();
        search_by_identifier();
      }
      continue;
    }
    keep(matches, names_to_search[i]);
  }
}

void ListNameScreener::AppendOrdered(std::map<EntryKey, ListMatchFact> best,
                                     EntityFacts* facts) const {
  if (best.empty()) return;
  std::vector<ListMatchFact> ordered;
  for (auto& [key, fact] : best) {
    auto name = primary_names_.find(key);
    fact.entry_name = name != primary_names_.end() ? name->second : fact.matched_name;
    ordered.push_back(std::move(fact));
  }
  // Stable: equal scores keep the map's (list, entry) order, so the output is deterministic.
  std::stable_sort(
      ordered.begin(), ordered.end(),
      [](const ListMatchFact& a, const ListMatchFact& b) { return a.score > b.score; });
  for (ListMatchFact& fact : ordered) facts->list_matches.push_back(std::move(fact));
}

void ListNameScreener::Screen(const Entity& entity, EntityFacts* facts,
                              std::vector<DataProblem>* problems) {
  std::map<EntryKey, ListMatchFact> best;
  ScreenNames(
      entity,
      [&](const names::NameQuery& query, std::vector<names::NameMatch>* matches) {
        return index_->Search(query, kMatchesPerName, min_score_, matches);
      },
      [&](const names::NameQuery& query, std::vector<names::NameMatch>* matches) {
        index_->SearchIdentifier(query, nullptr, matches);
      },
      &best, facts, problems);
  AppendOrdered(std::move(best), facts);
}

void ListNameScreener::ChangesSince(
    const std::vector<std::pair<EntryKey, uint64_t>>& old_entries,
    const std::vector<std::pair<std::string, int32_t>>& old_word_units,
    ListChanges* changes) const {
  // Both sides are sorted: walk them together.
  size_t i = 0, j = 0;
  while (i < old_entries.size() || j < entry_digests_.size()) {
    if (j == entry_digests_.size() ||
        (i < old_entries.size() && old_entries[i].first < entry_digests_[j].first)) {
      changes->dirty_entries.insert(old_entries[i++].first);  // removed
    } else if (i == old_entries.size() || entry_digests_[j].first < old_entries[i].first) {
      changes->dirty_entries.insert(entry_digests_[j++].first);  // added
    } else {
      if (old_entries[i].second != entry_digests_[j].second) {
        changes->dirty_entries.insert(entry_digests_[j].first);  // changed
      }
      ++i, ++j;
    }
  }
  const std::vector<std::pair<std::string, int32_t>> now = index_->WordUnits();
  const int32_t absent = index_->AbsentWordUnits();  // the same in both: equal CorpusKey
  i = 0, j = 0;
  while (i < old_word_units.size() || j < now.size()) {
    if (j == now.size() || (i < old_word_units.size() && old_word_units[i].first < now[j].first)) {
      if (old_word_units[i].second != absent) changes->dirty_words.insert(old_word_units[i].first);
      ++i;
    } else if (i == old_word_units.size() || now[j].first < old_word_units[i].first) {
      if (now[j].second != absent) changes->dirty_words.insert(now[j].first);
      ++j;
    } else {
      if (old_word_units[i].second != now[j].second) changes->dirty_words.insert(now[j].first);
      ++i, ++j;
    }
  }
  const std::vector<names::NameRecord>& records = index_->records();
  changes->dirty_records.assign(records.size(), false);
  if (!changes->dirty_words.empty()) {
    for (uint32_t r = 0; r < records.size(); ++r) {
      for (const std::string& word : index_->RecordWords(r)) {
        if (changes->dirty_words.count(word)) {
          changes->dirty_entries.insert({records[r].list_id, records[r].entry_id});
          break;
        }
      }
    }
  }
  for (uint32_t r = 0; r < records.size(); ++r) {
    changes->dirty_records[r] =
        changes->dirty_entries.count({records[r].list_id, records[r].entry_id}) > 0;
  }
}

bool ListNameScreener::Patch(const Entity& entity, const EntityFacts& old,
                             const ListChanges& changes, EntityFacts* facts) const {
  // Every name's matches are in `old` only if no name reached the limit.
  if (old.list_matches.size() >= kMatchesPerName) return false;
  std::vector<std::string> names_to_search = {entity.name};
  names_to_search.insert(names_to_search.end(), entity.aliases.begin(), entity.aliases.end());
  std::vector<std::string> words;
  for (const std::string& name : names_to_search) {
    if (Trim(name).empty() || !index_->QueryWords(name, &words).ok()) continue;
    for (const std::string& word : words) {
      if (changes.dirty_words.count(word)) return false;
    }
  }
  std::map<EntryKey, ListMatchFact> best;
  EntityFacts unused;
  std::vector<DataProblem> problems;  // the same as the old facts hold: they are the names'
  ScreenNames(
      entity,
      [&](const names::NameQuery& query, std::vector<names::NameMatch>* matches) {
        return index_->SearchAmong(query, changes.dirty_records, kMatchesPerName, min_score_,
                                   matches);
      },
      [&](const names::NameQuery& query, std::vector<names::NameMatch>* matches) {
        index_->SearchIdentifier(query, &changes.dirty_records, matches);
      },
      &best, &unused, &problems);
  size_t kept = 0;
  for (const ListMatchFact& fact : old.list_matches) {
    kept += changes.dirty_entries.count({fact.list_id, fact.entry_id}) == 0;
  }
  // Each name's matches now are at most its unchanged old ones plus the new ones: under the limit,
  // Search() would have cut none.
  if (kept + best.size() >= kMatchesPerName) return false;
  for (const ListMatchFact& fact : old.list_matches) {
    EntryKey key{fact.list_id, fact.entry_id};
    if (changes.dirty_entries.count(key) == 0) best.emplace(std::move(key), fact);
  }
  facts->problems = old.problems;
  facts->unscreenable = old.unscreenable;
  AppendOrdered(std::move(best), facts);
  return true;
}

}  // namespace corridor
