#include <sqlite3.h>
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "engine/names/matcher.h"
#include "engine/store/database.h"

namespace corridor::names {

namespace {

// A fresh input database with a few listed entries, in the system's temporary folder.
std::string MakeListDatabase(const std::string& name) {
  std::string path = (std::filesystem::temp_directory_path() / name).string();
  std::filesystem::remove(path);
  std::unique_ptr<Database> db;
  REQUIRE(Database::OpenWritable(path, &db).ok());
  REQUIRE(CreateInputSchema(db.get()).ok());
  Status status = db->Execute(R"sql(
    INSERT INTO list_entry (list_id, entry_id, kind, name, programs, country, birth_date) VALUES
      ('ofac_sdn', '29220', 'person', 'CHEN, Quanguo', 'GLOMAG', NULL, '1955'),
      ('ofac_sdn', '36427', 'company', 'SBER VOSTOK LIMITED LIABILITY PARTNERSHIP',
       'RUSSIA-EO14024', 'KZ', NULL),
      ('ofac_sdn', '9001', 'vessel', 'OCEAN STAR', 'IRAN', NULL, NULL),
      ('un_sc', '6908', 'person', 'HAQ, Abdul', 'ISIL', NULL, NULL),
      ('ofac_sdn', 'bad', 'company', 'LLC', NULL, NULL, NULL);
    INSERT INTO list_alias (list_id, entry_id, name, quality) VALUES
      ('ofac_sdn', '36427', 'SBER VOSTOK LLP', 'strong'),
      ('ofac_sdn', '36427', 'SBER EAST LLP', 'strong');
    INSERT INTO list_attribute (list_id, entry_id, key, value, country) VALUES
      ('ofac_sdn', '29220', 'nationality', 'China', 'CN'),
      ('ofac_sdn', '29220', 'birth_date', '1955-11', NULL);
    INSERT INTO list_identifier (list_id, entry_id, id_type, number, country) VALUES
      ('ofac_sdn', '36427', 'registration', '110140012405', 'KZ'),
      ('ofac_sdn', '9001', 'imo', '9187629', NULL);
  )sql");
  REQUIRE(status.ok());
  return path;
}

struct Run {
  int exit_code;
  std::string output;  // stdout and stderr
};

Run Shell(const std::string& command_line) {
  std::string command = command_line + " 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::string output;
  char buffer[4096];
  size_t n;
  while ((n = fread(buffer, 1, sizeof(buffer), pipe)) > 0) output.append(buffer, n);
  int status = pclose(pipe);
  return {WEXITSTATUS(status), output};
}

Run Corridor(const std::string& arguments) {
  return Shell(std::string(CORRIDOR_BINARY) + " " + arguments);
}

std::string WriteFile(const std::string& name, const std::string& text) {
  std::string path = (std::filesystem::temp_directory_path() / name).string();
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

}  // namespace

TEST_CASE("LoadNameRecords reads names, aliases, facts and identifiers", "[names]") {
  std::string path = MakeListDatabase("corridor_names_load.db");
  std::unique_ptr<Database> db;
  REQUIRE(Database::OpenReadOnly(path, &db).ok());
  std::vector<NameRecord> records;
  REQUIRE(LoadNameRecords(db.get(), {"ofac_sdn"}, &records).ok());
  REQUIRE(records.size() == 6);  // 4 entries + 2 aliases
  const NameRecord* chen = nullptr;
  int sber_names = 0;
  for (const NameRecord& r : records) {
    if (r.entry_id == "29220") chen = &r;
    if (r.entry_id == "36427") {
      ++sber_names;
      CHECK(r.identifiers.size() == 1);
      CHECK(r.countries == std::vector<std::string>{"KZ"});
    }
  }
  REQUIRE(chen != nullptr);
  CHECK(chen->birth_dates == std::vector<std::string>{"1955", "1955-11"});
  CHECK(chen->countries == std::vector<std::string>{"CN"});
  CHECK(chen->kind == "person");
  CHECK(sber_names == 3);
  REQUIRE(LoadNameRecords(db.get(), {}, &records).ok());
  CHECK(records.size() == 7);
}

// From a review (2026-12-07): the entries, their aliases and their facts were read by separate
// SELECTs with no transaction around them, so an import committing between them gave a state no
// version had (an alias of the new version on an entry of the old). One read transaction now.
TEST_CASE("LoadNameRecords reads the lists in one snapshot while an import commits", "[names]") {
  std::string path = MakeListDatabase("corridor_names_snapshot.db");
  {
    std::unique_ptr<Database> db;
    REQUIRE(Database::OpenWritable(path, &db).ok());
    REQUIRE(db->Execute("PRAGMA journal_mode=WAL").ok());
  }
  std::unique_ptr<Database> reader;
  REQUIRE(Database::OpenReadOnly(path, &reader).ok());
  sqlite3* writer = nullptr;
  REQUIRE(sqlite3_open_v2(path.c_str(), &writer, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK);
  struct Context {
    sqlite3* reader;
    sqlite3* writer;
    int result = -1;
  } context{reader->handle(), writer};
  // Every VM step of the reader: once the list_entry SELECT is under way, the import commits.
  sqlite3_progress_handler(
      reader->handle(), 1,
      [](void* self) {
        auto* c = static_cast<Context*>(self);
        if (c->result != -1) return 0;
        for (sqlite3_stmt* stmt = sqlite3_next_stmt(c->reader, nullptr); stmt != nullptr;
             stmt = sqlite3_next_stmt(c->reader, stmt)) {
          if (sqlite3_stmt_busy(stmt) &&
              std::string(sqlite3_sql(stmt)).find("FROM list_entry") != std::string::npos) {
            c->result = sqlite3_exec(c->writer,
                                     "INSERT INTO list_alias (list_id, entry_id, name, quality) "
                                     "VALUES ('ofac_sdn', '29220', 'A NEW ALIAS OF CHEN', "
                                     "'strong')",
                                     nullptr, nullptr, nullptr);
            break;
          }
        }
        return 0;
      },
      &context);
  std::vector<NameRecord> records;
  REQUIRE(LoadNameRecords(reader.get(), {}, &records).ok());
  sqlite3_progress_handler(reader->handle(), 0, nullptr, nullptr);
  sqlite3_close_v2(writer);
  REQUIRE(context.result == SQLITE_OK);  // the import committed during the load
  for (const NameRecord& record : records) CHECK(record.name != "A NEW ALIAS OF CHEN");
  CHECK(records.size() == 7);  // the version before the import, whole
  // The next load sees the import.
  REQUIRE(LoadNameRecords(reader.get(), {}, &records).ok());
  CHECK(records.size() == 8);
}

TEST_CASE("corridor match screens one name and explains the match", "[names][cli]") {
  std::string db = MakeListDatabase("corridor_names_match.db");
  Run run = Corridor("match --db " + db + " --name 'Quanguo Chen' --birth-date 1955-11-13");
  CHECK(run.exit_code == 0);
  CHECK(run.output.find("1. 1.00  ofac_sdn 29220  CHEN, Quanguo  (primary name)  person") !=
        std::string::npos);
  CHECK(run.output.find("chen ~ chen 1.00") != std::string::npos);
  CHECK(run.output.find("birth_date: 1955-11-13 vs 1955-11: matches at the coarser precision") !=
        std::string::npos);
  // The list name that cannot be indexed is reported, not fatal.
  CHECK(run.output.find("ofac_sdn bad name 'LLC' cannot be screened: name is only a legal form") !=
        std::string::npos);

  run = Corridor("match --db " + db + " --name 'ТОО Сбер Восток' --format json");
  CHECK(run.exit_code == 0);
  CHECK(run.output.find("\"entry_id\":\"36427\"") != std::string::npos);

  run = Corridor("match --db " + db + " --name 'MV SOMETHING' --id 'IMO 9187629'");
  CHECK(run.exit_code == 0);
  CHECK(run.output.find("decided by a unique identifier") != std::string::npos);

  run = Corridor("match --db " + db + " --name 'Nobody Atall'");
  CHECK(run.exit_code == 0);
  CHECK(run.output.find("no list entry scores 0.8 or more") != std::string::npos);
}

TEST_CASE("corridor match rejects bad names and options with a clear error", "[names][cli]") {
  std::string db = MakeListDatabase("corridor_names_bad.db");
  Run run = Corridor("match --db " + db + " --name ''");
  CHECK(run.exit_code == 1);
  CHECK(run.output.find("--name \"\": name has no letters or digits") != std::string::npos);
  run = Corridor("match --db " + db + " --name '...'");
  CHECK(run.exit_code == 1);
  run = Corridor("match --db " + db + " --name 'Co., Ltd.'");
  CHECK(run.exit_code == 1);
  CHECK(run.output.find("name is only a legal form") != std::string::npos);
  // An invalid byte is replaced, not fatal (engine/names/normalize.h).
  run = Corridor("match --db " + db + " --name \"$(printf 'Quanguo \\377Chen')\"");
  CHECK(run.exit_code == 0);
  CHECK(run.output.find("ofac_sdn 29220") != std::string::npos);
  run = Corridor("match --db " + db + " --name CHEN --country XX");
  CHECK(run.exit_code == 1);
  CHECK(run.output.find("unknown country code \"XX\"") != std::string::npos);
  run = Corridor("match --db " + db + " --name CHEN --format xml");
  CHECK(run.exit_code == 2);
  run = Corridor("match --db /nonexistent/lists.db --name CHEN");
  CHECK(run.exit_code == 1);
}

TEST_CASE("corridor match --queries screens a file and reports bad rows in place", "[names][cli]") {
  std::string db = MakeListDatabase("corridor_names_batch.db");
  std::string queries = WriteFile("corridor_names_queries.csv",
                                  "name,kind,country,birth_date\n"
                                  "Quanguo Chen,person,CN,1955\n"
                                  ",,,\n"
                                  "SBER VOSTOK TOO,company,KZ,\n"
                                  "Abdul Haq,person,ZZ,\n" +
                                      std::string(5000, 'A') + ",person,,\n");
  Run run = Corridor("match --db " + db + " --queries " + queries);
  CHECK(run.exit_code == 0);
  CHECK(run.output.find("corridor_names_queries.csv:2: Quanguo Chen (kind person, country CN, "
                        "born 1955)") != std::string::npos);
  CHECK(run.output.find("corridor_names_queries.csv:3: \n  error: name has no letters or digits") !=
        std::string::npos);
  CHECK(run.output.find("ofac_sdn 36427") != std::string::npos);
  CHECK(run.output.find("error: unknown country code \"ZZ\"") != std::string::npos);
  CHECK(run.output.find("error: name longer than 4096 bytes (5000)") != std::string::npos);
  CHECK(run.output.find("3 of 5 queries could not be screened") != std::string::npos);

  std::string names = WriteFile("corridor_names_queries.txt", "Quanguo Chen\r\n\r\nAbdul Haq\n");
  run = Corridor("match --db " + db + " --queries " + names + " --format json");
  CHECK(run.exit_code == 0);
  CHECK(run.output.find("\"where\":\"" + names + ":1\"") != std::string::npos);
  CHECK(run.output.find("\"where\":\"" + names + ":3\"") != std::string::npos);
}

TEST_CASE("corridor score-pairs scores pairs and reports precision, recall and F1",
          "[names][cli]") {
  std::string pairs = WriteFile("corridor_names_pairs.csv",
                                "query_name,candidate_name,label\n"
                                "Quanguo Chen,\"CHEN, Quanguo\",1\n"
                                "Владимир Путин,\"PUTIN, Vladimir\",1\n"
                                "Vladimir Biliy,\"PUTIN, Vladimir\",0\n"
                                "Acme Trading LLC,Zenith Trading LLC,0\n"
                                "LLC,Acme LLC,0\n"
                                "Erkin Tuniyaz,ئەركىن تۇنىياز,maybe\n");
  std::string out = (std::filesystem::temp_directory_path() / "corridor_pairs_out.csv").string();
  Run run = Corridor("score-pairs --pairs " + pairs + " --out " + out);
  CHECK(run.exit_code == 0);
  CHECK(run.output.find("corridor_names_pairs.csv:6: query name: name is only a legal form") !=
        std::string::npos);
  CHECK(run.output.find("corridor_names_pairs.csv:7: label \"maybe\" is not 1/0") !=
        std::string::npos);
  CHECK(run.output.find("scored 4 of 6 pairs (2 could not be scored)") != std::string::npos);
  CHECK(run.output.find("at threshold 0.8: precision 1, recall 1, F1 1 (tp 2, fp 0, fn 0, tn 2)") !=
        std::string::npos);
  CHECK(run.output.find("F1-maximising threshold") != std::string::npos);
  std::ifstream written(out);
  std::string header;
  std::getline(written, header);
  CHECK(header == "query_name,candidate_name,label,score,hit,explanation,error");
  std::string first;
  std::getline(written, first);
  CHECK(first == "Quanguo Chen,\"CHEN, Quanguo\",1,1,1,quanguo~quanguo 1; chen~chen 1,");

  run = Corridor("score-pairs --pairs /nonexistent.csv");
  CHECK(run.exit_code == 1);
  std::string no_header = WriteFile("corridor_names_noheader.csv", "a,b\nc,d\n");
  run = Corridor("score-pairs --pairs " + no_header);
  CHECK(run.exit_code == 1);
  CHECK(run.output.find(":1: the header must name query_name and candidate_name") !=
        std::string::npos);
}

}  // namespace corridor::names

namespace corridor::names {

TEST_CASE("score-pairs --features writes the parts each score is made of", "[names][cli]") {
  std::string pairs = WriteFile("corridor_names_feature_pairs.csv",
                                "query_name,candidate_name,label,kind\n"
                                "Quanguo Chen,\"CHEN, Quanguo\",1,person\n"
                                "محمد علي,MUHAMMAD ALI,1,person\n"
                                "Acme Trading LLC,Zenith Trading LLC,0,organization\n"
                                "LLC,Acme LLC,0,organization\n");
  std::string out =
      (std::filesystem::temp_directory_path() / "corridor_feature_pairs_out.csv").string();
  Run run = Corridor("score-pairs --pairs " + pairs + " --features --out " + out);
  REQUIRE(run.exit_code == 0);
  std::ifstream written(out);
  std::vector<std::string> lines;
  for (std::string line; std::getline(written, line);) lines.push_back(line);
  REQUIRE(lines.size() == 5);
  CHECK(lines[0] ==
        "query_name,candidate_name,label,kind,score,hit,explanation,error,query_coverage,"
        "candidate_coverage,coverage_score,information,min_similarity,common_share,query_words,"
        "candidate_words,cross_script,exact");
  auto ends_with = [](const std::string& line, const std::string& end) {
    return line.size() >= end.size() &&
           line.compare(line.size() - end.size(), end.size(), end) == 0;
  };
  // Every word of both names aligned at 1: full coverage, exact, one script (CHEN is a common
  // name: 0.2812 of the matched weight).
  CHECK(lines[1] ==
        "Quanguo Chen,\"CHEN, Quanguo\",1,person,1,1,quanguo~quanguo 1; chen~chen 1,,"
        "1,1,1,1,1,0.2812,2,2,0,1");
  // Arabic script against Latin: cross-script, both words common names, read at 0.95.
  CHECK(ends_with(lines[2], ",0.95,1,2,2,1,0"));
  // A shared generic word and the legal form (not a word): partial coverage, not exact.
  CHECK(ends_with(lines[3], ",1,0,2,2,0,0"));
  // A pair that cannot be scored keeps its error and leaves the parts empty.
  CHECK(ends_with(lines[4], "only a legal form,,,,,,,,,,"));
}

TEST_CASE("Non-finite or out-of-range numbers in match and score-pairs are usage errors",
          "[names][cli][options]") {
  std::string db = MakeListDatabase("corridor_names_options.db");
  for (const char* value : {"nan", "inf", "-inf", "-0.5", "1.5"}) {
    INFO(value);
    Run run = Corridor("match --db " + db + " --name 'Quanguo Chen' --min-score " + value);
    CHECK(run.exit_code == 2);
    CHECK(run.output.find("--min-score must be a number from 0 to 1") != std::string::npos);
  }
  Run run = Corridor("match --db " + db + " --name 'Quanguo Chen' --limit 0");
  CHECK(run.exit_code == 2);
  std::string pairs = WriteFile("corridor_names_options_pairs.csv",
                                "query_name,candidate_name\nQuanguo Chen,CHEN Quanguo\n");
  for (const char* value : {"nan", "inf", "2"}) {
    INFO(value);
    run = Corridor("score-pairs --pairs " + pairs + " --threshold " + value);
    CHECK(run.exit_code == 2);
  }
}

TEST_CASE("match --min-score 0 lists what it found", "[names][cli][options]") {
  std::string db = MakeListDatabase("corridor_names_min0.db");
  Run run = Corridor("match --db " + db + " --name 'Nobody Atall' --min-score 0 --limit 3");
  CHECK(run.exit_code == 0);
  CHECK(run.output.find("no list entry scores") == std::string::npos);
  CHECK(run.output.find("  3. ") != std::string::npos);
}

TEST_CASE("Scores are shown rounded down, never up", "[names][rounding]") {
  CHECK(FormatScore(0.799) == "0.79");
  CHECK(FormatScore(0.7999999999999999) == "0.79");
  CHECK(FormatScore(0.8) == "0.80");
  CHECK(FormatScore(0.805) == "0.80");
  CHECK(FormatScore(1.0) == "1.00");
  CHECK(FormatScore(0.0) == "0.00");
  CHECK(FormatScore(0.29) == "0.29");  // 0.29 * 100 = 28.999999999999996
  NameMatch match;
  match.score = 0.7996;
  match.name_score = 0.7996;
  CHECK(FormatMatchText(match).rfind("0.79", 0) == 0);
}

TEST_CASE("match --format json is valid JSON whatever the names hold", "[names][cli][json]") {
  std::string db = MakeListDatabase("corridor_names_json.db");
  std::string queries =
      WriteFile("corridor_names_json.txt", "Quanguo \"Chen\"\\\x01\nSBER VOSTOK \xff LLP\n,,,\n");
  Run run = Corridor("match --db " + db + " --queries " + queries + " --format json");
  CHECK(run.exit_code == 0);
  std::vector<nlohmann::json> blocks;
  size_t start = 0;
  while (start < run.output.size()) {
    size_t end = run.output.find('\n', start);
    if (end == std::string::npos) end = run.output.size();
    std::string line = run.output.substr(start, end - start);
    start = end + 1;
    if (line.rfind("corridor match: ", 0) == 0) continue;  // standard error
    INFO(line);
    REQUIRE(nlohmann::json::accept(line));
    blocks.push_back(nlohmann::json::parse(line));
  }
  REQUIRE(blocks.size() == 3);
  CHECK(blocks[0]["query"]["name"] == "Quanguo \"Chen\"\\\x01");
  REQUIRE(blocks[0]["matches"].size() >= 1);
  CHECK(blocks[0]["matches"][0]["entry_id"] == "29220");
  double score = blocks[0]["matches"][0]["score"];
  CHECK(score <= 1.0);
  CHECK(blocks[1]["matches"][0]["entry_id"] == "36427");
  CHECK(blocks[2]["error"] == "name has no letters or digits");
}

namespace {

size_t FilesIn(const std::string& folder) {
  size_t n = 0;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    (void)entry;
    ++n;
  }
  return n;
}

}  // namespace

TEST_CASE("score-pairs --out writes whole files or nothing and never its input",
          "[names][cli][out]") {
  std::string folder =
      (std::filesystem::temp_directory_path() / "corridor_names_pairs_out").string();
  std::filesystem::remove_all(folder);
  std::filesystem::create_directories(folder);
  std::string input = "query_name,candidate_name,label\n";
  for (int i = 0; i < 400; ++i) input += "Quanguo Chen,CHEN Quanguo,1\nSBER VOSTOK,ZHU Hailun,0\n";
  std::string pairs = folder + "/pairs.csv";
  std::ofstream(pairs, std::ios::binary) << input;

  // --out is --pairs, under another spelling: refused, the input intact.
  Run run = Corridor("score-pairs --pairs " + pairs + " --out " + folder + "/./pairs.csv");
  CHECK(run.exit_code == 2);
  CHECK(run.output.find("is the --pairs file") != std::string::npos);
  std::ifstream check(pairs, std::ios::binary);
  std::string kept((std::istreambuf_iterator<char>(check)), std::istreambuf_iterator<char>());
  CHECK(kept == input);

  // Not a regular file.
  run = Corridor("score-pairs --pairs " + pairs + " --out /dev/full");
  CHECK(run.exit_code != 0);
  CHECK(run.output.find("/dev/full: not a regular file") != std::string::npos);

  // A write that fails part-way (file size limit: the same failure as a full disk) fails the
  // command and leaves neither a cut file nor a temporary one.
  std::string out = folder + "/scored.csv";
  std::string command = "sh -c \"trap '' XFSZ; ulimit -f 8; " + std::string(CORRIDOR_BINARY) +
                        " score-pairs --pairs " + pairs + " --out " + out + "\"";
  run = Shell(command);
  CHECK(run.exit_code != 0);
  CHECK(run.output.find("write failed") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(out));
  CHECK(FilesIn(folder) == 1);

  // And when all goes well, the whole file is there and nothing else.
  run = Corridor("score-pairs --pairs " + pairs + " --out " + out);
  CHECK(run.exit_code == 0);
  CHECK(std::filesystem::file_size(out) > input.size());
  CHECK(FilesIn(folder) == 2);
  std::filesystem::remove_all(folder);
}

}  // namespace corridor::names
