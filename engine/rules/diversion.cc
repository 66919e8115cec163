// Rule kind `diversion`: high-priority goods (CHPL) shipped to or through countries with
// documented diversion toward Russia and Belarus. Weight = tier weight x destination factor x
// consignee factor (docs/rules.md).
#include <algorithm>
#include <set>
#include <unordered_map>

#include "engine/base/strings.h"
#include "engine/rules/kinds.h"
#include "engine/rules/matchers.h"
#include "engine/rules/reference_table.h"

namespace corridor {

namespace {

// Defaults as in docs/rules.md: a declared target destination counts fully, a target on the way
// almost as much (the goods do reach it), and a diversion country alone about a third, since most
// trade with those countries is legitimate; a trader consignee counts fully, an apparent end user
// less, because diversion runs through intermediaries that resell.
struct Factors {
  double final_destination = 1.0;
  double on_route = 0.9;
  double adjacent = 0.35;
  double trader = 1.0;
  double end_user = 0.7;
  double party = 1.0;        // a target-country end user or consignee (BIS/FinCEN: any role)
  double party_other = 0.9;  // a target-country party in another role (notify, bank, ...)
  double owner = 0.9;        // an owner of a party in a target country
  double document = 0.5;     // an end-use certificate or no-Russia clause is on record
};

// The goods-and-documents part of the configuration, apart from the places.
struct DiversionExtras {
  DatedHsTable critical_items;           // OFAC FAQ 1148 critical items and the like
  std::vector<ReferenceRow> diversion;   // dated diversion countries
  std::set<std::string> document_kinds;  // lower case
  std::set<std::string> document_tiers;
  double missing_document_weight = 0;
};

class DiversionRule : public CompiledRule {
 public:
  DiversionRule(double weight, HsPrefixSet goods, std::map<std::string, rules::TierWeight> tiers,
                PlaceSet diversion, PlaceSet targets, Factors factors,
                std::set<std::string> trader_words, DiversionExtras extras)
      : weight_(weight),
        goods_(std::move(goods)),
        tiers_(std::move(tiers)),
        diversion_(std::move(diversion)),
        targets_(std::move(targets)),
        factors_(factors),
        trader_words_(std::move(trader_words)),
        extras_(std::move(extras)) {
    for (const ReferenceRow& row : extras_.diversion)
      diversion_countries_.push_back(row.Get("country"));
  }

  bool PreparesFromInputOnly() const override { return true; }
  Status Prepare(RunResources* resources) override {
    // Owners of every entity with their country, for the owner trigger (walked in Evaluate).
    std::unique_ptr<Statement> query;
    Status status = resources->input()->Prepare(
        "SELECT o.owned_id, o.owner_id, e.country FROM ownership o"
        " LEFT JOIN entity e ON e.entity_id = o.owner_id ORDER BY o.owned_id, o.owner_id",
        &query);
    if (!status.ok()) return status;
    while (query->Step())
      owners_[query->Text(0)].push_back(
          {query->Text(1), query->IsNull(2) ? "" : SqlUpperTrim(query->TextView(2))});
    if (!query->status().ok()) return query->status();
    // Each owned entity's walk, done once for the run's date: a party's lookup then meets a
    // table of the few entities with an owner in a target country, where looking the party up
    // among every owned entity and walking its owners cost a cache miss or more per party
    // (docs/performance.md).
    target_owners_.clear();
    target_owners_as_of_ = resources->as_of();
    for (const auto& [owned, owners] : owners_) {
      std::string owner = WalkToTargetOwner(owned, target_owners_as_of_);
      if (!owner.empty()) target_owners_.emplace(owned, std::move(owner));
    }
    target_owner_filter_ = StringFilter(target_owners_.size());
    for (const auto& [owned, owner] : target_owners_) target_owner_filter_.Add(owned);
    return Status::Ok();
  }

  void Evaluate(const ShipmentContext& context, RuleOutcome* outcome) const override {
    const Shipment& s = context.shipment;
    // How the goods reach the targets: declared final destination, on the way, or only through
    // a diversion country.
    double destination_factor = 0;
    std::string destination;
    // The strongest reading wins and stops the search: final destination, then destination, then
    // the first route leg in a target country (legs in seq order).
    // Country groups are dated (members join and leave): lookups take the screening date.
    const std::string& as_of = context.as_of;
    if (const PlaceEntry* label = targets_.MatchCountryAt(s.final_destination_country, as_of)) {
      destination_factor = factors_.final_destination;
      destination = "final destination " + *s.final_destination_country +
                    Of(label->label, *s.final_destination_country);
    } else if (const PlaceEntry* on_route = targets_.MatchCountryAt(s.destination_country, as_of)) {
      destination_factor = factors_.on_route;
      destination =
          "destination " + *s.destination_country + Of(on_route->label, *s.destination_country);
    } else {
      for (const ShipmentLeg& leg : s.legs) {
        if (const PlaceEntry* leg_label = targets_.MatchCountryAt(leg.country, as_of)) {
          destination_factor = factors_.on_route;
          destination = "route leg " + std::to_string(leg.seq) + " in " + *leg.country +
                        Of(leg_label->label, *leg.country);
          break;
        }
      }
    }
    // A Russian or Belarusian party in any role, or an owner of one, reaches the target as surely
    // as a declared destination (BIS/FinCEN FIN-2022-Alert003: the end user, not the declared
    // destination, is what matters); the strongest reading wins.
    std::string party_reason;
    double party_factor = PartyFactor(s, as_of, &party_reason);
    if (party_factor > destination_factor) {
      destination_factor = party_factor;
      destination = party_reason;
    }
    // Factors are validated to be > 0 when set, so destination_factor > 0 exactly when a target
    // country was found above.
    bool target_reached = destination_factor > 0;
    std::string via_country = DiversionCountry(s, context.as_of);
    if (!target_reached && !via_country.empty()) {
      // Diversion countries are looked for only when no target country is on the way: a shipment
      // that names Russia does not need the weaker "via" evidence too.
      destination_factor = factors_.adjacent;
      destination = "via " + via_country + ", no target country declared";
    }
    if (destination_factor == 0) return;
    std::string documents = Documents(s);
    // An end-use certificate or a no-re-export-to-Russia clause (the E5 guidance, EU Art. 12g:
    // shared/LAW.md "Origin and goods") speaks to goods going to a third country. When Russia or
    // Belarus is reached, it counts for nothing: the weight stays whole and the tier's floor
    // stands (since 2026-12-07, from a review: a clause took Tier 1 chips to a Belarusian
    // consignee from block to hold).
    const bool documents_count = !documents.empty() && !target_reached;
    double document_factor = documents_count ? factors_.document : 1.0;

    // Who receives the goods.
    // An end user until shown otherwise: the consignee's activity, another role it plays in this
    // shipment, or a trading word in its name makes it a trader (IntermediaryReason). The first
    // trading consignee decides; one is enough for the goods to be resold.
    double consignee_factor = factors_.end_user;
    std::string consignee = "consignee looks like an end user";
    for (const ShipmentParty& party : s.parties) {
      if (party.role != "consignee") continue;
      std::string reason =
          IntermediaryReason(party, s, {"trader", "forwarder", "distributor"}, trader_words_);
      if (!reason.empty()) {
        consignee_factor = factors_.trader;
        consignee = "consignee " + party.entity_id + " is a trader or forwarder (" + reason + ")";
        break;
      }
    }

    for (const ShipmentItem& item : s.items) {
      HsEntry critical;
      const HsEntry* entry = goods_.Match(item.hs_code, context.as_of);
      if (entry == nullptr) {
        const ReferenceRow* row = extras_.critical_items.Match(item.hs_code, context.as_of);
        if (row == nullptr) continue;
        critical.prefix = row->Get("hs_code");
        critical.tier = row->Get("tier");
        critical.description = row->Get("description") + "; " + row->Get("source");
        critical.pos = row->pos;
        entry = &critical;
      }
      double tier_weight = weight_;
      auto tier = tiers_.find(entry->tier);
      if (tier != tiers_.end()) {
        tier_weight = tier->second.weight();
        // A tier's floor (a minimum decision) applies only when a target is reached: goods that
        // merely pass through a diversion country raise the score by weight but cannot by
        // themselves force the decision (docs/rules.md).
        if (target_reached)
          outcome->floor = std::max(outcome->floor, tier->second.decision_floor());
      }
      double weight = tier_weight * destination_factor * consignee_factor * document_factor;
      scores::Evidence* evidence = &outcome->evidence.emplace_back();
      SetItem(item, evidence->mutable_item());
      evidence->mutable_item()->set_tier(entry->tier);
      evidence->set_field("item " + std::to_string(item.line) + " hs_code");
      evidence->set_matched_value(entry->prefix);
      // Never 0: a matched item stays visible as evidence even when the rule's weights make it
      // count for (almost) nothing.
      evidence->set_weight(std::max(weight, 0.01));
      evidence->set_summary(
          "item " + std::to_string(item.line) + " HS " + *item.hs_code + " is " +
          (entry->tier.empty() ? "listed" : entry->tier) +
          (entry->description.empty() ? "" : " (" + entry->description + ")") + ", weight " +
          FormatNumber(tier_weight) + "; " + destination + " x" + FormatNumber(destination_factor) +
          "; " + consignee + " x" + FormatNumber(consignee_factor) +
          (documents.empty() ? ""
           : documents_count ? "; " + documents + " x" + FormatNumber(document_factor)
                             : "; " + documents + " not counted: the goods reach the target") +
          " = " + FormatNumber(weight));
      // Reaching Russia or Belarus already weighs the item fully; the missing document is the
      // flag for goods that stop, as declared, in a diversion country.
      if (!target_reached) MissingDocument(item, *entry, via_country, documents, outcome);
    }
  }

 private:
  // The strongest factor of a party in a target country (any role) or of an owner of a party;
  // 0 when none.
  double PartyFactor(const Shipment& s, const std::string& as_of, std::string* reason) const {
    double best = 0;
    for (const ShipmentParty& party : s.parties) {
      if (!party.entity) continue;
      if (const PlaceEntry* target = targets_.MatchCountryAt(party.entity->country, as_of)) {
        bool receiver = party.role == "end_user" || party.role == "consignee";
        double factor = receiver ? factors_.party : factors_.party_other;
        if (factor > best) {
          best = factor;
          *reason = party.role + " " + party.entity_id + " \"" + party.entity->name + "\" is in " +
                    *party.entity->country + Of(target->label, *party.entity->country);
        }
      }
      std::string owner = TargetOwner(party.entity_id, as_of);
      if (!owner.empty() && factors_.owner > best) {
        best = factors_.owner;
        *reason = party.role + " " + party.entity_id + " is owned by " + owner;
      }
    }
    return best;
  }

  // An owner in a target country up the ownership records (5 levels at most, cycles ignored):
  // "E-2 (RU) through E-3"; "" when none.
  std::string TargetOwner(const std::string& entity_id, const std::string& as_of) const {
    if (as_of != target_owners_as_of_) return WalkToTargetOwner(entity_id, as_of);
    if (!target_owner_filter_.MayHold(entity_id)) return "";
    auto found = target_owners_.find(entity_id);
    return found == target_owners_.end() ? "" : found->second;
  }

  // TargetOwner() found by walking the owners.
  std::string WalkToTargetOwner(const std::string& entity_id, const std::string& as_of) const {
    if (owners_.find(entity_id) == owners_.end()) return "";  // most parties: no owner recorded
    std::vector<std::pair<std::string, std::string>> frontier = {{entity_id, ""}};
    std::set<std::string> seen = {entity_id};
    for (int depth = 0; depth < 5 && !frontier.empty(); ++depth) {
      std::vector<std::pair<std::string, std::string>> next;
      for (const auto& [owned, path] : frontier) {
        auto found = owners_.find(owned);
        if (found == owners_.end()) continue;
        for (const auto& [owner, country] : found->second) {
          if (!seen.insert(owner).second) continue;
          std::string via = path.empty() ? "" : " through " + path;
          if (targets_.MatchCountryAt(OptionalText(country), as_of))
            return owner + " (" + country + ")" + via;
          next.emplace_back(owner, path.empty() ? owner : owner + ", " + path);
        }
      }
      frontier = std::move(next);
    }
    return "";
  }

  // The first diversion country the goods reach after leaving the origin: the destination, the
  // final destination, or a leg outside the origin country. The origin country itself is not a
  // transit (China -> Pakistan goods do not pass "through China").
  std::string DiversionCountry(const Shipment& s, const std::string& as_of) const {
    std::vector<const OptionalText*> places = {&s.destination_country,
                                               &s.final_destination_country};
    for (const ShipmentLeg& leg : s.legs) {
      if (leg.country && leg.country == s.origin_country) continue;
      places.push_back(&leg.country);
    }
    for (const OptionalText* place : places) {
      if (!*place) continue;
      if (const PlaceEntry* via = diversion_.MatchCountryAt(*place, as_of))
        return **place + Of(via->label, **place);
      for (size_t k = 0; k < extras_.diversion.size(); ++k) {
        const ReferenceRow& row = extras_.diversion[k];
        if (diversion_countries_[k] == **place && row.ActiveOn(as_of))
          return **place + " (" + row.Get("source") + ")";
      }
    }
    return "";
  }

  // The recorded documents that lower the weight, as evidence text; "" when none.
  std::string Documents(const Shipment& s) const {
    std::vector<std::string> found;
    for (const ShipmentDocument& document : s.documents) {
      if (!extras_.document_kinds.count(document.kind)) continue;
      found.push_back(document.kind + " " + document.reference.value_or("(no reference)") +
                      (document.issued_on ? " of " + *document.issued_on : "") +
                      (document.issuer ? " by " + *document.issuer : ""));
    }
    return found.empty() ? "" : "on record: " + Join(found, ", ");
  }

  // Tier 1-2 goods to a diversion country with no end-use certificate or no-Russia clause on
  // record: a flag of its own (E5 guidance; EU Reg. 833/2014 Art. 12g).
  void MissingDocument(const ShipmentItem& item, const HsEntry& entry,
                       const std::string& via_country, const std::string& documents,
                       RuleOutcome* outcome) const {
    if (!documents.empty() || via_country.empty() || extras_.missing_document_weight <= 0 ||
        !extras_.document_tiers.count(entry.tier))
      return;
    scores::Evidence* evidence = &outcome->evidence.emplace_back();
    SetItem(item, evidence->mutable_item());
    evidence->mutable_item()->set_tier(entry.tier);
    evidence->set_field("shipment_document");
    evidence->set_weight(extras_.missing_document_weight);
    evidence->set_summary(
        "item " + std::to_string(item.line) + " HS " + *item.hs_code + " is " + entry.tier +
        " going to " + via_country +
        " with no end-use certificate or no-Russia clause on record (" +
        Join(std::vector<std::string>(extras_.document_kinds.begin(), extras_.document_kinds.end()),
             ", ") +
        ")");
  }

  static std::string Of(const std::string& label, const std::string& code) {
    return label == code ? "" : " (" + label + ")";
  }

  double weight_;
  HsPrefixSet goods_;
  std::map<std::string, rules::TierWeight> tiers_;
  PlaceSet diversion_;
  PlaceSet targets_;
  Factors factors_;
  std::set<std::string> trader_words_;
  DiversionExtras extras_;
  std::vector<std::string> diversion_countries_;  // extras_.diversion's "country", by row
  // owned entity -> (owner, owner's country), from the input's ownership table (Prepare); looked
  // up for every party of every shipment, so hashed (only found, never walked in order).
  std::unordered_map<std::string, std::vector<std::pair<std::string, std::string>>> owners_;
  // TargetOwner() of every owned entity that has one, at target_owners_as_of_ (Prepare).
  StringMap<std::string> target_owners_;
  StringFilter target_owner_filter_;  // its keys
  std::string target_owners_as_of_;
};

DiversionExtras CompileExtras(const rules::DiversionRule& config, const RuleCompileContext& c) {
  DiversionExtras extras;
  if (!config.critical_items_table().empty()) {
    std::vector<ReferenceRow> rows;
    if (ReadReferenceTable(config.critical_items_table(), "critical_items_table",
                           {"hs_code", "tier", "description"}, c, &rows))
      extras.critical_items.Add(std::move(rows), "hs_code", c);
  }
  if (!config.diversion_country_table().empty()) {
    std::vector<ReferenceRow> rows;
    if (ReadReferenceTable(config.diversion_country_table(), "diversion_country_table", {"country"},
                           c, &rows)) {
      OverlapCheck overlaps;
      for (ReferenceRow& row : rows) {
        if (!IsKnownCountryCode(row.Get("country"))) {
          c.Error(row.pos, "unknown country code \"" + row.Get("country") + "\"");
          continue;
        }
        if (!overlaps.Add(row.Get("country"), row, c)) continue;
        extras.diversion.push_back(std::move(row));
      }
    }
  }
  for (const std::string& kind : config.document_kinds())
    extras.document_kinds.insert(AsciiLower(kind));
  extras.document_tiers.insert(config.document_tiers().begin(), config.document_tiers().end());
  if (!InRange(config.missing_document_weight(), 0, 100))
    c.Error(c.locator.At("missing_document_weight"),
            "missing_document_weight must be between 0 and 100");
  extras.missing_document_weight = config.missing_document_weight();
  return extras;
}

}  // namespace

std::unique_ptr<CompiledRule> CompileDiversion(const rules::Rule& rule,
                                               const RuleCompileContext& c) {
  const rules::DiversionRule& config = rule.diversion();
  size_t errors_before = c.diagnostics->size();
  HsPrefixSet goods;
  goods.AddTable(config.hs_table(), "hs_table", c);
  if (config.hs_table().empty()) c.Error(c.locator.self(), "diversion rule needs an hs_table");
  std::map<std::string, rules::TierWeight> tiers = CompileTiers(config.tiers(), c);
  PlaceSet diversion, targets;
  diversion.AddCountries(config.diversion_countries(), "diversion_countries", c);
  diversion.AddGroups(config.diversion_groups(), "diversion_groups", c);
  targets.AddCountries(config.target_countries(), "target_countries", c);
  targets.AddGroups(config.target_groups(), "target_groups", c);
  if (targets.empty() && c.NothingMissing(errors_before)) {
    c.Error(c.locator.self(), "diversion rule names no target country or group");
  }
  Factors factors;
  auto factor = [&](double value, const char* field, double* out) {
    if (!InRange(value, 0, 1)) {
      c.Error(c.locator.At(field), std::string(field) + " must be between 0 and 1");
      // 0 is the proto default ("not set"), so it keeps the built-in factor; a factor cannot be
      // switched off with 0, only made small.
    } else if (value > 0) {
      *out = value;
    }
  };
  factor(config.final_destination_factor(), "final_destination_factor", &factors.final_destination);
  factor(config.on_route_factor(), "on_route_factor", &factors.on_route);
  factor(config.adjacent_factor(), "adjacent_factor", &factors.adjacent);
  factor(config.trader_factor(), "trader_factor", &factors.trader);
  factor(config.end_user_factor(), "end_user_factor", &factors.end_user);
  factor(config.party_factor(), "party_factor", &factors.party);
  factor(config.party_other_factor(), "party_other_factor", &factors.party_other);
  factor(config.owner_factor(), "owner_factor", &factors.owner);
  factor(config.document_factor(), "document_factor", &factors.document);
  DiversionExtras extras = CompileExtras(config, c);
  std::set<std::string> words;
  // Upper case, as NameWords() gives the words of a party's name, so the match ignores case.
  for (const std::string& word : config.trader_name_words()) words.insert(AsciiUpper(word));
  // The tiers of the hs_table and the critical-items table, checked once both are read (a table
  // that failed says so itself). Before 2026-12-07 a misspelt tier ("Tier1") weighed Tier 1
  // goods at the rule's weight with no BLOCK floor (from a review).
  if (c.NothingMissing(errors_before)) {
    std::set<std::string> known = goods.Tiers();
    for (const std::string& tier : extras.critical_items.Values("tier")) known.insert(tier);
    CheckTierNames(config.tiers(), known, c);
    CheckTierNames(config.document_tiers(), "document_tiers", known, c);
  }
  // Any error in this rule drops the whole rule (the diagnostics say why): a half-compiled rule
  // would score with defaults the author did not choose.
  if (c.diagnostics->size() != errors_before) return nullptr;
  return std::make_unique<DiversionRule>(rule.weight(), std::move(goods), std::move(tiers),
                                         std::move(diversion), std::move(targets), factors,
                                         std::move(words), std::move(extras));
}

}  // namespace corridor
