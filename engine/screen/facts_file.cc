#include "engine/screen/facts_file.h"

#include <sys/stat.h>

#include <google/protobuf/io/zero_copy_stream_impl.h>

#include <algorithm>
#include <cstdio>
#include <fstream>

#include "engine/base/digest.h"
#include "engine/base/engine_build.h"
#include "engine/base/sha256.h"
#include "engine/output/record_checksum.h"
#include "engine/output/score_stream.h"
#include "schemas/scores.pb.h"

namespace corridor {

namespace {

void ToCache(const EntityFacts& facts, scores::CachedEntityFacts* out) {
  for (const ListMatchFact& match : facts.list_matches) {
    scores::CachedListMatch* m = out->add_list_matches();
    m->set_list_id(match.list_id);
    m->set_entry_id(match.entry_id);
    m->set_entry_name(match.entry_name);
    m->set_matched_name(match.matched_name);
    m->set_query_name(match.query_name);
    m->set_method(match.method);
    m->set_score(match.score);
    m->set_programs(match.programs);
    m->set_entry_kind(match.entry_kind);
    m->set_explanation(match.explanation);
    m->set_needs_corroboration(match.needs_corroboration);
    m->set_identifier_corroborates(match.identifier_corroborates);
  }
  for (const DataProblem& problem : facts.problems) {
    scores::CachedProblem* p = out->add_problems();
    p->set_table(problem.table);
    p->set_row_id(problem.row_id);
    p->set_column(problem.column);
    p->set_message(problem.message);
  }
  out->set_unscreenable(facts.unscreenable);
}

std::shared_ptr<const EntityFacts> FromCache(const scores::CachedEntityFacts& cached) {
  auto facts = std::make_shared<EntityFacts>();
  for (const scores::CachedListMatch& m : cached.list_matches()) {
    ListMatchFact& match = facts->list_matches.emplace_back();
    match.list_id = m.list_id();
    match.entry_id = m.entry_id();
    match.entry_name = m.entry_name();
    match.matched_name = m.matched_name();
    match.query_name = m.query_name();
    match.method = m.method();
    match.score = m.score();
    match.programs = m.programs();
    match.entry_kind = m.entry_kind();
    match.explanation = m.explanation();
    match.needs_corroboration = m.needs_corroboration();
    match.identifier_corroborates = m.identifier_corroborates();
  }
  for (const scores::CachedProblem& p : cached.problems()) {
    facts->problems.push_back({p.table(), p.row_id(), p.column(), p.message()});
  }
  facts->unscreenable = cached.unscreenable();
  return facts;
}

}  // namespace

std::string FactsPathFor(const std::string& scores_path) { return scores_path + ".facts"; }

std::string EntityContentKey(const Entity& entity) {
  // Appended in place: this runs for every party of every shipment (the run's facts cache
  // compares it), so it builds no temporaries. Each field is its length and its bytes, an
  // absent one DigestBuilder::kAbsent (DigestBuilder's form), so two records key alike only when
  // every field is the same: before 2026-12-07 aliases were joined with '\x1e', and an alias
  // holding that byte keyed alike with the two aliases it joins, so a delta reused the facts
  // screened for the one.
  std::string key;
  key.reserve(entity.kind.size() + entity.name.size() + 64);
  auto add = [&key](std::string_view field) { DigestBuilder::AppendField(field, &key); };
  auto add_optional = [&](const OptionalText& value) {
    if (value) {
      add(*value);
    } else {
      key += DigestBuilder::kAbsent;
    }
  };
  add(entity.kind);
  add(entity.name);
  for (const OptionalText* field :
       {&entity.country, &entity.birth_date, &entity.registration_id, &entity.imo}) {
    add_optional(*field);
  }
  for (const std::string& alias : entity.aliases) add(alias);
  return key;
}

uint64_t ContentKeyDigest(const std::string& content_key) {
  return Sha256::First8Bytes(content_key);
}

uint64_t ContentDigest(const Entity& entity) { return ContentKeyDigest(EntityContentKey(entity)); }

std::string SetupDigest(double name_floor, const rules::NameMatchingConfig& matching,
                        const std::set<std::string>& allow_lists) {
  char floor[40];
  std::snprintf(floor, sizeof(floor), "%.17g", name_floor);
  // Each field delimited by its length (DigestBuilder). The build, not only the version: another
  // build may screen the same entity differently.
  std::string fields;
  DigestBuilder::AppendField(EngineBuild(), &fields);
  DigestBuilder::AppendField(floor, &fields);
  // Deterministic: the same message serialises to the same bytes within one build (no maps).
  DigestBuilder::AppendField(matching.SerializeAsString(), &fields);
  for (const std::string& list : allow_lists) DigestBuilder::AppendField(list, &fields);
  Sha256 sha;
  sha.Update(fields);
  return sha.HexDigest();
}

FactsSetup MakeFactsSetup(const std::string& setup_digest, const ListNameScreener& screener) {
  FactsSetup setup;
  setup.setup_digest = setup_digest;
  setup.corpus_key = screener.index().CorpusKey();
  setup.screener = &screener;
  // Every field delimited by its length (DigestBuilder): a list or entry id may hold any byte.
  Sha256 sha;
  std::string fields;
  DigestBuilder::AppendField(setup_digest, &fields);
  DigestBuilder::AppendField(setup.corpus_key, &fields);
  sha.Update(fields);
  for (const auto& [key, digest] : screener.entry_digests()) {
    char hex[24];
    std::snprintf(hex, sizeof(hex), "%016llx", static_cast<unsigned long long>(digest));
    fields.clear();
    DigestBuilder::AppendField(key.first, &fields);
    DigestBuilder::AppendField(key.second, &fields);
    DigestBuilder::AppendField(hex, &fields);
    sha.Update(fields);
  }
  setup.screening_digest = sha.HexDigest();
  return setup;
}

void ReadFactsFile(const std::string& path, const FactsSetup& now, CachedFactsMap* facts,
                   PreviousLists* lists, std::string* note) {
  note->clear();
  // A FIFO or a device under the facts file's name would block the run or never end it (since
  // 2026-12-07, from a review): only a regular file is read; anything else is as no file.
  struct stat info;
  if (stat(path.c_str(), &info) == 0 && !S_ISREG(info.st_mode)) {
    *note = "the entity facts file " + path + " is not a regular file: not read";
    return;
  }
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    *note = "no entity facts file " + path;
    return;
  }
  google::protobuf::io::IstreamInputStream stream(&file);
  scores::FactsFileRecord record;
  std::string bytes;
  bool clean_eof = false;
  // One record, its checksum checked (record_checksum.h): this build writes one on every record,
  // so a record without one is damage too.
  auto read_record = [&] {
    record.Clear();
    return ReadDelimitedBytes(&stream, &bytes, &clean_eof) && record.ParseFromString(bytes) &&
           CheckRecord(bytes, &record) == ChecksumState::kValid;
  };
  if (!read_record() || !record.has_header()) {
    *note = path + " is not an entity facts file of this build, or is damaged";
    return;
  }
  const scores::FactsFileHeader& header = record.header();
  if (header.screening_digest() != now.screening_digest) {
    if (header.setup_digest() != now.setup_digest || header.corpus_key() != now.corpus_key) {
      *note = "the name matching, the build of corridor or the lists' size changed since " + path +
              " was written";
      return;
    }
    lists->changed = true;
    for (const scores::EntryDigest& entry : header.entries()) {
      lists->entries.push_back({{entry.list_id(), entry.entry_id()}, entry.digest()});
    }
    for (const scores::WordUnits& word : header.words()) {
      lists->words.emplace_back(word.word(), word.units());
    }
    // Written sorted; a file that is not is damaged and used for nothing.
    if (!std::is_sorted(lists->entries.begin(), lists->entries.end()) ||
        !std::is_sorted(lists->words.begin(), lists->words.end())) {
      *lists = PreviousLists();
      *note = path + " is damaged (its lists are not in order)";
      return;
    }
    *note = "the lists changed since " + path +
            " was written: entities are screened against the "
            "changed entries only";
  }
  while (true) {
    if (!read_record()) {
      if (!clean_eof) *note = path + " is damaged; the entities after the damage are screened";
      return;
    }
    if (!record.has_entity()) {
      *note = path + " is damaged; the entities after the damage are screened";
      return;
    }
    const scores::CachedEntityFacts& entity = record.entity();
    (*facts)[entity.entity_id()] = {entity.content_digest(), FromCache(entity)};
  }
}

Status WriteFactsFile(const std::string& path, const FactsSetup& setup,
                      const CachedFactsMap& facts) {
  std::unique_ptr<ScoreWriter> writer;
  Status status = ScoreWriter::Open(path, ScoreFormat::kDelimited, &writer);
  if (!status.ok()) return status;
  scores::FactsFileRecord record;
  scores::FactsFileHeader* header = record.mutable_header();
  header->set_screening_digest(setup.screening_digest);
  header->set_setup_digest(setup.setup_digest);
  header->set_corpus_key(setup.corpus_key);
  for (const auto& [key, digest] : setup.screener->entry_digests()) {
    scores::EntryDigest* entry = header->add_entries();
    entry->set_list_id(key.first);
    entry->set_entry_id(key.second);
    entry->set_digest(digest);
  }
  for (const auto& [word, units] : setup.screener->index().WordUnits()) {
    scores::WordUnits* out = header->add_words();
    out->set_word(word);
    out->set_units(units);
  }
  status = writer->WriteChecked(record);
  std::vector<const CachedFactsMap::value_type*> sorted;
  sorted.reserve(facts.size());
  for (const auto& entry : facts) sorted.push_back(&entry);
  std::sort(sorted.begin(), sorted.end(),
            [](const auto* a, const auto* b) { return a->first < b->first; });
  for (const auto* entry : sorted) {
    if (!status.ok()) return status;
    record.Clear();
    scores::CachedEntityFacts* entity = record.mutable_entity();
    entity->set_entity_id(entry->first);
    entity->set_content_digest(entry->second.content_digest);
    ToCache(*entry->second.facts, entity);
    status = writer->WriteChecked(record);
  }
  if (status.ok()) status = writer->Commit();
  return status;
}

}  // namespace corridor
