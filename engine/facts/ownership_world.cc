#include "engine/facts/ownership_world.h"

#include <algorithm>
#include <map>
#include <memory>
#include <utility>

#include "engine/facts/party_screener.h"
#include "engine/ownership/ownership_load.h"

namespace corridor {

std::vector<NodeId> OwnershipWorld::ListedSeeds(const std::set<std::string>& lists,
                                                double min_score) const {
  return ListedSeeds(lists, min_score, nullptr);
}

std::vector<NodeId> OwnershipWorld::ListedSeeds(
    const std::set<std::string>& lists, double min_score,
    const std::function<bool(const std::string&, const std::string&)>& counts,
    bool corroborated_only) const {
  std::vector<NodeId> seeds;
  for (const auto& [node, matches] : entity_matches) {
    for (const ListMatchFact& match : matches) {
      // An entity is a seed when one of its name matches reaches `min_score` on one of `lists`:
      // the calling rule's threshold, which may be stricter than the screener's.
      if (corroborated_only && match.needs_corroboration) continue;
      // A match to an entry that is itself a node of the graph without a program (a
      // FollowTheMoney company only related to sanctioned parties: below) seeds nothing: the
      // entity takes that entry's status through the same-party edge. Seeding it made an
      // unsanctioned company a blocked person by name alone (from a review, 2026-12-07). An entry
      // that is no node keeps seeding with or without a program (Entity List entries carry none).
      if (NotASeedEntry(match.list_id, match.entry_id)) continue;
      if (match.score >= min_score && (lists.empty() || lists.count(match.list_id)) &&
          (!counts || counts(match.list_id, match.programs))) {
        seeds.push_back(node);
        break;
      }
    }
  }
  for (const auto& [node, entry] : list_nodes) {
    // A list entry is listed only when it carries a program: FollowTheMoney files also hold the
    // unsanctioned companies and people their ownership records refer to.
    if (entry.has_program && (lists.empty() || lists.count(entry.list_id)) &&
        (!counts || counts(entry.list_id, entry.programs))) {
      seeds.push_back(node);
    }
  }
  // Sorted for a deterministic seed order (entity_matches and list_nodes are hash maps).
  std::sort(seeds.begin(), seeds.end());
  return seeds;
}

bool OwnershipWorld::NotASeedEntry(const std::string& list_id, const std::string& entry_id) const {
  const NodeId node = graph.Find(ListNodeName(list_id, entry_id));
  if (node == kNoNode) return false;
  auto entry = list_nodes.find(node);
  return entry != list_nodes.end() && !entry->second.has_program;
}

OwnershipGraph OwnershipWorld::GraphAt(double name_threshold, bool corroborated_only) const {
  OwnershipGraph copy = graph;
  for (const SameParty& edge : same_party) {
    if (corroborated_only && edge.needs_corroboration) continue;
    if (edge.score >= name_threshold) {
      // A name match makes the entity the listed entry: modelled as the entry owning 100% of it
      // with control, so the entity takes the entry's status under every regime (100% passes any
      // threshold) and explanations show the match as one step of the path; not a holding, so it
      // leaves the headroom of unknown shares as it was (AddIdentityEdge). Only matches at the
      // rule's threshold count, so each rule gets its own copy of the graph.
      copy.AddIdentityEdge(edge.entry, edge.entity, kSamePartyRecord);
    }
  }
  copy.Finalize();
  return copy;
}

bool OwnershipWorld::HasUncorroboratedAt(double name_threshold) const {
  for (const auto& [node, matches] : entity_matches) {
    for (const ListMatchFact& match : matches) {
      if (match.needs_corroboration && match.score >= name_threshold) return true;
    }
  }
  return false;
}

NodeId OwnershipWorld::EntityNode(std::string_view entity_id, uint32_t number) const {
  if (number != 0 && number < node_by_number_.size()) return node_by_number_[number];
  return graph.Find(EntityNodeName(entity_id));
}

void OwnershipWorld::NumberEntities(const EntityNumbering& numbering) {
  node_by_number_.clear();
  if (numbering.size() == 0) return;
  node_by_number_.assign(numbering.size() + 1, kNoNode);
  for (size_t node = 0; node < graph.node_count(); ++node) {
    std::string_view entity_id = EntityIdOfNode(graph.Name(static_cast<NodeId>(node)));
    if (entity_id.empty()) continue;
    if (uint32_t number = numbering.NumberOf(entity_id)) {
      node_by_number_[number] = static_cast<NodeId>(node);
    }
  }
}

std::string OwnershipWorld::DisplayName(NodeId node) const {
  auto found = names.find(node);
  return found == names.end() ? graph.Name(node) : found->second;
}

Status BuildOwnershipWorld(InputDatabase* input, PartyScreener* screener, OwnershipWorld* world,
                           const std::string& as_of, const EntityReads* read) {
  Database* db = input->db();
  OwnershipLoadOptions options;
  options.as_of = as_of;
  options.add_all_entities = false;  // parties without ownership rows need no node
  // Not finalized here: GraphAt() adds the name-match edges to copies first, and AddEdge requires
  // a graph that is not finalized.
  options.finalize = false;
  bool has_links = false, has_entries = false;
  Status status = db->HasTable("list_link", &has_links);
  if (status.ok()) status = db->HasTable("list_entry", &has_entries);
  if (!status.ok()) return status;
  options.load_list_links = has_links;
  status = LoadOwnershipGraph(db, options, &world->graph, &world->problems);
  if (!status.ok()) return status;

  // List entry nodes: their programs and names.
  if (has_entries) {
    std::unique_ptr<Statement> entries;
    status = db->Prepare(
        "SELECT list_id, entry_id, name, coalesce(programs, '') FROM list_entry"
        " WHERE list_id = ?1 AND entry_id = ?2",
        &entries);
    if (!status.ok()) return status;
    size_t count = world->graph.node_count();
    for (NodeId node = 0; node < static_cast<NodeId>(count); ++node) {
      const std::string& name = world->graph.Name(node);
      // Node names are "list:<list_id>:<entry_id>" (ListNodeName). The first ':' after the prefix
      // ends the list id: this assumes list ids hold no ':' (the importers' ids do not), while
      // entry ids may.
      if (name.rfind("list:", 0) != 0) continue;
      size_t colon = name.find(':', 5);
      if (colon == std::string::npos) continue;
      entries->Reset();
      entries->BindText(1, name.substr(5, colon - 5));
      entries->BindText(2, name.substr(colon + 1));
      if (!entries->Step()) continue;
      world->list_nodes[node] = {entries->Text(0), entries->Text(2), !entries->Text(3).empty(),
                                 entries->Text(3)};
      world->names[node] = entries->Text(2);
    }
  }

  // Entity nodes: screen each once; bridge matches to list entry nodes.
  // Matches to an entry that is no node, by entity node: an entry two or more entities match is
  // added below, so that they are one person (below).
  std::map<std::pair<std::string, std::string>, std::vector<OwnershipWorld::SameParty>> unbridged;
  size_t count = world->graph.node_count();
  for (NodeId node = 0; node < static_cast<NodeId>(count); ++node) {
    const std::string entity_id(EntityIdOfNode(world->graph.Name(node)));
    if (entity_id.empty()) continue;
    std::vector<DataProblem> ignored;  // reported when the entity appears on a shipment
    const Entity* entity = nullptr;
    if (read != nullptr) {
      auto found = read->find(entity_id);
      if (found != read->end()) entity = found->second.entity.get();
    }
    std::optional<Entity> own;
    if (entity == nullptr) {
      own = input->FindEntity(entity_id, &ignored);
      if (!own) continue;
      entity = &*own;
    }
    world->names[node] = entity->name;
    if (screener == nullptr) continue;
    EntityFacts facts;
    screener->Screen(*entity, &facts, &ignored);
    if (facts.list_matches.empty()) continue;
    // Matches are bridged at any score the screener returned; GraphAt() keeps those that reach each
    // rule's threshold.
    for (const ListMatchFact& match : facts.list_matches) {
      NodeId entry = world->graph.Find(ListNodeName(match.list_id, match.entry_id));
      if (entry != kNoNode) {
        world->same_party.push_back({entry, node, match.score, match.needs_corroboration});
      } else {
        unbridged[{match.list_id, match.entry_id}].push_back(
            {kNoNode, node, match.score, match.needs_corroboration});
      }
    }
    world->entity_matches[node] = std::move(facts.list_matches);
  }
  // One listed person recorded as several entities (duplicate master data: "Northern Arc Metals
  // Limited" and "... Ltd") is one person: its holdings add up under every regime, the UK's too,
  // where unconnected listed persons' do not (OFSI guidance 4.14). Each entity alone is a seed of
  // its own group; the entry they all match becomes a node that holds each of them as the same
  // party (GraphAt, at each rule's threshold) and seeds the group that joins them. Before
  // 2026-12-08 two records of one UK-designated company holding 30% each left the company they
  // own at review, not hold (from a review). Entries in std::map order: node ids do not depend on
  // hashing.
  std::unique_ptr<Statement> entry_row;
  for (auto& [key, matches] : unbridged) {
    if (matches.size() < 2 || !has_entries) continue;
    if (entry_row == nullptr) {
      status = db->Prepare(
          "SELECT name, coalesce(programs, '') FROM list_entry WHERE list_id = ?1 AND "
          "entry_id = ?2",
          &entry_row);
      if (!status.ok()) return status;
    }
    entry_row->Reset();
    entry_row->BindText(1, key.first);
    entry_row->BindText(2, key.second);
    if (!entry_row->Step()) continue;
    const NodeId entry = world->graph.AddNode(ListNodeName(key.first, key.second));
    // Listed whatever its programs: the entities' matches to it made them listed persons, and an
    // Entity List entry carries no program.
    world->list_nodes[entry] = {key.first, entry_row->Text(0), true, entry_row->Text(1)};
    world->names[entry] = entry_row->Text(0);
    for (OwnershipWorld::SameParty& match : matches) {
      match.entry = entry;
      world->same_party.push_back(match);
    }
  }
  // Finalize a copy once for the problems it finds in the records (over-allocated shares...);
  // the rules' graphs are finalized copies of `graph` (GraphAt) and would find the same ones.
  OwnershipGraph records = world->graph;
  records.Finalize();
  for (const OwnershipProblem& problem : records.problems()) world->problems.push_back(problem);
  return Status::Ok();
}

}  // namespace corridor
