// Facts about one entity that do not depend on the shipment: its list matches. Produced by the
// name-screening stage (party_screener.h) once per entity and read by the rules
// (engine/rules/rule.h) and the ownership walk (ownership_world.h).
#ifndef CORRIDOR_ENGINE_FACTS_ENTITY_FACTS_H_
#define CORRIDOR_ENGINE_FACTS_ENTITY_FACTS_H_

#include <string>
#include <vector>

#include "engine/load/records.h"

namespace corridor {

// A watch-list entry that one of an entity's names matched.
struct ListMatchFact {
  std::string list_id;
  std::string entry_id;
  std::string entry_name;    // the entry's primary name
  std::string matched_name;  // the entry name or alias that matched
  std::string query_name;    // the entity name or alias that matched
  std::string method;        // name_exact, name_fuzzy or identifier
  double score = 0;          // 0..1, corroboration included
  std::string programs;
  std::string entry_kind;   // person, company, vessel, ... as listed ("" unknown)
  std::string explanation;  // which words matched which, what corroboration added
  // A short Chinese or Korean personal name matched without a confirming birth date or
  // identifier (names::NameMatch::needs_corroboration): may alert, must not block alone.
  bool needs_corroboration = false;
  // An identifier of the entity equals one the entry publishes without deciding the match (a
  // passport, a national id: names::NameMatch::identifier_corroborates). A name-and-country
  // allow-list entry does not suppress such a match (docs/decisions.md).
  bool identifier_corroborates = false;
};

// Facts about one entity that do not depend on the shipment; computed once per entity per run
// and shared by every shipment that names it (engine/screen/).
struct EntityFacts {
  std::vector<ListMatchFact> list_matches;  // best first
  // Problems met screening the entity's names; attached to every shipment that names the
  // entity, so the output does not depend on which shipment computed the facts first.
  std::vector<DataProblem> problems;
  // Why the entity's primary name could not be screened ("" when it was): a party with such an
  // entity gets the unscreenable-party decision floor (docs/scoring.md).
  std::string unscreenable;
};

}  // namespace corridor

#endif  // CORRIDOR_ENGINE_FACTS_ENTITY_FACTS_H_
