#include "engine/base/strings.h"

#include <catch2/catch.hpp>
#include <sstream>

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
}

TEST_CASE("FormatNumber drops trailing zeros", "[base]") {
  CHECK(FormatNumber(62.5) == "62.5");
  CHECK(FormatNumber(100.0) == "100");
  CHECK(FormatNumber(0.004) == "0");
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
