#include "engine/base/date.h"

namespace corridor {

namespace {

// Two, four... ASCII digits as a number; -1 when any is not a digit.
int Digits(std::string_view text) {
  int value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return -1;
    value = value * 10 + (c - '0');
  }
  return value;
}

}  // namespace

std::optional<std::chrono::sys_days> ParseIsoDay(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int year = Digits(text.substr(0, 4));
  int month = Digits(text.substr(5, 2));
  int day = Digits(text.substr(8, 2));
  if (year < 0 || month < 0 || day < 0) return std::nullopt;
  std::chrono::year_month_day date{std::chrono::year(year),
                                   std::chrono::month(static_cast<unsigned>(month)),
                                   std::chrono::day(static_cast<unsigned>(day))};
  // year_month_day::ok() rejects impossible dates (2023-02-29, 2024-04-31), so a typo is refused
  // rather than rolled into the next month.
  if (!date.ok()) return std::nullopt;
  return std::chrono::sys_days(date);
}

namespace {

// The year and month of a partial date YYYY (month 0) or YYYY-MM; false for anything else.
bool ParsePartial(std::string_view text, int* year, int* month) {
  if (text.size() < 4) return false;
  *year = Digits(text.substr(0, 4));
  if (*year < 0) return false;
  *month = 0;
  if (text.size() == 4) return true;
  if (text.size() != 7 || text[4] != '-') return false;
  *month = Digits(text.substr(5, 2));
  return *month >= 1 && *month <= 12;
}

}  // namespace

// A partial date stands for its whole period; its last day is the latest it can mean. Staleness
// and age checks use it, so a coarse date is never judged older than it may be.
std::optional<std::chrono::sys_days> ParseIsoDayEndOf(std::string_view text) {
  if (text.size() == 10) return ParseIsoDay(text);
  int year = 0, month = 0;
  if (!ParsePartial(text, &year, &month)) return std::nullopt;
  if (month == 0) month = 12;
  std::chrono::year_month_day_last last{std::chrono::year(year) /
                                        std::chrono::month(static_cast<unsigned>(month)) /
                                        std::chrono::last};
  return std::chrono::sys_days(last);
}

// Its first day is the earliest it can mean: "is this record dated after day D?" must not say yes
// for a record that may be from D itself (from a review, 2026-12-07).
std::optional<std::chrono::sys_days> ParseIsoDayStartOf(std::string_view text) {
  if (text.size() == 10) return ParseIsoDay(text);
  int year = 0, month = 0;
  if (!ParsePartial(text, &year, &month)) return std::nullopt;
  if (month == 0) month = 1;
  return std::chrono::sys_days(std::chrono::year(year) /
                               std::chrono::month(static_cast<unsigned>(month)) /
                               std::chrono::day(1));
}

std::optional<int64_t> DayNumber(std::string_view iso_date) {
  std::optional<std::chrono::sys_days> day = ParseIsoDay(iso_date);
  if (!day) return std::nullopt;
  // Days since 1970-01-01 (sys_days): differences are day counts, across leap years and months.
  return day->time_since_epoch().count();
}

}  // namespace corridor
