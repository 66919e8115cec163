// The romanisation-variant classes of NameVariantClass() (engine/names/score.h), read once from
// the tables compiled into the binary (engine/names/name_variants.txt, learned from the lists by
// tools/name_variants.py, and the curated engine/names/slavic_given_names.txt and
// arabic_interdental_names.txt) and, in classes of their own, place_names.txt. Each line pairs two
// words; the classes are the connected groups of the pairs, keyed by the words' phonetic keys so
// that every spelling folding to a member's key (MOHAMED, MOHHAMED) belongs too.
#include <algorithm>
#include <cstdint>
#include <map>
#include <numeric>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

#include "engine/names/normalize.h"
#include "engine/names/score.h"
#include "engine/names/translit_rules.h"

namespace corridor::names {
namespace {

struct VariantClasses {
  std::unordered_map<std::string, uint32_t> class_of;  // phonetic key -> class (1-based)
  std::vector<std::vector<std::string>> keys;          // class - 1 -> its phonetic keys, sorted
  uint32_t first_place_class = 0;                      // classes from here on are place names'
};

// Union-find over the phonetic keys of "word_a word_b" tables, in the tables' order, so the class
// numbers are the same on every run. Keys in `taken` (another kind's classes) are left out, and
// so are the pairs that hold one.
class KeyUnion {
 public:
  void AddTable(const char* text, const std::unordered_map<std::string, uint32_t>& taken) {
    std::istringstream table(text);
    std::string line;
    while (std::getline(table, line)) {
      if (line.empty() || line[0] == '#') continue;
      std::istringstream fields(line);
      std::string a, b;
      if (!(fields >> a >> b)) continue;
      const std::string key_a = PhoneticKey(a), key_b = PhoneticKey(b);
      if (taken.count(key_a) || taken.count(key_b)) continue;
      size_t ra = Root(Id(key_a)), rb = Root(Id(key_b));
      if (ra != rb) parent_[std::max(ra, rb)] = std::min(ra, rb);
    }
  }
  // Numbers the groups from `out->keys.size() + 1` on, in order of their first key.
  void Number(VariantClasses* out) {
    std::map<size_t, uint32_t> class_of_root;
    const size_t first = out->keys.size();
    for (size_t i = 0; i < key_of_.size(); ++i) {
      auto [it, inserted] =
          class_of_root.emplace(Root(i), static_cast<uint32_t>(first + class_of_root.size() + 1));
      if (inserted) out->keys.emplace_back();
      out->class_of[key_of_[i]] = it->second;
      out->keys[it->second - 1].push_back(key_of_[i]);
    }
    for (size_t c = first; c < out->keys.size(); ++c) {
      std::sort(out->keys[c].begin(), out->keys[c].end());
    }
  }

 private:
  size_t Id(const std::string& key) {
    auto [it, inserted] = id_of_.emplace(key, key_of_.size());
    if (inserted) {
      key_of_.push_back(key);
      parent_.push_back(parent_.size());
    }
    return it->second;
  }
  size_t Root(size_t x) {
    while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
    return x;
  }
  std::vector<std::string> key_of_;
  std::unordered_map<std::string, size_t> id_of_;
  std::vector<size_t> parent_;
};

const VariantClasses& Classes() {
  static const VariantClasses* classes = [] {
    auto* out = new VariantClasses;
    KeyUnion names;
    for (const char* text :
         {NameVariantTable(), SlavicGivenNameTable(), ArabicInterdentalNameTable()}) {
      names.AddTable(text, out->class_of);
    }
    names.Number(out);
    // Place names after the personal names' classes, never merged with one: a place name whose
    // key a personal name's class holds is left out.
    out->first_place_class = static_cast<uint32_t>(out->keys.size() + 1);
    KeyUnion places;
    places.AddTable(PlaceNameTable(), out->class_of);
    places.Number(out);
    return out;
  }();
  return *classes;
}

}  // namespace

uint32_t NameVariantClass(std::string_view phonetic) {
  const VariantClasses& classes = Classes();
  if (classes.class_of.empty()) return 0;
  auto found = classes.class_of.find(std::string(phonetic));
  return found == classes.class_of.end() ? 0 : found->second;
}

bool IsPlaceNameClass(uint32_t variant_class) {
  return variant_class != 0 && variant_class >= Classes().first_place_class;
}

const std::vector<std::string>& NameVariantKeys(uint32_t variant_class) {
  static const std::vector<std::string> kNone;
  const VariantClasses& classes = Classes();
  if (variant_class == 0 || variant_class > classes.keys.size()) return kNone;
  return classes.keys[variant_class - 1];
}

}  // namespace corridor::names
