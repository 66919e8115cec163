// uk-csv: the UK HM Treasury (OFSI) consolidated list CSV, ConList.csv. One row per name of a
// group: rows sharing a "Group ID" are one entry, the "Prime Alias" row gives its name and the
// "AKA" rows its aliases; each row may add a date of birth, nationality or address.
//
// Quirks handled: an optional "Last Updated,DD/MM/YYYY" line before the header (its date becomes
// the version); a header with one spurious leading empty column (the 2020 fragment); dates as
// DD/MM/YYYY with 00 for an unknown day or month; Windows-1252 text.
#include <algorithm>
#include <set>
#include <sstream>
#include <unordered_map>

#include "engine/base/csv.h"
#include "engine/base/strings.h"
#include "engine/lists/document.h"

namespace corridor::lists {

namespace {

constexpr const char* kFormatHint =
    "format uk-csv expects the UK consolidated list CSV (ConList.csv: Name 6, Name 1, ..., "
    "Group Type, Alias Type, Regime, Listed On, Last Updated, Group ID)";

// "03/05/1971" -> "1971-05-03"; "00/00/1980" -> "1980"; "00/05/1980" -> "1980-05".
std::string UkDate(std::string_view text) {
  std::vector<std::string> parts = Split(Trim(text), '/');
  // 00 stands for an unknown day or month: the date keeps only the known precision, which the
  // matcher compares at that precision (docs/matching.md "Corroboration").
  if (parts.size() != 3 || parts[2].size() != 4) return IsoDate(text);
  // Appended piece by piece: g++ 12 -O2 reports a false -Werror=restrict on
  // `"-" + std::string(...)` temporaries.
  auto append_part = [](std::string* iso, const std::string& part) {
    iso->push_back('-');
    if (part.size() == 1) iso->push_back('0');
    iso->append(part);
  };
  std::string iso = parts[2];
  if (parts[1] != "00" && parts[1] != "0") {
    append_part(&iso, parts[1]);
    // A day is kept only under a known month: "03/00/1980" cannot be a date and becomes "1980".
    if (parts[0] != "00" && parts[0] != "0") append_part(&iso, parts[0]);
  }
  return IsIsoDate(iso) ? iso : "";
}

// "1) Saudi Arabia 2) Qatar" and "(1) German (2) Moroccan" -> {"Saudi Arabia", "Qatar"} and
// {"German", "Moroccan"}; "(a) ... (b) ..." too.
std::vector<std::string> Numbered(std::string_view text) {
  std::vector<std::string> items;
  std::string current;
  auto is_mark = [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'h'); };
  for (size_t i = 0; i < text.size(); ++i) {
    const bool at_word = i == 0 || text[i - 1] == ' ';
    // A marker is one digit and ')' at the start or after a space, so "(1990)" or a passport number
    // ending in a digit before ')' is not cut; or one digit or letter a-h in brackets there, as
    // OFSI numbers most cells ("(1) ... (2) ...": since 2026-12-07, from a review, before which
    // such a cell was one value, its second passport number and nationality lost).
    size_t length = 0;
    if (at_word && text[i] >= '0' && text[i] <= '9' && i + 1 < text.size() && text[i + 1] == ')') {
      length = 2;
    } else if (at_word && text[i] == '(' && i + 2 < text.size() && is_mark(text[i + 1]) &&
               text[i + 2] == ')' && (i + 3 == text.size() || text[i + 3] == ' ')) {
      length = 3;
    }
    if (length > 0) {
      if (!Trim(current).empty()) items.emplace_back(Trim(current));
      current.clear();
      i += length - 1;
      continue;
    }
    current += text[i];
  }
  if (!Trim(current).empty()) items.emplace_back(Trim(current));
  return items;
}

// "Afghanistan (since 2009)" -> "AF".
std::string LooseCountry(std::string_view text) {
  std::string code = CountryCode(text);
  if (!code.empty()) return code;
  size_t open = text.find(" (");
  return open == std::string_view::npos ? "" : CountryCode(text.substr(0, open));
}

std::string Kind(std::string_view group_type) {
  std::string lower = AsciiLower(Trim(group_type));
  if (lower == "individual") return "person";
  if (lower == "entity") return "organization";
  if (lower == "ship") return "vessel";
  return lower;
}

// Adds what one row says about its entry (rows of one Group ID repeat and complete each other):
// each value once, `seen` holding the "key\x1fvalue" pairs already added.
void AddRowDetails(const Columns& column, const std::vector<std::string>& fields,
                   std::set<std::string>* seen, Entry* entry) {
  auto once = [seen](const std::string& key, const std::string& value) {
    return !value.empty() && seen->insert(key + "\x1f" + value).second;
  };
  // The first row's value wins for single-valued fields; multi-valued ones (regimes, dates of
  // birth, nationalities, addresses) collect every distinct value over the group's rows.
  if (entry->kind.empty()) entry->kind = Kind(column.Cell(fields, "Group Type"));
  std::string regime = column.Cell(fields, "Regime");
  if (once("regime", regime)) entry->programs.push_back(regime);
  if (entry->listed_on.empty()) entry->listed_on = UkDate(column.Cell(fields, "Listed On"));
  std::string other = column.Cell(fields, "Other Information");
  if (once("remarks", other)) entry->remarks += (entry->remarks.empty() ? "" : " ") + other;
  std::string dob = column.Cell(fields, "DOB");
  if (once("dob", dob)) {
    std::string iso = UkDate(dob);
    entry->attributes.push_back(
        {"birth_date", iso.empty() ? dob : iso, "", iso.empty() ? "unparsed" : ""});
    if (entry->birth_date.empty() && !iso.empty()) entry->birth_date = iso;
  }
  std::string town = column.Cell(fields, "Town of Birth"),
              birth_country = column.Cell(fields, "Country of Birth");
  std::string place =
      Join(town.empty() || birth_country.empty() ? std::vector<std::string>{town + birth_country}
                                                 : std::vector<std::string>{town, birth_country},
           ", ");
  if (once("birth_place", place)) {
    entry->attributes.push_back({"birth_place", place, LooseCountry(birth_country), ""});
  }
  for (const std::string& nationality : Numbered(column.Cell(fields, "Nationality"))) {
    if (once("nationality", nationality)) {
      entry->attributes.push_back({"nationality", nationality, LooseCountry(nationality), ""});
    }
  }
  for (const char* key : {"Title", "Position"}) {
    for (const std::string& value : Numbered(column.Cell(fields, key))) {
      if (once(key, value)) entry->attributes.push_back({AsciiLower(key), value, "", ""});
    }
  }
  for (auto [column_name, id_type] :
       {std::pair{"Passport Details", "passport"}, std::pair{"NI Number", "national_id"}}) {
    for (const std::string& details : Numbered(column.Cell(fields, column_name))) {
      if (!once(id_type, details)) continue;
      // The number is the first word with a digit ("Passport No: 592667 (Qatari passport
      // issued on 3 May 2007)." -> 592667); the whole text is the note.
      std::string number;
      for (std::string word : Split(details, ' ')) {
        while (!word.empty() && (word.back() == '.' || word.back() == ',' || word.back() == ')'))
          word.pop_back();
        // At least four characters with a digit, so list markers and short labels ("1)", "No.")
        // are skipped.
        if (word.find_first_of("0123456789") != std::string::npos && word.size() >= 4) {
          number = word;
          break;
        }
      }
      if (!number.empty()) entry->identifiers.push_back({id_type, number, "", details});
    }
  }
  Address address;
  std::vector<std::string> lines;
  for (const char* key :
       {"Address 1", "Address 2", "Address 3", "Address 4", "Address 5", "Address 6"}) {
    std::string value = column.Cell(fields, key);
    if (!value.empty()) lines.push_back(value);
  }
  address.address = Join(lines, ", ");
  address.postal_code = column.Cell(fields, "Post/Zip Code");
  address.country_name = column.Cell(fields, "Country");
  address.country = LooseCountry(address.country_name);
  if (once("address", address.address + "|" + address.postal_code + "|" + address.country_name) &&
      !(address.address.empty() && address.postal_code.empty() && address.country_name.empty())) {
    entry->addresses.push_back(std::move(address));
  }
}

}  // namespace

Status ParseUkCsv(const ImportOptions& options, std::vector<Document>* documents) {
  std::string contents;
  Status status = ReadFile(options.path, options.max_file_bytes, &contents);
  if (!status.ok()) return status;
  const bool ends_with_line_break = EndsWithLineBreak(contents);
  size_t slash = options.path.find_last_of('/');
  const std::string file = options.path.substr(slash == std::string::npos ? 0 : slash + 1);
  size_t bad_offset = 0;
  std::string encoding_note;
  // The whole file is converted when any byte is not UTF-8: OFSI's older exports are Windows-1252
  // throughout, and a Windows-1252 cell can happen to be valid UTF-8, so deciding per cell could
  // misread some names. The note gives the first line that was not UTF-8.
  if (!IsValidUtf8(contents, &bad_offset)) {
    int64_t line = 1 + std::count(contents.begin(), contents.begin() + bad_offset, '\n');
    encoding_note = file + ":" + std::to_string(line) +
                    ": not valid UTF-8; the file was read as Windows-1252 (Latin-1)";
    contents = Windows1252ToUtf8(contents);
  }
  std::istringstream in(contents);
  CsvReader reader(&in);
  std::vector<std::string> header;
  Document document;
  document.list_id = "uk-hmt";
  document.name = "UK Consolidated List of Financial Sanctions Targets";
  document.publisher = "UK HM Treasury OFSI";
  document.format = "uk-csv";
  document.source_path = options.path;
  document.files.push_back(options.path);
  if (!reader.Next(&header)) return Status::Error(options.path + ": empty file; " + kFormatHint);
  if (!header.empty() && Trim(header[0]) == "Last Updated") {
    if (header.size() > 1) document.version = UkDate(header[1]);
    if (!reader.Next(&header)) return Status::Error(options.path + ": no header; " + kFormatHint);
  }
  // Without the "Last Updated" line the version is the latest row update.
  const bool dated_file = !document.version.empty();
  // Only the header has the spurious empty column (the data rows of that fragment do not), so
  // dropping it lines the column names up with the fields.
  bool shifted = !header.empty() && Trim(header[0]).empty();
  if (shifted) header.erase(header.begin());
  Columns column(header, /*lower_case=*/false, /*to_utf8=*/false);  // the file is UTF-8 already
  for (const char* required : {"Name 6", "Name 1", "Group Type", "Group ID"}) {
    if (!column.Has(required)) {
      return Status::Error(file + ":" + std::to_string(reader.line()) + ": no column '" + required +
                           "'; " + kFormatHint);
    }
  }

  std::unordered_map<std::string, size_t> by_group;
  std::vector<std::set<std::string>> seen_values;  // per entry: "key\x1fvalue" already added
  std::vector<bool> has_prime;
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
    std::string group = column.Cell(fields, "Group ID");
    std::vector<std::string> name_parts;
    for (const char* part : {"Name 1", "Name 2", "Name 3", "Name 4", "Name 5", "Name 6"}) {
      std::string value = column.Cell(fields, part);
      if (!value.empty()) name_parts.push_back(value);
    }
    std::string name = Join(name_parts, " ");
    if (group.empty() || name.empty()) {
      document.rejects.push_back({location, "row without Group ID or name"});
      continue;
    }
    auto [it, inserted] = by_group.emplace(group, document.entries.size());
    if (inserted) {
      Entry entry;
      entry.entry_id = group;
      entry.name = name;
      document.entries.push_back(std::move(entry));
      seen_values.emplace_back();
      has_prime.push_back(false);
    }
    size_t index = it->second;
    Entry& entry = document.entries[index];
    std::set<std::string>& seen = seen_values[index];
    bool prime = AsciiLower(column.Cell(fields, "Alias Type")) == "prime alias";
    // The group's first row may be an AKA: the entry takes its name until the Prime Alias row
    // comes, whose name then becomes the primary and the earlier one an alias.
    if (prime && !has_prime[index]) {
      if (entry.name != name) entry.aliases.push_back({entry.name, "strong"});
      entry.name = name;
      has_prime[index] = true;
    } else if (name != entry.name && seen.insert("alias\x1f" + name).second) {
      entry.aliases.push_back({name, "strong"});
    }
    AddRowDetails(column, fields, &seen, &entry);
    std::string updated = UkDate(column.Cell(fields, "Last Updated"));
    if (!dated_file && updated > document.version) document.version = updated;
  }
  if (document.entries.empty() && document.rejects.empty()) {
    return Status::Error(file + ": no rows; " + kFormatHint);
  }
  for (Entry& entry : document.entries) {
    for (const Attribute& attribute : entry.attributes) {
      if (entry.country.empty() && attribute.key == "nationality")
        entry.country = attribute.country;
    }
    for (const Address& address : entry.addresses) {
      if (entry.country.empty()) entry.country = address.country;
    }
  }
  document.truncated = truncated;
  if (!encoding_note.empty()) document.notes.push_back(encoding_note);
  documents->push_back(std::move(document));
  return Status::Ok();
}

}  // namespace corridor::lists
