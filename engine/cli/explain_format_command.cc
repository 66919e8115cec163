// corridor explain --format csv|json|html: the report formats (engine/output/explain_formats.h);
// the text format stays in RunExplain (screen_commands.cc).
#include <iostream>
#include <set>

#include "engine/cli/commands.h"
#include "engine/cli/subcommands.h"
#include "engine/output/explain_formats.h"
#include "engine/output/score_stream.h"

namespace corridor::cli {

int RunExplainFormat(const std::string& format, const std::string& scores_path,
                     const std::vector<std::string>& shipment_ids) {
  std::unique_ptr<ReportWriter> writer = NewReportWriter(format, &std::cout);
  if (writer == nullptr) {
    return Fail("explain",
                Status::Usage("--format must be text, csv, json or html, got '" + format + "'"));
  }
  std::unique_ptr<ScoreReader> reader;
  Status status = ScoreReader::Open(scores_path, &reader);
  if (!status.ok()) return Fail("explain", status);
  const std::set<std::string> wanted(shipment_ids.begin(), shipment_ids.end());
  std::set<std::string> found;
  scores::ScoreRecord record;
  scores::StreamSummary summary;
  bool begun = false, has_summary = false;
  // Record kinds this version does not know are skipped, as the text format does.
  while (reader->Next(&record)) {
    if (record.has_header()) {
      writer->Begin(record.header());
      begun = true;
    } else if (record.has_shipment() && begun) {
      const std::string& id = record.shipment().shipment_id();
      if (!wanted.empty() && wanted.count(id) == 0) continue;
      found.insert(id);
      writer->Shipment(record.shipment());
    } else if (record.has_summary()) {
      summary = record.summary();
      has_summary = true;
    }
  }
  if (!reader->status().ok()) return Fail("explain", reader->status());
  if (!begun) return Fail("explain", Status::Corruption(scores_path + ": no stream header"));
  // The summary counts the whole run: left out (null) when only some shipments are shown.
  writer->End(has_summary && wanted.empty() ? &summary : nullptr);
  for (const std::string& id : wanted) {
    if (found.count(id) == 0) {
      std::cerr << "corridor explain: no shipment '" << id << "' in " << scores_path << "\n";
      return kExitSetupError;
    }
  }
  return kExitOk;
}

}  // namespace corridor::cli
