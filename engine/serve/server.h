// `corridor serve`: the screening engine behind HTTP (cpp-httplib), and the review page.
// docs/serve.md documents every route; the short version:
//
//   POST /screen              a shipment as JSON -> its ShipmentScore (Protobuf JSON mapping, or
//                             binary with `Accept: application/x-protobuf`)
//   POST /match/{dataset}     yente's request and response shapes (match_api.h)
//   GET  /explain/{id}        one shipment of a scores file, as `corridor explain` prints it
//   GET  /review/queue        the shipments at REVIEW and above of a scores file (the page's data)
//   GET  /shipments/{id}      one shipment's records from the database (the page draws its route)
//   GET  /lists, /healthz, /readyz, /metrics
//   GET  /                    the review page (every asset compiled into the binary)
//
// The rules and the list index load once (ShipmentScorer, engine/screen/screen_one.h); a watcher
// polls the database and, when the list tables or ownership records change (an import), loads a
// fresh engine beside the serving one and swaps it in: requests in flight keep the engine they
// started with (a shared_ptr), none is dropped or refused meanwhile.
//
// Security: bound to loopback by default. Bound elsewhere, a bearer token is required
// (Create() refuses to start without one); when a token is set every route but /, /healthz and
// /readyz needs `Authorization: Bearer TOKEN`. Bodies over max_body_bytes get 413; malformed
// JSON gets 400 with the parser's reason; an exception in a handler gets 500, never a crash.
#ifndef CORRIDOR_ENGINE_SERVE_SERVER_H_
#define CORRIDOR_ENGINE_SERVE_SERVER_H_

#include <functional>
#include <memory>
#include <string>

#include "engine/base/status.h"

namespace corridor::serve {

struct ServeOptions {
  std::string db_path;
  std::string rules_dir;
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: any free port (tests); Server::port() tells which
  // The default scores file of /explain and /review/queue. A request's ?scores= must name a file
  // in the same folder (the current folder when this is empty).
  std::string scores_path;
  std::string token;                // "" : no token (loopback only)
  size_t max_body_bytes = 1 << 20;  // larger bodies get 413
  double poll_seconds = 2;          // how often the watcher looks at the database
  std::string as_of;                // "" : today (UTC), reloaded when the date changes
};

// True for 127.0.0.0/8, ::1 and "localhost".
bool IsLoopback(const std::string& host);

class Server {
 public:
  // Loads the engine and binds the socket. Refused when the host is not loopback and no token
  // is given; the engine's setup errors (invalid rules, unreadable database) as they are;
  // IoError when the address cannot be bound.
  static Status Create(const ServeOptions& options, std::unique_ptr<Server>* out);
  ~Server();  // stops and joins everything

  int port() const;
  // Serves until Stop(); returns then. Call from one thread.
  void Run();
  // Stops accepting, lets requests in flight finish, stops the watcher. Any thread, any time,
  // more than once; not from a signal handler (the CLI waits for SIGTERM with sigwait).
  void Stop();
  // Loads a fresh engine now if the database changed (what the watcher does every poll); for
  // tests. Returns the load error, if any; the serving engine then stays.
  Status ReloadIfChanged();
  int64_t reloads() const;

 private:
  struct Impl;
  explicit Server(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace corridor::serve

#endif  // CORRIDOR_ENGINE_SERVE_SERVER_H_
