#include "engine/output/explain.h"

#include <cstdio>

#include "engine/base/strings.h"

namespace corridor {

std::string DecisionName(Decision decision) {
  switch (decision) {
    case CLEAR:
      return "clear";
    case REVIEW:
      return "review";
    case HOLD:
      return "hold";
    case BLOCK:
      return "block";
    default:
      return "none";
  }
}

bool ParseDecision(const std::string& name, Decision* decision) {
  for (Decision d : {CLEAR, REVIEW, HOLD, BLOCK}) {
    if (DecisionName(d) == name) {
      *decision = d;
      return true;
    }
  }
  return false;
}

std::string CategoryName(Category category) {
  switch (category) {
    case SECONDARY_SANCTIONS:
      return "secondary_sanctions";
    case EXPORT_CONTROL:
      return "export_control";
    case FORCED_LABOUR:
      return "forced_labour";
    case SECURITY:
      return "security";
    default:
      return "unspecified";
  }
}

namespace {

std::string Pad(const std::string& text, size_t width) {
  // A value wider than its column still gets one space, so columns never run together.
  if (text.size() >= width) return text + " ";
  return text + std::string(width - text.size(), ' ');
}

}  // namespace

std::string TableHeader() {
  return Pad("shipment", 12) + Pad("score", 8) + Pad("decision", 9) + "top reasons\n";
}

std::string TableRow(const scores::ShipmentScore& score) {
  std::string reasons;
  // Hits arrive strongest first (AggregateScore), so the first three are what mattered most and
  // their contributions are the largest.
  for (int i = 0; i < score.hits_size() && i < 3; ++i) {
    if (i > 0) reasons += ", ";
    reasons += score.hits(i).rule_id() + " (+" + FormatNumber(score.hits(i).contribution()) + ")";
  }
  if (score.hits_size() > 3) reasons += ", +" + std::to_string(score.hits_size() - 3) + " more";
  if (reasons.empty()) reasons.assign(1, '-');
  if (score.problems_size() > 0) {
    reasons += "  [" + std::to_string(score.problems_size()) + " data problem" +
               (score.problems_size() > 1 ? "s" : "") + "]";
  }
  return Pad(ShownText(score.shipment_id()), 12) + Pad(FormatNumber(score.score()), 8) +
         Pad(DecisionName(score.decision()), 9) + reasons + "\n";
}

// desk: one line for the decision or allow-list entry on a piece of evidence (docs/decisions.md).
std::string ReviewLine(const scores::Review& review) {
  std::string line;
  if (review.source() == "allow_list") {
    line = "allowed by " + review.allow_list_id() + " entry " + review.allow_entry_id() + " \"" +
           review.allow_entry_name() + "\" (" + review.allow_matched_by() + ")";
  } else {
    line = review.verdict() + " by " + review.decided_by() + " on " + review.decided_at() + ": " +
           review.reason() + " (decision " + std::to_string(review.decision_id()) +
           (review.expires_on().empty() ? "" : ", until " + review.expires_on()) + ")";
  }
  if (!review.lapsed().empty()) line += "; no longer holds: " + review.lapsed();
  return ShownText(line);
}

std::string ExplainShipment(const scores::ShipmentScore& score,
                            const scores::StreamHeader* header) {
  // Every value from the data is shown through ShownText: a party named "A\n1 shipments: 1 clear"
  // forged report lines, and ESC sequences reached the terminal (from a review, 2026-12-08).
  std::string out = "shipment " + ShownText(score.shipment_id()) + ": " +
                    DecisionName(score.decision()) + ", score " + FormatNumber(score.score()) +
                    " (" + score.band() + ")\n";
  if (score.categories_size() > 0) {
    out += "  by category:";
    for (const scores::CategoryScore& category : score.categories()) {
      out.append(" ").append(CategoryName(category.category())).append(" ");
      out += FormatNumber(category.score());
    }
    out += "\n";
  }
  if (score.hits_size() == 0) out += "  no rule hit\n";
  for (const scores::RuleHit& stored : score.hits()) {
    std::string description;
    scores::RuleHit hit = stored;
    if (header != nullptr) {
      // A linear search per hit: a rule set has tens of rules, and explain is not on the scoring
      // path.
      for (const scores::RuleInfo& rule : header->rules()) {
        if (rule.rule_id() != hit.rule_id()) continue;
        description = rule.description();
        // A compact (clear) record keeps only rule id and contribution; the rest is the rule's.
        if (score.compact()) {
          hit.set_category(rule.category());
          hit.set_weight(rule.weight());
          hit.set_decision_floor(rule.decision_floor());
        }
      }
    }
    out += "  + " + FormatNumber(hit.contribution()) + "  " + hit.rule_id() + " [" +
           CategoryName(hit.category()) + ", weight " + FormatNumber(hit.weight());
    if (hit.decision_floor() != DECISION_UNSPECIFIED) {
      out += ", at least " + DecisionName(hit.decision_floor());
    }
    out += ']';
    if (!description.empty()) out.append(": ").append(ShownText(description));
    out += '\n';
    for (const scores::Evidence& evidence : hit.evidence()) {
      out += "      - " + ShownText(evidence.summary()) + "\n";
      if (evidence.has_review()) out += "        review: " + ReviewLine(evidence.review()) + "\n";
    }
  }
  // desk: suppressed evidence is shown, never counted.
  for (const scores::RuleHit& hit : score.suppressed_hits()) {
    out += "  suppressed  " + hit.rule_id() + " (not counted)\n";
    for (const scores::Evidence& evidence : hit.evidence()) {
      out += "      - " + ShownText(evidence.summary()) + "\n        " +
             ReviewLine(evidence.review()) + "\n";
    }
  }
  if (score.compact() && score.hits_size() > 0) {
    out +=
        "      (evidence not written for clear shipments; screen with --full-evidence to keep "
        "it)\n";
  }
  for (const scores::DataProblem& problem : score.problems()) {
    out += "  ! data problem: " +
           ShownText(problem.table() + " " + problem.row_id() + " " + problem.column() + ": " +
                     problem.message()) +
           "\n";
  }
  return out;
}

std::string ExplainHeader(const scores::StreamHeader& header) {
  // Twelve hex digits tell rule sets apart in a report; the full digest is in the stream header.
  std::string out =
      "corridor " + header.engine_version() +
      (header.engine_build().empty() ? "" : " (build " + header.engine_build() + ")") +
      ", schema " + std::to_string(header.schema_version()) + ", as of " + header.as_of() +
      ", rules " + header.rules_digest().substr(0, 12) + "\n";
  for (const scores::ListVersion& list : header.lists()) {
    out += "  list " + ShownText(list.list_id()) + " version " +
           ShownText(list.version().empty() ? "?" : list.version()) + ", " +
           std::to_string(list.entry_count()) + " entries\n";
  }
  // The header carries at most 1,000 problems (schemas/scores.proto); the count is the total, so
  // the reader knows when the list below is cut short.
  if (header.problem_count() > 0) {
    out += "  ! " + std::to_string(header.problem_count()) +
           " run problems (list names that can match nothing, lists older than their "
           "max_age_days, rules with missing inputs):\n";
  }
  for (const scores::DataProblem& problem : header.problems()) {
    out += "  ! " +
           ShownText(problem.table() + " " + problem.row_id() + " " + problem.column() + ": " +
                     problem.message()) +
           "\n";
  }
  return out;
}

std::string ExplainSummary(const scores::StreamSummary& summary) {
  std::string out = std::to_string(summary.shipments()) +
                    " shipments: " + std::to_string(summary.clear()) + " clear, " +
                    std::to_string(summary.review()) + " review, " +
                    std::to_string(summary.hold()) + " hold, " + std::to_string(summary.block()) +
                    " block; " + std::to_string(summary.data_problems()) + " data problems\n";
  for (const scores::DataProblem& problem : summary.run_problems()) {
    out += "  ! " +
           ShownText(problem.table() + " " + problem.row_id() + " " + problem.column() + ": " +
                     problem.message()) +
           "\n";
  }
  return out;
}

}  // namespace corridor
