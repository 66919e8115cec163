#include "engine/serve/metrics.h"

#include <sstream>

namespace corridor::serve {

void Metrics::Observe(const std::string& route, int status, double seconds) {
  std::lock_guard<std::mutex> lock(mutex_);
  ++requests_[{route, status}];
  Histogram& histogram = latency_[route];
  for (size_t i = 0; i < kBuckets.size(); ++i) {
    if (seconds <= kBuckets[i]) {
      ++histogram.counts[i];
      break;
    }
  }
  ++histogram.count;
  histogram.sum += seconds;
}

std::string Metrics::Render() const {
  std::lock_guard<std::mutex> lock(mutex_);
  std::ostringstream out;
  out.precision(9);
  out << "# HELP corridor_http_requests_total HTTP requests by route and status code.\n"
      << "# TYPE corridor_http_requests_total counter\n";
  for (const auto& [key, count] : requests_) {
    out << "corridor_http_requests_total{route=\"" << key.first << "\",code=\"" << key.second
        << "\"} " << count << "\n";
  }
  out << "# HELP corridor_http_request_seconds Time from request to response, by route.\n"
      << "# TYPE corridor_http_request_seconds histogram\n";
  for (const auto& [route, histogram] : latency_) {
    int64_t cumulative = 0;
    for (size_t i = 0; i < kBuckets.size(); ++i) {
      cumulative += histogram.counts[i];
      out << "corridor_http_request_seconds_bucket{route=\"" << route << "\",le=\"" << kBuckets[i]
          << "\"} " << cumulative << "\n";
    }
    out << "corridor_http_request_seconds_bucket{route=\"" << route << "\",le=\"+Inf\"} "
        << histogram.count << "\n"
        << "corridor_http_request_seconds_sum{route=\"" << route << "\"} " << histogram.sum << "\n"
        << "corridor_http_request_seconds_count{route=\"" << route << "\"} " << histogram.count
        << "\n";
  }
  return out.str();
}

}  // namespace corridor::serve
