// Helpers shared by the list parsers: country names, dates, digests, file reading.
#include <unicode/uloc.h>
#include <unicode/ustring.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

#include "engine/base/file.h"
#include "engine/base/sha256.h"
#include "engine/base/strings.h"
#include "engine/lists/document.h"
#include "engine/names/published.h"

namespace corridor::lists {

namespace {

// Upper case, ASCII letters and digits only, single spaces: "Korea, North" -> "KOREA NORTH".
// Punctuation and case do not distinguish country names ("Korea, North" = "KOREA NORTH" = "Korea
// North"), so the key drops them; word order still matters, hence the explicit rows below.
std::string CountryKey(std::string_view name) {
  // The letters U+00C0..U+00FF without their marks ("Türkiye", "Côte d'Ivoire", "Curaçao",
  // "São Tomé"); '*' for the two signs there (U+00D7, U+00F7). Before 2026-12-07 their bytes were
  // dropped: "Türkiye", as the UN list writes it, read as TRKIYE, no country.
  static constexpr char kLatin1Letters[] =
      "AAAAAAACEEEEIIIIDNOOOOO*OUUUUYTSaaaaaaaceeeeiiiidnooooo*ouuuuyty";
  std::string key;
  bool space = false;
  for (size_t i = 0; i < name.size(); ++i) {
    char c = name[i];
    const auto byte = static_cast<unsigned char>(c);
    if (byte == 0xC3 && i + 1 < name.size()) {
      const auto next = static_cast<unsigned char>(name[i + 1]);
      if (next >= 0x80 && next <= 0xBF && kLatin1Letters[next - 0x80] != '*') {
        c = kLatin1Letters[next - 0x80];
        ++i;
      }
    }
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
      if (space && !key.empty()) key += ' ';
      space = false;
      key += static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
    } else if (static_cast<unsigned char>(c) >= 0x80) {
      // other bytes of non-ASCII letters are dropped (the Latin-1 letters are folded above);
      // spellings that need them are in kExtraNames
    } else {
      space = true;
    }
  }
  return key;
}

// Spellings used by OFAC, the UN, the UK and the CSL that differ from ICU's English names.
constexpr std::pair<const char*, const char*> kExtraNames[] = {
    {"Burma", "MM"},
    {"Korea, North", "KP"},
    {"North Korea", "KP"},
    {"Korea, Democratic People's Republic of", "KP"},
    {"Democratic People's Republic of Korea", "KP"},
    {"Korea, South", "KR"},
    {"Korea, Republic of", "KR"},
    {"Republic of Korea", "KR"},
    {"Russia", "RU"},
    {"Russian Federation", "RU"},
    {"Iran", "IR"},
    {"Iran, Islamic Republic of", "IR"},
    {"Iran (Islamic Republic of)", "IR"},
    {"Syria", "SY"},
    {"Syrian Arab Republic", "SY"},
    {"Venezuela", "VE"},
    {"Venezuela (Bolivarian Republic of)", "VE"},
    {"Bolivia", "BO"},
    {"Tanzania", "TZ"},
    {"United Republic of Tanzania", "TZ"},
    {"Vietnam", "VN"},
    {"Viet Nam", "VN"},
    {"Laos", "LA"},
    {"Lao People's Democratic Republic", "LA"},
    {"Moldova", "MD"},
    {"Republic of Moldova", "MD"},
    {"Congo, Democratic Republic of the", "CD"},
    {"Democratic Republic of the Congo", "CD"},
    {"Congo, Republic of the", "CG"},
    {"Republic of the Congo", "CG"},
    // "Congo" alone is the Republic of the Congo, as the lists use it; the DRC is always qualified.
    {"Congo", "CG"},
    {"West Bank", "PS"},
    {"Gaza", "PS"},
    {"Palestinian", "PS"},
    {"Palestine", "PS"},
    {"State of Palestine", "PS"},
    {"Macau", "MO"},
    {"Macao", "MO"},
    {"Hong Kong", "HK"},
    {"Taiwan", "TW"},
    {"Czech Republic", "CZ"},
    {"Czechia", "CZ"},
    {"Turkey", "TR"},
    {"Turkiye", "TR"},
    {"Cote d'Ivoire", "CI"},
    {"Ivory Coast", "CI"},
    {"Kyrgyzstan", "KG"},
    {"Kyrgyz Republic", "KG"},
    {"Macedonia", "MK"},
    {"North Macedonia", "MK"},
    {"The former Yugoslav Republic of Macedonia", "MK"},
    {"Micronesia, Federated States of", "FM"},
    {"Bahamas, The", "BS"},
    {"The Bahamas", "BS"},
    {"Gambia, The", "GM"},
    {"The Gambia", "GM"},
    {"Kosovo", "XK"},
    {"DPRK", "KP"},
    {"DRC", "CD"},
    {"Gaza Strip", "PS"},
    {"West Bank (Palestinian Authority)", "PS"},
    {"England", "GB"},
    {"Scotland", "GB"},
    {"Wales", "GB"},
    {"Northern Ireland", "GB"},
    {"Republic of Serbia", "RS"},
    {"Curacao", "CW"},
    {"Sint Maarten", "SX"},
    {"Brunei", "BN"},
    {"Cabo Verde", "CV"},
    {"Cape Verde", "CV"},
    {"Eswatini", "SZ"},
    {"Swaziland", "SZ"},
    {"Holy See", "VA"},
    {"Vatican City", "VA"},
    {"United Kingdom", "GB"},
    {"UK", "GB"},
    {"United States", "US"},
    {"United States of America", "US"},
    {"USA", "US"},
    {"UAE", "AE"},
    {"Timor-Leste", "TL"},
    {"East Timor", "TL"},
    {"Saint Kitts and Nevis", "KN"},
    {"Saint Vincent and the Grenadines", "VC"},
    {"Saint Lucia", "LC"},
    {"Bosnia-Herzegovina", "BA"},
    {"Bosnia and Herzegovina", "BA"},
    {"Antigua and Barbuda", "AG"},
    {"Trinidad and Tobago", "TT"},
    {"Sao Tome and Principe", "ST"},
    {"Myanmar", "MM"},
    // The lists' "Region:" countries are occupied or contested regions; the country column holds
    // the ISO country (UA for Crimea), and region-level sanctions are the jurisdiction rules'
    // business (UA-43 and the like in the rule files).
    {"Region: Crimea", "UA"},
    {"Region: Gaza", "PS"},
    {"Region: West Bank", "PS"},
    {"Region: Northern Mali", "ML"},
    {"North Macedonia, The Republic of", "MK"},
    {"St. Kitts and Nevis", "KN"},
    {"St. Vincent and the Grenadines", "VC"},
    {"St. Lucia", "LC"},
    {"St. Helena", "SH"},
    {"Crimea", "UA"},
    // Old entries still name dissolved states: each maps to the successor that continues its ISO
    // role (RS for Serbia and Montenegro and Yugoslavia, CW for the Netherlands Antilles).
    {"Serbia and Montenegro", "RS"},
    {"Yugoslavia", "RS"},
    {"Netherlands Antilles", "CW"},
    {"Falkland Islands", "FK"},
    {"British Virgin Islands", "VG"},
    {"Virgin Islands, British", "VG"},
    {"Virgin Islands, U.S.", "VI"},
    {"Man, Isle of", "IM"},
    {"Isle of Man", "IM"},
    {"Reunion", "RE"},
    {"Aland Islands", "AX"},
    {"Saint Barthelemy", "BL"},
    {"Heard Island and McDonald Islands", "HM"},
    {"Pitcairn Islands", "PN"},
    {"Svalbard", "SJ"},
    {"Wallis and Futuna", "WF"},
    // The UN's formal names, as the UN list writes nationalities and addresses (UNTERM, the
    // United Nations' terminology database: https://unterm.un.org; since 2026-12-07, from a review:
    // "United Kingdom of Great Britain and Northern Ireland" mapped to no country, and ten UN
    // entries took an address country for their nationality).
    {"United Kingdom of Great Britain and Northern Ireland", "GB"},
    {"China, Hong Kong Special Administrative Region", "HK"},
    {"Hong Kong Special Administrative Region of China", "HK"},
    {"Hong Kong SAR", "HK"},
    {"China, Macao Special Administrative Region", "MO"},
    {"Macao Special Administrative Region of China", "MO"},
    {"Bolivia (Plurinational State of)", "BO"},
    {"Micronesia (Federated States of)", "FM"},
    {"Netherlands (Kingdom of the)", "NL"},
    {"Democratic Republic of the Congo (DRC)", "CD"},
    // Citizen names (demonyms), as the UK list (OFSI) writes nationalities: the FCDO's country
    // register gives them ("Citizen names", https://www.gov.uk/government/publications/
    // geographical-names-and-information; since 2026-12-07, from a review: 17 of the real
    // fragment's 23 nationality values, "Iraqi", "Syrian", mapped to no country).
    {"Afghan", "AF"},
    {"Albanian", "AL"},
    {"Algerian", "DZ"},
    {"American", "US"},
    {"Armenian", "AM"},
    {"Azerbaijani", "AZ"},
    {"Bahraini", "BH"},
    {"Bangladeshi", "BD"},
    {"Belarusian", "BY"},
    {"Bosnian", "BA"},
    {"British", "GB"},
    {"Burmese", "MM"},
    {"Cameroonian", "CM"},
    {"Central African", "CF"},
    {"Chadian", "TD"},
    {"Chinese", "CN"},
    {"Congolese (DRC)", "CD"},
    {"Cuban", "CU"},
    {"Egyptian", "EG"},
    {"Emirati", "AE"},
    {"Eritrean", "ER"},
    {"Ethiopian", "ET"},
    {"French", "FR"},
    {"Georgian", "GE"},
    {"German", "DE"},
    {"Guinean", "GN"},
    {"Indian", "IN"},
    {"Indonesian", "ID"},
    {"Iranian", "IR"},
    {"Iraqi", "IQ"},
    {"Israeli", "IL"},
    {"Italian", "IT"},
    {"Jordanian", "JO"},
    {"Kazakh", "KZ"},
    {"Kazakhstani", "KZ"},
    {"Kenyan", "KE"},
    {"Kosovan", "XK"},
    {"Kuwaiti", "KW"},
    {"Kyrgyz", "KG"},
    {"Lebanese", "LB"},
    {"Libyan", "LY"},
    {"Malaysian", "MY"},
    {"Malian", "ML"},
    {"Mauritanian", "MR"},
    {"Moldovan", "MD"},
    {"Moroccan", "MA"},
    {"Nicaraguan", "NI"},
    {"Nigerian", "NG"},
    {"Nigerien", "NE"},
    {"North Korean", "KP"},
    {"Omani", "OM"},
    {"Pakistani", "PK"},
    {"Filipino", "PH"},
    {"Qatari", "QA"},
    {"Russian", "RU"},
    {"Rwandan", "RW"},
    {"Saudi", "SA"},
    {"Saudi Arabian", "SA"},
    {"Serbian", "RS"},
    {"Somali", "SO"},
    {"South Sudanese", "SS"},
    {"Sudanese", "SD"},
    {"Syrian", "SY"},
    {"Tajik", "TJ"},
    {"Tanzanian", "TZ"},
    {"Tunisian", "TN"},
    {"Turkish", "TR"},
    {"Turkmen", "TM"},
    {"Ugandan", "UG"},
    {"Ukrainian", "UA"},
    {"Uzbek", "UZ"},
    {"Venezuelan", "VE"},
    {"Yemeni", "YE"},
    {"Zimbabwean", "ZW"},
};

const std::unordered_map<std::string, std::string>& CountryTable() {
  static const auto* table = [] {
    auto* names = new std::unordered_map<std::string, std::string>();
    for (const char* const* code = uloc_getISOCountries(); *code != nullptr; ++code) {
      std::string locale = std::string("_") + *code;
      UChar display[128];
      UErrorCode error = U_ZERO_ERROR;
      int32_t length = uloc_getDisplayCountry(locale.c_str(), "en", display, 128, &error);
      if (U_FAILURE(error) || length <= 0) continue;
      char utf8[512];
      int32_t utf8_length = 0;
      error = U_ZERO_ERROR;
      u_strToUTF8(utf8, sizeof(utf8), &utf8_length, display, length, &error);
      if (U_FAILURE(error)) continue;
      names->emplace(CountryKey(std::string_view(utf8, utf8_length)), *code);
      // Codes themselves are accepted (alpha-2 and alpha-3), as some lists write them instead of
      // names.
      names->emplace(*code, *code);  // "CN" itself
      const char* alpha3 = uloc_getISO3Country(locale.c_str());
      if (alpha3 != nullptr && alpha3[0] != '\0') names->emplace(alpha3, *code);
    }
    // Assigned last so the lists' spellings override ICU where the two disagree.
    for (const auto& [name, code] : kExtraNames) (*names)[CountryKey(name)] = code;
    // Kosovo's XK/XKX are user-assigned codes, not ISO, so ICU does not list them; the lists do.
    names->emplace("XK", "XK");
    names->emplace("XKX", "XK");
    return names;
  }();
  return *table;
}

int MonthNumber(std::string_view name) {
  static constexpr const char* kMonths[] = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN",
                                            "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
  if (name.size() < 3) return 0;
  std::string upper = AsciiUpper(name.substr(0, 3));
  for (int i = 0; i < 12; ++i) {
    if (upper == kMonths[i]) return i + 1;
  }
  return 0;
}

bool AllDigits(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// "7" -> "07". Built in place: g++ 12 -O2 reports a false -Werror=restrict on the
// `"0" + std::string(...)` temporary this used to be.
std::string Pad2(std::string_view digits) {
  std::string out;
  if (digits.size() == 1) out.push_back('0');
  out.append(digits);
  return out;
}

}  // namespace

std::string CountryCode(std::string_view name) {
  std::string key = CountryKey(Trim(name));
  if (key.empty()) return "";
  const auto& table = CountryTable();
  auto found = table.find(key);
  // "The Bahamas", "the Netherlands": a leading article is optional in the lists' spellings.
  if (found == table.end() && StartsWith(key, "THE ")) found = table.find(key.substr(4));
  return found == table.end() ? "" : found->second;
}

std::string IsoDate(std::string_view text) {
  text = Trim(text);
  if (IsIsoDate(text)) return std::string(text);
  // ISO with a time part: "2022-02-24T00:00:00".
  if (text.size() > 10 && text[10] == 'T' && IsIsoDate(text.substr(0, 10))) {
    return std::string(text.substr(0, 10));
  }
  std::vector<std::string> parts;
  for (const std::string& piece : Split(text, ' ')) {
    if (!piece.empty()) parts.push_back(piece);
  }
  std::string out;
  if (parts.size() == 1 && AllDigits(parts[0]) && parts[0].size() == 4) {
    out = parts[0];
  } else if (parts.size() == 2 && MonthNumber(parts[0]) > 0 && AllDigits(parts[1]) &&
             parts[1].size() == 4) {
    char buffer[16];
    std::snprintf(buffer, sizeof(buffer), "-%02d", MonthNumber(parts[0]));
    out = parts[1] + buffer;
  } else if (parts.size() == 3 && AllDigits(parts[0]) && parts[0].size() <= 2 &&
             MonthNumber(parts[1]) > 0 && AllDigits(parts[2]) && parts[2].size() == 4) {
    char buffer[16];
    std::snprintf(buffer, sizeof(buffer), "-%02d-", MonthNumber(parts[1]));
    out = parts[2] + buffer + Pad2(parts[0]);
  } else if (parts.size() == 1) {
    // Day-first numeric dates: 10/01/1971, 10.01.1971, 10-01-1971.
    // Day first, the convention outside the US (the UK list writes DD/MM/YYYY); the US lists here
    // write ISO dates or month names, so no numeric date is meant month first.
    for (char separator : {'/', '.', '-'}) {
      std::vector<std::string> pieces = Split(parts[0], separator);
      if (pieces.size() == 3 && AllDigits(pieces[0]) && AllDigits(pieces[1]) &&
          AllDigits(pieces[2]) && pieces[0].size() <= 2 && pieces[1].size() <= 2 &&
          pieces[2].size() == 4) {
        out = pieces[2] + "-" + Pad2(pieces[1]) + "-" + Pad2(pieces[0]);
        break;
      }
      if (pieces.size() == 2 && AllDigits(pieces[0]) && AllDigits(pieces[1]) &&
          pieces[0].size() <= 2 && pieces[1].size() == 4) {
        out = pieces[1] + "-" + Pad2(pieces[0]);
        break;
      }
    }
  }
  // Every branch's result is checked as a real calendar date: "31 Feb 1970" gives "", and the
  // caller then keeps the text as unparsed.
  return IsIsoDate(out) ? out : "";
}

Columns::Columns(const std::vector<std::string>& header, bool lower_case, bool to_utf8)
    : to_utf8_(to_utf8) {
  for (size_t i = 0; i < header.size(); ++i) {
    std::string name(Trim(header[i]));
    index_[lower_case ? AsciiLower(name) : name] = i;
  }
}

std::string Columns::Cell(const std::vector<std::string>& fields, const char* name) const {
  auto found = index_.find(name);
  if (found == index_.end() || found->second >= fields.size()) return std::string();
  std::string_view cell = Trim(fields[found->second]);
  // Per cell, not per file: a file that is mostly UTF-8 with a few Windows-1252 cells (hand-edited
  // spreadsheets) keeps its UTF-8 intact. The count is reported as a note (ConversionNote).
  if (!to_utf8_ || IsValidUtf8(cell, nullptr)) return std::string(cell);
  ++converted_cells_;
  return Windows1252ToUtf8(cell);
}

std::string Columns::ConversionNote(const std::string& file) const {
  if (converted_cells_ == 0) return "";
  return file + ": " + std::to_string(converted_cells_) +
         " cells were not valid UTF-8 and were read as Windows-1252 (Latin-1)";
}

std::string RowProblem(const CsvReader& reader, const std::vector<std::string>& fields,
                       size_t expected_fields) {
  if (!reader.error().empty()) return reader.error();
  if (fields.size() != expected_fields) {
    return "expected " + std::to_string(expected_fields) + " fields, found " +
           std::to_string(fields.size());
  }
  return "";
}

std::string Sha256Hex(std::string_view data) {
  Sha256 digest;
  digest.Update(data);
  return digest.HexDigest();
}

Status ReadFile(const std::string& path, int64_t max_bytes, std::string* contents) {
  return ReadRegularFile(path, max_bytes, contents);
}

Status Sha256Files(const std::vector<std::string>& paths, int64_t max_bytes, std::string* hex) {
  if (paths.size() == 1) {
    std::string contents;
    Status status = ReadFile(paths[0], max_bytes, &contents);
    if (!status.ok()) return status;
    *hex = Sha256Hex(contents);  // a single file: its plain digest, comparable with sha256sum
    return Status::Ok();
  }
  std::string all;
  for (const std::string& path : paths) {
    std::string contents;
    Status status = ReadFile(path, max_bytes, &contents);
    if (!status.ok()) return status;
    size_t slash = path.find_last_of('/');
    // Base names, not paths: the digest must not change when the same files are imported from
    // another folder. The caller passes the files in a fixed order.
    all += path.substr(slash == std::string::npos ? 0 : slash + 1);
    all += '\n';
    all += Sha256Hex(contents);
    all += '\n';
  }
  *hex = Sha256Hex(all);
  return Status::Ok();
}

bool IsValidUtf8(std::string_view text, size_t* error_offset) {
  size_t i = 0;
  while (i < text.size()) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    // The lead byte fixes the length and the smallest code point that may use it (anything
    // smaller is an overlong form); C0, C1 and F5..FF never start a sequence.
    int extra = 0;
    uint32_t code = 0, minimum = 0;
    if (c >= 0xC2 && c <= 0xDF) {
      extra = 1, code = c & 0x1F, minimum = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
      extra = 2, code = c & 0x0F, minimum = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
      extra = 3, code = c & 0x07, minimum = 0x10000;
    } else {
      if (error_offset != nullptr) *error_offset = i;
      return false;
    }
    bool valid = i + extra < text.size();
    for (int k = 1; valid && k <= extra; ++k) {
      unsigned char next = static_cast<unsigned char>(text[i + k]);
      valid = (next & 0xC0) == 0x80;
      code = (code << 6) | (next & 0x3F);
    }
    // Surrogates (D800..DFFF) and code points past U+10FFFF are not characters in UTF-8.
    if (!valid || code < minimum || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
      if (error_offset != nullptr) *error_offset = i;
      return false;
    }
    i += extra + 1;
  }
  return true;
}

std::string Windows1252ToUtf8(std::string_view text) {
  // 0x80-0x9F map to assorted punctuation; the rest is Latin-1. Undefined bytes become U+FFFD.
  static constexpr uint16_t kCp1252[32] = {
      0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
      0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
      0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};
  std::string out;
  out.reserve(text.size() + 16);
  for (char ch : text) {
    unsigned char c = static_cast<unsigned char>(ch);
    uint32_t code = c < 0x80 ? c : (c < 0xA0 ? kCp1252[c - 0x80] : c);
    if (code < 0x80) {
      out += static_cast<char>(code);
    } else if (code < 0x800) {
      out += static_cast<char>(0xC0 | (code >> 6));
      out += static_cast<char>(0x80 | (code & 0x3F));
    } else {
      out += static_cast<char>(0xE0 | (code >> 12));
      out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (code & 0x3F));
    }
  }
  return out;
}

std::string ToUtf8(std::string_view text) {
  if (IsValidUtf8(text, nullptr)) return std::string(text);  // the common case
  return Windows1252ToUtf8(text);
}

bool EndsWithLineBreak(std::string_view contents) {
  return !contents.empty() &&
         (contents.back() == '\n' || contents.back() == '\r' || contents.back() == '\x1a');
}

std::string CutRecord(const CsvReader& reader, const std::vector<std::string>& fields,
                      size_t expected_fields, bool file_ends_with_line_break) {
  if (reader.error() == "unterminated quoted field") return reader.error();
  // A short row that ends its line is a malformed row; one that ends the file mid-line is a cut.
  if (fields.size() < expected_fields && !file_ends_with_line_break) {
    return "only " + std::to_string(fields.size()) + " of " + std::to_string(expected_fields) +
           " fields";
  }
  return "";
}

void SplitPublishedNames(Entry* entry) {
  const bool organisation = entry->kind != "person";
  std::vector<std::string> names = names::SplitPublishedName(entry->name, organisation);
  std::vector<Alias> aliases;
  std::unordered_set<std::string> seen;
  // A field holding only other names ("a.k.a. X") keeps its text: the entry must have a name.
  if (!names[0].empty() && names[0] != entry->name) {
    entry->published_name = entry->name;
    entry->name = names[0];
  }
  seen.insert(AsciiLower(entry->name));
  auto add = [&](std::string name, const std::string& quality) {
    if (!name.empty() && seen.insert(AsciiLower(name)).second) {
      aliases.push_back({std::move(name), quality});
    }
  };
  // A name with its acronym in brackets ("HAQQANI NETWORK (HQN)") is also kept as published: a
  // party or an officer types it so, and the acronym left over as a word of the query cost it a
  // quarter of its score (since 2026-12-07, from a review: 21 such names of the real SDN, UN and
  // CSL lists, typed as published, did not find their own entry at 0.80).
  auto with_acronym = [](const std::string& published, const std::vector<std::string>& pieces) {
    return pieces.size() == 2 && pieces[1].find(' ') == std::string::npos && !published.empty() &&
           published.back() == ')' && published.find('(') != std::string::npos;
  };
  for (size_t i = 1; i < names.size(); ++i) add(names[i], "strong");
  if (with_acronym(entry->published_name, names)) add(entry->published_name, "strong");
  for (const Alias& alias : entry->aliases) {
    std::vector<std::string> pieces = names::SplitPublishedName(alias.name, organisation);
    const bool keep_published = with_acronym(alias.name, pieces);
    for (std::string& name : pieces) add(std::move(name), alias.quality);
    if (keep_published) add(alias.name, alias.quality);
  }
  entry->aliases = std::move(aliases);
}

std::string EntryDigest(const Entry& entry) {
  // Fields are separated by 0x1F and rows by 0x1E so that no two different entries serialise
  // alike; child rows keep their published order (a reordering is a change). The list id is left
  // out (a link's target_list_id too): the same content imported under two ids digests alike.
  std::string text;
  auto field = [&text](std::string_view value) {
    text += value;
    text += '\x1f';
  };
  field(entry.entry_id);
  field(entry.kind);
  field(entry.name);
  for (const std::string& program : entry.programs) field(program);
  text += '\x1e';
  field(entry.country);
  field(entry.birth_date);
  field(entry.remarks);
  field(entry.listed_on);
  text += '\x1e';
  // A one-letter tag per child row ("A", "D", "T", "I", "L"), so an alias and an attribute with
  // the same text cannot be confused.
  for (const Alias& alias : entry.aliases) {
    field("A");
    field(alias.name);
    field(alias.quality);
  }
  for (const Address& address : entry.addresses) {
    field("D");
    field(address.address);
    field(address.city);
    field(address.region);
    field(address.postal_code);
    field(address.country);
    field(address.country_name);
  }
  for (const Attribute& attribute : entry.attributes) {
    field("T");
    field(attribute.key);
    field(attribute.value);
    field(attribute.country);
    field(attribute.note);
  }
  for (const Identifier& identifier : entry.identifiers) {
    field("I");
    field(identifier.id_type);
    field(identifier.number);
    field(identifier.country);
    field(identifier.note);
  }
  for (const Link& link : entry.links) {
    field("L");
    field(link.kind);
    field(link.target_entry_id);
    field(link.target_name);
    field(link.share ? FormatNumber(*link.share, 4) : "");
    field(link.as_of);
    field(link.role);
  }
  // 128 bits are plenty to tell an entry's versions apart, and half the width in the database.
  return Sha256Hex(text).substr(0, 32);
}

}  // namespace corridor::lists
