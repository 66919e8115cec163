#include "engine/serve/shipment_json.h"

#include <cmath>
#include <map>
#include <set>

#include "engine/base/strings.h"
#include "engine/load/input_database.h"

namespace corridor::serve {

namespace {

using Json = nlohmann::json;

// Reads the fields of one JSON object, refusing unknown ones: a misspelt field ("nmae") would
// otherwise be ignored and the party screened without the name the caller meant to send.
class Fields {
 public:
  Fields(const Json& object, std::string where) : object_(object), where_(std::move(where)) {}

  Status Check(const std::set<std::string>& known) const {
    if (!object_.is_object()) return Status::Usage(Place() + "expected an object");
    for (auto it = object_.begin(); it != object_.end(); ++it) {
      if (!known.count(it.key()))
        return Status::Usage(Place() + "unknown field \"" + it.key() + "\"");
    }
    return Status::Ok();
  }

  // A string field, trimmed; nullopt when absent, null or blank (a NULL column in the batch).
  Status Text(const char* name, OptionalText* out) const {
    out->reset();
    auto found = object_.find(name);
    if (found == object_.end() || found->is_null()) return Status::Ok();
    if (!found->is_string()) return Status::Usage(Place(name) + "expected a string");
    std::string_view trimmed = Trim(found->get_ref<const std::string&>());
    if (!trimmed.empty()) *out = std::string(trimmed);
    return Status::Ok();
  }

  Status Number(const char* name, std::optional<double>* out) const {
    out->reset();
    auto found = object_.find(name);
    if (found == object_.end() || found->is_null()) return Status::Ok();
    if (!found->is_number()) return Status::Usage(Place(name) + "expected a number");
    double value = found->get<double>();
    if (!std::isfinite(value)) return Status::Usage(Place(name) + "expected a finite number");
    *out = value;
    return Status::Ok();
  }

  Status Integer(const char* name, int64_t fallback, int64_t* out) const {
    *out = fallback;
    auto found = object_.find(name);
    if (found == object_.end() || found->is_null()) return Status::Ok();
    if (!found->is_number_integer()) return Status::Usage(Place(name) + "expected an integer");
    *out = found->get<int64_t>();
    return Status::Ok();
  }

  // An array field (absent: empty). REQUIRES: the caller checks each element.
  Status Array(const char* name, const Json** out) const {
    static const Json kEmpty = Json::array();
    *out = &kEmpty;
    auto found = object_.find(name);
    if (found == object_.end() || found->is_null()) return Status::Ok();
    if (!found->is_array()) return Status::Usage(Place(name) + "expected an array");
    if (found->size() > kMaxShipmentRows) {
      return Status::Limit(Place(name) + "more than " + std::to_string(kMaxShipmentRows) +
                           " elements");
    }
    *out = &*found;
    return Status::Ok();
  }

  std::string Place(const std::string& field = "") const {
    std::string place = where_;
    if (!field.empty()) place += (place.empty() ? "" : ".") + field;
    return place.empty() ? "" : place + ": ";
  }

 private:
  const Json& object_;
  std::string where_;
};

// Runs each step until one fails.
#define CORRIDOR_TRY(expr)             \
  do {                                 \
    Status status_ = (expr);           \
    if (!status_.ok()) return status_; \
  } while (0)

Status ParseParty(const Json& json, size_t index, Shipment* shipment) {
  std::string where = "parties[" + std::to_string(index) + "]";
  Fields f(json, where);
  CORRIDOR_TRY(
      f.Check({"entity_id", "role", "name", "kind", "country", "region", "address", "birth_date",
               "registration_id", "imo", "incorporated_on", "activity", "aliases"}));
  ShipmentParty party;
  Entity entity;
  OptionalText entity_id, role, name, kind;
  CORRIDOR_TRY(f.Text("entity_id", &entity_id));
  CORRIDOR_TRY(f.Text("role", &role));
  CORRIDOR_TRY(f.Text("name", &name));
  CORRIDOR_TRY(f.Text("kind", &kind));
  party.entity_id = entity_id.value_or("party-" + std::to_string(index + 1));
  entity.entity_id = party.entity_id;
  std::vector<DataProblem>& problems = shipment->problems;
  std::string row_id = shipment->shipment_id + "/" + where;
  // As engine/load/ reads a shipment_party and its entity row.
  if (!role) {
    problems.push_back({"shipment_party", row_id, "role", "missing (NULL)"});
    party.role = "unknown";
  } else {
    party.role = AsciiLower(*role);
    if (!IsKnownRole(party.role)) {
      problems.push_back({"shipment_party", row_id, "role", "unknown role '" + *role + "'"});
    }
  }
  entity.name = name.value_or("");
  if (!name) problems.push_back({"entity", entity.entity_id, "name", "missing (NULL or empty)"});
  entity.kind = AsciiLower(kind.value_or(""));
  if (!kind) problems.push_back({"entity", entity.entity_id, "kind", "missing (NULL)"});
  OptionalText country, region;
  CORRIDOR_TRY(f.Text("country", &country));
  CORRIDOR_TRY(f.Text("region", &region));
  entity.country = CheckCountry(country, "entity", entity.entity_id, "country", &problems);
  entity.region = CheckRegion(region, "entity", entity.entity_id, "region", &problems);
  CORRIDOR_TRY(f.Text("address", &entity.address));
  CORRIDOR_TRY(f.Text("birth_date", &entity.birth_date));
  // From a review, 2026-12-07: as the database's rows (InputDatabase::EntityFromRow).
  entity.birth_date =
      CheckDate(entity.birth_date, "entity", entity.entity_id, "birth_date", &problems);
  CORRIDOR_TRY(f.Text("registration_id", &entity.registration_id));
  CORRIDOR_TRY(f.Text("imo", &entity.imo));
  CORRIDOR_TRY(f.Text("incorporated_on", &entity.incorporated_on));
  entity.incorporated_on =
      CheckDate(entity.incorporated_on, "entity", entity.entity_id, "incorporated_on", &problems);
  CORRIDOR_TRY(f.Text("activity", &entity.activity));
  if (entity.activity) entity.activity = AsciiLower(*entity.activity);
  const Json* aliases = nullptr;
  CORRIDOR_TRY(f.Array("aliases", &aliases));
  for (size_t i = 0; i < aliases->size(); ++i) {
    const Json& alias = (*aliases)[i];
    if (!alias.is_string()) {
      return Status::Usage(where + ".aliases[" + std::to_string(i) + "]: expected a string");
    }
    if (!Trim(alias.get_ref<const std::string&>()).empty()) {
      entity.aliases.push_back(alias.get<std::string>());
    }
  }
  party.entity = std::make_shared<const Entity>(std::move(entity));
  shipment->parties.push_back(std::move(party));
  return Status::Ok();
}

Status ParseItem(const Json& json, size_t index, Shipment* shipment) {
  Fields f(json, "items[" + std::to_string(index) + "]");
  CORRIDOR_TRY(
      f.Check({"line", "hs_code", "description", "quantity", "unit", "value", "origin_country",
               "origin_region", "eccn", "us_content_percent", "brand_country"}));
  ShipmentItem item;
  CORRIDOR_TRY(f.Integer("line", static_cast<int64_t>(index + 1), &item.line));
  std::string row_id = shipment->shipment_id + "/line " + std::to_string(item.line);
  std::vector<DataProblem>& problems = shipment->problems;
  OptionalText hs_code, origin_country, origin_region;
  CORRIDOR_TRY(f.Text("hs_code", &hs_code));
  item.hs_code = CheckHsCode(hs_code, row_id, &problems);
  CORRIDOR_TRY(f.Text("description", &item.description));
  CORRIDOR_TRY(f.Number("quantity", &item.quantity));
  CORRIDOR_TRY(f.Text("unit", &item.unit));
  CORRIDOR_TRY(f.Number("value", &item.value));
  CORRIDOR_TRY(f.Text("origin_country", &origin_country));
  CORRIDOR_TRY(f.Text("origin_region", &origin_region));
  item.origin_country =
      CheckCountry(origin_country, "shipment_item", row_id, "origin_country", &problems);
  item.origin_region =
      CheckRegion(origin_region, "shipment_item", row_id, "origin_region", &problems);
  // The optional export-control facts, checked as the batch checks its columns.
  OptionalText eccn, brand_country;
  CORRIDOR_TRY(f.Text("eccn", &eccn));
  if (eccn) item.eccn = AsciiUpper(*eccn);
  CORRIDOR_TRY(f.Number("us_content_percent", &item.us_content_percent));
  if (item.us_content_percent &&
      !(*item.us_content_percent >= 0 && *item.us_content_percent <= 100)) {
    problems.push_back({"shipment_item", row_id, "us_content_percent",
                        "not between 0 and 100: " + FormatNumber(*item.us_content_percent)});
    item.us_content_percent.reset();
  }
  CORRIDOR_TRY(f.Text("brand_country", &brand_country));
  item.brand_country =
      CheckCountry(brand_country, "shipment_item", row_id, "brand_country", &problems);
  shipment->items.push_back(std::move(item));
  return Status::Ok();
}

Status ParseLeg(const Json& json, size_t index, Shipment* shipment) {
  Fields f(json, "legs[" + std::to_string(index) + "]");
  CORRIDOR_TRY(f.Check({"seq", "location", "location_name", "country", "region", "kind",
                        "arrived_on", "latitude", "longitude"}));
  ShipmentLeg leg;
  CORRIDOR_TRY(f.Integer("seq", static_cast<int64_t>(index + 1), &leg.seq));
  std::string row_id = shipment->shipment_id + "/seq " + std::to_string(leg.seq);
  std::vector<DataProblem>& problems = shipment->problems;
  CORRIDOR_TRY(f.Text("location", &leg.location));
  if (leg.location) leg.location = AsciiUpper(*leg.location);
  CORRIDOR_TRY(f.Text("location_name", &leg.location_name));
  OptionalText country, region;
  CORRIDOR_TRY(f.Text("country", &country));
  CORRIDOR_TRY(f.Text("region", &region));
  leg.country = CheckCountry(country, "shipment_leg", row_id, "country", &problems);
  leg.region = CheckRegion(region, "shipment_leg", row_id, "region", &problems);
  CORRIDOR_TRY(f.Text("kind", &leg.kind));
  CORRIDOR_TRY(f.Text("arrived_on", &leg.arrived_on));
  std::optional<double> latitude, longitude;
  CORRIDOR_TRY(f.Number("latitude", &latitude));
  CORRIDOR_TRY(f.Number("longitude", &longitude));
  if (latitude || longitude) {
    if (!latitude || !longitude) {
      problems.push_back({"shipment_leg", row_id, "latitude",
                          "latitude and longitude must both be numbers or both NULL"});
    } else if (std::abs(*latitude) > 90 || std::abs(*longitude) > 180) {
      problems.push_back({"shipment_leg", row_id, "latitude",
                          "coordinates out of range: " + FormatNumber(*latitude, 6) + ", " +
                              FormatNumber(*longitude, 6)});
    } else {
      leg.latitude = latitude;
      leg.longitude = longitude;
    }
  }
  shipment->legs.push_back(std::move(leg));
  return Status::Ok();
}

// An end-use certificate or no-Russia clause (the shipment_document table's columns).
Status ParseDocument(const Json& json, size_t index, Shipment* shipment) {
  Fields f(json, "documents[" + std::to_string(index) + "]");
  CORRIDOR_TRY(f.Check({"kind", "reference", "issued_on", "issuer"}));
  OptionalText kind;
  CORRIDOR_TRY(f.Text("kind", &kind));
  if (!kind) {
    shipment->problems.push_back(
        {"shipment_document", shipment->shipment_id, "kind", "missing (NULL); document skipped"});
    return Status::Ok();
  }
  ShipmentDocument document;
  document.kind = AsciiLower(*kind);
  CORRIDOR_TRY(f.Text("reference", &document.reference));
  CORRIDOR_TRY(f.Text("issued_on", &document.issued_on));
  document.issued_on = CheckDate(document.issued_on, "shipment_document", shipment->shipment_id,
                                 "issued_on", &shipment->problems);
  CORRIDOR_TRY(f.Text("issuer", &document.issuer));
  shipment->documents.push_back(std::move(document));
  return Status::Ok();
}

// As engine/load/ reads a payment row. The payer entity is looked up among the request's own
// parties (a request carries its records; the database is not read for it).
Status ParsePayment(const Json& json, size_t index, Shipment* shipment) {
  const std::string where = "payments[" + std::to_string(index) + "]";
  Fields f(json, where);
  CORRIDOR_TRY(f.Check({"payment_id", "payer_entity_id", "payer_name", "payer_country",
                        "payer_bank", "payer_bank_country", "amount", "currency", "paid_on"}));
  ShipmentPayment payment;
  std::vector<DataProblem>& problems = shipment->problems;
  CORRIDOR_TRY(f.Text("payment_id", &payment.payment_id));
  const std::string row_id = shipment->shipment_id + "/payment " + payment.payment_id.value_or("?");
  OptionalText payer_country, payer_bank_country;
  CORRIDOR_TRY(f.Text("payer_entity_id", &payment.payer_entity_id));
  CORRIDOR_TRY(f.Text("payer_name", &payment.payer_name));
  CORRIDOR_TRY(f.Text("payer_country", &payer_country));
  payment.payer_country =
      CheckCountry(payer_country, "payment", row_id, "payer_country", &problems);
  CORRIDOR_TRY(f.Text("payer_bank", &payment.payer_bank));
  CORRIDOR_TRY(f.Text("payer_bank_country", &payer_bank_country));
  payment.payer_bank_country =
      CheckCountry(payer_bank_country, "payment", row_id, "payer_bank_country", &problems);
  CORRIDOR_TRY(f.Number("amount", &payment.amount));
  CORRIDOR_TRY(f.Text("currency", &payment.currency));
  CORRIDOR_TRY(f.Text("paid_on", &payment.paid_on));
  payment.paid_on = CheckDate(payment.paid_on, "payment", row_id, "paid_on", &problems);
  if (payment.payer_entity_id) {
    for (const ShipmentParty& party : shipment->parties) {
      if (party.entity_id == *payment.payer_entity_id) payment.payer = party.entity;
    }
    if (!payment.payer) {
      problems.push_back(
          {"payment", row_id, "payer_entity_id",
           "entity '" + *payment.payer_entity_id + "' is not among the request's parties"});
    } else {
      if (!payment.payer_name) payment.payer_name = payment.payer->name;
      if (!payment.payer_country) payment.payer_country = payment.payer->country;
    }
  }
  if (!payment.payer_country && !payment.payer_bank_country) {
    problems.push_back({"payment", row_id, "payer_country",
                        "missing (NULL), and no payer entity or bank country to place it"});
  }
  shipment->payments.push_back(std::move(payment));
  return Status::Ok();
}

}  // namespace

Status ParseShipmentJson(const Json& body, Shipment* shipment) {
  *shipment = Shipment();
  Fields f(body, "");
  CORRIDOR_TRY(
      f.Check({"shipment_id", "shipped_on", "mode", "origin_country", "origin_region",
               "destination_country", "destination_region", "final_destination_country",
               "declared_value", "currency", "parties", "items", "legs", "documents", "payments"}));
  OptionalText id;
  CORRIDOR_TRY(f.Text("shipment_id", &id));
  Shipment& s = *shipment;
  s.shipment_id = id.value_or("request");
  std::vector<DataProblem>& problems = s.problems;
  CORRIDOR_TRY(f.Text("shipped_on", &s.shipped_on));
  s.shipped_on = CheckDate(s.shipped_on, "shipment", s.shipment_id, "shipped_on", &problems);
  CORRIDOR_TRY(f.Text("mode", &s.mode));
  OptionalText origin, origin_region, destination, destination_region, final_destination;
  CORRIDOR_TRY(f.Text("origin_country", &origin));
  CORRIDOR_TRY(f.Text("origin_region", &origin_region));
  CORRIDOR_TRY(f.Text("destination_country", &destination));
  CORRIDOR_TRY(f.Text("destination_region", &destination_region));
  CORRIDOR_TRY(f.Text("final_destination_country", &final_destination));
  const std::string& sid = s.shipment_id;
  s.origin_country = CheckCountry(origin, "shipment", sid, "origin_country", &problems);
  s.origin_region = CheckRegion(origin_region, "shipment", sid, "origin_region", &problems);
  s.destination_country =
      CheckCountry(destination, "shipment", sid, "destination_country", &problems);
  s.destination_region =
      CheckRegion(destination_region, "shipment", sid, "destination_region", &problems);
  s.final_destination_country =
      CheckCountry(final_destination, "shipment", sid, "final_destination_country", &problems);
  CORRIDOR_TRY(f.Number("declared_value", &s.declared_value));
  CORRIDOR_TRY(f.Text("currency", &s.currency));
  if (!s.destination_country) {
    problems.push_back({"shipment", sid, "destination_country", "missing (NULL)"});
  }
  const Json* rows = nullptr;
  CORRIDOR_TRY(f.Array("parties", &rows));
  for (size_t i = 0; i < rows->size(); ++i) CORRIDOR_TRY(ParseParty((*rows)[i], i, &s));
  // One entity id is one record, as in the database: the scorer screens an id once per shipment,
  // so a second party under the id with another name got the first one's screening (a listed
  // consignee CLEAR behind a harmless shipper of the same id; since 2026-12-07, from a review).
  // The same record in two roles is fine.
  std::map<std::string, Json> records;
  for (size_t i = 0; i < rows->size(); ++i) {
    const Json& row = (*rows)[i];
    auto party_id = row.find("entity_id");
    if (party_id == row.end() || !party_id->is_string()) continue;
    Json record = row;
    record.erase("role");
    auto [at, added] = records.emplace(party_id->get<std::string>(), record);
    if (!added && at->second != record) {
      return Status::Usage("parties[" + std::to_string(i) + "]: entity_id \"" + at->first +
                           "\" is given twice with different records (one id, one record)");
    }
  }
  CORRIDOR_TRY(f.Array("items", &rows));
  for (size_t i = 0; i < rows->size(); ++i) CORRIDOR_TRY(ParseItem((*rows)[i], i, &s));
  CORRIDOR_TRY(f.Array("legs", &rows));
  for (size_t i = 0; i < rows->size(); ++i) CORRIDOR_TRY(ParseLeg((*rows)[i], i, &s));
  if (body.contains("documents")) {
    CORRIDOR_TRY(f.Array("documents", &rows));
    for (size_t i = 0; i < rows->size(); ++i) CORRIDOR_TRY(ParseDocument((*rows)[i], i, &s));
    // The batch reads documents in (kind, reference) order.
    std::stable_sort(s.documents.begin(), s.documents.end(),
                     [](const ShipmentDocument& a, const ShipmentDocument& b) {
                       return std::tie(a.kind, a.reference) < std::tie(b.kind, b.reference);
                     });
  }
  // Payments (since 2026-12-07, from a review: refused as an unknown field, so the third-country
  // payer flag could not fire at /screen, CLEAR where the batch said REVIEW).
  if (body.contains("payments")) {
    CORRIDOR_TRY(f.Array("payments", &rows));
    for (size_t i = 0; i < rows->size(); ++i) CORRIDOR_TRY(ParsePayment((*rows)[i], i, &s));
    // The batch reads payments in (paid_on, payment_id) order, NULL first.
    std::stable_sort(s.payments.begin(), s.payments.end(),
                     [](const ShipmentPayment& a, const ShipmentPayment& b) {
                       return std::tie(a.paid_on, a.payment_id) < std::tie(b.paid_on, b.payment_id);
                     });
  }
  return Status::Ok();
}

#undef CORRIDOR_TRY

}  // namespace corridor::serve
