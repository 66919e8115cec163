// Promises of docs/batch.md that no other test named: the shard of a shipment is FNV-1a 64 of its
// id modulo N plus one, merge refuses a shard given twice and the shards of another run, --since
// with --shipment is a usage error, and --summary-json is written when the run fails.
#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>
#include <sys/stat.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "engine/output/record_checksum.h"
#include "engine/output/score_stream.h"
#include "engine/screen/screen_run.h"
#include "schemas/scores.pb.h"
#include "tests/test_util.h"

namespace corridor {
namespace {

using testing::CommandResult;
using testing::MakeDatabase;
using testing::MakeRules;
using testing::ReadText;
using testing::RunCorridor;
using testing::TempDir;
using testing::WriteText;

// Forty shipments to Pakistan or Kazakhstan: enough for both shards of 2 to hold some.
std::string World() {
  std::string sql =
      "INSERT INTO entity (entity_id, kind, name, country) VALUES "
      "('E-1', 'company', 'ALMATY GENERAL SUPPLY', 'KZ');\n";
  for (int i = 0; i < 40; ++i) {
    std::string id = "S-" + std::to_string(100 + i);
    sql += "INSERT INTO shipment (shipment_id, destination_country) VALUES ('" + id + "', '" +
           (i % 2 == 0 ? "PK" : "KZ") + "');\n";
    sql += "INSERT INTO shipment_party VALUES ('" + id + "', 'E-1', 'consignee');\n";
  }
  return sql;
}

std::string Rules(const TempDir& dir) {
  return MakeRules(dir, {{"r.textproto", std::string(testing::kTestScoring) + R"(
rule { id: "pk" description: "to Pakistan" category: SECURITY weight: 30
  jurisdiction { subjects: [DESTINATION] countries: ["PK"] } }
)"}});
}

// screen --help said the entity cache held 200,000 entities by default; it holds
// ScreenOptions' 1,000,000 (docs/batch.md). The help wraps its lines, so spaces are folded.
TEST_CASE("screen --help gives the entity cache's real default", "[batch]") {
  TempDir dir;
  CommandResult result = RunCorridor(dir, "screen --help");
  CHECK(result.exit_code == 0);
  std::string help;
  for (char c : result.out) {
    if (c == '\n') c = ' ';
    if (c != ' ' || help.empty() || help.back() != ' ') help += c;
  }
  CHECK(help.find("(default " + std::to_string(ScreenOptions().entity_cache_size) + ")") !=
        std::string::npos);
}

}  // namespace

TEST_CASE("A shipment's shard is FNV-1a 64 of its id's bytes, modulo N, plus one", "[batch]") {
  // Expected values computed apart (Python): FNV-1a 64 of "S-0001" is 4460216282733647418, of
  // "SHP-2025-000017" 3703958868042929765. The same on every machine: shards of one run may be
  // screened on different hosts.
  const struct {
    const char* id;
    int count;
    int shard;
  } cases[] = {{"S-0001", 2, 1}, {"S-0001", 7, 4},          {"S-0001", 10000, 7419},
               {"S-0002", 8, 8}, {"SHP-2025-000017", 3, 3}, {"SHP-2025-000017", 10000, 9766}};
  for (const auto& c : cases) {
    INFO(c.id << " of " << c.count);
    for (int k = 1; k <= std::min(c.count, 8); ++k)
      CHECK(InShard(c.id, k, c.count) == (k == c.shard));
    CHECK(InShard(c.id, c.shard, c.count));
  }
  CHECK(InShard("S-0001", 1, 0));  // no --shard: every shipment
}

namespace {

// World() screened as the two shards of one run, 1.scores and 2.scores (--as-of 2025-12-01).
struct TwoShards {
  TempDir dir;
  std::string screen;  // the screen command up to --shard's value

  TwoShards()
      : screen("screen --quiet --db " + MakeDatabase(dir, World()) + " --rules " + Rules(dir) +
               " --shard ") {
    REQUIRE(Screen("1/2", "2025-12-01", "1.scores") == 0);
    REQUIRE(Screen("2/2", "2025-12-01", "2.scores") == 0);
  }
  int Screen(const std::string& shard, const std::string& as_of, const std::string& out) {
    return RunCorridor(dir, screen + shard + " --as-of " + as_of + " --out " + dir.File(out))
        .exit_code;
  }
  // merge A B --out merged.scores
  CommandResult Merge(const std::string& a, const std::string& b) {
    return RunCorridor(
        dir, "merge " + dir.File(a) + " " + dir.File(b) + " --out " + dir.File("merged.scores"));
  }
};

}  // namespace

TEST_CASE("merge refuses a shard given twice and a shard of another run", "[batch]") {
  TwoShards shards;
  TempDir& dir = shards.dir;
  REQUIRE(shards.Screen("2/2", "2025-12-02", "2b.scores") == 0);
  auto merge = [&](const std::string& a, const std::string& b) { return shards.Merge(a, b); };

  CommandResult twice = merge("1.scores", "1.scores");
  CHECK(twice.exit_code == 1);
  CHECK(twice.err.find("was given twice") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir.File("merged.scores")));

  CommandResult other_run = merge("1.scores", "2b.scores");
  CHECK(other_run.exit_code == 1);
  CHECK(other_run.err.find("header differs") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir.File("merged.scores")));

  CHECK(merge("2.scores", "1.scores").exit_code == 0);  // the two shards of one run, any order
}

namespace {

// Reads a stream's records, lets `edit` change them, and writes them to `out`: a damaged or
// hand-made stream.
void Rewrite(const std::string& in, const std::string& out,
             const std::function<void(std::vector<scores::ScoreRecord>*)>& edit) {
  std::unique_ptr<ScoreReader> reader;
  REQUIRE(ScoreReader::Open(in, &reader).ok());
  std::vector<scores::ScoreRecord> records;
  scores::ScoreRecord record;
  while (reader->Next(&record)) records.push_back(record);
  REQUIRE(reader->status().ok());
  edit(&records);
  std::unique_ptr<ScoreWriter> writer;
  REQUIRE(ScoreWriter::Open(out, ScoreFormat::kDelimited, &writer).ok());
  for (const scores::ScoreRecord& r : records) REQUIRE(writer->Write(r).ok());
  REQUIRE(writer->Commit().ok());
}

}  // namespace

// merge read a header's "K/N" with std::stoi (a damaged one was an "internal error") and merged
// a shard out of shipment_id order without a word; diff compared unsorted streams wrongly.
TEST_CASE("merge and diff refuse damaged streams by name and diff sorts what it compares",
          "[batch]") {
  TwoShards shards;
  TempDir& dir = shards.dir;
  auto merge = [&](const std::string& a, const std::string& b) { return shards.Merge(a, b); };
  for (const char* shard : {"x/2", "1/y", "0/2", "3/2", "1/", "/2", "-1/2"}) {
    Rewrite(dir.File("1.scores"), dir.File("bad.scores"),
            [&](auto* records) { (*records)[0].mutable_header()->set_shard(shard); });
    CommandResult result = merge("bad.scores", "2.scores");
    INFO(shard << ": " << result.err);
    CHECK(result.exit_code == 1);
    CHECK(result.err.find(dir.File("bad.scores") + ": its header's shard") != std::string::npos);
    CHECK(result.err.find("internal error") == std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir.File("merged.scores")));
  }
  // Two shipments of a shard swapped: refused, naming them.
  Rewrite(dir.File("1.scores"), dir.File("swapped.scores"), [](auto* records) {
    REQUIRE(records->size() > 4);
    std::swap((*records)[1], (*records)[2]);
  });
  CommandResult swapped = merge("swapped.scores", "2.scores");
  CHECK(swapped.exit_code == 1);
  CHECK(swapped.err.find("not in shipment_id order") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir.File("merged.scores")));
  REQUIRE(merge("1.scores", "2.scores").exit_code == 0);

  // diff: a stream out of order is compared as sorted (no change), a shipment twice refused.
  Rewrite(dir.File("merged.scores"), dir.File("reversed.scores"), [](auto* records) {
    std::reverse(records->begin() + 1, records->end() - 1);  // header first, summary last
  });
  CommandResult same = RunCorridor(dir, "diff " + dir.File("merged.scores") + " " +
                                            dir.File("reversed.scores") + " --format csv");
  CHECK(same.exit_code == 0);
  CHECK(same.out == "shipment_id,old_decision,new_decision,old_score,new_score\n");
  Rewrite(dir.File("merged.scores"), dir.File("twice.scores"),
          [](auto* records) { records->insert(records->begin() + 2, (*records)[1]); });
  CommandResult twice = RunCorridor(
      dir, "diff " + dir.File("merged.scores") + " " + dir.File("twice.scores") + " --format csv");
  CHECK(twice.exit_code == 1);
  CHECK(twice.err.find("appears twice") != std::string::npos);

  // A shipment id a spreadsheet would run as a formula is written as text, as explain's CSV does
  // (since 2026-12-07, from a review: diff wrote it as it was).
  auto formula = [](std::vector<scores::ScoreRecord>* records, Decision decision) {
    scores::ShipmentScore* first = (*records)[1].mutable_shipment();
    first->set_shipment_id("=HYPERLINK(\"http://x.example\")");
    first->set_decision(decision);
  };
  Rewrite(dir.File("merged.scores"), dir.File("f1.scores"),
          [&](auto* records) { formula(records, CLEAR); });
  Rewrite(dir.File("merged.scores"), dir.File("f2.scores"),
          [&](auto* records) { formula(records, BLOCK); });
  CommandResult csv = RunCorridor(
      dir, "diff " + dir.File("f1.scores") + " " + dir.File("f2.scores") + " --format csv");
  CHECK(csv.out.find("\n\"'=HYPERLINK(\"\"http://x.example\"\")\",clear,block,") !=
        std::string::npos);
}

// From a review (2026-12-07): merge wrote a fresh summary over whatever its shards held. A shard
// with a BLOCK record taken out, with another stream appended after its summary, with a record
// whose checksum was taken off with an edit (BLOCK made CLEAR), or screened with --shipment was
// merged with exit 0; and the desk's suppressed counts were left out of the merged summary.
TEST_CASE("merge refuses a shard whose records do not add up to its summary", "[batch]") {
  TwoShards shards;
  TempDir& dir = shards.dir;
  auto merge = [&](const std::string& a, const std::string& b) { return shards.Merge(a, b); };
  auto refused = [&](const std::string& bad, const std::string& why) {
    CommandResult result = merge(bad, "2.scores");
    INFO(bad << ": " << result.err);
    CHECK(result.exit_code == 1);
    CHECK(result.err.find(dir.File(bad) + ": ") != std::string::npos);
    CHECK(result.err.find(why) != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir.File("merged.scores")));
  };
  Rewrite(dir.File("1.scores"), dir.File("dropped.scores"),
          [](auto* records) { records->erase(records->begin() + 1); });
  refused("dropped.scores", "a record was taken out or added");

  WriteText(dir.File("appended.scores"),
            ReadText(dir.File("1.scores")) + ReadText(dir.File("2.scores")));
  refused("appended.scores", "data after the summary record");

  // A record rewritten without its checksum, the others (the header first) with theirs.
  {
    std::unique_ptr<ScoreReader> reader;
    REQUIRE(ScoreReader::Open(dir.File("1.scores"), &reader).ok());
    std::string bytes;
    scores::ScoreRecord record;
    for (int i = 0; reader->Next(&record); ++i) {
      if (i == 1) {
        record.mutable_shipment()->set_score(0);
        std::string plain = record.SerializeAsString();
        google::protobuf::io::StringOutputStream out(&bytes);
        google::protobuf::io::CodedOutputStream coded(&out);
        coded.WriteVarint32(static_cast<uint32_t>(plain.size()));
        coded.WriteRaw(plain.data(), static_cast<int>(plain.size()));
      } else {
        REQUIRE(AppendCheckedDelimited(record, &bytes));
      }
    }
    REQUIRE(reader->status().ok());
    WriteText(dir.File("stripped.scores"), bytes);
  }
  refused("stripped.scores", "no checksum, though the stream's header has one");
  CommandResult explained =
      RunCorridor(dir, "explain --scores " + dir.File("stripped.scores") + " --table");
  CHECK(explained.exit_code == 1);

  REQUIRE(RunCorridor(dir, shards.screen + "1/2 --as-of 2025-12-01 --shipment S-100 --out " +
                               dir.File("one.scores"))
              .exit_code == 0);
  refused("one.scores", "named by --shipment, not a shard of a whole run");

  REQUIRE(merge("1.scores", "2.scores").exit_code == 0);
}

TEST_CASE("A merged stream counts the desk's suppressed hits as a single run does", "[batch]") {
  TempDir dir;
  const std::string db = MakeDatabase(dir, World());
  REQUIRE(RunCorridor(dir, "decide --db " + db +
                               " --shipment S-100 --hit pk --decision cleared --by a.analyst "
                               "--reason 'a humanitarian shipment, licensed'")
              .exit_code == 0);
  const std::string screen =
      "screen --quiet --db " + db + " --rules " + Rules(dir) + " --as-of 2025-12-01 --out ";
  REQUIRE(RunCorridor(dir, screen + dir.File("whole.scores")).exit_code == 0);
  REQUIRE(RunCorridor(dir, screen + dir.File("1.scores") + " --shard 1/2").exit_code == 0);
  REQUIRE(RunCorridor(dir, screen + dir.File("2.scores") + " --shard 2/2").exit_code == 0);
  REQUIRE(RunCorridor(dir, "merge " + dir.File("1.scores") + " " + dir.File("2.scores") +
                               " --out " + dir.File("merged.scores"))
              .exit_code == 0);
  const std::string whole = ReadText(dir.File("whole.scores"));
  CHECK(whole.find("a humanitarian shipment") != std::string::npos);  // the decision applied
  CHECK(ReadText(dir.File("merged.scores")) == whole);
}

TEST_CASE("screen --since with --shipment is a usage error and writes nothing", "[batch]") {
  TempDir dir;
  const std::string base = "screen --quiet --db " + MakeDatabase(dir, World()) + " --rules " +
                           Rules(dir) + " --as-of 2025-12-01";
  REQUIRE(RunCorridor(dir, base + " --out " + dir.File("full.scores")).exit_code == 0);
  CommandResult result = RunCorridor(dir, base + " --since " + dir.File("full.scores") +
                                              " --shipment S-100 --out " + dir.File("d.scores"));
  CHECK(result.exit_code == 2);
  CHECK(result.err.find("cannot be combined with --shipment") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir.File("d.scores")));
  CHECK_FALSE(std::filesystem::exists(dir.File("d.scores.facts")));
}

TEST_CASE("screen --summary-json is written when the run fails, with the error as outcome",
          "[batch]") {
  TempDir dir;
  CommandResult result =
      RunCorridor(dir, "screen --quiet --db " + MakeDatabase(dir, World()) + " --rules " +
                           Rules(dir) + " --as-of 2025-12-01 --shipment S-999 --out " +
                           dir.File("o.scores") + " --summary-json " + dir.File("summary.json"));
  CHECK(result.exit_code == 1);
  CHECK_FALSE(std::filesystem::exists(dir.File("o.scores")));
  REQUIRE(std::filesystem::exists(dir.File("summary.json")));
  nlohmann::json summary = nlohmann::json::parse(ReadText(dir.File("summary.json")));
  CHECK(summary["outcome"].get<std::string>().find("S-999") != std::string::npos);
  CHECK(summary["outcome"] != "ok");
}

// From a review (2026-12-07): --summary-json wrote through PATH.tmp (a database named so was
// replaced by the summary), found an unwritable folder only after the stream was in place (exit 1,
// which says nothing was written), and a killed run left the previous run's "ok" summary.
TEST_CASE("screen --summary-json writes through a name of its own and is checked before the run",
          "[batch]") {
  TempDir dir;
  const std::string base = "screen --quiet --db " + MakeDatabase(dir, World()) + " --rules " +
                           Rules(dir) + " --as-of 2025-12-01 --out ";
  WriteText(dir.File("summary.json.tmp"), "someone else's file");
  WriteText(dir.File("summary.json"), "{\"outcome\": \"ok\", \"from\": \"last night\"}");
  REQUIRE(
      RunCorridor(dir, base + dir.File("o.scores") + " --summary-json " + dir.File("summary.json"))
          .exit_code == 0);
  CHECK(ReadText(dir.File("summary.json.tmp")) == "someone else's file");
  nlohmann::json summary = nlohmann::json::parse(ReadText(dir.File("summary.json")));
  CHECK(summary["outcome"] == "ok");
  CHECK_FALSE(summary.contains("from"));

  CommandResult unwritable = RunCorridor(
      dir, base + dir.File("p.scores") + " --summary-json " + dir.File("no/such/folder/s.json"));
  CHECK(unwritable.exit_code == 1);
  CHECK(unwritable.err.find("does not exist or cannot be written") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir.File("p.scores")));
}

// From a review (2026-12-07): two rows of the shipment table with one id (an untyped column, or
// no key) gave the second a CLEAR record with no parties and no word of it; the stream could not
// then be merged or diffed.
TEST_CASE("A second shipment row with an id is a run problem, never a second record", "[batch]") {
  TempDir dir;
  const std::string db = MakeDatabase(
      dir, World() +
               "CREATE TABLE s2 AS SELECT * FROM shipment; DROP TABLE shipment; "
               "ALTER TABLE s2 RENAME TO shipment; "
               "INSERT INTO shipment SELECT * FROM shipment WHERE shipment_id = 'S-100';\n");
  REQUIRE(RunCorridor(dir, "screen --quiet --db " + db + " --rules " + Rules(dir) +
                               " --as-of 2025-12-01 --format json --out " + dir.File("o.json"))
              .exit_code == 0);
  const std::string text = ReadText(dir.File("o.json"));
  size_t records = 0;
  for (size_t at = text.find("\"shipment_id\":\"S-100\""); at != std::string::npos;
       at = text.find("\"shipment_id\":\"S-100\"", at + 1)) {
    ++records;
  }
  CHECK(records == 1);
  CHECK(text.find("a second shipment row with this id") != std::string::npos);
  CommandResult diff = RunCorridor(dir, "diff " + dir.File("o.json") + " " + dir.File("o.json"));
  CHECK(diff.exit_code == 0);
}

// From a review (2026-12-07): the entity facts file beside a --since stream was opened without a
// check, so a FIFO under its name hung the run.
TEST_CASE("A delta run does not read a facts file that is not a regular file", "[batch]") {
  TempDir dir;
  const std::string base = "screen --quiet --db " + MakeDatabase(dir, World()) + " --rules " +
                           Rules(dir) + " --as-of 2025-12-01 --out ";
  REQUIRE(RunCorridor(dir, base + dir.File("full.scores")).exit_code == 0);
  std::filesystem::copy_file(dir.File("full.scores"), dir.File("prev.scores"));
  REQUIRE(mkfifo(dir.File("prev.scores.facts").c_str(), 0600) == 0);
  CommandResult delta =
      RunCorridor(dir, base + dir.File("delta.scores") + " --since " + dir.File("prev.scores"));
  CHECK(delta.exit_code == 0);
  CHECK(ReadText(dir.File("delta.scores")) == ReadText(dir.File("full.scores")));
}

}  // namespace corridor
