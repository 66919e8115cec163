#include "engine/decisions/review_book.h"

#include <algorithm>

#include "engine/base/digest.h"

#include "engine/names/normalize.h"
#include "engine/names/score.h"
#include "engine/ownership/ownership.h"

namespace corridor::decisions {

namespace {

// The entity a piece of evidence names: a party of the shipment, or a payer of one of its
// payments (red_flag THIRD_COUNTRY_PAYER's evidence names the payer; before 2026-12-07 a
// decision on it read as "the party's record is missing" and never held).
const Entity* PartyEntity(const Shipment& shipment, const std::string& entity_id) {
  for (const ShipmentParty& party : shipment.parties) {
    if (party.entity_id == entity_id && party.entity) return &*party.entity;
  }
  for (const ShipmentPayment& payment : shipment.payments) {
    if (payment.payer && payment.payer_entity_id == entity_id) return &*payment.payer;
  }
  return nullptr;
}

// The key of evidence that names no party nor list entry but stands for its own content: a custom
// SQL rule's row (matched_value `sql:` and a digest of its summary); "" for other evidence.
std::string ContentKey(const scores::Evidence& evidence) {
  if (evidence.has_party() || evidence.has_list_match()) return "";
  return evidence.matched_value().rfind(kSqlEvidencePrefix, 0) == 0 ? evidence.matched_value() : "";
}

void SetDecisionReview(const DecisionRecord& decision, scores::Review* review) {
  review->set_source("decision");
  review->set_verdict(VerdictName(decision.verdict));
  review->set_decision_id(decision.decision_id);
  review->set_decided_by(decision.decided_by);
  review->set_decided_at(decision.decided_at);
  review->set_reason(decision.reason);
  review->set_expires_on(decision.expires_on);
}

// Reads the allow-lists' entries and aliases: (list, entry) -> entry, with every name.
Status ReadAllowNames(Database* db, const std::string& list_id,
                      std::vector<std::pair<std::string, std::string>>* names,
                      std::map<std::string, std::pair<std::string, std::string>>* entries) {
  std::unique_ptr<Statement> query;
  Status status = db->Prepare(
      "SELECT entry_id, name, ifnull(country, ''), 0 FROM list_entry WHERE list_id = ?1 "
      "UNION ALL SELECT entry_id, name, '', 1 FROM list_alias WHERE list_id = ?1 "
      "ORDER BY 4, 1, 2",
      &query);
  if (!status.ok()) return status;
  query->BindText(1, list_id);
  while (query->Step()) {
    if (query->Int(3) == 0) (*entries)[query->Text(0)] = {query->Text(1), query->Text(2)};
    names->emplace_back(query->Text(0), query->Text(1));
  }
  return query->status();
}

}  // namespace

namespace {

// The words that name `name`, normalised as AllowListKey normalises them, legal forms left out.
std::vector<std::string> NamingWords(const std::string& name) {
  std::vector<std::string> words;
  names::NormalizedName normalized;
  if (!names::ThreadNameNormalizer().Normalize(name, &normalized).ok()) return words;
  for (const names::NameToken& token : normalized.tokens) {
    if (token.kind != names::TokenKind::kLegalForm) words.push_back(token.text);
  }
  return words;
}

// Whether every word of the shorter of `a` and `b` is close to a word of the other: Jaro-Winkler
// 0.85 or more, or the same first four letters (a word's endings: TRADERS and TRADING,
// INDUSTRIES and INDUSTRIAL); SHER and KARAKORAM are not. Empty names are not.
bool WordsCovered(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  if (a.empty() || b.empty()) return false;
  const std::vector<std::string>& fewer = a.size() <= b.size() ? a : b;
  const std::vector<std::string>& more = a.size() <= b.size() ? b : a;
  return std::all_of(fewer.begin(), fewer.end(), [&](const std::string& word) {
    return std::any_of(more.begin(), more.end(), [&](const std::string& other) {
      return names::JaroWinkler(word, other) >= 0.85 ||
             (word.size() >= 4 && other.size() >= 4 && word.compare(0, 4, other, 0, 4) == 0);
    });
  });
}

}  // namespace

// Whether `party` still bears a name the allow entry gives it: some name or alias of each, the
// shorter's every word close to a word of the other's. An allow entry names a party by its id
// "whatever the spelling" (`Karakoram Traders (Pvt.) Ltd., Lahore` for `Karakoram Traders (Pvt.)
// Ltd.`), but not whatever the name: a record renamed to another company's (a listed one's) is
// not the party the company's KYC cleared (since 2026-12-07, from a review: before, the renamed
// record's exact SDN match was suppressed and its shipment came out clear).
bool ReviewBook::BearsAllowedName(const Entity& party, const AllowEntry& entry) {
  std::vector<std::string> names = {party.name};
  names.insert(names.end(), party.aliases.begin(), party.aliases.end());
  for (const std::string& name : names) {
    const std::vector<std::string> words = NamingWords(name);
    for (const std::vector<std::string>& allowed : entry.name_words) {
      if (WordsCovered(words, allowed)) return true;
    }
  }
  return false;
}

std::string AllowListKey(const std::string& name) {
  names::NormalizedName normalized;
  if (!names::ThreadNameNormalizer().Normalize(name, &normalized).ok()) return "";
  std::string key;
  for (const names::NameToken& token : normalized.tokens) {
    if (!key.empty()) key += ' ';
    key += token.text;
  }
  return key;
}

Status ReviewBook::Load(Database* db, const std::set<std::string>& allow_lists, std::string as_of,
                        std::unique_ptr<ReviewBook>* out) {
  std::unique_ptr<ReviewBook> book(new ReviewBook());
  book->as_of_ = std::move(as_of);
  book->allow_lists_ = allow_lists;
  DecisionFilter latest;
  latest.latest_only = true;
  std::vector<DecisionRecord> decisions;
  Status status = ReadDecisions(db, latest, &decisions);
  if (!status.ok()) return status;
  book->decision_count_ = decisions.size();
  std::unique_ptr<Statement> digest;
  for (DecisionRecord& decision : decisions) {
    if (!decision.hit.list_id.empty()) {
      if (!digest) {
        status = db->Prepare(
            "SELECT ifnull(digest, '') FROM list_entry WHERE list_id = ?1 AND entry_id = ?2",
            &digest);
        if (!status.ok()) return status;
      }
      digest->Reset();
      digest->BindText(1, decision.hit.list_id);
      digest->BindText(2, decision.hit.entry_id);
      if (digest->Step()) {
        book->entry_digests_[{decision.hit.list_id, decision.hit.entry_id}] = digest->Text(0);
      } else if (!digest->status().ok()) {
        return digest->status();
      }
    }
    if (!decision.chain_digest.empty() && !book->entry_changes_loaded_) {
      status = book->LoadEntryChanges(db);
      if (!status.ok()) return status;
    }
    if (!decision.chain_digest.empty() && !book->chain_digests_.count(decision.entity_id)) {
      std::vector<std::string> dates;
      status =
          ChainDigest(db, decision.entity_id, &book->chain_digests_[decision.entity_id], &dates);
      if (!status.ok()) return status;
      for (const std::string& date : dates) {
        if (std::optional<int32_t> day = ParseDay(date)) {
          book->chain_days_[decision.entity_id].push_back(*day);
        }
      }
    }
    book->by_key_[{decision.entity_id, decision.hit.rule_id}].push_back(std::move(decision));
  }
  for (const std::string& list_id : allow_lists) {
    std::vector<std::pair<std::string, std::string>> names;              // entry id, name or alias
    std::map<std::string, std::pair<std::string, std::string>> entries;  // id -> name, country
    status = ReadAllowNames(db, list_id, &names, &entries);
    if (!status.ok()) return status;
    std::map<std::string, size_t> index;
    for (const auto& [entry_id, name_country] : entries) {
      index[entry_id] = book->allow_entries_.size();
      book->allow_by_id_[entry_id].push_back(book->allow_entries_.size());
      book->allow_entries_.push_back(
          {list_id, entry_id, name_country.first, name_country.second, {}});
    }
    for (const auto& [entry_id, name] : names) {
      auto entry = index.find(entry_id);
      if (entry != index.end()) {
        std::vector<std::string> words = NamingWords(name);
        if (!words.empty()) book->allow_entries_[entry->second].name_words.push_back(words);
      }
      std::string key = AllowListKey(name);
      // An alias of an entry that is not there, or a name with nothing to compare, allows nothing.
      if (entry == index.end() || key.empty()) continue;
      std::vector<size_t>& same = book->allow_by_name_[key];
      if (std::find(same.begin(), same.end(), entry->second) == same.end()) {
        same.push_back(entry->second);
      }
    }
  }
  *out = std::move(book);
  return Status::Ok();
}

const DecisionRecord* ReviewBook::FindDecision(const Shipment& shipment, const std::string& rule_id,
                                               const scores::Evidence& evidence) const {
  const std::string entity_id = evidence.has_party() ? evidence.party().entity_id() : "";
  auto found = by_key_.find({entity_id, rule_id});
  if (found == by_key_.end()) return nullptr;
  const DecisionRecord* best = nullptr;
  for (const DecisionRecord& decision : found->second) {
    if (!decision.shipment_id.empty() && decision.shipment_id != shipment.shipment_id) continue;
    // A shipment-level decision needs its shipment; a party decision covers evidence with the
    // same list entry, or without one when it names none.
    if (entity_id.empty() && decision.shipment_id.empty()) continue;
    if (evidence.has_list_match()) {
      if (decision.hit.list_id != evidence.list_match().list_id() ||
          decision.hit.entry_id != evidence.list_match().entry_id()) {
        continue;
      }
    } else if (!decision.hit.list_id.empty()) {
      continue;
    }
    // Evidence keyed on its content (a SQL rule's row) is covered only by a decision naming that
    // evidence; other evidence only by a decision naming none. Before, a decision on a SQL rule's
    // hit covered every later row of the rule on the shipment, a new SDN match included (review
    // finding 1).
    if (decision.hit.evidence != ContentKey(evidence)) continue;
    // The latest decision wins: a shipment-scoped one recorded after a party-wide one overrides
    // it for that shipment, and the other way round.
    if (best == nullptr || decision.decision_id > best->decision_id) best = &decision;
  }
  return best;
}

Status ReviewBook::LoadEntryChanges(Database* db) {
  entry_changes_loaded_ = true;
  bool exists = false;
  Status status = db->HasTable("list_change", &exists);
  if (!status.ok() || !exists) return status;
  std::unique_ptr<Statement> query;
  status = db->Prepare(
      "SELECT list_id, entry_id, max(import_id) FROM list_change GROUP BY list_id, entry_id",
      &query);
  if (!status.ok()) return status;
  while (query->Step()) last_change_[{query->Text(0), query->Text(1)}] = query->Int(2);
  return query->status();
}

std::string ReviewBook::Lapsed(const DecisionRecord& decision, const Shipment& shipment,
                               const Entity* party, const scores::Evidence& evidence) const {
  // ISO dates compare as text; the decision holds for runs dated before its expiry day.
  if (!decision.expires_on.empty() && as_of_ >= decision.expires_on) {
    return "expired on " + decision.expires_on;
  }
  if (!decision.entity_id.empty()) {
    if (party == nullptr) return "the party's record is missing";
    if (PartyDigest(*party) != decision.party_digest) {
      return "the party's record changed since the decision";
    }
  } else if (decision.shipment_digest.rfind(kShipmentDigestVersion, 0) != 0) {
    return "the decision was recorded before it covered the shipment's parties, documents, "
           "payments and export-control columns (2026-12-07): record it again";
  } else if (ShipmentDigest(shipment) != decision.shipment_digest) {
    return "the shipment's record changed since the decision";
  }
  if (!decision.hit.list_id.empty()) {
    auto digest = entry_digests_.find({decision.hit.list_id, decision.hit.entry_id});
    if (digest == entry_digests_.end() || digest->second != decision.entry_digest) {
      return "the list entry changed since the decision";
    }
  }
  if (!decision.chain_digest.empty()) {
    auto digest = chain_digests_.find(decision.entity_id);
    if (digest == chain_digests_.end() || digest->second != decision.chain_digest) {
      return "the ownership records above the party changed since the decision";
    }
    // A row dated after the report the reviewer read and on or before the run's day: screening
    // skipped it in that report, and counts it now. The report's as-of day when the decision
    // says it (decide --as-of, the review page); else the decision's day, and a row dated that
    // very day counts too: a report read that day may have been as of the day before (since
    // 2026-12-07, from a review: before, a row dated on the decision day, after the report's,
    // never lapsed the decision).
    std::optional<int32_t> seen = ParseDay(decision.seen_as_of);
    if (!seen) {
      seen = ParseDay(decision.decided_at.substr(0, 10));
      if (seen) --*seen;
    }
    const std::optional<int32_t> run = ParseDay(as_of_);
    auto days = chain_days_.find(decision.entity_id);
    if (seen && run && days != chain_days_.end()) {
      for (int32_t day : days->second) {
        if (day > *seen && day <= *run) {
          return "an ownership record above the party came into force since the decision";
        }
      }
    }
    // The list entries the ownership evidence names (the listed owner, the entries its names
    // matched, list entries on the path): one a list import added or changed after the decision
    // is news to the reviewer.
    std::vector<std::string> entries(evidence.ownership().listed_as().begin(),
                                     evidence.ownership().listed_as().end());
    for (const scores::OwnershipStep& step : evidence.ownership().path()) {
      for (const std::string* node : {&step.owner(), &step.owned()}) {
        if (node->rfind("list:", 0) == 0) entries.push_back(node->substr(5));
      }
    }
    for (const std::string& entry : entries) {
      const size_t colon = entry.find(':');
      if (colon == std::string::npos) continue;
      auto change = last_change_.find({entry.substr(0, colon), entry.substr(colon + 1)});
      if (change != last_change_.end() && change->second > decision.lists_seen) {
        return "list entry " + entry +
               " of the ownership finding was added or changed by a list import since the "
               "decision";
      }
    }
  }
  return "";
}

std::optional<ReviewBook::Allowance> ReviewBook::AllowedParty(const Entity& party) const {
  std::string matched_by;
  const AllowEntry* entry = FindAllowed(party, &matched_by);
  if (entry == nullptr) return std::nullopt;
  return Allowance{entry->list_id, entry->entry_id, entry->name, matched_by};
}

const ReviewBook::AllowEntry* ReviewBook::FindAllowed(const Entity& party,
                                                      std::string* matched_by) const {
  // An empty id (a name search without a party) never names an entry.
  auto by_id = party.entity_id.empty() ? allow_by_id_.end() : allow_by_id_.find(party.entity_id);
  if (by_id != allow_by_id_.end()) {
    for (size_t index : by_id->second) {
      if (BearsAllowedName(party, allow_entries_[index])) {
        *matched_by = "entity_id";
        return &allow_entries_[index];
      }
    }
  }
  if (allow_by_name_.empty() || !party.country) return nullptr;
  std::vector<std::string> names = {party.name};
  names.insert(names.end(), party.aliases.begin(), party.aliases.end());
  for (const std::string& name : names) {
    auto by_name = allow_by_name_.find(AllowListKey(name));
    if (by_name == allow_by_name_.end() || by_name->first.empty()) continue;
    for (size_t index : by_name->second) {
      // Name and country: a namesake elsewhere is not the allowed party.
      if (!allow_entries_[index].country.empty() &&
          allow_entries_[index].country == *party.country) {
        *matched_by = "name_and_country";
        return &allow_entries_[index];
      }
    }
  }
  return nullptr;
}

void ReviewBook::Review(const Shipment& shipment, const std::string& rule_id,
                        std::vector<scores::Evidence>* evidence,
                        std::vector<scores::Evidence>* suppressed) const {
  if (empty()) return;
  std::vector<scores::Evidence> kept;
  for (scores::Evidence& piece : *evidence) {
    const Entity* party =
        piece.has_party() ? PartyEntity(shipment, piece.party().entity_id()) : nullptr;
    bool suppress = false;
    bool analyst_upheld = false;  // confirmed or escalated: no allow-list overrides that
    if (const DecisionRecord* decision = FindDecision(shipment, rule_id, piece)) {
      scores::Review* review = piece.mutable_review();
      SetDecisionReview(*decision, review);
      if (decision->verdict == Verdict::kCleared) {
        review->set_lapsed(Lapsed(*decision, shipment, party, piece));
        suppress = review->lapsed().empty();
      } else {
        analyst_upheld = true;
      }
    }
    // An allow-list speaks only to name matches: an identifier match (same IMO or registration
    // number) is the listed party itself, whatever the company's list says; so may be a name
    // match that a passport or national id of the party corroborates (the allow entry was made
    // on name and country, the identifier says more).
    const std::string method = piece.has_list_match() ? piece.list_match().method() : "";
    const bool corroborated =
        piece.has_list_match() && piece.list_match().identifier_corroborates();
    if (!suppress && !analyst_upheld && party != nullptr && !corroborated &&
        (method == "name_exact" || method == "name_fuzzy")) {
      std::string matched_by;
      if (const AllowEntry* allowed = FindAllowed(*party, &matched_by)) {
        scores::Review* review = piece.mutable_review();
        review->Clear();
        review->set_source("allow_list");
        review->set_verdict("allowed");
        review->set_allow_list_id(allowed->list_id);
        review->set_allow_entry_id(allowed->entry_id);
        review->set_allow_entry_name(allowed->name);
        review->set_allow_matched_by(matched_by);
        suppress = true;
      }
    }
    if (suppress) {
      piece.mutable_review()->set_suppressed(true);
      suppressed->push_back(std::move(piece));
    } else {
      kept.push_back(std::move(piece));
    }
  }
  *evidence = std::move(kept);
}

void WatchListScreener::Screen(const Entity& entity, EntityFacts* facts,
                               std::vector<DataProblem>* problems) {
  inner_->Screen(entity, facts, problems);
  std::erase_if(facts->list_matches,
                [&](const ListMatchFact& match) { return allow_lists_.count(match.list_id) > 0; });
}

namespace {

// For the ownership walk only: an allowed entity's name matches are dropped (see
// BuildReviewedOwnershipWorld). Shipment parties are screened apart, and keep them as
// suppressed evidence.
class AllowedOwnerScreener : public PartyScreener {
 public:
  AllowedOwnerScreener(PartyScreener* inner, const ReviewBook* book) : inner_(inner), book_(book) {}
  void Screen(const Entity& entity, EntityFacts* facts,
              std::vector<DataProblem>* problems) override {
    inner_->Screen(entity, facts, problems);
    std::erase_if(facts->list_matches, [&](const ListMatchFact& match) {
      return book_->allow_lists().count(match.list_id) > 0;
    });
    if (facts->list_matches.empty() || !book_->AllowedParty(entity)) return;
    std::erase_if(facts->list_matches, [](const ListMatchFact& match) {
      return (match.method == "name_exact" || match.method == "name_fuzzy") &&
             !match.identifier_corroborates;
    });
  }

 private:
  PartyScreener* inner_;
  const ReviewBook* book_;
};

}  // namespace

Status BuildReviewedOwnershipWorld(InputDatabase* input, PartyScreener* screener,
                                   const ReviewBook* book, OwnershipWorld* world,
                                   const std::string& as_of, const EntityReads* read) {
  if (book == nullptr) return BuildOwnershipWorld(input, screener, world, as_of, read);
  std::unique_ptr<AllowedOwnerScreener> reviewed;
  if (screener != nullptr) reviewed = std::make_unique<AllowedOwnerScreener>(screener, book);
  Status status = BuildOwnershipWorld(input, reviewed.get(), world, as_of, read);
  if (!status.ok()) return status;
  std::erase_if(world->list_nodes,
                [&](const auto& node) { return book->allow_lists().count(node.second.list_id); });
  return Status::Ok();
}

}  // namespace corridor::decisions
