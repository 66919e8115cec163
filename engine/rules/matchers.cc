#include "engine/rules/matchers.h"

#include <algorithm>

#include "engine/base/date.h"
#include "engine/base/strings.h"
#include "engine/facts/party_screener.h"

namespace corridor {

namespace {

// Day number of a configured date; `fallback` when empty. Dates are validated when the rules load
// (engine/config), so an unparsable one here only comes from a caller that skipped that check.
int64_t DayOr(const std::string& date, int64_t fallback) {
  if (date.empty()) return fallback;
  std::optional<int64_t> day = DayNumber(date);
  return day ? *day : fallback;
}

}  // namespace

void PlaceSet::AddCountries(const StringList& codes, std::string_view field,
                            const RuleCompileContext& c) {
  for (int i = 0; i < codes.size(); ++i) {
    if (!IsKnownCountryCode(codes[i])) {
      c.Error(c.locator.At(field, i), "unknown country code \"" + codes[i] + "\"");
      continue;
    }
    // Rules add their own countries before their groups, and lookups take the first entry in
    // force, so a country named both ways is reported by its code rather than as a group member.
    countries_[codes[i]].push_back(PlaceEntry{codes[i], INT64_MIN, INT64_MAX, "", "", ""});
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
    regions_[codes[i]].push_back(PlaceEntry{codes[i], INT64_MIN, INT64_MAX, "", "", ""});
  }
}

void PlaceSet::AddGroups(const StringList& names, std::string_view field,
                         const RuleCompileContext& c) {
  for (int i = 0; i < names.size(); ++i) {
    auto group = c.country_groups.find(names[i]);
    if (group == c.country_groups.end()) {
      if (!c.some_files_unread) {
        c.Error(c.locator.At(field, i), "unknown country group \"" + names[i] + "\"");
      }
      continue;
    }
    // The label names the group, so evidence says why a country counts ("AM (group
    // diversion_risk)") and a reviewer can find the group in the rule files.
    const rules::CountryGroup& config = group->second;
    PlaceEntry base{"group " + names[i],
                    DayOr(config.effective_from(), INT64_MIN),
                    DayOr(config.effective_to(), INT64_MAX),
                    "",
                    "",
                    ""};
    for (const std::string& code : config.countries()) countries_[code].push_back(base);
    for (const std::string& code : config.regions()) regions_[code].push_back(base);
    // Dated members: in force where both the group and the member are.
    for (const rules::GroupMember& member : config.members()) {
      PlaceEntry entry = base;
      entry.from_day = std::max(base.from_day, DayOr(member.effective_from(), INT64_MIN));
      entry.to_day = std::min(base.to_day, DayOr(member.effective_to(), INT64_MAX));
      entry.source = member.source();
      (member.code().size() == 2 ? countries_ : regions_)[member.code()].push_back(entry);
    }
    if (c.group_places == nullptr) continue;
    auto places = c.group_places->find(names[i]);
    if (places == c.group_places->end()) continue;
    for (const PlaceRow& row : places->second) {
      PlaceEntry entry = base;
      entry.label = base.label + " place " + row.name;
      entry.from_day = std::max(base.from_day, DayOr(row.effective_from, INT64_MIN));
      entry.to_day = std::min(base.to_day, DayOr(row.effective_to, INT64_MAX));
      entry.source = row.source;
      entry.country = row.country;
      entry.region = row.region;
      places_[row.code].push_back(entry);
      place_names_[AsciiUpper(row.name)].push_back(entry);
    }
  }
}

const std::string* PlaceSet::MatchCountry(const OptionalText& country) const {
  if (!country) return nullptr;
  auto found = countries_.find(*country);
  return found == countries_.end() ? nullptr : &found->second.front().label;
}

const std::string* PlaceSet::MatchRegion(const OptionalText& region) const {
  if (!region) return nullptr;
  auto found = regions_.find(*region);
  return found == regions_.end() ? nullptr : &found->second.front().label;
}

const PlaceEntry* PlaceSet::FindAt(const Entries& entries, std::string_view key,
                                   std::string_view as_of) {
  auto found = entries.find(key);
  if (found == entries.end()) return nullptr;
  std::optional<int64_t> day = DayNumber(as_of);
  if (!day) return nullptr;
  for (const PlaceEntry& entry : found->second) {
    if (entry.InForce(*day)) return &entry;
  }
  return nullptr;
}

const PlaceEntry* PlaceSet::MatchCountryAt(const OptionalText& country,
                                           std::string_view as_of) const {
  return country ? FindAt(countries_, *country, as_of) : nullptr;
}

const PlaceEntry* PlaceSet::MatchRegionAt(const OptionalText& region,
                                          std::string_view as_of) const {
  return region ? FindAt(regions_, *region, as_of) : nullptr;
}

const PlaceEntry* PlaceSet::MatchPlaceAt(const OptionalText& code, const OptionalText& name,
                                         const OptionalText& country, const OptionalText& region,
                                         std::string_view as_of, std::string* matched) const {
  if (code && !code->empty()) {
    if (const PlaceEntry* entry = FindAt(places_, *code, as_of)) {
      *matched = *code;
      return entry;
    }
  }
  if (!name || name->empty()) return nullptr;
  auto found = place_names_.find(AsciiUpper(*name));
  std::optional<int64_t> day = DayNumber(as_of);
  if (found == place_names_.end() || !day) return nullptr;
  // A name alone is weaker than a code: the leg's country and region, when it has them, must be
  // the row's (a town's name recurs in other oblasts and countries).
  auto same = [](const OptionalText& leg, const std::string& row) {
    return !leg || leg->empty() || row.empty() || *leg == row;
  };
  for (const PlaceEntry& entry : found->second) {
    if (entry.InForce(*day) && same(country, entry.country) && same(region, entry.region)) {
      *matched = *name;
      return &entry;
    }
  }
  return nullptr;
}

// --- regimes ---

namespace {

// How strict a measure is, for an entry whose programs carry several: the strictest wins.
int Severity(rules::Measure measure) {
  switch (measure) {
    case rules::ASSET_FREEZE:
      return 7;
    case rules::EXPORT_DENIAL:
      return 6;
    case rules::LICENCE_REQUIREMENT:
      return 5;
    case rules::MEASURE_UNSPECIFIED:
      return 4;  // unknown: treated as serious until configured
    case rules::SECTORAL:
      return 3;
    case rules::UNVERIFIED:
      return 2;
    case rules::IMPORT_BAN:
      return 1;
    default:
      return 0;  // SECURITIES_ONLY
  }
}

}  // namespace

std::string MeasureName(rules::Measure measure) {
  switch (measure) {
    case rules::ASSET_FREEZE:
      return "asset freeze";
    case rules::SECTORAL:
      return "sectoral";
    case rules::SECURITIES_ONLY:
      return "securities only";
    case rules::EXPORT_DENIAL:
      return "export denial";
    case rules::LICENCE_REQUIREMENT:
      return "licence requirement";
    case rules::UNVERIFIED:
      return "unverified end use";
    case rules::IMPORT_BAN:
      return "import ban";
    default:
      return "unconfigured measure";
  }
}

std::string BindingName(rules::Binding binding) {
  switch (binding) {
    case rules::BINDING:
      return "binding";
    case rules::SECONDARY_EXPOSURE:
      return "secondary-sanctions exposure";
    case rules::COUNTERPARTY_EXPOSURE:
      return "counterparty exposure";
    default:
      return "not binding";
  }
}

std::string ListMeaning::Describe() const {
  return (regime.empty() ? std::string("no regime") : regime) + " " + MeasureName(measure) + ", " +
         BindingName(binding) + " per profile";
}

ListMeanings::ListMeanings(const RuleCompileContext& c) {
  if (c.lists != nullptr) lists_ = *c.lists;
  if (c.profile != nullptr) {
    for (const rules::RegimeBinding& regime : c.profile->regime()) {
      bindings_[regime.regime()] = regime.binding();
    }
  }
}

rules::Binding ListMeanings::BindingOf(const std::string& regime) const {
  auto found = bindings_.find(regime);
  return found == bindings_.end() || found->second == rules::BINDING_UNSPECIFIED
             ? rules::NOT_BINDING
             : found->second;
}

ListMeaning ListMeanings::OfList(const std::string& list_id) const {
  ListMeaning meaning;
  auto config = lists_.find(list_id);
  if (config == lists_.end()) return meaning;
  meaning.measure = config->second.measure();
  meaning.regime = config->second.regime();
  meaning.binding = BindingOf(meaning.regime);
  return meaning;
}

ListMeaning ListMeanings::Of(const std::string& list_id, const std::string& programs) const {
  ListMeaning meaning = OfList(list_id);
  auto config = lists_.find(list_id);
  if (config == lists_.end() || config->second.program_measures().empty()) return meaning;
  // Each program takes its configured measure or the list's; the strictest of them applies.
  bool any = false;
  rules::Measure strictest = rules::SECURITIES_ONLY;
  for (const std::string& raw : Split(programs, ';')) {
    std::string program(Trim(raw));
    if (program.empty()) continue;
    rules::Measure measure = meaning.measure;
    for (const rules::ProgramMeasure& mapped : config->second.program_measures()) {
      if (mapped.program() == program) measure = mapped.measure();
    }
    if (!any || Severity(measure) > Severity(strictest)) strictest = measure;
    any = true;
  }
  if (any) meaning.measure = strictest;
  return meaning;
}

void CheckDateRange(const std::string& from, const std::string& to, const FieldLocator& at,
                    Diagnostics* diagnostics) {
  bool from_ok = from.empty() || ParseIsoDay(from).has_value();
  bool to_ok = to.empty() || ParseIsoDay(to).has_value();
  if (!from_ok) {
    diagnostics->push_back(
        {at.At("effective_from"), "effective_from \"" + from + "\" is not a date YYYY-MM-DD"});
  }
  if (!to_ok) {
    diagnostics->push_back(
        {at.At("effective_to"), "effective_to \"" + to + "\" is not a date YYYY-MM-DD"});
  }
  // Same-format ISO dates compare as text.
  if (from_ok && to_ok && !from.empty() && !to.empty() && from > to) {
    diagnostics->push_back(
        {at.At("effective_to"), "effective_to " + to + " is before effective_from " + from});
  }
}

std::set<int> CompileMeasures(const google::protobuf::RepeatedField<int>& measures,
                              std::string_view field, const RuleCompileContext& c) {
  // MEASURE_UNSPECIFIED is allowed: it selects lists the folder does not configure. Values the
  // enum does not know cannot come out of text format, so there is nothing to report.
  (void)field;
  (void)c;
  return std::set<int>(measures.begin(), measures.end());
}

std::set<int> CompileBindings(const google::protobuf::RepeatedField<int>& bindings,
                              std::string_view field, const RuleCompileContext& c) {
  std::set<int> out;
  for (int i = 0; i < bindings.size(); ++i) {
    if (bindings[i] == rules::BINDING_UNSPECIFIED) {
      c.Error(c.locator.At(field, i), "binding must be set");
    }
    out.insert(bindings[i]);
  }
  if (!out.empty() && c.profile == nullptr) {
    c.Error(c.locator.At(field), "bindings need a profile { ... } in the rules folder");
  }
  return out;
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

namespace {

std::string KnownTiers(const std::set<std::string>& known) {
  if (known.empty()) return "the rule's tables carry no tiers";
  std::string list;
  for (const std::string& tier : known) list += (list.empty() ? "\"" : ", \"") + tier + "\"";
  return "the rule's tables carry " + list;
}

}  // namespace

void CheckTierNames(const google::protobuf::RepeatedPtrField<rules::TierWeight>& tiers,
                    const std::set<std::string>& known, const RuleCompileContext& c) {
  if (c.some_files_unread) return;  // the rule's table may be defined in the unread file
  for (int i = 0; i < tiers.size(); ++i) {
    if (known.count(tiers[i].tier())) continue;
    c.Error(c.locator.Nested("tiers", i).At("tier"),
            "no row has tier \"" + tiers[i].tier() + "\"; " + KnownTiers(known));
  }
}

void CheckTierNames(const StringList& tiers, std::string_view field,
                    const std::set<std::string>& known, const RuleCompileContext& c) {
  if (c.some_files_unread) return;
  for (int i = 0; i < tiers.size(); ++i) {
    if (known.count(tiers[i])) continue;
    c.Error(c.locator.At(field, i), "no row has tier \"" + tiers[i] + "\"; " + KnownTiers(known));
  }
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
    if (!c.some_files_unread)
      c.Error(c.locator.At(field), "unknown hs_table \"" + table_name + "\"");
    return;
  }
  // A prefix that is both in a table and inline keeps the table's entries (the table is added
  // first by the rule kinds), with their tiers, descriptions and dates.
  for (const HsEntry& entry : table->second) {
    entries_[entry.prefix].push_back(entry);
    lengths_ |= 1u << std::min<size_t>(entry.prefix.size(), 31);
  }
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
    entries_.emplace(prefixes[i], std::vector<HsEntry>{entry});
    lengths_ |= 1u << prefixes[i].size();  // 2 to 10 (IsHsPrefix)
  }
}

std::set<std::string> HsPrefixSet::Tiers() const {
  std::set<std::string> tiers;
  for (const auto& [prefix, entries] : entries_) {
    for (const HsEntry& entry : entries) {
      if (!entry.tier.empty()) tiers.insert(entry.tier);
    }
  }
  return tiers;
}

const HsEntry* HsPrefixSet::Match(const OptionalText& hs_code, std::string_view as_of) const {
  if (!hs_code) return nullptr;
  std::optional<int64_t> day = DayNumber(as_of);
  if (!day) return nullptr;
  // Longest prefix first, so the most specific entry (and its tier) wins; at most nine lookups.
  // hs_code holds digits only (the input reader strips dots and spaces). A prefix whose rows are
  // all out of force on the day does not hide a shorter one that is in force.
  for (size_t length = std::min<size_t>(hs_code->size(), 10); length >= 2; --length) {
    if ((lengths_ & (1u << length)) == 0) continue;  // no prefix of this length
    auto found = entries_.find(std::string_view(*hs_code).substr(0, length));
    if (found == entries_.end()) continue;
    for (const HsEntry& entry : found->second) {
      if (entry.InForce(*day)) return &entry;
    }
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
