// Status: the result of an operation that can fail for reasons outside the program's control
// (a missing file, a malformed database). Errors in rule files are reported as Diagnostics
// (engine/config/diagnostics.h) and errors in one input record as DataProblems
// (engine/load/records.h); Status is for the setup failures that end a command.
#ifndef CORRIDOR_ENGINE_BASE_STATUS_H_
#define CORRIDOR_ENGINE_BASE_STATUS_H_

#include <string>
#include <utility>

namespace corridor {

class Status {
 public:
  Status() = default;  // OK
  static Status Ok() { return Status(); }
  static Status Error(std::string message) { return Status(std::move(message)); }

  bool ok() const { return !failed_; }
  const std::string& message() const { return message_; }

 private:
  explicit Status(std::string message) : failed_(true), message_(std::move(message)) {}
  bool failed_ = false;
  std::string message_;
};

}  // namespace corridor

#endif  // CORRIDOR_ENGINE_BASE_STATUS_H_
