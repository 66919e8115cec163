// Rule kind `forced_labour`: the UFLPA's rebuttable presumption (and the EU Forced Labour
// Regulation (EU) 2024/3015, dated by its rule's effective_from like any other law: in_force.cc).
// shared/LAW.md: "UFLPA applies to goods entering the US: produced wholly or in part in Xinjiang,
// or by a listed entity, anywhere in the supply chain".
//
// An item is at risk when it comes from a configured region (Xinjiang) as its own origin region,
// the shipment's origin region, the shipper's or manufacturer's entity region or a loading leg
// inside the region; when a supplier is on a forced-labour entity list; when its HS code is in a
// high-priority sector (a dated table); or, "in part", when the shipper received inputs of it
// from the region in the months before (the trace table of inputs and products, with the earlier
// shipment as evidence). The conditions combine (1 - product of (1 - w/100)) up to the rule's
// weight. Goods that do not go to the regime's import countries (nor later, from the consignee)
// get only a supply-chain flag at out_of_scope_factor and no decision floor.
#include <algorithm>
#include <array>
#include <set>
#include <unordered_map>

#include "engine/base/sha256.h"
#include "engine/base/strings.h"
#include "engine/facts/party_screener.h"
#include "engine/load/records.h"
#include "engine/ownership/ownership.h"
#include "engine/rules/kinds.h"
#include "engine/rules/matchers.h"
#include "engine/rules/reference_table.h"
#include "engine/rules/shipment_rows.h"

namespace corridor {

namespace {

// The country part of an ISO 3166-2 code ("CN" of "CN-XJ"); "" for none.
std::string RegionCountry(const std::optional<std::string>& region) {
  if (!region || region->size() < 4 || (*region)[2] != '-') return "";
  return region->substr(0, 2);
}

// One input a party received from the region, found in the shipment history.
struct Receipt {
  int32_t day = 0;
  std::string shipped_on;
  std::string shipment_id;
  int64_t line = 0;
  std::string hs_code;  // digits
  std::string why;      // "origin region CN-XJ", "shipper E-1 region CN-XJ", ...
};

std::string Digits(const std::string& text) {
  std::string digits;
  for (char ch : text) {
    if (ch >= '0' && ch <= '9') digits += ch;
  }
  return digits;
}

struct TraceLink {
  std::string input;
  std::string product;
  std::string chain;
  ReferenceRow row;
};

class ForcedLabourRule : public CompiledRule {
 public:
  ForcedLabourRule(double max_weight, const rules::ForcedLabourRule& config, PlaceSet regions,
                   HsPrefixSet sectors, DatedHsTable dated_sectors, std::vector<TraceLink> trace,
                   std::set<std::string> entity_lists, std::set<std::string> entity_roles,
                   double name_threshold)
      : max_weight_(max_weight),
        name_threshold_(name_threshold),
        config_(config),
        regions_(std::move(regions)),
        sectors_(std::move(sectors)),
        dated_sectors_(std::move(dated_sectors)),
        trace_(std::move(trace)),
        entity_lists_(std::move(entity_lists)),
        entity_roles_(std::move(entity_roles)),
        sector_origins_(config.sector_origin_countries().begin(),
                        config.sector_origin_countries().end()),
        import_countries_(config.import_countries().begin(), config.import_countries().end()) {
    // The links a product (and an input) code can start with, by its first digit, in table
    // order.
    for (uint32_t i = 0; i < trace_.size(); ++i) {
      const std::string& product = trace_[i].product;
      const std::string& input = trace_[i].input;
      for (int digit = 0; digit < 10; ++digit) {
        if (product.empty() || product[0] == '0' + digit) links_by_digit_[digit].push_back(i);
        if (input.empty() || input[0] == '0' + digit) inputs_by_digit_[digit].push_back(i);
      }
    }
  }

  RuleNeeds Needs() const override {
    RuleNeeds needs;
    needs.lists.assign(entity_lists_.begin(), entity_lists_.end());
    // The screener must report matches down to this rule's threshold; without entity lists the rule
    // reads no matches and asks for none.
    if (!entity_lists_.empty()) needs.name_threshold = name_threshold_;
    return needs;
  }

  // A trace of inputs from listed suppliers asks the run's name screening (ScreenEntity), which
  // a helper thread has not got.
  bool PreparesFromInputOnly() const override { return trace_.empty() || entity_lists_.empty(); }
  bool ReadsOtherShipments() const override { return true; }  // traces, import windows
  Status Prepare(RunResources* resources) override {
    Status status = Status::Ok();
    if (!trace_.empty()) status = LoadReceipts(resources);
    if (status.ok() && !import_countries_.empty()) status = LoadImports(resources->input());
    if (status.ok()) DigestHistories();
    return status;
  }

  // A shipment reads the receipts (trace) and later imports (downstream scope) of its parties.
  void AppendCrossShipmentState(const Shipment& s, std::string* out) const override {
    for (const ShipmentParty& party : s.parties) {
      auto found = history_digests_.find(party.entity_id);
      if (found == history_digests_.end()) continue;
      *out += party.entity_id + '=' + found->second + ';';
    }
  }

  void Evaluate(const ShipmentContext& context, RuleOutcome* outcome) const override {
    const Shipment& s = context.shipment;
    std::vector<std::string> listed_suppliers = ListedSuppliers(context, false);
    // Suppliers found on an entity list by a short Chinese or Korean name alone: an item with
    // no other condition met is reported for review on them (MarkUncorroboratedName).
    std::vector<std::string> namesake_suppliers = ListedSuppliers(context, true);
    std::vector<std::pair<double, std::string>> shipment_wide = ShipmentWideRegion(s);
    std::string scope = Scope(s, context.as_of);
    double scope_factor = scope.empty() ? OutOfScopeFactor() : 1.0;
    if (scope_factor <= 0) return;
    for (const ShipmentItem& item : s.items) {
      std::vector<std::string> reasons;
      double remaining = 1.0;  // product of (1 - w/100) over the conditions met
      auto meet = [&](double weight, std::string reason) {
        remaining *= 1.0 - weight / 100.0;
        reasons.push_back(std::move(reason));
      };
      ItemRegion(s, item, meet);
      for (const auto& [weight, reason] : shipment_wide) meet(weight, reason);
      // Each listed supplier is its own condition: two listed producers of one item are stronger
      // evidence than one.
      for (const std::string& supplier : listed_suppliers) meet(config_.entity_weight(), supplier);
      std::string tier = Sector(s, item, context.as_of, meet);
      Trace(context, item, meet);
      bool namesakes_only = reasons.empty() && !namesake_suppliers.empty();
      if (namesakes_only) {
        for (const std::string& supplier : namesake_suppliers) {
          meet(config_.entity_weight(), supplier);
        }
      }
      if (reasons.empty()) continue;
      double combined = 100.0 * (1.0 - remaining);
      // The rule's weight is a cap, not a multiplier: no combination of conditions can make one
      // item weigh more than the rule says the presumption is worth (docs/rules.md).
      double weight = std::min(combined, max_weight_) * scope_factor;
      scores::Evidence* evidence = &outcome->evidence.emplace_back();
      SetItem(item, evidence->mutable_item());
      if (!tier.empty()) evidence->mutable_item()->set_tier(tier);
      evidence->set_field("item " + std::to_string(item.line));
      evidence->set_region(item.origin_region.value_or(""));
      evidence->set_weight(weight);
      std::string summary = "item " + std::to_string(item.line);
      if (item.description) summary += " \"" + *item.description + "\"";
      summary += ": " + Join(reasons, "; ");
      if (scope.empty()) {
        summary +=
            "; supply-chain flag only: the goods do not go to " +
            Join(std::vector<std::string>(import_countries_.begin(), import_countries_.end()),
                 ", ") +
            " (x" + FormatNumber(scope_factor) + ")";
      } else if (!import_countries_.empty()) {
        summary += "; " + scope;
      }
      summary += " => weight " + FormatNumber(weight);
      if (std::min(combined, max_weight_) < combined) summary += " (the rule's maximum)";
      evidence->set_summary(summary);
      if (namesakes_only) MarkUncorroboratedName(max_weight_, evidence);
    }
    // A supply-chain flag outside the regime's scope informs; it does not stop the goods.
    if (scope.empty() && !outcome->evidence.empty()) outcome->floor = DECISION_UNSPECIFIED;
  }

 private:
  double OutOfScopeFactor() const {
    return config_.has_out_of_scope_factor() ? config_.out_of_scope_factor() : 0.3;
  }
  double EntityRegionWeight() const {
    return config_.entity_region_weight() > 0 ? config_.entity_region_weight()
                                              : config_.region_weight();
  }
  double LegWeight() const {
    return config_.leg_weight() > 0 ? config_.leg_weight() : config_.region_weight() / 2;
  }
  double TraceWeight() const {
    return config_.trace_weight() > 0 ? config_.trace_weight() : config_.region_weight();
  }
  int TraceWindow() const {
    return config_.trace_window_days() > 0 ? config_.trace_window_days() : 365;
  }
  int DownstreamWindow() const {
    return config_.downstream_window_days() > 0 ? config_.downstream_window_days() : 365;
  }

  // The shipment's day: its dispatch date, else the screening date.
  int32_t ShipmentDay(const Shipment& s, const std::string& as_of) const {
    std::optional<int32_t> day = s.shipped_on ? ParseDay(*s.shipped_on) : std::nullopt;
    if (!day) day = ParseDay(as_of);
    return day.value_or(0);
  }

  // Why the goods are in the regime's scope ("" when not): a destination, final destination or
  // route leg in an import country, or a later shipment of the consignee's to one (downstream).
  std::string Scope(const Shipment& s, const std::string& as_of) const {
    if (import_countries_.empty()) return "in scope";
    auto in = [&](const OptionalText& country) {
      return country && import_countries_.count(*country) > 0;
    };
    if (in(s.final_destination_country)) return "final destination " + *s.final_destination_country;
    if (in(s.destination_country)) return "destination " + *s.destination_country;
    for (const ShipmentLeg& leg : s.legs) {
      if (in(leg.country)) return "route leg " + std::to_string(leg.seq) + " in " + *leg.country;
    }
    int32_t day = ShipmentDay(s, as_of);
    for (const ShipmentParty& party : s.parties) {
      if (party.role != "consignee") continue;
      auto found = imports_.find(party.entity_id);
      if (found == imports_.end()) continue;
      // The first shipment of the consignee's to an import country on or after this one.
      auto next = std::lower_bound(found->second.begin(), found->second.end(),
                                   std::make_pair(day, std::string()));
      if (next != found->second.end() && next->first - day <= DownstreamWindow()) {
        return "downstream: consignee " + party.entity_id + " ships to " +
               Join(std::vector<std::string>(import_countries_.begin(), import_countries_.end()),
                    ", ") +
               " in shipment " + next->second;
      }
    }
    return "";
  }

  // The suppliers on the rule's entity lists: by matches that need no corroboration, or
  // (`namesakes`) those found by a match that needs it and by no other.
  std::vector<std::string> ListedSuppliers(const ShipmentContext& context, bool namesakes) const {
    const Shipment& s = context.shipment;
    std::vector<std::string> listed_suppliers;
    std::set<std::string> seen;  // an entity named in two roles counts once
    for (size_t i = 0; i < s.parties.size(); ++i) {
      const ShipmentParty& party = s.parties[i];
      const EntityFacts* facts = context.party_facts[i];
      if (facts == nullptr || entity_roles_.count(party.role) == 0) continue;
      if (!seen.insert(party.entity_id).second) continue;
      const ListMatchFact* found = nullptr;
      bool decided = false;
      for (const ListMatchFact& match : facts->list_matches) {
        // Only matches at this rule's own threshold count: a looser rule elsewhere in the set
        // makes the screener report weaker matches, which must not drive this rule.
        if (entity_lists_.count(match.list_id) == 0 || !MatchCounts(match, name_threshold_))
          continue;
        if (MatchDecides(match, name_threshold_)) {
          found = &match;
          decided = true;
          break;
        }
        if (found == nullptr) found = &match;
      }
      if (found == nullptr || decided == namesakes) continue;
      listed_suppliers.push_back(party.role + " " + party.entity_id + " \"" + party.entity->name +
                                 "\" is on " + found->list_id + " as \"" + found->entry_name +
                                 "\"");
    }
    return listed_suppliers;
  }

  // The item's own origin region, or the shipment's when the item names none (and no other
  // country): red dates from a Hotan shipper with a blank item region are still from Xinjiang.
  template <typename Meet>
  void ItemRegion(const Shipment& s, const ShipmentItem& item, Meet meet) const {
    if (const std::string* label = regions_.MatchRegion(item.origin_region)) {
      meet(config_.region_weight(), "origin region " + *item.origin_region +
                                        (*label == *item.origin_region ? "" : " (" + *label + ")"));
    } else if (!item.origin_region &&
               (!item.origin_country || item.origin_country == s.origin_country ||
                RegionCountry(s.origin_region) == *item.origin_country)) {
      // The item's country is the shipment's, or the country of the shipment's region: an item
      // declared "CN" of a shipment from CN-XJ is no other country's (since 2026-12-07, from a
      // review: with the shipment's origin country blank, such an item had no forced-labour
      // hit and a shipment to the US came out clear).
      if (regions_.MatchRegion(s.origin_region)) {
        meet(config_.region_weight(),
             "shipment origin region " + *s.origin_region + " (the item names no region)");
      }
    }
  }

  // Conditions that hold for every item: the maker's or shipper's region, the loading point
  // inside the region. A declared origin elsewhere does not undo them (yarn declared Kazakh, made
  // in Kashgar).
  std::vector<std::pair<double, std::string>> ShipmentWideRegion(const Shipment& s) const {
    std::vector<std::pair<double, std::string>> out;
    std::set<std::string> seen;
    for (const ShipmentParty& party : s.parties) {
      if (!party.entity || entity_roles_.count(party.role) == 0) continue;
      if (!seen.insert(party.entity_id).second) continue;
      if (regions_.MatchRegion(party.entity->region)) {
        out.emplace_back(EntityRegionWeight(), party.role + " " + party.entity_id + " \"" +
                                                   party.entity->name + "\" is in region " +
                                                   *party.entity->region);
      }
    }
    // The first stop of the route is where the goods are loaded; a later stop inside the region
    // is transit (Urumqi and Kashgar are rail and road hubs for goods from all of China, and
    // Khorgos lies in Xinjiang on every road to Kazakhstan), which says nothing about where they
    // were made. A border crossing or transshipment stop is never a loading point.
    if (!s.legs.empty()) {
      const ShipmentLeg& leg = s.legs.front();
      bool passage = leg.kind && (*leg.kind == "border_crossing" || *leg.kind == "transshipment");
      if (!passage && regions_.MatchRegion(leg.region)) {
        out.emplace_back(LegWeight(), "route leg " + std::to_string(leg.seq) + " " +
                                          leg.location_name.value_or(leg.location.value_or("?")) +
                                          " (the loading point) is in region " + *leg.region);
      }
    }
    return out;
  }

  template <typename Meet>
  std::string Sector(const Shipment& s, const ShipmentItem& item, const std::string& as_of,
                     Meet meet) const {
    // The item's own origin first; the shipment's origin stands in when the item does not say. A
    // sector counts only for the configured origins (the UFLPA's high-priority sectors are about
    // goods from China), or for every origin when none is configured.
    OptionalText origin = item.origin_country ? item.origin_country : s.origin_country;
    if (!sector_origins_.empty() && !(origin && sector_origins_.count(*origin))) return "";
    const HsEntry* sector = sectors_.Match(item.hs_code, as_of);
    if (sector != nullptr) {
      meet(config_.sector_weight(), "HS " + *item.hs_code + " is in the high-priority sector " +
                                        sector->tier + " (" + sector->prefix + ")" +
                                        (origin ? ", origin " + *origin : ""));
      return sector->tier;
    }
    const ReferenceRow* row = dated_sectors_.Match(item.hs_code, as_of);
    if (row == nullptr) return "";
    meet(config_.sector_weight(),
         "HS " + *item.hs_code + " is in the high-priority sector " + row->Get("sector") + " (" +
             row->Get("hs_code") +
             (row->effective_from.empty() ? "" : ", from " + row->effective_from) + "; " +
             row->Get("source") + ")" + (origin ? ", origin " + *origin : ""));
    return row->Get("sector");
  }

  // "Wholly or in part": the shipper or manufacturer received inputs of this item from the region
  // in the trace window before this shipment.
  template <typename Meet>
  void Trace(const ShipmentContext& context, const ShipmentItem& item, Meet meet) const {
    if (trace_.empty() || !item.hs_code) return;
    // The trace table's links in force that lead to this item, in table order: most items are no
    // traced product, and then no receipt needs looking at.
    std::vector<const TraceLink*> links;
    auto consider = [&](const TraceLink& link) {
      if (StartsWith(*item.hs_code, link.product) && link.row.ActiveOn(context.as_of))
        links.push_back(&link);
    };
    const char lead = item.hs_code->empty() ? '\0' : (*item.hs_code)[0];
    if (lead >= '0' && lead <= '9') {
      for (uint32_t index : links_by_digit_[lead - '0']) consider(trace_[index]);
    } else {
      for (const TraceLink& link : trace_) consider(link);
    }
    if (links.empty()) return;
    const Shipment& s = context.shipment;
    int32_t day = ShipmentDay(s, context.as_of);
    for (const ShipmentParty& party : s.parties) {
      if (entity_roles_.count(party.role) == 0) continue;
      auto found = receipts_.find(party.entity_id);
      if (found == receipts_.end()) continue;
      // Receipts are in day order: only those in the window [day - window, day] are looked at
      // (two binary searches; a large buyer has thousands), latest first, so the evidence is the
      // closest in time.
      const std::vector<Receipt>& receipts = found->second;
      auto by_day = [](const Receipt& receipt, int32_t value) { return receipt.day < value; };
      auto first = std::lower_bound(receipts.begin(), receipts.end(), day - TraceWindow(), by_day);
      auto last = std::lower_bound(first, receipts.end(), day + 1, by_day);
      for (auto it = std::make_reverse_iterator(last); it != std::make_reverse_iterator(first);
           ++it) {
        const Receipt& receipt = *it;
        if (receipt.shipment_id == s.shipment_id) continue;
        // The first link in table order from the receipt's input to this item's product.
        const TraceLink* link = nullptr;
        for (const TraceLink* candidate : links) {
          if (StartsWith(receipt.hs_code, candidate->input)) {
            link = candidate;
            break;
          }
        }
        if (link == nullptr) continue;
        meet(TraceWeight(), "made in part of Xinjiang inputs: " + party.role + " " +
                                party.entity_id + " received HS " + receipt.hs_code + " (" +
                                link->chain + ") in shipment " + receipt.shipment_id + " line " +
                                std::to_string(receipt.line) + " on " + receipt.shipped_on + ", " +
                                receipt.why + "; " + link->row.Get("source"));
        return;  // one receipt is the evidence; the rule counts once per item
      }
    }
  }

  bool IsTraceInput(const std::string& hs) const {
    const char lead = hs.empty() ? '\0' : hs[0];
    if (lead >= '0' && lead <= '9') {
      for (uint32_t index : inputs_by_digit_[lead - '0']) {
        if (StartsWith(hs, trace_[index].input)) return true;
      }
      return false;
    }
    for (const TraceLink& link : trace_) {
      if (StartsWith(hs, link.input)) return true;
    }
    return false;
  }

  Status LoadReceipts(RunResources* resources);
  // Why the shipper or manufacturer of a traced input is on an entity list by the run's name
  // screening ("" when none is), each entity screened once.
  Status ListedByScreening(RunResources* resources, const std::string& entity_id,
                           std::map<std::string, std::string>* cache, std::string* why) const;
  Status LoadImports(Database* db);

  double max_weight_;
  double name_threshold_;
  rules::ForcedLabourRule config_;
  PlaceSet regions_;
  HsPrefixSet sectors_;
  DatedHsTable dated_sectors_;
  std::vector<TraceLink> trace_;
  std::array<std::vector<uint32_t>, 10> links_by_digit_;   // trace_ indexes, table order
  std::array<std::vector<uint32_t>, 10> inputs_by_digit_;  // by the input code's first digit
  std::set<std::string> entity_lists_;
  std::set<std::string> entity_roles_;
  std::set<std::string> sector_origins_;
  std::set<std::string> import_countries_;
  // Run-wide history, built once in Prepare and read-only afterwards (shared by every worker).
  // Hashed, as imports_ and history_digests_: found for every party of every shipment; each
  // entity's entry is digested on its own, so no walk depends on their order.
  std::unordered_map<std::string, std::vector<Receipt>> receipts_;  // by receiving entity, by day
  // Shipments of each shipper to an import country: (day, shipment_id), in order.
  std::unordered_map<std::string, std::vector<std::pair<int32_t, std::string>>> imports_;
  // Per entity: a digest of its receipts and imports (AppendCrossShipmentState).
  std::unordered_map<std::string, std::string> history_digests_;

  void DigestHistories() {
    std::map<std::string, std::string> bytes;
    for (const auto& [entity, receipts] : receipts_) {
      std::string& b = bytes[entity];
      for (const Receipt& r : receipts) {
        b += "r" + std::to_string(r.day) + '|' + r.shipped_on + '|' + r.shipment_id + '|' +
             std::to_string(r.line) + '|' + r.hs_code + '|' + r.why + ';';
      }
    }
    for (const auto& [entity, imports] : imports_) {
      std::string& b = bytes[entity];
      for (const auto& [day, shipment_id] : imports) {
        b += "i" + std::to_string(day) + '|' + shipment_id + ';';
      }
    }
    for (const auto& [entity, b] : bytes) {
      Sha256 sha;
      sha.Update(b);
      history_digests_[entity] = sha.HexDigest().substr(0, 16);
    }
  }
};

Status ForcedLabourRule::ListedByScreening(RunResources* resources, const std::string& entity_id,
                                           std::map<std::string, std::string>* cache,
                                           std::string* why) const {
  auto cached = cache->find(entity_id);
  if (cached != cache->end()) {
    *why = cached->second;
    return Status::Ok();
  }
  EntityFacts facts;
  Status status = resources->ScreenEntity(entity_id, &facts);
  if (!status.ok()) return status;
  std::string& found = (*cache)[entity_id];
  // As ListedSuppliers decides: a match at this rule's threshold that needs no corroboration (a
  // short Chinese or Korean name alone is not enough to carry the presumption downstream).
  for (const ListMatchFact& match : facts.list_matches) {
    if (entity_lists_.count(match.list_id) == 0 || !MatchDecides(match, name_threshold_)) continue;
    found = "from " + entity_id + " on " + match.list_id + " as \"" + match.entry_name +
            "\" (name match " + FormatMatchScore(match.score) + ")";
    break;
  }
  *why = found;
  return Status::Ok();
}

// Reads, once per run, every input the trace table knows that a party received from the
// region: the item's or the shipment's origin region, or a shipper or manufacturer in the region
// or on an entity list: by its exact name (case ignored), else by the run's name screening at the
// rule's threshold, as the listed-party rules match it (from review-law finding 6: "Co Ltd" for a
// listed "Co., Ltd." was matched on its own shipment but its polysilicon was not traced).
Status ForcedLabourRule::LoadReceipts(RunResources* resources) {
  Database* db = resources->input();
  std::set<std::string> region_shippers;  // shipment ids whose shipper is in the region or listed
  std::map<std::string, std::string> shipper_why;
  std::set<std::string> listed_names;
  std::unique_ptr<Statement> query;
  Status status = Status::Ok();
  for (const std::string& list : entity_lists_) {
    status = db->Prepare(
        "SELECT upper(trim(name)) FROM list_entry WHERE list_id = ?1 UNION "
        "SELECT upper(trim(name)) FROM list_alias WHERE list_id = ?1",
        &query);
    if (!status.ok()) return status;
    query->BindText(1, list);
    while (query->Step()) listed_names.insert(query->Text(0));
    if (!query->status().ok()) return query->status();
  }
  // The entities in the region or on a list first, then the shippers and manufacturers among
  // them: two scans in table order (a join looked up the entity of each of a million parties,
  // most of the rule's preparation at a million shipments; docs/performance.md).
  StringMap<std::string> why_of;  // entity_id -> " in region ..." or " on a forced-labour list"
  // Columns read raw and normalised here as upper(trim()) did (SqlUpperTrim): in SQL, each
  // function copied the text of every row (docs/performance.md, "Roles compared before they
  // are trimmed").
  status = db->Prepare("SELECT entity_id, region, name FROM entity", &query);
  if (!status.ok()) return status;
  while (query->Step()) {
    std::string region = SqlUpperTrim(query->TextView(1));
    bool in_region = regions_.MatchRegion(region) != nullptr;
    bool listed = !listed_names.empty() && listed_names.count(SqlUpperTrim(query->TextView(2))) > 0;
    if (!in_region && !listed) continue;
    why_of.emplace(query->Text(0), in_region ? " in region " + region : " on a forced-labour list");
  }
  if (!query->status().ok()) return query->status();
  status = db->Prepare("SELECT shipment_id, entity_id FROM shipment_party WHERE " +
                           RoleIsSql("role", {"shipper", "manufacturer"}),
                       &query);
  if (!status.ok()) return status;
  while (!why_of.empty() && query->Step()) {
    auto why = why_of.find(query->TextView(1));
    if (why == why_of.end()) continue;
    std::string shipment_id = query->Text(0);
    if (shipper_why.count(shipment_id)) continue;
    shipper_why[shipment_id] = "from " + query->Text(1) + why->second;
  }
  if (!query->status().ok()) return query->status();
  // Every item with its shipment; the consignees are looked up only for the few items that are
  // a traced input with a reason (a join with the parties on every item cost most of the run's
  // rule preparation). Each (item, consignee) pair is one receipt, as a three-way join gives.
  // Each traced input's shipment is found by ShipmentRows, not a join of every item.
  status = db->Prepare(
      "SELECT shipment_id, line, hs_code, origin_region FROM shipment_item"
      " WHERE hs_code IS NOT NULL",
      &query);
  if (!status.ok()) return status;
  std::unique_ptr<ShipmentRows> shipments;
  status = ShipmentRows::Open(db, "shipped_on, origin_region", &shipments);
  if (!status.ok()) return status;
  std::unique_ptr<Statement> consignees;
  status = PrepareConsigneesOf(db, &consignees);
  if (!status.ok()) return status;
  std::unique_ptr<Statement> suppliers;         // prepared on the first item that needs it
  std::map<std::string, std::string> screened;  // entity_id -> ListedByScreening's why
  while (query->Step()) {
    std::string hs = Digits(query->Text(2));
    if (hs.size() < 2 || !IsTraceInput(hs)) continue;
    const Statement* shipment = shipments->Find(*query, 0);
    if (shipment == nullptr || shipment->IsNull(1)) continue;
    std::string shipment_id = shipment->Text(0);
    std::string why;
    const std::string item_region = SqlUpperTrim(query->TextView(3));
    if (regions_.MatchRegion(item_region)) {
      why = "origin region " + item_region;
    } else if (const std::string shipment_region = SqlUpperTrim(shipment->TextView(2));
               query->IsNull(3) && regions_.MatchRegion(shipment_region)) {
      why = "shipment origin region " + shipment_region;
    } else if (auto found = shipper_why.find(shipment_id); found != shipper_why.end()) {
      why = found->second;
    } else if (!entity_lists_.empty()) {
      // The shipper or manufacturer found listed by the name screening, in entity id order.
      if (suppliers == nullptr) {
        status =
            db->Prepare("SELECT entity_id FROM shipment_party WHERE shipment_id = ?1 AND " +
                            RoleIsSql("role", {"shipper", "manufacturer"}) + " ORDER BY entity_id",
                        &suppliers);
        if (!status.ok()) return status;
      }
      suppliers->Reset();
      suppliers->BindText(1, shipment_id);
      while (why.empty() && suppliers->Step()) {
        status = ListedByScreening(resources, suppliers->Text(0), &screened, &why);
        if (!status.ok()) return status;
      }
      if (!suppliers->status().ok()) return suppliers->status();
      if (why.empty()) continue;
    } else {
      continue;
    }
    const std::string shipped_on = shipment->Text(1);
    std::optional<int32_t> day = ParseDay(shipped_on);
    if (!day) continue;
    consignees->Reset();
    consignees->BindText(1, shipment_id);
    while (consignees->Step()) {
      receipts_[consignees->Text(0)].push_back(
          {*day, shipped_on, shipment_id, query->Int(1), hs, why});
    }
    if (!consignees->status().ok()) return consignees->status();
  }
  if (!query->status().ok()) return query->status();
  if (!shipments->status().ok()) return shipments->status();
  // Day order, then shipment and line, so the evidence chosen does not depend on row order.
  for (auto& [entity, list] : receipts_) {
    std::sort(list.begin(), list.end(), [](const Receipt& a, const Receipt& b) {
      return std::tie(a.day, a.shipment_id, a.line) < std::tie(b.day, b.shipment_id, b.line);
    });
  }
  return Status::Ok();
}

Status ForcedLabourRule::LoadImports(Database* db) {
  std::unique_ptr<Statement> query;
  // Each shipper with its shipment, found by ShipmentRows, not a join.
  Status status = db->Prepare(
      "SELECT entity_id, shipment_id FROM shipment_party WHERE " + RoleIsSql("role", {"shipper"}),
      &query);
  if (!status.ok()) return status;
  std::unique_ptr<ShipmentRows> shipments;
  status = ShipmentRows::Open(db, "shipped_on, destination_country, final_destination_country",
                              &shipments);
  if (!status.ok()) return status;
  while (query->Step()) {
    const Statement* shipment = shipments->Find(*query, 1);
    if (shipment == nullptr || shipment->IsNull(1)) continue;
    if (!import_countries_.count(SqlUpperTrim(shipment->TextView(2))) &&
        !import_countries_.count(SqlUpperTrim(shipment->TextView(3))))
      continue;
    std::optional<int32_t> day = ParseDay(shipment->TextView(1));
    if (day) imports_[query->Text(0)].emplace_back(*day, shipment->Text(0));
  }
  if (!query->status().ok()) return query->status();
  if (!shipments->status().ok()) return shipments->status();
  for (auto& [entity, list] : imports_) std::sort(list.begin(), list.end());
  return Status::Ok();
}

std::vector<TraceLink> CompileTrace(const rules::ForcedLabourRule& config,
                                    const RuleCompileContext& c) {
  std::vector<TraceLink> links;
  if (config.trace_table().empty()) return links;
  std::vector<ReferenceRow> rows;
  if (!ReadReferenceTable(config.trace_table(), "trace_table", {"input_hs", "product_hs", "chain"},
                          c, &rows))
    return links;
  OverlapCheck overlaps;
  for (ReferenceRow& row : rows) {
    std::string input = row.Get("input_hs"), product = row.Get("product_hs");
    if (!IsHsPrefix(input) || !IsHsPrefix(product)) {
      c.Error(row.pos, "input_hs and product_hs must be 2 to 10 digits");
      continue;
    }
    if (!overlaps.Add(input + " -> " + product, row, c)) continue;
    std::string chain = row.Get("chain");
    links.push_back({input, product, chain, std::move(row)});
  }
  return links;
}

}  // namespace

std::unique_ptr<CompiledRule> CompileForcedLabour(const rules::Rule& rule,
                                                  const RuleCompileContext& c) {
  const rules::ForcedLabourRule& config = rule.forced_labour();
  size_t errors_before = c.diagnostics->size();
  PlaceSet regions;
  regions.AddRegions(config.regions(), "regions", c);
  HsPrefixSet sectors;
  sectors.AddTable(config.sector_table(), "sector_table", c);
  DatedHsTable dated_sectors;
  if (!config.dated_sector_table().empty()) {
    std::vector<ReferenceRow> rows;
    if (ReadReferenceTable(config.dated_sector_table(), "dated_sector_table",
                           {"hs_code", "sector", "description"}, c, &rows))
      dated_sectors.Add(std::move(rows), "hs_code", c);
  }
  std::vector<TraceLink> trace = CompileTrace(config, c);
  for (const char* field : {"region_weight", "entity_weight", "sector_weight",
                            "entity_region_weight", "leg_weight", "trace_weight"}) {
    const google::protobuf::FieldDescriptor* descriptor =
        rules::ForcedLabourRule::descriptor()->FindFieldByName(field);
    double value = config.GetReflection()->GetDouble(config, descriptor);
    if (!InRange(value, 0, 100))
      c.Error(c.locator.At(field), std::string(field) + " must be between 0 and 100");
  }
  if (config.has_out_of_scope_factor() && !InRange(config.out_of_scope_factor(), 0, 1))
    c.Error(c.locator.At("out_of_scope_factor"), "out_of_scope_factor must be between 0 and 1");
  std::set<std::string> roles = CompileRoles(config.entity_roles(), "entity_roles", c);
  // The UFLPA presumption concerns goods mined, produced or manufactured by listed entities, so by
  // default the parties that make or sell the goods are checked, not carriers or banks.
  if (roles.empty()) roles = {"shipper", "manufacturer"};
  PlaceSet origins;  // validated only; the rule keeps the codes
  origins.AddCountries(config.sector_origin_countries(), "sector_origin_countries", c);
  PlaceSet imports;
  imports.AddCountries(config.import_countries(), "import_countries", c);
  if (regions.empty() && config.entity_lists().empty() && sectors.empty() &&
      dated_sectors.empty() && c.NothingMissing(errors_before)) {
    c.Error(c.locator.self(), "forced_labour rule names no region, entity list or sector table");
  }
  double name_threshold = CompileNameThreshold(config.min_name_score(), "min_name_score", c);
  if (c.diagnostics->size() != errors_before) return nullptr;
  return std::make_unique<ForcedLabourRule>(
      rule.weight(), config, std::move(regions), std::move(sectors), std::move(dated_sectors),
      std::move(trace),
      std::set<std::string>(config.entity_lists().begin(), config.entity_lists().end()),
      std::move(roles), name_threshold);
}

}  // namespace corridor
