// Progress of a screening run on stderr (docs/batch.md, "Progress and the summary"): shipments
// written, the share of the run, the rate and the time left. On a terminal a bar redrawn at most
// five times a second; otherwise (a log, a job scheduler) one line every five seconds.
//
//   Progress progress = Progress::ForStderr(/*enabled=*/!quiet);
//   progress.Start(total);
//   ... progress.Shipment() for each shipment written ...
//   progress.Finish();
//
// The clock and the stream are parameters so that tests can drive it without waiting.
// Not thread-safe: called from the writer thread only.
#ifndef CORRIDOR_ENGINE_CLI_PROGRESS_H_
#define CORRIDOR_ENGINE_CLI_PROGRESS_H_

#include <chrono>
#include <cstdint>
#include <functional>
#include <ostream>

namespace corridor::cli {

class Progress {
 public:
  using Clock = std::function<std::chrono::steady_clock::time_point()>;

  // `out` must outlive the Progress. `tty`: draw a bar rather than log lines.
  Progress(
      bool enabled, bool tty, std::ostream* out,
      Clock clock = [] { return std::chrono::steady_clock::now(); });
  // On stderr, as a bar when stderr is a terminal.
  static Progress ForStderr(bool enabled);

  void Start(int64_t total);
  void Shipment();  // one shipment written
  void Finish();    // ends the bar's line (a log needs nothing more)

 private:
  void Print(std::chrono::steady_clock::time_point now);

  bool enabled_;
  bool tty_;
  std::ostream* out_;
  Clock clock_;
  int64_t total_ = 0;
  int64_t done_ = 0;
  std::chrono::steady_clock::time_point start_, last_;
};

}  // namespace corridor::cli

#endif  // CORRIDOR_ENGINE_CLI_PROGRESS_H_
