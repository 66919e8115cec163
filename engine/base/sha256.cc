#include "engine/base/sha256.h"

#include <openssl/evp.h>

#include <fstream>
#include <sstream>

namespace corridor {

namespace {

// The algorithm, fetched from OpenSSL's default provider once per process: EVP_sha256() would
// look it up again at every EVP_DigestInit_ex (OpenSSL 3's implicit fetch), which profiled as
// most of the cost of hashing a short record (docs/performance.md, round 7).
const EVP_MD* Algorithm() {
  static const EVP_MD* const algorithm = [] {
    EVP_MD* fetched = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    return fetched != nullptr ? static_cast<const EVP_MD*>(fetched) : EVP_sha256();
  }();
  return algorithm;
}

}  // namespace

struct Sha256::State {
  EVP_MD_CTX* context = nullptr;
};

Sha256::Sha256() : state_(std::make_unique<State>()) {
  state_->context = EVP_MD_CTX_new();
  EVP_DigestInit_ex(state_->context, Algorithm(), nullptr);
}

std::array<unsigned char, 32> Sha256::Digest(std::string_view data) {
  // One context per thread, initialised again for each digest: no allocation per call.
  struct Context {
    EVP_MD_CTX* context = EVP_MD_CTX_new();
    ~Context() { EVP_MD_CTX_free(context); }
  };
  thread_local Context local;
  std::array<unsigned char, 32> digest{};
  unsigned int length = 0;
  EVP_DigestInit_ex(local.context, Algorithm(), nullptr);
  EVP_DigestUpdate(local.context, data.data(), data.size());
  EVP_DigestFinal_ex(local.context, digest.data(), &length);
  return digest;
}

uint64_t Sha256::First8Bytes(std::string_view data) {
  const std::array<unsigned char, 32> digest = Digest(data);
  uint64_t value = 0;
  for (size_t i = 0; i < 8; ++i) value = (value << 8) | digest[i];
  return value;
}

Sha256::~Sha256() { EVP_MD_CTX_free(state_->context); }

void Sha256::Update(std::string_view data) {
  EVP_DigestUpdate(state_->context, data.data(), data.size());
}

std::string Sha256::HexDigest() {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_DigestFinal_ex(state_->context, digest, &length);
  static const char* kHex = "0123456789abcdef";
  std::string hex;
  for (unsigned int i = 0; i < length; ++i) {
    hex += kHex[digest[i] >> 4];
    hex += kHex[digest[i] & 15];
  }
  return hex;
}

bool ReadFile(const std::string& path, std::string* contents) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return false;
  *contents = buffer.str();
  return true;
}

}  // namespace corridor
