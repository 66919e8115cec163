// Name normalisation: from a name as published or typed, in any script, to lower-case ASCII
// tokens that the scorer compares (see docs/matching.md, "Normalisation").
//
//   NameNormalizer& normalizer = ThreadNameNormalizer();
//   NormalizedName name;
//   Status status = normalizer.Normalize("ТОО «Сбер Восток»", &name);
//   // name.tokens: sber, vostok, and a legal-form token of class "limited" (from ТОО)
//
// Steps: invalid UTF-8 bytes become U+FFFD (then a separator, like punctuation) and runs of
// whitespace and control characters collapse to one space; NFKC with case folding; control
// characters become spaces; Chinese legal forms (有限公司, ...) are recognised before
// transliteration; transliteration to Latin per script (Han to pinyin with the surname apart from
// the joined given name, Cyrillic by the BGN tables for Russian or Kazakh, Arabic and Urdu script
// (marked as written without short vowels), the Uyghur Arabic alphabet by corridor's own rules,
// Greek, Hangul with the usual spellings of Korean surnames, kana, Hebrew); accents are folded;
// punctuation separates tokens except apostrophes, which are dropped ("O'Brien" = "obrien"); legal
// forms are recognised (also across languages: TOO = LLP = OOO = LLC = Ltd = GmbH = 有限公司) and
// common abbreviations expanded (INTL = international).
//
// Thread safety: a NameNormalizer caches ICU Transliterator objects, which are slow to create and
// not thread-safe. Each thread uses its own: ThreadNameNormalizer() returns the calling thread's.
#ifndef CORRIDOR_ENGINE_NAMES_NORMALIZE_H_
#define CORRIDOR_ENGINE_NAMES_NORMALIZE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/base/status.h"

namespace corridor::names {

enum class TokenKind : uint8_t {
  kWord,       // an ordinary word of the name
  kInitial,    // a single letter, which matches any word starting with it
  kLegalForm,  // a legal form; `text` is its class: "limited", "jsc" or "corp"; or a kind of
               // Russian organisation read as one (IsOrganisationTypeClass: "npo", "nii", ...)
};

struct NameToken {
  std::string text;  // lower-case ASCII letters and digits
  TokenKind kind = TokenKind::kWord;
  std::string original;  // the normalised words it stands for ("co ltd" for class "limited")
  // A part of a compound written as one word, which the normaliser writes apart: the name of an
  // "Abd al-" compound (ABDOLREZA, عبدالرضا: CanonicalAbdCompounds, SplitAbdCompounds), both names
  // of SALAHUDDIN or نورالدین (CanonicalArticleCompounds, SplitArticleCompounds). REZA here is not
  // the name REZA (engine/names/score.cc, StemAgainstOwnName).
  bool fused_part = false;
  // A Russian generic word read in English (ZAVOD as PLANT): the word's first letter as written,
  // which an acronym gives (BZPP for BOLKHOVSKII ZAVOD POLUPROVODNIKOVYKH PRIBOROV); so does the
  // legal form KORPORATSIYA (KTRV); '\0' for any other word or form. A word translated into two
  // (RADIOELEKTRONNYE: RADIO ELECTRONIC) sets it on the first and `translation_rest` on the second,
  // which gives an acronym no letter.
  char written_initial = '\0';
  bool translation_rest = false;
};

struct NormalizedName {
  std::vector<NameToken> tokens;
  // True when the name was written in an abjad (Arabic, Urdu, Hebrew script): its Latin form
  // lacks short vowels, so the scorer compares consonant skeletons.
  bool abjad = false;
};

// Limits that bound the work per name, so that a hostile name cannot hang screening. A name is
// refused (Status::Limit) when, after its whitespace runs are collapsed, it is longer than
// kMaxNameBytes, or when it has more than kMaxNameTokens tokens once one-letter words that repeat
// an earlier one-letter word are dropped (" x x x" padding). Scoring is quadratic in the tokens
// of the two names, so 128 x 128 token pairs per candidate at most.
constexpr size_t kMaxNameBytes = 4096;
constexpr size_t kMaxNameTokens = 128;

class NameNormalizer {
 public:
  NameNormalizer();
  ~NameNormalizer();
  NameNormalizer(const NameNormalizer&) = delete;
  NameNormalizer& operator=(const NameNormalizer&) = delete;

  // Normalises `name`. Errors, each with a message saying why:
  //   Status::Limit       the name is longer than kMaxNameBytes or has more than kMaxNameTokens
  //                       words (see above);
  //   Status::Corruption  the name has no letters or digits, or is only a legal form;
  //   Status::Error       ICU cannot normalise or transliterate at all (a setup failure: no name
  //                       can be normalised).
  // The first two are problems of this name; the last is fatal. On error `out` is cleared.
  Status Normalize(std::string_view name, NormalizedName* out);

  // The Latin text before tokenisation (for tests and explanations). "" on error.
  // Invalid UTF-8 is replaced and whitespace collapsed as by Normalize().
  std::string ToLatin(std::string_view name);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// A person has no legal form: a one-word form Normalize() read in `name` that can be a name word
// (the short forms it reads only at a name's edge, AO, AG, SA, DOO..., and PAO) becomes that word,
// read as Normalize() reads a word. AG in "GHALI, Iyad ag" (a Tuareg "son of"), PAO in "PAO, Yu
// Liang" and AO in "Ao Wei" (Chinese family names) are names; read as legal forms they weighed 0.3
// and compared only with legal forms: "Iyad Ag Ghali" scored 0.78 against the listed "GHALI, Iyad
// ag". LTD, LLC, OOO and longer forms stay legal forms. A Russian generic word read in English
// (NameToken::written_initial) is read as written: FOND and ROSSINSKIY are family names. Returns
// whether a token changed. The
// matcher applies it to a person's query and to a listed person's names (docs/matching.md, "A
// person has no legal form").
bool ReadAsPersonName(NormalizedName* name);

// The calling thread's normaliser, created on first use.
NameNormalizer& ThreadNameNormalizer();

// Has ICU parse the rules of the Han-Latin transliterator (about 0.2 s of CPU, docs/matching.md
// "Measured speed"). ICU keeps parsed rules process-wide, so the normalisers of every thread then
// build theirs cheaply. Runs on the calling thread; LoadNameRecords runs it on a second thread,
// while it reads on, once it meets a name in Han or Hangul.
void WarmTransliterators();

// a, e, i, o or u.
bool IsLatinVowel(char c);

// The letters before which the Arabic article's l is spoken as the letter itself, as far as
// romanisations write it so (AR-RAHMAN, US-SALAM, UD-DIN; الدين read UDDIN): r s d n t z.
bool IsSunLetter(char c);

// Whether a Latin word (lower-case ASCII) is a spelling of an "Abd al-" compound or of its first
// part, given the word after it (`next`, "" at the end): ABDELAZIZ, ABDURRAHMAN, ABDIRAHMAN,
// ABDRAKHMANOV; ABDUL, ABDEL, and ABDUR before a word beginning with r. `stem` is set to the name
// after the article ("aziz", "rahman"; "" for the first part alone). ABDULLAH is a word of its
// own, and so are ABDI, ABDU, ABDOU and ABDUH. The normaliser writes every such word as ABD AL and
// the stem (docs/matching.md, "Abd al- compounds in Latin script").
bool AbdCompoundStem(std::string_view word, std::string_view next, std::string* stem);

// True when `a` and `b` are at most one insertion, deletion, substitution or transposition apart.
bool WithinOneEdit(std::string_view a, std::string_view b);

// The consonant skeleton used to compare a name written without short vowels: vowels, y, w and
// repeated letters removed ("mohammed" -> "mhmd", "hassan" -> "hsn").
std::string ConsonantSkeleton(std::string_view token);

// A key that folds common romanisation differences: dzh/dj/zh = j, kh = h, ph = f, q = k,
// w = v, c = k (not in ch), ou/oo = u, ee = i, Korean eo/eu = u, e = i, o = u, y = i, doubled
// letters once ("mohammed" and "muhamad" -> "muhamid" and "muhamad"; "qaeda" = "qaida").
std::string PhoneticKey(std::string_view token);

// True when `word` (lower-case ASCII) is a word of a multi-word legal form ("liability",
// "obshchestvo", "joint") or a legal form of five letters or more ("limited"), or is one edit
// from one of those words of six letters or more ("limted", "compnay"): met outside a
// recognised legal form (a misspelt or reordered one), it is weak evidence.
bool IsLegalFormWord(std::string_view word);

// The class ("limited", "jsc", "corp") of a legal form written as the given lower-case ASCII
// words, or "" when they are not one.
std::string LegalFormClass(std::string_view words);

// True when a legal-form token's class is a kind of Russian organisation rather than a legal form
// ("npo", "nii", "kb", "unitary": the normaliser's kOrganisationTypes). Such a token weighs as a
// legal form and compares with tokens of its kind, never with a legal form.
bool IsOrganisationTypeClass(std::string_view type_class);

// Every class IsOrganisationTypeClass knows, from the tables themselves (for its test).
std::vector<std::string> OrganisationTypeClasses();

// True when `words` (lower-case ASCII) is a legal form read as one only at a name's edge, being
// also an ordinary word or name part (AO, SA, CO, PVT, DOO; the 敖 of a Chinese name reads AO).
bool IsEdgeOnlyLegalForm(std::string_view words);

// True when `word` is an English word that a generic word of Chinese company names reads as
// (CHINA, TECHNOLOGY, TRADING, ...; the normaliser's kChineseCompanyWords): generic, however rare
// on the lists.
bool IsChineseCompanyWordReading(std::string_view word);

}  // namespace corridor::names

#endif  // CORRIDOR_ENGINE_NAMES_NORMALIZE_H_
