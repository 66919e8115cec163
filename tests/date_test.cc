// The one date parser (engine/base/date.h).
#include "engine/base/date.h"

#include <catch2/catch.hpp>

namespace corridor {
namespace {

TEST_CASE("ISO dates parse only when they exist", "[date]") {
  CHECK(DayNumber("1970-01-01") == 0);
  CHECK(DayNumber("2024-02-29") == 19782);
  CHECK_FALSE(DayNumber("2025-02-29"));
  CHECK_FALSE(DayNumber("2025-02-30"));
  CHECK_FALSE(DayNumber("2025-13-01"));
  CHECK_FALSE(DayNumber("2025-1-01"));
  CHECK_FALSE(DayNumber("2025-01-01T00:00"));
  CHECK_FALSE(DayNumber(""));
  CHECK(*ParseIsoDay("2025-12-01") - *ParseIsoDay("2025-11-01") == std::chrono::days(30));
}

TEST_CASE("A partial date stands for the last day of its period", "[date]") {
  CHECK(ParseIsoDayEndOf("2024") == ParseIsoDay("2024-12-31"));
  CHECK(ParseIsoDayEndOf("2024-02") == ParseIsoDay("2024-02-29"));
  CHECK(ParseIsoDayEndOf("2023-02") == ParseIsoDay("2023-02-28"));
  CHECK(ParseIsoDayEndOf("2024-06-15") == ParseIsoDay("2024-06-15"));
  CHECK_FALSE(ParseIsoDayEndOf("2024-13"));
  CHECK_FALSE(ParseIsoDayEndOf("24"));
  CHECK_FALSE(ParseIsoDayEndOf("2024/06"));
}

}  // namespace
}  // namespace corridor
