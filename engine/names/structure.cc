#include "engine/names/structure.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <unordered_set>
#include <vector>

namespace corridor::names {

namespace {

// A syllable of up to eight letters packed into one number, a byte a letter: looking one up
// allocates nothing (EastAsianSyllables runs for every word a search prepares or joins).
uint64_t PackSyllable(std::string_view syllable) {
  uint64_t packed = 0;
  for (char c : syllable) packed = (packed << 8) | static_cast<unsigned char>(c);
  return packed;
}

// Pinyin syllables as initial + final (without tones). The product over-generates a few
// syllables Mandarin does not use; that only makes the test a little more lenient.
const std::unordered_set<uint64_t>& Syllables() {
  static const auto* syllables = [] {
    auto* set = new std::unordered_set<uint64_t>;
    const char* initials[] = {"",  "b", "p", "m", "f", "d", "t", "n", "l", "g",  "k",  "h",
                              "j", "q", "x", "r", "z", "c", "s", "y", "w", "zh", "ch", "sh"};
    const char* finals[] = {"a",    "o",   "e",   "i",   "u",   "v",    "ai",  "ei",  "ui",
                            "ao",   "ou",  "iu",  "ie",  "ue",  "er",   "an",  "en",  "in",
                            "un",   "ang", "eng", "ing", "ong", "ia",   "iao", "ian", "iang",
                            "iong", "ua",  "uo",  "uai", "uan", "uang", "van"};
    for (const char* initial : initials) {
      for (const char* final : finals) set->insert(PackSyllable(std::string(initial) + final));
    }
    // Korean syllables as the lists romanise them (McCune-Reischauer without breves, Revised
    // Romanisation and passport spellings).
    for (const char* korean :
         {"kim",   "gim",   "lee",    "yi",   "ri",    "park",  "pak",   "bak",   "choi",  "choe",
          "jung",  "jeong", "chong",  "kang", "gang",  "cho",   "jo",    "yoon",  "yun",   "jang",
          "chang", "lim",   "im",     "oh",   "seo",   "so",    "shin",  "sin",   "kwon",  "gwon",
          "hwang", "ahn",   "an",     "jeon", "jon",   "hong",  "ko",    "go",    "moon",  "mun",
          "son",   "bae",   "pae",    "baek", "paek",  "heo",   "ho",    "nam",   "sim",   "noh",
          "no",    "ha",    "kwak",   "sung", "song",  "cha",   "joo",   "ju",    "woo",   "ryu",
          "yu",    "min",   "jin",    "chin", "ji",    "chi",   "il",    "chol",  "chul",  "myong",
          "myung", "hyon",  "hyun",   "yong", "young", "gwang", "kwang", "kyong", "kyung", "gyeong",
          "ryong", "chun",  "su",     "soo",  "hui",   "hee",   "jae",   "seok",  "sok",   "suk",
          "hwan",  "gyu",   "kyu",    "bong", "pong",  "dong",  "tong",  "tae",   "thae",  "sik",
          "man",   "gil",   "kil",    "gun",  "kun",   "ok",    "ae",    "hye",   "won",   "yeon",
          "yon",   "eun",   "un",     "ung",  "na",    "ra",    "ro",    "yeong", "chae",  "kyu",
          "pyong", "byung", "byeong", "sang", "sun",   "hak",   "hyok",  "hyuk",  "chok",  "jik",
          "chil",  "sol",   "ryol",   "yol",  "bok",   "pok",   "mi",    "mo",    "nyo",   "hyo"}) {
      set->insert(PackSyllable(korean));
    }
    return set;
  }();
  return *syllables;
}

// Common Chinese (pinyin) and Korean family names.
const std::unordered_set<std::string>& FamilyNames() {
  static const auto* names = new std::unordered_set<std::string>{
      // Chinese: the hundred commonest (PRC Ministry of Public Security, 2020), pinyin.
      "wang", "li", "zhang", "liu", "chen", "yang", "huang", "zhao", "wu", "zhou", "xu", "sun",
      "ma", "zhu", "hu", "guo", "he", "lin", "gao", "luo", "zheng", "liang", "xie", "song", "tang",
      "han", "feng", "deng", "cao", "peng", "zeng", "xiao", "tian", "dong", "yuan", "pan", "yu",
      "jiang", "cai", "du", "ye", "cheng", "su", "wei", "ding", "ren", "shen", "yao", "lu", "cui",
      "lv", "qian", "jin", "kong", "bai", "mao", "qiu", "qin", "hou", "shi", "xiong", "meng", "yan",
      "fan", "fu", "zou", "xue", "lei", "hao", "long", "wan", "duan", "tan", "liao", "jia", "xia",
      "fang", "gu", "shao", "kang", "wen", "yi", "ou", "ouyang", "dai", "lai", "gong", "wei",
      "zhong", "qi", "niu", "mo", "geng", "hong", "kou", "chang",
      // Korean.
      "kim", "gim", "lee", "ri", "park", "pak", "choi", "choe", "jung", "jeong", "chong", "kang",
      "cho", "jo", "yoon", "yun", "jang", "lim", "im", "oh", "o", "seo", "shin", "sin", "kwon",
      "hwang", "ahn", "an", "jeon", "jon", "ko", "moon", "mun", "son", "bae", "pae", "baek", "paek",
      "heo", "nam", "sim", "noh", "ha", "kwak", "sung", "cha", "joo", "ju", "woo", "ryu", "min",
      "ji", "chin"};
  return *names;
}

}  // namespace

int EastAsianSyllables(std::string_view word) {
  // Fewest syllables that spell the word, by dynamic programming over syllables of 1-6 letters.
  const size_t n = word.size();
  constexpr size_t kLongest = 18;  // letters: three syllables of six
  if (n == 0 || n > kLongest) return 0;
  constexpr int kNone = 1000;
  int best[kLongest + 1];
  std::fill(best, best + n + 1, kNone);
  best[0] = 0;
  const auto& syllables = Syllables();
  size_t last_reached = 0;  // the last position a run of syllables reaches
  for (size_t end = 1; end <= n; ++end) {
    // No syllable is longer than six letters: six positions in a row unreached, and nothing
    // after them can be (most words of other languages stop here after a letter or two).
    if (end - last_reached > 6) return 0;
    for (size_t length = 1; length <= 6 && length <= end; ++length) {
      if (best[end - length] == kNone) continue;
      if (syllables.count(PackSyllable(word.substr(end - length, length)))) {
        best[end] = std::min(best[end], best[end - length] + 1);
      }
    }
    if (best[end] != kNone) last_reached = end;
  }
  return best[n] == kNone ? 0 : best[n];
}

bool IsShortEastAsianName(const NormalizedName& name) {
  int words = 0, syllables = 0;
  bool family = false;
  for (const NameToken& token : name.tokens) {
    if (token.kind == TokenKind::kInitial) continue;
    if (token.kind != TokenKind::kWord) return false;  // a legal form: not a person's name
    int count = EastAsianSyllables(token.text);
    if (count == 0 || count > 2) return false;
    ++words;
    syllables += count;
    family = family || FamilyNames().count(token.text) > 0;
  }
  return family && words >= 2 && words <= 3 && syllables <= 3;
}

}  // namespace corridor::names
