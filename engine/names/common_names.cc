// The commonest given and family names of the corridor's populations and of the others screened
// parties come from, for IsCommonPersonalName() (engine/names/score.h): the published rankings'
// heads in engine/names/population_names.txt (sources cited there; compiled into the binary),
// with the feminine forms of Slavic and Central Asian family names, and the twelve highest-ranked
// names of each population and name part of tests/data/names/name_tables.tsv. Lookups are by
// phonetic key, so spelling variants (Dmitriy, Dmitry) count too. Names of lower rank keep their
// list-frequency weight.
#include <algorithm>
#include <set>
#include <sstream>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "engine/names/normalize.h"
#include "engine/names/score.h"
#include "engine/names/translit_rules.h"

namespace corridor::names {
namespace {

// The twelve highest-ranked names of each population and name part of
// tests/data/names/name_tables.tsv, accents folded (the table before population_names.txt).
const char* const kRankingHeads[] = {
    "abdrakhmanov", "abdullaev",  "abdullah",   "abdykadyrov", "adilet",    "ahmad",
    "ahmadi",       "ahmed",      "ahmet",      "aibek",       "aigerim",   "aigul",
    "ainur",        "aisha",      "aizada",     "aizhan",      "akhmetov",  "akhtar",
    "akmal",        "aleksandr",  "aleksey",    "ali",         "alikhan",   "almaz",
    "amir",         "amna",       "ana",        "anastasiya",  "andrey",    "anna",
    "antonio",      "arman",      "arslan",     "artem",       "aruzhan",   "asanov",
    "asif",         "askar",      "assel",      "aydin",       "ayesha",    "ayse",
    "azamat",       "aziz",       "bakyt",      "begimai",     "bektur",    "bekzod",
    "bermet",       "bilal",      "bobur",      "bolat",       "bushra",    "butt",
    "carlos",       "carmen",     "celik",      "chen",        "cholpon",   "chyngyz",
    "cristina",     "daniel",     "daniyar",    "david",       "demir",     "dildora",
    "dilnoza",      "dilshod",    "dina",       "dinara",      "dmitriy",   "dogan",
    "elham",        "elif",       "emine",      "ergashev",    "fang",      "fatemeh",
    "fatima",       "fatma",      "fedorov",    "fernandez",   "feruza",    "francisco",
    "garcia",       "gomez",      "gonzalez",   "gulmira",     "gulnara",   "gulnora",
    "gulzat",       "haddad",     "hamid",      "hamza",       "hanife",    "hasan",
    "hashemi",      "hassan",     "hatice",     "heidari",     "hira",      "hossein",
    "hosseini",     "huang",      "huda",       "huseyin",     "hussain",   "hussein",
    "ibrahim",      "ibraimov",   "imran",      "iqbal",       "irina",     "isabel",
    "isakov",       "iskakov",    "ismail",     "ismailov",    "ivan",      "ivanov",
    "jafari",       "jakhongir",  "jasur",      "javad",       "javed",     "javier",
    "jimenez",      "jing",       "jose",       "juan",        "kairat",    "kamola",
    "kanat",        "kanykei",    "karim",      "karimi",      "karimov",   "kassymov",
    "kasymov",      "kaya",       "khaled",     "khalil",      "khan",      "kholmatov",
    "kubanychbek",  "kuznetsov",  "laura",      "layla",       "lei",       "leila",
    "li",           "liu",        "lopez",      "lucia",       "luis",      "madina",
    "mahmoud",      "mahsa",      "majid",      "maksim",      "malik",     "malika",
    "mamatov",      "mamytov",    "mansour",    "manuel",      "marat",     "maria",
    "marina",       "mariya",     "marta",      "martin",      "martinez",  "maryam",
    "masoumeh",     "meerim",     "mehdi",      "mehmet",      "merve",     "meryem",
    "miguel",       "mikhail",    "mikhaylov",  "min",         "mirzaev",   "mohamed",
    "mohammad",     "mohammadi",  "mohsen",     "mona",        "moradi",    "morozov",
    "mousavi",      "muhammad",   "mukhametov", "murat",       "mustafa",   "na",
    "narges",       "natalya",    "nazanin",    "nazarov",     "nazgul",    "nida",
    "nikolay",      "nilufar",    "nodira",     "nour",        "novikov",   "nurbek",
    "nurlan",       "nursultan",  "olga",       "omar",        "omarov",    "omer",
    "osman",        "osmonov",    "otabek",     "ozdemir",     "ozturk",    "patricia",
    "paula",        "pedro",      "perez",      "petrov",      "popov",     "qiang",
    "qureshi",      "rabia",      "rahimi",     "rakhimov",    "rakhmonov", "rania",
    "rasheed",      "reza",       "rezaei",     "rodriguez",   "ruiz",      "rustam",
    "sadeghi",      "sadia",      "sadykov",    "sadyrov",     "saeed",     "sahin",
    "saima",        "salma",      "sana",       "sanchez",     "sandra",    "sara",
    "sardor",       "saule",      "sayed",      "sergey",      "serife",    "serik",
    "sevara",       "shah",       "shakhnoza",  "sharipov",    "sherzod",   "smirnov",
    "sofia",        "sokolov",    "somayeh",    "suleimenov",  "sultan",    "sultanov",
    "sun",          "svetlana",   "talant",     "tariq",       "tatyana",   "timur",
    "toktogulov",   "tursunov",   "ulan",       "umar",        "umida",     "usenov",
    "usman",        "usmanov",    "vasilyev",   "vladimir",    "volkov",    "wang",
    "wei",          "wu",         "xiuying",    "xu",          "yan",       "yang",
    "yasmin",       "yekaterina", "yelena",     "yerlan",      "yerzhan",   "yevgeniy",
    "yildirim",     "yildiz",     "yilmaz",     "yong",        "youssef",   "yuliya",
    "yusuf",        "yusupov",    "zahra",      "zainab",      "zarina",    "zehra",
    "zeinab",       "zeynep",     "zhakupov",   "zhanar",      "zhang",     "zhansaya",
    "zhao",         "zhaparov",   "zhou",       "zhumabayev",  "zhyldyz",
};

bool WritesArabicScript(const std::string& population) {
  return population == "ar" || population == "ir" || population == "pk";
}

// Feminine forms of a Slavic or Central Asian family name: IVANOV, IVANOVA; ILYIN, ILYINA.
void AddFeminine(const std::string& word, std::set<std::string>* names) {
  auto ends = [&](const char* suffix) {
    std::string_view s(suffix);
    return word.size() > s.size() + 2 && word.compare(word.size() - s.size(), s.size(), s) == 0;
  };
  if (ends("ov") || ends("ev") || ends("in")) names->insert(word + "a");
}

struct CommonNames {
  std::vector<std::string> all;    // sorted
  std::vector<std::string> abjad;  // of populations writing Arabic script, sorted
  // Each word's populations: bit i for the i-th population code of the table in order of first
  // appearance; every bit for a ranking head the table does not hold (its population is not
  // recorded here).
  std::unordered_map<std::string, uint32_t> populations;
  std::unordered_set<std::string> latin_family;  // the "la" population's family names
};

const CommonNames& Tables() {
  static const CommonNames* tables = [] {
    std::set<std::string> all, abjad;
    std::unordered_map<std::string, uint32_t> populations;
    std::unordered_set<std::string> latin_family;
    for (const char* word : kRankingHeads) {
      all.insert(word);
      abjad.insert(word);
    }
    std::vector<std::string> codes;
    std::istringstream in(PopulationNameTable());
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == '#') continue;
      std::istringstream fields(line);
      std::string population, part, word;
      fields >> population >> part;
      size_t code = std::find(codes.begin(), codes.end(), population) - codes.begin();
      if (code == codes.size()) codes.push_back(population);
      const uint32_t bit = code < 32 ? uint32_t{1} << code : ~uint32_t{0};
      while (fields >> word) {
        all.insert(word);
        populations[word] |= bit;
        if (population == "la" && part == "family") latin_family.insert(word);
        if (WritesArabicScript(population)) abjad.insert(word);
        if (part == "family" && (population == "ru" || population == "ca")) {
          std::set<std::string> feminine;
          AddFeminine(word, &feminine);
          for (const std::string& form : feminine) {
            all.insert(form);
            populations[form] |= bit;
          }
        }
      }
    }
    // A head that population_names.txt does not hold: its population is not recorded here.
    for (const char* word : kRankingHeads) {
      if (!populations.count(word)) populations[word] = ~uint32_t{0};
    }
    auto* built = new CommonNames;
    built->all.assign(all.begin(), all.end());
    built->abjad.assign(abjad.begin(), abjad.end());
    built->populations = std::move(populations);
    built->latin_family = std::move(latin_family);
    return built;
  }();
  return *tables;
}

}  // namespace

const std::vector<std::string>& CommonPersonalNames() { return Tables().all; }

const std::vector<std::string>& CommonArabicScriptNames() { return Tables().abjad; }

bool IsLatinFamilyName(std::string_view word) {
  return Tables().latin_family.count(std::string(word)) != 0;
}

uint32_t CommonNamePopulations(std::string_view word) {
  const auto& populations = Tables().populations;
  auto found = populations.find(std::string(word));
  return found == populations.end() ? 0 : found->second;
}

uint32_t CommonPersonalNamePopulations(std::string_view phonetic) {
  static const auto* keys = [] {
    auto* map = new std::unordered_map<std::string, uint32_t>;
    for (const std::string& word : CommonPersonalNames()) {
      (*map)[PhoneticKey(word)] |= CommonNamePopulations(word);
      // The normaliser writes ABDUL, ABDEL, ABDULAZIZ as ABD AL and the name
      // (AbdCompoundStem): ABD is as common as they are together.
      std::string stem;
      if (AbdCompoundStem(word, "", &stem) && !stem.starts_with("la")) {
        (*map)[PhoneticKey("abd")] |= CommonNamePopulations(word);
      }
    }
    return map;
  }();
  auto found = keys->find(std::string(phonetic));
  return found == keys->end() ? 0 : found->second;
}

bool IsCommonPersonalName(std::string_view phonetic) {
  return CommonPersonalNamePopulations(phonetic) != 0;
}

}  // namespace corridor::names
