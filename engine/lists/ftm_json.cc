// ftm-json: OpenSanctions FollowTheMoney entities, one JSON object per line
// ({"id", "schema", "caption", "properties": {name: [values]}, "last_change", ...}).
//
// Person, Company, Organization, LegalEntity, Vessel and Airplane become entries. The other
// schemata attach to them: Address (through addressEntity) becomes an address, Sanction gives
// programs (programId, else program) and the designation date, Passport/Identification an
// identifier, Ownership a link of kind 'ownership' on the owner (target the asset, share the
// percentage, as_of the start date), Directorship a 'directorship' link on the director, Family
// a 'family' link on the person; the relationship or role is kept in list_link.role.
// References to entities not in the file are rejected with the line of the referring object.
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <sstream>
#include <unordered_map>

#include "engine/base/strings.h"
#include "engine/lists/document.h"

namespace corridor::lists {

namespace {

using nlohmann::json;

constexpr const char* kFormatHint =
    "format ftm-json expects FollowTheMoney entities, one JSON object per line with id, schema "
    "and properties";

struct Object {
  json value;
  int64_t line = 0;
};

// The string values of property `name` ("" values dropped).
std::vector<std::string> Values(const json& object, const char* name) {
  std::vector<std::string> values;
  auto properties = object.find("properties");
  if (properties == object.end() || !properties->is_object()) return values;
  auto found = properties->find(name);
  if (found == properties->end() || !found->is_array()) return values;
  for (const json& item : *found) {
    if (item.is_string() && !Trim(item.get_ref<const std::string&>()).empty()) {
      values.emplace_back(Trim(item.get_ref<const std::string&>()));
    }
  }
  return values;
}

std::string First(const json& object, const char* name) {
  std::vector<std::string> values = Values(object, name);
  return values.empty() ? "" : values[0];
}

std::string Kind(const std::string& schema) {
  if (schema == "Person") return "person";
  if (schema == "Company") return "company";
  if (schema == "Organization" || schema == "LegalEntity" || schema == "PublicBody") {
    return "organization";
  }
  if (schema == "Vessel") return "vessel";
  if (schema == "Airplane") return "aircraft";
  return "";
}

std::string UpperCountry(const std::string& code) {
  std::string upper = AsciiUpper(code);
  return CountryCode(upper);  // "ru" -> "RU"; "suhh" (the USSR) and the like -> ""
}

struct IdentifierProperty {
  const char* property;
  const char* id_type;
  const char* note;
};

constexpr IdentifierProperty kIdentifierProperties[] = {
    {"idNumber", "national_id", ""},
    {"passportNumber", "passport", ""},
    {"taxNumber", "tax_id", ""},
    {"innCode", "tax_id", "INN"},
    {"vatCode", "vat", ""},
    {"registrationNumber", "registration", ""},
    {"ogrnCode", "registration", "OGRN"},
    {"okpoCode", "registration", "OKPO"},
    {"leiCode", "lei", ""},
    {"swiftBic", "swift", ""},
    {"imoNumber", "imo", ""},
    {"mmsi", "mmsi", ""},
    {"callSign", "call_sign", ""},
    {"dunsCode", "duns", ""},
    {"uniqueEntityId", "uei", ""},
    {"permId", "perm_id", ""},
};

struct AttributeProperty {
  const char* property;
  const char* key;
  bool country;
};

constexpr AttributeProperty kAttributeProperties[] = {
    {"birthPlace", "birth_place", false},
    {"birthCountry", "birth_country", true},
    {"nationality", "nationality", true},
    {"citizenship", "citizenship", true},
    {"gender", "gender", false},
    {"title", "title", false},
    {"position", "position", false},
    {"website", "website", false},
    {"email", "email", false},
    {"phone", "phone", false},
    {"incorporationDate", "incorporation_date", false},
    {"dissolutionDate", "dissolution_date", false},
    {"jurisdiction", "jurisdiction", true},
    {"legalForm", "legal_form", false},
    {"status", "status", false},
    {"topics", "topic", false},
    {"flag", "vessel_flag", true},
    {"kppCode", "kpp", false},
};

}  // namespace

Status ParseFtmJson(const ImportOptions& options, std::vector<Document>* documents) {
  std::string contents;
  Status status = ReadFile(options.path, &contents);
  if (!status.ok()) return status;
  size_t slash = options.path.find_last_of('/');
  const std::string file = options.path.substr(slash == std::string::npos ? 0 : slash + 1);
  Document document;
  document.list_id = "ftm";
  document.name = "FollowTheMoney entities (" + file + ")";
  document.publisher = "OpenSanctions";
  document.format = "ftm-json";
  document.source_path = options.path;
  document.files.push_back(options.path);

  // Pass 1: every object, by id.
  std::vector<Object> objects;
  std::unordered_map<std::string, size_t> by_id;
  std::istringstream in(contents);
  std::string line;
  int64_t line_number = 0;
  bool first = true;
  while (std::getline(in, line)) {
    ++line_number;
    if (Trim(line).empty()) continue;
    std::string location = file + ":" + std::to_string(line_number);
    json value = json::parse(line, nullptr, /*allow_exceptions=*/false);
    bool valid = value.is_object() && value.contains("id") && value["id"].is_string() &&
                 value.contains("schema") && value["schema"].is_string();
    if (first) {
      first = false;
      if (!valid) return Status::Error(location + ": not a FollowTheMoney entity; " + kFormatHint);
    }
    if (value.is_discarded()) {
      document.rejects.push_back({location, "malformed JSON"});
      continue;
    }
    if (!valid) {
      document.rejects.push_back({location, "object without id or schema"});
      continue;
    }
    std::string id = value["id"].get<std::string>();
    if (by_id.count(id)) {
      document.rejects.push_back({location, "duplicate id " + id});
      continue;
    }
    by_id.emplace(id, objects.size());
    objects.push_back({std::move(value), line_number});
    std::string changed = objects.back().value.value("last_change", "");
    if (changed.size() >= 10 && changed.substr(0, 10) > document.version) {
      document.version = changed.substr(0, 10);
    }
  }
  if (first) return Status::Error(options.path + ": empty file; " + kFormatHint);

  // Pass 2: the entries.
  std::unordered_map<std::string, size_t> entry_index;
  for (const Object& object : objects) {
    const json& value = object.value;
    std::string kind = Kind(value["schema"].get<std::string>());
    if (kind.empty()) continue;
    Entry entry;
    entry.entry_id = value["id"].get<std::string>();
    entry.kind = kind;
    std::vector<std::string> names = Values(value, "name");
    entry.name = value.value("caption", "");
    if (entry.name.empty() && !names.empty()) entry.name = names[0];
    if (entry.name.empty()) {
      document.rejects.push_back(
          {file + ":" + std::to_string(object.line), "entity " + entry.entry_id + " has no name"});
      continue;
    }
    for (const std::string& name : names) {
      if (name != entry.name) entry.aliases.push_back({name, "strong"});
    }
    for (const std::string& name : Values(value, "alias"))
      entry.aliases.push_back({name, "strong"});
    for (const std::string& name : Values(value, "weakAlias"))
      entry.aliases.push_back({name, "weak"});
    for (const std::string& name : Values(value, "previousName")) {
      entry.aliases.push_back({name, "fka"});
    }
    for (const std::string& country : Values(value, "country")) {
      if (entry.country.empty()) entry.country = UpperCountry(country);
    }
    for (const std::string& date : Values(value, "birthDate")) {
      std::string iso = IsoDate(date);
      entry.attributes.push_back(
          {"birth_date", iso.empty() ? date : iso, "", iso.empty() ? "unparsed" : ""});
      if (entry.birth_date.empty() && !iso.empty()) entry.birth_date = iso;
    }
    for (const AttributeProperty& property : kAttributeProperties) {
      for (const std::string& item : Values(value, property.property)) {
        entry.attributes.push_back(
            {property.key, item, property.country ? UpperCountry(item) : "", ""});
      }
    }
    for (const IdentifierProperty& property : kIdentifierProperties) {
      for (const std::string& number : Values(value, property.property)) {
        entry.identifiers.push_back({property.id_type, number, "", property.note});
      }
    }
    entry.remarks = Join(Values(value, "notes"), "\n");
    std::vector<std::string> address_ids = Values(value, "addressEntity");
    for (const std::string& address_id : address_ids) {
      auto found = by_id.find(address_id);
      if (found == by_id.end()) {
        document.rejects.push_back({file + ":" + std::to_string(object.line),
                                    "addressEntity " + address_id + " is not in the file"});
        continue;
      }
      const json& source = objects[found->second].value;
      Address address;
      address.address = First(source, "street");
      address.city = First(source, "city");
      address.region = First(source, "region");
      address.postal_code = First(source, "postalCode");
      address.country_name = First(source, "country");
      address.country = UpperCountry(address.country_name);
      if (address.address.empty() && address.city.empty()) address.address = First(source, "full");
      entry.addresses.push_back(std::move(address));
    }
    if (entry.addresses.empty()) {  // no Address object in the file: the full-text property
      for (const std::string& full : Values(value, "address")) {
        Address address;
        address.address = full;
        entry.addresses.push_back(std::move(address));
      }
    }
    if (entry.country.empty()) {
      for (const Attribute& attribute : entry.attributes) {
        if (entry.country.empty() &&
            (attribute.key == "nationality" || attribute.key == "jurisdiction")) {
          entry.country = attribute.country;
        }
      }
    }
    entry_index.emplace(entry.entry_id, document.entries.size());
    document.entries.push_back(std::move(entry));
  }

  // Pass 3: the objects that attach to entries.
  for (const Object& object : objects) {
    const json& value = object.value;
    const std::string schema = value["schema"].get<std::string>();
    const std::string location = file + ":" + std::to_string(object.line);
    auto entry_for = [&](const char* property, Entry** entry) {
      std::string id = First(value, property);
      auto found = entry_index.find(id);
      if (found == entry_index.end()) {
        document.rejects.push_back(
            {location, schema + " " + value["id"].get<std::string>() + ": " + property + " " +
                           (id.empty() ? "missing" : id + " is not in the file")});
        return false;
      }
      *entry = &document.entries[found->second];
      return true;
    };
    Entry* entry = nullptr;
    if (schema == "Sanction") {
      if (!entry_for("entity", &entry)) continue;
      std::vector<std::string> programs = Values(value, "programId");
      if (programs.empty()) programs = Values(value, "program");
      for (const std::string& program : programs) {
        bool known = false;
        for (const std::string& existing : entry->programs) known = known || existing == program;
        if (!known) entry->programs.push_back(program);
      }
      std::string listed = IsoDate(First(value, "listingDate"));
      if (listed.empty()) listed = IsoDate(First(value, "startDate"));
      if (!listed.empty() && (entry->listed_on.empty() || listed < entry->listed_on)) {
        entry->listed_on = listed;
      }
    } else if (schema == "Passport" || schema == "Identification") {
      if (!entry_for("holder", &entry)) continue;
      std::string number = First(value, "number");
      if (number.empty()) number = First(value, "passportNumber");
      if (number.empty()) continue;  // a document without its number says nothing
      entry->identifiers.push_back({schema == "Passport" ? "passport" : "national_id", number,
                                    UpperCountry(First(value, "country")), First(value, "type")});
    } else if (schema == "Ownership" || schema == "Directorship" || schema == "Family" ||
               schema == "Associate" || schema == "Membership" || schema == "Employment") {
      static const std::unordered_map<std::string, std::pair<const char*, const char*>> kEnds = {
          {"Ownership", {"owner", "asset"}},
          {"Directorship", {"director", "organization"}},
          {"Family", {"person", "relative"}},
          {"Associate", {"person", "associate"}},
          {"Membership", {"member", "organization"}},
          {"Employment", {"employee", "employer"}},
      };
      const auto [from, to] = kEnds.at(schema);
      if (!entry_for(from, &entry)) continue;
      Link link;
      link.kind = AsciiLower(schema);
      std::string target = First(value, to);
      auto found = entry_index.find(target);
      if (found == entry_index.end()) {
        document.rejects.push_back(
            {location, schema + " " + value["id"].get<std::string>() + ": " + to + " " +
                           (target.empty() ? "missing" : target + " is not in the file")});
        continue;
      }
      // target_list_id is set to the document's list id by ImportList.
      link.target_entry_id = target;
      link.target_name = document.entries[found->second].name;
      std::string percentage = First(value, "percentage");
      if (!percentage.empty()) {
        char* end = nullptr;
        double share = std::strtod(percentage.c_str(), &end);
        if (end != percentage.c_str() && share >= 0 && share <= 100) link.share = share;
      }
      link.as_of = IsoDate(First(value, "startDate"));
      link.role =
          First(value, schema == "Family" || schema == "Associate" ? "relationship" : "role");
      entry->links.push_back(std::move(link));
    }
  }
  documents->push_back(std::move(document));
  return Status::Ok();
}

}  // namespace corridor::lists
