// Internal to engine/names: token weights, token similarity and the name score. The public
// interface is engine/names/matcher.h; the method is described in docs/matching.md.
#ifndef CORRIDOR_ENGINE_NAMES_SCORE_H_
#define CORRIDOR_ENGINE_NAMES_SCORE_H_

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "engine/names/normalize.h"

namespace corridor::names {

// Jaro-Winkler similarity of two byte strings, 0..1 (prefix scale 0.1, at most 4 characters).
double JaroWinkler(std::string_view a, std::string_view b);

// Token weights learned from a corpus of names: an inverse document frequency counted once per
// listed entry, so that frequent words (TRADING, GROUP, MOHAMMED) weigh less than rare ones.
// Legal forms, words of legal forms met alone ("liability") and initials have small fixed
// weights. Without a corpus, every word weighs as a
// rare word except a built-in list of generic company words.
//
// Weights are kept on a grid so that a list update moves few of them (docs/batch.md, "A list
// update"): the corpus size counts in steps of 1/kWeightGrid in its logarithm (about 1.6%), and
// a word's weight is rounded to 1/kWeightGrid. Adding one entry then leaves every word's weight
// alone but those of its own words, and of them only the rare ones (a word in 2,000 entries
// moves by a thirtieth of a step): a delta run after a list update screens again only the
// entities such a word can reach.
inline constexpr int kWeightGrid = 64;

class TokenStatistics {
 public:
  // Counts the distinct tokens of one entry (all its names together).
  void AddEntry(const std::vector<const NormalizedName*>& names);
  double Weight(const NameToken& token) const;
  // The weight of matched query words needed for full confidence (see ScoreNames).
  double InformationNeeded() const;
  size_t entries() const { return entries_; }
  // The corpus size's step: equal steps give unseen words, and InformationNeeded(), equal values.
  int CorpusStep() const;
  // A word's (TokenKind::kWord) weight before the population and legal-form rules, in grid
  // units: equal units, equal weight, under an equal CorpusStep().
  int32_t WordUnits(const std::string& word) const;
  // Every word of the corpus with its WordUnits(), sorted by word.
  std::vector<std::pair<std::string, int32_t>> AllWordUnits() const;

 private:
  double CorpusSize() const;
  int32_t UnitsFor(double frequency) const;
  std::unordered_map<std::string, uint32_t> entry_frequency_;
  size_t entries_ = 0;
};

// One token prepared for scoring.
struct ScoringToken {
  std::string text;
  std::string skeleton;  // ConsonantSkeleton(text)
  std::string phonetic;  // PhoneticKey(text)
  TokenKind kind = TokenKind::kWord;
  double weight = 1;
  // Chinese or Korean syllables the word is made of (EastAsianSyllables), 0 when it is not.
  uint8_t syllables = 0;
  bool patronymic = false;  // ends like a Russian patronymic (-ovich, -evna, ...)
  uint32_t variant = 0;     // NameVariantClass(phonetic)
  // KoreanReading(text) when the word's name reads as a Korean name (KoreanReadings), else empty:
  // two such words with one reading are one name (KIM JONG UN, KIM CHONG-UN).
  std::string korean;
  // When the word's name reads as a Chinese name (WadeGilesReadings): "p" or "w" (pinyin or
  // Wade-Giles) followed by the word's Wade-Giles spelling, else empty. A "p" and a "w" word with
  // one spelling are one name (DENG, TENG; XIAOPING, HSIAO-PING joined).
  std::string wade_giles;
  // Of an abjad name (short vowels unwritten). TokenSimilarity reads it from the query token only:
  // the index shares candidate tokens between scripts.
  bool abjad = false;
  // A common given or family name of the corridor's populations (IsCommonPersonalName,
  // IsCommonAbjadName): its weight is capped at kCommonNameWeight.
  bool common = false;
  // The populations of engine/names/population_names.txt the word is common in, a bit each
  // (CommonPersonalNamePopulations); 0 when it is not common.
  uint32_t populations = 0;
  // A title before a person's name (IsNameTitle): when the other name does not give it, it
  // weighs at most kTitleWeight in the coverage (ScoreNames).
  bool title = false;
  // BRANCH or the place beside it at an organisation's name's end (MarkBranchQualifier, score.cc):
  // a title unless the other name names a branch too (then the places tell two branches apart).
  bool branch = false;
  // The second of a listed person's two family words when the first is a Latin family name
  // (MarkFamilyName: LOERA of GUZMAN LOERA, Joaquin, a Hispanic mother's family name): left out
  // by a query that gives the first, it costs kUngivenPatronymicShare of its weight (ScoreNames).
  bool maternal = false;
  // NameToken::fused_part: a part of a compound written as one word (ABDOLREZA's REZA).
  bool fused_part = false;
  // NameToken::written_initial and translation_rest: a translated word's letter in an acronym.
  char written_initial = '\0';
  // A legal form written COMPANY, CORPORATION, CORP or CO: the C that state companies' acronyms
  // end with (NIOC, CNPC, SMIC; AcronymInitials), else '\0'.
  char form_letter = '\0';
  bool translation_rest = false;
  // A kind of organisation (a legal-form token of IsOrganisationTypeClass): the letters its words
  // as written give an acronym, "ri" for RESEARCH INSTITUTE (NUCLEAR SCIENCE AND TECHNOLOGY
  // RESEARCH INSTITUTE is NSTRI), "nii" for NII or NAUCHNO ISSLEDOVATELSKII INSTITUT; else empty.
  std::string type_initials;
};

struct ScoringName {
  std::vector<ScoringToken> tokens;
  bool abjad = false;
};

ScoringName PrepareName(const NormalizedName& name, const TokenStatistics& statistics);

// A word that can make a name one organisation's (NameScore::complete_name_score): three letters
// or more, not a common personal name, a particle, a generic company word or the English reading
// of a Chinese company's generic word (IsChineseCompanyWordReading).
bool IsDistinctiveWord(const ScoringToken& token);

// True for a generic company word (GenericWords in score.cc: BANK, GROUP, TRADING, ..., and
// TECHNOLOGIES, STATE, INDUSTRY, CONCERN) that a listed organisation's name may add to its own
// name.
bool IsCompanyDescriptor(std::string_view word);

// True when `word` (lower-case ASCII) ends like an East Slavic patronymic: -ovich, -evich,
// -ovna, -evna (sergeyevich, ivanovna), Belarusian -avich, Ukrainian -ovych, -evych, -ivna, and
// -ovich as German and French write it (-owitsch, -ovitch).
bool IsPatronymic(std::string_view word);

// True when `phonetic` (a PhoneticKey) is the key of one of the commonest given or family names
// of the populations in engine/names/population_names.txt (engine/names/common_names.cc): such a
// word is borne by many thousands, whatever its frequency on the lists, so it weighs at most
// kCommonNameWeight.
bool IsCommonPersonalName(std::string_view phonetic);
// The populations `phonetic` is the key of a common name of, a bit per population code of
// population_names.txt (every bit for the rankings' heads); 0 when it is not common.
uint32_t CommonPersonalNamePopulations(std::string_view phonetic);
// The same for a word of CommonPersonalNames as written (not its key).
uint32_t CommonNamePopulations(std::string_view word);
// Whether `word` (as written) is a family name of population_names.txt's Latin population (la):
// Spanish, Portuguese, Italian, French, German and US surnames.
bool IsLatinFamilyName(std::string_view word);
// The words behind IsCommonPersonalName, sorted.
const std::vector<std::string>& CommonPersonalNames();
// Those of populations writing Arabic script (Arab, Iranian, Pakistani), with the rankings' heads.
const std::vector<std::string>& CommonArabicScriptNames();
// Whether a word of an abjad name reads as one of CommonArabicScriptNames (محمد: MUHAMMAD; علی:
// ALI).
bool IsCommonAbjadName(std::string_view abjad_word);
// The populations of the common names an abjad word reads as; 0 when none.
uint32_t CommonAbjadNamePopulations(std::string_view abjad_word);
constexpr double kCommonNameWeight = 4.5;
// Particles that are part of a name but do not identify it (AL-HUSAYNI: "husayni" does; ABU, BIN,
// DE, VAN).
bool IsNameParticle(std::string_view word);
// A hereditary, religious or pilgrim's title written before a person's name (SEYED ALI KHAMENEI,
// HAJI GULAB GUL, MAULANA MASOOD AZHAR), Latin or as Arabic script romanises it. Matched, it
// counts as the word it is (AHMAD, Sayed is a name); left out by one of the names, it weighs at
// most kTitleWeight, as little as a legal-form word, so a name with or without it is one name.
bool IsNameTitle(std::string_view word);
// A person's office or form of address (PRESIDENT, GENERAL, MR, DR, AYATOLLAH, SHEIKH): a title
// as IsNameTitle's are, in a name that is no company's (PrepareName): kAnywhere before a name
// word, kLeading only among the words that lead the name (GENERAL, PRESIDENT: words of
// organisations' names too).
enum class TitleUse { kNone, kAnywhere, kLeading };
TitleUse IsPersonTitle(std::string_view word);
// A vessel's prefix (MV, MT, SS, FV, MTS, TANKER): a title as the first word of a name.
bool IsVesselPrefix(std::string_view word);
constexpr double kTitleWeight = 0.5;
// Two words of one length that differ in one consonant only (and vowels put for vowels), one that
// spellings of a name do not exchange (LooseSkeleton differs): KHALIL / KHALIQ, KHALED / KHALIQ,
// JAFARI / JABARI, AMIRI / AMIDI, not NASIR / NAZIR or GONZALEZ / GONZALES. Two names, not a name
// misspelt.
bool OneConsonantReplaced(std::string_view a, std::string_view b);

// The romanisation-variant class of a word by its phonetic key, or 0 when the word has no
// learned variants. Two words of one class (MOHAMMED, MUHAMMAD, MOHAMED; ALEKSANDR, ALEXANDER,
// OLEKSANDR) are one name spelled two ways and agree as words of one phonetic key do (0.95). The
// classes join the pairs of engine/names/name_variants.txt, learned from the lists' own aliases
// by tools/name_variants.py (docs/matching.md, "Name variants"), and of the curated
// engine/names/slavic_given_names.txt (Belarusian and Ukrainian given names and their Russian
// forms: SIARHEI, SERGEI) and engine/names/arabic_interdental_names.txt (Arabic names as Persian,
// Turkish and Urdu write their th, dh and z: OSMAN, UTHMAN; KAZIM, KADHIM), and in classes of their
// own engine/names/place_names.txt (Chinese places in pinyin and English: KASHI, KASHGAR).
uint32_t NameVariantClass(std::string_view phonetic);
// True for a class of place_names.txt (KASHI, KASHGAR): such a class makes words one name even
// where they are Chinese syllables, which otherwise agree only by their phonetic key.
bool IsPlaceNameClass(uint32_t variant_class);
// The phonetic keys of a class's words (for the index's lookups); empty for class 0.
const std::vector<std::string>& NameVariantKeys(uint32_t variant_class);

// A word of two letters (VA), which may stand for two initials (V.A.: AlignmentCandidates), and
// what it then counts in its name's total: at most two initials' weight (InitialsWordWeight).
bool IsInitialsWord(const ScoringToken& token);
double InitialsWordWeight(const ScoringToken& token);

// Whether word t of `name` is the article of a compound as the normaliser writes it (ABD AL AZIZ,
// SALAH AL DIN: CanonicalAbdCompounds, CanonicalArticleCompounds): left out by the other name, it
// costs nothing more than the compound's words do, as when the compound was one word (ABDUL,
// ABDULAZIZ, SALAHUDDIN) before 2026-12-05. So is a nasab's BIN, IBN or BINT between two words
// that are no Chinese syllables (since 2026-12-07), when the other name gives both words beside
// it. ScoreNames leaves it out of the name's total then, and the index's bounds count it at 0
// (NameIndex::ReadingCandidates).
bool IsCompoundArticle(const ScoringName& name, size_t t);
// Whether word t of `name` is BIN, IBN or BINT (IsCompoundArticle's nasab link).
bool IsNasabLink(const ScoringName& name, size_t t);
// Share of its weight that a query's patronymic costs when the listed name gives none
// (ScoreNames); the index's bound counts a query's patronymic at this share.
constexpr double kUngivenPatronymicShare = 0.5;
// The least weight ScoreNames can count for word t of a name in its total: a title at most
// kTitleWeight, a query's patronymic kUngivenPatronymicShare of its weight against a listed name
// that gives none (`listed_patronymic` false; true for a listed name's own words), a compound's
// article nothing, any other word its weight (the index's bounds, NameIndex::Build and
// NameIndex::ReadingCandidates).
inline double LeastCountedWeight(const ScoringName& query, size_t t, bool listed_patronymic) {
  const ScoringToken& token = query.tokens[t];
  if (IsCompoundArticle(query, t)) return 0;
  double least = InitialsWordWeight(token);
  if (token.title) least = std::min(least, kTitleWeight);
  if ((token.patronymic && !listed_patronymic) || token.maternal) {
    least = std::min(least, kUngivenPatronymicShare * token.weight);
  }
  return least;
}

// The index finds a listed word by deletion neighbourhoods (matcher.cc): its phonetic key is
// stored with every string left by deleting up to KeyDeletions(length) of its characters, and a
// query word's key looks its own up. Two deletions only for keys of 7-20 characters.
inline int KeyDeletions(size_t length) { return length >= 7 && length <= 20 ? 2 : 1; }
// Whether two phonetic keys share such a string: the index then finds the one from the other. A
// similarity rule that the keys' edit distance does not bound holds only for such pairs, so that
// the index and scoring every record agree (docs/matching.md, "What the index promises").
bool KeysShareDeletion(std::string_view a, std::string_view b);

// True when `a` and `b` (ScoringToken::wade_giles readings) are one Chinese name's word in pinyin
// and in Wade-Giles: one "p", one "w", one spelling after the letter.
bool SameWadeGiles(std::string_view a, std::string_view b);
// The reading of two adjacent words of a Chinese name joined (HSIAO PING: "whsiaoping"), or empty
// when the two are not words of one such name.
std::string JoinedWadeGiles(const ScoringToken& first, const ScoringToken& second);

// How much two tokens agree, 0..1, where 0 means "no evidence of a match": the Jaro-Winkler
// similarity mapped from [0.7, 1] to [0, 1] (0.8 -> 0.35, 0.88 -> 0.7, 0.95 -> 0.9), or 0.95
// times that of their phonetic keys when higher (of consonant skeletons when exactly one name is
// abjad); tokens of very different length, or numbers that differ, score 0; an initial matches a
// word with its letter at 0.9; legal forms of one class match at 1 and of two classes at 0.6.
double TokenSimilarity(const ScoringToken& query, const ScoringToken& candidate, bool skeletons);

// Joined words are made of short parts (quan guo, abd allah, bin laden): the scorer and the
// index consider joining two adjacent words only when neither is longer than this.
constexpr size_t kMaxJoinedPart = 6;
// An abjad word carries its article (الرحمان, alrhman: seven letters for RAHMAN), so its parts
// may be one letter longer: عزیز الرحمان is AZIZURRAHMAN.
inline size_t MaxJoinedPart(bool abjad) { return abjad ? kMaxJoinedPart + 1 : kMaxJoinedPart; }
// Whether two adjacent words of a name may be joined to stand for one word (the scorer's
// AlignmentCandidates, the index's joined lookups and joined pairs): both parts at most
// MaxJoinedPart; a word of up to twice that before a word of three letters up to MaxJoinedPart,
// as Persian writes compound given names joined or apart (MOHAMMAD REZA and MOHAMMADREZA,
// HOSSEIN ALI and HOSSEINALI) and Russian company names end in a generic word (GAZPROMBANK,
// PROMSVYAZBANK, ROSOBORONEXPORT: since 2026-12-05, before which "Gazprom Bank" scored 0.18
// against GAZPROMBANK); or a particle before a word of up to twice that, as the Maghreb writes
// BEN HASSINE and Arabic script بنحسين; so is the article (al, el, ul) in a Latin name, which
// romanisations run into the next word or not (AL BEHADILI and ALBEHADILI: 0.57 before
// 2026-12-06). Not in an abjad name: an abjad word carries its article and is read with or
// without it (AbjadSimilarity), so AL SHAMMARI already meets الشمري.
// The scorer does not join the article so against an abjad name either (ArticleBeforeLongWord):
// الشمري meets AL SHAMMARI word by word; the index's lookups may join it all the same, which only
// adds candidates.
inline bool ArticleBeforeLongWord(std::string_view left, std::string_view right, bool abjad) {
  return left.size() == 2 && left[1] == 'l' && right.size() > MaxJoinedPart(abjad);
}
// A word that company names run into the next or write apart (TRANS LOGISTIK and TRANSLOGISTIK,
// EURO TRADE, AGRO PROM): a part that may join a word longer than MaxJoinedPart.
bool IsCompoundPrefix(std::string_view word);
inline bool MayJoin(std::string_view left, std::string_view right, bool abjad) {
  const size_t most = MaxJoinedPart(abjad);
  if (left.size() > 2 * most) return false;
  if (left.size() > most) return right.size() >= 3 && right.size() <= most;
  if (right.size() <= most) return true;
  return right.size() <= 2 * most && !(abjad && ArticleBeforeLongWord(left, right, abjad)) &&
         (IsNameParticle(left) || (!abjad && IsCompoundPrefix(left)));
}

// Whether two joined words (joined_length letters in all) may stand for one word of single_length
// letters: within two letters in one script; across scripts (an abjad name against a vowelled
// one, whose short vowels the abjad side does not write: هدايت الله, hdayt allh, is HIDAYATULLAH)
// the longer may be up to twice the shorter plus two. The scorer (AlignmentCandidates) and the
// index's bound (JoinBound) both use this, so the bound never misses a join the scorer makes.
inline bool JoinLengthsPlausible(size_t joined_length, size_t single_length, bool cross_script) {
  if (!cross_script)
    return single_length + 2 >= joined_length && single_length <= joined_length + 2;
  size_t shorter = std::min(joined_length, single_length);
  size_t longer = std::max(joined_length, single_length);
  return longer <= 2 * shorter + 2;
}

// A word of at least kLongVariantLetters aligned at kLongVariantSimilarity or more counts as
// spelled as listed for an organisation's complete name (ScoreNames); the index's candidate
// bound for that rule (NameIndex::ReadingCandidates) admits a record at that share of the
// query's weight.
constexpr double kLongVariantSimilarity = 0.899;
constexpr size_t kLongVariantLetters = 8;

// The name score before the unconfirmed factor (ScoreNames): the query side weighs more than the
// candidate side, and confidence grows with the query weight matched up to `information_needed`.
// The index's candidate bound (NameIndex::Candidates) evaluates the same formula at the most a
// record can reach, so the two cannot drift apart.
inline double CoverageScore(double query_coverage, double candidate_coverage, double matched,
                            double information_needed) {
  double coverage = 0.65 * query_coverage + 0.35 * candidate_coverage;
  double confidence = 0.5 + 0.5 * std::min(1.0, matched / information_needed);
  return coverage * confidence;
}

// One aligned unit: one or two adjacent query tokens matched to one or two adjacent candidate
// tokens, and how closely. Positions are token indexes; names of any length are scored.
struct AlignedUnit {
  uint32_t query_first = 0;
  uint32_t query_count = 0;
  uint32_t candidate_first = 0;
  uint32_t candidate_count = 0;
  double similarity = 0;
};

struct NameScore {
  double score = 0;               // 0..1
  double query_coverage = 0;      // share of the query's weight matched
  double candidate_coverage = 0;  // share of the candidate's weight matched
  double information = 0;         // matched query weight, before capping
  // The score the names have when they are one organisation's name: every word and initial of
  // both aligned at the same spelling (legal forms aside, which may differ or be missing) and one
  // of the candidate's words distinctive (not a generic company word, a common personal name or a
  // particle); 0 otherwise. Its information is then the listed name's own, complete: a word on
  // many list entries because a sanctioned group's companies all bear it (GAZPROM) is not a
  // generic word. ApplyListedNameRules uses it for organisations (docs/matching.md, "Name
  // score").
  double complete_name_score = 0;
  std::vector<AlignedUnit> units;
};

// Scores `candidate` against `query`. `similarity[i * candidate.size() + j]` holds
// TokenSimilarity(query i, candidate j) (the caller may cache it). Tokens are aligned greedily,
// best pair first, in any order; two adjacent words on one side may be joined to match one word
// on the other (Quan Guo = Quanguo); an initial matched to a word counts with the initial's small
// weight on both sides. One-letter query words left unmatched are noise beyond the candidate's
// own initials: at most max(1, candidate initials) of them count in the query's weight, so that
// padding a name with " x x x" cannot push a true match below the threshold. The score is
//   coverage * (0.5 + 0.5 * min(1, information / InformationNeeded()))
// where coverage = 0.65 * query_coverage + 0.35 * candidate_coverage, so that a full match on a
// rare name outscores a full match on a common one and a single generic word cannot reach a hit.
// Organisations' acronyms (docs/matching.md, "Organisations' acronyms"): IRGC for ISLAMIC
// REVOLUTIONARY GUARD CORPS, MOGE for MYANMA OIL AND GAS ENTERPRISE.
//
// The word of a name that is one word of kMinAcronym to kMaxAcronym letters (legal forms aside),
// or empty.
inline constexpr size_t kMinAcronym = 3;
inline constexpr size_t kMaxAcronym = 8;
std::string_view AcronymWord(const ScoringName& name);
// The initials of a name of three words or more (legal forms and initials aside): of every word in
// `all`, of the words other than OF, AND, THE, FOR, AL, ... in `content`, and in `with_form`
// (when not null) `content` and the C of a name's last legal form written COMPANY or CORPORATION
// (ScoringToken::form_letter: NIOC for NATIONAL IRANIAN OIL COMPANY), else empty. All empty for
// an abjad name, a shorter one, or one of common personal names and such words only (five given
// names do not make an acronym).
void AcronymInitials(const ScoringName& name, std::string* all, std::string* content,
                     std::string* with_form = nullptr);
// The score of `single` (AcronymWord) as the acronym of `full`: kAcronymScore for four letters or
// more, kShortAcronymScore for three (so many names share three initials that such a match
// alone does not alert), 0 when it is not its acronym.
double AcronymScore(const ScoringName& single, const ScoringName& full);
inline constexpr double kAcronymScore = 0.9;
inline constexpr double kShortAcronymScore = 0.75;

NameScore ScoreNames(const ScoringName& query, const ScoringName& candidate,
                     const std::vector<float>& similarity, double information_needed,
                     bool keep_units);

}  // namespace corridor::names

#endif  // CORRIDOR_ENGINE_NAMES_SCORE_H_
