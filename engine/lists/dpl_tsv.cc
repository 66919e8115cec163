// dpl-tsv: the BIS Denied Persons List, tab-separated with quoted fields and a header row
// (Name, Street_Address, City, State, Country, Postal_Code, Effective_Date, Expiration_Date,
// Standard_Order, Last_Update, Action, FR_Citation). Dates are US month-first (06/19/2003).
//
// The file carries no identifiers: an entry's id is the first 16 hex digits of the SHA-256 of
// its name and address, so the same person at the same address keeps the id across versions.
#include <ctime>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

#include "engine/base/csv.h"
#include "engine/base/strings.h"
#include "engine/lists/document.h"

namespace corridor::lists {

namespace {

constexpr const char* kFormatHint =
    "format dpl-tsv expects the BIS Denied Persons List, tab-separated with the header "
    "Name, Street_Address, City, State, Country, Postal_Code, Effective_Date, ...";

// "06/19/2003" (month first) -> "2003-06-19"; "2007-01-31" stays.
std::string UsDate(std::string_view text) {
  text = Trim(text);
  if (IsIsoDate(text)) return std::string(text);
  std::vector<std::string> parts = Split(text, '/');
  if (parts.size() != 3 || parts[2].size() != 4 || parts[0].empty() || parts[0].size() > 2 ||
      parts[1].empty() || parts[1].size() > 2) {
    return "";
  }
  std::string iso = parts[2] + "-" + (parts[0].size() == 1 ? "0" : "") + parts[0] + "-" +
                    (parts[1].size() == 1 ? "0" : "") + parts[1];
  return IsIsoDate(iso) ? iso : "";
}

}  // namespace

Status ParseDplTsv(const ImportOptions& options, std::vector<Document>* documents) {
  std::string contents;
  Status status = ReadFile(options.path, options.max_file_bytes, &contents);
  if (!status.ok()) return status;
  const bool ends_with_line_break = EndsWithLineBreak(contents);
  size_t slash = options.path.find_last_of('/');
  const std::string file = options.path.substr(slash == std::string::npos ? 0 : slash + 1);
  std::istringstream in(contents);
  CsvReader reader(&in, '\t');
  std::vector<std::string> header;
  if (!reader.Next(&header)) return Status::Error(options.path + ": empty file; " + kFormatHint);
  Columns column(header, /*lower_case=*/false, /*to_utf8=*/true);
  for (const char* required : {"Name", "Street_Address", "City", "Country", "Effective_Date"}) {
    if (!column.Has(required)) {
      return Status::Error(file + ":1: no column '" + required + "'; " + kFormatHint);
    }
  }

  Document document;
  document.list_id = "bis-dpl";
  document.name = "BIS Denied Persons List";
  document.publisher = "US Commerce BIS";
  document.format = "dpl-tsv";
  document.source_path = options.path;
  document.files.push_back(options.path);
  std::unordered_set<std::string> seen;
  // The version is the latest Last_Update, ignoring dates in the future: the 2023-11-30 file
  // has a row updated "3033-09-30".
  std::string last_update;
  char today[16];
  std::time_t now = std::time(nullptr);
  std::tm utc;
  gmtime_r(&now, &utc);
  std::strftime(today, sizeof(today), "%Y-%m-%d", &utc);
  std::vector<std::string> fields;
  std::string truncated;  // "file:line: why" while the last record read was cut short
  while (reader.Next(&fields)) {
    if (fields.size() == 1 && Trim(fields[0]).empty()) continue;
    std::string location = file + ":" + std::to_string(reader.line());
    std::string cut = CutRecord(reader, fields, header.size(), ends_with_line_break);
    truncated = cut.empty() ? "" : location + ": " + cut;  // what counts is the last record's
    if (std::string problem = RowProblem(reader, fields, header.size()); !problem.empty()) {
      document.rejects.push_back({location, std::move(problem)});
      continue;
    }
    Entry entry;
    entry.name = column.Cell(fields, "Name");
    if (entry.name.empty()) {
      document.rejects.push_back({location, "row without a name"});
      continue;
    }
    Address address;
    address.address = column.Cell(fields, "Street_Address");
    address.city = column.Cell(fields, "City");
    address.region = column.Cell(fields, "State");
    address.postal_code = column.Cell(fields, "Postal_Code");
    address.country_name = column.Cell(fields, "Country");
    address.country = CountryCode(address.country_name);
    entry.entry_id = Sha256Hex(entry.name + "\x1f" + address.address + "\x1f" + address.city +
                               "\x1f" + address.region + "\x1f" + address.country_name)
                         .substr(0, 16);
    if (!seen.insert(entry.entry_id).second) {
      document.rejects.push_back({location, "duplicate row (same name and address)"});
      continue;
    }
    entry.country = address.country;
    if (!address.address.empty() || !address.city.empty() || !address.country_name.empty()) {
      entry.addresses.push_back(std::move(address));
    }
    entry.listed_on = UsDate(column.Cell(fields, "Effective_Date"));
    auto attribute = [&entry](const char* key, std::string value) {
      if (!value.empty()) entry.attributes.push_back({key, std::move(value), "", ""});
    };
    std::string expiration = column.Cell(fields, "Expiration_Date");
    attribute("expiration_date", UsDate(expiration).empty() ? expiration : UsDate(expiration));
    attribute("standard_order", column.Cell(fields, "Standard_Order"));
    attribute("last_update", column.Cell(fields, "Last_Update"));
    attribute("action", column.Cell(fields, "Action"));
    attribute("federal_register_citation", column.Cell(fields, "FR_Citation"));
    std::string update = UsDate(column.Cell(fields, "Last_Update"));
    if (update > last_update && update <= today) last_update = update;
    document.entries.push_back(std::move(entry));
  }
  if (document.entries.empty() && document.rejects.empty()) {
    return Status::Error(file + ": no rows; " + kFormatHint);
  }
  document.version = last_update;
  document.truncated = truncated;
  if (std::string note = column.ConversionNote(file); !note.empty()) document.notes.push_back(note);
  documents->push_back(std::move(document));
  return Status::Ok();
}

}  // namespace corridor::lists
