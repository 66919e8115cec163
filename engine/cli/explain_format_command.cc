// corridor explain --format csv|json|html [--out-dir DIR]: the report formats
// (engine/output/explain_formats.h); the text format stays in RunExplain (screen_commands.cc).
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>

#include "engine/cli/commands.h"
#include "engine/cli/subcommands.h"
#include "engine/output/explain_formats.h"
#include "engine/output/score_stream.h"

namespace corridor::cli {

namespace {

// A file name for shipment `id` that stays inside the folder: letters, digits, '-', '_' and '.'
// are kept, anything else (a '/', a space, a byte of a multi-byte letter) becomes '_', and a
// leading '.' too ("../x" -> "_._x"). Two ids that map to one name get "-2", "-3", ...
std::string CaseFileName(const std::string& id, std::set<std::string>* used) {
  std::string name;
  for (char ch : id) {
    const bool kept = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
                      (ch >= '0' && ch <= '9') || ch == '-' || ch == '_' || ch == '.';
    name += kept ? ch : '_';
  }
  if (name.empty() || name[0] == '.') name.insert(0, 1, '_');
  std::string unique = name;
  for (int n = 2; !used->insert(unique).second; ++n) unique = name + "-" + std::to_string(n);
  return unique + ".html";
}

// Writes one complete report for `score` to `path`, through a temporary file renamed at the end,
// so an interrupted run never leaves a report that looks whole.
Status WriteCaseFile(const std::string& path, const scores::StreamHeader& header,
                     const scores::ShipmentScore& score) {
  const std::string temp = path + ".tmp";
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    if (!out) return Status::IoError(temp + ": cannot create the file");
    std::unique_ptr<ReportWriter> writer = NewReportWriter("html", &out);
    writer->Begin(header);
    writer->Shipment(score);
    writer->End(nullptr);
    if (!out.flush()) {
      std::remove(temp.c_str());
      return Status::IoError(temp + ": cannot write the file");
    }
  }
  if (std::rename(temp.c_str(), path.c_str()) != 0) {
    std::remove(temp.c_str());
    return Status::IoError(path + ": cannot rename the report into place");
  }
  return Status::Ok();
}

}  // namespace

int RunExplainFormat(const std::string& format, const std::string& scores_path,
                     const std::vector<std::string>& shipment_ids, const std::string& out_dir) {
  std::unique_ptr<ReportWriter> writer = NewReportWriter(format, &std::cout);
  if (writer == nullptr) {
    return Fail("explain",
                Status::Usage("--format must be text, csv, json or html, got '" + format + "'"));
  }
  std::error_code error;
  if (!out_dir.empty() && !std::filesystem::create_directories(out_dir, error) && error) {
    return Fail("explain", Status::IoError(out_dir + ": cannot create the folder"));
  }
  std::unique_ptr<ScoreReader> reader;
  Status status = ScoreReader::Open(scores_path, &reader);
  if (!status.ok()) return Fail("explain", status);
  const std::set<std::string> wanted(shipment_ids.begin(), shipment_ids.end());
  std::set<std::string> found, file_names;
  scores::ScoreRecord record;
  scores::StreamHeader header;
  scores::StreamSummary summary;
  bool begun = false, has_summary = false;
  // Record kinds this version does not know are skipped, as the text format does.
  while (reader->Next(&record)) {
    if (record.has_header()) {
      header = record.header();
      if (out_dir.empty()) writer->Begin(header);
      begun = true;
    } else if (record.has_shipment() && begun) {
      const std::string& id = record.shipment().shipment_id();
      if (!wanted.empty() && wanted.count(id) == 0) continue;
      found.insert(id);
      if (out_dir.empty()) {
        writer->Shipment(record.shipment());
        continue;
      }
      const std::string path = out_dir + "/" + CaseFileName(id, &file_names);
      status = WriteCaseFile(path, header, record.shipment());
      if (!status.ok()) return Fail("explain", status);
      std::cout << path << "\n";
    } else if (record.has_summary()) {
      summary = record.summary();
      has_summary = true;
    }
  }
  if (!reader->status().ok()) return Fail("explain", reader->status());
  if (!begun) return Fail("explain", Status::Corruption(scores_path + ": no stream header"));
  // The summary counts the whole run: left out (null) when only some shipments are shown.
  if (out_dir.empty()) writer->End(has_summary && wanted.empty() ? &summary : nullptr);
  for (const std::string& id : wanted) {
    if (found.count(id) == 0) {
      std::cerr << "corridor explain: no shipment '" << id << "' in " << scores_path << "\n";
      return kExitSetupError;
    }
  }
  return kExitOk;
}

}  // namespace corridor::cli
