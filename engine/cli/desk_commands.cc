// corridor decide and audit: the compliance officer's desk (docs/decisions.md).
#include <pwd.h>
#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <nlohmann/json.hpp>

#include "engine/cli/commands.h"
#include "engine/cli/subcommands.h"
#include "engine/decisions/audit.h"
#include "engine/decisions/decisions.h"
#include "engine/output/explain_formats.h"

namespace corridor::cli {

namespace po = boost::program_options;

namespace {

// Who ran something when --by is not given: the login name, as the audit records it.
std::string DefaultActor() {
  for (const char* variable : {"USER", "LOGNAME"}) {
    const char* user = std::getenv(variable);
    if (user != nullptr && *user != '\0') return user;
  }
  // A cron job or a container may set neither: the account the process runs as.
  const passwd* account = getpwuid(geteuid());
  return account != nullptr && account->pw_name != nullptr ? account->pw_name : "";
}

int RunRecordRun(const std::vector<std::string>& args) {
  po::options_description options("audit record-run options");
  std::string db_path, scores_path, by;
  options.add_options()("help,h", "show this help")(
      "db", po::value<std::string>(&db_path)->required(), "the database screened")(
      "scores", po::value<std::string>(&scores_path)->required(), "the run's scores file")(
      "by", po::value<std::string>(&by), "who ran it (default: $USER)");
  po::variables_map values;
  int exit_code = kExitOk;
  if (!ParseOptions("audit record-run", options, args, &values, &exit_code)) return exit_code;
  if (by.empty()) by = DefaultActor();
  decisions::AuditEvent event;
  Status status = decisions::RecordRun(db_path, scores_path, by, &event);
  if (!status.ok()) return Fail("audit record-run", status);
  std::cout << "audit " << event.audit_id << ": " << event.subject << "\n";
  return kExitOk;
}

}  // namespace

int RunDecide(const std::vector<std::string>& args) {
  po::options_description options("decide options");
  std::string db_path, hit, verdict, evidence;
  decisions::DecisionRequest request;
  options.add_options()("help,h", "show this help")(
      "db", po::value<std::string>(&db_path)->required(), "input database")(
      "shipment", po::value<std::string>(&request.shipment_id),
      "the shipment the hit is on (alone: the decision holds for that shipment only)")(
      "party", po::value<std::string>(&request.entity_id),
      "the party's entity id (the decision holds in every shipment naming it)")(
      "hit", po::value<std::string>(&hit)->required(),
      "RULE_ID, or RULE_ID:LIST_ID:ENTRY_ID for a list match")(
      "evidence", po::value<std::string>(&evidence),
      "sql:DIGEST: the evidence of a custom SQL rule the decision covers (its matched_value)")(
      "decision", po::value<std::string>(&verdict)->required(), "cleared, confirmed or escalated")(
      "by", po::value<std::string>(&request.decided_by)->required(), "who decides")(
      "reason", po::value<std::string>(&request.reason)->required(), "why, in a sentence")(
      "expires", po::value<std::string>(&request.expires_on),
      "YYYY-MM-DD: the decision holds for runs dated before this day")(
      "as-of", po::value<std::string>(&request.seen_as_of),
      "YYYY-MM-DD: the as-of date of the report the decision is taken on (ownership records "
      "dated after it lapse the decision; default: the decision's day, records dated that day "
      "included)");
  po::variables_map values;
  int exit_code = kExitOk;
  if (!ParseOptions("decide", options, args, &values, &exit_code)) return exit_code;
  if (!decisions::ParseVerdict(verdict, &request.verdict)) {
    return Fail(
        "decide",
        Status::Usage("--decision must be cleared, confirmed or escalated, got '" + verdict + "'"));
  }
  Status status = decisions::ParseHitRef(hit, &request.hit);
  request.hit.evidence = evidence;
  decisions::DecisionRecord record;
  if (status.ok()) status = decisions::RecordDecision(db_path, request, &record);
  if (!status.ok()) return Fail("decide", status);
  std::cout << "decision " << record.decision_id << ": " << decisions::VerdictName(record.verdict)
            << " " << hit << " on "
            << (record.entity_id.empty() ? "shipment " + record.shipment_id
                                         : "party " + record.entity_id)
            << " by " << record.decided_by
            << (record.expires_on.empty() ? "" : ", until " + record.expires_on) << "\n";
  return kExitOk;
}

int RunAudit(const std::vector<std::string>& args) {
  if (!args.empty() && args[0] == "record-run") {
    return RunRecordRun(std::vector<std::string>(args.begin() + 1, args.end()));
  }
  po::options_description options(
      "audit options (and `corridor audit record-run --db FILE --scores FILE [--by NAME]`)");
  std::string db_path, since, format = "csv";
  options.add_options()("help,h", "show this help")(
      "db", po::value<std::string>(&db_path)->required(), "input database")(
      "since", po::value<std::string>(&since), "only lines recorded on or after YYYY-MM-DD")(
      "format", po::value<std::string>(&format), "csv (default) or json");
  po::variables_map values;
  int exit_code = kExitOk;
  if (!ParseOptions("audit", options, args, &values, &exit_code)) return exit_code;
  if (format != "csv" && format != "json") {
    return Fail("audit", Status::Usage("--format must be csv or json, got '" + format + "'"));
  }
  std::vector<decisions::AuditEvent> events;
  Status status = decisions::ListAudit(db_path, since, &events);
  if (!status.ok()) return Fail("audit", status);
  if (format == "csv") {
    std::cout << "audit_id,recorded_at,event,actor,subject,detail\n";
    for (const decisions::AuditEvent& e : events) {
      std::cout << e.audit_id << "," << CsvField(e.recorded_at) << "," << CsvField(e.event) << ","
                << CsvField(e.actor) << "," << CsvField(e.subject) << "," << CsvField(e.detail)
                << "\n";
    }
    return kExitOk;
  }
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const decisions::AuditEvent& e : events) {
    out.push_back({{"audit_id", e.audit_id},
                   {"recorded_at", e.recorded_at},
                   {"event", e.event},
                   {"actor", e.actor},
                   {"subject", e.subject},
                   {"detail", nlohmann::ordered_json::parse(e.detail, nullptr, false)}});
  }
  std::cout << out.dump(2) << "\n";
  return kExitOk;
}

}  // namespace corridor::cli
