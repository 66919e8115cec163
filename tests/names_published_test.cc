// Packed published name fields are split into the names they hold (engine/names/published.h).
#include <catch2/catch.hpp>

#include "engine/names/published.h"

namespace corridor::names {
namespace {

using Names = std::vector<std::string>;

TEST_CASE("Packed UN aliases are split into their names", "[names][published]") {
  CHECK(SplitPublishedName("جبهة النصرة (the Victory Front; Jabhat al-Nusrah; Jabhet al-Nusra; "
                           "Al-Nusrah Front; Al-Nusra Front)",
                           true) == Names{"جبهة النصرة", "the Victory Front", "Jabhat al-Nusrah",
                                          "Jabhet al-Nusra", "Al-Nusrah Front", "Al-Nusra Front"});
  CHECK(SplitPublishedName("Azim Adhajani; Azim Agha-Jani", false) ==
        Names{"Azim Adhajani", "Azim Agha-Jani"});
  CHECK(SplitPublishedName("Mohammed Sabet; Mohammad Sabet b) M. Javad Kareemi Sabet; M. Jawad "
                           "Karimi Sabet",
                           false) == Names{"Mohammed Sabet", "Mohammad Sabet",
                                           "M. Javad Kareemi Sabet", "M. Jawad Karimi Sabet"});
  CHECK(SplitPublishedName("Jin Tiesan (金铁三)", false) == Names{"Jin Tiesan", "金铁三"});
  // The 56-word UN alias of Hay'at Tahrir al-Sham, shortened: "(original script)" is a note.
  CHECK(SplitPublishedName("Hay’at Tahrir al-Sham (HTS) (هيئة تحرير الشام (original script); "
                           "Hayat Tahrir al-Sham; Assembly for the Liberation of Syria)",
                           true) == Names{"Hay’at Tahrir al-Sham (HTS)", "هيئة تحرير الشام",
                                          "Hayat Tahrir al-Sham",
                                          "Assembly for the Liberation of Syria"});
  CHECK(SplitPublishedName("Akrin Saleh Akrin (أقرين صالح أقرين)", false) ==
        Names{"Akrin Saleh Akrin", "أقرين صالح أقرين"});
}

TEST_CASE("Notes and facts packed into a published name are not part of it", "[names][published]") {
  CHECK(SplitPublishedName("Encep Nurjaman (birth name)", false) == Names{"Encep Nurjaman"});
  CHECK(SplitPublishedName("EL PARA (COMBAT NAME)", false) == Names{"EL PARA"});
  CHECK(SplitPublishedName("Hilarion Santos, III (third)", false) == Names{"Hilarion Santos, III"});
  CHECK(SplitPublishedName("Safia Farkash Mohammed Al-Hadad, born 1 Jan. 1953 (Oman passport "
                           "no.03825239, date of issue 4 May 2014, expiry 3 May 2024.)",
                           false) == Names{"Safia Farkash Mohammed Al-Hadad"});
}

TEST_CASE("CSL subordinate entities, acronyms and a.k.a. markers become names",
          "[names][published]") {
  CHECK(SplitPublishedName("Pakistan Atomic Energy Commission (PAEC), and subordinate entity "
                           "National Development Complex (NDC) ",
                           true) ==
        Names{"Pakistan Atomic Energy Commission", "PAEC", "National Development Complex", "NDC"});
  CHECK(SplitPublishedName("National Engineering and Scientific Commission (NESCOM)", true) ==
        Names{"National Engineering and Scientific Commission", "NESCOM"});
  CHECK(SplitPublishedName("Chitron Electronics Company Ltd., a.k.a. Chi-Chung Electronics "
                           "Company Ltd. (Chitron-Shenzhen)",
                           true) == Names{"Chitron Electronics Company Ltd.",
                                          "Chi-Chung Electronics Company Ltd. (Chitron-Shenzhen)"});
  CHECK(SplitPublishedName("LTS Holding Limited (f.k.a. IPP-International Petroleum Products "
                           "Ltd.)",
                           true) ==
        Names{"LTS Holding Limited", "IPP-International Petroleum Products Ltd."});
  CHECK(SplitPublishedName("PEARL (A.K.A. NEI-CHIEN CHU) LI", false) ==
        Names{"PEARL LI", "NEI-CHIEN CHU"});
}

TEST_CASE("Brackets that are part of a name stay in it", "[names][published]") {
  for (const char* name :
       {"SBERBANK (SWITZERLAND) AG", "China Unicom (Hong Kong) Limited", "PJSC VTB BANK (KIEV)",
        "SOCCER ZONE (MNC GROUP INTERNATIONAL, INC.)", "CHEN, Quanguo",
        "Lianqi (HK) Electronics "
        "Co Ltd"}) {
    CHECK(SplitPublishedName(name, true) == Names{name});
  }
  // A person's bracketed initials are not an acronym alias.
  CHECK(SplitPublishedName("GE SONG TAO (GE)", false) == Names{"GE SONG TAO (GE)"});
  CHECK(SplitPublishedName("", true) == Names{""});
  CHECK(SplitPublishedName(";;(", true) == Names{"("});
}

}  // namespace
}  // namespace corridor::names
