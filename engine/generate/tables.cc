// Tables for `corridor generate`.
//
// Brand words that the matcher confused with real SDN entries on the 2024 list (Silk Road,
// Hongyuan, Baikal, Tekhnoprom, Transservis, Impeks...) were taken out, so that non-CLEAR
// decisions come mostly from the deliberate listed share; common person names (Zhang Wei) stay,
// as in real records.
//
// The name tables are ILLUSTRATIVE: common given names, family names and company-name patterns
// of each culture along the corridor, written from general knowledge with rough relative
// weights so that frequent names repeat as they do in real records. They are not drawn from a
// statistical source and claim no real frequencies. Places use the names, countries and ISO
// 3166-2 regions of rules/reference/corridor_locations.csv where it lists them; HS codes come
// from rules/reference/chpl_hs6.csv, rules/reference/uflpa_sectors.csv and common goods.
#include "engine/generate/tables.h"

#include <array>
#include <cstdio>

namespace corridor::generate {

const char* PickWeighted(const std::vector<Weighted>& table, Random& random) {
  int total = 0;
  for (const Weighted& entry : table) total += entry.weight;
  int point = static_cast<int>(random.Below(total));
  for (const Weighted& entry : table) {
    if (point < entry.weight) return entry.text;
    point -= entry.weight;
  }
  return table.back().text;
}

const std::vector<CountryProfile>& Countries() {
  static const std::vector<CountryProfile> countries = {
      {"CN",
       Culture::kChinese,
       28,
       {{"CN-GD", "Shenzhen", 22},
        {"CN-ZJ", "Yiwu", 22},
        {"CN-JS", "Suzhou", 15},
        {"CN-SH", "Shanghai", 12},
        {"CN-BJ", "Beijing", 8},
        {"CN-XJ", "Urumqi", 7},
        {"CN-XJ", "Kashgar", 3}},
       "CNY",
       7.2},
      {"KZ",
       Culture::kKazakh,
       12,
       {{"KZ-75", "Almaty", 45},
        {"KZ-71", "Astana", 25},
        {"KZ-79", "Shymkent", 10},
        {"KZ-33", "Taldykorgan", 10},
        {"KZ-19", "Qonaev", 10}},
       "KZT",
       480},
      {"KG",
       Culture::kKyrgyz,
       7,
       {{"KG-GB", "Bishkek", 60}, {"KG-GO", "Osh", 25}, {"KG-C", "Tokmok", 15}},
       "KGS",
       87},
      {"UZ",
       Culture::kUzbek,
       7,
       {{"UZ-TK", "Tashkent", 55},
        {"UZ-SA", "Samarkand", 20},
        {"UZ-AN", "Andijan", 15},
        {"UZ-FA", "Fergana", 10}},
       "UZS",
       12600},
      {"RU",
       Culture::kRussian,
       8,
       {{"RU-MOW", "Moscow", 45},
        {"RU-SPE", "Saint Petersburg", 20},
        {"RU-NVS", "Novosibirsk", 20},
        {"RU-SVE", "Yekaterinburg", 15}},
       "RUB",
       90},
      {"PK",
       Culture::kPakistani,
       18,
       {{"PK-SD", "Karachi", 35},
        {"PK-PB", "Lahore", 40},
        {"PK-IS", "Islamabad", 12},
        {"PK-KP", "Peshawar", 8},
        {"PK-GB", "Gilgit", 3},
        {"PK-BA", "Quetta", 2}},
       "PKR",
       280},
      {"TR",
       Culture::kTurkish,
       8,
       {{"TR-34", "Istanbul", 55},
        {"TR-06", "Ankara", 15},
        {"TR-35", "Izmir", 15},
        {"TR-27", "Gaziantep", 15}},
       "TRY",
       32},
      {"AE",
       Culture::kEmirati,
       12,
       {{"AE-DU", "Dubai", 65}, {"AE-SH", "Sharjah", 20}, {"AE-AZ", "Abu Dhabi", 15}},
       "AED",
       3.67},
  };
  return countries;
}

const Region& PickRegion(const CountryProfile& country, Random& random) {
  int total = 0;
  for (const Region& region : country.regions) total += region.weight;
  int point = static_cast<int>(random.Below(total));
  for (const Region& region : country.regions) {
    if (point < region.weight) return region;
    point -= region.weight;
  }
  return country.regions.back();
}

namespace {

struct NameTables {
  std::vector<Weighted> male;
  std::vector<Weighted> female;
  std::vector<Weighted> family;
  std::vector<Weighted> brands;
};

const NameTables& Tables(Culture culture) {
  static const std::array<NameTables, 8> tables = {{
      // Chinese (pinyin).
      {{{"Wei", 8},
        {"Qiang", 5},
        {"Lei", 5},
        {"Jun", 5},
        {"Yong", 4},
        {"Jie", 4},
        {"Tao", 4},
        {"Ming", 4},
        {"Chao", 3},
        {"Jianguo", 3},
        {"Jianhua", 2},
        {"Haitao", 2},
        {"Bo", 3}},
       {{"Fang", 6},
        {"Na", 5},
        {"Min", 5},
        {"Jing", 5},
        {"Li", 5},
        {"Xiuying", 4},
        {"Yan", 4},
        {"Haiyan", 2},
        {"Xiaohong", 2},
        {"Lijuan", 2}},
       {{"Wang", 10},
        {"Li", 10},
        {"Zhang", 9},
        {"Liu", 7},
        {"Chen", 6},
        {"Yang", 4},
        {"Huang", 3},
        {"Zhao", 3},
        {"Wu", 3},
        {"Zhou", 3},
        {"Xu", 2},
        {"Sun", 2},
        {"Ma", 2},
        {"Zhu", 2},
        {"Hu", 2},
        {"Guo", 2},
        {"He", 2},
        {"Lin", 2}},
       {{"Tianshan", 3},
        {"Huaxin", 4},
        {"Jinhai", 3},
        {"Xinda", 4},
        {"Zhongtai", 3},
        {"Kunlun", 2},
        {"Ruifeng", 2},
        {"Baiyun", 3},
        {"Qingshan", 3},
        {"Meida", 2},
        {"Lanting", 2}}},
      // Kazakh.
      {{{"Nurlan", 6},
        {"Yerlan", 5},
        {"Askar", 5},
        {"Daniyar", 4},
        {"Serik", 5},
        {"Bolat", 4},
        {"Arman", 5},
        {"Marat", 4},
        {"Kairat", 4},
        {"Yerzhan", 3}},
       {{"Aigerim", 6}, {"Gulnara", 4}, {"Dinara", 5}, {"Aizhan", 4}, {"Saule", 4}, {"Zhanar", 3}},
       {{"Akhmetov", 5},
        {"Abenov", 3},
        {"Suleimenov", 4},
        {"Iskakov", 4},
        {"Zhakupov", 3},
        {"Omarov", 5},
        {"Kassymov", 4},
        {"Bekov", 3},
        {"Nurpeisov", 3},
        {"Seitkali", 2}},
       {{"Altyn", 4},
        {"Zhibek Zholy", 2},
        {"Tengri", 3},
        {"Arlan", 3},
        {"Nomad", 3},
        {"Sary-Arka", 3},
        {"Kazlogistic", 2},
        {"Steppe", 2},
        {"Zhetysu", 3}}},
      // Kyrgyz.
      {{{"Bakyt", 5},
        {"Azamat", 5},
        {"Nurbek", 4},
        {"Almaz", 4},
        {"Kubanychbek", 3},
        {"Aibek", 5},
        {"Chyngyz", 4},
        {"Talant", 3}},
       {{"Bermet", 5}, {"Aizada", 4}, {"Gulzat", 4}, {"Nazgul", 4}, {"Cholpon", 3}},
       {{"Toktogulov", 3},
        {"Asanov", 5},
        {"Usenov", 4},
        {"Sadyrov", 3},
        {"Abdykadyrov", 3},
        {"Mamatov", 4},
        {"Osmonov", 4},
        {"Zhaparov", 3}},
       {{"Ala-Too", 4},
        {"Manas", 3},
        {"Issyk-Kul", 3},
        {"Tulpar", 3},
        {"Ak-Jol", 3},
        {"Kyrgyz Trans", 2},
        {"Dordoi", 3}}},
      // Uzbek.
      {{{"Aziz", 5},
        {"Jasur", 5},
        {"Sherzod", 5},
        {"Bobur", 4},
        {"Rustam", 5},
        {"Timur", 4},
        {"Dilshod", 4},
        {"Otabek", 4}},
       {{"Nodira", 5}, {"Dilnoza", 5}, {"Gulnora", 4}, {"Malika", 4}, {"Zarina", 3}},
       {{"Karimov", 5},
        {"Rakhimov", 5},
        {"Yusupov", 5},
        {"Usmanov", 4},
        {"Ergashev", 4},
        {"Abdullaev", 5},
        {"Nazarov", 4},
        {"Mirzaev", 4},
        {"Tursunov", 3}},
       {{"Samarkand", 3},
        {"Buxoro", 3},
        {"Navruz", 3},
        {"Zarafshan", 2},
        {"Orient", 3},
        {"Turon", 3},
        {"Fergana Textile", 2}}},
      // Russian (transliterated; family names carry the feminine -a where needed).
      {{{"Aleksandr", 7},
        {"Sergei", 7},
        {"Dmitry", 6},
        {"Andrei", 6},
        {"Alexey", 5},
        {"Ivan", 4},
        {"Mikhail", 5},
        {"Nikolai", 4},
        {"Vladimir", 5},
        {"Yuri", 3}},
       {{"Elena", 6},
        {"Olga", 6},
        {"Tatiana", 5},
        {"Natalia", 5},
        {"Irina", 5},
        {"Svetlana", 4},
        {"Anna", 4}},
       {{"Ivanov", 7},
        {"Smirnov", 6},
        {"Kuznetsov", 5},
        {"Popov", 5},
        {"Vasiliev", 4},
        {"Petrov", 5},
        {"Sokolov", 4},
        {"Mikhailov", 4},
        {"Novikov", 4},
        {"Fedorov", 4},
        {"Morozov", 3},
        {"Volkov", 3}},
       {{"Vostok", 4},
        {"Sibir", 3},
        {"Ural", 3},
        {"Volga", 3},
        {"Kedr", 3},
        {"Severny Put", 2},
        {"Yantar", 3}}},
      // Pakistani.
      {{{"Muhammad", 12},
        {"Ahmed", 6},
        {"Ali", 6},
        {"Hassan", 5},
        {"Usman", 5},
        {"Bilal", 4},
        {"Imran", 4},
        {"Asif", 3},
        {"Tariq", 3}},
       {{"Fatima", 6}, {"Ayesha", 5}, {"Sana", 4}, {"Amna", 4}, {"Hira", 3}, {"Saima", 3}},
       {{"Khan", 12},
        {"Ahmed", 6},
        {"Malik", 6},
        {"Hussain", 6},
        {"Qureshi", 4},
        {"Sheikh", 4},
        {"Butt", 4},
        {"Chaudhry", 5},
        {"Siddiqui", 3},
        {"Raza", 3}},
       {{"Al-Noor", 3},
        {"Indus", 4},
        {"Karakoram", 3},
        {"Mehran", 3},
        {"Crescent", 3},
        {"Pak-China", 3},
        {"Sarhad", 2},
        {"Ravi", 3},
        {"Faisal", 2}}},
      // Turkish.
      {{{"Mehmet", 8},
        {"Mustafa", 7},
        {"Ahmet", 6},
        {"Ali", 5},
        {"Hüseyin", 5},
        {"Hasan", 5},
        {"İbrahim", 4},
        {"Murat", 4}},
       {{"Ayşe", 6}, {"Fatma", 6}, {"Emine", 5}, {"Zeynep", 5}, {"Elif", 4}},
       {{"Yılmaz", 8},
        {"Kaya", 6},
        {"Demir", 6},
        {"Şahin", 5},
        {"Çelik", 5},
        {"Yıldız", 5},
        {"Yıldırım", 4},
        {"Öztürk", 4},
        {"Aydın", 4},
        {"Özdemir", 4}},
       {{"Anadolu", 4},
        {"Ege", 3},
        {"Marmara", 3},
        {"Boğaziçi", 2},
        {"Karadeniz", 3},
        {"Toros", 3},
        {"İpekyolu", 2}}},
      // Emirati.
      {{{"Mohammed", 10},
        {"Ahmed", 6},
        {"Khalid", 5},
        {"Rashid", 5},
        {"Saeed", 5},
        {"Sultan", 4},
        {"Hamdan", 3},
        {"Abdullah", 5}},
       {{"Fatima", 6}, {"Mariam", 5}, {"Aisha", 5}, {"Noura", 4}, {"Shamma", 3}},
       {{"Al Mansoori", 5},
        {"Al Falasi", 4},
        {"Al Nuaimi", 4},
        {"Al Suwaidi", 4},
        {"Al Shamsi", 4},
        {"Al Mazrouei", 3},
        {"Al Ketbi", 3},
        {"Al Hashemi", 3}},
       {{"Gulf Star", 3},
        {"Desert Rose", 3},
        {"Falcon", 4},
        {"Jebel", 3},
        {"Oasis", 3},
        {"Emirates Link", 2},
        {"Al Waha", 3},
        {"Blue Horizon", 2}}},
  }};
  return tables[static_cast<size_t>(culture)];
}

// Russian-style patronymic from a father's given name: Sergei -> Sergeevich / Sergeevna.
std::string Patronymic(const std::string& father, bool female) {
  std::string stem = father;
  std::string suffix = female ? "ovna" : "ovich";
  char last = stem.back();
  if (last == 'i' || last == 'y') {
    stem.pop_back();
    suffix = female ? "evna" : "evich";
  } else if (last == 'a') {
    stem.pop_back();
    suffix = female ? "ovna" : "ovich";
  }
  return stem + suffix;
}

bool UsesPatronymic(Culture culture) {
  return culture == Culture::kRussian || culture == Culture::kKazakh ||
         culture == Culture::kKyrgyz || culture == Culture::kUzbek;
}

}  // namespace

Person PersonName(Culture culture, Random& random) {
  const NameTables& t = Tables(culture);
  bool female = random.Chance(0.3);
  std::string given = PickWeighted(female ? t.female : t.male, random);
  std::string family = PickWeighted(t.family, random);
  if (culture == Culture::kChinese) {
    // Mostly given+family as in Western-ordered records, sometimes the Chinese order.
    return {random.Chance(0.7) ? given + " " + family : family + " " + given, female};
  }
  if (female && UsesPatronymic(culture) && family.back() == 'v') family += "a";
  if (UsesPatronymic(culture) && random.Chance(culture == Culture::kRussian ? 0.8 : 0.4)) {
    std::string patronymic = Patronymic(PickWeighted(t.male, random), female);
    // Documents write FAMILY GIVEN PATRONYMIC; letters and databases often GIVEN PATRONYMIC FAMILY.
    return {random.Chance(0.5) ? family + " " + given + " " + patronymic
                               : given + " " + patronymic + " " + family,
            female};
  }
  return {given + " " + family, female};
}

std::string CompanyName(Culture culture, const char* city, Random& random) {
  std::string brand = PickWeighted(Tables(culture).brands, random);
  switch (culture) {
    case Culture::kChinese: {
      static const std::vector<Weighted> trades = {{"Trading", 6},
                                                   {"Import and Export", 5},
                                                   {"Logistics", 4},
                                                   {"Electronics", 3},
                                                   {"Textile", 3},
                                                   {"Machinery", 3},
                                                   {"Technology", 3},
                                                   {"International Trade", 2},
                                                   {"Supply Chain Management", 2}};
      std::string place = random.Chance(0.5) ? city : "";
      if (place == "Urumqi" || place == "Kashgar") place = random.Chance(0.5) ? "Xinjiang" : place;
      return (place.empty() ? "" : place + " ") + brand + " " + PickWeighted(trades, random) +
             " Co., Ltd.";
    }
    case Culture::kRussian: {
      static const std::vector<Weighted> cyrillic = {{"Восток", 4}, {"Сибирь", 3}, {"Урал", 3},
                                                     {"Волга", 3},  {"Кедр", 2},   {"Янтарь", 3}};
      switch (random.Below(4)) {
        case 0:
          return "ООО «" + std::string(PickWeighted(cyrillic, random)) + "»";
        case 1:
          return "OOO \"" + brand + "\"";
        case 2:
          return brand + " LLC";
        default:
          return "LLC " + brand + " Trade";
      }
    }
    case Culture::kKazakh:
      return random.Chance(0.6) ? brand + (random.Chance(0.5) ? " Trans LLP" : " Logistic LLP")
                                : "TOO \"" + brand + "\"";
    case Culture::kKyrgyz:
      return random.Chance(0.5) ? "OsOO \"" + brand + "\"" : brand + " Trade LLC";
    case Culture::kUzbek:
      return random.Chance(0.5) ? brand + " MChJ" : "\"" + brand + " Savdo\" LLC";
    case Culture::kPakistani:
      return random.Chance(0.6) ? brand + " Traders (Pvt.) Ltd"
                                : brand + " Enterprises (Private) Limited";
    case Culture::kTurkish:
      return random.Chance(0.5) ? brand + " Lojistik Ltd. Şti." : brand + " Dış Ticaret A.Ş.";
    case Culture::kEmirati:
      switch (random.Below(3)) {
        case 0:
          return brand + " General Trading LLC";
        case 1:
          return brand + " FZE";
        default:
          return brand + " Trading FZCO";
      }
  }
  return brand;
}

std::string StreetAddress(Culture culture, const char* city, Random& random) {
  std::string number = std::to_string(random.Between(1, 250));
  std::string street = PickWeighted(Tables(culture).family, random);
  switch (culture) {
    case Culture::kChinese:
      return "No. " + number + " " + street + " Road, " + city;
    case Culture::kRussian:
    case Culture::kKazakh:
    case Culture::kKyrgyz:
    case Culture::kUzbek:
      return street + " street " + number + ", " + city;
    case Culture::kTurkish:
      return street + " Caddesi No:" + number + ", " + city;
    default:
      return "Plot " + number + ", " + street + " Road, " + city;
  }
}

const std::vector<Route>& Routes() {
  // Places of rules/reference/corridor_locations.csv, plus Dostyk (KZ-10, Abai region), Jebel
  // Ali, Istanbul and Moscow. UN/LOCODEs only where we are sure of them.
  static const Stop urumqi{"Urumqi", "CNURC", "CN", "CN-XJ", "inland"};
  static const Stop kashgar{"Kashgar", nullptr, "CN", "CN-XJ", "inland"};
  static const Stop khorgos_cn{"Khorgos", "CNKHG", "CN", "CN-XJ", "border_crossing"};
  static const Stop khorgos_kz{"Khorgos", nullptr, "KZ", "KZ-33", "border_crossing"};
  static const Stop alashankou{"Alashankou", nullptr, "CN", "CN-XJ", "border_crossing"};
  static const Stop dostyk{"Dostyk", nullptr, "KZ", "KZ-10", "border_crossing"};
  static const Stop almaty{"Almaty", "KZALA", "KZ", "KZ-75", "inland"};
  static const Stop torugart_cn{"Torugart", nullptr, "CN", "CN-XJ", "border_crossing"};
  static const Stop torugart_kg{"Torugart", nullptr, "KG", "KG-N", "border_crossing"};
  static const Stop bishkek{"Bishkek", "KGFRU", "KG", "KG-GB", "inland"};
  static const Stop irkeshtam_cn{"Irkeshtam", nullptr, "CN", "CN-XJ", "border_crossing"};
  static const Stop irkeshtam_kg{"Irkeshtam", nullptr, "KG", "KG-O", "border_crossing"};
  static const Stop osh{"Osh", nullptr, "KG", "KG-GO", "inland"};
  static const Stop tashkent{"Tashkent", "UZTAS", "UZ", "UZ-TK", "inland"};
  static const Stop khunjerab_cn{"Khunjerab Pass", nullptr, "CN", "CN-XJ", "border_crossing"};
  static const Stop khunjerab_pk{"Khunjerab Pass", nullptr, "PK", "PK-GB", "border_crossing"};
  static const Stop sost{"Sost", "PKSST", "PK", "PK-GB", "transshipment"};
  static const Stop havelian{"Havelian", nullptr, "PK", "PK-KP", "inland"};
  static const Stop islamabad{"Islamabad", nullptr, "PK", "PK-IS", "inland"};
  static const Stop lahore{"Lahore", nullptr, "PK", "PK-PB", "inland"};
  static const Stop karachi{"Karachi", "PKKHI", "PK", "PK-SD", "port"};
  static const Stop port_qasim{"Port Qasim", "PKBQM", "PK", "PK-SD", "port"};
  static const Stop gwadar{"Gwadar", "PKGWD", "PK", "PK-BA", "port"};
  static const Stop shenzhen{"Shenzhen", "CNSZX", "CN", "CN-GD", "port"};
  static const Stop jebel_ali{"Jebel Ali", "AEJEA", "AE", "AE-DU", "port"};
  static const Stop istanbul{"Istanbul", "TRIST", "TR", "TR-34", "inland"};
  static const Stop moscow{"Moscow", "RUMOW", "RU", "RU-MOW", "inland"};
  static const std::vector<Route> routes = {
      {"road", 14, {urumqi, khorgos_cn, khorgos_kz, almaty}},
      {"rail", 10, {urumqi, alashankou, dostyk, almaty}},
      {"road", 7, {kashgar, torugart_cn, torugart_kg, bishkek}},
      {"road", 7, {kashgar, irkeshtam_cn, irkeshtam_kg, osh, tashkent}},
      {"road", 6, {kashgar, khunjerab_cn, khunjerab_pk, sost, havelian, islamabad}},
      {"road", 4, {lahore, islamabad, sost, khunjerab_pk, khunjerab_cn, kashgar}},
      {"sea", 12, {shenzhen, karachi}},
      {"sea", 5, {shenzhen, port_qasim}},
      {"sea", 8, {karachi, jebel_ali}},
      {"sea", 6, {jebel_ali, karachi}},
      {"sea", 1, {shenzhen, gwadar}},
      {"rail", 2, {urumqi, khorgos_cn, khorgos_kz, almaty, moscow}},
      {"road", 5, {tashkent, almaty}},
      {"road", 4, {bishkek, almaty}},
      {"air", 3, {jebel_ali, almaty}},
      {"air", 3, {istanbul, tashkent}},
      {"road", 3, {almaty}},
      {"road", 3, {lahore}},
  };
  return routes;
}

const std::vector<Goods>& CommonGoods() {
  static const std::vector<Goods> goods = {
      {"940360", "wooden furniture", "pcs", 8500},
      {"392690", "plastic articles", "kg", 450},
      {"690721", "ceramic floor tiles", "kg", 90},
      {"870899", "motor vehicle parts", "kg", 1200},
      {"841810", "refrigerator-freezers", "pcs", 32000},
      {"732393", "stainless steel kitchenware", "kg", 700},
      {"640299", "footwear, rubber soles", "pcs", 900},
      {"950300", "toys", "pcs", 350},
      {"420292", "travel bags", "pcs", 1100},
      {"080810", "fresh apples", "kg", 80},
      {"070310", "onions", "kg", 30},
      {"100630", "milled rice", "kg", 60},
      {"252329", "portland cement", "t", 6000},
      {"720839", "hot-rolled steel coils", "t", 62000},
      {"731815", "steel screws and bolts", "kg", 250},
      {"481910", "corrugated cartons", "kg", 110},
      {"330499", "cosmetics", "pcs", 400},
      {"090240", "black tea", "kg", 350},
      {"080620", "raisins", "kg", 220},
      {"847130", "laptop computers", "pcs", 45000},
      {"851713", "smartphones", "pcs", 18000},
      {"870323", "passenger cars", "pcs", 1500000},
      {"401110", "car tyres", "pcs", 5500},
      {"731430", "steel mesh", "kg", 140},
  };
  return goods;
}

const std::vector<Goods>& UflpaSectorGoods() {
  static const std::vector<Goods> goods = {
      {"520100", "raw cotton", "kg", 180},
      {"520512", "cotton yarn", "kg", 320},
      {"520811", "woven cotton fabric", "kg", 600},
      {"610910", "cotton T-shirts", "pcs", 350},
      {"620342", "cotton trousers", "pcs", 900},
      {"630260", "cotton towels", "kg", 700},
      {"200290", "tomato paste", "kg", 110},
      {"854143", "photovoltaic modules", "pcs", 9000},
      {"760110", "unwrought aluminium", "t", 240000},
      {"390410", "polyvinyl chloride", "kg", 95},
  };
  return goods;
}

const std::vector<Goods>& ChplGoods() {
  static const std::vector<Goods> goods = {
      {"854231", "microcontrollers", "pcs", 300},
      {"854232", "memory chips", "pcs", 500},
      {"851762", "network switches", "pcs", 12000},
      {"848210", "ball bearings", "pcs", 400},
      {"847150", "computer processing units", "pcs", 60000},
      {"853400", "printed circuit boards", "pcs", 800},
      {"845961", "CNC milling machines", "pcs", 4500000},
      {"880730", "drone parts", "pcs", 2500},
  };
  return goods;
}

const std::vector<ListedName>& BuiltinListedNames() {
  // Entries as published on the OFAC SDN list (primary names).
  static const std::vector<ListedName> names = {
      {"XINJIANG PRODUCTION AND CONSTRUCTION CORPS", "company", "CN"},
      {"CHEN, Quanguo", "person", "CN"},
      {"ZHU, Hailun", "person", "CN"},
      {"WANG, Mingshan", "person", "CN"},
      {"WANG, Junzheng", "person", "CN"},
      {"SUN, Jinlong", "person", "CN"},
      {"PENG, Jiarui", "person", "CN"},
      {"SBER VOSTOK LIMITED LIABILITY PARTNERSHIP", "company", "KZ"},
      {"PUBLIC JOINT STOCK COMPANY SBERBANK OF RUSSIA", "company", "RU"},
      {"VTB BANK PUBLIC JOINT STOCK COMPANY", "company", "RU"},
      {"MAHAN AIR", "company", "AE"},
      {"HAQQANI NETWORK", "company", "PK"},
  };
  return names;
}

std::string DateAfter2025(int offset) {
  static const int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int year = 2025;
  for (;;) {
    bool leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    int length = leap ? 366 : 365;
    if (offset < length) {
      int month = 0;
      for (;; ++month) {
        int days = kDays[month] + (month == 1 && leap ? 1 : 0);
        if (offset < days) break;
        offset -= days;
      }
      char text[40];
      std::snprintf(text, sizeof(text), "%04d-%02d-%02d", year, month + 1, offset + 1);
      return text;
    }
    offset -= length;
    ++year;
  }
}

}  // namespace corridor::generate
