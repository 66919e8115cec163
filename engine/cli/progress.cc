#include "engine/cli/progress.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <string>
#include <utility>

namespace corridor::cli {

Progress::Progress(bool enabled, bool tty, std::ostream* out, Clock clock)
    : enabled_(enabled), tty_(tty), out_(out), clock_(std::move(clock)) {}

Progress Progress::ForStderr(bool enabled) {
  return Progress(enabled, isatty(STDERR_FILENO) == 1, &std::cerr);
}

void Progress::Start(int64_t total) {
  total_ = total;
  start_ = last_ = clock_();
}

void Progress::Shipment() {
  ++done_;
  // The clock is read every 64 shipments only: a run writes thousands a second.
  if (!enabled_ || (done_ & 63) != 0) return;
  auto now = clock_();
  if (now - last_ < (tty_ ? std::chrono::milliseconds(200) : std::chrono::seconds(5))) return;
  last_ = now;
  Print(now);
}

void Progress::Finish() {
  if (!enabled_ || !tty_ || done_ == 0) return;
  Print(clock_());
  *out_ << "\n";
}

void Progress::Print(std::chrono::steady_clock::time_point now) {
  double elapsed = std::chrono::duration<double>(now - start_).count();
  double rate = elapsed > 0 ? done_ / elapsed : 0;
  std::string left = rate > 0 && total_ >= done_
                         ? std::to_string(static_cast<int64_t>((total_ - done_) / rate)) + " s"
                         : "?";
  int64_t percent = total_ > 0 ? done_ * 100 / total_ : 0;
  char line[200];
  std::snprintf(line, sizeof(line), "%lld/%lld shipments (%lld%%), %.0f/s, %s left",
                static_cast<long long>(done_), static_cast<long long>(total_),
                static_cast<long long>(percent), rate, left.c_str());
  if (tty_) {
    constexpr int kWidth = 30;
    int filled = static_cast<int>(std::min<int64_t>(percent, 100) * kWidth / 100);
    *out_ << "\r[" << std::string(filled, '#') << std::string(kWidth - filled, ' ') << "] " << line
          << "\x1b[K" << std::flush;
  } else {
    *out_ << "corridor screen: " << line << "\n";
  }
}

}  // namespace corridor::cli
