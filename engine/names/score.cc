#include "engine/names/score.h"

#include "engine/names/structure.h"

#include <algorithm>
#include <bit>
#include <bitset>
#include <cmath>
#include <cstring>
#include <memory>
#include <unordered_set>

namespace corridor::names {

namespace {

// Words so frequent in company names that, without a corpus to learn from, they weigh as if
// they appeared in 300 of the default 50,000 entries.
const std::unordered_set<std::string>& GenericWords() {
  static const auto* words = new std::unordered_set<std::string>{
      "trading",     "trade",      "group",        "company",       "international", "industries",
      "industrial",  "general",    "import",       "export",        "and",           "of",
      "the",         "for",        "holding",      "holdings",      "services",      "investment",
      "development", "technology", "engineering",  "national",      "enterprise",    "enterprises",
      "commercial",  "shipping",   "bank",         "center",        "global",        "new",
      "de",          "al",         "el",           "bin",           "ibn",           "abu",
      "logistics",   "energy",     "construction", "manufacturing", "import",        "management",
  };
  return *words;
}

// Fixed weights of docs/matching.md "Token weights": a legal form says little about identity (every
// third company is "LLC"), an initial a little more; a word of a legal form met on its own is
// likely a misspelt or reordered form, so it weighs between the two and far below any real word.
constexpr double kDefaultCorpusEntries = 50000;
constexpr double kLegalFormWeight = 0.3;
constexpr double kInitialWeight = 1.0;
constexpr double kLegalFormWordWeight = 0.5;  // "liability" outside a recognised legal form
// A kind of organisation (NPO, RESEARCH INSTITUTE: IsOrganisationTypeClass) says more than a
// legal form and less than a rare word: at a legal form's weight, JOINT STOCK COMPANY MACHINE
// BUILDING DESIGN BUREAU met five MACHINE BUILDING PLANTs of the lists at 0.80 or more
// (docs/matching.md, "Kinds of Russian organisation", has the weights tried).
constexpr double kOrganisationTypeWeight = 2.5;
// Similarity at most of a word and the same word with letters added (SAMI, SAMIR; MOHAMMAD,
// MOHAMMADREZA).
constexpr double kExtendedWord = 0.5;
// Similarity of two different words of at most two letters with the same phonetic key.
constexpr double kShortWordKeyMatch = 0.8;
// Score factor when each name gives a number, direction or country the other does not.
constexpr double kContradictingWordFactor = 0.7;
// Similarity of two initials and a word of their two letters (AlignmentCandidates).
constexpr float kInitialsWordSimilarity = 0.95f;
// Similarity of two Korean words whose readings differ only by final N and NG (KoreanReading).
constexpr double kKoreanFinalNgMatch = 0.85;
// Two words joined to match one (quan guo = quanguo) must agree at least this well: a loose
// join ("max sani" ~ "maxai", "fei yang" ~ "fianga") turns two unrelated words into a match.
constexpr double kMinJoinedSimilarity = 0.9;
// Similarity of two long words that differ only in a vowel or two (SameConsonantFrame).
constexpr double kVowelsOnlySimilarity = 0.9;
// A name of two or more words none of which is spelled as listed (every aligned word a variant
// or a near miss: "Sandra Quintero" ~ "SADRA CENTER") is scaled by this factor.
constexpr double kUnconfirmedFactor = 0.85;
// A name that shares only common given and family names with another when either has a word the
// other does not give (MIKHAIL KUZMIN ~ KUZMIN, Mikhail Vladimirovich: thousands of people bear the
// two words, and the listed person's other word is not given) is scaled by this factor, when the
// words are common in one population (ScoringToken::populations). Names
// giving each other's every word are not: a listed name must match however common its words are.
constexpr double kCommonPartialFactor = 0.85;
// A word aligned below this similarity is not given by the other name (CARMEN ~ CAROLINA).
constexpr double kLeftoverSimilarity = 0.7;
// Generic company words a listed organisation's name may add to a query it holds in full and
// still be its complete name (ScoreNames, IsCompanyDescriptor).
constexpr size_t kMostDescriptors = 2;
// Similarity at or above which an aligned word confirms the name: the same spelling (1, held as
// a float). Names compared by consonant skeleton (an abjad name against a Latin one) never agree
// in spelling, so the rule does not apply to them: it would take every Arabic-script name of a
// listed person below the threshold (SADDAM HUSSEIN AL-TIKRITI: 0.74), a worse error than the
// false alerts it saves (docs/matching.md, "Precision at scale").
constexpr double kConfirmingSimilarity = 0.999;
// Similarity at or above which two words are one name spelled two ways: an equal phonetic key or
// learned variant (0.95, held as a float), or a spelling as near.
constexpr double kVariantSimilarity = 0.949;

bool HasDigit(std::string_view text) {
  for (char c : text) {
    if (c >= '0' && c <= '9') return true;
  }
  return false;
}

// Maps a Jaro-Winkler similarity to the strength of evidence for a match, piecewise linearly
// through (0.7, 0), (0.8, 0.35), (0.88, 0.7), (0.95, 0.9), (1, 1).
double Evidence(double jw) {
  static const double kPoints[][2] = {{0.7, 0}, {0.8, 0.35}, {0.88, 0.7}, {0.95, 0.9}, {1, 1}};
  if (jw <= kPoints[0][0]) return 0;
  for (size_t i = 1; i < 5; ++i) {
    if (jw <= kPoints[i][0]) {
      double t = (jw - kPoints[i - 1][0]) / (kPoints[i][0] - kPoints[i - 1][0]);
      return kPoints[i - 1][1] + t * (kPoints[i][1] - kPoints[i - 1][1]);
    }
  }
  return 1;
}

// Words whose lengths are more than 5:3 apart score 0 whatever Jaro-Winkler says: its prefix bonus
// would otherwise make "al" ~ "alexander" look like evidence. Integer arithmetic avoids rounding
// at the boundary.
bool LengthsCompatible(size_t a, size_t b) {
  size_t shorter = std::min(a, b);
  size_t longer = std::max(a, b);
  return shorter * 10 >= longer * 6;
}
bool LengthsCompatible(std::string_view a, std::string_view b) {
  return LengthsCompatible(a.size(), b.size());
}

// The letters of an abjad word's skeleton, dh counted as one (ذ ظ ض, which a vowelled name writes
// z or d: ضيا, dhya, skeleton dh, is ZIA, z). Not th: it is also ط and ه (طه, TAHA). A gh (غ) is
// one letter in the skeleton already (q, ConsonantSkeleton).
size_t AbjadLetters(std::string_view skeleton) {
  size_t letters = skeleton.size();
  for (size_t i = 1; i < skeleton.size(); ++i) {
    if (skeleton[i] == 'h' && skeleton[i - 1] == 'd') --letters;
  }
  return letters;
}

struct WordForms {
  std::string_view text, skeleton, phonetic;
  int syllables = 0;
  bool patronymic = false;
  uint32_t variant = 0;
  bool abjad = false;            // the word is of an abjad name (compared against a vowelled one)
  bool common = false;           // a common given or family name (ScoringToken::common)
  std::string_view korean = {};  // ScoringToken::korean
  std::string_view wade_giles = {};  // ScoringToken::wade_giles
};

// Folds a romanised word for AbjadSimilarity: doubled letters once (shadda is rarely written),
// c = k (not in ch; on the vowelled side a c before e, i or y is s), the vowelled side's q = k
// (the abjad side's q is ق, read in reads_as), ph = f and, on the vowelled side, v = w (Persian
// JAVAD, Arabic JAWAD: one letter waw). th and dh stay: the abjad side writes ث and ذ so, but also
// ط + ه (طه, TAHA).
void FoldForAbjad(std::string_view word, bool vowelled, std::string* folded) {
  std::string& out = *folded;
  out.clear();
  for (size_t i = 0; i < word.size(); ++i) {
    char c = word[i];
    char next = i + 1 < word.size() ? word[i + 1] : 0;
    if (c == 'p' && next == 'h') {
      c = 'f';
      ++i;
    } else if (vowelled && c == 'c' && (next == 'e' || next == 'i' || next == 'y')) {
      c = 's';  // a soft c: LOUNICI, BELGACEM (س)
    } else if ((vowelled && c == 'q') || (c == 'c' && next != 'h')) {
      c = 'k';  // the abjad side keeps q (ق), which may read as g (reads_as)
    } else if (vowelled && c == 'v') {
      c = 'w';
    } else if (vowelled && c == 'd' && next == 'j') {
      continue;  // French romanisation: DJAMEL, DJAAFAR (ج, j)
    }
    // Doubled letters once, but not an h after a digraph (شه, shh: SHAHAB) and not a doubled
    // ya or waw of an abjad word, which are two letters (يحيى, yhyy: YAHYA).
    bool digraph_h =
        c == 'h' && out.size() >= 2 && out[out.size() - 1] == 'h' &&
        std::string_view("skgtdzc").find(out[out.size() - 2]) != std::string_view::npos;
    bool long_vowels = !vowelled && (c == 'y' || c == 'w');
    // A Latin ii is two letters: an ain left out between them (RABI'I, RABII for ربيعي).
    bool two_i = vowelled && c == 'i';
    if (!out.empty() && out.back() == c && !digraph_h && !long_vowels && !two_i) continue;
    out += c;
  }
}

// Whether the abjad word's letters after a[i] (an h, ه) are the Persian ending ی or ای alone, as in
// خامنه‌ای (khamnhay) and گنجه‌ای: the ه is then a vowel, not a consonant.
bool PersianEndingAfter(std::string_view a, size_t i) {
  // Not the h of a digraph (sh, kh, gh, zh, th, dh, ch: پاشای is PASHAY, not PASEI).
  if (i < 2 || a[i] != 'h' || std::strchr("skgztdc", a[i - 1]) != nullptr) return false;
  std::string_view rest = a.substr(i + 1);
  return rest == "y" || rest == "ay";
}

// AbjadDistance's costs, in half steps (every cost of a reading is a multiple of 0.5), so the
// table is reckoned in integers. `a` is the abjad word's fold, `letters` its letters other than
// ع (o), which the length rules leave out: علی (oly) is ALI, not ELA.

// What reading the abjad word's letter a[i] as the vowelled word's letter c costs.
int ReadsAsHalfSteps(std::string_view a, size_t letters, size_t i, char c) {
  const size_t n = a.size();
  char x = a[i];
  if (x == c) return 0;
  // ق is q, k or c in most romanisations (QADIR, KADIR), g in the Maghreb's and the Gulf's
  // (GASMI, BELGACEM), gh in some (GHEDEIR: its h then costs nothing more, below): g at half a
  // step, as g is also ك's and ج's letter elsewhere.
  if (x == 'q') return c == 'k' ? 0 : (c == 'g' ? 1 : 2);
  // Persian and Urdu speak ث (th) as s and ذ (dh) as z, and write them so: SANAULLAH, NAZIR (the
  // h then goes unwritten, below). ض comes out of the romanisation as d, like د, but is z there
  // too (REZA, ZIA, FAIZ): half a step.
  const char after = i + 1 < n ? a[i + 1] : 0;
  if (x == 't' && after == 'h' && c == 's') return 0;
  // French romanisation writes ش as ch (AKKACHA, ALOUCHE): half a step, as ch is چ elsewhere.
  if (x == 's' && after == 'h' && c == 'c') return 1;
  if (x == 'd' && c == 'z') return after == 'h' ? 0 : 1;
  // ژ (zh) is written j as often as zh in Persian names: AHMADINEJAD, BIJAN, MANIJEH (its h then
  // goes unwritten, below).
  if (x == 'z' && after == 'h' && c == 'j' && i + 2 < n &&
      std::string_view("awy").find(a[i + 2]) != std::string_view::npos) {
    return 0;
  }
  // dh is ذ, and ظ and ض as the normaliser gives them (engine/names/urdu_latin.txt); ظ and ذ are
  // also written th (KATHIM, THIYAB): half a step, as th is ث's own letter.
  if (x == 'd' && after == 'h' && c == 't') return 1;
  // A final t is often ta marbuta (ة), written h, a or e: FATIMAH, FATIMA, FATEMEH.
  if (x == 't' && i + 1 == n && (c == 'h' || c == 'a' || c == 'e')) return 0;
  // A final ه is a vowel in Persian and Pashto names, written a or e: زاده ZADA, ZADE. So is one
  // before the Persian ending ی or ای (after a non-joining space, which the normaliser drops):
  // خامنه‌ای KHAMENEI, KHAMENE'I. Before ای it can be nothing else (after a consonant
  // the ending is ی alone: شاهی SHAHI), so it costs nothing there.
  if (x == 'h' && letters >= 3 && (c == 'a' || c == 'e')) {
    if (PersianEndingAfter(a, i)) return a.substr(i + 1) == "ay" ? 0 : 1;
    if (i + 1 == n) return 1;
  }
  if (x == 'a') {
    // At the start the alif carries any vowel; so does the elided alif of the article inside a
    // compound (عبدالله, حميدالله: ABDULLAH, HAMIDULLAH).
    if (i == 0 || (i + 1 < n && a[i + 1] == 'l')) return IsLatinVowel(c) ? 0 : 2;
    if (c == 'o') return 0;
    return c == 'e' ? 1 : 2;
  }
  // ع (o, engine/names/urdu_latin.txt) is written as the vowel it carries (ALI, OMAR, UMAR).
  if (x == 'o') return IsLatinVowel(c) ? 0 : 2;
  if (x == 'w') return c == 'u' || c == 'o' ? 0 : 2;
  if (x == 'y') {
    if (c == 'i' || c == 'e') return 0;
    // A final ya may be alif maqsura (ى), spoken a: مصطفى MUSTAFA, يحيى YAHYA, عيسى ISA. The
    // romanisation no longer tells it from ي, so it costs half a step, and only in words of
    // three letters or more (علی is ALI, not ELA).
    return c == 'a' && i + 1 == n && letters >= 3 ? 1 : 2;
  }
  return 2;
}

// What leaving the abjad word's letter a[i] unwritten in the vowelled word costs.
int UnwrittenHalfSteps(std::string_view a, size_t i) {
  const size_t n = a.size();
  // The alif of the Persian ending ای after a silent ه only carries its vowel: خامنه‌ای
  // KHAMENEI.
  if (a[i] == 'a' && i >= 3 && a[i - 1] == 'h' && PersianEndingAfter(a, i - 1)) return 0;
  // The h of th (ث) and dh (ذ) read as s or z, or as t or d (TARWAT for ثروت).
  if (i > 0 && a[i] == 'h' && (a[i - 1] == 't' || a[i - 1] == 'd')) return 0;
  // The h of zh (ژ) read as j, before a long vowel (نژاد: NEJAD). Not at the end nor before a
  // consonant, where zh is more often ز and ه (حمزه HAMZA, زهرا ZAHRA).
  if (i > 0 && a[i] == 'h' && a[i - 1] == 'z' && i + 1 < n &&
      std::string_view("awy").find(a[i + 1]) != std::string_view::npos) {
    return 0;
  }
  if (a[i] == 'o') return 0;  // ع, often left out or written ' (TALI for طالع, SAEED)
  // غ (gh) written g, as Turkish, French and Tuareg romanisation do (اغ: AG): half a step.
  if (i > 0 && a[i] == 'h' && a[i - 1] == 'g') return 1;
  if (i == 0 || i + 1 == n) return 2;  // a first or last letter is always romanised (ALI, ABU)
  // The article's l before a "sun letter" (t, th, d, dh, r, z, s, sh, n) is spoken as that
  // letter, and romanised so: الدين (aldyn) is UDDIN / EDDINE, الرحمن (alrhmn) URRAHMAN.
  if (a[i] == 'l' && a[i - 1] == 'a' && IsSunLetter(a[i + 1])) {
    return 0;
  }
  return 2;
}

// What the vowelled word's letter l[j] with nothing for it in the abjad word costs once the abjad
// word's letters up to `last_read` (its last letter read; 0 before any) are read, all of them
// when `all_read`: a short vowel is free, but not after the last letter (a final vowel is
// written: alif, ya, ta marbuta; MARIANA is not عمران).
int AddedHalfSteps(std::string_view a, std::string_view l, char last_read, bool all_read,
                   size_t j) {
  const size_t n = a.size(), m = l.size();
  char c = l[j];
  if (IsLatinVowel(c)) {
    if (!all_read) return 0;
    // French romanisation's silent e after ch for ش: ALOUCHE, AKKACHE.
    if (c == 'e' && j + 1 == m && j >= 2 && l[j - 1] == 'h' && l[j - 2] == 'c' && n >= 2 &&
        a[n - 1] == 'h' && a[n - 2] == 's') {
      return 0;
    }
    if (a[n - 1] == 'h') return 1;  // a final ه is often a vowel: TAHA, FATEMEH, ZOHREH
    // French romanisation writes a silent final e after n: NOUREDDINE, AMINE, YASSINE.
    return c == 'e' && j + 1 == m && a[n - 1] == 'n' ? 0 : 2;
  }
  if ((c == 'h' && j + 1 == m) || c == 'y' || c == 'w') return 1;
  // South Asian romanisation writes د as dh (SINDHI for السندي): half a step.
  if (c == 'h' && j > 0 && l[j - 1] == 'd' && last_read == 'd') return 1;
  // The h of gh written for ق (GHEDEIR): the g already cost half a step.
  if (c == 'h' && j > 0 && l[j - 1] == 'g' && last_read == 'q') return 0;
  return 2;
}

// An abjad word as AbjadDistance reads it: its fold, and what its letters cost, kept between
// calls (a search reads one word against many). `reads` holds ReadsAsHalfSteps for each letter
// and a-z, each reckoned when first asked.
struct AbjadReading {
  static constexpr uint8_t kUnknown = 255;
  std::string source, a;
  size_t letters = 0;
  std::vector<uint8_t> skip;   // UnwrittenHalfSteps per letter
  std::vector<uint8_t> reads;  // a.size() x 26
  bool amr = false;            // the word is عمرو (AbjadDistance)

  void Assign(std::string_view word) {
    source.assign(word);
    FoldForAbjad(word, false, &a);
    amr = a == "omrw";
    letters = a.size() - static_cast<size_t>(std::count(a.begin(), a.end(), 'o'));
    skip.resize(a.size());
    for (size_t i = 0; i < a.size(); ++i) skip[i] = UnwrittenHalfSteps(a, i);
    reads.assign(a.size() * 26, kUnknown);
  }
  int ReadsAs(size_t i, char c) {
    if (c < 'a' || c > 'z') return ReadsAsHalfSteps(a, letters, i, c);
    uint8_t& known = reads[i * 26 + static_cast<size_t>(c - 'a')];
    if (known == kUnknown) known = static_cast<uint8_t>(ReadsAsHalfSteps(a, letters, i, c));
    return known;
  }
};

// The last two abjad words AbjadDistance read. A search reads one abjad word against many
// vowelled ones (AbjadSimilarity with and without its article, in turn), so most are found here.
// What Get returns stays valid until the next Get that misses.
class RecentAbjadReadings {
 public:
  AbjadReading& Get(std::string_view word) {
    for (size_t k = 0; k < 2; ++k) {
      if (used_[k] && entries_[k].source == word) return entries_[k];
    }
    size_t k = next_;
    next_ ^= 1;
    used_[k] = true;
    entries_[k].Assign(word);
    return entries_[k];
  }

 private:
  AbjadReading entries_[2];
  bool used_[2] = {false, false};
  size_t next_ = 0;
};

// True when FoldForAbjad leaves the vowelled word as it is: no c, q or v, no ph or dj, and no
// doubled letter but ii. Most words of a Latin name are so, and need no copy.
bool FoldsToItself(std::string_view word) {
  for (size_t i = 0; i < word.size(); ++i) {
    char c = word[i];
    if (c == 'c' || c == 'q' || c == 'v') return false;
    if (i + 1 < word.size()) {
      char next = word[i + 1];
      if ((c == 'p' && next == 'h') || (c == 'd' && next == 'j')) return false;
      if (next == c && c != 'i') return false;
    }
  }
  return true;
}

// How far a word of an abjad name (romanised by the normaliser: consonants, ظ ض ذ as dh, ع as o,
// and the long vowels alif, waw and ya as a, w and y; short vowels unwritten) is from a vowelled
// romanisation of a name, as the least cost of reading one as the other:
//   - a vowel of the vowelled word where the abjad word has nothing: free (a short vowel), but 1
//     after the abjad word's last letter (a final vowel is written; 0.5 after a final h, 0 for
//     French romanisation's silent e after a final n: AMINE, NOUREDDINE);
//   - the article's l before a sun letter (t, d, r, z, s, n and th, dh, sh): free, as it is
//     spoken as that letter (الدين, aldyn: UDDIN, EDDINE; الرحمن: URRAHMAN);
//   - alif = a or o (e: 0.5; at the start, where it carries any vowel: any vowel); waw = u, o or w;
//     ya = i, e or y (a final ya, which may be alif maqsura, = a at 0.5: MUSTAFA); the same
//     consonant: free;
//   - ain (o) = any vowel or nothing; dh (ذ ظ ض) = d or z, or th at 0.5;
//   - any letter left out, added or changed: 1 (an added final h, FATIMAH, or glide y or w: 0.5).
//     A waw or ya is not left out for less: HUSAYN, HUSAIN, HUSEN all read every letter of حسين,
//     and HASSAN, which replaces its ya with a vowel, is another name (حسن).
// So عمران (omran) is IMRAN at cost 0 and MARINA at 1; آصف (asf) is ASIF at 0 and SEIF at 1;
// علی (oly) is ALI at 0 and ELA at 1.
// Beyond `limit` the exact distance does not matter: once every cell of a row exceeds it, so does
// the result (costs are never negative), and the row's least value is returned. Reckoned in half
// steps with the costs above.
double AbjadDistance(std::string_view abjad_word, std::string_view vowelled_word,
                     double limit = 1.5) {
  // Per-thread buffers: this runs for every abjad-Latin word pair a search compares.
  thread_local RecentAbjadReadings abjad_words;
  thread_local std::string vowelled_source, vowelled_fold;  // the last vowelled word folded
  thread_local std::vector<int> previous, current, added_inside, added_after;
  AbjadReading& reading = abjad_words.Get(abjad_word);
  const std::string_view a = reading.a;
  std::string_view l = vowelled_word;
  if (!FoldsToItself(vowelled_word)) {
    if (vowelled_source != vowelled_word) {
      vowelled_source.assign(vowelled_word);
      FoldForAbjad(vowelled_word, true, &vowelled_fold);
    }
    l = vowelled_fold;
  }
  const size_t n = a.size(), m = l.size();
  if (n == 0 || m == 0) return static_cast<double>(n + m);
  // The final waw of عمرو is not spoken: it is written to tell Amr from Umar (عمر). So عمرو is
  // AMR, AMRO or AMROU (no vowel between its m and r), read in full; OMAR and UMAR are عمر.
  if (reading.amr && m >= 3 && IsLatinVowel(l[0]) && l[1] == 'm' && l[2] == 'r' &&
      std::all_of(l.begin() + 3, l.end(), IsLatinVowel)) {
    return 0;
  }
  const int limit_half_steps = static_cast<int>(std::floor(limit * 2));
  // What an added letter costs depends on the row only through the last abjad letter read (a d
  // or a q) and whether it is the word's last: one array for the rows that do not care (it reads
  // the vowelled word alone), and one filled when a d or q row or the last row needs it.
  added_inside.resize(m);
  added_after.resize(m);
  char added_after_letter = 0;  // the letter added_after is for
  previous.resize(m + 1);
  current.resize(m + 1);
  previous[0] = 0;
  for (size_t j = 1; j <= m; ++j) {
    added_inside[j - 1] = AddedHalfSteps(a, l, 0, false, j - 1);
    previous[j] = previous[j - 1] + added_inside[j - 1];
  }
  for (size_t i = 1; i <= n; ++i) {
    const char letter = a[i - 1];
    const int* added = added_inside.data();
    if (i == n) {
      for (size_t j = 0; j < m; ++j) added_after[j] = AddedHalfSteps(a, l, letter, true, j);
      added = added_after.data();
    } else if (letter == 'd' || letter == 'q') {
      if (added_after_letter != letter) {
        for (size_t j = 0; j < m; ++j) added_after[j] = AddedHalfSteps(a, l, letter, false, j);
        added_after_letter = letter;
      }
      added = added_after.data();
    }
    const int skip = reading.skip[i - 1];  // the same for the whole row
    current[0] = previous[0] + skip;
    int row_least = current[0];
    for (size_t j = 1; j <= m; ++j) {
      int best = previous[j - 1] + reading.ReadsAs(i - 1, l[j - 1]);
      best = std::min(best, previous[j] + skip);
      best = std::min(best, current[j - 1] + added[j - 1]);
      current[j] = best;
      row_least = std::min(row_least, best);
    }
    if (row_least > limit_half_steps) return row_least / 2.0;
    std::swap(previous, current);
  }
  return previous[m] / 2.0;
}

// The similarity of an abjad word and a vowelled one from AbjadDistance: 0.95 when one reads as
// the other (the strength of an equal phonetic key: a reading, not a spelling), 0.85 at a half
// step (a long vowel left out), and for longer words some evidence at one or one and a half
// steps; nothing beyond. Consonant skeletons alone (the former method) let عمران (Imran) be
// MARINA at 0.94 and علی (Ali) be ELA.
double AbjadSimilarity(std::string_view abjad_word, std::string_view vowelled_word) {
  // ع (o) aside, as before it was written (engine/names/urdu_latin.txt).
  const size_t letters = abjad_word.size() -
                         static_cast<size_t>(std::count(abjad_word.begin(), abjad_word.end(), 'o'));
  // Beyond this distance the similarity is 0 (below), so no reading need be reckoned further.
  const double limit = letters >= 6 ? 1.5 : 1;
  double distance = AbjadDistance(abjad_word, vowelled_word, limit);
  // ABDUL, ABDEL, ABDUR: the vowelled word carries the article of the next word (عبد الحكيم =
  // ABDUL HAKIM), which the abjad side writes with that word; so do ANSARUL, BILADIS and AHLIS
  // (before a sun letter). Not -AN and -IN: they end Persian family names made of given names
  // (JAVIDAN is not جاوید, JAVID, with an article: 0.85 before 2026-12-07).
  if (distance > 0 && vowelled_word.size() >= abjad_word.size() + 2 && vowelled_word.size() > 3) {
    std::string_view end = vowelled_word.substr(vowelled_word.size() - 2);
    if (IsLatinVowel(end[0]) && !(end[1] == 'n' && (end[0] == 'a' || end[0] == 'i')) &&
        (end[1] == 'l' || end[1] == 'r' || end[1] == 's' || end[1] == 'd' || end[1] == 'n' ||
         end[1] == 'z')) {
      distance =
          std::min(distance, 0.5 + AbjadDistance(abjad_word,
                                                 vowelled_word.substr(0, vowelled_word.size() - 2),
                                                 std::min(1.0, limit - 0.5)));
    }
  }
  // The article al- (ال) is part of the abjad word; the vowelled name may write it apart
  // (AL-TIKRITI as al + tikriti) or leave it out: التكريتي (altkryty) reads as TIKRITI.
  // A vowelled word may begin with al without the article (ALFI, ALAM): الالفي (alalfy) is EL
  // ALFI, its EL a particle.
  if (distance > 0 && abjad_word.size() >= 4 && abjad_word.substr(0, 2) == "al") {
    distance = std::min(distance, AbjadDistance(abjad_word.substr(2), vowelled_word, limit));
  }
  if (distance <= 0) return 0.95;
  if (distance <= 0.5) return 0.85;
  if (distance <= 1) return letters >= 5 ? 0.7 : 0.45;
  if (distance <= 1.5) return letters >= 6 ? 0.55 : 0;
  return 0;
}

// True when one word is the other with letters added, other than a single final
// "s" or "h"; or the other without its final "h" and a Russian family-name ending added (ABDULLAH /
// ABDULLAEV, the family name Central Asia and Russia make of the given name, which drops the h).
bool IsExtension(std::string_view a, std::string_view b) {
  std::string_view shorter = a.size() < b.size() ? a : b;
  std::string_view longer = a.size() < b.size() ? b : a;
  if (shorter.size() < 3 || longer.size() == shorter.size()) {
    return false;
  }
  if (shorter.size() >= 5 && shorter.back() == 'h' &&
      longer.substr(0, shorter.size() - 1) == shorter.substr(0, shorter.size() - 1)) {
    // Only the Russian family-name endings: HAMIEAH / HAMIEH is one name spelled two ways.
    const std::string_view added = longer.substr(shorter.size() - 1);
    for (std::string_view ending : {"ev", "ov", "eva", "ova", "yev", "yeva", "iev", "ieva"}) {
      if (added == ending) return true;
    }
  }
  if (longer.substr(0, shorter.size()) != shorter) return false;
  return !(longer.size() == shorter.size() + 1 && (longer.back() == 's' || longer.back() == 'h'));
}

// The consonants of a word as spellings of one name in Latin languages differ in them: vowels,
// y and w left out, an h after a consonant too (THOMAS / TOMAS, MIKHAIL / MICHAEL), ph as f;
// voiced and voiceless letters alike (AHMED / AHMET, SCHMIDT / SCHMITT, STEPHEN / STEVEN,
// ALVAREZ / ALVARES); c and q as k, x as ks, dj as j; doubled letters once. An h after a vowel or
// at the start stays: MAHMOUD is not HAMMOUD, FERNANDEZ not HERNANDEZ.
std::string LooseSkeleton(std::string_view word) {
  std::string out;
  auto emit = [&out](char c) {
    if (out.empty() || out.back() != c) out += c;
  };
  for (size_t i = 0; i < word.size(); ++i) {
    char c = word[i];
    if (IsLatinVowel(c) || c == 'y' || c == 'w') continue;
    if (c == 'h' && i > 0 && !IsLatinVowel(word[i - 1]) && word[i - 1] != 'y' &&
        word[i - 1] != 'w' && word[i - 1] != 'h') {
      continue;
    }
    if (c == 'p' && i + 1 < word.size() && word[i + 1] == 'h') c = 'f';
    // French romanisation's dj is j (DJAMEL / JAMAL, DJAFAR / JAFAR).
    if (c == 'd' && i + 1 < word.size() && word[i + 1] == 'j') continue;
    switch (c) {
      case 'd':
        c = 't';
        break;
      case 'b':
        c = 'p';
        break;
      case 'g':
        c = 'k';
        break;
      case 'v':
        c = 'f';
        break;
      case 'z':
        c = 's';
        break;
      case 'q':
      case 'c':
        c = 'k';
        break;
      case 'x':
        emit('k');
        c = 's';
        break;
      default:
        break;
    }
    emit(c);
  }
  return out;
}

// An abjad word's letters that tell one name from another: doubled letters once (a shadda
// written out or not), an alif after the second letter left out (Arabic writes some long a's not
// at all, Persian and Urdu write them: الرحمن, الرحمان; اسحق, اسحاق; one right after the first
// letter tells names apart: عمر, عامر), a final t read as h (ta marbuta, ة, is written ه too).
std::string AbjadSpelling(std::string_view word) {
  std::string out;
  for (size_t i = 0; i < word.size(); ++i) {
    const char c = word[i];
    if (i > 1 && c == 'a') continue;
    if (out.empty() || out.back() != c) out += c;
  }
  if (!out.empty() && out.back() == 't') out.back() = 'h';
  return out;
}

// True when the words differ only in a final t against a final h.
bool SameUpToFinalTH(std::string_view a, std::string_view b) {
  if (a.size() != b.size() || a.empty()) return false;
  const char x = a.back(), y = b.back();
  return ((x == 't' && y == 'h') || (x == 'h' && y == 't')) &&
         a.substr(0, a.size() - 1) == b.substr(0, b.size() - 1);
}

// What a number word, a compass direction or one of the country names and adjectives that differ
// by a letter or two (IRAN, IRAQ; AUSTRIA, AUSTRALIA) stands for: one key for the forms of one
// thing (IRAN and IRANIAN; NORTHWEST and NORTHWESTERN; TWO, SECOND and 2), "" for any other word.
// Two words of different keys are different words; a number in digits is its digits.
std::string_view ContrastKey(std::string_view word) {
  if (word.empty() || word.size() > 13) return "";
  if (std::all_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return word.size() > 1 && word[0] == '0' ? std::string_view() : word;
  }
  static const auto* keys =
      new std::unordered_map<std::string_view, std::string_view>{{"one", "1"},
                                                                 {"first", "1"},
                                                                 {"two", "2"},
                                                                 {"second", "2"},
                                                                 {"three", "3"},
                                                                 {"third", "3"},
                                                                 {"four", "4"},
                                                                 {"fourth", "4"},
                                                                 {"five", "5"},
                                                                 {"fifth", "5"},
                                                                 {"six", "6"},
                                                                 {"sixth", "6"},
                                                                 {"seven", "7"},
                                                                 {"seventh", "7"},
                                                                 {"eight", "8"},
                                                                 {"eighth", "8"},
                                                                 {"nine", "9"},
                                                                 {"ninth", "9"},
                                                                 {"ten", "10"},
                                                                 {"tenth", "10"},
                                                                 {"eleven", "11"},
                                                                 {"eleventh", "11"},
                                                                 {"twelve", "12"},
                                                                 {"twelfth", "12"},
                                                                 {"thirteen", "13"},
                                                                 {"thirteenth", "13"},
                                                                 {"fourteen", "14"},
                                                                 {"fourteenth", "14"},
                                                                 {"fifteen", "15"},
                                                                 {"fifteenth", "15"},
                                                                 {"sixteen", "16"},
                                                                 {"sixteenth", "16"},
                                                                 {"seventeen", "17"},
                                                                 {"seventeenth", "17"},
                                                                 {"eighteen", "18"},
                                                                 {"eighteenth", "18"},
                                                                 {"nineteen", "19"},
                                                                 {"nineteenth", "19"},
                                                                 {"twenty", "20"},
                                                                 {"twentieth", "20"},
                                                                 {"thirty", "30"},
                                                                 {"thirtieth", "30"},
                                                                 {"forty", "40"},
                                                                 {"fifty", "50"},
                                                                 {"sixty", "60"},
                                                                 {"seventy", "70"},
                                                                 {"eighty", "80"},
                                                                 {"ninety", "90"},
                                                                 {"hundred", "100"},
                                                                 {"thousand", "1000"},
                                                                 {"million", "1000000"},
                                                                 {"north", "n"},
                                                                 {"northern", "n"},
                                                                 {"south", "s"},
                                                                 {"southern", "s"},
                                                                 {"east", "e"},
                                                                 {"eastern", "e"},
                                                                 {"west", "w"},
                                                                 {"western", "w"},
                                                                 {"northeast", "ne"},
                                                                 {"northeastern", "ne"},
                                                                 {"northwest", "nw"},
                                                                 {"northwestern", "nw"},
                                                                 {"southeast", "se"},
                                                                 {"southeastern", "se"},
                                                                 {"southwest", "sw"},
                                                                 {"southwestern", "sw"},
                                                                 {"iran", "iran"},
                                                                 {"iranian", "iran"},
                                                                 {"iraq", "iraq"},
                                                                 {"iraqi", "iraq"},
                                                                 {"austria", "austria"},
                                                                 {"austrian", "austria"},
                                                                 {"australia", "australia"},
                                                                 {"australian", "australia"},
                                                                 {"slovakia", "slovakia"},
                                                                 {"slovak", "slovakia"},
                                                                 {"slovenia", "slovenia"},
                                                                 {"slovenian", "slovenia"},
                                                                 {"niger", "niger"},
                                                                 {"nigerien", "niger"},
                                                                 {"nigeria", "nigeria"},
                                                                 {"nigerian", "nigeria"},
                                                                 {"gambia", "gambia"},
                                                                 {"gambian", "gambia"},
                                                                 {"zambia", "zambia"},
                                                                 {"zambian", "zambia"}};
  // Asked of every pair of words a search compares: a word whose first letter and length no key
  // has is answered without hashing it.
  static const auto* possible = [] {
    auto* bits = new std::bitset<26 * 14>;
    for (const auto& [key_word, key] : *keys) bits->set((key_word[0] - 'a') * 14 + key_word.size());
    return bits;
  }();
  if (word[0] < 'a' || word[0] > 'z' || !possible->test((word[0] - 'a') * 14 + word.size())) {
    return "";
  }
  auto found = keys->find(word);
  return found == keys->end() ? std::string_view() : found->second;
}

// Two Korean readings (KoreanReading) alike but for a final NG written N in one of them.
bool SameUpToKoreanFinalNg(std::string_view a, std::string_view b) {
  if (a == b || a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    const char x = a[i] == 'N' ? 'n' : a[i];
    const char y = b[i] == 'N' ? 'n' : b[i];
    if (x != y) return false;
  }
  return true;
}

// True when two family names of the Russian form (-ov, -ev, -ova, -eva) differ only in an o
// written for an a: Uzbek and Tajik write Russian's unstressed a as o (USMONOV / USMANOV,
// RAKHMONOV / RAKHMANOV, SULTONOV / SULTANOV), one name in two romanisations.
bool SameUpToCentralAsianO(std::string_view a, std::string_view b) {
  if (a.size() != b.size() || a.size() < 6) return false;
  auto russian_form = [](std::string_view w) {
    return w.ends_with("ov") || w.ends_with("ev") || w.ends_with("ova") || w.ends_with("eva");
  };
  if (!russian_form(a) || !russian_form(b)) return false;
  bool swapped = false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i] == b[i]) continue;
    if ((a[i] == 'a' && b[i] == 'o') || (a[i] == 'o' && b[i] == 'a')) {
      swapped = true;
      continue;
    }
    return false;
  }
  return swapped;
}

// Whether two phonetic keys are one consonant frame with other vowels in one or two places:
// the same length, every consonant the same and in the same place, five consonants or more, the
// last letter the same (HEZBOLLAH / HIZBALLAH: hizbulah, hizbalah). Romanisations of Arabic and
// Persian write the short vowels as they hear them; Jaro-Winkler counts the moved vowel as a
// transposition (0.78 for that pair before 2026-12-05, so "Hezbollah" found nothing at 0.8 on
// the lists that write HIZBALLAH). Shorter words keep Jaro-Winkler's judgement: JAMIL / JAMAL,
// KAMIL / KAMAL are two names.
bool SameConsonantFrame(std::string_view a, std::string_view b) {
  if (a.size() != b.size() || a.empty() || a.back() != b.back()) return false;
  int consonants = 0, other_vowels = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    const bool vowel = IsLatinVowel(a[i]);
    if (vowel != IsLatinVowel(b[i])) return false;
    if (!vowel) {
      if (a[i] != b[i]) return false;
      ++consonants;
    } else if (a[i] != b[i]) {
      ++other_vowels;
    }
  }
  return consonants >= 5 && other_vowels >= 1 && other_vowels <= 2;
}

// A phonetic key with g as k (`qaf`; q keys k already) and dh as d (`dhal`), doubled letters once.
std::string QafDhalFold(std::string_view key, bool qaf, bool dhal) {
  std::string out;
  for (size_t i = 0; i < key.size(); ++i) {
    const char c = qaf && key[i] == 'g' ? 'k' : key[i];
    if (dhal && c == 'h' && i > 0 && key[i - 1] == 'd') continue;
    if (out.empty() || out.back() != c) out += c;
  }
  return out;
}

// Whether two Latin words are one Arabic or Persian name whose qaf or dhal the romanisations
// write as they hear it. Qaf is Q or K in the classical spelling, G in Libyan, Gulf and Egyptian
// speech and GH in Persian (QASEM / GHASEM); dhal is DH or D. So a g and a k are one letter when
// one of the words writes a q, and DH is D when the words differ in a qaf too (QADHAFI / GADDAFI /
// KADHAFI) or one writes a q (QADHAFI / QADDAFI), outside the commonest names. A g against a k
// alone stays two names (GAMAL, جمال, is not KAMAL, كمال), and so does an h after a d alone: it is
// a letter of its own in ADHAM (أدهم), not ADAM (آدم). Only pairs the index finds
// (KeysShareDeletion).
bool SameUpToQafDhal(const WordForms& a, const WordForms& b) {
  if (a.abjad || b.abjad || a.text.size() < 4 || b.text.size() < 4) return false;
  const bool q =
      a.text.find('q') != std::string_view::npos || b.text.find('q') != std::string_view::npos;
  const bool dh =
      a.text.find("dh") != std::string_view::npos || b.text.find("dh") != std::string_view::npos;
  if (!q && !dh) return false;
  const std::string qaf_a = QafDhalFold(a.phonetic, true, false);
  const std::string qaf_b = QafDhalFold(b.phonetic, true, false);
  bool one_name = false;
  if (qaf_a == qaf_b) {
    one_name = q;
  } else {
    one_name = dh && !a.common && !b.common &&
               QafDhalFold(a.phonetic, true, true) == QafDhalFold(b.phonetic, true, true) &&
               (q || QafDhalFold(a.phonetic, false, true) != QafDhalFold(b.phonetic, false, true));
  }
  return one_name && KeysShareDeletion(a.phonetic, b.phonetic);
}

// Whether two Latin words are one Arabic name whose jim Egyptian and Sudanese spellings write G
// (GAMAL / JAMAL, RAGAB / RAJAB, HAGAG / HAJJAJ, NAGUIB / NAJIB): the phonetic keys of one length,
// alike but in g against j. Not a gh, which is ghain (GHASSAN). Only pairs the index finds
// (KeysShareDeletion); words of four letters or more.
bool SameUpToEgyptianJim(const WordForms& a, const WordForms& b) {
  if (a.abjad || b.abjad || a.text.size() < 4 || b.text.size() < 4) return false;
  if (a.phonetic.size() != b.phonetic.size() || a.phonetic == b.phonetic) return false;
  for (size_t i = 0; i < a.phonetic.size(); ++i) {
    const char x = a.phonetic[i], y = b.phonetic[i];
    if (x != y && !((x == 'g' && y == 'j') || (x == 'j' && y == 'g'))) return false;
  }
  if (a.text.find("gh") != std::string_view::npos || b.text.find("gh") != std::string_view::npos) {
    return false;
  }
  return KeysShareDeletion(a.phonetic, b.phonetic);
}

// French writes a Russian or Arabic name's final -in as -ine, the e mute (POUTINE, SETCHINE,
// PRIGOJINE; YASSINE): the same name when the word without its e keys as the other. Not for
// common names (MARTIN and MARTINE, JUSTIN and JUSTINE are two), and the -in word has five
// letters at least. The keys then differ by the final i that e keys as, one deletion, so the
// index's neighbourhoods find the one from the other.
bool SameUpToFrenchFinalE(const WordForms& a, const WordForms& b) {
  if (a.abjad || b.abjad || a.common || b.common) return false;
  const WordForms& with_e = a.text.ends_with("ine") ? a : b;
  const WordForms& without = a.text.ends_with("ine") ? b : a;
  if (without.text.size() < 5 || !with_e.text.ends_with("ine") || !without.text.ends_with("in")) {
    return false;
  }
  return PhoneticKey(with_e.text.substr(0, with_e.text.size() - 1)) == without.phonetic;
}

// One or two Chinese syllables as Wade-Giles, and so pinyin, writes them (CHIH, SHIH, CHANG,
// HSIAOPING): such words keep ch, sh and kh apart.
bool IsShortChineseWord(std::string_view word) {
  const int syllables = WadeGilesSyllableCount(word);
  return syllables >= 1 && syllables <= 2;
}

// French writes sh as ch (HICHAM, ACHRAF, RACHID, BOUCHRA for HISHAM, ASHRAF, RASHID, BUSHRA;
// CHOÏGOU for SHOIGU), and the Maghreb's names reach the lists in French: the same name when the
// keys are one with every ch read sh. Within the index's neighbourhoods only (KeysShareDeletion:
// one ch against an sh is one substitution).
// Chinese syllables keep ch and sh apart (CHIH, SHIH; CHANG, SHANG): not when both words are one
// or two such syllables (CHAALAN, cha-a-lan, is three: SHALAN).
bool SameUpToFrenchCh(const WordForms& a, const WordForms& b) {
  if (a.abjad || b.abjad) return false;
  const size_t a_ch = a.phonetic.find("ch"), b_ch = b.phonetic.find("ch");
  if (a_ch == std::string_view::npos && b_ch == std::string_view::npos) return false;
  if (a.phonetic.size() != b.phonetic.size() || !KeysShareDeletion(a.phonetic, b.phonetic)) {
    return false;
  }
  if (IsShortChineseWord(a.text) && IsShortChineseWord(b.text)) return false;
  for (size_t i = 0; i < a.phonetic.size(); ++i) {
    const char x = a.phonetic[i], y = b.phonetic[i];
    if (x == y) continue;
    // c against s before an h: ch against sh.
    const bool ch_sh = (x == 'c' && y == 's') || (x == 's' && y == 'c');
    if (!ch_sh || i + 1 >= a.phonetic.size() || a.phonetic[i + 1] != 'h' ||
        b.phonetic[i + 1] != 'h') {
      return false;
    }
  }
  return true;
}

// Whether two words differ only in a first J against a first Y before a vowel: German, Polish,
// Czech and the South Slavic languages write the y of a Russian, Ukrainian or Arabic name as j
// (JULIA / YULIA, JEWGENI / YEVGENIY, JUSUF / YUSUF, JELENA / YELENA). Words of four letters or
// more: JAN is not YAN. The keys are then one edit apart, so the index finds the pair.
// French writes a Russian name's g before e or i as gu (EVGUENI, GUENNADI, SERGUEÏ for YEVGENIY,
// GENNADY, SERGEY), as it writes its own hard g: the same name when the word without that u keys
// as the other. The keys are then one deletion apart, within the index's neighbourhoods.
bool SameUpToFrenchGu(const WordForms& a, const WordForms& b) {
  if (a.abjad || b.abjad) return false;
  // Most pairs scored have no gu at all: nothing to read, nothing to allocate.
  if (a.text.find("gu") == std::string_view::npos && b.text.find("gu") == std::string_view::npos) {
    return false;
  }
  const auto without_u = [](std::string_view text) {
    std::string read;
    for (size_t i = 0; i < text.size(); ++i) {
      if (text[i] == 'u' && i > 0 && text[i - 1] == 'g' && i + 1 < text.size() &&
          std::strchr("eiy", text[i + 1]) != nullptr) {
        continue;
      }
      read += text[i];
    }
    return read.size() == text.size() ? std::string() : read;
  };
  const std::string a_read = without_u(a.text), b_read = without_u(b.text);
  if (a_read.empty() == b_read.empty() || !KeysShareDeletion(a.phonetic, b.phonetic)) {
    return false;
  }
  return a_read.empty() ? PhoneticKey(b_read) == a.phonetic : PhoneticKey(a_read) == b.phonetic;
}

// German writes a Russian name's kh (х) as ch and its zh (ж) as sch (MICHAIL, CHODORKOWSKI;
// PRIGOSCHIN for MIKHAIL, KHODORKOVSKY, PRIGOZHIN): the same name when the word with every such
// ch read kh, or sch read zh, keys as the other. Words of six letters or more that are not Chinese
// syllables (CHAN and KHAN are two names), within the index's neighbourhoods.
bool SameUpToGermanCh(const WordForms& a, const WordForms& b) {
  if (a.abjad || b.abjad) return false;
  const bool a_ch = a.text.find("ch") != std::string_view::npos;
  const bool b_ch = b.text.find("ch") != std::string_view::npos;
  if (a_ch == b_ch) return false;
  const WordForms& german = a_ch ? a : b;
  const WordForms& other = a_ch ? b : a;
  if (german.text.size() < 6 || !KeysShareDeletion(a.phonetic, b.phonetic)) return false;
  if (IsShortChineseWord(german.text)) return false;
  std::string read;
  const std::string_view text = german.text;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text.substr(i, 4) == "tsch") {  // ch (ч), as PhoneticKey reads it
      read += "tsch";
      i += 3;
    } else if (text.substr(i, 3) == "sch") {
      read += "zh";
      i += 2;
    } else if (text.substr(i, 2) == "ch") {
      read += "kh";
      i += 1;
    } else {
      read += text[i];
    }
  }
  return PhoneticKey(read) == other.phonetic;
}

// A word as RussianYoRead compares it: IE and YE after a consonant are E, W is V, a doubled letter
// once (SOLOVIEV, SOLOVYEV: SOLOVEV; SOLOWJOW: SOLOVEV once its jo is read).
std::string RussianEFolded(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if ((c == 'i' || c == 'y') && i > 0 && i + 1 < text.size() && text[i + 1] == 'e' &&
        !IsLatinVowel(text[i - 1]) && text[i - 1] != 'y') {
      continue;
    }
    if (c == 'w') c = 'v';
    if (!out.empty() && out.back() == c) continue;
    out += c;
  }
  return out;
}

// Russian ё (yo) after a consonant as each romanisation writes it: YO in English (FYODOR,
// SOLOVYOV), JO in German (SOLOWJOW, KOROLJOW), IO in French and Polish (FIODOR, SEMIONOV), and E
// in passports, BGN/PCGN without its diaeresis and most lists (FEDOR, SOLOVEV, POTEMKIN). Returns
// the word with every such yo, jo or io between consonants written e, then read as the other
// spellings of a Russian e after a consonant are (IE and YE: SOLOVIEV, VOROBYEV) with W as V and a
// doubled letter once; or "" when it holds no yo, jo or io. `strong` is set when a yo or a jo was
// read: an io alone (FIORI, VIOLA, ORIOL, STUDIOS are Italian, Catalan and English) is read only
// against another word's ё. Between consonants only: a word-final io (ANTONIO) is the Romance
// ending, and so is a final -ion (STATION, REGION, MARION).
std::string RussianYoRead(std::string_view text, bool* strong) {
  // Whether the y, j or i at i is such a yo.
  auto yo_at = [text](size_t i) {
    return i > 0 && i + 2 < text.size() && !IsLatinVowel(text[i - 1]) && text[i - 1] != 'y' &&
           (text[i] == 'y' || text[i] == 'j' || text[i] == 'i') && text[i + 1] == 'o' &&
           !IsLatinVowel(text[i + 2]) && text[i + 2] != 'y' &&
           !(text[i] == 'i' && text.substr(i + 2) == "n");
  };
  // Most words scored hold none: nothing to allocate.
  size_t first = 1;
  while (first < text.size() && !yo_at(first)) ++first;
  if (first >= text.size()) return "";
  *strong = false;
  std::string read(text.substr(0, first));
  for (size_t i = first; i < text.size(); ++i) {
    if (yo_at(i)) {
      *strong = *strong || text[i] != 'i';
      read += 'e';
      ++i;
    } else {
      read += text[i];
    }
  }
  return RussianEFolded(read);
}

// Whether two Latin words are one Russian name whose ё the romanisations write otherwise
// (RussianYoRead: FYODOROV / FEDOROV, PYOTR / PJOTR, SOLOVYOV / SOLOVIEV / SOLOVEV / SOLOWJOW):
// the same letters once every such ё is read e. The letters, not the phonetic keys, which read e,
// i and y alike: RIOS read RES would be REYES, KYOKO read KEKO would be KEIKO. Not for words of
// one or two Chinese or Korean syllables or of a name read as Korean, whose yo and io are vowels
// of their own (KYONG, PYONG, MYONG are not KENG, PENG, MENG; JIANYONG, XIONG). Both words have
// five letters or more (the index looks a shorter joined word up by its exact key), and the pair
// is one the index finds (KeysShareDeletion): German JO in a short word (FJODOR, PJOTR) is two
// edits of the key from FEDOR and PETR, and is not read.
bool SameUpToRussianYo(const WordForms& a, const WordForms& b) {
  if (a.abjad || b.abjad || a.text.size() < 5 || b.text.size() < 5) return false;
  bool a_strong = false, b_strong = false;
  const std::string a_read = RussianYoRead(a.text, &a_strong);
  const std::string b_read = RussianYoRead(b.text, &b_strong);
  if (a_read.empty() && b_read.empty()) return false;
  // An io alone meets only another ё spelling (FIODOR / FYODOR), never a plain e (FIORI / FERRI).
  if (!a_strong && !b_strong && (a_read.empty() || b_read.empty())) return false;
  auto east_asian = [](const WordForms& w) {
    return !w.korean.empty() || (w.syllables >= 1 && w.syllables <= 2);
  };
  if ((!a_read.empty() && east_asian(a)) || (!b_read.empty() && east_asian(b))) return false;
  if (!KeysShareDeletion(a.phonetic, b.phonetic)) return false;
  return (a_read.empty() ? RussianEFolded(a.text) : a_read) ==
         (b_read.empty() ? RussianEFolded(b.text) : b_read);
}

bool SameUpToInitialJY(const WordForms& a, const WordForms& b) {
  if (a.abjad || b.abjad || a.text.size() < 4 || b.text.size() < 4 || a.text[0] == b.text[0]) {
    return false;
  }
  const WordForms& y = a.text[0] == 'y' ? a : b;
  const WordForms& j = a.text[0] == 'y' ? b : a;
  if (y.text[0] != 'y' || j.text[0] != 'j' || !IsLatinVowel(j.text[1])) return false;
  if (y.phonetic.empty() || j.phonetic.empty() || j.phonetic[0] != 'j') return false;
  // The y keys as i; the j read as y is i too, which folds into an i after it.
  std::string_view rest = j.phonetic.substr(1);
  if (!rest.empty() && rest[0] == 'i') rest.remove_prefix(1);
  return y.phonetic[0] == 'i' && (y.phonetic.substr(1) == rest);
}

// Whether a word ends as South Slavic, Czech and Polish family names do (WordSimilarity's
// patronymic rule).
bool SlavicFamilyEnding(std::string_view word) {
  for (std::string_view ending : {"ovic", "evic", "owicz", "ewicz", "owitz", "ovitz", "ewitz"}) {
    if (word.size() > ending.size() + 2 && word.ends_with(ending)) return true;
  }
  return false;
}

// Whether two family names are one in its Belarusian and Russian or Ukrainian forms: Belarusian
// writes the -ов, -ев of Russian as -оў, -еў (BGN -ou, -eu; the national system -au after
// akanye: MAKARAU, MAKAROV), the feminine -ова as -ава (IVANAVA), and Ukrainian's -енко as -енка
// (LUKASHENKA, LUKASHENKO). The stems must be one phonetic key, and the keys must be found by
// the index (KeysShareDeletion).
bool SameUpToBelarusianEnding(const WordForms& a, const WordForms& b) {
  if (a.abjad || b.abjad || a.text.size() < 5 || b.text.size() < 5) return false;
  // Belarusian endings, then the Russian or Ukrainian endings they stand for, per row.
  struct Endings {
    std::string_view belarusian[3];
    std::string_view other[3];
  };
  static constexpr Endings kEndings[] = {
      {{"ou", "au", "eu"}, {"ov", "av", "ev"}},
      {{"ava"}, {"ova"}},
      {{"enka"}, {"enko"}},
  };
  auto stem_key = [](std::string_view word, const std::string_view(&endings)[3]) {
    for (std::string_view ending : endings) {
      if (!ending.empty() && word.size() > ending.size() + 2 && word.ends_with(ending)) {
        return PhoneticKey(word.substr(0, word.size() - ending.size()));
      }
    }
    return std::string();
  };
  for (const Endings& row : kEndings) {
    for (int turn = 0; turn < 2; ++turn) {
      const std::string stem = stem_key(turn == 0 ? a.text : b.text, row.belarusian);
      if (!stem.empty() && stem == stem_key(turn == 0 ? b.text : a.text, row.other)) {
        return KeysShareDeletion(a.phonetic, b.phonetic);
      }
    }
  }
  return false;
}

// Similarity of two words (see TokenSimilarity).
double WordSimilarity(const WordForms& a, const WordForms& b, bool skeletons) {
  if (a.text == b.text) return 1;
  // Numbers (vessel and aircraft numbers, "RA-86906") must be equal: one changed digit is another
  // vessel, not a typo.
  if (HasDigit(a.text) || HasDigit(b.text)) return 0;
  // So must words that name different numbers, directions or countries however alike they spell
  // (SIXTH and SIXTEENTH at 0.81, NORTHEAST and NORTHWEST at 0.91, IRAQI and IRANIAN at 0.58 before
  // 2026-12-06: a helper's review found them alerting as typos of each other). Forms of one
  // (IRAN and IRANIAN, NORTHWEST and NORTHWESTERN) compare as before.
  {
    const std::string_view a_key = ContrastKey(a.text), b_key = ContrastKey(b.text);
    if (!a_key.empty() && !b_key.empty() && a_key != b_key) return 0;
  }
  if (skeletons && !a.skeleton.empty() && !b.skeleton.empty()) {
    // An abjad word against a vowelled one: read the one as the other (AbjadSimilarity). The
    // lengths are compared without the abjad word's article, which the vowelled name may leave
    // out (الزبير, alzbyr, skeleton lzbr, is ZUBAIR, zbr).
    const WordForms& abjad = a.abjad ? a : b;
    const WordForms& vowelled = a.abjad ? b : a;
    std::string_view abjad_skeleton = abjad.skeleton;
    if (abjad.text.size() >= 4 && abjad.text.substr(0, 2) == "al" && abjad_skeleton.size() > 1 &&
        abjad_skeleton[0] == 'l') {
      abjad_skeleton.remove_prefix(1);
    }
    if (!LengthsCompatible(AbjadLetters(abjad.skeleton), vowelled.skeleton.size()) &&
        !LengthsCompatible(AbjadLetters(abjad_skeleton), vowelled.skeleton.size())) {
      return 0;
    }
    return AbjadSimilarity(abjad.text, vowelled.text);
  }
  // A patronymic matches only a patronymic: SERGEEV (a family name) is not SERGEEVICH. A word
  // ending as South Slavic, Czech and Polish family names do (-ovic, -evic, -owicz, -owitz) may be
  // either, a patronymic written without its hacek (VIKTOROVIC) or a family name (PETROVIC,
  // GELOWICZ), so it meets both.
  if (a.patronymic != b.patronymic && !SlavicFamilyEnding(a.patronymic ? b.text : a.text)) {
    return 0;
  }
  // Two words of Korean names with one Korean reading are one name in two romanisations (KIM JONG
  // UN and KIM CHONG-UN; RI PYONG CHOL and 리병철, ri byeongcheol, with the words joined).
  // Two letters are a syllable here (RI and LI, UN and EUN: one reading), unlike the short words
  // that share only a phonetic key below; one letter (O, U) is still weak evidence.
  if (!a.korean.empty() && a.korean == b.korean) {
    return std::min(a.text.size(), b.text.size()) <= 1 ? kShortWordKeyMatch : 0.95;
  }
  // Russian letters write a syllable's final ㄴ and ㅇ both Н (Ким Чен Ын: kim jon un, for KIM
  // JONG UN; KoreanCyrillicAsLatin), and a typed name drops the G as easily: two readings apart
  // only there are likely, not sure, one name.
  if (!a.korean.empty() && !b.korean.empty() && a.korean.size() >= 2 && b.korean.size() >= 2 &&
      SameUpToKoreanFinalNg(a.korean, b.korean)) {
    return kKoreanFinalNgMatch;
  }
  // So are a Chinese name's words in pinyin and in Wade-Giles (BAO and PAO, XIANG and HSIANG),
  // read as Wade-Giles writes them without apostrophes (WadeGilesReadings).
  if (SameWadeGiles(a.wade_giles, b.wade_giles)) {
    return std::min(a.text.size(), b.text.size()) <= 1 ? kShortWordKeyMatch : 0.95;
  }
  // Chinese and Korean names are made of syllables, each a name element of its own: JIANGUO and
  // JIANGZHOU, YONG and YONGAN, XIUYING and XIAOMING are different names however alike they
  // spell. Words of one or two such syllables agree only by their phonetic key.
  // A place's pinyin and English names (HETIAN, HOTAN; AOMEN, MACAO) are one name all the same.
  if (a.syllables > 0 && b.syllables > 0 && a.syllables <= 2 && b.syllables <= 2) {
    if (a.variant != 0 && a.variant == b.variant && IsPlaceNameClass(a.variant) &&
        a.phonetic != b.phonetic) {
      return 0.95;
    }
    if (a.phonetic != b.phonetic) return 0;
    return std::min(a.text.size(), b.text.size()) <= 2 ? kShortWordKeyMatch : 0.95;
  }
  // Same-alphabet case: the best of the spelling and the phonetic key. An equal key (MOHAMMED ~
  // MUHAMMAD) is worth 0.95, never 1, so a spelling variant never outranks the exact spelling; the
  // phonetic Jaro-Winkler is only tried when it could still beat what we have.
  // Learned romanisation variants (MOHAMMED ~ MUHAMMAD, whose keys differ) count as one key.
  // AL, EL, UL, OL and IL are one word, the article, whose vowel romanisations write as heard
  // (ZIA UL HAQ, ZIA AL HAQ).
  auto l_article = [](std::string_view w) {
    return w.size() == 2 && w[1] == 'l' && IsLatinVowel(w[0]);
  };
  // BIN, IBN and BEN are one word too, "son of" (HAMZA IBN LADEN, BIN LADEN, Hamza).
  auto son_of = [](std::string_view w) { return w == "bin" || w == "ibn" || w == "ben"; };
  bool same_name = (a.phonetic == b.phonetic && !a.phonetic.empty()) ||
                   (l_article(a.text) && l_article(b.text)) || (son_of(a.text) && son_of(b.text)) ||
                   (a.variant != 0 && a.variant == b.variant) ||
                   SameUpToCentralAsianO(a.text, b.text) || SameUpToInitialJY(a, b) ||
                   SameUpToBelarusianEnding(a, b) || SameUpToFrenchFinalE(a, b) ||
                   SameUpToFrenchCh(a, b) || SameUpToFrenchGu(a, b) || SameUpToGermanCh(a, b) ||
                   SameUpToRussianYo(a, b);
  double best = same_name ? 0.95 : 0;
  // Words of one or two letters (hu, ho, li, ma) that agree only by their phonetic key are weak
  // evidence: HU and HO are different Chinese and Korean names, and such words are everywhere.
  if (std::min(a.text.size(), b.text.size()) <= 2) return best > 0 ? kShortWordKeyMatch : 0;
  if (LengthsCompatible(a.text, b.text)) {
    best = std::max(best, Evidence(JaroWinkler(a.text, b.text)));
  }
  if (best < 0.95 && LengthsCompatible(a.phonetic, b.phonetic)) {
    best = std::max(best, 0.95 * Evidence(JaroWinkler(a.phonetic, b.phonetic)));
  }
  if (best < kVowelsOnlySimilarity && SameConsonantFrame(a.phonetic, b.phonetic)) {
    best = kVowelsOnlySimilarity;
  }
  // Qaf, dhal and jim as heard (SameUpToQafDhal, SameUpToEgyptianJim): one name spelled two ways,
  // as one phonetic key is.
  if (!same_name && (SameUpToQafDhal(a, b) || SameUpToEgyptianJim(a, b))) {
    same_name = true;
    best = std::max(best, 0.95);
  }
  // One word is the other with letters added (SAMI / SAMIR, KARA / KARAKI, AHMAD /
  // AHMADI, HOSSEIN / HOSSEINI): in names that is another name (a feminine form, a family name
  // made from a given name), not a typo, whatever Jaro-Winkler's prefix bonus says. A plural
  // "s" (HOLDING / HOLDINGS) and a final "h" (NUSRA / NUSRAH, FATIMA / FATIMAH: one Arabic
  // letter romanised or not) are not.
  // Spellings and phonetic keys alike: MOHAMMADI / MUHAMMAD, EBRAHIMI / IBRAHIM.
  // Not when the phonetic keys are equal (CHEN / CHENN: a doubled letter is a typo).
  if (!same_name && (IsExtension(a.text, b.text) || IsExtension(a.phonetic, b.phonetic))) {
    best = std::min(best, kExtendedWord);
  }
  // Two words of abjad names (one script, compared by spelling): a final t and h are one letter
  // written two ways (ة, ه: فاطمة, فاطمه); otherwise words whose letters differ are two names, as
  // the script writes every consonant and long vowel: هاني (HANI) is not حقاني (HAQQANI), محمد
  // (MUHAMMAD) not محمود (MAHMUD), حسن (HASAN) not حسين (HUSAYN).
  if (a.abjad && b.abjad && !same_name) {
    if (SameUpToFinalTH(a.text, b.text)) return 0.95;
    if (AbjadSpelling(a.text) != AbjadSpelling(b.text)) best = std::min(best, kExtendedWord);
  }
  // A query word that is a common name of the populations' rankings and a listed word that is it
  // with one consonant put for another (KHALIL / KHALIQ, JAFARI / JABARI, AMIRI / AMIDI) are two
  // names: the common name is far likelier to be that name than a slip for a rarer one. Not the
  // other way round: a rare query word one consonant from a common listed name is as likely a
  // spelling of it (YUSUP for YUSUF). Letters added or dropped (DMITRY / DZMITRY, YAHYA / YAYA)
  // and vowels changed are spellings, and so are the pairs the phonetic key or a learned variant
  // makes one (same_name).
  if (!same_name && !a.abjad && !b.abjad && a.common && !b.common &&
      OneConsonantReplaced(a.text, b.text)) {
    best = std::min(best, kExtendedWord);
  }
  // Two common names of the populations' rankings, in Latin script, that are not one name spelled
  // two ways (another phonetic key, variant class, consonant skeleton, which leaves out vowels, y
  // and w: YEKATERINA / EKATERINA, YUSUF / YOUSEF, and LooseSkeleton: AHMED / AHMET, THOMAS /
  // TOMAS) are two names, each borne by thousands: SALEM / SALEH, JAFARI / SAFARI, FERNANDEZ /
  // HERNANDEZ, VASILYEV / SAVELYEV. Since 2026-12-04 also when one begins with a vowel (or y) and
  // the other with a consonant, whatever their consonants: AHMED / HAMID, AHMAD / HAMAD (أحمد,
  // حامد: the first vowel is a letter, alif, and the skeleton leaves it out).
  auto vowel_initial = [](std::string_view w) {
    return !w.empty() && std::strchr("aeiouy", w[0]) != nullptr;
  };
  // Begun with another letter, such a pair is no evidence of one person at all (KAMAL / JAMAL,
  // WALID / KHALID): since 2026-12-07 it scores 0, not kExtendedWord, which gave a listed
  // brother's name (KAMAL and JAMAL MUSTAFA ABDALLAH SULTAN AL-TIKRITI) 0.91 and a wrong given name
  // more than none (Walid Qaddour 0.84 against QADDOUR, Khalid). With one first letter they may
  // still be one name's spellings (SARAH / SARA, FATEMEH / FATIMA, AHMED / AKHMET: a review).
  if (!same_name && !a.abjad && a.common && b.common &&
      ((a.skeleton != b.skeleton && LooseSkeleton(a.text) != LooseSkeleton(b.text)) ||
       vowel_initial(a.text) != vowel_initial(b.text))) {
    best = std::min(best, a.text[0] != b.text[0] ? 0.0 : kExtendedWord);
  }
  return best;
}

// One possible pairing of query words with candidate words for the greedy alignment in ScoreNames.
struct Candidate {
  AlignedUnit unit;  // similarity unused here
  float similarity;
};

// The tie-break of equally similar pairs: the number of distinct bits of
// (query mask | candidate mask << 1) of the former bit-mask scorer, kept so that scores do not
// move: the size of the union of [qf, qf + qn) and [cf + 1, cf + 1 + cn).
int TieBreakSize(const AlignedUnit& u) {
  int64_t q_lo = u.query_first, q_hi = q_lo + u.query_count;
  int64_t c_lo = int64_t{u.candidate_first} + 1, c_hi = c_lo + u.candidate_count;
  int64_t overlap = std::max<int64_t>(0, std::min(q_hi, c_hi) - std::max(q_lo, c_lo));
  return static_cast<int>(u.query_count + u.candidate_count - overlap);
}

}  // namespace

bool SameWadeGiles(std::string_view a, std::string_view b) {
  return a.size() > 1 && b.size() > 1 && a[0] != b[0] && a.substr(1) == b.substr(1);
}

std::string JoinedWadeGiles(const ScoringToken& first, const ScoringToken& second) {
  if (first.wade_giles.size() < 2 || second.wade_giles.size() < 2 ||
      first.wade_giles[0] != second.wade_giles[0]) {
    return "";
  }
  return first.wade_giles + second.wade_giles.substr(1);
}

bool KeysShareDeletion(std::string_view a, std::string_view b) {
  if (a == b) return true;
  // A common subsequence of length k = max(|a| - da, |b| - db), not empty (the index does not
  // delete a key's only letter), exists when the longest is at least that long.
  const size_t need =
      std::max<size_t>({a.size() - std::min<size_t>(a.size(), KeyDeletions(a.size())),
                        b.size() - std::min<size_t>(b.size(), KeyDeletions(b.size())), 1});
  std::vector<size_t> row(b.size() + 1, 0), prev(b.size() + 1, 0);
  for (size_t i = 1; i <= a.size(); ++i) {
    std::swap(row, prev);
    for (size_t k = 1; k <= b.size(); ++k) {
      row[k] = a[i - 1] == b[k - 1] ? prev[k - 1] + 1 : std::max(prev[k], row[k - 1]);
    }
  }
  return row[b.size()] >= need;
}

// A vowel, y, w or h is not a consonant here: romanisations write or leave them out freely.
// Since 2026-12-04 vowels put for vowels elsewhere in the word do not change that: KHALED /
// KHALIQ are two names as KHALID / KHALIQ are.
bool OneConsonantReplaced(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  auto consonant = [](char c) { return c >= 'a' && c <= 'z' && !std::strchr("aeiouyhw", c); };
  auto vowel = [](char c) { return c != 0 && std::strchr("aeiouy", c) != nullptr; };
  size_t differ = 0, at = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i] == b[i] || (vowel(a[i]) && vowel(b[i]))) continue;
    ++differ;
    at = i;
  }
  if (differ != 1 || !consonant(a[at]) || !consonant(b[at])) return false;
  // The first letter of a digraph (sh and ch for ش: RASHID / RACHID, ASHRAF / ACHRAF) is one
  // letter written two ways; so is the article's l before a sun letter, written as that letter
  // doubled (ABDULRAHMAN / ABDURRAHMAN).
  if (at + 1 < a.size() && a[at + 1] == 'h') return false;
  if (at + 1 < a.size() &&
      ((a[at] == 'l' && b[at] == b[at + 1]) || (b[at] == 'l' && a[at] == a[at + 1]))) {
    return false;
  }
  // Consonants that spellings of one name put for each other (LooseSkeleton: NASIR / NAZIR,
  // JOAQUIN / JOAGUIN, GONZALEZ / GONZALES) keep it one name.
  return LooseSkeleton(a) != LooseSkeleton(b);
}

namespace {

// 0-25 for a-z, 26-35 for 0-9, -1 otherwise.
int CharIndex(char c) {
  if (c >= 'a' && c <= 'z') return c - 'a';
  if (c >= '0' && c <= '9') return 26 + (c - '0');
  return -1;
}

// Winkler's bonus: up to four equal leading characters, scaling factor 0.1 (the textbook values,
// which keep the result within 0..1).
double WithPrefix(std::string_view a, std::string_view b, double jaro) {
  size_t prefix = 0;
  while (prefix < 4 && prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
  return jaro + prefix * 0.1 * (1 - jaro);
}

// Jaro-Winkler of lower-case ASCII words of at most 64 characters, with bit masks: the same
// matches as the textbook loop (each character of `a` takes the first unmatched equal character
// of `b` in its window). Returns -1 when a character is outside a-z0-9.
double JaroWinklerBits(std::string_view a, std::string_view b, size_t window) {
  uint64_t positions[36] = {};
  for (size_t j = 0; j < b.size(); ++j) {
    int k = CharIndex(b[j]);
    if (k < 0) return -1;
    positions[k] |= 1ull << j;
  }
  uint64_t a_matched = 0, b_matched = 0;
  size_t matches = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    int k = CharIndex(a[i]);
    if (k < 0) return -1;
    size_t lo = i > window ? i - window : 0;
    size_t hi = std::min(i + window + 1, b.size());
    if (lo >= hi) continue;
    uint64_t range = (hi >= 64 ? ~0ull : ((1ull << hi) - 1)) & ~((1ull << lo) - 1);
    uint64_t candidates = positions[k] & range & ~b_matched;
    if (candidates == 0) continue;
    // candidates & -candidates isolates the lowest set bit: the first unmatched equal character of
    // `b` in the window, as the textbook loop picks it.
    b_matched |= candidates & (~candidates + 1);
    a_matched |= 1ull << i;
    ++matches;
  }
  if (matches == 0) return 0;
  size_t transpositions = 0;
  // Walks the matched characters of both words in order, pairwise (the k-th match of `a` against
  // the k-th of `b`); each pair of unequal characters is half a transposition.
  for (uint64_t am = a_matched, bm = b_matched; am != 0; am &= am - 1, bm &= bm - 1) {
    if (a[std::countr_zero(am)] != b[std::countr_zero(bm)]) ++transpositions;
  }
  double m = static_cast<double>(matches);
  double jaro = (m / a.size() + m / b.size() + (m - transpositions / 2.0) / m) / 3.0;
  return WithPrefix(a, b, jaro);
}

}  // namespace

double JaroWinkler(std::string_view a, std::string_view b) {
  if (a == b) return 1;
  if (a.empty() || b.empty()) return 0;
  size_t la = a.size(), lb = b.size();
  size_t window = std::max(la, lb) / 2;
  window = window > 0 ? window - 1 : 0;
  // The bit-mask version handles almost every word; the loop below is the fallback for long words
  // and characters outside a-z0-9 (it must give the same result, which the tests check).
  if (la <= 64 && lb <= 64) {
    double fast = JaroWinklerBits(a, b, window);
    if (fast >= 0) return fast;
  }
  // Flags live on the stack up to 128 characters; only longer words (names are bounded by the
  // normaliser's 4096-byte limit) allocate.
  constexpr size_t kStack = 128;
  bool a_stack[kStack] = {}, b_stack[kStack] = {};
  bool* a_flags = a_stack;
  bool* b_flags = b_stack;
  std::unique_ptr<bool[]> a_big, b_big;
  if (la > kStack || lb > kStack) {
    a_big.reset(new bool[la]());
    b_big.reset(new bool[lb]());
    a_flags = a_big.get();
    b_flags = b_big.get();
  }
  size_t matches = 0;
  for (size_t i = 0; i < la; ++i) {
    size_t lo = i > window ? i - window : 0;
    size_t hi = std::min(i + window + 1, lb);
    for (size_t j = lo; j < hi; ++j) {
      if (!b_flags[j] && a[i] == b[j]) {
        a_flags[i] = b_flags[j] = true;
        ++matches;
        break;
      }
    }
  }
  if (matches == 0) return 0;
  size_t transpositions = 0;
  size_t k = 0;
  for (size_t i = 0; i < la; ++i) {
    if (!a_flags[i]) continue;
    while (!b_flags[k]) ++k;
    if (a[i] != b[k]) ++transpositions;
    ++k;
  }
  double m = static_cast<double>(matches);
  double jaro = (m / la + m / lb + (m - transpositions / 2.0) / m) / 3.0;
  size_t prefix = 0;
  while (prefix < 4 && prefix < la && prefix < lb && a[prefix] == b[prefix]) ++prefix;
  return jaro + prefix * 0.1 * (1 - jaro);
}

// Document frequency counts entries, not names: an entry with ten aliases that all contain
// "trading" adds one, so heavily aliased entries do not make their own words look common.
void TokenStatistics::AddEntry(const std::vector<const NormalizedName*>& names) {
  std::unordered_set<std::string> seen;
  for (const NormalizedName* name : names) {
    for (const NameToken& token : name->tokens) {
      if (token.kind != TokenKind::kWord) continue;
      if (seen.insert(token.text).second) ++entry_frequency_[token.text];
    }
  }
  ++entries_;
}

int TokenStatistics::CorpusStep() const {
  const double entries = entries_ > 0 ? static_cast<double>(entries_) : kDefaultCorpusEntries;
  return static_cast<int>(std::floor(std::log(entries) * kWeightGrid));
}

// The corpus size at the bottom of its step: every size of one step weighs words alike.
double TokenStatistics::CorpusSize() const {
  return std::exp(static_cast<double>(CorpusStep()) / kWeightGrid);
}

// IDF with +0.5 smoothing, so an unseen word gets the largest weight ln(2(N + 1)), rounded to the
// grid.
int32_t TokenStatistics::UnitsFor(double frequency) const {
  return static_cast<int32_t>(
      std::lround(std::log((CorpusSize() + 1) / (frequency + 0.5)) * kWeightGrid));
}

int32_t TokenStatistics::WordUnits(const std::string& word) const {
  double frequency = 0;
  if (entries_ > 0) {
    auto found = entry_frequency_.find(word);
    if (found != entry_frequency_.end()) frequency = found->second;
  } else if (GenericWords().count(word)) {
    frequency = 300;
  }
  return UnitsFor(frequency);
}

std::vector<std::pair<std::string, int32_t>> TokenStatistics::AllWordUnits() const {
  std::vector<std::pair<std::string, int32_t>> out;
  out.reserve(entry_frequency_.size());
  for (const auto& [word, frequency] : entry_frequency_)
    out.emplace_back(word, UnitsFor(frequency));
  std::sort(out.begin(), out.end());
  return out;
}

double TokenStatistics::Weight(const NameToken& token) const {
  if (token.kind == TokenKind::kLegalForm) {
    return IsOrganisationTypeClass(token.text) ? kOrganisationTypeWeight : kLegalFormWeight;
  }
  if (token.kind == TokenKind::kInitial) return kInitialWeight;
  if (IsLegalFormWord(token.text)) return kLegalFormWordWeight;
  // The 0.5 floor keeps very common words (found in most entries) counting for something.
  return std::max(0.5, static_cast<double>(WordUnits(token.text)) / kWeightGrid);
}

// The matched query weight at which a name is "fully informative": about one rare word (weight
// ln(N + 1)) plus a bit, so one rare surname alone is not quite enough for full confidence and one
// generic word is far from it (docs/matching.md "Name score").
double TokenStatistics::InformationNeeded() const { return 1.15 * std::log(CorpusSize() + 1); }

namespace {

// A legal form, not a kind of organisation: a listed name may add its legal form to a query and
// still be the query's complete name, not its kind (EXPERT is not NPK EXPERT's complete name:
// with the kind free, 104 of 110 listed names of a kind and one word were found by the word alone
// at 0.8, COMPUTER, CONTACT and RADAR among them).
bool IsPlainLegalForm(const ScoringToken& token) {
  return token.kind == TokenKind::kLegalForm && token.type_initials.empty();
}

// Words an acronym may leave out (BANK OF CHINA: BOC or BC).
bool IsAcronymSkippedWord(std::string_view word) {
  static constexpr std::string_view kSkipped[] = {"of", "and", "the", "for", "in",  "on",
                                                  "at", "de",  "la",  "du",  "des", "al",
                                                  "el", "et",  "y",   "i",   "und", "fur"};
  for (std::string_view skipped : kSkipped) {
    if (word == skipped) return true;
  }
  return false;
}

// The letters a kind of organisation written as `words` gives an acronym: an abbreviation's own
// (NII), else each word's first but the words an acronym leaves out (SCIENTIFIC AND PRODUCTION
// ASSOCIATION: SPA).
std::string TypeInitials(std::string_view words) {
  if (words.find(' ') == std::string_view::npos) return std::string(words);
  std::string out;
  size_t start = 0;
  while (start < words.size()) {
    size_t end = words.find(' ', start);
    if (end == std::string_view::npos) end = words.size();
    const std::string_view word = words.substr(start, end - start);
    if (!word.empty() && !IsAcronymSkippedWord(word)) out += word[0];
    start = end + 1;
  }
  return out;
}

// A branch's place added to an organisation's name at its end (BANK MELLI IRAN HAMBURG BRANCH,
// "VTB Bank PJSC Shanghai Branch", BRANCH DUBAI): payment messages and counterparty records name
// the branch, and a branch is the bank itself, no legal person of its own. BRANCH and the one word
// beside it weigh as a title there (kTitleWeight when the other name does not give them: "Bank
// Melli Iran (Hamburg Branch)" 0.69 against BANK MELLI IRAN before 2026-12-07). Not a number
// beside it, which names the branch (BRANCH 235 of Syrian military intelligence), and only with
// two words or more of the name besides. Against a name that says BRANCH too, the places count in
// full (ScoreNames).
void MarkBranchQualifier(ScoringName* name) {
  std::vector<ScoringToken>& tokens = name->tokens;
  size_t words = 0;
  for (const ScoringToken& token : tokens) words += token.kind == TokenKind::kWord ? 1 : 0;
  if (words < 4) return;
  // The last two words of letters, legal forms after them aside.
  size_t last = tokens.size();
  while (last > 0 && tokens[last - 1].kind == TokenKind::kLegalForm) --last;
  if (last < 2) return;
  ScoringToken& a = tokens[last - 2];
  ScoringToken& b = tokens[last - 1];
  if (a.kind != TokenKind::kWord || b.kind != TokenKind::kWord) return;
  if (a.text != "branch" && b.text != "branch") return;
  if (HasDigit(a.text) || HasDigit(b.text) || (a.text == "branch" && b.text == "branch")) return;
  a.title = a.branch = true;
  b.title = b.branch = true;
}

// An organisation's acronym written after its name ("National Iranian Oil Co. (NIOC)", "Islamic
// Revolutionary Guard Corps IRGC"): the last word, when it spells the initials of the words before
// it (the words an acronym leaves out aside, a COMPANY's or CORPORATION's C counted or not), adds
// nothing the name does not say, and weighs as a title (0.69 against NATIONAL IRANIAN OIL COMPANY
// before 2026-12-07). Three words or more before it.
void MarkOwnAcronym(ScoringName* name) {
  std::vector<ScoringToken>& tokens = name->tokens;
  if (name->abjad || tokens.size() < 4) return;
  ScoringToken& last = tokens.back();
  if (last.kind != TokenKind::kWord || last.text.size() < kMinAcronym ||
      last.text.size() > kMaxAcronym || last.common) {
    return;
  }
  std::string initials, with_forms;
  size_t words = 0;
  for (size_t t = 0; t + 1 < tokens.size(); ++t) {
    const ScoringToken& token = tokens[t];
    if (token.kind == TokenKind::kLegalForm) {
      if (token.form_letter != '\0') with_forms += token.form_letter;
      continue;
    }
    if (token.kind != TokenKind::kWord || IsAcronymSkippedWord(token.text)) continue;
    ++words;
    // CO mid-name is a word, not a legal form (edge_only): its C counts either way.
    if (token.text != "co") initials += token.text[0];
    with_forms += token.text[0];
  }
  if (words < kMinAcronym) return;
  if (last.text != initials && last.text != with_forms) return;
  last.title = true;
  // CO just before it is the company's legal form, read as a word mid-name (edge_only).
  ScoringToken& before = tokens[tokens.size() - 2];
  if (before.kind == TokenKind::kWord && before.text == "co") before.title = true;
}

}  // namespace

ScoringName PrepareName(const NormalizedName& name, const TokenStatistics& statistics) {
  ScoringName out;
  out.abjad = name.abjad;
  out.tokens.reserve(name.tokens.size());
  std::vector<std::string> korean, wade_giles;
  if (!name.abjad) {
    KoreanReadings(name, &korean);
    WadeGilesReadings(name, &wade_giles);
  }
  for (size_t t = 0; t < name.tokens.size(); ++t) {
    const NameToken& token = name.tokens[t];
    ScoringToken scoring;
    scoring.text = token.text;
    scoring.kind = token.kind;
    scoring.weight = statistics.Weight(token);
    scoring.fused_part = token.fused_part;
    scoring.written_initial = token.written_initial;
    scoring.translation_rest = token.translation_rest;
    if (token.kind == TokenKind::kLegalForm) {
      const std::string_view written =
          std::string_view(token.original)
              .substr(0, std::min(token.original.find(' '), token.original.size()));
      if (written == "company" || written == "corporation" || written == "corp" ||
          written == "co") {
        scoring.form_letter = 'c';
      }
    }
    // A word written for two (AIR FORCE as AIRFORCE: the normaliser's AirArm) gives both letters.
    if ((token.kind == TokenKind::kLegalForm && IsOrganisationTypeClass(token.text)) ||
        (token.kind == TokenKind::kWord && token.original.find(' ') != std::string::npos)) {
      scoring.type_initials = TypeInitials(token.original);
    }
    if (token.kind == TokenKind::kWord) {
      scoring.skeleton = ConsonantSkeleton(token.text);
      scoring.phonetic = PhoneticKey(token.text);
      scoring.syllables = static_cast<uint8_t>(EastAsianSyllables(token.text));
      // A word of a name read as Wade-Giles is Chinese syllables too (HSIANG, HSIN: two names).
      if (scoring.syllables == 0 && !wade_giles.empty() && wade_giles[t].starts_with('w')) {
        scoring.syllables = static_cast<uint8_t>(WadeGilesSyllableCount(token.text));
      }
      scoring.patronymic = IsPatronymic(token.text);
      scoring.variant = NameVariantClass(scoring.phonetic);
      if (!korean.empty()) scoring.korean = std::move(korean[t]);
      if (!wade_giles.empty()) scoring.wade_giles = std::move(wade_giles[t]);
      scoring.abjad = name.abjad;
      // Population frequency: a common given or family name says little whatever the lists'
      // frequency of it (docs/matching.md, "Token weights"). An abjad word's romanisation lacks
      // vowels and so rarely spells a common name's key: it is read as the common names instead
      // (IsCommonAbjadName).
      scoring.populations = name.abjad ? CommonAbjadNamePopulations(scoring.text)
                                       : CommonPersonalNamePopulations(scoring.phonetic);
      if (scoring.populations != 0) {
        scoring.weight = std::min(scoring.weight, kCommonNameWeight);
        scoring.common = true;
      }
    }
    out.tokens.push_back(std::move(scoring));
  }
  // A title comes before a name: one with a name word after it. Last, it is the name itself
  // (Mohamed AL-SAYED, AHMAD, Sayed). A person's form of address (MR, DR, SHEIKH, AYATOLLAH) is
  // one only in a name that is no company's or state body's (a legal form, a generic company word
  // or a body's word such as DIRECTORATE, the title aside); an office that names organisations'
  // parts too (GENERAL, PRESIDENT, MINISTER: SYRIAN GENERAL INTELLIGENCE DIRECTORATE) only where it
  // leads the name (MAJ GEN QASEM SOLEIMANI), and a vessel's prefix (MV, MT) only as the first
  // word. A state body's words mark an organisation too (GENERAL DIRECTORATE OF SECURITY).
  static const auto* body_words = new std::unordered_set<std::string_view>{
      "directorate", "bureau",    "staff",    "department",     "ministry",    "office",
      "committee",   "council",   "agency",   "authority",      "corps",       "force",
      "forces",      "army",      "guard",    "command",        "police",      "service",
      "university",  "institute", "court",    "administration", "secretariat", "intelligence",
      "motors",      "electric",  "assembly", "hospital",       "school"};
  // Most names hold no such word: nothing more is asked of them (every listed name passes here
  // when the index is built).
  bool any_title = false;
  for (size_t t = 0; t < out.tokens.size() && !any_title; ++t) {
    const ScoringToken& token = out.tokens[t];
    any_title = token.kind == TokenKind::kWord &&
                (IsPersonTitle(token.text) != TitleUse::kNone || IsVesselPrefix(token.text));
  }
  bool company = !any_title;
  for (size_t t = 0; t < out.tokens.size() && !company; ++t) {
    const ScoringToken& token = out.tokens[t];
    company = token.kind == TokenKind::kLegalForm ||
              (token.kind == TokenKind::kWord && IsPersonTitle(token.text) == TitleUse::kNone &&
               (IsCompanyDescriptor(token.text) || body_words->count(token.text) != 0));
  }
  std::vector<bool> leading(out.tokens.size(), false);
  for (size_t t = 0; t < out.tokens.size() && !company; ++t) {
    const ScoringToken& token = out.tokens[t];
    if (token.kind == TokenKind::kInitial) continue;  // M/T, H.E.
    if (token.kind != TokenKind::kWord) break;
    const bool vessel = t == 0 && IsVesselPrefix(token.text);
    if (!vessel && IsPersonTitle(token.text) == TitleUse::kNone) break;
    leading[t] = true;
  }
  // A person's title needs a name of two words after it: with one, it is the name's own word
  // (LADY SEVDA, PROFESSOR LOGACHEV and CAPTAIN YAKUBOVICH are vessels; MR OMARI and COLONEL ROCK
  // aliases that a lone OMARI or ROCK must not meet as the whole name: a helper's review).
  size_t names_after = 0;  // words of letters after the token that are no title
  for (size_t t = out.tokens.size(); t-- > 0;) {
    ScoringToken& token = out.tokens[t];
    if (token.kind != TokenKind::kWord) continue;
    const bool vessel = t == 0 && leading[t] && IsVesselPrefix(token.text);
    const bool person =
        (leading[t] && !vessel) || (!company && IsPersonTitle(token.text) == TitleUse::kAnywhere);
    token.title =
        (names_after >= 1 && (IsNameTitle(token.text) || vessel)) || (names_after >= 2 && person);
    if (!token.title && !HasDigit(token.text)) ++names_after;
  }
  MarkBranchQualifier(&out);
  MarkOwnAcronym(&out);
  return out;
}

TitleUse IsPersonTitle(std::string_view word) {
  // Forms of address and ranks written only before a person's name.
  static const auto* anywhere = new std::unordered_set<std::string_view>{
      "mr",           "mrs",           "ms",        "miss",       "mister",     "dr",
      "doctor",       "prof",          "professor", "gen",        "maj",        "lt",
      "col",          "colonel",       "capt",      "cmdr",       "adm",        "brig",
      "brigadier",    "sgt",           "sergeant",  "comandante", "ayatollah",  "ayatullah",
      "hojatoleslam", "hojjatoleslam", "imam",      "sheikh",     "shaikh",     "sheik",
      "shaykh",       "emir",          "sir",       "dame",       "excellency", "honorable",
      "honourable",   "hon",           "rev",       "reverend",   "engineer"};
  // Offices and words that also name organisations' parts or other things.
  static const auto* leading = new std::unordered_set<std::string_view>{
      "president",  "vice",     "prime",     "minister",   "general", "major",
      "lieutenant", "captain",  "commander", "commandant", "admiral", "marshal",
      "senator",    "governor", "prince",    "princess",   "king",    "lord",
      "lady",       "judge",    "his",       "her"};
  // Asked of every word of every name the index builds: a word whose first letter and length no
  // title has is answered without hashing it.
  constexpr size_t kLongest = 13;  // hojjatoleslam
  static const auto* possible = [] {
    auto* bits = new std::bitset<26 * (kLongest + 1)>;
    for (const auto* set : {anywhere, leading}) {
      for (std::string_view title : *set)
        bits->set((title[0] - 'a') * (kLongest + 1) + title.size());
    }
    return bits;
  }();
  if (word.empty() || word.size() > kLongest || word[0] < 'a' || word[0] > 'z' ||
      !possible->test((word[0] - 'a') * (kLongest + 1) + word.size())) {
    return TitleUse::kNone;
  }
  if (anywhere->count(word)) return TitleUse::kAnywhere;
  if (leading->count(word)) return TitleUse::kLeading;
  return TitleUse::kNone;
}

bool IsVesselPrefix(std::string_view word) {
  // Not MS (motor ship), which is a person's title and a company's initials as often.
  return word == "mv" || word == "mt" || word == "ss" || word == "fv" || word == "mts" ||
         word == "tanker";
}

bool IsNameTitle(std::string_view word) {
  static const char* const kTitles[] = {
      "haji",   "hajji", "hadji",   "hajy",   "hajj",   "alhaj",   "alhajj",  "mullah", "mulla",
      "mla",    "mlla",  "mawlawi", "maulvi", "mwlwy",  "maulana", "mawlana", "mwlana", "sayed",
      "sayyed", "seyed", "seyyed",  "syed",   "sayyid", "syd",     "alsyd"};
  for (const char* title : kTitles) {
    if (word == title) return true;
  }
  return false;
}

bool IsCompanyDescriptor(std::string_view word) {
  if (GenericWords().count(std::string(word)) != 0) return true;
  static constexpr std::string_view kMore[] = {"technologies", "state",
                                               "industry",     "corp",
                                               "concern",      "digital",
                                               "electronics",  "science",
                                               "information",  "software",
                                               "electronic",   "communication",
                                               "aviation",     "microelectronics",
                                               "aerospace"};
  for (std::string_view more : kMore) {
    if (word == more) return true;
  }
  return false;
}

// China's provinces and largest cities in pinyin, as a Chinese company's name begins with its
// administrative division (Regulations on the Administration of Enterprise Name Registration,
// State Council Decree No. 734 of 2020, art. 6: division, trade name, industry, form; GB/T 2260
// for the divisions): HANGZHOU HIKVISION DIGITAL TECHNOLOGY, SHENZHEN CASPRO TECHNOLOGY.
bool IsChineseDivision(std::string_view word) {
  static const auto* divisions = new std::unordered_set<std::string_view>{
      "beijing",      "tianjin",   "shanghai",     "chongqing", "hebei",    "shanxi",
      "liaoning",     "jilin",     "heilongjiang", "jiangsu",   "zhejiang", "anhui",
      "fujian",       "jiangxi",   "shandong",     "henan",     "hubei",    "hunan",
      "guangdong",    "hainan",    "sichuan",      "guizhou",   "yunnan",   "shaanxi",
      "gansu",        "qinghai",   "guangxi",      "ningxia",   "xinjiang", "xizang",
      "shenzhen",     "guangzhou", "hangzhou",     "nanjing",   "wuhan",    "chengdu",
      "xian",         "suzhou",    "ningbo",       "qingdao",   "dalian",   "xiamen",
      "changsha",     "hefei",     "zhengzhou",    "jinan",     "shenyang", "harbin",
      "changchun",    "kunming",   "nanning",      "fuzhou",    "nanchang", "taiyuan",
      "shijiazhuang", "lanzhou",   "urumqi",       "xining",    "yinchuan", "hohhot",
      "guiyang",      "haikou",    "dongguan",     "foshan",    "zhuhai",   "wuxi",
      "changzhou",    "nantong",   "yantai",       "zibo",      "tangshan", "baotou",
      "luoyang",      "mianyang",  "zhuzhou",      "kashgar",   "korla"};
  return divisions->count(word) != 0;
}

// Particles that are part of a family name but do not identify it (AL-HUSAYNI: "husayni" does).
bool IsDistinctiveWord(const ScoringToken& token) {
  return token.kind == TokenKind::kWord && token.text.size() >= 3 && !token.common &&
         !IsNameParticle(token.text) && !GenericWords().count(token.text) &&
         !IsChineseCompanyWordReading(token.text);
}

bool IsNameParticle(std::string_view word) {
  // Asked for the words of every pair of names scored: most words are longer than any particle.
  if (word.size() < 2 || word.size() > 4) return false;
  // ould and wld: "son of" (ولد; engine/names/normalize.cc JoinSonOf).
  static constexpr std::string_view kParticles[] = {"al",   "el",  "ul",   "bin",  "ibn", "ben",
                                                    "bint", "abu", "abou", "ould", "wld", "de",
                                                    "da",   "del", "dos",  "van",  "von", "der"};
  for (std::string_view particle : kParticles) {
    if (word == particle) return true;
  }
  return false;
}

bool IsInitialsWord(const ScoringToken& token) {
  // Not an article or particle, which initials typed apart only seem to spell (E L NICE is not EL
  // NICE, L A FIRMA not LA FIRMA: a second review).
  static constexpr std::string_view kArticles[] = {"la", "le", "lo", "di", "du", "ad", "ar",
                                                   "as", "at", "az", "an", "ud", "ur", "us"};
  if (token.kind != TokenKind::kWord || token.text.size() != 2 || HasDigit(token.text) ||
      token.abjad || IsNameParticle(token.text)) {
    return false;
  }
  for (std::string_view article : kArticles) {
    if (token.text == article) return false;
  }
  return true;
}

double InitialsWordWeight(const ScoringToken& token) {
  return IsInitialsWord(token) ? std::min(token.weight, 2 * kInitialWeight) : token.weight;
}

bool IsCompoundPrefix(std::string_view word) {
  // Not INTER, PETRO, AUTO, TECH, ELECTRO: they join into English words that are generic words of
  // their own (INTER NATIONAL, PETRO CHEM: PETROCHEMICAL), which met any listed name holding them
  // (PETRO CHEM against NOURI PETROCHEMICAL at 0.84 in a first version: a helper's review).
  static constexpr std::string_view kPrefixes[] = {"trans",  "euro", "agro", "avia",  "aero",
                                                   "energo", "neft", "gaz",  "stroy", "sino",
                                                   "rus",    "sib",  "ural", "asia"};
  for (std::string_view prefix : kPrefixes) {
    if (word == prefix) return true;
  }
  return false;
}

// An abjad word is a common name when it reads (AbjadDistance 0) as one of the common names of
// the same consonant skeleton. The lists hold few Arabic-script names, so without this محمد and
// علی weigh as rare words there while MUHAMMAD and ALI weigh as common ones (docs/matching.md,
// "Token weights").
uint32_t CommonAbjadNamePopulations(std::string_view abjad_word) {
  static const auto* by_skeleton = [] {
    auto* map = new std::unordered_map<std::string, std::vector<std::string>>;
    for (const std::string& word : CommonArabicScriptNames()) {
      (*map)[ConsonantSkeleton(word)].push_back(word);
    }
    return map;
  }();
  // The populations of the common names the word reads as (0: none).
  auto reads_as_one_of = [&](const std::string& skeleton) {
    uint32_t populations = 0;
    auto found = by_skeleton->find(skeleton);
    if (found == by_skeleton->end()) return populations;
    for (const std::string& word : found->second) {
      if (AbjadDistance(abjad_word, word, 0) == 0) populations |= CommonNamePopulations(word);
    }
    return populations;
  };
  std::string skeleton = ConsonantSkeleton(abjad_word);
  if (uint32_t populations = reads_as_one_of(skeleton)) return populations;
  // A final t may be ta marbuta (ة), which the Latin name writes as a vowel or h: فاطمة (fatmt) is
  // FATIMA (ftm), حمزة HAMZA, عائشة AISHA.
  if (skeleton.size() > 2 && skeleton.back() == 't' && abjad_word.back() == 't') {
    skeleton.pop_back();
    return reads_as_one_of(skeleton);
  }
  return 0;
}

bool IsCommonAbjadName(std::string_view abjad_word) {
  return CommonAbjadNamePopulations(abjad_word) != 0;
}

bool IsPatronymic(std::string_view word) {
  // Russian -ovich, -evich, -ovna, -evna; since 2026-12-05 also Belarusian -avich (LEANIDAVICH,
  // ULADZIMIRAVICH, ALIAKSANDRAVICH: some 100 words of the lists) and Ukrainian -ovych, -evych,
  // -ivna (OLEKSANDROVYCH, VIKTORIVNA): before, LEANIDAVICH was not a patronymic, so it could
  // never meet LEONIDOVICH, which is.
  // Since 2026-12-06 also as German and French write -ovich (ABRAMOWITSCH, ABRAMOVITCH):
  // ABRAMOWITSCH was no patronymic, so it could never meet ABRAMOVICH; and Ukrainian -ovych as
  // German writes it (JANUKOWYTSCH: 0.17 against YANUKOVYCH before).
  for (std::string_view ending :
       {"ovich", "evich", "ovna", "evna", "avich", "ovych", "evych", "ivna", "ovitj", "evitj",
        "avitj", "owitsch", "ewitsch", "ovitch", "evitch", "owytsch", "ewytsch"}) {
    if (word.size() > ending.size() + 2 && word.substr(word.size() - ending.size()) == ending) {
      return true;
    }
  }
  return false;
}

double TokenSimilarity(const ScoringToken& query, const ScoringToken& candidate, bool skeletons) {
  bool query_legal = query.kind == TokenKind::kLegalForm;
  bool candidate_legal = candidate.kind == TokenKind::kLegalForm;
  if (query_legal || candidate_legal) {
    if (!query_legal || !candidate_legal) return 0;
    // Legal forms match only legal forms: the same class (LLC ~ OOO ~ TOO, all "limited") at 1, two
    // classes (LLC vs JSC) at 0.6, since lists and shippers often disagree on the exact form.
    // A kind of organisation (NPO, NII) matches only its own kind.
    if (query.text == candidate.text) return 1;
    return IsOrganisationTypeClass(query.text) || IsOrganisationTypeClass(candidate.text) ? 0 : 0.6;
  }
  bool query_initial = query.kind == TokenKind::kInitial;
  bool candidate_initial = candidate.kind == TokenKind::kInitial;
  if (query_initial || candidate_initial) {
    // An initial against a word matches on the first letter only, and below 1 because "J" may stand
    // for any J-word.
    if (query_initial && candidate_initial) return query.text == candidate.text ? 1 : 0;
    return query.text[0] == candidate.text[0] ? 0.9 : 0;
  }
  return WordSimilarity(
      {query.text, query.skeleton, query.phonetic, query.syllables, query.patronymic, query.variant,
       query.abjad, query.common, query.korean, query.wade_giles},
      {candidate.text, candidate.skeleton, candidate.phonetic, candidate.syllables,
       candidate.patronymic, candidate.variant, skeletons ? !query.abjad : query.abjad,
       candidate.common, candidate.korean, candidate.wade_giles},
      skeletons);
}

namespace {

// The forms of two words joined, for AlignmentCandidates. Cached per thread, 256 slots by hash
// of the text: the query's pairs come back with every candidate scored, and computing the forms
// (EastAsianSyllables above all) costs more than comparing them. The reference is valid until the
// next call.
struct JoinedForms {
  std::string text, skeleton, phonetic;
  int syllables = 0;
  uint32_t variant = 0;  // NameVariantClass(phonetic)
};
const JoinedForms& FormsOfJoined(std::string_view left, std::string_view right) {
  thread_local JoinedForms cache[256];
  uint64_t hash = 1469598103934665603ull;
  for (std::string_view part : {left, right}) {
    for (char c : part) {
      hash ^= static_cast<unsigned char>(c);
      hash *= 1099511628211ull;
    }
  }
  JoinedForms& slot = cache[hash & 255];
  if (slot.text.size() != left.size() + right.size() ||
      slot.text.compare(0, left.size(), left) != 0 ||
      slot.text.compare(left.size(), right.size(), right) != 0) {
    slot.text.assign(left);
    slot.text.append(right);
    slot.skeleton = ConsonantSkeleton(slot.text);
    slot.phonetic = PhoneticKey(slot.text);
    slot.syllables = EastAsianSyllables(slot.text);
    slot.variant = NameVariantClass(slot.phonetic);
  }
  return slot;
}

// Whether a single word that begins with a join's first word goes on with its second: what
// follows the first word must be a spelling of the second (MOZAFFARI NIYA / MOZAFFARINIA,
// ABU BAKR / ABUBAKER, KHAYR BAYK / KHAYRBIK, GAZPROM BANK / GAZPROMBANK: Jaro-Winkler 0.7 or
// more, one phonetic key or one consonant skeleton: ZAKI UR / ZAKIR). A word that is the first word
// with an ending is another name, however near Jaro-Winkler puts the join: HASSANI is not HASSAN
// ALI, AHMADI not AHMAD ALI, MOHAMMADI not MOHAMMAD ALI (0.90-0.93 before 2026-12-05, so "Hassan
// Ali Tehrani" scored 0.94 against HASSANI TEHRANI). A single word that does not begin with the
// first word (KOOCHAK ZAIE / KOUCHAKZAEI) is judged by the join's similarity alone.
bool JoinedTailAgrees(std::string_view left, std::string_view right, std::string_view single) {
  if (single.size() <= left.size() || single.substr(0, left.size()) != left) return true;
  const std::string_view tail = single.substr(left.size());
  if (JaroWinkler(tail, right) >= 0.7 || PhoneticKey(tail) == PhoneticKey(right)) return true;
  const std::string skeleton = ConsonantSkeleton(tail);
  return !skeleton.empty() && skeleton == ConsonantSkeleton(right);
}

// Every pair of words (and of two adjacent short words against one word) that agrees at all.
std::vector<Candidate> AlignmentCandidates(const ScoringName& query, const ScoringName& candidate,
                                           const std::vector<float>& similarity) {
  size_t nq = query.tokens.size(), nc = candidate.tokens.size();
  // Consonant skeletons are compared only when exactly one side is abjad (short vowels unwritten):
  // vowels are then guesses, so only consonants can agree. Two abjad or two vowelled names use the
  // ordinary forms.
  bool skeletons = query.abjad != candidate.abjad;
  std::vector<Candidate> candidates;
  candidates.reserve(nq * nc + 4);
  for (size_t i = 0; i < nq; ++i) {
    for (size_t j = 0; j < nc; ++j) {
      float s = similarity[i * nc + j];
      if (s > 0) {
        candidates.push_back({{static_cast<uint32_t>(i), 1, static_cast<uint32_t>(j), 1, 0}, s});
      }
    }
  }
  // Two adjacent initials of one name against a word of two letters of the other, their letters
  // in order: V.V. (initials since 2026-12-06) and VV, as a query typed without dots writes them
  // (BOYARKIN VA for BOYARKIN, V.A.).
  auto try_initials = [&](const ScoringName& initials_side, const ScoringName& word_side,
                          bool initials_are_query) {
    const auto& left = initials_side.tokens;
    for (size_t i = 0; i + 1 < left.size(); ++i) {
      if (left[i].kind != TokenKind::kInitial || left[i + 1].kind != TokenKind::kInitial) continue;
      for (size_t j = 0; j < word_side.tokens.size(); ++j) {
        const ScoringToken& word = word_side.tokens[j];
        if (!IsInitialsWord(word) || word.text[0] != left[i].text[0] ||
            word.text[1] != left[i + 1].text[0]) {
          continue;
        }
        uint32_t pair = static_cast<uint32_t>(i), single = static_cast<uint32_t>(j);
        candidates.push_back(initials_are_query
                                 ? Candidate{{pair, 2, single, 1, 0}, kInitialsWordSimilarity}
                                 : Candidate{{single, 1, pair, 2, 0}, kInitialsWordSimilarity});
      }
    }
  };
  try_initials(query, candidate, true);
  try_initials(candidate, query, false);
  // Two adjacent words of one name against one word of the other.
  auto try_joined = [&](const ScoringName& joined_side, const ScoringName& single_side,
                        bool joined_is_query) {
    const auto& left = joined_side.tokens;
    for (size_t i = 0; i + 1 < left.size(); ++i) {
      if (left[i].kind != TokenKind::kWord || left[i + 1].kind != TokenKind::kWord) continue;
      if (!MayJoin(left[i].text, left[i + 1].text, joined_side.abjad)) continue;
      if (skeletons && ArticleBeforeLongWord(left[i].text, left[i + 1].text, joined_side.abjad)) {
        continue;
      }
      size_t joined_length = left[i].text.size() + left[i + 1].text.size();
      const JoinedForms* joined = nullptr;
      // Two words of a Korean name joined are read as Korean too (PYONG CHOL, byeongcheol).
      // Korean joins are few: read here rather than for every join in FormsOfJoined.
      const std::string korean = !left[i].korean.empty() && !left[i + 1].korean.empty()
                                     ? KoreanReading(left[i].text + left[i + 1].text)
                                     : std::string();
      // So are two words of a Chinese name (HSIAO PING, XIAOPING): their readings joined.
      const std::string wade_giles = JoinedWadeGiles(left[i], left[i + 1]);
      for (size_t j = 0; j < single_side.tokens.size(); ++j) {
        const ScoringToken& other = single_side.tokens[j];
        if (other.kind != TokenKind::kWord) continue;
        // A Chinese name's join and word of one reading are one name whatever their lengths
        // (XUEXI, HSUEH HSI).
        const bool same_reading = SameWadeGiles(wade_giles, other.wade_giles);
        if (!same_reading && !JoinLengthsPlausible(joined_length, other.text.size(), skeletons)) {
          continue;
        }
        // Cheap filters before the Jaro-Winkler: the joined word's length must be plausible for the
        // single word's (JoinLengthsPlausible) and (when spellings are compared) start with the
        // same letter, or Korean words the same Korean letter, or a Chinese name's its reading. The
        // joined word and its forms are built once per pair and only when a word passes.
        if (!skeletons && other.text[0] != left[i].text[0] &&
            (korean.empty() || other.korean.empty() || korean[0] != other.korean[0]) &&
            !same_reading) {
          continue;
        }
        if (joined == nullptr) joined = &FormsOfJoined(left[i].text, left[i + 1].text);
        // Across scripts a vowelled join needs three consonants: FU YUAD is not فيض (fyd) read
        // with its vowels. (An abjad join writes its long vowels: ولى الله, wly allh, is
        // WALIULLAH although its skeleton is lh.)
        if (skeletons && !joined_side.abjad && joined->skeleton.size() < 3) continue;
        double s = WordSimilarity(
            {joined->text, skeletons ? std::string_view(joined->skeleton) : std::string_view(),
             joined->phonetic, joined->syllables, false, joined->variant, joined_side.abjad, false,
             korean, wade_giles},
            {other.text, other.skeleton, other.phonetic, other.syllables, other.patronymic,
             other.variant, single_side.abjad, false, other.korean, other.wade_giles},
            skeletons);
        if (s < kMinJoinedSimilarity) continue;
        if (!skeletons && !same_reading &&
            !JoinedTailAgrees(left[i].text, left[i + 1].text, other.text)) {
          continue;
        }
        uint32_t pair = static_cast<uint32_t>(i), single = static_cast<uint32_t>(j);
        if (joined_is_query) {
          candidates.push_back({{pair, 2, single, 1, 0}, static_cast<float>(s)});
        } else {
          candidates.push_back({{single, 1, pair, 2, 0}, static_cast<float>(s)});
        }
      }
    }
  };
  try_joined(query, candidate, true);
  try_joined(candidate, query, false);
  return candidates;
}

// Whether a join (two words against one) should give way to its words' own pairs: the single word
// pairs with one of the joined words as well as with the join, and the other joined word has an
// unaligned partner of its own. IYAD AG GHALI against اياد اغ غالي: "ag ghali" reads as غالي
// (the doubled g folds), which would leave اغ unmatched; apart, اغ is AG and غالي GHALI.
// Only ties reach here (a better single pair is taken first, making the join's words taken).
bool JoinAlignedAsWellApart(const ScoringName& query, const ScoringName& candidate,
                            const std::vector<float>& similarity, const Candidate& join,
                            const std::vector<uint8_t>& used_query,
                            const std::vector<uint8_t>& used_candidate) {
  const AlignedUnit& u = join.unit;
  if (u.query_count + u.candidate_count != 3) return false;
  const size_t nq = query.tokens.size(), nc = candidate.tokens.size();
  const bool query_joined = u.query_count == 2;
  const size_t single = query_joined ? u.candidate_first : u.query_first;
  const size_t first = query_joined ? u.query_first : u.candidate_first;
  auto pair_similarity = [&](size_t joined_word, size_t other_word) {
    return query_joined ? similarity[joined_word * nc + other_word]
                        : similarity[other_word * nc + joined_word];
  };
  const size_t others = query_joined ? nc : nq;
  const std::vector<uint8_t>& used_other = query_joined ? used_candidate : used_query;
  for (size_t part : {first, first + 1}) {
    if (pair_similarity(part, single) < join.similarity) continue;
    const size_t rest = part == first ? first + 1 : first;
    for (size_t other = 0; other < others; ++other) {
      if (other == single || used_other[other]) continue;
      if (pair_similarity(rest, other) >= kLeftoverSimilarity) return true;
    }
  }
  return false;
}

// Whether a Latin word is the Arabic article as romanisations write it: a vowel and l (AL, EL,
// UL), or before a sun letter a vowel and that letter (UD, AD, UR, UZ, AS, AN, AT).
bool IsArticleWord(std::string_view word) {
  return word.size() == 2 && IsLatinVowel(word[0]) && (word[1] == 'l' || IsSunLetter(word[1]));
}

// Whether word t of `name` comes with the article: after an article word, or an abjad al- word.
bool AfterArticle(const ScoringName& name, size_t t) {
  const auto& tokens = name.tokens;
  if (name.abjad) return tokens[t].text.starts_with("al");
  return t >= 1 && IsArticleWord(tokens[t - 1].text);
}

// Whether word t of `name` is followed by the article: an article word (SALAH AL DIN's SALAH,
// ZIA UL HAQ's ZIA), or an abjad al- word (شمس الدین's shms).
bool BeforeArticle(const ScoringName& name, size_t t) {
  const auto& tokens = name.tokens;
  if (t + 1 >= tokens.size()) return false;
  const std::string& next = tokens[t + 1].text;
  if (name.abjad) return next.size() > 2 && next.starts_with("al");
  return IsArticleWord(next);
}

// Whether a pair of single words puts a part of a compound written as one word
// (ScoringToken::fused_part: ABDOLREZA's REZA, SALAHUDDIN's SALAH and DIN) against the same name on
// its own: ABDOLREZA (ABD AL REZA) is not REZA, ABDULAZIZ not AZIZ, SALAHUDDIN not SALAH, any
// more than before the normaliser wrote compounds apart (2026-12-05), when each was one word with
// letters added (IsExtension). The name on the article's same side (AL HADI for ABD AL HADI,
// SALAH AL-DIN for SALAHUDDIN) is the compound written apart and contradicts nothing; so is a
// compound written apart on both sides (ABDUL SHAHLAI for SHAHLAI, Abdul Reza keeps the benefit
// of the doubt it had: its second word may be a family name).
bool StemAgainstOwnName(const ScoringName& query, const ScoringName& candidate,
                        const AlignedUnit& u) {
  if (u.query_count != 1 || u.candidate_count != 1) return false;
  const bool query_part = query.tokens[u.query_first].fused_part;
  const bool candidate_part = candidate.tokens[u.candidate_first].fused_part;
  if (query_part == candidate_part) return false;
  const ScoringName& fused = query_part ? query : candidate;
  const size_t fused_at = query_part ? u.query_first : u.candidate_first;
  const ScoringName& other = query_part ? candidate : query;
  const size_t other_at = query_part ? u.candidate_first : u.query_first;
  return BeforeArticle(fused, fused_at) ? !BeforeArticle(other, other_at)
                                        : !AfterArticle(other, other_at);
}

}  // namespace

bool IsNasabLink(const ScoringName& name, size_t t) {
  const std::string& text = name.tokens[t].text;
  return text == "bin" || text == "ibn" || text == "bint";
}

bool IsCompoundArticle(const ScoringName& name, size_t t) {
  const auto& tokens = name.tokens;
  if (name.abjad) return false;
  // A nasab's link between two names (OMAR BIN SABAWI BIN IBRAHIM for OMAR SABAWI IBRAHIM: 0.76
  // before 2026-12-07): the lists and documents write the chain with and without it. Not where
  // the words beside it are Chinese syllables: BIN (斌, 彬, 滨) is a Chinese given name's syllable
  // too (LI BIN YI is not LI YI; a review of the first version).
  if (IsNasabLink(name, t)) {
    return t >= 1 && t + 1 < tokens.size() && tokens[t - 1].kind == TokenKind::kWord &&
           tokens[t + 1].kind == TokenKind::kWord &&
           (tokens[t - 1].syllables == 0 || tokens[t + 1].syllables == 0);
  }
  if (tokens[t].text != "al") return false;
  return (t >= 1 && tokens[t - 1].text == "abd") || (t >= 1 && tokens[t - 1].fused_part) ||
         (t + 1 < tokens.size() && tokens[t + 1].fused_part);
}

std::string_view AcronymWord(const ScoringName& name) {
  if (name.abjad) return {};
  std::string_view word;
  for (const ScoringToken& token : name.tokens) {
    if (token.kind == TokenKind::kLegalForm) continue;
    if (token.kind != TokenKind::kWord || !word.empty()) return {};
    word = token.text;
  }
  if (word.size() < kMinAcronym || word.size() > kMaxAcronym) return {};
  for (char c : word) {
    if (c < 'a' || c > 'z') return {};
  }
  return word;
}

void AcronymInitials(const ScoringName& name, std::string* all, std::string* content,
                     std::string* with_form) {
  all->clear();
  content->clear();
  if (with_form != nullptr) with_form->clear();
  if (name.abjad) return;
  size_t words = 0;
  bool distinctive = false;
  for (const ScoringToken& token : name.tokens) {
    // A kind of organisation by the letters of its words as written (RESEARCH INSTITUTE: RI).
    if (!token.type_initials.empty()) {
      words += token.type_initials.size();
      *all += token.type_initials;
      *content += token.type_initials;
      continue;
    }
    // Initials are not words here: S.A. DE C.V. would lend MARIMBA ENTERTAINMENT letters.
    // A legal form with a letter of its own (KORPORATSIYA: NameToken::written_initial) counts.
    const bool lettered_form = token.kind == TokenKind::kLegalForm && token.written_initial != '\0';
    if ((token.kind != TokenKind::kWord && !lettered_form) || token.translation_rest) continue;
    ++words;
    // A translated word by its letter as written: ZAVOD (PLANT) is a Z.
    *all += token.written_initial != '\0' ? token.written_initial : token.text[0];
    if (IsAcronymSkippedWord(token.text)) continue;
    *content += all->back();
    distinctive = distinctive || (!lettered_form && !token.common);
  }
  if (words < kMinAcronym || !distinctive) {
    all->clear();
    content->clear();
    return;
  }
  // The C of COMPANY or CORPORATION last (NIOC, CNPC): only that letter, only of the name's last
  // token. Any letter after the initials of a name ending in a legal form was tried (2026-12-06)
  // and took random four-letter names' alerts from 1.6% to 8.7%.
  if (with_form != nullptr && !name.tokens.empty() &&
      name.tokens.back().kind == TokenKind::kLegalForm && name.tokens.back().form_letter != '\0') {
    *with_form = *content + name.tokens.back().form_letter;
  }
}

double AcronymScore(const ScoringName& single, const ScoringName& full) {
  const std::string_view word = AcronymWord(single);
  if (word.empty()) return 0;
  std::string all, content, with_form;
  AcronymInitials(full, &all, &content, &with_form);
  if (all.empty()) return 0;
  // Exactly the initials, or with the C of a COMPANY or CORPORATION last (SMIC for SEMICONDUCTOR
  // MANUFACTURING INTERNATIONAL CORPORATION; since 2026-12-07). Any letter of a legal form last
  // was tried and not kept: after three initials of a name ending in a legal form it took random
  // four-letter names' alerts from 1.6% to 8.7%.
  auto agrees = [&](const std::string& initials) {
    return initials.size() >= kMinAcronym && word == initials;
  };
  if (!agrees(all) && !agrees(content) && !agrees(with_form)) return 0;
  return word.size() > kMinAcronym ? kAcronymScore : kShortAcronymScore;
}

NameScore ScoreNames(const ScoringName& query, const ScoringName& candidate,
                     const std::vector<float>& similarity, double information_needed,
                     bool keep_units) {
  NameScore result;
  size_t nq = query.tokens.size(), nc = candidate.tokens.size();
  if (nq == 0 || nc == 0) return result;
  std::vector<Candidate> candidates = AlignmentCandidates(query, candidate, similarity);
  // Best similarity first; on equal similarity, the unit covering more distinct positions first.
  // stable_sort keeps the remaining ties in generation order (single pairs before joined ones), so
  // scores are deterministic and identical between the index and brute force.
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](const Candidate& a, const Candidate& b) {
                     if (a.similarity != b.similarity) return a.similarity > b.similarity;
                     // A join before a single pair of the same similarity: it covers more words
                     // (عارف الله عارف / AREFULLAH AREF: the join first leaves AREF to the second
                     // عارف; the single pair first left two words unmatched).
                     int a_words = a.unit.query_count + a.unit.candidate_count;
                     int b_words = b.unit.query_count + b.unit.candidate_count;
                     if (a_words != b_words) return a_words > b_words;
                     return TieBreakSize(a.unit) > TieBreakSize(b.unit);
                   });
  // Greedy alignment, best pair first, each token used once.
  // Greedy instead of an optimal assignment: names are short, the greedy result is what a reader
  // would align, and it is the same in Search() and the brute-force reference.
  std::vector<uint8_t> used_query(nq, 0), used_candidate(nc, 0);
  // A word of two letters aligned with two initials counts as much as they do in its name's total
  // (InitialsWordWeight), as it does in the match; -1: the token's own weight.
  std::vector<double> counted_query(nq, -1), counted_candidate(nc, -1);
  double matched_query = 0, matched_candidate = 0;
  bool words_differ = false;         // a word or initial aligned below the same spelling
  double least_word_similarity = 2;  // of the aligned query words; 2 when none is aligned
  bool confirmed = false;            // some aligned query word is spelled as listed
  bool only_common = true;  // every aligned query word is a common personal name or a particle
  // The populations all the aligned common query words are common in (ScoringToken::populations).
  uint32_t shared_populations = ~uint32_t{0};
  for (const Candidate& c : candidates) {
    const AlignedUnit& u = c.unit;
    bool taken = false;
    for (uint32_t k = 0; k < u.query_count; ++k) taken = taken || used_query[u.query_first + k];
    for (uint32_t k = 0; k < u.candidate_count; ++k) {
      taken = taken || used_candidate[u.candidate_first + k];
    }
    if (taken) continue;
    if (JoinAlignedAsWellApart(query, candidate, similarity, c, used_query, used_candidate)) {
      continue;
    }
    const float aligned = StemAgainstOwnName(query, candidate, u)
                              ? std::min(c.similarity, static_cast<float>(kExtendedWord))
                              : c.similarity;
    // A title pairs only with what it resembles (SAYYID ~ SEYED); against another word (SEYED ~
    // SADEGH at 0.07) it is a title the other name does not give, which weighs little below.
    if (aligned < kLeftoverSimilarity) {
      bool title = false;
      for (uint32_t k = 0; k < u.query_count; ++k)
        title = title || query.tokens[u.query_first + k].title;
      for (uint32_t k = 0; k < u.candidate_count; ++k) {
        title = title || candidate.tokens[u.candidate_first + k].title;
      }
      if (title) continue;
    }
    double query_weight = 0, candidate_weight = 0;
    bool initial = false;
    for (uint32_t k = 0; k < u.query_count; ++k) {
      const ScoringToken& token = query.tokens[u.query_first + k];
      // 1: aligned; 2: aligned at kLeftoverSimilarity or more, so given by the other name.
      used_query[u.query_first + k] = aligned >= kLeftoverSimilarity ? 2 : 1;
      query_weight += token.weight;
      initial = initial || token.kind == TokenKind::kInitial;
      only_common = only_common &&
                    (token.kind != TokenKind::kWord || token.common || IsNameParticle(token.text));
      if (token.kind == TokenKind::kWord && token.common) shared_populations &= token.populations;
    }
    for (uint32_t k = 0; k < u.candidate_count; ++k) {
      const ScoringToken& token = candidate.tokens[u.candidate_first + k];
      used_candidate[u.candidate_first + k] = aligned >= kLeftoverSimilarity ? 2 : 1;
      candidate_weight += token.weight;
      initial = initial || token.kind == TokenKind::kInitial;
    }
    // An initial carries the information of an initial, not of the word it abbreviates.
    if (initial) query_weight = candidate_weight = std::min(query_weight, candidate_weight);
    if (initial && u.query_count + u.candidate_count == 3) {  // two initials and a word
      if (u.query_count == 1) counted_query[u.query_first] = query_weight;
      if (u.candidate_count == 1) counted_candidate[u.candidate_first] = candidate_weight;
    }
    // A long word spelled otherwise (an equal phonetic key, or other vowels: HEZBOLLAH /
    // HIZBALLAH) does not keep an organisation's name from being its complete name; shorter
    // words must be spelled as listed.
    const bool long_variant =
        aligned >= kLongVariantSimilarity && u.query_count == 1 && u.candidate_count == 1 &&
        query.tokens[u.query_first].kind == TokenKind::kWord &&
        candidate.tokens[u.candidate_first].kind == TokenKind::kWord &&
        query.tokens[u.query_first].text.size() >= kLongVariantLetters &&
        candidate.tokens[u.candidate_first].text.size() >= kLongVariantLetters;
    if (aligned < kConfirmingSimilarity && !long_variant) {
      for (uint32_t k = 0; k < u.query_count; ++k) {
        words_differ =
            words_differ || query.tokens[u.query_first + k].kind != TokenKind::kLegalForm;
      }
      for (uint32_t k = 0; k < u.candidate_count; ++k) {
        words_differ =
            words_differ || candidate.tokens[u.candidate_first + k].kind != TokenKind::kLegalForm;
      }
    }
    matched_query += aligned * query_weight;
    matched_candidate += aligned * candidate_weight;
    if (!initial && aligned >= kConfirmingSimilarity) {
      for (uint32_t k = 0; k < u.query_count; ++k) {
        confirmed = confirmed || query.tokens[u.query_first + k].kind == TokenKind::kWord;
      }
    }
    for (uint32_t k = 0; k < u.query_count && !initial; ++k) {
      if (query.tokens[u.query_first + k].kind == TokenKind::kWord) {
        least_word_similarity = std::min(least_word_similarity, static_cast<double>(aligned));
      }
    }
    if (keep_units) {
      AlignedUnit unit = u;
      unit.similarity = aligned;
      result.units.push_back(unit);
    }
  }
  // Unmatched one-letter query words beyond the candidate's own initials are padding.
  size_t candidate_initials = 0;
  for (const ScoringToken& token : candidate.tokens) {
    candidate_initials += token.kind == TokenKind::kInitial ? 1 : 0;
  }
  // The allowance counts the candidate's initials (at least one), so "SBER VOSTOK LLP x x x ... x"
  // scores as "SBER VOSTOK LLP x" while a real unmatched initial still costs something.
  size_t noise_allowance = std::max<size_t>(1, candidate_initials);
  // An "Abd al-" compound's article left out costs nothing (IsCompoundArticle).
  // A query's patronymic that the listed name, giving none, leaves out (KADYROV, Ramzan
  // Akhmatovich for Ramzan KADYROV) costs half its weight: lists often omit it, and a rare
  // patronymic weighed as much as a family name (0.73 before 2026-12-05). Against a name that
  // gives another patronymic it costs in full (another father, another person). A listed
  // patronymic that a query giving none leaves out costs half its weight too (since 2026-12-06:
  // Islam Atabiev 0.79 -> 0.81 against ATABIYEV, Islam Seit-Umarovich), unless every aligned
  // query word is a common name: "Mikhail Kuzmin" must not alert on KUZMIN, Mikhail
  // Vladimirovich (two common names).
  bool candidate_patronymic = false;
  for (const ScoringToken& token : candidate.tokens) {
    candidate_patronymic = candidate_patronymic || token.patronymic;
  }
  // Two names of branches (AL-HARAMAIN : ALBANIA BRANCH and : KENYA BRANCH, listed apart): their
  // places tell them apart, and count in full. A name with BRANCH anywhere names a branch (BRANCH
  // 216, BRANCH 235 - PALESTINE).
  auto names_branch = [](const ScoringName& name) {
    return std::any_of(name.tokens.begin(), name.tokens.end(), [](const ScoringToken& token) {
      return token.kind == TokenKind::kWord && token.text == "branch";
    });
  };
  const bool both_branches = names_branch(query) && names_branch(candidate);
  auto counted_title = [both_branches](const ScoringToken& token, bool used) {
    return token.title && !used && !(token.branch && both_branches);
  };
  // Listed word j is a mother's family name (ScoringToken::maternal) after a father's family name
  // the query gives.
  auto mother_left_out = [&](size_t j) {
    return candidate.tokens[j].maternal && j >= 1 && used_candidate[j - 1] >= 2;
  };
  double total_query = 0, total_candidate = 0;
  for (size_t i = 0; i < nq; ++i) {
    const ScoringToken& token = query.tokens[i];
    if (token.kind == TokenKind::kInitial && !used_query[i]) {
      if (noise_allowance == 0) continue;
      --noise_allowance;
    }
    if (!used_query[i] && token.patronymic && !candidate_patronymic) {
      total_query += kUngivenPatronymicShare * token.weight;
      continue;
    }
    if (!used_query[i] && IsCompoundArticle(query, i) &&
        (!IsNasabLink(query, i) || (used_query[i - 1] >= 2 && used_query[i + 1] >= 2))) {
      continue;
    }
    if (counted_query[i] >= 0) {
      total_query += counted_query[i];
      continue;
    }
    // A title the other name does not give (SEYED ALI KHAMENEI for KHAMENEI, Ali) costs little.
    total_query += counted_title(token, used_query[i] != 0) ? std::min(token.weight, kTitleWeight)
                                                            : token.weight;
  }
  bool query_patronymic = false;
  for (const ScoringToken& token : query.tokens) {
    query_patronymic = query_patronymic || token.patronymic;
  }
  for (size_t j = 0; j < nc; ++j) {
    const ScoringToken& token = candidate.tokens[j];
    if (!used_candidate[j] && IsCompoundArticle(candidate, j) &&
        (!IsNasabLink(candidate, j) ||
         (used_candidate[j - 1] >= 2 && used_candidate[j + 1] >= 2))) {
      continue;
    }
    // Not when every aligned query word is a common name: two common names and a patronymic left
    // over are thousands of people (KUZMIN, Mikhail Vladimirovich for "Mikhail Kuzmin").
    // Nor when a query word only resembles its listed word (TIMOSHENKO for TIMCHENKO, 0.84: a
    // near miss with the father's name left out is another family as likely).
    if (!used_candidate[j] && token.patronymic && !query_patronymic && !only_common &&
        least_word_similarity >= kVariantSimilarity) {
      total_candidate += kUngivenPatronymicShare * token.weight;
      continue;
    }
    // A Hispanic mother's family name left out by a query that gives the father's (Joaquin Guzman
    // for GUZMAN LOERA, Joaquin: 0.63 before 2026-12-07) costs half, as a patronymic does.
    if (!used_candidate[j] && mother_left_out(j)) {
      total_candidate += kUngivenPatronymicShare * token.weight;
      continue;
    }
    if (counted_candidate[j] >= 0) {
      total_candidate += counted_candidate[j];
      continue;
    }
    total_candidate += counted_title(token, used_candidate[j] != 0)
                           ? std::min(token.weight, kTitleWeight)
                           : token.weight;
  }
  // total_query and total_candidate are positive: every token weighs at least 0.3 and both names
  // have tokens (checked above).
  result.query_coverage = matched_query / total_query;
  result.candidate_coverage = matched_candidate / total_candidate;
  result.information = matched_query;
  // The query side weighs more: a listed name with extra words (middle names, aliases folded in)
  // should still match a shorter query, while query words the list does not have are stronger
  // evidence of another party. Confidence scales by the information matched, so a perfect match on
  // one generic word cannot reach the 0.80 threshold (docs/matching.md "Name score").
  result.score = std::clamp(CoverageScore(result.query_coverage, result.candidate_coverage,
                                          matched_query, information_needed),
                            0.0, 1.0);
  size_t query_words = 0;
  for (const ScoringToken& token : query.tokens) {
    query_words += token.kind == TokenKind::kWord ? 1 : 0;
  }
  // Every aligned word a romanisation of its partner (one phonetic key or learned variant, 0.95:
  // SERGEY SHOYGU for SHOIGU, Sergei) is the listed name spelled otherwise, not a near miss.
  const bool all_variants =
      least_word_similarity <= 1 && least_word_similarity >= kVariantSimilarity;
  if (!confirmed && !all_variants && query_words >= 2 && query.abjad == candidate.abjad) {
    result.score *= kUnconfirmedFactor;
  }
  // One organisation's name: the same words both ways, legal forms aside, one of them distinctive.
  // Since 2026-12-05 the listed name may add up to kMostDescriptors generic company words to a
  // query it holds in full: HUAWEI TECHNOLOGIES CO., LTD. for "Huawei" (0.74 before), VTB BANK for
  // "VTB" (0.63), STATE CORPORATION ROSTEC for "Rostec" (0.76). Not the other way: a word the
  // query adds is its own (SEPAH INVESTMENT is not BANK SEPAH).
  bool same_words = !words_differ;
  bool distinctive = false;
  for (size_t i = 0; i < nq && same_words; ++i) {
    // The query may add a kind as it may add a legal form (NPK URALVAGONZAVOD OAO is the listed
    // URALVAGONZAVOD's complete name); the listed name may not (below).
    same_words = used_query[i] != 0 || query.tokens[i].kind == TokenKind::kLegalForm;
  }
  size_t descriptors = 0;
  size_t first_word = nc;  // the listed name's first word, which may be a Chinese division
  double division_weight = 0;
  for (size_t j = 0; j < nc && first_word == nc; ++j) {
    if (candidate.tokens[j].kind == TokenKind::kWord) first_word = j;
  }
  for (size_t j = 0; j < nc && same_words; ++j) {
    const ScoringToken& token = candidate.tokens[j];
    if (used_candidate[j] == 0 && token.kind == TokenKind::kWord &&
        IsCompanyDescriptor(token.text) && descriptors < kMostDescriptors) {
      ++descriptors;
      continue;
    }
    // A Chinese company's division before its trade name (HANGZHOU HIKVISION ...), beside the
    // generic words: the name without it is the complete name.
    if (used_candidate[j] == 0 && j == first_word && IsChineseDivision(token.text)) {
      division_weight = token.weight;
      continue;
    }
    same_words = used_candidate[j] != 0 || IsPlainLegalForm(token);
    distinctive = distinctive || IsDistinctiveWord(token);
  }
  if (same_words && distinctive) {
    const double candidate_coverage =
        division_weight > 0
            ? matched_candidate / std::max(total_candidate - division_weight, matched_candidate)
            : result.candidate_coverage;
    // Without its division a listed name is not the query's exact name: at most 0.95, as a
    // spelling variant, so a listed name without a division ranks first.
    result.complete_name_score = std::clamp(CoverageScore(result.query_coverage, candidate_coverage,
                                                          information_needed, information_needed),
                                            0.0, division_weight > 0 ? kVariantSimilarity : 1.0);
  }
  // Only when the common words are common together, in one population: thousands bear JOSE
  // PAREDES, few IMAD ALVARADO (an Arab given name and a Latin American family name).
  if (only_common && matched_query > 0 && shared_populations != 0) {
    // A word of either name the other does not give (a listed middle name, a query's extra one).
    bool leftover = false;
    size_t given_words = 0;  // the query's words the listed name gives
    for (size_t i = 0; i < nq; ++i) {
      given_words += used_query[i] >= 2 && query.tokens[i].kind == TokenKind::kWord ? 1 : 0;
    }
    for (size_t j = 0; j < nc && !leftover; ++j) {
      const ScoringToken& token = candidate.tokens[j];
      // A Hispanic mother's family name left out is no other person's word when the query gives
      // three names or more (Juan Carlos Duran for DURAN NUNEZ, Juan Carlos); a given name and a
      // family name alone are thousands of people (Jose Rodriguez).
      const bool maternal = mother_left_out(j) && given_words >= 3;
      leftover = used_candidate[j] < 2 && token.kind == TokenKind::kWord &&
                 !IsNameParticle(token.text) && !token.title && !maternal;
    }
    for (size_t i = 0; i < nq && !leftover; ++i) {
      const ScoringToken& token = query.tokens[i];
      leftover = used_query[i] < 2 && token.kind == TokenKind::kWord &&
                 !IsNameParticle(token.text) && !token.title;
    }
    if (leftover) result.score *= kCommonPartialFactor;
  }
  // Each name gives a number, a direction or a country the other does not (BRANCH 3 and BRANCH 1
  // OF THE SHIRAZ REVOLUTIONARY COURT, EASTERN and WESTERN SHIPPING, VALFAJR 2 and 3): two
  // different names, however much else they share (0.83 for the two branches before 2026-12-06).
  // A word of one key as another of the other name (FIRST and 1, IRAN and IRANIAN) is given by it.
  auto gives_own = [](const ScoringName& name, const std::vector<uint8_t>& used,
                      const ScoringName& other) {
    for (size_t i = 0; i < name.tokens.size(); ++i) {
      const ScoringToken& token = name.tokens[i];
      if (used[i] >= 2 || token.kind != TokenKind::kWord) continue;
      const std::string_view key = ContrastKey(token.text);
      if (key.empty()) continue;
      bool given = false;
      for (const ScoringToken& theirs : other.tokens) {
        given = given || (theirs.kind == TokenKind::kWord && ContrastKey(theirs.text) == key);
      }
      if (!given) return true;
    }
    return false;
  };
  if (gives_own(query, used_query, candidate) && gives_own(candidate, used_candidate, query)) {
    result.score *= kContradictingWordFactor;
  }
  return result;
}

}  // namespace corridor::names
