#include "engine/screen/dependencies.h"

#include <algorithm>
#include <string_view>
#include <unordered_set>

namespace corridor {

namespace {

// Every column of the statement's current row from `first` on, each with its storage class: the
// ownership loader skips a share stored as a BLOB and takes the same text stored as a number, so
// the two must digest apart (before 2026-12-07 they did not, and a delta carried CLEAR the
// shipments a corrected share made owned by a listed party).
void AddColumns(const Statement& row, int first, DigestBuilder* digest) {
  std::string values;
  AppendDigestRow(row, first, &values);
  digest->AddRaw(values);
}

// Runs `sql` when `table` exists, calling `each` on every row.
template <typename Each>
Status ForEachRow(Database* db, const std::string& table, const std::string& sql, Each each) {
  bool exists = false;
  Status status = db->HasTable(table, &exists);
  if (!status.ok() || !exists) return status;
  std::unique_ptr<Statement> query;
  status = db->Prepare(sql, &query);
  if (!status.ok()) return status;
  while (query->Step()) each(*query);
  return query->status();
}

// The ids ownership rows name, as text: the loaders match entity ids by their bytes, so an id
// stored as a BLOB at one end and as TEXT at the other is one entity (SQL's IN compares storage
// classes, and missed it: a listed owner's rename did not reach the shipments below it).
const char* kOwnershipEntities =
    "(SELECT CAST(owner_id AS TEXT) FROM ownership UNION SELECT CAST(owned_id AS TEXT) FROM "
    "ownership)";

}  // namespace

void AppendDigestRow(const Statement& row, int first, std::string* out) {
  for (int i = first; i < row.ColumnCount(); ++i) row.AppendDigestValue(i, out);
  *out += DigestBuilder::kEndRow;
}

Status ShipmentDependencies::Load(Database* db, std::unique_ptr<ShipmentDependencies>* out) {
  std::unique_ptr<ShipmentDependencies> deps(new ShipmentDependencies());
  Status status = deps->LoadOwnership(db);
  if (status.ok() && !deps->ownership_.empty()) status = deps->LoadEntities(db);
  if (status.ok()) status = deps->LoadDecisions(db);
  if (!status.ok()) return status;
  deps->DigestNodes();
  *out = std::move(deps);
  return Status::Ok();
}

Status ShipmentDependencies::LoadOwnership(Database* db) {
  // Every row, valid or not (the loader skips some, the diversion rule reads them all), with
  // its rowid: the rowid is the record id in explanations and breaks ties (ownership_load.cc).
  return ForEachRow(db, "ownership",
                    "SELECT owner_id, owned_id, rowid, * FROM ownership ORDER BY rowid",
                    [&](const Statement& row) {
                      DigestBuilder bytes;
                      AddColumns(row, 2, &bytes);
                      const uint32_t index = static_cast<uint32_t>(ownership_.size());
                      ownership_.push_back({row.Text(0), row.Text(1), bytes.bytes()});
                      nodes_[row.Text(1)].owners.push_back(index);
                      rows_of_[row.Text(0)].push_back(index);
                      if (row.Text(1) != row.Text(0)) rows_of_[row.Text(1)].push_back(index);
                    });
}

Status ShipmentDependencies::LoadEntities(Database* db) {
  const std::string in = std::string(" WHERE CAST(entity_id AS TEXT) IN ") + kOwnershipEntities;
  // In an order of their contents, not of rowids: an entity table may be WITHOUT ROWID (the
  // loaders read it so), and the loaders do not read an entity's or an alias's rowid.
  Status status = ForEachRow(
      db, "entity", "SELECT CAST(entity_id AS TEXT), * FROM entity" + in + " ORDER BY 1, entity_id",
      [&](const Statement& row) {
        DigestBuilder bytes;
        AddColumns(row, 1, &bytes);
        entities_[row.Text(0)] += bytes.bytes();
      });
  if (!status.ok()) return status;
  return ForEachRow(
      db, "entity_alias",
      "SELECT CAST(entity_id AS TEXT), * FROM entity_alias" + in + " ORDER BY 1, name, entity_id",
      [&](const Statement& row) {
        // Only entities that exist: a stray alias does not make a missing entity
        // exist for the loader.
        auto entity = entities_.find(row.Text(0));
        if (entity == entities_.end()) return;
        DigestBuilder bytes;
        bytes.Add(std::string_view("alias"));
        AddColumns(row, 1, &bytes);
        entity->second += bytes.bytes();
      });
}

Status ShipmentDependencies::LoadDecisions(Database* db) {
  return ForEachRow(db, "decision",
                    "SELECT ifnull(entity_id, ''), ifnull(shipment_id, ''), rowid, *"
                    " FROM decision ORDER BY rowid",
                    [&](const Statement& row) {
                      DigestBuilder bytes;
                      AddColumns(row, 2, &bytes);
                      const uint32_t index = static_cast<uint32_t>(decisions_.size());
                      decisions_.push_back(bytes.bytes());
                      if (!row.Text(0).empty()) decisions_by_entity_[row.Text(0)].push_back(index);
                      if (!row.Text(1).empty())
                        decisions_by_shipment_[row.Text(1)].push_back(index);
                    });
}

void ShipmentDependencies::DigestNodes() {
  for (const auto& [entity_id, rows] : rows_of_) {
    DigestBuilder digest;
    digest.Add(entity_id);
    auto entity = entities_.find(entity_id);
    if (entity != entities_.end()) {
      digest.AddRaw(entity->second);
    } else {
      digest.AddAbsent();  // no such entity: the loader skips its rows
    }
    digest.End();
    for (uint32_t index : rows) {
      const Row& row = ownership_[index];
      digest.AddRaw(row.bytes);
      // Whether each end exists: a row naming a missing entity is skipped, and the rows kept
      // decide the order in which the graph numbers its nodes.
      digest.Add(std::string_view(entities_.count(row.owner_id) ? "1" : "0"));
      digest.Add(std::string_view(entities_.count(row.owned_id) ? "1" : "0"));
      digest.End();
    }
    nodes_[entity_id].digest = digest.First8Bytes();
  }
  node_filter_ = StringFilter(nodes_.size());
  for (const auto& [entity_id, node] : nodes_) node_filter_.Add(entity_id);
  for (Row& row : ownership_) row.owner_node = &nodes_.find(row.owner_id)->second;
}

void ShipmentDependencies::Number(const EntityNumbering& numbering) {
  node_by_number_.clear();
  if (numbering.size() == 0) return;
  node_by_number_.assign(numbering.size() + 1, nullptr);
  for (const auto& [entity_id, node] : nodes_) {
    if (uint32_t number = numbering.NumberOf(entity_id)) node_by_number_[number] = &node;
  }
}

ShipmentDependencies::ClosureEntities ShipmentDependencies::ClosureOf(
    const Shipment& shipment) const {
  // A shipment's closure is a handful of ids (its parties and their few owners): a vector
  // searched linearly, of views into the shipment's and the ownership rows' strings, costs less
  // than a tree of copies. A hash set takes over should a chain of owners ever grow long.
  ClosureEntities seen;
  std::unordered_set<std::string_view> many;
  // `known`: the id's node (null: none) when the caller has it, else null to look it up.
  auto insert = [&](std::string_view id, const Node* const* known) {
    if (many.empty()) {
      for (const auto& entry : seen) {
        if (entry.first == id) return;
      }
      if (seen.size() >= 32) {
        for (const auto& entry : seen) many.insert(entry.first);
        many.insert(id);
      }
    } else if (!many.insert(id).second) {
      return;
    }
    const Node* node = nullptr;
    if (known != nullptr) {
      node = *known;
    } else if (node_filter_.MayHold(id)) {  // most parties are in no ownership row
      auto found = nodes_.find(id);
      if (found != nodes_.end()) node = &found->second;
    }
    seen.emplace_back(id, node);
  };
  for (const ShipmentParty& party : shipment.parties) {
    const uint32_t number = party.entity ? party.entity->number : 0;
    insert(party.entity_id,
           number != 0 && number < node_by_number_.size() ? &node_by_number_[number] : nullptr);
  }
  for (size_t next = 0; next < seen.size(); ++next) {
    const Node* node = seen[next].second;
    if (node == nullptr) continue;
    for (uint32_t index : node->owners) {
      const Row& row = ownership_[index];
      insert(row.owner_id, &row.owner_node);
    }
  }
  std::sort(seen.begin(), seen.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  return seen;
}

std::vector<std::string> ShipmentDependencies::Closure(const Shipment& shipment) const {
  std::vector<std::string> ids;
  for (const auto& [id, node] : ClosureOf(shipment)) ids.emplace_back(id);
  return ids;
}

void ShipmentDependencies::AddTo(const Shipment& shipment, DigestBuilder* digest) const {
  if (rows_of_.empty() && decisions_.empty()) return;
  DigestBuilder part;
  std::vector<uint32_t> decisions;
  auto add_decisions = [&](const auto& index, std::string_view key) {
    if (index.empty()) return;  // most databases record no decision
    auto found = index.find(key);
    if (found != index.end())
      decisions.insert(decisions.end(), found->second.begin(), found->second.end());
  };
  for (const auto& [entity_id, node] : ClosureOf(shipment)) {
    if (node != nullptr) {
      part.Add(entity_id);
      part.Add(static_cast<int64_t>(node->digest));
      part.End();
    }
    add_decisions(decisions_by_entity_, entity_id);
  }
  // A payer named by entity id is the party of red_flag THIRD_COUNTRY_PAYER's evidence, so a
  // decision on it applies here although it is no shipment party.
  for (const ShipmentPayment& payment : shipment.payments) {
    if (payment.payer_entity_id) add_decisions(decisions_by_entity_, *payment.payer_entity_id);
  }
  add_decisions(decisions_by_shipment_, shipment.shipment_id);
  std::sort(decisions.begin(), decisions.end());
  decisions.erase(std::unique(decisions.begin(), decisions.end()), decisions.end());
  for (uint32_t index : decisions) part.AddRaw(decisions_[index]);
  if (part.bytes().empty()) return;
  digest->Section();  // the dependencies begin
  digest->AddRaw(part.bytes());
}

}  // namespace corridor
