// The ownership graph of a screening run, ready for the owned_by_listed_party rules: the company's
// `ownership` rows and the lists' ownership links (engine/ownership/ownership_load.h), with every
// entity that owns or is owned screened against the lists once.
//
// An entity whose name matches a list entry that itself has ownership links gets a "same party"
// edge from the entry (100%, control), so the entity inherits whatever the entry's links make of
// it. Which matches are strong enough is each rule's own choice: GraphAt(threshold) adds only the
// same-party edges of matches at or above the rule's threshold, and ListedSeeds() counts only
// those, so a loose rule elsewhere in the set never loosens an ownership rule. A short Chinese or
// Korean name matched without corroboration (ListMatchFact::needs_corroboration) may alert but
// never block: a rule asks for the graph and seeds without such matches (`corroborated_only`) to
// decide, and with them to say what they would add, for review.
#ifndef CORRIDOR_ENGINE_FACTS_OWNERSHIP_WORLD_H_
#define CORRIDOR_ENGINE_FACTS_OWNERSHIP_WORLD_H_

#include <functional>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "engine/base/status.h"
#include "engine/facts/entity_facts.h"
#include "engine/load/input_database.h"
#include "engine/ownership/ownership.h"

namespace corridor {

class PartyScreener;

struct OwnershipWorld {
  // The company's ownership rows and the lists' links, without same-party edges; not finalized.
  // Node ids are the same in every graph GraphAt() returns.
  OwnershipGraph graph;
  // Every name match of an entity node to a list entry node in the graph.
  struct SameParty {
    NodeId entry;
    NodeId entity;
    double score;
    bool needs_corroboration = false;
  };
  std::vector<SameParty> same_party;
  // Entity nodes found listed by name screening, with their matches.
  std::unordered_map<NodeId, std::vector<ListMatchFact>> entity_matches;
  // List entry nodes: their list id and whether the entry carries a sanctions program.
  struct ListNode {
    std::string list_id;
    std::string name;
    bool has_program = false;
    std::string programs;
  };
  std::unordered_map<NodeId, ListNode> list_nodes;
  // Record ids of the "same party" edges added for name matches.
  static constexpr int64_t kSamePartyRecord = -2;
  std::vector<OwnershipProblem> problems;

  // Blocked persons for a rule that counts `lists` (empty: all) and name matches scoring at
  // least `min_score`.
  std::vector<NodeId> ListedSeeds(const std::set<std::string>& lists, double min_score) const;
  // The same, counting only entries for which `counts(list_id, programs)` holds (a rule's
  // measure and binding filter, or one regime's lists), and with `corroborated_only` no match
  // that needs corroboration.
  std::vector<NodeId> ListedSeeds(
      const std::set<std::string>& lists, double min_score,
      const std::function<bool(const std::string&, const std::string&)>& counts,
      bool corroborated_only = false) const;
  // `graph` with the same-party edges of matches scoring at least `name_threshold` (with
  // `corroborated_only`, not those that need corroboration), finalized.
  OwnershipGraph GraphAt(double name_threshold, bool corroborated_only = false) const;
  // Whether some entity's match at `name_threshold` or above needs corroboration: only then do
  // the graphs and seeds with and without such matches differ.
  bool HasUncorroboratedAt(double name_threshold) const;
  // Whether the list entry is a node of the graph that carries no sanctions program: neither it
  // nor an entity whose name matches it is a blocked person (the entity is bridged to it).
  bool NotASeedEntry(const std::string& list_id, const std::string& entry_id) const;
  // A readable name for a node: the entity's or entry's name.
  std::string DisplayName(NodeId node) const;

  std::unordered_map<NodeId, std::string> names;  // entity and entry names of graph nodes

  // The graph node of the entity `entity_id` numbered `number` (Entity::number; 0: none), or
  // kNoNode: by the number once NumberEntities() has run, else by the node's name.
  NodeId EntityNode(std::string_view entity_id, uint32_t number) const;
  // Keeps the node of every entity `numbering` numbers, for EntityNode(): one vector index
  // instead of a node name built and hashed for every party of every shipment.
  // REQUIRES: `graph` has all its nodes (no AddNode() after).
  void NumberEntities(const EntityNumbering& numbering);

 private:
  std::vector<NodeId> node_by_number_;  // index Entity::number; kNoNode: no node
};

// Loads the graph and screens its entities. `screener` may be null (no lists): then only list
// entries are blocked persons.
// `as_of` (YYYY-MM-DD, may be empty): ownership records dated after it are left out
// (OwnershipLoadOptions::as_of).
// `read` (may be null): entities the caller has already read (a run's up-front read,
// InputDatabase::ReadEntities), taken instead of reading each again; an entity not in it is
// read from `input`. Two queries per entity cost 2-3 s of a million-shipment run's setup on one
// thread (docs/performance.md, "The ownership walk reads no entity twice").
Status BuildOwnershipWorld(InputDatabase* input, PartyScreener* screener, OwnershipWorld* world,
                           const std::string& as_of = "", const EntityReads* read = nullptr);

}  // namespace corridor

#endif  // CORRIDOR_ENGINE_FACTS_OWNERSHIP_WORLD_H_
