// ScoreReader tells a JSON stream from a delimited one by its first bytes; a delimited stream's
// first byte is a length and may be '{' too.
#include <catch2/catch.hpp>

#include "engine/output/record_checksum.h"
#include "engine/output/score_stream.h"
#include "tests/test_util.h"

namespace corridor {
namespace {

TEST_CASE("A delimited stream whose first record is 123 bytes is not taken for JSON", "[output]") {
  testing::TempDir dir;
  scores::ScoreRecord header;
  // 114 characters + 2 (tag, length) = a 116-byte header + 2 = a 118-byte record, + 5 for its
  // checksum field (record_checksum.h) = 123 bytes: length '{'.
  header.mutable_header()->set_engine_version(std::string(114, 'v'));
  REQUIRE(header.ByteSizeLong() + kChecksumFieldSize == 123);
  {
    std::unique_ptr<ScoreWriter> writer;
    REQUIRE(ScoreWriter::Open(dir.File("out.scores"), ScoreFormat::kDelimited, &writer).ok());
    REQUIRE(writer->Write(header).ok());
    REQUIRE(writer->Commit().ok());
  }
  REQUIRE(testing::ReadText(dir.File("out.scores")).front() == '{');
  std::unique_ptr<ScoreReader> reader;
  REQUIRE(ScoreReader::Open(dir.File("out.scores"), &reader).ok());
  scores::ScoreRecord record;
  REQUIRE(reader->Next(&record));
  CHECK(reader->status().ok());
  CHECK(record.header().engine_version() == header.header().engine_version());
}

}  // namespace
}  // namespace corridor
