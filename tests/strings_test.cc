#include "engine/base/strings.h"

#include <unicode/uloc.h>

#include <catch2/catch.hpp>
#include <cmath>
#include <cstdio>
#include <random>
#include <set>
#include <sstream>
#include <string_view>

#include "engine/base/csv.h"

namespace corridor {

TEST_CASE("IsIsoDate accepts full and partial dates", "[base]") {
  CHECK(IsIsoDate("1955"));
  CHECK(IsIsoDate("1958-01"));
  CHECK(IsIsoDate("2024-02-29"));
  CHECK_FALSE(IsIsoDate("2023-02-29"));
  CHECK_FALSE(IsIsoDate("2024-13"));
  CHECK_FALSE(IsIsoDate("24-01-01"));
}

TEST_CASE("Country and region codes are checked against ICU's ISO 3166 table", "[base]") {
  CHECK(IsKnownCountryCode("KZ"));
  CHECK(IsKnownCountryCode("XK"));
  CHECK_FALSE(IsKnownCountryCode("XX"));
  CHECK_FALSE(IsKnownCountryCode("kz"));
  CHECK(IsRegionCodeShape("CN-XJ"));
  CHECK(IsRegionCodeShape("UA-43"));
  CHECK_FALSE(IsRegionCodeShape("XX-43"));
  CHECK_FALSE(IsRegionCodeShape("CNXJ"));
  // Every two-letter code ICU lists, and XK, and nothing else (the table is looked up by letters).
  std::set<std::string> icu = {"XK"};
  for (const char* const* code = uloc_getISOCountries(); *code != nullptr; ++code)
    icu.insert(*code);
  int known = 0;
  for (char first = 0; first < 127; ++first) {
    for (char second = 0; second < 127; ++second) {
      const std::string code = {first, second};
      CAPTURE(code);
      CHECK(IsKnownCountryCode(code) == (icu.count(code) > 0));
      known += IsKnownCountryCode(code) ? 1 : 0;
    }
  }
  CHECK(known == static_cast<int>(icu.size()));
  for (std::string_view other : {"", "K", "KZZ", "\xc3\x84Z", "Z\xff"})
    CHECK_FALSE(IsKnownCountryCode(other));
}

TEST_CASE("FormatNumber drops trailing zeros", "[base]") {
  CHECK(FormatNumber(62.5) == "62.5");
  CHECK(FormatNumber(100.0) == "100");
  CHECK(FormatNumber(0.004) == "0");
  CHECK(FormatNumber(-0.004) == "0");
  CHECK(FormatNumber(0.125, 2) == "0.12");  // a tie rounds to even, as printf does
  CHECK(FormatNumber(0.375, 2) == "0.38");
  CHECK(FormatNumber(1e300, 0).size() == 301);  // no truncation
}

// From a review, 2026-12-07: shares and scores shown rounded to nearest crossed thresholds.
TEST_CASE("FormatNumberDown rounds down and keeps decimals that binary floating point stores low",
          "[base]") {
  CHECK(FormatNumberDown(49.996) == "49.99");  // FormatNumber: "50"
  CHECK(FormatNumberDown(0.9963) == "0.99");   // FormatNumber: "1"
  CHECK(FormatNumberDown(50.004) == "50");
  CHECK(FormatNumberDown(0.29) == "0.29");  // 0.28999999999999998: a plain floor gives 0.28
  CHECK(FormatNumberDown(32.05) == "32.05");
  CHECK(FormatNumberDown(20.31 + 22.65 + 7.04) == "50");  // 49.99999999999999
  CHECK(FormatNumberDown(0.8) == "0.8");
  CHECK(FormatNumberDown(62.5) == "62.5");
  CHECK(FormatNumberDown(100.0) == "100");
  CHECK(FormatNumberDown(0.0) == "0");
  CHECK(FormatNumberDown(0.004) == "0");
  CHECK(FormatNumberDown(0.79999) == "0.79");
  CHECK(FormatNumberDown(1.23456, 3) == "1.234");
}

// FloorToDecimals is exact, where FormatNumberDown (shares) tolerates 1e-9: a match score a hair
// under a threshold is shown under it. serve's /match used the tolerance until 2026-12-08, so a
// score of 0.7999999999 read 0.8 beside "match": false.
TEST_CASE("FloorToDecimals never shows a score under a threshold as the threshold", "[base]") {
  CHECK(FloorToDecimals(0.7999999999, 2) == 0.79);
  CHECK(FloorToDecimals(0.8, 2) == 0.8);
  CHECK(FloorToDecimals(0.29, 2) == 0.29);  // stored as 0.28999999999999998, and >= 0.29 holds
  CHECK(FloorToDecimals(0.9963, 2) == 0.99);
  CHECK(FloorToDecimals(1.0, 2) == 1.0);
  CHECK(FloorToDecimals(0.0, 2) == 0.0);
}

TEST_CASE("FormatNumber writes what printf's %.*f writes", "[base]") {
  // FormatNumber formats with std::to_chars; evidence written before that change used snprintf.
  // Values over many magnitudes and signs, every precision the engine uses, compared with printf
  // (then trimmed the same way).
  auto reference = [](double value, int decimals) {
    char buffer[512];
    std::snprintf(buffer, sizeof(buffer), "%.*f", decimals, value);
    std::string out(buffer);
    if (out.find('.') != std::string::npos) {
      while (out.back() == '0') out.pop_back();
      if (out.back() == '.') out.pop_back();
    }
    return out == "-0" ? std::string("0") : out;
  };
  std::mt19937_64 random(20261203);
  std::uniform_real_distribution<double> exponent(-12, 16);
  int compared = 0;
  for (int i = 0; i < 20000; ++i) {
    double value = std::pow(10.0, exponent(random)) * (random() % 2 ? 1 : -1);
    if (i % 4 == 0) value = std::round(value * 1000) / 1000;  // short decimals, where ties live
    for (int decimals : {0, 1, 2, 3, 6, 17}) {
      INFO(value << " at " << decimals);
      REQUIRE(FormatNumber(value, decimals) == reference(value, decimals));
      ++compared;
    }
  }
  for (double value : {0.5, 1.5, 2.5, -2.5, 0.05, 0.25, 1e-320, 123456789.125}) {
    for (int decimals : {0, 1, 2, 17})
      CHECK(FormatNumber(value, decimals) == reference(value, decimals));
  }
  CHECK(compared == 120000);
}

TEST_CASE("CsvReader handles quotes, CRLF and line numbers", "[base]") {
  std::istringstream in("a,\"b,c\",\"d\"\"e\"\r\n1,\"two\nlines\",3\nx,\"open");
  CsvReader reader(&in);
  std::vector<std::string> fields;
  REQUIRE(reader.Next(&fields));
  CHECK(fields == std::vector<std::string>{"a", "b,c", "d\"e"});
  CHECK(reader.line() == 1);
  REQUIRE(reader.Next(&fields));
  CHECK(fields == std::vector<std::string>{"1", "two\nlines", "3"});
  CHECK(reader.line() == 2);
  REQUIRE(reader.Next(&fields));
  CHECK(reader.line() == 4);
  CHECK(reader.error() == "unterminated quoted field");
  CHECK_FALSE(reader.Next(&fields));
}

}  // namespace corridor

namespace corridor {

TEST_CASE("CsvReader::NextDataRecord passes over blank and comment lines", "[base]") {
  std::istringstream in("# source: test\n\nhs_code,tier\n  # indented comment\n8542,Tier 1\n");
  CsvReader reader(&in);
  std::vector<std::string> fields;
  REQUIRE(reader.NextDataRecord(&fields));
  CHECK(fields == std::vector<std::string>{"hs_code", "tier"});
  CHECK(reader.line() == 3);
  REQUIRE(reader.NextDataRecord(&fields));
  CHECK(fields == std::vector<std::string>{"8542", "Tier 1"});
  CHECK(reader.line() == 5);
  CHECK_FALSE(reader.NextDataRecord(&fields));
}

}  // namespace corridor

namespace corridor {
namespace {

TEST_CASE("StringFilter holds every string added and few others", "[base]") {
  StringFilter empty;
  CHECK_FALSE(empty.MayHold("E0000001"));
  CHECK_FALSE(empty.MayHold(""));

  StringFilter filter(100000);
  for (int i = 0; i < 100000; ++i) filter.Add("E" + std::to_string(i * 2));
  int missed = 0, others = 0;
  for (int i = 0; i < 100000; ++i) missed += !filter.MayHold("E" + std::to_string(i * 2));
  for (int i = 0; i < 100000; ++i) others += filter.MayHold("E" + std::to_string(i * 2 + 1));
  CHECK(missed == 0);
  INFO("others held: " << others);
  CHECK(others < 2000);  // about 1% expected of 16 bits a string, two bits of one word
  CHECK(others > 0);

  // Sized for fewer strings than it gets: still no string added is missed.
  StringFilter small(10);
  for (int i = 0; i < 1000; ++i) small.Add(std::to_string(i));
  for (int i = 0; i < 1000; ++i) CHECK(small.MayHold(std::to_string(i)));
}

}  // namespace
}  // namespace corridor
