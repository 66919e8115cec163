// Perturbations of real listed names, for the matcher's evaluation and benchmark: the ways a name
// on a customer's document differs from the list (typos, a dropped middle name, another order,
// another transliteration, another legal form). Deterministic for a given random engine.
#ifndef CORRIDOR_TESTS_NAMES_PERTURB_H_
#define CORRIDOR_TESTS_NAMES_PERTURB_H_

#include <algorithm>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "engine/base/strings.h"
#include "engine/names/normalize.h"

namespace corridor::names::reference {

enum class Perturbation { kTypo, kDropMiddle, kReorder, kTransliteration, kLegalForm };

inline const char* PerturbationName(Perturbation p) {
  switch (p) {
    case Perturbation::kTypo:
      return "typo";
    case Perturbation::kDropMiddle:
      return "dropped middle name";
    case Perturbation::kReorder:
      return "reordered";
    case Perturbation::kTransliteration:
      return "transliteration variant";
    case Perturbation::kLegalForm:
      return "legal-form change";
  }
  return "";
}

// The words of a name: letters, digits, apostrophes and hyphens kept inside words.
inline std::vector<std::string> NameWords(const std::string& name) {
  std::vector<std::string> words;
  std::string current;
  for (char c : name) {
    if (c == ' ' || c == ',' || c == '(' || c == ')' || c == '"') {
      if (!current.empty()) words.push_back(current);
      current.clear();
    } else {
      current += c;
    }
  }
  if (!current.empty()) words.push_back(current);
  return words;
}

// Spelling variants between common romanisations (each applied in one direction).
inline const std::vector<std::pair<std::string, std::string>>& TransliterationVariants() {
  static const std::vector<std::pair<std::string, std::string>> variants = {
      {"MOHAMMED", "MUHAMMAD"},
      {"MUHAMMAD", "MOHAMED"},
      {"MOHAMMAD", "MUHAMMED"},
      {"AHMED", "AHMAD"},
      {"AHMAD", "AHMED"},
      {"HUSSEIN", "HUSAYN"},
      {"HUSAYN", "HUSSEIN"},
      {"YOUSSEF", "YUSUF"},
      {"YUSUF", "YOUSEF"},
      {"ABDUL", "ABDEL"},
      {"ABDEL", "ABDUL"},
      {"KH", "H"},
      {"OU", "U"},
      {"IY", "I"},
      {"YE", "E"},
      {"YU", "IU"},
      {"YA", "IA"},
      {"ZH", "J"},
      {"EE", "I"},
      {"OO", "U"},
      {"PH", "F"},
      {"Q", "K"},
      {"W", "V"},
      {"DJ", "J"},
      {"SCH", "SH"},
      {"TCH", "CH"},
      {"EI", "EY"},
      {"AI", "AY"},
      {"J", "DZH"},
      {"X", "KS"},
  };
  return variants;
}

// A perturbed copy of `name` (as published, "SURNAME, Given Names" or a company name), or ""
// when the perturbation does not apply to it.
inline std::string Perturb(const std::string& name, Perturbation kind, bool company,
                           std::mt19937* random) {
  std::vector<std::string> words = NameWords(AsciiUpper(name));
  if (words.empty()) return "";
  auto pick = [&](size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(*random); };
  switch (kind) {
    case Perturbation::kTypo: {
      // One edit (substitute, delete, insert or swap) in a word of at least four letters.
      std::vector<size_t> long_words;
      for (size_t i = 0; i < words.size(); ++i) {
        if (words[i].size() >= 4) long_words.push_back(i);
      }
      if (long_words.empty()) return "";
      std::string& word = words[long_words[pick(long_words.size())]];
      size_t at = 1 + pick(word.size() - 1);
      char letter = static_cast<char>('A' + pick(26));
      switch (pick(4)) {
        case 0:
          word[at] = letter;
          break;
        case 1:
          word.erase(at, 1);
          break;
        case 2:
          word.insert(at, 1, letter);
          break;
        default:
          if (at + 1 < word.size())
            std::swap(word[at], word[at + 1]);
          else
            word[at] = letter;
      }
      break;
    }
    case Perturbation::kDropMiddle: {
      if (company || words.size() < 3) return "";
      words.erase(words.begin() + 1 + static_cast<long>(pick(words.size() - 2)));
      break;
    }
    case Perturbation::kReorder: {
      if (words.size() < 2) return "";
      std::rotate(words.begin(), words.begin() + 1, words.end());
      break;
    }
    case Perturbation::kTransliteration: {
      std::string joined = Join(words, " ");
      std::vector<size_t> applicable;
      const auto& variants = TransliterationVariants();
      for (size_t i = 0; i < variants.size(); ++i) {
        if (joined.find(variants[i].first) != std::string::npos) applicable.push_back(i);
      }
      if (applicable.empty()) return "";
      const auto& [from, to] = variants[applicable[pick(applicable.size())]];
      size_t at = joined.find(from);
      joined.replace(at, from.size(), to);
      return joined;
    }
    case Perturbation::kLegalForm: {
      if (!company) return "";
      // Drop a trailing legal form, or replace it, or add one.
      static const char* kForms[] = {"LLC", "LTD", "CO., LTD.", "LIMITED",        "JSC",
                                     "TOO", "OOO", "GMBH",      "(PVT.) LIMITED", "CORP"};
      std::string last = AsciiLower(words.back());
      while (!last.empty() && (last.back() == '.' || last.back() == ',')) last.pop_back();
      bool has_form = !LegalFormClass(last).empty();
      if (has_form && pick(2) == 0) {
        words.pop_back();
      } else {
        if (has_form) words.pop_back();
        words.push_back(kForms[pick(sizeof(kForms) / sizeof(kForms[0]))]);
      }
      if (words.empty()) return "";
      break;
    }
  }
  return Join(words, " ");
}

}  // namespace corridor::names::reference

#endif  // CORRIDOR_TESTS_NAMES_PERTURB_H_
