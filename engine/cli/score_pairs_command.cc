// corridor score-pairs --pairs FILE.csv [--out FILE.csv] [--db FILE] [--threshold X]
//
// Scores labelled or unlabelled name pairs, as compliance teams do to validate and tune the
// matcher on their own cases. The CSV's header names the columns query_name and candidate_name,
// and optionally label (1/0, true/false, yes/no) and kind. Each pair's score and explanation
// are written as CSV (to --out, else to standard output). When labels are present, precision,
// recall and F1 at the threshold and the threshold that maximises F1 are printed (to standard
// output with --out, else to standard error). With --db, token weights are learned from the
// database's watch lists; without it, built-in defaults are used (docs/matching.md).
// A pair whose names cannot be scored is reported with its line and left out of the figures.
#include <algorithm>
#include <fstream>
#include <iostream>
#include <memory>

#include "engine/base/csv.h"
#include "engine/base/strings.h"
#include "engine/cli/commands.h"
#include "engine/cli/subcommands.h"
#include "engine/names/matcher.h"
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
  options.add_options()("help,h", "show this help")(
      "pairs", po::value<std::string>(&pairs_path)->required(),
      "CSV with query_name,candidate_name[,label][,kind]")(
      "out", po::value<std::string>(&out_path), "write the scored pairs here (default: stdout)")(
      "db", po::value<std::string>(&db_path), "learn token weights from this database's lists")(
      "threshold", po::value<double>(&threshold), "hit threshold (default: the matcher's)");
  po::variables_map values;
  int exit_code = kExitOk;
  if (!ParseOptions("score-pairs", options, args, &values, &exit_code)) return exit_code;

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
  std::ofstream out_file;
  if (status.ok() && !out_path.empty()) {
    out_file.open(out_path, std::ios::binary);
    if (!out_file) status = Status::Error(out_path + ": cannot write");
  }
  if (!status.ok()) {
    std::cerr << "corridor score-pairs: " << status.message() << "\n";
    return kExitSetupError;
  }
  if (threshold < 0) threshold = index->options().threshold;
  std::ostream& out = out_path.empty() ? std::cout : out_file;
  std::ostream& report = out_path.empty() ? std::cerr : std::cout;

  out << "query_name,candidate_name" << (label_column >= 0 ? ",label" : "")
      << (kind_column >= 0 ? ",kind" : "") << ",score,hit,explanation,error\n";
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
    if (problem.empty()) {
      Status s = index->ScorePair(query_name, candidate_name, &match);
      if (!s.ok()) problem = s.message();
    }
    out << CsvField(query_name) << "," << CsvField(candidate_name);
    if (label_column >= 0) out << "," << CsvField(label_text);
    if (kind_column >= 0) out << "," << CsvField(cell(kind_column));
    if (!problem.empty()) {
      ++problems;
      std::cerr << "corridor score-pairs: " << where << ": " << problem << "\n";
      out << ",,,"
          << "," << CsvField(problem) << "\n";
      continue;
    }
    out << "," << FormatNumber(match.score, 4) << "," << (match.score >= threshold ? 1 : 0) << ","
        << CsvField(Explanation(match.explanation)) << ",\n";
    if (label >= 0) scored.push_back({match.score, label == 1});
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
