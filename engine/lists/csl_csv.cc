// csl-csv: the US Consolidated Screening List CSV export (trade.gov), 29 named columns, cells
// holding lists joined with "; ". Each source (SDN, Entity List, DPL, ...) becomes its own list,
// `csl-<code>` where code is the source's abbreviation in parentheses, lower case: "Entity List
// (EL) - Bureau of Industry and Security" -> csl-el.
#include <sstream>
#include <unordered_map>
#include <unordered_set>

#include "engine/base/csv.h"
#include "engine/base/strings.h"
#include "engine/lists/document.h"

namespace corridor::lists {

namespace {

constexpr const char* kFormatHint =
    "format csl-csv expects the US Consolidated Screening List CSV (header _id,source,"
    "entity_number,type,programs,name,...,ids)";

std::vector<std::string> SplitList(std::string_view cell) {
  std::vector<std::string> items;
  size_t start = 0;
  while (start <= cell.size()) {
    // Items are separated by "; " (with the space), the export's own separator; a ';' without a
    // space stays inside its item.
    size_t at = cell.find("; ", start);
    std::string_view item = Trim(
        cell.substr(start, at == std::string_view::npos ? std::string_view::npos : at - start));
    if (!item.empty()) items.emplace_back(item);
    if (at == std::string_view::npos) break;
    start = at + 2;
  }
  return items;
}

// "Entity List (EL) - Bureau of Industry and Security" -> "el"; without parentheses, the words'
// initials.
std::string SourceCode(std::string_view source) {
  size_t dash = source.find(" - ");
  std::string_view title = source.substr(0, dash);
  size_t close = title.rfind(')');
  size_t open = close == std::string_view::npos ? close : title.rfind('(', close);
  std::string code;
  if (open != std::string_view::npos) {
    for (char c : title.substr(open + 1, close - open - 1)) {
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        code += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
      } else if (c == '-' || c == ' ') {
        code += '-';
      }
    }
    // "NS-MBS List" -> "ns-mbs": drop a trailing "-list".
    if (code.size() > 5 && code.substr(code.size() - 5) == "-list") code.resize(code.size() - 5);
  }
  if (code.empty()) {
    // A source with no abbreviation gets its words' initials so that it still has a stable list id;
    // a new source thus shows up as its own list rather than being merged into another.
    for (const std::string& word : Split(title, ' ')) {
      if (!word.empty() && word[0] >= 'A' && word[0] <= 'Z')
        code += static_cast<char>(word[0] - 'A' + 'a');
    }
  }
  return code.empty() ? "unknown" : code;
}

std::string SnakeCase(std::string_view text) {
  std::string out;
  for (char c : text) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      out += c;
    } else if (c >= 'A' && c <= 'Z') {
      out += static_cast<char>(c - 'A' + 'a');
    } else if (!out.empty() && out.back() != '_') {
      out += '_';
    }
  }
  while (!out.empty() && out.back() == '_') out.pop_back();
  return out;
}

// One "ids" item, "Passport, A123, CN" or "Website, www.x.com": parsed as the OFAC remark it was
// made from ("Passport A123 (CN)"); an unknown type is kept as an attribute named for it.
void ReadIdItem(const std::string& item, Entry* entry) {
  // An ids item is "type, number, country"; rewritten as an OFAC Remarks clause it goes through the
  // OFAC label tables, so the CSL and OFAC lists type identifiers the same way.
  size_t comma = item.find(", ");
  if (comma == std::string::npos) return;
  std::string type(Trim(std::string_view(item).substr(0, comma)));
  std::string rest(Trim(std::string_view(item).substr(comma + 2)));
  std::string country;
  size_t last = rest.rfind(", ");
  // Only a trailing two-letter code is taken as the country (", CN"): a longer last part is part of
  // the value (a website, an address).
  if (last != std::string::npos && rest.size() - last == 4 &&
      !CountryCode(rest.substr(last + 2)).empty()) {
    country = rest.substr(last + 2);
    rest.resize(last);
  }
  std::string clause = type + " " + rest + (country.empty() ? "" : " (" + country + ")");
  size_t before = entry->attributes.size() + entry->identifiers.size() + entry->aliases.size() +
                  entry->links.size();
  std::string birth_date = entry->birth_date;
  // The remarks parser may set birth_date from a DOB item; only the dates_of_birth column sets it
  // here, so the value from before is restored.
  ParseOfacRemarks(clause, entry);
  entry->birth_date = birth_date;
  // Nothing was recognised when no collection grew: the item is kept as an attribute named after
  // its type, so no published data is lost.
  if (entry->attributes.size() + entry->identifiers.size() + entry->aliases.size() +
          entry->links.size() ==
      before) {
    entry->attributes.push_back({SnakeCase(type), rest, CountryCode(country), ""});
  }
}

std::string Kind(std::string_view type) {
  std::string lower = AsciiLower(Trim(type));
  if (lower == "individual") return "person";
  if (lower == "entity") return "organization";
  return lower;  // vessel, aircraft, or "" when the source does not say
}

// Reads the cells of one row after its _id and name into `entry`.
void ReadRowDetails(const Columns& column, const std::vector<std::string>& fields, Entry* entry) {
  entry->kind = Kind(column.Cell(fields, "type"));
  entry->programs = SplitList(column.Cell(fields, "programs"));
  // The CSL packs names into its name column ("X, and subordinate entity Y", "X (ACRONYM)",
  // "X, a.k.a. Y"); they are split below, once the aliases are read.
  entry->remarks = column.Cell(fields, "remarks");
  entry->listed_on = IsoDate(column.Cell(fields, "start_date"));
  for (const std::string& alias : SplitList(column.Cell(fields, "alt_names"))) {
    // The CSL does not carry alias quality; every alt_name counts as strong, as OFAC's own a.k.a.s.
    entry->aliases.push_back({alias, "strong"});
  }
  SplitPublishedNames(entry);
  for (const std::string& address_text : SplitList(column.Cell(fields, "addresses"))) {
    Address address;
    size_t comma = address_text.rfind(", ");
    std::string last = comma == std::string::npos ? address_text : address_text.substr(comma + 2);
    address.country = CountryCode(last);
    // A country is split off only when the last part is a code (two or three letters); a last part
    // that is a country's name stays in the address text, since it could be a place that shares the
    // name.
    if (!address.country.empty() && last.size() <= 3) {
      address.country_name = last;
      address.address = comma == std::string::npos ? "" : address_text.substr(0, comma);
    } else {
      address.address = address_text;
      address.country.clear();
    }
    entry->addresses.push_back(std::move(address));
  }
  auto attribute = [entry](const char* key, const std::string& value, bool country) {
    if (!value.empty())
      entry->attributes.push_back({key, value, country ? CountryCode(value) : "", ""});
  };
  for (const std::string& date : SplitList(column.Cell(fields, "dates_of_birth"))) {
    std::string iso = IsoDate(date);
    entry->attributes.push_back(
        {"birth_date", iso.empty() ? date : iso, "", iso.empty() ? "unparsed" : ""});
    if (entry->birth_date.empty() && !iso.empty()) entry->birth_date = iso;
  }
  for (const std::string& place : SplitList(column.Cell(fields, "places_of_birth"))) {
    size_t comma = place.rfind(", ");
    entry->attributes.push_back(
        {"birth_place", place,
         CountryCode(comma == std::string::npos ? place : place.substr(comma + 2)), ""});
  }
  for (const std::string& value : SplitList(column.Cell(fields, "nationalities")))
    attribute("nationality", value, true);
  for (const std::string& value : SplitList(column.Cell(fields, "citizenships")))
    attribute("citizenship", value, true);
  attribute("title", column.Cell(fields, "title"), false);
  attribute("federal_register_notice", column.Cell(fields, "federal_register_notice"), false);
  attribute("end_date", column.Cell(fields, "end_date"), false);
  attribute("standard_order", column.Cell(fields, "standard_order"), false);
  attribute("license_requirement", column.Cell(fields, "license_requirement"), false);
  attribute("license_policy", column.Cell(fields, "license_policy"), false);
  attribute("vessel_type", column.Cell(fields, "vessel_type"), false);
  attribute("vessel_flag", column.Cell(fields, "vessel_flag"), true);
  attribute("vessel_owner", column.Cell(fields, "vessel_owner"), false);
  attribute("source_information_url", column.Cell(fields, "source_information_url"), false);
  std::string call_sign = column.Cell(fields, "call_sign");
  if (!call_sign.empty()) entry->identifiers.push_back({"call_sign", call_sign, "", ""});
  for (const std::string& item : SplitList(column.Cell(fields, "ids"))) ReadIdItem(item, entry);
  // Same preference as the OFAC importer (docs/lists.md "Common conventions"), except that the CSL
  // gives no registration-number country to fall back on.
  for (const char* key : {"nationality", "citizenship", "vessel_flag"}) {
    for (const Attribute& item : entry->attributes) {
      if (entry->country.empty() && item.key == key) entry->country = item.country;
    }
  }
  for (const Address& address : entry->addresses) {
    if (entry->country.empty()) entry->country = address.country;
  }
}

}  // namespace

Status ParseCslCsv(const ImportOptions& options, std::vector<Document>* documents) {
  std::string contents;
  Status status = ReadFile(options.path, options.max_file_bytes, &contents);
  if (!status.ok()) return status;
  const bool ends_with_line_break = EndsWithLineBreak(contents);
  size_t slash = options.path.find_last_of('/');
  const std::string file = options.path.substr(slash == std::string::npos ? 0 : slash + 1);
  std::istringstream in(contents);
  CsvReader reader(&in);
  std::vector<std::string> header;
  if (!reader.Next(&header)) return Status::Error(options.path + ": empty file; " + kFormatHint);
  // A UTF-8 byte order mark (spreadsheet exports write one) would otherwise be part of the first
  // column's name and hide the _id column.
  if (!header.empty() && StartsWith(header[0], "\xEF\xBB\xBF")) header[0].erase(0, 3);
  Columns column(header, /*lower_case=*/false, /*to_utf8=*/true);
  for (const char* required : {"_id", "source", "name"}) {
    if (!column.Has(required)) {
      return Status::Error(file + ":1: no column '" + required + "'; " + kFormatHint);
    }
  }

  const std::string prefix = options.list_id.empty() ? "csl" : options.list_id;
  // Sources are grouped by list id, not by their text: two spellings of one source (or a row
  // whose source cell is cut short) must not yield two documents with the same id.
  std::unordered_map<std::string, size_t> by_list;  // list id -> documents index
  std::vector<Document> found;
  std::vector<ListReject> orphan_rejects;  // rows whose source could not be read
  std::unordered_set<std::string> seen;
  auto document_for = [&](const std::string& source) -> Document* {
    std::string list_id = prefix + "-" + SourceCode(source);
    auto it = by_list.find(list_id);
    if (it != by_list.end()) return &found[it->second];
    Document document;
    document.list_id = list_id;
    document.name = source;
    size_t dash = source.find(" - ");
    document.publisher = dash == std::string::npos ? "" : "US " + source.substr(dash + 3);
    document.format = "csl-csv";
    document.source_path = options.path;
    document.files.push_back(options.path);
    by_list.emplace(list_id, found.size());
    found.push_back(std::move(document));
    return &found.back();
  };

  std::vector<std::string> fields;
  std::string truncated;  // "file:line: why" while the last record read was cut short
  while (reader.Next(&fields)) {
    if (fields.size() == 1 && Trim(fields[0]).empty()) continue;
    std::string location = file + ":" + std::to_string(reader.line());
    std::string cut = CutRecord(reader, fields, header.size(), ends_with_line_break);
    truncated = cut.empty() ? "" : location + ": " + cut;  // what counts is the last record's
    std::string source = column.Cell(fields, "source");
    auto reject = [&](std::string reason) {
      // A row without a readable source belongs to no list; its rejects are attached to the first
      // document below so that they are still recorded.
      if (source.empty() || source == "source") {
        orphan_rejects.push_back({location, std::move(reason)});
      } else {
        document_for(source)->rejects.push_back({location, std::move(reason)});
      }
    };
    if (fields == header) {
      reject("repeated header row");
      continue;
    }
    if (std::string problem = RowProblem(reader, fields, header.size()); !problem.empty()) {
      reject(std::move(problem));
      continue;
    }
    Entry entry;
    entry.entry_id = column.Cell(fields, "_id");
    entry.name = column.Cell(fields, "name");
    if (source.empty() || entry.entry_id.empty() || entry.name.empty()) {
      reject("row without _id, source or name");
      continue;
    }
    Document* document = document_for(source);
    // Duplicates are checked per list: the same _id under two sources makes two entries, one in
    // each list.
    if (!seen.insert(document->list_id + "\x1f" + entry.entry_id).second) {
      reject("duplicate _id " + entry.entry_id);
      continue;
    }
    ReadRowDetails(column, fields, &entry);
    document->entries.push_back(std::move(entry));
  }
  if (found.empty()) {
    return Status::Error(file + ": no rows of any source; " + kFormatHint);
  }
  for (ListReject& reject : orphan_rejects) found[0].rejects.push_back(std::move(reject));
  const std::string note = column.ConversionNote(file);
  for (Document& document : found) {
    // Every document of the file is marked: a cut-off file may have lost rows of any source.
    document.truncated = truncated;  // the file is all theirs
    if (!note.empty()) document.notes.push_back(note);
  }
  for (Document& document : found) documents->push_back(std::move(document));
  return Status::Ok();
}

}  // namespace corridor::lists
