// The fixed tables `corridor generate` draws from (engine/generate/tables.cc): naming patterns
// by culture, countries with their ISO 3166-2 regions, routes over the corridor's crossings and
// ports, and goods by HS code. Internal to engine/generate/.
#ifndef CORRIDOR_ENGINE_GENERATE_TABLES_H_
#define CORRIDOR_ENGINE_GENERATE_TABLES_H_

#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace corridor::generate {

// The one source of randomness: every draw goes through here, so a seed fixes the output. The
// helpers are written out instead of std::*_distribution, whose results differ between standard
// libraries.
class Random {
 public:
  explicit Random(uint64_t seed) : engine_(seed) {}
  uint64_t Next() { return engine_(); }
  // Uniform in [0, n). REQUIRES: n > 0. (The modulo bias is below 1e-12 for our small n.)
  uint64_t Below(uint64_t n) { return engine_() % n; }
  int Between(int low, int high) { return low + static_cast<int>(Below(high - low + 1)); }
  double Unit() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }
  bool Chance(double p) { return Unit() < p; }
  template <typename T>
  const T& Pick(const std::vector<T>& items) {
    return items[Below(items.size())];
  }

 private:
  std::mt19937_64 engine_;
};

// A value with a relative frequency.
struct Weighted {
  const char* text;
  int weight;
};
const char* PickWeighted(const std::vector<Weighted>& table, Random& random);

enum class Culture { kChinese, kKazakh, kKyrgyz, kUzbek, kRussian, kPakistani, kTurkish, kEmirati };

struct Region {
  const char* code;  // ISO 3166-2
  const char* city;  // a city in it, for addresses
  int weight;
};

struct CountryProfile {
  const char* country;  // ISO 3166-1 alpha-2
  Culture culture;
  int weight;  // share of the generated entities
  std::vector<Region> regions;
  const char* currency;  // ISO 4217
  double per_usd;        // rough units of `currency` per US dollar (2025), for local values
};
const std::vector<CountryProfile>& Countries();
const Region& PickRegion(const CountryProfile& country, Random& random);

struct Person {
  std::string name;
  bool female;
};
Person PersonName(Culture culture, Random& random);
// `city` flavours Chinese names ("Urumqi Tianshan Trading Co., Ltd.").
std::string CompanyName(Culture culture, const char* city, Random& random);
std::string StreetAddress(Culture culture, const char* city, Random& random);

// One stop of a route, as a shipment_leg row.
struct Stop {
  const char* name;
  const char* locode;  // UN/LOCODE, or null where we do not state one
  const char* country;
  const char* region;
  const char* kind;  // port, border_crossing, transshipment, inland
};
struct Route {
  const char* mode;
  int weight;
  std::vector<Stop> stops;  // 1 to 6
};
const std::vector<Route>& Routes();

struct Goods {
  const char* hs_code;
  const char* description;
  const char* unit;
  int64_t unit_price_cents;  // typical price per unit, USD cents
};
// Goods pools: ordinary goods, UFLPA high-priority sectors, Common High Priority List items.
const std::vector<Goods>& CommonGoods();
const std::vector<Goods>& UflpaSectorGoods();
const std::vector<Goods>& ChplGoods();

// Names published on the OFAC SDN list, used when the database holds no list entries.
struct ListedName {
  const char* name;
  const char* kind;     // person or company
  const char* country;  // ISO 3166-1 alpha-2
};
const std::vector<ListedName>& BuiltinListedNames();

// "YYYY-MM-DD" for the day `offset` days after 2025-01-01 (offset >= 0).
std::string DateAfter2025(int offset);

}  // namespace corridor::generate

#endif  // CORRIDOR_ENGINE_GENERATE_TABLES_H_
