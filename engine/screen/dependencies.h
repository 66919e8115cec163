// What a shipment's record depends on beyond its own rows, per shipment, so that a delta run
// (`--since`, docs/batch.md "Delta runs") screens again exactly the shipments such a change can
// reach instead of every shipment:
//
//  - Ownership. The ownership rules (owned_by_listed_party, an SQL rule's `ownership` view) read
//    each party's node of the run's ownership graph: its status, shares and explanation paths
//    depend on every ownership record into the party and into each of its owners, up the whole
//    chain (OwnershipAnalysis propagates from listed owners downwards and explains through
//    owners only), on the owners' entity records (their name screening makes them listed, their
//    names appear in the paths) and on the order in which the graph numbers those nodes (ties
//    in explanations), which is the order of the rows that first name them, including rows
//    down from an owner to a company outside the chain. The diversion rule walks the same
//    owners for their countries. So a shipment depends on the *closure*: its parties and all
//    their owners, transitively, with every ownership row naming one of them (either end) and
//    whether that row's other end exists as an entity (a row to a missing entity is skipped),
//    and the entity rows (with aliases) of the closure's entities. Nothing below a party is read:
//    a company owned by a party changes nothing about the party.
//  - Recorded decisions (engine/decisions/review_book.h). A decision applies to evidence whose
//    party is the decision's entity (every shipment naming it, or one shipment) or, without an
//    entity, to the shipment it names. A shipment depends on the decisions naming any entity of
//    its closure (its parties; owners too, to be safe), a payer of one of its payments (the
//    party of red_flag THIRD_COUNTRY_PAYER's evidence) or the shipment itself.
//
// What stays run-wide (StreamHeader.context_digest): the security incidents (location-wide, few,
// and every route may cross one), the lists (any change re-screens everything) and the rules.
#ifndef CORRIDOR_ENGINE_SCREEN_DEPENDENCIES_H_
#define CORRIDOR_ENGINE_SCREEN_DEPENDENCIES_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "engine/base/digest.h"
#include "engine/base/status.h"
#include "engine/base/strings.h"
#include "engine/load/records.h"
#include "engine/store/database.h"

namespace corridor {

// Appends the current row of `row`, its columns from `first` on, for a digest: each value with
// its storage class (Statement::AppendDigestValue), then DigestBuilder::kEndRow. The readers of
// the input tell a BLOB, a TEXT and a number of the same text apart, so digests must too.
void AppendDigestRow(const Statement& row, int first, std::string* out);

class ShipmentDependencies {
 public:
  // Reads the ownership rows, the entity rows (and aliases) of every entity they name, and the
  // decisions, once per run. Tables that do not exist are empty. Reads only.
  static Status Load(Database* db, std::unique_ptr<ShipmentDependencies>* out);

  // Adds to `digest` the rows `shipment` depends on as described above, in a fixed order;
  // adds nothing when it depends on none (no party in an ownership row, no decision), so such a
  // shipment's digest is that of its own rows. Thread-safe (const).
  void AddTo(const Shipment& shipment, DigestBuilder* digest) const;

  // The entities of `shipment`'s closure: its parties and their owners, transitively, sorted.
  std::vector<std::string> Closure(const Shipment& shipment) const;

  // Keeps the ownership node of every entity `numbering` numbers, so that a party whose entity
  // carries its number (Entity::number) is found by an index instead of a hashed id.
  void Number(const EntityNumbering& numbering);

 private:
  ShipmentDependencies() = default;
  Status LoadOwnership(Database* db);
  Status LoadEntities(Database* db);
  Status LoadDecisions(Database* db);
  // The digest of one ownership node: its entity row, then every row naming it with the
  // existence of both ends. Computed once per entity in Load().
  void DigestNodes();

  struct Node;
  struct Row {
    std::string owner_id;
    std::string owned_id;
    std::string bytes;                 // rowid and every column
    const Node* owner_node = nullptr;  // nodes_[owner_id] (DigestNodes())
  };
  // An entity named by an ownership row: the rows into it (LoadOwnership) and its digest
  // (DigestNodes()).
  struct Node {
    std::vector<uint32_t> owners;  // rows whose owned_id is the entity
    uint64_t digest = 0;
  };
  // The closure's entities, sorted, each with its node (null: in no ownership row). The views
  // point into the shipment's and the ownership rows' strings.
  using ClosureEntities = std::vector<std::pair<std::string_view, const Node*>>;
  ClosureEntities ClosureOf(const Shipment& shipment) const;

  std::vector<Row> ownership_;                                      // in rowid order
  std::unordered_map<std::string, std::vector<uint32_t>> rows_of_;  // either end -> rows
  std::unordered_map<std::string, std::string> entities_;           // id -> entity and alias rows
  // Every entity of rows_of_: owners by LoadOwnership, digest by DigestNodes.
  StringMap<Node> nodes_;
  StringFilter node_filter_;                 // the ids of nodes_ (DigestNodes())
  std::vector<const Node*> node_by_number_;  // Number(): null for an entity in no ownership row
  std::vector<std::string> decisions_;       // rows in rowid order
  StringMap<std::vector<uint32_t>> decisions_by_entity_;
  StringMap<std::vector<uint32_t>> decisions_by_shipment_;
};

}  // namespace corridor

#endif  // CORRIDOR_ENGINE_SCREEN_DEPENDENCIES_H_
