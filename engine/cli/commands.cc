#include "engine/cli/commands.h"

#include <boost/program_options.hpp>
#include <exception>
#include <functional>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "engine/cli/subcommands.h"

namespace corridor::cli {

namespace po = boost::program_options;

namespace {

struct Subcommand {
  const char* summary;
  std::function<int(const std::vector<std::string>&)> run;
};

const std::map<std::string, Subcommand>& Subcommands() {
  static const std::map<std::string, Subcommand> commands = {
      {"init", {"create an empty input database with the corridor schema", RunInit}},
      {"check-rules", {"validate a rules folder and print every problem", RunCheckRules}},
      {"screen", {"screen shipments and write protobuf scores", RunScreen}},
      {"explain", {"print a scores file as a reviewer reads it", RunExplain}},
      {"ownership", {"explain one entity's listed ownership with its paths", RunOwnership}},
      {"import-list", {"load a published watch list into the database", RunImportList}},
      {"lists", {"show the loaded watch lists, or a list's latest changes", RunLists}},
      {"import-incidents",
       {"load security incidents (ACLED CSV) into an input database", RunImportIncidents}},
      {"match", {"screen names against the watch lists, with explanations", RunMatch}},
      {"generate", {"write a synthetic company database for tests and benchmarks", RunGenerate}},
      {"score-pairs", {"score name pairs; precision, recall and F1 when labelled", RunScorePairs}},
      // desk
      {"decide",
       {"record an analyst's decision on a hit (cleared, confirmed, escalated)", RunDecide}},
      {"audit", {"print the audit log, or record a screening run in it", RunAudit}},
      {"update-lists",
       {"fetch the lists a sources file names, check and import each", RunUpdateLists}},
      // --- batch ---
      {"merge", {"join the score streams of a sharded run into one", RunMerge}},
      {"diff", {"list shipments whose decision changed between two score streams", RunDiff}},
      {"serve", {"serve screening over HTTP, with a review page", RunServe}},
  };
  return commands;
}

void PrintUsage(std::ostream& out) {
  out << "usage: corridor COMMAND [OPTIONS]\n\ncommands:\n";
  for (const auto& [name, command] : Subcommands()) {
    out << "  " << name << std::string(name.size() < 18 ? 18 - name.size() : 1, ' ')
        << command.summary << "\n";
  }
  out << "\n`corridor COMMAND --help` lists a command's options.\n";
}

}  // namespace

int Main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) {
    PrintUsage(std::cerr);
    return kExitUsage;
  }
  if (args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    PrintUsage(std::cout);
    return kExitOk;
  }
  if (args[0] == "--version") {
    std::cout << "corridor " << CORRIDOR_VERSION << "\n";
    return kExitOk;
  }
  auto found = Subcommands().find(args[0]);
  if (found == Subcommands().end()) {
    std::cerr << "corridor: unknown command '" << args[0] << "'\n";
    PrintUsage(std::cerr);
    return kExitUsage;
  }
  std::vector<std::string> rest(args.begin() + 1, args.end());
  try {
    return found->second.run(rest);
  } catch (const po::error& error) {
    std::cerr << "corridor " << args[0] << ": " << error.what() << "\n";
    return kExitUsage;
  } catch (const std::exception& error) {
    // A bug or an exhausted resource: say what, never abort with a core dump mid-write (output
    // files are written to a temporary name and only renamed on success).
    std::cerr << "corridor " << args[0] << ": internal error: " << error.what() << "\n";
    return kExitSetupError;
  }
}

int ExitCodeFor(const Status& status) {
  if (status.ok()) return kExitOk;
  if (status.IsUsage()) return kExitUsage;
  return kExitSetupError;
}

int Fail(const std::string& command, const Status& status) {
  std::cerr << "corridor " << command << ": " << status.message() << "\n";
  return ExitCodeFor(status);
}

bool ParseOptions(const std::string& command, const po::options_description& options,
                  const std::vector<std::string>& args, po::variables_map* values, int* exit_code) {
  po::store(po::command_line_parser(args).options(options).run(), *values);
  if (values->count("help")) {
    std::cout << "usage: corridor " << command << " [OPTIONS]\n" << options;
    *exit_code = kExitOk;
    return false;
  }
  po::notify(*values);
  return true;
}

}  // namespace corridor::cli
