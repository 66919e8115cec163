// Building blocks shared by rule kinds: sets of places (countries, regions, country groups) and
// of HS code prefixes, compiled from configuration with every mistake reported at its source.
#ifndef CORRIDOR_ENGINE_RULES_MATCHERS_H_
#define CORRIDOR_ENGINE_RULES_MATCHERS_H_

#include <google/protobuf/repeated_ptr_field.h>

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "engine/rules/rule.h"

namespace corridor {

using StringList = google::protobuf::RepeatedPtrField<std::string>;

// Countries and regions, each mapped to the label evidence shows for it: the code itself, or
// "group NAME" when it came from a country group.
class PlaceSet {
 public:
  // Adds configured codes and groups. `*_field` name the fields in the kind's message, for
  // diagnostics. Unknown codes and groups are errors.
  void AddCountries(const StringList& codes, std::string_view field, const RuleCompileContext& c);
  void AddRegions(const StringList& codes, std::string_view field, const RuleCompileContext& c);
  void AddGroups(const StringList& names, std::string_view field, const RuleCompileContext& c);

  // The label of `country` / `region` when the set holds it; nullptr otherwise.
  const std::string* MatchCountry(const OptionalText& country) const;
  const std::string* MatchRegion(const OptionalText& region) const;
  bool empty() const { return countries_.empty() && regions_.empty(); }

 private:
  std::map<std::string, std::string, std::less<>> countries_;
  std::map<std::string, std::string, std::less<>> regions_;
};

// HS code prefixes with their tier, matched longest prefix first.
class HsPrefixSet {
 public:
  void AddTable(const std::string& table_name, std::string_view field, const RuleCompileContext& c);
  void AddPrefixes(const StringList& prefixes, std::string_view field, const RuleCompileContext& c);

  // The longest entry that `hs_code` (digits) starts with; nullptr when none.
  const HsEntry* Match(const OptionalText& hs_code) const;
  bool empty() const { return entries_.empty(); }

 private:
  std::map<std::string, HsEntry, std::less<>> entries_;  // by prefix
};

// The tiers of a goods-like rule by name; a weight outside 0..100 or a repeated tier is an error.
std::map<std::string, rules::TierWeight> CompileTiers(
    const google::protobuf::RepeatedPtrField<rules::TierWeight>& tiers,
    const RuleCompileContext& c);

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
