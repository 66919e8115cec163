#include "engine/base/csv.h"

#include "engine/base/strings.h"

namespace corridor {

bool CsvReader::Next(std::vector<std::string>* fields) {
  fields->clear();
  error_.clear();
  int c = in_->get();
  std::string field;
  // A UTF-8 byte-order mark before the first record (spreadsheet tools write one) is not data:
  // kept, it would turn a first-line comment or header into a malformed record.
  if (record_line_ == 0 && c == 0xEF && in_->peek() == 0xBB) {
    in_->get();
    if (in_->peek() == 0xBF) {
      in_->get();
    } else {
      field = "\xEF\xBB";  // not a mark: the bytes stay in the field
    }
    c = in_->get();
  }
  if (c == EOF && field.empty()) return false;
  // Lines are counted in next_line_ as they are consumed, including newlines inside quoted fields,
  // so record_line_ is the line a record starts on even after multi-line records.
  record_line_ = next_line_;
  bool in_quotes = false;
  bool after_quote = false;  // a quoted field has closed; only a separator or end may follow
  while (true) {
    if (c == EOF) {
      // A file that ends inside quotes still returns what was read, with the error set: the caller
      // reports the row (and CutRecord reads this error as a cut-off file).
      if (in_quotes) error_ = "unterminated quoted field";
      fields->push_back(std::move(field));
      return true;
    }
    char ch = static_cast<char>(c);
    if (in_quotes) {
      if (ch == '"') {
        if (in_->peek() == '"') {
          in_->get();
          field += '"';
        } else {
          in_quotes = false;
          after_quote = true;
        }
      } else {
        if (ch == '\n') ++next_line_;
        field += ch;
      }
    } else if (ch == separator_) {
      fields->push_back(std::move(field));
      field.clear();
      after_quote = false;
    } else if (ch == '\n' || ch == '\r') {
      // CRLF, LF and a lone CR each end one record, so files from any platform count lines alike.
      if (ch == '\r' && in_->peek() == '\n') in_->get();
      ++next_line_;
      fields->push_back(std::move(field));
      return true;
      // A quote opens a quoted field only at the start of a field (RFC 4180); elsewhere it is an
      // ordinary character, so unquoted text such as 5" PIPE survives.
    } else if (ch == '"' && field.empty() && !after_quote) {
      in_quotes = true;
    } else {
      // The text is still kept in the field; the error makes the caller reject the row rather than
      // guess where the field ended.
      if (after_quote && error_.empty()) error_ = "text after closing quote";
      field += ch;
    }
    c = in_->get();
  }
}

bool CsvReader::NextDataRecord(std::vector<std::string>* fields) {
  while (Next(fields)) {
    if (fields->size() == 1 && Trim((*fields)[0]).empty()) continue;
    // Blank lines and '#' comments are skipped in the CSV files that sit beside the rules (HS
    // tables, gazetteers), where authors annotate their data.
    if (!fields->empty() && StartsWith(Trim((*fields)[0]), "#")) continue;
    return true;
  }
  return false;
}

}  // namespace corridor
