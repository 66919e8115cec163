// The `corridor` command line. Each subcommand parses its options with Boost.Program_options and
// calls the engine; nothing here knows how screening works.
//
// Exit codes, for every subcommand:
//   0  success
//   1  a setup error: unreadable or malformed input, invalid rules, unwritable output
//   2  a usage error: unknown subcommand or option, missing argument
//   3  `screen --fail-on D`: at least one shipment reached decision D or worse
//   4  `update-lists`: at least one list failed and was left as it was (the others updated)
#ifndef CORRIDOR_ENGINE_CLI_COMMANDS_H_
#define CORRIDOR_ENGINE_CLI_COMMANDS_H_

#include <string>

#include "engine/base/status.h"

namespace corridor::cli {

constexpr int kExitOk = 0;
constexpr int kExitSetupError = 1;
constexpr int kExitUsage = 2;
constexpr int kExitFailOn = 3;
constexpr int kExitListsFailed = 4;  // update-lists: some lists failed, the rest were updated

int Main(int argc, char** argv);

// The one place a Status becomes an exit code: kUsage -> 2, any other failure -> 1, OK -> 0.
int ExitCodeFor(const Status& status);

// Prints "corridor COMMAND: message" on stderr and returns ExitCodeFor(status).
// REQUIRES: !status.ok()
int Fail(const std::string& command, const Status& status);

}  // namespace corridor::cli

#endif  // CORRIDOR_ENGINE_CLI_COMMANDS_H_
