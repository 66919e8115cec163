#include "engine/base/signal_cleanup.h"

#include <signal.h>
#include <unistd.h>

#include <csignal>
#include <cstring>
#include <iterator>

namespace corridor {

namespace {

// Fixed buffers: the handler cannot touch a std::string.
struct Slot {
  char path[4096];
  volatile std::sig_atomic_t kind = 0;  // 0 free, 1 file, 2 folder
};
Slot g_slots[RemoveOnSignal::kMaxPaths];
int g_registered = 0;  // the handlers are installed while > 0
constexpr int kCleanupSignals[] = {SIGINT, SIGTERM, SIGHUP};
struct sigaction g_previous_actions[std::size(kCleanupSignals)];

void RemoveOnSignalHandler(int signal_number) {
  for (Slot& slot : g_slots) {
    if (slot.kind == 1) unlink(slot.path);
  }
  for (Slot& slot : g_slots) {
    if (slot.kind == 2) rmdir(slot.path);
  }
  std::signal(signal_number, SIG_DFL);
  std::raise(signal_number);
}

}  // namespace

bool RemoveOnSignal::Register(const std::string& path, Kind kind) {
  Release();
  if (path.empty() || path.size() >= sizeof(Slot::path)) return false;
  for (int i = 0; i < kMaxPaths; ++i) {
    Slot& slot = g_slots[i];
    if (slot.kind != 0) continue;
    std::memcpy(slot.path, path.c_str(), path.size() + 1);
    slot.kind = kind == Kind::kFile ? 1 : 2;  // the path is whole before the handler may read it
    slot_ = i;
    if (g_registered++ == 0) {
      struct sigaction action {};
      action.sa_handler = RemoveOnSignalHandler;
      sigemptyset(&action.sa_mask);
      for (size_t s = 0; s < std::size(kCleanupSignals); ++s) {
        sigaction(kCleanupSignals[s], &action, &g_previous_actions[s]);
      }
    }
    return true;
  }
  return false;
}

void RemoveOnSignal::Release() {
  if (slot_ < 0) return;
  g_slots[slot_].kind = 0;
  slot_ = -1;
  if (--g_registered > 0) return;
  for (size_t s = 0; s < std::size(kCleanupSignals); ++s) {
    sigaction(kCleanupSignals[s], &g_previous_actions[s], nullptr);
  }
}

}  // namespace corridor
