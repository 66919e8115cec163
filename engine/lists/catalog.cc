#include "engine/lists/catalog.h"

#include <memory>

#include "engine/names/normalize.h"

namespace corridor {

namespace {

// Counts the names and aliases of `info->list_id` that the normaliser refuses.
Status CountUnscreenable(Database* db, size_t examples, LoadedListInfo* info) {
  std::unique_ptr<Statement> query;
  // Normalised here with the matcher's own normaliser, so the count is exactly the names
  // screening would skip (the index reports the same ones as NameProblems).
  Status status = db->Prepare(
      "SELECT entry_id, name FROM list_entry WHERE list_id = ?1 UNION ALL "
      "SELECT entry_id, name FROM list_alias WHERE list_id = ?1",
      &query);
  if (!status.ok()) return status;
  query->BindText(1, info->list_id);
  names::NameNormalizer& normalizer = names::ThreadNameNormalizer();
  names::NormalizedName normalized;
  while (query->Step()) {
    std::string name = query->Text(1);
    Status normal = normalizer.Normalize(name, &normalized);
    if (normal.ok()) continue;
    ++info->unscreenable;
    if (info->unscreenable_examples.size() < examples) {
      info->unscreenable_examples.push_back(
          {"entry " + query->Text(0), "name '" + name + "': " + normal.message()});
    }
  }
  return query->status();
}

}  // namespace

Status ReadLoadedLists(Database* db, size_t examples, std::vector<LoadedListInfo>* lists) {
  lists->clear();
  bool has_schema = false;
  Status read = db->HasTable("list_source", &has_schema);
  if (!read.ok()) return read;
  if (!has_schema) {
    return Status::NotFound(db->path() + ": holds no corridor input schema");
  }
  std::unique_ptr<Statement> query, rejects;
  Status status = db->Prepare(
      // The counts are the rows the list holds (each table is indexed by list_id first): a list
      // written by SQL, not by import-list, leaves list_source's counters at 0.
      "SELECT list_id, ifnull(publisher, ''), ifnull(version, ''), sha256, "
      "(SELECT count(*) FROM list_entry e WHERE e.list_id = s.list_id), "
      "(SELECT count(*) FROM list_alias a WHERE a.list_id = s.list_id), "
      "(SELECT count(*) FROM list_address d WHERE d.list_id = s.list_id), "
      "(SELECT count(*) FROM list_link l WHERE l.list_id = s.list_id), "
      "imported_at, rejected_count, format FROM list_source s ORDER BY list_id",
      &query);
  if (status.ok()) {
    // Rejects of the latest import only (the one whose rows are loaded), in file order; import
    // ids grow with each import, so max() is the latest.
    status = db->Prepare(
        "SELECT location, reason FROM list_reject WHERE import_id = (SELECT max(import_id) FROM "
        "list_import WHERE list_id = ?1) ORDER BY rowid LIMIT ?2",
        &rejects);
  }
  if (!status.ok()) return status;
  while (query->Step()) {
    LoadedListInfo info;
    info.list_id = query->Text(0);
    info.publisher = query->Text(1);
    info.version = query->Text(2);
    info.sha256 = query->Text(3);
    info.entries = query->Int(4);
    info.aliases = query->Int(5);
    info.addresses = query->Int(6);
    info.links = query->Int(7);
    info.imported_at = query->Text(8);
    info.rejected = query->Int(9);
    info.format = query->Text(10);
    rejects->Reset();
    rejects->BindText(1, info.list_id);
    rejects->BindInt(2, static_cast<int64_t>(examples));
    while (rejects->Step()) info.rejects.push_back({rejects->Text(0), rejects->Text(1)});
    if (!rejects->status().ok()) return rejects->status();
    status = CountUnscreenable(db, examples, &info);
    if (!status.ok()) return status;
    lists->push_back(std::move(info));
  }
  return query->status();
}

Status ReadLatestChanges(Database* db, const std::string& list_id, ListChangeSet* changes) {
  *changes = ListChangeSet();
  bool has_schema = false;
  Status read = db->HasTable("list_import", &has_schema);
  if (!read.ok()) return read;
  if (!has_schema) {
    return Status::NotFound(db->path() + ": holds no corridor input schema");
  }
  std::unique_ptr<Statement> query;
  // The latest import is the one whose changes describe the list as loaded now.
  Status status = db->Prepare(
      "SELECT import_id, imported_at, ifnull(version, ''), added_count, removed_count, "
      "changed_count FROM list_import WHERE list_id = ?1 ORDER BY import_id DESC LIMIT 1",
      &query);
  if (!status.ok()) return status;
  query->BindText(1, list_id);
  if (!query->Step()) {
    if (!query->status().ok()) return query->status();
    return Status::NotFound("no import of list '" + list_id + "' in " + db->path());
  }
  changes->import_id = query->Int(0);
  changes->imported_at = query->Text(1);
  changes->version = query->Text(2);
  changes->added = query->Int(3);
  changes->removed = query->Int(4);
  changes->changed = query->Int(5);
  // Grouped by kind of change (added, changed, removed) and in id order, so two runs print the same
  // report.
  status = db->Prepare(
      "SELECT change, entry_id, name FROM list_change WHERE import_id = ?1 "
      "ORDER BY change, entry_id",
      &query);
  if (!status.ok()) return status;
  query->BindInt(1, changes->import_id);
  while (query->Step()) {
    changes->changes.push_back({query->Text(0), query->Text(1), query->Text(2)});
  }
  return query->status();
}

}  // namespace corridor
