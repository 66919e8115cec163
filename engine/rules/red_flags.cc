// Rule kind `red_flag`: one red flag from export-control guidance per rule (BIS "Know Your
// Customer" guidance and red flags, Supplement 3 to 15 CFR part 732; FinCEN/BIS joint alerts on
// Russia export-control evasion). Each flag's test and evidence is below; docs/rules.md has
// the parameters.
#include <algorithm>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <unordered_map>

#include "engine/base/sha256.h"
#include "engine/base/strings.h"
#include "engine/load/records.h"
#include "engine/ownership/ownership.h"
#include "engine/rules/kinds.h"
#include "engine/rules/matchers.h"
#include "engine/rules/shipment_rows.h"

namespace corridor {

namespace {

// One consignee's imports of the flag's goods, from the input's history.
struct ConsigneeHistory {
  int32_t first_day = 0;  // its first shipment of any goods
  std::string first_shipped_on;
  std::vector<std::pair<int32_t, double>> goods_values;  // (day, value) of the goods, in order
  // running_total[i]: the value of goods_values[0..i), so a window's value is two binary searches
  // rather than a pass over the consignee's whole history (a busy consignee has thousands).
  std::vector<double> running_total;

  // The value of the goods shipped on days in (after, through].
  double ValueIn(int32_t after, int32_t through) const {
    auto day_after = [](int32_t day, const std::pair<int32_t, double>& entry) {
      return day < entry.first;
    };
    size_t from = std::upper_bound(goods_values.begin(), goods_values.end(), after, day_after) -
                  goods_values.begin();
    size_t to = std::upper_bound(goods_values.begin(), goods_values.end(), through, day_after) -
                goods_values.begin();
    return to > from ? running_total[to] - running_total[from] : 0;
  }
};

// Every consignee's history, built once per run and shared by the flags that read it with the
// same goods (RunShared): CONSIGNEE_NEW_SINCE and VOLUME_JUMP over one table scan.
struct ConsigneeHistories {
  std::optional<int32_t> start;  // the earliest shipment day in the records
  // Hashed: found for every consignee of every shipment, never walked in order (each entry's
  // digest is its own).
  std::unordered_map<std::string, ConsigneeHistory> by_entity;
  std::unordered_map<std::string, std::string> digests;  // entity -> its history's digest
};

class RedFlagRule : public CompiledRule {
 public:
  RedFlagRule(std::string id, const rules::RedFlagRule& config, std::set<std::string> roles,
              std::set<std::string> forwarder_words, HsPrefixSet goods, PlaceSet payer_groups)
      : id_(std::move(id)),
        config_(config),
        roles_(std::move(roles)),
        forwarder_words_(std::move(forwarder_words)),
        goods_(std::move(goods)),
        payer_groups_(std::move(payer_groups)),
        consignee_countries_(config.consignee_countries().begin(),
                             config.consignee_countries().end()) {}

  bool PreparesFromInputOnly() const override { return true; }
  // The unit-value medians and the consignee histories are built from every shipment.
  bool ReadsOtherShipments() const override {
    return config_.flag() == rules::LOW_UNIT_VALUE ||
           config_.flag() == rules::CONSIGNEE_NEW_SINCE || config_.flag() == rules::VOLUME_JUMP;
  }
  void AppendCrossShipmentState(const Shipment& s, std::string* out) const override {
    if (config_.flag() == rules::LOW_UNIT_VALUE) {
      for (const ShipmentItem& item : s.items) {
        if (!item.hs_code || !item.unit || !s.currency) continue;
        auto found = medians_.find(MedianKey(*item.hs_code, *item.unit, *s.currency));
        *out += std::to_string(item.line);
        if (found != medians_.end()) *out += found->second.state;
        *out += ';';
      }
      return;
    }
    if (config_.flag() != rules::CONSIGNEE_NEW_SINCE && config_.flag() != rules::VOLUME_JUMP)
      return;
    const ConsigneeHistories& histories = *histories_;
    *out += histories.start ? std::to_string(*histories.start) : "-";
    for (const ShipmentParty& party : s.parties) {
      if (party.role != "consignee") continue;
      auto found = histories.digests.find(party.entity_id);
      *out += ';' + party.entity_id + '=' + (found != histories.digests.end() ? found->second : "");
    }
    *out += ';';
  }

  Status Prepare(RunResources* resources) override {
    // Ages are measured against the run's --as-of date, not the clock, so that re-screening an old
    // batch gives the same result.
    as_of_day_ = ParseDay(resources->as_of()).value_or(kNoDate);
    // The medians need every shipment of the database, so they are computed once per run here, not
    // per shipment in Evaluate().
    if (config_.flag() == rules::LOW_UNIT_VALUE) return LoadMedians(resources->input());
    if (config_.flag() == rules::CONSIGNEE_NEW_SINCE || config_.flag() == rules::VOLUME_JUMP) {
      Database* db = resources->input();
      const std::string& as_of = resources->as_of();
      std::function<Status(ConsigneeHistories*)> build = [&](ConsigneeHistories* out) {
        return LoadHistory(db, as_of, out);
      };
      // The history depends on the goods table (one name, one table in a rule set) and the date
      // the table is read on; the flags' other settings apply when a shipment is evaluated.
      if (RunShared* shared = resources->shared()) {
        return shared->Get<ConsigneeHistories>(
            "red_flag consignee history\x1f" + config_.hs_table() + '\x1f' + as_of, build,
            &histories_);
      }
      auto own = std::make_shared<ConsigneeHistories>();
      Status status = build(own.get());
      histories_ = std::move(own);
      return status;
    }
    if (config_.flag() == rules::THIRD_COUNTRY_PAYER) return CheckPaymentTable(resources);
    return Status::Ok();
  }

  void Evaluate(const ShipmentContext& context, RuleOutcome* outcome) const override {
    const Shipment& s = context.shipment;
    switch (config_.flag()) {
      case rules::FINAL_DESTINATION_DIFFERS:
        if (s.final_destination_country && s.destination_country &&
            *s.final_destination_country != *s.destination_country) {
          Add(outcome, "final_destination_country",
              "final destination " + *s.final_destination_country + " differs from destination " +
                  *s.destination_country);
        }
        break;
      case rules::ROUTE_DOUBLES_BACK:
        RouteDoublesBack(s, outcome);
        break;
      case rules::CONSIGNEE_FORWARDER:
        for (const ShipmentParty& party : s.parties) {
          if (!roles_.count(party.role)) continue;
          std::string reason = IntermediaryReason(party, s, {"forwarder"}, forwarder_words_);
          if (reason.empty()) continue;
          SetParty(party, Add(outcome, "party " + party.role,
                              party.role + " " + party.entity_id + " \"" + party.entity->name +
                                  "\" is a freight forwarder (" + reason + ")")
                              ->mutable_party());
        }
        break;
      case rules::CONSIGNEE_NO_ADDRESS:
        for (const ShipmentParty& party : s.parties) {
          if (!roles_.count(party.role) || !party.entity) continue;
          const OptionalText& address = party.entity->address;
          // A street address almost always holds a number (house, building, postcode); an address
          // with no digit at all is a city or a country alone, the "no street address" of the BIS
          // red flags.
          bool street = address && std::any_of(address->begin(), address->end(),
                                               [](char ch) { return ch >= '0' && ch <= '9'; });
          if (street) continue;
          SetParty(party, Add(outcome, "party " + party.role,
                              party.role + " " + party.entity_id + " \"" + party.entity->name +
                                  "\" has no street address (" +
                                  (address ? "only \"" + *address + "\"" : "none recorded") + ")")
                              ->mutable_party());
        }
        break;
      case rules::YOUNG_ENTITY:
        for (const ShipmentParty& party : s.parties) {
          if (!roles_.count(party.role) || !party.entity || !party.entity->incorporated_on)
            continue;
          std::optional<int32_t> day = ParseDay(*party.entity->incorporated_on);
          // No date to compare against is no evidence: the flag never fires on a guess.
          if (!day || as_of_day_ == kNoDate) continue;
          // ParseDay reads a partial date as the end of its period ("2024" = 2024-12-31), so an
          // entity is taken as young whenever it may be; an incorporation after the as-of date
          // shows as 0 days.
          int32_t age = as_of_day_ - *day;
          if (age >= MaxAgeDays()) continue;
          SetParty(party, Add(outcome, "party " + party.role,
                              party.role + " " + party.entity_id + " \"" + party.entity->name +
                                  "\" was incorporated on " + *party.entity->incorporated_on +
                                  ", " + std::to_string(std::max(age, 0)) + " days before " +
                                  "the screening date (limit " + std::to_string(MaxAgeDays()) + ")")
                              ->mutable_party());
        }
        break;
      case rules::LOW_UNIT_VALUE:
        LowUnitValue(s, outcome);
        break;
      case rules::PARTY_OFF_ROUTE:
        PartyOffRoute(s, outcome);
        break;
      case rules::CONSIGNEE_NEW_SINCE:
      case rules::VOLUME_JUMP:
        ConsigneeHistoryFlags(s, context.as_of, outcome);
        break;
      case rules::THIRD_COUNTRY_PAYER:
        ThirdCountryPayer(context, outcome);
        break;
      default:
        break;
    }
  }

 private:
  // 0 is the proto default ("not set") for these parameters, so it selects the documented default
  // (docs/rules.md).
  int MaxAgeDays() const { return config_.max_age_days() > 0 ? config_.max_age_days() : 365; }
  int HsDigits() const { return config_.hs_digits() > 0 ? config_.hs_digits() : 6; }

  scores::Evidence* Add(RuleOutcome* outcome, const std::string& field,
                        const std::string& summary) const {
    scores::Evidence* evidence = &outcome->evidence.emplace_back();
    evidence->set_field(field);
    evidence->set_summary(summary);
    return evidence;
  }

  void RouteDoublesBack(const Shipment& s, RuleOutcome* outcome) const {
    std::vector<std::string> countries;
    auto visit = [&](const OptionalText& country) {
      // Consecutive legs in one country are one stay (two ports of one country are not a crossing);
      // legs without a country are skipped rather than breaking the sequence.
      if (country && (countries.empty() || countries.back() != *country))
        countries.push_back(*country);
    };
    visit(s.origin_country);
    for (const ShipmentLeg& leg : s.legs) visit(leg.country);
    visit(s.destination_country);
    if (countries.size() < 2) return;
    std::string route = Join(countries, " > ");
    std::set<std::string> seen;
    for (const std::string& country : countries) {
      if (!seen.insert(country).second) {
        Add(outcome, "route", "route " + route + " re-enters " + country);
        return;
      }
    }
    // A direct route needs one border when origin and destination differ and none otherwise;
    // `extra_crossings` tolerates ordinary transhipment before the route counts as roundabout.
    int crossings = static_cast<int>(countries.size()) - 1;
    int needed =
        (s.origin_country && s.destination_country && *s.origin_country != *s.destination_country)
            ? 1
            : 0;
    int allowed = needed + (config_.extra_crossings() > 0 ? config_.extra_crossings() : 1);
    if (crossings > allowed) {
      Add(outcome, "route",
          "route " + route + " crosses " + std::to_string(crossings) + " borders where " +
              std::to_string(needed) + " would do");
    }
  }

  std::string MedianKey(const std::string& hs_code, const std::string& unit,
                        const std::string& currency) const {
    // Unit values compare only within one product heading, unit and currency: "12 USD/kg" and "12
    // EUR/pcs" are not comparable, and no conversion rates are assumed.
    std::string key;
    key.reserve(static_cast<size_t>(HsDigits()) + unit.size() + currency.size() + 2);
    key.append(hs_code, 0, static_cast<size_t>(HsDigits()));
    key += '|';
    for (char ch : unit) key += (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch - 'A' + 'a') : ch;
    key += '|';
    for (char ch : currency)
      key += (ch >= 'a' && ch <= 'z') ? static_cast<char>(ch - 'a' + 'A') : ch;
    return key;
  }

  Status LoadMedians(Database* db) {
    std::unique_ptr<Statement> query;
    // The median is over the input database itself (including the shipment being screened), so
    // it reflects the data's own price level; rows without a positive value and quantity say
    // nothing about price and are left out.
    // Each item with its shipment's currency: found by ShipmentRows, not a join.
    Status status = db->Prepare(
        "SELECT hs_code, unit, value / quantity, shipment_id FROM shipment_item"
        " WHERE quantity > 0 AND value > 0 AND hs_code IS NOT NULL AND unit IS NOT NULL",
        &query);
    if (!status.ok()) return status;
    std::unique_ptr<ShipmentRows> shipments;
    status = ShipmentRows::Open(db, "currency", &shipments);
    if (!status.ok()) return status;
    std::map<std::string, std::vector<double>> values;
    while (query->Step()) {
      std::string digits;
      for (char ch : query->TextView(0)) {
        if (ch >= '0' && ch <= '9') digits += ch;
      }
      if (static_cast<int>(digits.size()) < HsDigits()) continue;
      const Statement* shipment = shipments->Find(*query, 3);
      if (shipment == nullptr || shipment->IsNull(1)) continue;
      values[MedianKey(digits, query->Text(1), shipment->Text(1))].push_back(query->Double(2));
    }
    if (!query->status().ok()) return query->status();
    if (!shipments->status().ok()) return shipments->status();
    int min_samples = config_.min_samples() > 0 ? config_.min_samples() : 5;
    for (auto& [key, list] : values) {
      // Too few samples give no reliable median; such goods are never flagged rather than flagged
      // on noise.
      if (static_cast<int>(list.size()) < min_samples) continue;
      std::sort(list.begin(), list.end());
      size_t n = list.size();
      // The median rather than the mean: the very undervaluations this flag looks for would drag a
      // mean down and hide themselves.
      double median = n % 2 ? list[n / 2] : (list[n / 2 - 1] + list[n / 2]) / 2;
      // What AppendCrossShipmentState writes for an item of this key, formatted once here
      // rather than for every item of every shipment.
      medians_[key] = {median, n, '=' + FormatNumber(median, 17) + '/' + std::to_string(n)};
    }
    return Status::Ok();
  }

  void LowUnitValue(const Shipment& s, RuleOutcome* outcome) const {
    double ratio = config_.unit_value_ratio() > 0 ? config_.unit_value_ratio() : 0.25;
    for (const ShipmentItem& item : s.items) {
      if (!item.hs_code || !item.unit || !item.value || !item.quantity || *item.quantity <= 0 ||
          !s.currency || static_cast<int>(item.hs_code->size()) < HsDigits()) {
        continue;
      }
      auto found = medians_.find(MedianKey(*item.hs_code, *item.unit, *s.currency));
      if (found == medians_.end()) continue;
      double unit_value = *item.value / *item.quantity;
      double median = found->second.median;
      if (unit_value >= ratio * median) continue;
      scores::Evidence* evidence =
          Add(outcome, "item " + std::to_string(item.line) + " value",
              "item " + std::to_string(item.line) + " HS " + *item.hs_code + " declared at " +
                  FormatNumber(unit_value) + " " + *s.currency + "/" + *item.unit + ", " +
                  FormatNumber(100 * unit_value / median, 1) + "% of the median " +
                  FormatNumber(median) + " over " + std::to_string(found->second.count) +
                  " items of HS " + item.hs_code->substr(0, static_cast<size_t>(HsDigits())) +
                  " in the same data");
      SetItem(item, evidence->mutable_item());
    }
  }

  void PartyOffRoute(const Shipment& s, RuleOutcome* outcome) const {
    std::set<std::string> route;
    for (const OptionalText* country :
         {&s.origin_country, &s.destination_country, &s.final_destination_country}) {
      if (*country) route.insert(**country);
    }
    for (const ShipmentLeg& leg : s.legs) {
      if (leg.country) route.insert(*leg.country);
    }
    // Without any known country on the route every party would look off route; no evidence then.
    if (route.empty()) return;
    for (const ShipmentParty& party : s.parties) {
      if (!roles_.count(party.role) || !party.entity || !party.entity->country) continue;
      if (route.count(*party.entity->country)) continue;
      scores::Evidence* evidence =
          Add(outcome, "party " + party.role,
              party.role + " " + party.entity_id + " \"" + party.entity->name + "\" is in " +
                  *party.entity->country + ", on no part of the route (" +
                  Join(std::vector<std::string>(route.begin(), route.end()), ", ") + ")");
      evidence->set_country(*party.entity->country);
      SetParty(party, evidence->mutable_party());
    }
  }

  std::string Since() const { return config_.since().empty() ? "2022-02-24" : config_.since(); }
  double JumpRatio() const { return config_.jump_ratio() > 0 ? config_.jump_ratio() : 3; }
  int WindowDays() const { return config_.window_days() > 0 ? config_.window_days() : 180; }

  // Reads, once per run, each consignee's first shipment and its imports of the flag's goods.
  // The goods are those of the table on the run's screening date `as_of`.
  Status LoadHistory(Database* db, const std::string& as_of, ConsigneeHistories* out) const {
    // What the join of each consignee with its shipment and that shipment's items gave, in two
    // scans without a join (ShipmentRows): every consignee's shipment dates, then the few items
    // of the goods, each with the consignees of its shipment.
    std::unique_ptr<Statement> query;
    Status status = db->Prepare("SELECT entity_id, shipment_id FROM shipment_party WHERE " +
                                    RoleIsSql("role", {"consignee"}),
                                &query);
    if (!status.ok()) return status;
    std::unique_ptr<ShipmentRows> shipments;
    status = ShipmentRows::Open(db, "shipped_on", &shipments);
    if (!status.ok()) return status;
    while (query->Step()) {
      const Statement* shipment = shipments->Find(*query, 1);
      if (shipment == nullptr || shipment->IsNull(1)) continue;
      std::optional<int32_t> day = ParseDay(shipment->TextView(1));
      if (!day) continue;
      if (!out->start || *day < *out->start) out->start = *day;
      ConsigneeHistory& history = out->by_entity[query->Text(0)];
      if (history.first_shipped_on.empty() || *day < history.first_day) {
        history.first_day = *day;
        history.first_shipped_on = shipment->Text(1);
      }
    }
    if (!query->status().ok()) return query->status();
    if (!shipments->status().ok()) return shipments->status();
    status = db->Prepare(
        "SELECT hs_code, value, shipment_id FROM shipment_item WHERE hs_code IS NOT NULL", &query);
    if (!status.ok()) return status;
    std::unique_ptr<Statement> consignees;
    status = PrepareConsigneesOf(db, &consignees);
    if (!status.ok()) return status;
    while (query->Step()) {
      std::string digits;
      for (char ch : query->TextView(0)) {
        if (ch >= '0' && ch <= '9') digits += ch;
      }
      if (digits.size() < 2 || !query->IsNumeric(1) || goods_.Match(digits, as_of) == nullptr)
        continue;
      const Statement* shipment = shipments->Find(*query, 2);
      if (shipment == nullptr || shipment->IsNull(1)) continue;
      std::optional<int32_t> day = ParseDay(shipment->TextView(1));
      if (!day) continue;
      consignees->Reset();
      consignees->BindText(1, query->TextView(2));
      while (consignees->Step()) {
        out->by_entity[consignees->Text(0)].goods_values.emplace_back(*day, query->Double(1));
      }
      if (!consignees->status().ok()) return consignees->status();
    }
    if (!query->status().ok()) return query->status();
    if (!shipments->status().ok()) return shipments->status();
    for (auto& [entity, history] : out->by_entity) {
      std::sort(history.goods_values.begin(), history.goods_values.end());
      history.running_total.assign(1, 0.0);
      for (const auto& [day, value] : history.goods_values)
        history.running_total.push_back(history.running_total.back() + value);
      // What a shipment naming this consignee reads of the history (AppendCrossShipmentState).
      Sha256 sha;
      sha.Update(history.first_shipped_on);
      for (const auto& [day, value] : history.goods_values) {
        std::string part = ";";  // appended piecewise: g++ 12 -O3 warns (-Wrestrict) on a + chain
        part += std::to_string(day);
        part += '=';
        part += FormatNumber(value, 17);
        sha.Update(part);
      }
      out->digests[entity] = sha.HexDigest().substr(0, 16);
    }
    return Status::Ok();
  }

  // CONSIGNEE_NEW_SINCE and VOLUME_JUMP: FinCEN FIN-2022-Alert003 and its 2023-05-19 supplement
  // (FIN-2023-Alert004) name new customers appearing after February 2022 and sudden jumps in
  // shipments of high-priority items as red flags.
  void ConsigneeHistoryFlags(const Shipment& s, const std::string& as_of,
                             RuleOutcome* outcome) const {
    const ShipmentItem* goods = nullptr;
    for (const ShipmentItem& item : s.items) {
      if (goods_.Match(item.hs_code, as_of) != nullptr) {
        goods = &item;
        break;
      }
    }
    if (goods == nullptr || !s.shipped_on) return;
    std::optional<int32_t> day = ParseDay(*s.shipped_on);
    std::optional<int32_t> since = ParseDay(Since());
    if (!day || !since) return;
    for (const ShipmentParty& party : s.parties) {
      if (party.role != "consignee") continue;
      // The alerts name transshipment countries: a new customer there is the red flag, not any
      // new customer anywhere.
      if (!consignee_countries_.empty() && !(party.entity && party.entity->country &&
                                             consignee_countries_.count(*party.entity->country)))
        continue;
      auto found = histories_->by_entity.find(party.entity_id);
      if (found == histories_->by_entity.end()) continue;
      const ConsigneeHistory& history = found->second;
      if (config_.flag() == rules::CONSIGNEE_NEW_SINCE) {
        // Only records that reach back before `since` can show a party is new; a history that
        // starts later would make every consignee look new.
        const std::optional<int32_t>& start = histories_->start;
        if (!start || *start >= *since || history.first_day <= *since) continue;
        SetItem(*goods, Add(outcome, "party consignee",
                            "consignee " + party.entity_id + " was first seen on " +
                                history.first_shipped_on + ", after " + Since() +
                                " (records reach back further), and imports HS " + *goods->hs_code)
                            ->mutable_item());
        continue;
      }
      double recent = history.ValueIn(*day - WindowDays(), *day);
      double before = history.ValueIn(*day - 2 * WindowDays(), *day - WindowDays());
      // A jump needs a base: a first import is CONSIGNEE_NEW_SINCE's business, not a jump.
      if (before <= 0 || recent < JumpRatio() * before) continue;
      SetItem(
          *goods,
          Add(outcome, "party consignee",
              "consignee " + party.entity_id + " imported " + FormatNumber(recent) +
                  " of these goods in the " + std::to_string(WindowDays()) + " days to " +
                  *s.shipped_on + ", " + FormatNumber(recent / before, 1) + " times the " +
                  FormatNumber(before) + " of the " + std::to_string(WindowDays()) + " days before")
              ->mutable_item());
    }
  }

  // THIRD_COUNTRY_PAYER reads the optional payment table; without it the rule cannot tell who
  // paid, so it is off and the run header says why (as ear_scope does for its columns).
  Status CheckPaymentTable(RunResources* resources) {
    std::vector<std::string> columns;
    Status status = resources->input()->Columns("payment", &columns);
    if (!status.ok()) return status;
    payments_recorded_ = !columns.empty();
    if (!payments_recorded_) {
      resources->NoteRunProblem(
          {"rule", id_, "payment",
           "rule off: the input has no payment table (schemas/input.sql), so who paid for the "
           "goods, and from where, is not known"});
    }
    return Status::Ok();
  }

  // THIRD_COUNTRY_PAYER: FinCEN/BIS FIN-2022-Alert003 (and the DOJ/Commerce/Treasury note of
  // 2023-03-02) name payments coming from a third-party country, not the buyer's or the
  // destination's, as a red flag of diversion. One piece of evidence per such payment.
  void ThirdCountryPayer(const ShipmentContext& context, RuleOutcome* outcome) const {
    const Shipment& s = context.shipment;
    if (!payments_recorded_ || s.payments.empty()) return;
    const ShipmentItem* goods = nullptr;
    for (const ShipmentItem& item : s.items) {
      if (goods_.Match(item.hs_code, context.as_of) != nullptr) {
        goods = &item;
        break;
      }
    }
    if (goods == nullptr) return;
    // The countries a payment is expected from: the buyers' (roles_, by default the consignee)
    // and where the goods go.
    std::set<std::string> expected;
    for (const ShipmentParty& party : s.parties) {
      if (roles_.count(party.role) && party.entity && party.entity->country)
        expected.insert(*party.entity->country);
    }
    for (const OptionalText* country : {&s.destination_country, &s.final_destination_country}) {
      if (*country) expected.insert(**country);
    }
    // Nothing to compare with: every payer would look foreign, so no evidence on a guess.
    if (expected.empty()) return;
    const std::string expected_text =
        Join(std::vector<std::string>(expected.begin(), expected.end()), ", ");
    for (const ShipmentPayment& payment : s.payments) {
      std::vector<std::string> reasons;
      auto third = [&](const OptionalText& country, const std::string& who) {
        if (!country || expected.count(*country)) return;
        std::string reason = who + " is in " + *country;
        if (const PlaceEntry* group = payer_groups_.MatchCountryAt(country, context.as_of))
          reason += " (" + group->label + ")";
        reasons.push_back(reason);
      };
      third(payment.payer_country,
            "payer " + (payment.payer_entity_id ? *payment.payer_entity_id + " " : std::string()) +
                "\"" + payment.payer_name.value_or("?") + "\"");
      if (payment.payer_bank_country != payment.payer_country)
        third(payment.payer_bank_country,
              "paying bank \"" + payment.payer_bank.value_or("?") + "\"");
      if (reasons.empty()) continue;
      std::string paid = "payment " + payment.payment_id.value_or("(no reference)");
      if (payment.amount)
        paid += " of " + FormatNumber(*payment.amount) + " " + payment.currency.value_or("");
      if (payment.paid_on) paid += " on " + *payment.paid_on;
      scores::Evidence* evidence =
          Add(outcome, "payment",
              paid + " for HS " + *goods->hs_code + ": " + Join(reasons, "; ") +
                  ", a third country (the buyer and the goods are in " + expected_text + ")");
      evidence->set_country(
          payment.payer_country.value_or(payment.payer_bank_country.value_or("")));
      SetItem(*goods, evidence->mutable_item());
      if (payment.payer_entity_id) {
        scores::Party* payer = evidence->mutable_party();
        payer->set_entity_id(*payment.payer_entity_id);
        payer->set_role("payer");
        payer->set_name(payment.payer_name.value_or(""));
        payer->set_country(payment.payer_country.value_or(""));
      }
    }
  }

  std::string id_;
  rules::RedFlagRule config_;
  std::set<std::string> roles_;
  std::set<std::string> forwarder_words_;
  HsPrefixSet goods_;
  PlaceSet payer_groups_;
  std::set<std::string> consignee_countries_;
  bool payments_recorded_ = false;
  // Prepare()'s; empty until then.
  std::shared_ptr<const ConsigneeHistories> histories_ = std::make_shared<ConsigneeHistories>();
  int32_t as_of_day_ = kNoDate;
  struct Median {
    double median;
    size_t count;       // items the median is over
    std::string state;  // "=median/count", as AppendCrossShipmentState writes it
  };
  std::unordered_map<std::string, Median> medians_;  // MedianKey -> median
};

}  // namespace

std::unique_ptr<CompiledRule> CompileRedFlag(const rules::Rule& rule, const RuleCompileContext& c) {
  const rules::RedFlagRule& config = rule.red_flag();
  size_t errors_before = c.diagnostics->size();
  if (config.flag() == rules::RED_FLAG_UNSPECIFIED)
    c.Error(c.locator.self(), "red_flag needs a flag");
  std::set<std::string> roles = CompileRoles(config.roles(), "roles", c);
  if (roles.empty()) {
    // These flags are about the consignee in the BIS guidance (for THIRD_COUNTRY_PAYER: the
    // buyer, whose country a payment is expected from); the others look at every party.
    if (config.flag() == rules::CONSIGNEE_FORWARDER ||
        config.flag() == rules::CONSIGNEE_NO_ADDRESS ||
        config.flag() == rules::THIRD_COUNTRY_PAYER) {
      roles = {"consignee"};
    } else {
      roles = {"shipper", "consignee",    "notify", "end_user",    "forwarder",
               "carrier", "intermediate", "bank",   "manufacturer"};
    }
  }
  if (config.max_age_days() < 0)
    c.Error(c.locator.At("max_age_days"), "max_age_days must not be negative");
  // Written as !(in range) so that NaN is an error too; a ratio of 1 or more would flag every item
  // at or below the median, half of all items.
  if (!(config.unit_value_ratio() >= 0 && config.unit_value_ratio() < 1)) {
    c.Error(c.locator.At("unit_value_ratio"), "unit_value_ratio must be between 0 and 1");
  }
  if (config.hs_digits() != 0 && (config.hs_digits() < 2 || config.hs_digits() > 10)) {
    c.Error(c.locator.At("hs_digits"), "hs_digits must be between 2 and 10");
  }
  std::set<std::string> words;
  for (const std::string& word : config.forwarder_name_words()) words.insert(AsciiUpper(word));
  if (words.empty())
    words = {"FORWARDING", "FORWARDERS", "FREIGHT", "LOGISTICS", "CARGO", "EXPEDITION"};
  HsPrefixSet goods;
  if (config.flag() == rules::CONSIGNEE_NEW_SINCE || config.flag() == rules::VOLUME_JUMP) {
    if (config.hs_table().empty()) c.Error(c.locator.At("hs_table"), "this flag needs an hs_table");
    goods.AddTable(config.hs_table(), "hs_table", c);
    if (!config.since().empty() && !(config.since().size() == 10 && IsIsoDate(config.since())))
      c.Error(c.locator.At("since"), "since must be a date (YYYY-MM-DD)");
    if (!(config.jump_ratio() == 0 || config.jump_ratio() > 1))
      c.Error(c.locator.At("jump_ratio"), "jump_ratio must be more than 1");
    if (config.window_days() < 0)
      c.Error(c.locator.At("window_days"), "window_days must not be negative");
    PlaceSet countries;  // validated only
    countries.AddCountries(config.consignee_countries(), "consignee_countries", c);
  }
  PlaceSet payer_groups;
  if (config.flag() == rules::THIRD_COUNTRY_PAYER) {
    if (config.hs_table().empty()) c.Error(c.locator.At("hs_table"), "this flag needs an hs_table");
    goods.AddTable(config.hs_table(), "hs_table", c);
    payer_groups.AddGroups(config.payer_groups(), "payer_groups", c);
  }
  if (c.diagnostics->size() != errors_before) return nullptr;
  return std::make_unique<RedFlagRule>(rule.id(), config, std::move(roles), std::move(words),
                                       std::move(goods), std::move(payer_groups));
}

}  // namespace corridor
