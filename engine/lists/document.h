// Internal to engine/lists: the in-memory form of a parsed list, the parsers that produce it and
// the helpers they share. Only engine/lists/import.h is public.
#ifndef CORRIDOR_ENGINE_LISTS_DOCUMENT_H_
#define CORRIDOR_ENGINE_LISTS_DOCUMENT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "engine/base/csv.h"
#include "engine/base/status.h"
#include "engine/lists/import.h"

namespace corridor::lists {

struct Alias {
  std::string name;
  std::string quality;  // strong, weak, fka, or empty when unknown
};

struct Address {
  std::string address, city, region, postal_code;
  std::string country;       // ISO alpha-2 or empty
  std::string country_name;  // as published
};

struct Attribute {
  std::string key, value;
  std::string country;  // ISO alpha-2 or empty
  std::string note;     // qualifier as published ("circa"), or empty
};

struct Identifier {
  std::string id_type, number;
  std::string country;  // ISO alpha-2 or empty
  std::string note;
};

struct Link {
  std::string kind;
  std::string target_list_id, target_entry_id;  // empty when not resolved
  std::string target_name;
  std::optional<double> share;
  std::string as_of;
  std::string role;  // relationship or role as published ("subsidiary of", "Family member of")
};

struct Entry {
  std::string entry_id;
  std::string kind;  // person, company, vessel, aircraft, organization, or empty
  std::string name;
  // The name field as published when SplitPublishedNames() took names out of it ("RAJAH
  // SOLAIMAN MOVEMENT (RSM)"), else empty. Links name their targets so (Finalize in import.cc);
  // not stored, not part of the digest.
  std::string published_name;
  std::vector<std::string> programs;
  std::string country, birth_date, remarks, listed_on;
  std::vector<Alias> aliases;
  std::vector<Address> addresses;
  std::vector<Attribute> attributes;
  std::vector<Identifier> identifiers;
  std::vector<Link> links;
};

// One list as read from its files.
struct Document {
  std::string list_id, name, publisher, format, version, source_path;
  std::vector<std::string> files;  // digested in this order into `sha256`
  std::string sha256;
  std::vector<Entry> entries;
  std::vector<ListReject> rejects;
  // "file:line: why" when the file ends mid-record (a cut download): ImportList refuses the
  // document unless forced. The cut record is also in `rejects`.
  std::string truncated;
  std::vector<std::string> notes;  // what the parser did that the user should know
};

// --- parsers: each fills `documents` (usually one) or fails before anything is written ------
using Parser = Status (*)(const ImportOptions& options, std::vector<Document>* documents);
Status ParseOfacCsv(const ImportOptions& options, std::vector<Document>* documents);
Status ParseUnXml(const ImportOptions& options, std::vector<Document>* documents);
// csl-csv yields one document per source; it reads options.list_id as their ids' prefix.
Status ParseCslCsv(const ImportOptions& options, std::vector<Document>* documents);
Status ParseDplTsv(const ImportOptions& options, std::vector<Document>* documents);
Status ParseUkCsv(const ImportOptions& options, std::vector<Document>* documents);
Status ParseFtmJson(const ImportOptions& options, std::vector<Document>* documents);
Status ParseSimpleCsv(const ImportOptions& options, std::vector<Document>* documents);

// Parses OFAC's free-text Remarks ("DOB 10 Oct 1971; POB ...; a.k.a. 'X'.") into structured
// fields of `entry`. Clauses it does not recognise stay only in entry->remarks.
void ParseOfacRemarks(std::string_view remarks, Entry* entry);

// --- shared helpers ---------------------------------------------------------------------------
// ISO 3166-1 alpha-2 code for a country name as lists spell it ("China", "Korea, North",
// "Burma", "Russia", "Iran"), or for an alpha-2/alpha-3 code; "" when unknown.
std::string CountryCode(std::string_view name);

// Converts a published date to ISO 8601, partial allowed: "10 Oct 1971" -> "1971-10-10",
// "Jan 1958" -> "1958-01", "1955" -> "1955", "1971-10-10" -> itself, "10/01/1971" (day first)
// -> "1971-01-10". Returns "" when the text is not a date.
std::string IsoDate(std::string_view text);

// Lower-case hex SHA-256 of `data`.
std::string Sha256Hex(std::string_view data);
// SHA-256 over the contents of `paths` in order (each preceded by its base name).
Status Sha256Files(const std::vector<std::string>& paths, int64_t max_bytes, std::string* hex);

// Reads a whole regular file of at most `max_bytes` (see ReadRegularFile in engine/base/file.h).
Status ReadFile(const std::string& path, int64_t max_bytes, std::string* contents);

// Strict UTF-8: no overlong forms, no surrogates, nothing past U+10FFFF, no truncated sequence.
// On failure `error_offset` (when not null) gets the offset of the first bad byte.
bool IsValidUtf8(std::string_view text, size_t* error_offset);
// Reads `text` as Windows-1252 (a superset of Latin-1's printable range) and returns UTF-8.
std::string Windows1252ToUtf8(std::string_view text);
// Returns `text` as UTF-8: valid UTF-8 is kept, anything else is read as Windows-1252.
std::string ToUtf8(std::string_view text);

// Whether a file's last byte ends a line (LF, CR, or the Ctrl-Z OFAC ends its files with).
bool EndsWithLineBreak(std::string_view contents);
// Why the record just read looks cut short: an unterminated quote, or fewer fields than
// `expected_fields` in a file that does not end with a line break; "" when it does not. For the
// LAST record of a file this means the file itself was cut (see Document::truncated).
std::string CutRecord(const CsvReader& reader, const std::vector<std::string>& fields,
                      size_t expected_fields, bool file_ends_with_line_break);

// The columns of a delimited file by their (trimmed) header names, for reading cells by name.
class Columns {
 public:
  // `lower_case`: names are matched in lower case. `to_utf8`: cells pass through ToUtf8().
  Columns(const std::vector<std::string>& header, bool lower_case, bool to_utf8);
  bool Has(const std::string& name) const { return index_.count(name) > 0; }
  // The trimmed cell of column `name`; "" when the file has no such column or the row is short.
  std::string Cell(const std::vector<std::string>& fields, const char* name) const;
  // How many cells were not valid UTF-8 and were read as Windows-1252 (with `to_utf8`).
  int64_t converted_cells() const { return converted_cells_; }
  // "FILE: N cells were not valid UTF-8 ..." for the import report; "" when none were.
  std::string ConversionNote(const std::string& file) const;

 private:
  std::unordered_map<std::string, size_t> index_;
  bool to_utf8_;
  mutable int64_t converted_cells_ = 0;
};

// Why a row just read cannot be used: the reader's error, or a field count other than
// `expected_fields`. "" when the row is well formed.
std::string RowProblem(const CsvReader& reader, const std::vector<std::string>& fields,
                       size_t expected_fields);

// Splits packed name fields (names::SplitPublishedName): the entry's name keeps the field's own
// name and the other names it held become strong aliases; each alias field is split likewise,
// its names keeping its quality. Names already present are not repeated. Called by the parsers
// of lists that pack names (UN, CSL) once the entry's kind is known.
void SplitPublishedNames(Entry* entry);

// The content digest of an entry: every field and child row, in a canonical order.
std::string EntryDigest(const Entry& entry);

}  // namespace corridor::lists

#endif  // CORRIDOR_ENGINE_LISTS_DOCUMENT_H_
