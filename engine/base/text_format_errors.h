// Protobuf text-format parse errors as Diagnostics at file:line:col (1-based), for every reader
// of a textproto file (rules folders, update-lists sources files).
#ifndef CORRIDOR_ENGINE_BASE_TEXT_FORMAT_ERRORS_H_
#define CORRIDOR_ENGINE_BASE_TEXT_FORMAT_ERRORS_H_

#include <google/protobuf/io/tokenizer.h>

#include <string>
#include <utility>

#include "engine/base/diagnostics.h"

namespace corridor {

class TextFormatErrors : public google::protobuf::io::ErrorCollector {
 public:
  TextFormatErrors(std::string file, Diagnostics* diagnostics)
      : file_(std::move(file)), diagnostics_(diagnostics) {}
  void AddError(int line, google::protobuf::io::ColumnNumber column,
                const std::string& message) override {
    diagnostics_->push_back({SourcePos{file_, line + 1, column + 1}, message});
  }
  void AddWarning(int line, google::protobuf::io::ColumnNumber column,
                  const std::string& message) override {
    diagnostics_->push_back({SourcePos{file_, line + 1, column + 1}, message});
  }

 private:
  std::string file_;
  Diagnostics* diagnostics_;
};

}  // namespace corridor

#endif  // CORRIDOR_ENGINE_BASE_TEXT_FORMAT_ERRORS_H_
