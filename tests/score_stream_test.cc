// The output framing: written, read back and compared, in both formats; whole or not at all.
#include "engine/output/score_stream.h"

#include <google/protobuf/io/zero_copy_stream_impl_lite.h>
#include <google/protobuf/util/delimited_message_util.h>

#include <catch2/catch.hpp>
#include <filesystem>

#include "engine/output/record_checksum.h"
#include "tests/test_util.h"

namespace corridor {
namespace {

using testing::TempDir;

std::vector<scores::ScoreRecord> SampleRecords() {
  std::vector<scores::ScoreRecord> records(3);
  records[0].mutable_header()->set_as_of("2025-12-01");
  records[0].mutable_header()->set_rules_digest("abc");
  scores::ShipmentScore* shipment = records[1].mutable_shipment();
  shipment->set_shipment_id("S-1");
  shipment->set_score(61.25);
  shipment->set_decision(HOLD);
  scores::RuleHit* hit = shipment->add_hits();
  hit->set_rule_id("xinjiang_origin_goods");
  hit->add_evidence()->set_summary("item 1 origin region CN-XJ");
  records[2].mutable_summary()->set_shipments(1);
  records[2].mutable_summary()->set_hold(1);
  return records;
}

std::vector<scores::ScoreRecord> ReadAll(const std::string& path) {
  std::unique_ptr<ScoreReader> reader;
  REQUIRE(ScoreReader::Open(path, &reader).ok());
  std::vector<scores::ScoreRecord> records;
  scores::ScoreRecord record;
  while (reader->Next(&record)) records.push_back(record);
  REQUIRE(reader->status().ok());
  return records;
}

// The writer frames each record itself (sized exactly: a reused buffer zero-filled to its whole
// capacity before each record cost a delta run 4%); the bytes are protobuf's delimited framing of
// each record with its checksum set (ScoreRecord.crc32: the CRC-32 of the record's bytes without
// it), record after record, a large one among small ones.
TEST_CASE("A stream's bytes are protobuf's delimited records, whatever their sizes", "[output]") {
  TempDir dir;
  std::vector<scores::ScoreRecord> records = SampleRecords();
  scores::ScoreRecord large;
  for (int i = 0; i < 5000; ++i) {
    large.mutable_shipment()->add_hits()->set_rule_id("rule " + std::to_string(i));
  }
  records.insert(records.begin() + 1, large);
  records.push_back(records[1]);
  const std::string path = dir.File("out.scores");
  std::unique_ptr<ScoreWriter> writer;
  REQUIRE(ScoreWriter::Open(path, ScoreFormat::kDelimited, &writer).ok());
  std::string expected;
  for (const scores::ScoreRecord& record : records) {
    REQUIRE(writer->Write(record).ok());
    scores::ScoreRecord checked = record;
    checked.set_crc32(RecordChecksum(record.SerializeAsString()));
    google::protobuf::io::StringOutputStream stream(&expected);
    REQUIRE(google::protobuf::util::SerializeDelimitedToZeroCopyStream(checked, &stream));
  }
  REQUIRE(writer->Commit().ok());
  CHECK(testing::ReadText(path) == expected);
  CHECK(writer->bytes_written() == static_cast<int64_t>(expected.size()));
}

TEST_CASE("Delimited and JSON streams read back to the same messages", "[output]") {
  for (ScoreFormat format : {ScoreFormat::kDelimited, ScoreFormat::kJson}) {
    TempDir dir;
    std::string path = dir.File("out.scores");
    std::unique_ptr<ScoreWriter> writer;
    REQUIRE(ScoreWriter::Open(path, format, &writer).ok());
    for (const auto& record : SampleRecords()) REQUIRE(writer->Write(record).ok());
    REQUIRE(writer->Commit().ok());
    std::vector<scores::ScoreRecord> read = ReadAll(path);
    std::vector<scores::ScoreRecord> expected = SampleRecords();
    REQUIRE(read.size() == expected.size());
    for (size_t i = 0; i < read.size(); ++i) {
      CHECK(read[i].SerializeAsString() == expected[i].SerializeAsString());
    }
  }
}

TEST_CASE("Delimited framing is a varint length before each message", "[output]") {
  TempDir dir;
  std::string path = dir.File("out.scores");
  std::unique_ptr<ScoreWriter> writer;
  REQUIRE(ScoreWriter::Open(path, ScoreFormat::kDelimited, &writer).ok());
  scores::ScoreRecord record = SampleRecords()[0];
  REQUIRE(writer->Write(record).ok());
  REQUIRE(writer->Commit().ok());
  std::string bytes = testing::ReadText(path);
  record.set_crc32(RecordChecksum(record.SerializeAsString()));  // the record's checksum, last
  std::string body = record.SerializeAsString();
  REQUIRE(body.size() < 128);  // a one-byte varint
  CHECK(bytes == std::string(1, static_cast<char>(body.size())) + body);
}

TEST_CASE("JSON lines print every field, defaults included", "[output]") {
  TempDir dir;
  std::string path = dir.File("out.json");
  std::unique_ptr<ScoreWriter> writer;
  REQUIRE(ScoreWriter::Open(path, ScoreFormat::kJson, &writer).ok());
  scores::ScoreRecord record;
  record.mutable_shipment()->set_shipment_id("S-0");
  REQUIRE(writer->Write(record).ok());
  REQUIRE(writer->Commit().ok());
  std::string text = testing::ReadText(path);
  CHECK(text.find("\"score\":0") != std::string::npos);
  CHECK(text.find("\"decision\":\"DECISION_UNSPECIFIED\"") != std::string::npos);
  CHECK(text.back() == '\n');
}

TEST_CASE("An uncommitted writer leaves no file behind, and a failed one no temp file",
          "[output]") {
  TempDir dir;
  std::string path = dir.File("out.scores");
  {
    std::unique_ptr<ScoreWriter> writer;
    REQUIRE(ScoreWriter::Open(path, ScoreFormat::kDelimited, &writer).ok());
    REQUIRE(writer->Write(SampleRecords()[0]).ok());
  }
  CHECK_FALSE(std::filesystem::exists(path));
  CHECK(std::filesystem::is_empty(dir.path()));

  std::unique_ptr<ScoreWriter> writer;
  Status status =
      ScoreWriter::Open(dir.File("missing/folder/out.scores"), ScoreFormat::kJson, &writer);
  CHECK_FALSE(status.ok());
  CHECK(status.message().find("cannot create output file") != std::string::npos);
}

TEST_CASE("A truncated stream is reported, not read as complete", "[output]") {
  TempDir dir;
  std::string path = dir.File("out.scores");
  std::unique_ptr<ScoreWriter> writer;
  REQUIRE(ScoreWriter::Open(path, ScoreFormat::kDelimited, &writer).ok());
  for (const auto& record : SampleRecords()) REQUIRE(writer->Write(record).ok());
  REQUIRE(writer->Commit().ok());
  std::string bytes = testing::ReadText(path);
  testing::WriteText(path, bytes.substr(0, bytes.size() - 2));
  std::unique_ptr<ScoreReader> reader;
  REQUIRE(ScoreReader::Open(path, &reader).ok());
  scores::ScoreRecord record;
  int count = 0;
  while (reader->Next(&record)) ++count;
  CHECK(count == 2);
  CHECK(reader->status().message() == path + ": record 3: malformed or truncated record");
}

}  // namespace
}  // namespace corridor
