// Fetching a published list over HTTPS with libcurl: timeouts, a size limit, the HTTP status
// checked, and only https:// (or http:// to a loopback host, for tests and local mirrors).
//
//   corridor::FetchOptions options;
//   corridor::FetchResult result;
//   corridor::Status status =
//       corridor::FetchUrl("https://example.org/list.xml", options, "/tmp/x/list.xml", &result);
//
// docs/lists.md, "Keeping lists fresh", describes the policy.
#ifndef CORRIDOR_ENGINE_FETCH_FETCH_H_
#define CORRIDOR_ENGINE_FETCH_FETCH_H_

#include <cstdint>
#include <string>

#include "engine/base/status.h"

namespace corridor {

struct FetchOptions {
  int64_t max_bytes = int64_t{512} << 20;  // largest body accepted (after decompression)
  long connect_timeout_seconds = 30;
  long timeout_seconds = 900;  // the whole transfer
  // A transfer slower than this many bytes per second for `low_speed_seconds` is abandoned.
  long low_speed_bytes = 1024;
  long low_speed_seconds = 60;
  long max_redirects = 5;  // redirects are followed to https:// only
  // Accept an HTTP/1.x body whose end the server did not mark (no Content-Length, not chunked:
  // the connection's close ends it), which cannot be told from a cut one (update-lists --force).
  bool allow_unframed = false;
};

struct FetchResult {
  long http_status = 0;
  int64_t bytes = 0;
  std::string effective_url;  // after redirects
};

// Checks that `url` may be fetched: https://, or http:// to a loopback host. Returns "" when it
// may, else why not ("only https:// URLs are fetched (http:// only from a loopback host)").
std::string UrlRefusal(const std::string& url);

// `url` as messages show it: a user name and password, and the query (which may hold a token),
// replaced by "***" ("https://***@host/list.xml?***"). Any other URL is returned as it is.
std::string RedactUrl(const std::string& url);

// The last part of `url`'s path ("sdn.csv" for "https://host/a/sdn.csv?x=1"), or "" when the
// URL cannot be parsed or its path ends with '/'.
std::string UrlFileName(const std::string& url);

// Downloads `url` into the new file `out_path` (which must not exist). On any failure the file
// is removed. Errors (messages start with the URL):
//   Usage      UrlRefusal(url) is not empty.
//   NotFound   HTTP 404 or 410.
//   IoError    a network error (DNS, connection, TLS), any HTTP status other than 200, a transfer
//              cut short (fewer bytes than the Content-Length announced), an HTTP/1.x body with
//              neither a Content-Length nor chunked encoding (unless options.allow_unframed), a
//              body sent compressed (none is asked for), writing the file.
//   Limit      the body is larger than options.max_bytes, or a timeout expired.
Status FetchUrl(const std::string& url, const FetchOptions& options, const std::string& out_path,
                FetchResult* result);

}  // namespace corridor

#endif  // CORRIDOR_ENGINE_FETCH_FETCH_H_
