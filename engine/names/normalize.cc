#include "engine/names/normalize.h"

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <initializer_list>
#include <map>
#include <string>
#include <unordered_map>
#include <utility>

#include "engine/base/strings.h"
#include "engine/names/score.h"
#include "engine/names/structure.h"
#include "engine/names/translit_rules.h"

namespace corridor::names {

namespace {

using icu::Transliterator;
using icu::UnicodeString;

struct LegalFormEntry {
  const char* words;
  const char* form_class;
  bool edge_only;  // recognised only as the first or last word of a longer name
};

// Legal forms by class. Classes are equivalent across languages: a Kazakh TOO, a Russian OOO, an
// English LLC or Ltd and a Chinese 有限公司 are all "limited".
constexpr LegalFormEntry kLegalForms[] = {
    {"ltd", "limited", false},
    {"limited", "limited", false},
    {"llc", "limited", false},
    {"llp", "limited", false},
    {"too", "limited", false},
    {"ooo", "limited", false},
    {"gmbh", "limited", false},
    {"sarl", "limited", false},
    {"srl", "limited", false},
    {"ltda", "limited", false},
    {"mchj", "limited", false},
    {"zhshs", "limited", false},
    {"kft", "limited", false},
    // edge_only marks short forms that are also ordinary words or name parts in some language
    // ("doo", "bv", "pvt", "ao", "sa", "co", "company"): only as the first or last word of a longer
    // name are they read as legal forms; mid-name they stay words.
    {"doo", "limited", true},
    {"fze", "limited", false},
    {"fzco", "limited", false},
    {"fzc", "limited", true},
    {"bv", "limited", true},
    {"pvt", "limited", true},
    {"pte", "limited", true},
    {"pty", "limited", true},
    // Multi-word phrases also list their one-word parts above: the longest phrase wins at each
    // position (Normalize), so "pvt ltd" is one legal form rather than two.
    {"pvt ltd", "limited", false},
    {"pvt limited", "limited", false},
    {"pte ltd", "limited", false},
    {"pty ltd", "limited", false},
    {"private limited", "limited", false},
    {"private ltd", "limited", false},
    {"co ltd", "limited", false},
    {"co limited", "limited", false},
    {"company limited", "limited", false},
    {"company ltd", "limited", false},
    {"limited company", "limited", false},
    {"limited liability company", "limited", false},
    {"limited liability partnership", "limited", false},
    {"limited liability", "limited", false},
    {"fz llc", "limited", false},
    {"sp z o o", "limited", false},
    // Forms written apart or spelled out (a helper's review, 2026-12-06: ALFA LOGISTICS FZ-CO
    // missed its FZCO): Malaysia's Sdn. Bhd., the UAE's FZ-CO and FZ-E, the Polish and Spanish
    // limited companies. Not SENDIRIAN BERHAD, GESELLSCHAFT MIT BESCHRANKTER HAFTUNG, PUBLICLY
    // TRADED COMPANY, FREE ZONE ESTABLISHMENT nor the Italian and French SOCIETA and SOCIETE: a
    // phrase's words weigh as legal-form words wherever they stand, and so does a word of six
    // letters or more one letter from one (IsLegalFormWord), so BEHRAD (BERHAD), TRADER
    // (TRADED), MIT, ESTABLISHMENT and SOCIETY are names' own words (a second review found
    // BEHRAD AHMADI against itself at 0.72 with BERHAD a form).
    {"sdn bhd", "limited", false},
    {"bhd", "jsc", true},
    {"fz co", "limited", false},
    {"fz e", "limited", false},
    {"spolka z ograniczona odpowiedzialnoscia", "limited", false},
    {"sociedad de responsabilidad limitada", "limited", false},
    {"youxian gongsi", "limited", false},
    {"youxian zeren gongsi", "limited", false},
    // Russian and Kazakh forms spelled out, in the romanisations lists use (BGN "-oy" and "-oi",
    // scholarly "-oj"), since Cyrillic names reach this table after transliteration.
    {"tovarishchestvo s ogranichennoy otvetstvennostyu", "limited", false},
    {"obshchestvo s ogranichennoy otvetstvennostyu", "limited", false},
    {"obshchestvo s ogranichennoi otvetstvennostyu", "limited", false},
    {"obshchestvo s ogranichennoj otvetstvennostju", "limited", false},
    {"tovarishchestvo s ogranichennoi otvetstvennostyu", "limited", false},
    {"obshchestvo s ogranichennoi otvetstvennostiu", "limited", false},
    // Kazakh ЖШС and Kyrgyz ЖЧК spelled out (BGN), Uzbek МЧЖ in Cyrillic, Turkish "Ltd. Şti." and
    // "Limited Şirketi", Pakistan's single-member company ("(SMC-Private) Limited").
    {"zhauapkershiligi shekteuli seriktestik", "limited", false},
    {"zhoopkerchiligi chektelgen koom", "limited", false},
    {"zhchk", "limited", false},
    {"mchzh", "limited", false},
    {"limited sirketi", "limited", false},
    {"ltd sti", "limited", false},
    {"smc private limited", "limited", false},
    {"smc pvt ltd", "limited", false},
    {"jsc", "jsc", false},
    {"pjsc", "jsc", false},
    {"cjsc", "jsc", false},
    {"ojsc", "jsc", false},
    {"pao", "jsc", false},
    {"zao", "jsc", false},
    {"oao", "jsc", false},
    {"plc", "jsc", false},
    {"ao", "jsc", true},
    {"ag", "jsc", true},
    {"sa", "jsc", true},
    {"spa", "jsc", true},
    {"nv", "jsc", true},
    {"kk", "jsc", true},
    // Mexico's and Latin America's forms as the lists write them (CHIHUAHUA FOODS S.A. DE C.V.,
    // 326 entries of the four lists; S. DE R.L. DE C.V.; Peru's S.A.C., Colombia's S.A.S.):
    // sociedad anónima de capital variable (bursátil, de promoción de inversión), sociedad de
    // responsabilidad limitada (de capital variable), sociedad anónima cerrada, sociedad por
    // acciones simplificada, compañía limitada.
    {"sa de cv", "jsc", false},
    {"sab de cv", "jsc", false},
    {"sapi de cv", "jsc", false},
    {"s de rl de cv", "limited", false},
    {"s de rl", "limited", false},
    {"srl de cv", "limited", false},
    {"cia ltda", "limited", false},
    {"sac", "jsc", true},
    {"sas", "jsc", true},
    {"joint stock company", "jsc", false},
    {"joint stock co", "jsc", false},
    {"public joint stock company", "jsc", false},
    {"closed joint stock company", "jsc", false},
    {"open joint stock company", "jsc", false},
    {"public limited company", "jsc", false},
    {"aktsionernoye obshchestvo", "jsc", false},
    {"aktsionernoe obshchestvo", "jsc", false},
    {"publichnoye aktsionernoye obshchestvo", "jsc", false},
    {"zakrytoye aktsionernoye obshchestvo", "jsc", false},
    {"otkrytoye aktsionernoye obshchestvo", "jsc", false},
    // The same in the "-oe" spelling OFAC's aliases use (OTKRYTOE AKTSIONERNOE OBSHCHESTVO: 112
    // aliases of the lists of 2026-12; the "-oye" forms alone left OTKRYTOE as a name word).
    {"publichnoe aktsionernoe obshchestvo", "jsc", false},
    {"nepublichnoe aktsionernoe obshchestvo", "jsc", false},
    {"zakrytoe aktsionernoe obshchestvo", "jsc", false},
    {"otkrytoe aktsionernoe obshchestvo", "jsc", false},
    {"aktsionernaya kompaniya", "jsc", false},
    // "Joint-stock" alone, as a Russian bank's form (AKB, joint-stock commercial bank) writes it:
    // AKTSIONERNY KOMMERCHESKI BANK NOVIKOMBANK is NOVIKOMBANK JSC. Not the whole phrase: the
    // words of a phrase weigh as legal-form words (IsLegalFormWord), and BANK must not.
    {"aktsionerny", "jsc", false},
    {"aktsionernyy", "jsc", false},
    {"aktsionernyi", "jsc", false},
    {"aktsionerlik qoghamy", "jsc", false},  // Kazakh АҚ spelled out
    // Ukrainian (TOV, PAT, PrAT, AT), Belarusian (TAA, AAT, ZAT) and Serbian or Croatian (d.o.o.)
    // forms spelled out as the lists write them: TOVARYSTVO Z OBMEZHENOYU VIDPOVIDALNISTYU (5
    // times on the lists of 2026-12), TAVARYSTVA Z ABMEZHAVANAY ADKAZNASTSYU (10), DRUSTVO SA
    // OGRANICENOM ODGOVORNOSCU (6), PUBLICHNE AKTSIONERNE TOVARYSTVO (5).
    {"tovarystvo z obmezhenoyu vidpovidalnistyu", "limited", false},
    {"tovarystvo z obmezhenoiu vidpovidalnistiu", "limited", false},
    {"tavarystva z abmezhavanay adkaznastsyu", "limited", false},
    {"drustvo sa ogranicenom odgovornoscu", "limited", false},
    {"drustvo s ogranicenom odgovornoscu", "limited", false},
    {"publichne aktsionerne tovarystvo", "jsc", false},
    {"pryvatne aktsionerne tovarystvo", "jsc", false},
    {"aktsionerne tovarystvo", "jsc", false},
    {"adkrytae aktsyyanernae tavarystva", "jsc", false},
    {"zakrytae aktsyyanernae tavarystva", "jsc", false},
    {"aktsyyanernae tavarystva", "jsc", false},
    {"aktiengesellschaft", "jsc", false},
    {"anonim sirketi", "jsc", false},
    {"sociedad anonima", "jsc", false},
    {"societe anonyme", "jsc", false},
    {"gufen youxian gongsi", "jsc", false},
    {"kabushiki kaisha", "jsc", false},
    {"corp", "corp", false},
    {"corporation", "corp", false},
    {"inc", "corp", false},
    {"incorporated", "corp", false},
    {"co", "corp", true},
    {"company", "corp", true},
    {"gongsi", "corp", true},
    {"kompaniya", "corp", true},
    {"korporatsiya", "corp", false},
    {"korporatsii", "corp", false},
    {"korporatsia", "corp", false},
    {"cie", "corp", true},
};

constexpr size_t kMaxLegalFormWords = 5;  // the longest phrase above

// Kinds of Russian and Soviet organisation, which name a company's kind as a legal form names its
// form: NPO (scientific-production association), NPP (... enterprise), NPK (... corporation,
// company, concern or complex), NII and TsNII ((central) research institute), OKB, SKB, TsKB
// (design bureaus), KB (a design bureau or a commercial bank), FGUP, GUP, MUP (unitary
// enterprises), FGBU (budgetary institution), VPK (military-industrial corporation). The lists
// write one organisation as the abbreviation, in Russian and in English (AO NPP TOPAZ, NAUCHNO
// PROIZVODSTVENNOE PREDPRIYATIE ISTOCHNIK, CLOSED JOINT-STOCK COMPANY SCIENTIFIC PRODUCTION
// ENTERPRISE TOPAZ: 198 of the organisations' alias pairs of the lists of 2026-12). Each is read
// as one token of its kind's class, which weighs more than a legal form and compares only with
// kinds: the same kind spelled any way is one token, and a kind says less of identity than the
// name's own word (TOPAZ). The phrases are English, the Russian words having been read in English
// (RussianWordInEnglish) before this table is looked up: NAUCHNO PROIZVODSTVENNOE PREDPRIYATIE is
// SCIENTIFIC PRODUCTION ENTERPRISE by then.
struct OrganisationType {
  const char* words;
  const char* type_class;
};
constexpr OrganisationType kOrganisationTypes[] = {
    {"npo", "npo"},
    {"npp", "npp"},
    {"spe", "npp"},  // the lists' English abbreviations: scientific (research) production
    {"rpe", "npp"},  // enterprise, research and production enterprise
    {"srpe", "npp"},
    {"npk", "npk"},
    {"npts", "npts"},
    {"nii", "nii"},
    {"nipi", "nii"},
    {"research institute", "nii"},
    {"scientific research institute", "nii"},
    {"scientific and research institute", "nii"},
    {"institute for scientific research", "nii"},
    {"research and design institute", "nii"},
    {"scientific research and design institute", "nii"},
    {"research and development enterprise", "npp"},  // NPP as the lists translate it
    {"research and development institute", "nii"},
    {"tsnii", "tsnii"},
    {"central research institute", "tsnii"},
    {"central scientific research institute", "tsnii"},
    {"central institute for scientific research", "tsnii"},
    // KB alone is a design bureau or a commercial bank (AO KB YUNISTRIM, PJSC KB VOSTOCHNY): a
    // class of its own, which meets only KB.
    {"kb", "kb"},
    {"okb", "okb"},
    {"skb", "okb"},
    {"tskb", "okb"},
    {"design bureau", "okb"},
    {"experimental design bureau", "okb"},
    {"special design bureau", "okb"},
    {"central design bureau", "okb"},
    {"fgup", "unitary"},
    {"fsue", "unitary"},  // the lists' English abbreviation (FSUE NPP GAMMA)
    {"gup", "unitary"},
    {"mup", "unitary"},
    {"federal state unitary enterprise", "unitary"},
    {"state unitary enterprise", "unitary"},
    {"municipal unitary enterprise", "unitary"},
    {"fgbu", "fgbu"},
    {"fgbou", "fgbu"},
    {"fgbun", "fgbu"},
    {"federal state budgetary institution", "fgbu"},
    {"federal state budgetary scientific institution", "fgbu"},
    {"federal state budgetary educational institution", "fgbu"},
    {"vpk", "vpk"},
    {"military industrial corporation", "vpk"},
    {"military industrial company", "vpk"},
};
// The scientific-production kinds spelled out: each way of writing "scientific-production"
// before each noun (NPO, NPP, NPK).
constexpr std::string_view kScientificProduction[] = {
    "scientific production", "scientific and production", "science and production",
    "research and production", "research production"};
constexpr OrganisationType kScientificProductionNouns[] = {
    {"association", "npo"}, {"enterprise", "npp"}, {"corporation", "npk"},
    {"company", "npk"},     {"concern", "npk"},    {"complex", "npk"},
    {"firm", "npk"},        {"center", "npts"},    {"centre", "npts"},
};
constexpr size_t kMaxOrganisationTypeWords = 5;  // the longest phrase above

// Abbreviations common in company names, expanded to the word they stand for.
// Expanded so that "INTL TRDG" and "INTERNATIONAL TRADING" compare as equal words and share one
// learned weight. Only unambiguous abbreviations: an expansion that is wrong for a real name would
// cost that name its match.
constexpr std::pair<const char*, const char*> kAbbreviations[] = {
    {"intl", "international"},
    {"grp", "group"},
    {"comm", "commercial"},
    {"coml", "commercial"},
    {"mfg", "manufacturing"},
    {"mfrs", "manufacturers"},
    {"inds", "industries"},
    {"indus", "industries"},
    {"tech", "technology"},
    {"techs", "technologies"},
    {"eng", "engineering"},
    {"engg", "engineering"},
    {"svc", "services"},
    {"svcs", "services"},
    {"natl", "national"},
    {"assn", "association"},
    {"bros", "brothers"},
    {"hldg", "holding"},
    {"hldgs", "holdings"},
    {"invt", "investment"},
    {"mgmt", "management"},
    {"elec", "electric"},
    {"univ", "university"},
    {"inst", "institute"},
    {"govt", "government"},
    {"sci", "scientific"},
    {"ent", "enterprises"},
    {"ctr", "center"},
    {"centre", "center"},
    {"equip", "equipment"},
    {"chem", "chemical"},
    {"pharm", "pharmaceutical"},
    {"shpg", "shipping"},
    {"nav", "navigation"},
    {"trdg", "trading"},
    {"imp", "import"},
    {"exp", "export"},
    {"dept", "department"},
    {"mfr", "manufacturer"},
    // An airline's name written with AIR, AIRLINES or AIRWAYS is one name (POUYA AIR, POUYA
    // AIRLINES; AIR BUTEMBO, BUTEMBO AIRLINES; DENA AIRWAYS, DENA AIRLINES: aliases of one entry
    // on the lists); AIR FORCE and AIR DEFENSE are words of their own (AirArm).
    {"airlines", "air"},
    {"airline", "air"},
    {"airways", "air"},
    {"aircompany", "air"},
};

// BGN/PCGN romanisation writes marks inside a word: a middle dot where a Latin digraph would
// misread (Рособоронэкспорт is ROSOBORON·EKSPORT: н·э, not the ne of нe; Детский DET·SKIY), and
// the hard and soft signs as ʺ and ʹ. Names as published and typed leave them out, and Latin-ASCII
// would turn the dot and ʺ into word separators, so they are removed before it.
constexpr char kBgnMarkRules[] = "[\\u00B7\\u02B9\\u02BA] > ;";

// Conventional Latin spellings of common Korean surnames (ICU's Hangul-Latin gives the Revised
// Romanization of the syllable, "gim" for 김, which no passport uses).
const std::unordered_map<UChar32, const char*>& KoreanSurnames() {
  static const auto* table = new std::unordered_map<UChar32, const char*>{
      {0xAE40, "kim"},   {0xC774, "lee"},  {0xBC15, "park"}, {0xCD5C, "choi"}, {0xC815, "jung"},
      {0xAC15, "kang"},  {0xC870, "cho"},  {0xC724, "yoon"}, {0xC7A5, "jang"}, {0xC784, "lim"},
      {0xD55C, "han"},   {0xC624, "oh"},   {0xC11C, "seo"},  {0xC2E0, "shin"}, {0xAD8C, "kwon"},
      {0xD669, "hwang"}, {0xC548, "ahn"},  {0xC1A1, "song"}, {0xB958, "ryu"},  {0xD64D, "hong"},
      {0xC804, "jeon"},  {0xACE0, "ko"},   {0xBB38, "moon"}, {0xC591, "yang"}, {0xC190, "son"},
      {0xBC30, "bae"},   {0xBC31, "baek"}, {0xD5C8, "heo"},  {0xB0A8, "nam"},  {0xC2EC, "shim"},
      {0xB178, "noh"},   {0xD558, "ha"},   {0xACFD, "kwak"}, {0xC131, "sung"}, {0xCC28, "cha"},
      {0xC8FC, "joo"},   {0xC6B0, "woo"},  {0xAD6C, "koo"},  {0xBBFC, "min"},  {0xC720, "yoo"},
      {0xB098, "na"},    {0xC9C4, "jin"},  {0xC9C0, "ji"},   {0xCC44, "chae"}, {0xC6D0, "won"},
      {0xBC29, "bang"},  {0xACF5, "kong"}, {0xD604, "hyun"}, {0xBCC0, "byun"}, {0xB9AC, "ri"},
  };
  return *table;
}

// Chinese legal forms, replaced by their pinyin words before transliteration so that the Han
// personal-name grouping below does not see them.
constexpr std::pair<const char*, const char*> kChineseLegalForms[] = {
    // Longest first: findAndReplace runs in this order, so 公司 must come after the forms that end
    // with it. The surrounding spaces keep the form a separate word from the name before it.
    {"股份有限公司", " gufen youxian gongsi "},
    {"有限责任公司", " youxian zeren gongsi "},
    {"有限公司", " youxian gongsi "},
    {"株式会社", " kabushiki kaisha "},
    {"公司", " gongsi "},
};

// The words of Chinese company names that English names translate rather than romanise, with
// the translation lists and registries use (新疆生产建设兵团 is XINJIANG PRODUCTION AND
// CONSTRUCTION CORPS, 华为技术有限公司 HUAWEI TECHNOLOGIES CO., LTD.): replaced in a name of five
// Han characters or more (a company's; a personal name has two to four) before romanisation, so
// that the name's own words (XINJIANG, HUAWEI) stay pinyin and the generic ones read as the
// English words the lists publish. Read left to right, the longest word at each position
// (ReplaceChineseWords). 中国 is CHINA only where a run of Han characters starts (华中国际 is
// HUAZHONG INTERNATIONAL, not HUA CHINA); 市 and 省 (city, province) after a place name of two
// characters or more are left out, as English names leave them out.
constexpr std::pair<const char*, const char*> kChineseCompanyWords[] = {
    {"中国", "china"},
    {"香港", "hong kong"},
    {"维吾尔自治区", "uyghur autonomous region"},
    {"自治区", "autonomous region"},
    {"市", ""},
    {"省", ""},
    {"超市", "supermarket"},
    {"市场", "market"},
    {"城市", "city"},
    {"市政", "municipal"},
    {"科技", "technology"},
    {"技术", "technology"},
    {"高科技", "high technology"},
    {"化学", "chemical"},
    {"化工", "chemical"},
    {"石油化工", "petrochemical"},
    {"石化", "petrochemical"},
    {"石油", "petroleum"},
    {"天然气", "natural gas"},
    {"贸易", "trading"},
    {"商贸", "trading"},
    {"进出口", "import export"},
    {"国际", "international"},
    {"集团", "group"},
    {"控股", "holding"},
    {"实业", "industrial"},
    {"工业", "industry"},
    {"重工业", "heavy industry"},
    {"重工", "heavy industry"},
    {"产业", "industry"},
    {"电子", "electronics"},
    {"微电子", "microelectronics"},
    {"电气", "electric"},
    {"电力", "electric power"},
    {"机械", "machinery"},
    {"设备", "equipment"},
    {"装备", "equipment"},
    {"能源", "energy"},
    {"新能源", "new energy"},
    {"矿业", "mining"},
    {"投资", "investment"},
    {"发展", "development"},
    {"物流", "logistics"},
    {"航运", "shipping"},
    {"船务", "shipping"},
    {"海运", "shipping"},
    {"运输", "transportation"},
    {"船舶", "shipbuilding"},
    {"建设", "construction"},
    {"建筑", "construction"},
    {"工程", "engineering"},
    {"生产", "production"},
    {"兵团", "corps"},
    {"材料", "materials"},
    {"新材料", "new materials"},
    {"纺织", "textile"},
    {"服装", "garment"},
    {"棉业", "cotton"},
    {"农业", "agriculture"},
    {"食品", "food"},
    {"医药", "pharmaceutical"},
    {"制药", "pharmaceutical"},
    {"生物", "biological"},
    {"光电", "optoelectronics"},
    {"光电子", "optoelectronics"},
    {"半导体", "semiconductor"},
    {"集成电路", "integrated circuit"},
    {"电信", "telecom"},
    {"移动", "mobile"},
    {"联通", "unicom"},
    {"通信", "communication"},
    {"通讯", "communication"},
    {"信息", "information"},
    {"软件", "software"},
    {"网络", "network"},
    {"数字", "digital"},
    {"智能", "intelligent"},
    {"精密", "precision"},
    {"仪器", "instrument"},
    {"航空", "aviation"},
    {"航天", "aerospace"},
    {"钢铁", "iron steel"},
    {"有色金属", "nonferrous metals"},
    {"金属", "metal"},
    {"光伏", "photovoltaic"},
    {"硅业", "silicon industry"},
    {"铝业", "aluminum"},
    {"研究所", "research institute"},
    {"研究院", "research institute"},
    {"大学", "university"},
    {"中心", "center"},
    {"服务", "services"},
    {"管理", "management"},
    {"咨询", "consulting"},
    {"供应链", "supply chain"},
    {"汽车", "automobile"},
    {"零部件", "parts"},
    {"制造", "manufacturing"},
    {"创新", "innovation"},
    {"系统", "systems"},
    {"银行", "bank"},
    {"保险", "insurance"},
    {"证券", "securities"},
    {"房地产", "real estate"},
};

// Chinese place names read as one pinyin word each, in every Han name (a company's name begins
// with its city or region): Han-Latin reads some characters with another of their readings (喀什
// KA SHEN for KASHI, 库尔勒 KU ERLEI for KUERLE, 西藏 XI CANG for XIZANG, 重庆 ZHONG QING) and
// reads a lone place of two to four characters as a personal name (乌鲁木齐 WU LUMUQI, 天津大学
// TIAN JINDAXUE), and 澳门's first syllable, read alone, was the legal form AO. The English names
// of these places (KASHGAR, URUMQI, MACAU) are their pinyin's variants
// (engine/names/place_names.txt). 北京 and 南京, read BEI JING and NAN JING, already meet BEIJING
// and NANJING.
constexpr std::pair<const char*, const char*> kChinesePlaceNames[] = {
    {"乌鲁木齐", "wulumuqi"}, {"烏魯木齊", "wulumuqi"}, {"喀什", "kashi"},
    {"阿克苏", "akesu"},      {"阿克蘇", "akesu"},      {"和田", "hetian"},
    {"库尔勒", "kuerle"},     {"庫爾勒", "kuerle"},     {"吐鲁番", "tulufan"},
    {"吐魯番", "tulufan"},    {"克拉玛依", "kelamayi"}, {"克拉瑪依", "kelamayi"},
    {"哈密", "hami"},         {"伊犁", "yili"},         {"阿勒泰", "aletai"},
    {"博尔塔拉", "boertala"}, {"博爾塔拉", "boertala"}, {"巴音郭楞", "bayinguoleng"},
    {"克孜勒苏", "kezilesu"}, {"克孜勒蘇", "kezilesu"}, {"阿图什", "atushi"},
    {"阿圖什", "atushi"},     {"莎车", "shache"},       {"莎車", "shache"},
    {"昌吉", "changji"},      {"石河子", "shihezi"},    {"塔城", "tacheng"},
    {"哈尔滨", "haerbin"},    {"哈爾濱", "haerbin"},    {"呼和浩特", "huhehaote"},
    {"拉萨", "lasa"},         {"拉薩", "lasa"},         {"西藏", "xizang"},
    {"澳门", "aomen"},        {"澳門", "aomen"},        {"厦门", "xiamen"},
    {"廈門", "xiamen"},       {"重庆", "chongqing"},    {"重慶", "chongqing"},
    {"长沙", "changsha"},     {"長沙", "changsha"},     {"长春", "changchun"},
    {"長春", "changchun"},    {"天津", "tianjin"},      {"库车", "kuche"},
    {"庫車", "kuche"},
};

// A Chinese word of a name and what it is read as: kChineseLegalForms and kChinesePlaceNames
// (always) and kChineseCompanyWords (in a company's name), in UTF-16, the longest first.
struct ChineseWord {
  UnicodeString han;
  UnicodeString reading;  // set off by spaces
  bool company_word = false;
  bool run_start_only = false;  // 中国: only where a run of Han characters starts
  bool after_place = false;     // 市, 省: only after two Han characters or more of the run
  bool place = false;           // kChinesePlaceNames: ReplaceChineseWords says where
};

const std::vector<ChineseWord>& ChineseWords() {
  static const auto* words = [] {
    auto* out = new std::vector<ChineseWord>;
    for (const auto& [chinese, pinyin] : kChineseLegalForms) {
      out->push_back({UnicodeString::fromUTF8(chinese), UnicodeString::fromUTF8(pinyin), false});
    }
    for (const auto& [chinese, pinyin] : kChinesePlaceNames) {
      out->push_back({UnicodeString::fromUTF8(chinese),
                      UnicodeString::fromUTF8(std::string(" ") + pinyin + " "), false, false, false,
                      true});
    }
    for (const auto& [chinese, english] : kChineseCompanyWords) {
      UnicodeString han = UnicodeString::fromUTF8(chinese);
      const bool start_only = std::string_view(chinese) == "中国";
      const bool after_place = han.length() == 1;
      out->push_back({han, UnicodeString::fromUTF8(std::string(" ") + english + " "), true,
                      start_only, after_place});
    }
    std::stable_sort(out->begin(), out->end(), [](const ChineseWord& a, const ChineseWord& b) {
      return a.han.length() > b.han.length();
    });
    return out;
  }();
  return *words;
}

bool IsHan(UChar32 c) {
  UErrorCode error = U_ZERO_ERROR;
  return uscript_getScript(c, &error) == USCRIPT_HAN;
}
bool IsHangulSyllable(UChar32 c) { return c >= 0xAC00 && c <= 0xD7A3; }

// Whether a place name of `length` characters at position i of `text`, `run` Han characters into
// a run, is read as the place: where a run begins (a name's start, a bracket:
// 宏达贸易（长沙）有限公司) or after 新疆 or 自治区 (新疆维吾尔自治区乌鲁木齐市), as a company's
// name begins with its place or names its branch's in brackets; and a place of two characters only
// in a company's name (five Han characters or more, `company`): a name of two to four is read as a
// personal name (和田园 HE TIANYUAN, 伊犁 LI YI reversed), and a place inside a run is other words
// (三和田园 SANHE TIANYUAN, 永昌吉祥 YONGCHANG JIXIANG: a helper's review of the first version,
// which read places anywhere).
bool PlaceNameAt(const UnicodeString& text, int32_t i, int32_t run, int32_t length, bool company) {
  static const UnicodeString kXinjiang = UnicodeString::fromUTF8("新疆");
  static const UnicodeString kRegion = UnicodeString::fromUTF8("自治区");
  static const UnicodeString kRegionTraditional = UnicodeString::fromUTF8("自治區");
  if (run != 0 && !(run >= 2 && text.compare(i - 2, 2, kXinjiang) == 0) &&
      !(run >= 3 && (text.compare(i - 3, 3, kRegion) == 0 ||
                     text.compare(i - 3, 3, kRegionTraditional) == 0))) {
    return false;
  }
  return length >= 3 || company;
}

// `text` with its Chinese legal forms, and in a company's name (`company`) its company words,
// replaced by their readings: left to right, the longest word at each position, looked up in
// `simplified` (the text in simplified characters, position for position) while the characters
// kept are `text`'s own (traditional 乾 is QIAN; its simplified 干 is GAN).
UnicodeString ReplaceChineseWords(const UnicodeString& text, const UnicodeString& simplified,
                                  bool company) {
  UnicodeString out;
  const int32_t n = text.length();
  // Han characters just before position i in the current run (0 at a run's start).
  int32_t run = 0;
  for (int32_t i = 0; i < n;) {
    const ChineseWord* found = nullptr;
    for (const ChineseWord& word : ChineseWords()) {
      if (word.company_word && !company) continue;
      if (word.han.length() > n - i || simplified.compare(i, word.han.length(), word.han) != 0) {
        continue;
      }
      if ((word.run_start_only && run > 0) || (word.after_place && run < 2)) continue;
      if (word.place && !PlaceNameAt(text, i, run, word.han.length(), company)) continue;
      found = &word;
      break;
    }
    if (found != nullptr) {
      out.append(found->reading);
      i += found->han.length();
      run = 0;
      continue;
    }
    UChar32 c = text.char32At(i);
    out.append(c);
    i += U16_LENGTH(c);
    run = IsHan(c) ? run + 1 : 0;
  }
  return out;
}
// Letters of the Uyghur Arabic alphabet that Arabic, Persian and Urdu do not use (ە ې ۆ ۈ ۇ ۋ ڭ):
// one is enough to read the name as Uyghur.
bool IsUyghurLetter(UChar32 c) {
  return c == 0x06D5 || c == 0x06D0 || c == 0x06C6 || c == 0x06C8 || c == 0x06C7 || c == 0x06CB ||
         c == 0x06AD;
}
// The letters that follow Uyghur's hamza carrier ئ at a word's start (ئا ئە ئو ئۇ ئۆ ئۈ ئې ئى).
bool IsUyghurVowelLetter(UChar32 c) {
  return c == 0x0627 || c == 0x06D5 || c == 0x0648 || c == 0x06C7 || c == 0x06C6 || c == 0x06C8 ||
         c == 0x06D0 || c == 0x0649;
}
// Letters of Persian and Urdu that Uyghur writes otherwise (ی ک ے ہ ٹ ڈ ڑ ں): a name holding one
// is not read as Uyghur for an ى inside a word (old Persian text writes ی as ى).
bool IsPersianOrUrduLetter(UChar32 c) {
  return c == 0x06CC || c == 0x06A9 || c == 0x06D2 || c == 0x06C1 || c == 0x0679 || c == 0x0688 ||
         c == 0x0691 || c == 0x06BA;
}
// Cyrillic letters that Kazakh has and Russian lacks (ә ғ қ ң ө ұ ү һ і): one selects the Kazakh
// BGN transliteration over the Russian one.
bool IsKazakhLetter(UChar32 c) {
  switch (c) {
    case 0x04D9:
    case 0x0493:
    case 0x049B:
    case 0x04A3:
    case 0x04E9:
    case 0x04B1:
    case 0x04AF:
    case 0x04BB:
    case 0x0456:
      return true;
    default:
      return false;
  }
}

// The Tajik and Uzbek Cyrillic letters Russian lacks, written as Russian documents (and the lists'
// romanisations of them) write them: ҳ as х (ADKHAMOVICH, KHALIMOV), ҷ as дж (DZHAMSHED), ӣ as и,
// ӯ as у; "" for any other letter. Uzbek ў, ғ, қ are left to the tables (ў reads u; ғ and қ
// select the Kazakh table, which knows them).
std::string_view TajikUzbekLetterAsRussian(UChar32 c) {
  switch (c) {
    case 0x04B3:
      return "х";
    case 0x04B2:
      return "Х";
    case 0x04B7:
      return "дж";
    case 0x04B6:
      return "Дж";
    case 0x04E3:
      return "и";
    case 0x04E2:
      return "И";
    case 0x04EF:
      return "у";
    case 0x04EE:
      return "У";
    default:
      return "";
  }
}

// `text` with each invalid UTF-8 sequence replaced by U+FFFD (which later separates words, like
// punctuation) and each run of ASCII whitespace and control characters collapsed to one space;
// leading and trailing spaces are removed. Linear in the input.
std::string Sanitize(std::string_view text) {
  std::string out;
  out.reserve(std::min(text.size(), kMaxNameBytes + 8));
  int32_t length = static_cast<int32_t>(std::min<size_t>(text.size(), INT32_MAX));
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  bool pending_space = false;
  for (int32_t i = 0; i < length;) {
    int32_t start = i;
    UChar32 c;
    // U8_NEXT sets c < 0 for an ill-formed sequence and advances past it, so every byte is consumed
    // exactly once whatever the input.
    U8_NEXT(bytes, i, length, c);
    bool space = c >= 0 && (c < 0x20 || c == ' ' || c == 0x7f);
    if (space) {
      // Spaces are emitted lazily, before the next visible character, so runs collapse to one and
      // nothing trails.
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    if (c < 0) {
      out += "\xEF\xBF\xBD";  // U+FFFD
    } else {
      out.append(text.substr(start, i - start));
    }
  }
  return out;
}

// The Latin letter a Cyrillic or Greek letter looks like (0 when none): В and B, Р and P.
char LatinLookalike(UChar32 c) {
  static const std::unordered_map<UChar32, char> kLookalikes = {
      // Cyrillic capitals, then small letters.
      {0x0410, 'A'},
      {0x0412, 'B'},
      {0x0415, 'E'},
      {0x041A, 'K'},
      {0x041C, 'M'},
      {0x041D, 'H'},
      {0x041E, 'O'},
      {0x0420, 'P'},
      {0x0421, 'C'},
      {0x0422, 'T'},
      {0x0423, 'Y'},
      {0x0425, 'X'},
      {0x0405, 'S'},
      {0x0406, 'I'},
      {0x0408, 'J'},
      {0x04AE, 'Y'},
      {0x04C0, 'I'},
      {0x051A, 'Q'},
      {0x051C, 'W'},
      {0x0430, 'a'},
      {0x0435, 'e'},
      {0x043E, 'o'},
      {0x0440, 'p'},
      {0x0441, 'c'},
      {0x0443, 'y'},
      {0x0445, 'x'},
      {0x0455, 's'},
      {0x0456, 'i'},
      {0x0458, 'j'},
      {0x04BB, 'h'},
      {0x0501, 'd'},
      {0x051B, 'q'},
      {0x051D, 'w'},
      // Greek capitals, then small letters.
      {0x0391, 'A'},
      {0x0392, 'B'},
      {0x0395, 'E'},
      {0x0396, 'Z'},
      {0x0397, 'H'},
      {0x0399, 'I'},
      {0x039A, 'K'},
      {0x039C, 'M'},
      {0x039D, 'N'},
      {0x039F, 'O'},
      {0x03A1, 'P'},
      {0x03A4, 'T'},
      {0x03A5, 'Y'},
      {0x03A7, 'X'},
      {0x03B1, 'a'},
      {0x03B9, 'i'},
      {0x03BD, 'v'},
      {0x03BF, 'o'}};
  auto found = kLookalikes.find(c);
  return found == kLookalikes.end() ? 0 : found->second;
}

// A word that mixes Latin letters with Cyrillic or Greek ones that look like Latin letters
// ("ВANK" with a Cyrillic В, "PETROРARS" with a Cyrillic Р) is a Latin word typed or disguised
// with look-alikes: those letters are read as the Latin letters they look like, not transliterated
// by sound (В would read V). A word with a Cyrillic or Greek letter that has no Latin look-alike,
// or with no Latin letter, is left to transliteration. From a review, 2026-12-07: "ВANK SEPAH"
// scored 0.74 against BANK SEPAH and cleared.
std::string FoldLookalikes(std::string text) {
  bool ascii_letter = false, other = false;
  for (char ch : text) {
    const auto byte = static_cast<unsigned char>(ch);
    ascii_letter = ascii_letter || (byte < 0x80 && std::isalpha(byte));
    other = other || (byte >= 0xCE && byte <= 0xD4);  // lead bytes of U+0380..U+053F
  }
  if (!ascii_letter || !other) return text;
  std::string out;
  out.reserve(text.size());
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < length;) {
    // One word: letters and marks.
    const int32_t start = i;
    bool latin = false, foldable = true, folds = false;
    int32_t end = i;
    while (end < length) {
      int32_t next = end;
      UChar32 c;
      U8_NEXT(bytes, next, length, c);
      if (c < 0 || !(u_isalpha(c) || u_charType(c) == U_NON_SPACING_MARK)) break;
      UErrorCode error = U_ZERO_ERROR;
      const UScriptCode script = uscript_getScript(c, &error);
      if (script == USCRIPT_LATIN) latin = true;
      if (script == USCRIPT_CYRILLIC || script == USCRIPT_GREEK) {
        folds = true;
        foldable = foldable && LatinLookalike(c) != 0;
      }
      end = next;
    }
    if (end == start) {  // not a letter: copied as it is
      int32_t next = i;
      UChar32 c;
      U8_NEXT(bytes, next, length, c);
      out.append(text, static_cast<size_t>(i), static_cast<size_t>(next - i));
      i = next;
      continue;
    }
    if (!(latin && folds && foldable)) {
      out.append(text, static_cast<size_t>(start), static_cast<size_t>(end - start));
    } else {
      for (int32_t j = start; j < end;) {
        const int32_t from = j;
        UChar32 c;
        U8_NEXT(bytes, j, length, c);
        const char latin_letter = LatinLookalike(c);
        if (latin_letter != 0) {
          out += latin_letter;
        } else {
          out.append(text, static_cast<size_t>(from), static_cast<size_t>(j - from));
        }
      }
    }
    i = end;
  }
  return out;
}

bool IsAsciiAlnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

struct RawToken {
  std::string text;
  bool dotted = false;      // directly followed by '.'
  bool fused_part = false;  // NameToken::fused_part
  bool hyphened = false;    // directly followed by '-' (AZ-ZAWAHIRI's AZ)
  bool after_dot = false;   // directly after a '.' (the S and A of U.S.A., the C of L.L.C)
};

// AIR FORCE, AIR DEFENSE and the like written as one word (AIRFORCE) when word i of `raw` begins
// them, AIR LINES and AIR WAYS as AIR, or "": an air arm is not an airline, and read as AIR and a
// word, SYRIAN ARAB AIRLINES (read SYRIAN ARAB AIR) met SYRIAN ARAB AIR DEFENSE FORCES at 0.86 in
// a first version.
std::string AirArm(const std::vector<RawToken>& raw, size_t i) {
  if (raw[i].text != "air" || i + 1 >= raw.size()) return "";
  const std::string& next = raw[i + 1].text;
  // AIR LINES and AIR WAYS written apart are AIRLINES and AIRWAYS (JAPAN AIR LINES).
  if (next == "lines" || next == "line" || next == "ways") return "air";
  if (next != "force" && next != "forces" && next != "defense" && next != "defence") return "";
  return "air" + next;
}

std::string_view LegalFormSpelling(std::string_view word);
const std::map<std::string, const LegalFormEntry*>& LegalFormTable();

// Letters written with dots that name a country or union rather than a person: joined wherever
// they stand (U.S. STEEL, U.K. LIMITED).
bool IsDottedAcronym(std::string_view letters) {
  static constexpr std::string_view kAcronyms[] = {"us", "usa", "uk", "uae", "un", "eu", "ussr"};
  for (std::string_view acronym : kAcronyms) {
    if (letters == acronym) return true;
  }
  return false;
}

// Legal forms the lists write with dots and the legal-form table lacks (two letters undotted are
// too often a word or a name): S.A. DE C.V., S. DE R.L., C.A., S.A.L., A.S. (and A.Ş.), E.V.,
// S.C.S., S.R.O., S.L., PT, KG, OY, AB, N.A. Joined at a name's end, where a legal form stands;
// elsewhere (N.A. IVANOV) they are initials.
bool IsDottedLegalForm(std::string_view letters) {
  static constexpr std::string_view kForms[] = {"cv",  "rl",  "ca", "sal", "as", "ev",
                                                "scs", "spr", "sc", "sro", "sl", "pt",
                                                "kg",  "oy",  "ab", "na",  "yk", "gk"};
  for (std::string_view form : kForms) {
    if (letters == form) return true;
  }
  return false;
}

// Splits lower-case ASCII text into tokens: letters and digits form words, apostrophes are
// dropped, '&' is the word "and", everything else separates. `initials_only`: the name was
// written in Cyrillic, where dotted letters are a person's initials (ПУТИН В.В.).
std::vector<RawToken> SplitWords(const std::string& text, bool initials_only) {
  std::vector<RawToken> tokens;
  std::string current;
  bool starts_after_dot = false;
  char previous = ' ';
  auto flush = [&](bool dotted, bool hyphened = false) {
    if (!current.empty()) tokens.push_back({current, dotted, false, hyphened, starts_after_dot});
    current.clear();
  };
  for (char c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (IsAsciiAlnum(c)) {
      if (current.empty()) starts_after_dot = previous == '.';
      current += c;
      // Apostrophes join rather than separate ("O'Brien" = "obrien", "Qur'an" = "quran"): lists
      // write these names both with and without them.
    } else if (c == '\'' || c == '`') {
      continue;
    } else if (c == '&') {
      flush(false);
      tokens.push_back({"and", false});
    } else {
      flush(c == '.', c == '-');
    }
    previous = c;
  }
  flush(false);
  // Single letters with dots: "U.S.A.", "L.L.C." and "L.L.C" are one word, the last letter's dot
  // optional when the letters are written together. Two letters that are no legal form and no
  // country (V.V. PUTIN, KADYROV R.A., A. A. RASPLETIN) are a person's initials, unless the name is
  // a company's (a legal form or a generic company word among its words: A.C. TRADING LIMITED);
  // three or more are an acronym (H.L.P., M.S.P.-KALA, P.C.C.), as persons seldom write three
  // initials. Before 2026-12-06 every run of two or more was joined, and V.V. PUTIN met PUTIN,
  // Vladimir Vladimirovich at 0.48 (VV unmatched) where V V PUTIN met him at 0.84. "J. SMITH" keeps
  // J as an initial. A name written in Cyrillic writes no dotted acronym: ПУТИН В.В.'s are
  // initials.
  // Whether the name is a company's, asked only of a name with two dotted letters (most have
  // none, and every listed name passes here when the index is built).
  int company = -1;  // not yet known
  auto is_company = [&] {
    if (company < 0) {
      company = 0;
      for (const RawToken& token : tokens) {
        if (token.text.size() < 2) continue;
        if (IsCompanyDescriptor(token.text) || IsLegalFormWord(token.text) ||
            LegalFormTable().count(std::string(LegalFormSpelling(token.text))) != 0) {
          company = 1;
          break;
        }
      }
    }
    return company == 1;
  };
  std::vector<RawToken> joined;
  for (size_t i = 0; i < tokens.size();) {
    size_t j = i;
    std::string word;
    while (j < tokens.size() && tokens[j].text.size() == 1 && tokens[j].dotted) {
      word += tokens[j].text;
      ++j;
    }
    if (j - i >= 1 && j < tokens.size() && tokens[j].text.size() == 1 && tokens[j].after_dot &&
        !tokens[j].dotted && IsAsciiAlnum(tokens[j].text[0]) && tokens[j].text[0] > '9') {
      word += tokens[j].text;  // L.L.C
      ++j;
    }
    const size_t letters = j - i;
    bool join = letters >= 2;
    if (join && letters == 2) {
      const bool form = LegalFormTable().count(std::string(LegalFormSpelling(word))) != 0 ||
                        (j == tokens.size() && i > 0 && IsDottedLegalForm(word));
      join = !initials_only && (form || IsDottedAcronym(word) || is_company());
    }
    if (join) {
      joined.push_back({word, false});
      i = j;
    } else {
      joined.push_back(tokens[i]);
      ++i;
    }
  }
  return joined;
}

// Arabic script often writes "Abd al-" compounds as one word (عبدالكريم, romanised obdalkrym)
// where Latin spellings write two or three (ABD AL-KARIM, ABDUL KARIM, ABD EL KARIM). The word is
// split after عبد (obd + alkrym), so that each part aligns as the same compound written apart
// does: obd with ABD, and alkrym with AL KARIM or KARIM (the article, docs/matching.md "Arabic
// script"). Only a word of عبد, the article and at least two more letters is split, and never
// عبدالله (obdallh): ABDULLAH is one word in every script, and one of the commonest names, which
// weighs as common only whole (split, a random ABDULLAH OMAR alerted on AMIR ABDULLAH).
void SplitAbdCompounds(std::vector<RawToken>* raw) {
  constexpr std::string_view kAbdAl = "obdal";  // ع is o (engine/names/urdu_latin.txt)
  for (size_t i = 0; i < raw->size(); ++i) {
    std::string& text = (*raw)[i].text;
    if (text.size() < kAbdAl.size() + 2 || text.compare(0, kAbdAl.size(), kAbdAl) != 0 ||
        text == "obdallh") {
      continue;
    }
    RawToken rest{text.substr(3), (*raw)[i].dotted, true};
    text.resize(3);
    (*raw)[i].dotted = false;
    raw->insert(raw->begin() + static_cast<std::ptrdiff_t>(i) + 1, std::move(rest));
    ++i;
  }
}

// Latin spellings of one "Abd al-" compound ("servant of", عبد ال + a name): ABD AL-AZIZ, ABDEL
// AZIZ, ABDUL AZIZ, ABDELAZIZ, ABDULAZIZ; ABD AR-RAHMAN, ABDUR RAHMAN, ABDURRAHMAN, ABDIRAHMAN,
// ABDRAKHMANOV. The article's vowel is written as it is heard (el, ul, ol, al, ou), before a "sun
// letter" its l as that letter (ur r, us s), and the parts together or apart. All are written
// here as the lists' own transcription writes the compound, three words: ABD AL AZIZ, ABD AL
// RAKHMANOV. So one spelling is one name, as it is in Arabic script (where SplitAbdCompounds
// gives the same parts), and half of it (AL HADI for ABD AL HADI) still aligns: "Abdulaziz"
// scored 0 against Abd al-Aziz and "Abdel Rahman" 0.56 against Abd al-Rahman before 2026-12-05.
// ABDULLAH stays one word, as in Arabic script (SplitAbdCompounds). A lone ABDI, ABDU, ABDO or
// ABDUH is a name of its own, not a part of one.
void CanonicalAbdCompounds(std::vector<RawToken>* raw) {
  // Most names have no such word: they are left as they are, uncopied.
  bool any = false;
  for (const RawToken& token : *raw) any = any || token.text.compare(0, 3, "abd") == 0;
  if (!any) return;
  std::vector<RawToken> out;
  out.reserve(raw->size() + 2);
  for (size_t i = 0; i < raw->size(); ++i) {
    RawToken& token = (*raw)[i];
    const std::string_view next = i + 1 < raw->size() ? std::string_view((*raw)[i + 1].text) : "";
    std::string stem;
    if (!AbdCompoundStem(token.text, next, &stem)) {
      out.push_back(std::move(token));
      continue;
    }
    if (stem.starts_with("la")) {
      // Abd Allah is one word in every script (SplitAbdCompounds), and so are the names made of
      // it: ABDALLAH, ABDOULLAH, ABDULLA are ABDULLAH, ABDOLLAHPUR ABDULLAHPUR, ABDULLAEV stays.
      token.text = stem == "la" ? "abdullah" : "abdul" + stem;
      out.push_back(std::move(token));
      continue;
    }
    out.push_back({"abd", false});
    out.push_back({"al", stem.empty() && token.dotted});
    if (!stem.empty()) out.push_back({std::move(stem), token.dotted, true});
  }
  // ABD AR-RAHMAN, ABD EL AZIZ: the article as a word of its own, before a sun letter written as
  // that letter.
  for (size_t i = 0; i + 2 < out.size(); ++i) {
    std::string& word = out[i + 1].text;
    if (out[i].text == "abd" && word.size() == 2 && IsLatinVowel(word[0]) && word != "al" &&
        (word[1] == 'l' || (IsSunLetter(word[1]) && out[i + 2].text[0] == word[1]))) {
      word = "al";
    }
  }
  *raw = std::move(out);
}

// The second words of the compounds a name and AL and a name ("righteousness of the faith")
// that Latin spellings write together or apart with the article's vowel and, before a sun letter,
// its l as that letter: SALAHUDDIN, SALAH UD-DIN, SALAH AL-DIN; NUREDDINE; ZIA-UL-HAQ, ZIAULHAQ;
// SAIFULISLAM; FAZLURRAHMAN; QAMARUZZAMAN.
constexpr std::string_view kArticleCompoundSeconds[] = {
    "din", "deen", "dine", "tin", "islam", "haq", "haque", "rahman", "rehman", "zaman"};

// Whether `connector` is the article as such a compound writes it before `second`: a vowel and l
// (UL, EL), or a vowel and the second word's first letter where that is a sun letter (UD DIN, UR
// RAHMAN, UZ ZAMAN; Turkish ET TIN, AT TIN: NURETTIN, BAHATTIN); before DIN, DEEN or DINE also u,
// ou or e alone (SALAHUDIN, JALALOUDINE, NOURREDINE).
bool IsArticleConnector(std::string_view connector, std::string_view second) {
  const char first = second[0];
  if (connector.size() == 2 && IsLatinVowel(connector[0]) &&
      (connector[1] == 'l' || (connector[1] == first && IsSunLetter(first)))) {
    return second != "tin" || connector[1] == 't';
  }
  return first == 'd' && (connector == "u" || connector == "ou" || connector == "e");
}

// Whether `word` is such a compound run into one word: the first name (`head`, "" when the word is
// only the article and the second name: UDDIN) and the article, then `second`. The first name is
// three letters or more (ZIA, NUR), four before AL (GERALDINE is no compound); before a vowel
// alone it ends in a consonant (CLAUDINE is none either; RASPUTIN's second is not DIN), and in r
// before e alone (NOURREDINE, NASREDINE, BADREDINE; MUJAHEDIN and MUJAHEDEEN are no compounds).
bool SplitArticleCompound(std::string_view word, std::string_view second, std::string* head) {
  head->clear();
  if (word.size() <= second.size() || !word.ends_with(second) || word.starts_with("abd")) {
    return false;
  }
  const std::string_view before = word.substr(0, word.size() - second.size());
  if (IsArticleConnector(before, second)) return true;
  for (size_t length : {2, 1}) {
    if (before.size() <= length) continue;
    const std::string_view connector = before.substr(before.size() - length);
    const std::string_view first = before.substr(0, before.size() - length);
    if (!IsArticleConnector(connector, second)) continue;
    const bool vowel_alone = IsLatinVowel(connector.back());
    const size_t least = connector == "al" ? 4 : 3;
    if (first.size() < least || (vowel_alone && IsLatinVowel(first.back()))) continue;
    if (connector == "e" && first.back() != 'r') continue;
    head->assign(first);
    return true;
  }
  return false;
}

// Writes a compound of kArticleCompoundSeconds run into one word as the lists' transcription
// writes it, the name, AL and the second name: SALAHUDDIN, SALAHUDIN and NUREDDINE are SALAH AL
// DIN and NUR AL DIN, as Abd al- compounds are written (CanonicalAbdCompounds); SALAH UDDIN is
// SALAH AL DIN too. "Sirajuddin Haqqani" scored 0.31 against Siraj al-Din HAQQANI before
// 2026-12-05, "Ziaulhaq" 0 against ZIA UL HAQ. Both parts of a compound written as one word are
// marked (NameToken::fused_part): SALAHUDDIN is not SALAH. What is written apart stays as written:
// the scorer joins FAZLUR REHMAN, ZAKI UR REHMAN and ZIAUL HAQ already, and a first word ending
// like an article (MANSUR, RASUL, BILAL) need not be one.
void CanonicalArticleCompounds(std::vector<RawToken>* raw) {
  bool any = false;
  for (const RawToken& token : *raw) {
    for (std::string_view second : kArticleCompoundSeconds) {
      any = any || std::string_view(token.text).ends_with(second);
    }
  }
  if (!any) return;
  std::vector<RawToken> out;
  out.reserve(raw->size() + 2);
  std::string head;
  for (RawToken& token : *raw) {
    bool split = false;
    for (std::string_view second : kArticleCompoundSeconds) {
      if (!SplitArticleCompound(token.text, second, &head)) continue;
      // French NOUREDDINE, Turkish NURETTIN: the second name DIN.
      std::string stem(second == "dine" || second == "tin" ? "din" : second);
      // UDDIN, SALAH UDDIN: the article run into the second name, the first written apart.
      const bool fused = !head.empty();
      if (fused) out.push_back({head, false, true});
      out.push_back({"al", false});
      out.push_back({std::move(stem), token.dotted, fused});
      split = true;
      break;
    }
    if (split) continue;
    // ANSAR DINE: French writes the second name DINE on its own too.
    if (token.text == "dine" && !out.empty()) token.text = "din";
    out.push_back(std::move(token));
  }
  *raw = std::move(out);
}

// Arabic's article before a "sun letter" (t, th, d, dh, r, z, s, sh, n) is spoken as that letter,
// and Latin spellings write it so: AZ-ZAWAHIRI, AN-NUSRA, AS-SUNNA, AT-TAWHID, AD-DIN, and the
// Maghreb's ED-DINE, ES-SAYED. Another spelling of one name writes AL (AL-ZAWAHIRI): "Ayman
// az-Zawahiri" scored 0.64 against AYMAN AL-ZAWAHIRI before 2026-12-06, the article left over as
// a word. Such an article is read AL when it is a or e and the sun letter (or sh, th, dh), joined
// by a hyphen to the next word, which begins with that letter, or written apart before a
// compound's second name (kArticleCompoundSeconds: AD DIN, ED DIN), in a name of three words or
// more. Not read (a helper's review of the first versions):
//  - ER and EN, syllables of Chinese names, and AN before a word of one or two Chinese or Korean
//    syllables: LEE AN-NAN and CHEN ER-REN are Taiwanese given names;
//  - a name of two words (ES-SHAHID, a listed alias, must find itself at 1.00: read AL SHAHID it
//    is a common name's word and the article, 0.79);
//  - a word written apart before any other word: AD DESIGN, AZ ZONE, AS SEB PANK (Estonian AS)
//    are not AL DESIGN, AL ZONE;
//  - the u of Pakistani and Persian names (FAZL-UR REHMAN, ZAKI-UR-REHMAN, SHAMS UD DIN): their
//    spellings run the article into the name before it (FAZLUR, MATIUR, ZAKIR), which the
//    scorer's joins of neighbouring words find from UR as written; read AL, 10 of the lists' alias
//    pairs were lost (KHALIL, Fazlur Rehman / Fazl-ur Rehman 1.00 -> 0.72).
void CanonicalSunLetterArticles(std::vector<RawToken>* raw) {
  if (raw->size() < 3) return;
  for (size_t i = 0; i + 1 < raw->size(); ++i) {
    RawToken& article = (*raw)[i];
    const std::string& next = (*raw)[i + 1].text;
    const std::string& word = article.text;
    if (word.size() < 2 || word.size() > 3 || next.size() < 3) continue;
    if (word[0] != 'a' && word[0] != 'e') continue;
    if (word == "er" || word == "en") continue;
    const std::string_view letter = std::string_view(word).substr(1);
    const bool sun = letter.size() == 1 ? IsSunLetter(letter[0])
                                        : letter == "sh" || letter == "th" || letter == "dh";
    if (!sun || !std::string_view(next).starts_with(letter)) continue;
    // AN is also a syllable of Chinese and Korean given names written with a hyphen.
    const int syllables = word == "an" ? EastAsianSyllables(next) : 0;
    if (syllables >= 1 && syllables <= 2) continue;
    bool second = false;
    for (std::string_view name : kArticleCompoundSeconds) second = second || next == name;
    if (article.hyphened || second) article.text = "al";
  }
}

// An abjad compound of kArticleCompoundSeconds written as one word (نورالدین, nwraldyn) is
// split before its article, as SplitAbdCompounds splits عبد: nwr + aldyn, each part aligning with
// NOOR and AL DIN or UDDIN as the Latin compound is written (CanonicalArticleCompounds). Both
// parts are marked as a compound's (NameToken::fused_part). The first has three letters or more:
// خالدين (khaldyn) is no compound.
void SplitArticleCompounds(std::vector<RawToken>* raw) {
  static constexpr std::string_view kSeconds[] = {"dyn", "hq", "aslam", "rhmn", "rhman", "zman"};
  for (size_t i = 0; i < raw->size(); ++i) {
    std::string& text = (*raw)[i].text;
    for (std::string_view second : kSeconds) {
      const size_t article = text.size() - std::min(text.size(), second.size() + 2);
      if (article < 3 || !std::string_view(text).ends_with(second) ||
          text.compare(article, 2, "al") != 0) {
        continue;
      }
      RawToken rest{text.substr(article), (*raw)[i].dotted, true};
      text.resize(article);
      (*raw)[i].dotted = false;
      (*raw)[i].fused_part = true;
      raw->insert(raw->begin() + static_cast<std::ptrdiff_t>(i) + 1, std::move(rest));
      ++i;
      break;
    }
  }
}

// The Persian ending ای after a word's silent final heh, written with a space instead of a
// non-joining space (خامنه ای for خامنه‌ای): one word, khamnhay, which reads as
// KHAMENEI (engine/names/score.cc, PersianEndingAfter). ای is no word of a name on its own.
void JoinPersianEnding(std::vector<RawToken>* raw) {
  for (size_t i = 1; i < raw->size(); ++i) {
    const std::string& before = (*raw)[i - 1].text;
    if ((*raw)[i].text != "ay" || before.size() < 3 || before.back() != 'h') continue;
    (*raw)[i - 1].text += "ay";
    raw->erase(raw->begin() + static_cast<std::ptrdiff_t>(i));
    --i;
  }
}

// Kazakh, Kyrgyz and Uzbek write the father's name with a word for "son of" or "daughter of"
// (Жақыпұлы, Асан уулу, Адҳам ўғли; қызы, кызы, қизи, qizi), where Russian documents and the
// lists write a patronymic (ZHAKYPOVICH, ADKHAMOVICH, ZHAKYPOVNA): such a word, joined to the
// father's name or after it, is read as that patronymic, so it meets the listed one (KASENOV,
// Adilet Zhakypovich for Касенов Әділет Жақыпұлы: 0.63 before 2026-12-07) and is a patronymic
// wherever a patronymic counts.
void TurkicPatronymics(std::vector<RawToken>* raw) {
  auto as_patronymic = [](std::string_view father, bool daughter) {
    const bool vowel = IsLatinVowel(father.back()) || father.back() == 'y';
    std::string out(father);
    out += vowel ? (daughter ? "evna" : "evich") : (daughter ? "ovna" : "ovich");
    return out;
  };
  // The words as the BGN tables and Latin alphabets write them (ўғли ughli, o'g'li ogli).
  // Not a separate ұлы (uly): it is also "great" (ҰЛЫ ДАЛА, the Great Steppe, names companies).
  // Not Azerbaijani OGLU, OGLY and GIZI: the lists write them as words (ASLANOV, Dzheykhun Nasimi
  // Ogly; ELVIN VAGIF MAMMADOV without it), and OGLU ends Turkish family names written apart
  // (KARAMAN OGLU INSAAT) and GIZI is an Indonesian word (a review of the first version).
  auto son = [](std::string_view w) {
    return w == "ughli" || w == "ugli" || w == "ogli" || w == "oghli" || w == "uulu";
  };
  auto daughter = [](std::string_view w) {
    return w == "qyzy" || w == "kyzy" || w == "qizi" || w == "kizi";
  };
  std::vector<RawToken>& words = *raw;
  // A name of three words or more: in two (Nurlan Zhakypuly), -uly is the family name Kazakhs
  // take since independence (ZHAKYPOV for the lists), and X OGLI a Turkish one written apart.
  if (words.size() < 3) return;
  for (size_t i = 0; i < words.size(); ++i) {
    const std::string& w = words[i].text;
    // Separate: the father's name before it, both words of letters.
    if (i > 0 && (son(w) || daughter(w)) && words[i - 1].text.size() >= 3 && !words[i - 1].dotted) {
      words[i - 1].text = as_patronymic(words[i - 1].text, daughter(w));
      words.erase(words.begin() + static_cast<std::ptrdiff_t>(i));
      --i;
      continue;
    }
    // Joined, as Kazakh writes it: a father's name of three letters or more before -uly or -qyzy.
    for (std::string_view ending : {"uly", "qyzy", "kyzy"}) {
      if (w.size() >= 7 && w.ends_with(ending)) {  // at least three letters before it
        words[i].text =
            as_patronymic(std::string_view(w).substr(0, w.size() - ending.size()), ending != "uly");
        break;
      }
    }
  }
}

// "Son of" inside a name is one word, as the lists write it in Arabic script and in Maghrebi
// romanisation: UN entries give "Akhter Mohmad son of Noor Mohmad" beside اختر محمد ولد نور محمد,
// and ABD AL-RAHMAN OULD MUHAMMAD. Mid-name "son of" becomes "ould", which reads as ولد (wld)
// across scripts (engine/names/score.cc) and is a name particle. Not at an edge: "Son" alone is a
// Korean family name.
void JoinSonOf(std::vector<RawToken>* raw) {
  for (size_t i = 1; i + 2 < raw->size(); ++i) {
    if ((*raw)[i].text != "son" || (*raw)[i + 1].text != "of") continue;
    (*raw)[i].text = "ould";
    (*raw)[i].dotted = false;
    raw->erase(raw->begin() + static_cast<std::ptrdiff_t>(i) + 1);
  }
}

// The generic words of Russian organisation names, romanised, and the English word the lists
// and registries translate each to: SBERBANK ROSSII is SBERBANK OF RUSSIA, NEFTYANAYA KOMPANIYA
// ROSNEFT is ROSNEFT OIL COMPANY, TSENTRALNY BANK ROSSIISKOI FEDERATSII is the CENTRAL BANK OF THE
// RUSSIAN FEDERATION, OBEDINENNAYA AVIASTROITELNAYA KORPORATSIYA is UNITED AIRCRAFT CORPORATION
// (each pair an entry's names on the lists of 2026-12, or the entity's own English name). Before
// 2026-12-06 these scored 0 to 0.62 against each other, and a Cyrillic name read by ICU (Сбербанк
// России: SBERBANK ROSSII) the same. Adjectives are given by their stem and take any of Russian's
// case endings as BGN/PCGN, the lists (-YI, -OI, -II) or scholars (-YJ, -OJ, -AJA) write them;
// nouns are given whole. Left out: words that are also family names or brands (RUSSKIKH; ROSSIYA,
// which is BANK ROSSIYA's own name; NEFT in GAZPROM NEFT) and words translated several ways
// (UPRAVLENIE, MORSKOY). The English word is the token's text, which scoring compares; the
// Russian word stays in `original`, and its first letter in `written_initial` for acronyms.
struct RussianWord {
  std::string_view russian;
  std::string_view english;
};
constexpr RussianWord kRussianAdjectiveStems[] = {
    {"aviastroiteln", "aircraft"},
    {"aviatsionn", "aviation"},
    {"byudzhetn", "budgetary"},
    {"elektronn", "electronic"},
    {"energetichesk", "energy"},
    {"federaln", "federal"},
    {"finansov", "financial"},
    {"gazov", "gas"},
    {"gosudarstvenn", "state"},
    {"investitsionn", "investment"},
    {"issledovatelsk", "research"},
    {"khimichesk", "chemical"},
    {"kommerchesk", "commercial"},
    {"konstruktorsk", "design"},
    {"mezhdunarodn", "international"},
    {"munitsipaln", "municipal"},
    {"natsionaln", "national"},
    {"nauchn", "scientific"},
    {"nauchnoissledovatelsk", "scientific research"},  // written as one word
    {"nauchnoproizvodstvenn", "scientific production"},
    {"neftyan", "oil"},
    {"obedinenn", "united"},
    {"obyedinenn", "united"},
    {"oboronn", "defense"},
    {"opytn", "experimental"},
    {"proizvodstvenn", "production"},
    {"promyshlenn", "industrial"},
    {"pryam", "direct"},
    {"radioelektronn", "radio electronic"},
    {"rossiisk", "russian"},
    {"rossijsk", "russian"},
    {"rossisk", "russian"},
    {"rossiysk", "russian"},
    {"spetsialn", "special"},
    {"stroiteln", "construction"},
    {"sudostroiteln", "shipbuilding"},
    {"tekhnichesk", "technical"},
    {"torgov", "trading"},
    {"transportn", "transport"},
    {"tsentraln", "central"},
    {"unitarn", "unitary"},
    {"voenn", "military"},
    {"voyenn", "military"},  // BGN's ye after a vowel: военно is VOYENNO
};
// Case endings of adjectives (the masculine, feminine, neuter and plural of every case) in the
// romanisations above.
constexpr std::string_view kRussianAdjectiveEndings[] = {
    "yy", "yi",  "yj",  "y",   "iy", "ii",  "ij", "i",   "oy",  "oi",  "oj",  "aya", "aja", "aia",
    "ia", "oye", "oe",  "oje", "ye", "yye", "ie", "iye", "ije", "ogo", "ovo", "omu", "ykh", "ikh",
    "yh", "ih",  "uyu", "uju", "ym", "im",  "ey", "ei",  "o",   "om",  "ymi", "imi"};
constexpr RussianWord kRussianNouns[] = {
    {"agentstvo", "agency"},
    {"agentstva", "agency"},
    {"akademii", "academy"},
    {"akademiya", "academy"},
    {"byuro", "bureau"},
    {"direktsii", "directorate"},
    {"direktsiya", "directorate"},
    {"federatsia", "federation"},
    {"federatsiei", "federation"},
    {"federatsii", "federation"},
    {"federatsiya", "federation"},
    {"federatsiyu", "federation"},
    {"fond", "fund"},
    {"fonda", "fund"},
    {"institut", "institute"},
    {"institutom", "institute"},
    {"instituta", "institute"},
    {"investitsi", "investment"},
    {"investitsii", "investment"},
    {"investitsiy", "investment"},
    {"kompania", "company"},
    {"kompaniey", "company"},
    {"kompaniei", "company"},
    {"kompaniyu", "company"},
    {"kompanii", "company"},
    {"kompaniya", "company"},
    {"kontsern", "concern"},
    {"kontserna", "concern"},
    {"ministerstva", "ministry"},
    {"ministerstvo", "ministry"},
    {"obedinenie", "association"},
    {"obedineniya", "association"},
    {"obedineniye", "association"},
    {"obyedinenie", "association"},
    {"obyedineniya", "association"},
    {"obyedineniye", "association"},
    {"predpriyatie", "enterprise"},
    {"predpriyatiya", "enterprise"},
    {"predpriyatiye", "enterprise"},
    {"respublika", "republic"},
    {"respubliki", "republic"},
    {"rossii", "russia"},
    {"sistem", "systems"},
    {"sistemy", "systems"},
    {"sluzhba", "service"},
    {"sluzhby", "service"},
    {"tekhnologii", "technologies"},
    {"tekhnologiy", "technologies"},
    {"tekhnologiya", "technologies"},
    {"tsentr", "center"},
    {"tsentre", "center"},
    {"tsentrom", "center"},
    {"tsentra", "center"},
    {"uchrezhdenie", "institution"},
    {"uchrezhdeniye", "institution"},
    {"universitet", "university"},
    {"universiteta", "university"},
    {"zavod", "plant"},
    {"zavode", "plant"},
    {"zavodom", "plant"},
    {"zavoda", "plant"},
    {"zavody", "plant"},
};

// True when a word is written as romanised Russian, not English: it holds KH, ZH, TS or SHCH, or
// ends as Russian adjectives and nouns do and English words do not (-II, -IY, -YY, -OE, -AYA,
// -OGO, -YKH, -IYA, ...). TECHNOLOGY is one letter from TEKHNOLOGII's key, and must stay English.
bool LooksRussian(std::string_view word) {
  // speed: called for every word of every name, so one pass and a switch, not string searches.
  const size_t n = word.size();
  for (size_t i = 1; i < n; ++i) {
    const char c = word[i];
    const char before = word[i - 1];
    if (c == 'h' && (before == 'k' || before == 'z')) return true;  // KH, ZH
    if (c == 's' && before == 't') return true;                     // TS
    if (c == 'h' && before == 'c' && i >= 3 && word[i - 2] == 'h' && word[i - 3] == 's') {
      return true;  // SHCH
    }
  }
  if (n < 3) return false;
  auto ends = [&](std::initializer_list<std::string_view> endings) {
    for (std::string_view ending : endings) {
      if (word.ends_with(ending)) return true;
    }
    return false;
  };
  switch (word[n - 1]) {
    case 'i':
      return ends({"ii", "yi", "oi"});
    case 'y':
      return ends({"iy", "yy", "oy"});
    case 'j':
      return ends({"ij", "oj"});
    case 'e':
      return ends({"oe", "oye", "oje", "iye"});
    case 'a':
      return ends({"aya", "aja", "iya"});
    case 'o':
      return ends({"ogo", "ovo"});
    case 'u':
      return ends({"omu", "uyu", "uju"});
    case 'h':
      return ends({"ykh", "ikh"});
    default:
      return false;
  }
}

// Words found as written, by their PhoneticKey, or by a key one letter away, as romanised Russian
// is spelt several ways and names are typed (RussianWordInEnglish, LegalFormSpelling). Add() the
// words with their values, then Find().
class KeyedWords {
 public:
  // Words of at least `shortest_by_key` letters are also found by their key, and words of at
  // least `shortest_by_near_key` by a key one letter away (added and sought alike).
  KeyedWords(size_t shortest_by_key, size_t shortest_by_near_key)
      : shortest_by_key_(shortest_by_key), shortest_by_near_key_(shortest_by_near_key) {}

  void Add(std::string word, std::string_view value) {
    if (word.size() >= shortest_by_key_) {
      const std::string key = PhoneticKey(word);
      if (key.size() >= 2) starts_[Start(key, 0, 1)] = true;
      auto [entry, added] = keys_.emplace(key, value);
      if (!added && entry->second != value) entry->second = "";  // shared: finds neither
      for (size_t i = 0; word.size() >= shortest_by_near_key_ && i < key.size(); ++i) {
        std::string deleted = key.substr(0, i) + key.substr(i + 1);
        if (deleted.size() >= 2) starts_[Start(deleted, 0, 1)] = true;
        near_[std::move(deleted)].push_back({i, key[i], value});
      }
    }
    words_.emplace(std::move(word), value);
  }

  // The value of `word`, or "": as written; with `by_key` by its key; with `near` also by a key
  // one edit away: a letter fewer (the key is a word's key less a letter: near_), one more (the
  // key less a letter is a word's key), another (the key less the letter at i is a word's key
  // less the letter at i) or two neighbours swapped (less the same letter at a neighbour); two
  // deletions further apart are two edits: KOSMICHESKIE is not KOMMERCHESKIE. Keys or neighbours
  // that words of two values share find neither. speed: this runs for every word of every name, so
  // a long word is looked up by its key (which every word added as written has too), and as written
  // only when its key is shared.
  std::string_view Find(std::string_view word, bool by_key, bool near) const {
    if (by_key && word.size() >= shortest_by_key_) {
      const std::string key = PhoneticKey(word);
      auto found = keys_.find(key);
      if (found != keys_.end()) {
        if (!found->second.empty()) return found->second;
      } else {
        if (!near || word.size() < shortest_by_near_key_ || key.size() < 3 ||
            !(starts_[Start(key, 0, 1)] || starts_[Start(key, 0, 2)] ||
              starts_[Start(key, 1, 2)])) {
          return "";
        }
        return OneEditAway(key);
      }
    }
    auto found = words_.find(word);
    return found == words_.end() ? std::string_view() : found->second;
  }

 private:
  struct Deletion {
    size_t at;               // where a letter was deleted from the word's key
    char letter;             // which
    std::string_view value;  // the word's
  };

  // Find()'s one-edit lookups of `key`: the one value they agree on, or "".
  std::string_view OneEditAway(const std::string& key) const {
    std::string_view value;
    bool shared = false;
    auto take = [&](std::string_view found) {
      if (found.empty() || (!value.empty() && value != found)) shared = true;
      if (value.empty()) value = found;
    };
    if (auto fewer = near_.find(key); fewer != near_.end()) {
      for (const Deletion& deletion : fewer->second) take(deletion.value);
    }
    std::string deleted;
    for (size_t i = 0; i < key.size(); ++i) {
      deleted.assign(key, 0, i);
      deleted.append(key, i + 1);
      if (auto more = keys_.find(deleted); more != keys_.end()) take(more->second);
      if (auto other = near_.find(deleted); other != near_.end()) {
        for (const Deletion& deletion : other->second) {
          // The same place (another letter), or a neighbour's when the letters are the same
          // (two swapped): other neighbours' deletions leave two letters changed.
          if (deletion.at == i ||
              ((deletion.at + 1 == i || deletion.at == i + 1) && deletion.letter == key[i])) {
            take(deletion.value);
          }
        }
      }
    }
    return shared ? std::string_view() : value;
  }

  // The index of the letters at `first` and `second` of a key in starts_.
  static size_t Start(std::string_view key, size_t first, size_t second) {
    auto letter = [](char c) { return c >= 'a' && c <= 'z' ? static_cast<size_t>(c - 'a') : 0; };
    return letter(key[first]) * 26 + letter(key[second]);
  }

  size_t shortest_by_key_;
  size_t shortest_by_near_key_;
  StringMap<std::string_view> words_, keys_;
  StringMap<std::vector<Deletion>> near_;  // each word's key less one letter
  // The first two letters of every key in keys_ and near_, a bit each ('a' to 'z'): a word whose
  // key cannot be one edit from any is not looked up letter by letter.
  std::vector<bool> starts_ = std::vector<bool>(26 * 26);
};

// The English word of a Russian generic word (kRussianNouns, kRussianAdjectiveStems), or "". A
// word that LooksRussian is also found by its PhoneticKey (five letters or more), as the lists
// spell one word several ways (PROMYSHLENNAYA, PROMISHLENNAYA; OBEDINENNAYA, OBIEDINENNAYA;
// TEKHNOLOGII, TEHNOLOGII; ROSSII, ROSSIY, ROSII), and by a key one edit away (nine letters or
// more), as names are typed (TAEKHNOLOGII): a misspelt form left as it was would meet its
// translated spelling as another word, and one typed letter would hide a listed name's entry
// (test "One typed letter in a listed name never hides its entry from the index"). Other words
// are found only as written: ROSSI, an Italian family name, has the key of ROSSII, TECHNOLOGY is
// one letter from TEKHNOLOGII's key, and SISTEMA, a brand, from SISTEMY's.
std::string_view RussianWordInEnglish(std::string_view word) {
  if (word.size() < 4) return "";
  static const KeyedWords* words = [] {
    auto* out = new KeyedWords(/*shortest_by_key=*/5, /*shortest_by_near_key=*/9);
    for (const RussianWord& noun : kRussianNouns) out->Add(std::string(noun.russian), noun.english);
    for (const RussianWord& stem : kRussianAdjectiveStems) {
      for (std::string_view ending : kRussianAdjectiveEndings) {
        out->Add(std::string(stem.russian) + std::string(ending), stem.english);
      }
    }
    return out;
  }();
  const bool russian = word.size() >= 5 && LooksRussian(word);
  return words->Find(word, /*by_key=*/russian, /*near=*/russian);
}

// A quick test in front of a table of lower-case words: whether a word may be one of them by its
// first letter and its length (bit n of a letter's entry: a word of n letters starts with it).
// speed: every word of every name asks several tables; most are ruled out without a hash or a
// search.
class FirstLetterLengths {
 public:
  void Add(std::string_view word) {
    if (Fits(word)) bits_[word[0] - 'a'] |= uint32_t{1} << word.size();
  }
  bool MayHold(std::string_view word) const {
    return Fits(word) && (bits_[word[0] - 'a'] >> word.size() & 1) != 0;
  }

 private:
  static bool Fits(std::string_view word) {
    return !word.empty() && word.size() < 32 && word[0] >= 'a' && word[0] <= 'z';
  }
  uint32_t bits_[26] = {};
};

// A table of words and the English each reads as, looked up behind a FirstLetterLengths filter.
class EnglishWordTable {
 public:
  template <size_t N>
  explicit EnglishWordTable(const std::pair<std::string_view, std::string_view> (&words)[N]) {
    for (const auto& [word, english] : words) {
      words_.emplace(word, english);
      filter_.Add(word);
    }
  }
  std::string_view Find(std::string_view word) const {
    if (!filter_.MayHold(word)) return "";
    auto found = words_.find(word);
    return found == words_.end() ? "" : found->second;
  }

 private:
  StringMap<std::string_view> words_;
  FirstLetterLengths filter_;
};

// Turkish companies' generic words and the English words the lists translate them to. The lists
// name a Turkish company in Turkish and often in English too (SMART ITHALAT IHRACAT DIS TICARET
// LIMITED SIRKETI / SMART IMPORT EXPORT FOREIGN TRADE LIMITED COMPANY; BASLAM NAKLIYAT VE DIS
// TICARET LTD STI / BASLAM TRANSPORT AND FOREIGN TRADE; OZONE HAVACILIK VE SAVUNMA SANAYI TICARET
// ANONIM SIRKETI / OZONE AVIATION AND DEFENSE INDUSTRY INC.: 93 entries of the lists of 2026-12),
// and Turkish registers abbreviate the commonest (OZONE HAVACILIK VE SAVUNMA SAN. TIC. AS;
// TECHNOPARTNER TEKNOLOJI URUNLERI SAN VE TIC LTD STI). A word is read the same wherever it
// stands, whatever the rest of the name holds, so that two forms of one name (SOM PETROL TIC,
// SOM PETROL TIC. A.S.) read it alike: the first version read the words other languages share
// (SAN, DIS, IC, VE) only in a name that looked Turkish as a whole, and a shorter form of a listed
// name then kept the word its entry translated (a helper's review: 0.93 -> 0.67). Words other
// languages use are read only in their Turkish phrase, which the word and its neighbours decide
// (TurkishPhraseInEnglish): SAN before VE or TIC(ARET) (SAN MARINO, THAE PYONG SAN stay), DIS
// before TIC(ARET), IC before VE DIS (PJSC IC ROSGOSSTRAKH's IC, an insurance company, stays).
// Left out: PETROL (English too), GRUP and KARGO (one phonetic key with GROUP and CARGO already),
// URETIM (production or generation), the abbreviations INS, NAK and MUH (also an insurer's, a
// name's, MUHAMMAD's), and place names.
constexpr std::pair<std::string_view, std::string_view> kTurkishWords[] = {
    {"bilgi", "information"},
    {"danismanlik", "consulting"},
    {"denizcilik", "shipping"},
    {"doviz", "exchange"},
    {"elektrik", "electric"},
    {"elektronik", "electronic"},
    {"enerji", "energy"},
    {"enerjisi", "energy"},
    {"gayrimenkul", "real estate"},
    {"gida", "food"},
    {"havacilik", "aviation"},
    {"hizmetleri", "services"},
    {"ihr", "export"},
    {"ihracat", "export"},
    {"insaat", "construction"},
    {"ith", "import"},
    {"ithalat", "import"},
    {"kimya", "chemical"},
    {"kuyumculuk", "jewelry"},
    {"lojistik", "logistics"},
    {"madencilik", "mining"},
    {"makina", "machinery"},
    {"makine", "machinery"},
    {"muhendislik", "engineering"},
    {"nakliyat", "transport"},
    {"nakliye", "transport"},
    {"otomotiv", "automotive"},
    {"pazarlama", "marketing"},
    {"sanayi", "industry"},
    {"sanayii", "industry"},
    {"sanayisi", "industry"},
    {"savunma", "defense"},
    {"tasimacilik", "transport"},
    {"teknoloji", "technology"},
    {"teknolojileri", "technologies"},
    {"tekstil", "textile"},
    {"tic", "trade"},
    {"ticaret", "trade"},
    {"ticareti", "trade"},
    {"toptan", "wholesale"},
    {"turizm", "tourism"},
    {"uluslararasi", "international"},
    {"urunleri", "products"},
    {"ve", "and"},
    {"yatirim", "investment"},
};

// The English word of a Turkish company's generic word (kTurkishWords), or "".
std::string_view TurkishWordInEnglish(std::string_view word) {
  static const auto* table = new EnglishWordTable(kTurkishWords);
  return table->Find(word);
}

// English business words as Russian and Kazakh company names transcribe them, in the BGN
// spelling that the lists write too (BONUM MENEDZHMENT OOO, KORUS KONSALTING SNG, LOGISTIK
// INTERNEYSHNL SERVIS OOO, POZITIV TEKNOLODZHIZ AO), and the English words they stand for: before
// 2026-12-06 "Юнайтед Текнолоджиз" (YUNAYTED TEKNOLODZHIZ) scored 0.32 against UNITED
// TECHNOLOGIES, "Азия Эйр" 0.21 against ASIA AIR. Compiled by hand from the usual transcriptions
// (several where Russian writes one sound several ways: ЭЙ and ЕЙ, Э and Е, -ИЗ, -ИС and -ЕЗ, ТЕК-
// and ТЕХ-); AZIYA and (Y)EVRAZIYA are the places' Russian names. Read from the Latin spelling, so
// a Cyrillic name, its BGN spelling on a list and the English name read alike (a helper's review
// of a first version, which read the Cyrillic words alone: a Russian company's name then missed
// its listed BGN spelling, BONUM MENEDZHMENT OOO 1.00 -> 0.62). Words one letter or a phonetic key
// from the English (KHOLDING, GLOBAL, SISTEMS, ELEKTRONIKS, KARGO) are left to the scorer; the
// legal forms among them (KOMPANI, KORPOREYSHN, GMBKH) are LegalFormSpelling's.
constexpr std::pair<std::string_view, std::string_view> kTranscribedEnglishWords[] = {
    {"aziya", "asia"},
    {"enerdzhi", "energy"},
    {"enterprayz", "enterprise"},
    {"enterprayzes", "enterprises"},
    {"enterprayzis", "enterprises"},
    {"evraziya", "eurasia"},
    {"eyr", "air"},
    {"eyrlayns", "air"},
    {"eyrveyz", "air"},
    {"fuds", "foods"},
    {"indastri", "industry"},
    {"indastrial", "industrial"},
    {"indastris", "industries"},
    {"indastriz", "industries"},
    {"interneshnl", "international"},
    {"interneyshnl", "international"},
    {"kemikal", "chemical"},
    {"kemikals", "chemicals"},
    {"konsalting", "consulting"},
    {"konstrakshn", "construction"},
    {"menedzhment", "management"},
    {"oyl", "oil"},
    {"resorsez", "resources"},
    {"resorsiz", "resources"},
    {"risorsiz", "resources"},
    {"servisez", "services"},
    {"servisiz", "services"},
    {"solyushens", "solutions"},
    {"solyushns", "solutions"},
    {"tekhnolodzhi", "technology"},
    {"tekhnolodzhis", "technologies"},
    {"tekhnolodzhiz", "technologies"},
    {"teknolodzhi", "technology"},
    {"teknolodzhis", "technologies"},
    {"teknolodzhiz", "technologies"},
    {"treyding", "trading"},
    {"yevraziya", "eurasia"},
    {"yunayted", "united"},
};

// The English word of a transcribed English word (kTranscribedEnglishWords), or "".
std::string_view TranscribedEnglishWord(std::string_view word) {
  static const auto* table = new EnglishWordTable(kTranscribedEnglishWords);
  return table->Find(word);
}

// The English of a word other languages use too, in the Turkish phrase it begins (the words after
// it), or "": SAN dotted or before VE, TIC(ARET) or a legal form's word (SAN VE TIC, SAN. A.S.,
// SAN LTD STI: industry); DIS before TI, TIC, TICARET, TICARETI (foreign trade); IC before DIS or
// VE DIS (domestic and foreign trade).
std::string_view TurkishPhraseInEnglish(const RawToken& word, const RawToken* next,
                                        const RawToken* after_next) {
  const std::string& w = word.text;
  if (w != "san" && w != "dis" && w != "ic") return "";  // speed: every word asks
  if (next == nullptr) return "";
  const std::string& n = next->text;
  const bool trade = n == "ti" || n == "tic" || n == "ticaret" || n == "ticareti";
  if (w == "san") {
    const bool form =
        n == "ltd" || n == "limited" || n == "sti" || n == "sirketi" || n == "anonim" || n == "as";
    return word.dotted || trade || form || n == "ve" ? "industry" : "";
  }
  if (w == "dis") return trade ? "foreign" : "";
  const bool dis = n == "dis" || (n == "ve" && after_next != nullptr && after_next->text == "dis");
  return dis ? "domestic" : "";
}

// The spelling kLegalForms gives a word of a Russian or Kazakh legal form that the lists also
// write in other romanisations: OBSCHESTVO (German-style), OBSHESTVO, OBSHCESTVO for
// OBSHCHESTVO; the BGN -OYE and scholarly -OJ, -JU for -OE, -OI, -YU. On the lists of 2026-02
// (names and aliases): OBSCHESTVO 62 times, AKTSIONERNOYE 27, OGRANICHENNOY 30; written so, a
// form was left as name words (OTKRYTOYE AKTSIONERNOYE OBSCHESTVO KIDMA TEK scored 0.51 against
// KIDMA TECH OJSC). Any other word is returned as it is.
std::string_view LegalFormSpelling(std::string_view word) {
  static constexpr std::pair<std::string_view, std::string_view> kSpellings[] = {
      {"aktsionernoye", "aktsionernoe"},
      {"nepublichnoye", "nepublichnoe"},
      {"obschchestvo", "obshchestvo"},
      {"obschestvo", "obshchestvo"},
      {"obshcestvo", "obshchestvo"},
      {"obshestvo", "obshchestvo"},
      {"obshschestvo", "obshchestvo"},
      {"ogranichennoj", "ogranichennoi"},
      {"ogranichennoy", "ogranichennoi"},
      {"otkrytoye", "otkrytoe"},
      {"otvetstvennostiu", "otvetstvennostyu"},
      {"otvetstvennostju", "otvetstvennostyu"},
      {"publichnoye", "publichnoe"},
      {"tovarischestvo", "tovarishchestvo"},
      {"tovarishestvo", "tovarishchestvo"},
      {"zakrytoye", "zakrytoe"},
  };
  // Foreign legal forms as Russian names transcribe them, in BGN's spelling (КОРПОРЕЙШН, ГМБХ,
  // ФЗКО; kTranscribedEnglishWords holds the other English words). КОМПАНИ is read from the
  // Cyrillic only (ReadTranscribedEnglish): KAMPANI and KOMPANI are Latin surnames too (a
  // helper's review: "Ramzan Kampani" met RAMAN COMPANY at 0.81).
  static constexpr std::pair<std::string_view, std::string_view> kTranscribed[] = {
      {"gmbkh", "gmbh"},
      {"korporeishn", "corporation"},
      {"korporeyshn", "corporation"},
      {"fzko", "fzco"}};
  for (const auto& [written, spelling] : kTranscribed) {
    if (word == written) return spelling;
  }
  if (word.size() < 8) return word;
  // Other spellings and typed letters by the words' keys (KeyedWords), for a word that
  // LooksRussian (read one edit from KOMPANIYA, COMPAGNIE lost its letter in CAGL, the acronym of
  // COMPAGNIE AERIENNE DES GRANDS LACS): AKTSIONERNOY, AKTCIONERNOE, AKTSIONEROE, OBSHCHESVTO and
  // ORGANICHENNOI (the lists' own, nine times) are the form's words; before 2026-12-06 each left
  // its form as name words.
  static const KeyedWords* words = [] {
    auto* out = new KeyedWords(/*shortest_by_key=*/8, /*shortest_by_near_key=*/9);
    for (const auto& [written, spelling] : kSpellings) out->Add(std::string(written), spelling);
    for (const LegalFormEntry& entry : kLegalForms) {
      // The phrase's words, as views of the table's own text, each as kSpellings writes it (the
      // table holds both AKTSIONERNOYE and AKTSIONERNOE: two values would share one key, and
      // find neither).
      std::string_view rest = entry.words;
      while (!rest.empty()) {
        std::string_view part = rest.substr(0, rest.find(' '));
        rest.remove_prefix(std::min(rest.size(), part.size() + 1));
        if (part.size() < 8) continue;
        for (const auto& [written, spelling] : kSpellings) {
          if (part == written) part = spelling;
        }
        out->Add(std::string(part), part);
      }
    }
    return out;
  }();
  const bool russian = LooksRussian(word);
  std::string_view spelling = words->Find(word, /*by_key=*/russian, /*near=*/russian);
  return spelling.empty() ? word : spelling;
}

const std::map<std::string, const LegalFormEntry*>& LegalFormTable() {
  static const auto* table = [] {
    auto* map = new std::map<std::string, const LegalFormEntry*>();
    for (const LegalFormEntry& entry : kLegalForms) (*map)[entry.words] = &entry;
    return map;
  }();
  return *table;
}

const std::unordered_map<std::string, std::string>& AbbreviationTable() {
  static const auto* table = [] {
    auto* map = new std::unordered_map<std::string, std::string>();
    for (const auto& [abbreviation, word] : kAbbreviations) (*map)[abbreviation] = word;
    return map;
  }();
  return *table;
}

// The number an English ordinal writes (558TH, 223RD, 1ST: 558, 223, 1), or "" for any other
// word: the lists write one military unit or plant both ways (JSC 558TH AIRCRAFT REPAIR PLANT,
// JSC 558 AIRCRAFT REPAIR PLANT; 66TH LIGHT INFANTRY DIVISION, LIGHT INFANTRY DIVISION 66).
std::string_view OrdinalNumber(std::string_view word) {
  if (word.size() < 3 || word[0] < '0' || word[0] > '9') return {};  // speed: every word asks
  const std::string_view suffix = word.substr(word.size() - 2);
  if (suffix != "st" && suffix != "nd" && suffix != "rd" && suffix != "th") return {};
  const std::string_view digits = word.substr(0, word.size() - 2);
  for (char c : digits) {
    if (c < '0' || c > '9') return {};
  }
  return digits;
}

// A word as Normalize() reads it outside a legal form: an abbreviation expanded (the spelling
// kept in `original` for explanations), an ordinal as its number, one letter an initial.
NameToken WordToken(const std::string& word) {
  NameToken token{word, TokenKind::kWord, word};
  if (const std::string_view number = OrdinalNumber(word); !number.empty()) {
    token.text = std::string(number);
    return token;
  }
  const auto& abbreviations = AbbreviationTable();
  auto expansion = abbreviations.find(token.text);
  if (expansion != abbreviations.end()) token.text = expansion->second;
  if (token.text.size() == 1 && token.text[0] >= 'a' && token.text[0] <= 'z') {
    token.kind = TokenKind::kInitial;
  }
  return token;
}

// kOrganisationTypes and the scientific-production phrases as one lookup: the class of each
// phrase, and the words a phrase may start with (asked first, for every word of every name).
struct OrganisationTypeTable {
  std::unordered_map<std::string, std::string> classes;
  std::vector<std::string> first_words;  // sorted
  // speed: most words are ruled out before the search (1% of the index build without it).
  FirstLetterLengths first_word_filter;

  bool MayStartPhrase(std::string_view word) const {
    return first_word_filter.MayHold(word) &&
           std::binary_search(first_words.begin(), first_words.end(), word);
  }
};

const OrganisationTypeTable& OrganisationTypes() {
  static const auto* table = [] {
    auto* out = new OrganisationTypeTable;
    for (const OrganisationType& type : kOrganisationTypes)
      out->classes[type.words] = type.type_class;
    for (std::string_view prefix : kScientificProduction) {
      for (const OrganisationType& noun : kScientificProductionNouns) {
        out->classes[std::string(prefix) + " " + noun.words] = noun.type_class;
      }
    }
    for (const auto& [phrase, type_class] : out->classes) {
      out->first_words.push_back(phrase.substr(0, phrase.find(' ')));
    }
    std::sort(out->first_words.begin(), out->first_words.end());
    out->first_words.erase(std::unique(out->first_words.begin(), out->first_words.end()),
                           out->first_words.end());
    for (const std::string& word : out->first_words) out->first_word_filter.Add(word);
    return out;
  }();
  return *table;
}

// The word a token gives an organisation-type phrase: a word's text (a Russian word's English);
// for a legal form, CORPORATION or COMPANY when it is written so (KORPORATSIYA, an edge COMPANY,
// and the COMPANY or CO of COMPANY LIMITED and CO LTD are forms by the time the phrases are
// read: EITOM RESEARCH AND PRODUCTION CO., LTD.); none for anything else.
std::string_view TypePhraseWord(const NameToken& token) {
  if (token.kind == TokenKind::kWord) return token.text;
  if (token.kind != TokenKind::kLegalForm) return {};
  const std::string_view form = token.original;
  if (form == "corp" || form == "corporation" || form.starts_with("korporats")) {
    return "corporation";
  }
  if (form == "co" || form == "company" || form == "kompaniya" || form.starts_with("co ") ||
      form.starts_with("company ")) {
    return "company";
  }
  return {};
}

// Whether a name holds a joint-stock form, a Russian limited one or another kind, which makes KB
// and NPP kinds (OJSC KB RADAR, PUBLIC JOINT STOCK COMPANY KB VOSTOCHNY, JSC NPP RADIOSVYAZ)
// rather than what they are elsewhere: KB LINES LIMITED and KB KOOKMIN are not design bureaus,
// ZAPORIZHZHYA NPP is a nuclear power plant.
bool HasRussianFormOrKind(const std::vector<NameToken>& tokens, size_t except) {
  for (size_t i = 0; i < tokens.size(); ++i) {
    const NameToken& token = tokens[i];
    if (i == except || token.kind != TokenKind::kLegalForm) continue;
    if (token.text == "jsc" || IsOrganisationTypeClass(token.text)) return true;
    const std::string_view form = token.original;
    if (form == "ooo" || form == "too" || form.find("obshchestvo") != std::string_view::npos ||
        form.find("tovarishchestvo") != std::string_view::npos) {
      return true;
    }
  }
  return false;
}

// Reads each organisation type of a name (kOrganisationTypes) as one legal-form token of its
// class, the longest phrase at each position; `original` keeps the words as written. Not when
// the name would be kinds and legal forms only: OOO VPK and SKB ZAO are listed names, and a name
// of forms alone identifies nobody (Normalize refuses it), so there the kinds stay words.
void ReadOrganisationTypes(std::vector<NameToken>* tokens) {
  const OrganisationTypeTable& table = OrganisationTypes();
  std::vector<NameToken> out;
  bool found_any = false;
  for (size_t i = 0; i < tokens->size();) {
    const std::string_view first = TypePhraseWord((*tokens)[i]);
    const std::string* matched = nullptr;
    size_t matched_words = 0;
    if (table.MayStartPhrase(first)) {
      std::string phrase;
      for (size_t n = 1; n <= kMaxOrganisationTypeWords && i + n <= tokens->size(); ++n) {
        const std::string_view word = TypePhraseWord((*tokens)[i + n - 1]);
        if (word.empty()) break;
        if (n > 1) phrase += ' ';
        phrase += word;
        auto found = table.classes.find(phrase);
        if (found == table.classes.end()) continue;
        matched = &found->second;
        matched_words = n;
      }
    }
    if (matched == nullptr) {
      if (found_any) out.push_back((*tokens)[i]);
      ++i;
      continue;
    }
    if (!found_any) {
      out.assign(tokens->begin(), tokens->begin() + static_cast<std::ptrdiff_t>(i));
      found_any = true;
    }
    NameToken type{*matched, TokenKind::kLegalForm, ""};
    for (size_t k = i; k < i + matched_words; ++k) {
      const NameToken& part = (*tokens)[k];
      if (part.translation_rest) continue;  // its word is the one before it, as written
      if (!type.original.empty()) type.original += ' ';
      type.original +=
          part.kind == TokenKind::kLegalForm ? Split(part.original, ' ')[0] : part.original;
    }
    out.push_back(std::move(type));
    // CO LTD gave the phrase its CO; its LTD stays the name's legal form.
    const NameToken& last = (*tokens)[i + matched_words - 1];
    if (last.kind == TokenKind::kLegalForm && last.original.find(' ') != std::string::npos) {
      out.push_back(
          {last.text, TokenKind::kLegalForm, last.original.substr(last.original.find(' ') + 1)});
    }
    i += matched_words;
  }
  if (!found_any) return;
  // KB and NPP alone: kinds only beside a Russian form or another kind, or NPP first.
  for (size_t i = 0; i < out.size(); ++i) {
    NameToken& token = out[i];
    if (token.kind != TokenKind::kLegalForm) continue;
    if (token.original != "kb" && token.original != "npp") continue;
    if (HasRussianFormOrKind(out, i) || (token.original == "npp" && i == 0)) continue;
    token = WordToken(token.original);
  }
  for (const NameToken& token : out) {
    if (token.kind != TokenKind::kLegalForm) {
      *tokens = std::move(out);
      return;
    }
  }
}

}  // namespace

bool ReadAsPersonName(NormalizedName* name) {
  bool changed = false;
  // A person's name has no Russian generic words: a word read in English is read as written
  // again (FOND, ROSSINSKIY: "Peter Fond" had read as PETER FUND).
  auto& tokens = name->tokens;
  const size_t before = tokens.size();
  tokens.erase(std::remove_if(tokens.begin(), tokens.end(),
                              [](const NameToken& token) { return token.translation_rest; }),
               tokens.end());
  changed = tokens.size() != before;
  for (NameToken& token : tokens) {
    if (token.written_initial == '\0') continue;
    const bool fused_part = token.fused_part;
    token = WordToken(token.original);
    token.fused_part = fused_part;
    changed = true;
  }
  // Nor organisation types: NII, KB or NPP in a person's name is a name (or initials) as written;
  // not beyond Normalize's bound on a name's words (a kind is up to five).
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].kind != TokenKind::kLegalForm || !IsOrganisationTypeClass(tokens[i].text)) {
      continue;
    }
    std::vector<NameToken> words;
    for (std::string& word : Split(tokens[i].original, ' ')) words.push_back(WordToken(word));
    if (words.empty() || tokens.size() - 1 + words.size() > kMaxNameTokens) continue;
    tokens.erase(tokens.begin() + static_cast<std::ptrdiff_t>(i));
    tokens.insert(tokens.begin() + static_cast<std::ptrdiff_t>(i), words.begin(), words.end());
    i += words.size() - 1;
    changed = true;
  }
  for (NameToken& token : tokens) {
    if (token.kind != TokenKind::kLegalForm) continue;
    auto found = LegalFormTable().find(token.original);
    if (found == LegalFormTable().end()) continue;
    // A one-word form that is a name alone (read as a form only at a name's edge: AO, AG, SA,
    // DOO), and PAO, a Chinese family name in Wade-Giles. LTD, LLC or OOO name no person.
    if (!found->second->edge_only && token.original != "pao") continue;
    if (token.original.find(' ') != std::string::npos) continue;
    token = WordToken(token.original);
    changed = true;
  }
  return changed;
}

// The words of `text` (UTF-8): runs of letters and digits of any script, as byte offsets
// [first, second). Punctuation of any script («», –) separates them.
std::vector<std::pair<size_t, size_t>> WordSpans(const std::string& text) {
  std::vector<std::pair<size_t, size_t>> spans;
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t length = static_cast<int32_t>(std::min<size_t>(text.size(), INT32_MAX));
  bool in_word = false;
  for (int32_t i = 0; i < length;) {
    const int32_t at = i;
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    const bool letter = c >= 0 && u_isalnum(c);
    if (letter && !in_word) spans.push_back({static_cast<size_t>(at), 0});
    if (letter) spans.back().second = static_cast<size_t>(i);
    in_word = letter;
  }
  return spans;
}

// `text` (lower-case UTF-8) with КО as CO before a legal form (КО. ЛТД: alone, КО is a Korean
// family name), ИНК as INC (Latin INK is a word) and КОМПАНИ and КАМПАНИ as COMPANY (Latin
// KAMPANI and KOMPANI are surnames); empty when none is there. The other
// English words that Russian names transcribe are read from their BGN spelling
// (TranscribedEnglishWord), which the lists write too.
std::string ReadTranscribedEnglish(const std::string& text) {
  auto english = [](std::string_view word) -> std::string_view {
    if (word == "инк") return "inc";
    if (word == "компани" || word == "кампани") return "company";
    return "";
  };
  const std::vector<std::pair<size_t, size_t>> spans = WordSpans(text);
  std::string out;
  size_t copied = 0;
  bool changed = false;
  for (size_t k = 0; k < spans.size(); ++k) {
    const auto [start, end] = spans[k];
    const std::string_view word = std::string_view(text).substr(start, end - start);
    std::string_view written = english(word);
    if (written.empty() && word == "ко" && k + 1 < spans.size()) {
      const std::string_view following = std::string_view(text).substr(
          spans[k + 1].first, spans[k + 1].second - spans[k + 1].first);
      if (following == "лтд" || following == "лимитед" || following == "инк" ||
          following == "ltd" || following == "limited" || following == "inc") {
        written = "co";
      }
    }
    if (written.empty()) continue;
    out.append(text, copied, start - copied);
    out += written;
    copied = end;
    changed = true;
  }
  if (!changed) return "";
  out.append(text, copied, std::string::npos);
  return out;
}

// A Russian word's letters (lower-case UTF-8) in Latin, one for one as BGN writes most of them;
// only to look the word up among common names and legal forms (ReadPalladiusName).
std::string SimpleRussianLatin(std::string_view word) {
  static constexpr const char* kLetters[] = {
      "a", "b", "v", "g", "d", "e",  "zh", "z",  "i",  "y",    "k", "l", "m", "n", "o",  "p",
      "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "",  "y", "",  "e", "yu", "ya"};
  std::string out;
  for (size_t i = 0; i + 1 < word.size(); i += 2) {
    const auto lead = static_cast<unsigned char>(word[i]);
    const auto trail = static_cast<unsigned char>(word[i + 1]);
    int letter = -1;  // а = 0 ... я = 31
    if (lead == 0xD0 && trail >= 0xB0 && trail <= 0xBF) letter = trail - 0xB0;
    if (lead == 0xD1 && trail >= 0x80 && trail <= 0x8F) letter = 16 + trail - 0x80;
    if (letter < 0) return "";
    out += kLetters[letter];
  }
  return out;
}

// A Chinese name written in Cyrillic by the Palladius system (Си Цзиньпин, Дэн Сяопин, Ван И),
// as Russian and Kazakh documents write a Chinese party's name, rewritten with its words in
// pinyin (xi jinping, deng xiaoping, wang yi); empty when `text` (lower-case UTF-8) is not one.
// BGN's Russian reading of such a name (si tszinpin) met its pinyin at 0.09 before 2026-12-06.
// ИВАН, АННА, ЦЫБИН and the Koryo-saram's ЛИ АН are Palladius syllables too, so (a helper's review
// of the first version found each of these read as Chinese):
//  - a name is Chinese when a word of it is strongly so (PalladiusStrength::kStrong: ЦЗ, ЧЖ, ЮЙ,
//    КЭЦЯН); then each such word is read, and the name's other words only when every Cyrillic
//    word of it is Palladius syllables and the word is not another population's common name
//    (ИВАН in ЦЗЯН ИВАН);
//  - or when it is two words, the first a Chinese family name of one syllable, the second of one
//    or two, neither another population's common name, and either the family name is one that
//    Russian, Korean and Koryo-saram names do not share (ВАН, ДЭН, ЧЭНЬ, not ЛИ, ЯН, МА, КАН) or a
//    word is spelled as Palladius spells (ЛИ ЦЯН, МА ЮНЬ, ЛИ ПЭН: PalladiusStrength::kMedium).
//    Korean names in Russian letters write a syllable a word (ЛИ МИН ХО), so three words are not
//    read this way.
// A legal form (ТОО, ООО, ПАО) counts for nothing and is never read.
std::string ReadPalladiusName(const std::string& text) {
  struct Word {
    size_t start, size;
    std::string pinyin;
    int syllables = 0;
    PalladiusStrength strength = PalladiusStrength::kNone;
    bool other_name = false;  // a common name of another population, and not a Chinese one
  };
  std::vector<Word> words;  // the Cyrillic words that are not legal forms
  bool latin_words = false;
  for (const auto& [start, end] : WordSpans(text)) {
    const std::string_view written = std::string_view(text).substr(start, end - start);
    if (static_cast<unsigned char>(written[0]) < 0x80) {
      latin_words = true;
      continue;
    }
    const std::string russian = SimpleRussianLatin(written);
    if (!russian.empty() && LegalFormTable().count(std::string(LegalFormSpelling(russian)))) {
      continue;
    }
    Word& word = words.emplace_back();
    word.start = start;
    word.size = end - start;
    word.pinyin = PalladiusAsPinyin(written, &word.syllables, &word.strength);
    word.other_name = !word.pinyin.empty() && russian != word.pinyin &&
                      CommonNamePopulations(russian) != 0 &&
                      CommonNamePopulations(word.pinyin) == 0;
    // A Russian given name or a patronymic that is no Palladius word makes the name a Russian
    // citizen's: ЦЗЮ КОНСТАНТИН БОРИСОВИЧ is TSZYU as his passport writes it (a helper's review:
    // 1.00 -> 0.40 against TSZYU KONSTANTIN BORISOVICH when read as Chinese).
    const bool patronymic = russian.ends_with("ovich") || russian.ends_with("evich") ||
                            russian.ends_with("ovna") || russian.ends_with("evna") ||
                            russian.ends_with("ichna");
    if (patronymic || (word.pinyin.empty() && CommonNamePopulations(russian) != 0)) return "";
  }
  bool strong = false, all_read = !words.empty(), medium = false, other_name = false;
  for (const Word& word : words) {
    strong = strong || word.strength == PalladiusStrength::kStrong;
    medium = medium || word.strength != PalladiusStrength::kNone;
    all_read = all_read && !word.pinyin.empty();
    other_name = other_name || word.other_name;
  }
  // Chinese family names that Russian, Korean and Koryo-saram names spell alike in Cyrillic.
  static constexpr std::string_view kSharedFamilyNames[] = {"ли",  "ян", "ма", "у", "о",
                                                            "кан", "ю",  "е",  "и", "ан"};
  std::vector<bool> read(words.size(), false);
  if (strong) {
    for (size_t k = 0; k < words.size(); ++k) {
      read[k] =
          words[k].strength == PalladiusStrength::kStrong || (all_read && !words[k].other_name);
    }
  } else if (all_read && !latin_words && words.size() == 2 && !other_name &&
             words[0].syllables == 1 && words[1].syllables <= 2 &&
             IsChineseFamilyName(words[0].pinyin)) {
    const std::string_view family = std::string_view(text).substr(words[0].start, words[0].size);
    bool shared = false;
    for (std::string_view name : kSharedFamilyNames) shared = shared || family == name;
    if (!shared || medium) read.assign(words.size(), true);
  }
  std::string out;
  size_t copied = 0;
  bool changed = false;
  for (size_t k = 0; k < words.size(); ++k) {
    if (!read[k]) continue;
    out.append(text, copied, words[k].start - copied);
    out += words[k].pinyin;
    copied = words[k].start + words[k].size;
    changed = true;
  }
  if (!changed) return "";
  out.append(text, copied, std::string::npos);
  return out;
}

// A Korean name written in Russian letters (Ким Чен Ын, Чхве Рён Хэ, Пак Пон Чжу), as Russian
// and Central Asian documents write a DPRK or South Korean party's name, rewritten with its words
// as the lists spell Korean names (kim jon un, choe ryon hae, pak pon ju); empty when `text`
// (lower-case UTF-8) is not one. BGN's Russian reading (kim chen yn, chkhve ren khe) met the lists'
// KIM JONG UN and CHOE RYONG HAE at 0.16 and 0.17 before 2026-12-06. Read when the name is two to
// four Cyrillic words (legal forms aside, no Latin word), the first a Korean family name, each word
// one syllable of Korean names (KoreanCyrillicAsLatin) and no patronymic: a Koryo-saram's Russian
// name (Ким Ирина Сергеевна, Пак Иван, Хан Герман) stays Russian. Sets *sure when it reads the
// name: Palladius does not write a Chinese name so (it
// joins the given name's syllables), so such a name is Korean even where a word is spelled as
// Palladius spells too (ЧЖУ in Пак Пон Чжу, ЧЖОН in Ким Ё Чжон).
std::string ReadKoreanCyrillicName(const std::string& text, bool* sure) {
  *sure = false;
  struct Word {
    size_t start, size;
    std::string latin;
  };
  std::vector<Word> words;
  bool one_syllable_words = true;
  for (const auto& [start, end] : WordSpans(text)) {
    const std::string_view written = std::string_view(text).substr(start, end - start);
    if (static_cast<unsigned char>(written[0]) < 0x80) return "";
    const std::string russian = SimpleRussianLatin(written);
    if (!russian.empty() && LegalFormTable().count(std::string(LegalFormSpelling(russian)))) {
      continue;
    }
    int word_syllables = 0;
    bool family_name = false, name_syllables = false;
    std::string latin = KoreanCyrillicAsLatin(written, words.empty(), &word_syllables, &family_name,
                                              &name_syllables);
    if (latin.empty() || !name_syllables) return "";
    if (words.empty() && !family_name) return "";
    if (russian.ends_with("vich") || russian.ends_with("vna") || russian.ends_with("ichna")) {
      return "";
    }
    one_syllable_words = one_syllable_words && word_syllables == 1;
    words.push_back({start, end - start, std::move(latin)});
  }
  // Russian letters write a Korean name a syllable a word (КИМ ЧЕН ЫН): a word of two syllables
  // is another people's name (ХАН ЕРЖАН, ЧЕН ГЕНА: a helper's review of the first version).
  if (words.size() < 3 || words.size() > 4 || !one_syllable_words) return "";
  // Sure, unless a Chinese family name leads it and a word is spelled as Palladius alone spells
  // (ЛИ ЧЖУН МИН, ЧЖАН ЧЖУН МИН, СУН ЧЖУН МИН: a Chinese name with its syllables written apart;
  // a second review found them read as Korean, 1.00 -> 0.16 against LI ZHONGMING). ПАК ПОН ЧЖУ,
  // led by a family name Chinese does not have, stays Korean.
  *sure = true;
  int palladius_syllables = 0;
  PalladiusStrength strength = PalladiusStrength::kNone;
  const std::string family =
      PalladiusAsPinyin(std::string_view(text).substr(words[0].start, words[0].size),
                        &palladius_syllables, &strength);
  if (!family.empty() && IsChineseFamilyName(family)) {
    for (const Word& word : words) {
      PalladiusAsPinyin(std::string_view(text).substr(word.start, word.size), &palladius_syllables,
                        &strength);
      if (strength == PalladiusStrength::kStrong) *sure = false;
    }
  }
  std::string out;
  size_t copied = 0;
  for (const Word& word : words) {
    out.append(text, copied, word.start - copied);
    out += word.latin;
    copied = word.start + word.size;
  }
  out.append(text, copied, std::string::npos);
  return out;
}

struct NameNormalizer::Impl {
  const icu::Normalizer2* nfkc_casefold = nullptr;
  std::map<std::string, std::unique_ptr<Transliterator>> transliterators;
  // Syllable() of single Han characters and Hangul syllables, by code point: two ICU
  // transliterations per character otherwise, for a result that depends on the character alone.
  std::unordered_map<UChar32, std::string> han_syllables, hangul_syllables;
  Status setup_error;

  // The transliterator with ICU id `id`, or one built from `rules` when given; cached.
  Transliterator* Get(const std::string& id, const char* rules = nullptr) {
    auto found = transliterators.find(id);
    if (found != transliterators.end()) return found->second.get();
    UErrorCode error = U_ZERO_ERROR;
    std::unique_ptr<Transliterator> created;
    if (rules == nullptr) {
      created.reset(
          Transliterator::createInstance(UnicodeString::fromUTF8(id), UTRANS_FORWARD, error));
    } else {
      UParseError parse_error;
      created.reset(Transliterator::createFromRules(UnicodeString::fromUTF8(id),
                                                    UnicodeString::fromUTF8(rules), UTRANS_FORWARD,
                                                    parse_error, error));
      if (U_FAILURE(error)) {
        setup_error = Status::Error("transliteration rules " + id + ": line " +
                                    std::to_string(parse_error.line) + ": " + u_errorName(error));
        return nullptr;
      }
    }
    if (U_FAILURE(error) || created == nullptr) {
      setup_error = Status::Error("ICU transliterator " + id + ": " + u_errorName(error));
      return nullptr;
    }
    Transliterator* result = created.get();
    transliterators[id] = std::move(created);
    return result;
  }

  // Transliterates one character or run with `id` and folds the result to ASCII.
  // Called per character, so that each Han character or Hangul syllable becomes one syllable whose
  // grouping into words RomaniseHanAndHangul decides.
  std::string Syllable(const UnicodeString& text, const std::string& id) {
    UnicodeString copy = text;
    if (Transliterator* t = Get(id)) t->transliterate(copy);
    if (Transliterator* t = Get("Latin-ASCII")) t->transliterate(copy);
    std::string out;
    for (int32_t i = 0; i < copy.length(); ++i) {
      UChar c = copy.charAt(i);
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out += static_cast<char>(c);
      if (c >= 'A' && c <= 'Z') out += static_cast<char>(c - 'A' + 'a');
    }
    return out;
  }

  // Rewrites Han and Hangul runs as pinyin or Korean romanisation. A name that is one run of two
  // to four characters is read as a personal name: surname, then the given name as one word.
  UnicodeString RomaniseHanAndHangul(const UnicodeString& text) {
    std::vector<UChar32> chars;
    for (int32_t i = 0; i < text.length();) {
      UChar32 c = text.char32At(i);
      chars.push_back(c);
      i += U16_LENGTH(c);
    }
    size_t non_space = 0;
    for (UChar32 c : chars) non_space += u_isUWhiteSpace(c) ? 0 : 1;
    UnicodeString out;
    for (size_t i = 0; i < chars.size();) {
      bool han = IsHan(chars[i]);
      bool hangul = IsHangulSyllable(chars[i]);
      if (!han && !hangul) {
        out.append(chars[i]);
        ++i;
        continue;
      }
      size_t end = i;
      while (end < chars.size() && (han ? IsHan(chars[end]) : IsHangulSyllable(chars[end]))) ++end;
      std::vector<std::string> syllables;
      auto& known = han ? han_syllables : hangul_syllables;
      for (size_t k = i; k < end; ++k) {
        auto found = known.find(chars[k]);
        if (found != known.end()) {
          syllables.push_back(found->second);
          continue;
        }
        syllables.push_back(Syllable(UnicodeString(chars[k]), han ? "Han-Latin" : "Hangul-Latin"));
        // A syllable's first ㄹ is r in the Revised and McCune-Reischauer romanisations alike
        // (룡 RYONG, 류 RYU, 리 RI); ICU's Hangul-Latin writes it l (lyong), so 최룡해 did not
        // meet CHOE Ryong Hae (0.38 before 2026-12-05). A final ㄹ stays l (일 IL).
        if (!han && !syllables.back().empty() && syllables.back()[0] == 'l') {
          syllables.back()[0] = 'r';
        }
        // Not cached when a transliterator could not be created (the syllable is then not one).
        if (setup_error.ok()) known.emplace(chars[k], syllables.back());
      }
      size_t run = end - i;
      // Only when the run is the whole name: two to four characters is the usual length of a
      // Chinese or Korean personal name (surname of one character, given name of one to three); a
      // run inside a longer name is a company name and keeps one word per syllable (Han) or one
      // word (Hangul).
      bool personal = run >= 2 && run <= 4 && run == non_space;
      // "김 정은" written with a space: the first lone syllable is the surname.
      bool lone_hangul_surname = hangul && run == 1 && i == 0 && end < chars.size();
      if (hangul && (personal || lone_hangul_surname)) {
        auto surname = KoreanSurnames().find(chars[i]);
        if (surname != KoreanSurnames().end()) syllables[0] = surname->second;
      }
      std::string words = " ";
      for (size_t k = 0; k < syllables.size(); ++k) {
        words += syllables[k];
        // Han: a space after every syllable, except that a personal name's given name is joined
        // (习近平 -> "xi jinping"). Hangul: syllables of a word are joined, and a personal name
        // splits after the surname (김정은 -> "kim jeongeun").
        bool split = han ? !(personal && k >= 1) : (personal && k == 0);
        if (split) words += ' ';
      }
      words += ' ';
      out.append(UnicodeString::fromUTF8(words));
      i = end;
    }
    return out;
  }

  // Each space-separated word of `text` through `steps` (identified by `steps_key`), remembered
  // per word: names repeat their words (MUHAMMAD, IVANOV), and the transliterators, which cost
  // tens of thousands of instructions a name, read each word on its own (their rules look no
  // further than the word; a space is a word boundary to them). Bounded: emptied beyond
  // kMaxWords.
  UnicodeString TransliterateWords(const UnicodeString& text,
                                   const std::vector<Transliterator*>& steps, char steps_key) {
    static constexpr size_t kMaxWords = 100000;
    UnicodeString out;
    int32_t start = 0;
    const int32_t length = text.length();
    while (start <= length) {
      int32_t end = text.indexOf(static_cast<char16_t>(' '), start);
      if (end < 0) end = length;
      if (end > start) {
        std::u16string key(1, static_cast<char16_t>(steps_key));
        key.append(text.getBuffer() + start, static_cast<size_t>(end - start));
        auto found = transliterated_words.find(key);
        if (found == transliterated_words.end()) {
          if (transliterated_words.size() >= kMaxWords) transliterated_words.clear();
          UnicodeString word(text, start, end - start);
          for (Transliterator* step : steps) step->transliterate(word);
          found = transliterated_words.emplace(std::move(key), std::move(word)).first;
        }
        out.append(found->second);
      }
      if (end < length) out.append(static_cast<char16_t>(' '));
      start = end + 1;
    }
    return out;
  }
  std::unordered_map<std::u16string, UnicodeString> transliterated_words;  // TransliterateWords

  // The Latin text of `name` (lower-case; not yet ASCII-only when it held unknown scripts).
  Status Latin(std::string_view name, std::string* latin, bool* abjad) {
    *abjad = false;
    bool ascii = true;
    for (char c : name) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
    // Most list and trade names are ASCII: they skip ICU entirely, which is the slow part.
    if (ascii) {
      latin->assign(name);
      for (char& c : *latin) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
      }
      return Status::Ok();
    }
    if (nfkc_casefold == nullptr) {
      UErrorCode error = U_ZERO_ERROR;
      nfkc_casefold = icu::Normalizer2::getNFKCCasefoldInstance(error);
      if (U_FAILURE(error)) return Status::Error(std::string("ICU NFKC: ") + u_errorName(error));
    }
    UErrorCode error = U_ZERO_ERROR;
    UnicodeString text = nfkc_casefold->normalize(UnicodeString::fromUTF8(name), error);
    if (U_FAILURE(error)) return Status::Error(std::string("ICU NFKC: ") + u_errorName(error));
    // Before romanisation: read as Han characters, a legal form would be grouped with the name (or
    // make a four-character company name look like a personal name). Counted with its legal
    // form: 华为技术有限公司 is a company's name though 华为技术 alone has four characters.
    int32_t han_characters = 0;
    for (int32_t i = 0; i < text.length();) {
      UChar32 c = text.char32At(i);
      i += U16_LENGTH(c);
      han_characters += IsHan(c) ? 1 : 0;
    }
    if (han_characters > 0) {
      // A company's name in traditional characters (Hong Kong, Taiwan: 華信船務(香港)有限公司) is
      // looked up in simplified ones, character for character.
      const bool company = han_characters >= 5;
      UnicodeString simplified = text;
      if (company) {
        Transliterator* to_simplified = Get("Traditional-Simplified");
        if (to_simplified == nullptr) return setup_error;
        to_simplified->transliterate(simplified);
        if (simplified.length() != text.length()) simplified = text;
      }
      text = ReplaceChineseWords(text, simplified, company);
    }
    bool has_han = false, has_arabic = false, has_uyghur = false, has_hebrew = false;
    bool has_cyrillic = false, has_kazakh = false;
    // Uyghur names need not hold a letter of IsUyghurLetter (ئىلھام توختى, ILHAM TOHTI): a word
    // that begins with ئ before a vowel letter is Uyghur's written initial vowel, which Arabic,
    // Persian and Urdu never begin a word with; an ى inside a word is Uyghur's i (قادىر, QADIR),
    // which Arabic writes only at a word's end.
    bool uyghur_initial_vowel = false, inner_alef_maksura = false, persian_or_urdu = false;
    UnicodeString cleaned;
    for (int32_t i = 0; i < text.length();) {
      const UChar32 previous = i > 0 ? text.char32At(i - 1) : ' ';
      UChar32 c = text.char32At(i);
      i += U16_LENGTH(c);
      const UChar32 following = i < text.length() ? text.char32At(i) : ' ';
      if (c == 0x0626 && !u_isalpha(previous) && IsUyghurVowelLetter(following)) {
        uyghur_initial_vowel = true;
      }
      if (c == 0x0649 && u_isalpha(following)) inner_alef_maksura = true;
      persian_or_urdu = persian_or_urdu || IsPersianOrUrduLetter(c);
      int8_t type = u_charType(c);
      // Format characters (zero-width joiners, bidi marks) and private-use code points are
      // invisible: as spaces they can at worst split a word, never glue two words or hide inside
      // one.
      if (type == U_CONTROL_CHAR || type == U_FORMAT_CHAR || type == U_UNASSIGNED ||
          type == U_SURROGATE || type == U_PRIVATE_USE_CHAR) {
        cleaned.append(static_cast<UChar32>(' '));
        continue;
      }
      if (type == U_MODIFIER_LETTER && c >= 0x02B0 && c <= 0x02FF) continue;  // ʿ ʾ
      // A middle dot written in the name separates words (Chinese writes a Uyghur or foreign name
      // 买买提·艾力); the ones BGN writes inside a word are removed after it (kBgnMarkRules).
      if (c == 0x00B7 || c == 0x30FB || c == 0x2027) {
        cleaned.append(static_cast<UChar32>(' '));
        continue;
      }
      UErrorCode script_error = U_ZERO_ERROR;
      UScriptCode script = uscript_getScript(c, &script_error);
      has_han = has_han || script == USCRIPT_HAN || IsHangulSyllable(c);
      has_arabic = has_arabic || script == USCRIPT_ARABIC;
      has_uyghur = has_uyghur || IsUyghurLetter(c);
      has_hebrew = has_hebrew || script == USCRIPT_HEBREW;
      has_cyrillic = has_cyrillic || script == USCRIPT_CYRILLIC;
      has_kazakh = has_kazakh || IsKazakhLetter(c);
      // Tajik and Uzbek letters that neither BGN table knows, as Russian writes them (ICU dropped
      // ҳ and ҷ, splitting the word: Адҳам read "ad am", Ҷамшед "amshed").
      if (const std::string_view russian = TajikUzbekLetterAsRussian(c); !russian.empty()) {
        cleaned.append(UnicodeString::fromUTF8(russian));
        continue;
      }
      cleaned.append(c);
    }
    text = cleaned;
    if (has_cyrillic) {
      std::string utf8;
      text.toUTF8String(utf8);
      std::string english = ReadTranscribedEnglish(utf8);
      if (!english.empty()) utf8 = std::move(english);
      // A Chinese (Palladius) or Korean name in Russian letters, read as the lists spell it.
      if (!has_kazakh && !has_han) {
        bool sure_korean = false;
        std::string korean = ReadKoreanCyrillicName(utf8, &sure_korean);
        std::string pinyin = sure_korean ? std::string() : ReadPalladiusName(utf8);
        if (!pinyin.empty()) {
          utf8 = std::move(pinyin);
        } else if (!korean.empty()) {
          utf8 = std::move(korean);
        }
      }
      text = UnicodeString::fromUTF8(utf8);
    }
    has_uyghur = has_uyghur || uyghur_initial_vowel || (inner_alef_maksura && !persian_or_urdu);
    if (has_han) text = RomaniseHanAndHangul(text);
    std::vector<Transliterator*> steps;
    // Uyghur is tested first because it is written in Arabic script too; its alphabet writes every
    // vowel, so it is not abjad. Urdu's extra letters are mapped before ICU's Arabic-Latin, which
    // does not know them. Any-Latin then takes every remaining script and Latin-ASCII folds
    // accents.
    if (has_uyghur) {
      steps.push_back(Get("corridor-Uyghur-Latin", UyghurLatinRules()));
    } else if (has_arabic) {
      steps.push_back(Get("corridor-Urdu-Latin", UrduLatinRules()));
      steps.push_back(Get("Arabic-Latin"));
      *abjad = true;
    }
    // Hebrew, like Arabic, leaves most vowels unwritten: its names are compared by consonants.
    if (has_hebrew) *abjad = true;
    if (has_cyrillic) {
      steps.push_back(Get(has_kazakh ? "Kazakh-Latin/BGN" : "Russian-Latin/BGN"));
      steps.push_back(Get("corridor-BGN-marks", kBgnMarkRules));
    }
    steps.push_back(Get("Any-Latin"));
    steps.push_back(Get("Latin-ASCII"));
    for (Transliterator* step : steps) {
      if (step == nullptr) return setup_error;
    }
    const char steps_key = static_cast<char>('a' + (has_uyghur ? 1 : 0) + (has_arabic ? 2 : 0) +
                                             (has_cyrillic ? 4 : 0) + (has_kazakh ? 8 : 0));
    text = TransliterateWords(text, steps, steps_key);
    // Modifier letters produced by transliteration (ʿ from Arabic-Latin) are dropped like
    // apostrophes.
    UnicodeString folded;
    for (int32_t i = 0; i < text.length();) {
      UChar32 c = text.char32At(i);
      i += U16_LENGTH(c);
      if (u_charType(c) == U_MODIFIER_LETTER) continue;
      folded.append(c);
    }
    latin->clear();
    folded.toLower().toUTF8String(*latin);
    return Status::Ok();
  }
};

NameNormalizer::NameNormalizer() : impl_(std::make_unique<Impl>()) {}
NameNormalizer::~NameNormalizer() = default;

std::string NameNormalizer::ToLatin(std::string_view name) {
  std::string clean = FoldLookalikes(Sanitize(name));
  if (clean.size() > kMaxNameBytes) return "";
  std::string latin;
  bool abjad = false;
  if (!impl_->Latin(clean, &latin, &abjad).ok()) return "";
  return latin;
}

Status NameNormalizer::Normalize(std::string_view name, NormalizedName* out) {
  out->tokens.clear();
  out->abjad = false;
  std::string clean = FoldLookalikes(Sanitize(name));
  if (clean.size() > kMaxNameBytes) {
    return Status::Limit("name longer than " + std::to_string(kMaxNameBytes) + " bytes (" +
                         std::to_string(clean.size()) + ")");
  }
  std::string latin;
  Status status = impl_->Latin(clean, &latin, &out->abjad);
  if (!status.ok()) return status;
  // A name written in Cyrillic writes no dotted acronym: its dotted letters are initials.
  bool cyrillic = false;
  for (size_t i = 0; i + 1 < clean.size() && !cyrillic; ++i) {
    const auto lead = static_cast<unsigned char>(clean[i]);
    cyrillic = lead == 0xD0 || lead == 0xD1;
  }
  std::vector<RawToken> raw = SplitWords(latin, cyrillic);
  if (raw.empty()) return Status::Corruption("name has no letters or digits");
  if (out->abjad) {
    SplitAbdCompounds(&raw);
    SplitArticleCompounds(&raw);
    JoinPersianEnding(&raw);
  } else {
    CanonicalAbdCompounds(&raw);
    CanonicalArticleCompounds(&raw);
    CanonicalSunLetterArticles(&raw);
    JoinSonOf(&raw);
    TurkicPatronymics(&raw);
  }

  // Legal forms: the longest phrase at each position, of the words as the table spells them
  // (spelled once a word: up to kMaxLegalFormWords phrases hold it).
  const auto& legal_forms = LegalFormTable();
  std::vector<std::string_view> spelled(raw.size());
  for (size_t i = 0; i < raw.size(); ++i) spelled[i] = LegalFormSpelling(raw[i].text);
  std::vector<NameToken> tokens;
  for (size_t i = 0; i < raw.size();) {
    size_t matched_words = 0;
    const LegalFormEntry* matched = nullptr;
    std::string phrase;
    // Every phrase length is tried and the last (longest) match kept, so "limited liability
    // company" is one form and not "limited" followed by two words.
    for (size_t n = 1; n <= kMaxLegalFormWords && i + n <= raw.size(); ++n) {
      if (n > 1) phrase += ' ';
      phrase += spelled[i + n - 1];
      auto found = legal_forms.find(phrase);
      if (found == legal_forms.end()) continue;
      bool at_edge = i == 0 || i + n == raw.size();
      // A short form alone ("AO", "SA") is a name, not a legal form: it counts only at an edge of a
      // longer name.
      if (found->second->edge_only && (!at_edge || raw.size() < 2)) continue;
      matched = found->second;
      matched_words = n;
    }
    if (matched != nullptr) {
      tokens.push_back({matched->form_class, TokenKind::kLegalForm, matched->words});
      // KORPORATSIYA gives a Russian name's acronym its K (KTRV: KORPORATSIYA TAKTICHESKOE
      // RAKETNOE VOORUZHENIE), as the word did before it was a form; English forms give none.
      if (std::string_view(matched->words).starts_with("korporats")) {
        tokens.back().written_initial = 'k';
      }
      i += matched_words;
      continue;
    }
    // After the legal-form check, so "co" stays a legal form.
    // A Russian generic word reads as its English word or words, the word kept as written in
    // `original`; in an abjad's reading no word is Russian.
    std::string_view english = out->abjad ? std::string_view() : RussianWordInEnglish(raw[i].text);
    if (english.empty() && !out->abjad) {
      english = TurkishWordInEnglish(raw[i].text);
      if (english.empty()) {
        english = TurkishPhraseInEnglish(raw[i], i + 1 < raw.size() ? &raw[i + 1] : nullptr,
                                         i + 2 < raw.size() ? &raw[i + 2] : nullptr);
      }
      if (english.empty()) english = TranscribedEnglishWord(raw[i].text);
    }
    if (!english.empty()) {
      bool first = true;
      for (std::string& word : Split(english, ' ')) {
        NameToken& token = tokens.emplace_back();
        token.text = std::move(word);
        token.original = raw[i].text;
        token.written_initial = first ? raw[i].text[0] : '\0';
        token.translation_rest = !first;
        token.fused_part = raw[i].fused_part;
        first = false;
      }
      ++i;
      continue;
    }
    if (std::string arm = AirArm(raw, i); !arm.empty()) {
      tokens.push_back(WordToken(arm));
      tokens.back().original = raw[i].text + " " + raw[i + 1].text;
      i += 2;
      continue;
    }
    tokens.push_back(WordToken(raw[i].text));
    tokens.back().fused_part = raw[i].fused_part;
    ++i;
  }
  if (!out->abjad) ReadOrganisationTypes(&tokens);
  bool only_legal_forms = true;
  for (const NameToken& token : tokens) {
    only_legal_forms = only_legal_forms && token.kind == TokenKind::kLegalForm;
  }
  // A name of legal forms only ("LLC") identifies nobody and would match every company of that
  // form.
  if (only_legal_forms) return Status::Corruption("name is only a legal form");
  if (tokens.size() > kMaxNameTokens) {
    // One-letter words that repeat an earlier one are padding (" x x x"); the scorer ignores
    // unmatched initials beyond the listed name's own anyway (engine/names/score.h).
    bool seen[26] = {};
    std::vector<NameToken> kept;
    for (NameToken& token : tokens) {
      if (token.kind == TokenKind::kInitial) {
        bool& repeated = seen[token.text[0] - 'a'];
        if (repeated) continue;
        repeated = true;
      }
      kept.push_back(std::move(token));
    }
    tokens = std::move(kept);
  }
  if (tokens.size() > kMaxNameTokens) {
    return Status::Limit("name has more than " + std::to_string(kMaxNameTokens) + " words (" +
                         std::to_string(tokens.size()) + ")");
  }
  out->tokens = std::move(tokens);
  return Status::Ok();
}

NameNormalizer& ThreadNameNormalizer() {
  thread_local NameNormalizer normalizer;
  return normalizer;
}

void WarmTransliterators() {
  // A Han and a Hangul name: Han-Latin's rules (a pinyin table of tens of thousands of characters)
  // are what takes ICU long to parse; the other steps a name may need parse in milliseconds. The
  // result is thrown away; a failure shows again, with its message, when a real name needs it.
  NormalizedName ignored;
  (void)ThreadNameNormalizer().Normalize("马 김", &ignored);
}

// For abjad comparisons (docs/matching.md): vowels are dropped because the abjad side never wrote
// them, y and w too because romanisations use them for long vowels (-iy, -uw), gh is q, and
// doubled letters fold (shadda is often not romanised): MOHAMMED and MUHAMMAD both give "mhmd".
std::string ConsonantSkeleton(std::string_view token) {
  std::string out;
  for (size_t i = 0; i < token.size(); ++i) {
    char c = token[i];
    if (c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y' || c == 'w') continue;
    // gh as q: Persian speaks ق and غ alike and writes both gh (حقیقیان, hqyqyan, is HAGHIGHIAN).
    // Since 2026-12-07; the abjad reading itself keeps them apart (AbjadDistance).
    if (c == 'g' && i + 1 < token.size() && token[i + 1] == 'h') {
      c = 'q';
      ++i;
    }
    if (!out.empty() && out.back() == c) continue;
    out += c;
  }
  return out;
}

std::string PhoneticKey(std::string_view token) {
  // The folds are the spelling variants of English-language romanisation of Arabic, Persian,
  // Russian, Chinese and Korean names (docs/matching.md). At each position the first of these
  // patterns that matches is replaced, longest first where they overlap (dzh before dj and zh):
  //   dzh dsch tsch sch tch dj zh kh gh ph ck ou oo ee eo eu ae q w x  ->  j j ch sh ch j j h g f k
  //   u u i u u a k v ks
  // and otherwise c (not before h) = k, e = y = i, o = u, a final j after a consonant and i or e =
  // i; ae before a consonant but k, n, m, t, p is ai (RAED = RAID, -aev = -ayev). Doubled letters
  // then fold once, so "oo" -> "u" and "uu" -> "u" agree. The patterns are dispatched on their
  // first letter (each letter starts patterns that differ in their second letter), which gives what
  // trying them in order does; this runs for every word of every listed name and every joined pair
  // scored.
  std::string out;
  out.reserve(token.size() + 2);
  // Appending through `emit` folds doubled letters as it goes: the same as folding the whole
  // output afterwards.
  auto emit = [&out](char c) {
    if (out.empty() || out.back() != c) out += c;
  };
  const size_t n = token.size();
  auto at = [&](size_t k) { return k < n ? token[k] : '\0'; };
  for (size_t i = 0; i < n;) {
    const char c = token[i];
    const char next = at(i + 1);
    size_t used = 1;
    switch (c) {
      case 'd':
        if (next == 'z' && at(i + 2) == 'h') {
          emit('j');
          used = 3;
        } else if (next == 's' && at(i + 2) == 'c' && at(i + 3) == 'h') {
          // German dsch is dzh (DSCHOCHAR, DZHOKHAR).
          emit('j');
          used = 4;
        } else if (next == 'j') {
          emit('j');
          used = 2;
        } else {
          emit('d');
        }
        break;
      case 's':
      case 't':
        if (next == 'c' && at(i + 2) == 'h') {  // sch -> sh, tch -> ch
          emit(c == 's' ? 's' : 'c');
          emit('h');
          used = 3;
        } else if (c == 't' && next == 's' && at(i + 2) == 'c' && at(i + 3) == 'h') {
          // German tsch is ch (ABRAMOWITSCH, ABRAMOVICH; TSCHERNOW, CHERNOV).
          emit('c');
          emit('h');
          used = 4;
        } else {
          emit(c);
        }
        break;
      case 'z':
      case 'k':
      case 'g':
      case 'p':
        if (next == 'h') {  // zh -> j, kh -> h, gh -> g, ph -> f
          emit(c == 'z' ? 'j' : c == 'k' ? 'h' : c == 'g' ? 'g' : 'f');
          used = 2;
        } else {
          emit(c);
        }
        break;
      case 'c':
        if (next == 'k') {
          emit('k');
          used = 2;
        } else {
          emit(next == 'h' ? 'c' : 'k');
        }
        break;
      case 'o':
        emit('u');
        if (next == 'u' || next == 'o') used = 2;
        break;
      case 'e':
        if (next == 'e') {
          emit('i');
          used = 2;
        } else if (next == 'o' || next == 'u') {
          emit('u');
          used = 2;
        } else {
          emit('i');
        }
        break;
      case 'a':
        emit('a');
        if (next == 'e') {
          // Before a consonant ae is two vowels, a and the i or ye it stands for, which y and e
          // fold to: Arabic's long a and the hamza's i (RAED / RAID, QAEDA / QAIDA, FAEQ /
          // FAIQ, WAEL / WAIL: ا + ئ) and Russian's -аев (TOKAEV / TOKAYEV, NIKOLAEVICH /
          // NIKOLAYEVICH) all key ai (before 2026-12-05 only before a v). Not before k, n, t, m
          // or p, the finals of a Korean syllable, whose ae is one vowel ㅐ (PAEK, BAEK, SAENG,
          // TAEK: PAEK is PAK's alias on the SDN); nor elsewhere: SAEED = SAID, and a Korean
          // syllable's final AE (JAE, BAE, HAE) is not Chinese JAI, BAI, HAI.
          const char after = at(i + 2);
          if (after != '\0' && std::strchr("aeiouyknmtp", after) == nullptr) emit('i');
          used = 2;
        }
        break;
      case 'q':
        emit('k');
        break;
      case 'w':
        emit('v');
        break;
      case 'x':
        emit('k');
        emit('s');
        break;
      case 'y':
        emit('i');
        break;
      case 'j':
        // A final j after a consonant and i or e is the y of й as German, Czech, Polish and
        // Ukrainian romanisations write it (DMITRIJ, ANDRIJ, SERGEJ, ALEKSEJ for DMITRIY,
        // ANDRIY, SERGEY, ALEKSEY): both key -i. Not after a (SIRAJ, IRAJ are not SIRAI,
        // IRAI), nor after a long vowel or y, where Arabic romanisations write jim (FREIJ,
        // HEJEIJ, FURAYJ).
        emit(i + 1 == n && i >= 2 && (token[i - 1] == 'i' || token[i - 1] == 'e') &&
                     std::strchr("aeiouy", token[i - 2]) == nullptr
                 ? 'i'
                 : 'j');
        break;
      default:
        emit(c);
    }
    i += used;
  }
  return out;
}

bool WithinOneEdit(std::string_view a, std::string_view b) {
  if (a.size() > b.size()) std::swap(a, b);
  if (b.size() - a.size() > 1) return false;
  size_t i = 0;
  while (i < a.size() && a[i] == b[i]) ++i;
  if (i == a.size()) return true;
  if (a.size() == b.size()) {
    if (a.substr(i + 1) == b.substr(i + 1)) return true;  // substitution
    return i + 1 < a.size() && a[i] == b[i + 1] && a[i + 1] == b[i] &&
           a.substr(i + 2) == b.substr(i + 2);  // transposition
  }
  return a.substr(i) == b.substr(i + 1);  // insertion
}

bool IsLegalFormWord(std::string_view word) {
  // The words of multi-word legal forms, and single-word forms of five letters or more.
  //
  // Short single-word forms ("ltd", "llc") are recognised exactly as legal forms already; a word
  // one edit away from them is more often a real word than a misspelling. Parts of phrases under
  // three letters ("s", "o") are left out for the same reason.
  //
  // Sorted for an exact lookup, and those of six letters or more by length for the misspelling
  // test: this runs for every word of every name the index and a search weigh.
  struct Lookup {
    std::vector<std::string> sorted;
    std::vector<std::vector<std::string>> long_by_length;
  };
  static const auto* lookup = [] {
    std::vector<std::string> list;
    auto add = [&](const std::string& w) {
      if (std::find(list.begin(), list.end(), w) == list.end()) list.push_back(w);
    };
    for (const LegalFormEntry& entry : kLegalForms) {
      std::string phrase = entry.words;
      if (phrase.find(' ') == std::string::npos) {
        if (phrase.size() >= 5) add(phrase);
        continue;
      }
      size_t start = 0;
      while (start <= phrase.size()) {
        size_t end = phrase.find(' ', start);
        if (end == std::string::npos) end = phrase.size();
        // Parts that are ordinary words or names as well keep their own weight: SMC, STI and
        // KOOM are also companies' own names, SOCIETE and SOCIEDAD generic words.
        std::string part = phrase.substr(start, end - start);
        static const char* const kNotFormWords[] = {"smc", "sti", "koom", "societe", "sociedad"};
        bool ordinary = false;
        for (const char* other : kNotFormWords) ordinary = ordinary || part == other;
        if (end - start >= 3 && !ordinary) add(part);
        start = end + 1;
      }
    }
    auto* out = new Lookup;
    out->sorted = list;
    std::sort(out->sorted.begin(), out->sorted.end());
    for (const std::string& legal : list) {
      if (legal.size() < 6) continue;
      if (out->long_by_length.size() <= legal.size()) out->long_by_length.resize(legal.size() + 1);
      out->long_by_length[legal.size()].push_back(legal);
    }
    return out;
  }();
  auto exact = std::lower_bound(lookup->sorted.begin(), lookup->sorted.end(), word,
                                [](const std::string& a, std::string_view b) { return a < b; });
  if (exact != lookup->sorted.end() && *exact == word) return true;
  // A misspelt legal-form word ("limted", "compnay") of six letters or more (not "point").
  if (word.size() < 6) return false;
  for (size_t length = word.size() - 1; length <= word.size() + 1; ++length) {
    if (length >= lookup->long_by_length.size()) break;
    for (const std::string& legal : lookup->long_by_length[length]) {
      if (WithinOneEdit(word, legal)) return true;
    }
  }
  return false;
}

bool IsOrganisationTypeClass(std::string_view type_class) {
  // speed: asked of every legal form a name is weighed and compared by; the classes of
  // kOrganisationTypes and kScientificProductionNouns (test "Kinds of Russian organisation are
  // read as one token whatever their spelling" checks the list against the tables).
  static constexpr std::string_view kClasses[] = {"fgbu", "kb",  "nii",   "npk",     "npo", "npp",
                                                  "npts", "okb", "tsnii", "unitary", "vpk"};
  for (std::string_view known : kClasses) {
    if (type_class == known) return true;
  }
  return false;
}

std::vector<std::string> OrganisationTypeClasses() {
  std::vector<std::string> out;
  for (const OrganisationType& type : kOrganisationTypes) out.push_back(type.type_class);
  for (const OrganisationType& noun : kScientificProductionNouns) out.push_back(noun.type_class);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::string LegalFormClass(std::string_view words) {
  auto found = LegalFormTable().find(std::string(words));
  return found == LegalFormTable().end() ? "" : found->second->form_class;
}

bool IsEdgeOnlyLegalForm(std::string_view words) {
  auto found = LegalFormTable().find(std::string(words));
  return found != LegalFormTable().end() && found->second->edge_only;
}

bool IsChineseCompanyWordReading(std::string_view word) {
  static const auto* readings = [] {
    auto* out = new std::vector<std::string>;
    for (const auto& [chinese, english] : kChineseCompanyWords) {
      std::string_view rest = english;
      while (!rest.empty()) {
        size_t space = rest.find(' ');
        out->emplace_back(rest.substr(0, space));
        rest = space == std::string_view::npos ? std::string_view() : rest.substr(space + 1);
      }
    }
    std::sort(out->begin(), out->end());
    out->erase(std::unique(out->begin(), out->end()), out->end());
    return out;
  }();
  return std::binary_search(readings->begin(), readings->end(), word);
}

bool AbdCompoundStem(std::string_view word, std::string_view next, std::string* stem) {
  stem->clear();
  if (word.size() < 4 || word.substr(0, 3) != "abd" || word == "abdullah") return false;
  const std::string_view rest = word.substr(3);
  size_t vowels = 0;
  // Kyrgyz and Kazakh write the vowel y (ы): ABDYKADYROV, ABDYRAKHMANOV.
  while (vowels < rest.size() && vowels < 2 &&
         (IsLatinVowel(rest[vowels]) || rest[vowels] == 'y')) {
    ++vowels;
  }
  const std::string_view after = rest.substr(vowels);
  if (vowels == 0) {
    // ABDRAKHMANOV, ABDRASHID: no vowel written before the name.
    if (after.size() < 4 || after[0] == 'l') return false;
    stem->assign(after);
    return true;
  }
  if (!after.empty() && after[0] == 'l') {
    // ABDELAZIZ, ABDULKARIM, ABDALLAH; ABDUL, ABDEL, ABDOUL as words of their own.
    if (after.size() == 2) return false;
    stem->assign(after.substr(1));
    return true;
  }
  if (after.size() == 1) {
    // ABDUR RAHMAN, ABDUS SALAM: the article's l spoken as the next word's first letter.
    return IsSunLetter(after[0]) && !next.empty() && next[0] == after[0];
  }
  if (after.size() >= 2 && after[0] == after[1] && IsSunLetter(after[0])) {
    stem->assign(after.substr(1));  // ABDURRAHMAN, ABDUSSALAM
    return true;
  }
  if (after.size() < 4) return false;  // ABDI, ABDOU, ABDIEV, ABDEEN
  stem->assign(after);                 // ABDURAHMAN, ABDIRAHMAN, ABDUVALIEV
  return true;
}

bool IsLatinVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

bool IsSunLetter(char c) { return c != 0 && std::strchr("rsdntz", c) != nullptr; }

}  // namespace corridor::names
