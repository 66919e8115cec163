// The romanisation-variant classes of NameVariantClass() (engine/names/score.h), read once from
// the tables compiled into the binary (engine/names/name_variants.txt, learned from the lists by
// tools/name_variants.py, and the curated engine/names/slavic_given_names.txt and
// arabic_interdental_names.txt). Each line pairs two words; the classes are the connected groups
// of the pairs, keyed by the words' phonetic keys so that every spelling folding to a member's
// key (MOHAMED, MOHHAMED) belongs too.
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
};

const VariantClasses& Classes() {
  static const VariantClasses* classes = [] {
    // Union-find over the phonetic keys of the table's words, in the table's order, so the class
    // numbers are the same on every run.
    std::vector<std::string> key_of;
    std::unordered_map<std::string, size_t> id_of;
    std::vector<size_t> parent;
    auto id = [&](const std::string& word) {
      std::string key = PhoneticKey(word);
      auto [it, inserted] = id_of.emplace(key, key_of.size());
      if (inserted) {
        key_of.push_back(key);
        parent.push_back(parent.size());
      }
      return it->second;
    };
    auto root = [&](size_t x) {
      while (parent[x] != x) x = parent[x] = parent[parent[x]];
      return x;
    };
    for (const char* text :
         {NameVariantTable(), SlavicGivenNameTable(), ArabicInterdentalNameTable()}) {
      std::istringstream table(text);
      std::string line;
      while (std::getline(table, line)) {
        if (line.empty() || line[0] == '#') continue;
        std::istringstream fields(line);
        std::string a, b;
        if (!(fields >> a >> b)) continue;
        size_t ra = root(id(a)), rb = root(id(b));
        if (ra != rb) parent[std::max(ra, rb)] = std::min(ra, rb);
      }
    }
    auto* out = new VariantClasses;
    std::map<size_t, uint32_t> class_of_root;
    for (size_t i = 0; i < key_of.size(); ++i) {
      auto [it, inserted] =
          class_of_root.emplace(root(i), static_cast<uint32_t>(class_of_root.size() + 1));
      if (inserted) out->keys.emplace_back();
      out->class_of[key_of[i]] = it->second;
      out->keys[it->second - 1].push_back(key_of[i]);
    }
    for (auto& keys : out->keys) std::sort(keys.begin(), keys.end());
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

const std::vector<std::string>& NameVariantKeys(uint32_t variant_class) {
  static const std::vector<std::string> kNone;
  const VariantClasses& classes = Classes();
  if (variant_class == 0 || variant_class > classes.keys.size()) return kNone;
  return classes.keys[variant_class - 1];
}

}  // namespace corridor::names
