// One function per subcommand; each takes the arguments after the subcommand's name and returns
// an exit code (engine/cli/commands.h). Boost.Program_options errors propagate to Main(), which
// reports them as usage errors.
#ifndef CORRIDOR_ENGINE_CLI_SUBCOMMANDS_H_
#define CORRIDOR_ENGINE_CLI_SUBCOMMANDS_H_

#include <boost/program_options.hpp>
#include <string>
#include <vector>

namespace corridor::cli {

int RunInit(const std::vector<std::string>& args);
int RunCheckRules(const std::vector<std::string>& args);
int RunScreen(const std::vector<std::string>& args);
int RunExplain(const std::vector<std::string>& args);
int RunOwnership(const std::vector<std::string>& args);
int RunImportList(const std::vector<std::string>& args);
int RunLists(const std::vector<std::string>& args);
int RunImportIncidents(const std::vector<std::string>& args);
int RunMatch(const std::vector<std::string>& args);
int RunGenerate(const std::vector<std::string>& args);
int RunScorePairs(const std::vector<std::string>& args);
// desk: engine/cli/desk_commands.cc
int RunDecide(const std::vector<std::string>& args);
int RunAudit(const std::vector<std::string>& args);
// --- fresh ---
int RunUpdateLists(const std::vector<std::string>& args);
// explain --format csv|json|html; with `out_dir` (html only), one file per shipment there.
int RunExplainFormat(const std::string& format, const std::string& scores_path,
                     const std::vector<std::string>& shipment_ids, const std::string& out_dir);
// --- batch ---
int RunMerge(const std::vector<std::string>& args);
int RunDiff(const std::vector<std::string>& args);
// A shard "K/N" as `screen --shard` takes it and writes it into the header (1 <= K <= N <=
// 10000, digits only); `merge` reads headers with it too.
bool ParseShard(const std::string& text, int* index, int* count);
// --- serve ---
int RunServe(const std::vector<std::string>& args);

// Parses `args`; returns false when the command should stop (after --help), with `exit_code`.
bool ParseOptions(const std::string& command,
                  const boost::program_options::options_description& options,
                  const std::vector<std::string>& args,
                  boost::program_options::variables_map* values, int* exit_code);

}  // namespace corridor::cli

#endif  // CORRIDOR_ENGINE_CLI_SUBCOMMANDS_H_
