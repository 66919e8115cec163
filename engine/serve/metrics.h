// Request counts and latency histograms for `GET /metrics`, in the Prometheus text format
// (version 0.0.4). Thread-safe; one instance per server.
#ifndef CORRIDOR_ENGINE_SERVE_METRICS_H_
#define CORRIDOR_ENGINE_SERVE_METRICS_H_

#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <utility>

namespace corridor::serve {

class Metrics {
 public:
  // Counts one request to `route` (the pattern, e.g. "/match/{dataset}") that got `status`
  // after `seconds`.
  void Observe(const std::string& route, int status, double seconds);
  // corridor_http_requests_total{route,code} and corridor_http_request_seconds{route} (a
  // histogram), each with HELP and TYPE lines.
  std::string Render() const;

  static constexpr std::array<double, 12> kBuckets = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                      0.05,   0.1,   0.25,   0.5,   1,    2.5};

 private:
  struct Histogram {
    std::array<int64_t, kBuckets.size()> counts{};  // per bucket, not cumulative
    int64_t count = 0;
    double sum = 0;
  };
  mutable std::mutex mutex_;
  std::map<std::pair<std::string, int>, int64_t> requests_;
  std::map<std::string, Histogram> latency_;
};

}  // namespace corridor::serve

#endif  // CORRIDOR_ENGINE_SERVE_METRICS_H_
