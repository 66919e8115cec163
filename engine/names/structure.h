// Internal to engine/names: what a name's structure says about how much it identifies.
#ifndef CORRIDOR_ENGINE_NAMES_STRUCTURE_H_
#define CORRIDOR_ENGINE_NAMES_STRUCTURE_H_

#include <string_view>

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

}  // namespace corridor::names

#endif  // CORRIDOR_ENGINE_NAMES_STRUCTURE_H_
