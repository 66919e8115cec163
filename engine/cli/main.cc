// The corridor command-line tool: a thin layer over the engine library (engine/cli/commands.h).
#include "engine/cli/commands.h"

int main(int argc, char** argv) { return corridor::cli::Main(argc, argv); }
