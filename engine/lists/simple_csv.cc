// csv: a simple CSV for a company's own lists (an internal block list, the UFLPA Entity List
// typed in, a good-guy list). RFC 4180, UTF-8, a header row naming the columns in any order:
//
//   id           optional; the entry's stable id (default: the first 16 hex digits of the
//                SHA-256 of kind, name and country)
//   name         required
//   kind         person, company, organization, vessel or aircraft; empty when unknown
//   country      ISO 3166-1 alpha-2 ("CN") or a country name ("China")
//   programs     programs or reasons, joined by "; "
//   aliases      other names, joined by "; "
//   birth_date   ISO 8601, partial allowed ("1955", "1958-01")
//   identifiers  "type:number" or "type:number:country", joined by "; " (passport:E123:CN)
//   remarks      free text
//   listed_on    ISO 8601 date the entry was added
//
// Rows with an unknown kind, country, date or a malformed identifier are rejected whole, with
// the reason; the list id defaults to "company" (use --list-id).
#include <algorithm>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

#include "engine/base/csv.h"
#include "engine/base/strings.h"
#include "engine/lists/document.h"

namespace corridor::lists {

namespace {

constexpr const char* kFormatHint =
    "format csv expects a header naming at least 'name' (and any of id, kind, country, programs, "
    "aliases, birth_date, identifiers, remarks, listed_on; see docs/lists.md)";

std::vector<std::string> SplitList(std::string_view cell) {
  std::vector<std::string> items;
  for (const std::string& item : Split(cell, ';')) {
    std::string_view trimmed = Trim(item);
    if (!trimmed.empty()) items.emplace_back(trimmed);
  }
  return items;
}

// Reads one well-formed row into `entry`; returns why the row is rejected, or "".
std::string ReadRow(const Columns& column, const std::vector<std::string>& fields, Entry* entry) {
  entry->name = column.Cell(fields, "name");
  if (entry->name.empty()) {
    return "empty name";
  }
  entry->kind = AsciiLower(column.Cell(fields, "kind"));
  static const std::unordered_set<std::string> kKinds = {
      "", "person", "company", "organization", "vessel", "aircraft"};
  if (!kKinds.count(entry->kind)) {
    return "unknown kind '" + entry->kind +
           "' (expected person, company, organization, vessel or aircraft)";
  }
  std::string country = column.Cell(fields, "country");
  entry->country = CountryCode(country);
  if (!country.empty() && entry->country.empty()) {
    return "unknown country '" + country + "'";
  }
  entry->birth_date = column.Cell(fields, "birth_date");
  if (!entry->birth_date.empty() && !IsIsoDate(entry->birth_date)) {
    return "birth_date '" + entry->birth_date + "' is not an ISO 8601 date";
  }
  if (!entry->birth_date.empty()) {
    entry->attributes.push_back({"birth_date", entry->birth_date, "", ""});
  }
  entry->listed_on = column.Cell(fields, "listed_on");
  if (!entry->listed_on.empty() && !IsIsoDate(entry->listed_on)) {
    return "listed_on '" + entry->listed_on + "' is not an ISO 8601 date";
  }
  for (const std::string& item : SplitList(column.Cell(fields, "identifiers"))) {
    std::vector<std::string> parts = Split(item, ':');
    Identifier identifier;
    if (parts.size() >= 2 && parts.size() <= 3) {
      identifier.id_type = AsciiLower(Trim(parts[0]));
      identifier.number = std::string(Trim(parts[1]));
      if (parts.size() == 3) identifier.country = CountryCode(parts[2]);
    }
    if (identifier.id_type.empty() || identifier.number.empty() ||
        (parts.size() == 3 && identifier.country.empty())) {
      return "identifier '" + item + "' is not type:number or type:number:country";
    }
    entry->identifiers.push_back(std::move(identifier));
  }
  entry->programs = SplitList(column.Cell(fields, "programs"));
  for (const std::string& alias : SplitList(column.Cell(fields, "aliases"))) {
    entry->aliases.push_back({alias, "strong"});
  }
  entry->remarks = column.Cell(fields, "remarks");
  entry->entry_id = column.Cell(fields, "id");
  if (entry->entry_id.empty()) {
    entry->entry_id =
        Sha256Hex(entry->kind + "\x1f" + entry->name + "\x1f" + entry->country).substr(0, 16);
  }
  return "";
}

}  // namespace

Status ParseSimpleCsv(const ImportOptions& options, std::vector<Document>* documents) {
  std::string contents;
  Status status = ReadFile(options.path, options.max_file_bytes, &contents);
  if (!status.ok()) return status;
  const bool ends_with_line_break = EndsWithLineBreak(contents);
  if (StartsWith(contents, "\xEF\xBB\xBF")) contents.erase(0, 3);
  size_t slash = options.path.find_last_of('/');
  const std::string file = options.path.substr(slash == std::string::npos ? 0 : slash + 1);
  std::string encoding_note;
  size_t bad_offset = 0;
  if (!IsValidUtf8(contents, &bad_offset)) {
    // Spreadsheets save "CSV" in the machine's code page: read the whole file as Windows-1252
    // (not cell by cell, so one file is never half one encoding and half another).
    int64_t line = 1 + std::count(contents.begin(), contents.begin() + bad_offset, '\n');
    encoding_note = file + ":" + std::to_string(line) +
                    ": not valid UTF-8; the file was read as Windows-1252 (Latin-1)";
    contents = Windows1252ToUtf8(contents);
  }
  std::istringstream in(contents);
  CsvReader reader(&in);
  std::vector<std::string> header;
  if (!reader.Next(&header)) return Status::Error(options.path + ": empty file; " + kFormatHint);
  static const std::unordered_set<std::string> kColumns = {
      "id",      "name",       "kind",        "country", "programs",
      "aliases", "birth_date", "identifiers", "remarks", "listed_on"};
  for (const std::string& cell : header) {
    if (!kColumns.count(AsciiLower(Trim(cell)))) {
      return Status::Error(file + ":1: unknown column '" + std::string(Trim(cell)) + "'; " +
                           kFormatHint);
    }
  }
  Columns column(header, /*lower_case=*/true, /*to_utf8=*/false);
  if (!column.Has("name")) return Status::Error(file + ":1: no column 'name'; " + kFormatHint);

  Document document;
  document.list_id = "company";
  document.name = "Company list (" + file + ")";
  document.format = "csv";
  document.source_path = options.path;
  document.files.push_back(options.path);
  if (!encoding_note.empty()) document.notes.push_back(encoding_note);
  std::unordered_set<std::string> seen;
  std::vector<std::string> fields;
  while (reader.Next(&fields)) {
    if (fields.size() == 1 && Trim(fields[0]).empty()) continue;
    std::string location = file + ":" + std::to_string(reader.line());
    std::string cut = CutRecord(reader, fields, header.size(), ends_with_line_break);
    document.truncated = cut.empty() ? "" : location + ": " + cut;  // kept for the last record
    auto reject = [&](std::string reason) { document.rejects.push_back({location, reason}); };
    if (std::string problem = RowProblem(reader, fields, header.size()); !problem.empty()) {
      reject(std::move(problem));
      continue;
    }
    Entry entry;
    if (std::string problem = ReadRow(column, fields, &entry); !problem.empty()) {
      reject(std::move(problem));
      continue;
    }
    if (!seen.insert(entry.entry_id).second) {
      reject("duplicate id " + entry.entry_id);
      continue;
    }
    document.entries.push_back(std::move(entry));
  }
  documents->push_back(std::move(document));
  return Status::Ok();
}

}  // namespace corridor::lists
