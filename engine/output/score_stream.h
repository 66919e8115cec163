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

#include "engine/base/status.h"
#include "schemas/scores.pb.h"

namespace corridor {

enum class ScoreFormat {
  kDelimited,  // varint length prefix + binary message (delimited_message_util.h framing)
  kJson,       // one JSON object per line, Protobuf JSON mapping, every field printed
};

// Parses "delimited" or "json".
bool ParseScoreFormat(const std::string& name, ScoreFormat* format);

class ScoreWriter {
 public:
  // Opens a temporary file beside `path`. "-" writes to standard output (no atomicity).
  static Status Open(const std::string& path, ScoreFormat format,
                     std::unique_ptr<ScoreWriter>* out);
  ~ScoreWriter();  // removes the temporary file unless committed

  Status Write(const scores::ScoreRecord& record);
  // Flushes, syncs and renames the temporary file to the destination.
  Status Commit();

 private:
  ScoreWriter(std::string path, std::string temp_path, std::FILE* file, ScoreFormat format)
      : path_(std::move(path)), temp_path_(std::move(temp_path)), file_(file), format_(format) {}
  std::string path_;
  std::string temp_path_;  // empty when writing to standard output
  std::FILE* file_;
  ScoreFormat format_;
  bool committed_ = false;
  std::string buffer_;
};

// Reads a score stream in either format (detected from the first two bytes).
class ScoreReader {
 public:
  static Status Open(const std::string& path, std::unique_ptr<ScoreReader>* out);
  ~ScoreReader();
  // Reads the next record; false at the end or on a malformed record (then status() says so).
  bool Next(scores::ScoreRecord* record);
  const Status& status() const { return status_; }

 private:
  struct Impl;
  explicit ScoreReader(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
  Status status_;
};

}  // namespace corridor

#endif  // CORRIDOR_ENGINE_OUTPUT_SCORE_STREAM_H_
