// Names as lists publish them: one published name field often packs several names. The list
// parsers (engine/lists/) and the tests' reference reader split them with SplitPublishedName()
// before anything is matched (docs/matching.md, "List names as published").
//
//   SplitPublishedName("National Development Complex (NDC)", true)
//       -> {"National Development Complex", "NDC"}
//   SplitPublishedName("جبهة النصرة (the Victory Front; Jabhat al-Nusrah)", true)
//       -> {"جبهة النصرة", "the Victory Front", "Jabhat al-Nusrah"}
//   SplitPublishedName("Pakistan Atomic Energy Commission (PAEC), and subordinate entity "
//                      "National Development Complex (NDC)", true)
//       -> {"Pakistan Atomic Energy Commission", "PAEC", "National Development Complex", "NDC"}
#ifndef CORRIDOR_ENGINE_NAMES_PUBLISHED_H_
#define CORRIDOR_ENGINE_NAMES_PUBLISHED_H_

#include <string>
#include <string_view>
#include <vector>

namespace corridor::names {

// Splits one published name field into the names it holds, the first being what remains of the
// field's own name ("" only when the field holds no name at all). Splits, at bracket depth 0:
// ";" lists, "a.k.a." / "f.k.a." / "n.k.a." markers, "(, and) subordinate entity", enumerations
// "a) ... b) ...", and cuts ", born <date>..." notes. A bracket group is taken out of the name
// and read as more names when it holds an a.k.a. marker, a ";" list, or a name in another script
// ("Jin Tiesan (金铁三)"); a closing group that is an acronym of the name (its letters in order,
// starting with the name's first letter: "(NDC)", "(NESCOM)") becomes an alias of an
// `organisation` (never of a person: "GE SONG TAO (GE)"); a closing group that is a note
// ("(birth name)", "(COMBAT NAME)", "(third)", "(false identity ...)") is dropped. Any other
// group stays in the name ("SBERBANK (SWITZERLAND) AG", "China Unicom (Hong Kong) Limited").
// The names are trimmed of surrounding punctuation and listed once (case-insensitively).
std::vector<std::string> SplitPublishedName(std::string_view published, bool organisation);

}  // namespace corridor::names

#endif  // CORRIDOR_ENGINE_NAMES_PUBLISHED_H_
