#include "engine/screen/party_screener.h"

#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <set>

#include "engine/base/strings.h"

namespace corridor {

namespace {

icu::Transliterator* ToLatinAscii() {
  thread_local std::unique_ptr<icu::Transliterator> transliterator = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> created(icu::Transliterator::createInstance(
        "Any-Latin; Latin-ASCII; Any-Lower", UTRANS_FORWARD, status));
    if (U_FAILURE(status)) created.reset();
    return created;
  }();
  return transliterator.get();
}

}  // namespace

std::string NormalizeNameKey(const std::string& name) {
  std::string folded;
  bool ascii = std::all_of(name.begin(), name.end(),
                           [](char ch) { return static_cast<unsigned char>(ch) < 0x80; });
  if (ascii) {
    folded = AsciiLower(name);  // what the transliterator would give, without its cost
  } else {
    icu::UnicodeString text = icu::UnicodeString::fromUTF8(name);
    if (icu::Transliterator* transliterator = ToLatinAscii()) {
      transliterator->transliterate(text);
    } else {
      text.toLower();
    }
    text.toUTF8String(folded);
  }
  std::vector<std::string> tokens;
  std::string token;
  for (char ch : folded) {
    bool word = (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
                static_cast<unsigned char>(ch) >= 0x80;
    if (word) {
      token += ch;
    } else if (ch == '\'') {
      continue;  // O'Neil = ONeil
    } else if (!token.empty()) {
      tokens.push_back(std::move(token));
      token.clear();
    }
  }
  if (!token.empty()) tokens.push_back(std::move(token));
  std::sort(tokens.begin(), tokens.end());
  return Join(tokens, " ");
}

Status ExactNameScreener::Load(Database* db, const std::vector<std::string>& list_ids,
                               std::unique_ptr<ExactNameScreener>* out) {
  for (const char* table : {"list_entry", "list_alias"}) {
    if (!db->HasTable(table)) {
      return Status::Error(db->path() + ": table '" + std::string(table) +
                           "' is missing (create the schema with `corridor init --db FILE`)");
    }
  }
  std::unique_ptr<ExactNameScreener> screener(new ExactNameScreener());
  std::set<std::string> wanted(list_ids.begin(), list_ids.end());
  std::unique_ptr<Statement> query;
  Status status = db->Prepare(
      "SELECT e.list_id, e.entry_id, e.name, e.programs, e.name FROM list_entry e"
      " UNION ALL"
      " SELECT a.list_id, a.entry_id, e.name, e.programs, a.name FROM list_alias a"
      " JOIN list_entry e ON e.list_id = a.list_id AND e.entry_id = a.entry_id"
      " ORDER BY 1, 2, 5",
      &query);
  if (!status.ok()) return status;
  while (query->Step()) {
    Candidate candidate{query->Text(0), query->Text(1), query->Text(2), query->Text(4),
                        query->Text(3)};
    if (!wanted.empty() && wanted.count(candidate.list_id) == 0) continue;
    std::string key = NormalizeNameKey(candidate.matched_name);
    if (key.empty()) continue;
    std::vector<Candidate>& bucket = screener->by_key_[key];
    bool duplicate = std::any_of(bucket.begin(), bucket.end(), [&](const Candidate& other) {
      return other.list_id == candidate.list_id && other.entry_id == candidate.entry_id;
    });
    if (!duplicate) bucket.push_back(std::move(candidate));
    ++screener->name_count_;
  }
  if (!query->status().ok()) return Status::Error(db->path() + ": " + query->status().message());
  *out = std::move(screener);
  return Status::Ok();
}

void ExactNameScreener::Screen(const Entity& entity, EntityFacts* facts,
                               std::vector<DataProblem>* problems) {
  std::vector<std::string> names = {entity.name};
  names.insert(names.end(), entity.aliases.begin(), entity.aliases.end());
  std::set<std::pair<std::string, std::string>> seen;  // (list_id, entry_id)
  for (size_t i = 0; i < names.size(); ++i) {
    std::string key = NormalizeNameKey(names[i]);
    if (key.empty()) {
      if (!Trim(names[i]).empty()) {
        problems->push_back({i == 0 ? "entity" : "entity_alias", entity.entity_id, "name",
                             "name has no letters or digits: '" + names[i] + "'"});
      }
      continue;
    }
    auto found = by_key_.find(key);
    if (found == by_key_.end()) continue;
    for (const Candidate& candidate : found->second) {
      if (!seen.insert({candidate.list_id, candidate.entry_id}).second) continue;
      facts->list_matches.push_back(ListMatchFact{
          candidate.list_id, candidate.entry_id, candidate.entry_name, candidate.matched_name,
          names[i], "exact_normalized", 1.0, candidate.programs});
    }
  }
}

}  // namespace corridor
