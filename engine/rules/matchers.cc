#include "engine/rules/matchers.h"

#include <algorithm>

#include "engine/base/strings.h"
#include "engine/facts/party_screener.h"

namespace corridor {

void PlaceSet::AddCountries(const StringList& codes, std::string_view field,
                            const RuleCompileContext& c) {
  for (int i = 0; i < codes.size(); ++i) {
    if (!IsKnownCountryCode(codes[i])) {
      c.Error(c.locator.At(field, i), "unknown country code \"" + codes[i] + "\"");
      continue;
    }
    // emplace keeps the first label: rules add their own countries before their groups, so a
    // country named both ways is reported by its code rather than as a member of a group.
    countries_.emplace(codes[i], codes[i]);
  }
}

void PlaceSet::AddRegions(const StringList& codes, std::string_view field,
                          const RuleCompileContext& c) {
  for (int i = 0; i < codes.size(); ++i) {
    // Only the shape is checked (no ISO 3166-2 table in the engine); a region that does not exist
    // simply never matches, while a typo in the shape is reported.
    if (!IsRegionCodeShape(codes[i])) {
      c.Error(c.locator.At(field, i), "not an ISO 3166-2 region code \"" + codes[i] + "\"");
      continue;
    }
    regions_.emplace(codes[i], codes[i]);
  }
}

void PlaceSet::AddGroups(const StringList& names, std::string_view field,
                         const RuleCompileContext& c) {
  for (int i = 0; i < names.size(); ++i) {
    auto group = c.country_groups.find(names[i]);
    if (group == c.country_groups.end()) {
      c.Error(c.locator.At(field, i), "unknown country group \"" + names[i] + "\"");
      continue;
    }
    // The label names the group, so evidence says why a country counts ("AM (group
    // diversion_risk)") and a reviewer can find the group in the rule files.
    std::string label = "group " + names[i];
    for (const std::string& code : group->second.countries()) countries_.emplace(code, label);
    for (const std::string& code : group->second.regions()) regions_.emplace(code, label);
  }
}

const std::string* PlaceSet::MatchCountry(const OptionalText& country) const {
  if (!country) return nullptr;
  auto found = countries_.find(*country);
  return found == countries_.end() ? nullptr : &found->second;
}

const std::string* PlaceSet::MatchRegion(const OptionalText& region) const {
  if (!region) return nullptr;
  auto found = regions_.find(*region);
  return found == regions_.end() ? nullptr : &found->second;
}

std::map<std::string, rules::TierWeight> CompileTiers(
    const google::protobuf::RepeatedPtrField<rules::TierWeight>& tiers,
    const RuleCompileContext& c) {
  std::map<std::string, rules::TierWeight> by_name;
  for (int i = 0; i < tiers.size(); ++i) {
    const rules::TierWeight& tier = tiers[i];
    if (!InRange(tier.weight(), 0, 100)) {
      c.Error(c.locator.Nested("tiers", i).At("weight"), "weight must be between 0 and 100");
    }
    // A tier named twice would leave the weight to the order of the blocks; it is an error instead.
    if (!by_name.emplace(tier.tier(), tier).second) {
      c.Error(c.locator.Nested("tiers", i).At("tier"), "duplicate tier \"" + tier.tier() + "\"");
    }
  }
  return by_name;
}

std::set<std::string> CompileRoles(const StringList& roles, std::string_view field,
                                   const RuleCompileContext& c) {
  std::set<std::string> out;
  for (int i = 0; i < roles.size(); ++i) {
    if (!IsKnownRole(roles[i]))
      c.Error(c.locator.At(field, i), "unknown role \"" + roles[i] + "\"");
    // Inserted even when unknown: the rule fails to compile on the error and the set is unused.
    out.insert(roles[i]);
  }
  return out;
}

bool IsHsPrefix(std::string_view text) {
  return text.size() >= 2 && text.size() <= 10 &&
         std::all_of(text.begin(), text.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
}

void HsPrefixSet::AddTable(const std::string& table_name, std::string_view field,
                           const RuleCompileContext& c) {
  if (table_name.empty()) return;
  auto table = c.hs_tables.find(table_name);
  if (table == c.hs_tables.end()) {
    c.Error(c.locator.At(field), "unknown hs_table \"" + table_name + "\"");
    return;
  }
  // emplace: a prefix that is both in a table and inline keeps the first entry added (the table
  // is added first by the rule kinds), with its tier and description.
  for (const HsEntry& entry : table->second) entries_.emplace(entry.prefix, entry);
}

void HsPrefixSet::AddPrefixes(const StringList& prefixes, std::string_view field,
                              const RuleCompileContext& c) {
  for (int i = 0; i < prefixes.size(); ++i) {
    if (!IsHsPrefix(prefixes[i])) {
      c.Error(c.locator.At(field, i),
              "HS code prefix must be 2 to 10 digits, got \"" + prefixes[i] + "\"");
      continue;
    }
    HsEntry entry;
    entry.prefix = prefixes[i];
    entry.pos = c.locator.At(field, i);
    entries_.emplace(prefixes[i], entry);
  }
}

const HsEntry* HsPrefixSet::Match(const OptionalText& hs_code) const {
  if (!hs_code) return nullptr;
  // Longest prefix first, so the most specific entry (and its tier) wins; at most nine lookups.
  // hs_code holds digits only (the input reader strips dots and spaces).
  for (size_t length = std::min<size_t>(hs_code->size(), 10); length >= 2; --length) {
    auto found = entries_.find(std::string_view(*hs_code).substr(0, length));
    if (found != entries_.end()) return &found->second;
  }
  return nullptr;
}

std::vector<std::string> NameWords(const std::string& name) {
  std::vector<std::string> words;
  std::string word;
  for (char ch : name) {
    // Bytes of multi-byte UTF-8 characters count as letters, so a word in another script stays one
    // word (compared byte for byte); only ASCII is upper-cased.
    bool letter = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
                  (ch >= '0' && ch <= '9') || static_cast<unsigned char>(ch) >= 0x80;
    if (letter) {
      word += ch;
    } else if (!word.empty()) {
      words.push_back(AsciiUpper(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(AsciiUpper(word));
  return words;
}

std::string IntermediaryReason(const ShipmentParty& party, const Shipment& shipment,
                               const std::set<std::string>& activities,
                               const std::set<std::string>& name_words) {
  if (!party.entity) return "";
  // Strongest ground first: the declared activity, then the party's other role in this shipment,
  // then a word of its name; the first found is the reason given.
  if (party.entity->activity && activities.count(*party.entity->activity)) {
    return "activity " + *party.entity->activity;
  }
  for (const ShipmentParty& other : shipment.parties) {
    if (other.entity_id == party.entity_id && other.role != party.role &&
        (other.role == "forwarder" || other.role == "intermediate")) {
      return "also named as " + other.role;
    }
  }
  for (const std::string& word : NameWords(party.entity->name)) {
    if (name_words.count(word)) return "name word " + word;
  }
  return "";
}

void SetParty(const ShipmentParty& party, scores::Party* out) {
  out->set_entity_id(party.entity_id);
  out->set_role(party.role);
  if (party.entity) {
    out->set_name(party.entity->name);
    out->set_country(party.entity->country.value_or(""));
  }
}

void SetLeg(const ShipmentLeg& leg, scores::Leg* out) {
  out->set_seq(leg.seq);
  out->set_location(leg.location.value_or(""));
  out->set_location_name(leg.location_name.value_or(""));
  out->set_country(leg.country.value_or(""));
  out->set_region(leg.region.value_or(""));
  out->set_kind(leg.kind.value_or(""));
}

void SetItem(const ShipmentItem& item, scores::Item* out) {
  out->set_line(item.line);
  out->set_hs_code(item.hs_code.value_or(""));
  out->set_description(item.description.value_or(""));
  out->set_origin_country(item.origin_country.value_or(""));
  out->set_origin_region(item.origin_region.value_or(""));
}

double CompileNameThreshold(double configured, const char* field, const RuleCompileContext& c) {
  if (!(configured >= 0 && configured <= 1)) {
    c.Error(c.locator.At(field), std::string(field) + " must be between 0 and 1");
    return DefaultNameThreshold();
  }
  // 0 is the proto default ("not set"): the matcher's threshold. A rule cannot ask for every name
  // score (0) on purpose; 0.01 does that.
  return configured > 0 ? configured : DefaultNameThreshold();
}

}  // namespace corridor
