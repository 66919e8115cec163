// OFAC Remarks: "DOB 10 Oct 1971; POB Chele County, ..., China; nationality China; National ID
// No. 653225197110100533 (China); a.k.a. 'ABUDUHAKE'; Linked To: CHEN, Quanguo." Clauses are
// separated by ";" (usually "; ") and the last one ends with a period. See docs/lists.md for the
// full table.
#include <algorithm>
#include <array>

#include "engine/base/strings.h"
#include "engine/lists/document.h"

namespace corridor::lists {

namespace {

struct IdentifierLabel {
  const char* prefix;  // as published, including the trailing space
  const char* id_type;
  const char* note;  // fixed qualifier recorded in list_identifier.note, or ""
};

// Longer prefixes come before the shorter ones they start with.
// The first label a clause starts with wins, so this order is the only disambiguation: "Passport
// No. 123" must not be read as "Passport" with the number "No. 123". The table covers the labels
// found in the published Remarks (docs/lists.md); an unknown label leaves the clause in `remarks`
// only, never a wrongly typed identifier.
constexpr IdentifierLabel kIdentifierLabels[] = {
    {"Vessel Registration Identification IMO ", "imo", ""},
    {"IMO ", "imo", ""},
    {"MMSI ", "mmsi", ""},
    {"SWIFT/BIC ", "swift", ""},
    // Several publications of one document type map to one id_type, so that matching and the
    // identifier corroboration compare numbers of one type; the published variant goes to the note.
    {"Diplomatic Passport ", "passport", "diplomatic"},
    {"Passport No. ", "passport", ""},
    {"Passport ", "passport", ""},
    {"National ID No. ", "national_id", ""},
    {"National ID Number ", "national_id", ""},
    {"Personal ID Card ", "national_id", ""},
    {"Identification Number ", "national_id", ""},
    {"Turkish Identification Number ", "national_id", ""},
    {"Numero de Identidad ", "national_id", ""},
    {"Citizen's Card Number ", "national_id", ""},
    {"Cedula No. ", "national_id", "cedula"},
    {"C.U.R.P. ", "national_id", "CURP"},
    {"D.N.I. ", "national_id", "DNI"},
    {"C.U.I. ", "national_id", "CUI"},
    {"LE Number ", "national_id", "LE"},
    {"Electoral Registry No. ", "national_id", "electoral registry"},
    {"Credencial electoral ", "national_id", "credencial electoral"},
    {"I.F.E. ", "national_id", "IFE"},
    {"Public Security and Immigration No. ", "national_id", "public security and immigration"},
    {"SSN ", "national_id", "SSN"},
    {"Birth Certificate Number ", "birth_certificate", ""},
    {"Driver's License No. ", "drivers_license", ""},
    {"Travel Document Number ", "travel_document", ""},
    {"Residency Number ", "residency", ""},
    {"Cartilla de Servicio Militar Nacional ", "military_id", ""},
    {"Tax ID No. ", "tax_id", ""},
    {"NIT # ", "tax_id", "NIT"},
    {"RUC # ", "tax_id", "RUC"},
    {"ISIN ", "isin", ""},
    {"Public Registration Number ", "registration", ""},
    {"National Foreign ID Number ", "national_id", "foreign"},
    {"R.F.C. ", "tax_id", "RFC"},
    {"RFC ", "tax_id", "RFC"},
    {"US FEIN ", "tax_id", "FEIN"},
    {"Italian Fiscal Code ", "tax_id", "codice fiscale"},
    {"C.U.I.T. ", "tax_id", "CUIT"},
    {"RTN ", "tax_id", "RTN"},
    {"V.A.T. Number ", "vat", ""},
    {"Registration ID ", "registration", ""},
    {"Registration Number ", "registration", ""},
    {"Business Registration Document # ", "registration", "business registration document"},
    {"Business Registration Number ", "registration", ""},
    {"Company Number ", "registration", ""},
    {"UK Company Number ", "registration", ""},
    {"Commercial Registry Number ", "registration", ""},
    {"Certificate of Incorporation Number ", "registration", ""},
    {"Chamber of Commerce Number ", "registration", "chamber of commerce"},
    {"Istanbul Chamber of Comm. No. ", "registration", "Istanbul chamber of commerce"},
    {"Dubai Chamber of Commerce Membership No. ", "registration", "Dubai chamber of commerce"},
    {"Central Registration System Number ", "registration", ""},
    {"Government Gazette Number ", "registration", "government gazette"},
    {"Enterprise Number ", "registration", ""},
    {"Branch Unit Number ", "registration", "branch unit"},
    {"Registered Charity No. ", "registration", "charity"},
    {"Folio Mercantil No. ", "registration", "folio mercantil"},
    {"Matricula Mercantil No ", "registration", "matricula mercantil"},
    {"Trade License No. ", "registration", "trade license"},
    {"C.R. No. ", "registration", "commercial registration"},
    {"Economic Register Number (CBLS) ", "registration", "CBLS"},
    {"Unified Social Credit Code (USCC) ", "registration", "USCC"},
    {"United Social Credit Code Certificate (USCCC) ", "registration", "USCC"},
    {"Legal Entity Number ", "lei", ""},
    {"D-U-N-S Number ", "duns", ""},
    {"BIK (RU) ", "bik", ""},
    {"License ", "license", ""},
    {"Permit Number ", "permit", ""},
    {"Digital Currency Address - ", "digital_currency", ""},
    {"Aircraft Manufacturer's Serial Number (MSN) ", "aircraft_msn", ""},
    {"Aircraft Construction Number (also called L/N or S/N or F/N) ", "aircraft_construction", ""},
    {"Aircraft Mode S Transponder Code ", "aircraft_mode_s", ""},
    {"Aircraft Tail Number ", "aircraft_tail", ""},
    {"Previous Aircraft Tail Number ", "aircraft_tail", "previous"},
    {"Chinese Commercial Code ", "chinese_commercial_code", ""},
};

struct AttributeLabel {
  const char* prefix;
  const char* key;
  bool country;  // the value names a country
  bool date;     // the value is a date
};

constexpr AttributeLabel kAttributeLabels[] = {
    {"POB: ", "birth_place", true, false},
    {"POB ", "birth_place", true, false},
    {"Nationality of Registration ", "registration_country", true, false},
    // OFAC writes both capitalisations; both spellings are listed rather than folding case for
    // every label.
    {"nationality ", "nationality", true, false},
    {"Nationality ", "nationality", true, false},
    {"citizen ", "citizenship", true, false},
    {"Citizen ", "citizenship", true, false},
    {"Secondary sanctions risk: ", "secondary_sanctions_risk", false, false},
    {"Website ", "website", false, false},
    {"Email Address ", "email", false, false},
    {"Email: ", "email", false, false},
    {"Email:", "email", false, false},
    {"Email ", "email", false, false},
    {"Telephone No. ", "phone", false, false},
    {"Telephone: ", "phone", false, false},
    {"Telephone ", "phone", false, false},
    {"Phone Number ", "phone", false, false},
    {"Phone No. ", "phone", false, false},
    {"Fax: ", "fax", false, false},
    {"Fax No. ", "fax", false, false},
    {"Fax ", "fax", false, false},
    {"Organization Established Date ", "incorporation_date", false, true},
    {"Organization Type: ", "organization_type", false, false},
    {"Target Type ", "target_type", false, false},
    {"Additional Sanctions Information - ", "additional_sanctions_information", false, false},
    {"Transactions Prohibited For Persons Owned or Controlled By U.S. Financial Institutions: ",
     "transactions_prohibited", false, false},
    {"Executive Order 13662 Directive Determination - ", "eo13662_directive", false, false},
    {"Executive Order 13846 information: ", "eo13846_information", false, false},
    {"CAATSA Section 235 Information: ", "caatsa_235_information", false, false},
    {"IFCA Determination - ", "ifca_determination", false, false},
    {"Listing Date (EO 14024 Directive 2): ", "eo14024_directive2_listing_date", false, true},
    {"Effective Date (EO 14024 Directive 2): ", "eo14024_directive2_effective_date", false, true},
    {"Vessel Flag ", "vessel_flag", true, false},
    // "Other"/"Former" cannot collide with "Vessel Flag " (StartsWith, not find), so their order
    // relative to it does not matter.
    {"Other Vessel Flag ", "vessel_flag_other", true, false},
    {"Former Vessel Flag ", "vessel_flag_former", true, false},
    {"Vessel Type ", "vessel_type", false, false},
    {"Vessel Year of Build ", "vessel_build_year", false, false},
    {"Other Vessel Call Sign ", "vessel_call_sign_other", false, false},
    {"Other Vessel Type ", "vessel_type_other", false, false},
    {"Aircraft Model ", "aircraft_model", false, false},
    {"Aircraft Operator ", "aircraft_operator", false, false},
    {"Aircraft Manufacture Date ", "aircraft_manufacture_date", false, true},
    {"Title ", "title", false, false},
};

// Removes one pair of surrounding single quotes: "'ABUDUHAKE'" -> "ABUDUHAKE".
std::string_view Unquote(std::string_view text) {
  text = Trim(text);
  if (text.size() >= 2 && text.front() == '\'' && text.back() == '\'') {
    return text.substr(1, text.size() - 2);
  }
  return text;
}

// The country named by a place: the whole text ("Korea, North"), else its last comma-separated
// part ("Chele County, ..., China"), else its last two parts ("Pyongyang, Korea, North").
std::string PlaceCountry(std::string_view place) {
  std::string code = CountryCode(place);
  size_t comma = place.find_last_of(',');
  // The whole text is tried first because some list country names contain a comma ("Korea, North",
  // "Congo, Democratic Republic of the"): splitting them would find "North" or nothing.
  if (!code.empty() || comma == std::string_view::npos) return code;
  code = CountryCode(place.substr(comma + 1));
  if (!code.empty() || comma == 0) return code;
  size_t before = place.find_last_of(',', comma - 1);
  return before == std::string_view::npos ? "" : CountryCode(place.substr(before + 1));
}

// "DOB 10 Oct 1971", "DOB circa 1960", "DOB 1955 to 1958", "DOB Jan 1958".
void ParseDob(std::string_view value, bool alt, Entry* entry) {
  Attribute attribute;
  attribute.key = "birth_date";
  std::string note = alt ? "alt." : "";
  if (StartsWith(value, "circa ")) {
    value.remove_prefix(6);
    note = note.empty() ? "circa" : note + " circa";
  }
  size_t to = value.find(" to ");
  size_t to_length = 4;
  if (to == std::string_view::npos && value.size() == 9 && value[4] == '-') {
    to = 4;  // "1979-1982"
    to_length = 1;
  }
  if (to != std::string_view::npos) {
    std::string from_date = IsoDate(value.substr(0, to));
    std::string to_date = IsoDate(value.substr(to + to_length));
    if (!from_date.empty() && !to_date.empty()) {
      attribute.value = from_date + "/" + to_date;  // an ISO 8601 interval
    }
  } else {
    attribute.value = IsoDate(value);
  }
  if (attribute.value.empty()) {  // unparsed: keep the text, say so
    attribute.value = std::string(value);
    note = note.empty() ? "unparsed" : note + " unparsed";
  }
  attribute.note = note;
  // The first single date becomes list_entry.birth_date; ranges and text stay attributes.
  // An alt. date can become the entry's birth_date when it is the first usable one: the matcher
  // treats every listed date as possible (the best agreement counts), so no date is preferred.
  if (entry->birth_date.empty() && IsIsoDate(attribute.value)) entry->birth_date = attribute.value;
  entry->attributes.push_back(std::move(attribute));
}

// "653225197110100533 (China) issued 01 Jan 2000 expires 2010" -> number, country, note.
void ParseIdentifier(std::string_view rest, const IdentifierLabel& label, bool alt, Entry* entry) {
  Identifier identifier;
  identifier.id_type = label.id_type;
  std::string note = label.note;
  if (alt) note = note.empty() ? "alt." : "alt. " + note;
  std::string_view number = rest;
  std::string_view tail;
  // A parenthesised group that is not a country (a qualifier) stays part of the number, and the
  // search goes on after it.
  // The first parenthesised group that names a country closes the number.
  size_t search = 0;
  while (true) {
    size_t open = rest.find(" (", search);
    if (open == std::string_view::npos) break;
    size_t close = rest.find(')', open);
    if (close == std::string_view::npos) break;
    std::string code = CountryCode(rest.substr(open + 2, close - open - 2));
    if (!code.empty()) {
      identifier.country = code;
      number = rest.substr(0, open);
      tail = rest.substr(close + 1);
      break;
    }
    search = close;
  }
  // Without a country the number ends at the first issue/expiry phrase, which otherwise would be
  // compared as part of the number.
  if (identifier.country.empty()) {
    for (std::string_view word : {" issued ", " expires ", " Issue Date ", " Expire Date "}) {
      size_t at = rest.find(word);
      if (at != std::string_view::npos && at < number.size()) {
        number = rest.substr(0, at);
        tail = rest.substr(at);
      }
    }
  }
  if (StartsWith(label.id_type, "digital_currency")) {
    // "XBT 12QtD5B..." : the currency goes to the note.
    size_t space = number.find(' ');
    if (space != std::string_view::npos) {
      note = note.empty() ? std::string(number.substr(0, space))
                          : note + " " + std::string(number.substr(0, space));
      number = number.substr(space + 1);
    }
  }
  tail = Trim(tail);
  if (!tail.empty()) note = note.empty() ? std::string(tail) : note + " " + std::string(tail);
  // A company's "Identification Number" (a Kazakh BIN, say) registers it; it is not a person's
  // national identity document.
  if (identifier.id_type == "national_id" && !entry->kind.empty() && entry->kind != "person") {
    identifier.id_type = "registration";
  }
  identifier.number = std::string(Trim(number));
  identifier.note = std::move(note);
  // A label with nothing after it carries no identifier; the clause stays in `remarks`.
  if (identifier.number.empty()) return;
  entry->identifiers.push_back(std::move(identifier));
}

void ParseClause(std::string_view clause, bool last, Entry* entry) {
  clause = Trim(clause);
  if (clause.empty()) return;
  // The Remarks end with a period; a name in the last clause may end in one too ("CO., LTD."),
  // so "Linked To:" and a.k.a. keep theirs and resolve it below.
  std::string_view unterminated = clause;
  if (last && unterminated.back() == '.') unterminated.remove_suffix(1);

  bool alt = false;
  std::string_view text = unterminated;
  // "alt." marks an alternative value of the clause that follows (a second DOB, passport, ...); it
  // is kept as a note so that both values are available and the first is not overwritten.
  if (StartsWith(text, "alt. ") || StartsWith(text, "Alt. ")) {
    alt = true;
    text.remove_prefix(5);
  }
  if (StartsWith(text, "DOB ")) {
    ParseDob(Trim(text.substr(4)), alt, entry);
    return;
  }
  if (StartsWith(text, "Gender ")) {
    Attribute attribute{"gender", AsciiLower(Trim(text.substr(7))), "", ""};
    entry->attributes.push_back(std::move(attribute));
    return;
  }
  // Aliases are read from `clause` (with its final period): a name may end in a period of its own
  // ("CO., LTD."), and only the period after a closing quote is the Remarks' own. n.k.a. ("now
  // known as") is the current name, so it is as strong as a.k.a.; f.k.a. names a former name.
  for (auto [prefix, quality] : {std::pair{"a.k.a. ", "strong"}, std::pair{"f.k.a. ", "fka"},
                                 std::pair{"n.k.a. ", "strong"}}) {
    if (StartsWith(clause, prefix)) {
      std::string_view name = clause.substr(std::string_view(prefix).size());
      if (last && name.size() > 1 && name.back() == '.' && name[name.size() - 2] == '\'') {
        name.remove_suffix(1);
      }
      name = Trim(name);
      // An opening quote without its closing one is a Remarks cut off by OFAC's field limit
      // (the rest is in the comments file): the fragment is not a name.
      if (!name.empty() && name.front() == '\'' && (name.size() < 2 || name.back() != '\'')) {
        return;
      }
      name = Unquote(name);
      if (!name.empty()) entry->aliases.push_back(Alias{std::string(name), quality});
      return;
    }
  }
  // A link's target is resolved by exact name at import (docs/lists.md "Finalise"); it is not a
  // name to screen, so it is not an alias.
  if (StartsWith(clause, "Linked To: ")) {
    Link link;
    link.kind = "linked_to";
    // Keeps the period when the clause is the last; FinalizeDocument resolves either spelling.
    link.target_name = std::string(Trim(clause.substr(11)));
    entry->links.push_back(std::move(link));
    return;
  }
  for (const IdentifierLabel& label : kIdentifierLabels) {
    if (StartsWith(text, label.prefix)) {
      ParseIdentifier(text.substr(std::string_view(label.prefix).size()), label, alt, entry);
      return;
    }
  }
  for (const AttributeLabel& label : kAttributeLabels) {
    if (StartsWith(text, label.prefix)) {
      Attribute attribute;
      attribute.key = label.key;
      std::string_view value = Trim(text.substr(std::string_view(label.prefix).size()));
      attribute.value = std::string(value);
      if (label.country) attribute.country = PlaceCountry(value);
      // A date label whose value is not a recognised date keeps its text, as published.
      if (label.date) {
        std::string iso = IsoDate(value);
        if (!iso.empty()) attribute.value = iso;
      }
      if (alt) attribute.note = "alt.";
      if (!attribute.value.empty()) entry->attributes.push_back(std::move(attribute));
      return;
    }
  }
}

}  // namespace

namespace {

constexpr const char* kAliasLabels[] = {"a.k.a. ", "f.k.a. ", "n.k.a. "};

// Whether `clause` opens an alias's quote and does not close it ("a.k.a. 'BETA"): a name holding
// ';', cut where clauses end, or one cut off by OFAC's field limit.
bool OpensUnclosedAlias(std::string_view clause) {
  clause = Trim(clause);
  for (const char* label : kAliasLabels) {
    if (!StartsWith(clause, label)) continue;
    std::string_view name = clause.substr(std::string_view(label).size());
    if (name.size() > 1 && name.back() == '.' && name[name.size() - 2] == '\'')
      name.remove_suffix(1);
    name = Trim(name);
    return !name.empty() && name.front() == '\'' && (name.size() < 2 || name.back() != '\'');
  }
  return false;
}

bool StartsWithLabel(std::string_view clause) {
  clause = Trim(clause);
  for (const char* label : kAliasLabels) {
    if (StartsWith(clause, label)) return true;
  }
  return StartsWith(clause, "Linked To: ");
}

}  // namespace

void ParseOfacRemarks(std::string_view remarks, Entry* entry) {
  remarks = Trim(remarks);
  std::vector<std::string> clauses;
  size_t start = 0;
  while (true) {
    // Clauses end at ';' (OFAC writes "; ", a few rows only ";").
    size_t at = remarks.find(';', start);
    if (at == std::string_view::npos) {
      clauses.emplace_back(remarks.substr(start));
      break;
    }
    clauses.emplace_back(remarks.substr(start, at - start));
    start = at + 1;
  }
  // An a.k.a. whose quoted name holds ';' was cut in two: the first piece opens the quote, a later
  // one closes it. Rejoined, up to three pieces on, when none between starts another label (since
  // 2026-12-07, from a review: "a.k.a. 'BETA; GAMMA HOLDINGS'" gave no name at all; the name's
  // own ';' then splits it as a packed field, SplitPublishedNames). An opening quote never closed
  // is a Remarks cut off by OFAC's field limit, left to ParseClause to drop.
  for (size_t i = 0; i < clauses.size(); ++i) {
    if (!OpensUnclosedAlias(clauses[i])) continue;
    std::string joined = clauses[i];
    for (size_t j = i + 1; j < clauses.size() && j <= i + 3 && !StartsWithLabel(clauses[j]); ++j) {
      joined += ";" + clauses[j];
      if (!OpensUnclosedAlias(joined)) {
        clauses[i] = std::move(joined);
        clauses.erase(clauses.begin() + static_cast<std::ptrdiff_t>(i) + 1,
                      clauses.begin() + static_cast<std::ptrdiff_t>(j) + 1);
        break;
      }
    }
  }
  for (size_t i = 0; i < clauses.size(); ++i) {
    ParseClause(clauses[i], i + 1 == clauses.size(), entry);
  }
}

}  // namespace corridor::lists
