// corridor merge (join the streams of a sharded run) and diff (shipments whose decision changed
// between two runs). docs/batch.md describes both.
#include <algorithm>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>

#include "engine/base/strings.h"
#include "engine/cli/commands.h"
#include "engine/cli/subcommands.h"
#include "engine/output/explain.h"
#include "engine/output/explain_formats.h"
#include "engine/output/score_stream.h"

namespace corridor::cli {

namespace po = boost::program_options;

namespace {

// One shard's stream, read one shipment ahead.
struct ShardInput {
  std::string path;
  std::unique_ptr<ScoreReader> reader;
  scores::StreamHeader header;
  scores::ScoreRecord next;  // the next shipment, or the summary once has_shipment is false
  bool has_shipment = false;
  int64_t shipment_problems = 0;  // problems of this shard's shipments
  scores::StreamSummary read;     // what the shipments read add up to

  Status Advance() {
    std::string previous = has_shipment ? ShipmentOrderKey(next.shipment()) : std::string();
    std::string previous_id = has_shipment ? next.shipment().shipment_id() : std::string();
    const bool had_shipment = has_shipment;
    if (!reader->Next(&next)) {
      return reader->status().ok() ? Status::Corruption(path + ": stream ends without a summary")
                                   : reader->status();
    }
    has_shipment = next.has_shipment();
    // Shards are written in shipment_id order, and the merge relies on it: a stream out of order
    // (damaged, or made by hand) would be merged out of order without a word.
    if (has_shipment && had_shipment && !(previous < ShipmentOrderKey(next.shipment()))) {
      return Status::Corruption(path + ": shipment " + next.shipment().shipment_id() + " follows " +
                                previous_id + ": not in shipment_id order");
    }
    if (has_shipment) {
      shipment_problems += next.shipment().problems_size();
      AccountShipment(next.shipment(), &read);
      return Status::Ok();
    }
    return CheckSummary();
  }

  // At the shard's summary: its counts must be those of the shipments read, and nothing may
  // follow it. A shard with a record taken out (a BLOCK gone), or with another's records
  // appended, was otherwise merged into a stream whose fresh summary hid it (since 2026-12-07,
  // from a review).
  Status CheckSummary() {
    const scores::StreamSummary& theirs = next.summary();
    if (theirs.shipments() != read.shipments() || theirs.clear() != read.clear() ||
        theirs.review() != read.review() || theirs.hold() != read.hold() ||
        theirs.block() != read.block() || theirs.suppressed_hits() != read.suppressed_hits() ||
        theirs.suppressed_evidence() != read.suppressed_evidence()) {
      return Status::Corruption(
          path + ": its summary counts " + std::to_string(theirs.shipments()) + " shipments (" +
          std::to_string(theirs.block()) + " block), but " + std::to_string(read.shipments()) +
          " (" + std::to_string(read.block()) +
          " block) were read: a record was taken out or added");
    }
    scores::ScoreRecord after;
    if (reader->Next(&after)) return Status::Corruption(path + ": data after the summary record");
    return reader->status();
  }
};

// Opens every shard and checks they are the N shards of one run: the same header but for
// `shard`, and each K of K/N exactly once.
Status OpenShards(const std::vector<std::string>& paths, std::vector<ShardInput>* shards) {
  std::set<int> seen;
  for (const std::string& path : paths) {
    ShardInput& shard = shards->emplace_back();
    shard.path = path;
    Status status = ScoreReader::Open(path, &shard.reader);
    if (!status.ok()) return status;
    scores::ScoreRecord first;
    if (!shard.reader->Next(&first)) return shard.reader->status();
    shard.header = first.header();
    const std::string& name = shard.header.shard();
    size_t slash = name.find('/');
    if (slash == std::string::npos) {
      return Status::Refused(path + ": not a shard (written without --shard)");
    }
    if (shard.header.selected_shipments() > 0) {
      return Status::Refused(path + ": screened " +
                             std::to_string(shard.header.selected_shipments()) +
                             " shipments named by --shipment, not a shard of a whole run");
    }
    // A header written by `screen --shard` says what ParseShard reads; anything else is a
    // damaged or foreign stream, refused by name (std::stoi threw: "internal error").
    int index = 0, count = 0;
    if (!ParseShard(name, &index, &count)) {
      return Status::Corruption(path + ": its header's shard \"" + name +
                                "\" is not K/N with 1 <= K <= N");
    }
    if (count != static_cast<int>(paths.size())) {
      return Status::Refused(path + ": shard " + name + ", but " + std::to_string(paths.size()) +
                             " streams were given: merge needs all " + std::to_string(count));
    }
    if (!seen.insert(index).second) {
      return Status::Refused(path + ": shard " + name + " was given twice");
    }
    scores::StreamHeader mine = shard.header, theirs = shards->front().header;
    mine.clear_shard();
    theirs.clear_shard();
    if (mine.SerializeAsString() != theirs.SerializeAsString()) {
      return Status::Refused(path + ": its header differs from " + shards->front().path +
                             "'s (another database state, rules, lists or --as-of)");
    }
    status = shard.Advance();
    if (!status.ok()) return status;
  }
  return Status::Ok();
}

// Writes the shards' shipments in shipment_id order, then the summary of the whole run.
Status MergeShards(std::vector<ShardInput>* shards, ScoreWriter* writer) {
  scores::ScoreRecord record;
  *record.mutable_header() = shards->front().header;
  record.mutable_header()->clear_shard();
  Status status = writer->Write(record);
  scores::StreamSummary summary;
  while (status.ok()) {
    ShardInput* least = nullptr;
    for (ShardInput& shard : *shards) {
      if (shard.has_shipment &&
          (least == nullptr ||
           ShipmentOrderKey(shard.next.shipment()) < ShipmentOrderKey(least->next.shipment()))) {
        least = &shard;
      }
    }
    if (least == nullptr) break;
    AccountShipment(least->next.shipment(), &summary);
    status = writer->Write(least->next);
    if (status.ok()) status = least->Advance();
  }
  if (!status.ok()) return status;
  // Every shard read every row, so each holds the same run problems (rows that belong to no
  // shipment, ownership and incident problems), counted once in the whole run's summary.
  const scores::StreamSummary& first = shards->front().next.summary();
  int64_t run_problems = first.data_problems() - shards->front().shipment_problems;
  for (const ShardInput& shard : *shards) {
    const scores::StreamSummary& theirs = shard.next.summary();
    if (theirs.data_problems() - shard.shipment_problems != run_problems ||
        theirs.run_problems_size() != first.run_problems_size()) {
      return Status::Corruption(shard.path + ": its run problems differ from " +
                                shards->front().path + "'s");
    }
  }
  summary.set_data_problems(summary.data_problems() + run_problems);
  *summary.mutable_run_problems() = first.run_problems();
  record.Clear();
  *record.mutable_summary() = summary;
  status = writer->Write(record);
  if (!status.ok()) return status;
  return writer->Commit();
}

// A shipment's decision and score in one stream of a diff.
struct Outcome {
  std::string decision;  // "" when the stream does not hold the shipment
  double score = 0;
  std::string shipment_id;
};

struct Change {
  std::string shipment_id;
  Outcome before, after;
};

// Reads every shipment's outcome, in stream (shipment_id) order, and the stream's header.
Status ReadOutcomes(const std::string& path, std::vector<std::pair<std::string, Outcome>>* out,
                    scores::StreamHeader* header) {
  std::unique_ptr<ScoreReader> reader;
  Status status = ScoreReader::Open(path, &reader);
  if (!status.ok()) return status;
  scores::ScoreRecord record;
  while (reader->Next(&record)) {
    if (record.has_header()) *header = record.header();
    if (!record.has_shipment()) continue;
    // Keyed by the database's bytes (ShipmentOrderKey): two ids that differ only in bytes that
    // are not UTF-8 are two shipments.
    out->push_back({ShipmentOrderKey(record.shipment()),
                    {DecisionName(record.shipment().decision()), record.shipment().score(),
                     record.shipment().shipment_id()}});
  }
  if (!reader->status().ok()) return reader->status();
  // Streams are written in shipment_id order; one that is not (made by hand, or by another tool)
  // is sorted here rather than compared wrongly. A shipment twice has no one decision.
  std::stable_sort(out->begin(), out->end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  for (size_t i = 1; i < out->size(); ++i) {
    if ((*out)[i].first == (*out)[i - 1].first) {
      return Status::Corruption(path + ": shipment " + (*out)[i].second.shipment_id +
                                " appears twice");
    }
  }
  return Status::Ok();
}

}  // namespace

int RunMerge(const std::vector<std::string>& args) {
  po::options_description options("merge options");
  std::vector<std::string> inputs;
  std::string out_path;
  std::string format = "delimited";
  options.add_options()("help,h", "show this help")(
      "shards", po::value<std::vector<std::string>>(&inputs)->composing(),
      "the shard streams (also as positional arguments)")(
      "out", po::value<std::string>(&out_path)->required(), "merged scores file to write")(
      "format", po::value<std::string>(&format), "delimited (default) or json");
  po::positional_options_description positional;
  positional.add("shards", -1);
  po::variables_map values;
  try {
    po::store(po::command_line_parser(args).options(options).positional(positional).run(), values);
  } catch (const po::error& error) {
    std::cerr << "corridor merge: " << error.what() << "\n";
    return kExitUsage;
  }
  if (values.count("help")) {
    std::cout << "usage: corridor merge SHARD... --out FILE [--format delimited|json]\n" << options;
    return kExitOk;
  }
  try {
    po::notify(values);
  } catch (const po::error& error) {
    std::cerr << "corridor merge: " << error.what() << "\n";
    return kExitUsage;
  }
  ScoreFormat score_format;
  if (!ParseScoreFormat(format, &score_format)) {
    std::cerr << "corridor merge: --format must be delimited or json, got '" << format << "'\n";
    return kExitUsage;
  }
  if (inputs.empty()) {
    std::cerr << "corridor merge: name the shard streams to merge\n";
    return kExitUsage;
  }
  Status status = CheckOutputPath(out_path, inputs);
  std::vector<ShardInput> shards;
  if (status.ok()) status = OpenShards(inputs, &shards);
  std::unique_ptr<ScoreWriter> writer;
  if (status.ok()) status = ScoreWriter::Open(out_path, score_format, &writer);
  if (status.ok()) status = MergeShards(&shards, writer.get());
  if (!status.ok()) return Fail("merge", status);
  std::cerr << "corridor merge: wrote " << out_path << " from " << shards.size() << " shards\n";
  return kExitOk;
}

int RunDiff(const std::vector<std::string>& args) {
  po::options_description options("diff options");
  std::vector<std::string> paths;
  std::string format = "csv";
  options.add_options()("help,h", "show this help")(
      "streams", po::value<std::vector<std::string>>(&paths)->composing(), "OLD and NEW")(
      "format", po::value<std::string>(&format), "csv (default) or json");
  po::positional_options_description positional;
  positional.add("streams", -1);
  po::variables_map values;
  try {
    po::store(po::command_line_parser(args).options(options).positional(positional).run(), values);
    po::notify(values);
  } catch (const po::error& error) {
    std::cerr << "corridor diff: " << error.what() << "\n";
    return kExitUsage;
  }
  if (values.count("help")) {
    std::cout << "usage: corridor diff OLD NEW [--format csv|json]\n" << options;
    return kExitOk;
  }
  if (paths.size() != 2 || (format != "csv" && format != "json")) {
    std::cerr << "corridor diff: usage: corridor diff OLD NEW [--format csv|json]\n";
    return kExitUsage;
  }
  std::vector<std::pair<std::string, Outcome>> before, after;
  scores::StreamHeader old_header, new_header;
  Status status = ReadOutcomes(paths[0], &before, &old_header);
  if (status.ok()) status = ReadOutcomes(paths[1], &after, &new_header);
  if (!status.ok()) return Fail("diff", status);
  // Streams that screened different slices differ by what was screened, not by decisions: a
  // shard against a whole run listed every other shard's shipment as gone (from a review,
  // 2026-12-08). Shards of different splits are refused; a run of selected shipments
  // (`screen --shipment`) is compared on the shipments both streams hold, and stderr says so.
  if (old_header.shard() != new_header.shard()) {
    auto covers = [](const scores::StreamHeader& header) {
      return header.shard().empty() ? std::string("the whole run") : "shard " + header.shard();
    };
    return Fail("diff", Status::Usage(paths[0] + " covers " + covers(old_header) + " and " +
                                      paths[1] + " " + covers(new_header) +
                                      ": compare streams of the same slice (merge the shards "
                                      "first with corridor merge)"));
  }
  const bool selected = old_header.selected_shipments() > 0 || new_header.selected_shipments() > 0;
  if (selected) {
    std::cerr << "corridor diff: " << (old_header.selected_shipments() > 0 ? paths[0] : paths[1])
              << " screened selected shipments only (screen --shipment): only shipments both "
                 "streams hold are compared\n";
  }
  // Both streams are in shipment_id order: one merge pass. A shipment in one stream only is a
  // change too (its decision appears or disappears), unless one stream holds selected shipments.
  std::vector<Change> changes;
  size_t i = 0, j = 0;
  while (i < before.size() || j < after.size()) {
    // Members are assigned one by one: g++ 12 at -O3 reads a braced Change with an empty
    // Outcome as "may be used uninitialized" (-Wmaybe-uninitialized, a false positive).
    Change change;
    if (j == after.size() || (i < before.size() && before[i].first < after[j].first)) {
      change.shipment_id = before[i].second.shipment_id;
      change.before = before[i].second;
      if (!selected) changes.push_back(std::move(change));
      ++i;
    } else if (i == before.size() || after[j].first < before[i].first) {
      change.shipment_id = after[j].second.shipment_id;
      change.after = after[j].second;
      if (!selected) changes.push_back(std::move(change));
      ++j;
    } else {
      if (before[i].second.decision != after[j].second.decision) {
        change.shipment_id = before[i].second.shipment_id;
        change.before = before[i].second;
        change.after = after[j].second;
        changes.push_back(std::move(change));
      }
      ++i;
      ++j;
    }
  }
  if (format == "csv") {
    std::cout << "shipment_id,old_decision,new_decision,old_score,new_score\n";
    for (const Change& change : changes) {
      std::cout << CsvField(change.shipment_id) << "," << change.before.decision << ","
                << change.after.decision << ","
                << (change.before.decision.empty() ? "" : FormatNumber(change.before.score)) << ","
                << (change.after.decision.empty() ? "" : FormatNumber(change.after.score)) << "\n";
    }
  } else {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const Change& change : changes) {
      nlohmann::ordered_json row;
      row["shipment_id"] = change.shipment_id;
      row["old_decision"] =
          change.before.decision.empty() ? nullptr : nlohmann::ordered_json(change.before.decision);
      row["new_decision"] =
          change.after.decision.empty() ? nullptr : nlohmann::ordered_json(change.after.decision);
      row["old_score"] =
          change.before.decision.empty() ? nullptr : nlohmann::ordered_json(change.before.score);
      row["new_score"] =
          change.after.decision.empty() ? nullptr : nlohmann::ordered_json(change.after.score);
      out.push_back(row);
    }
    std::cout << out.dump(1) << "\n";
  }
  std::cerr << "corridor diff: " << changes.size() << " shipments changed decision\n";
  return kExitOk;
}

}  // namespace corridor::cli
