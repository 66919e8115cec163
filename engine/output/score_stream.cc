#include "engine/output/score_stream.h"

#include <fcntl.h>
#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl.h>
#include <google/protobuf/util/delimited_message_util.h>
#include <google/protobuf/util/json_util.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>

namespace corridor {

bool ParseScoreFormat(const std::string& name, ScoreFormat* format) {
  if (name == "delimited") {
    *format = ScoreFormat::kDelimited;
  } else if (name == "json") {
    *format = ScoreFormat::kJson;
  } else {
    return false;
  }
  return true;
}

Status ScoreWriter::Open(const std::string& path, ScoreFormat format,
                         std::unique_ptr<ScoreWriter>* out) {
  if (path == "-") {
    out->reset(new ScoreWriter(path, "", stdout, format));
    return Status::Ok();
  }
  std::string temp_path = path + ".tmp.XXXXXX";
  int fd = mkstemp(temp_path.data());
  if (fd < 0) {
    return Status::Error(path + ": cannot create output file: " + std::strerror(errno));
  }
  std::FILE* file = fdopen(fd, "wb");
  if (file == nullptr) {
    close(fd);
    unlink(temp_path.c_str());
    return Status::Error(path + ": cannot open output file: " + std::strerror(errno));
  }
  fchmod(fd, 0644);
  out->reset(new ScoreWriter(path, temp_path, file, format));
  return Status::Ok();
}

ScoreWriter::~ScoreWriter() {
  if (temp_path_.empty()) return;
  if (file_ != nullptr) std::fclose(file_);
  if (!committed_) unlink(temp_path_.c_str());
}

Status ScoreWriter::Write(const scores::ScoreRecord& record) {
  buffer_.clear();
  if (format_ == ScoreFormat::kDelimited) {
    google::protobuf::io::StringOutputStream stream(&buffer_);
    if (!google::protobuf::util::SerializeDelimitedToZeroCopyStream(record, &stream)) {
      return Status::Error(path_ + ": cannot serialise a score record");
    }
  } else {
    google::protobuf::util::JsonPrintOptions options;
    options.always_print_primitive_fields = true;
    options.preserve_proto_field_names = true;
    if (!google::protobuf::util::MessageToJsonString(record, &buffer_, options).ok()) {
      return Status::Error(path_ + ": cannot print a score record as JSON");
    }
    buffer_ += '\n';
  }
  if (std::fwrite(buffer_.data(), 1, buffer_.size(), file_) != buffer_.size()) {
    return Status::Error(path_ + ": write failed: " + std::strerror(errno));
  }
  return Status::Ok();
}

Status ScoreWriter::Commit() {
  if (std::fflush(file_) != 0)
    return Status::Error(path_ + ": write failed: " + std::strerror(errno));
  if (temp_path_.empty()) return Status::Ok();
  if (fsync(fileno(file_)) != 0) {
    return Status::Error(path_ + ": sync failed: " + std::strerror(errno));
  }
  std::fclose(file_);
  file_ = nullptr;
  if (std::rename(temp_path_.c_str(), path_.c_str()) != 0) {
    return Status::Error(path_ + ": cannot move output into place: " + std::strerror(errno));
  }
  committed_ = true;
  return Status::Ok();
}

struct ScoreReader::Impl {
  std::string path;
  std::ifstream file;
  bool json = false;
  int64_t record_number = 0;
  std::unique_ptr<google::protobuf::io::IstreamInputStream> stream;
};

ScoreReader::ScoreReader(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ScoreReader::~ScoreReader() = default;

Status ScoreReader::Open(const std::string& path, std::unique_ptr<ScoreReader>* out) {
  auto impl = std::make_unique<Impl>();
  impl->path = path;
  impl->file.open(path, std::ios::binary);
  if (!impl->file) return Status::Error(path + ": cannot open scores file");
  // A JSON stream starts `{"`. A delimited one starts with a varint length, which is '{' for a
  // 123-byte first record, but then a field tag follows (0x0a, 0x12 or 0x1a), never '"'.
  char start[2] = {0, 0};
  impl->file.read(start, 2);
  impl->json = impl->file.gcount() == 2 && start[0] == '{' && start[1] == '"';
  impl->file.clear();
  impl->file.seekg(0);
  if (!impl->json) {
    impl->stream = std::make_unique<google::protobuf::io::IstreamInputStream>(&impl->file);
  }
  out->reset(new ScoreReader(std::move(impl)));
  return Status::Ok();
}

bool ScoreReader::Next(scores::ScoreRecord* record) {
  if (!status_.ok()) return false;
  record->Clear();
  ++impl_->record_number;
  std::string where = impl_->path + ": record " + std::to_string(impl_->record_number);
  if (impl_->json) {
    std::string line;
    if (!std::getline(impl_->file, line)) return false;
    google::protobuf::util::JsonParseOptions options;
    if (!google::protobuf::util::JsonStringToMessage(line, record, options).ok()) {
      status_ = Status::Error(where + ": malformed JSON record");
      return false;
    }
    return true;
  }
  bool clean_eof = false;
  if (!google::protobuf::util::ParseDelimitedFromZeroCopyStream(record, impl_->stream.get(),
                                                                &clean_eof)) {
    if (!clean_eof) status_ = Status::Error(where + ": malformed or truncated record");
    return false;
  }
  return true;
}

}  // namespace corridor
