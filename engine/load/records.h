// The records of one shipment as the rules see them, and the problems found while reading them.
//
// Text columns that may be NULL are std::optional<std::string>; a NULL in a column the engine
// needs is recorded as a DataProblem and the record is kept where the rest of it is usable.
#ifndef CORRIDOR_ENGINE_LOAD_RECORDS_H_
#define CORRIDOR_ENGINE_LOAD_RECORDS_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/base/data_problem.h"

namespace corridor {

using OptionalText = std::optional<std::string>;

struct Entity {
  // EntityDigest of the fields below, stamped by the reader once it has read them all (the
  // entity is shared as const from then on); 0 for an entity made elsewhere. A shipment's input
  // digest takes it for each party instead of hashing the fields again on every shipment.
  // First, with the number and the id, in the cache line every party's lookups read.
  uint64_t digest = 0;
  // The run's number for the entity (EntityNumbering), stamped by the run's up-front read; 0 when
  // the entity was read another way (not numbered).
  uint32_t number = 0;
  std::string entity_id;
  std::string kind;
  std::string name;
  OptionalText country;
  OptionalText region;
  OptionalText address;
  OptionalText birth_date;
  OptionalText registration_id;
  OptionalText imo;
  OptionalText incorporated_on;
  OptionalText activity;  // lower case; from the optional entity.activity column
  std::vector<std::string> aliases;
};

// A run's numbers for the entities it reads up front: 1..size() in entity_id order. The run
// stamps each such Entity with its number (Entity::number), so that a stage keeping something per
// entity indexes a vector by it instead of hashing the id for every party of every shipment (a
// random probe of a 200,000-entry hash table cost ten times a vector index at a million
// shipments; docs/performance.md, "Entities numbered once"). An entity without a number is looked
// up by its id, as before.
class EntityNumbering {
 public:
  EntityNumbering() = default;
  // REQUIRES: `ids` sorted and without duplicates.
  explicit EntityNumbering(std::vector<std::string> ids) : ids_(std::move(ids)) {}

  size_t size() const { return ids_.size(); }
  // The number of `entity_id`, 0 when it has none. A binary search: for building a table once,
  // not for every party.
  uint32_t NumberOf(std::string_view entity_id) const;
  // REQUIRES: 1 <= number <= size().
  const std::string& IdOf(uint32_t number) const { return ids_[number - 1]; }
  const std::vector<std::string>& ids() const { return ids_; }

 private:
  std::vector<std::string> ids_;
};

// The first 8 bytes of a SHA-256 over every field of `e` the screening and the rules read, and
// its aliases (a delta run's input digest, docs/batch.md "Delta runs").
uint64_t EntityDigest(const Entity& e);
// e.digest when the reader stamped it, else EntityDigest(e): the same value either way.
inline uint64_t DigestOf(const Entity& e) { return e.digest != 0 ? e.digest : EntityDigest(e); }

struct ShipmentParty {
  std::string entity_id;
  std::string role;
  // The entity the party names; null when entity_id does not resolve (a DataProblem then).
  // Shared, not copied: a counterparty on thousands of shipments is one Entity, read once
  // (copying it into every party was 2-4% of a batch run's CPU; docs/performance.md).
  std::shared_ptr<const Entity> entity;
};

struct ShipmentItem {
  int64_t line = 0;
  OptionalText hs_code;  // digits only once loaded: dots and spaces removed; NULL when invalid
  OptionalText description;
  std::optional<double> quantity;
  OptionalText unit;
  std::optional<double> value;
  OptionalText origin_country;
  OptionalText origin_region;
  // Optional export-control columns (schemas/input.sql; absent columns read as NULL): the
  // Export Control Classification Number ("3A001", "EAR99"), the share of US-origin controlled
  // content in percent (0..100), and the country of the brand owner or manufacturer.
  OptionalText eccn;
  std::optional<double> us_content_percent;
  OptionalText brand_country;
};

// A document recorded for a shipment (optional table shipment_document): an end-use
// certificate, a contract's no-re-export-to-Russia clause (EU Reg. 833/2014 Art. 12g).
struct ShipmentDocument {
  std::string kind;  // lower case, e.g. end_use_certificate, no_russia_clause
  OptionalText reference;
  OptionalText issued_on;
  OptionalText issuer;
};

// A payment recorded for a shipment (optional table payment): who paid, from where, through
// which bank. The payer's country is payer_country, else its entity's country.
struct ShipmentPayment {
  OptionalText payment_id;
  OptionalText payer_entity_id;
  std::shared_ptr<const Entity> payer;  // the entity payer_entity_id names; null when none resolves
  OptionalText payer_name;              // the payment's own name, else the entity's
  OptionalText payer_country;           // upper case ISO 3166-1; the entity's when the row has none
  OptionalText payer_bank;
  OptionalText payer_bank_country;
  std::optional<double> amount;
  OptionalText currency;
  OptionalText paid_on;
};

struct ShipmentLeg {
  int64_t seq = 0;
  OptionalText location;
  OptionalText location_name;
  OptionalText country;
  OptionalText region;
  OptionalText kind;
  OptionalText arrived_on;
  // WGS 84 degrees; both set or both unset (the optional shipment_leg.latitude/longitude).
  std::optional<double> latitude;
  std::optional<double> longitude;
};

struct Shipment {
  std::string shipment_id;
  OptionalText shipped_on;
  OptionalText mode;
  OptionalText origin_country;
  OptionalText origin_region;
  OptionalText destination_country;
  OptionalText destination_region;
  OptionalText final_destination_country;
  std::optional<double> declared_value;
  OptionalText currency;
  std::vector<ShipmentParty> parties;       // in (role, entity_id) order
  std::vector<ShipmentItem> items;          // in line order
  std::vector<ShipmentLeg> legs;            // in seq order
  std::vector<ShipmentDocument> documents;  // in (kind, reference) order; empty when none
  std::vector<ShipmentPayment> payments;    // in (paid_on, payment_id) order; empty when none
  std::vector<DataProblem> problems;        // found while reading this shipment's rows
};

// The roles a shipment party may have (schemas/input.sql).
bool IsKnownRole(const std::string& role);

// An SQL condition equal to `lower(trim(<column>)) IN (<roles>)` (`roles`: known role names),
// written so that a row whose role is stored as a known role name, as nearly every row's is, costs
// a comparison instead of two string functions, each a copy of the text (docs/performance.md,
// "Roles compared before they are trimmed").
std::string RoleIsSql(const std::string& column, const std::vector<std::string>& roles);

}  // namespace corridor

#endif  // CORRIDOR_ENGINE_LOAD_RECORDS_H_
