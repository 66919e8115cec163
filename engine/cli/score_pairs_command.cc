// corridor score-pairs --pairs FILE.csv [--out FILE.csv] [--db FILE] [--threshold X] [--features]
//
// Scores labelled or unlabelled name pairs, as compliance teams do to validate and tune the
// matcher on their own cases. The CSV's header names the columns query_name and candidate_name,
// and optionally label (1/0, true/false, yes/no) and kind (the candidate's: person, company, ...;
// a person's name structure then counts as in `match`). Each pair's score and explanation
// are written as CSV (to --out, else to standard output). When labels are present, precision,
// recall and F1 at the threshold and the threshold that maximises F1 are printed (to standard
// output with --out, else to standard error). With --db, token weights are learned from the
// database's watch lists; without it, built-in defaults are used (docs/matching.md).
// A pair whose names cannot be scored is reported with its line and left out of the figures.
// --out is written whole or not at all (a temporary file beside it, renamed at the end); it may
// not be the --pairs file or anything but a regular file. --threshold must lie in 0..1.
// --features adds the parts each score is made of (names::NameFeatures), the input of
// tools/train_name_model.py (docs/matching.md, "Towards a calibrated score").
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include "engine/base/csv.h"
#include "engine/base/strings.h"
#include "engine/cli/commands.h"
#include "engine/cli/subcommands.h"
#include "engine/names/matcher.h"
#include "engine/output/score_stream.h"
#include "engine/store/database.h"

namespace corridor::cli {

namespace po = boost::program_options;

namespace {

std::string CsvField(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string Explanation(const names::MatchExplanation& e) {
  std::string out;
  for (const names::TokenAlignment& a : e.aligned) {
    if (!out.empty()) out += "; ";
    out += a.query_words + "~" + a.candidate_words + " " + FormatNumber(a.similarity);
  }
  if (!e.unmatched_query.empty()) out += (out.empty() ? "" : "; ") + std::string("unmatched:");
  for (const std::string& w : e.unmatched_query) out += " " + w;
  return out;
}

struct Figures {
  int tp = 0, fp = 0, fn = 0, tn = 0;
  double precision() const { return tp + fp == 0 ? 0 : double(tp) / (tp + fp); }
  double recall() const { return tp + fn == 0 ? 0 : double(tp) / (tp + fn); }
  double f1() const {
    double p = precision(), r = recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }
};

// The --out file: written to a temporary file in the destination's folder, every write and the
// close checked, renamed over the destination only when everything was written. Until Commit()
// succeeds the destination is untouched, and the temporary file is removed on destruction.
class SafeOutput {
 public:
  ~SafeOutput() {
    if (file_ != nullptr) std::fclose(file_);
    if (!temp_path_.empty()) std::remove(temp_path_.c_str());
  }

  // Refuses a destination that exists and is not a regular file, or is the file `input_path`
  // (same device and inode, whatever the spelling of the path).
  Status Open(const std::string& path, const std::string& input_path) {
    struct stat out_stat {};
    if (stat(path.c_str(), &out_stat) == 0) {
      if (!S_ISREG(out_stat.st_mode)) return Status::IoError(path + ": not a regular file");
      struct stat in_stat {};
      if (stat(input_path.c_str(), &in_stat) == 0 && in_stat.st_dev == out_stat.st_dev &&
          in_stat.st_ino == out_stat.st_ino) {
        return Status::Usage(path + ": --out is the --pairs file; it would be destroyed");
      }
    }
    size_t slash = path.rfind('/');
    std::string folder = slash == std::string::npos ? "." : path.substr(0, slash + 1);
    if (folder.empty()) folder = "/";
    std::string temp = (slash == std::string::npos ? "./" : folder) + ".corridor-pairs-XXXXXX";
    int fd = mkstemp(temp.data());
    if (fd < 0) return Status::IoError(path + ": cannot create a file beside it: " + Errno());
    file_ = fdopen(fd, "wb");
    if (file_ == nullptr) {
      close(fd);
      std::remove(temp.c_str());
      return Status::IoError(path + ": " + Errno());
    }
    temp_path_ = temp;
    path_ = path;
    return Status::Ok();
  }

  // Appends `text`; the first failure is kept and reported by Commit().
  void Write(const std::string& text) {
    if (!error_.empty() || text.empty()) return;
    if (std::fwrite(text.data(), 1, text.size(), file_) != text.size()) error_ = Errno();
  }

  Status Commit() {
    if (error_.empty() && std::fflush(file_) != 0) error_ = Errno();
    if (error_.empty() && fsync(fileno(file_)) != 0) error_ = Errno();
    int closed = std::fclose(file_);
    file_ = nullptr;
    if (error_.empty() && closed != 0) error_ = Errno();
    if (error_.empty() && std::rename(temp_path_.c_str(), path_.c_str()) != 0) error_ = Errno();
    if (!error_.empty()) return Status::IoError(path_ + ": write failed: " + error_);
    temp_path_.clear();
    return Status::Ok();
  }

 private:
  static std::string Errno() { return std::strerror(errno); }
  std::string path_, temp_path_, error_;
  std::FILE* file_ = nullptr;
};

Figures At(const std::vector<std::pair<double, bool>>& scored, double threshold) {
  Figures f;
  for (const auto& [score, label] : scored) {
    bool hit = score >= threshold;
    f.tp += hit && label;
    f.fp += hit && !label;
    f.fn += !hit && label;
    f.tn += !hit && !label;
  }
  return f;
}

}  // namespace

int RunScorePairs(const std::vector<std::string>& args) {
  po::options_description options("score-pairs options");
  std::string pairs_path, out_path, db_path;
  double threshold = -1;
  bool features = false;
  options.add_options()("help,h", "show this help")(
      "pairs", po::value<std::string>(&pairs_path)->required(),
      "CSV with query_name,candidate_name[,label][,kind]")(
      "out", po::value<std::string>(&out_path), "write the scored pairs here (default: stdout)")(
      "db", po::value<std::string>(&db_path), "learn token weights from this database's lists")(
      "threshold", po::value<double>(&threshold), "hit threshold (default: the matcher's)")(
      "features", po::bool_switch(&features),
      "add the parts of each score: query_coverage, candidate_coverage, coverage_score, "
      "information, min_similarity, common_share, query_words, candidate_words, cross_script, "
      "exact");
  po::variables_map values;
  int exit_code = kExitOk;
  if (!ParseOptions("score-pairs", options, args, &values, &exit_code)) return exit_code;
  if (values.count("threshold") &&
      !(std::isfinite(threshold) && threshold >= 0 && threshold <= 1)) {
    std::cerr << "corridor score-pairs: --threshold must be a number from 0 to 1\n";
    return kExitUsage;
  }

  std::vector<names::NameRecord> records;
  Status status;
  if (!db_path.empty()) {
    std::unique_ptr<Database> db;
    status = Database::OpenReadOnly(db_path, &db);
    if (status.ok()) status = names::LoadNameRecords(db.get(), {}, &records);
  }
  std::unique_ptr<names::NameIndex> index;
  if (status.ok()) status = names::NameIndex::Build(std::move(records), {}, &index);
  std::ifstream in(pairs_path, std::ios::binary);
  if (status.ok() && !in) status = Status::Error(pairs_path + ": cannot open");
  CsvReader reader(&in);
  std::vector<std::string> header;
  int query_column = -1, candidate_column = -1, label_column = -1, kind_column = -1;
  if (status.ok()) {
    if (!reader.Next(&header)) status = Status::Error(pairs_path + ": empty file");
    for (size_t i = 0; i < header.size(); ++i) {
      std::string column(Trim(header[i]));
      if (column == "query_name") query_column = static_cast<int>(i);
      if (column == "candidate_name") candidate_column = static_cast<int>(i);
      if (column == "label") label_column = static_cast<int>(i);
      if (column == "kind") kind_column = static_cast<int>(i);
    }
    if (status.ok() && (query_column < 0 || candidate_column < 0)) {
      status = Status::Error(pairs_path + ":1: the header must name query_name and candidate_name");
    }
  }
  SafeOutput out_file;
  // The --db database (or its journal) under --out's name would be replaced by the pairs.
  if (status.ok() && !out_path.empty() && !db_path.empty()) {
    status = CheckOutputPath(out_path, {db_path});
  }
  if (status.ok() && !out_path.empty()) status = out_file.Open(out_path, pairs_path);
  if (!status.ok()) {
    std::cerr << "corridor score-pairs: " << status.message() << "\n";
    return status.IsUsage() ? kExitUsage : kExitSetupError;
  }
  if (threshold < 0) threshold = index->options().threshold;
  // Rows are formatted into `out`, then written to standard output or the --out file.
  std::ostringstream out;
  auto flush_rows = [&] {
    if (out_path.empty()) {
      std::cout << out.str();
    } else {
      out_file.Write(out.str());
    }
    out.str("");
  };
  std::ostream& report = out_path.empty() ? std::cerr : std::cout;

  out << "query_name,candidate_name" << (label_column >= 0 ? ",label" : "")
      << (kind_column >= 0 ? ",kind" : "") << ",score,hit,explanation,error"
      << (features ? ",query_coverage,candidate_coverage,coverage_score,information,"
                     "min_similarity,common_share,query_words,candidate_words,cross_script,exact"
                   : "")
      << "\n";
  std::vector<std::pair<double, bool>> scored;
  size_t rows = 0, problems = 0;
  std::vector<std::string> fields;
  while (reader.Next(&fields)) {
    ++rows;
    std::string where = pairs_path + ":" + std::to_string(reader.line());
    auto cell = [&](int column) {
      return column >= 0 && column < static_cast<int>(fields.size()) ? fields[column]
                                                                     : std::string();
    };
    std::string query_name = cell(query_column), candidate_name = cell(candidate_column);
    std::string label_text(Trim(cell(label_column)));
    std::string problem = reader.error();
    int label = -1;
    if (label_column >= 0 && problem.empty()) {
      std::string lower = AsciiLower(label_text);
      if (lower == "1" || lower == "true" || lower == "yes") label = 1;
      if (lower == "0" || lower == "false" || lower == "no") label = 0;
      if (label < 0) problem = "label \"" + label_text + "\" is not 1/0, true/false or yes/no";
    }
    names::NameMatch match;
    names::NameFeatures parts;
    if (problem.empty()) {
      // The kind is the candidate's (both names are of one party): a person's family and given
      // names and a short Chinese or Korean name are then weighed as `match` weighs them.
      Status s = index->ScorePair(query_name, candidate_name, &match, cell(kind_column), &parts);
      if (!s.ok()) problem = s.message();
    }
    out << CsvField(query_name) << "," << CsvField(candidate_name);
    if (label_column >= 0) out << "," << CsvField(label_text);
    if (kind_column >= 0) out << "," << CsvField(cell(kind_column));
    if (!problem.empty()) {
      ++problems;
      std::cerr << "corridor score-pairs: " << where << ": " << problem << "\n";
      out << ",,,"
          << "," << CsvField(problem) << (features ? ",,,,,,,,,," : "") << "\n";
      continue;
    }
    out << "," << FormatNumber(match.score, 4) << "," << (match.score >= threshold ? 1 : 0) << ","
        << CsvField(Explanation(match.explanation)) << ",";
    if (features) {
      out << "," << FormatNumber(match.explanation.query_coverage, 4) << ","
          << FormatNumber(match.explanation.candidate_coverage, 4) << ","
          << FormatNumber(parts.coverage_score, 4) << "," << FormatNumber(parts.information, 4)
          << "," << FormatNumber(parts.min_similarity, 4) << ","
          << FormatNumber(parts.common_share, 4) << "," << parts.query_words << ","
          << parts.candidate_words << "," << (parts.cross_script ? 1 : 0) << ","
          << (parts.exact ? 1 : 0);
    }
    out << "\n";
    if (label >= 0) scored.push_back({match.score, label == 1});
    if (out.tellp() > (1 << 16)) flush_rows();
  }
  flush_rows();
  if (!out_path.empty()) {
    status = out_file.Commit();
    if (!status.ok()) {
      std::cerr << "corridor score-pairs: " << status.message() << "\n";
      return kExitSetupError;
    }
  } else if (!(std::cout << std::flush)) {
    std::cerr << "corridor score-pairs: writing to standard output failed\n";
    return kExitSetupError;
  }
  report << "scored " << (rows - problems) << " of " << rows << " pairs";
  if (problems > 0) report << " (" << problems << " could not be scored)";
  report << "\n";
  if (!scored.empty()) {
    Figures f = At(scored, threshold);
    report << "at threshold " << FormatNumber(threshold, 3) << ": precision "
           << FormatNumber(f.precision(), 3) << ", recall " << FormatNumber(f.recall(), 3)
           << ", F1 " << FormatNumber(f.f1(), 3) << " (tp " << f.tp << ", fp " << f.fp << ", fn "
           << f.fn << ", tn " << f.tn << ")\n";
    // Every distinct score is a candidate threshold; the lowest one with the best F1 wins.
    std::vector<double> candidates;
    for (const auto& [score, label] : scored) candidates.push_back(score);
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    double best_threshold = threshold;
    Figures best = f;
    for (double t : candidates) {
      Figures g = At(scored, t);
      if (g.f1() > best.f1()) {
        best = g;
        best_threshold = t;
      }
    }
    report << "F1-maximising threshold " << FormatNumber(best_threshold, 4) << ": precision "
           << FormatNumber(best.precision(), 3) << ", recall " << FormatNumber(best.recall(), 3)
           << ", F1 " << FormatNumber(best.f1(), 3) << "\n";
  }
  return kExitOk;
}

}  // namespace corridor::cli
