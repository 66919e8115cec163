// Progress on stderr (docs/batch.md, "Progress and the summary"), driven by a fake clock: a log
// line every five seconds with the count, share, rate and time left; a bar on a terminal at
// most five times a second; nothing when disabled (--quiet).
#include "engine/cli/progress.h"

#include <catch2/catch.hpp>
#include <chrono>
#include <sstream>
#include <string>

namespace corridor::cli {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

struct FakeClock {
  std::chrono::steady_clock::time_point now{};
  Progress::Clock clock() {
    return [this] { return now; };
  }
};

TEST_CASE("Progress logs a line every five seconds with count, share, rate and time left",
          "[batch][progress]") {
  FakeClock time;
  std::ostringstream out;
  Progress progress(/*enabled=*/true, /*tty=*/false, &out, time.clock());
  progress.Start(1280);
  for (int i = 0; i < 320; ++i) progress.Shipment();
  CHECK(out.str().empty());  // no time has passed
  time.now += seconds(4);
  for (int i = 0; i < 320; ++i) progress.Shipment();
  CHECK(out.str().empty());  // under five seconds
  time.now += seconds(1);
  for (int i = 0; i < 64; ++i) progress.Shipment();
  // 704 of 1280 in 5 s: 141/s, 576 left take 4 s.
  CHECK(out.str() == "corridor screen: 704/1280 shipments (55%), 141/s, 4 s left\n");
  time.now += seconds(2);
  for (int i = 0; i < 64; ++i) progress.Shipment();
  CHECK(out.str() == "corridor screen: 704/1280 shipments (55%), 141/s, 4 s left\n");
  progress.Finish();  // a log needs no closing line
  CHECK(out.str() == "corridor screen: 704/1280 shipments (55%), 141/s, 4 s left\n");
}

TEST_CASE("Progress draws a bar on a terminal at most five times a second, and --quiet nothing",
          "[batch][progress]") {
  FakeClock time;
  std::ostringstream bar;
  Progress progress(/*enabled=*/true, /*tty=*/true, &bar, time.clock());
  progress.Start(640);
  time.now += milliseconds(100);
  for (int i = 0; i < 64; ++i) progress.Shipment();
  CHECK(bar.str().empty());  // 100 ms: too soon
  time.now += milliseconds(100);
  for (int i = 0; i < 64; ++i) progress.Shipment();
  // 128 of 640 at 0.2 s: a fifth of the bar.
  const std::string first =
      "\r[######                        ] 128/640 shipments (20%), 640/s, 0 s left\x1b[K";
  CHECK(bar.str() == first);
  for (int i = 0; i < 512; ++i) progress.Shipment();
  CHECK(bar.str() == first);  // no time has passed
  time.now += milliseconds(200);
  progress.Finish();
  CHECK(bar.str().find("\r[##############################] 640/640 shipments (100%)") !=
        std::string::npos);
  CHECK(bar.str().back() == '\n');

  std::ostringstream quiet;
  Progress off(/*enabled=*/false, /*tty=*/false, &quiet, time.clock());
  off.Start(640);
  for (int i = 0; i < 640; ++i) {
    time.now += seconds(1);
    off.Shipment();
  }
  off.Finish();
  CHECK(quiet.str().empty());
}

}  // namespace
}  // namespace corridor::cli
