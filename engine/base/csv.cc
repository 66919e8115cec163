#include "engine/base/csv.h"

#include "engine/base/strings.h"

namespace corridor {

bool CsvReader::Next(std::vector<std::string>* fields) {
  fields->clear();
  error_.clear();
  int c = in_->get();
  if (c == EOF) return false;
  record_line_ = next_line_;
  std::string field;
  bool in_quotes = false;
  bool after_quote = false;  // a quoted field has closed; only a separator or end may follow
  while (true) {
    if (c == EOF) {
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
      if (ch == '\r' && in_->peek() == '\n') in_->get();
      ++next_line_;
      fields->push_back(std::move(field));
      return true;
    } else if (ch == '"' && field.empty() && !after_quote) {
      in_quotes = true;
    } else {
      if (after_quote && error_.empty()) error_ = "text after closing quote";
      field += ch;
    }
    c = in_->get();
  }
}

bool CsvReader::NextDataRecord(std::vector<std::string>* fields) {
  while (Next(fields)) {
    if (fields->size() == 1 && Trim((*fields)[0]).empty()) continue;
    if (!fields->empty() && StartsWith(Trim((*fields)[0]), "#")) continue;
    return true;
  }
  return false;
}

}  // namespace corridor
