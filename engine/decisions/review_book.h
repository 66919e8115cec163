// What screening does with the desk's records (docs/decisions.md): recorded decisions and
// allow-list entries, loaded once per run and applied to each hit's evidence before it is
// scored.
//
//   std::unique_ptr<decisions::ReviewBook> book;
//   Status s = decisions::ReviewBook::Load(input_db, {"good-guys"}, "2026-12-01", &book);
//   book->Review(shipment, rule_id, &outcome.evidence, &suppressed);  // per hit, any thread
//
// A piece of evidence is suppressed (moved out, with its Review, so it counts toward neither
// the score nor the decision, and is still written) when
//   - the latest decision on its key is `cleared`, the run's as-of date is before the
//     decision's expiry, and the digests the decision remembers still equal the records' (the
//     party's PartyDigest, the list entry's digest, for a party's hit without a list entry the
//     ownership records above the party (ChainDigest) and no list entry its ownership path
//     names was added or changed by a later list import, for a shipment-level hit the
//     shipment's); or
//   - it is a name match (name_exact or name_fuzzy, never an identifier match) of a party that
//     an entry of an allow-list names: by entity id (the allow entry's id is the party's
//     entity_id) or by an exactly equal normalised name or alias and the same country.
// A decision's key is (party or shipment, rule, list entry): a decision on a list hit covers
// only that list entry's match, a decision without a list entry only evidence without one, so
// a party's new match on another entry is never covered by an older decision.
// `confirmed` and `escalated` decisions, and cleared decisions that have lapsed, are attached
// to the evidence as a Review with suppressed = false (and, when lapsed, why).
#ifndef CORRIDOR_ENGINE_DECISIONS_REVIEW_BOOK_H_
#define CORRIDOR_ENGINE_DECISIONS_REVIEW_BOOK_H_

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "engine/base/status.h"
#include "engine/decisions/decisions.h"
#include "engine/facts/ownership_world.h"
#include "engine/facts/party_screener.h"
#include "engine/load/input_database.h"
#include "engine/load/records.h"
#include "engine/store/database.h"
#include "schemas/scores.pb.h"

namespace corridor::decisions {

class ReviewBook {
 public:
  // Reads the latest decision per key from `db` (none when it has no decision table), the
  // current digests of the list entries they name, and every entry and alias of `allow_lists`
  // (normalised once here). `as_of` is the run's date, YYYY-MM-DD. Reads only.
  static Status Load(Database* db, const std::set<std::string>& allow_lists, std::string as_of,
                     std::unique_ptr<ReviewBook>* out);

  // True when there is nothing to apply (no decisions, no allow entries).
  bool empty() const { return by_key_.empty() && allow_by_id_.empty() && allow_by_name_.empty(); }
  // The allow-lists Load() was given: never a source of hits.
  const std::set<std::string>& allow_lists() const { return allow_lists_; }
  size_t decision_count() const { return decision_count_; }

  // Reviews the evidence of one rule's hit on `shipment`: suppressed pieces move from
  // `evidence` to the end of `suppressed`, in order; every piece a decision or allow entry
  // applies to gets its Review. Thread-safe (const, no shared scratch).
  void Review(const Shipment& shipment, const std::string& rule_id,
              std::vector<scores::Evidence>* evidence,
              std::vector<scores::Evidence>* suppressed) const;

  // The allow entry that names `party` as Review() applies it to name matches: its entry id is
  // the party's entity_id, or a normalised name or alias of both is equal and both have the same
  // country. nullopt when none does. For name searches without a party (/match, `corridor
  // match`), pass an Entity with an empty entity_id. Thread-safe.
  struct Allowance {
    std::string list_id, entry_id, entry_name;
    std::string matched_by;  // "entity_id" or "name_and_country"
  };
  std::optional<Allowance> AllowedParty(const Entity& party) const;
  // `book`'s AllowedParty as a yes/no test for rules (RunResources::AllowedParty); null when
  // `book` is null or holds nothing. `book` must outlive the function.
  static std::function<bool(const Entity&)> AllowedPartyTest(const ReviewBook* book) {
    if (book == nullptr || book->empty()) return nullptr;
    return [book](const Entity& party) { return book->AllowedParty(party).has_value(); };
  }

 private:
  struct AllowEntry {
    std::string list_id;
    std::string entry_id;
    std::string name;     // primary name
    std::string country;  // "" unknown
    // The naming words (NamingWords) of its name and each alias: a party the entry names by id
    // must still bear one of them (BearsAllowedName).
    std::vector<std::vector<std::string>> name_words;
  };
  ReviewBook() = default;
  // The decision that applies to `evidence` of `rule_id` on `shipment`, or null.
  const DecisionRecord* FindDecision(const Shipment& shipment, const std::string& rule_id,
                                     const scores::Evidence& evidence) const;
  // Why a cleared decision no longer holds ("" while it holds).
  std::string Lapsed(const DecisionRecord& decision, const Shipment& shipment, const Entity* party,
                     const scores::Evidence& evidence) const;
  // Fills last_change_ from list_change (once, when a decision has a chain digest).
  Status LoadEntryChanges(Database* db);
  // The allow entry naming `party`, or null.
  const AllowEntry* FindAllowed(const Entity& party, std::string* matched_by) const;
  static bool BearsAllowedName(const Entity& party, const AllowEntry& entry);

  std::string as_of_;
  std::set<std::string> allow_lists_;
  size_t decision_count_ = 0;
  // Latest decisions by (entity_id, rule_id); entity "" for shipment-level decisions.
  std::map<std::pair<std::string, std::string>, std::vector<DecisionRecord>> by_key_;
  // The current digest of every list entry a decision names; absent: no longer listed.
  std::map<std::pair<std::string, std::string>, std::string> entry_digests_;
  // The current ChainDigest of every party a decision with a chain digest names, and the days
  // of its chain's dated rows (ParseDay).
  std::map<std::string, std::string> chain_digests_;
  std::map<std::string, std::vector<int32_t>> chain_days_;
  // The latest list import that added or changed each entry (list_change).
  std::map<std::pair<std::string, std::string>, int64_t> last_change_;
  bool entry_changes_loaded_ = false;
  std::vector<AllowEntry> allow_entries_;
  std::map<std::string, std::vector<size_t>> allow_by_id_;    // entry id -> allow_entries_
  std::map<std::string, std::vector<size_t>> allow_by_name_;  // normalised name -> same
};

// The normalised form allow-lists compare: the name's tokens (engine/names/normalize.h, legal
// forms as their class) joined by spaces; "" when the name cannot be normalised.
std::string AllowListKey(const std::string& name);

// A PartyScreener that reports only watch-list matches: matches of entries of `allow_lists`
// are dropped, so an allow-list is never a source of hits (nor of ownership bridges).
// REQUIRES: `inner` outlives it.
class WatchListScreener : public PartyScreener {
 public:
  WatchListScreener(PartyScreener* inner, std::set<std::string> allow_lists)
      : inner_(inner), allow_lists_(std::move(allow_lists)) {}
  void Screen(const Entity& entity, EntityFacts* facts,
              std::vector<DataProblem>* problems) override;

 private:
  PartyScreener* inner_;
  std::set<std::string> allow_lists_;
};

// BuildOwnershipWorld (engine/facts/ownership_world.h) as the desk sees it, for the ownership
// rules: an allow-list is never a source of hits here either, and it suppresses here too.
//  - Entries of `book`'s allow-lists are never listed owners (left out of list_nodes, so no rule
//    seeds them, whatever their programs or links); `screener` should already drop their
//    matches (WatchListScreener).
//  - An entity an allow entry names (by entity id, or name and country) has no name-match
//    bridge to a list entry: the company has determined that the namesake is not the listed
//    party, so a company it owns is not owned by a listed party through that match. Identifier
//    matches still bridge. The entity's own shipments show the match as suppressed.
// `book` may be null: then it is BuildOwnershipWorld.
// `read` as for BuildOwnershipWorld.
Status BuildReviewedOwnershipWorld(InputDatabase* input, PartyScreener* screener,
                                   const ReviewBook* book, OwnershipWorld* world,
                                   const std::string& as_of = "",
                                   const EntityReads* read = nullptr);

}  // namespace corridor::decisions

#endif  // CORRIDOR_ENGINE_DECISIONS_REVIEW_BOOK_H_
