// corridor generate --db FILE --shipments N --entities M [--seed S] [--listed-share F] [--force]
#include <charconv>
#include <iostream>
#include <string>

#include "engine/cli/commands.h"
#include "engine/cli/subcommands.h"
#include "engine/generate/generate.h"

namespace corridor::cli {

namespace po = boost::program_options;

int RunGenerate(const std::vector<std::string>& args) {
  po::options_description options("generate options");
  GenerateOptions generate;
  std::string seed;
  options.add_options()("help,h", "show this help")(
      "db", po::value<std::string>(&generate.db_path)->required(),
      "database file to write (absent, empty, or holding only imported lists)")(
      "shipments", po::value<int64_t>(&generate.shipments)->required(), "number of shipments")(
      "entities", po::value<int64_t>(&generate.entities)->required(),
      "number of entities (persons and companies), at least 10")(
      "seed", po::value<std::string>(&seed)->default_value("1"),
      "random seed, 0 to 18446744073709551615")(
      "listed-share", po::value<double>(&generate.listed_share)->default_value(0.005),
      "share of entities named after list entries (exact or misspelt), 0..1")(
      "force", po::bool_switch(&generate.force),
      "replace a file that holds company records or is not a corridor database");
  po::variables_map values;
  int exit_code = kExitOk;
  if (!ParseOptions("generate", options, args, &values, &exit_code)) return exit_code;
  // Digits only: Boost reads "-1" as an unsigned 2^64-1 (from a review, 2026-12-08).
  const auto [end, error] = std::from_chars(seed.data(), seed.data() + seed.size(), generate.seed);
  if (seed.empty() || error != std::errc() || end != seed.data() + seed.size()) {
    return Fail("generate", Status::Usage("--seed must be a whole number from 0 to "
                                          "18446744073709551615, got '" +
                                          seed + "'"));
  }

  GenerateReport report;
  Status status = GenerateDatabase(generate, &report);
  if (!status.ok()) return Fail("generate", status);
  std::cout << "wrote " << generate.db_path << ": " << report.entities << " entities ("
            << report.persons << " persons, " << report.companies << " companies, "
            << report.listed_entities << " named after list entries from "
            << (report.names_from_database ? "the database's lists" : "built-in SDN names") << "), "
            << report.ownership_links << " ownership links, " << report.shipments << " shipments, "
            << report.parties << " parties, " << report.items << " items, " << report.legs
            << " legs\n";
  return kExitOk;
}

}  // namespace corridor::cli
