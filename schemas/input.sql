-- corridor input contract, schema version 1.
--
-- This file is a public interface: the tables and columns a company fills with its own records
-- (entities, ownership, shipments) and the watch-list tables that `corridor import-list` fills.
-- `corridor init --db FILE` creates an empty database from this file and sets
-- PRAGMA user_version to the schema version below. `corridor screen` opens the database
-- read-only and never writes to it.
--
-- Conventions used throughout:
--   * Country codes are ISO 3166-1 alpha-2, upper case ('CN', 'PK', 'KZ').
--   * Region codes are ISO 3166-2 subdivision codes ('CN-XJ' Xinjiang, 'PK-BA' Balochistan,
--     'UA-43' Crimea, 'KZ-19' Almaty region).
--   * Dates are ISO 8601 text; a partial date is allowed where noted ('1955', '1958-01').
--   * Row ids named in error messages are the table's key columns (entity_id, shipment_id with
--     line or seq, list_id with entry_id).
--   * Columns not marked NOT NULL may be NULL when the value is unknown; rules that need a
--     missing value record a data problem instead of guessing.

PRAGMA user_version = 1;

------------------------------------------------------------------------------------------------
-- A company's own records
------------------------------------------------------------------------------------------------

-- A party that can appear on a shipment or in an ownership chain.
CREATE TABLE IF NOT EXISTS entity (
  entity_id       TEXT PRIMARY KEY,  -- the company's own stable identifier
  kind            TEXT NOT NULL,     -- company, person, vessel, aircraft, organization
  name            TEXT NOT NULL,     -- primary name, any script
  country         TEXT,              -- ISO 3166-1 alpha-2 of registration, residence or flag
  region          TEXT,              -- ISO 3166-2 subdivision, e.g. CN-XJ, PK-BA, UA-43
  address         TEXT,              -- street address as one line; NULL when none is known
  birth_date      TEXT,              -- persons: ISO 8601, partial allowed ('1955', '1958-01')
  registration_id TEXT,              -- company registration or tax number in its country
  imo             TEXT,              -- vessels: IMO number, seven digits
  incorporated_on TEXT,              -- companies: date of incorporation (ISO 8601, partial ok)
  activity        TEXT,              -- what the party does: trader, forwarder, manufacturer,
                                     -- distributor, end_user, bank, carrier; NULL unknown
                                     -- (optional column: databases without it still load)
  updated_at      TEXT               -- when the company last changed this record
);

-- Other names of an entity: former names, trade names, names in another script.
CREATE TABLE IF NOT EXISTS entity_alias (
  entity_id TEXT NOT NULL,  -- entity.entity_id
  name      TEXT NOT NULL   -- the alias, any script
);
CREATE INDEX IF NOT EXISTS entity_alias_by_entity ON entity_alias(entity_id);

-- Who owns or controls whom, as the company knows it.
CREATE TABLE IF NOT EXISTS ownership (
  owner_id TEXT NOT NULL,               -- entity.entity_id of the owner
  owned_id TEXT NOT NULL,               -- entity.entity_id of the owned company
  share    REAL,                        -- percent 0..100 held directly; NULL when unknown
  control  INTEGER NOT NULL DEFAULT 0,  -- 1 when the owner controls the company (board, veto)
  as_of    TEXT                         -- date the record was last confirmed (ISO 8601)
);
CREATE INDEX IF NOT EXISTS ownership_by_owned ON ownership(owned_id);
CREATE INDEX IF NOT EXISTS ownership_by_owner ON ownership(owner_id);

-- One consignment.
CREATE TABLE IF NOT EXISTS shipment (
  shipment_id               TEXT PRIMARY KEY,
  shipped_on                TEXT,  -- ISO 8601 date of dispatch
  mode                      TEXT,  -- road, rail, sea, air
  origin_country            TEXT,  -- ISO 3166-1 alpha-2 where the goods are dispatched from
  origin_region             TEXT,  -- ISO 3166-2
  destination_country       TEXT,  -- ISO 3166-1 alpha-2 of the consignee's delivery point
  destination_region        TEXT,  -- ISO 3166-2
  final_destination_country TEXT,  -- declared country of end use; NULL when not declared
  declared_value            REAL,  -- total declared value in `currency`
  currency                  TEXT,  -- ISO 4217, e.g. USD, CNY, KZT
  updated_at                TEXT
);

-- The parties named on a shipment and the role each plays.
CREATE TABLE IF NOT EXISTS shipment_party (
  shipment_id TEXT NOT NULL,  -- shipment.shipment_id
  entity_id   TEXT NOT NULL,  -- entity.entity_id
  role        TEXT NOT NULL   -- shipper, consignee, notify, end_user, forwarder, carrier,
                              -- intermediate, bank, manufacturer
);
CREATE INDEX IF NOT EXISTS shipment_party_by_shipment ON shipment_party(shipment_id);

-- The goods lines of a shipment.
CREATE TABLE IF NOT EXISTS shipment_item (
  shipment_id    TEXT NOT NULL,     -- shipment.shipment_id
  line           INTEGER NOT NULL,  -- line number on the invoice, unique within a shipment
  hs_code        TEXT,              -- Harmonized System code, 2 to 10 digits, dots allowed
  description    TEXT,              -- goods description as declared
  quantity       REAL,
  unit           TEXT,              -- unit of quantity, e.g. kg, pcs, t
  value          REAL,              -- declared value of the line in shipment.currency
  origin_country TEXT,              -- country of origin of the goods (ISO 3166-1 alpha-2)
  origin_region  TEXT,              -- region of origin (ISO 3166-2), e.g. CN-XJ
  -- Optional export-control columns (read by the ear_scope rule only; databases without them
  -- still load, and that rule then says nothing and says why in the stream header):
  eccn               TEXT,          -- Export Control Classification Number ('3A001', 'EAR99')
  us_content_percent REAL,          -- share of US-origin controlled content, 0..100 (15 CFR 734.4)
  brand_country      TEXT           -- ISO 3166-1 alpha-2 of the brand owner or manufacturer
);
CREATE INDEX IF NOT EXISTS shipment_item_by_shipment ON shipment_item(shipment_id);

-- The route, one row per stop or crossing, in order.
CREATE TABLE IF NOT EXISTS shipment_leg (
  shipment_id   TEXT NOT NULL,     -- shipment.shipment_id
  seq           INTEGER NOT NULL,  -- order along the route, starting at 1
  location      TEXT,              -- UN/LOCODE where known, e.g. CNKHG (Khorgos), PKSST (Sost)
  location_name TEXT,              -- readable place name
  country       TEXT,              -- ISO 3166-1 alpha-2
  region        TEXT,              -- ISO 3166-2
  kind          TEXT,              -- port, border_crossing, transshipment, inland
  arrived_on    TEXT,              -- ISO 8601 date
  -- Optional (added for the security_incident rule; databases without these two columns still
  -- load): WGS 84 decimal degrees of the stop. Where NULL, the security rule places the leg by
  -- its location_name in the rules' gazetteer (rules/reference/corridor_locations.csv), else by
  -- its region.
  latitude      REAL,              -- -90..90
  longitude     REAL               -- -180..180
);
CREATE INDEX IF NOT EXISTS shipment_leg_by_shipment ON shipment_leg(shipment_id);

-- Optional: documents recorded for a shipment (read by the diversion rule; a database without
-- this table loads, every shipment then has no documents). An end-use certificate or a
-- contract's no-re-export-to-Russia clause (EU Reg. 833/2014 Art. 12g) lowers the diversion
-- weight and is cited as evidence; its absence for Tier 1-2 goods to a diversion country is a
-- flag (BIS/FinCEN, E5 guidance on end-user certifications).
CREATE TABLE IF NOT EXISTS shipment_document (
  shipment_id TEXT NOT NULL,  -- shipment.shipment_id
  kind        TEXT NOT NULL,  -- end_use_certificate, no_russia_clause, ... (lower case)
  reference   TEXT,           -- the document's number or title
  issued_on   TEXT,           -- ISO 8601 date
  issuer      TEXT            -- who issued or signed it
);
CREATE INDEX IF NOT EXISTS shipment_document_by_shipment ON shipment_document(shipment_id);

-- Optional: payments for a shipment (read by the red_flag rule THIRD_COUNTRY_PAYER; a database
-- without this table loads, and that rule is then off with a note in the run header). Who paid
-- and from where: a payment from a country that is neither the consignee's nor the destination's
-- is a red flag of export-control evasion (FinCEN/BIS FIN-2022-Alert003: "payments coming from a
-- third-party country or business not listed on the End-User Statement"). Name the payer by
-- payer_entity_id (an entity row; its country is used when payer_country is NULL) or by
-- payer_name and payer_country.
CREATE TABLE IF NOT EXISTS payment (
  shipment_id        TEXT NOT NULL,  -- shipment.shipment_id
  payment_id         TEXT,           -- the company's reference (invoice or transfer number)
  payer_entity_id    TEXT,           -- entity.entity_id of the payer, when it is an entity
  payer_name         TEXT,           -- the payer's name as the payment shows it
  payer_country      TEXT,           -- ISO 3166-1 alpha-2 where the payer is (overrides entity)
  payer_bank         TEXT,           -- the paying bank (name or BIC)
  payer_bank_country TEXT,           -- ISO 3166-1 alpha-2 of the paying bank
  amount             REAL,           -- in `currency`
  currency           TEXT,           -- ISO 4217
  paid_on            TEXT            -- ISO 8601 date
);
CREATE INDEX IF NOT EXISTS payment_by_shipment ON payment(shipment_id);

------------------------------------------------------------------------------------------------
-- Watch lists (filled by `corridor import-list`; tests may insert rows with plain SQL: only the
-- key columns and the name are required, everything else is nullable or has a default)
------------------------------------------------------------------------------------------------

-- One loaded list and its provenance.
CREATE TABLE IF NOT EXISTS list_source (
  list_id       TEXT PRIMARY KEY,  -- short id used by rules, e.g. 'ofac-sdn', 'un-sc'
  name          TEXT,              -- readable title
  publisher     TEXT,              -- e.g. 'US Treasury OFAC'
  format        TEXT,              -- importer format it came from, e.g. 'ofac-csv'
  version       TEXT,              -- publication date or version string of the list
  source_path   TEXT,              -- file or folder it was imported from
  sha256        TEXT,              -- digest of the imported file(s)
  imported_at   TEXT,              -- when it was imported (UTC, ISO 8601)
  entry_count   INTEGER NOT NULL DEFAULT 0,
  alias_count   INTEGER NOT NULL DEFAULT 0,
  address_count INTEGER NOT NULL DEFAULT 0,
  link_count    INTEGER NOT NULL DEFAULT 0,
  rejected_count INTEGER NOT NULL DEFAULT 0
);

-- One listed person, company, vessel, aircraft or organisation.
CREATE TABLE IF NOT EXISTS list_entry (
  list_id    TEXT NOT NULL,   -- list_source.list_id
  entry_id   TEXT NOT NULL,   -- the publisher's id (OFAC ent_num, UN DATAID, ...)
  kind       TEXT,            -- person, company, vessel, aircraft, organization; NULL unknown
  name       TEXT NOT NULL,   -- primary name as published
  programs   TEXT,            -- sanctions programs, joined by '; ' (e.g. 'GLOMAG; UHRPA')
  country    TEXT,            -- ISO 3166-1 alpha-2 most associated with the entry, if known
  birth_date TEXT,            -- persons: first date of birth, ISO 8601 (partial allowed)
  remarks    TEXT,            -- the publisher's free text, kept verbatim
  listed_on  TEXT,            -- designation date where published
  digest     TEXT,            -- content digest of the entry, for change tracking
  PRIMARY KEY (list_id, entry_id)
);

-- Other names of a listed entry.
CREATE TABLE IF NOT EXISTS list_alias (
  list_id  TEXT NOT NULL,
  entry_id TEXT NOT NULL,
  name     TEXT NOT NULL,
  quality  TEXT   -- 'strong' (a.k.a.), 'weak' (low-quality a.k.a.), 'fka' (formerly), NULL unknown
);
CREATE INDEX IF NOT EXISTS list_alias_by_entry ON list_alias(list_id, entry_id);

-- Addresses of a listed entry.
CREATE TABLE IF NOT EXISTS list_address (
  list_id     TEXT NOT NULL,
  entry_id    TEXT NOT NULL,
  address     TEXT,   -- street lines
  city        TEXT,
  region      TEXT,   -- state or province as published
  postal_code TEXT,
  country     TEXT,   -- ISO 3166-1 alpha-2 where it could be mapped
  country_name TEXT   -- the country as published
);
CREATE INDEX IF NOT EXISTS list_address_by_entry ON list_address(list_id, entry_id);

-- Structured facts about an entry, parsed from the publisher's fields or remarks:
-- key is one of birth_date, birth_place, nationality, citizenship, gender, title,
-- secondary_sanctions_risk, vessel_flag, vessel_owner, vessel_type, website, email, ...
CREATE TABLE IF NOT EXISTS list_attribute (
  list_id  TEXT NOT NULL,
  entry_id TEXT NOT NULL,
  key      TEXT NOT NULL,
  value    TEXT NOT NULL,
  country  TEXT,  -- ISO 3166-1 alpha-2 when the value names or implies a country
  note     TEXT   -- added by the list importers: a qualifier as published ('alt.', 'circa'),
                  -- NULL when none; birth_date values may be ISO intervals ('1955/1958')
);
CREATE INDEX IF NOT EXISTS list_attribute_by_entry ON list_attribute(list_id, entry_id);

-- Identity documents and registration numbers of an entry.
CREATE TABLE IF NOT EXISTS list_identifier (
  list_id  TEXT NOT NULL,
  entry_id TEXT NOT NULL,
  id_type  TEXT NOT NULL,  -- passport, national_id, registration, tax_id, imo, mmsi, swift, ...
  number   TEXT NOT NULL,  -- as published
  country  TEXT,           -- issuing country, ISO 3166-1 alpha-2
  note     TEXT            -- issue or expiry dates and other qualifiers as published
);
CREATE INDEX IF NOT EXISTS list_identifier_by_entry ON list_identifier(list_id, entry_id);
CREATE INDEX IF NOT EXISTS list_identifier_by_number ON list_identifier(number);

-- Relations between entries: 'linked_to' (OFAC Linked To:), 'ownership', 'directorship',
-- 'family', ... The target is another entry of a loaded list when it resolves, else a name.
CREATE TABLE IF NOT EXISTS list_link (
  list_id         TEXT NOT NULL,
  entry_id        TEXT NOT NULL,  -- the entry the link belongs to (for ownership: the owner)
  kind            TEXT NOT NULL,
  target_list_id  TEXT,           -- the other entry's list, when resolved
  target_entry_id TEXT,           -- the other entry's id, when resolved
  target_name     TEXT,           -- the other party's name as published
  share           REAL,           -- ownership percent 0..100 where published
  as_of           TEXT,           -- date of the relation where published
  role            TEXT            -- added by the list importers: the relationship or role as
                                  -- published ('subsidiary of', 'Family member of'), or NULL
);
CREATE INDEX IF NOT EXISTS list_link_by_entry ON list_link(list_id, entry_id);

-- Import history: one row per import run of a list.
CREATE TABLE IF NOT EXISTS list_import (
  import_id      INTEGER PRIMARY KEY,
  list_id        TEXT NOT NULL,
  version        TEXT,
  sha256         TEXT,
  imported_at    TEXT,
  added_count    INTEGER NOT NULL DEFAULT 0,
  removed_count  INTEGER NOT NULL DEFAULT 0,
  changed_count  INTEGER NOT NULL DEFAULT 0,
  rejected_count INTEGER NOT NULL DEFAULT 0
);

-- What an import changed, entry by entry ('added', 'removed', 'changed').
CREATE TABLE IF NOT EXISTS list_change (
  import_id INTEGER NOT NULL,  -- list_import.import_id
  list_id   TEXT NOT NULL,
  entry_id  TEXT NOT NULL,
  change    TEXT NOT NULL,
  name      TEXT
);
CREATE INDEX IF NOT EXISTS list_change_by_import ON list_change(import_id);

-- Rows an import rejected and why ('file:line: reason').
CREATE TABLE IF NOT EXISTS list_reject (
  import_id INTEGER NOT NULL,
  list_id   TEXT NOT NULL,
  location  TEXT NOT NULL,  -- file:line
  reason    TEXT NOT NULL
);

------------------------------------------------------------------------------------------------
-- Security incidents along the routes (filled by `corridor import-incidents`, docs/incidents.md;
-- read by the `security_incident` rule kind only: a database without this table screens as
-- before unless such a rule is configured)
------------------------------------------------------------------------------------------------

-- One dated violent or security event: an attack, a bombing, a clash, a kidnapping.
--
-- severity is an integer 1..5 derived on import (docs/incidents.md) from the event type and the
-- fatalities, whichever is higher:
--   1  no violence reported: protests, strategic developments (arrests, seizures)
--   2  violence without reported deaths: riots, clashes, attacks or explosions with 0 fatalities
--   3  deadly: 1 to 4 fatalities, or any suicide bombing
--   4  mass-casualty: 5 to 19 fatalities
--   5  major: 20 or more fatalities
CREATE TABLE IF NOT EXISTS security_incident (
  incident_id        TEXT PRIMARY KEY,  -- ACLED event_id_cnty when given, else 'sha256:' and the
                                        -- first 16 hex digits of a digest of the row
  event_date         TEXT NOT NULL,     -- ISO 8601 date (YYYY-MM-DD)
  country            TEXT NOT NULL,     -- ISO 3166-1 alpha-2
  region             TEXT,              -- ISO 3166-2 (PK-KP, PK-BA, CN-XJ); NULL when unmapped
  location_name      TEXT,              -- the place as the source names it ('Besham')
  latitude           REAL,              -- WGS 84 decimal degrees, -90..90; NULL when unknown
  longitude          REAL,              -- -180..180
  kind               TEXT NOT NULL,     -- ACLED event_type, e.g. 'Explosions/Remote violence'
  sub_kind           TEXT,              -- ACLED sub_event_type, e.g. 'Suicide bomb'
  severity           INTEGER NOT NULL,  -- 1..5, see above
  fatalities         INTEGER NOT NULL DEFAULT 0,  -- reported deaths (including attackers)
  actor              TEXT,              -- who acted (ACLED actor1)
  targets            TEXT,              -- what was targeted, tokens joined by ';':
                                        -- foreign_nationals, security_forces, convoy,
                                        -- infrastructure, civilians
  target_nationality TEXT,              -- nationalities targeted, ISO alpha-2 joined by ';' ('CN')
  notes              TEXT,              -- the source's description, verbatim
  source             TEXT               -- the public source (outlet and date)
);
CREATE INDEX IF NOT EXISTS security_incident_by_date ON security_incident(event_date);
