// ICU transliteration rule sets that ICU does not ship, compiled into the binary from the data
// files beside this header (uyghur_latin.txt, urdu_latin.txt) by CMake.
#ifndef CORRIDOR_ENGINE_NAMES_TRANSLIT_RULES_H_
#define CORRIDOR_ENGINE_NAMES_TRANSLIT_RULES_H_

namespace corridor::names {

// Uyghur Arabic alphabet to Latin (ICU rule syntax).
const char* UyghurLatinRules();
// Urdu and Persian letters missing from ICU's Arabic-Latin, to Latin (ICU rule syntax).
const char* UrduLatinRules();

}  // namespace corridor::names

#endif  // CORRIDOR_ENGINE_NAMES_TRANSLIT_RULES_H_
