#include "engine/output/explain_formats.h"

#include <google/protobuf/util/json_util.h>

#include <initializer_list>

#include "engine/base/strings.h"
#include "engine/output/explain.h"

namespace corridor {

namespace {

const scores::RuleInfo* FindRule(const scores::StreamHeader& header, const std::string& id) {
  for (const scores::RuleInfo& rule : header.rules()) {
    if (rule.rule_id() == id) return &rule;
  }
  return nullptr;
}

const std::string* RuleDescription(const scores::StreamHeader& header, const std::string& id) {
  const scores::RuleInfo* rule = FindRule(header, id);
  return rule ? &rule->description() : nullptr;
}

// What a report says in place of the evidence of a compact record (ShipmentScore.compact).
constexpr const char* kCompactNote =
    "evidence not written: a CLEAR shipment recorded compactly (screen --full-evidence keeps it)";

// " (a, b, c)" of the parts that are set, "" when none is.
std::string Parenthesised(std::initializer_list<std::string> parts) {
  std::string out;
  for (const std::string& part : parts) {
    if (part.empty()) continue;
    out += out.empty() ? " (" : ", ";
    out += part;
  }
  return out.empty() ? out : out + ")";
}

// The reviewer's decision or allow-list entry on one piece of evidence, in one line.
std::string ReviewText(const scores::Review& review) {
  std::string text;
  if (review.source() == "allow_list") {
    text = "allowed by " + review.allow_list_id() + ":" + review.allow_entry_id() + " " +
           review.allow_entry_name() + Parenthesised({review.allow_matched_by()});
  } else {
    text = review.verdict() + " by " + review.decided_by() + " at " + review.decided_at() + ": " +
           review.reason();
    if (!review.expires_on().empty()) text += " (expires " + review.expires_on() + ")";
  }
  if (review.suppressed()) text += "; suppressed";
  if (!review.lapsed().empty()) text += "; no longer applies: " + review.lapsed();
  return text;
}

std::string ListEntryText(const scores::ListMatch& match) {
  // Rounded down like every shown score ("0.80" means at least 0.80): a 0.9963 match is "0.99",
  // not "1" (from a review, 2026-12-07).
  return match.list_id() + ":" + match.entry_id() + " " + match.entry_name() + " (" +
         FormatNumber(FloorToDecimals(match.score(), 2)) + ")";
}

// --- CSV --------------------------------------------------------------------------------------

class CsvWriter : public ReportWriter {
 public:
  explicit CsvWriter(std::ostream* out) : out_(out) {}
  void Begin(const scores::StreamHeader& header) override {
    header_ = header;
    *out_ << Join(ReportCsvColumns(), ",") << "\r\n";
  }
  void Shipment(const scores::ShipmentScore& stored) override {
    const scores::ShipmentScore score = ExpandCompactRecord(header_, stored);
    record_ = score.compact() ? "compact" : "full";
    const std::string prefix = CsvField(score.shipment_id()) + "," + FormatNumber(score.score()) +
                               "," + CsvField(score.band()) + "," + DecisionName(score.decision()) +
                               ",";
    const std::string problems = std::to_string(score.problems_size());
    if (score.hits_size() == 0 && score.suppressed_hits_size() == 0) {
      *out_ << prefix << ",,,,,,,," << problems << ",,," << record_ << "\r\n";
    }
    for (const scores::RuleHit& hit : score.hits()) Row(prefix, hit, problems, "hit");
    for (const scores::RuleHit& hit : score.suppressed_hits()) {
      Row(prefix, hit, problems, "suppressed");
    }
  }
  void End(const scores::StreamSummary*) override { out_->flush(); }

 private:
  void Row(const std::string& prefix, const scores::RuleHit& hit, const std::string& problems,
           const char* status) {
    std::string evidence, entries, reviews;
    if (record_ == "compact") evidence = kCompactNote;
    for (const scores::Evidence& item : hit.evidence()) {
      if (!evidence.empty()) evidence += " | ";
      evidence += item.summary();
      if (item.has_list_match()) {
        if (!entries.empty()) entries += " | ";
        entries += ListEntryText(item.list_match());
      }
      if (item.has_review()) {
        if (!reviews.empty()) reviews += " | ";
        reviews += ReviewText(item.review());
      }
    }
    const std::string* description = RuleDescription(header_, hit.rule_id());
    // A rule the header does not describe has no category to show: empty, not "unspecified".
    const std::string category =
        hit.category() == CATEGORY_UNSPECIFIED ? "" : CategoryName(hit.category());
    *out_ << prefix << CsvField(hit.rule_id()) << "," << category << ","
          << FormatNumber(hit.weight()) << "," << FormatNumber(hit.contribution()) << ","
          << (hit.decision_floor() == DECISION_UNSPECIFIED ? ""
                                                           : DecisionName(hit.decision_floor()))
          << "," << CsvField(description ? *description : "") << "," << CsvField(evidence) << ","
          << CsvField(entries) << "," << problems << "," << status << "," << CsvField(reviews)
          << "," << record_ << "\r\n";
  }

  std::ostream* out_;
  scores::StreamHeader header_;
  std::string record_;  // "full" or "compact": the shipment being written
};

// --- JSON -------------------------------------------------------------------------------------

std::string ToJson(const google::protobuf::Message& message) {
  google::protobuf::util::JsonPrintOptions options;
  // As the score stream's json format (score_stream.cc): every field present, proto names.
  options.always_print_primitive_fields = true;
  options.preserve_proto_field_names = true;
  std::string json;
  if (!google::protobuf::util::MessageToJsonString(message, &json, options).ok()) return "null";
  return json;
}

class JsonWriter : public ReportWriter {
 public:
  explicit JsonWriter(std::ostream* out) : out_(out) {}
  void Begin(const scores::StreamHeader& header) override {
    header_ = header;
    *out_ << "{\"format\":\"corridor-explain\",\"format_version\":1,\n\"header\":" << ToJson(header)
          << ",\n\"shipments\":[";
  }
  // A compact record stays one (`compact` true, no evidence, no categories), with its hits'
  // category, weight and floor filled in from the header's rules.
  void Shipment(const scores::ShipmentScore& score) override {
    *out_ << (first_ ? "\n" : ",\n") << ToJson(ExpandCompactRecord(header_, score));
    first_ = false;
  }
  void End(const scores::StreamSummary* summary) override {
    *out_ << "],\n\"summary\":" << (summary ? ToJson(*summary) : "null") << "}\n";
    out_->flush();
  }

 private:
  std::ostream* out_;
  scores::StreamHeader header_;
  bool first_ = true;
};

// --- HTML -------------------------------------------------------------------------------------

// Inline CSS only: the report is one file an auditor can archive and print, with no outside
// requests. The Content-Security-Policy forbids scripts and every load, as a second guard behind
// the escaping.
const char* kHtmlHead = R"(<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>corridor case report</title>
<style>
body { font-family: sans-serif; font-size: 10.5pt; margin: 2em; color: #111; }
h1 { font-size: 16pt; margin-bottom: 0.2em; } h2 { font-size: 12pt; border-bottom: 1px solid #999; }
h3 { font-size: 11pt; margin-bottom: 0.2em; }
table { border-collapse: collapse; margin: 0.4em 0; } td, th { border: 1px solid #bbb; padding: 2px 6px; text-align: left; vertical-align: top; }
.mono { font-family: monospace; word-break: break-all; }
.decision { font-size: 14pt; font-weight: bold; padding: 4px 8px; display: inline-block; border: 2px solid #111; }
.block { background: #f4c7c3; } .hold { background: #fce8b2; } .review { background: #fff5cc; } .clear { background: #d9ead3; }
.hit { margin: 0.6em 0 1em 0; } .signoff td { height: 2em; min-width: 14em; }
section.case { page-break-after: always; break-after: page; }
@media print { body { margin: 0; } }
</style>
</head>
<body>
)";

class HtmlWriter : public ReportWriter {
 public:
  explicit HtmlWriter(std::ostream* out) : out_(out) {}
  void Begin(const scores::StreamHeader& header) override {
    header_ = header;
    *out_ << kHtmlHead;
  }
  void Shipment(const scores::ShipmentScore& score) override;
  void End(const scores::StreamSummary* summary) override {
    if (summary != nullptr) {
      *out_ << "<section><h2>Run summary</h2><p>" << HtmlEscape(ExplainSummary(*summary))
            << "</p></section>\n";
    }
    *out_ << "</body>\n</html>\n";
    out_->flush();
  }

 private:
  void Row(const std::string& label, const std::string& value, bool mono = false) {
    *out_ << "<tr><th>" << HtmlEscape(label) << "</th><td" << (mono ? " class=\"mono\"" : "") << ">"
          << HtmlEscape(value) << "</td></tr>\n";
  }
  void RunFacts();
  void Hit(const scores::RuleHit& hit);
  void EvidenceDetails(const scores::Evidence& evidence);

  std::ostream* out_;
  scores::StreamHeader header_;
};

void HtmlWriter::RunFacts() {
  *out_ << "<h2>Screening run</h2>\n<table>\n";
  Row("engine", "corridor " + header_.engine_version());
  Row("screened as of", header_.as_of());
  Row("rules digest (SHA-256)", header_.rules_digest(), true);
  Row("input schema version", std::to_string(header_.schema_version()));
  Row("clear shipments written", header_.full_evidence() ? "in full, with their evidence"
                                                         : "compactly, without their evidence");
  *out_ << "</table>\n<h2>Lists screened</h2>\n<table>\n"
        << "<tr><th>list</th><th>version</th><th>entries</th><th>SHA-256</th></tr>\n";
  for (const scores::ListVersion& list : header_.lists()) {
    *out_ << "<tr><td>" << HtmlEscape(list.list_id()) << "</td><td>"
          << HtmlEscape(list.version().empty() ? "unknown" : list.version()) << "</td><td>"
          << list.entry_count() << "</td><td class=\"mono\">" << HtmlEscape(list.sha256())
          << "</td></tr>\n";
  }
  *out_ << "</table>\n";
  if (header_.problem_count() > 0) {
    *out_ << "<p>" << header_.problem_count()
          << " run problems (list names that can match nothing, lists older than their "
             "max_age_days, rules with missing inputs); see the scores file's header.</p>\n";
  }
}

void HtmlWriter::EvidenceDetails(const scores::Evidence& evidence) {
  *out_ << "<li>" << HtmlEscape(evidence.summary()) << "\n<table>\n";
  if (evidence.has_party()) {
    const scores::Party& party = evidence.party();
    Row("party", party.name() + Parenthesised({party.role(), party.entity_id(), party.country()}));
  }
  if (evidence.has_list_match()) {
    const scores::ListMatch& match = evidence.list_match();
    Row("list entry", match.list_id() + ":" + match.entry_id() + " " + match.entry_name());
    Row("names matched", "\"" + match.query_name() + "\" ~ \"" + match.matched_name() + "\"");
    Row("match", match.method() + ", score " + FormatNumber(FloorToDecimals(match.score(), 2)));
    if (!match.programs().empty()) Row("programs", match.programs());
    if (!match.explanation().empty()) Row("why", match.explanation());
  }
  if (evidence.has_leg()) {
    const scores::Leg& leg = evidence.leg();
    Row("route leg", std::to_string(leg.seq()) + ": " + leg.location_name() +
                         Parenthesised({leg.location(), leg.country(), leg.kind()}));
  }
  if (evidence.has_item()) {
    const scores::Item& item = evidence.item();
    Row("item", "line " + std::to_string(item.line()) + ": HS " + item.hs_code() + " " +
                    item.description() +
                    Parenthesised(
                        {item.origin_country().empty() ? "" : "origin " + item.origin_country()}));
  }
  if (!evidence.field().empty()) Row("field", evidence.field());
  if (!evidence.matched_value().empty()) Row("matched", evidence.matched_value());
  if (evidence.has_ownership()) {
    const scores::Ownership& ownership = evidence.ownership();
    // Scores and shares rounded down, never across a threshold (from a review, 2026-12-07), with
    // the decimals that show a share passes the regime's test (FormatShareDown); a stream
    // written before the test was recorded (threshold 0) shows two decimals.
    auto share = [&](double value) {
      return ownership.threshold_percent() > 0
                 ? FormatShareDown(value, ownership.threshold_percent(),
                                   ownership.threshold_inclusive())
                 : FormatNumberDown(value);
    };
    std::string test;
    if (ownership.threshold_percent() > 0) {
      test = std::string(ownership.threshold_inclusive() ? ", at least " : ", more than ") +
             FormatNumber(ownership.threshold_percent()) + "%";
    }
    Row("ownership", ownership.finding() + " (" + ownership.regime() + test + "), listed share " +
                         share(ownership.blocked_share_lower()) + ".." +
                         share(ownership.blocked_share_upper()) + "%");
    for (const scores::OwnershipStep& step : ownership.path()) {
      Row("owned by", step.owner_name() + " (" + step.owner() + ") holds " +
                          (step.share_known() ? share(step.share()) + "%" : "an unknown share") +
                          " of " + step.owned_name() + (step.stale() ? " [stale record]" : ""));
    }
  }
  if (evidence.has_review()) {
    Row(evidence.review().source() == "allow_list" ? "allow-list" : "decision",
        ReviewText(evidence.review()));
  }
  for (const scores::Incident& incident : evidence.incidents()) {
    Row("incident", incident.event_date() + " " + incident.location_name() + ": " +
                        incident.kind() + ", " + std::to_string(incident.fatalities()) +
                        " fatalities (" + incident.source() + ")");
  }
  *out_ << "</table></li>\n";
}

void HtmlWriter::Hit(const scores::RuleHit& hit) {
  const std::string* description = RuleDescription(header_, hit.rule_id());
  *out_ << "<div class=\"hit\"><h3>" << HtmlEscape(hit.rule_id()) << " (+"
        << FormatNumber(hit.contribution()) << ")</h3>\n";
  if (description != nullptr) *out_ << "<p>" << HtmlEscape(*description) << "</p>\n";
  *out_ << "<p>category " << CategoryName(hit.category()) << ", weight "
        << FormatNumber(hit.weight());
  if (hit.decision_floor() != DECISION_UNSPECIFIED) {
    *out_ << ", at least " << DecisionName(hit.decision_floor());
  }
  *out_ << "</p>\n";
  if (hit.evidence_size() == 0) {
    *out_ << "<p><em>No evidence in the record.</em></p></div>\n";
    return;
  }
  *out_ << "<ol>\n";
  for (const scores::Evidence& evidence : hit.evidence()) EvidenceDetails(evidence);
  *out_ << "</ol></div>\n";
}

void HtmlWriter::Shipment(const scores::ShipmentScore& stored) {
  const scores::ShipmentScore score = ExpandCompactRecord(header_, stored);
  const std::string decision = DecisionName(score.decision());
  *out_ << "<section class=\"case\">\n<h1>Case report: shipment " << HtmlEscape(score.shipment_id())
        << "</h1>\n<p class=\"decision " << decision << "\">" << decision << ", score "
        << FormatNumber(score.score()) << " (" << HtmlEscape(score.band()) << ")</p>\n";
  if (score.categories_size() > 0) {
    *out_ << "<p>By category:";
    for (const scores::CategoryScore& category : score.categories()) {
      *out_ << " " << CategoryName(category.category()) << " " << FormatNumber(category.score());
    }
    *out_ << "</p>\n";
  }
  RunFacts();
  *out_ << "<h2>Why: " << score.hits_size() << " rule hit" << (score.hits_size() == 1 ? "" : "s")
        << "</h2>\n";
  if (score.compact()) {
    // Said before the hits, so no reader takes the empty evidence lists for "no evidence".
    *out_ << "<p class=\"compact\"><strong>Compact record.</strong> This CLEAR shipment was "
             "written compactly, as screening does by default: the rules that hit and what each "
             "contributed are kept; their evidence (parties, list entries, legs, items) and the "
             "scores by category are not. The category, weight and floor shown are the rules'. "
             "To file the evidence, screen again with <code>--full-evidence</code>.</p>\n";
  }
  for (const scores::RuleHit& hit : score.hits()) Hit(hit);
  if (score.suppressed_hits_size() > 0) {
    // Kept in the report: what a decision or an allow-list suppressed is part of the case file.
    *out_ << "<h2>Suppressed by decisions or allow-lists: " << score.suppressed_hits_size()
          << "</h2>\n<p>Counted toward neither the score nor the decision.</p>\n";
    for (const scores::RuleHit& hit : score.suppressed_hits()) Hit(hit);
  }
  if (score.problems_size() > 0) {
    *out_ << "<h2>Data problems</h2>\n<ul>\n";
    for (const scores::DataProblem& problem : score.problems()) {
      *out_ << "<li>"
            << HtmlEscape(problem.table() + " " + problem.row_id() + " " + problem.column() + ": " +
                          problem.message())
            << "</li>\n";
    }
    *out_ << "</ul>\n";
  }
  // The engine decides; a person signs. The form is for the reviewer's decision on paper.
  *out_
      << "<h2>Reviewer's decision</h2>\n<table class=\"signoff\">\n"
      << "<tr><th>decision</th><td>&#9744; cleared &#9744; confirmed &#9744; escalated</td></tr>\n"
      << "<tr><th>reason</th><td></td></tr>\n<tr><th>reviewer</th><td></td></tr>\n"
      << "<tr><th>date</th><td></td></tr>\n<tr><th>signature</th><td></td></tr>\n</table>\n"
      << "</section>\n";
}

}  // namespace

const std::vector<std::string>& ReportCsvColumns() {
  static const std::vector<std::string> columns = {
      "shipment_id",   "score",        "band",           "decision",    "rule_id",  "category",
      "weight",        "contribution", "decision_floor", "description", "evidence", "list_entries",
      "data_problems", "status",       "reviews",        "record"};
  return columns;
}

std::string CsvField(const std::string& text) {
  std::string value = text;
  // A cell starting with = + - @ (or a tab or carriage return) is a formula to a spreadsheet: a
  // list entry or party name must never run as one (OWASP "CSV injection"). A leading apostrophe
  // makes it text.
  if (!value.empty() && std::string("=+-@\t\r").find(value[0]) != std::string::npos) {
    value.insert(0, 1, '\'');
  }
  if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
  std::string quoted = "\"";
  for (char ch : value) {
    if (ch == '"') quoted += '"';
    quoted += ch;
  }
  return quoted + "\"";
}

std::string HtmlEscape(const std::string& text) {
  // Controls and bidirectional controls shown as escapes, line by line (ShownText): U+202E in a
  // name reversed the rest of its evidence line in a browser (from a review, 2026-12-08).
  std::string shown;
  for (std::string_view rest = text;;) {
    const size_t newline = rest.find('\n');
    shown += ShownText(rest.substr(0, newline));
    if (newline == std::string_view::npos) break;
    shown += '\n';
    rest.remove_prefix(newline + 1);
  }
  std::string out;
  out.reserve(shown.size());
  for (char ch : shown) {
    switch (ch) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += ch;
    }
  }
  return out;
}

// A compact record keeps each hit's rule id and contribution only; its category, weight and
// floor are the rule's, from the header (docs/output.md), so reports show those rather than the
// unset fields' zeros.
scores::ShipmentScore ExpandCompactRecord(const scores::StreamHeader& header,
                                          const scores::ShipmentScore& score) {
  scores::ShipmentScore out = score;
  if (!score.compact()) return out;
  for (scores::RuleHit& hit : *out.mutable_hits()) {
    if (const scores::RuleInfo* rule = FindRule(header, hit.rule_id())) {
      hit.set_category(rule->category());
      hit.set_weight(rule->weight());
      hit.set_decision_floor(rule->decision_floor());
    }
  }
  return out;
}

std::unique_ptr<ReportWriter> NewReportWriter(const std::string& format, std::ostream* out) {
  if (format == "csv") return std::make_unique<CsvWriter>(out);
  if (format == "json") return std::make_unique<JsonWriter>(out);
  if (format == "html") return std::make_unique<HtmlWriter>(out);
  return nullptr;
}

}  // namespace corridor
