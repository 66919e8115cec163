// Calendar dates: one parser for the ISO 8601 dates of every input (shipments, entities, list
// entries, incidents, ownership records, --as-of), on C++20 <chrono>.
//
//   std::optional<std::chrono::sys_days> day = ParseIsoDay("2025-12-01");
//   int64_t days_between = (*to - *from).count();
#ifndef CORRIDOR_ENGINE_BASE_DATE_H_
#define CORRIDOR_ENGINE_BASE_DATE_H_

#include <chrono>
#include <cstdint>
#include <optional>
#include <string_view>

namespace corridor {

// A full date YYYY-MM-DD that exists in the proleptic Gregorian calendar; nullopt otherwise
// (2025-02-30, 2025-2-3, 2025-12-01T00:00 are not).
std::optional<std::chrono::sys_days> ParseIsoDay(std::string_view text);

// The last day of a date of any ISO precision: YYYY -> YYYY-12-31, YYYY-MM -> its last day,
// YYYY-MM-DD -> itself. For records dated to a month or year ("as of 2024" holds all of 2024).
std::optional<std::chrono::sys_days> ParseIsoDayEndOf(std::string_view text);

// The first day of a date of any ISO precision: YYYY -> YYYY-01-01, YYYY-MM -> YYYY-MM-01. For
// "dated after day D" filters, which must keep a record that may be from D itself.
std::optional<std::chrono::sys_days> ParseIsoDayStartOf(std::string_view text);

// Days since 1970-01-01 of a full date, for code that keeps days as integers.
std::optional<int64_t> DayNumber(std::string_view iso_date);

}  // namespace corridor

#endif  // CORRIDOR_ENGINE_BASE_DATE_H_
