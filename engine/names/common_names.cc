// The commonest given and family names of the corridor's populations, for
// IsCommonPersonalName() (engine/names/score.h). The words are the twelve highest-ranked names
// of each population and name part of tests/data/names/name_tables.tsv (Chinese, Russian,
// Kazakh, Kyrgyz, Uzbek, Pakistani, Iranian, Arab, Turkish and Latin given and family names;
// the published rankings are cited there), accents folded; lookups are by phonetic key, so
// spelling variants (Dmitriy, Dmitry) count too. Only the head of each ranking is here: names
// of lower rank keep their list-frequency weight, which docs/matching.md's precision figures
// separate out.
#include <string>
#include <unordered_set>
#include <vector>

#include "engine/names/normalize.h"
#include "engine/names/score.h"

namespace corridor::names {

const std::vector<std::string>& CommonPersonalNames() {
  static const auto* names = new std::vector<std::string>{
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
  return *names;
}

bool IsCommonPersonalName(std::string_view phonetic) {
  static const auto* keys = [] {
    auto* set = new std::unordered_set<std::string>;
    for (const std::string& word : CommonPersonalNames()) set->insert(PhoneticKey(word));
    return set;
  }();
  return keys->count(std::string(phonetic)) > 0;
}

}  // namespace corridor::names
