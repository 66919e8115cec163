#include "engine/fetch/fetch.h"

#include <arpa/inet.h>
#include <curl/curl.h>

#include <cstdio>
#include <memory>
#include <mutex>

namespace corridor {

namespace {

// curl_global_init is not thread-safe and must run once before any other libcurl call.
void InitCurlOnce() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct UrlParts {
  std::string scheme, host, path;
};

bool ParseUrl(const std::string& url, UrlParts* parts) {
  InitCurlOnce();
  std::unique_ptr<CURLU, decltype(&curl_url_cleanup)> handle(curl_url(), curl_url_cleanup);
  if (handle == nullptr || curl_url_set(handle.get(), CURLUPART_URL, url.c_str(), 0) != CURLUE_OK) {
    return false;
  }
  auto get = [&](CURLUPart part, std::string* out) {
    char* text = nullptr;
    if (curl_url_get(handle.get(), part, &text, 0) != CURLUE_OK) return false;
    out->assign(text);
    curl_free(text);
    return true;
  };
  return get(CURLUPART_SCHEME, &parts->scheme) && get(CURLUPART_HOST, &parts->host) &&
         get(CURLUPART_PATH, &parts->path);
}

// Loopback by its literal name only: a host name other than "localhost" is never resolved here,
// so a DNS answer cannot turn an http:// URL into a "loopback" one.
bool IsLoopbackHost(const std::string& host) {
  if (host == "localhost" || host == "[::1]") return true;
  in_addr address{};
  if (inet_pton(AF_INET, host.c_str(), &address) != 1) return false;
  return (ntohl(address.s_addr) >> 24) == 127;
}

struct Sink {
  std::FILE* file = nullptr;
  int64_t bytes = 0;
  int64_t max_bytes = 0;
  bool over_limit = false;
  bool write_failed = false;
};

// How the last response (after redirects) framed its body, from its headers.
struct Framing {
  bool content_length = false;
  bool chunked = false;
  std::string content_encoding;  // lower case; "" or "identity" when the body is as sent
};

// libcurl's header callback: one header line at a time, every response of a redirect chain in
// turn; a status line starts a new response.
size_t ReadHeader(char* data, size_t size, size_t count, void* user) {
  Framing* framing = static_cast<Framing*>(user);
  const size_t length = size * count;
  std::string line(data, length);
  for (char& ch : line) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  while (!line.empty() && (line.back() == '\r' || line.back() == '\n')) line.pop_back();
  if (line.rfind("http/", 0) == 0) {
    *framing = Framing();
    return length;
  }
  const size_t colon = line.find(':');
  if (colon == std::string::npos) return length;
  const std::string name = line.substr(0, colon);
  std::string value = line.substr(colon + 1);
  value.erase(0, value.find_first_not_of(" \t"));
  if (name == "content-length") framing->content_length = true;
  if (name == "transfer-encoding" && value.find("chunked") != std::string::npos) {
    framing->chunked = true;
  }
  if (name == "content-encoding") framing->content_encoding = value;
  return length;
}

size_t WriteToSink(char* data, size_t size, size_t count, void* user) {
  Sink* sink = static_cast<Sink*>(user);
  const size_t length = size * count;
  // Counted after decompression, so a small compressed body cannot expand past the limit.
  if (sink->bytes + static_cast<int64_t>(length) > sink->max_bytes) {
    sink->over_limit = true;
    return 0;  // anything but `length` makes libcurl stop with CURLE_WRITE_ERROR
  }
  if (std::fwrite(data, 1, length, sink->file) != length) {
    sink->write_failed = true;
    return 0;
  }
  sink->bytes += static_cast<int64_t>(length);
  return length;
}

Status StatusForCurl(const std::string& url, CURLcode code, const Sink& sink,
                     const FetchOptions& options, const char* detail) {
  const std::string prefix = RedactUrl(url) + ": ";
  const std::string limit = std::to_string(options.max_bytes);
  if (sink.over_limit || code == CURLE_FILESIZE_EXCEEDED) {
    return Status::Limit(prefix + "larger than the limit of " + limit +
                         " bytes (--max-file-bytes)");
  }
  if (sink.write_failed) return Status::IoError(prefix + "cannot write the downloaded file");
  if (code == CURLE_PARTIAL_FILE) {
    return Status::IoError(prefix + "the transfer ended after " + std::to_string(sink.bytes) +
                           " bytes, before the length the server announced (cut short)");
  }
  if (code == CURLE_OPERATION_TIMEDOUT) {
    return Status::Limit(prefix + "timed out (" + std::string(detail) + ")");
  }
  return Status::IoError(prefix + (*detail != '\0' ? detail : curl_easy_strerror(code)));
}

using CurlHandle = std::unique_ptr<CURL, decltype(&curl_easy_cleanup)>;

void SetTransferOptions(CURL* curl, const std::string& url, bool loopback,
                        const FetchOptions& options, Sink* sink, Framing* framing,
                        char* error_buffer) {
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error_buffer);
  // No signals: the timeouts must not use SIGALRM, which would disturb a multi-threaded caller.
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, loopback ? "https,http" : "https");
  curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(curl, CURLOPT_MAXREDIRS, options.max_redirects);
  curl_easy_setopt(curl, CURLOPT_REDIR_PROTOCOLS_STR, "https");
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, options.connect_timeout_seconds);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, options.timeout_seconds);
  curl_easy_setopt(curl, CURLOPT_LOW_SPEED_LIMIT, options.low_speed_bytes);
  curl_easy_setopt(curl, CURLOPT_LOW_SPEED_TIME, options.low_speed_seconds);
  curl_easy_setopt(curl, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(options.max_bytes));
  // No compressed body is asked for (no Accept-Encoding header): libcurl does not check that a
  // gzip stream is whole (its end and CRC), so a compressed body cut at a line end would be taken
  // for a shorter list (since 2026-12-07, from a review). A body sent compressed anyway is
  // refused in FetchUrl.
  curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, nullptr);
  curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, ReadHeader);
  curl_easy_setopt(curl, CURLOPT_HEADERDATA, framing);
  curl_easy_setopt(curl, CURLOPT_USERAGENT, "corridor/" CORRIDOR_VERSION " (update-lists)");
  // A proxy from the environment (https_proxy) is honoured for the publishers' sites; never for
  // a loopback host, which a proxy could not reach.
  if (loopback) curl_easy_setopt(curl, CURLOPT_NOPROXY, "*");
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, WriteToSink);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, sink);
}

// Why a body that arrived whole by libcurl's account may still be cut short, or "".
std::string FramingProblem(CURL* curl, const Framing& framing, const FetchOptions& options) {
  if (!framing.content_encoding.empty() && framing.content_encoding != "identity") {
    return "the server sent the file compressed (Content-Encoding: " + framing.content_encoding +
           ") although none was asked for; its end cannot be checked";
  }
  if (options.allow_unframed) return "";
  long version = 0;
  curl_easy_getinfo(curl, CURLINFO_HTTP_VERSION, &version);
  // HTTP/2 and HTTP/3 frame every stream's end; HTTP/1.x marks it with Content-Length or chunked
  // encoding, or not at all (the server closes the connection): a cut there looks whole.
  const bool http1 = version == CURL_HTTP_VERSION_1_0 || version == CURL_HTTP_VERSION_1_1;
  if (http1 && !framing.content_length && !framing.chunked) {
    return "the server marked neither the body's length (Content-Length) nor its end (chunked), "
           "so a transfer cut short cannot be told from a whole one; refusing it (--force)";
  }
  return "";
}

}  // namespace

std::string RedactUrl(const std::string& url) {
  InitCurlOnce();
  std::unique_ptr<CURLU, decltype(&curl_url_cleanup)> handle(curl_url(), curl_url_cleanup);
  if (handle == nullptr || curl_url_set(handle.get(), CURLUPART_URL, url.c_str(), 0) != CURLUE_OK) {
    // Not a URL: it is not fetched; hide what could be a user:password@ part all the same.
    const size_t at = url.find('@');
    return at == std::string::npos ? url : "***" + url.substr(at);
  }
  bool hidden_user = false, hidden_query = false;
  char* part = nullptr;
  if (curl_url_get(handle.get(), CURLUPART_USER, &part, 0) == CURLUE_OK) {
    curl_free(part);
    hidden_user = true;
    curl_url_set(handle.get(), CURLUPART_USER, nullptr, 0);
    curl_url_set(handle.get(), CURLUPART_PASSWORD, nullptr, 0);
  }
  if (curl_url_get(handle.get(), CURLUPART_QUERY, &part, 0) == CURLUE_OK) {
    curl_free(part);
    hidden_query = true;
    curl_url_set(handle.get(), CURLUPART_QUERY, nullptr, 0);
  }
  if (!hidden_user && !hidden_query) return url;
  char* text = nullptr;
  if (curl_url_get(handle.get(), CURLUPART_URL, &text, 0) != CURLUE_OK) return "(a URL)";
  std::string out(text);
  curl_free(text);
  if (hidden_user) {
    const size_t scheme = out.find("://");
    if (scheme != std::string::npos) out.insert(scheme + 3, "***@");
  }
  if (hidden_query) out += "?***";
  return out;
}

std::string UrlRefusal(const std::string& url) {
  UrlParts parts;
  if (!ParseUrl(url, &parts)) return "not a URL libcurl can parse";
  if (parts.scheme == "https") return "";
  if (parts.scheme == "http" && IsLoopbackHost(parts.host)) return "";
  return "only https:// URLs are fetched (http:// only from a loopback host)";
}

std::string UrlFileName(const std::string& url) {
  UrlParts parts;
  if (!ParseUrl(url, &parts)) return "";
  size_t slash = parts.path.find_last_of('/');
  return parts.path.substr(slash == std::string::npos ? 0 : slash + 1);
}

Status FetchUrl(const std::string& url, const FetchOptions& options, const std::string& out_path,
                FetchResult* result) {
  *result = FetchResult();
  std::string refusal = UrlRefusal(url);
  if (!refusal.empty()) return Status::Usage(RedactUrl(url) + ": " + refusal);
  UrlParts parts;
  ParseUrl(url, &parts);
  InitCurlOnce();
  CurlHandle curl(curl_easy_init(), curl_easy_cleanup);
  if (curl == nullptr) return Status::Error("libcurl could not be initialised");

  Sink sink;
  Framing framing;
  sink.max_bytes = options.max_bytes;
  // "x": fail if the file exists, so a fetch never writes through a planted file or link.
  sink.file = std::fopen(out_path.c_str(), "wbx");
  if (sink.file == nullptr) return Status::IoError(out_path + ": cannot create the file");
  char error_buffer[CURL_ERROR_SIZE] = "";
  SetTransferOptions(curl.get(), url, IsLoopbackHost(parts.host), options, &sink, &framing,
                     error_buffer);
  CURLcode code = curl_easy_perform(curl.get());
  if (std::fclose(sink.file) != 0) sink.write_failed = true;

  Status status;
  if (code != CURLE_OK || sink.write_failed) {
    status = StatusForCurl(url, code, sink, options, error_buffer);
  } else {
    curl_easy_getinfo(curl.get(), CURLINFO_RESPONSE_CODE, &result->http_status);
    char* effective = nullptr;
    curl_easy_getinfo(curl.get(), CURLINFO_EFFECTIVE_URL, &effective);
    if (effective != nullptr) result->effective_url = effective;
    result->bytes = sink.bytes;
    const std::string http = RedactUrl(url) + ": HTTP " + std::to_string(result->http_status);
    if (result->http_status == 404 || result->http_status == 410) {
      status = Status::NotFound(http + " (the list is not at this URL)");
    } else if (result->http_status != 200) {
      status = Status::IoError(http + " (expected 200)");
    } else if (std::string problem = FramingProblem(curl.get(), framing, options);
               !problem.empty()) {
      status = Status::IoError(RedactUrl(url) + ": " + problem);
    }
  }
  if (!status.ok()) std::remove(out_path.c_str());
  return status;
}

}  // namespace corridor
