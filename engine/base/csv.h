// An RFC 4180 CSV reader that keeps line numbers for error messages.
//
// Quoted fields may hold separators, doubled quotes and line breaks. CRLF and LF line ends are
// both accepted, and a UTF-8 byte-order mark at the start is skipped. A record that ends inside an
// open quote (a truncated file) is reported as malformed rather than silently joined with what
// follows.
#ifndef CORRIDOR_ENGINE_BASE_CSV_H_
#define CORRIDOR_ENGINE_BASE_CSV_H_

#include <cstdint>
#include <istream>
#include <string>
#include <vector>

namespace corridor {

class CsvReader {
 public:
  // REQUIRES: `in` outlives the reader.
  explicit CsvReader(std::istream* in, char separator = ',') : in_(in), separator_(separator) {}

  // Reads the next record into `fields`. Returns false at the end of input. When the record is
  // malformed (an unterminated quote, text after a closing quote), `error()` is non-empty and
  // `fields` holds what could be read.
  bool Next(std::vector<std::string>* fields);
  // Like Next(), but passes over blank lines and comment lines (first field starting with '#'),
  // as reference tables written by hand have them.
  bool NextDataRecord(std::vector<std::string>* fields);

  // The line on which the last record returned by Next() started (1-based).
  int64_t line() const { return record_line_; }
  const std::string& error() const { return error_; }

 private:
  std::istream* in_;
  char separator_;
  int64_t next_line_ = 1;
  int64_t record_line_ = 0;
  std::string error_;
};

}  // namespace corridor

#endif  // CORRIDOR_ENGINE_BASE_CSV_H_
