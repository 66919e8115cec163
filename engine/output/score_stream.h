// Writing and reading score streams (schemas/scores.proto, docs/output.md).
//
// A stream is a sequence of ScoreRecord messages: header, shipments, summary. ScoreWriter writes
// it to a temporary file beside the destination and renames it into place on Commit(), so the
// output file appears whole or not at all; a writer destroyed without Commit() leaves nothing.
#ifndef CORRIDOR_ENGINE_OUTPUT_SCORE_STREAM_H_
#define CORRIDOR_ENGINE_OUTPUT_SCORE_STREAM_H_

#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/base/signal_cleanup.h"
#include "engine/base/status.h"
#include "engine/output/record_checksum.h"
#include "schemas/scores.pb.h"

namespace corridor {

enum class ScoreFormat {
  kDelimited,  // varint length prefix + binary message (delimited_message_util.h framing)
  kJson,       // one JSON object per line, Protobuf JSON mapping, every field printed
};

// Parses "delimited" or "json".
bool ParseScoreFormat(const std::string& name, ScoreFormat* format);

// Checks, before anything runs, that writing `out_path` cannot destroy something: Refused when it
// names (directly or through a symlink) one of `inputs` or its SQLite companions (-wal, -shm,
// -journal), or an existing file that is not a regular file (a FIFO, a device, a folder). "-"
// (standard output) is always allowed. Touches nothing.
Status CheckOutputPath(const std::string& out_path, const std::vector<std::string>& inputs);

// Replaces invalid UTF-8 in every string field of `message`, at any depth, with U+FFFD, so that
// proto3 readers (which reject invalid UTF-8 in `string` fields) and JSON read the stream.
// Returns the number of fields changed.
int SanitizeUtf8(google::protobuf::Message* message);

// Counts one shipment's score into a stream's summary: shipments, the decision's count, hits and
// evidence suppressed by the desk, data problems. `corridor screen` and `corridor merge` count
// with it, so a merged summary equals a single run's.
void AccountShipment(const scores::ShipmentScore& score, scores::StreamSummary* summary);

// The bytes a stream's shipments are ordered by: ShipmentScore.shipment_key when set (an id
// that is not valid UTF-8), else the shipment_id.
const std::string& ShipmentOrderKey(const scores::ShipmentScore& score);
// True when some string field of `message`, at any depth, is not valid UTF-8.
bool HasInvalidUtf8(const google::protobuf::Message& message);
// True when `bytes`, a serialised message of `type`, could be walked to the end (no groups, no
// field number over 1024, nesting under 64) and every string field in them, at any depth, is
// valid UTF-8. Reads the wire format with a table of `type`'s fields built once, without
// reflection; false means "not shown valid", for HasInvalidUtf8 to decide.
bool WireUtf8Valid(const google::protobuf::Descriptor* type, std::string_view bytes);

class ScoreWriter {
 public:
  // Opens a temporary file beside `path`. "-" writes to standard output (no atomicity). Refuses
  // (Refused) an existing `path` that is not a regular file. While the writer lives, SIGINT,
  // SIGTERM and SIGHUP remove the temporary file before the process ends (two writers at a time
  // hold that registration: a run's stream and its facts file). The temporary file is
  // registered before it is created, so no signal can leave it behind. The committed file gets mode
  // 0666 minus the umask.
  static Status Open(const std::string& path, ScoreFormat format,
                     std::unique_ptr<ScoreWriter>* out);
  ~ScoreWriter();  // removes the temporary file unless committed

  Status Write(const scores::ScoreRecord& record);
  // Writes any message, length-delimited, as it is (no UTF-8 repair), with its checksum as field
  // 15 (record_checksum.h): for side files such as the entity facts file
  // (engine/screen/facts_file.h). REQUIRES: opened with kDelimited; `message`'s field 15 is an
  // unset `optional fixed32 crc32`.
  Status WriteChecked(const google::protobuf::Message& message);
  // Flushes, syncs and renames the temporary file to the destination.
  Status Commit();

  // Bytes written so far (every record, framing included).
  int64_t bytes_written() const { return bytes_written_; }

  // Every string is checked for valid UTF-8 as written (SanitizeUtf8); the number of records in
  // which invalid sequences were replaced.
  int64_t sanitized_records() const { return sanitized_records_; }

 private:
  ScoreWriter(std::string path, std::string temp_path, std::FILE* file, ScoreFormat format)
      : path_(std::move(path)), temp_path_(std::move(temp_path)), file_(file), format_(format) {}
  std::string path_;
  std::string temp_path_;  // empty when writing to standard output
  std::FILE* file_;
  ScoreFormat format_;
  bool created_ = false;  // the temporary file exists (ours to remove)
  bool committed_ = false;
  RemoveOnSignal temp_on_signal_;  // the temporary file, until it is renamed into place
  int64_t sanitized_records_ = 0;
  int64_t bytes_written_ = 0;
  std::string buffer_;
};

// Reads a score stream in either format. A JSON stream starts (after white space) with
// `{"header"`; anything else is read as delimited. The stream must be whole: a header first, a
// summary last, nothing after it.
class ScoreReader {
 public:
  // Refuses (IoError) a path that is not a regular file: /dev/zero or a FIFO could feed records
  // forever. An empty file is Corruption.
  static Status Open(const std::string& path, std::unique_ptr<ScoreReader>* out);
  ~ScoreReader();
  // Reads the next record; false at the end or on a malformed record (then status() says so).
  // Corruption when the first record is not a header, a record is empty or unknown, data follows
  // the summary, or the stream ends without its summary ("truncated").
  // A record whose checksum (ScoreRecord.crc32) is wrong is Corruption; a record without one (a
  // stream written before 2026-12-07) is read, and checksummed() says so. The record comes back
  // with its crc32 cleared.
  bool Next(scores::ScoreRecord* record);
  const Status& status() const { return status_; }
  // Whether the record Next() returned carried a checksum, which held.
  bool checksummed() const { return checksum_ == ChecksumState::kValid; }

 private:
  struct Impl;
  explicit ScoreReader(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
  Status status_;
  ChecksumState checksum_ = ChecksumState::kAbsent;
  bool Fail(const std::string& message);
};

}  // namespace corridor

#endif  // CORRIDOR_ENGINE_OUTPUT_SCORE_STREAM_H_
