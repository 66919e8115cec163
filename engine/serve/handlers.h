// The route handlers of `corridor serve` (server.h lists the routes; docs/serve.md documents
// them). Each takes the request's context and fills the response; an error is a JSON object
// {"error": REASON} with the status code that says whose fault it is.
#ifndef CORRIDOR_ENGINE_SERVE_HANDLERS_H_
#define CORRIDOR_ENGINE_SERVE_HANDLERS_H_

#include <httplib.h>

#include <functional>
#include <nlohmann/json.hpp>
#include <string>

#include "engine/serve/engine_state.h"
#include "engine/serve/metrics.h"
#include "engine/serve/server.h"

namespace corridor::serve {

struct RequestContext {
  const ServeOptions& options;
  Engines& engines;
  Metrics& metrics;
};

using Handler = std::function<void(RequestContext&, const httplib::Request&, httplib::Response&)>;

// Sets `status` and the body {"error": message}.
void SendError(httplib::Response& response, int status, const std::string& message);
// Sets `status` and `body` as JSON (invalid UTF-8 in strings becomes U+FFFD).
void SendJson(httplib::Response& response, const nlohmann::json& body, int status = 200);
// The request's Content-Type without parameters, lower case ("" when none is given).
std::string MediaType(const httplib::Request& request);
// True when the request's body is JSON by its Content-Type (application/json, or none given);
// else answers 415 and returns false.
bool JsonContentType(const httplib::Request& request, httplib::Response& response);
// Parses a request body as JSON (at most 32 levels deep); on failure sets 400 with the parser's
// reason (415 for a body that is not JSON by its Content-Type) and returns false.
bool ParseBody(const httplib::Request& request, httplib::Response& response, nlohmann::json* body);
// 400 for Usage and Corruption, 404 NotFound, 413 Limit, 403 Refused, 500 for the rest.
int HttpStatusFor(const Status& status);

void HandleScreen(RequestContext& context, const httplib::Request& request,
                  httplib::Response& response);
void HandleMatch(RequestContext& context, const httplib::Request& request,
                 httplib::Response& response);
void HandleExplain(RequestContext& context, const httplib::Request& request,
                   httplib::Response& response);
void HandleQueue(RequestContext& context, const httplib::Request& request,
                 httplib::Response& response);
void HandleShipment(RequestContext& context, const httplib::Request& request,
                    httplib::Response& response);
void HandleDecision(RequestContext& context, const httplib::Request& request,
                    httplib::Response& response);
void HandleLists(RequestContext& context, const httplib::Request& request,
                 httplib::Response& response);
void HandleHealth(RequestContext& context, const httplib::Request& request,
                  httplib::Response& response);
void HandleReady(RequestContext& context, const httplib::Request& request,
                 httplib::Response& response);
void HandleMetrics(RequestContext& context, const httplib::Request& request,
                   httplib::Response& response);
void HandlePage(RequestContext& context, const httplib::Request& request,
                httplib::Response& response);

// The review page (engine/serve/page/review.html, compiled in by CMake).
extern const char* const kReviewPage;

}  // namespace corridor::serve

#endif  // CORRIDOR_ENGINE_SERVE_HANDLERS_H_
