// Paths to remove if SIGINT, SIGTERM or SIGHUP ends the process: the temporary files a run writes
// before renaming them into place, a download folder. Output appears whole or not at all, and
// nothing of ours is left behind when a job scheduler stops a run.
#ifndef CORRIDOR_ENGINE_BASE_SIGNAL_CLEANUP_H_
#define CORRIDOR_ENGINE_BASE_SIGNAL_CLEANUP_H_

#include <string>

namespace corridor {

// One registered path. While any is registered, a handler for SIGINT, SIGTERM and SIGHUP removes
// every registered file, then every registered folder (rmdir: its files must be registered too),
// and ends the process as the signal would have (exit status, core); the earlier handlers are put
// back when the last registration goes.
//
// Register a path before the file or folder is created: no moment remains in which it exists and
// a signal would leave it behind (removing what does not exist yet fails harmlessly). At most
// kMaxPaths at a time; a path over the limit, or longer than PATH_MAX, simply stays on a signal,
// which is safe but untidy. Registration and release happen on one thread; the handler only
// calls async-signal-safe functions.
class RemoveOnSignal {
 public:
  static constexpr int kMaxPaths = 16;
  enum class Kind { kFile, kFolder };

  RemoveOnSignal() = default;
  RemoveOnSignal(const std::string& path, Kind kind) { Register(path, kind); }
  ~RemoveOnSignal() { Release(); }
  RemoveOnSignal(const RemoveOnSignal&) = delete;
  RemoveOnSignal& operator=(const RemoveOnSignal&) = delete;

  // Registers `path`, releasing what this object held before. False when it could not.
  bool Register(const std::string& path, Kind kind);
  // Stops removing the path on a signal (after a rename into place, or a removal of our own).
  void Release();
  bool registered() const { return slot_ >= 0; }

 private:
  int slot_ = -1;
};

}  // namespace corridor

#endif  // CORRIDOR_ENGINE_BASE_SIGNAL_CLEANUP_H_
