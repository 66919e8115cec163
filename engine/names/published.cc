// Splitting packed published name fields (see published.h).
#include "engine/names/published.h"

#include <algorithm>
#include <cctype>
#include <unordered_set>

#include "engine/base/strings.h"

namespace corridor::names {

namespace {

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// True when `text` at `at` starts with `word` (ASCII, case-insensitive).
bool HasAt(std::string_view text, size_t at, std::string_view word) {
  if (at + word.size() > text.size()) return false;
  for (size_t i = 0; i < word.size(); ++i) {
    if (Lower(text[at + i]) != word[i]) return false;
  }
  return true;
}

bool IsBoundary(std::string_view text, size_t at) {
  if (at == 0) return true;
  char c = text[at - 1];
  return c == ' ' || c == ',' || c == '(' || c == ';';
}

// Trims spaces and the punctuation a split leaves at either end (", ", ";"), collapsing inner
// whitespace; a trailing period stays (it ends an abbreviation: "Co. Ltd.").
std::string Clean(std::string_view text) {
  auto junk = [](char c) {
    return c == ' ' || c == ',' || c == ';' || c == ':' || c == '\t' || c == '\n' || c == '\r';
  };
  size_t begin = 0, end = text.size();
  while (begin < end && (junk(text[begin]) || text[begin] == '.')) ++begin;
  while (end > begin && junk(text[end - 1])) --end;
  std::string out;
  bool space = false;
  for (char c : text.substr(begin, end - begin)) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

// How long the separator at `at` is (0: none). Only called at bracket depth 0.
size_t SeparatorAt(std::string_view text, size_t at) {
  if (text[at] == ';') return 1;
  if (IsBoundary(text, at)) {
    for (std::string_view marker : {"a.k.a.", "f.k.a.", "n.k.a.", "a.k.a", "f.k.a"}) {
      if (HasAt(text, at, marker)) return marker.size();
    }
    for (std::string_view marker : {"and subordinate entity ", "subordinate entity "}) {
      if (HasAt(text, at, marker)) return marker.size();
    }
    // Enumerations: "a) Name b) Other" (a lone letter a-h and a closing bracket).
    if (text[at] >= 'a' && text[at] <= 'h' && at + 2 < text.size() && text[at + 1] == ')' &&
        text[at + 2] == ' ') {
      return 3;
    }
  }
  return 0;
}

// ", born 1 Jan. 1953 ..." and similar trailing facts: cut from the name.
size_t BornNote(std::string_view text) {
  for (size_t at = 0; at + 6 < text.size(); ++at) {
    if (text[at] == ',' && HasAt(text, at, ", born ")) return at;
  }
  return std::string_view::npos;
}

// Share of the letters written outside ASCII (counting characters, not bytes) above one half.
bool MostlyNonLatin(std::string_view text) {
  size_t ascii = 0, other = 0;
  for (unsigned char c : text) {
    if (std::isalpha(c)) {
      ++ascii;
    } else if (c >= 0xC0) {
      ++other;  // a UTF-8 lead byte: one non-ASCII character
    }
  }
  return other > ascii;
}

bool HasLetters(std::string_view text) {
  for (unsigned char c : text) {
    if (std::isalpha(c) || c >= 0xC0) return true;
  }
  return false;
}

// "NDC" of "National Development Complex": 3-12 capitals and digits, starting with the name's
// first letter, its letters in order among the name's letters.
bool IsAcronymOf(std::string_view inner, std::string_view name) {
  std::string acronym;
  for (char c : inner) {
    if (c == '-' || c == '&' || c == '.') continue;
    if (!(std::isupper(static_cast<unsigned char>(c)) ||
          std::isdigit(static_cast<unsigned char>(c))))
      return false;
    acronym += c;
  }
  if (acronym.size() < 3 || acronym.size() > 12) return false;
  std::string letters;
  for (char c : name) {
    if (std::isalnum(static_cast<unsigned char>(c))) letters += Lower(c);
  }
  if (letters.empty() || letters[0] != Lower(acronym[0])) return false;
  size_t at = 0;
  for (char c : acronym) {
    at = letters.find(Lower(c), at);
    if (at == std::string::npos) return false;
    ++at;
  }
  return true;
}

bool IsNote(std::string_view inner) {
  std::string lower = AsciiLower(inner);
  for (std::string_view word :
       {"name", "third", "identity", "born", "birth", "passport", "deceased", "formerly",
        "previously", "spelling", "nickname", "script"}) {
    if (lower.find(word) != std::string::npos) return true;
  }
  return false;
}

void SplitInto(std::string_view text, bool organisation, int depth_left,
               std::vector<std::string>* out);

// A text with no separator at depth 0: its bracket groups are read, the rest is one name.
void SplitGroups(std::string_view text, bool organisation, int depth_left,
                 std::vector<std::string>* out) {
  struct Group {
    size_t open, close;  // positions of '(' and ')'
  };
  std::vector<Group> groups;
  int depth = 0;
  size_t open = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '(') {
      if (depth++ == 0) open = i;
    } else if (text[i] == ')' && depth > 0) {
      if (--depth == 0) groups.push_back({open, i});
    }
  }
  std::string name;
  std::vector<std::string> more;  // names found in the groups, in order
  size_t from = 0;
  for (const Group& group : groups) {
    std::string_view inner = Trim(text.substr(group.open + 1, group.close - group.open - 1));
    std::string_view outside = text.substr(0, group.open);
    bool last =
        Trim(text.substr(group.close + 1)).empty() || Clean(text.substr(group.close + 1)).empty();
    bool take = false, keep_inner = true;
    if (HasAt(inner, 0, "a.k.a") || HasAt(inner, 0, "f.k.a") || HasAt(inner, 0, "n.k.a") ||
        inner.find(';') != std::string_view::npos) {
      take = true;
    } else if (last && IsNote(inner)) {
      // Before the script test: "هيئة تحرير الشام (original script)" is a note, not a name.
      take = true;
      keep_inner = false;
    } else if (HasLetters(inner) &&
               MostlyNonLatin(inner) != MostlyNonLatin(std::string(outside) +
                                                       std::string(text.substr(group.close + 1)))) {
      take = true;  // another script: the same name written otherwise
    } else if (last && organisation && IsAcronymOf(inner, outside)) {
      take = true;
    }
    if (!take) continue;
    name.append(text.substr(from, group.open - from));
    name += ' ';
    from = group.close + 1;
    if (keep_inner) {
      if (depth_left > 0) {
        SplitInto(inner, organisation, depth_left - 1, &more);
      } else {
        more.push_back(std::string(inner));
      }
    }
  }
  name.append(text.substr(from));
  out->push_back(Clean(name));
  for (std::string& item : more) out->push_back(std::move(item));
}

void SplitInto(std::string_view text, bool organisation, int depth_left,
               std::vector<std::string>* out) {
  size_t born = BornNote(text);
  if (born != std::string_view::npos) text = text.substr(0, born);
  std::vector<std::string_view> pieces;
  int depth = 0;
  size_t start = 0;
  for (size_t i = 0; i < text.size();) {
    if (depth == 0) {
      size_t length = SeparatorAt(text, i);
      if (length > 0) {
        pieces.push_back(text.substr(start, i - start));
        i += length;
        start = i;
        continue;
      }
    }
    if (text[i] == '(') ++depth;
    if (text[i] == ')' && depth > 0) --depth;
    ++i;
  }
  pieces.push_back(text.substr(start));
  if (pieces.size() == 1) {
    SplitGroups(text, organisation, depth_left, out);
    return;
  }
  for (std::string_view piece : pieces) {
    if (Clean(piece).empty()) continue;  // "a.k.a. X" leaves an empty first piece
    SplitInto(piece, organisation, depth_left, out);
  }
}

}  // namespace

std::vector<std::string> SplitPublishedName(std::string_view published, bool organisation) {
  std::vector<std::string> found;
  // Groups nest at most a few deep in real lists; the bound keeps a hostile name linear.
  SplitInto(published, organisation, /*depth_left=*/3, &found);
  std::vector<std::string> names;
  std::unordered_set<std::string> seen;
  for (size_t i = 0; i < found.size(); ++i) {
    std::string name = Clean(found[i]);
    if (i == 0) {
      names.push_back(name);
      if (!name.empty()) seen.insert(AsciiLower(name));
      continue;
    }
    if (!HasLetters(name) || !seen.insert(AsciiLower(name)).second) continue;
    names.push_back(std::move(name));
  }
  if (names.empty()) names.push_back("");
  // A field whose own name is empty ("a.k.a. X") takes its first name from what it holds.
  if (names[0].empty() && names.size() > 1) names.erase(names.begin());
  return names;
}

}  // namespace corridor::names
