// ImportList: parse, finalise (resolve links, digests) and write in one transaction.
#include "engine/lists/import.h"

#include <algorithm>
#include <ctime>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "engine/base/strings.h"
#include "engine/lists/document.h"

namespace corridor {

namespace {

using lists::Document;
using lists::Entry;

struct FormatInfo {
  const char* name;
  lists::Parser parser;
  bool list_id_is_prefix = false;  // the parser applies --list-id itself
  // A generic format carries no list identity of its own (any company's list, any FtM export):
  // without --list-id two different lists would replace each other under one default id.
  bool generic = false;
};

const std::vector<FormatInfo>& Formats() {
  static const std::vector<FormatInfo> formats = {
      {"ofac-csv", lists::ParseOfacCsv},
      {"un-xml", lists::ParseUnXml},
      {"csl-csv", lists::ParseCslCsv, /*list_id_is_prefix=*/true},
      {"dpl-tsv", lists::ParseDplTsv},
      {"uk-csv", lists::ParseUkCsv},
      {"ftm-json", lists::ParseFtmJson, false, /*generic=*/true},
      {"csv", lists::ParseSimpleCsv, false, /*generic=*/true},
  };
  return formats;
}

const FormatInfo* FindFormat(const std::string& name) {
  for (const FormatInfo& format : Formats()) {
    if (name == format.name) return &format;
  }
  return nullptr;
}

std::string BaseName(const std::string& path) {
  size_t slash = path.find_last_of('/');
  return path.substr(slash == std::string::npos ? 0 : slash + 1);
}

// The name of the first field of `entry` that is not valid UTF-8, or "" when all are.
std::string InvalidUtf8Field(const Entry& entry) {
  std::vector<std::pair<const char*, const std::string*>> fields = {
      {"id", &entry.entry_id},
      {"kind", &entry.kind},
      {"name", &entry.name},
      {"country", &entry.country},
      {"birth date", &entry.birth_date},
      {"remarks", &entry.remarks},
      {"listed on", &entry.listed_on}};
  for (const std::string& program : entry.programs) fields.push_back({"program", &program});
  for (const lists::Alias& alias : entry.aliases) {
    fields.push_back({"alias", &alias.name});
    fields.push_back({"alias quality", &alias.quality});
  }
  for (const lists::Address& a : entry.addresses) {
    for (const std::string* text :
         {&a.address, &a.city, &a.region, &a.postal_code, &a.country, &a.country_name}) {
      fields.push_back({"address", text});
    }
  }
  for (const lists::Attribute& a : entry.attributes) {
    for (const std::string* text : {&a.key, &a.value, &a.country, &a.note}) {
      fields.push_back({"attribute", text});
    }
  }
  for (const lists::Identifier& i : entry.identifiers) {
    for (const std::string* text : {&i.id_type, &i.number, &i.country, &i.note}) {
      fields.push_back({"identifier", text});
    }
  }
  for (const lists::Link& l : entry.links) {
    for (const std::string* text :
         {&l.kind, &l.target_list_id, &l.target_entry_id, &l.target_name, &l.as_of, &l.role}) {
      fields.push_back({"link", text});
    }
  }
  for (const auto& [name, text] : fields) {
    if (!lists::IsValidUtf8(*text, nullptr)) return name;
  }
  return "";
}

// The last line of defence for the list_* tables: an entry with any text that is not valid
// UTF-8 is rejected (the name normaliser would refuse it, and screening would skip it without
// a word); reject texts and the document's own texts are converted.
void RejectInvalidUtf8(Document* document) {
  std::vector<Entry> kept;
  kept.reserve(document->entries.size());
  const std::string file = BaseName(document->source_path);
  for (Entry& entry : document->entries) {
    std::string field = InvalidUtf8Field(entry);
    if (field.empty()) {
      kept.push_back(std::move(entry));
    } else {
      document->rejects.push_back(
          {file, "entry " + lists::ToUtf8(entry.entry_id) + ": " + field + " is not valid UTF-8"});
    }
  }
  document->entries = std::move(kept);
  for (ListReject& reject : document->rejects) {
    reject.location = lists::ToUtf8(reject.location);
    reject.reason = lists::ToUtf8(reject.reason);
  }
  for (std::string* text : {&document->list_id, &document->name, &document->publisher,
                            &document->version, &document->source_path}) {
    *text = lists::ToUtf8(*text);
  }
}

std::string NowUtc() {
  std::time_t now = std::time(nullptr);
  std::tm utc;
  gmtime_r(&now, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof(buffer), "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buffer;
}

// Drops repeated aliases, resolves links to entries of the same list by exact primary name.
void Finalize(Document* document) {
  std::unordered_map<std::string, std::string> by_name;  // name -> entry_id; "" when ambiguous
  for (const Entry& entry : document->entries) {
    // A name shared by two entries of the list is ambiguous and resolves nothing: linking to the
    // wrong one of two namesakes would pass a listed status to the wrong party.
    for (const std::string* name : {&entry.name, &entry.published_name}) {
      if (name->empty() || (name == &entry.published_name && *name == entry.name)) continue;
      auto [it, inserted] = by_name.emplace(*name, entry.entry_id);
      if (!inserted && it->second != entry.entry_id) it->second.clear();
    }
  }
  for (Entry& entry : document->entries) {
    // A name published twice (as a.k.a. and as low-quality a.k.a., say) is kept once, with the
    // quality it first had; the primary name is not repeated as an alias.
    std::set<std::string> seen = {entry.name};
    std::vector<lists::Alias> aliases;
    for (lists::Alias& alias : entry.aliases) {
      if (seen.insert(alias.name).second) aliases.push_back(std::move(alias));
    }
    entry.aliases = std::move(aliases);
    for (lists::Link& link : entry.links) {
      if (!link.target_entry_id.empty() && link.target_list_id.empty()) {
        link.target_list_id = document->list_id;  // a parser resolved it within its own file
      }
      if (!link.target_entry_id.empty() || link.target_name.empty()) continue;
      std::string name = link.target_name;
      auto found = by_name.find(name);
      if ((found == by_name.end() || found->second.empty()) && name.back() == '.') {
        // The period may end the Remarks rather than the name ("Linked To: HIZBALLAH.").
        name.pop_back();
        found = by_name.find(name);
        if (found == by_name.end() || found->second.empty()) name = link.target_name;
      }
      if (found != by_name.end() && !found->second.empty()) {
        link.target_list_id = document->list_id;
        link.target_entry_id = found->second;
        link.target_name = name;
      } else if (name.back() == '.') {
        // Unresolved: drop the period unless the last word is an abbreviation ("CO., LTD.").
        size_t space = name.find_last_of(' ');
        std::string last = name.substr(space == std::string::npos ? 0 : space + 1);
        // A last word with an inner period ("S.A.") or of five characters or fewer with its period
        // ("LTD.", "INC.") is taken as an abbreviation and keeps it.
        bool abbreviation = last.find('.') != last.size() - 1 || last.size() <= 5;
        if (!abbreviation) name.pop_back();
        link.target_name = name;
      }
    }
  }
}

class Writer {
 public:
  // `origin`: recorded as list_source.source_path when not empty (ImportOptions::origin).
  Writer(Database* db, std::string origin) : db_(db), origin_(std::move(origin)) {}

  Status Prepare() {
    const std::pair<std::unique_ptr<Statement>*, const char*> statements[] = {
        {&entry_,
         "INSERT INTO list_entry(list_id, entry_id, kind, name, programs, country, "
         "birth_date, remarks, listed_on, digest) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10)"},
        {&alias_, "INSERT INTO list_alias(list_id, entry_id, name, quality) VALUES (?1,?2,?3,?4)"},
        {&address_,
         "INSERT INTO list_address(list_id, entry_id, address, city, region, "
         "postal_code, country, country_name) VALUES (?1,?2,?3,?4,?5,?6,?7,?8)"},
        {&attribute_,
         "INSERT INTO list_attribute(list_id, entry_id, key, value, country, note) "
         "VALUES (?1,?2,?3,?4,?5,?6)"},
        {&identifier_,
         "INSERT INTO list_identifier(list_id, entry_id, id_type, number, country, "
         "note) VALUES (?1,?2,?3,?4,?5,?6)"},
        {&link_,
         "INSERT INTO list_link(list_id, entry_id, kind, target_list_id, "
         "target_entry_id, target_name, share, as_of, role) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9)"},
        {&change_,
         "INSERT INTO list_change(import_id, list_id, entry_id, change, name) "
         "VALUES (?1,?2,?3,?4,?5)"},
        {&reject_,
         "INSERT INTO list_reject(import_id, list_id, location, reason) "
         "VALUES (?1,?2,?3,?4)"},
    };
    for (const auto& [statement, sql] : statements) {
      Status status = db_->Prepare(sql, statement);
      if (!status.ok()) return status;
    }
    return Status::Ok();
  }

  // REQUIRES: `document` has been finalised. Its unresolved links may be resolved here against
  // the other lists in the database (which is why it is not const).
  Status Write(Document& document, const std::string& imported_at, ListImportSummary* summary) {
    const std::string& list_id = document.list_id;
    summary->list_id = list_id;
    summary->version = document.version;
    summary->sha256 = document.sha256;
    summary->rejects = document.rejects;

    // The previous version's digests, then its rows go.
    // Replace, not merge: the new file is the whole list, so every row of the previous version goes
    // and the digests say which entries were added, changed or removed.
    std::map<std::string, std::pair<std::string, std::string>> previous;  // id -> digest, name
    Status removed = RemovePrevious(list_id, &previous);
    if (!removed.ok()) return removed;
    {
      std::unique_ptr<Statement> insert;
      Status status = db_->Prepare(
          "INSERT INTO list_import(list_id, version, sha256, imported_at, rejected_count) "
          "VALUES (?1,?2,?3,?4,?5)",
          &insert);
      if (!status.ok()) return status;
      insert->BindText(1, list_id);
      BindOptional(insert.get(), 2, document.version);
      insert->BindText(3, document.sha256);
      insert->BindText(4, imported_at);
      insert->BindInt(5, static_cast<int64_t>(document.rejects.size()));
      status = insert->Run();
      if (!status.ok()) return status;
      // The import row is written first so that changes and rejects can refer to its id.
      summary->import_id = sqlite3_last_insert_rowid(db_->handle());
    }

    // Digests first: resolving a link against another list depends on what else is loaded and
    // must not make an unchanged entry look changed.
    std::vector<std::string> digests;
    digests.reserve(document.entries.size());
    for (const Entry& entry : document.entries) digests.push_back(lists::EntryDigest(entry));
    Status resolved = ResolveAcrossLists(&document);
    if (!resolved.ok()) return resolved;

    for (size_t i = 0; i < document.entries.size(); ++i) {
      const Entry& entry = document.entries[i];
      const std::string& digest = digests[i];
      Status status = WriteEntry(list_id, entry, digest, summary);
      if (!status.ok()) return status;
      auto found = previous.find(entry.entry_id);
      if (found == previous.end()) {
        ++summary->added;
        status = Change(summary->import_id, list_id, entry.entry_id, "added", entry.name);
      } else {
        if (found->second.first != digest) {
          ++summary->changed;
          status = Change(summary->import_id, list_id, entry.entry_id, "changed", entry.name);
        }
        previous.erase(found);
      }
      if (!status.ok()) return status;
    }
    for (const auto& [entry_id, digest_and_name] : previous) {
      ++summary->removed;
      Status status =
          Change(summary->import_id, list_id, entry_id, "removed", digest_and_name.second);
      if (!status.ok()) return status;
    }
    for (const ListReject& reject : document.rejects) {
      reject_->Reset();
      reject_->BindInt(1, summary->import_id);
      reject_->BindText(2, list_id);
      reject_->BindText(3, reject.location);
      reject_->BindText(4, reject.reason);
      Status status = reject_->Run();
      if (!status.ok()) return status;
    }

    std::unique_ptr<Statement> update;
    Status status = db_->Prepare(
        "UPDATE list_import SET added_count = ?2, removed_count = ?3, changed_count = ?4 "
        "WHERE import_id = ?1",
        &update);
    if (!status.ok()) return status;
    update->BindInt(1, summary->import_id);
    update->BindInt(2, summary->added);
    update->BindInt(3, summary->removed);
    update->BindInt(4, summary->changed);
    status = update->Run();
    if (!status.ok()) return status;

    return WriteSource(document, imported_at, *summary);
  }

 private:
  // Reads the digest and name of every entry of `list_id` into `previous`, then deletes the
  // list's rows from every list_* table that holds entries.
  Status RemovePrevious(const std::string& list_id,
                        std::map<std::string, std::pair<std::string, std::string>>* previous) {
    {
      std::unique_ptr<Statement> query;
      Status status =
          db_->Prepare("SELECT entry_id, digest, name FROM list_entry WHERE list_id = ?1", &query);
      if (!status.ok()) return status;
      query->BindText(1, list_id);
      while (query->Step()) (*previous)[query->Text(0)] = {query->Text(1), query->Text(2)};
      if (!query->status().ok()) return query->status();
    }
    for (const char* table : {"list_entry", "list_alias", "list_address", "list_attribute",
                              "list_identifier", "list_link"}) {
      std::unique_ptr<Statement> remove;
      Status status =
          db_->Prepare(std::string("DELETE FROM ") + table + " WHERE list_id = ?1", &remove);
      if (!status.ok()) return status;
      remove->BindText(1, list_id);
      status = remove->Run();
      if (!status.ok()) return status;
    }
    return Status::Ok();
  }

  // The list's row in list_source: what is loaded now, and from where.
  Status WriteSource(const Document& document, const std::string& imported_at,
                     const ListImportSummary& summary) {
    const std::string& list_id = document.list_id;
    std::unique_ptr<Statement> source;
    Status status = db_->Prepare(
        "INSERT OR REPLACE INTO list_source(list_id, name, publisher, format, version, "
        "source_path, sha256, imported_at, entry_count, alias_count, address_count, link_count, "
        "rejected_count) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13)",
        &source);
    if (!status.ok()) return status;
    source->BindText(1, list_id);
    BindOptional(source.get(), 2, document.name);
    BindOptional(source.get(), 3, document.publisher);
    source->BindText(4, document.format);
    BindOptional(source.get(), 5, document.version);
    source->BindText(6, origin_.empty() ? document.source_path : origin_);
    source->BindText(7, document.sha256);
    source->BindText(8, imported_at);
    source->BindInt(9, summary.entries);
    source->BindInt(10, summary.aliases);
    source->BindInt(11, summary.addresses);
    source->BindInt(12, summary.links);
    source->BindInt(13, static_cast<int64_t>(document.rejects.size()));
    return source->Run();
  }

  // A link whose target name is not an entry of its own list ("Linked To: OPEN JOINT-STOCK
  // COMPANY ROSNEFT OIL COMPANY", on OFAC's non-SDN list) is resolved to the one entry of another
  // loaded list with exactly that primary name, if there is exactly one.
  Status ResolveAcrossLists(Document* document) {
    std::unique_ptr<Statement> lookup;
    for (Entry& entry : document->entries) {
      for (lists::Link& link : entry.links) {
        if (!link.target_entry_id.empty() || link.target_name.empty()) continue;
        if (lookup == nullptr) {
          // LIMIT 2 is enough to tell "exactly one" from "several"; the name is tried with and
          // without a final period, which may belong to the Remarks rather than the name.
          Status status = db_->Prepare(
              "SELECT list_id, entry_id FROM list_entry WHERE list_id <> ?1 AND name IN (?2, ?3) "
              "LIMIT 2",
              &lookup);
          if (!status.ok()) return status;
        }
        const std::string& name = link.target_name;
        lookup->Reset();
        lookup->BindText(1, document->list_id);
        lookup->BindText(2, name);
        lookup->BindText(3, name.back() == '.' ? name.substr(0, name.size() - 1) : name + ".");
        std::vector<std::pair<std::string, std::string>> matches;
        while (lookup->Step()) matches.emplace_back(lookup->Text(0), lookup->Text(1));
        if (!lookup->status().ok()) return lookup->status();
        if (matches.size() == 1) {
          link.target_list_id = matches[0].first;
          link.target_entry_id = matches[0].second;
        }
      }
    }
    return Status::Ok();
  }

  static void BindOptional(Statement* statement, int index, const std::string& value) {
    if (value.empty()) {
      statement->BindNull(index);
    } else {
      statement->BindText(index, value);
    }
  }

  Status Change(int64_t import_id, const std::string& list_id, const std::string& entry_id,
                const char* change, const std::string& name) {
    change_->Reset();
    change_->BindInt(1, import_id);
    change_->BindText(2, list_id);
    change_->BindText(3, entry_id);
    change_->BindText(4, change);
    change_->BindText(5, name);
    return change_->Run();
  }

  Status WriteEntry(const std::string& list_id, const Entry& entry, const std::string& digest,
                    ListImportSummary* summary) {
    Statement* s = entry_.get();
    s->Reset();
    s->BindText(1, list_id);
    s->BindText(2, entry.entry_id);
    BindOptional(s, 3, entry.kind);
    // Programs are stored joined with "; " (docs/lists.md "Common conventions"); an empty text is
    // stored as NULL everywhere, so "not published" has one representation.
    s->BindText(4, entry.name);
    BindOptional(s, 5, Join(entry.programs, "; "));
    BindOptional(s, 6, entry.country);
    BindOptional(s, 7, entry.birth_date);
    BindOptional(s, 8, entry.remarks);
    BindOptional(s, 9, entry.listed_on);
    s->BindText(10, digest);
    Status status = s->Run();
    if (!status.ok()) return status;
    ++summary->entries;
    for (const lists::Alias& alias : entry.aliases) {
      s = alias_.get();
      s->Reset();
      s->BindText(1, list_id);
      s->BindText(2, entry.entry_id);
      s->BindText(3, alias.name);
      BindOptional(s, 4, alias.quality);
      if (!(status = s->Run()).ok()) return status;
      ++summary->aliases;
    }
    for (const lists::Address& address : entry.addresses) {
      s = address_.get();
      s->Reset();
      s->BindText(1, list_id);
      s->BindText(2, entry.entry_id);
      BindOptional(s, 3, address.address);
      BindOptional(s, 4, address.city);
      BindOptional(s, 5, address.region);
      BindOptional(s, 6, address.postal_code);
      BindOptional(s, 7, address.country);
      BindOptional(s, 8, address.country_name);
      if (!(status = s->Run()).ok()) return status;
      ++summary->addresses;
    }
    for (const lists::Attribute& attribute : entry.attributes) {
      s = attribute_.get();
      s->Reset();
      s->BindText(1, list_id);
      s->BindText(2, entry.entry_id);
      s->BindText(3, attribute.key);
      s->BindText(4, attribute.value);
      BindOptional(s, 5, attribute.country);
      BindOptional(s, 6, attribute.note);
      if (!(status = s->Run()).ok()) return status;
      ++summary->attributes;
    }
    for (const lists::Identifier& identifier : entry.identifiers) {
      s = identifier_.get();
      s->Reset();
      s->BindText(1, list_id);
      s->BindText(2, entry.entry_id);
      s->BindText(3, identifier.id_type);
      s->BindText(4, identifier.number);
      BindOptional(s, 5, identifier.country);
      BindOptional(s, 6, identifier.note);
      if (!(status = s->Run()).ok()) return status;
      ++summary->identifiers;
    }
    for (const lists::Link& link : entry.links) {
      s = link_.get();
      s->Reset();
      s->BindText(1, list_id);
      s->BindText(2, entry.entry_id);
      s->BindText(3, link.kind);
      BindOptional(s, 4, link.target_list_id);
      BindOptional(s, 5, link.target_entry_id);
      BindOptional(s, 6, link.target_name);
      if (link.share) {
        s->BindDouble(7, *link.share);
      } else {
        s->BindNull(7);
      }
      BindOptional(s, 8, link.as_of);
      BindOptional(s, 9, link.role);
      if (!(status = s->Run()).ok()) return status;
      ++summary->links;
    }
    return Status::Ok();
  }

  Database* db_;
  std::string origin_;
  std::unique_ptr<Statement> entry_, alias_, address_, attribute_, identifier_, link_, change_,
      reject_;
};

}  // namespace

const std::vector<std::string>& ListFormats() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    for (const FormatInfo& format : Formats()) out.push_back(format.name);
    return out;
  }();
  return names;
}

Status CheckImportOptions(const ImportOptions& options) {
  const std::string known = " (known: " + Join(ListFormats(), ", ") + ")";
  if (options.format.empty()) return Status::Usage("--format is required" + known);
  const FormatInfo* format = FindFormat(options.format);
  if (format == nullptr) {
    return Status::Usage("unknown list format '" + options.format + "'" + known);
  }
  if (options.path.empty()) return Status::Usage("--path is required");
  if (format->generic && options.list_id.empty()) {
    return Status::Usage("format " + options.format +
                         " is generic: --list-id is required to say which list the file is "
                         "(e.g. --list-id uflpa)");
  }
  // The list id is written into every row and into output: invalid UTF-8 there would break the
  // JSON output of every later run.
  if (!lists::IsValidUtf8(options.list_id, nullptr)) {
    return Status::Usage("--list-id is not valid UTF-8");
  }
  if (!(options.max_removed_share >= 0 && options.max_removed_share <= 1)) {
    return Status::Usage("--max-removed-share must be between 0 and 1");
  }
  if (options.max_file_bytes <= 0) return Status::Usage("--max-file-bytes must be positive");
  return Status::Ok();
}

namespace {

// What the database holds of a list before an import replaces it.
struct LoadedList {
  bool exists = false;
  std::string format, version, sha256;
  std::unordered_set<std::string> entry_ids;
  std::unordered_map<std::string, std::string> digests;  // entry id -> list_entry.digest
};

Status ReadLoadedList(Database* db, const std::string& list_id, LoadedList* loaded) {
  std::unique_ptr<Statement> query;
  Status status = db->Prepare(
      "SELECT format, ifnull(version, ''), ifnull(sha256, '') FROM list_source "
      "WHERE list_id = ?1",
      &query);
  if (!status.ok()) return status;
  query->BindText(1, list_id);
  if (query->Step()) {
    loaded->exists = true;
    loaded->format = query->Text(0);
    loaded->version = query->Text(1);
    loaded->sha256 = query->Text(2);
  }
  if (!query->status().ok()) return query->status();
  status =
      db->Prepare("SELECT entry_id, ifnull(digest, '') FROM list_entry WHERE list_id = ?1", &query);
  if (!status.ok()) return status;
  query->BindText(1, list_id);
  while (query->Step()) {
    loaded->entry_ids.insert(query->Text(0));
    loaded->digests.emplace(query->Text(0), query->Text(1));
  }
  return query->status();
}

// The largest all-digit entry id (OFAC's ent_num), or -1 when there is none.
template <typename Ids>
int64_t MaxNumericId(const Ids& ids) {
  int64_t max = -1;
  for (const std::string& id : ids) {
    // Over fifteen digits could overflow int64 in stoll; such ids are not ent_nums anyway.
    if (id.empty() || id.size() > 15 || id.find_first_not_of("0123456789") != std::string::npos) {
      continue;
    }
    max = std::max<int64_t>(max, std::stoll(id));
  }
  return max;
}

// Why `document` is older than the loaded version, or "" when it is not (or cannot be told).
// Versions that are both ISO dates compare as dates. OFAC's legacy CSV carries no date: without
// --version, the highest ent_num decides (OFAC numbers new entries upwards, never reusing one).
std::string OlderBecause(const Document& document, const LoadedList& loaded) {
  const std::string& was = loaded.version;
  const std::string& now = document.version;
  // One version, two contents: a version written once for every download (a sources file's
  // fixed `version`), or a file changed under one date. Either way the date says nothing about
  // which is newer (since 2026-12-07, from a review: a cut SDN download dated like the loaded
  // list replaced it, 538 designations and 924 aliases lost, exit 0).
  if (!now.empty() && now == was && !loaded.sha256.empty() && document.sha256 != loaded.sha256) {
    return "the file gives the loaded version " + now +
           " but its content differs (is the date given for every download alike, or was the file "
           "changed under one date?)";
  }
  // A dated list replaced by a file without a date: nothing would be older than "unknown" after
  // it, so the older-version check would be off for good (since 2026-12-07, from a review).
  if (IsIsoDate(was) && now.empty()) {
    return "the file carries no date and the loaded version is dated " + was +
           " (give the file's date with --version)";
  }
  // ISO dates of one precision compare as strings; at mixed precision a prefix sorts first
  // ("2024" < "2024-05").
  if (IsIsoDate(was) && IsIsoDate(now)) {
    if (now < was) return "version " + now + " is older than the loaded " + was;
    return "";
  }
  // A file dated by the user (--version) over one that was not: the date is what the user says
  // of the file, and the guess below cannot tell a newer publication that delisted the newest
  // entries from an older one (since 2026-12-07, from a review).
  if (IsIsoDate(now)) return "";
  if (document.format == "ofac-csv" && loaded.format == "ofac-csv") {
    std::vector<std::string> ids;
    for (const Entry& entry : document.entries) ids.push_back(entry.entry_id);
    int64_t new_max = MaxNumericId(ids), old_max = MaxNumericId(loaded.entry_ids);
    if (new_max >= 0 && new_max < old_max) {
      return "its highest ent_num " + std::to_string(new_max) + " is below the loaded list's " +
             std::to_string(old_max) +
             " (a newer publication that delists the newest entries looks so too: give its date "
             "with --version)";
    }
  }
  return "";
}

// The checks that need only the parsed file.
Status CheckDocument(const Document& document, const ImportOptions& options) {
  if (options.force) return Status::Ok();
  if (!document.truncated.empty()) {
    return Status::Refused(document.truncated +
                           ": the file ends mid-record (cut short?); refusing to import it "
                           "(--force imports the complete records)");
  }
  // An empty file would remove the whole list and make every listed party CLEAR: refused unless
  // forced.
  if (document.entries.empty()) {
    return Status::Refused(document.source_path + ": no entries for list '" + document.list_id +
                           "'; refusing to import an empty list (--force)");
  }
  return Status::Ok();
}

// The checks against the version in the database (`loaded`, read by ReadLoadedList). REQUIRES:
// inside the write transaction.
Status CheckReplacement(Database* db, const Document& document, const LoadedList& loaded,
                        const ImportOptions& options) {
  if (!loaded.exists) return Status::Ok();
  const std::string list = "list '" + document.list_id + "'";
  if (!options.force && loaded.format != document.format) {
    return Status::Refused(list + " was imported as " + loaded.format +
                           "; refusing to replace it with a " + document.format +
                           " file (choose another --list-id, or --force)");
  }
  if (!options.allow_older) {
    std::string older = OlderBecause(document, loaded);
    if (!older.empty()) {
      return Status::Refused(list + ": " + older +
                             "; refusing to replace a newer version (--allow-older)");
    }
  }
  // The removal check guards against a cut-off or wrong file replacing a list: lists remove few
  // entries per version, so a large share removed means the file is not what it claims.
  if (options.force || loaded.entry_ids.empty()) return Status::Ok();
  size_t kept = 0;
  for (const Entry& entry : document.entries) kept += loaded.entry_ids.count(entry.entry_id);
  const size_t removed = loaded.entry_ids.size() - kept;
  const double share = static_cast<double>(removed) / static_cast<double>(loaded.entry_ids.size());
  if (share > options.max_removed_share) {
    return Status::Refused(list + ": the import would remove " + std::to_string(removed) + " of " +
                           std::to_string(loaded.entry_ids.size()) + " entries (" +
                           FormatNumber(share * 100, 1) + "%), more than --max-removed-share " +
                           FormatNumber(options.max_removed_share, 2) +
                           " allows; is the file cut short or another list? (--force)");
  }
  // The same for the entries' other rows: a list read from several files (OFAC's sdn.csv with
  // alt.csv and add.csv) keeps its entries when a companion file is empty, cut short or an HTML
  // page, but loses their aliases or addresses (since 2026-12-07, from a review: an empty
  // alt.csv took the SDN list from 20,738 aliases to 3,689, and 9,834 published names no longer
  // found their entry). A table the loaded list holds fewer than 20 rows of is not checked.
  struct Rows {
    const char* table;
    const char* what;
    size_t now = 0;
  };
  Rows rows[] = {
      {"list_alias", "aliases"}, {"list_address", "addresses"}, {"list_identifier", "identifiers"}};
  for (const Entry& entry : document.entries) {
    rows[0].now += entry.aliases.size();
    rows[1].now += entry.addresses.size();
    rows[2].now += entry.identifiers.size();
  }
  for (const Rows& table : rows) {
    std::unique_ptr<Statement> count;
    Status status = db->Prepare(
        std::string("SELECT count(*) FROM ") + table.table + " WHERE list_id = ?1", &count);
    if (!status.ok()) return status;
    count->BindText(1, document.list_id);
    if (!count->Step()) return count->status();
    const auto before = static_cast<size_t>(count->Int(0));
    if (before < 20 || table.now >= before) continue;
    const double lost = static_cast<double>(before - table.now) / static_cast<double>(before);
    if (lost > options.max_removed_share) {
      return Status::Refused(
          list + ": the import would keep " + std::to_string(table.now) + " of the list's " +
          std::to_string(before) + " " + table.what + " (" + FormatNumber(lost * 100, 1) +
          "% fewer), more than --max-removed-share " + FormatNumber(options.max_removed_share, 2) +
          " allows; is a file of the list (a companion file such as alt.csv or add.csv) cut "
          "short, empty or missing? (--force)");
    }
  }
  return Status::Ok();
}

// Whether `document` is the loaded version again: the same files (SHA-256), format and entries
// (by digest). Such an import writes nothing, so that a nightly update with nothing new leaves
// the last real change set as the latest (`lists --changes`). A document with a link still to be
// resolved against the other lists is always written: what it resolves to may have changed.
bool SameAsLoaded(const Document& document, const LoadedList& loaded) {
  if (!loaded.exists || loaded.sha256.empty() || loaded.sha256 != document.sha256 ||
      loaded.format != document.format || loaded.version != document.version ||
      loaded.digests.size() != document.entries.size()) {
    return false;
  }
  for (const Entry& entry : document.entries) {
    for (const lists::Link& link : entry.links) {
      if (link.target_entry_id.empty() && !link.target_name.empty()) return false;
    }
    auto found = loaded.digests.find(entry.entry_id);
    if (found == loaded.digests.end() || found->second != lists::EntryDigest(entry)) return false;
  }
  return true;
}

// The publisher check of update-lists: a URL that now serves another publisher's list (a moved
// page, a wrong mirror) must not replace the list under its id.
Status CheckPublisher(Document* document, const ImportOptions& options) {
  if (options.expected_publisher.empty()) return Status::Ok();
  if (document->publisher.empty()) {
    document->publisher = options.expected_publisher;
    return Status::Ok();
  }
  if (document->publisher.find(options.expected_publisher) != std::string::npos) {
    return Status::Ok();
  }
  return Status::Refused(options.path + ": list '" + document->list_id + "' is published by '" +
                         document->publisher + "', not by '" + options.expected_publisher +
                         "' as expected");
}

// Parses and prepares every document of the file; nothing is written.
Status ParseDocuments(const FormatInfo& format, const ImportOptions& options,
                      std::vector<Document>* documents) {
  Status status = format.parser(options, documents);
  if (!status.ok()) return status;
  std::set<std::string> list_ids;
  for (Document& document : *documents) {
    if (!options.list_id.empty() && !format.list_id_is_prefix) document.list_id = options.list_id;
    // Two documents with one id would silently replace each other inside the transaction.
    if (!list_ids.insert(document.list_id).second) {
      return Status::Error(options.path + ": the " + options.format + " importer produced list '" +
                           document.list_id + "' twice");
    }
    // The file's own version wins over --version, which only fills in formats that carry none
    // (OFAC's legacy CSV).
    if (document.version.empty()) document.version = options.version;
    status = lists::Sha256Files(document.files, options.max_file_bytes, &document.sha256);
    if (!status.ok()) return status;
    Finalize(&document);
    RejectInvalidUtf8(&document);
    status = CheckPublisher(&document, options);
    if (!status.ok()) return status;
    status = CheckDocument(document, options);
    if (!status.ok()) return status;
  }
  return Status::Ok();
}

}  // namespace

Status ImportList(Database* db, const ImportOptions& options, ImportReport* report) {
  report->lists.clear();
  Status status = CheckImportOptions(options);
  if (!status.ok()) return status;
  const FormatInfo& format = *FindFormat(options.format);
  bool has_schema = false;
  status = db->HasTable("list_entry", &has_schema);
  if (!status.ok()) return status;
  if (!has_schema) {
    return Status::Error(db->path() + ": holds no corridor input schema (run corridor init)");
  }
  std::vector<Document> documents;
  status = ParseDocuments(format, options, &documents);
  if (!status.ok()) return status;

  std::string imported_at = options.imported_at.empty() ? NowUtc() : options.imported_at;
  status = db->Execute("BEGIN IMMEDIATE");
  if (!status.ok()) return status;
  // Migrations and the replacement checks run inside the write transaction, so another import
  // cannot change the list between the check and the write.
  status = MigrateInputSchema(db);
  std::vector<ListImportSummary> summaries(documents.size());
  std::vector<bool> unchanged(documents.size(), false);
  for (size_t i = 0; status.ok() && i < documents.size(); ++i) {
    LoadedList loaded;
    status = ReadLoadedList(db, documents[i].list_id, &loaded);
    if (status.ok() && SameAsLoaded(documents[i], loaded)) {
      unchanged[i] = true;
      ListImportSummary& summary = summaries[i];
      summary.list_id = documents[i].list_id;
      summary.version = documents[i].version;
      summary.sha256 = documents[i].sha256;
      summary.rejects = documents[i].rejects;
      summary.unchanged = true;
      summary.entries = static_cast<int64_t>(documents[i].entries.size());
      for (const Entry& entry : documents[i].entries) {
        summary.aliases += static_cast<int64_t>(entry.aliases.size());
        summary.addresses += static_cast<int64_t>(entry.addresses.size());
        summary.links += static_cast<int64_t>(entry.links.size());
        summary.identifiers += static_cast<int64_t>(entry.identifiers.size());
        summary.attributes += static_cast<int64_t>(entry.attributes.size());
      }
      continue;
    }
    if (status.ok()) status = CheckReplacement(db, documents[i], loaded, options);
  }
  Writer writer(db, options.origin);
  if (status.ok()) status = writer.Prepare();
  for (size_t i = 0; status.ok() && i < documents.size(); ++i) {
    if (!unchanged[i]) status = writer.Write(documents[i], imported_at, &summaries[i]);
    summaries[i].notes = documents[i].notes;
  }
  if (status.ok()) status = db->Execute("COMMIT");
  if (!status.ok()) {
    db->Execute("ROLLBACK");  // the previous version of every list stays as it was
    return status;
  }
  report->lists = std::move(summaries);
  return Status::Ok();
}

}  // namespace corridor
