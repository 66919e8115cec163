// Dated reference tables read by the goods rule kinds (rules/reference/*.csv): a header row of
// column names, '#' comment lines, and per row the source it comes from and the dates it applies
// between (`effective_from`, `effective_to`, ISO 8601, empty = open). docs/rules.md lists them.
#ifndef CORRIDOR_ENGINE_RULES_REFERENCE_TABLE_H_
#define CORRIDOR_ENGINE_RULES_REFERENCE_TABLE_H_

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "engine/rules/rule.h"

namespace corridor {

struct ReferenceRow {
  std::map<std::string, std::string> fields;  // by column name, trimmed
  std::string effective_from;                 // "" = always
  std::string effective_to;                   // "" = open
  SourcePos pos;

  const std::string& Get(const std::string& column) const;
  // True when the row applies on `as_of` (YYYY-MM-DD): from <= as_of <= to.
  bool ActiveOn(const std::string& as_of) const;
};

// Reads the table `relative_path` named by the rule field `field`. Every column of `required`
// must be in the header, and so must `source`, `effective_from` and `effective_to`; every row
// needs a non-empty source, and its dates must be ISO 8601 dates, effective_to not before
// effective_from. A UTF-8 byte-order mark before the first line is skipped. Mistakes are reported
// with the file's line; returns false when the table cannot be used.
bool ReadReferenceTable(const std::string& relative_path, const char* field,
                        const std::vector<std::string>& required, const RuleCompileContext& c,
                        std::vector<ReferenceRow>* rows);

// Keys seen so far in one table with the rows that hold them: a key may appear on several rows
// only when their dates do not overlap, or which row applies would depend on their order.
class OverlapCheck {
 public:
  // False, and reports `row` with the earlier row's line, when a row with `key` seen before
  // applies on any day `row` applies on.
  bool Add(const std::string& key, const ReferenceRow& row, const RuleCompileContext& c);

 private:
  struct Dates {
    std::string from;  // "" = always
    std::string to;    // "9999-12-31" when open
    int line = 0;
  };
  std::map<std::string, std::vector<Dates>> seen_;
};

// HS prefixes with the reference row that names them, matched longest prefix first among the
// rows active on a date.
class DatedHsTable {
 public:
  // Adds every row; `hs_column` holds the prefix (2 to 10 digits, else an error). Rows of one
  // prefix whose dates overlap are an error (OverlapCheck).
  void Add(std::vector<ReferenceRow> rows, const std::string& hs_column,
           const RuleCompileContext& c);
  // The longest-prefix row active on `as_of` that `hs_code` starts with; nullptr when none.
  const ReferenceRow* Match(const OptionalText& hs_code, const std::string& as_of) const;
  bool empty() const { return rows_.empty(); }
  // The values of `column` on the table's rows (the tiers of a critical-items table).
  std::set<std::string> Values(const std::string& column) const;

 private:
  OverlapCheck overlaps_;
  std::multimap<std::string, ReferenceRow, std::less<>> rows_;  // by prefix
  uint32_t lengths_ = 0;  // bit n set when some prefix has n digits (as HsPrefixSet)
};

}  // namespace corridor

#endif  // CORRIDOR_ENGINE_RULES_REFERENCE_TABLE_H_
