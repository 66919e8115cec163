// Reading a company's records from an input database (schemas/input.sql).
//
//   std::unique_ptr<InputDatabase> input;
//   Status s = InputDatabase::Open("corridor.db", &input);   // read-only; checks the schema
//   auto source = input->Shipments({});                      // every shipment, by shipment_id
//   Shipment shipment;
//   while (source->Next(&shipment)) { ... }
//   if (!source->status().ok()) { ... }                      // a read error ended the stream
//
// Problems in single rows (a NULL name, an unknown role, an HS code with letters) never stop the
// stream: they are attached to the shipment (Shipment::problems) or, for rows that belong to no
// shipment, collected in run_problems().
#ifndef CORRIDOR_ENGINE_LOAD_INPUT_DATABASE_H_
#define CORRIDOR_ENGINE_LOAD_INPUT_DATABASE_H_

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "engine/base/status.h"
#include "engine/load/records.h"
#include "engine/store/database.h"

namespace corridor {

// A stream of shipments in a stable order (shipment_id, byte order).
class ShipmentSource {
 public:
  virtual ~ShipmentSource() = default;
  // Reads the next shipment into `shipment` (replacing its contents). Returns false at the end of
  // the stream or when a read error ends it; status() tells which.
  virtual bool Next(Shipment* shipment) = 0;
  virtual const Status& status() const = 0;
};

// An entity as read once (null: no such entity) with the problems its rows showed. A shipment
// stream keeps one per entity it has read, by entity id; a run may hand it those it has read
// already (InputDatabase::ReadEntities, Shipments()).
struct EntityRead {
  std::shared_ptr<const Entity> entity;
  std::vector<DataProblem> problems;
};
using EntityReads = std::unordered_map<std::string, EntityRead>;

class InputDatabase {
 public:
  // Opens `path` read-only and checks that every table and column the engine reads exists.
  // Errors name the file and the missing table or column. A schema version (user_version) newer
  // than this corridor's is Refused. The connection gets DefaultInputLimits() (database.h).
  static Status Open(const std::string& path, std::unique_ptr<InputDatabase>* input);

  // Streams shipments. With `shipment_ids` empty, every shipment; otherwise those ids (sorted,
  // duplicates dropped); an id that is not in the database is reported in run_problems().
  // `entities`: entities read already (ReadEntities), which the stream does not read again.
  std::unique_ptr<ShipmentSource> Shipments(std::vector<std::string> shipment_ids,
                                            EntityReads entities = {});

  // Returns NotFound naming every id in `ids` that has no shipment row, Ok when all exist, or
  // the read error.
  Status CheckShipmentsExist(const std::vector<std::string>& ids);

  // Looks up one entity with its aliases. Returns nullopt when it does not exist. Problems in the
  // entity's row are appended to `problems`. A read error (a damaged table or index) is never
  // taken for "no row": it is appended to `problems` and kept in read_status(), which ends the
  // shipment stream (Status::Corruption or IoError), because a lookup that silently misses could
  // turn a listed party into a cleared one.
  std::optional<Entity> FindEntity(const std::string& entity_id,
                                   std::vector<DataProblem>* problems);
  // The first read error FindEntity met; Ok when none.
  const Status& read_status() const { return read_status_; }

  // Reads the entities of `ids` that exist, as FindEntity() reads each (the same entity, the same
  // problems), in two scans of the entity and alias tables instead of two index lookups per
  // entity: for a run that needs most of a large table. Calls `each` per entity found, in the
  // table's order. Ids not found are not reported (FindEntity tells). Returns a read error.
  Status ReadEntities(
      const std::vector<std::string>& ids,
      const std::function<void(Entity entity, std::vector<DataProblem> problems)>& each);

  // Problems that belong to no single shipment (child rows whose shipment does not exist,
  // requested ids that are missing).
  std::vector<DataProblem>& run_problems() { return run_problems_; }

  Database* db() { return db_.get(); }
  // True when shipment_leg has the optional latitude and longitude columns.
  bool has_leg_coordinates() const { return has_leg_coordinates_; }
  // True when shipment_item has the optional eccn, us_content_percent and brand_country columns
  // (all three; the EAR scope rule needs them together).
  bool has_export_control_columns() const { return has_export_control_columns_; }
  // True when the optional shipment_document table exists.
  bool has_documents() const { return has_documents_; }
  // The optional payment table is present (schemas/input.sql).
  bool has_payments() const { return has_payments_; }
  // False for a UTF-16 database, whose shipments are read in UTF-8 order by a collation.
  bool utf8() const { return utf8_; }

 private:
  explicit InputDatabase(std::unique_ptr<Database> db) : db_(std::move(db)) {}
  void ReadFailed(const Status& status, const std::string& entity_id,
                  std::vector<DataProblem>* problems);
  // The entity in the current row of entity_query_'s columns (`row`), aliases not read.
  Entity EntityFromRow(const Statement& row, const std::string& entity_id,
                       std::vector<DataProblem>* problems) const;
  std::unique_ptr<Database> db_;
  std::string entity_columns_;  // entity_query_'s columns
  std::unique_ptr<Statement> entity_query_;
  std::unique_ptr<Statement> alias_query_;
  std::vector<DataProblem> run_problems_;
  Status read_status_;
  bool has_leg_coordinates_ = false;
  bool has_export_control_columns_ = false;
  bool has_documents_ = false;
  bool has_payments_ = false;
  bool utf8_ = true;
};

// Checks an ISO 3166-1 alpha-2 or ISO 3166-2 column value; appends a problem and returns nullopt
// when it is malformed. Upper-cases and trims the value.
OptionalText CheckCountry(OptionalText value, std::string_view table, std::string_view row_id,
                          std::string_view column, std::vector<DataProblem>* problems);
OptionalText CheckRegion(OptionalText value, std::string_view table, std::string_view row_id,
                         std::string_view column, std::vector<DataProblem>* problems);
// Checks a date column (YYYY, YYYY-MM or YYYY-MM-DD): appends "not an ISO 8601 date" and returns
// nullopt when it is not one, so no reader takes a year out of "18/09/1972".
OptionalText CheckDate(OptionalText value, std::string_view table, std::string_view row_id,
                       std::string_view column, std::vector<DataProblem>* problems);
// Sets an unset `country` to the country a checked ISO 3166-2 region or UN/LOCODE names by its
// first two letters ("IR" of "IR-23", "RU" of "RUVVO"), when those are a known ISO 3166-1 code:
// a record that gives only the region or the place is in that country, for every rule that reads
// countries (since 2026-12-07, from a review: a leg at IRBND, a destination region IR-23 or a
// party in region IR-23 with no country read as no country, and Iran went unseen).
void CountryFromCode(const OptionalText& code, OptionalText* country);
// Normalises an HS code (dots and spaces removed) and checks it is 2 to 10 digits.
OptionalText CheckHsCode(OptionalText value, std::string_view row_id,
                         std::vector<DataProblem>* problems);

}  // namespace corridor

#endif  // CORRIDOR_ENGINE_LOAD_INPUT_DATABASE_H_
