#include "engine/names/structure.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
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
// syllables Mandarin does not use; that only makes EastAsianSyllables a little more lenient.
// `strict` leaves out j, q and x before a final that does not begin with i or u (Mandarin has no
// JONG, JANG or XONG), and u-finals they do not take (JUA, XUO), as IsPinyinWord needs: JONG is
// Korean.
std::vector<std::string> PinyinProduct(bool strict) {
  std::vector<std::string> out;
  const char* initials[] = {"",  "b", "p", "m", "f", "d", "t", "n", "l", "g",  "k",  "h",
                            "j", "q", "x", "r", "z", "c", "s", "y", "w", "zh", "ch", "sh"};
  const char* finals[] = {"a",    "o",   "e",   "i",   "u",   "v",    "ai",  "ei",  "ui",
                          "ao",   "ou",  "iu",  "ie",  "ue",  "er",   "an",  "en",  "in",
                          "un",   "ang", "eng", "ing", "ong", "ia",   "iao", "ian", "iang",
                          "iong", "ua",  "uo",  "uai", "uan", "uang", "van"};
  for (const char* initial : initials) {
    const bool palatal = std::strlen(initial) == 1 && std::strchr("jqx", initial[0]) != nullptr;
    for (const char* final : finals) {
      const std::string_view f = final;
      if (strict && palatal &&
          ((f[0] != 'i' && f[0] != 'u') ||
           (f[0] == 'u' && f != "u" && f != "ue" && f != "uan" && f != "un"))) {
        continue;
      }
      out.push_back(std::string(initial) + final);
    }
  }
  return out;
}

const std::vector<std::string>& PinyinSyllableList() {
  static const auto* syllables = new std::vector<std::string>(PinyinProduct(true));
  return *syllables;
}

std::unordered_set<uint64_t> Packed(const std::vector<std::string>& syllables) {
  std::unordered_set<uint64_t> set;
  for (const std::string& syllable : syllables) set.insert(PackSyllable(syllable));
  return set;
}

const std::unordered_set<uint64_t>& PinyinSyllables() {
  static const auto* syllables = new std::unordered_set<uint64_t>(Packed(PinyinSyllableList()));
  return *syllables;
}

// Korean syllables as the lists romanise them (McCune-Reischauer without breves, Revised
// Romanisation and passport spellings): the syllables of most Korean names.
const std::unordered_set<std::string_view>& KoreanNameSyllables() {
  static const auto* syllables = new std::unordered_set<std::string_view>{
      "kim",   "gim",   "lee",    "yi",   "ri",    "park",  "pak",   "bak",   "choi",  "choe",
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
      "chil",  "sol",   "ryol",   "yol",  "bok",   "pok",   "mi",    "mo",    "nyo",   "hyo"};
  return *syllables;
}

bool IsKoreanFamilyName(std::string_view word);

// One syllable of Korean names (KoreanNameSyllables, a family name, or one of these given names'
// syllables as the DPRK writes them), a final N read as N or NG and a final R as L (ИР is IL).
bool IsKoreanNameSyllable(std::string_view syllable) {
  static const auto* more = new std::unordered_set<std::string_view>{
      "hae",  "hwa",  "hyang", "ran",  "ryo",   "ki",    "gi",   "pil",  "tok", "jun", "chu",
      "kum",  "gum",  "chan",  "un",   "ui",    "ye",    "yo",   "u",    "o",   "a",   "i",
      "ha",   "hi",   "hu",    "sol",  "nam",   "rin",   "ryun", "ryul", "sok", "sim", "ung",
      "hyok", "hyon", "song",  "chon", "sun",   "ryang", "pyol", "in",   "hun", "ik",  "uk",
      "hwi",  "sop",  "thaek", "taek", "gyong", "chom",  "sam",  "po"};
  auto known = [](std::string_view s) {
    return KoreanNameSyllables().count(s) != 0 || more->count(s) != 0 || IsKoreanFamilyName(s);
  };
  if (syllable.empty()) return false;
  if (known(syllable)) return true;
  std::string other(syllable);
  if (syllable.back() == 'n') return known(other + "g");
  if (syllable.back() == 'r') {
    other.back() = 'l';
    return known(other);
  }
  return false;
}

// Pinyin syllables and Korean syllables as the lists romanise them.
const std::unordered_set<uint64_t>& Syllables() {
  static const auto* syllables = [] {
    auto* set = new std::unordered_set<uint64_t>(Packed(PinyinProduct(false)));
    for (std::string_view korean : KoreanNameSyllables()) set->insert(PackSyllable(korean));
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

// Korean syllables as the McCune-Reischauer romanisation without breves and apostrophes, the
// Revised Romanisation, the DPRK's own practice (TH, KH, PH, CHH for the aspirates) and passport
// spellings (OO, EE, OU, YOU) write them: initial + vowel + final. Used to tell whether a word
// can be Korean at all (KoreanReading), so the product over-generates freely.
const std::unordered_set<uint64_t>& KoreanSyllables() {
  static const auto* syllables = [] {
    auto* set = new std::unordered_set<uint64_t>;
    const char* initials[] = {"",   "g",  "k",  "kk", "gg", "kh",  "n",   "d",  "t",  "tt",
                              "th", "r",  "rh", "l",  "m",  "b",   "p",   "pp", "ph", "s",
                              "ss", "sh", "j",  "ch", "jj", "tch", "chh", "h"};
    const char* vowels[] = {"a",  "ae",  "ya",  "yae", "eo", "o",   "e",   "ye", "yeo", "yo",
                            "u",  "wa",  "wae", "oe",  "wo", "weo", "we",  "wi", "yu",  "eu",
                            "ui", "eui", "i",   "oo",  "ee", "ou",  "you", "oi", "yi"};
    const char* finals[] = {"", "k", "g", "n", "t", "d", "l", "r", "m", "p", "b", "ng"};
    for (const char* initial : initials) {
      for (const char* vowel : vowels) {
        for (const char* final : finals) {
          const std::string syllable = std::string(initial) + vowel + final;
          if (syllable.size() <= 8) set->insert(PackSyllable(syllable));
        }
      }
    }
    return set;
  }();
  return *syllables;
}

// The fewest syllables of `set` (each at most `longest` letters, at most eight) that spell
// `word`, or 0 when none do or the word has more than `most_letters` letters (at most 24).
int SyllablesOf(std::string_view word, const std::unordered_set<uint64_t>& set, size_t longest,
                size_t most_letters) {
  constexpr size_t kLongest = 24;
  const size_t n = word.size();
  if (n == 0 || n > most_letters || n > kLongest) return 0;
  constexpr int kNone = 1000;
  int best[kLongest + 1];
  std::fill(best, best + n + 1, kNone);
  best[0] = 0;
  size_t last_reached = 0;  // the last position a run of syllables reaches
  for (size_t end = 1; end <= n; ++end) {
    // No syllable is longer than `longest`: that many positions in a row unreached, and nothing
    // after them can be (most words of other languages stop here after a letter or two).
    if (end - last_reached > longest) return 0;
    for (size_t length = 1; length <= longest && length <= end; ++length) {
      if (best[end - length] == kNone) continue;
      if (set.count(PackSyllable(word.substr(end - length, length)))) {
        best[end] = std::min(best[end], best[end - length] + 1);
      }
    }
    if (best[end] != kNone) last_reached = end;
  }
  return best[n] == kNone ? 0 : best[n];
}

bool IsVowelLetter(char c) { return std::strchr("aeiouwy", c) != nullptr && c != '\0'; }

// The first and the last word of `name` (initials and legal forms aside; empty when none).
std::pair<std::string_view, std::string_view> FirstAndLastWords(const NormalizedName& name) {
  std::string_view first_word, last_word;
  for (const NameToken& token : name.tokens) {
    if (token.kind != TokenKind::kWord) continue;
    if (first_word.empty()) first_word = token.text;
    last_word = token.text;
  }
  return {first_word, last_word};
}

// Korean family names as the lists, the two romanisations and passports write them.
bool IsKoreanFamilyName(std::string_view word) {
  static const auto* names = new std::unordered_set<std::string_view>{
      "kim",   "gim",  "ri",    "li",   "lee",  "rhee",  "yi",    "i",    "pak",   "park",
      "bak",   "choe", "choi",  "chae", "jong", "chong", "jeong", "jung", "chung", "jang",
      "chang", "kang", "gang",  "yun",  "yoon", "han",   "so",    "seo",  "shin",  "sin",
      "kwon",  "gwon", "hwang", "an",   "ahn",  "jon",   "jeon",  "chon", "hong",  "ko",
      "go",    "mun",  "moon",  "son",  "pae",  "bae",   "paek",  "baek", "ho",    "heo",
      "nam",   "sim",  "shim",  "no",   "noh",  "ha",    "kwak",  "gwak", "song",  "sung",
      "cha",   "ju",   "joo",   "chu",  "u",    "woo",   "ryu",   "yu",   "min",   "jin",
      "chin",  "o",    "oh",    "om",   "eom",  "um",    "won",   "tak",  "ok",    "jo",
      "cho",   "thae", "tae",   "ryom", "yom",  "yeom",  "rim",   "lim",  "im",    "kye",
      "gye",   "hyon", "hyeon", "kil",  "gil",  "pyon",  "byeon", "byun", "pyo",   "phyo"};
  return names->count(word) != 0;
}

// The Wade-Giles spelling, without its apostrophes and umlauts, of one pinyin syllable: the
// spelling of Taiwan's passports and of the lists' older entries (PAO Yu Hsiang for Bao Youxiang,
// TENG Hsiao-ping for Deng Xiaoping). Aspirated and plain consonants, which pinyin writes apart
// (p b, t d, k g, ch zh, ch j q, ts z c), are one letter each once the apostrophe is gone.
std::string WadeGilesSyllable(std::string_view pinyin) {
  static constexpr std::pair<std::string_view, std::string_view> kWhole[] = {
      {"zhi", "chih"}, {"chi", "chih"}, {"shi", "shih"}, {"ri", "jih"},   {"zi", "tzu"},
      {"ci", "tzu"},   {"si", "ssu"},   {"er", "erh"},   {"e", "o"},      {"yi", "i"},
      {"you", "yu"},   {"yan", "yen"},  {"ye", "yeh"},   {"yue", "yueh"}, {"yong", "yung"}};
  for (const auto& [from, to] : kWhole) {
    if (pinyin == from) return std::string(to);
  }
  static constexpr std::pair<std::string_view, std::string_view> kInitials[] = {
      {"zh", "ch"}, {"ch", "ch"}, {"sh", "sh"}, {"b", "p"}, {"d", "t"},  {"g", "k"},
      {"j", "ch"},  {"q", "ch"},  {"x", "hs"},  {"r", "j"}, {"z", "ts"}, {"c", "ts"}};
  std::string_view initial = {}, final = pinyin;
  std::string out;
  for (const auto& [from, to] : kInitials) {
    if (pinyin.substr(0, from.size()) == from) {
      initial = from;
      final = pinyin.substr(from.size());
      out = std::string(to);
      break;
    }
  }
  if (initial.empty()) {
    // The other initials are written alike (m, f, n, l, k, t, p, h, s, y, w).
    if (!final.empty() && std::strchr("mfnlktphsyw", final[0]) != nullptr) {
      out = std::string(1, final[0]);
      final = final.substr(1);
    }
  }
  // WG writes GUI and KUI as KUEI (but HUI), and GUO, KUO, HUO with their u, and GE, KE, HE as
  // KO and HO.
  const bool gk = initial == "g" || pinyin[0] == 'k';
  const bool velar = gk || pinyin[0] == 'h';
  if (final == "ong") return out + "ung";
  if (final == "iong") return out + "iung";
  if (final == "ian") return out + "ien";
  if (final == "ie") return out + "ieh";
  if (final == "ue" || final == "ve") return out + "ueh";
  if (final == "v") return out + "u";
  if (final == "van") return out + "uan";
  if (final == "ui") return out + (gk ? "uei" : "ui");
  if (final == "uo") return out + (velar || initial == "sh" ? "uo" : "o");
  if (final == "e" && velar) return out + "o";
  return out + std::string(final);
}

// Mandarin's syllables as pinyin spells them, tones and umlauts left out (lü, nü, lüe, nüe also as
// lv, nv, lve, nve, as typed). Only real syllables: the product above over-generates freely
// (CHING, CHIN, HO, KO, YEN), and those spell Wade-Giles, not pinyin.
const std::vector<std::string>& PinyinSpellings() {
  static const auto* syllables = [] {
    static constexpr const char* kByInitial[] = {
        "a o e ai ei ao ou an en ang eng er",
        "yi ya yo ye yao you yan yin yang ying yong yu yue yuan yun",
        "wu wa wo wai wei wan wen wang weng",
        "ba bo bai bei bao ban ben bang beng bi bie biao bian bin bing bu",
        "pa po pai pei pao pou pan pen pang peng pi pie piao pian pin ping pu",
        "ma mo me mai mei mao mou man men mang meng mi mie miao miu mian min ming mu",
        "fa fo fei fou fan fen fang feng fu",
        "da de dai dei dao dou dan den dang deng dong di die diao diu dian ding du duo dui duan "
        "dun",
        "ta te tai tao tou tan tang teng tong ti tie tiao tian ting tu tuo tui tuan tun",
        "na ne nai nei nao nou nan nen nang neng nong ni nie niao niu nian nin niang ning nu nuo "
        "nuan nv nve nue",
        "la le lai lei lao lou lan lang leng long li lia lie liao liu lian lin liang ling lu luo "
        "luan lun lv lve lue",
        "ga ge gai gei gao gou gan gen gang geng gong gu gua guo guai gui guan gun guang",
        "ka ke kai kei kao kou kan ken kang keng kong ku kua kuo kuai kui kuan kun kuang",
        "ha he hai hei hao hou han hen hang heng hong hu hua huo huai hui huan hun huang",
        "ji jia jie jiao jiu jian jin jiang jing jiong ju jue juan jun",
        "qi qia qie qiao qiu qian qin qiang qing qiong qu que quan qun",
        "xi xia xie xiao xiu xian xin xiang xing xiong xu xue xuan xun",
        "zhi zha zhe zhai zhei zhao zhou zhan zhen zhang zheng zhong zhu zhua zhuo zhuai zhui "
        "zhuan zhun zhuang",
        "chi cha che chai chao chou chan chen chang cheng chong chu chua chuo chuai chui chuan "
        "chun chuang",
        "shi sha she shai shei shao shou shan shen shang sheng shu shua shuo shuai shui shuan "
        "shun shuang",
        "ri re rao rou ran ren rang reng rong ru rua ruo rui ruan run",
        "zi za ze zai zei zao zou zan zen zang zeng zong zu zuo zui zuan zun",
        "ci ca ce cai cao cou can cen cang ceng cong cu cuo cui cuan cun",
        "si sa se sai sao sou san sen sang seng song su suo sui suan sun"};
    auto* list = new std::vector<std::string>;
    for (const char* row : kByInitial) {
      std::string_view rest = row;
      while (!rest.empty()) {
        const size_t space = rest.find(' ');
        list->emplace_back(rest.substr(0, space));
        rest = space == std::string_view::npos ? std::string_view() : rest.substr(space + 1);
      }
    }
    return list;
  }();
  return *syllables;
}

const std::unordered_set<uint64_t>& PinyinSpellingSet() {
  static const auto* syllables = new std::unordered_set<uint64_t>(Packed(PinyinSpellings()));
  return *syllables;
}

// Wade-Giles syllables as written without apostrophes: every pinyin syllable's
// (WadeGilesSyllable), and SZU for SSU.
const std::unordered_set<uint64_t>& WadeGilesSyllables() {
  static const auto* syllables = [] {
    auto* set = new std::unordered_set<uint64_t>;
    for (const std::string& syllable : PinyinSpellings()) {
      set->insert(PackSyllable(WadeGilesSyllable(syllable)));
    }
    set->insert(PackSyllable("szu"));
    return set;
  }();
  return *syllables;
}

// Splits `word` into the fewest syllables of `set` (of at most `longest` letters), the longest
// first where two splits are as short: "changan" is CHANG AN. A syllable that begins with a, e or
// o begins the word or none (pinyin writes XI'AN apart; written joined, CHIEN is not CHI EN and
// JIANGANG not JIANG ANG). Empty when none spell it.
std::vector<std::string_view> SplitSyllables(std::string_view word,
                                             const std::unordered_set<uint64_t>& set,
                                             size_t longest) {
  constexpr size_t kLongest = 24;
  constexpr int kNone = 1000;
  const size_t n = word.size();
  if (n == 0 || n > kLongest) return {};
  int fewest[kLongest + 1];  // syllables that spell word[i..]
  std::fill(fewest, fewest + n + 1, kNone);
  fewest[n] = 0;
  for (size_t i = n; i-- > 0;) {
    if (i > 0 && std::strchr("aeo", word[i]) != nullptr) continue;
    for (size_t length = 1; length <= longest && i + length <= n; ++length) {
      if (fewest[i + length] == kNone) continue;
      if (set.count(PackSyllable(word.substr(i, length)))) {
        fewest[i] = std::min(fewest[i], fewest[i + length] + 1);
      }
    }
  }
  if (fewest[0] == kNone) return {};
  std::vector<std::string_view> out;
  for (size_t i = 0; i < n;) {
    for (size_t length = std::min(longest, n - i); length >= 1; --length) {
      if (fewest[i + length] == fewest[i] - 1 && set.count(PackSyllable(word.substr(i, length)))) {
        out.push_back(word.substr(i, length));
        i += length;
        break;
      }
    }
  }
  return out;
}

// Chinese family names in pinyin for WadeGilesReadings: the hundred commonest of the mainland
// (FamilyNames) and those of Taiwan's commonest that are not among them (Ministry of the
// Interior, household registration: Chuang, Chien, Chan, Ko, Weng, Cho, Juan, Lan, Chi, Yu, Tu,
// Pao, Ni), as pinyin (zhuang, jian, zhan, ke, weng, zhuo, ruan, lan, ji, you, tu, bao, ni).
const std::unordered_set<std::string>& ChineseFamilyNames() {
  static const auto* names = [] {
    auto* set = new std::unordered_set<std::string>;
    for (const std::string& name : FamilyNames()) {
      if (!SplitSyllables(name, PinyinSpellingSet(), 6).empty()) set->insert(name);
    }
    for (const char* name : {"zhuang", "jian", "zhan", "ke", "weng", "zhuo", "ruan", "lan", "ji",
                             "you", "tu", "bao", "ni"}) {
      set->insert(name);
    }
    return set;
  }();
  return *names;
}

// One pinyin syllable (of PinyinSpellings) in the Palladius system, the Russian transcription of
// Mandarin since the 19th century and the one Russian and Kazakh documents use (Си Цзиньпин, Ли
// Кэцян, Дэн Сяопин; the system's table: Kontsevich, "Russian transcription of Chinese", 2002,
// as tabled in Wikipedia's "Palladius system"). Empty for spellings that Palladius writes
// alike with another (LO as LUO, YO) and for the typed ü (LV, NVE).
std::string PalladiusSyllable(std::string_view pinyin) {
  if (pinyin == "lo" || pinyin == "yo" || pinyin.find('v') != std::string_view::npos) return "";
  static constexpr std::pair<std::string_view, std::string_view> kWhole[] = {
      {"a", "а"},     {"o", "о"},      {"e", "э"},      {"ai", "ай"},    {"ei", "эй"},
      {"ao", "ао"},   {"ou", "оу"},    {"an", "ань"},   {"en", "энь"},   {"ang", "ан"},
      {"eng", "эн"},  {"er", "эр"},    {"yi", "и"},     {"ya", "я"},     {"ye", "е"},
      {"yao", "яо"},  {"you", "ю"},    {"yan", "янь"},  {"yin", "инь"},  {"yang", "ян"},
      {"ying", "ин"}, {"yong", "юн"},  {"yu", "юй"},    {"yue", "юэ"},   {"yuan", "юань"},
      {"yun", "юнь"}, {"wu", "у"},     {"wa", "ва"},    {"wo", "во"},    {"wai", "вай"},
      {"wei", "вэй"}, {"wan", "вань"}, {"wen", "вэнь"}, {"wang", "ван"}, {"weng", "вэн"},
      {"hui", "хуэй"}};
  for (const auto& [from, to] : kWhole) {
    if (pinyin == from) return std::string(to);
  }
  static constexpr std::pair<std::string_view, std::string_view> kInitials[] = {
      {"zh", "чж"}, {"ch", "ч"}, {"sh", "ш"}, {"b", "б"}, {"p", "п"},  {"m", "м"}, {"f", "ф"},
      {"d", "д"},   {"t", "т"},  {"n", "н"},  {"l", "л"}, {"g", "г"},  {"k", "к"}, {"h", "х"},
      {"j", "цз"},  {"q", "ц"},  {"x", "с"},  {"r", "ж"}, {"z", "цз"}, {"c", "ц"}, {"s", "с"}};
  for (const auto& [from, to] : kInitials) {
    if (pinyin.substr(0, from.size()) != from) continue;
    const std::string_view final = pinyin.substr(from.size());
    const bool palatal = from == "j" || from == "q" || from == "x";
    const bool sibilant = from == "z" || from == "c" || from == "s";
    static constexpr std::pair<std::string_view, std::string_view> kFinals[] = {
        {"a", "а"},      {"o", "о"},     {"e", "э"},    {"ai", "ай"},   {"ei", "эй"},
        {"ao", "ао"},    {"ou", "оу"},   {"an", "ань"}, {"en", "энь"},  {"ang", "ан"},
        {"eng", "эн"},   {"ong", "ун"},  {"ia", "я"},   {"ie", "е"},    {"iao", "яо"},
        {"iu", "ю"},     {"ian", "янь"}, {"in", "инь"}, {"iang", "ян"}, {"ing", "ин"},
        {"iong", "юн"},  {"ua", "уа"},   {"uo", "о"},   {"uai", "уай"}, {"ui", "уй"},
        {"uang", "уан"}, {"ue", "юэ"}};
    std::string out(to);
    if (final == "i") return out + (sibilant ? "ы" : "и");
    if (final == "u") return out + (palatal ? "юй" : "у");
    if (final == "uan") return out + (palatal ? "юань" : "уань");
    if (final == "un") return out + (palatal ? "юнь" : "унь");
    for (const auto& [pinyin_final, palladius] : kFinals) {
      if (final == pinyin_final) return out + std::string(palladius);
    }
    return "";
  }
  return "";
}

// Palladius spellings and the pinyin each stands for; Lü and Nü (люй, нюй) as Han-Latin folded
// to ASCII writes them, LU and NU.
const std::unordered_map<std::string, std::string>& PalladiusSyllables() {
  static const auto* syllables = [] {
    auto* map = new std::unordered_map<std::string, std::string>;
    for (const std::string& pinyin : PinyinSpellings()) {
      std::string palladius = PalladiusSyllable(pinyin);
      if (!palladius.empty()) map->emplace(std::move(palladius), pinyin);
    }
    map->emplace("люй", "lu");
    map->emplace("нюй", "nu");
    map->emplace("люэ", "lue");
    map->emplace("нюэ", "nue");
    return map;
  }();
  return *syllables;
}

// How strongly a Palladius syllable says its word is Chinese (PalladiusAsPinyin's `strength`).
// Strong: ЦЗ, ЧЖ and ЮЙ, which no Russian or Korean spelling holds, and a consonant before Э or
// УЭ, which Korean's Э (ТЭ, ХЭ) holds too and so counts as strong only in a word of two syllables
// or more (Korean names in Russian letters write a syllable a word). Medium: an -НЬ, a Ц, СЯ and
// СЮ, a consonant's -АО and -ОУ, and a consonant before Э in a word of one syllable: Russian
// words hold these (ЦЫБИН, ВАСЯ, ШОУ) but seldom in a name whose every word is Palladius.
int PalladiusSyllableStrength(std::string_view syllable) {
  if (syllable.find("цз") != std::string_view::npos ||
      syllable.find("чж") != std::string_view::npos ||
      syllable.find("юй") != std::string_view::npos) {
    return 3;
  }
  // Every Cyrillic letter is two bytes in UTF-8.
  const bool consonant_first =
      syllable.size() >= 4 &&
      std::string_view("аоэеиуюяы").find(syllable.substr(0, 2)) == std::string_view::npos;
  if (consonant_first &&
      (syllable.substr(2, 2) == "э" || syllable.find("уэ") != std::string_view::npos)) {
    return 2;
  }
  if (syllable.ends_with("нь") || syllable.starts_with("ц") || syllable.starts_with("ся") ||
      syllable.starts_with("сю") ||
      (consonant_first && (syllable.ends_with("ао") || syllable.ends_with("оу")))) {
    return 1;
  }
  return 0;
}

// The same names as Wade-Giles writes them without apostrophes (CHANG, HSU, TSAI, KUO, PAO).
const std::unordered_set<std::string>& WadeGilesFamilyNames() {
  static const auto* names = [] {
    auto* set = new std::unordered_set<std::string>;
    for (const std::string& name : ChineseFamilyNames()) set->insert(PinyinAsWadeGiles(name));
    return set;
  }();
  return *names;
}

}  // namespace

std::string KoreanReading(std::string_view word) {
  if (word.empty() || word.size() > 24) return "";
  // Passport spellings: an h after a vowel and not before one is silent (AHN, OH, NOH), and a
  // few family names are spelled apart from any system.
  std::string w;
  for (size_t i = 0; i < word.size(); ++i) {
    const char c = word[i];
    if (c < 'a' || c > 'z') return "";
    if (c == 'h' && i > 0 && IsVowelLetter(word[i - 1]) &&
        (i + 1 == word.size() || !IsVowelLetter(word[i + 1]))) {
      continue;
    }
    w += c;
  }
  if (w == "park") w = "pak";
  if (w == "choi") w = "choe";
  if (w == "lee" || w == "rhee" || w == "yi" || w == "i" || w == "ree") w = "ri";
  const int syllables = SyllablesOf(w, KoreanSyllables(), 8, 24);
  if (syllables == 0 || syllables > 3) return "";
  // Vowel units, longest first, and what each reads as: the Revised Romanisation's eo is
  // McCune-Reischauer's o (ŏ without its breve: 정 JEONG, CHONG), its eu MR's u (ŭ: 은 EUN, UN),
  // and passports' oo and ou are u (YOON, MOON: 윤, 문); ae and e, oe, we and wae, ee, ui and i
  // are one each as spoken today. O and u stay apart: 서 (SO, SEO) is not 수 (SU).
  static constexpr std::pair<std::string_view, std::string_view> kVowels[] = {
      {"yeo", "yo"}, {"yae", "ye"}, {"wae", "we"}, {"weo", "wo"}, {"eui", "i"}, {"you", "yo"},
      {"ya", "ya"},  {"yo", "yo"},  {"yu", "yu"},  {"ye", "ye"},  {"yi", "i"},  {"wa", "wa"},
      {"wo", "wo"},  {"we", "we"},  {"wi", "wi"},  {"oe", "we"},  {"oi", "we"}, {"eo", "o"},
      {"eu", "u"},   {"oo", "u"},   {"ou", "u"},   {"ae", "e"},   {"ui", "i"},  {"ee", "i"},
      {"a", "a"},    {"e", "e"},    {"i", "i"},    {"o", "o"},    {"u", "u"},   {"y", "y"},
      {"w", "w"}};
  // Consonants, longest first: voiced and voiceless, plain, tense and aspirated are one letter
  // each; r and l are one; ng is one.
  static constexpr std::pair<std::string_view, char> kConsonants[] = {
      {"tch", 'c'}, {"chh", 'c'}, {"ch", 'c'}, {"jj", 'c'}, {"kk", 'k'}, {"gg", 'k'}, {"kh", 'k'},
      {"ng", 'N'},  {"tt", 't'},  {"th", 't'}, {"pp", 'p'}, {"ph", 'p'}, {"ss", 's'}, {"sh", 's'},
      {"rh", 'r'},  {"j", 'c'},   {"k", 'k'},  {"g", 'k'},  {"t", 't'},  {"d", 't'},  {"p", 'p'},
      {"b", 'p'},   {"s", 's'},   {"r", 'r'},  {"l", 'r'},  {"m", 'm'},  {"n", 'n'},  {"h", 'h'}};
  std::string out;
  // A doubled consonant is one (CHOLLO, CHOLRO); two vowels are two syllables (SEOOK, 서옥, is
  // not SOK).
  auto emit = [&out](std::string_view letters) {
    for (char c : letters) {
      if (out.empty() || out.back() != c || IsVowelLetter(c)) out += c;
    }
  };
  const std::string_view text = w;
  for (size_t i = 0; i < text.size();) {
    const std::string_view rest = text.substr(i);
    size_t used = 0;
    if (IsVowelLetter(text[i])) {
      for (const auto& [spelling, reading] : kVowels) {
        if (rest.substr(0, spelling.size()) == spelling) {
          emit(reading);
          used = spelling.size();
          break;
        }
      }
    } else {
      for (const auto& [spelling, reading] : kConsonants) {
        if (rest.substr(0, spelling.size()) == spelling) {
          emit(std::string_view(&reading, 1));
          used = spelling.size();
          break;
        }
      }
    }
    if (used == 0) return "";  // a letter Korean romanisation does not use (f, q, v, x, z)
    i += used;
  }
  return out;
}

std::string KoreanCyrillicAsLatin(std::string_view written, bool family_position, int* syllables,
                                  bool* family_name, bool* name_syllables) {
  *syllables = 0;
  *family_name = false;
  *name_syllables = false;
  // Letters as numbers: а = 0 ... я = 31, ё = 32; anything else is no Korean word.
  constexpr int kA = 0, kV = 2, kG = 3, kD = 4, kE = 5, kZh = 6, kI = 8, kShortI = 9, kK = 10,
                kL = 11, kM = 12, kN = 13, kO = 14, kP = 15, kR = 16, kS = 17, kT = 18, kU = 19,
                kKh = 21, kCh = 23, kSh = 24, kHard = 26, kY = 27, kSoft = 28, kE2 = 29, kYu = 30,
                kYa = 31, kYo = 32;
  constexpr size_t kMostLetters = 24;
  if (written.empty() || written.size() % 2 != 0 || written.size() > 2 * kMostLetters) return "";
  std::vector<int> letters;
  for (size_t i = 0; i < written.size(); i += 2) {
    const auto lead = static_cast<unsigned char>(written[i]);
    const auto trail = static_cast<unsigned char>(written[i + 1]);
    if (lead == 0xD0 && trail >= 0xB0 && trail <= 0xBF) {
      letters.push_back(trail - 0xB0);
    } else if (lead == 0xD1 && trail >= 0x80 && trail <= 0x8F) {
      letters.push_back(16 + trail - 0x80);
    } else if (lead == 0xD1 && trail == 0x91) {
      letters.push_back(kYo);
    } else {
      return "";
    }
  }
  const auto vowel = [](int c) {
    return c == kA || c == kE || c == kI || c == kO || c == kU || c == kY || c == kE2 || c == kYu ||
           c == kYa || c == kYo;
  };
  const size_t n = letters.size();
  const auto at = [&](size_t i) { return i < n ? letters[i] : -1; };
  std::string out;
  for (size_t i = 0; i < n;) {
    const int c = letters[i];
    const int next = at(i + 1);
    // After Ч, Ж and Ш (and С for Е) a Y glide is not heard: ЧОН and ЧЁН are both jong.
    const bool palatal = out.ends_with('j') || out.ends_with("ch") || out.ends_with("sh");
    const bool sibilant = palatal || out.ends_with('s');
    size_t used = 1;
    switch (c) {
      case kA:
        out += "a";
        break;
      case kO:
        out += "o";
        break;
      case kU:
        out += "u";
        break;
      case kI:
        out += "i";
        break;
      case kE2:
        out += "ae";
        break;  // ㅐ: ХЭ is hae
      case kYa:
        out += "ya";
        break;
      case kYu:
        out += "yu";
        break;
      case kYo:
        out += palatal ? "o" : "yo";
        break;  // ㅕ, ㅛ: РЁН ryong, ЧЖОН jong
      case kY:
        if (next == kShortI) {  // ЫЙ: ㅢ
          out += "ui";
          used = 2;
        } else {
          out += "u";  // ㅡ: ЫН is un
        }
        break;
      case kE: {
        // Е before a final consonant is the older Russian spelling of ㅓ and ㅕ (ЧЕН, СЕН, ПХЕН:
        // jong, song, pyong); at a syllable's end, Kontsevich's ㅔ and ㅖ (ХЕ hye, КЕ kye).
        const bool closed = next == kN || next == kK || next == kM || next == kP || next == kL ||
                            next == kR || next == kT;
        const bool ends_syllable = closed && (at(i + 2) == -1 || !vowel(at(i + 2)));
        if (ends_syllable) {
          out += sibilant ? "o" : "yo";
        } else {
          out += sibilant ? "e" : "ye";
        }
        break;
      }
      case kV:
        // В begins the vowels ㅘ ㅝ ㅙ ㅚ ㅟ: КВАН kwang, ЧХВЕ choe, ВОН won.
        if (next == kA) {
          out += "wa";
        } else if (next == kO) {
          out += "wo";
        } else if (next == kE2) {
          out += "wae";
        } else if (next == kE) {
          out += !out.empty() && !IsVowelLetter(out.back()) ? "oe" : "we";
        } else if (next == kI) {
          out += "wi";
        } else {
          return "";
        }
        used = 2;
        break;
      case kK:
        out += next == kKh ? "kh" : next == kK ? "kk" : "k";
        used = next == kKh || next == kK ? 2 : 1;
        break;
      case kT:
        out += next == kKh ? "th" : next == kT ? "tt" : "t";
        used = next == kKh || next == kT ? 2 : 1;
        break;
      case kP:
        out += next == kKh ? "ph" : next == kP ? "pp" : "p";
        used = next == kKh || next == kP ? 2 : 1;
        break;
      case kS:
        out += next == kS ? "ss" : "s";
        used = next == kS ? 2 : 1;
        break;
      case kCh:
        // ㅈ is Ч (and ЧЖ voiced), ㅊ ЧХ, ㅉ ЧЧ; the DPRK writes j, ch and jj.
        out += next == kKh ? "ch" : next == kCh ? "jj" : "j";
        used = next == kKh || next == kCh || next == kZh ? 2 : 1;
        break;
      case kD:
        out += next == kZh ? "j" : "d";
        used = next == kZh ? 2 : 1;
        break;
      case kZh:
        out += "j";
        break;
      case kG:
        out += "g";
        break;
      case kM:
        out += "m";
        break;
      case kN:
        out += "n";
        break;  // ㄴ, and ㅇ at a syllable's end (Kontsevich writes both Н)
      case kR:
        out += "r";
        break;
      case kL:
        out += "l";
        if (next == kSoft) used = 2;  // ЛЬ: a final ㄹ (ЧХОЛЬ chol)
        break;
      case kKh:
        out += "h";
        break;
      case kSh:
        out += "sh";
        break;
      case kHard:
        if (i == 0 || i + 1 == n) return "";  // Ъ parts two syllables (ЧОНЪЫН)
        break;
      default:
        return "";  // З, Й, Ф, Ц, Щ, Ь and the rest: no Korean syllable
    }
    i += used;
  }
  const std::string reading = KoreanReading(out);
  if (reading.empty()) return "";
  *syllables = SyllablesOf(out, KoreanSyllables(), 8, 24);
  if (*syllables == 0) return "";
  // Н ends ㄴ and ㅇ alike: ЧОН is JON or JONG, КАН KANG. A family name that is only KANG or
  // JANG (강, 장: no family name is KAN or JAN) is written so.
  const std::string with_ng = out.ends_with('n') ? out + "g" : std::string();
  *family_name = IsKoreanFamilyName(out) || (!with_ng.empty() && IsKoreanFamilyName(with_ng));
  // Every syllable one of Korean names' (a helper's review of the first version: any word of the
  // letters Korean uses read as Korean syllables, so ХАН ГЕРМАН, a Koryo-saram, read HAN GYORMAN
  // and lost KHAN, German at 0.88 -> 0.71).
  *name_syllables = IsKoreanNameSyllable(out);
  for (size_t split = 1; split < out.size() && !*name_syllables; ++split) {
    *name_syllables = IsKoreanNameSyllable(std::string_view(out).substr(0, split)) &&
                      IsKoreanNameSyllable(std::string_view(out).substr(split));
  }
  if (family_position && !IsKoreanFamilyName(out) && *family_name) return with_ng;
  return out;
}

bool IsPinyinWord(std::string_view word) { return SyllablesOf(word, PinyinSyllables(), 6, 24) > 0; }

bool KoreanReadings(const NormalizedName& name, std::vector<std::string>* readings) {
  readings->clear();
  // The family name first: it rules out most names before any word is parsed (every listed name
  // passes here when the index is built).
  const auto [first_word, last_word] = FirstAndLastWords(name);
  // The family names O and U are one letter, which the normaliser reads as an initial (O IN CHUN);
  // no Chinese family name is written so, so the name is Korean even if its other words are pinyin.
  const bool one_letter_family = !name.tokens.empty() &&
                                 name.tokens[0].kind == TokenKind::kInitial &&
                                 (name.tokens[0].text == "o" || name.tokens[0].text == "u");
  if (!IsKoreanFamilyName(first_word) && !IsKoreanFamilyName(last_word) && !one_letter_family) {
    return false;
  }
  std::vector<std::string> found(name.tokens.size());
  int words = 0;
  bool not_pinyin = one_letter_family;
  for (size_t t = 0; t < name.tokens.size(); ++t) {
    const NameToken& token = name.tokens[t];
    if (token.kind == TokenKind::kInitial) continue;
    if (token.kind != TokenKind::kWord) return false;
    found[t] = KoreanReading(token.text);
    if (found[t].empty()) return false;
    ++words;
    not_pinyin = not_pinyin || !IsPinyinWord(token.text);
  }
  if (words < 2 || words > 4 || !not_pinyin) return false;
  *readings = std::move(found);
  return true;
}

std::string PalladiusAsPinyin(std::string_view written, int* syllables,
                              PalladiusStrength* strength) {
  *syllables = 0;
  *strength = PalladiusStrength::kNone;
  // Lower-case Russian letters only (а to я, two bytes each in UTF-8), at most 24 of them. ъ
  // separates two syllables where the second begins with a vowel (ГУАНЪЯ, ЧАНЪАНЬ): it is left
  // out, and no syllable may run across it.
  constexpr size_t kMostLetters = 24;
  constexpr size_t kLongest = 6;  // чжуань, цзюань
  if (written.empty() || written.size() % 2 != 0) return "";
  std::string word;
  bool boundary[kMostLetters + 1] = {};  // a syllable must begin at letter i
  for (size_t i = 0; i < written.size(); i += 2) {
    const auto lead = static_cast<unsigned char>(written[i]);
    const auto trail = static_cast<unsigned char>(written[i + 1]);
    const bool russian = (lead == 0xD0 && trail >= 0xB0 && trail <= 0xBF) ||
                         (lead == 0xD1 && trail >= 0x80 && trail <= 0x8F);
    if (!russian) return "";
    if (written.substr(i, 2) == "ъ") {
      if (word.empty() || i + 2 == written.size()) return "";
      boundary[word.size() / 2] = true;
      continue;
    }
    if (word.size() / 2 >= kMostLetters) return "";
    word.append(written.substr(i, 2));
  }
  const size_t n = word.size() / 2;
  // The fewest syllables that spell word[i..]; of splits into as many, the one with the fewest
  // syllables inside the word that begin with a vowel letter (ХУНИН is ХУ НИН, hu ning, not ХУН
  // ИН, as pinyin writes a vowel-initial syllable inside a word only after an apostrophe). A cost
  // of kSyllable a syllable and 1 more for each such one.
  constexpr int kNone = 1 << 20, kSyllable = 64;
  int cost[kMostLetters + 1];
  std::fill(cost, cost + n + 1, kNone);
  cost[n] = 0;
  const auto& table = PalladiusSyllables();
  auto syllable_cost = [&](size_t i, std::string_view syllable) {
    const bool vowel =
        std::string_view("аоэеиуюя").find(syllable.substr(0, 2)) != std::string_view::npos;
    return kSyllable + (i > 0 && vowel && !boundary[i] ? 1 : 0);
  };
  auto crosses = [&](size_t i, size_t length) {
    for (size_t k = i + 1; k < i + length; ++k) {
      if (boundary[k]) return true;
    }
    return false;
  };
  for (size_t i = n; i-- > 0;) {
    for (size_t length = 1; length <= kLongest && i + length <= n; ++length) {
      if (cost[i + length] == kNone || crosses(i, length)) continue;
      const std::string_view syllable = std::string_view(word).substr(2 * i, 2 * length);
      if (table.count(std::string(syllable))) {
        cost[i] = std::min(cost[i], cost[i + length] + syllable_cost(i, syllable));
      }
    }
  }
  if (cost[0] == kNone) return "";
  std::string out;
  int strengths[kMostLetters];
  for (size_t i = 0; i < n;) {
    for (size_t length = std::min(kLongest, n - i); length >= 1; --length) {
      if (cost[i + length] == kNone || crosses(i, length)) continue;
      const std::string_view syllable = std::string_view(word).substr(2 * i, 2 * length);
      auto found = table.find(std::string(syllable));
      if (found == table.end() || cost[i + length] + syllable_cost(i, syllable) != cost[i]) {
        continue;
      }
      out += found->second;
      strengths[*syllables] = PalladiusSyllableStrength(syllable);
      ++*syllables;
      i += length;
      break;
    }
  }
  int strongest = 0;
  for (int k = 0; k < *syllables; ++k) {
    // A consonant before Э (2) is strong in a word of two syllables or more, medium alone.
    const int syllable_strength = strengths[k] == 2 ? (*syllables >= 2 ? 3 : 1) : strengths[k];
    strongest = std::max(strongest, syllable_strength);
  }
  *strength = strongest == 3   ? PalladiusStrength::kStrong
              : strongest == 1 ? PalladiusStrength::kMedium
                               : PalladiusStrength::kNone;
  return out;
}

bool IsChineseFamilyName(std::string_view pinyin) {
  return ChineseFamilyNames().count(std::string(pinyin)) != 0;
}

std::string PinyinAsWadeGiles(std::string_view word) {
  const std::vector<std::string_view> syllables = SplitSyllables(word, PinyinSpellingSet(), 6);
  std::string out;
  for (std::string_view syllable : syllables) out += WadeGilesSyllable(syllable);
  return out;
}

int WadeGilesSyllableCount(std::string_view word) {
  return static_cast<int>(SplitSyllables(word, WadeGilesSyllables(), 6).size());
}

bool WadeGilesReadings(const NormalizedName& name, std::vector<std::string>* readings) {
  readings->clear();
  // The family name first, as in KoreanReadings: most names stop here.
  const auto [first_view, last_view] = FirstAndLastWords(name);
  const std::string first_word(first_view), last_word(last_view);
  const auto family = [&](const std::unordered_set<std::string>& names) {
    return names.count(first_word) != 0 || names.count(last_word) != 0;
  };
  const bool pinyin_family = family(ChineseFamilyNames());
  const bool wade_giles_family = family(WadeGilesFamilyNames());
  if (!pinyin_family && !wade_giles_family) return false;
  int words = 0;
  bool pinyin = pinyin_family, wade_giles = wade_giles_family, not_pinyin = false;
  for (const NameToken& token : name.tokens) {
    if (token.kind == TokenKind::kInitial) continue;
    if (token.kind != TokenKind::kWord) return false;
    ++words;
    const int pinyin_count =
        static_cast<int>(SplitSyllables(token.text, PinyinSpellingSet(), 6).size());
    pinyin = pinyin && pinyin_count >= 1 && pinyin_count <= 3;
    not_pinyin = not_pinyin || pinyin_count == 0;
    if (wade_giles) {
      const int count = WadeGilesSyllableCount(token.text);
      wade_giles = count >= 1 && count <= 3;
    }
    if (!pinyin && !wade_giles) return false;
  }
  if (words < 2 || words > 4 || (!pinyin && !not_pinyin)) return false;
  // A name that is pinyin throughout is read as pinyin (CHANG KANG is ZHANG GANG only when
  // another word shows the name to be Wade-Giles).
  std::vector<std::string> found(name.tokens.size());
  for (size_t t = 0; t < name.tokens.size(); ++t) {
    const NameToken& token = name.tokens[t];
    if (token.kind != TokenKind::kWord) continue;
    if (pinyin) {
      found[t] = 'p' + PinyinAsWadeGiles(token.text);
    } else {
      found[t] = 'w' + token.text;
      for (size_t at = found[t].find("szu"); at != std::string::npos; at = found[t].find("szu")) {
        found[t][at + 1] = 's';
      }
    }
  }
  *readings = std::move(found);
  return true;
}

int EastAsianSyllables(std::string_view word) {
  // Fewest syllables that spell the word: pinyin and Korean syllables of up to six letters, three
  // syllables of six at most.
  return SyllablesOf(word, Syllables(), 6, 18);
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
