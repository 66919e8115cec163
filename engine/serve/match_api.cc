#include "engine/serve/match_api.h"

#include <cmath>
#include <cstdlib>
#include <optional>
#include <set>

#include "engine/base/strings.h"

namespace corridor::serve {

namespace {

using Json = nlohmann::json;

// FollowTheMoney schema -> corridor entity kind ("" = unknown: no kind corroboration).
std::string KindOfSchema(const std::string& schema) {
  if (schema == "Person") return "person";
  if (schema == "Company") return "company";
  if (schema == "Organization") return "organization";
  if (schema == "Vessel") return "vessel";
  if (schema == "Airplane") return "aircraft";
  return "";  // Thing, LegalEntity, ...: any kind may match
}

std::string SchemaOfKind(const std::string& kind) {
  if (kind == "person") return "Person";
  if (kind == "company") return "Company";
  if (kind == "organization") return "Organization";
  if (kind == "vessel") return "Vessel";
  if (kind == "aircraft") return "Airplane";
  return "LegalEntity";
}

// A property's values as strings (yente sends lists; a single string is accepted too).
Status Values(const Json& properties, const char* name, std::vector<std::string>* out) {
  out->clear();
  auto found = properties.find(name);
  if (found == properties.end() || found->is_null()) return Status::Ok();
  if (found->is_string()) {
    out->push_back(found->get<std::string>());
    return Status::Ok();
  }
  if (!found->is_array()) return Status::Usage(std::string(name) + ": expected a list of strings");
  for (const Json& value : *found) {
    if (!value.is_string())
      return Status::Usage(std::string(name) + ": expected a list of strings");
    out->push_back(value.get<std::string>());
  }
  return Status::Ok();
}

// The first value of any of `names` that `valid` accepts ("" when none).
Status FirstOf(const Json& properties, std::initializer_list<const char*> names,
               bool (*valid)(const std::string&), std::string* out) {
  out->clear();
  std::vector<std::string> values;
  for (const char* name : names) {
    Status status = Values(properties, name, &values);
    if (!status.ok()) return status;
    for (const std::string& value : values) {
      if (valid(value)) {
        *out = value;
        return Status::Ok();
      }
    }
  }
  return Status::Ok();
}

bool AnyText(const std::string& value) { return !Trim(value).empty(); }
bool CountryCode(const std::string& value) { return IsKnownCountryCode(AsciiUpper(Trim(value))); }
bool Date(const std::string& value) { return IsIsoDate(Trim(value)); }

// Score rounded down to two decimals, as every corridor score is shown: FloorToDecimals, exact.
// Its 1e-9 tolerance showed a score a hair under 0.8 as 0.8 beside "match": false.
double Rounded(double score) { return FloorToDecimals(score, 2); }

Json ResultJson(const names::NameMatch& match, const EntryCatalog& catalog, double threshold) {
  const names::NameRecord& record = *match.record;
  const std::vector<const names::NameRecord*>& records =
      catalog.Records(record.list_id, record.entry_id);
  Json names = Json::array(), aliases = Json::array();
  std::set<std::string> birth_dates, countries;
  for (const names::NameRecord* r : records) {
    (r->is_alias ? aliases : names).push_back(r->name);
    birth_dates.insert(r->birth_dates.begin(), r->birth_dates.end());
    for (const std::string& c : r->countries) countries.insert(AsciiLower(c));
  }
  std::string caption = names.empty() ? record.name : names[0].get<std::string>();
  Json properties = {{"name", names}};
  if (!aliases.empty()) properties["alias"] = aliases;
  if (!birth_dates.empty()) properties["birthDate"] = birth_dates;
  if (!countries.empty()) properties["country"] = countries;
  if (!record.programs.empty()) {
    properties["program"] = Json::array({record.programs});
    properties["topics"] = Json::array({"sanction"});
  }
  // Features: what made the score, by corridor's own names (docs/serve.md).
  Json features = {{"name_score", Rounded(match.name_score)}};
  for (const names::Evidence& e : match.explanation.evidence) features[e.field] = e.delta;
  if (match.decided_by_identifier) features["identifier_decides"] = 1.0;
  return {{"id", record.list_id + ":" + record.entry_id},
          {"caption", caption},
          {"schema", SchemaOfKind(record.kind)},
          {"properties", std::move(properties)},
          {"datasets", Json::array({record.list_id})},
          {"score", Rounded(match.score)},
          {"match", match.score >= threshold},
          {"features", std::move(features)},
          {"matched_name", record.name}};
}

// The allow entry naming the queried party (its names and country), if any.
std::optional<decisions::ReviewBook::Allowance> AllowedQuery(const AllowLists& allow,
                                                             const std::vector<std::string>& names,
                                                             const std::string& country) {
  if (allow.book == nullptr || names.empty() || country.empty()) return std::nullopt;
  Entity party;
  party.name = names.front();
  party.aliases.assign(names.begin() + 1, names.end());
  party.country = country;
  return allow.book->AllowedParty(party);
}

// Answers one query: {"status": 200, ...} or {"status": 400, "detail": ...}.
Json AnswerQuery(const names::NameIndex& index, const EntryCatalog& catalog,
                 const std::string& dataset, const MatchParams& params, const AllowLists& allow,
                 const Json& query) {
  auto refuse = [&](const std::string& detail) {
    return Json{{"status", 400}, {"detail", detail}, {"query", query}};
  };
  if (!query.is_object()) return refuse("a query must be an object");
  std::string schema = "LegalEntity";
  if (auto found = query.find("schema"); found != query.end()) {
    if (!found->is_string()) return refuse("schema: expected a string");
    schema = found->get<std::string>();
  }
  static const Json kNoProperties = Json::object();
  const Json* properties = &kNoProperties;
  if (auto found = query.find("properties"); found != query.end()) {
    if (!found->is_object()) return refuse("properties: expected an object");
    properties = &*found;
  }
  std::vector<std::string> query_names, aliases;
  Status status = Values(*properties, "name", &query_names);
  if (status.ok()) status = Values(*properties, "alias", &aliases);
  names::NameQuery base;
  base.kind = KindOfSchema(schema);
  if (status.ok()) status = FirstOf(*properties, {"birthDate"}, Date, &base.birth_date);
  if (status.ok()) {
    status = FirstOf(*properties, {"country", "nationality", "citizenship", "jurisdiction"},
                     CountryCode, &base.country);
  }
  if (status.ok()) {
    status = FirstOf(*properties,
                     {"imoNumber", "registrationNumber", "idNumber", "passportNumber", "taxNumber",
                      "leiCode", "swiftBic", "innCode", "ogrnCode"},
                     AnyText, &base.identifier);
  }
  if (!status.ok()) return refuse(status.message());
  base.country = AsciiUpper(Trim(base.country));
  base.birth_date = std::string(Trim(base.birth_date));
  query_names.insert(query_names.end(), aliases.begin(), aliases.end());
  if (query_names.empty()) return refuse("properties.name: at least one name is needed");
  if (query_names.size() > kMaxQueryNames) {
    return refuse("more than " + std::to_string(kMaxQueryNames) + " names (name and alias)");
  }
  for (const std::string& name : query_names) {
    if (name.size() > kMaxQueryNameBytes) {
      return refuse("a name longer than " + std::to_string(kMaxQueryNameBytes) + " bytes");
    }
  }
  // Each name searched; each entry keeps its best match over the names, as screening does.
  std::map<std::pair<std::string, std::string>, names::NameMatch> best;
  std::string last_error;
  size_t screened = 0;
  bool complete = true;  // every entry at or above the cutoff was seen: `total` is exact
  auto counts = [&](const names::NameMatch& match) {
    if (dataset != "default" && match.record->list_id != dataset) return false;
    return allow.lists == nullptr || allow.lists->count(match.record->list_id) == 0;
  };
  for (const std::string& name : query_names) {
    names::NameQuery one = base;
    one.name = name;
    std::vector<names::NameMatch> kept;
    bool name_complete = false;
    // The index explains every match it returns, which costs more than finding it: ask for one
    // more than `limit` (doubling while the dataset and allow-list filters leave too few), not
    // for every entry above the cutoff. The top `limit` over all names are then exact (an
    // entry in them is in the top `limit` of the name that scores it best). One list of many is
    // searched whole, as a doubling search would mostly find other lists' entries.
    size_t want = dataset == "default" ? params.limit + 1 : index.records().size() + 1;
    while (true) {
      std::vector<names::NameMatch> matches;
      status = index.Search(one, want, params.cutoff, &matches);
      if (!status.ok()) break;
      name_complete = matches.size() < want;
      kept.clear();
      for (names::NameMatch& match : matches) {
        if (counts(match)) kept.push_back(std::move(match));
      }
      if (name_complete || kept.size() > params.limit) break;
      want *= 2;
    }
    if (!status.ok()) {
      last_error = "name \"" + name + "\": " + status.message();
      continue;
    }
    ++screened;
    complete = complete && name_complete;
    for (names::NameMatch& match : kept) {
      auto key = std::make_pair(match.record->list_id, match.record->entry_id);
      auto found = best.find(key);
      if (found == best.end() || match.score > found->second.score) best[key] = std::move(match);
    }
  }
  if (screened == 0) return refuse(last_error);
  std::vector<const names::NameMatch*> ranked;
  for (const auto& [key, match] : best) ranked.push_back(&match);
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const auto* a, const auto* b) { return a->score > b->score; });
  const auto allowed = AllowedQuery(allow, query_names, base.country);
  Json results = Json::array();
  for (size_t i = 0; i < ranked.size() && i < params.limit; ++i) {
    Json result = ResultJson(*ranked[i], catalog, params.threshold);
    // Suppressed, not dropped: the result stays, no longer a match, with the entry that allows
    // it. An identifier match is the listed party itself, whatever the company's list says, and a
    // match a passport or national id corroborates may be (docs/decisions.md).
    if (allowed && !ranked[i]->decided_by_identifier && !ranked[i]->identifier_corroborates) {
      result["match"] = false;
      result["allowed_by"] = {{"list", allowed->list_id},
                              {"entry", allowed->entry_id},
                              {"name", allowed->entry_name},
                              {"matched_by", allowed->matched_by}};
    }
    results.push_back(std::move(result));
  }
  return {{"status", 200},
          {"results", std::move(results)},
          // As yente (Elasticsearch) says it: "gte" when more entries reach the cutoff than
          // were looked at.
          {"total", {{"value", ranked.size()}, {"relation", complete ? "eq" : "gte"}}},
          {"query", query}};
}

bool ParseNumber(const std::string& text, double* value) {
  char* end = nullptr;
  *value = std::strtod(text.c_str(), &end);
  return !text.empty() && end == text.c_str() + text.size() && std::isfinite(*value);
}

}  // namespace

EntryCatalog::EntryCatalog(const names::NameIndex& index) {
  for (const names::NameRecord& record : index.records()) {
    auto& records = entries_[{record.list_id, record.entry_id}];
    if (record.is_alias) {
      records.push_back(&record);
    } else {
      records.insert(records.begin(), &record);
    }
  }
}

const std::vector<const names::NameRecord*>& EntryCatalog::Records(
    const std::string& list_id, const std::string& entry_id) const {
  static const std::vector<const names::NameRecord*> kNone;
  auto found = entries_.find({list_id, entry_id});
  return found == entries_.end() ? kNone : found->second;
}

Status ReadMatchParams(const std::multimap<std::string, std::string>& query, MatchParams* params) {
  for (const auto& [name, text] : query) {
    double value = 0;
    if (name == "limit") {
      if (!ParseNumber(text, &value) || value < 1 || value > kMaxMatchLimit ||
          value != std::floor(value)) {
        return Status::Usage("limit must be a whole number from 1 to " +
                             std::to_string(kMaxMatchLimit));
      }
      params->limit = static_cast<size_t>(value);
    } else if (name == "threshold" || name == "cutoff") {
      if (!ParseNumber(text, &value) || value < 0 || value > 1) {
        return Status::Usage(name + " must be a number from 0 to 1");
      }
      (name == "threshold" ? params->threshold : params->cutoff) = value;
    }
    // Other parameters (algorithm, include_dataset, topics, ...) are not honoured; docs/serve.md.
  }
  return Status::Ok();
}

Status AnswerMatch(const names::NameIndex& index, const EntryCatalog& catalog,
                   const std::string& dataset, const MatchParams& params, const AllowLists& allow,
                   const Json& body, Json* response) {
  if (!body.is_object()) return Status::Usage("the body must be an object with \"queries\"");
  auto queries = body.find("queries");
  if (queries == body.end() || !queries->is_object()) {
    return Status::Usage("\"queries\" must be an object of named queries");
  }
  if (queries->size() > kMaxMatchQueries) {
    return Status::Limit("more than " + std::to_string(kMaxMatchQueries) + " queries");
  }
  Json responses = Json::object();
  for (auto it = queries->begin(); it != queries->end(); ++it) {
    responses[it.key()] = AnswerQuery(index, catalog, dataset, params, allow, it.value());
  }
  *response = {{"responses", std::move(responses)}, {"limit", params.limit}};
  return Status::Ok();
}

}  // namespace corridor::serve
