// ICU transliteration rule sets that ICU does not ship, and the name-variant table, compiled into
// the binary from the data files beside this header (uyghur_latin.txt, urdu_latin.txt) by CMake.
#ifndef CORRIDOR_ENGINE_NAMES_TRANSLIT_RULES_H_
#define CORRIDOR_ENGINE_NAMES_TRANSLIT_RULES_H_

namespace corridor::names {

// Uyghur Arabic alphabet to Latin (ICU rule syntax).
const char* UyghurLatinRules();
// Urdu and Persian letters missing from ICU's Arabic-Latin, to Latin (ICU rule syntax).
const char* UrduLatinRules();
// Romanisation variants of name words learned from the lists (name_variants.txt, written by
// tools/name_variants.py): "word_a word_b entries_seen" a line, '#' comments.
const char* NameVariantTable();
// Belarusian and Ukrainian forms of East Slavic given names and their Russian forms, curated
// (slavic_given_names.txt): "word_a word_b" a line, '#' comments. They join the variant classes.
const char* SlavicGivenNameTable();
// Arabic names with th, dh, d and z as Persian, Turkish, Urdu and Uzbek write them (OSMAN,
// UTHMAN; KAZIM, KADHIM), curated (arabic_interdental_names.txt): "word_a word_b" a line, '#'
// comments. They join the variant classes.
const char* ArabicInterdentalNameTable();
// Common given and family names by population (population_names.txt): "population part word
// word ..." a line, '#' comments.
const char* PopulationNameTable();
// Chinese place names in pinyin and in English (KASHI, KASHGAR; HETIAN, HOTAN), curated
// (place_names.txt): "word_a word_b" a line, '#' comments. They form variant classes of their own
// (IsPlaceNameClass).
const char* PlaceNameTable();

}  // namespace corridor::names

#endif  // CORRIDOR_ENGINE_NAMES_TRANSLIT_RULES_H_
