#include "engine/serve/handlers.h"

#include <google/protobuf/util/json_util.h>

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <iomanip>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "engine/base/strings.h"
#include "engine/load/input_database.h"
#include "engine/output/explain.h"
#include "engine/output/explain_formats.h"
#include "engine/output/score_stream.h"
#include "engine/serve/shipment_json.h"

namespace corridor::serve {

namespace {

using Json = nlohmann::json;

constexpr int kMaxJsonDepth = 32;           // deeper bodies are refused before they are built
constexpr size_t kMaxQueueShipments = 500;  // the review queue's length

struct TooDeep {};

}  // namespace

std::string MediaType(const httplib::Request& request) {
  std::string type = AsciiLower(request.get_header_value("Content-Type"));
  type = type.substr(0, type.find(';'));
  while (!type.empty() && type.back() == ' ') type.pop_back();
  return type;
}

bool JsonContentType(const httplib::Request& request, httplib::Response& response) {
  const std::string type = MediaType(request);
  if (type.empty() || type == "application/json") return true;
  // A form-encoded body is parsed by httplib into the request's parameters, after the URL's:
  // text in it would override ?cutoff= and ?threshold= (since 2026-12-07, from a review).
  SendError(response, 415,
            "the body must be JSON (Content-Type: application/json), not \"" + type + "\"");
  return false;
}

bool ParseBody(const httplib::Request& request, httplib::Response& response, Json* body) {
  if (!JsonContentType(request, response)) return false;
  try {
    *body = Json::parse(request.body, [](int depth, Json::parse_event_t, Json&) {
      if (depth > kMaxJsonDepth) throw TooDeep();
      return true;
    });
    return true;
  } catch (const Json::parse_error& error) {
    SendError(response, 400, std::string("malformed JSON: ") + error.what());
  } catch (const TooDeep&) {
    SendError(response, 400,
              "malformed JSON: nested deeper than " + std::to_string(kMaxJsonDepth) + " levels");
  } catch (const Json::exception& error) {  // a number out of range (1e400)
    SendError(response, 400, std::string("malformed JSON: ") + error.what());
  }
  return false;
}

void SendJson(httplib::Response& response, const Json& body, int status) {
  response.status = status;
  // Names from lists and requests are bytes as given: invalid UTF-8 becomes U+FFFD.
  response.set_content(body.dump(-1, ' ', false, Json::error_handler_t::replace),
                       "application/json");
}

std::string ProtoJson(const google::protobuf::Message& message) {
  google::protobuf::util::JsonPrintOptions options;
  // As `screen --format json` prints (engine/output/score_stream.cc).
  options.always_print_primitive_fields = true;
  options.preserve_proto_field_names = true;
  std::string out;
  if (!google::protobuf::util::MessageToJsonString(message, &out, options).ok()) return "{}";
  return out;
}

int HttpStatusFor(const Status& status) {
  if (status.IsUsage() || status.IsCorruption()) return 400;
  if (status.IsNotFound()) return 404;
  if (status.IsLimit()) return 413;
  if (status.IsRefused()) return 403;
  return 500;
}

namespace {

// The scores file a request names (?scores=), confined to the folder of --scores (the current
// folder without one): a client may pick among the runs an operator left there, not read
// arbitrary files.
Status ScoresPath(const RequestContext& context, const httplib::Request& request,
                  std::string* path) {
  namespace fs = std::filesystem;
  const std::string& configured = context.options.scores_path;
  if (!request.has_param("scores")) {
    if (configured.empty()) {
      return Status::Usage("no scores file: pass ?scores=FILE or start serve with --scores");
    }
    *path = configured;
    return Status::Ok();
  }
  fs::path folder = configured.empty() ? fs::current_path() : fs::path(configured).parent_path();
  if (folder.empty()) folder = fs::current_path();
  std::error_code error;
  fs::path base = fs::weakly_canonical(folder, error);
  fs::path wanted = fs::weakly_canonical(folder / request.get_param_value("scores"), error);
  if (error || wanted.parent_path() != base) {
    return Status::Refused("?scores= must name a file in the folder of the --scores file");
  }
  *path = wanted.string();
  return Status::Ok();
}

// Reads a whole scores file, keeping its header and the shipments `keep` accepts.
Status ReadScores(const std::string& path,
                  const std::function<bool(const scores::ShipmentScore&)>& keep,
                  scores::StreamHeader* header, std::vector<scores::ShipmentScore>* shipments) {
  std::unique_ptr<ScoreReader> reader;
  Status status = ScoreReader::Open(path, &reader);
  if (!status.ok()) return status;
  scores::ScoreRecord record;
  while (reader->Next(&record)) {
    if (record.has_header()) *header = record.header();
    if (record.has_shipment() && keep(record.shipment())) {
      shipments->push_back(record.shipment());
    }
  }
  return reader->status();
}

Json OptionalJson(const OptionalText& text) { return text ? Json(*text) : Json(nullptr); }

Json ShipmentRecordsJson(const Shipment& s) {
  Json parties = Json::array(), items = Json::array(), legs = Json::array();
  for (const ShipmentParty& p : s.parties) {
    Json party = {{"entity_id", p.entity_id}, {"role", p.role}};
    if (p.entity) {
      party["name"] = p.entity->name;
      party["kind"] = p.entity->kind;
      party["country"] = OptionalJson(p.entity->country);
      party["aliases"] = p.entity->aliases;
    }
    parties.push_back(std::move(party));
  }
  for (const ShipmentItem& i : s.items) {
    items.push_back({{"line", i.line},
                     {"hs_code", OptionalJson(i.hs_code)},
                     {"description", OptionalJson(i.description)},
                     {"origin_country", OptionalJson(i.origin_country)}});
  }
  for (const ShipmentLeg& l : s.legs) {
    legs.push_back({{"seq", l.seq},
                    {"location", OptionalJson(l.location)},
                    {"location_name", OptionalJson(l.location_name)},
                    {"country", OptionalJson(l.country)},
                    {"region", OptionalJson(l.region)},
                    {"kind", OptionalJson(l.kind)},
                    {"arrived_on", OptionalJson(l.arrived_on)}});
  }
  return {{"shipment_id", s.shipment_id},
          {"origin_country", OptionalJson(s.origin_country)},
          {"destination_country", OptionalJson(s.destination_country)},
          {"final_destination_country", OptionalJson(s.final_destination_country)},
          {"parties", std::move(parties)},
          {"items", std::move(items)},
          {"legs", std::move(legs)}};
}

double UnixTime(const std::string& iso) {
  std::tm tm{};
  std::istringstream in(iso);
  in >> std::get_time(&tm, "%Y-%m-%dT%H:%M:%S");
  if (in.fail()) return -1;
  return static_cast<double>(timegm(&tm));
}

}  // namespace

void SendError(httplib::Response& response, int status, const std::string& message) {
  SendJson(response, {{"error", message}}, status);
}

void HandleScreen(RequestContext& context, const httplib::Request& request,
                  httplib::Response& response) {
  Json body;
  if (!ParseBody(request, response, &body)) return;
  Shipment shipment;
  Status status = ParseShipmentJson(body, &shipment);
  if (!status.ok()) return SendError(response, HttpStatusFor(status), status.message());
  std::shared_ptr<const Engine> engine = context.engines.Current();
  scores::ShipmentScore score;
  engine->scorer->Score(std::move(shipment), &score);
  SanitizeUtf8(&score);
  response.set_header("X-Corridor-Rules-Digest", engine->scorer->header().rules_digest());
  response.set_header("X-Corridor-As-Of", engine->as_of);
  if (request.get_header_value("Accept").find("application/x-protobuf") != std::string::npos) {
    response.set_content(score.SerializeAsString(), "application/x-protobuf");
    return;
  }
  response.set_content(ProtoJson(score), "application/json");
}

void HandleMatch(RequestContext& context, const httplib::Request& request,
                 httplib::Response& response) {
  std::string dataset = request.matches[1];
  std::shared_ptr<const Engine> engine = context.engines.Current();
  const names::NameIndex* index = engine->scorer->name_index();
  if (!index) return SendError(response, 404, "the database holds no list to match against");
  if (dataset != "default" &&
      std::none_of(engine->lists.begin(), engine->lists.end(),
                   [&](const LoadedListInfo& list) { return list.list_id == dataset; })) {
    return SendError(
        response, 404,
        "unknown dataset \"" + dataset + "\": a loaded list id or \"default\" (GET /lists)");
  }
  const std::set<std::string>& allow_lists = engine->scorer->allow_lists();
  if (allow_lists.count(dataset)) {
    return SendError(response, 400,
                     "dataset \"" + dataset +
                         "\" is an allow-list (role ALLOW in the rules): never a source of hits");
  }
  if (!JsonContentType(request, response)) return;  // before the parameters are read
  MatchParams params;
  params.threshold = index->options().threshold;
  Status status = ReadMatchParams(request.params, &params);
  if (!status.ok()) return SendError(response, 400, status.message());
  Json body, answer;
  if (!ParseBody(request, response, &body)) return;
  status = AnswerMatch(*index, *engine->catalog, dataset, params,
                       {&allow_lists, &engine->scorer->reviews()}, body, &answer);
  if (!status.ok()) return SendError(response, HttpStatusFor(status), status.message());
  SendJson(response, answer);
}

void HandleExplain(RequestContext& context, const httplib::Request& request,
                   httplib::Response& response) {
  std::string shipment_id = request.matches[1];
  std::string path;
  Status status = ScoresPath(context, request, &path);
  scores::StreamHeader header;
  std::vector<scores::ShipmentScore> found;
  if (status.ok()) {
    status = ReadScores(
        path, [&](const scores::ShipmentScore& s) { return s.shipment_id() == shipment_id; },
        &header, &found);
  }
  if (!status.ok()) return SendError(response, HttpStatusFor(status), status.message());
  if (found.empty()) {
    return SendError(response, 404, "no shipment \"" + shipment_id + "\" in " + path);
  }
  std::string text = ExplainShipment(found[0], &header);
  if (request.get_header_value("Accept").find("text/plain") != std::string::npos) {
    response.set_content(text, "text/plain; charset=utf-8");
    return;
  }
  SendJson(response, {{"as_of", header.as_of()},
                      {"rules_digest", header.rules_digest()},
                      // A compact record with its hits' rule facts, as the reports show it.
                      {"shipment", Json::parse(ProtoJson(ExpandCompactRecord(header, found[0])))},
                      {"text", text}});
}

void HandleQueue(RequestContext& context, const httplib::Request& request,
                 httplib::Response& response) {
  std::string path;
  Status status = ScoresPath(context, request, &path);
  scores::StreamHeader header;
  std::vector<scores::ShipmentScore> queue;
  if (status.ok()) {
    status = ReadScores(
        path, [](const scores::ShipmentScore& s) { return s.decision() >= REVIEW; }, &header,
        &queue);
  }
  if (!status.ok()) return SendError(response, HttpStatusFor(status), status.message());
  // The worst first: decision, then score, then id for a stable order.
  std::stable_sort(queue.begin(), queue.end(), [](const auto& a, const auto& b) {
    if (a.decision() != b.decision()) return a.decision() > b.decision();
    if (a.score() != b.score()) return a.score() > b.score();
    return a.shipment_id() < b.shipment_id();
  });
  Json shipments = Json::array();
  for (size_t i = 0; i < queue.size() && i < kMaxQueueShipments; ++i) {
    shipments.push_back(Json::parse(ProtoJson(queue[i])));
  }
  Json rules = Json::object();
  for (const scores::RuleInfo& rule : header.rules()) rules[rule.rule_id()] = rule.description();
  SendJson(response, {{"scores", std::filesystem::path(path).filename().string()},
                      {"as_of", header.as_of()},
                      {"rules_digest", header.rules_digest()},
                      {"rules", std::move(rules)},
                      {"total", queue.size()},
                      {"shipments", std::move(shipments)}});
}

void HandleShipment(RequestContext& context, const httplib::Request& request,
                    httplib::Response& response) {
  std::string shipment_id = request.matches[1];
  std::unique_ptr<InputDatabase> input;
  Status status = InputDatabase::Open(context.options.db_path, &input);
  if (!status.ok()) return SendError(response, 500, status.message());
  std::unique_ptr<ShipmentSource> source = input->Shipments({shipment_id});
  Shipment shipment;
  if (!source->Next(&shipment)) {
    if (!source->status().ok()) return SendError(response, 500, source->status().message());
    return SendError(response, 404, "no shipment \"" + shipment_id + "\" in the database");
  }
  SendJson(response, ShipmentRecordsJson(shipment));
}

void HandleLists(RequestContext& context, const httplib::Request&, httplib::Response& response) {
  std::shared_ptr<const Engine> engine = context.engines.Current();
  Json lists = Json::array();
  for (const LoadedListInfo& list : engine->lists) {
    lists.push_back(
        {{"list_id", list.list_id},
         {"publisher", list.publisher},
         {"version", list.version},
         {"sha256", list.sha256},
         {"format", list.format},
         {"imported_at", list.imported_at},
         {"entries", list.entries},
         {"aliases", list.aliases},
         {"unscreenable", list.unscreenable},
         // desk: an allow-list only suppresses; /match/{it} is refused.
         {"role", engine->scorer->allow_lists().count(list.list_id) ? "allow" : "watch"}});
  }
  SendJson(response, {{"lists", std::move(lists)}, {"as_of", engine->as_of}});
}

void HandleHealth(RequestContext&, const httplib::Request&, httplib::Response& response) {
  SendJson(response, {{"status", "ok"}});
}

void HandleReady(RequestContext& context, const httplib::Request&, httplib::Response& response) {
  std::shared_ptr<const Engine> engine = context.engines.Current();
  const names::NameIndex* index = engine ? engine->scorer->name_index() : nullptr;
  SendJson(response,
           {{"ready", engine != nullptr},
            {"as_of", engine ? engine->as_of : ""},
            {"rules_digest", engine ? engine->scorer->header().rules_digest() : ""},
            {"indexed_names", index ? index->records().size() : 0},
            {"last_reload_error", context.engines.last_error()}},
           engine ? 200 : 503);
}

void HandleMetrics(RequestContext& context, const httplib::Request&, httplib::Response& response) {
  std::shared_ptr<const Engine> engine = context.engines.Current();
  std::ostringstream out;
  out.precision(12);
  out << context.metrics.Render();
  const names::NameIndex* index = engine->scorer->name_index();
  out << "# HELP corridor_index_names List names (entries and aliases) in the name index.\n"
      << "# TYPE corridor_index_names gauge\ncorridor_index_names "
      << (index ? index->records().size() : 0) << "\n"
      << "# HELP corridor_list_entries Entries of each loaded list.\n"
      << "# TYPE corridor_list_entries gauge\n";
  for (const LoadedListInfo& list : engine->lists) {
    out << "corridor_list_entries{list=\"" << list.list_id << "\"} " << list.entries << "\n";
  }
  out << "# HELP corridor_list_age_seconds Time since each list was imported.\n"
      << "# TYPE corridor_list_age_seconds gauge\n";
  double now = static_cast<double>(std::time(nullptr));
  for (const LoadedListInfo& list : engine->lists) {
    double imported = UnixTime(list.imported_at);
    if (imported >= 0) {
      out << "corridor_list_age_seconds{list=\"" << list.list_id << "\"} " << now - imported
          << "\n";
    }
  }
  out << "# HELP corridor_engine_loaded_timestamp_seconds When the serving engine was loaded.\n"
      << "# TYPE corridor_engine_loaded_timestamp_seconds gauge\n"
      << "corridor_engine_loaded_timestamp_seconds " << engine->loaded_at << "\n"
      << "# HELP corridor_engine_load_seconds How long loading the serving engine took.\n"
      << "# TYPE corridor_engine_load_seconds gauge\n"
      << "corridor_engine_load_seconds " << engine->load_seconds << "\n"
      << "# HELP corridor_reloads_total Engines loaded after a database change.\n"
      << "# TYPE corridor_reloads_total counter\n"
      << "corridor_reloads_total " << context.engines.reloads() << "\n"
      << "# HELP corridor_reload_failures_total Reloads that failed (the old engine served on).\n"
      << "# TYPE corridor_reload_failures_total counter\n"
      << "corridor_reload_failures_total " << context.engines.reload_failures() << "\n";
  response.set_content(out.str(), "text/plain; version=0.0.4");
}

void HandlePage(RequestContext&, const httplib::Request&, httplib::Response& response) {
  // Everything the page needs is in it: no outside network (docs/serve.md).
  response.set_header("Content-Security-Policy",
                      "default-src 'none'; script-src 'unsafe-inline'; style-src "
                      "'unsafe-inline'; connect-src 'self'; img-src data:");
  response.set_content(kReviewPage, "text/html; charset=utf-8");
}

}  // namespace corridor::serve
