// Building blocks shared by rule kinds: sets of places (countries, regions, country groups) and
// of HS code prefixes, compiled from configuration with every mistake reported at its source.
#ifndef CORRIDOR_ENGINE_RULES_MATCHERS_H_
#define CORRIDOR_ENGINE_RULES_MATCHERS_H_

#include <google/protobuf/repeated_field.h>
#include <google/protobuf/repeated_ptr_field.h>

#include <cstdint>

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "engine/base/strings.h"
#include "engine/rules/rule.h"

namespace corridor {

using StringList = google::protobuf::RepeatedPtrField<std::string>;

// A place of a PlaceSet: the label evidence shows for it (the code itself, or "group NAME"), the
// days it is in force (inclusive; day numbers since 1970-01-01) and the source it cites.
struct PlaceEntry {
  std::string label;
  int64_t from_day = INT64_MIN;
  int64_t to_day = INT64_MAX;
  std::string source;  // the regulation behind a dated member or place row; may be empty
  // A place row's country and region: a leg matched by name must not lie elsewhere (Tokmak in
  // Zaporizhzhia oblast, not Tokmok/Tokmak in Kyrgyzstan). Empty for countries and regions.
  std::string country;
  std::string region;
  bool InForce(int64_t day) const { return day >= from_day && day <= to_day; }
};

// Countries, regions and places below region level (country groups' place tables), each mapped
// to the entries that put it in the set. Country groups and their members carry dates
// (effective_from / effective_to): the *At lookups take the screening date and return only
// entries in force on it.
class PlaceSet {
 public:
  // Adds configured codes and groups. `*_field` name the fields in the kind's message, for
  // diagnostics. Unknown codes and groups are errors.
  void AddCountries(const StringList& codes, std::string_view field, const RuleCompileContext& c);
  void AddRegions(const StringList& codes, std::string_view field, const RuleCompileContext& c);
  void AddGroups(const StringList& names, std::string_view field, const RuleCompileContext& c);

  // The label of `country` / `region` when the set holds it at any date; nullptr otherwise.
  // Rules that know the screening date use the *At lookups instead.
  const std::string* MatchCountry(const OptionalText& country) const;
  const std::string* MatchRegion(const OptionalText& region) const;
  // The entry that holds `country` / `region` on `as_of` (YYYY-MM-DD); nullptr when none does
  // (or as_of is not a date).
  const PlaceEntry* MatchCountryAt(const OptionalText& country, std::string_view as_of) const;
  const PlaceEntry* MatchRegionAt(const OptionalText& region, std::string_view as_of) const;
  // A place of a place table: by UN/LOCODE or gazetteer id (`code`), else by name
  // (case-insensitive) where the leg's `country` and `region`, when known, are the row's.
  // `matched` is set to the code or name that matched.
  const PlaceEntry* MatchPlaceAt(const OptionalText& code, const OptionalText& name,
                                 const OptionalText& country, const OptionalText& region,
                                 std::string_view as_of, std::string* matched) const;
  bool empty() const { return countries_.empty() && regions_.empty() && places_.empty(); }

 private:
  // Hashed: every shipment asks several rules' sets for several places (a tree's string
  // comparisons were 2% of the shipment phase, docs/performance.md "Names of the batch").
  using Entries = StringMap<std::vector<PlaceEntry>>;
  static const PlaceEntry* FindAt(const Entries& entries, std::string_view key,
                                  std::string_view as_of);
  Entries countries_;
  Entries regions_;
  Entries places_;       // by code
  Entries place_names_;  // by upper-cased name
};

// --- regimes ---
// What a list match means to the company: the list's measure (per program where configured),
// its regime and how that regime binds the company (ListConfig, Profile; docs/rules.md).
struct ListMeaning {
  rules::Measure measure = rules::MEASURE_UNSPECIFIED;
  std::string regime;
  rules::Binding binding = rules::NOT_BINDING;
  // "EU asset freeze, counterparty exposure": for evidence.
  std::string Describe() const;
};

class ListMeanings {
 public:
  // Copies the folder's list configurations and profile from `c` (either may be absent).
  explicit ListMeanings(const RuleCompileContext& c);
  ListMeanings() = default;
  // The meaning of an entry of `list_id` carrying `programs` ("A; B"): the strictest measure of
  // its programs (a program without a program_measures entry takes the list's measure).
  ListMeaning Of(const std::string& list_id, const std::string& programs) const;
  // The list's measure, regime and binding, programs aside.
  ListMeaning OfList(const std::string& list_id) const;
  rules::Binding BindingOf(const std::string& regime) const;

 private:
  std::map<std::string, rules::ListConfig> lists_;
  std::map<std::string, rules::Binding> bindings_;  // by regime
};

// Checks an effective_from / effective_to pair of the message at `at`: each empty or a date
// YYYY-MM-DD, and from <= to. Reports at the field.
void CheckDateRange(const std::string& from, const std::string& to, const FieldLocator& at,
                    Diagnostics* diagnostics);

// Names for evidence and diagnostics: "asset freeze", "secondary exposure".
std::string MeasureName(rules::Measure measure);
std::string BindingName(rules::Binding binding);

// The `measures` / `bindings` filters of a rule (empty: any). A binding filter needs a profile;
// unset values are errors.
std::set<int> CompileMeasures(const google::protobuf::RepeatedField<int>& measures,
                              std::string_view field, const RuleCompileContext& c);
std::set<int> CompileBindings(const google::protobuf::RepeatedField<int>& bindings,
                              std::string_view field, const RuleCompileContext& c);

// HS code prefixes with their tier, matched longest prefix first. Table rows carry dates
// (HsEntry::effective_from / effective_to); lookups take the screening date.
class HsPrefixSet {
 public:
  void AddTable(const std::string& table_name, std::string_view field, const RuleCompileContext& c);
  void AddPrefixes(const StringList& prefixes, std::string_view field, const RuleCompileContext& c);

  // The longest entry in force on `as_of` (YYYY-MM-DD) that `hs_code` (digits) starts with;
  // nullptr when none (or as_of is not a date).
  const HsEntry* Match(const OptionalText& hs_code, std::string_view as_of) const;
  bool empty() const { return entries_.empty(); }
  // The tiers the entries carry (an entry from hs_prefixes carries none).
  std::set<std::string> Tiers() const;

 private:
  // By prefix; a prefix's rows in table order, their dates not overlapping (the loader checks).
  std::map<std::string, std::vector<HsEntry>, std::less<>> entries_;
  // Bit n set when some prefix has n digits: Match looks up only those lengths (a table of 4- and
  // 6-digit headings takes two lookups a code, not nine).
  uint32_t lengths_ = 0;
};

// The tiers of a goods-like rule by name; a weight outside 0..100 or a repeated tier is an error.
std::map<std::string, rules::TierWeight> CompileTiers(
    const google::protobuf::RepeatedPtrField<rules::TierWeight>& tiers,
    const RuleCompileContext& c);

// Reports each tier named in `tiers` (the rule field `field`) that no row of the rule's tables
// carries (`known`): a misspelt tier would weigh its goods at the rule's weight with no floor.
void CheckTierNames(const google::protobuf::RepeatedPtrField<rules::TierWeight>& tiers,
                    const std::set<std::string>& known, const RuleCompileContext& c);
void CheckTierNames(const StringList& tiers, std::string_view field,
                    const std::set<std::string>& known, const RuleCompileContext& c);

// A rule's own least name-match score from its `field` (0..1): 0 means the matcher's default
// threshold (docs/matching.md). Reports values outside 0..1 (NaN included) at the field.
double CompileNameThreshold(double configured, const char* field, const RuleCompileContext& c);

// Party roles from `field`; a role the schema does not know is an error.
std::set<std::string> CompileRoles(const StringList& roles, std::string_view field,
                                   const RuleCompileContext& c);

// True when `text` is 2 to 10 ASCII digits.
bool IsHsPrefix(std::string_view text);

// Upper-cased whole words of `name` (letters and digits), for name-word tests.
std::vector<std::string> NameWords(const std::string& name);

// Why `party` looks like a trading intermediary rather than an end user: its entity.activity
// is one of `activities`, it also acts as forwarder or intermediate on `shipment`, or its name
// holds one of `name_words` (upper case). Empty when none applies.
std::string IntermediaryReason(const ShipmentParty& party, const Shipment& shipment,
                               const std::set<std::string>& activities,
                               const std::set<std::string>& name_words);

// Evidence helpers: fill the shared message parts from input records.
void SetParty(const ShipmentParty& party, scores::Party* out);
void SetLeg(const ShipmentLeg& leg, scores::Leg* out);
void SetItem(const ShipmentItem& item, scores::Item* out);

}  // namespace corridor

#endif  // CORRIDOR_ENGINE_RULES_MATCHERS_H_
