// SHA-256 digests (OpenSSL), printed as lower-case hex.
#ifndef CORRIDOR_ENGINE_BASE_SHA256_H_
#define CORRIDOR_ENGINE_BASE_SHA256_H_

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace corridor {

class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;

  void Update(std::string_view data);
  // The digest of everything passed to Update(); the object must not be used afterwards.
  std::string HexDigest();

  // The digest of `data` in one call, as bytes: for the many short records of a batch (a
  // shipment's input digest), without the allocations of an object per digest.
  static std::array<unsigned char, 32> Digest(std::string_view data);
  // Its first 8 bytes as a big-endian number (what the first 16 hex digits read as one give).
  static uint64_t First8Bytes(std::string_view data);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// Reads a whole file into `contents`; false when it cannot be read.
bool ReadFile(const std::string& path, std::string* contents);

}  // namespace corridor

#endif  // CORRIDOR_ENGINE_BASE_SHA256_H_
