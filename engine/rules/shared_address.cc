// Rule kind `shared_address`: a party's street address is the address of a listed entry
// (list_address). Front companies and successors of listed parties often keep the listed
// party's premises; BIS lists "shares an address with a listed party" among its red flags
// (Supplement 3 to 15 CFR part 732, and the Entity List's address-only entries), and OFAC
// publishes addresses for the same reason (e.g. SDN 36427, Sber Vostok, Almaty).
//
// Addresses are compared as sets of tokens after normalisation: transliterated to Latin, case
// and punctuation folded, street-type words ("street", "ulitsa", "avenue", "building", "floor")
// dropped, so word order (building, street, city) does not matter. They match when every house
// or postal number of the address with fewer numbers is in the other, at least one number and two
// words are shared, and at least min_overlap of the shorter address's tokens are in the longer.
#include <algorithm>
#include <map>
#include <set>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "engine/base/strings.h"
#include "engine/names/normalize.h"
#include "engine/rules/kinds.h"
#include "engine/rules/matchers.h"

namespace corridor {

namespace {

bool IsNumberToken(const std::string& token) {
  return !token.empty() && token[0] >= '0' && token[0] <= '9';
}

// Normalised address tokens, in a set (order-free).
std::set<std::string> AddressTokens(const std::string& address) {
  // Street-type and premises words in English and the transliterated Russian and Kazakh forms
  // used in the region's addresses; they vary between two writings of one address.
  static const std::set<std::string> kNoise = {"street",
                                               "st",
                                               "str",
                                               "ulitsa",
                                               "ul",
                                               "avenue",
                                               "ave",
                                               "av",
                                               "prospekt",
                                               "prosp",
                                               "pr",
                                               "road",
                                               "rd",
                                               "lane",
                                               "building",
                                               "bldg",
                                               "bld",
                                               "block",
                                               "blk",
                                               "floor",
                                               "fl",
                                               "office",
                                               "of",
                                               "off",
                                               "suite",
                                               "room",
                                               "rm",
                                               "apt",
                                               "apartment",
                                               "dom",
                                               "d",
                                               "korpus",
                                               "k",
                                               "kv",
                                               "the",
                                               "and",
                                               "no",
                                               "number",
                                               "house",
                                               "district",
                                               "microdistrict",
                                               "mkr",
                                               "city",
                                               "g",
                                               "gorod",
                                               "province",
                                               "oblast",
                                               "region",
                                               "republic",
                                               "rep",
                                               "unit",
                                               "kdk",
                                               "th",
                                               "nd",
                                               "po",
                                               "box"};
  // ICU transliteration costs tens of microseconds per call; plain ASCII needs none, and most
  // addresses in company records are ASCII.
  bool ascii = std::all_of(address.begin(), address.end(),
                           [](char ch) { return static_cast<unsigned char>(ch) < 0x80; });
  std::string latin = ascii ? address : names::ThreadNameNormalizer().ToLatin(address);
  if (latin.empty()) latin = address;
  std::set<std::string> tokens;
  std::string token;
  auto flush = [&]() {
    if (token.empty()) return;
    // Ordinals lose their suffix ("7th" -> "7") so "7th floor" and "floor 7" agree.
    std::string stripped = token;
    if (IsNumberToken(stripped)) {
      size_t digits = 0;
      while (digits < stripped.size() && stripped[digits] >= '0' && stripped[digits] <= '9')
        ++digits;
      std::string suffix = stripped.substr(digits);
      if (suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th")
        stripped = stripped.substr(0, digits);
    }
    if (!kNoise.count(stripped)) tokens.insert(stripped);
    token.clear();
  };
  for (char ch : AsciiLower(latin)) {
    bool alnum = (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9');
    // A switch between digits and letters does not split ("3v" is one building), but any
    // punctuation does ("13/1" -> 13 and 1, "al-farabi" -> al and farabi).
    if (alnum) {
      token += ch;
    } else {
      flush();
    }
  }
  flush();
  return tokens;
}

struct ListedAddress {
  std::string list_id;
  std::string entry_id;
  std::string entry_name;
  std::string text;                 // as published, joined
  std::string country;              // ISO alpha-2 or ""
  std::vector<std::string> tokens;  // AddressTokens(text), sorted
};

// One worker's memo of the listed addresses each party address shares (indexes into the rule's
// addresses): a counterparty named on many shipments is tokenised and compared once per worker,
// not once per shipment. An entity the run numbered (Entity::number) is kept by its number; any
// other by its address and country, the only inputs of the match, in a map cleared when it
// reaches kMaxEntries. Memory stays bounded whatever the run: numbers are the run's entities.
class SharedAddressScratch : public RuleScratch {
 public:
  static constexpr size_t kMaxEntries = 1 << 18;
  std::unordered_map<std::string, std::vector<size_t>> shared;
  std::string key;  // reused for every lookup: a party's key is copied only when it is new
  // By number: 0 not yet compared, 1 shares none (most), else 2 + an index into by_number_shared.
  std::vector<uint32_t> by_number;
  std::vector<std::vector<size_t>> by_number_shared;
};

class SharedAddressRule : public CompiledRule {
 public:
  SharedAddressRule(std::set<std::string> lists, std::set<std::string> allow_lists,
                    std::set<std::string> roles, double min_overlap)
      : lists_(std::move(lists)),
        allow_lists_(std::move(allow_lists)),
        roles_(std::move(roles)),
        min_overlap_(min_overlap) {}

  RuleNeeds Needs() const override {
    RuleNeeds needs;
    needs.lists.assign(lists_.begin(), lists_.end());
    return needs;
  }

  bool PreparesFromInputOnly() const override { return true; }
  Status Prepare(RunResources* resources) override {
    std::unique_ptr<Statement> query;
    Status status = resources->input()->Prepare(
        "SELECT a.list_id, a.entry_id, e.name, a.address, a.city, a.region, a.postal_code,"
        " a.country_name, upper(trim(a.country)) FROM list_address a"
        " JOIN list_entry e ON e.list_id = a.list_id AND e.entry_id = a.entry_id"
        " WHERE a.address IS NOT NULL AND trim(a.address) <> ''"
        " ORDER BY a.list_id, a.entry_id, a.rowid",
        &query);
    if (!status.ok()) return status;
    while (query->Step()) {
      if (!lists_.empty() && !lists_.count(query->Text(0))) continue;
      // An allow-list names parties the company has cleared; its entries are never listed
      // parties, so sharing their address is no hit (rules/company_lists.textproto, role ALLOW).
      if (allow_lists_.count(query->Text(0))) continue;
      ListedAddress listed{query->Text(0), query->Text(1), query->Text(2), "", query->Text(8), {}};
      std::vector<std::string> parts;
      for (int column = 3; column <= 7; ++column) {
        std::string part(Trim(query->Text(column)));
        if (!part.empty()) parts.push_back(part);
      }
      listed.text = Join(parts, ", ");
      std::set<std::string> tokens = AddressTokens(listed.text);
      listed.tokens.assign(tokens.begin(), tokens.end());
      if (listed.tokens.size() < 3) continue;  // "Moscow, Russia" is a city, not an address
      size_t index = addresses_.size();
      for (const std::string& token : listed.tokens) postings_[token].push_back(index);
      addresses_.push_back(std::move(listed));
    }
    return query->status();
  }

  Status NewScratch(std::unique_ptr<RuleScratch>* scratch) const override {
    *scratch = std::make_unique<SharedAddressScratch>();
    return Status::Ok();
  }

  void Evaluate(const ShipmentContext& context, RuleOutcome* outcome) const override {
    if (addresses_.empty()) return;  // no listed address to share
    auto* memo = static_cast<SharedAddressScratch*>(context.scratch);
    std::vector<std::string_view> seen;  // an entity in two roles is reported once
    std::vector<size_t> computed;
    for (const ShipmentParty& party : context.shipment.parties) {
      if (!party.entity || !party.entity->address) continue;
      if (!roles_.empty() && !roles_.count(party.role)) continue;
      if (std::find(seen.begin(), seen.end(), party.entity_id) != seen.end()) continue;
      seen.push_back(party.entity_id);
      const std::vector<size_t>* shared = nullptr;
      const uint32_t number = party.entity->number;
      if (memo != nullptr && number != 0) {
        if (number >= memo->by_number.size()) memo->by_number.resize(number + 1, 0);
        uint32_t& slot = memo->by_number[number];
        if (slot == 0) {
          computed = SharedAddresses(*party.entity);
          slot = computed.empty() ? 1 : static_cast<uint32_t>(2 + memo->by_number_shared.size());
          if (!computed.empty()) memo->by_number_shared.push_back(std::move(computed));
        }
        computed.clear();
        shared = slot == 1 ? &computed : &memo->by_number_shared[slot - 2];
      } else if (memo != nullptr) {
        // The country is part of the key, absent told apart from empty.
        std::string& key = memo->key;
        key = *party.entity->address;
        if (party.entity->country) {
          key += '\x1f';
          key += *party.entity->country;
        } else {
          key += '\x1e';
        }
        auto found = memo->shared.find(key);
        if (found == memo->shared.end()) {
          if (memo->shared.size() >= SharedAddressScratch::kMaxEntries) memo->shared.clear();
          found = memo->shared.emplace(key, SharedAddresses(*party.entity)).first;
        }
        shared = &found->second;
      } else {
        computed = SharedAddresses(*party.entity);
        shared = &computed;
      }
      for (size_t index : *shared) {
        const ListedAddress& listed = addresses_[index];
        scores::Evidence* evidence = &outcome->evidence.emplace_back();
        SetParty(party, evidence->mutable_party());
        evidence->set_field("party " + party.role + " address");
        scores::ListMatch* match = evidence->mutable_list_match();
        match->set_list_id(listed.list_id);
        match->set_entry_id(listed.entry_id);
        match->set_entry_name(listed.entry_name);
        match->set_method("address");
        match->set_matched_name(listed.text);
        match->set_query_name(*party.entity->address);
        evidence->set_matched_value(listed.text);
        evidence->set_summary(party.role + " " + party.entity_id + " \"" + party.entity->name +
                              "\" at \"" + *party.entity->address + "\" shares the address of " +
                              listed.list_id + " " + listed.entry_id + " \"" + listed.entry_name +
                              "\" at \"" + listed.text + "\"");
      }
    }
  }

 private:
  // The listed addresses (indexes, ascending) that `entity`'s address shares.
  std::vector<size_t> SharedAddresses(const Entity& entity) const {
    std::vector<size_t> shared;
    std::set<std::string> token_set = AddressTokens(*entity.address);
    const std::vector<std::string> tokens(token_set.begin(), token_set.end());
    for (size_t index : Candidates(tokens)) {
      const ListedAddress& listed = addresses_[index];
      // A country on both sides that differs rules the match out (one street name in two
      // countries).
      if (!listed.country.empty() && entity.country && *entity.country != listed.country) continue;
      if (Matches(tokens, listed.tokens)) shared.push_back(index);
    }
    return shared;
  }

  // Addresses sharing at least one number token with `tokens` (a shared number is required), in
  // index order so evidence is stable.
  std::vector<size_t> Candidates(const std::vector<std::string>& tokens) const {
    std::vector<size_t> out;
    for (const std::string& token : tokens) {
      if (!IsNumberToken(token)) continue;
      auto found = postings_.find(token);
      if (found != postings_.end())
        out.insert(out.end(), found->second.begin(), found->second.end());
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }

  // `a` and `b`: sorted token lists, compared in one merge. A party's address is compared with
  // every listed address that shares a number with it (thousands for a common house number), so
  // this allocates nothing (copying each side's numbers was most of the rule's time at a million
  // shipments; docs/performance.md).
  bool Matches(const std::vector<std::string>& a, const std::vector<std::string>& b) const {
    size_t shared_words = 0, shared = 0, numbers_a = 0, numbers_b = 0;
    auto x = a.begin(), y = b.begin();
    while (x != a.end() && y != b.end()) {
      const int order = x->compare(*y);
      if (order == 0) {
        ++shared;
        if (!IsNumberToken(*x)) ++shared_words;
      }
      if (order <= 0) numbers_a += IsNumberToken(*x++) ? 1 : 0;
      if (order >= 0) numbers_b += IsNumberToken(*y++) ? 1 : 0;
    }
    for (; x != a.end(); ++x) numbers_a += IsNumberToken(*x) ? 1 : 0;
    for (; y != b.end(); ++y) numbers_b += IsNumberToken(*y) ? 1 : 0;
    if (shared_words < 2 || shared == shared_words) return false;
    // The side with fewer numbers must have all of them in the other: "13/1" against "15/1" on
    // the same avenue is another building. The numbers both hold are the shared ones.
    if (shared - shared_words != std::min(numbers_a, numbers_b)) return false;
    size_t shorter = std::min(a.size(), b.size());
    return static_cast<double>(shared) >= min_overlap_ * static_cast<double>(shorter);
  }

  std::set<std::string> lists_;
  std::set<std::string> allow_lists_;
  std::set<std::string> roles_;
  double min_overlap_;
  std::vector<ListedAddress> addresses_;
  std::map<std::string, std::vector<size_t>> postings_;  // token -> address indexes, ascending
};

}  // namespace

std::unique_ptr<CompiledRule> CompileSharedAddress(const rules::Rule& rule,
                                                   const RuleCompileContext& c) {
  const rules::SharedAddressRule& config = rule.shared_address();
  size_t errors_before = c.diagnostics->size();
  std::set<std::string> roles = CompileRoles(config.roles(), "roles", c);
  double overlap = config.min_overlap();
  if (!InRange(overlap, 0, 1)) {
    c.Error(c.locator.At("min_overlap"), "min_overlap must be between 0 and 1");
  }
  // 0 is the proto default: every token of the shorter address must be in the other.
  if (overlap == 0) overlap = 1;
  std::set<std::string> allow_lists;
  if (c.lists != nullptr) {
    for (const auto& [id, list] : *c.lists) {
      if (list.role() == rules::ALLOW) allow_lists.insert(id);
    }
  }
  for (int i = 0; i < config.lists_size(); ++i) {
    if (allow_lists.count(config.lists(i))) {
      c.Error(c.locator.At("lists", i), "list \"" + config.lists(i) +
                                            "\" is an allow-list (role ALLOW): its entries are "
                                            "not listed parties");
    }
  }
  if (c.diagnostics->size() != errors_before) return nullptr;
  return std::make_unique<SharedAddressRule>(
      std::set<std::string>(config.lists().begin(), config.lists().end()), std::move(allow_lists),
      std::move(roles), overlap);
}

}  // namespace corridor
