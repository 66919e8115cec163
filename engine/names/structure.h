// Internal to engine/names: what a name's structure says about how much it identifies.
#ifndef CORRIDOR_ENGINE_NAMES_STRUCTURE_H_
#define CORRIDOR_ENGINE_NAMES_STRUCTURE_H_

#include <string>
#include <string_view>
#include <vector>

#include "engine/names/normalize.h"

namespace corridor::names {

// The number of Chinese (pinyin) or Korean (romanised) syllables `word` (lower-case ASCII) is
// made of, or 0 when it cannot be read as such syllables ("quanguo" = quan guo: 2; "jong": 1;
// "alexander": 0).
int EastAsianSyllables(std::string_view word);

// True for a short Chinese or Korean personal name: two or three words (initials aside), one of
// them a common Chinese or Korean family name, every word one or two syllables, at most three
// syllables in all ("ZHANG, Wei", "CHEN, Quanguo", "KIM Jong Un", 王伟 read as "wang wei").
// Thousands of people share such a name, so a match on it alone does not identify a listed
// person (docs/matching.md, "Name structure").
bool IsShortEastAsianName(const NormalizedName& name);

// The Korean reading of `word` (lower-case ASCII): a key that the McCune-Reischauer
// romanisation (written without its breves and apostrophes, as the lists do), the Revised
// Romanisation and the usual passport spellings of one Korean name share: KIM JONG UN, KIM
// CHONG-UN and GIM JEONG-EUN; RI PYONG CHOL, LI BYONG-CHOL and 리병철 (ri byeongcheol). Empty
// when the word is not one to three Korean syllables. Consonants that the systems write voiced
// or voiceless (g k, d t, b p, j ch), r and l fold together, and so do the vowels they write eo
// and o, eu and u (docs/matching.md, "Korean names across romanisations").
std::string KoreanReading(std::string_view word);

// A Korean name's word written in Russian letters, by the Kontsevich system or the older press
// spelling (Ким Чен Ын, Чхве Рён Хэ, Ри Сон Гвон), in Latin as the DPRK and the lists write it:
// "чхве" is "choe", "рён" "ryon", "чжон" "jon", "хэ" "hae". Both systems write a syllable's final
// ㄴ and ㅇ alike (Н), so "ryon" stands for RYONG too (ScorePair meets them as one name at a
// lower credit); in `family_position` a family name that is only NG (КАН, ЧАН) is written KANG,
// JANG. Sets *syllables to the Korean syllables spelled, *family_name when the word is a Korean
// family name and *name_syllables when each of its syllables (one or two) is one of Korean
// names' (KIM, JONG, PONG, JU; not SYAO, which Palladius writes СЯО, nor GYORMAN for ГЕРМАН).
// Empty, 0 and false when `word` (lower-case UTF-8) is not Korean syllables.
std::string KoreanCyrillicAsLatin(std::string_view word, bool family_position, int* syllables,
                                  bool* family_name, bool* name_syllables);

// True when `word` is made of pinyin syllables alone ("zhongguo", "li", "chang"; not "jong",
// "kim" or "chol").
bool IsPinyinWord(std::string_view word);

// When `name` reads as a Korean personal name, sets (*readings)[t] to KoreanReading of its token t
// (empty for initials) and returns true: two to four words (initials aside), each one to three
// Korean syllables, the first or last a Korean family name, and at least one word that is not
// pinyin (a Chinese name, all pinyin, keeps pinyin's distinctions: DENG is not TENG). Otherwise
// returns false and leaves `readings` empty.
bool KoreanReadings(const NormalizedName& name, std::vector<std::string>* readings);

// The Wade-Giles spelling of the pinyin `word` (lower-case ASCII), written without apostrophes
// and umlauts as passports and the lists write it: "dengxiaoping" is "tenghsiaoping", "bao" is
// "pao", "zedong" is "tsetung". Empty when the word is not pinyin syllables.
std::string PinyinAsWadeGiles(std::string_view word);

// How surely a word spelled in Palladius syllables is Chinese (PalladiusAsPinyin).
enum class PalladiusStrength {
  kNone,  // every syllable is also Russian or Korean spelling (ИВАН, АННА, ЛИ, ХО)
  kMedium,  // a spelling Russian words hold now and then: -НЬ, Ц, СЯ, СЮ, -АО, -ОУ, a lone ДЭН
  kStrong,  // ЦЗ, ЧЖ, ЮЙ, or a consonant before Э or УЭ in a word of two syllables or more
};

// The pinyin of `word` (lower-case Russian letters, UTF-8) when it is spelled in the syllables of
// the Palladius system, the Russian transcription of Mandarin: "цзиньпин" is "jinping", "сюй"
// "xu", "хуавэй" "huawei", "гуанъя" "guangya" (ъ parts two syllables). Sets *syllables to their
// number and *strength to how surely the spelling is Chinese. Empty, 0 and kNone when the word is
// not such syllables.
std::string PalladiusAsPinyin(std::string_view word, int* syllables, PalladiusStrength* strength);

// True when `pinyin` is one of the commonest Chinese family names (mainland and Taiwan).
bool IsChineseFamilyName(std::string_view pinyin);

// The fewest Wade-Giles syllables, as written without apostrophes, that spell `word`
// ("hsiaoping": 2; "chieh", "shih", "chang": 1), or 0 when none do ("hisham").
int WadeGilesSyllableCount(std::string_view word);

// When `name` reads as a Chinese personal name in pinyin or in Wade-Giles, sets (*readings)[t] for
// each word t (empty for initials) and returns true: two to four words, each one to three
// syllables, the first or last a Chinese family name. A pinyin name's word reads "p" followed by
// its Wade-Giles spelling (PinyinAsWadeGiles); a Wade-Giles name's (one with a word that is not
// pinyin: HSIAO, TUNG, SHIH) "w" followed by the word. A "p" and a "w" reading with one spelling
// after the letter are one name in the two romanisations (DENG XIAOPING, TENG HSIAO-PING); two
// pinyin readings never are, as pinyin's D and T are two names (docs/matching.md, "Wade-Giles and
// pinyin"). Otherwise returns false and leaves `readings` empty.
bool WadeGilesReadings(const NormalizedName& name, std::vector<std::string>* readings);

}  // namespace corridor::names

#endif  // CORRIDOR_ENGINE_NAMES_STRUCTURE_H_
