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
  // LegalEntity (FtM's parent of Company and Organization, used when the source does not say
  // which) and PublicBody read as "organization", like Organization (docs/lists.md "Common
  // conventions").
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

// FtM property names mapped onto the id types the other importers use, so that the matcher's
// identifier corroboration (docs/matching.md) treats an INN or an IMO number alike whatever list
// it came from.
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
    // OpenSanctions topics ("sanction", "role.pep", ...) are kept as attributes for reviewers;
    // whether an entry counts as listed is decided by its programs (from Sanction objects).
    {"topics", "topic", false},
    {"flag", "vessel_flag", true},
    {"kppCode", "kpp", false},
};

// One FtM file being read: the objects by id, then the entries made of them.
class FtmParser {
 public:
  FtmParser(const std::string& file, Document* document) : file_(file), document_(document) {}

  // Pass 1: every object, by id. Fails only when the first object is not an FtM entity (the
  // file is in another format); later bad lines are rejected rows.
  Status ReadObjects(const std::string& contents, const std::string& path);
  // Pass 2: an entry per entity whose schema names a kind (Person, Company, ...).
  void ReadEntities();
  // Pass 3: the objects that attach to entries (Sanction, Passport, Ownership, ...).
  void AttachRelations();

 private:
  std::string Location(int64_t line) const { return file_ + ":" + std::to_string(line); }
  void Reject(int64_t line, std::string reason) {
    document_->rejects.push_back({Location(line), std::move(reason)});
  }
  // Runs `read` for one object; a property of an unexpected JSON type ("caption": 123) makes
  // nlohmann throw, which becomes a rejected row of that object, never an aborted import.
  template <typename Read>
  void Guarded(const Object& object, Read read) {
    try {
      read();
    } catch (const json::exception& error) {
      Reject(object.line, std::string("a property has the wrong JSON type (") + error.what() + ")");
    }
  }
  void ReadEntity(const Object& object);
  void ReadAddresses(const Object& object, Entry* entry);
  void AttachRelation(const Object& object);
  void AttachLink(const Object& object, const std::string& schema, Entry* entry);
  // The entry named by `property` of `value`, or null (rejected) when it is not in the file.
  Entry* EntryFor(const Object& object, const char* property);

  std::string file_;
  Document* document_;
  std::vector<Object> objects_;
  std::unordered_map<std::string, size_t> by_id_;
  std::unordered_map<std::string, size_t> entry_index_;
};

Status FtmParser::ReadObjects(const std::string& contents, const std::string& path) {
  std::istringstream in(contents);
  std::string line;
  int64_t line_number = 0;
  bool first = true;
  std::string last_problem;  // "file:line: why" while the last non-blank line was malformed
  while (std::getline(in, line)) {
    ++line_number;
    if (Trim(line).empty()) continue;
    std::string location = Location(line_number);
    json value = json::parse(line, nullptr, /*allow_exceptions=*/false);
    bool valid = value.is_object() && value.contains("id") && value["id"].is_string() &&
                 value.contains("schema") && value["schema"].is_string();
    if (first) {
      first = false;
      if (!valid) return Status::Error(location + ": not a FollowTheMoney entity; " + kFormatHint);
    }
    // A last line that is not JSON is what a file cut short looks like.
    last_problem = value.is_discarded() ? location + ": malformed JSON" : "";
    if (value.is_discarded()) {
      Reject(line_number, "malformed JSON");
      continue;
    }
    if (!valid) {
      Reject(line_number, "object without id or schema");
      continue;
    }
    std::string id = value["id"].get<std::string>();
    if (by_id_.count(id)) {
      Reject(line_number, "duplicate id " + id);
      continue;
    }
    auto changed = value.find("last_change");
    if (changed != value.end() && changed->is_string()) {
      const std::string& date = changed->get_ref<const std::string&>();
      // The file's version is its newest change: an FtM export has no header, and last_change is
      // the closest thing to a publication date. ISO dates compare as strings.
      if (date.size() >= 10 && date.substr(0, 10) > document_->version) {
        document_->version = date.substr(0, 10);
      }
    }
    by_id_.emplace(id, objects_.size());
    objects_.push_back({std::move(value), line_number});
  }
  if (first) return Status::Error(path + ": empty file; " + kFormatHint);
  // Only a malformed last line marks the file as cut short; a bad line in the middle is a rejected
  // row like any other.
  document_->truncated = last_problem;
  return Status::Ok();
}

void FtmParser::ReadEntities() {
  for (const Object& object : objects_) {
    Guarded(object, [&] { ReadEntity(object); });
  }
}

void FtmParser::ReadEntity(const Object& object) {
  const json& value = object.value;
  std::string kind = Kind(value["schema"].get<std::string>());
  if (kind.empty()) return;
  Entry entry;
  entry.entry_id = value["id"].get<std::string>();
  entry.kind = kind;
  std::vector<std::string> names = Values(value, "name");
  // The caption is OpenSanctions' display name, chosen from the names; it becomes the primary name
  // and the other names aliases.
  entry.name = value.value("caption", "");  // throws type_error when caption is not a string
  if (entry.name.empty() && !names.empty()) entry.name = names[0];
  if (entry.name.empty()) {
    Reject(object.line, "entity " + entry.entry_id + " has no name");
    return;
  }
  for (const std::string& name : names) {
    if (name != entry.name) entry.aliases.push_back({name, "strong"});
  }
  for (const std::string& name : Values(value, "alias")) entry.aliases.push_back({name, "strong"});
  for (const std::string& name : Values(value, "weakAlias")) {
    entry.aliases.push_back({name, "weak"});
  }
  for (const std::string& name : Values(value, "previousName")) {
    entry.aliases.push_back({name, "fka"});
  }
  // FtM's country property is the entity's main country; nationality or jurisdiction stand in only
  // when it is absent (below).
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
  ReadAddresses(object, &entry);
  if (entry.country.empty()) {
    for (const Attribute& attribute : entry.attributes) {
      if (entry.country.empty() &&
          (attribute.key == "nationality" || attribute.key == "jurisdiction")) {
        entry.country = attribute.country;
      }
    }
  }
  entry_index_.emplace(entry.entry_id, document_->entries.size());
  document_->entries.push_back(std::move(entry));
}

void FtmParser::ReadAddresses(const Object& object, Entry* entry) {
  for (const std::string& address_id : Values(object.value, "addressEntity")) {
    auto found = by_id_.find(address_id);
    if (found == by_id_.end()) {
      Reject(object.line, "addressEntity " + address_id + " is not in the file");
      continue;
    }
    const json& source = objects_[found->second].value;
    Address address;
    address.address = First(source, "street");
    address.city = First(source, "city");
    address.region = First(source, "region");
    address.postal_code = First(source, "postalCode");
    address.country_name = First(source, "country");
    address.country = UpperCountry(address.country_name);
    // The structured parts win; "full" (the address as one text) is used only when they are
    // missing, so the parts are not repeated in one address.
    if (address.address.empty() && address.city.empty()) address.address = First(source, "full");
    entry->addresses.push_back(std::move(address));
  }
  if (entry->addresses.empty()) {  // no Address object in the file: the full-text property
    for (const std::string& full : Values(object.value, "address")) {
      Address address;
      address.address = full;
      entry->addresses.push_back(std::move(address));
    }
  }
}

Entry* FtmParser::EntryFor(const Object& object, const char* property) {
  std::string id = First(object.value, property);
  auto found = entry_index_.find(id);
  if (found == entry_index_.end()) {
    Reject(object.line, object.value["schema"].get<std::string>() + " " +
                            object.value["id"].get<std::string>() + ": " + property + " " +
                            (id.empty() ? "missing" : id + " is not in the file"));
    return nullptr;
  }
  return &document_->entries[found->second];
}

void FtmParser::AttachRelations() {
  for (const Object& object : objects_) {
    Guarded(object, [&] { AttachRelation(object); });
  }
}

void FtmParser::AttachRelation(const Object& object) {
  const json& value = object.value;
  const std::string schema = value["schema"].get<std::string>();
  Entry* entry = nullptr;
  if (schema == "Sanction") {
    if ((entry = EntryFor(object, "entity")) == nullptr) return;
    std::vector<std::string> programs = Values(value, "programId");
    if (programs.empty()) programs = Values(value, "program");
    for (const std::string& program : programs) {
      bool known = false;
      for (const std::string& existing : entry->programs) known = known || existing == program;
      if (!known) entry->programs.push_back(program);
    }
    std::string listed = IsoDate(First(value, "listingDate"));
    if (listed.empty()) listed = IsoDate(First(value, "startDate"));
    // An entity with several Sanction objects (several programmes or authorities) is listed since
    // the earliest of them.
    if (!listed.empty() && (entry->listed_on.empty() || listed < entry->listed_on)) {
      entry->listed_on = listed;
    }
  } else if (schema == "Passport" || schema == "Identification") {
    if ((entry = EntryFor(object, "holder")) == nullptr) return;
    std::string number = First(value, "number");
    if (number.empty()) number = First(value, "passportNumber");
    if (number.empty()) return;  // a document without its number says nothing
    entry->identifiers.push_back({schema == "Passport" ? "passport" : "national_id", number,
                                  UpperCountry(First(value, "country")), First(value, "type")});
  } else {
    AttachLink(object, schema, entry);
  }
}

// Ownership, Directorship, Family, Associate, Membership, Employment: a link between entries.
void FtmParser::AttachLink(const Object& object, const std::string& schema, Entry* entry) {
  static const std::unordered_map<std::string, std::pair<const char*, const char*>> kEnds = {
      {"Ownership", {"owner", "asset"}},          {"Directorship", {"director", "organization"}},
      {"Family", {"person", "relative"}},         {"Associate", {"person", "associate"}},
      {"Membership", {"member", "organization"}}, {"Employment", {"employee", "employer"}},
  };
  auto ends = kEnds.find(schema);
  if (ends == kEnds.end()) return;
  const auto [from, to] = ends->second;
  if ((entry = EntryFor(object, from)) == nullptr) return;
  const json& value = object.value;
  Link link;
  link.kind = AsciiLower(schema);
  std::string target = First(value, to);
  auto found = entry_index_.find(target);
  if (found == entry_index_.end()) {
    Reject(object.line, schema + " " + value["id"].get<std::string>() + ": " + to + " " +
                            (target.empty() ? "missing" : target + " is not in the file"));
    return;
  }
  // target_list_id is set to the document's list id by ImportList.
  link.target_entry_id = target;
  link.target_name = document_->entries[found->second].name;
  std::string percentage = First(value, "percentage");
  if (!percentage.empty()) {
    char* end = nullptr;
    double share = std::strtod(percentage.c_str(), &end);
    // Only the leading number is read ("25%" is 25; a range "25-50" reads as its lower end); a
    // value that is not a number or outside 0..100 leaves the share unknown, which the ownership
    // analysis treats as an upper bound only.
    if (end != percentage.c_str() && share >= 0 && share <= 100) link.share = share;
  }
  // The start date is the record's as-of date; an end date is not kept, so a holding that ended is
  // still an edge (tests that need the holdings in force on a date filter the records first).
  link.as_of = IsoDate(First(value, "startDate"));
  link.role = First(value, schema == "Family" || schema == "Associate" ? "relationship" : "role");
  entry->links.push_back(std::move(link));
}

}  // namespace

Status ParseFtmJson(const ImportOptions& options, std::vector<Document>* documents) {
  std::string contents;
  Status status = ReadFile(options.path, options.max_file_bytes, &contents);
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
  FtmParser parser(file, &document);
  status = parser.ReadObjects(contents, options.path);
  if (!status.ok()) return status;
  parser.ReadEntities();
  parser.AttachRelations();
  documents->push_back(std::move(document));
  return Status::Ok();
}

}  // namespace corridor::lists
