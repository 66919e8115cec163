#include "engine/output/score_stream.h"

#include <fcntl.h>
#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl.h>
#include <google/protobuf/stubs/logging.h>
#include <google/protobuf/util/delimited_message_util.h>
#include <google/protobuf/util/json_util.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>
#include <map>
#include <random>
#include <string_view>
#include <vector>

#include "engine/output/record_checksum.h"

namespace corridor {

namespace {

using google::protobuf::FieldDescriptor;
using google::protobuf::Message;
using google::protobuf::Reflection;

// Length of the valid UTF-8 sequence at text[i], or 0 when it is invalid (truncated, overlong,
// a surrogate, above U+10FFFF): the rules of RFC 3629, as proto3 parsers apply them.
size_t Utf8SequenceLength(std::string_view text, size_t i) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  unsigned char c = byte(i);
  if (c < 0x80) return 1;
  size_t length;
  unsigned char low = 0x80, high = 0xBF;  // allowed range of the second byte
  if (c >= 0xC2 && c <= 0xDF) {
    length = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    length = 3;
    if (c == 0xE0) low = 0xA0;   // overlong
    if (c == 0xED) high = 0x9F;  // surrogates
  } else if (c >= 0xF0 && c <= 0xF4) {
    length = 4;
    if (c == 0xF0) low = 0x90;   // overlong
    if (c == 0xF4) high = 0x8F;  // above U+10FFFF
  } else {
    return 0;
  }
  if (i + length > text.size()) return 0;
  if (byte(i + 1) < low || byte(i + 1) > high) return 0;
  for (size_t k = 2; k < length; ++k) {
    if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
  }
  return length;
}

bool IsValidUtf8(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    if (i + 8 <= text.size()) {  // eight ASCII bytes at a time: most text in a record is
      uint64_t eight;
      std::memcpy(&eight, text.data() + i, 8);
      if ((eight & 0x8080808080808080ULL) == 0) {
        i += 8;
        continue;
      }
    }
    size_t length = Utf8SequenceLength(text, i);
    if (length == 0) return false;
    i += length;
  }
  return true;
}

// `text` with each invalid byte replaced by U+FFFD.
std::string ToValidUtf8(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 8);
  for (size_t i = 0; i < text.size();) {
    size_t length = Utf8SequenceLength(text, i);
    if (length == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
    } else {
      out.append(text.substr(i, length));
      i += length;
    }
  }
  return out;
}

bool IsUtf8StringField(const FieldDescriptor* field) {
  return field->type() == FieldDescriptor::TYPE_STRING;  // `bytes` may hold anything
}

// A fresh temporary name beside `path`: "PATH.tmp." and 12 random letters and digits (mkstemp's
// form, with twice its randomness). Created with O_EXCL, so a name that exists is never reused.
std::string TempPathFor(const std::string& path) {
  static constexpr char kChars[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  std::random_device random;
  std::string name = path + ".tmp.";
  for (int i = 0; i < 12; ++i) name += kChars[random() % (sizeof(kChars) - 1)];
  return name;
}

}  // namespace

int SanitizeUtf8(Message* message) {
  const Reflection* reflection = message->GetReflection();
  std::vector<const FieldDescriptor*> fields;
  reflection->ListFields(*message, &fields);
  int changed = 0;
  for (const FieldDescriptor* field : fields) {
    if (IsUtf8StringField(field)) {
      if (field->is_repeated()) {
        for (int i = 0; i < reflection->FieldSize(*message, field); ++i) {
          std::string value = reflection->GetRepeatedString(*message, field, i);
          if (IsValidUtf8(value)) continue;
          reflection->SetRepeatedString(message, field, i, ToValidUtf8(value));
          ++changed;
        }
      } else {
        std::string value = reflection->GetString(*message, field);
        if (IsValidUtf8(value)) continue;
        reflection->SetString(message, field, ToValidUtf8(value));
        ++changed;
      }
    } else if (field->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE) {
      if (field->is_repeated()) {
        for (int i = 0; i < reflection->FieldSize(*message, field); ++i) {
          changed += SanitizeUtf8(reflection->MutableRepeatedMessage(message, field, i));
        }
      } else {
        changed += SanitizeUtf8(reflection->MutableMessage(message, field));
      }
    }
  }
  return changed;
}

bool HasInvalidUtf8(const Message& message) {
  const Reflection* reflection = message.GetReflection();
  std::vector<const FieldDescriptor*> fields;
  reflection->ListFields(message, &fields);
  std::string scratch;
  for (const FieldDescriptor* field : fields) {
    int count = field->is_repeated() ? reflection->FieldSize(message, field) : 1;
    for (int i = 0; i < count; ++i) {
      if (IsUtf8StringField(field)) {
        const std::string& value =
            field->is_repeated()
                ? reflection->GetRepeatedStringReference(message, field, i, &scratch)
                : reflection->GetStringReference(message, field, &scratch);
        if (!IsValidUtf8(value)) return true;
      } else if (field->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE) {
        const Message& child = field->is_repeated()
                                   ? reflection->GetRepeatedMessage(message, field, i)
                                   : reflection->GetMessage(message, field);
        if (HasInvalidUtf8(child)) return true;
      }
    }
  }
  return false;
}

namespace {

// Where a message's strings are in its wire format: for every message type reachable from a root
// type, the kind of each field number that holds a string or a message. Built once per root.
class WireStrings {
 public:
  explicit WireStrings(const google::protobuf::Descriptor* root) { Add(root); }

  // True when `bytes` (a serialized root message) were walked to the end and every string field
  // in them, at any depth, is valid UTF-8.
  bool Valid(std::string_view bytes) const { return Walk(0, bytes, 0); }

 private:
  enum class Kind : uint8_t { kOther, kString, kMessage };
  struct Field {
    Kind kind = Kind::kOther;
    int type = -1;  // for kMessage, its index in types_
  };
  static constexpr int kMaxNumber = 1024;  // a larger field number: walked by reflection instead
  static constexpr int kMaxDepth = 64;

  int Add(const google::protobuf::Descriptor* type) {
    auto [known, added] = index_.emplace(type, static_cast<int>(types_.size()));
    if (!added) return known->second;
    const int self = known->second;
    types_.emplace_back();
    std::vector<Field> fields;
    for (int i = 0; i < type->field_count(); ++i) {
      const FieldDescriptor* field = type->field(i);
      Field entry;
      if (IsUtf8StringField(field)) {
        entry.kind = Kind::kString;
      } else if (field->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE) {
        entry.kind = Kind::kMessage;
        entry.type = Add(field->message_type());
      } else {
        continue;
      }
      if (field->number() > kMaxNumber) {
        unwalkable_ = true;
        continue;
      }
      if (static_cast<size_t>(field->number()) >= fields.size()) fields.resize(field->number() + 1);
      fields[field->number()] = entry;
    }
    types_[self] = std::move(fields);
    return self;
  }

  static bool ReadVarint(std::string_view bytes, size_t* at, uint64_t* value) {
    *value = 0;
    for (int shift = 0; shift < 64 && *at < bytes.size(); shift += 7) {
      const auto byte = static_cast<unsigned char>(bytes[(*at)++]);
      *value |= static_cast<uint64_t>(byte & 0x7F) << shift;
      if ((byte & 0x80) == 0) return true;
    }
    return false;
  }

  bool Walk(int type, std::string_view bytes, int depth) const {
    if (unwalkable_ || depth > kMaxDepth) return false;
    const std::vector<Field>& fields = types_[type];
    size_t at = 0;
    while (at < bytes.size()) {
      uint64_t tag, value;
      if (!ReadVarint(bytes, &at, &tag)) return false;
      switch (tag & 7) {
        case 0:  // varint
          if (!ReadVarint(bytes, &at, &value)) return false;
          break;
        case 1:  // fixed64
          if (bytes.size() - at < 8) return false;
          at += 8;
          break;
        case 5:  // fixed32
          if (bytes.size() - at < 4) return false;
          at += 4;
          break;
        case 2: {  // length-delimited: a string, a message, bytes or a packed field
          if (!ReadVarint(bytes, &at, &value) || value > bytes.size() - at) return false;
          const std::string_view payload = bytes.substr(at, value);
          at += value;
          const uint64_t number = tag >> 3;
          if (number >= fields.size()) break;  // not a string or message field here
          const Field& field = fields[number];
          if (field.kind == Kind::kString && !IsValidUtf8(payload)) return false;
          if (field.kind == Kind::kMessage && !Walk(field.type, payload, depth + 1)) return false;
          break;
        }
        default:  // groups: none in proto3
          return false;
      }
    }
    return true;
  }

  std::map<const google::protobuf::Descriptor*, int> index_;
  std::vector<std::vector<Field>> types_;  // by index_, each by field number
  bool unwalkable_ = false;
};

}  // namespace

bool WireUtf8Valid(const google::protobuf::Descriptor* type, std::string_view bytes) {
  if (type == scores::ScoreRecord::descriptor()) {
    static const WireStrings* const score_record = new WireStrings(type);
    return score_record->Valid(bytes);
  }
  return WireStrings(type).Valid(bytes);
}

namespace {

// Whether `out_path` names the -wal, -shm or -journal file of an input, existing or not: SQLite
// takes a file there for the database's log or hot journal on its next open and deletes or
// overwrites it, so scores written there would be lost. Names are compared after resolving
// symbolic links, the input's as SQLite does. Returns the companion's name, or "".
std::string CompanionOfInput(const std::string& out_path, const std::vector<std::string>& inputs) {
  namespace fs = std::filesystem;
  std::error_code error;
  const fs::path out = fs::weakly_canonical(out_path, error);
  if (error) return "";
  for (const std::string& input : inputs) {
    std::error_code input_error;
    const fs::path real_input = fs::weakly_canonical(input, input_error);
    for (const char* suffix : {"-wal", "-shm", "-journal"}) {
      std::error_code companion_error;
      const fs::path companion = fs::weakly_canonical(input + suffix, companion_error);
      if ((!input_error && out == fs::path(real_input.string() + suffix)) ||
          (!companion_error && out == companion)) {
        return input + suffix;
      }
    }
  }
  return "";
}

}  // namespace

Status CheckOutputPath(const std::string& out_path, const std::vector<std::string>& inputs) {
  if (out_path == "-") return Status::Ok();
  if (std::string companion = CompanionOfInput(out_path, inputs); !companion.empty()) {
    return Status::Refused(out_path + ": is the input file " + companion +
                           " (SQLite's companion of the database); writing scores there would "
                           "destroy it");
  }
  struct stat out_info;
  if (stat(out_path.c_str(), &out_info) != 0) return Status::Ok();  // nothing there to destroy
  if (!S_ISREG(out_info.st_mode)) {
    return Status::Refused(out_path +
                           ": exists and is not a regular file (a folder, FIFO or device); "
                           "corridor writes scores only to regular files or '-' (stdout)");
  }
  for (const std::string& input : inputs) {
    // SQLite's companion files too: overwriting an input's WAL or journal would corrupt the
    // database as surely as overwriting the database itself.
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
      struct stat input_info;
      std::string input_path = input + suffix;
      if (stat(input_path.c_str(), &input_info) != 0) continue;
      if (input_info.st_dev == out_info.st_dev && input_info.st_ino == out_info.st_ino) {
        return Status::Refused(out_path + ": is the input file " + input_path +
                               "; writing scores there would destroy it");
      }
    }
  }
  return Status::Ok();
}

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
  Status checked = CheckOutputPath(path, {});
  if (!checked.ok()) return checked;
  // The temporary file sits beside the destination, on the same file system, so the final rename
  // is atomic: a reader sees the old file or the complete new one, never a partial stream.
  for (int attempt = 0; attempt < 100; ++attempt) {
    std::string temp_path = TempPathFor(path);
    std::unique_ptr<ScoreWriter> writer(new ScoreWriter(path, temp_path, nullptr, format));
    // Registered for the signals before the file exists (engine/base/signal_cleanup.h).
    writer->temp_on_signal_.Register(temp_path, RemoveOnSignal::Kind::kFile);
    // Mode 0666: the kernel takes the umask off, as for any file the user creates.
    int fd = open(temp_path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0) {
      if (errno == EEXIST) continue;  // another writer's name: the destructor leaves it alone
      return Status::IoError(path + ": cannot create output file: " + std::strerror(errno));
    }
    writer->created_ = true;
    writer->file_ = fdopen(fd, "wb");
    if (writer->file_ == nullptr) {
      close(fd);
      return Status::IoError(path + ": cannot open output file: " + std::strerror(errno));
    }
    *out = std::move(writer);
    return Status::Ok();
  }
  return Status::IoError(path + ": cannot create output file: no free temporary name");
}

ScoreWriter::~ScoreWriter() {
  if (temp_path_.empty()) return;
  if (file_ != nullptr) std::fclose(file_);
  if (created_ && !committed_) unlink(temp_path_.c_str());
}

const std::string& ShipmentOrderKey(const scores::ShipmentScore& score) {
  return score.shipment_key().empty() ? score.shipment_id() : score.shipment_key();
}

Status ScoreWriter::Write(const scores::ScoreRecord& original) {
  // Every string is made valid UTF-8 here, in one place, whatever field it came from (entity
  // names, notes, rule descriptions, SQL summaries): proto3 readers refuse a stream otherwise.
  const scores::ScoreRecord* to_write = &original;
  scores::ScoreRecord sanitized;
  auto sanitize = [&] {
    // Copied only when needed: almost every record is valid, and copying each would double the
    // cost of writing.
    sanitized = original;
    if (sanitized.has_shipment() && !IsValidUtf8(sanitized.shipment().shipment_id())) {
      sanitized.mutable_shipment()->set_shipment_key(sanitized.shipment().shipment_id());
    }
    SanitizeUtf8(&sanitized);
    to_write = &sanitized;
    ++sanitized_records_;
  };
  buffer_.clear();
  if (format_ == ScoreFormat::kDelimited) {
    // Serialised first and its bytes walked (WireUtf8Valid): checking the message by reflection
    // cost more than serialising it (docs/performance.md). protobuf logs every invalid string it
    // serialises; such a record is serialised again, repaired, so the first is silenced (a
    // LogSilencer mutes protobuf's log in every thread while it lives; nothing else in a run
    // reports through that log). Each record ends with its checksum (record_checksum.h).
    bool serialised;
    {
      google::protobuf::LogSilencer silence;
      serialised = AppendCheckedDelimited(original, &buffer_);
    }
    if (!serialised) return Status::Error(path_ + ": cannot serialise a score record");
    // The record's bytes sit between their size and their checksum (its size was just cached).
    const auto size = static_cast<size_t>(original.GetCachedSize());
    const bool known_valid = WireUtf8Valid(
        scores::ScoreRecord::descriptor(),
        std::string_view(buffer_).substr(buffer_.size() - kChecksumFieldSize - size, size));
    // Reflection decides what the walk could not show valid.
    if (!known_valid && HasInvalidUtf8(original)) {
      sanitize();
      buffer_.clear();
      if (!AppendCheckedDelimited(*to_write, &buffer_)) {
        return Status::Error(path_ + ": cannot serialise a score record");
      }
    }
  } else {
    if (HasInvalidUtf8(original)) sanitize();
    // The checksum is over the record's binary serialisation, printed as one more field.
    scores::ScoreRecord record = *to_write;
    record.set_crc32(RecordChecksum(to_write->SerializeAsString()));
    google::protobuf::util::JsonPrintOptions options;
    // Zero values (a score of 0, an empty band) are printed rather than omitted, so a JSON reader
    // needs no knowledge of proto3 defaults; field names stay as in schemas/scores.proto.
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
  bytes_written_ += static_cast<int64_t>(buffer_.size());
  return Status::Ok();
}

Status ScoreWriter::WriteChecked(const google::protobuf::Message& message) {
  // Appended to an empty buffer, exactly sized: a StringOutputStream over a reused buffer
  // zero-filled the buffer's whole capacity before every record, which after one large record (a
  // facts file's header: every list entry and word) cost 4% of a delta run in memset.
  buffer_.clear();
  if (!AppendCheckedDelimited(message, &buffer_)) {
    return Status::Error(path_ + ": cannot serialise a record");
  }
  if (std::fwrite(buffer_.data(), 1, buffer_.size(), file_) != buffer_.size()) {
    return Status::Error(path_ + ": write failed: " + std::strerror(errno));
  }
  bytes_written_ += static_cast<int64_t>(buffer_.size());
  return Status::Ok();
}

Status ScoreWriter::Commit() {
  if (std::fflush(file_) != 0)
    return Status::Error(path_ + ": write failed: " + std::strerror(errno));
  if (temp_path_.empty()) return Status::Ok();
  // Synced before the rename: after a crash the destination holds either the old file or the whole
  // new one, not a renamed file whose data never reached the disk.
  if (fsync(fileno(file_)) != 0) {
    return Status::Error(path_ + ": sync failed: " + std::strerror(errno));
  }
  std::fclose(file_);
  file_ = nullptr;
  // Checked again just before the rename: the destination may have been replaced by a FIFO or
  // a device since Open.
  Status checked = CheckOutputPath(path_, {});
  if (!checked.ok()) return checked;
  if (std::rename(temp_path_.c_str(), path_.c_str()) != 0) {
    return Status::IoError(path_ + ": cannot move output into place: " + std::strerror(errno));
  }
  committed_ = true;
  temp_on_signal_.Release();
  return Status::Ok();
}

struct ScoreReader::Impl {
  std::string path;
  std::ifstream file;
  bool json = false;
  int64_t record_number = 0;
  bool seen_summary = false;
  bool checksummed_stream = false;  // the header record carried a valid checksum
  std::unique_ptr<google::protobuf::io::IstreamInputStream> stream;
  std::string bytes;  // the delimited record being read
};

ScoreReader::ScoreReader(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ScoreReader::~ScoreReader() = default;

Status ScoreReader::Open(const std::string& path, std::unique_ptr<ScoreReader>* out) {
  struct stat info;
  if (stat(path.c_str(), &info) != 0) {
    return Status::NotFound(path + ": cannot open scores file: " + std::strerror(errno));
  }
  if (!S_ISREG(info.st_mode)) {
    return Status::IoError(path + ": not a regular file (a scores file is read from a file)");
  }
  auto impl = std::make_unique<Impl>();
  impl->path = path;
  impl->file.open(path, std::ios::binary);
  if (!impl->file) return Status::IoError(path + ": cannot open scores file");
  // A JSON stream's first line is the header record printed with its field name. A delimited
  // stream starts with a varint length then the tag of ScoreRecord.header (0x0A): even when the
  // length is 123 ('{'), the next byte is never '"', so the two cannot be confused.
  char head[64] = {};
  impl->file.read(head, sizeof(head));
  std::string_view start(head, static_cast<size_t>(impl->file.gcount()));
  if (start.empty()) return Status::Corruption(path + ": empty file, not a score stream");
  size_t first = start.find_first_not_of(" \t\r\n");
  // Both formats start with the header record (the writer's contract), so the first bytes decide.
  impl->json = first != std::string_view::npos && start.substr(first).rfind("{\"header\"", 0) == 0;
  impl->file.clear();
  impl->file.seekg(0);
  if (!impl->json) {
    impl->stream = std::make_unique<google::protobuf::io::IstreamInputStream>(&impl->file);
  }
  out->reset(new ScoreReader(std::move(impl)));
  return Status::Ok();
}

namespace {

// protobuf logs an invalid UTF-8 string it parses on stderr before it fails; the reader reports
// the record itself ("record N: malformed record"), so the log line is silenced (a facts file or
// another file given as a score stream would print one).
bool ParseQuietly(const std::string& bytes, scores::ScoreRecord* record) {
  google::protobuf::LogSilencer silence;
  return record->ParseFromString(bytes);
}

}  // namespace

bool ScoreReader::Fail(const std::string& message) {
  status_ = Status::Corruption(impl_->path + ": record " + std::to_string(impl_->record_number) +
                               ": " + message);
  return false;
}

bool ScoreReader::Next(scores::ScoreRecord* record) {
  if (!status_.ok()) return false;
  record->Clear();
  checksum_ = ChecksumState::kAbsent;
  ++impl_->record_number;
  bool at_end = false;
  if (impl_->json) {
    std::string line;
    // Blank lines (a trailing newline) are not records.
    while (std::getline(impl_->file, line) &&
           line.find_first_not_of(" \t\r") == std::string::npos) {
    }
    if (!impl_->file && line.find_first_not_of(" \t\r") == std::string::npos) {
      at_end = true;
    } else if (!google::protobuf::util::JsonStringToMessage(
                    line, record, google::protobuf::util::JsonParseOptions())
                    .ok()) {
      return Fail("malformed JSON record");
    } else {
      checksum_ = CheckRecord("", record);
    }
  } else if (!ReadDelimitedBytes(impl_->stream.get(), &impl_->bytes, &at_end)) {
    if (!at_end) return Fail("malformed or truncated record");
  } else if (!ParseQuietly(impl_->bytes, record)) {
    return Fail("malformed record: not a corridor score record");
  } else {
    checksum_ = CheckRecord(impl_->bytes, record);
  }
  if (!at_end && checksum_ == ChecksumState::kInvalid) {
    return Fail(
        "checksum mismatch: the record was altered after it was written (a damaged copy, a "
        "flipped bit or an edit)");
  }
  // A stream whose header carries a checksum was written with one on every record: a record
  // without one was rewritten by something else, its checksum taken off with the change (since
  // 2026-12-07, from a review: such a record went through merge, which wrote it with a new
  // checksum).
  if (impl_->record_number == 1) impl_->checksummed_stream = checksum_ == ChecksumState::kValid;
  if (!at_end && impl_->checksummed_stream && checksum_ == ChecksumState::kAbsent) {
    return Fail(
        "no checksum, though the stream's header has one: the record was rewritten after it "
        "was written");
  }
  if (at_end) {
    if (!impl_->seen_summary) {
      return Fail(
          "truncated: the stream ends without its summary record (an interrupted copy "
          "or a partial file)");
    }
    return false;
  }
  if (impl_->seen_summary) return Fail("data after the summary record");
  bool first = impl_->record_number == 1;
  switch (record->record_case()) {
    case scores::ScoreRecord::kHeader:
      if (!first) return Fail("a second header record");
      break;
    case scores::ScoreRecord::kShipment:
    case scores::ScoreRecord::kSummary:
      if (first)
        return Fail("the stream does not start with a header: not a corridor score stream");
      impl_->seen_summary = record->record_case() == scores::ScoreRecord::kSummary;
      break;
    case scores::ScoreRecord::RECORD_NOT_SET:
      return Fail("an empty or unknown record: not a corridor score stream");
  }
  return true;
}

void AccountShipment(const scores::ShipmentScore& score, scores::StreamSummary* summary) {
  summary->set_shipments(summary->shipments() + 1);
  switch (score.decision()) {
    case BLOCK:
      summary->set_block(summary->block() + 1);
      break;
    case HOLD:
      summary->set_hold(summary->hold() + 1);
      break;
    case REVIEW:
      summary->set_review(summary->review() + 1);
      break;
    default:
      summary->set_clear(summary->clear() + 1);
      break;
  }
  for (const scores::RuleHit& hit : score.suppressed_hits()) {  // desk
    summary->set_suppressed_hits(summary->suppressed_hits() + 1);
    summary->set_suppressed_evidence(summary->suppressed_evidence() + hit.evidence_size());
  }
  if (score.problems_size() > 0) {
    summary->set_data_problems(summary->data_problems() + score.problems_size());
    summary->set_shipments_with_problems(summary->shipments_with_problems() + 1);
  }
}

}  // namespace corridor
