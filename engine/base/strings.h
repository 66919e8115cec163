// Small string helpers shared by the parsers.
#ifndef CORRIDOR_ENGINE_BASE_STRINGS_H_
#define CORRIDOR_ENGINE_BASE_STRINGS_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace corridor {

// Hash and equality for unordered containers keyed by std::string and searched by
// std::string_view without building a string (C++20 heterogeneous lookup): StringMap<V>. The
// hash is std::hash<std::string>'s, so iteration order is that of a plain std::unordered_map.
struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view text) const noexcept {
    return std::hash<std::string_view>{}(text);
  }
};
template <typename Value>
using StringMap = std::unordered_map<std::string, Value, StringHash, std::equal_to<>>;

// Which strings a set may hold, in 16 bits a string (a Bloom filter, two probes from one hash):
// MayHold() is true for every string added and for about 1.4% of the others. Small enough to
// stay in the cache where the set itself does not: asked first, it spares the set's lookup (a
// cache miss or two) for most strings not in it. Add every string before asking.
class StringFilter {
 public:
  explicit StringFilter(size_t expected = 0);
  void Add(std::string_view text);
  bool MayHold(std::string_view text) const {
    const uint64_t hash = StringHash{}(text);
    return Bit(hash) && Bit(Second(hash));
  }

 private:
  static uint64_t Second(uint64_t hash) {
    return (hash >> 32 | hash << 32) * 0x9E3779B97F4A7C15ULL;
  }
  bool Bit(uint64_t hash) const { return (words_[(hash & mask_) >> 6] >> (hash & 63)) & 1; }
  void Set(uint64_t hash) { words_[(hash & mask_) >> 6] |= uint64_t{1} << (hash & 63); }
  std::vector<uint64_t> words_;
  uint64_t mask_;  // bits - 1, bits a power of two
};

// Returns `text` without leading and trailing ASCII white space.
std::string_view Trim(std::string_view text);

// Splits on `separator`; empty pieces are kept.
std::vector<std::string> Split(std::string_view text, char separator);

// ASCII upper and lower case; bytes >= 0x80 are left alone.
std::string AsciiUpper(std::string_view text);
std::string AsciiLower(std::string_view text);
// SQLite's upper(trim(text)): spaces (only spaces) taken off both ends, ASCII letters upper-cased.
// For a rule that reads a column raw and normalises it itself, as its query once did.
std::string SqlUpperTrim(std::string_view text);

bool StartsWith(std::string_view text, std::string_view prefix);

// Joins `parts` with `separator` between them.
std::string Join(const std::vector<std::string>& parts, std::string_view separator);

// Formats a number with at most `decimals` decimals and no trailing zeros ("62.5", "100").
std::string FormatNumber(double value, int decimals = 2);

// True when `text` is a plausible ISO 3166-1 alpha-2 code known to ICU ("CN", "KZ").
bool IsKnownCountryCode(std::string_view text);

// True when `text` has the shape of an ISO 3166-2 code with a known country ("CN-XJ", "UA-43").
bool IsRegionCodeShape(std::string_view text);

// True when `text` is an ISO 8601 date, full or partial: YYYY, YYYY-MM or YYYY-MM-DD with a
// valid month and day.
bool IsIsoDate(std::string_view text);

}  // namespace corridor

#endif  // CORRIDOR_ENGINE_BASE_STRINGS_H_
