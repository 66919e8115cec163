#include "engine/incidents/acled_import.h"

#include <sqlite3.h>
#include <unicode/uloc.h>
#include <unicode/unistr.h>
#include <unicode/uregion.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <unordered_map>

#include "engine/base/csv.h"
#include "engine/base/sha256.h"
#include "engine/base/strings.h"
#include "engine/incidents/geo.h"
#include "engine/incidents/incidents.h"
#include "engine/store/database.h"

namespace corridor {

namespace {

// Lower case, blanks collapsed, for name lookups (the gazetteer's normalisation).
std::string Key(std::string_view text) { return NormalizePlaceName(text); }

const std::map<std::string, std::string>& CountryNames() {
  static const std::map<std::string, std::string> names = [] {
    std::map<std::string, std::string> table;
    for (const char* const* code = uloc_getISOCountries(); *code != nullptr; ++code) {
      std::string locale = std::string("_") + *code;
      UChar buffer[128];
      UErrorCode status = U_ZERO_ERROR;
      int32_t length = uloc_getDisplayCountry(locale.c_str(), "en", buffer, 128, &status);
      if (U_FAILURE(status) || length <= 0) continue;
      std::string name;
      icu::UnicodeString(buffer, length).toUTF8String(name);
      // ICU's English display names are the base, so only the names where ACLED differs need a
      // row below.
      table.emplace(Key(name), *code);
    }
    // Where ACLED's English names differ from ICU's.
    static const std::pair<const char*, const char*> kAcled[] = {
        {"Democratic Republic of Congo", "CD"},
        {"Republic of Congo", "CG"},
        {"Ivory Coast", "CI"},
        {"Czech Republic", "CZ"},
        {"eSwatini", "SZ"},
        {"Turkey", "TR"},
        {"Myanmar", "MM"},
        {"Palestine", "PS"},
        {"North Macedonia", "MK"},
        {"Kosovo", "XK"},
        {"Hong Kong", "HK"},
        {"Macau", "MO"},
        {"United States", "US"},
        {"Bosnia and Herzegovina", "BA"},
        {"Cape Verde", "CV"},
        {"East Timor", "TL"},
        {"Vatican City", "VA"},
        {"Micronesia", "FM"},
        {"Saint Helena, Ascension and Tristan da Cunha", "SH"},
    };
    // Assigned, not emplaced: where an ACLED name equals another ICU name, ACLED's meaning wins.
    for (const auto& [name, code] : kAcled) table[Key(name)] = code;
    return table;
  }();
  return names;
}

// First-level divisions of the corridor's countries as ACLED's admin1 names them (and common
// spellings), to ISO 3166-2. docs/incidents.md.
const std::map<std::string, std::string>& Admin1Table() {
  static const std::map<std::string, std::string> table = [] {
    static const std::pair<const char*, const char*> kRows[] = {
        // Pakistan (ISO 3166-2:PK). The former FATA merged into Khyber Pakhtunkhwa in 2018.
        {"PK|balochistan", "PK-BA"},
        {"PK|baluchistan", "PK-BA"},
        {"PK|khyber pakhtunkhwa", "PK-KP"},
        {"PK|khyber-pakhtunkhwa", "PK-KP"},
        // Older ACLED rows still name FATA; mapping it to today's region keeps them comparable
        // with the rules, which name current ISO 3166-2 codes.
        {"PK|federally administered tribal areas", "PK-KP"},
        {"PK|fata", "PK-KP"},
        {"PK|punjab", "PK-PB"},
        {"PK|sindh", "PK-SD"},
        {"PK|islamabad capital territory", "PK-IS"},
        {"PK|islamabad", "PK-IS"},
        {"PK|gilgit-baltistan", "PK-GB"},
        {"PK|gilgit baltistan", "PK-GB"},
        {"PK|azad kashmir", "PK-JK"},
        {"PK|azad jammu and kashmir", "PK-JK"},
        // China (ISO 3166-2:CN, letter codes of 2017).
        {"CN|xinjiang", "CN-XJ"},
        {"CN|xinjiang uygur", "CN-XJ"},
        {"CN|xinjiang uyghur autonomous region", "CN-XJ"},
        {"CN|tibet", "CN-XZ"},
        {"CN|xizang", "CN-XZ"},
        {"CN|beijing", "CN-BJ"},
        {"CN|shanghai", "CN-SH"},
        {"CN|tianjin", "CN-TJ"},
        {"CN|chongqing", "CN-CQ"},
        {"CN|guangdong", "CN-GD"},
        {"CN|guangxi", "CN-GX"},
        {"CN|yunnan", "CN-YN"},
        {"CN|gansu", "CN-GS"},
        {"CN|qinghai", "CN-QH"},
        {"CN|sichuan", "CN-SC"},
        {"CN|shaanxi", "CN-SN"},
        {"CN|inner mongolia", "CN-NM"},
        {"CN|ningxia", "CN-NX"},
        {"CN|zhejiang", "CN-ZJ"},
        {"CN|jiangsu", "CN-JS"},
        {"CN|fujian", "CN-FJ"},
        {"CN|shandong", "CN-SD"},
        {"CN|henan", "CN-HA"},
        {"CN|hebei", "CN-HE"},
        {"CN|hubei", "CN-HB"},
        {"CN|hunan", "CN-HN"},
        {"CN|shanxi", "CN-SX"},
        {"CN|liaoning", "CN-LN"},
        {"CN|jilin", "CN-JL"},
        {"CN|heilongjiang", "CN-HL"},
        {"CN|anhui", "CN-AH"},
        {"CN|jiangxi", "CN-JX"},
        {"CN|guizhou", "CN-GZ"},
        {"CN|hainan", "CN-HI"},
        // Kazakhstan (ISO 3166-2:KZ, numeric codes since 2022).
        {"KZ|almaty", "KZ-75"},
        {"KZ|almaty city", "KZ-75"},
        {"KZ|almaty oblast", "KZ-19"},
        {"KZ|almaty region", "KZ-19"},
        {"KZ|astana", "KZ-71"},
        // The capital's name from 2019 to 2022; rows of those years use it.
        {"KZ|nur-sultan", "KZ-71"},
        {"KZ|shymkent", "KZ-79"},
        {"KZ|abai", "KZ-10"},
        {"KZ|akmola", "KZ-11"},
        {"KZ|aktobe", "KZ-15"},
        {"KZ|atyrau", "KZ-23"},
        {"KZ|west kazakhstan", "KZ-27"},
        {"KZ|zhambyl", "KZ-31"},
        {"KZ|jambyl", "KZ-31"},
        {"KZ|zhetysu", "KZ-33"},
        {"KZ|jetisu", "KZ-33"},
        {"KZ|karaganda", "KZ-35"},
        {"KZ|karagandy", "KZ-35"},
        {"KZ|kostanay", "KZ-39"},
        {"KZ|kyzylorda", "KZ-43"},
        {"KZ|mangystau", "KZ-47"},
        {"KZ|pavlodar", "KZ-55"},
        {"KZ|north kazakhstan", "KZ-59"},
        {"KZ|turkestan", "KZ-61"},
        {"KZ|ulytau", "KZ-62"},
        {"KZ|east kazakhstan", "KZ-63"},
        // Kyrgyzstan (ISO 3166-2:KG).
        {"KG|bishkek", "KG-GB"},
        {"KG|bishkek city", "KG-GB"},
        {"KG|osh city", "KG-GO"},
        {"KG|osh", "KG-O"},
        {"KG|batken", "KG-B"},
        {"KG|chuy", "KG-C"},
        {"KG|chui", "KG-C"},
        {"KG|jalal-abad", "KG-J"},
        {"KG|naryn", "KG-N"},
        {"KG|talas", "KG-T"},
        {"KG|issyk-kul", "KG-Y"},
        // Uzbekistan (ISO 3166-2:UZ).
        {"UZ|tashkent city", "UZ-TK"},
        {"UZ|tashkent", "UZ-TO"},
        {"UZ|andijan", "UZ-AN"},
        {"UZ|fergana", "UZ-FA"},
        {"UZ|namangan", "UZ-NG"},
        {"UZ|samarkand", "UZ-SA"},
        {"UZ|bukhara", "UZ-BU"},
        {"UZ|karakalpakstan", "UZ-QR"},
        {"UZ|surkhandarya", "UZ-SU"},
        {"UZ|kashkadarya", "UZ-QA"},
        {"UZ|navoi", "UZ-NW"},
        {"UZ|jizzakh", "UZ-JI"},
        {"UZ|syrdarya", "UZ-SI"},
        {"UZ|khorezm", "UZ-XO"},
        // Afghanistan (ISO 3166-2:AF).
        {"AF|kabul", "AF-KAB"},
        {"AF|kandahar", "AF-KAN"},
        {"AF|helmand", "AF-HEL"},
        {"AF|nangarhar", "AF-NAN"},
        {"AF|balkh", "AF-BAL"},
        {"AF|herat", "AF-HER"},
        {"AF|kunduz", "AF-KDZ"},
        {"AF|badakhshan", "AF-BDS"},
        {"AF|kunar", "AF-KNR"},
        {"AF|nimroz", "AF-NIM"},
        {"AF|paktika", "AF-PKA"},
        {"AF|paktia", "AF-PIA"},
        {"AF|khost", "AF-KHO"},
        {"AF|zabul", "AF-ZAB"},
        {"AF|farah", "AF-FRA"},
        {"AF|ghazni", "AF-GHA"},
        {"AF|logar", "AF-LOG"},
        {"AF|takhar", "AF-TAK"},
        {"AF|baghlan", "AF-BGL"},
        {"AF|faryab", "AF-FYB"},
    };
    std::map<std::string, std::string> out;
    for (const auto& [key, code] : kRows) out.emplace(key, code);
    return out;
  }();
  return table;
}

// Demonyms that name a nationality, and the words for people that must follow one (within two
// words) for the notes to say those people were targeted.
const std::map<std::string, std::string>& Demonyms() {
  static const std::map<std::string, std::string> table = {
      {"chinese", "CN"},  {"russian", "RU"},   {"american", "US"}, {"british", "GB"},
      {"japanese", "JP"}, {"korean", "KR"},    {"turkish", "TR"},  {"iranian", "IR"},
      {"afghan", "AF"},   {"uzbek", "UZ"},     {"kazakh", "KZ"},   {"kyrgyz", "KG"},
      {"tajik", "TJ"},    {"pakistani", "PK"}, {"indian", "IN"},   {"german", "DE"},
      {"french", "FR"},   {"italian", "IT"},
  };
  return table;
}

// Words that make a demonym a statement about people ("Chinese engineers") rather than about a
// thing ("a Chinese-funded dam"); convoy, consulate and embassy stand for the people in them.
const std::set<std::string>& PeopleWords() {
  static const std::set<std::string> words = {
      "national", "nationals", "citizen",    "citizens",    "engineer",  "engineers",
      "worker",   "workers",   "teacher",    "teachers",    "personnel", "staff",
      "expat",    "expats",    "expatriate", "expatriates", "tourist",   "tourists",
      "employee", "employees", "contractor", "contractors", "diplomat",  "diplomats",
      "convoy",   "consulate", "embassy",    "people",      "man",       "men",
      "woman",    "women",     "technician", "technicians", "experts",   "instructors"};
  return words;
}

std::vector<std::string> Words(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  for (char c : text) {
    // Hyphens are kept inside words: "Chinese-funded" must stay one word, not become the demonym
    // "chinese" followed by something.
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '-') {
      word += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    } else if (!word.empty()) {
      words.push_back(word);
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(word);
  return words;
}

bool ParseNumber(const std::string& text, double* value) {
  // Decimal only: strtod also reads hexadecimal ("0x18" as 24) and "inf" (from a review,
  // 2026-12-07).
  if (text.find_first_not_of("0123456789+-.eE") != std::string::npos) return false;
  char* end = nullptr;
  *value = std::strtod(text.c_str(), &end);
  return !text.empty() && end == text.c_str() + text.size() && std::isfinite(*value);
}

struct Columns {
  std::map<std::string, size_t> index;
  std::optional<size_t> Find(const std::string& name) const {
    auto found = index.find(name);
    if (found == index.end()) return std::nullopt;
    return found->second;
  }
};

const std::vector<std::string>& RequiredColumns() {
  static const std::vector<std::string> required = {
      "event_date", "country",        "admin1", "location",   "latitude", "longitude",
      "event_type", "sub_event_type", "actor1", "fatalities", "notes"};
  return required;
}

struct Row {
  std::string incident_id, event_date, country;
  std::optional<std::string> region, location_name, sub_kind, actor, targets, nationalities, notes,
      source;
  std::optional<double> latitude, longitude;
  std::string kind;
  int severity = 1;
  int64_t fatalities = 0;
};

// Converts one data row; returns the reason when it is rejected.
// A rejected row is reported and skipped; an admin1 without a mapping is not a reject (the
// incident still matches by distance), only counted.
std::string ConvertRow(const std::vector<std::string>& fields, const Columns& columns, Row* row,
                       bool* region_mapped) {
  auto get = [&](const std::string& name) -> std::string {
    std::optional<size_t> at = columns.Find(name);
    if (!at || *at >= fields.size()) return "";
    return std::string(Trim(fields[*at]));
  };
  auto optional = [&](const std::string& name) -> std::optional<std::string> {
    std::string value = get(name);
    if (value.empty()) return std::nullopt;
    return value;
  };
  std::optional<std::string> date = ParseAcledDate(get("event_date"));
  if (!date)
    return "event_date is not a date (YYYY-MM-DD or '06 October 2024'): '" + get("event_date") +
           "'";
  row->event_date = *date;
  std::optional<std::string> country = CountryCodeFromName(get("country"));
  // The name first: it is what every ACLED export has; the numeric code is the fallback for names
  // neither table knows.
  if (!country && !get("iso").empty()) country = CountryCodeFromNumeric(get("iso"));
  if (!country) return "unknown country '" + get("country") + "'";
  row->country = *country;
  row->region = RegionCodeFromAdmin1(row->country, get("admin1"));
  *region_mapped = row->region.has_value();
  row->location_name = optional("location");
  std::string latitude = get("latitude"), longitude = get("longitude");
  // A row without coordinates is kept (it matches by region); half a pair is rejected, as it cannot
  // be placed and would be wrong if guessed.
  if (!latitude.empty() || !longitude.empty()) {
    double lat = 0, lon = 0;
    if (!ParseNumber(latitude, &lat) || !ParseNumber(longitude, &lon)) {
      return "latitude and longitude must both be decimal numbers: '" + latitude + "', '" +
             longitude + "'";
    }
    if (std::abs(lat) > 90 || std::abs(lon) > 180) {
      return "coordinates out of range: " + latitude + ", " + longitude;
    }
    row->latitude = lat;
    row->longitude = lon;
  }
  row->kind = get("event_type");
  if (row->kind.empty()) return "event_type is empty";
  row->sub_kind = optional("sub_event_type");
  std::string fatalities = get("fatalities");
  if (!fatalities.empty()) {
    // At most nine digits: the value stays far inside int64 and any larger figure is a data error.
    if (!std::all_of(fatalities.begin(), fatalities.end(),
                     [](char c) { return c >= '0' && c <= '9'; }) ||
        fatalities.size() > 9) {
      return "fatalities must be a whole number of at least 0: '" + fatalities + "'";
    }
    row->fatalities = std::stoll(fatalities);
  }
  row->severity = DeriveSeverity(row->kind, row->sub_kind.value_or(""), row->fatalities);
  row->actor = optional("actor1");
  row->notes = optional("notes");
  row->source = optional("source");
  std::vector<std::string> targets, nationalities;
  DeriveTargets(row->notes.value_or(""), row->country, &targets, &nationalities);
  // Civilians come from ACLED's own coding, not from the notes heuristic: the column is explicit.
  if (Key(row->kind) == "violence against civilians" ||
      Key(get("civilian_targeting")) == "civilian targeting") {
    targets.push_back("civilians");
  }
  if (!targets.empty()) row->targets = Join(targets, ";");
  if (!nationalities.empty()) row->nationalities = Join(nationalities, ";");
  row->incident_id = get("event_id_cnty");
  if (row->incident_id.empty()) {
    Sha256 digest;
    for (const std::string& name : RequiredColumns()) {
      digest.Update(get(name));
      digest.Update("\x1f");
    }
    // Without ACLED's id, the key is a digest of the required columns so that re-importing the same
    // file is idempotent; 64 bits make a collision negligible for any real file. A revised
    // row gets a new key (docs/incidents.md "Keys and re-imports").
    row->incident_id = "sha256:" + digest.HexDigest().substr(0, 16);
  }
  return "";
}

// Rows changed by the last statement: how INSERT OR IGNORE and the conditional UPDATE below tell
// added, updated and unchanged rows apart.
int Changes(Database* db) { return sqlite3_changes(db->handle()); }

void BindRow(Statement* s, const Row& row) {
  s->BindText(1, row.incident_id);
  s->BindText(2, row.event_date);
  s->BindText(3, row.country);
  s->BindOptionalText(4, row.region);
  s->BindOptionalText(5, row.location_name);
  if (row.latitude) {
    s->BindDouble(6, *row.latitude);
    s->BindDouble(7, *row.longitude);
  } else {
    s->BindNull(6);
    s->BindNull(7);
  }
  s->BindText(8, row.kind);
  s->BindOptionalText(9, row.sub_kind);
  s->BindInt(10, row.severity);
  s->BindInt(11, row.fatalities);
  s->BindOptionalText(12, row.actor);
  s->BindOptionalText(13, row.targets);
  s->BindOptionalText(14, row.nationalities);
  s->BindOptionalText(15, row.notes);
  s->BindOptionalText(16, row.source);
}

const char* kIncidentTable = R"(
CREATE TABLE IF NOT EXISTS security_incident (
  incident_id TEXT PRIMARY KEY, event_date TEXT NOT NULL, country TEXT NOT NULL, region TEXT,
  location_name TEXT, latitude REAL, longitude REAL, kind TEXT NOT NULL, sub_kind TEXT,
  severity INTEGER NOT NULL, fatalities INTEGER NOT NULL DEFAULT 0, actor TEXT, targets TEXT,
  target_nationality TEXT, notes TEXT, source TEXT);
CREATE INDEX IF NOT EXISTS security_incident_by_date ON security_incident(event_date);
)";

}  // namespace

std::optional<std::string> CountryCodeFromName(std::string_view name) {
  auto found = CountryNames().find(Key(name));
  if (found == CountryNames().end()) return std::nullopt;
  return found->second;
}

std::optional<std::string> CountryCodeFromNumeric(std::string_view numeric) {
  std::string digits(Trim(numeric));
  if (digits.empty() || digits.size() > 3 ||
      !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return std::nullopt;
  }
  UErrorCode status = U_ZERO_ERROR;
  const URegion* region = uregion_getRegionFromNumericCode(std::stoi(digits), &status);
  // Numeric codes also name continents and groupings (150 = Europe): only territories are
  // countries.
  if (U_FAILURE(status) || region == nullptr || uregion_getType(region) != URGN_TERRITORY) {
    return std::nullopt;
  }
  std::string code = uregion_getRegionCode(region);
  if (!IsKnownCountryCode(code)) return std::nullopt;
  return code;
}

std::optional<std::string> RegionCodeFromAdmin1(const std::string& country,
                                                std::string_view admin1) {
  auto found = Admin1Table().find(country + "|" + Key(admin1));
  if (found == Admin1Table().end()) return std::nullopt;
  return found->second;
}

void DeriveTargets(std::string_view notes, const std::string& incident_country,
                   std::vector<std::string>* targets, std::vector<std::string>* nationalities) {
  std::vector<std::string> words = Words(notes);
  bool foreign = false, security = false, convoy = false, infrastructure = false;
  static const std::set<std::string> kSecurity = {
      "soldier", "soldiers", "police", "policemen",    "policeman", "troops",
      "army",    "military", "levies", "paramilitary", "checkpoint"};
  static const std::set<std::string> kInfrastructure = {
      "port", "airport",    "railway",    "train", "pipeline", "bridge",
      "dam",  "hydropower", "powerplant", "tower", "project",  "complex"};
  for (size_t i = 0; i < words.size(); ++i) {
    const std::string& word = words[i];
    auto demonym = Demonyms().find(word);
    // A demonym of the incident's own country says little (most victims of an attack in Pakistan
    // are Pakistani) and would make every local party "targeted"; only foreign ones count.
    if (demonym != Demonyms().end() && demonym->second != incident_country) {
      // "Russian and Chinese nationals": skip the other demonyms of a list first.
      size_t from = i + 1;
      while (from < words.size() &&
             (Demonyms().count(words[from]) || words[from] == "and" || words[from] == "or")) {
        ++from;
      }
      for (size_t j = from; j <= from + 1 && j < words.size(); ++j) {
        if (PeopleWords().count(words[j])) {
          foreign = true;
          if (std::find(nationalities->begin(), nationalities->end(), demonym->second) ==
              nationalities->end()) {
            nationalities->push_back(demonym->second);
          }
          break;
        }
      }
    }
    if ((word == "foreign" && i + 1 < words.size() && PeopleWords().count(words[i + 1])) ||
        word == "foreigners") {
      foreign = true;
    }
    if (kSecurity.count(word) ||
        (word == "security" && i + 1 < words.size() &&
         (words[i + 1] == "forces" || words[i + 1] == "personnel")) ||
        (word == "frontier" && i + 1 < words.size() && words[i + 1] == "corps")) {
      security = true;
    }
    if (word == "convoy" || word == "convoys") convoy = true;
    if (kInfrastructure.count(word)) infrastructure = true;
  }
  if (foreign) targets->push_back("foreign_nationals");
  if (security) targets->push_back("security_forces");
  if (convoy) targets->push_back("convoy");
  if (infrastructure) targets->push_back("infrastructure");
}

std::optional<std::string> ParseAcledDate(std::string_view text) {
  std::string value(Trim(text));
  // ACLED exports write dates either as ISO or as "06 October 2024"; both are read, and the second
  // is checked as a real calendar day after formatting.
  if (DayNumber(value)) return value;
  std::vector<std::string> parts;
  for (const std::string& part : Split(value, ' ')) {
    if (!part.empty()) parts.push_back(part);
  }
  if (parts.size() != 3) return std::nullopt;
  static const char* kMonths[] = {"january",   "february", "march",    "april",
                                  "may",       "june",     "july",     "august",
                                  "september", "october",  "november", "december"};
  int month = 0;
  for (int i = 0; i < 12; ++i) {
    std::string name = kMonths[i];
    std::string given = AsciiLower(parts[1]);
    if (given == name || (given.size() == 3 && name.compare(0, 3, given) == 0)) month = i + 1;
  }
  if (month == 0 || parts[0].size() > 2 || parts[2].size() != 4) return std::nullopt;
  std::string day = parts[0].size() == 1 ? "0" + parts[0] : parts[0];
  char buffer[16];
  std::snprintf(buffer, sizeof(buffer), "%s-%02d-%s", parts[2].c_str(), month, day.c_str());
  if (!DayNumber(buffer)) return std::nullopt;
  return std::string(buffer);
}

Status ImportAcledIncidents(const std::string& db_path, const std::string& csv_path,
                            IncidentImportReport* report) {
  *report = IncidentImportReport();
  std::ifstream in(csv_path, std::ios::binary);
  if (!in) return Status::Error(csv_path + ": cannot read file");
  std::error_code error;
  if (!std::filesystem::exists(db_path, error)) {
    return Status::Error(db_path + ": no such database file (create it with `corridor init`)");
  }
  std::unique_ptr<Database> db;
  Status status = Database::OpenWritable(db_path, &db);
  if (!status.ok()) return status;
  bool has_schema = false;
  status = db->HasTable("shipment", &has_schema);
  if (!status.ok()) return status;
  if (!has_schema) {
    return Status::Error(db_path +
                         ": not a corridor input database (create it with `corridor init`)");
  }

  CsvReader reader(&in);
  std::vector<std::string> fields;
  Columns columns;
  size_t width = 0;  // fields in the header
  bool header_seen = false;
  while (!header_seen && reader.Next(&fields)) {
    if (fields.size() == 1 && Trim(fields[0]).empty()) continue;
    header_seen = true;
    if (!fields.empty() && StartsWith(fields[0], "\xEF\xBB\xBF")) fields[0] = fields[0].substr(3);
    width = fields.size();
    for (size_t i = 0; i < fields.size(); ++i)
      columns.index.emplace(AsciiLower(Trim(fields[i])), i);
    std::vector<std::string> missing;
    for (const std::string& name : RequiredColumns()) {
      if (!columns.Find(name)) missing.push_back(name);
    }
    if (!reader.error().empty() || !missing.empty()) {
      return Status::Error(csv_path + ":" + std::to_string(reader.line()) +
                           ": not an ACLED event file: expected a header row naming " +
                           Join(RequiredColumns(), ", ") +
                           (missing.empty() ? "" : " (missing: " + Join(missing, ", ") + ")"));
    }
  }
  if (!header_seen) return Status::Error(csv_path + ": empty file, expected an ACLED header row");

  // One transaction for the whole file: an error part way leaves the table as it was, never half a
  // file. IMMEDIATE takes the write lock at once, so a concurrent writer fails here, not
  // mid-import.
  status = db->Execute("BEGIN IMMEDIATE");
  if (!status.ok()) return status;
  auto fail = [&](Status failed) {
    db->Execute("ROLLBACK");
    *report = IncidentImportReport();
    return failed;
  };
  status = db->Execute(kIncidentTable);
  if (!status.ok()) return fail(status);
  std::unique_ptr<Statement> insert, update;
  // Insert first; when the key exists, update only if some value differs (IS compares NULLs as
  // equal), so that an unchanged row is not counted as updated.
  status = db->Prepare(
      "INSERT OR IGNORE INTO security_incident (incident_id, event_date, country, region,"
      " location_name, latitude, longitude, kind, sub_kind, severity, fatalities, actor, targets,"
      " target_nationality, notes, source) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11,"
      " ?12, ?13, ?14, ?15, ?16)",
      &insert);
  if (!status.ok()) return fail(status);
  status = db->Prepare(
      "UPDATE security_incident SET event_date = ?2, country = ?3, region = ?4,"
      " location_name = ?5, latitude = ?6, longitude = ?7, kind = ?8, sub_kind = ?9,"
      " severity = ?10, fatalities = ?11, actor = ?12, targets = ?13, target_nationality = ?14,"
      " notes = ?15, source = ?16 WHERE incident_id = ?1 AND NOT (event_date IS ?2 AND"
      " country IS ?3 AND region IS ?4 AND location_name IS ?5 AND latitude IS ?6 AND"
      " longitude IS ?7 AND kind IS ?8 AND sub_kind IS ?9 AND severity IS ?10 AND"
      " fatalities IS ?11 AND actor IS ?12 AND targets IS ?13 AND target_nationality IS ?14 AND"
      " notes IS ?15 AND source IS ?16)",
      &update);
  if (!status.ok()) return fail(status);

  // Each key's first line and row in this file: a second row of one key with other values is
  // rejected, not taken as a revision of the first (ACLED revises between exports, not within
  // one). Before 2026-12-07 it silently replaced the first row (from a review).
  // A hash of the row stands for it: an export holds hundreds of thousands of rows.
  std::unordered_map<std::string, std::pair<int64_t, size_t>> seen;
  while (reader.Next(&fields)) {
    if (fields.size() == 1 && Trim(fields[0]).empty()) continue;
    ++report->rows;
    std::string where = csv_path + ":" + std::to_string(reader.line()) + ": ";
    std::string reason;
    if (!reader.error().empty()) {
      reason = reader.error();
      // Every row must have the header's width: a short row would shift values into the wrong
      // columns.
    } else if (fields.size() != width) {
      reason = "expected " + std::to_string(width) + " fields as in the header, found " +
               std::to_string(fields.size());
    }
    Row row;
    bool region_mapped = false;
    if (reason.empty()) reason = ConvertRow(fields, columns, &row, &region_mapped);
    if (!reason.empty()) {
      ++report->rejected;
      report->rejects.push_back(where + reason);
      continue;
    }
    std::string joined;
    for (const std::string& field : fields) joined += field + '\x1f';
    const size_t hash = std::hash<std::string>()(joined);
    auto [first, is_new] = seen.try_emplace(row.incident_id, reader.line(), hash);
    if (!is_new && first->second.second != hash) {
      ++report->rejected;
      report->rejects.push_back(where + "incident \"" + row.incident_id + "\" is on line " +
                                std::to_string(first->second.first) +
                                " with other values; the first row is kept");
      continue;
    }
    if (!region_mapped) ++report->without_region;
    insert->Reset();
    BindRow(insert.get(), row);
    status = insert->Run();
    if (!status.ok()) return fail(status);
    if (Changes(db.get()) == 1) {
      ++report->added;
      continue;
    }
    update->Reset();
    BindRow(update.get(), row);
    status = update->Run();
    if (!status.ok()) return fail(status);
    if (Changes(db.get()) == 1) {
      ++report->updated;
    } else {
      ++report->unchanged;
    }
  }
  status = db->Execute("COMMIT");
  if (!status.ok()) return fail(status);
  return Status::Ok();
}

}  // namespace corridor
