#include "engine/output/record_checksum.h"

#include <zlib.h>

#include <algorithm>
#include <limits>

namespace corridor {

uint32_t RecordChecksum(std::string_view bytes) {
  // zlib takes a uInt length: long inputs in pieces.
  uLong crc = crc32(0L, Z_NULL, 0);
  while (!bytes.empty()) {
    const size_t piece = std::min<size_t>(bytes.size(), std::numeric_limits<uInt>::max());
    crc = crc32(crc, reinterpret_cast<const Bytef*>(bytes.data()), static_cast<uInt>(piece));
    bytes.remove_prefix(piece);
  }
  return static_cast<uint32_t>(crc);
}

bool AppendCheckedDelimited(const google::protobuf::MessageLite& message, std::string* out) {
  const size_t size = message.ByteSizeLong();
  if (size > static_cast<size_t>(std::numeric_limits<int>::max()) - kChecksumFieldSize) {
    return false;
  }
  uint8_t prefix[10];
  uint8_t* end = google::protobuf::io::CodedOutputStream::WriteVarint32ToArray(
      static_cast<uint32_t>(size + kChecksumFieldSize), prefix);
  out->append(reinterpret_cast<const char*>(prefix), static_cast<size_t>(end - prefix));
  const size_t start = out->size();
  out->resize(start + size);
  // The size was just computed: serialise with it, into place.
  message.SerializeWithCachedSizesToArray(reinterpret_cast<uint8_t*>(&(*out)[start]));
  const uint32_t crc = RecordChecksum(std::string_view(*out).substr(start, size));
  out->push_back(static_cast<char>(kChecksumTag));
  for (int shift = 0; shift < 32; shift += 8) out->push_back(static_cast<char>(crc >> shift));
  return true;
}

ChecksumState CheckTrailingChecksum(std::string_view bytes) {
  if (bytes.size() < kChecksumFieldSize ||
      static_cast<unsigned char>(bytes[bytes.size() - kChecksumFieldSize]) != kChecksumTag) {
    return ChecksumState::kAbsent;
  }
  uint32_t stated = 0;
  for (int i = 0; i < 4; ++i) {
    stated |= static_cast<uint32_t>(static_cast<unsigned char>(bytes[bytes.size() - 4 + i]))
              << (8 * i);
  }
  return RecordChecksum(bytes.substr(0, bytes.size() - kChecksumFieldSize)) == stated
             ? ChecksumState::kValid
             : ChecksumState::kInvalid;
}

bool ReadDelimitedBytes(google::protobuf::io::ZeroCopyInputStream* input, std::string* bytes,
                        bool* clean_end) {
  google::protobuf::io::CodedInputStream coded(input);
  *clean_end = false;
  const int start = coded.CurrentPosition();
  uint32_t size = 0;
  if (!coded.ReadVarint32(&size)) {
    *clean_end = coded.CurrentPosition() == start;
    return false;
  }
  // ReadString grows the string as bytes arrive, so a damaged size asks for no more memory than
  // the file holds.
  if (size > static_cast<uint32_t>(std::numeric_limits<int>::max())) return false;
  return coded.ReadString(bytes, static_cast<int>(size));
}

}  // namespace corridor
