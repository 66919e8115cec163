// Reading the files of a rules folder safely. Rules name their reference tables by paths relative
// to the folder; a path is accepted only when it resolves (symbolic links followed) to a regular
// file inside the folder, no larger than kMaxRulesFileBytes. The same holds for the rule files.
// docs/rules.md ("Validation") lists what is refused.
#ifndef CORRIDOR_ENGINE_CONFIG_RULES_FOLDER_H_
#define CORRIDOR_ENGINE_CONFIG_RULES_FOLDER_H_

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "engine/base/status.h"

namespace corridor {

// The largest rule file or reference table a rules folder may hold (64 MiB): rules are small
// text files, and a limit keeps a wrong path (a device, a huge dump) from exhausting memory.
constexpr uint64_t kMaxRulesFileBytes = uint64_t{64} << 20;

class RulesFolder {
 public:
  // Resolves `directory` (any spelling: relative, with `./`, absolute, through links). NotFound
  // when it is not a directory.
  static Status Open(const std::string& directory, RulesFolder* folder);

  // The names of the folder's `*.textproto` entries, sorted; entries of any type (links that
  // lead nowhere included), so that reading them reports what is wrong with each.
  Status ListRuleFiles(std::vector<std::string>* names) const;

  // Reads `path` (relative to the folder, as a rule writes it) into `contents`. Errors, whose
  // messages are short reasons ("outside the rules folder"): NotFound (no such file), Refused
  // (outside the folder, a link that leads nowhere or in a loop, not a regular file), Limit
  // (larger than kMaxRulesFileBytes), IoError. On success `*key` is the file's normalised path
  // relative to the folder ("ref/t.csv" for "./ref/t.csv"): the name the digest records.
  Status Read(const std::string& path, std::string* contents, std::string* key) const;

  // `path` as diagnostics show it: the folder as the user spelled it, joined with `path`.
  std::string DisplayName(const std::string& path) const;
  const std::string& directory() const { return directory_; }

 private:
  Status Resolve(const std::string& path, std::filesystem::path* resolved, std::string* key) const;
  std::string directory_;       // as given
  std::filesystem::path root_;  // canonical: absolute, links resolved
};

}  // namespace corridor

#endif  // CORRIDOR_ENGINE_CONFIG_RULES_FOLDER_H_
