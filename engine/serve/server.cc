#include "engine/serve/server.h"

#include <arpa/inet.h>
#include <httplib.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <ctime>
#include <filesystem>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>

#include "engine/base/strings.h"
#include "engine/lists/catalog.h"
#include "engine/serve/engine_state.h"
#include "engine/serve/handlers.h"
#include "engine/serve/metrics.h"

namespace corridor::serve {

namespace {

// httplib workers (Routes: one per open connection).
constexpr size_t kWorkers = 64;

std::string TodayUtc() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char text[16];
  std::strftime(text, sizeof text, "%Y-%m-%d", &tm);
  return text;
}

// Compares in time independent of where the strings differ (the length is not secret).
bool SameToken(const std::string& given, const std::string& expected) {
  if (expected.empty() || given.size() != expected.size()) return false;
  unsigned char diff = 0;
  for (size_t i = 0; i < given.size(); ++i) {
    diff |= static_cast<unsigned char>(given[i] ^ expected[i]);
  }
  return diff == 0;
}

}  // namespace

bool IsLoopback(const std::string& host) {
  if (host == "localhost" || host == "::1" || host == "[::1]") return true;
  // Only an IPv4 address in 127.0.0.0/8. A name that merely starts with "127." (127.example.org)
  // is resolved when the server binds and may be any address.
  in_addr address;
  return inet_pton(AF_INET, host.c_str(), &address) == 1 && (ntohl(address.s_addr) >> 24) == 127;
}

struct Server::Impl {
  ServeOptions options;
  httplib::Server http;
  Metrics metrics;
  Engines engines;
  int port = 0;
  std::atomic<bool> stopping{false};
  std::atomic<bool> run_started{false};
  std::atomic<bool> run_done{false};
  std::mutex watch_mutex;
  std::condition_variable watch_wake;
  std::thread watcher;

  std::string AsOf() const { return options.as_of.empty() ? TodayUtc() : options.as_of; }

  // Every poll_seconds: reload when the database's lists changed or the date did.
  void Watch() {
    std::unique_lock<std::mutex> lock(watch_mutex);
    while (!stopping) {
      watch_wake.wait_for(lock, std::chrono::duration<double>(options.poll_seconds));
      if (stopping) break;
      lock.unlock();
      Status status = engines.ReloadIfChanged(options, AsOf());
      if (!status.ok()) {
        std::fprintf(stderr, "corridor serve: reload failed, still serving the loaded lists: %s\n",
                     status.message().c_str());
      }
      lock.lock();
    }
  }

  // Wraps a handler: counts it in /metrics under `route`, answers exceptions with 500.
  httplib::Server::Handler Route(const std::string& route, Handler handler) {
    return [this, route, handler](const httplib::Request& request, httplib::Response& response) {
      auto start = std::chrono::steady_clock::now();
      RequestContext context{options, engines, metrics};
      try {
        handler(context, request, response);
      } catch (const std::exception& error) {
        SendError(response, 500, std::string("internal error: ") + error.what());
      }
      std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
      // httplib turns a status left unset (-1) into 200 after the handler.
      metrics.Observe(route, response.status == -1 ? 200 : response.status, took.count());
    };
  }

  bool Authorized(const httplib::Request& request) const {
    if (options.token.empty()) return true;
    if (request.path == "/" || request.path == "/healthz" || request.path == "/readyz") return true;
    std::string header = request.get_header_value("Authorization");
    const std::string prefix = "Bearer ";
    return StartsWith(header, prefix) && SameToken(header.substr(prefix.size()), options.token);
  }

  void Routes() {
    http.set_payload_max_length(options.max_body_bytes);
    http.set_keep_alive_max_count(1000);
    // httplib gives each connection a worker for its life, and times out each read, not the
    // request: a client sending a header byte a second holds a worker as long as it likes. Its
    // default pool (8 workers on two cores) let 12 such connections stop every route, /healthz
    // too (since 2026-12-07, from a review). 64 workers raise that bar; they are no defence
    // against a determined client: beyond loopback, serve behind a proxy that buffers requests
    // and bounds their time (docs/serve.md, "Deploying").
    http.new_task_queue = [] { return new httplib::ThreadPool(kWorkers); };
    // Headers and body go out in separate writes: with Nagle's algorithm on, the body waits for
    // the client's delayed ACK (40 ms on Linux) on every keep-alive request.
    http.set_tcp_nodelay(true);
    http.set_pre_routing_handler(
        [this](const httplib::Request& request, httplib::Response& response) {
          if (Authorized(request)) return httplib::Server::HandlerResponse::Unhandled;
          response.set_header("WWW-Authenticate", "Bearer");
          SendError(response, 401, "a bearer token is required (Authorization: Bearer TOKEN)");
          metrics.Observe("unauthorized", 401, 0);
          return httplib::Server::HandlerResponse::Handled;
        });
    // 413 (body too large), 404 (no route) and the like: a JSON reason too.
    http.set_error_handler([](const httplib::Request&, httplib::Response& response) {
      if (!response.body.empty()) return;
      switch (response.status) {
        case 404:
          SendError(response, 404, "no such route (docs/serve.md lists them)");
          break;
        case 413:
          SendError(response, 413, "the body is larger than the limit (--max-body)");
          break;
        default:
          SendError(response, response.status, "HTTP " + std::to_string(response.status));
      }
    });
    http.set_exception_handler(
        [](const httplib::Request&, httplib::Response& response, std::exception_ptr) {
          SendError(response, 500, "internal error");
        });
    http.Post("/screen", Route("/screen", HandleScreen));
    http.Post(R"(/match/([^/]+))", Route("/match/{dataset}", HandleMatch));
    http.Get(R"(/explain/([^/]+))", Route("/explain/{shipment_id}", HandleExplain));
    http.Get("/review/queue", Route("/review/queue", HandleQueue));
    http.Get(R"(/shipments/([^/]+))", Route("/shipments/{shipment_id}", HandleShipment));
    http.Post("/decisions", Route("/decisions", HandleDecision));
    http.Get("/lists", Route("/lists", HandleLists));
    http.Get("/healthz", Route("/healthz", HandleHealth));
    http.Get("/readyz", Route("/readyz", HandleReady));
    http.Get("/metrics", Route("/metrics", HandleMetrics));
    http.Get("/", Route("/", HandlePage));
  }
};

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

Server::~Server() {
  Stop();
  if (impl_->watcher.joinable()) impl_->watcher.join();
}

Status Server::Create(const ServeOptions& options, std::unique_ptr<Server>* out) {
  if (!IsLoopback(options.host) && options.token.empty()) {
    return Status::Refused("listening on " + options.host +
                           " needs a bearer token (--token-file or CORRIDOR_TOKEN): only "
                           "loopback addresses are served without one");
  }
  if (!(options.poll_seconds > 0)) return Status::Usage("the poll interval must be positive");
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  Status status = impl->engines.Load(options, impl->AsOf());
  if (!status.ok()) return status;
  impl->Routes();
  if (options.port == 0) {
    impl->port = impl->http.bind_to_any_port(options.host);
  } else if (impl->http.bind_to_port(options.host, options.port)) {
    impl->port = options.port;
  }
  if (impl->port <= 0) {
    return Status::IoError("cannot listen on " + options.host + ":" + std::to_string(options.port) +
                           " (in use, or not an address here)");
  }
  Impl* raw = impl.get();
  impl->watcher = std::thread([raw] { raw->Watch(); });
  out->reset(new Server(std::move(impl)));
  return Status::Ok();
}

int Server::port() const { return impl_->port; }

void Server::Run() {
  impl_->run_started = true;
  if (!impl_->stopping) impl_->http.listen_after_bind();
  impl_->run_done = true;
}

void Server::Stop() {
  impl_->stopping = true;
  impl_->watch_wake.notify_all();
  // httplib's stop() does nothing until listen_after_bind() is running: repeat until Run() has
  // returned (or was never called; it then returns at once, seeing `stopping`).
  while (true) {
    impl_->http.stop();
    if (!impl_->run_started || impl_->run_done) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  if (impl_->watcher.joinable() && impl_->watcher.get_id() != std::this_thread::get_id()) {
    impl_->watcher.join();
  }
}

Status Server::ReloadIfChanged() {
  return impl_->engines.ReloadIfChanged(impl_->options, impl_->AsOf());
}

int64_t Server::reloads() const { return impl_->engines.reloads(); }

}  // namespace corridor::serve
