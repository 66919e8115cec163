// ofac-csv: OFAC's legacy CSV files (sdn.csv, add.csv, alt.csv, sdn_comments.csv, or the
// non-SDN cons_prim.csv, cons_add.csv, cons_alt.csv, cons_comments.csv) given as a folder.
//
// The files have no header, CRLF line ends (the comments file LF), a trailing Ctrl-Z, `-0- ` as
// the null marker and programs joined as `GLOMAG] [UHRPA`. Remarks continue in the comments
// file. Rows of the companion files whose ent_num is not in the main file are rejected.
#include <sys/stat.h>

#include <sstream>
#include <unordered_map>

#include "engine/base/csv.h"
#include "engine/base/strings.h"
#include "engine/lists/document.h"

namespace corridor::lists {

namespace {

constexpr const char* kFormatHint =
    "format ofac-csv expects OFAC's legacy CSV: a folder with sdn.csv (12 columns, no header: "
    "ent_num,SDN_Name,SDN_Type,Program,Title,Call_Sign,Vess_type,Tonnage,GRT,Vess_flag,"
    "Vess_owner,Remarks) and add.csv, alt.csv, sdn_comments.csv, or the same as cons_*.csv";

bool IsDirectory(const std::string& path) {
  struct stat info;
  return stat(path.c_str(), &info) == 0 && S_ISDIR(info.st_mode);
}

bool IsFile(const std::string& path) {
  struct stat info;
  return stat(path.c_str(), &info) == 0 && S_ISREG(info.st_mode);
}

// The value of one field: "" for the `-0- ` null marker.
std::string Field(const std::string& raw) {
  std::string_view text = Trim(raw);
  if (text == "-0-") return "";
  // The legacy files are not guaranteed to be UTF-8: ToUtf8 keeps a valid UTF-8 field and reads
  // any other as Windows-1252, so a name is never dropped for its encoding.
  return ToUtf8(text);
}

bool IsNumber(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// "GLOMAG] [UHRPA" -> {"GLOMAG", "UHRPA"}.
std::vector<std::string> Programs(std::string_view text) {
  std::vector<std::string> programs;
  size_t start = 0;
  while (start <= text.size()) {
    size_t at = text.find("] [", start);
    std::string_view piece =
        text.substr(start, at == std::string_view::npos ? std::string_view::npos : at - start);
    piece = Trim(piece);
    // The first and last programs keep one bracket each ("[GLOMAG" ... "UHRPA]"), and a single
    // program may carry both; stripping brackets at both ends handles every position.
    while (!piece.empty() && (piece.front() == '[')) piece.remove_prefix(1);
    while (!piece.empty() && (piece.back() == ']')) piece.remove_suffix(1);
    piece = Trim(piece);
    if (!piece.empty()) programs.emplace_back(piece);
    if (at == std::string_view::npos) break;
    start = at + 3;
  }
  return programs;
}

std::string Kind(std::string_view sdn_type) {
  std::string type = AsciiLower(Trim(sdn_type));
  // "organization", not "company": OFAC does not say whether an entity is a company, a government
  // body or a group (docs/lists.md "Common conventions").
  if (type.empty()) return "organization";  // OFAC's "entity": a company or an organisation
  if (type == "individual") return "person";
  return type;  // vessel, aircraft
}

// A file read whole, with its trailing Ctrl-Z (MS-DOS end of file) removed.
struct CsvFile {
  std::string path;
  std::string name;  // base name, used in `file:line` locations
  std::string contents;
  bool ends_with_line_break = true;  // before the trailing Ctrl-Z and line breaks were removed
};

Status LoadCsv(const std::string& folder, const std::string& name, int64_t max_bytes,
               CsvFile* file) {
  file->path = folder + "/" + name;
  file->name = name;
  Status status = ReadFile(file->path, max_bytes, &file->contents);
  if (!status.ok()) return status;
  std::string& text = file->contents;
  // Remembered before trimming: a file that does not end with a line break may have been cut off
  // mid-record (a partial download), which CutRecord reports as `truncated`.
  file->ends_with_line_break = EndsWithLineBreak(text);
  size_t end = text.size();
  while (end > 0 && (text[end - 1] == '\x1a' || text[end - 1] == '\r' || text[end - 1] == '\n')) {
    --end;
  }
  if (end < text.size()) text.resize(end);
  // One line break is put back so that the CSV reader sees the last record terminated, whatever the
  // file's line ends were.
  if (!text.empty()) text += '\n';
  return Status::Ok();
}

struct Parse {
  Document* document;
  std::unordered_map<std::string, size_t> index;  // ent_num -> entries position
};

std::string Location(const CsvFile& file, int64_t line) {
  return file.name + ":" + std::to_string(line);
}

void Reject(Parse* parse, const CsvFile& file, int64_t line, std::string reason) {
  parse->document->rejects.push_back(ListReject{Location(file, line), std::move(reason)});
}

// Reads the rows of a companion file; calls `add(entry, fields)` for rows whose ent_num is known.
// Fails fast when the first row is not a row of such a file: an HTML error page or another file
// saved under the companion's name would otherwise load as a few rejected rows and take the
// entries' addresses, aliases or remarks (their identifiers) away with exit 0 (since 2026-12-07,
// from a review: an HTML sdn_comments.csv dropped 210 identifiers, digital-currency addresses
// among them, under the share the removal checks allow).
template <typename AddRow>
Status ReadCompanion(Parse* parse, const CsvFile& file, size_t columns, const char* what,
                     AddRow add) {
  std::istringstream in(file.contents);
  CsvReader reader(&in);
  std::vector<std::string> fields;
  std::string truncated;  // while the last record read was cut short
  bool first = true;
  while (reader.Next(&fields)) {
    if (fields.size() == 1 && Trim(fields[0]).empty()) continue;  // blank line
    int64_t line = reader.line();
    std::string cut = CutRecord(reader, fields, columns, file.ends_with_line_break);
    truncated = cut.empty() ? "" : Location(file, line) + ": " + cut;
    if (first) {
      first = false;
      // A file holding one cut record is judged by the truncation check instead.
      if (cut.empty() && (fields.size() != columns || !IsNumber(Trim(fields[0])))) {
        return Status::Error(Location(file, line) + ": not an OFAC legacy CSV " + what + " row (" +
                             std::to_string(fields.size()) + " fields, expected " +
                             std::to_string(columns) + ", first '" +
                             std::string(Trim(fields[0])).substr(0, 40) + "'); " + kFormatHint);
      }
    }
    if (!reader.error().empty()) {
      Reject(parse, file, line, reader.error());
      continue;
    }
    if (fields.size() != columns) {
      Reject(parse, file, line,
             "expected " + std::to_string(columns) + " fields, found " +
                 std::to_string(fields.size()));
      continue;
    }
    std::string ent_num(Trim(fields[0]));
    if (!IsNumber(ent_num)) {
      Reject(parse, file, line, "ent_num '" + ent_num + "' is not a number");
      continue;
    }
    auto found = parse->index.find(ent_num);
    // Companion rows for unknown entries are rejected, not dropped: the 2024-05 sdn.csv is newer
    // than its add.csv/alt.csv, and the count of such rows shows how stale the companions are.
    if (found == parse->index.end()) {
      Reject(parse, file, line,
             std::string(what) + " refers to ent_num " + ent_num + ", which is not in the list");
      continue;
    }
    add(&parse->document->entries[found->second], fields);
  }
  // Only the last record of a file can be cut short; the main file's verdict, set first, wins.
  if (parse->document->truncated.empty()) parse->document->truncated = truncated;
  return Status::Ok();
}

// Reads sdn.csv or cons_prim.csv: one entry per row. Fails fast when the first row is not an
// OFAC legacy CSV row (a file of another format).
Status ReadMainFile(const CsvFile& main_file, Parse* parse) {
  std::istringstream in(main_file.contents);
  CsvReader reader(&in);
  std::vector<std::string> fields;
  bool first = true;
  std::string truncated;  // while the last record read was cut short
  while (reader.Next(&fields)) {
    if (fields.size() == 1 && Trim(fields[0]).empty()) continue;
    int64_t line = reader.line();
    std::string cut = CutRecord(reader, fields, 12, main_file.ends_with_line_break);
    truncated = cut.empty() ? "" : Location(main_file, line) + ": " + cut;
    if (first) {
      first = false;
      // Fail fast on a file of another format (a header row, another column count).
      if (fields.size() != 12 || !IsNumber(Trim(fields[0]))) {
        return Status::Error(Location(main_file, line) + ": not an OFAC legacy CSV row (" +
                             std::to_string(fields.size()) + " fields, first '" +
                             std::string(Trim(fields[0])).substr(0, 40) + "'); " + kFormatHint);
      }
    }
    if (!reader.error().empty()) {
      Reject(parse, main_file, line, reader.error());
      continue;
    }
    if (fields.size() != 12) {
      Reject(parse, main_file, line, "expected 12 fields, found " + std::to_string(fields.size()));
      continue;
    }
    std::string ent_num(Trim(fields[0]));
    if (!IsNumber(ent_num)) {
      Reject(parse, main_file, line, "ent_num '" + ent_num + "' is not a number");
      continue;
    }
    Entry entry;
    entry.entry_id = ent_num;
    entry.name = Field(fields[1]);
    if (entry.name.empty()) {
      Reject(parse, main_file, line, "ent_num " + ent_num + " has no name");
      continue;
    }
    // A duplicate ent_num keeps the first row: the companions refer to entries by ent_num alone, so
    // a second row could not be told apart from the first.
    if (parse->index.count(ent_num)) {
      Reject(parse, main_file, line, "duplicate ent_num " + ent_num);
      continue;
    }
    entry.kind = Kind(Field(fields[2]));
    entry.programs = Programs(Field(fields[3]));
    auto attribute = [&entry](const char* key, std::string value, bool country) {
      if (value.empty()) return;
      Attribute item;
      item.key = key;
      item.country = country ? CountryCode(value) : "";
      item.value = std::move(value);
      entry.attributes.push_back(std::move(item));
    };
    attribute("title", Field(fields[4]), false);
    std::string call_sign = Field(fields[5]);
    if (!call_sign.empty()) entry.identifiers.push_back({"call_sign", call_sign, "", ""});
    attribute("vessel_type", Field(fields[6]), false);
    attribute("vessel_tonnage", Field(fields[7]), false);
    attribute("vessel_grt", Field(fields[8]), false);
    attribute("vessel_flag", Field(fields[9]), true);
    attribute("vessel_owner", Field(fields[10]), false);
    entry.remarks = Field(fields[11]);
    parse->index.emplace(ent_num, parse->document->entries.size());
    parse->document->entries.push_back(std::move(entry));
  }
  if (first) return Status::Error(main_file.path + ": empty file; " + kFormatHint);
  parse->document->truncated = truncated;
  return Status::Ok();
}

}  // namespace

Status ParseOfacCsv(const ImportOptions& options, std::vector<Document>* documents) {
  std::string folder = options.path;
  while (folder.size() > 1 && folder.back() == '/') folder.pop_back();
  if (IsFile(folder)) {  // a path to sdn.csv itself: use its folder
    size_t slash = folder.find_last_of('/');
    folder = slash == std::string::npos ? "." : folder.substr(0, slash);
  }
  if (!IsDirectory(folder)) return Status::Error(options.path + ": no such folder; " + kFormatHint);

  Document document;
  document.format = "ofac-csv";
  document.publisher = "US Treasury OFAC";
  document.source_path = folder;
  std::string prefix;
  if (IsFile(folder + "/sdn.csv")) {
    document.list_id = "ofac-sdn";
    document.name = "OFAC Specially Designated Nationals and Blocked Persons List";
    prefix = "sdn";
  } else if (IsFile(folder + "/cons_prim.csv")) {
    document.list_id = "ofac-cons";
    document.name = "OFAC Consolidated Sanctions List (non-SDN)";
    prefix = "cons";
  } else {
    return Status::Error(folder + ": holds neither sdn.csv nor cons_prim.csv; " + kFormatHint);
  }
  // The SDN folder wins when both main files are present: the two lists have different ids, and a
  // folder is one list.
  const std::string main_name = prefix == "sdn" ? "sdn.csv" : "cons_prim.csv";
  const std::string companions[3] = {prefix == "sdn" ? "add.csv" : "cons_add.csv",
                                     prefix == "sdn" ? "alt.csv" : "cons_alt.csv",
                                     prefix + "_comments.csv"};

  CsvFile main_file;
  Status status = LoadCsv(folder, main_name, options.max_file_bytes, &main_file);
  if (!status.ok()) return status;
  document.files.push_back(main_file.path);

  Parse parse{&document, {}};
  status = ReadMainFile(main_file, &parse);
  if (!status.ok()) return status;

  for (int which = 0; which < 3; ++which) {
    CsvFile file;
    if (!IsFile(folder + "/" + companions[which])) {
      // A missing companion is a reject, not an error: the entries still load (their names are what
      // screening needs most), and the reject says which of their data are absent.
      document.rejects.push_back(
          ListReject{companions[which], "file missing: its rows could not be loaded"});
      continue;
    }
    status = LoadCsv(folder, companions[which], options.max_file_bytes, &file);
    if (!status.ok()) return status;
    document.files.push_back(file.path);
    if (which == 0) {
      status = ReadCompanion(&parse, file, 6, "address", [](Entry* entry, const auto& fields) {
        Address address;
        address.address = Field(fields[2]);
        address.city = Field(fields[3]);  // OFAC joins city, state and postal code here
        address.country_name = Field(fields[4]);
        address.country = CountryCode(address.country_name);
        if (address.address.empty() && address.city.empty() && address.country_name.empty()) {
          return;  // an all-null row says nothing
        }
        entry->addresses.push_back(std::move(address));
      });
    } else if (which == 1) {
      status = ReadCompanion(&parse, file, 5, "alias", [](Entry* entry, const auto& fields) {
        std::string type = AsciiLower(Field(fields[2]));
        std::string name = Field(fields[3]);
        if (name.empty()) return;
        entry->aliases.push_back(Alias{std::move(name), type == "fka" ? "fka" : "strong"});
      });
    } else {
      // The comments file continues the Remarks: its text is appended verbatim.
      // Not trimmed: OFAC cuts the Remarks at its field limit, often mid-word, so the
      // continuation must be joined exactly as published.
      status = ReadCompanion(
          &parse, file, 2, "remarks continuation",
          [](Entry* entry, const auto& fields) { entry->remarks += ToUtf8(fields[1]); });
    }
    if (!status.ok()) return status;
  }

  for (Entry& entry : document.entries) {
    // Remarks are parsed only after the comments file has been read, so clauses split across the
    // two files are parsed whole.
    if (!entry.remarks.empty()) ParseOfacRemarks(entry.remarks, &entry);
    // Names as published: "RAJAH SOLAIMAN MOVEMENT (RSM)" is the movement and RSM (as the UN and
    // CSL parsers do; docs/matching.md, "List names as published"). After the remarks, whose
    // a.k.a. names are aliases too.
    SplitPublishedNames(&entry);
    // The entry's country: nationality, else citizenship, else vessel flag, else the first
    // address's country, else the country of a registration number.
    // Keys in order of preference (the outer loop), whatever the order of the attributes; the first
    // attribute of the preferred key that names a country wins.
    for (const char* key : {"nationality", "citizenship", "vessel_flag"}) {
      for (const Attribute& attribute : entry.attributes) {
        if (entry.country.empty() && attribute.key == key && !attribute.country.empty()) {
          entry.country = attribute.country;
        }
      }
    }
    for (const Address& address : entry.addresses) {
      if (entry.country.empty()) entry.country = address.country;
    }
    for (const Identifier& identifier : entry.identifiers) {
      if (entry.country.empty() && identifier.id_type == "registration") {
        entry.country = identifier.country;
      }
    }
  }
  documents->push_back(std::move(document));
  return Status::Ok();
}

}  // namespace corridor::lists
