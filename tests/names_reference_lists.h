// Reads the names of the real watch lists in the reference data folder (CORRIDOR_REFERENCE_DATA,
// see ../shared/data/README.md) straight from the published files, for the name-matching tests
// and evaluation programs. This is deliberately not the list importer (engine/load/...): it reads
// only what the matcher needs (names, aliases, kind, birth dates, IMO numbers).
#ifndef CORRIDOR_TESTS_NAMES_REFERENCE_LISTS_H_
#define CORRIDOR_TESTS_NAMES_REFERENCE_LISTS_H_

#include <cstdlib>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "engine/base/csv.h"
#include "engine/base/strings.h"
#include "engine/names/matcher.h"
#include "engine/names/published.h"
#include "tests/test_util.h"

namespace corridor::names::reference {

// The reference data folder, or "" when CORRIDOR_REFERENCE_DATA is unset (the test skips);
// set but not a folder fails the test (tests/test_util.h).
inline std::string DataFolder() {
  const char* folder = testing::ReferenceDataOrNull();
  return folder == nullptr ? "" : folder;
}

// OFAC legacy CSV cell: "-0- " is null.
inline std::string Cell(const std::vector<std::string>& fields, size_t i) {
  if (i >= fields.size()) return "";
  std::string value(Trim(fields[i]));
  return value == "-0-" ? "" : value;
}

// The first "DOB ..." of OFAC remarks as ISO 8601 ("DOB 17 Jul 1955" -> 1955-07-17).
inline std::string RemarksBirthDate(const std::string& remarks) {
  size_t at = remarks.find("DOB ");
  if (at == std::string::npos) return "";
  std::vector<std::string> words;
  for (const std::string& word : Split(remarks.substr(at + 4, 24), ' ')) {
    std::string w(Trim(word));
    while (!w.empty() && (w.back() == ';' || w.back() == '.' || w.back() == ',')) w.pop_back();
    if (!w.empty()) words.push_back(w);
  }
  static const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  auto month = [](const std::string& w) {
    for (int m = 0; m < 12; ++m) {
      if (w == kMonths[m]) return m + 1;
    }
    return 0;
  };
  auto year = [](const std::string& w) { return w.size() == 4 && IsIsoDate(w); };
  char buffer[16];
  if (words.size() >= 3 && words[0].size() <= 2 && month(words[1]) && year(words[2])) {
    std::snprintf(buffer, sizeof(buffer), "%s-%02d-%02d", words[2].c_str(), month(words[1]),
                  std::atoi(words[0].c_str()));
    return buffer;
  }
  if (words.size() >= 2 && month(words[0]) && year(words[1])) {
    std::snprintf(buffer, sizeof(buffer), "%s-%02d", words[1].c_str(), month(words[0]));
    return buffer;
  }
  if (!words.empty() && year(words[0])) return words[0];
  return "";
}

// Adds `record` under each name its published name field holds (names::SplitPublishedName, as
// the list parsers do): the first keeps `record.is_alias`, the others are aliases.
inline void AddPublished(NameRecord record, std::vector<NameRecord>* records) {
  std::vector<std::string> names = SplitPublishedName(record.name, record.kind != "person");
  for (size_t i = 0; i < names.size(); ++i) {
    if (names[i].empty()) continue;
    NameRecord copy = record;
    copy.name = names[i];
    copy.is_alias = record.is_alias || i > 0;
    records->push_back(std::move(copy));
  }
}

// Reads an OFAC legacy primary file (sdn.csv, cons_prim.csv) and its alias file.
inline void LoadOfacCsv(const std::string& prim_path, const std::string& alt_path,
                        const std::string& list_id, std::vector<NameRecord>* records) {
  std::map<std::string, size_t> primary;  // ent_num -> index in records
  std::ifstream prim(prim_path, std::ios::binary);
  if (!prim) throw std::runtime_error("reference data file " + prim_path + " is missing");
  CsvReader reader(&prim);
  std::vector<std::string> fields;
  while (reader.Next(&fields)) {
    if (fields.size() < 12 || !reader.error().empty()) continue;
    NameRecord record;
    record.list_id = list_id;
    record.entry_id = Cell(fields, 0);
    record.name = Cell(fields, 1);
    std::string type = Cell(fields, 2);
    record.kind = type == "individual" ? "person"
                  : type == "vessel"   ? "vessel"
                  : type == "aircraft" ? "aircraft"
                                       : "organization";
    record.programs = Cell(fields, 3);
    std::string remarks = Cell(fields, 11);
    std::string dob = RemarksBirthDate(remarks);
    if (!dob.empty()) record.birth_dates.push_back(dob);
    size_t imo = remarks.find("IMO ");
    if (imo != std::string::npos && remarks.size() >= imo + 11) {
      record.identifiers.push_back({"imo", remarks.substr(imo + 4, 7), ""});
    }
    if (record.entry_id.empty() || record.name.empty()) continue;
    primary[record.entry_id] = records->size();
    records->push_back(std::move(record));
  }
  std::ifstream alt(alt_path, std::ios::binary);
  if (!alt) throw std::runtime_error("reference data file " + alt_path + " is missing");
  CsvReader alt_reader(&alt);
  while (alt_reader.Next(&fields)) {
    if (fields.size() < 4 || !alt_reader.error().empty()) continue;
    auto found = primary.find(Cell(fields, 0));
    std::string name = Cell(fields, 3);
    if (found == primary.end() || name.empty()) continue;
    NameRecord alias = (*records)[found->second];
    alias.name = name;
    alias.is_alias = true;
    records->push_back(std::move(alias));
  }
}

inline std::string XmlText(const std::string& block, const std::string& tag, size_t* from) {
  std::string open = "<" + tag + ">", close = "</" + tag + ">";
  size_t begin = block.find(open, *from);
  if (begin == std::string::npos) return "";
  begin += open.size();
  size_t end = block.find(close, begin);
  if (end == std::string::npos) return "";
  *from = end + close.size();
  std::string raw = block.substr(begin, end - begin), out;
  for (size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] != '&') {
      out += raw[i];
      continue;
    }
    static const std::pair<const char*, char> kEntities[] = {
        {"&amp;", '&'}, {"&apos;", '\''}, {"&quot;", '"'}, {"&lt;", '<'}, {"&gt;", '>'}};
    bool replaced = false;
    for (const auto& [entity, c] : kEntities) {
      if (raw.compare(i, std::string(entity).size(), entity) == 0) {
        out += c;
        i += std::string(entity).size() - 1;
        replaced = true;
        break;
      }
    }
    if (!replaced) out += '&';
  }
  return std::string(Trim(out));
}

inline std::string XmlFirst(const std::string& block, const std::string& tag) {
  size_t from = 0;
  return XmlText(block, tag, &from);
}

// Reads the UN Security Council consolidated list XML: individuals and entities, with their
// aliases and names in the original script.
inline void LoadUnXml(const std::string& path, std::vector<NameRecord>* records) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("reference data file " + path + " is missing");
  std::string xml((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  for (const char* kind : {"INDIVIDUAL", "ENTITY"}) {
    std::string open = std::string("<") + kind + ">", close = std::string("</") + kind + ">";
    for (size_t at = xml.find(open); at != std::string::npos; at = xml.find(open, at)) {
      size_t end = xml.find(close, at);
      if (end == std::string::npos) break;
      std::string block = xml.substr(at, end - at);
      at = end;
      NameRecord record;
      record.list_id = "un_sc";
      record.entry_id = XmlFirst(block, "DATAID");
      record.kind = std::string(kind) == "INDIVIDUAL" ? "person" : "organization";
      record.programs = XmlFirst(block, "UN_LIST_TYPE");
      std::string name;
      for (const char* part : {"FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME"}) {
        std::string value = XmlFirst(block, part);
        if (!value.empty()) name += (name.empty() ? "" : " ") + value;
      }
      record.name = name;
      size_t dob_begin = block.find("<INDIVIDUAL_DATE_OF_BIRTH>");
      if (dob_begin != std::string::npos) {
        std::string dob_block = block.substr(
            dob_begin, block.find("</INDIVIDUAL_DATE_OF_BIRTH>", dob_begin) - dob_begin);
        std::string date = XmlFirst(dob_block, "DATE");
        if (date.empty()) date = XmlFirst(dob_block, "YEAR");
        if (date.size() >= 4) record.birth_dates.push_back(date.substr(0, 10));
      }
      if (record.name.empty() || record.entry_id.empty()) continue;
      std::vector<std::string> aliases;
      std::string original = XmlFirst(block, "NAME_ORIGINAL_SCRIPT");
      if (!original.empty()) aliases.push_back(original);
      for (size_t from = 0;;) {
        size_t before = from;
        std::string alias = XmlText(block, "ALIAS_NAME", &from);
        if (from == before) break;
        if (!alias.empty()) aliases.push_back(alias);
      }
      AddPublished(record, records);
      for (const std::string& alias : aliases) {
        NameRecord copy = record;
        copy.name = alias;
        copy.is_alias = true;
        AddPublished(std::move(copy), records);
      }
    }
  }
}

// Reads the partial Consolidated Screening List export, leaving out its SDN rows (the SDN file
// is read on its own).
inline void LoadCslCsv(const std::string& path, std::vector<NameRecord>* records) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("reference data file " + path + " is missing");
  CsvReader reader(&in);
  std::vector<std::string> fields;
  while (reader.Next(&fields)) {
    if (fields.size() < 29 || !reader.error().empty() || fields[0] == "_id") continue;
    if (fields[1].find("Specially Designated Nationals") != std::string::npos) continue;
    NameRecord record;
    record.list_id = "us_csl";
    record.entry_id = fields[0];
    record.name = std::string(Trim(fields[5]));
    std::string type = fields[3];
    record.kind = type == "Individual" ? "person" : type == "Vessel" ? "vessel" : "organization";
    record.programs = fields[4];
    if (record.name.empty()) continue;
    AddPublished(record, records);
    for (const std::string& alias : Split(fields[22], ';')) {
      std::string name(Trim(alias));
      if (name.empty()) continue;
      NameRecord copy = record;
      copy.name = name;
      copy.is_alias = true;
      AddPublished(std::move(copy), records);
    }
  }
}

// All lists: the SDN (2024-05), the non-SDN consolidated list, the UN list and the CSL's
// non-SDN rows. Empty when the folder is "".
inline std::vector<NameRecord> LoadAllLists(const std::string& folder) {
  std::vector<NameRecord> records;
  if (folder.empty()) return records;
  std::string lists = folder + "/lists/";
  LoadOfacCsv(lists + "ofac_sdn/sdn.csv", lists + "ofac_sdn/alt.csv", "ofac_sdn", &records);
  LoadOfacCsv(lists + "ofac_non_sdn/cons_prim.csv", lists + "ofac_non_sdn/cons_alt.csv",
              "ofac_non_sdn", &records);
  LoadUnXml(lists + "un_sc/UN_consolidated.xml", &records);
  LoadCslCsv(lists + "us_csl/csl_partial_2023-11-30.csv", &records);
  return records;
}

}  // namespace corridor::names::reference

#endif  // CORRIDOR_TESTS_NAMES_REFERENCE_LISTS_H_
