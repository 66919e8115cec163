#include "engine/screen/steps.h"

#include <memory>

#include "engine/base/strings.h"
#include "engine/decisions/review_book.h"

namespace corridor {

void ToProto(const DataProblem& problem, scores::DataProblem* out) {
  out->set_table(problem.table);
  out->set_row_id(problem.row_id);
  out->set_column(problem.column);
  out->set_message(problem.message);
}

Status ReadListVersions(Database* db, scores::StreamHeader* header, std::set<std::string>* loaded) {
  bool has_lists = false;
  Status status = db->HasTable("list_source", &has_lists);
  if (!status.ok() || !has_lists) return status;
  std::unique_ptr<Statement> query;
  status = db->Prepare(
      "SELECT s.list_id, s.version, s.sha256,"
      " (SELECT count(*) FROM list_entry e WHERE e.list_id = s.list_id)"
      " FROM list_source s ORDER BY s.list_id",
      &query);
  if (!status.ok()) return status;
  while (query->Step()) {
    scores::ListVersion* list = header->add_lists();
    list->set_list_id(query->Text(0));
    list->set_version(query->Text(1));
    list->set_sha256(query->Text(2));
    list->set_entry_count(query->Int(3));
    loaded->insert(list->list_id());
  }
  return query->status();
}

// Why `party` cannot be screened, or "" when it can.
std::string Unscreenable(const ShipmentParty& party, const EntityFacts* facts,
                         bool names_screened) {
  if (!party.entity) return "its entity is not in the entity table";
  if (std::string(Trim(party.entity->name)).empty()) return "its entity has no name";
  if (names_screened && facts && !facts->unscreenable.empty()) return facts->unscreenable;
  return "";
}

rules::Rule UnscreenableRule(const rules::ScoringConfig& scoring) {
  rules::Rule rule;
  rule.set_id("unscreenable_party");
  rule.set_description(
      "A party that cannot be screened (its entity is missing, has no name, or its name cannot "
      "be normalised) cannot be cleared by screening");
  rule.set_category(SECONDARY_SANCTIONS);
  rule.set_weight(0);
  rule.set_decision_floor(scoring.unscreenable_party_floor() == DECISION_UNSPECIFIED
                              ? REVIEW
                              : scoring.unscreenable_party_floor());
  return rule;
}

std::vector<scores::RuleHit> SuppressReviewed(const decisions::ReviewBook* reviews,
                                              const Shipment& shipment,
                                              std::vector<RuleHitInput>* hits) {
  std::vector<scores::RuleHit> suppressed_hits;
  if (reviews == nullptr || reviews->empty()) return suppressed_hits;
  for (RuleHitInput& hit : *hits) {
    std::vector<scores::Evidence> suppressed;
    reviews->Review(shipment, hit.rule->id(), &hit.outcome.evidence, &suppressed);
    if (suppressed.empty()) continue;
    scores::RuleHit& out = suppressed_hits.emplace_back();
    out.set_rule_id(hit.rule->id());
    out.set_category(hit.rule->category());
    out.set_weight(hit.rule->weight());
    // The floor the suppressed evidence stood for (at most REVIEW when it was a namesake's).
    RuleHitInput part{hit.rule, {}};
    part.outcome.floor = hit.outcome.floor;
    part.outcome.exempt = hit.outcome.exempt;
    part.outcome.failed = hit.outcome.failed;
    part.outcome.own_weights = hit.outcome.own_weights;
    part.outcome.evidence = suppressed;
    out.set_decision_floor(HitFloor(part));
    for (scores::Evidence& evidence : suppressed) {
      if (evidence.weight() == 0 && !hit.outcome.failed && !hit.outcome.own_weights) {
        evidence.set_weight(hit.rule->weight());
      }
      *out.add_evidence() = std::move(evidence);
    }
  }
  std::erase_if(*hits, [](const RuleHitInput& hit) { return hit.outcome.evidence.empty(); });
  return suppressed_hits;
}

}  // namespace corridor
