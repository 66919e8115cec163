// Reading the ownership graph from the input database.
#include "engine/ownership/ownership_load.h"

// g++ 12 at -O2 reports false -Wrestrict warnings on std::string concatenation (GCC bug
// 105651); they are not real overlaps.
#if defined(__GNUC__) && !defined(__clang__) && __GNUC__ == 12
#pragma GCC diagnostic ignored "-Wrestrict"
#endif

#include <memory>
#include <unordered_set>

#include "engine/base/date.h"
#include "engine/base/strings.h"

namespace corridor {

// Node names carry their source ("entity:" or "list:<list>:"), so a company id that happens to
// equal a list entry id never becomes the same node.
constexpr std::string_view kEntityNodePrefix = "entity:";

std::string EntityNodeName(std::string_view entity_id) {
  std::string name(kEntityNodePrefix);
  name.append(entity_id);
  return name;
}

std::string_view EntityIdOfNode(std::string_view node_name) {
  if (node_name.substr(0, kEntityNodePrefix.size()) != kEntityNodePrefix) return {};
  return node_name.substr(kEntityNodePrefix.size());
}

std::string ListNodeName(std::string_view list_id, std::string_view entry_id) {
  std::string name = "list:";
  name.append(list_id).append(":").append(entry_id);
  return name;
}

namespace {

// Reads the share column: nullopt (unknown) for NULL; false when it is unusable.
bool ReadShare(const Statement& row, int column, std::optional<double>* share,
               std::string* problem) {
  // NULL is "not published", which the analysis treats as unknown (upper bound only). A value it
  // cannot read is not guessed: the row is skipped and reported, since reading it as 0 would hide
  // an owner and reading it as unknown would make its target possibly blocked on bad data.
  share->reset();
  if (row.IsNull(column)) return true;
  if (!row.IsNumeric(column)) {
    *problem = "\"";
    problem->append(row.Text(column)).append("\" is not a number; skipped");
    return false;
  }
  const double value = row.Double(column);
  // Written as !(in range) so that NaN is rejected too.
  if (!(value >= 0 && value <= 100)) {
    *problem = FormatNumber(value) + " is outside 0..100; skipped";
    return false;
  }
  *share = value;
  return true;
}

// Checks as_of; returns the text to pass on ("" when missing or invalid).
std::string ReadAsOf(const Statement& row, int column, const std::string& table,
                     const std::string& row_id, std::vector<OwnershipProblem>* problems) {
  std::optional<std::string> as_of = row.OptionalText(column);
  if (!as_of || Trim(*as_of).empty()) return "";
  std::string text(Trim(*as_of));
  if (!ParseDay(text)) {
    problems->push_back({table, row_id, "as_of", "\"" + text + "\" is not an ISO date; undated"});
    return "";
  }
  return text;
}

// True when a record dated `as_of` postdates the screening date: not yet known then, so skipped
// (not a problem of the record). A partial date is read as the FIRST day of its period here (from
// a review, 2026-12-07): "2025" may stand for any day of 2025, so screening on 2025-05-25 keeps
// it; the end-of-period reading of ParseDay, cautious for staleness, would drop it and could hide
// a block.
bool AfterAsOf(const std::string& as_of, const OwnershipLoadOptions& options) {
  if (as_of.empty() || options.as_of.empty()) return false;
  std::optional<std::chrono::sys_days> record = ParseIsoDayStartOf(as_of);
  std::optional<std::chrono::sys_days> screening = ParseIsoDayStartOf(options.as_of);
  return record && screening && *record > *screening;
}

Status LoadEntities(Database* db, const OwnershipLoadOptions& options, OwnershipGraph* graph,
                    std::vector<OwnershipProblem>* problems) {
  std::unordered_set<std::string> entities;
  {
    std::unique_ptr<Statement> row;
    Status status = db->Prepare("SELECT entity_id FROM entity", &row);
    if (!status.ok()) return status;
    while (row->Step()) {
      std::string id = row->Text(0);
      // Every entity becomes a node (when asked) so that the analysis has a result for parties with
      // no ownership records too; the id set checks the ownership rows' references below.
      if (options.add_all_entities) graph->AddNode(EntityNodeName(id));
      entities.insert(std::move(id));
    }
    if (!row->status().ok()) return row->status();
  }
  std::unique_ptr<Statement> row;
  // ORDER BY rowid: the rowid is the edge's record id in problems and explanations, and Finalize()
  // breaks ties between records of one holding by it, so the order must be the table's.
  Status status = db->Prepare(
      "SELECT rowid, owner_id, owned_id, share, control, as_of FROM ownership ORDER BY rowid",
      &row);
  if (!status.ok()) return status;
  const std::string table = "ownership";
  while (row->Step()) {
    const int64_t rowid = row->Int(0);
    const std::string owner = row->Text(1), owned = row->Text(2);
    const std::string row_id = "row " + std::to_string(rowid) + " (" + owner + " -> " + owned + ")";
    bool ok = true;
    for (auto [column, id] : {std::pair{"owner_id", owner}, std::pair{"owned_id", owned}}) {
      if (!ok) break;
      if (Trim(id).empty()) {
        problems->push_back({table, row_id, column, "missing; skipped"});
        ok = false;
      } else if (!entities.count(id)) {
        problems->push_back({table, row_id, column, "no entity \"" + id + "\"; skipped"});
        ok = false;
      }
    }
    if (!ok) continue;
    if (owner == owned) {
      problems->push_back({table, row_id, "owned_id", "self-ownership ignored"});
      continue;
    }
    std::optional<double> share;
    std::string problem;
    if (!ReadShare(*row, 3, &share, &problem)) {
      problems->push_back({table, row_id, "share", problem});
      continue;
    }
    // Control is a flag: NULL (not recorded) is no control, any non-zero number is control. A
    // value that is not a number ('true', 'yes', 'x': SQLite keeps text in an INTEGER column) was
    // read as 0, no control, without a word, and an EU-controlled party cleared (from a review,
    // 2026-12-07). It is reported and read as control, the cautious reading; the row and its
    // share stay (skipping them could clear a majority-owned party).
    const bool unreadable_control = !row->IsNull(4) && !row->IsNumeric(4);
    if (unreadable_control) {
      problems->push_back(
          {table, row_id, "control", "\"" + row->Text(4) + "\" is not a number; read as control"});
    }
    const bool control = unreadable_control || (!row->IsNull(4) && row->Double(4) != 0);
    const std::string as_of = ReadAsOf(*row, 5, table, row_id, problems);
    if (AfterAsOf(as_of, options)) continue;
    graph->AddEdge(graph->AddNode(EntityNodeName(owner)), graph->AddNode(EntityNodeName(owned)),
                   share, control, as_of, rowid);
  }
  return row->status();
}

Status LoadListLinks(Database* db, const OwnershipLoadOptions& options, OwnershipGraph* graph,
                     std::vector<OwnershipProblem>* problems) {
  // Links must point at entries present in the database: a link to an entry removed by a list
  // update would otherwise create a node that no name match can ever seed.
  std::unordered_set<std::string> entries;  // "list_id\x1f" "entry_id"
  auto key = [](const std::string& list, const std::string& entry) {
    return list + '\x1f' + entry;
  };
  {
    std::unique_ptr<Statement> row;
    Status status = db->Prepare("SELECT list_id, entry_id FROM list_entry", &row);
    if (!status.ok()) return status;
    while (row->Step()) entries.insert(key(row->Text(0), row->Text(1)));
    if (!row->status().ok()) return row->status();
  }
  const std::unordered_set<std::string> wanted(options.list_ids.begin(), options.list_ids.end());
  std::unique_ptr<Statement> row;
  Status status = db->Prepare(
      "SELECT rowid, list_id, entry_id, target_list_id, target_entry_id, target_name, share, "
      "as_of FROM list_link WHERE kind = 'ownership' ORDER BY rowid",
      &row);
  if (!status.ok()) return status;
  const std::string table = "list_link";
  while (row->Step()) {
    const int64_t rowid = row->Int(0);
    const std::string list = row->Text(1), entry = row->Text(2);
    // Filtered by the owner's list only: the regime's lists decide which owners count, and an
    // owner on a wanted list may hold an entry of another list.
    if (!wanted.empty() && !wanted.count(list)) continue;
    const std::string row_id = list + ":" + entry + " row " + std::to_string(rowid);
    if (Trim(list).empty() || Trim(entry).empty()) {
      problems->push_back({table, row_id, "entry_id", "missing; skipped"});
      continue;
    }
    if (!entries.count(key(list, entry))) {
      problems->push_back({table, row_id, "entry_id", "no list entry; skipped"});
      continue;
    }
    // The importer leaves target_* NULL when it could not resolve the link's target to an entry
    // (docs/lists.md, "Finalise"); such a link is reported with its name, never resolved by name
    // here: a wrong guess would block an unrelated party.
    if (row->IsNull(3) || row->IsNull(4) || Trim(row->Text(4)).empty()) {
      problems->push_back(
          {table, row_id, "target_entry_id",
           "target \"" + row->Text(5) + "\" not resolved to a list entry; skipped"});
      continue;
    }
    const std::string target_list = row->Text(3), target_entry = row->Text(4);
    if (!entries.count(key(target_list, target_entry))) {
      problems->push_back({table, row_id, "target_entry_id",
                           "no list entry " + target_list + ":" + target_entry + "; skipped"});
      continue;
    }
    if (target_list == list && target_entry == entry) {
      problems->push_back({table, row_id, "target_entry_id", "self-ownership ignored"});
      continue;
    }
    std::optional<double> share;
    std::string problem;
    if (!ReadShare(*row, 6, &share, &problem)) {
      problems->push_back({table, row_id, "share", problem});
      continue;
    }
    const std::string as_of = ReadAsOf(*row, 7, table, row_id, problems);
    if (AfterAsOf(as_of, options)) continue;
    // list_link has no control column: ownership links (FollowTheMoney Ownership records) carry a
    // share, never control, so these edges are never control edges.
    graph->AddEdge(graph->AddNode(ListNodeName(list, entry)),
                   graph->AddNode(ListNodeName(target_list, target_entry)), share, false, as_of,
                   rowid);
  }
  return row->status();
}

}  // namespace

Status LoadOwnershipGraph(Database* db, const OwnershipLoadOptions& options, OwnershipGraph* graph,
                          std::vector<OwnershipProblem>* problems) {
  // The graph may already hold edges and problems from an earlier load into it; only those found
  // by this call are copied to `problems`.
  const size_t graph_problems_before = graph->problems().size();
  if (options.load_ownership_table) {
    for (const char* table : {"entity", "ownership"}) {
      bool exists = false;
      Status read = db->HasTable(table, &exists);
      if (!read.ok()) return read;
      if (!exists) {
        return Status::Error(db->path() + ": no table " + table + " (not a corridor database?)");
      }
    }
    Status status = LoadEntities(db, options, graph, problems);
    if (!status.ok()) return status;
  }
  if (options.load_list_links) {
    for (const char* table : {"list_entry", "list_link"}) {
      bool exists = false;
      Status read = db->HasTable(table, &exists);
      if (!read.ok()) return read;
      if (!exists) {
        return Status::Error(db->path() + ": no table " + table + " (not a corridor database?)");
      }
    }
    Status status = LoadListLinks(db, options, graph, problems);
    if (!status.ok()) return status;
  }
  if (options.finalize) {
    graph->Finalize();
    problems->insert(problems->end(), graph->problems().begin() + graph_problems_before,
                     graph->problems().end());
  }
  return Status::Ok();
}

}  // namespace corridor
