// Status: the result of an operation that can fail for reasons outside the program's control
// (a missing file, a malformed database). Errors in rule files are reported as Diagnostics
// (engine/base/diagnostics.h) and errors in one input record as DataProblems
// (engine/load/records.h); Status is for the setup failures that end a command.
//
// A failed Status carries a code that says what kind of failure it is, so callers can act on
// it without reading the message (as LevelDB's Status does). The command line maps codes to
// exit codes in one place (engine/cli/commands.cc, ExitCodeFor):
//   kUsage                      -> 2 (the command line itself is wrong; nothing was touched)
//   every other failure code    -> 1 (setup error)
#ifndef CORRIDOR_ENGINE_BASE_STATUS_H_
#define CORRIDOR_ENGINE_BASE_STATUS_H_

#include <string>
#include <utility>

namespace corridor {

class Status {
 public:
  enum class Code {
    kOk = 0,
    kError,         // a setup failure with no more specific code
    kUsage,         // wrong options or arguments: the caller must change the command
    kNotFound,      // a named file, table, shipment, list or entity does not exist
    kIoError,       // reading or writing failed (permissions, disk full, not a regular file)
    kCorruption,    // input that exists but cannot be read as what it claims to be
    kInvalidRules,  // the rules folder has mistakes (the message lists them)
    kRefused,       // a precondition a safety check enforces (older list, shrinking list, ...)
    kLimit,         // a configured limit (bytes, steps, time) was reached
  };

  Status() = default;  // OK
  static Status Ok() { return Status(); }
  static Status Error(std::string message) { return Status(Code::kError, std::move(message)); }
  static Status Usage(std::string message) { return Status(Code::kUsage, std::move(message)); }
  static Status NotFound(std::string message) {
    return Status(Code::kNotFound, std::move(message));
  }
  static Status IoError(std::string message) { return Status(Code::kIoError, std::move(message)); }
  static Status Corruption(std::string message) {
    return Status(Code::kCorruption, std::move(message));
  }
  static Status InvalidRules(std::string message) {
    return Status(Code::kInvalidRules, std::move(message));
  }
  static Status Refused(std::string message) { return Status(Code::kRefused, std::move(message)); }
  static Status Limit(std::string message) { return Status(Code::kLimit, std::move(message)); }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  bool IsUsage() const { return code_ == Code::kUsage; }
  bool IsNotFound() const { return code_ == Code::kNotFound; }
  bool IsIoError() const { return code_ == Code::kIoError; }
  bool IsCorruption() const { return code_ == Code::kCorruption; }
  bool IsInvalidRules() const { return code_ == Code::kInvalidRules; }
  bool IsRefused() const { return code_ == Code::kRefused; }
  bool IsLimit() const { return code_ == Code::kLimit; }
  const std::string& message() const { return message_; }

  // The same failure with `context` in front of the message ("file.csv: " + message).
  Status WithContext(const std::string& context) const {
    if (ok()) return *this;
    return Status(code_, context + message_);
  }
  // The same failure told with another message (the same code).
  Status WithMessage(std::string message) const {
    if (ok()) return *this;
    return Status(code_, std::move(message));
  }

 private:
  Status(Code code, std::string message) : code_(code), message_(std::move(message)) {}
  Code code_ = Code::kOk;
  std::string message_;
};

}  // namespace corridor

#endif  // CORRIDOR_ENGINE_BASE_STATUS_H_
