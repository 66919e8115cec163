#include "engine/base/diagnostics.h"

namespace corridor {

std::string Diagnostic::ToString() const {
  if (pos.line <= 0) return pos.file + ": " + message;
  return pos.file + ":" + std::to_string(pos.line) + ":" + std::to_string(pos.column) + ": " +
         message;
}

SourcePos FieldLocator::At(std::string_view field, int index) const {
  if (tree_ == nullptr || descriptor_ == nullptr) return fallback_;
  const google::protobuf::FieldDescriptor* descriptor =
      descriptor_->FindFieldByName(std::string(field));
  if (descriptor == nullptr) return fallback_;
  if (!descriptor->is_repeated()) index = -1;
  if (descriptor->is_repeated() && index < 0) index = 0;
  google::protobuf::TextFormat::ParseLocation location = tree_->GetLocation(descriptor, index);
  if (location.line >= 0) return SourcePos{file_, location.line + 1, location.column + 1};
  if (index <= 0) return fallback_;
  location = tree_->GetLocation(descriptor, 0);
  if (location.line < 0) return fallback_;
  SourcePos pos{file_, location.line + 1, location.column + 1};
  return text_ ? FindListElement(*text_, pos, index) : pos;
}

// From the position of a list-form field (`name: [a, b, c]`), finds element `index` by counting
// the top-level commas after the '['. Falls back to the field's position.
SourcePos FieldLocator::FindListElement(const std::string& text, SourcePos pos, int index) {
  size_t offset = 0;
  for (int line = 1; line < pos.line && offset != std::string::npos; ++line) {
    offset = text.find('\n', offset);
    if (offset != std::string::npos) ++offset;
  }
  if (offset == std::string::npos) return pos;
  offset += static_cast<size_t>(pos.column - 1);
  size_t open = text.find('[', offset);
  if (open == std::string::npos) return pos;
  int element = 0;
  bool in_string = false;
  for (size_t i = open + 1; i < text.size(); ++i) {
    char ch = text[i];
    if (in_string) {
      if (ch == '\\')
        ++i;
      else if (ch == '"' || ch == '\'')
        in_string = false;
      continue;
    }
    if (ch == ']') break;
    if (ch == ',') {
      ++element;
      continue;
    }
    if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') continue;
    if (element == index) {
      int line = 1, column = 1;
      for (size_t j = 0; j < i; ++j) {
        if (text[j] == '\n') {
          ++line;
          column = 1;
        } else {
          ++column;
        }
      }
      return SourcePos{pos.file, line, column};
    }
    if (ch == '"' || ch == '\'') in_string = true;
  }
  return pos;
}

FieldLocator FieldLocator::Nested(std::string_view field, int index) const {
  SourcePos position = At(field, index);
  if (tree_ == nullptr || descriptor_ == nullptr) {
    return FieldLocator(file_, text_, nullptr, nullptr, position);
  }
  const google::protobuf::FieldDescriptor* descriptor =
      descriptor_->FindFieldByName(std::string(field));
  if (descriptor == nullptr || descriptor->message_type() == nullptr) {
    return FieldLocator(file_, text_, nullptr, nullptr, position);
  }
  if (!descriptor->is_repeated()) index = -1;
  return FieldLocator(file_, text_, descriptor->message_type(),
                      tree_->GetTreeForNested(descriptor, index), position);
}

}  // namespace corridor
