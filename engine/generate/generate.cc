// corridor generate: a synthetic company database (engine/generate/generate.h).
#include "engine/generate/generate.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "engine/generate/tables.h"
#include "engine/store/database.h"

namespace corridor {

using generate::Culture;
using generate::Random;

namespace {

constexpr const char* kCompanyTables[] = {"entity",      "entity_alias",   "ownership",
                                          "shipment",    "shipment_party", "shipment_item",
                                          "shipment_leg"};

struct Entity {
  bool person = false;
  size_t country = 0;  // index into generate::Countries()
  std::string name;
  const char* region = nullptr;
  const char* city = nullptr;
  const char* activity = nullptr;
  bool listed = false;
  bool owned_by_listed = false;  // a listed party holds a share, directly or up a chain
};

std::string Padded(char prefix, int64_t number, int width) {
  std::string digits = std::to_string(number);
  return prefix +
         std::string(width > static_cast<int>(digits.size()) ? width - digits.size() : 0, '0') +
         digits;
}

int IdWidth(int64_t count) { return std::max<int>(7, std::to_string(count).size()); }

// A file we may write into: absent, empty, or a corridor database without company records.
// Anything else is refused unless `force`, which deletes it.
Status PrepareTarget(const GenerateOptions& options) {
  std::error_code error;
  if (!std::filesystem::exists(options.db_path, error)) return Status::Ok();
  if (std::filesystem::is_regular_file(options.db_path, error) &&
      std::filesystem::file_size(options.db_path, error) == 0) {
    return Status::Ok();
  }
  std::string why;
  {
    std::unique_ptr<Database> db;
    Status status = Database::OpenReadOnly(options.db_path, &db);
    int64_t version = 0;
    bool has_shipments = false;
    if (status.ok()) status = db->UserVersion(&version);
    if (status.ok()) status = db->HasTable("shipment", &has_shipments);
    if (!status.ok()) {
      why = status.message();
    } else if (version != kInputSchemaVersion || !has_shipments) {
      why = "not a corridor input database";
    } else {
      for (const char* table : kCompanyTables) {
        std::unique_ptr<Statement> query;
        status = db->Prepare(std::string("SELECT 1 FROM ") + table + " LIMIT 1", &query);
        if (!status.ok()) {
          why = status.message();
          break;
        }
        if (query->Step()) {
          why = std::string("holds company records (table ") + table + ")";
          break;
        }
      }
    }
  }
  if (why.empty()) return Status::Ok();
  if (!options.force) {
    return Status::Refused(options.db_path + ": " + why + "; use --force to replace the file");
  }
  std::filesystem::remove(options.db_path, error);
  std::filesystem::remove(options.db_path + "-journal", error);
  if (error) return Status::IoError(options.db_path + ": cannot remove: " + error.message());
  return Status::Ok();
}

struct ListName {
  std::string name;
  bool person;
};

// Person, company and organisation names of the database's own list entries, in key order;
// the built-in SDN names when it holds none.
Status LoadListNames(Database* db, std::vector<ListName>* names, bool* from_database) {
  std::unique_ptr<Statement> query;
  Status status = db->Prepare(
      "SELECT name, kind FROM list_entry WHERE (kind IS NULL OR kind NOT IN ('vessel', "
      "'aircraft')) AND length(name) BETWEEN 4 AND 80 ORDER BY list_id, entry_id",
      &query);
  if (!status.ok()) return status;
  while (query->Step()) names->push_back({query->Text(0), query->Text(1) == "person"});
  if (!query->status().ok()) return query->status();
  *from_database = !names->empty();
  if (names->empty()) {
    for (const auto& builtin : generate::BuiltinListedNames()) {
      names->push_back({builtin.name, std::string(builtin.kind) == "person"});
    }
  }
  return Status::Ok();
}

// One typing slip at an ASCII letter: two letters swapped, one dropped, or one doubled.
std::string Misspell(const std::string& name, Random& random) {
  std::vector<size_t> letters;
  for (size_t i = 0; i + 1 < name.size(); ++i) {
    auto is_letter = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); };
    if (i > 0 && is_letter(name[i]) && is_letter(name[i + 1])) letters.push_back(i);
  }
  if (letters.empty()) return name;
  size_t at = random.Pick(letters);
  std::string result = name;
  switch (random.Below(3)) {
    case 0:
      std::swap(result[at], result[at + 1]);
      break;
    case 1:
      result.erase(at, 1);
      break;
    default:
      result.insert(at, 1, result[at]);
      break;
  }
  return result;
}

std::vector<Entity> MakeEntities(const GenerateOptions& options,
                                 const std::vector<ListName>& list_names, Random& random) {
  const auto& countries = generate::Countries();
  std::vector<generate::Weighted> country_weights;
  for (const auto& country : countries)
    country_weights.push_back({country.country, country.weight});
  static const std::vector<generate::Weighted> activities = {
      {"trader", 35},    {"manufacturer", 20}, {"distributor", 20},
      {"forwarder", 15}, {"carrier", 5},       {"end_user", 5}};
  std::vector<Entity> entities(options.entities);
  for (Entity& entity : entities) {
    const char* code = generate::PickWeighted(country_weights, random);
    while (countries[entity.country].country != std::string(code)) ++entity.country;
    const auto& profile = countries[entity.country];
    const auto& region = generate::PickRegion(profile, random);
    entity.region = region.code;
    entity.city = region.city;
    entity.person = random.Chance(0.3);
    entity.name = entity.person ? generate::PersonName(profile.culture, random).name
                                : generate::CompanyName(profile.culture, region.city, random);
    entity.activity = entity.person ? nullptr : generate::PickWeighted(activities, random);
  }
  // The listed share: distinct entities renamed after list entries, 60% exactly, 40% misspelt.
  int64_t listed = static_cast<int64_t>(options.listed_share * options.entities + 0.5);
  listed = std::min<int64_t>(listed, options.entities);
  for (int64_t done = 0; done < listed;) {
    Entity& entity = entities[random.Below(entities.size())];
    if (entity.listed) continue;
    const ListName& source = random.Pick(list_names);
    entity.listed = true;
    entity.person = source.person;
    entity.activity = entity.person ? nullptr : "trader";
    entity.name = random.Chance(0.6) ? source.name : Misspell(source.name, random);
    ++done;
  }
  return entities;
}

struct Writer {
  std::unique_ptr<Statement> entity, ownership, shipment, party, item, leg;
};

Status PrepareWriter(Database* db, Writer* w) {
  Status status = db->Prepare(
      "INSERT INTO entity (entity_id, kind, name, country, region, address, birth_date, "
      "registration_id, incorporated_on, activity) VALUES (?,?,?,?,?,?,?,?,?,?)",
      &w->entity);
  if (status.ok()) {
    status = db->Prepare(
        "INSERT INTO ownership (owner_id, owned_id, share, control, as_of) VALUES (?,?,?,?,?)",
        &w->ownership);
  }
  if (status.ok()) {
    status = db->Prepare(
        "INSERT INTO shipment (shipment_id, shipped_on, mode, origin_country, origin_region, "
        "destination_country, destination_region, final_destination_country, declared_value, "
        "currency) VALUES (?,?,?,?,?,?,?,?,?,?)",
        &w->shipment);
  }
  if (status.ok()) {
    status = db->Prepare("INSERT INTO shipment_party (shipment_id, entity_id, role) VALUES (?,?,?)",
                         &w->party);
  }
  if (status.ok()) {
    status = db->Prepare(
        "INSERT INTO shipment_item (shipment_id, line, hs_code, description, quantity, unit, "
        "value, origin_country, origin_region) VALUES (?,?,?,?,?,?,?,?,?)",
        &w->item);
  }
  if (status.ok()) {
    status = db->Prepare(
        "INSERT INTO shipment_leg (shipment_id, seq, location, location_name, country, region, "
        "kind, arrived_on) VALUES (?,?,?,?,?,?,?,?)",
        &w->leg);
  }
  return status;
}

Status WriteEntities(const std::vector<Entity>& entities, int width, Writer& w, Random& random,
                     GenerateReport* report) {
  const auto& countries = generate::Countries();
  for (size_t i = 0; i < entities.size(); ++i) {
    const Entity& e = entities[i];
    const auto& profile = countries[e.country];
    Statement& s = *w.entity;
    s.BindText(1, Padded('E', static_cast<int64_t>(i) + 1, width));
    s.BindText(2, e.person ? "person" : "company");
    s.BindText(3, e.name);
    s.BindText(4, profile.country);
    s.BindText(5, e.region);
    if (random.Chance(0.97))
      s.BindText(6, generate::StreetAddress(profile.culture, e.city, random));
    if (e.person) {
      s.BindText(7, std::to_string(random.Between(1950, 1998)) + "-" +
                        generate::DateAfter2025(static_cast<int>(random.Below(365))).substr(5));
    } else {
      char registration[32];
      std::snprintf(registration, sizeof(registration), "%s%010llu", profile.country,
                    static_cast<unsigned long long>(random.Below(10'000'000'000ULL)));
      s.BindText(8, registration);
      s.BindText(9, std::to_string(random.Between(1995, 2022)) + "-" +
                        generate::DateAfter2025(static_cast<int>(random.Below(365))).substr(5));
      s.BindText(10, e.activity);
    }
    Status status = s.Run();
    s.Reset();
    if (!status.ok()) return status;
    e.person ? ++report->persons : ++report->companies;
    if (e.listed) ++report->listed_entities;
  }
  report->entities = static_cast<int64_t>(entities.size());
  return Status::Ok();
}

// Owners for about a third of the companies: persons, or companies earlier in the table, so
// that holdings chain (person -> holding -> company) without cycles.
Status WriteOwnership(std::vector<Entity>& entities, int width, Writer& w, Random& random,
                      GenerateReport* report) {
  std::vector<size_t> persons, companies_so_far;
  for (size_t i = 0; i < entities.size(); ++i) {
    if (entities[i].person) persons.push_back(i);
  }
  for (size_t i = 0; i < entities.size(); ++i) {
    if (entities[i].person) continue;
    if (random.Chance(0.35) && !(persons.empty() && companies_so_far.empty())) {
      int owners = random.Between(1, 3);
      int left = 100;
      std::vector<size_t> chosen;
      for (int k = 0; k < owners && left > 0; ++k) {
        bool company_owner = !companies_so_far.empty() && (persons.empty() || random.Chance(0.45));
        size_t owner = company_owner ? random.Pick(companies_so_far) : random.Pick(persons);
        // One record per holding: a second draw of the same owner ends the list.
        if (std::find(chosen.begin(), chosen.end(), owner) != chosen.end()) break;
        chosen.push_back(owner);
        int share = k + 1 == owners ? left : random.Between(std::min(left, 10), left);
        left -= share;
        Statement& s = *w.ownership;
        s.BindText(1, Padded('E', static_cast<int64_t>(owner) + 1, width));
        s.BindText(2, Padded('E', static_cast<int64_t>(i) + 1, width));
        s.BindDouble(3, share);
        s.BindInt(4, share > 50 || random.Chance(0.1) ? 1 : 0);
        s.BindText(5, generate::DateAfter2025(static_cast<int>(random.Below(365))));
        Status status = s.Run();
        s.Reset();
        if (!status.ok()) return status;
        ++report->ownership_links;
        if (entities[owner].listed || entities[owner].owned_by_listed) {
          entities[i].owned_by_listed = true;
        }
      }
    }
    companies_so_far.push_back(i);
  }
  return Status::Ok();
}

// Companies of one country, drawn with a Zipf-like law (weight 1/rank): a few counterparties
// carry many shipments, most carry one or two.
class ZipfPool {
 public:
  // `tail`: the entity goes to the least frequent ranks. Listed parties and companies they own
  // are rarely a company's main counterparties; at a high rank one of them would put thousands
  // of shipments on BLOCK and hide the rest of the picture.
  void Add(size_t entity, bool tail) { (tail ? tail_ : members_).push_back(entity); }
  void Finish(Random& random) {
    Shuffle(members_, random);
    Shuffle(tail_, random);
    members_.insert(members_.end(), tail_.begin(), tail_.end());
    tail_.clear();
    double total = 0;
    for (size_t rank = 0; rank < members_.size(); ++rank) {
      total += 1.0 / static_cast<double>(rank + 1);
      cumulative_.push_back(total);
    }
  }
  bool empty() const { return members_.empty(); }
  size_t Draw(Random& random) const {
    double point = random.Unit() * cumulative_.back();
    size_t rank =
        std::upper_bound(cumulative_.begin(), cumulative_.end(), point) - cumulative_.begin();
    return members_[std::min(rank, members_.size() - 1)];
  }

 private:
  static void Shuffle(std::vector<size_t>& items, Random& random) {
    for (size_t i = items.size(); i > 1; --i) std::swap(items[i - 1], items[random.Below(i)]);
  }
  std::vector<size_t> members_, tail_;
  std::vector<double> cumulative_;
};

struct Pools {
  std::vector<ZipfPool> companies_by_country;  // index: generate::Countries()
  ZipfPool companies, persons;
  const ZipfPool& For(const char* country) const {
    const auto& countries = generate::Countries();
    for (size_t i = 0; i < countries.size(); ++i) {
      if (countries[i].country == std::string(country) && !companies_by_country[i].empty()) {
        return companies_by_country[i];
      }
    }
    return companies.empty() ? persons : companies;
  }
};

Pools MakePools(const std::vector<Entity>& entities, Random& random) {
  Pools pools;
  pools.companies_by_country.resize(generate::Countries().size());
  for (size_t i = 0; i < entities.size(); ++i) {
    bool tail = entities[i].listed || entities[i].owned_by_listed;
    if (entities[i].person) {
      pools.persons.Add(i, tail);
    } else {
      pools.companies_by_country[entities[i].country].Add(i, tail);
      pools.companies.Add(i, tail);
    }
  }
  for (ZipfPool& pool : pools.companies_by_country) pool.Finish(random);
  pools.companies.Finish(random);
  pools.persons.Finish(random);
  return pools;
}

// Parties of one shipment: a shipper where the goods leave, a consignee where they arrive,
// and sometimes a forwarder, a notify party, a carrier and an end user.
Status WriteParties(const std::string& shipment_id, const generate::Route& route,
                    const Pools& pools, int width, Writer& w, Random& random,
                    std::vector<size_t>* shipper_out, GenerateReport* report) {
  const char* origin = route.stops.front().country;
  const char* destination = route.stops.back().country;
  size_t shipper = pools.For(origin).Draw(random);
  size_t consignee = pools.For(destination).Draw(random);
  for (int tries = 0; consignee == shipper && tries < 4; ++tries) {
    consignee = pools.For(destination).Draw(random);
  }
  std::vector<std::pair<size_t, const char*>> parties = {{shipper, "shipper"},
                                                         {consignee, "consignee"}};
  if (random.Chance(0.4)) parties.push_back({pools.For(origin).Draw(random), "forwarder"});
  if (random.Chance(0.3)) {
    bool person = !pools.persons.empty() && random.Chance(0.3);
    parties.push_back(
        {person ? pools.persons.Draw(random) : pools.For(destination).Draw(random), "notify"});
  }
  if (random.Chance(0.15)) parties.push_back({pools.For(origin).Draw(random), "carrier"});
  if (random.Chance(0.1)) parties.push_back({pools.For(destination).Draw(random), "end_user"});
  for (const auto& [entity, role] : parties) {
    Statement& s = *w.party;
    s.BindText(1, shipment_id);
    s.BindText(2, Padded('E', static_cast<int64_t>(entity) + 1, width));
    s.BindText(3, role);
    Status status = s.Run();
    s.Reset();
    if (!status.ok()) return status;
    ++report->parties;
  }
  shipper_out->assign(1, shipper);
  return Status::Ok();
}

// Goods lines: mostly ordinary goods, some of the UFLPA sectors, a few CHPL items. Returns the
// total value in cents.
// Values are in the shipment's currency (`per_usd` units a dollar), in hundredths.
Status WriteItems(const std::string& shipment_id, const Entity& shipper, double per_usd, Writer& w,
                  Random& random, int64_t* total_cents, GenerateReport* report) {
  const auto& country = generate::Countries()[shipper.country];
  int lines = random.Between(1, 5);
  *total_cents = 0;
  for (int line = 1; line <= lines; ++line) {
    double pool = random.Unit();
    const auto& goods = pool < 0.006  ? random.Pick(generate::ChplGoods())
                        : pool < 0.09 ? random.Pick(generate::UflpaSectorGoods())
                                      : random.Pick(generate::CommonGoods());
    int64_t quantity =
        goods.unit_price_cents > 100000 ? random.Between(1, 40) : random.Between(10, 5000);
    // Unit prices within 0.7..1.5 of the typical price: a realistic spread that stays clear of
    // the low-unit-value red flag (a quarter of the median).
    int64_t price = goods.unit_price_cents * random.Between(70, 150) / 100;
    int64_t cents =
        std::llround(static_cast<double>(quantity * std::max<int64_t>(price, 1)) * per_usd);
    *total_cents += cents;
    Statement& s = *w.item;
    s.BindText(1, shipment_id);
    s.BindInt(2, line);
    s.BindText(3, goods.hs_code);
    s.BindText(4, goods.description);
    s.BindDouble(5, static_cast<double>(quantity));
    s.BindText(6, goods.unit);
    s.BindDouble(7, static_cast<double>(cents) / 100.0);
    s.BindText(8, country.country);
    if (random.Chance(0.6)) s.BindText(9, shipper.region);
    Status status = s.Run();
    s.Reset();
    if (!status.ok()) return status;
    ++report->items;
  }
  return Status::Ok();
}

Status WriteShipment(int64_t number, int shipment_width, int entity_width,
                     const std::vector<Entity>& entities, const Pools& pools, Writer& w,
                     Random& random, GenerateReport* report) {
  static const std::vector<generate::Weighted> route_weights = [] {
    std::vector<generate::Weighted> weights;
    for (const auto& route : generate::Routes()) weights.push_back({nullptr, route.weight});
    return weights;
  }();
  int total = 0;
  for (const auto& weight : route_weights) total += weight.weight;
  int point = static_cast<int>(random.Below(total));
  size_t route_index = 0;
  while (point >= route_weights[route_index].weight) point -= route_weights[route_index++].weight;
  const generate::Route& route = generate::Routes()[route_index];

  std::string id = Padded('S', number, shipment_width);
  std::vector<size_t> shipper;
  Status status = WriteParties(id, route, pools, entity_width, w, random, &shipper, report);
  const auto& shipper_country = generate::Countries()[entities[shipper[0]].country];
  bool dollars = random.Chance(0.7);
  const char* currency = dollars ? "USD" : shipper_country.currency;
  int64_t total_cents = 0;
  if (status.ok()) {
    status = WriteItems(id, entities[shipper[0]], dollars ? 1.0 : shipper_country.per_usd, w,
                        random, &total_cents, report);
  }
  if (!status.ok()) return status;
  int day = static_cast<int>(random.Below(365));
  const auto& origin = route.stops.front();
  const auto& destination = route.stops.back();
  Statement& s = *w.shipment;
  s.BindText(1, id);
  s.BindText(2, generate::DateAfter2025(day));
  s.BindText(3, route.mode);
  s.BindText(4, origin.country);
  s.BindText(5, origin.region);
  s.BindText(6, destination.country);
  s.BindText(7, destination.region);
  if (random.Chance(0.7)) s.BindText(8, destination.country);
  s.BindDouble(9, static_cast<double>(total_cents) / 100.0);
  s.BindText(10, currency);
  status = s.Run();
  s.Reset();
  if (!status.ok()) return status;
  for (size_t seq = 0; seq < route.stops.size(); ++seq) {
    const generate::Stop& stop = route.stops[seq];
    day += seq == 0 ? 0 : random.Between(0, 3);
    Statement& l = *w.leg;
    l.BindText(1, id);
    l.BindInt(2, static_cast<int64_t>(seq) + 1);
    if (stop.locode != nullptr) l.BindText(3, stop.locode);
    l.BindText(4, stop.name);
    l.BindText(5, stop.country);
    l.BindText(6, stop.region);
    l.BindText(7, stop.kind);
    l.BindText(8, generate::DateAfter2025(day));
    status = l.Run();
    l.Reset();
    if (!status.ok()) return status;
    ++report->legs;
  }
  ++report->shipments;
  return Status::Ok();
}

Status CheckOptions(const GenerateOptions& options) {
  if (options.db_path.empty()) return Status::Usage("--db is required");
  // Upper bounds ten times the benchmark's largest run (10 million shipments, 2 million entities):
  // a mistyped count was an out-of-memory kill or "internal error: std::bad_alloc" with a
  // schema-only file left behind (from a review, 2026-12-08); now a usage error before any file.
  if (options.shipments < 1 || options.shipments > kMaxGenerateShipments) {
    return Status::Usage("--shipments must be between 1 and " +
                         std::to_string(kMaxGenerateShipments));
  }
  if (options.entities < 10 || options.entities > kMaxGenerateEntities) {
    return Status::Usage("--entities must be between 10 and " +
                         std::to_string(kMaxGenerateEntities));
  }
  if (!(options.listed_share >= 0 && options.listed_share <= 1)) {
    return Status::Usage("--listed-share must be between 0 and 1");
  }
  return Status::Ok();
}

Status Generate(Database* db, const GenerateOptions& options, GenerateReport* report) {
  std::vector<ListName> list_names;
  Status status = LoadListNames(db, &list_names, &report->names_from_database);
  if (!status.ok()) return status;
  Random random(options.seed);
  std::vector<Entity> entities = MakeEntities(options, list_names, random);
  Writer writer;
  status = PrepareWriter(db, &writer);
  int entity_width = IdWidth(options.entities);
  if (status.ok()) status = WriteEntities(entities, entity_width, writer, random, report);
  if (status.ok()) status = WriteOwnership(entities, entity_width, writer, random, report);
  if (!status.ok()) return status;
  Pools pools = MakePools(entities, random);
  int shipment_width = IdWidth(options.shipments);
  for (int64_t number = 1; number <= options.shipments && status.ok(); ++number) {
    status = WriteShipment(number, shipment_width, entity_width, entities, pools, writer, random,
                           report);
  }
  return status;
}

}  // namespace

Status GenerateDatabase(const GenerateOptions& options, GenerateReport* report) {
  *report = GenerateReport();
  Status status = CheckOptions(options);
  if (status.ok()) status = PrepareTarget(options);
  if (!status.ok()) return status;
  std::unique_ptr<Database> db;
  status = Database::OpenWritable(options.db_path, &db);
  if (status.ok()) status = CreateInputSchema(db.get());
  // A large page cache keeps the indexes in memory; it changes nothing in the file.
  if (status.ok()) status = db->Execute("PRAGMA cache_size = -262144");
  if (status.ok()) status = db->Execute("BEGIN");
  if (!status.ok()) return status;
  status = Generate(db.get(), options, report);
  if (!status.ok()) {
    db->Execute("ROLLBACK");
    return status;
  }
  return db->Execute("COMMIT");
}

}  // namespace corridor
