// The score output under misuse: an output path that would destroy the input or a device is
// refused with nothing touched; invalid UTF-8 never reaches the stream; files follow the umask
// and no temporary file survives a signal; explain refuses what is not a whole score stream.
#include <poll.h>
#include <signal.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <google/protobuf/field_mask.pb.h>
#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/stubs/logging.h>
#include <google/protobuf/util/delimited_message_util.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "engine/base/signal_cleanup.h"
#include "engine/output/record_checksum.h"
#include "engine/output/score_stream.h"
#include "tests/test_util.h"

namespace corridor {
namespace {

using testing::MakeDatabase;
using testing::RunCorridor;
using testing::TempDir;

const char* kRules = R"(
rule { id: "sdn" description: "listed" category: SECONDARY_SANCTIONS weight: 95
  decision_floor: BLOCK listed_party { lists: ["ofac-sdn"] } }
)";

const char* kData = R"(
INSERT INTO list_source (list_id, version) VALUES ('ofac-sdn', 'test');
INSERT INTO list_entry (list_id, entry_id, name) VALUES ('ofac-sdn', '1', 'CHEN, Quanguo');
INSERT INTO entity (entity_id, kind, name, country) VALUES ('E1', 'person', 'Quanguo CHEN', 'CN');
INSERT INTO shipment (shipment_id, destination_country) VALUES ('S1', 'PK');
INSERT INTO shipment_party VALUES ('S1', 'E1', 'shipper');
)";

std::string ScreenArgs(const TempDir& dir, const std::string& db, const std::string& out) {
  std::string rules =
      testing::MakeRules(dir, {{"r.textproto", std::string(testing::kTestScoring) + kRules}});
  return "screen --threads 1 --as-of 2025-12-01 --db " + db + " --rules " + rules + " --out " + out;
}

TEST_CASE("screen refuses an output that is its input, a FIFO or a device", "[output]") {
  TempDir dir;
  std::string db = MakeDatabase(dir, kData);
  std::string before = testing::ReadText(db);

  testing::CommandResult result = RunCorridor(dir, ScreenArgs(dir, db, db));
  CHECK(result.exit_code == 1);
  CHECK(result.err.find("is the input file " + db + "; writing scores there would destroy it") !=
        std::string::npos);
  std::filesystem::create_symlink(db, dir.File("link.db"));
  result = RunCorridor(dir, ScreenArgs(dir, db, dir.File("link.db")));
  CHECK(result.exit_code == 1);
  CHECK(testing::ReadText(db) == before);
  CHECK(std::filesystem::is_symlink(dir.File("link.db")));

  REQUIRE(mkfifo(dir.File("fifo").c_str(), 0644) == 0);
  for (std::string node : {dir.File("fifo"), std::string("/dev/null"), dir.path()}) {
    INFO(node);
    result = RunCorridor(dir, ScreenArgs(dir, db, node));
    CHECK(result.exit_code == 1);
    CHECK(result.err.find("exists and is not a regular file") != std::string::npos);
  }
  CHECK(std::filesystem::is_fifo(dir.File("fifo")));
  CHECK(std::filesystem::is_character_file("/dev/null"));
  for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
    CHECK(entry.path().string().find(".tmp.") == std::string::npos);
  }

  result = RunCorridor(dir, ScreenArgs(dir, db, "-"));
  CHECK(result.exit_code == 0);
  CHECK(!result.out.empty());
}

TEST_CASE("screen refuses an output named as its input's -wal or -shm or -journal file",
          "[output]") {
  // docs/reliability.md: --out may not be the input database's -wal, -shm or -journal file. When
  // that file did not exist, screen wrote the scores there (exit 0); the next SQLite connection
  // takes such a file for the database's log or hot journal and deletes or overwrites it, so the
  // run's output was lost.
  TempDir dir;
  std::string db = MakeDatabase(dir, kData);
  std::filesystem::create_symlink(db, dir.File("link.db"));
  for (const std::string& out : {db + "-wal", db + "-shm", db + "-journal"}) {
    INFO(out);
    REQUIRE_FALSE(std::filesystem::exists(out));
    testing::CommandResult result = RunCorridor(dir, ScreenArgs(dir, db, out));
    CHECK(result.exit_code == 1);
    CHECK(result.err.find("writing scores there would destroy it") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(out));
  }
  // Named through a link, the database's files are the real file's (SQLite resolves the link):
  // its companion is refused too.
  testing::CommandResult result =
      RunCorridor(dir, ScreenArgs(dir, dir.File("link.db"), db + "-journal"));
  CHECK(result.exit_code == 1);
  CHECK_FALSE(std::filesystem::exists(db + "-journal"));
}

TEST_CASE("screen refuses a --summary-json that is its input database or its --out", "[output]") {
  // The summary is an output too. Before: `--summary-json DB` replaced the input database with
  // the summary's JSON (exit 0), and `--summary-json OUT` replaced the scores just written.
  TempDir dir;
  std::string db = MakeDatabase(dir, kData);
  const std::string before = testing::ReadText(db);
  testing::CommandResult result =
      RunCorridor(dir, ScreenArgs(dir, db, dir.File("a.scores")) + " --summary-json " + db);
  CHECK(result.exit_code == 1);
  CHECK(result.err.find("is the input file " + db) != std::string::npos);
  CHECK(testing::ReadText(db) == before);
  CHECK_FALSE(std::filesystem::exists(dir.File("a.scores")));
  // Through a link, and the database's journal, as for --out.
  std::filesystem::create_symlink(db, dir.File("link.db"));
  for (const std::string& summary : {dir.File("link.db"), db + "-journal"}) {
    INFO(summary);
    result =
        RunCorridor(dir, ScreenArgs(dir, db, dir.File("a.scores")) + " --summary-json " + summary);
    CHECK(result.exit_code == 1);
    CHECK(testing::ReadText(db) == before);
    CHECK_FALSE(std::filesystem::exists(db + "-journal"));
  }
  // The scores file itself, new or already there.
  for (int run = 0; run < 2; ++run) {
    INFO("run " << run);
    result = RunCorridor(
        dir, ScreenArgs(dir, db, dir.File("b.scores")) + " --summary-json " + dir.File("b.scores"));
    CHECK(result.exit_code == 2);
    CHECK(result.err.find("--summary-json and --out name the same file") != std::string::npos);
    testing::WriteText(dir.File("b.scores"), "yesterday's scores\n");
  }
  CHECK(testing::ReadText(dir.File("b.scores")) == "yesterday's scores\n");
  // A summary beside the scores is written as before.
  result = RunCorridor(
      dir, ScreenArgs(dir, db, dir.File("c.scores")) + " --summary-json " + dir.File("c.json"));
  CHECK(result.exit_code == 0);
  CHECK(std::filesystem::exists(dir.File("c.json")));
}

TEST_CASE("screen refuses outputs that are its rule files or its --since stream", "[output]") {
  // Before: `--out rules/r.textproto` replaced a rule file with scores, and `--summary-json
  // PREV.scores` replaced the previous stream a delta run reads (exit 0 both times).
  TempDir dir;
  std::string db = MakeDatabase(dir, kData);
  const std::string full = ScreenArgs(dir, db, dir.File("a.scores"));
  REQUIRE(RunCorridor(dir, full).exit_code == 0);
  const std::string rule_file = dir.File("rules/r.textproto");
  const std::string rules_before = testing::ReadText(rule_file);
  const std::string stream_before = testing::ReadText(dir.File("a.scores"));
  for (const std::string& args :
       {ScreenArgs(dir, db, rule_file),
        ScreenArgs(dir, db, dir.File("b.scores")) + " --summary-json " + rule_file}) {
    INFO(args);
    testing::CommandResult result = RunCorridor(dir, args);
    CHECK(result.exit_code == 1);
    CHECK(result.err.find("is the input file") != std::string::npos);
    CHECK(testing::ReadText(rule_file) == rules_before);
  }
  const std::string delta =
      ScreenArgs(dir, db, dir.File("c.scores")) + " --since " + dir.File("a.scores");
  for (const std::string& summary : {dir.File("a.scores"), dir.File("a.scores.facts")}) {
    INFO(summary);
    testing::CommandResult result = RunCorridor(dir, delta + " --summary-json " + summary);
    CHECK(result.exit_code == 1);
    CHECK(testing::ReadText(dir.File("a.scores")) == stream_before);
    CHECK_FALSE(std::filesystem::exists(dir.File("c.scores")));
  }
  // The --since stream's facts file is not an --out either; the stream itself may be: a delta run
  // replaces its previous stream by a rename once it has read it.
  CHECK(RunCorridor(dir, ScreenArgs(dir, db, dir.File("a.scores.facts")) + " --since " +
                             dir.File("a.scores"))
            .exit_code == 1);
  CHECK(RunCorridor(dir,
                    ScreenArgs(dir, db, dir.File("a.scores")) + " --since " + dir.File("a.scores"))
            .exit_code == 0);
  CHECK(testing::ReadText(dir.File("a.scores")) == stream_before);
}

TEST_CASE("score-pairs refuses an --out that is its --db", "[output]") {
  // Before: `score-pairs --db D --out D` replaced the database with the scored pairs (exit 0).
  TempDir dir;
  std::string db = MakeDatabase(dir, kData);
  const std::string before = testing::ReadText(db);
  testing::WriteText(dir.File("pairs.csv"),
                     "query_name,candidate_name,label\nQuanguo Chen,CHEN Quanguo,1\n");
  for (const std::string& out : {db, db + "-journal"}) {
    INFO(out);
    testing::CommandResult result = RunCorridor(
        dir, "score-pairs --pairs " + dir.File("pairs.csv") + " --db " + db + " --out " + out);
    CHECK(result.exit_code == 1);
    CHECK(result.err.find("writing scores there would destroy it") != std::string::npos);
    CHECK(testing::ReadText(db) == before);
    CHECK_FALSE(std::filesystem::exists(db + "-journal"));
  }
  testing::CommandResult result =
      RunCorridor(dir, "score-pairs --pairs " + dir.File("pairs.csv") + " --db " + db + " --out " +
                           dir.File("scored.csv"));
  CHECK(result.exit_code == 0);
  CHECK(std::filesystem::exists(dir.File("scored.csv")));
}

TEST_CASE("Invalid UTF-8 anywhere in a record is replaced, so every reader reads the stream",
          "[output]") {
  TempDir dir;
  // An id and a country with bytes that are not UTF-8: the id is copied into the shipment
  // record, the country into a data problem's message.
  std::string db = MakeDatabase(dir, std::string(kData) + R"(
INSERT INTO shipment (shipment_id, destination_country) VALUES (CAST(X'53FF32' AS TEXT), CAST(X'C328' AS TEXT));
)");
  std::string out = dir.File("out.scores");
  testing::CommandResult result = RunCorridor(dir, ScreenArgs(dir, db, out));
  REQUIRE(result.exit_code == 0);
  result = RunCorridor(dir, "explain --scores " + out);
  CHECK(result.exit_code == 0);
  CHECK(result.out.find("shipment S\xEF\xBF\xBD"
                        "2: clear") != std::string::npos);
  CHECK(result.out.find("not an ISO 3166-1 alpha-2 code: '\xEF\xBF\xBD('") != std::string::npos);

  // The Python reader of docs/output.md (python3-protobuf) reads it too.
  std::string py = dir.File("py");
  std::filesystem::create_directories(py);
  std::string root = CORRIDOR_SOURCE_DIR;
  int protoc = std::system(("protoc --python_out=" + py + " -I" + root + " " + root +
                            "/schemas/common.proto " + root + "/schemas/scores.proto")
                               .c_str());
  if (protoc != 0 || std::system("/usr/bin/python3 -c 'import google.protobuf' 2>/dev/null") != 0) {
    WARN("protoc or python3-protobuf missing: Python reader not checked");
    return;
  }
  std::string command = "PYTHONPATH=" + py + " /usr/bin/python3 " + root +
                        "/tools/read_scores.py " + out + " > " + dir.File("py.out") + " 2>&1";
  CHECK(std::system(command.c_str()) == 0);
  CHECK(testing::ReadText(dir.File("py.out"))
            .find("S\xEF\xBF\xBD"
                  "2 0 CLEAR") != std::string::npos);
}

TEST_CASE("SanitizeUtf8 reaches every string field at any depth and keeps valid text", "[output]") {
  scores::ScoreRecord record;
  scores::ShipmentScore* shipment = record.mutable_shipment();
  shipment->set_shipment_id("Ürümqi ✓ 𝄞");
  scores::RuleHit* hit = shipment->add_hits();
  hit->set_rule_id("r\xC0\xAF");  // an overlong '/'
  scores::Evidence* evidence = hit->add_evidence();
  evidence->set_summary("\xED\xA0\x80 surrogate");
  evidence->mutable_list_match()->set_programs("cut \xE4\xB8");
  CHECK(HasInvalidUtf8(record));
  CHECK(SanitizeUtf8(&record) == 3);
  CHECK_FALSE(HasInvalidUtf8(record));
  CHECK(shipment->shipment_id() == "Ürümqi ✓ 𝄞");
  CHECK(hit->rule_id() == "r\xEF\xBF\xBD\xEF\xBF\xBD");
  CHECK(evidence->list_match().programs() == "cut \xEF\xBF\xBD\xEF\xBF\xBD");
  // The record now passes proto3's UTF-8 check on parse.
  scores::ScoreRecord parsed;
  CHECK(parsed.ParseFromString(record.SerializeAsString()));

  // Repeated strings (none in scores.proto yet; FieldMask has one).
  google::protobuf::FieldMask mask;
  mask.add_paths("ok");
  mask.add_paths("bad \xFF");
  CHECK(SanitizeUtf8(&mask) == 1);
  CHECK(mask.paths(0) == "ok");
  CHECK(mask.paths(1) == "bad \xEF\xBF\xBD");
}

// Every path from ScoreRecord to a string field, at most `depth` messages deep, no message type
// twice on one path.
void StringPaths(const google::protobuf::Descriptor* type, int depth,
                 std::vector<const google::protobuf::FieldDescriptor*>* path,
                 std::vector<std::vector<const google::protobuf::FieldDescriptor*>>* out) {
  using google::protobuf::FieldDescriptor;
  for (int i = 0; i < type->field_count(); ++i) {
    const FieldDescriptor* field = type->field(i);
    path->push_back(field);
    if (field->type() == FieldDescriptor::TYPE_STRING) {
      out->push_back(*path);
    } else if (field->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE && depth > 0) {
      bool on_path = field->message_type() == scores::ScoreRecord::descriptor();
      for (size_t k = 0; k + 1 < path->size(); ++k) {
        on_path = on_path || (*path)[k]->message_type() == field->message_type();
      }
      if (!on_path) StringPaths(field->message_type(), depth - 1, path, out);
    }
    path->pop_back();
  }
}

// A record holding `text` in the string field at the end of `path`, and an empty message or a
// valid string on the way (a sibling before it, so the walk must pass over other fields).
scores::ScoreRecord RecordWith(const std::vector<const google::protobuf::FieldDescriptor*>& path,
                               const std::string& text) {
  scores::ScoreRecord record;
  google::protobuf::Message* message = &record;
  for (const google::protobuf::FieldDescriptor* field : path) {
    const google::protobuf::Reflection* reflection = message->GetReflection();
    if (field->type() == google::protobuf::FieldDescriptor::TYPE_STRING) {
      if (field->is_repeated()) {
        reflection->AddString(message, field, "first ✓");
        reflection->AddString(message, field, text);
      } else {
        reflection->SetString(message, field, text);
      }
    } else if (field->is_repeated()) {
      reflection->AddMessage(message, field);
      message = reflection->AddMessage(message, field);
    } else {
      message = reflection->MutableMessage(message, field);
    }
  }
  return record;
}

TEST_CASE("Record bytes are walked for invalid UTF-8 in every string field at any depth",
          "[output]") {
  std::vector<const google::protobuf::FieldDescriptor*> path;
  std::vector<std::vector<const google::protobuf::FieldDescriptor*>> paths;
  StringPaths(scores::ScoreRecord::descriptor(), 5, &path, &paths);
  REQUIRE(paths.size() > 50);
  int deep = 0;
  for (const auto& string_path : paths) {
    std::string name;
    for (const auto* field : string_path) name += "." + field->name();
    INFO(name);
    deep += string_path.size() >= 4;
    const scores::ScoreRecord valid = RecordWith(string_path, "Ürümqi ✓ 𝄞 plain ascii text");
    CHECK(WireUtf8Valid(scores::ScoreRecord::descriptor(), valid.SerializeAsString()));
    for (const char* bad :
         {"r\xC0\xAF", "\xED\xA0\x80 surrogate", "long ascii then cut \xE4\xB8", "\xFF"}) {
      const scores::ScoreRecord invalid = RecordWith(string_path, bad);
      std::string bytes;
      {
        google::protobuf::LogSilencer silence;
        bytes = invalid.SerializeAsString();
      }
      CHECK_FALSE(WireUtf8Valid(scores::ScoreRecord::descriptor(), bytes));
      CHECK(HasInvalidUtf8(invalid));
    }
  }
  CHECK(deep > 10);
  // Bytes that are not a whole record are never called valid.
  const std::string whole = RecordWith(paths.back(), "text").SerializeAsString();
  CHECK_FALSE(WireUtf8Valid(scores::ScoreRecord::descriptor(), whole.substr(0, whole.size() - 1)));
  CHECK_FALSE(WireUtf8Valid(scores::ScoreRecord::descriptor(), std::string("\x0B\x00", 2)));
}

int g_protobuf_logs = 0;
void CountLog(google::protobuf::LogLevel, const char*, int, const std::string&) {
  ++g_protobuf_logs;
}

TEST_CASE("The writer repairs a deep invalid string silently and writes valid records as they are",
          "[output]") {
  std::vector<const google::protobuf::FieldDescriptor*> path;
  std::vector<std::vector<const google::protobuf::FieldDescriptor*>> paths;
  StringPaths(scores::ScoreRecord::descriptor(), 5, &path, &paths);
  const auto& deepest = *std::max_element(
      paths.begin(), paths.end(), [](const auto& a, const auto& b) { return a.size() < b.size(); });
  TempDir dir;
  const std::string out = dir.File("out.scores");
  std::unique_ptr<ScoreWriter> writer;
  REQUIRE(ScoreWriter::Open(out, ScoreFormat::kDelimited, &writer).ok());
  g_protobuf_logs = 0;
  google::protobuf::LogHandler* previous = google::protobuf::SetLogHandler(&CountLog);
  const scores::ScoreRecord valid = RecordWith(deepest, "valid ✓");
  CHECK(writer->Write(valid).ok());
  CHECK(writer->Write(RecordWith(deepest, "cut \xE4\xB8")).ok());
  google::protobuf::SetLogHandler(previous);
  CHECK(g_protobuf_logs == 0);
  CHECK(writer->sanitized_records() == 1);
  REQUIRE(writer->Commit().ok());

  const std::string bytes = testing::ReadText(out);
  google::protobuf::io::CodedInputStream input(reinterpret_cast<const uint8_t*>(bytes.data()),
                                               static_cast<int>(bytes.size()));
  scores::ScoreRecord first, second;
  uint32_t size = 0;
  REQUIRE(input.ReadVarint32(&size));
  auto limit = input.PushLimit(static_cast<int>(size));
  REQUIRE(first.ParseFromCodedStream(&input));
  input.PopLimit(limit);
  REQUIRE(input.ReadVarint32(&size));
  limit = input.PushLimit(static_cast<int>(size));
  REQUIRE(second.ParseFromCodedStream(&input));  // proto3's UTF-8 check on parse passes
  input.PopLimit(limit);
  // Each record carries its checksum (record_checksum.h), not part of what was written.
  CHECK(first.has_crc32());
  CHECK(second.has_crc32());
  first.clear_crc32();
  second.clear_crc32();
  CHECK(first.SerializeAsString() == valid.SerializeAsString());
  CHECK(second.SerializeAsString() ==
        RecordWith(deepest, "cut \xEF\xBF\xBD\xEF\xBF\xBD").SerializeAsString());
}

TEST_CASE("A committed score file has mode 0666 minus the umask", "[output]") {
  TempDir dir;
  mode_t previous = umask(027);
  std::string path = dir.File("out.scores");
  std::unique_ptr<ScoreWriter> writer;
  Status status = ScoreWriter::Open(path, ScoreFormat::kDelimited, &writer);
  if (status.ok()) status = writer->Commit();
  umask(previous);
  REQUIRE(status.ok());
  struct stat info;
  REQUIRE(stat(path.c_str(), &info) == 0);
  CHECK((info.st_mode & 0777) == 0640);
}

// An input database whose shipment_leg is a view that never yields a row: `screen` blocks on it
// after its temporary output file exists.
std::string MakeEndlessDatabase(const TempDir& dir) {
  return MakeDatabase(dir, std::string(kData) + R"(
DROP TABLE shipment_leg;
CREATE VIEW shipment_leg AS
  WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n)
  SELECT 'S1' AS shipment_id, i AS seq, NULL AS location, NULL AS location_name, NULL AS country,
         NULL AS region, NULL AS kind, NULL AS arrived_on FROM n WHERE i < 0;
)");
}

std::vector<std::string> TempFiles(const TempDir& dir) {
  std::vector<std::string> found;
  for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
    if (entry.path().filename().string().find(".tmp.") != std::string::npos) {
      found.push_back(entry.path().string());
    }
  }
  return found;
}

// Blocks until a file whose name holds ".tmp." is created in the folder `watch` (an inotify
// descriptor watching IN_CREATE) or 30 seconds pass; true when one was.
bool AwaitTempFile(int watch) {
  alignas(inotify_event) char events[4096];
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (std::chrono::steady_clock::now() < deadline) {
    pollfd ready{watch, POLLIN, 0};
    if (poll(&ready, 1, 1000) <= 0) continue;
    ssize_t size = read(watch, events, sizeof(events));
    for (ssize_t at = 0; at < size;) {
      const auto* event = reinterpret_cast<const inotify_event*>(events + at);
      if (event->len > 0 && std::string(event->name).find(".tmp.") != std::string::npos) {
        return true;
      }
      at += static_cast<ssize_t>(sizeof(inotify_event) + event->len);
    }
  }
  return false;
}

// The signal is sent the instant the temporary file appears (inotify, no polling), several
// times: the file must never exist before its removal on a signal is registered.
TEST_CASE("SIGTERM or SIGINT during screen leaves no temporary file and no output", "[output]") {
  // SIGHUP too (docs/batch.md): a closed terminal or a scheduler hanging up.
  for (int signal_number : {SIGTERM, SIGINT, SIGHUP}) {
    for (int round = 0; round < 8; ++round) {
      INFO("signal " << signal_number << ", round " << round);
      TempDir dir;
      std::string db = MakeEndlessDatabase(dir);
      std::string out = dir.File("out.scores");
      std::string command =
          std::string("exec ") + CORRIDOR_BINARY + " " + ScreenArgs(dir, db, out) + " 2>/dev/null";
      int watch = inotify_init1(IN_CLOEXEC);
      REQUIRE(watch >= 0);
      REQUIRE(inotify_add_watch(watch, dir.path().c_str(), IN_CREATE) >= 0);
      pid_t child = fork();
      REQUIRE(child >= 0);
      if (child == 0) {
        execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
        _exit(127);
      }
      bool started = AwaitTempFile(watch);
      kill(child, signal_number);
      close(watch);
      int status = 0;
      waitpid(child, &status, 0);
      REQUIRE(started);
      CHECK(WIFSIGNALED(status));
      CHECK(WTERMSIG(status) == signal_number);
      CHECK(TempFiles(dir).empty());
      CHECK_FALSE(std::filesystem::exists(out));
    }
  }
}

// engine/base/signal_cleanup.h: every registered file, then every registered folder, is removed
// and the process ends by the signal; a released path stays; the last release puts the earlier
// handler back. In a child process, so the signals end it and not the suite.
TEST_CASE("A signal removes the registered files and folders, and only those", "[output]") {
  TempDir dir;
  const std::string folder = dir.File("downloads");
  const std::string inside = folder + "/sdn.csv";
  const std::string temp = dir.File("out.tmp");
  const std::string kept = dir.File("kept.tmp");
  pid_t child = fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    RemoveOnSignal folder_on_signal(folder, RemoveOnSignal::Kind::kFolder);
    std::filesystem::create_directory(folder);
    RemoveOnSignal inside_on_signal(inside, RemoveOnSignal::Kind::kFile);
    RemoveOnSignal temp_on_signal(temp, RemoveOnSignal::Kind::kFile);
    RemoveOnSignal kept_on_signal(kept, RemoveOnSignal::Kind::kFile);
    for (const std::string& path : {inside, temp, kept}) std::ofstream(path) << "x";
    kept_on_signal.Release();
    raise(SIGTERM);
    _exit(0);  // not reached: the handler ends the process by the signal
  }
  int status = 0;
  waitpid(child, &status, 0);
  CHECK(WIFSIGNALED(status));
  CHECK(WTERMSIG(status) == SIGTERM);
  CHECK_FALSE(std::filesystem::exists(folder));
  CHECK_FALSE(std::filesystem::exists(temp));
  CHECK(std::filesystem::exists(kept));

  // Once released, the earlier disposition is back: here SIGHUP ignored, so the child lives on.
  child = fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    signal(SIGHUP, SIG_IGN);
    {
      RemoveOnSignal on_signal(kept, RemoveOnSignal::Kind::kFile);
      struct sigaction now {};
      sigaction(SIGHUP, nullptr, &now);
      if (now.sa_handler == SIG_IGN) _exit(3);  // ours must be installed while registered
    }
    raise(SIGHUP);
    _exit(std::filesystem::exists(kept) ? 0 : 4);
  }
  waitpid(child, &status, 0);
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
}

// A stream with a header, one shipment and the summary, in `format`.
std::string WriteStream(const TempDir& dir, ScoreFormat format, const std::string& version,
                        const std::string& name = "s.scores") {
  std::string path = dir.File(name);
  std::unique_ptr<ScoreWriter> writer;
  REQUIRE(ScoreWriter::Open(path, format, &writer).ok());
  scores::ScoreRecord record;
  record.mutable_header()->set_engine_version(version);
  REQUIRE(writer->Write(record).ok());
  record.Clear();
  record.mutable_shipment()->set_shipment_id("S1");
  REQUIRE(writer->Write(record).ok());
  record.Clear();
  record.mutable_summary()->set_shipments(1);
  REQUIRE(writer->Write(record).ok());
  REQUIRE(writer->Commit().ok());
  return path;
}

TEST_CASE("explain refuses what is not a whole score stream", "[output]") {
  TempDir dir;
  std::string whole =
      testing::ReadText(WriteStream(dir, ScoreFormat::kDelimited, CORRIDOR_VERSION));
  scores::ScoreRecord summary;
  summary.mutable_summary()->set_shipments(1);
  // + its one-byte length and its checksum field
  size_t summary_size = summary.ByteSizeLong() + 1 + kChecksumFieldSize;

  struct Case {
    std::string name;
    std::string bytes;
    std::string error;
  };
  for (const Case& c : std::vector<Case>{
           {"cut.scores", whole.substr(0, whole.size() - summary_size),
            "record 3: truncated: the stream ends without its summary record"},
           {"empty.scores", "", "empty file, not a score stream"},
           {"zeros.scores", std::string(64, '\0'),
            "record 1: an empty or unknown record: not a corridor score stream"},
           {"garbage.scores", "hello, world\n", "record 1: malformed or truncated record"},
           {"after.scores", whole + whole, "record 4: data after the summary record"},
           {"json-cut.scores",
            testing::ReadText(WriteStream(dir, ScoreFormat::kJson, CORRIDOR_VERSION, "j")) + "\n\n",
            ""}}) {
    INFO(c.name);
    std::string path = dir.File(c.name);
    if (c.name == "json-cut.scores") {
      // Whole JSON stream with trailing blank lines reads fine; cut after the shipment, it is
      // truncated.
      testing::WriteText(path, c.bytes);
      CHECK(RunCorridor(dir, "explain --scores " + path).exit_code == 0);
      testing::WriteText(path, c.bytes.substr(0, c.bytes.rfind("{\"summary\"")));
      testing::CommandResult result = RunCorridor(dir, "explain --scores " + path);
      CHECK(result.exit_code == 1);
      CHECK(result.err.find("truncated") != std::string::npos);
      continue;
    }
    testing::WriteText(path, c.bytes);
    testing::CommandResult result = RunCorridor(dir, "explain --scores " + path);
    CHECK(result.exit_code == 1);
    CHECK(result.err.find(c.error) != std::string::npos);
  }
  // Non-regular files are refused at once (a read of /dev/zero would never end).
  testing::CommandResult result = RunCorridor(dir, "explain --scores /dev/zero");
  CHECK(result.exit_code == 1);
  CHECK(result.err.find("not a regular file") != std::string::npos);
  // A FIFO with no writer (opening it to read would wait for one) and a folder, as
  // docs/reliability.md lists them.
  REQUIRE(mkfifo(dir.File("fifo.scores").c_str(), 0600) == 0);
  for (const std::string& path : {dir.File("fifo.scores"), dir.path()}) {
    INFO(path);
    result = RunCorridor(dir, "explain --scores " + path);
    CHECK(result.exit_code == 1);
    CHECK(result.err.find("not a regular file") != std::string::npos);
  }
}

// Every record ends with its checksum (ScoreRecord.crc32, engine/output/record_checksum.h), so a
// record altered after it was written is refused by every reader (explain, merge, diff, the desk,
// a delta run's --since), not read as if the engine had written it.
TEST_CASE("A record altered after it was written is refused by its checksum in both formats",
          "[output]") {
  TempDir dir;
  for (ScoreFormat format : {ScoreFormat::kDelimited, ScoreFormat::kJson}) {
    const bool json = format == ScoreFormat::kJson;
    INFO((json ? "json" : "delimited"));
    std::string path = WriteStream(dir, format, CORRIDOR_VERSION, json ? "s.json" : "s.scores");
    std::string text = testing::ReadText(path);
    if (json) CHECK(text.find("\"crc32\":") != std::string::npos);
    testing::CommandResult result = RunCorridor(dir, "explain --scores " + path);
    CHECK(result.exit_code == 0);
    // The shipment's id edited: the record still parses.
    const size_t at = text.find("S1");
    REQUIRE(at != std::string::npos);
    text[at + 1] = '2';
    testing::WriteText(path, text);
    result = RunCorridor(dir, "explain --scores " + path);
    CHECK(result.exit_code == 1);
    CHECK(result.err.find("record 2: checksum mismatch") != std::string::npos);
  }
  // A stream written before records had checksums (as protobuf's own writer frames them) reads.
  std::string old = dir.File("old.scores");
  {
    std::ofstream out(old, std::ios::binary);
    scores::ScoreRecord record;
    record.mutable_header()->set_engine_version(CORRIDOR_VERSION);
    REQUIRE(google::protobuf::util::SerializeDelimitedToOstream(record, &out));
    record.Clear();
    record.mutable_shipment()->set_shipment_id("S1");
    REQUIRE(google::protobuf::util::SerializeDelimitedToOstream(record, &out));
    record.Clear();
    record.mutable_summary()->set_shipments(1);
    REQUIRE(google::protobuf::util::SerializeDelimitedToOstream(record, &out));
  }
  std::unique_ptr<ScoreReader> reader;
  REQUIRE(ScoreReader::Open(old, &reader).ok());
  scores::ScoreRecord record;
  int records = 0;
  while (reader->Next(&record)) {
    CHECK_FALSE(reader->checksummed());
    ++records;
  }
  CHECK(reader->status().ok());
  CHECK(records == 3);
  // Records read from a checksummed stream come back checked, their field cleared.
  REQUIRE(
      ScoreReader::Open(WriteStream(dir, ScoreFormat::kDelimited, CORRIDOR_VERSION, "n"), &reader)
          .ok());
  while (reader->Next(&record)) {
    CHECK(reader->checksummed());
    CHECK_FALSE(record.has_crc32());
  }
  CHECK(reader->status().ok());
}

TEST_CASE("A delimited header of 123 bytes (first byte '{') is not taken for JSON", "[output]") {
  TempDir dir;
  std::string path = dir.File("s.scores");
  std::unique_ptr<ScoreWriter> writer;
  REQUIRE(ScoreWriter::Open(path, ScoreFormat::kDelimited, &writer).ok());
  scores::ScoreRecord record;
  record.mutable_header()->set_engine_version(CORRIDOR_VERSION);
  std::string as_of;
  // 123 bytes with the checksum field the writer appends.
  while (record.ByteSizeLong() + kChecksumFieldSize < 123) {
    as_of += 'x';
    record.mutable_header()->set_as_of(as_of);
  }
  REQUIRE(record.ByteSizeLong() + kChecksumFieldSize == 123);
  REQUIRE(writer->Write(record).ok());
  record.Clear();
  record.mutable_summary();
  REQUIRE(writer->Write(record).ok());
  REQUIRE(writer->Commit().ok());
  REQUIRE(testing::ReadText(path)[0] == '{');
  testing::CommandResult result = RunCorridor(dir, "explain --scores " + path);
  CHECK(result.exit_code == 0);
  CHECK(result.err.empty());
}

TEST_CASE("A stream from another corridor version is explained with a warning", "[output]") {
  TempDir dir;
  std::string path = WriteStream(dir, ScoreFormat::kDelimited, "0.0.1-old");
  testing::CommandResult result = RunCorridor(dir, "explain --scores " + path);
  CHECK(result.exit_code == 0);
  CHECK(result.out.find("shipment S1") != std::string::npos);
  CHECK(result.err.find("warning: " + path + " was written by corridor 0.0.1-old") !=
        std::string::npos);
}

}  // namespace
}  // namespace corridor
