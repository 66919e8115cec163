// corridor serve --db FILE --rules DIR [--listen HOST:PORT] [--scores FILE] [--token-file F]
//                [--max-body BYTES] [--poll SECONDS] [--as-of DATE]
//
// Serves the screening engine over HTTP (engine/serve/server.h, docs/serve.md) until SIGTERM or
// SIGINT, then stops accepting, lets requests in flight finish and exits 0. The bearer token
// comes from --token-file or, without it, the CORRIDOR_TOKEN environment variable; listening on
// anything but loopback without one is refused (exit 1).
#include <pthread.h>

#include <csignal>
#include <cstdlib>
#include <iostream>
#include <thread>

#include "engine/base/file.h"
#include "engine/base/strings.h"
#include "engine/cli/commands.h"
#include "engine/cli/subcommands.h"
#include "engine/serve/server.h"

namespace corridor::cli {

namespace po = boost::program_options;

namespace {

// "HOST:PORT", "[V6]:PORT" or ":PORT" (loopback).
Status ParseListen(const std::string& listen, std::string* host, int* port) {
  size_t colon = listen.rfind(':');
  if (colon == std::string::npos) return Status::Usage("--listen must be HOST:PORT");
  *host = listen.substr(0, colon);
  if (host->size() >= 2 && host->front() == '[' && host->back() == ']') {
    *host = host->substr(1, host->size() - 2);
  }
  if (host->empty()) *host = "127.0.0.1";
  std::string digits = listen.substr(colon + 1);
  if (digits.empty() || digits.size() > 5 ||
      digits.find_first_not_of("0123456789") != std::string::npos || std::stoi(digits) > 65535) {
    return Status::Usage("--listen port must be a number from 0 to 65535");
  }
  *port = std::stoi(digits);
  return Status::Ok();
}

Status ReadToken(const std::string& token_file, std::string* token) {
  if (token_file.empty()) {
    const char* env = std::getenv("CORRIDOR_TOKEN");
    *token = env ? std::string(Trim(env)) : "";
    return Status::Ok();
  }
  std::string contents;
  Status status = ReadRegularFile(token_file, 4096, &contents);
  if (!status.ok()) return status;
  *token = std::string(Trim(contents));
  if (token->empty()) return Status::Usage(token_file + ": the token file is empty");
  return Status::Ok();
}

}  // namespace

int RunServe(const std::vector<std::string>& args) {
  po::options_description options("serve options");
  serve::ServeOptions serve_options;
  std::string listen = "127.0.0.1:8080", token_file;
  options.add_options()("help,h", "show this help")(
      "db", po::value<std::string>(&serve_options.db_path)->required(),
      "input database with the watch lists (read-only; watched for imports)")(
      "rules", po::value<std::string>(&serve_options.rules_dir)->required(), "rules folder")(
      "listen", po::value<std::string>(&listen), "HOST:PORT (default 127.0.0.1:8080)")(
      "scores", po::value<std::string>(&serve_options.scores_path),
      "scores file for /explain and the review page")(
      "token-file", po::value<std::string>(&token_file),
      "file holding the bearer token (default: $CORRIDOR_TOKEN)")(
      "max-body", po::value<size_t>(&serve_options.max_body_bytes),
      "largest request body in bytes (default 1048576)")(
      "poll", po::value<double>(&serve_options.poll_seconds),
      "seconds between looks at the database for imports (default 2)")(
      "as-of", po::value<std::string>(&serve_options.as_of),
      "screening date YYYY-MM-DD (default: today, UTC)");
  po::variables_map values;
  int exit_code = kExitOk;
  if (!ParseOptions("serve", options, args, &values, &exit_code)) return exit_code;
  Status status = ParseListen(listen, &serve_options.host, &serve_options.port);
  if (status.ok() && !serve_options.as_of.empty() && !IsIsoDate(serve_options.as_of)) {
    status = Status::Usage("--as-of must be YYYY-MM-DD");
  }
  if (status.ok()) status = ReadToken(token_file, &serve_options.token);
  if (!status.ok()) return Fail("serve", status);
  // SIGTERM and SIGINT are taken by this thread with sigwait: blocked here, before any thread
  // starts, so every server thread inherits the mask and none is interrupted.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  std::unique_ptr<serve::Server> server;
  status = serve::Server::Create(serve_options, &server);
  if (!status.ok()) return Fail("serve", status);
  std::cerr << "corridor serve: listening on http://" << serve_options.host << ":" << server->port()
            << "/" << std::endl;
  std::thread http([&] { server->Run(); });
  int received = 0;
  sigwait(&signals, &received);
  std::cerr << "corridor serve: " << (received == SIGTERM ? "SIGTERM" : "SIGINT") << ", stopping"
            << std::endl;
  server->Stop();
  http.join();
  return kExitOk;
}

}  // namespace corridor::cli
