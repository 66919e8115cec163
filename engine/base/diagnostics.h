// Diagnostics: mistakes found in rule files, each pointing at its source as `file:line:col`.
// Loading a rule set collects every diagnostic it can rather than stopping at the first.
#ifndef CORRIDOR_ENGINE_BASE_DIAGNOSTICS_H_
#define CORRIDOR_ENGINE_BASE_DIAGNOSTICS_H_

#include <google/protobuf/text_format.h>

#include <string>
#include <string_view>
#include <vector>

namespace corridor {

// A place in a source file; line and column are 1-based (0 when unknown).
struct SourcePos {
  std::string file;
  int line = 0;
  int column = 0;
};

struct Diagnostic {
  SourcePos pos;
  std::string message;
  // "file:line:col: message" (or "file: message" without a line).
  std::string ToString() const;
};

using Diagnostics = std::vector<Diagnostic>;

// Finds where a field of a parsed text-format message was written, so that a semantic check
// (an unknown country, a duplicate id) can point at the exact value. Wraps Protobuf's
// TextFormat::ParseInfoTree; a locator is cheap to copy.
class FieldLocator {
 public:
  // REQUIRES: `text` (the file's contents) and `tree` outlive the locator.
  FieldLocator(std::string file, const std::string* text,
               const google::protobuf::Descriptor* descriptor,
               const google::protobuf::TextFormat::ParseInfoTree* tree, SourcePos fallback)
      : file_(std::move(file)),
        text_(text),
        descriptor_(descriptor),
        tree_(tree),
        fallback_(fallback) {}

  // The position of `field` (element `index` of a repeated field); the message's own position
  // when the field was not written. Elements written in list form (`countries: ["KZ", "XX"]`)
  // share one recorded position; for them the element's own text is searched for from there.
  SourcePos At(std::string_view field, int index = -1) const;
  // A locator for a nested message field.
  FieldLocator Nested(std::string_view field, int index = -1) const;
  // The position of the message itself.
  const SourcePos& self() const { return fallback_; }

 private:
  static SourcePos FindListElement(const std::string& text, SourcePos pos, int index);
  std::string file_;
  const std::string* text_;
  const google::protobuf::Descriptor* descriptor_;
  const google::protobuf::TextFormat::ParseInfoTree* tree_;
  SourcePos fallback_;
};

}  // namespace corridor

#endif  // CORRIDOR_ENGINE_BASE_DIAGNOSTICS_H_
