#include "engine/rules/reference_table.h"

#include <sstream>

#include "engine/base/csv.h"
#include "engine/base/strings.h"
#include "engine/rules/matchers.h"

namespace corridor {

const std::string& ReferenceRow::Get(const std::string& column) const {
  static const std::string kEmpty;
  auto found = fields.find(column);
  return found == fields.end() ? kEmpty : found->second;
}

bool ReferenceRow::ActiveOn(const std::string& as_of) const {
  // ISO dates compare as text; a partial date ("2025") would compare before every day of its
  // year, so the reader only accepts whole dates.
  if (!effective_from.empty() && as_of < effective_from) return false;
  if (!effective_to.empty() && as_of > effective_to) return false;
  return true;
}

namespace {

bool IsWholeDate(const std::string& text) { return text.size() == 10 && IsIsoDate(text); }

}  // namespace

bool ReadReferenceTable(const std::string& relative_path, const char* field,
                        const std::vector<std::string>& required, const RuleCompileContext& c,
                        std::vector<ReferenceRow>* rows) {
  std::string contents;
  if (!c.ReadReference(c.locator.At(field), std::string(field) + " table", relative_path,
                       &contents))
    return false;
  std::string name = c.reference_name ? c.reference_name(relative_path) : relative_path;
  std::istringstream in(contents);
  CsvReader reader(&in);
  std::vector<std::string> fields, header;
  size_t errors_before = c.diagnostics->size();
  while (reader.NextDataRecord(&fields)) {
    SourcePos pos{name, static_cast<int>(reader.line()), 1};
    if (!reader.error().empty()) {
      c.Error(pos, reader.error());
      continue;
    }
    if (header.empty()) {
      for (const std::string& column : fields) header.emplace_back(Trim(column));
      std::vector<std::string> needed = required;
      needed.insert(needed.end(), {"effective_from", "effective_to", "source"});
      for (const std::string& column : needed) {
        if (std::find(header.begin(), header.end(), column) == header.end()) {
          c.Error(pos, "the header has no column \"" + column + "\"");
          return false;
        }
      }
      continue;
    }
    if (fields.size() != header.size()) {
      c.Error(pos, "expected " + std::to_string(header.size()) + " fields, found " +
                       std::to_string(fields.size()));
      continue;
    }
    ReferenceRow row;
    row.pos = pos;
    for (size_t i = 0; i < header.size(); ++i) row.fields[header[i]] = std::string(Trim(fields[i]));
    row.effective_from = row.Get("effective_from");
    row.effective_to = row.Get("effective_to");
    bool ok = true;
    for (const std::string* date : {&row.effective_from, &row.effective_to}) {
      if (!date->empty() && !IsWholeDate(*date)) {
        c.Error(pos, "not an ISO 8601 date (YYYY-MM-DD): \"" + *date + "\"");
        ok = false;
      }
    }
    // A row that ends before it starts never applies: a swapped pair of dates would silently
    // drop the row (before 2026-12-07 only the HS and place tables checked this; from a review).
    if (ok && !row.effective_from.empty() && !row.effective_to.empty() &&
        row.effective_to < row.effective_from) {
      c.Error(pos, "effective_to " + row.effective_to + " is before effective_from " +
                       row.effective_from);
      ok = false;
    }
    // Every row names where it comes from (shared/LAW.md: "Bundled reference tables carry, per
    // row, the source and the date it took effect").
    if (row.Get("source").empty()) {
      c.Error(pos, "the row has no source");
      ok = false;
    }
    if (ok) rows->push_back(std::move(row));
  }
  if (header.empty()) c.Error(c.locator.At(field), "table \"" + name + "\" is empty");
  return c.diagnostics->size() == errors_before;
}

bool OverlapCheck::Add(const std::string& key, const ReferenceRow& row,
                       const RuleCompileContext& c) {
  // Open ends compare as the earliest and the latest day ("" before every ISO date).
  Dates dates{row.effective_from, row.effective_to.empty() ? "9999-12-31" : row.effective_to,
              row.pos.line};
  std::vector<Dates>& seen = seen_[key];
  for (const Dates& other : seen) {
    if (dates.from <= other.to && other.from <= dates.to) {
      c.Error(row.pos, "\"" + key + "\" is already in force on these dates (line " +
                           std::to_string(other.line) + ")");
      return false;
    }
  }
  seen.push_back(std::move(dates));
  return true;
}

void DatedHsTable::Add(std::vector<ReferenceRow> rows, const std::string& hs_column,
                       const RuleCompileContext& c) {
  for (ReferenceRow& row : rows) {
    std::string prefix = row.Get(hs_column);
    if (!IsHsPrefix(prefix)) {
      c.Error(row.pos, "HS code must be 2 to 10 digits, got \"" + prefix + "\"");
      continue;
    }
    if (!overlaps_.Add(prefix, row, c)) continue;
    lengths_ |= 1u << prefix.size();  // 2 to 10 (IsHsPrefix)
    rows_.emplace(prefix, std::move(row));
  }
}

std::set<std::string> DatedHsTable::Values(const std::string& column) const {
  std::set<std::string> values;
  for (const auto& [prefix, row] : rows_) values.insert(row.Get(column));
  return values;
}

const ReferenceRow* DatedHsTable::Match(const OptionalText& hs_code,
                                        const std::string& as_of) const {
  if (!hs_code) return nullptr;
  // Longest prefix first: a 6-digit row says more than its 4-digit heading.
  for (size_t length = std::min<size_t>(hs_code->size(), 10); length >= 2; --length) {
    if ((lengths_ & (1u << length)) == 0) continue;  // no prefix of this length
    auto [begin, end] = rows_.equal_range(std::string_view(*hs_code).substr(0, length));
    for (auto it = begin; it != end; ++it) {
      if (it->second.ActiveOn(as_of)) return &it->second;
    }
  }
  return nullptr;
}

}  // namespace corridor
