#include "engine/base/strings.h"

#include <unicode/uloc.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>

namespace corridor {

std::string_view Trim(std::string_view text) {
  // ASCII whitespace only: UTF-8 text is trimmed without decoding, and a no-break space inside a
  // name is the name's business.
  const char* spaces = " \t\r\n\f\v";
  size_t begin = text.find_first_not_of(spaces);
  if (begin == std::string_view::npos) return {};
  size_t end = text.find_last_not_of(spaces);
  return text.substr(begin, end - begin + 1);
}

// Empty pieces are kept ("a;;b" gives three): callers decide whether an empty item matters.
std::vector<std::string> Split(std::string_view text, char separator) {
  std::vector<std::string> pieces;
  size_t start = 0;
  while (true) {
    size_t at = text.find(separator, start);
    if (at == std::string_view::npos) {
      pieces.emplace_back(text.substr(start));
      return pieces;
    }
    pieces.emplace_back(text.substr(start, at - start));
    start = at + 1;
  }
}

std::string AsciiUpper(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

std::string SqlUpperTrim(std::string_view text) {
  const size_t begin = text.find_first_not_of(' ');
  if (begin == std::string_view::npos) return std::string();
  return AsciiUpper(text.substr(begin, text.find_last_not_of(' ') - begin + 1));
}

std::string AsciiLower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool StartsWith(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

std::string Join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += separator;
    out += parts[i];
  }
  return out;
}

std::string FormatNumber(double value, int decimals) {
  // std::to_chars with a precision writes what printf's "%.*f" writes (the standard defines it
  // so), in a fifth of the instructions: evidence formats numbers for every item of most
  // shipments (docs/performance.md, round 7). The buffer holds any double in fixed notation.
  char buffer[400];
  std::string out;
  auto [end, error] =
      std::to_chars(buffer, buffer + sizeof(buffer), value, std::chars_format::fixed, decimals);
  if (error == std::errc()) {
    out.assign(buffer, end);
  } else {  // a precision beyond the buffer: printf sizes it
    const int size = std::snprintf(nullptr, 0, "%.*f", decimals, value);
    out.resize(static_cast<size_t>(std::max(size, 0)) + 1);
    std::snprintf(out.data(), out.size(), "%.*f", decimals, value);
    out.pop_back();
  }
  // Trailing zeros go, so evidence reads "55" and "0.35" rather than "55.000000"; "-0" (a small
  // negative value rounded away) reads as "0".
  if (out.find('.') != std::string::npos) {
    while (!out.empty() && out.back() == '0') out.pop_back();
    if (!out.empty() && out.back() == '.') out.pop_back();
  }
  if (out == "-0") out = "0";
  return out;
}

double FloorToDecimals(double value, int decimals) {
  if (!std::isfinite(value)) return value;
  const double scale = std::pow(10.0, decimals);
  // value * scale can round either way (0.29 * 100 = 28.999999999999996): the floor is corrected
  // by comparing the candidate back against the value itself.
  double units = std::floor(value * scale);
  if ((units + 1) / scale <= value) units += 1;
  if (units / scale > value) units -= 1;
  return units / scale;
}

std::string FormatNumberDown(double value, int decimals) {
  // From a review, 2026-12-07: shares and match scores were shown rounded to nearest (49.996% as
  // "50%", a 0.9963 match as "1"), across the threshold they are tested against.
  if (!std::isfinite(value)) return FormatNumber(value, decimals);
  return FormatNumber(FloorToDecimals(value + 1e-9, decimals), decimals);
}

bool SharePasses(double share, double threshold, bool inclusive) {
  return inclusive ? share >= threshold - 1e-9 : share > threshold + 1e-9;
}

std::string FormatShareDown(double share, double threshold, bool inclusive) {
  int decimals = 2;
  if (SharePasses(share, threshold, inclusive)) {
    while (decimals < 9 &&
           !SharePasses(FloorToDecimals(share + 1e-9, decimals), threshold, inclusive)) {
      ++decimals;
    }
  }
  return FormatNumberDown(share, decimals);
}

namespace {

// One flag per pair of upper-case letters (speed: a set's string compares were 1% of a batch
// run, called for every country and region column read; docs/performance.md).
using CountryTable = std::array<bool, 26 * 26>;

bool TwoUpperLetters(std::string_view text) {
  return text.size() == 2 && text[0] >= 'A' && text[0] <= 'Z' && text[1] >= 'A' && text[1] <= 'Z';
}

// REQUIRES: TwoUpperLetters(code).
size_t CountryIndex(std::string_view code) {
  return static_cast<size_t>(code[0] - 'A') * 26 + static_cast<size_t>(code[1] - 'A');
}

const CountryTable& KnownCountries() {
  static const CountryTable countries = [] {
    CountryTable codes{};
    auto add = [&](std::string_view code) {
      if (TwoUpperLetters(code)) codes[CountryIndex(code)] = true;
    };
    for (const char* const* code = uloc_getISOCountries(); *code != nullptr; ++code) add(*code);
    // ICU's list of ISO 3166-1 codes is the one reference, so lists, rule files and input data
    // are checked against the same codes.
    add("XK");  // Kosovo: user-assigned, used by OFAC, the EU and the UN.
    return codes;
  }();
  return countries;
}

bool IsUpperAlnum(char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

bool AllDigits(std::string_view text) {
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

bool IsKnownCountryCode(std::string_view text) {
  return TwoUpperLetters(text) && KnownCountries()[CountryIndex(text)];
}

bool IsRegionCodeShape(std::string_view text) {
  // ISO 3166-2: the country code, a hyphen and one to three letters or digits (UA-43, CN-XJ,
  // PK-BA, KZ-75).
  if (text.size() < 4 || text.size() > 6 || text[2] != '-') return false;
  if (!IsKnownCountryCode(text.substr(0, 2))) return false;
  return std::all_of(text.begin() + 3, text.end(), IsUpperAlnum);
}

bool IsIsoDate(std::string_view text) {
  // Partial dates (YYYY, YYYY-MM) are dates: lists publish birth years and months without days. A
  // full date must exist in the calendar, leap years included.
  if (text.size() != 4 && text.size() != 7 && text.size() != 10) return false;
  if (!AllDigits(text.substr(0, 4))) return false;
  if (text.size() == 4) return true;
  if (text[4] != '-' || !AllDigits(text.substr(5, 2))) return false;
  int month = (text[5] - '0') * 10 + (text[6] - '0');
  if (month < 1 || month > 12) return false;
  if (text.size() == 7) return true;
  if (text[7] != '-' || !AllDigits(text.substr(8, 2))) return false;
  int day = (text[8] - '0') * 10 + (text[9] - '0');
  int year = std::stoi(std::string(text.substr(0, 4)));
  static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  int max_day = (month == 2 && !leap) ? 28 : kDays[month - 1];
  return day >= 1 && day <= max_day;
}

StringFilter::StringFilter(size_t expected) {
  uint64_t words = 1;
  while (words * 64 < 16 * static_cast<uint64_t>(expected)) words *= 2;
  words_.assign(words, 0);
  mask_ = words - 1;
}

std::string ShownText(std::string_view text) {
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const unsigned char byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x20 || byte == 0x7f) {
      switch (byte) {
        case '\n':
          out += "\\n";
          break;
        case '\r':
          out += "\\r";
          break;
        case '\t':
          out += "\\t";
          break;
        default:
          out.append("\\x").append(1, kHex[byte >> 4]).append(1, kHex[byte & 15]);
      }
      continue;
    }
    // C1 controls: U+0080-U+009F, C2 80-C2 9F in UTF-8.
    if (byte == 0xc2 && i + 1 < text.size()) {
      const unsigned char next = static_cast<unsigned char>(text[i + 1]);
      if (next >= 0x80 && next <= 0x9f) {
        out.append("\\x").append(1, kHex[next >> 4]).append(1, kHex[next & 15]);
        ++i;
        continue;
      }
    }
    // Bidirectional controls: U+061C (D8 9C), U+200E-U+200F and U+202A-U+202E (E2 80 xx),
    // U+2066-U+2069 (E2 81 A6-A9).
    uint32_t bidi = 0;
    if (byte == 0xd8 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x9c) {
      bidi = 0x061c;
    } else if (byte == 0xe2 && i + 2 < text.size()) {
      const unsigned char b1 = static_cast<unsigned char>(text[i + 1]);
      const unsigned char b2 = static_cast<unsigned char>(text[i + 2]);
      if (b1 == 0x80 && (b2 == 0x8e || b2 == 0x8f || (b2 >= 0xaa && b2 <= 0xae))) {
        bidi = 0x2000 + (b2 - 0x80);
      } else if (b1 == 0x81 && b2 >= 0xa6 && b2 <= 0xa9) {
        bidi = 0x2040 + (b2 - 0x80);
      }
    }
    if (bidi != 0) {
      out += "\\u";
      for (int shift = 12; shift >= 0; shift -= 4) out += kHex[(bidi >> shift) & 15];
      i += bidi == 0x061c ? 1 : 2;
      continue;
    }
    out += static_cast<char>(byte);
  }
  return out;
}

}  // namespace corridor
