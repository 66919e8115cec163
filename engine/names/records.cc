// LoadNameRecords: the names of listed entries, read from an input database.
#include <sqlite3.h>

#include <map>
#include <memory>
#include <string>
#include <thread>
#include <utility>

#include "engine/names/matcher.h"
#include "engine/names/normalize.h"
#include "engine/store/database.h"

namespace corridor::names {

namespace {

using EntryKey = std::pair<std::string, std::string>;

// "SELECT ... FROM table" restricted to `list_ids` (all when empty).
std::string Restricted(const std::string& select, size_t list_count) {
  if (list_count == 0) return select;
  std::string sql = select + " WHERE list_id IN (";
  // Placeholders, never the ids themselves in the SQL text: list ids come from the command line and
  // rule files.
  for (size_t i = 0; i < list_count; ++i) sql += i == 0 ? "?" : ",?";
  return sql + ")";
}

Status Query(Database* db, const std::string& sql, const std::vector<std::string>& list_ids,
             std::unique_ptr<Statement>* statement) {
  Status status = db->Prepare(sql, statement);
  if (!status.ok()) return status;
  for (size_t i = 0; i < list_ids.size(); ++i) {
    (*statement)->BindText(static_cast<int>(i + 1), list_ids[i]);
  }
  return Status::Ok();
}

void AddUnique(std::vector<std::string>* values, const std::string& value) {
  // Few values per entry, so a linear scan beats a set; the order of first appearance is kept,
  // which is the order explanations list the values in.
  if (value.empty()) return;
  for (const std::string& existing : *values) {
    if (existing == value) return;
  }
  values->push_back(value);
}

// Starts WarmTransliterators on a thread of its own at the first name with a character of
// U+3000..U+DFFF (CJK, kana, Hangul: a three-byte UTF-8 sequence led by 0xE3..0xED), so that lists
// without such names never pay for Han-Latin; joins it on destruction.
class EastAsianWarmer {
 public:
  void See(const std::string& name) {
    if (warm_.joinable()) return;
    for (char c : name) {
      const auto byte = static_cast<unsigned char>(c);
      if (byte >= 0xE3 && byte <= 0xED) {
        warm_ = std::jthread(WarmTransliterators);
        return;
      }
    }
  }

 private:
  std::jthread warm_;
};

Status LoadNameRecordsInSnapshot(Database* db, const std::vector<std::string>& list_ids,
                                 std::vector<NameRecord>* records);

}  // namespace

// The list tables are read in one read transaction: the entries, then their aliases and facts,
// each in its own SELECT, would otherwise see an import commit between them (an alias of the new
// version found, its new entry not: a state no version had; since 2026-12-07, from a review).
// An import waits for the read to end (SQLite's busy timeout), or reads its own snapshot in WAL
// mode. Inside a caller's transaction, that one is the snapshot.
Status LoadNameRecords(Database* db, const std::vector<std::string>& list_ids,
                       std::vector<NameRecord>* records) {
  const bool own = sqlite3_get_autocommit(db->handle()) != 0;
  if (own) {
    Status begun = db->Execute("BEGIN");
    if (!begun.ok()) return begun;
  }
  Status status = LoadNameRecordsInSnapshot(db, list_ids, records);
  if (own) {
    Status ended = db->Execute(status.ok() ? "COMMIT" : "ROLLBACK");
    if (status.ok()) status = ended;
  }
  return status;
}

namespace {

Status LoadNameRecordsInSnapshot(Database* db, const std::vector<std::string>& list_ids,
                                 std::vector<NameRecord>* records) {
  records->clear();
  // Han-Latin's rules are parsed on a second core while this one reads on (joined on return).
  EastAsianWarmer warmer;
  // Which optional tables exist; a read error here is an error, never "no such table".
  std::map<std::string, bool> has;
  for (const char* table :
       {"list_entry", "list_alias", "list_attribute", "list_address", "list_identifier"}) {
    Status read = db->HasTable(table, &has[table]);
    if (!read.ok()) return read;
  }
  if (!has["list_entry"]) {
    return Status::Error(db->path() + ": no list_entry table (not a corridor input database)");
  }
  // The entries, with their facts; names are added at the end.
  // An ordered map: records come out sorted by (list, entry), so record ids, and the tie-breaks
  // that use them, do not depend on the tables' row order.
  std::map<EntryKey, NameRecord> entries;
  std::map<EntryKey, std::vector<std::string>> aliases;
  std::unique_ptr<Statement> statement;
  Status status = Query(db,
                        Restricted("SELECT list_id, entry_id, kind, name, programs, country, "
                                   "birth_date FROM list_entry",
                                   list_ids.size()),
                        list_ids, &statement);
  if (!status.ok()) return status;
  while (statement->Step()) {
    NameRecord record;
    record.list_id = statement->Text(0);
    record.entry_id = statement->Text(1);
    record.kind = statement->Text(2);
    record.name = statement->Text(3);
    warmer.See(record.name);
    record.programs = statement->Text(4);
    AddUnique(&record.countries, statement->Text(5));
    AddUnique(&record.birth_dates, statement->Text(6));
    entries[{record.list_id, record.entry_id}] = std::move(record);
  }
  if (!statement->status().ok()) return statement->status();

  // The side tables are optional (a database may hold entries only); each adds facts to the entries
  // read above and ignores rows of entries that are not there (another list, or orphans).
  if (has["list_alias"]) {
    status =
        Query(db, Restricted("SELECT list_id, entry_id, name FROM list_alias", list_ids.size()),
              list_ids, &statement);
    if (!status.ok()) return status;
    while (statement->Step()) {
      std::string alias = statement->Text(2);
      warmer.See(alias);
      aliases[{statement->Text(0), statement->Text(1)}].push_back(std::move(alias));
    }
    if (!statement->status().ok()) return statement->status();
  }
  if (has["list_attribute"]) {
    status = Query(db,
                   Restricted("SELECT list_id, entry_id, key, value, country FROM list_attribute",
                              list_ids.size()),
                   list_ids, &statement);
    if (!status.ok()) return status;
    while (statement->Step()) {
      auto found = entries.find({statement->Text(0), statement->Text(1)});
      if (found == entries.end()) continue;
      std::string key = statement->Text(2);
      // Every listed birth date corroborates, alt. and circa ones included: the matcher takes the
      // best agreement over them (docs/matching.md "Corroboration").
      if (key == "birth_date") AddUnique(&found->second.birth_dates, statement->Text(3));
      // The attribute's country code, not its text; attributes without a recognised country add
      // nothing (AddUnique skips "").
      if (key == "nationality" || key == "citizenship") {
        AddUnique(&found->second.countries, statement->Text(4));
      }
    }
    if (!statement->status().ok()) return statement->status();
  }
  if (has["list_address"]) {
    status = Query(
        db, Restricted("SELECT list_id, entry_id, country FROM list_address", list_ids.size()),
        list_ids, &statement);
    if (!status.ok()) return status;
    while (statement->Step()) {
      auto found = entries.find({statement->Text(0), statement->Text(1)});
      // Address countries count as the entry's countries too, as docs/matching.md lists (entry,
      // nationality, citizenship, address).
      if (found != entries.end()) AddUnique(&found->second.countries, statement->Text(2));
    }
    if (!statement->status().ok()) return statement->status();
  }
  if (has["list_identifier"]) {
    status = Query(db,
                   Restricted("SELECT list_id, entry_id, id_type, number, country FROM "
                              "list_identifier",
                              list_ids.size()),
                   list_ids, &statement);
    if (!status.ok()) return status;
    while (statement->Step()) {
      auto found = entries.find({statement->Text(0), statement->Text(1)});
      if (found == entries.end()) continue;
      found->second.identifiers.push_back(
          {statement->Text(2), statement->Text(3), statement->Text(4)});
    }
    if (!statement->status().ok()) return statement->status();
  }
  for (auto& [key, record] : entries) {
    records->push_back(record);
    auto found = aliases.find(key);
    if (found == aliases.end()) continue;
    for (const std::string& alias : found->second) {
      // Each alias is a record of its own carrying all of the entry's facts, so any of its names
      // can be matched and corroborated alike; the index groups them back by entry.
      NameRecord copy = record;
      copy.name = alias;
      copy.is_alias = true;
      records->push_back(std::move(copy));
    }
  }
  return Status::Ok();
}

}  // namespace

}  // namespace corridor::names
