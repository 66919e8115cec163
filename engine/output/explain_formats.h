// `corridor explain --format csv|json|html`: score records for spreadsheets, programs and
// auditors (the text format is explain.h). docs/output.md, "Reports", documents each format.
//
// Each format is written as the stream is read: Begin with the stream header, one call per
// shipment, End with the summary (null when the stream is filtered to some shipments, whose
// summary would count others).
#ifndef CORRIDOR_ENGINE_OUTPUT_EXPLAIN_FORMATS_H_
#define CORRIDOR_ENGINE_OUTPUT_EXPLAIN_FORMATS_H_

#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "schemas/scores.pb.h"

namespace corridor {

class ReportWriter {
 public:
  virtual ~ReportWriter() = default;
  virtual void Begin(const scores::StreamHeader& header) = 0;
  virtual void Shipment(const scores::ShipmentScore& score) = 0;
  // REQUIRES: Begin was called. `summary` may be null.
  virtual void End(const scores::StreamSummary* summary) = 0;
};

// "csv", "json" or "html"; null for any other name. `out` must outlive the writer.
std::unique_ptr<ReportWriter> NewReportWriter(const std::string& format, std::ostream* out);

// The CSV columns, in order (docs/output.md): one row per hit, one row with empty hit columns
// for a shipment without hits.
const std::vector<std::string>& ReportCsvColumns();

// A compact record (ShipmentScore.compact: a CLEAR shipment written without --full-evidence)
// with its hits' category, weight and decision floor filled in from `header`'s rules, as every
// report shows them; it stays compact (no evidence, no categories). A full record is returned
// as it is.
scores::ShipmentScore ExpandCompactRecord(const scores::StreamHeader& header,
                                          const scores::ShipmentScore& score);

// Helpers, exposed for tests.
std::string CsvField(const std::string& text);  // quoted when needed; formula cells defused
// & < > " ' as entities; controls and bidirectional controls as escapes (ShownText), newlines kept
std::string HtmlEscape(const std::string& text);

}  // namespace corridor

#endif  // CORRIDOR_ENGINE_OUTPUT_EXPLAIN_FORMATS_H_
