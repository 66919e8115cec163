// The digests a delta run compares (docs/batch.md, "Delta runs"): records fed field by field
// into one SHA-256, of which the first 8 bytes are kept. In base/ because the reader digests each
// entity it reads (EntityDigest, engine/load/records.h) and the screen digests each shipment.
#ifndef CORRIDOR_ENGINE_BASE_DIGEST_H_
#define CORRIDOR_ENGINE_BASE_DIGEST_H_

#include <charconv>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

#include "engine/base/sha256.h"

namespace corridor {

// Feeds a record into a digest: each field is its length and its bytes, and an absent optional
// value (kAbsent) is told apart from an empty one, so two different sequences of fields never
// give the same bytes, whatever bytes a field holds. (Before 2026-12-07 a field was followed by
// '\x1f', which a field may hold too: the aliases "A\x1fB" and "A", "B" digested alike.) A
// length under kLongField is one byte (speed: most fields are short, and a shipment has about a
// hundred); the markers are the byte values above it. The bytes are gathered and hashed once
// (one SHA-256 call per shipment rather than two per field).
class DigestBuilder {
 public:
  static constexpr unsigned char kLongField = 0xFB;  // then 8 bytes of length
  static constexpr char kAbsent = '\xFC';            // an optional value that is not there
  static constexpr char kEndRow = '\xFD';            // End()
  static constexpr char kSection = '\xFE';           // Section(): a part of the record begins

  // Appends `text` as one field, in this form, to `out` (for keys built without a builder).
  static void AppendField(std::string_view text, std::string* out) {
    if (text.size() < kLongField) {
      *out += static_cast<char>(text.size());
    } else {
      *out += static_cast<char>(kLongField);
      uint64_t size = text.size();
      for (int i = 0; i < 8; ++i, size >>= 8) *out += static_cast<char>(size & 0xFF);
    }
    *out += text;
  }

  void Add(std::string_view text) { AppendField(text, &bytes_); }
  void Add(const std::string& text) { Add(std::string_view(text)); }
  void Add(const std::optional<std::string>& text) {
    if (text)
      Add(std::string_view(*text));
    else
      bytes_ += kAbsent;
  }
  void Add(int64_t value) {
    char text[24];
    auto [end, error] = std::to_chars(text, text + sizeof(text), value);
    (void)error;  // 24 characters hold any int64_t
    Add(std::string_view(text, static_cast<size_t>(end - text)));
  }
  void Add(const std::optional<double>& value) {
    if (!value) {
      bytes_ += kAbsent;
      return;
    }
    // The value's 64 bits in hex: two doubles digest alike only when they are the same double
    // (0 and -0 differ, as they do printed). speed: printing at 17 digits ("%.17g", as before
    // 2026-12-05) cost 830 instructions a number, six a shipment.
    uint64_t bits = 0;
    std::memcpy(&bits, &*value, sizeof(bits));
    char text[16];
    for (int i = 15; i >= 0; --i, bits >>= 4) text[i] = "0123456789abcdef"[bits & 15];
    Add(std::string_view(text, sizeof(text)));
  }
  // Fields already delimited (another DigestBuilder's bytes(), Statement::AppendDigestValue's).
  void AddRaw(std::string_view bytes) { bytes_ += bytes; }
  void AddAbsent() { bytes_ += kAbsent; }
  void Section() { bytes_ += kSection; }
  void End() { bytes_ += kEndRow; }  // ends a row
  const std::string& bytes() const { return bytes_; }
  uint64_t First8Bytes() const { return Sha256::First8Bytes(bytes_); }

 private:
  std::string bytes_;
};

// The key of a custom SQL rule's piece of evidence (its `matched_value`), which a decision on it
// names (`corridor decide --evidence`, docs/decisions.md): "sql:" and the first 16 hex digits of
// the SHA-256 of its summary. The summary is all the rule says of the row, so different evidence
// (a new list match) has a different key.
inline constexpr const char* kSqlEvidencePrefix = "sql:";
inline std::string SqlEvidenceKey(std::string_view summary) {
  uint64_t bits = Sha256::First8Bytes(summary);
  std::string key = kSqlEvidencePrefix;
  for (int shift = 60; shift >= 0; shift -= 4) key += "0123456789abcdef"[(bits >> shift) & 15];
  return key;
}

}  // namespace corridor

#endif  // CORRIDOR_ENGINE_BASE_DIGEST_H_
