// un-xml: the UN Security Council consolidated list (CONSOLIDATED_LIST with INDIVIDUALS and
// ENTITIES; schema https://www.un.org/sc/resources/sc-sanctions.xsd), read with libxml2.
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <cstdint>
#include <unordered_set>

#include "engine/base/strings.h"
#include "engine/lists/document.h"

namespace corridor::lists {

namespace {

constexpr const char* kFormatHint =
    "format un-xml expects the UN Security Council consolidated list XML (root element "
    "CONSOLIDATED_LIST with INDIVIDUALS and ENTITIES)";

bool Is(const xmlNode* node, const char* name) {
  return node->type == XML_ELEMENT_NODE &&
         xmlStrcmp(node->name, reinterpret_cast<const xmlChar*>(name)) == 0;
}

// The trimmed text of an element ("" when empty).
std::string Text(const xmlNode* node) {
  // xmlNodeGetContent concatenates all descendant text, which is what the UN's flat leaf elements
  // hold; entities were refused before any text is read (ParseUnXml).
  xmlChar* content = xmlNodeGetContent(node);
  if (content == nullptr) return "";
  std::string text(Trim(reinterpret_cast<const char*>(content)));
  xmlFree(content);
  return text;
}

// The text of the first child element called `name`.
std::string Child(const xmlNode* parent, const char* name) {
  for (const xmlNode* child = parent->children; child != nullptr; child = child->next) {
    if (Is(child, name)) return Text(child);
  }
  return "";
}

// The texts of every VALUE under every child element called `name` (NATIONALITY/VALUE...).
std::vector<std::string> Values(const xmlNode* parent, const char* name) {
  std::vector<std::string> values;
  for (const xmlNode* child = parent->children; child != nullptr; child = child->next) {
    if (!Is(child, name)) continue;
    for (const xmlNode* value = child->children; value != nullptr; value = value->next) {
      if (Is(value, "VALUE")) {
        std::string text = Text(value);
        if (!text.empty()) values.push_back(std::move(text));
      }
    }
  }
  return values;
}

std::string JoinNonEmpty(const std::vector<std::string>& parts, std::string_view separator) {
  std::vector<std::string> kept;
  for (const std::string& part : parts) {
    if (!part.empty()) kept.push_back(part);
  }
  return Join(kept, separator);
}

// The UN marks aliases "Good" or "Low" quality (too vague to identify a person alone); the
// latter are kept as weak aliases rather than dropped, so that a screener can still show them.
// "" leaves the quality unknown rather than guessing.
std::string AliasQuality(std::string_view quality) {
  if (quality == "Good" || quality == "a.k.a.") return "strong";
  if (quality == "Low") return "weak";
  if (quality == "f.k.a.") return "fka";
  return "";
}

// TYPE_OF_DOCUMENT is free text ("Passport", "National Identification Number", "Tax Identification
// Number"...): it is mapped by keyword to the id types the OFAC importer uses, so identifiers of
// the two lists compare by type; the original text is kept in the note only for "other".
std::string DocumentType(const std::string& type) {
  std::string lower = AsciiLower(type);
  if (lower.find("passport") != std::string::npos) return "passport";
  if (lower.find("national identi") != std::string::npos) return "national_id";
  if (lower.find("identity card") != std::string::npos) return "national_id";
  if (lower.find("identification") != std::string::npos) return "national_id";
  if (lower.find("tax") != std::string::npos) return "tax_id";
  if (lower.find("registration") != std::string::npos) return "registration";
  return "other";
}

void ReadDateOfBirth(const xmlNode* node, Entry* entry) {
  std::string type = Child(node, "TYPE_OF_DATE");
  Attribute attribute;
  attribute.key = "birth_date";
  std::string date = Child(node, "DATE");
  std::string year = Child(node, "YEAR");
  // Dates of birth: EXACT has DATE or only YEAR; APPROXIMATELY is a circa date; BETWEEN is a year
  // range, recorded as an ISO 8601 interval like the OFAC importer's.
  if (type == "BETWEEN") {
    std::string from = Child(node, "FROM_YEAR"), to = Child(node, "TO_YEAR");
    if (!from.empty() && !to.empty()) attribute.value = from + "/" + to;
  } else {
    attribute.value = IsoDate(!date.empty() ? date : year);
    if (type == "APPROXIMATELY") attribute.note = "circa";
  }
  std::string note = Child(node, "NOTE");
  // A date published in NOTE alone ("Nov. 1973", "August 1961"; 7 dates of 5 entries in the
  // 2026-02 list) is read from it, or kept as text with "unparsed", as the OFAC importer keeps
  // what it cannot read (since 2026-12-07, from a review: before, such dates were dropped, and an
  // entry whose only date it was had none).
  if (attribute.value.empty() && !note.empty()) {
    attribute.value = IsoDate(note);
    if (attribute.value.empty()) {
      attribute.value = note;
      attribute.note = JoinNonEmpty({attribute.note, "unparsed"}, " ");
      note.clear();
    }
  }
  if (!note.empty()) attribute.note = JoinNonEmpty({attribute.note, note}, " ");
  if (attribute.value.empty()) return;
  if (entry->birth_date.empty() && IsIsoDate(attribute.value)) entry->birth_date = attribute.value;
  entry->attributes.push_back(std::move(attribute));
}

void ReadEntry(const xmlNode* node, bool individual, const std::string& file, Document* document,
               std::unordered_set<std::string>* seen) {
  std::string location = file + ":" + std::to_string(xmlGetLineNo(node));
  Entry entry;
  entry.entry_id = Child(node, "DATAID");
  if (entry.entry_id.empty()) {
    document->rejects.push_back({location, "entry without DATAID"});
    return;
  }
  // The UN does not say whether an entity is a company or a group, so "organization", never
  // "company".
  entry.kind = individual ? "person" : "organization";
  entry.name = JoinNonEmpty({Child(node, "FIRST_NAME"), Child(node, "SECOND_NAME"),
                             Child(node, "THIRD_NAME"), Child(node, "FOURTH_NAME")},
                            " ");
  if (entry.name.empty()) {
    document->rejects.push_back({location, "DATAID " + entry.entry_id + " has no name"});
    return;
  }
  if (seen->count(entry.entry_id)) {
    document->rejects.push_back({location, "duplicate DATAID " + entry.entry_id});
    return;
  }
  std::string program = Child(node, "UN_LIST_TYPE");
  if (!program.empty()) entry.programs.push_back(program);
  entry.listed_on = IsoDate(Child(node, "LISTED_ON"));
  entry.remarks = Child(node, "COMMENTS1");
  std::string reference = Child(node, "REFERENCE_NUMBER");
  if (!reference.empty()) entry.attributes.push_back({"reference_number", reference, "", ""});
  std::string original = Child(node, "NAME_ORIGINAL_SCRIPT");
  // The name in its original script (Arabic, Cyrillic, Chinese...) is a strong alias: the name
  // normaliser transliterates it, so a party written in that script is found (docs/matching.md).
  if (!original.empty()) entry.aliases.push_back({original, "strong"});
  std::string gender = Child(node, "GENDER");
  if (!gender.empty()) entry.attributes.push_back({"gender", AsciiLower(gender), "", ""});
  for (const std::string& title : Values(node, "TITLE")) {
    entry.attributes.push_back({"title", title, "", ""});
  }
  for (const std::string& designation : Values(node, "DESIGNATION")) {
    entry.attributes.push_back({"designation", designation, "", ""});
  }
  for (const std::string& nationality : Values(node, "NATIONALITY")) {
    entry.attributes.push_back({"nationality", nationality, CountryCode(nationality), ""});
  }
  for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
    if (Is(child, "INDIVIDUAL_ALIAS") || Is(child, "ENTITY_ALIAS")) {
      std::string name = Child(child, "ALIAS_NAME");
      if (!name.empty()) entry.aliases.push_back({name, AliasQuality(Child(child, "QUALITY"))});
    } else if (Is(child, "INDIVIDUAL_ADDRESS") || Is(child, "ENTITY_ADDRESS")) {
      Address address;
      address.address = Child(child, "STREET");
      address.city = Child(child, "CITY");
      address.region = Child(child, "STATE_PROVINCE");
      address.postal_code = Child(child, "ZIP_CODE");
      address.country_name = Child(child, "COUNTRY");
      address.country = CountryCode(address.country_name);
      if (address.address.empty() && address.city.empty() && address.region.empty() &&
          address.country_name.empty()) {
        continue;
      }
      entry.addresses.push_back(std::move(address));
    } else if (Is(child, "INDIVIDUAL_DATE_OF_BIRTH")) {
      ReadDateOfBirth(child, &entry);
    } else if (Is(child, "INDIVIDUAL_PLACE_OF_BIRTH")) {
      std::string country = Child(child, "COUNTRY");
      std::string place = JoinNonEmpty(
          {Child(child, "STREET"), Child(child, "CITY"), Child(child, "STATE_PROVINCE"), country},
          ", ");
      if (!place.empty()) {
        entry.attributes.push_back({"birth_place", place, CountryCode(country), ""});
      }
    } else if (Is(child, "INDIVIDUAL_DOCUMENT")) {
      Identifier identifier;
      identifier.number = Child(child, "NUMBER");
      if (identifier.number.empty()) continue;
      std::string type = Child(child, "TYPE_OF_DOCUMENT");
      identifier.id_type = DocumentType(type);
      std::string issuer = Child(child, "ISSUING_COUNTRY");
      if (issuer.empty()) issuer = Child(child, "COUNTRY_OF_ISSUE");
      identifier.country = CountryCode(issuer);
      std::string issued = Child(child, "DATE_OF_ISSUE");
      // The issuer text goes to the note only when it is not a country: "Interpol" or a city must
      // not be lost, but a country is already in identifier.country.
      identifier.note = JoinNonEmpty(
          {identifier.id_type == "other" ? type : "", Child(child, "TYPE_OF_DOCUMENT2"),
           issued.empty() ? "" : "issued " + IsoDate(issued), Child(child, "CITY_OF_ISSUE"),
           identifier.country.empty() ? issuer : "", Child(child, "NOTE")},
          "; ");
      entry.identifiers.push_back(std::move(identifier));
    }
  }
  // The entry's country: first nationality, else the first address's country (docs/lists.md
  // "Common conventions"); the UN list publishes no citizenship or vessel flag.
  for (const Attribute& attribute : entry.attributes) {
    if (entry.country.empty() && attribute.key == "nationality") entry.country = attribute.country;
  }
  for (const Address& address : entry.addresses) {
    if (entry.country.empty()) entry.country = address.country;
  }
  // The UN packs several names into one field ("X (a; b; c)", "a; b", "a) X b) Y").
  SplitPublishedNames(&entry);
  seen->insert(entry.entry_id);
  document->entries.push_back(std::move(entry));
}

}  // namespace

Status ParseUnXml(const ImportOptions& options, std::vector<Document>* documents) {
  std::string contents;
  Status status = ReadFile(options.path, options.max_file_bytes, &contents);
  if (!status.ok()) return status;
  // xmlReadMemory takes an int size; a larger file must be refused, not truncated by the cast.
  if (contents.size() > static_cast<size_t>(INT32_MAX)) {
    return Status::Limit(options.path + ": too large for the XML parser");
  }
  // No XML_PARSE_HUGE (it turns off libxml2's guards against entity amplification, the
  // "billion laughs"), no XML_PARSE_NOENT (entities stay references, not substituted text), no
  // DTD loading, no network. A document that declares entities is refused below: reading the
  // text of a node (xmlNodeGetContent) would expand them.
  xmlDocPtr xml =
      xmlReadMemory(contents.data(), static_cast<int>(contents.size()), options.path.c_str(),
                    nullptr, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (xml == nullptr) {
    const xmlError* error = xmlGetLastError();
    std::string where = options.path;
    std::string what = "not well-formed XML";
    if (error != nullptr) {
      where += ":" + std::to_string(error->line);
      if (error->message != nullptr) what = std::string(Trim(error->message));
    }
    return Status::Corruption(where + ": " + what + "; " + kFormatHint);
  }
  if ((xml->intSubset != nullptr && xml->intSubset->entities != nullptr) ||
      xml->extSubset != nullptr) {
    xmlFreeDoc(xml);
    return Status::Corruption(options.path +
                              ": declares XML entities in a DTD, which a sanctions list never "
                              "needs; refusing it (entity expansion attacks)");
  }
  const xmlNode* root = xmlDocGetRootElement(xml);
  if (root == nullptr || !Is(root, "CONSOLIDATED_LIST")) {
    std::string name = root == nullptr ? "none" : reinterpret_cast<const char*>(root->name);
    xmlFreeDoc(xml);
    return Status::Error(options.path + ": root element is " + name + "; " + kFormatHint);
  }
  Document document;
  document.list_id = "un-sc";
  document.name = "UN Security Council Consolidated List";
  document.publisher = "United Nations Security Council";
  document.format = "un-xml";
  document.source_path = options.path;
  document.files.push_back(options.path);
  // The list's version is the date the UN generated the file: two downloads of one day are one
  // version, which is what a reviewer cites.
  xmlChar* generated = xmlGetProp(root, reinterpret_cast<const xmlChar*>("dateGenerated"));
  if (generated != nullptr) {
    document.version = IsoDate(reinterpret_cast<const char*>(generated));
    xmlFree(generated);
  }
  size_t slash = options.path.find_last_of('/');
  std::string file = options.path.substr(slash == std::string::npos ? 0 : slash + 1);
  std::unordered_set<std::string> seen;
  for (const xmlNode* group = root->children; group != nullptr; group = group->next) {
    bool individuals = Is(group, "INDIVIDUALS");
    // Only the two known groups are read: a future group of the schema is ignored rather than read
    // as entries of an unknown kind.
    if (!individuals && !Is(group, "ENTITIES")) continue;
    for (const xmlNode* node = group->children; node != nullptr; node = node->next) {
      if (Is(node, individuals ? "INDIVIDUAL" : "ENTITY")) {
        ReadEntry(node, individuals, file, &document, &seen);
      }
    }
  }
  xmlFreeDoc(xml);
  documents->push_back(std::move(document));
  return Status::Ok();
}

}  // namespace corridor::lists
