// Records with a checksum: every record of a score stream (ScoreRecord) and of an entity facts
// file (FactsFileRecord) ends with its field 15, `optional fixed32 crc32`, the CRC-32 (zlib's) of
// the record's other bytes. The writer serialises the record without it and appends the field:
// the bytes it would serialise to with the field set, since protobuf writes fields in number
// order. A reader checks the last five bytes (tag 0x7D, the CRC little-endian); a record whose
// field sits elsewhere (another writer) is checked by serialising it again without the field.
//
// Why: a delta run (`--since PREV`) writes PREV's records again as they read. A record altered so
// that it still parses (a flipped bit, a BLOCK edited to CLEAR) would be carried over as it
// reads; with the checksum it is damage, and the shipments from it on are screened again
// (docs/batch.md, "Delta runs"). A CRC finds accidental damage; it is no seal against someone
// who recomputes it.
#ifndef CORRIDOR_ENGINE_OUTPUT_RECORD_CHECKSUM_H_
#define CORRIDOR_ENGINE_OUTPUT_RECORD_CHECKSUM_H_

#include <cstdint>
#include <string>
#include <string_view>

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream.h>
#include <google/protobuf/message_lite.h>

namespace corridor {

// The field's tag: number 15, wire type 5 (fixed32).
inline constexpr unsigned char kChecksumTag = (15 << 3) | 5;
inline constexpr size_t kChecksumFieldSize = 5;

// zlib's CRC-32 of `bytes`.
uint32_t RecordChecksum(std::string_view bytes);

// Appends `message` (whose crc32 field is unset) to `out` delimited: its size as a varint, its
// bytes, its checksum field. False when it cannot be serialised.
bool AppendCheckedDelimited(const google::protobuf::MessageLite& message, std::string* out);

enum class ChecksumState {
  kValid,    // present and equal to the record's other bytes' CRC
  kAbsent,   // the record has no checksum (a stream written before 2026-12-07)
  kInvalid,  // present and wrong: the record was altered after it was written
};

// Whether `bytes`, a whole record, ends with a checksum field that holds (kValid or kInvalid);
// kAbsent when they do not end with the field's tag, for CheckRecord to decide.
ChecksumState CheckTrailingChecksum(std::string_view bytes);

// Checks a parsed `record` (a ScoreRecord or FactsFileRecord) read from `bytes` (empty when it
// was read from JSON) and clears its crc32 field, so that records in memory never hold one (a
// writer computes its own).
template <typename Record>
ChecksumState CheckRecord(std::string_view bytes, Record* record) {
  if (!record->has_crc32()) return ChecksumState::kAbsent;
  const uint32_t stated = record->crc32();
  record->clear_crc32();
  if (!bytes.empty()) {
    ChecksumState trailing = CheckTrailingChecksum(bytes);
    if (trailing != ChecksumState::kAbsent) return trailing;
  }
  // The field was not last (or the record came from JSON): the record's serialisation without it.
  return RecordChecksum(record->SerializeAsString()) == stated ? ChecksumState::kValid
                                                               : ChecksumState::kInvalid;
}

// Reads one delimited record's bytes from `input` into `bytes`. False at the end of the input
// (`*clean_end` true) or on a broken size or short record (`*clean_end` false).
bool ReadDelimitedBytes(google::protobuf::io::ZeroCopyInputStream* input, std::string* bytes,
                        bool* clean_end);

}  // namespace corridor

#endif  // CORRIDOR_ENGINE_OUTPUT_RECORD_CHECKSUM_H_
