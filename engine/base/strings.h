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
// Not noexcept, on purpose: libstdc++ then keeps each key's hash in its node, as it does for
// std::hash<std::string>, so a lookup walking a bucket compares hashes instead of hashing every
// key on the way again (tables of 200,000 entity ids at a million shipments; docs/performance.md).
struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
};
template <typename Value>
using StringMap = std::unordered_map<std::string, Value, StringHash, std::equal_to<>>;

// Which strings a set may hold, in 16 bits a string (a Bloom filter whose two probes fall in one
// 64-bit word, so a question costs one memory access): MayHold() is true for every string added
// and for about 1% of the others. Asked before a large hash table of the strings, it spares the
// table's lookup (a cache miss or two) for most strings not in it. Add every string before
// asking.
class StringFilter {
 public:
  explicit StringFilter(size_t expected = 0);
  void Add(std::string_view text) {
    const uint64_t hash = StringHash{}(text);
    words_[Word(hash)] |= Bits(hash);
  }
  bool MayHold(std::string_view text) const {
    const uint64_t hash = StringHash{}(text);
    const uint64_t bits = Bits(hash);
    return (words_[Word(hash)] & bits) == bits;
  }

 private:
  size_t Word(uint64_t hash) const { return static_cast<size_t>(hash & mask_); }
  // Two bits of the word, from hash bits the word's choice does not use.
  static uint64_t Bits(uint64_t hash) {
    return uint64_t{1} << ((hash >> 40) & 63) | uint64_t{1} << ((hash >> 52) & 63);
  }
  std::vector<uint64_t> words_;
  uint64_t mask_;  // words - 1, words a power of two
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

// The largest multiple of 10^-decimals that is at most `value` as doubles compare: the figure to
// show for a value tested against thresholds written with that many decimals (0.29, stored as
// 0.28999999999999998, is 0.29 and passes ">= 0.29"; 0.9963 is 0.99). Non-finite values pass
// through.
double FloorToDecimals(double value, int decimals);

// FormatNumber of FloorToDecimals(value + 1e-9): rounded DOWN, within the ownership tests'
// tolerance (a sum stored as 49.99999999999999 passes ">= 50" and reads "50"), so a share never
// shows across a threshold it does not pass: 49.996 is "49.99", not "50". For ownership shares;
// match scores, compared exactly, use FloorToDecimals itself.
std::string FormatNumberDown(double value, int decimals = 2);
// Whether a share (percent) passes `threshold`: at least it when `inclusive`, else more than it,
// with a 1e-9 tolerance that leans towards the legal reading (engine/ownership's PassesThreshold).
bool SharePasses(double share, double threshold, bool inclusive);
// A share (percent) rounded down as FormatNumberDown does, with more decimals, up to nine, when
// two would hide that it passes `threshold` (at least it when `inclusive`, else more than it
// with a 1e-9 tolerance): 50.004 against "more than 50" is "50.004", not "50".
std::string FormatShareDown(double share, double threshold, bool inclusive);

// True when `text` is a plausible ISO 3166-1 alpha-2 code known to ICU ("CN", "KZ").
bool IsKnownCountryCode(std::string_view text);

// True when `text` has the shape of an ISO 3166-2 code with a known country ("CN-XJ", "UA-43").
bool IsRegionCodeShape(std::string_view text);

// True when `text` is an ISO 8601 date, full or partial: YYYY, YYYY-MM or YYYY-MM-DD with a
// valid month and day.
bool IsIsoDate(std::string_view text);

// `text` as a line a person reads may show it: every character that would change how the text
// around it is shown is written as an escape. C0 controls, DEL and the C1 controls as `\xNN`
// (`\n`, `\r`, `\t` by name), Unicode's bidirectional controls (U+061C, U+200E, U+200F,
// U+202A-U+202E, U+2066-U+2069) as `\uXXXX`; every other byte as it is. A value from the data
// (a party's name, an entry's name, a shipment id) then cannot start a report line of its own,
// drive a terminal (ESC sequences) or reverse the text after it. Backslashes are not doubled: an
// escape shows a control was there, and a literal "\n" in a name starts no line either.
std::string ShownText(std::string_view text);

}  // namespace corridor

#endif  // CORRIDOR_ENGINE_BASE_STRINGS_H_
