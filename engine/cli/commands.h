// The `corridor` command line. Each subcommand parses its options with Boost.Program_options and
// calls the engine; nothing here knows how screening works.
//
// Exit codes, for every subcommand:
//   0  success
//   1  a setup error: unreadable or malformed input, invalid rules, unwritable output
//   2  a usage error: unknown subcommand or option, missing argument
//   3  `screen --fail-on D`: at least one shipment reached decision D or worse
#ifndef CORRIDOR_ENGINE_CLI_COMMANDS_H_
#define CORRIDOR_ENGINE_CLI_COMMANDS_H_

namespace corridor::cli {

constexpr int kExitOk = 0;
constexpr int kExitSetupError = 1;
constexpr int kExitUsage = 2;
constexpr int kExitFailOn = 3;

int Main(int argc, char** argv);

}  // namespace corridor::cli

#endif  // CORRIDOR_ENGINE_CLI_COMMANDS_H_
