-- corridor demo data: the trade of the China-Pakistan and China-Central Asia corridors.
--
-- Load after the schema: `corridor init --db demo.db && sqlite3 demo.db < samples/corridor_demo.sql`
-- (samples/build_demo_db.sh does both). Companies other than the listed ones are invented; the
-- watch-list rows are real OFAC SDN entries (list of 2024-05-03), copied as published. The
-- decision each shipment should get under the bundled rules is in samples/expected_decisions.csv
-- and checked by tests/samples_test.cc.

BEGIN;

-- Watch lists: a few real SDN entries, as `corridor import-list` would store them.
INSERT INTO list_source (list_id, name, publisher, format, version) VALUES
  ('ofac-sdn', 'Specially Designated Nationals and Blocked Persons List (sample rows)',
   'US Treasury OFAC', 'ofac-csv', '2024-05-03');

INSERT INTO list_entry (list_id, entry_id, kind, name, programs, country, remarks) VALUES
  ('ofac-sdn', '29299', 'organization', 'XINJIANG PRODUCTION AND CONSTRUCTION CORPS', 'GLOMAG', 'CN',
   'Linked To: CHEN, Quanguo.'),
  ('ofac-sdn', '29159', 'organization', 'XINJIANG PUBLIC SECURITY BUREAU', 'GLOMAG', 'CN', NULL),
  ('ofac-sdn', '29220', 'person', 'CHEN, Quanguo', 'GLOMAG', 'CN',
   'DOB 1955; POB Pingyu, Henan, China; Gender Male.'),
  ('ofac-sdn', '47950', 'company', 'LIMITED LIABILITY PARTNERSHIP ELEM GROUP', 'RUSSIA-EO14024', 'KZ',
   'Identification Number 220340015717 (Kazakhstan).'),
  ('ofac-sdn', '36427', 'company', 'SBER VOSTOK LIMITED LIABILITY PARTNERSHIP', 'RUSSIA-EO14024', 'KZ',
   'Registration Number 110140012405 (Kazakhstan); Linked To: PUBLIC JOINT STOCK COMPANY SBERBANK OF RUSSIA.'),
  ('ofac-sdn', '10607', 'company', 'SHER MATCH INDUSTRIES (PVT.) LIMITED', 'SDNTK', 'PK',
   'C.R. No. P-01876/19981106 (Pakistan).'),
  ('ofac-sdn', '16868', 'company', 'JOINT STOCK COMPANY CONCERN RADIO ELECTRONIC TECHNOLOGIES',
   'UKRAINE-EO13661; RUSSIA-EO14024', 'RU', 'Secondary sanctions risk: Ukraine-/Russia-Related Sanctions Regulations, 31 CFR 589.201 and/or 589.209.');

-- The UFLPA Entity List (DHS, entries as published; a few of its entities).
INSERT INTO list_source (list_id, name, publisher, format, version) VALUES
  ('uflpa', 'UFLPA Entity List (sample rows)', 'US Department of Homeland Security', 'csv',
   '2024-12-16');
INSERT INTO list_entry (list_id, entry_id, kind, name, programs, country) VALUES
  ('uflpa', 'UFLPA-XPCC', 'organization', 'Xinjiang Production and Construction Corps', 'UFLPA', 'CN'),
  ('uflpa', 'UFLPA-HOSHINE', 'company', 'Hoshine Silicon Industry (Shanshan) Co., Ltd', 'UFLPA', 'CN'),
  ('uflpa', 'UFLPA-DAQO', 'company', 'Xinjiang Daqo New Energy Co., Ltd.', 'UFLPA', 'CN'),
  ('uflpa', 'UFLPA-EASTHOPE', 'company', 'Xinjiang East Hope Nonferrous Metals Co., Ltd.', 'UFLPA', 'CN'),
  ('uflpa', 'UFLPA-GCL', 'company', 'Xinjiang GCL New Energy Material Technology Co., Ltd.', 'UFLPA', 'CN');

INSERT INTO list_alias (list_id, entry_id, name, quality) VALUES
  ('ofac-sdn', '29159', 'XINJIANG BUREAU OF PUBLIC SECURITY', 'strong'),
  ('ofac-sdn', '36427', 'SBER VOSTOK LLP', 'strong'),
  ('ofac-sdn', '36427', 'SBER EAST LLP', 'strong'),
  ('ofac-sdn', '36427', 'SBER VOSTOK', 'strong');

-- Entities: the parties of the shipments below.
INSERT INTO entity (entity_id, kind, name, country, region, address, registration_id) VALUES
  ('E-XPCC', 'organization', 'Xinjiang Production and Construction Corps', 'CN', 'CN-XJ',
   'Urumqi, Xinjiang', NULL),
  ('E-KTM', 'company', 'Indus Valley Textile Mills (Pvt.) Ltd.', 'PK', 'PK-SD',
   'Plot 14, SITE Area, Karachi', NULL),
  ('E-TYP', 'company', 'Tianshan Yuanhe Polysilicon Co., Ltd.', 'CN', 'CN-XJ',
   '8 Industrial Park Road, Shihezi, Xinjiang', NULL),
  ('E-ZSE', 'company', 'Zhetysu Solar Energy LLP', 'KZ', 'KZ-33', '12 Abay Street, Taldykorgan', NULL),
  ('E-SZE', 'company', 'Shenzhen Huaxin Electronics Trading Co., Ltd.', 'CN', 'CN-GD',
   'Futian District, Shenzhen', NULL),
  ('E-ALT', 'company', 'Almaty Trade Logistics TOO', 'KZ', 'KZ-75', '45 Raiymbek Avenue, Almaty', NULL),
  ('E-MSK', 'company', 'OOO Tekhnopribor', 'RU', NULL, 'Leninsky Prospekt 30, Moscow', NULL),
  ('E-ELEM', 'company', 'Limited Liability Partnership Elem Group', 'KZ', 'KZ-75', 'Almaty', '220340015717'),
  ('E-NBB', 'company', 'Ningbo Bearing Works Co., Ltd.', 'CN', 'CN-ZJ', 'Beilun, Ningbo', NULL),
  ('E-FJT', 'company', 'Fujian Anxi Tea Export Co., Ltd.', 'CN', 'CN-FJ', 'Anxi County, Quanzhou', NULL),
  ('E-KHI', 'company', 'Karachi Tea House (Pvt.) Ltd.', 'PK', 'PK-SD', '22 Clifton Block 5, Karachi', NULL),
  ('E-KZG', 'company', 'Kostanay Grain LLP', 'KZ', 'KZ-39', 'Kostanay', NULL),
  ('E-XAG', 'company', 'Xi''an Agricultural Import Co., Ltd.', 'CN', 'CN-SN', 'Xi''an, Shaanxi', NULL),
  ('E-FSD', 'company', 'Faisalabad Home Textiles Ltd.', 'PK', 'PK-PB', 'Jhang Road, Faisalabad', NULL),
  ('E-KSH', 'company', 'Kashgar Silk Road Trading Co., Ltd.', 'CN', 'CN-XJ', 'Kashgar, Xinjiang', NULL),
  ('E-BSK', 'company', 'Bishkek Components Trade OsOO', 'KG', 'KG-GB', 'Chuy Avenue 120, Bishkek', NULL),
  ('E-SHM', 'company', 'Shanghai Machine Tool Export Co., Ltd.', 'CN', 'CN-SH', 'Minhang District, Shanghai', NULL),
  ('E-GWD', 'company', 'Gwadar Port Logistics (Pvt.) Ltd.', 'PK', 'PK-BA', 'Gwadar Port, Balochistan', NULL),
  ('E-XZM', 'company', 'Xuzhou Construction Machinery Export Co., Ltd.', 'CN', 'CN-JS', 'Xuzhou, Jiangsu', NULL),
  ('E-LHR', 'company', 'Lahore Rice Mills (Pvt.) Ltd.', 'PK', 'PK-PB', 'GT Road, Lahore', NULL),
  ('E-ZAH', 'company', 'Zahedan Food Trading Co.', 'IR', NULL, 'Zahedan, Sistan and Baluchestan', NULL),
  ('E-SMI', 'company', 'Sher Match Industries (Pvt) Limited', 'PK', 'PK-KP', 'Jamrud Road, Peshawar', NULL),
  ('E-NBX', 'company', 'Ningbo Home Appliance Export Co., Ltd.', 'CN', 'CN-ZJ', 'Ningbo', NULL),
  ('E-KRC', 'company', 'Kerch Wholesale Trade LLC', 'UA', 'UA-43', 'Kerch', NULL),
  ('E-URF', 'company', 'Urumqi Furniture Export Co., Ltd.', 'CN', 'CN-XJ', 'Urumqi, Xinjiang', NULL),
  ('E-ALF', 'company', 'Almaty Furniture Retail LLP', 'KZ', 'KZ-75', 'Almaty', NULL),
  ('E-SBV', 'company', 'Sber Vostok LLP', 'KZ', 'KZ-75', '13/1 Al-Farabi Avenue, Almaty', '110140012405'),
  ('E-GZA', 'company', 'Guangzhou Apparel Export Co., Ltd.', 'CN', 'CN-GD', 'Baiyun District, Guangzhou', NULL),
  ('E-MSA', 'company', 'OOO Stolichnaya Odezhda', 'RU', NULL, 'Tverskaya 12, Moscow', NULL),
  ('E-OSH', 'company', 'Osh Dried Fruit Export OsOO', 'KG', 'KG-O', 'Osh', NULL),
  ('E-URQ', 'company', 'Urumqi Dried Fruit Import Co., Ltd.', 'CN', 'CN-XJ', 'Urumqi, Xinjiang', NULL),
  ('E-TAS', 'company', 'Tashkent Cotton Spinning JSC', 'UZ', 'UZ-TK', 'Tashkent', NULL),
  ('E-FWD', 'company', 'Khorgos Gateway Forwarding LLP', 'KZ', 'KZ-33', 'Khorgos dry port', NULL),
  ('E-RWP', 'company', 'Rawalpindi Hardware Traders', 'PK', 'PK-PB', 'Raja Bazaar, Rawalpindi', NULL),
  -- An ownership chain (invented companies below a real SDN entry): the listed Russian group
  -- owns 80% of a Hong Kong holding, which owns 60% of a Kazakh trading house (0.8 x 0.6 = 48%,
  -- yet the trading house is blocked: the holding is blocked and holds 60%), and 30% of a
  -- Kyrgyz machinery dealer (a minority exposure, not blocked).
  ('E-KRET', 'company', 'Joint Stock Company Concern Radio Electronic Technologies', 'RU', NULL,
   'Goncharnaya 20, Moscow', NULL),
  ('E-PRC', 'company', 'Pearl River Components Holding Limited', 'HK', NULL,
   '88 Queensway, Admiralty, Hong Kong', NULL),
  ('E-STE', 'company', 'Steppe Electronics Trading House LLP', 'KZ', 'KZ-75',
   '17 Dostyk Avenue, Almaty', NULL),
  ('E-TSM', 'company', 'Tien Shan Machinery OsOO', 'KG', 'KG-GB', '55 Manas Avenue, Bishkek', NULL),
  -- Parties of the rule-kind samples S-21 to S-30.
  ('E-HKN', 'company', 'Kowloon Navigation Electronics Ltd.', 'HK', NULL, '12 Nathan Road, Kowloon', NULL),
  ('E-YRV', 'company', 'Ararat Electronics Trading LLC', 'AM', 'AM-ER', '5 Tigran Mets Avenue, Yerevan', NULL),
  ('E-DAQO', 'company', 'Xinjiang Daqo New Energy Co., Ltd.', 'CN', 'CN-XJ', 'Shihezi Economic Development Zone, Xinjiang', NULL),
  ('E-LSP', 'company', 'Lahore Solar Panels (Pvt.) Ltd.', 'PK', 'PK-PB', '31 Quaid-e-Azam Industrial Estate, Lahore', NULL),
  ('E-NMT', 'company', 'Bayannur Tomato Products Co., Ltd.', 'CN', 'CN-NM', '9 Linhe Road, Bayannur', NULL),
  ('E-KFD', 'company', 'Lahore Food Distributors (Pvt.) Ltd.', 'PK', 'PK-PB', '7 Ferozepur Road, Lahore', NULL),
  ('E-URA', 'company', 'Urumqi Auto Parts Co., Ltd.', 'CN', 'CN-XJ', '66 Suzhou Road, Urumqi', NULL),
  ('E-DSH', 'company', 'Dushanbe Motor Trade LLC', 'TJ', NULL, '14 Rudaki Avenue, Dushanbe', NULL),
  ('E-SZL', 'company', 'Shenzhen Laptop Export Co., Ltd.', 'CN', 'CN-GD', '100 Shennan Road, Shenzhen', NULL),
  ('E-ISB', 'company', 'Islamabad Computer Mart (Pvt.) Ltd.', 'PK', 'PK-IS', 'Blue Area 23, Islamabad', NULL),
  ('E-TSC', 'company', 'Samarkand Computers LLC', 'UZ', 'UZ-SA', '3 Registan Street, Samarkand', NULL),
  ('E-XZP', 'company', 'Xuzhou Heavy Parts Co., Ltd.', 'CN', 'CN-JS', '18 Tongshan Road, Xuzhou', NULL),
  -- Parties of the security samples S-41..S-45 (invented companies).
  ('E-CHE', 'company', 'Chengdu Hydropower Equipment Export Co., Ltd.', 'CN', 'CN-SC',
   'Gaoxin District, Chengdu, Sichuan', NULL),
  ('E-KDW', 'company', 'Kohistan Dam Works (Pvt.) Ltd.', 'PK', 'PK-KP', 'Plot 3, Dasu Hydropower Colony, Upper Kohistan', NULL),
  ('E-QPS', 'company', 'Qasim Power Services (Pvt.) Ltd.', 'PK', 'PK-SD', 'Plot 12, Eastern Industrial Zone, Port Qasim, Karachi', NULL),
  ('E-CHG', 'company', 'Chagai Minerals (Pvt.) Ltd.', 'PK', 'PK-BA', 'Dalbandin, Chagai', NULL),
  ('E-TJS', 'company', 'Tianjin Smelting Import Co., Ltd.', 'CN', 'CN-TJ', 'Binhai, Tianjin', NULL),
  ('E-ATS', 'company', 'Almaty Turbine Service LLP', 'KZ', 'KZ-75', '8 Tole Bi Street, Almaty', NULL);

UPDATE entity SET incorporated_on = '2025-06-02', activity = 'forwarder' WHERE entity_id = 'E-FWD';
UPDATE entity SET incorporated_on = '2009-04-17' WHERE entity_id = 'E-ALT';

INSERT INTO ownership (owner_id, owned_id, share, control, as_of) VALUES
  ('E-KRET', 'E-PRC', 80, 0, '2025-01-31'),
  ('E-PRC', 'E-STE', 60, 0, '2025-02-28'),
  ('E-KRET', 'E-TSM', 30, 0, '2025-02-28');

INSERT INTO entity_alias (entity_id, name) VALUES
  ('E-XPCC', '新疆生产建设兵团'),
  ('E-XPCC', 'XPCC'),
  ('E-SBV', 'Сбер Восток');

-- Shipments. Each comment says the story and the expected decision.
INSERT INTO shipment (shipment_id, shipped_on, mode, origin_country, origin_region,
                      destination_country, destination_region, final_destination_country,
                      declared_value, currency) VALUES
  -- S-01 block: cotton yarn from the XPCC (SDN, GLOMAG) over Khunjerab to a Karachi mill.
  ('S-01', '2025-03-04', 'road', 'CN', 'CN-XJ', 'PK', 'PK-SD', 'PK', 184000, 'USD'),
  -- S-02 hold: polysilicon made in Xinjiang over Khorgos into Zhetysu (UFLPA presumption).
  ('S-02', '2025-03-11', 'rail', 'CN', 'CN-XJ', 'KZ', 'KZ-33', 'KZ', 920000, 'USD'),
  -- S-03 block: Tier 1 CHPL processors over Khorgos to Almaty, final destination Russia.
  ('S-03', '2025-04-02', 'road', 'CN', 'CN-GD', 'KZ', 'KZ-75', 'RU', 310000, 'USD'),
  -- S-04 block: bearings to LLP ELEM GROUP of Almaty (SDN, RUSSIA-EO14024).
  ('S-04', '2025-04-15', 'rail', 'CN', 'CN-ZJ', 'KZ', 'KZ-75', NULL, 75000, 'USD'),
  -- S-05 clear: tea by sea from Xiamen to Karachi.
  ('S-05', '2025-05-06', 'sea', 'CN', 'CN-FJ', 'PK', 'PK-SD', 'PK', 42000, 'USD'),
  -- S-06 clear: Kazakh wheat by rail over Khorgos to Xi'an.
  ('S-06', '2025-05-20', 'rail', 'KZ', 'KZ-39', 'CN', 'CN-SN', 'CN', 510000, 'USD'),
  -- S-07 clear: Pakistani bed linen over Khunjerab to Kashgar.
  ('S-07', '2025-06-03', 'road', 'PK', 'PK-PB', 'CN', 'CN-XJ', 'CN', 66000, 'USD'),
  -- S-08 review: Tier 3.A CHPL transistors to a Bishkek trader, no final destination declared.
  ('S-08', '2025-06-17', 'road', 'CN', 'CN-GD', 'KG', 'KG-GB', NULL, 58000, 'USD'),
  -- S-09 hold: CNC lathes (Tier 4.B) through Kyrgyzstan, final destination Russia.
  ('S-09', '2025-07-01', 'road', 'CN', 'CN-SH', 'KG', 'KG-GB', 'RU', 640000, 'USD'),
  -- S-10 hold: construction machinery parts from a Chinese maker over Khunjerab and through
  -- Balochistan to Gwadar, past the 2024 attacks in Quetta and Gwadar, for a logistics firm.
  ('S-10', '2025-07-22', 'road', 'CN', 'CN-JS', 'PK', 'PK-BA', 'PK', 230000, 'USD'),
  -- S-11 block: Pakistani rice to Iran over the Taftan crossing.
  ('S-11', '2025-08-05', 'road', 'PK', 'PK-PB', 'IR', NULL, 'IR', 88000, 'USD'),
  -- S-12 block: matches from Sher Match Industries (SDN, SDNTK) over Khunjerab.
  ('S-12', '2025-08-19', 'road', 'PK', 'PK-KP', 'CN', 'CN-XJ', 'CN', 12000, 'USD'),
  -- S-13 block: household appliances shipped into occupied Crimea through Novorossiysk.
  ('S-13', '2025-09-02', 'sea', 'CN', 'CN-ZJ', 'UA', 'UA-43', NULL, 97000, 'USD'),
  -- S-14 block: furniture to Almaty paid through Sber Vostok LLP (SDN alias), named as bank.
  ('S-14', '2025-09-16', 'road', 'CN', 'CN-XJ', 'KZ', 'KZ-75', 'KZ', 35000, 'USD'),
  -- S-15 hold: apparel over Khorgos to a Moscow buyer.
  ('S-15', '2025-10-07', 'rail', 'CN', 'CN-GD', 'RU', NULL, 'RU', 140000, 'USD'),
  -- S-16 clear: dried apricots from Osh over Irkeshtam to Urumqi.
  ('S-16', '2025-10-21', 'road', 'KG', 'KG-O', 'CN', 'CN-XJ', 'CN', 27000, 'USD'),
  -- S-17 review, with data problems: an HS code with letters, an unknown role, and a notify
  -- party E-MISSING that is not in the entity table (unscreenable: a REVIEW floor, docs/scoring.md).
  ('S-17', '2025-11-04', 'road', 'CN', 'CN-GD', 'PK', 'PK-PB', 'PK', 8000, 'USD'),
  -- S-18 hold: Xinjiang raw cotton over Khorgos to a Tashkent spinner.
  ('S-18', '2025-11-18', 'rail', 'CN', 'CN-XJ', 'UZ', 'UZ-TK', 'UZ', 400000, 'USD'),
  -- S-19 block: LED lights over Khorgos to a clean-named Almaty trading house that an SDN group
  -- owns through a Hong Kong holding (80% x 60%).
  ('S-19', '2025-11-25', 'road', 'CN', 'CN-GD', 'KZ', 'KZ-75', 'KZ', 64000, 'USD'),
  -- S-20 review: tea to a Bishkek dealer 30% owned by the same SDN group.
  ('S-20', '2025-11-26', 'road', 'CN', 'CN-FJ', 'KG', 'KG-GB', 'KG', 21000, 'USD'),
  -- S-21 review: Tier 2 GNSS receivers to a Yerevan trading company, no final destination:
  -- diversion through a third country.
  ('S-21', '2025-09-08', 'air', 'CN', 'CN-GD', 'AM', 'AM-ER', NULL, 96000, 'USD'),
  -- S-22 hold: solar-grade polysilicon made in Xinjiang by a UFLPA-listed producer.
  ('S-22', '2025-09-22', 'rail', 'CN', 'CN-XJ', 'PK', 'PK-PB', 'PK', 780000, 'USD'),
  -- S-23 clear: tomato paste from Inner Mongolia over Khunjerab to Lahore: a UFLPA high-priority
  -- sector only, which alone stays below review.
  ('S-23', '2025-10-02', 'road', 'CN', 'CN-NM', 'PK', 'PK-PB', 'PK', 36000, 'USD'),
  -- S-24 review: auto parts consigned to a months-old Khorgos forwarder, final destination
  -- Tajikistan.
  ('S-24', '2025-10-13', 'road', 'CN', 'CN-XJ', 'KZ', 'KZ-33', 'TJ', 18000, 'USD'),
  -- S-25 review: laptops declared at a fraction of their usual value on a route that doubles back.
  ('S-25', '2025-10-27', 'road', 'CN', 'CN-GD', 'UZ', 'UZ-SA', 'UZ', 1500, 'USD'),
  -- S-26 to S-29 clear: ordinary laptop shipments that set the typical unit value.
  ('S-26', '2025-08-04', 'road', 'CN', 'CN-GD', 'PK', 'PK-IS', 'PK', 99000, 'USD'),
  ('S-27', '2025-08-18', 'road', 'CN', 'CN-GD', 'PK', 'PK-IS', 'PK', 104000, 'USD'),
  ('S-28', '2025-09-01', 'road', 'CN', 'CN-GD', 'PK', 'PK-IS', 'PK', 52000, 'USD'),
  ('S-29', '2025-09-15', 'road', 'CN', 'CN-GD', 'PK', 'PK-IS', 'PK', 150000, 'USD'),
  -- S-30 hold: machinery parts for Gwadar through Balochistan, shipped by a Chinese company to a
  -- logistics firm, declared below the value of its items (custom SQL rules, the Balochistan
  -- route rule and red flags add up).
  ('S-30', '2025-11-03', 'road', 'CN', 'CN-JS', 'PK', 'PK-BA', 'PK', 50000, 'USD'),
  -- Security samples (rules/security.textproto, incidents from samples/incidents_acled.csv,
  -- screened --as-of 2025-12-01 so the window opens on 2023-12-02).
  -- S-41 review: a Chinese supplier's turbine parts by road up the Karakoram Highway through
  -- Besham, where a convoy of Chinese engineers was bombed on 2024-03-26 (615 days before).
  ('S-41', '2025-11-03', 'road', 'PK', 'PK-IS', 'PK', 'PK-KP', 'PK', 480000, 'USD'),
  -- S-42 review: control panels for a power plant flown into Karachi's Jinnah International
  -- Airport, where a bomb killed two Chinese nationals on 2024-10-06; the legs carry GPS
  -- coordinates.
  ('S-42', '2025-11-12', 'air', 'CN', 'CN-SC', 'PK', 'PK-SD', 'PK', 95000, 'USD'),
  -- S-43 clear (near miss): the same turbine parts over Khunjerab to Dasu. The 2021 Dasu bus
  -- bombing is older than the window; Besham is 56 km from Dasu, outside the 50 km radius.
  ('S-43', '2025-11-05', 'road', 'CN', 'CN-XJ', 'PK', 'PK-KP', 'PK', 310000, 'USD'),
  -- S-44 review: copper concentrate from Saindak through Dalbandin (no coordinates, not in the
  -- gazetteer: matched by region PK-BA) to Karachi for a Chinese smelter.
  ('S-44', '2025-11-07', 'road', 'PK', 'PK-BA', 'CN', 'CN-TJ', 'CN', 1250000, 'USD'),
  -- S-45 clear (near miss): S-41's route with a Kazakh supplier and no Chinese party: the Besham
  -- attack targeted Chinese nationals, so it counts once, not twice.
  ('S-45', '2025-11-14', 'road', 'PK', 'PK-IS', 'PK', 'PK-KP', 'PK', 150000, 'USD');

INSERT INTO shipment_party (shipment_id, entity_id, role) VALUES
  ('S-01', 'E-XPCC', 'shipper'), ('S-01', 'E-KTM', 'consignee'),
  ('S-02', 'E-TYP', 'shipper'), ('S-02', 'E-ZSE', 'consignee'), ('S-02', 'E-TYP', 'manufacturer'),
  ('S-03', 'E-SZE', 'shipper'), ('S-03', 'E-ALT', 'consignee'), ('S-03', 'E-MSK', 'end_user'),
  ('S-04', 'E-NBB', 'shipper'), ('S-04', 'E-ELEM', 'consignee'),
  ('S-05', 'E-FJT', 'shipper'), ('S-05', 'E-KHI', 'consignee'),
  ('S-06', 'E-KZG', 'shipper'), ('S-06', 'E-XAG', 'consignee'),
  ('S-07', 'E-FSD', 'shipper'), ('S-07', 'E-KSH', 'consignee'),
  ('S-08', 'E-SZE', 'shipper'), ('S-08', 'E-BSK', 'consignee'),
  ('S-09', 'E-SHM', 'shipper'), ('S-09', 'E-BSK', 'consignee'), ('S-09', 'E-MSK', 'end_user'),
  ('S-10', 'E-XZM', 'shipper'), ('S-10', 'E-GWD', 'consignee'),
  ('S-11', 'E-LHR', 'shipper'), ('S-11', 'E-ZAH', 'consignee'),
  ('S-12', 'E-SMI', 'shipper'), ('S-12', 'E-KSH', 'consignee'),
  ('S-13', 'E-NBX', 'shipper'), ('S-13', 'E-KRC', 'consignee'),
  ('S-14', 'E-URF', 'shipper'), ('S-14', 'E-ALF', 'consignee'), ('S-14', 'E-SBV', 'bank'),
  ('S-15', 'E-GZA', 'shipper'), ('S-15', 'E-MSA', 'consignee'), ('S-15', 'E-FWD', 'forwarder'),
  ('S-16', 'E-OSH', 'shipper'), ('S-16', 'E-URQ', 'consignee'),
  ('S-17', 'E-SZE', 'shipper'), ('S-17', 'E-RWP', 'consignee'), ('S-17', 'E-RWP', 'broker'),
  ('S-17', 'E-MISSING', 'notify'),
  ('S-18', 'E-KSH', 'shipper'), ('S-18', 'E-TAS', 'consignee'), ('S-18', 'E-FWD', 'forwarder'),
  ('S-19', 'E-SZE', 'shipper'), ('S-19', 'E-STE', 'consignee'),
  ('S-20', 'E-FJT', 'shipper'), ('S-20', 'E-TSM', 'consignee'),
  ('S-21', 'E-HKN', 'shipper'), ('S-21', 'E-YRV', 'consignee'),
  ('S-22', 'E-DAQO', 'shipper'), ('S-22', 'E-DAQO', 'manufacturer'), ('S-22', 'E-LSP', 'consignee'),
  ('S-23', 'E-NMT', 'shipper'), ('S-23', 'E-KFD', 'consignee'),
  ('S-24', 'E-URA', 'shipper'), ('S-24', 'E-FWD', 'consignee'), ('S-24', 'E-DSH', 'end_user'),
  ('S-25', 'E-SZL', 'shipper'), ('S-25', 'E-TSC', 'consignee'),
  ('S-26', 'E-SZL', 'shipper'), ('S-26', 'E-ISB', 'consignee'),
  ('S-27', 'E-SZL', 'shipper'), ('S-27', 'E-ISB', 'consignee'),
  ('S-28', 'E-SZL', 'shipper'), ('S-28', 'E-ISB', 'consignee'),
  ('S-29', 'E-SZL', 'shipper'), ('S-29', 'E-ISB', 'consignee'),
  ('S-30', 'E-XZP', 'shipper'), ('S-30', 'E-GWD', 'consignee'),
  ('S-41', 'E-CHE', 'shipper'), ('S-41', 'E-KDW', 'consignee'),
  ('S-42', 'E-CHE', 'shipper'), ('S-42', 'E-QPS', 'consignee'),
  ('S-43', 'E-CHE', 'shipper'), ('S-43', 'E-KDW', 'consignee'),
  ('S-44', 'E-CHG', 'shipper'), ('S-44', 'E-TJS', 'consignee'),
  ('S-45', 'E-ATS', 'shipper'), ('S-45', 'E-KDW', 'consignee');

INSERT INTO shipment_item (shipment_id, line, hs_code, description, quantity, unit, value,
                           origin_country, origin_region) VALUES
  ('S-01', 1, '5205.12', 'Single cotton yarn, uncombed fibres', 80000, 'kg', 184000, 'CN', 'CN-XJ'),
  ('S-02', 1, '2804.61', 'Polysilicon, silicon content >= 99.99%', 40000, 'kg', 920000, 'CN', 'CN-XJ'),
  ('S-03', 1, '8542.31', 'Microcontrollers, 32-bit', 120000, 'pcs', 250000, 'CN', 'CN-GD'),
  ('S-03', 2, '8504.40', 'Switching power supplies', 6000, 'pcs', 60000, 'CN', 'CN-GD'),
  ('S-04', 1, '8482.10', 'Deep groove ball bearings', 50000, 'pcs', 75000, 'CN', 'CN-ZJ'),
  ('S-05', 1, '0902.30', 'Black tea, packed', 14000, 'kg', 42000, 'CN', 'CN-FJ'),
  ('S-06', 1, '1001.99', 'Wheat, milling grade', 2000, 't', 510000, 'KZ', 'KZ-39'),
  ('S-07', 1, '6302.31', 'Cotton bed linen', 9000, 'pcs', 66000, 'PK', 'PK-PB'),
  ('S-08', 1, '8541.29', 'Power transistors', 200000, 'pcs', 58000, 'CN', 'CN-GD'),
  ('S-09', 1, '8458.11', 'CNC horizontal lathes', 8, 'pcs', 640000, 'CN', 'CN-SH'),
  ('S-10', 1, '8431.49', 'Excavator parts', 300, 'pcs', 230000, 'CN', 'CN-JS'),
  ('S-11', 1, '1006.30', 'Basmati rice, milled', 100, 't', 88000, 'PK', 'PK-PB'),
  ('S-12', 1, '3605.00', 'Safety matches', 20000, 'kg', 12000, 'PK', 'PK-KP'),
  ('S-13', 1, '8509.40', 'Food grinders and mixers', 3000, 'pcs', 97000, 'CN', 'CN-ZJ'),
  ('S-14', 1, '9403.60', 'Wooden furniture', 400, 'pcs', 35000, 'CN', 'CN-GD'),
  ('S-15', 1, '6203.42', 'Men''s cotton trousers', 20000, 'pcs', 140000, 'CN', 'CN-GD'),
  ('S-16', 1, '0813.10', 'Dried apricots', 9000, 'kg', 27000, 'KG', 'KG-O'),
  ('S-17', 1, '85A2', 'Electric motors (code mistyped by the shipper)', 100, 'pcs', 5000, 'CN', 'CN-GD'),
  ('S-17', 2, '7318.15', 'Steel bolts', 2000, 'kg', 3000, 'CN', 'CN-GD'),
  ('S-18', 1, '5201.00', 'Raw cotton, not carded', 250, 't', 400000, 'CN', 'CN-XJ'),
  ('S-19', 1, '9405.42', 'LED lighting fixtures', 8000, 'pcs', 64000, 'CN', 'CN-GD'),
  ('S-20', 1, '0902.30', 'Black tea, packed', 7000, 'kg', 21000, 'CN', 'CN-FJ'),
  ('S-21', 1, '8526.91', 'GNSS receiver modules', 3200, 'pcs', 96000, 'CN', 'CN-GD'),
  ('S-22', 1, '2804.61', 'Polysilicon, solar grade', 60000, 'kg', 780000, 'CN', 'CN-XJ'),
  ('S-23', 1, '2002.90', 'Tomato paste, 36-38 brix', 40000, 'kg', 36000, 'CN', 'CN-NM'),
  ('S-24', 1, '8708.99', 'Truck parts', 1200, 'pcs', 18000, 'CN', 'CN-SN'),
  ('S-25', 1, '8471.30', 'Laptop computers', 100, 'pcs', 1500, 'CN', 'CN-GD'),
  ('S-26', 1, '8471.30', 'Laptop computers', 220, 'pcs', 99000, 'CN', 'CN-GD'),
  ('S-27', 1, '8471.30', 'Laptop computers', 240, 'pcs', 104000, 'CN', 'CN-GD'),
  ('S-28', 1, '8471.30', 'Laptop computers', 110, 'pcs', 52000, 'CN', 'CN-GD'),
  ('S-29', 1, '8471.30', 'Laptop computers', 330, 'pcs', 150000, 'CN', 'CN-GD'),
  ('S-30', 1, '8431.49', 'Crane parts', 200, 'pcs', 60000, 'CN', 'CN-JS'),
  ('S-30', 2, '8483.40', 'Gearboxes', 30, 'pcs', 30000, 'CN', 'CN-JS'),
  ('S-41', 1, '8410.90', 'Hydraulic turbine parts (runner blades)', 12, 'pcs', 480000, 'CN', 'CN-SC'),
  ('S-42', 1, '8537.10', 'Control panels, for a voltage not exceeding 1000 V', 20, 'pcs', 95000, 'CN', 'CN-SC'),
  ('S-43', 1, '8410.90', 'Hydraulic turbine parts (guide vanes)', 40, 'pcs', 310000, 'CN', 'CN-SC'),
  ('S-44', 1, '2603.00', 'Copper ores and concentrates', 5000, 't', 1250000, 'PK', 'PK-BA'),
  ('S-45', 1, '8410.90', 'Hydraulic turbine parts, refurbished', 6, 'pcs', 150000, 'KZ', 'KZ-75');

INSERT INTO shipment_leg (shipment_id, seq, location, location_name, country, region, kind,
                          arrived_on) VALUES
  ('S-01', 1, NULL, 'Kashgar', 'CN', 'CN-XJ', 'inland', '2025-03-04'),
  ('S-01', 2, NULL, 'Khunjerab Pass', 'PK', 'PK-GB', 'border_crossing', '2025-03-06'),
  ('S-01', 3, NULL, 'Sost dry port', 'PK', 'PK-GB', 'inland', '2025-03-06'),
  ('S-01', 4, 'PKKHI', 'Karachi', 'PK', 'PK-SD', 'inland', '2025-03-12'),
  ('S-02', 1, NULL, 'Shihezi', 'CN', 'CN-XJ', 'inland', '2025-03-11'),
  ('S-02', 2, NULL, 'Khorgos', 'KZ', 'KZ-33', 'border_crossing', '2025-03-13'),
  ('S-02', 3, NULL, 'Taldykorgan', 'KZ', 'KZ-33', 'inland', '2025-03-14'),
  ('S-03', 1, NULL, 'Shenzhen', 'CN', 'CN-GD', 'inland', '2025-04-02'),
  ('S-03', 2, NULL, 'Khorgos', 'KZ', 'KZ-33', 'border_crossing', '2025-04-09'),
  ('S-03', 3, 'KZALA', 'Almaty', 'KZ', 'KZ-75', 'transshipment', '2025-04-10'),
  ('S-04', 1, 'CNNGB', 'Ningbo', 'CN', 'CN-ZJ', 'inland', '2025-04-15'),
  ('S-04', 2, NULL, 'Alashankou', 'CN', 'CN-XJ', 'border_crossing', '2025-04-22'),
  ('S-04', 3, 'KZALA', 'Almaty', 'KZ', 'KZ-75', 'inland', '2025-04-25'),
  ('S-05', 1, 'CNXMN', 'Xiamen', 'CN', 'CN-FJ', 'port', '2025-05-06'),
  ('S-05', 2, 'PKKHI', 'Karachi', 'PK', 'PK-SD', 'port', '2025-05-21'),
  ('S-06', 1, NULL, 'Kostanay', 'KZ', 'KZ-39', 'inland', '2025-05-20'),
  ('S-06', 2, NULL, 'Khorgos', 'CN', 'CN-XJ', 'border_crossing', '2025-05-25'),
  ('S-06', 3, NULL, 'Xi''an', 'CN', 'CN-SN', 'inland', '2025-05-29'),
  ('S-07', 1, NULL, 'Faisalabad', 'PK', 'PK-PB', 'inland', '2025-06-03'),
  ('S-07', 2, NULL, 'Sost dry port', 'PK', 'PK-GB', 'inland', '2025-06-06'),
  ('S-07', 3, NULL, 'Khunjerab Pass', 'CN', 'CN-XJ', 'border_crossing', '2025-06-07'),
  ('S-07', 4, NULL, 'Kashgar', 'CN', 'CN-XJ', 'inland', '2025-06-09'),
  ('S-08', 1, NULL, 'Shenzhen', 'CN', 'CN-GD', 'inland', '2025-06-17'),
  ('S-08', 2, NULL, 'Irkeshtam', 'KG', 'KG-O', 'border_crossing', '2025-06-24'),
  ('S-08', 3, 'KGFRU', 'Bishkek', 'KG', 'KG-GB', 'inland', '2025-06-27'),
  ('S-09', 1, 'CNSHA', 'Shanghai', 'CN', 'CN-SH', 'inland', '2025-07-01'),
  ('S-09', 2, NULL, 'Torugart', 'KG', 'KG-N', 'border_crossing', '2025-07-10'),
  ('S-09', 3, 'KGFRU', 'Bishkek', 'KG', 'KG-GB', 'transshipment', '2025-07-12'),
  ('S-10', 1, NULL, 'Kashgar', 'CN', 'CN-XJ', 'inland', '2025-07-22'),
  ('S-10', 2, NULL, 'Khunjerab Pass', 'PK', 'PK-GB', 'border_crossing', '2025-07-24'),
  ('S-10', 3, NULL, 'Quetta', 'PK', 'PK-BA', 'inland', '2025-08-01'),
  ('S-10', 4, 'PKGWD', 'Gwadar', 'PK', 'PK-BA', 'port', '2025-08-03'),
  ('S-11', 1, NULL, 'Lahore', 'PK', 'PK-PB', 'inland', '2025-08-05'),
  ('S-11', 2, NULL, 'Taftan', 'PK', 'PK-BA', 'border_crossing', '2025-08-09'),
  ('S-11', 3, NULL, 'Zahedan', 'IR', NULL, 'inland', '2025-08-10'),
  ('S-12', 1, NULL, 'Peshawar', 'PK', 'PK-KP', 'inland', '2025-08-19'),
  ('S-12', 2, NULL, 'Khunjerab Pass', 'CN', 'CN-XJ', 'border_crossing', '2025-08-22'),
  ('S-12', 3, NULL, 'Kashgar', 'CN', 'CN-XJ', 'inland', '2025-08-23'),
  ('S-13', 1, 'CNNGB', 'Ningbo', 'CN', 'CN-ZJ', 'port', '2025-09-02'),
  ('S-13', 2, 'RUNVS', 'Novorossiysk', 'RU', NULL, 'transshipment', '2025-10-01'),
  ('S-13', 3, NULL, 'Kerch', 'UA', 'UA-43', 'port', '2025-10-03'),
  ('S-14', 1, NULL, 'Urumqi', 'CN', 'CN-XJ', 'inland', '2025-09-16'),
  ('S-14', 2, NULL, 'Khorgos', 'KZ', 'KZ-33', 'border_crossing', '2025-09-18'),
  ('S-14', 3, 'KZALA', 'Almaty', 'KZ', 'KZ-75', 'inland', '2025-09-19'),
  ('S-15', 1, NULL, 'Guangzhou', 'CN', 'CN-GD', 'inland', '2025-10-07'),
  ('S-15', 2, NULL, 'Khorgos', 'KZ', 'KZ-33', 'border_crossing', '2025-10-14'),
  ('S-15', 3, 'KZALA', 'Almaty', 'KZ', 'KZ-75', 'transshipment', '2025-10-15'),
  ('S-15', 4, 'RUMOW', 'Moscow', 'RU', NULL, 'inland', '2025-10-22'),
  ('S-16', 1, NULL, 'Osh', 'KG', 'KG-O', 'inland', '2025-10-21'),
  ('S-16', 2, NULL, 'Irkeshtam', 'CN', 'CN-XJ', 'border_crossing', '2025-10-22'),
  ('S-16', 3, NULL, 'Urumqi', 'CN', 'CN-XJ', 'inland', '2025-10-25'),
  ('S-17', 1, NULL, 'Shenzhen', 'CN', 'CN-GD', 'inland', '2025-11-04'),
  ('S-17', 2, NULL, 'Khunjerab Pass', 'PK', 'PK-GB', 'border_crossing', '2025-11-12'),
  ('S-17', 3, NULL, 'Rawalpindi', 'PK', 'PK-PB', 'inland', '2025-11-14'),
  ('S-18', 1, NULL, 'Kashgar', 'CN', 'CN-XJ', 'inland', '2025-11-18'),
  ('S-18', 2, NULL, 'Khorgos', 'KZ', 'KZ-33', 'border_crossing', '2025-11-20'),
  ('S-18', 3, 'UZTAS', 'Tashkent', 'UZ', 'UZ-TK', 'inland', '2025-11-24'),
  ('S-19', 1, NULL, 'Shenzhen', 'CN', 'CN-GD', 'inland', '2025-11-25'),
  ('S-19', 2, NULL, 'Khorgos', 'KZ', 'KZ-33', 'border_crossing', '2025-12-01'),
  ('S-19', 3, 'KZALA', 'Almaty', 'KZ', 'KZ-75', 'inland', '2025-12-02'),
  ('S-20', 1, NULL, 'Kashgar', 'CN', 'CN-XJ', 'inland', '2025-11-26'),
  ('S-20', 2, NULL, 'Torugart', 'KG', 'KG-N', 'border_crossing', '2025-11-28'),
  ('S-20', 3, 'KGFRU', 'Bishkek', 'KG', 'KG-GB', 'inland', '2025-11-29'),
  ('S-21', 1, 'CNSZX', 'Shenzhen', 'CN', 'CN-GD', 'inland', '2025-09-08'),
  ('S-21', 2, 'AMEVN', 'Yerevan', 'AM', 'AM-ER', 'inland', '2025-09-09'),
  ('S-22', 1, NULL, 'Shihezi', 'CN', 'CN-XJ', 'inland', '2025-09-22'),
  ('S-22', 2, NULL, 'Khunjerab Pass', 'PK', 'PK-GB', 'border_crossing', '2025-09-27'),
  ('S-22', 3, NULL, 'Lahore', 'PK', 'PK-PB', 'inland', '2025-10-03'),
  ('S-23', 1, NULL, 'Bayannur', 'CN', 'CN-NM', 'inland', '2025-10-02'),
  ('S-23', 2, NULL, 'Khunjerab Pass', 'PK', 'PK-GB', 'border_crossing', '2025-10-12'),
  ('S-23', 3, NULL, 'Lahore', 'PK', 'PK-PB', 'inland', '2025-10-16'),
  ('S-24', 1, NULL, 'Urumqi', 'CN', 'CN-XJ', 'inland', '2025-10-13'),
  ('S-24', 2, NULL, 'Khorgos', 'KZ', 'KZ-33', 'border_crossing', '2025-10-15'),
  ('S-25', 1, NULL, 'Shenzhen', 'CN', 'CN-GD', 'inland', '2025-10-27'),
  ('S-25', 2, NULL, 'Khorgos', 'KZ', 'KZ-33', 'border_crossing', '2025-11-03'),
  ('S-25', 3, 'KGFRU', 'Bishkek', 'KG', 'KG-GB', 'transshipment', '2025-11-05'),
  ('S-25', 4, NULL, 'Korday', 'KZ', 'KZ-31', 'border_crossing', '2025-11-06'),
  ('S-25', 5, NULL, 'Samarkand', 'UZ', 'UZ-SA', 'inland', '2025-11-09'),
  ('S-26', 1, NULL, 'Khunjerab Pass', 'PK', 'PK-GB', 'border_crossing', '2025-08-10'),
  ('S-27', 1, NULL, 'Khunjerab Pass', 'PK', 'PK-GB', 'border_crossing', '2025-08-24'),
  ('S-28', 1, NULL, 'Khunjerab Pass', 'PK', 'PK-GB', 'border_crossing', '2025-09-07'),
  ('S-29', 1, NULL, 'Khunjerab Pass', 'PK', 'PK-GB', 'border_crossing', '2025-09-21'),
  ('S-30', 1, NULL, 'Kashgar', 'CN', 'CN-XJ', 'inland', '2025-11-03'),
  ('S-30', 2, NULL, 'Khunjerab Pass', 'PK', 'PK-GB', 'border_crossing', '2025-11-05'),
  ('S-30', 3, NULL, 'Quetta', 'PK', 'PK-BA', 'inland', '2025-11-12'),
  ('S-30', 4, 'PKGWD', 'Gwadar', 'PK', 'PK-BA', 'port', '2025-11-14'),
  ('S-41', 1, NULL, 'Islamabad', 'PK', 'PK-IS', 'inland', '2025-11-03'),
  ('S-41', 2, NULL, 'Havelian dry port', 'PK', 'PK-KP', 'inland', '2025-11-04'),
  ('S-41', 3, NULL, 'Besham', 'PK', 'PK-KP', 'inland', '2025-11-05'),
  ('S-41', 4, NULL, 'Dasu', 'PK', 'PK-KP', 'inland', '2025-11-06'),
  ('S-43', 1, NULL, 'Kashgar', 'CN', 'CN-XJ', 'inland', '2025-11-05'),
  ('S-43', 2, NULL, 'Khunjerab Pass', 'PK', 'PK-GB', 'border_crossing', '2025-11-07'),
  ('S-43', 3, NULL, 'Sost dry port', 'PK', 'PK-GB', 'inland', '2025-11-07'),
  ('S-43', 4, NULL, 'Chilas', 'PK', 'PK-GB', 'inland', '2025-11-09'),
  ('S-43', 5, NULL, 'Dasu', 'PK', 'PK-KP', 'inland', '2025-11-10'),
  ('S-44', 1, NULL, 'Saindak', 'PK', 'PK-BA', 'inland', '2025-11-07'),
  ('S-44', 2, NULL, 'Dalbandin', 'PK', 'PK-BA', 'inland', '2025-11-08'),
  ('S-44', 3, 'PKKHI', 'Karachi', 'PK', 'PK-SD', 'port', '2025-11-12'),
  ('S-45', 1, NULL, 'Islamabad', 'PK', 'PK-IS', 'inland', '2025-11-14'),
  ('S-45', 2, NULL, 'Havelian dry port', 'PK', 'PK-KP', 'inland', '2025-11-15'),
  ('S-45', 3, NULL, 'Besham', 'PK', 'PK-KP', 'inland', '2025-11-16'),
  ('S-45', 4, NULL, 'Dasu', 'PK', 'PK-KP', 'inland', '2025-11-17');

-- S-42's legs carry coordinates (the optional shipment_leg.latitude/longitude), as a carrier's
-- GPS feed gives them: the cargo terminal of Jinnah International Airport and the plant site at
-- Port Qasim (approximate).
INSERT INTO shipment_leg (shipment_id, seq, location, location_name, country, region, kind,
                          arrived_on, latitude, longitude) VALUES
  ('S-42', 1, NULL, 'Chengdu Shuangliu airport', 'CN', 'CN-SC', 'port', '2025-11-12', 30.58, 103.95),
  ('S-42', 2, 'PKKHI', 'Karachi Jinnah International Airport cargo', 'PK', 'PK-SD', 'port',
   '2025-11-13', 24.90, 67.16),
  ('S-42', 3, NULL, 'Port Qasim plant site', 'PK', 'PK-SD', 'inland', '2025-11-14', 24.78, 67.35);

COMMIT;

-- --- regimes samples S-40, S-46..S-59 (S-41..S-45 are the security samples) ---
-- What a list means to the company (rules/lists.textproto) and how its regime binds it
-- (rules/profile.textproto; the EU trader's profile in samples/profiles/eu_trader/), dated
-- reference data, origin embargoes and exemptions. Screened --as-of 2025-12-01 like the rest.
BEGIN;

INSERT INTO list_source (list_id, name, publisher, format, version) VALUES
  ('csl-el', 'BIS Entity List (sample rows from the CSL)', 'US Department of Commerce BIS',
   'csl-csv', '2025-11-28'),
  ('csl-cmic', 'Non-SDN CMIC List (sample rows from the CSL)', 'US Treasury OFAC', 'csl-csv',
   '2025-11-28'),
  ('un-sc', 'UN Security Council Consolidated List (sample rows)', 'United Nations', 'un-xml',
   '2025-11-28'),
  -- The EU consolidated list is not among the public files this project may copy: this row and
  -- its one entry are INVENTED, standing for an EU asset-freeze listing.
  ('eu-fsf', 'EU consolidated financial sanctions list (invented sample row)', 'European Commission',
   'csv', '2025-11-28');

INSERT INTO list_entry (list_id, entry_id, kind, name, programs, country) VALUES
  ('csl-el', '8690dcc7b22a4ebd44fcac7ed846343580a6c6bc2b0ce8006afa2278', 'company',
   'National Engineering and Scientific Commission (NESCOM)', NULL, 'PK'),
  ('csl-cmic', '30923', 'company', 'China Mobile Limited', 'CMIC-EO13959', 'CN'),
  ('un-sc', 'KPe.001', 'organization', 'KOREA MINING DEVELOPMENT TRADING CORPORATION', 'DPRK', 'KP'),
  ('eu-fsf', 'EU-SAMPLE-1', 'company', 'Baltic Amber Machinery Holding', 'RUSSIA', 'RU');

-- Invented companies, except the listed names, which are as published.
INSERT INTO entity (entity_id, kind, name, country, region, address, activity) VALUES
  ('E-401', 'company', 'Baltic Amber Machinery Holding', 'RU', NULL, 'Kaliningrad', NULL),
  ('E-402', 'company', 'Steppe Lathe Distribution LLP', 'KZ', 'KZ-75', 'Almaty', NULL),
  ('E-403', 'company', 'Irtysh Valve Service LLP', 'KZ', 'KZ-63', 'Oskemen', NULL),
  ('E-404', 'company', 'National Engineering and Scientific Commission (NESCOM)', 'PK', 'PK-IS',
   'Sector H-11/4, Islamabad', NULL),
  ('E-405', 'company', 'Margalla Precision Engineering (Pvt) Ltd', 'PK', 'PK-IS', 'I-9, Islamabad', NULL),
  ('E-406', 'company', 'Potohar Industrial Supplies (Pvt) Ltd', 'PK', 'PK-PB', 'Rawalpindi', NULL),
  ('E-407', 'company', 'China Mobile Limited', 'HK', NULL, '99 Queens Road Central, Hong Kong', NULL),
  ('E-408', 'company', 'Latakia Food Importers', 'SY', NULL, 'Latakia port zone', NULL),
  ('E-409', 'company', 'Kramatorsk Municipal Utilities', 'UA', 'UA-14', 'Kramatorsk', NULL),
  ('E-410', 'company', 'Donbas Wholesale', 'UA', 'UA-14', 'Donetsk', NULL),
  ('E-411', 'company', 'Ningbo Polymer Trading Co., Ltd.', 'CN', 'CN-ZJ', 'Beilun, Ningbo', NULL),
  ('E-412', 'company', 'Mashhad Army Provisions', 'IR', NULL, 'Mashhad', 'military'),
  ('E-413', 'company', 'Azov Port Supplies', 'UA', 'UA-23', 'Berdyansk port', NULL),
  ('E-414', 'organization', 'Korea Mining Development Trading Corporation', 'KP', NULL, 'Pyongyang', NULL),
  ('E-415', 'company', 'Karachi Polymers (Pvt) Ltd', 'PK', 'PK-SD', 'Korangi, Karachi', NULL);

INSERT INTO ownership (owner_id, owned_id, share, control, as_of) VALUES
  ('E-401', 'E-402', 100, 0, '2025-06-30'),
  ('E-401', 'E-403', 30, 0, '2025-06-30'),
  ('E-404', 'E-405', 100, 0, '2025-06-30'),
  ('E-404', 'E-406', 30, 0, '2025-06-30');

INSERT INTO shipment (shipment_id, shipped_on, mode, origin_country, origin_region,
                      destination_country, destination_region, final_destination_country,
                      declared_value, currency) VALUES
  ('S-40', '2025-11-03', 'rail', 'CN', 'CN-ZJ', 'KZ', 'KZ-75', 'KZ', 54000, 'USD'),
  ('S-46', '2025-11-04', 'rail', 'CN', 'CN-ZJ', 'KZ', 'KZ-75', 'KZ', 61000, 'USD'),
  ('S-47', '2025-11-05', 'rail', 'CN', 'CN-ZJ', 'KZ', 'KZ-63', 'KZ', 23000, 'USD'),
  ('S-48', '2025-11-06', 'road', 'CN', 'CN-JS', 'PK', 'PK-IS', 'PK', 88000, 'USD'),
  ('S-49', '2025-11-07', 'road', 'CN', 'CN-JS', 'PK', 'PK-IS', 'PK', 41000, 'USD'),
  ('S-50', '2025-11-08', 'road', 'CN', 'CN-JS', 'PK', 'PK-PB', 'PK', 19000, 'USD'),
  ('S-51', '2025-11-10', 'sea', 'PK', 'PK-PB', 'HK', NULL, 'HK', 33000, 'USD'),
  ('S-52', '2025-11-11', 'sea', 'PK', 'PK-PB', 'SY', NULL, 'SY', 72000, 'USD'),
  ('S-53', '2025-11-12', 'road', 'CN', 'CN-JS', 'UA', 'UA-14', 'UA', 150000, 'USD'),
  ('S-54', '2025-11-13', 'road', 'CN', 'CN-JS', 'UA', 'UA-14', 'UA', 150000, 'USD'),
  ('S-55', '2025-11-14', 'sea', 'PK', 'PK-SD', 'CN', 'CN-ZJ', 'CN', 260000, 'USD'),
  ('S-56', '2025-11-17', 'road', 'PK', 'PK-PB', 'IR', NULL, 'IR', 91000, 'USD'),
  ('S-57', '2025-11-18', 'road', 'PK', 'PK-PB', 'IR', NULL, 'IR', 45000, 'USD'),
  ('S-58', '2025-11-19', 'sea', 'CN', 'CN-ZJ', 'UA', 'UA-23', 'UA', 67000, 'USD'),
  ('S-59', '2025-11-20', 'road', 'CN', 'CN-LN', 'CN', 'CN-LN', 'KP', 38000, 'USD');

INSERT INTO shipment_party (shipment_id, entity_id, role) VALUES
  ('S-40', 'E-NBB', 'shipper'), ('S-40', 'E-401', 'consignee'),
  ('S-46', 'E-NBB', 'shipper'), ('S-46', 'E-402', 'consignee'),
  ('S-47', 'E-NBB', 'shipper'), ('S-47', 'E-403', 'consignee'),
  ('S-48', 'E-XZM', 'shipper'), ('S-48', 'E-404', 'consignee'),
  ('S-49', 'E-XZM', 'shipper'), ('S-49', 'E-405', 'consignee'),
  ('S-50', 'E-XZM', 'shipper'), ('S-50', 'E-406', 'consignee'),
  ('S-51', 'E-FSD', 'shipper'), ('S-51', 'E-407', 'consignee'),
  ('S-52', 'E-LHR', 'shipper'), ('S-52', 'E-408', 'consignee'),
  ('S-53', 'E-XZM', 'shipper'), ('S-53', 'E-409', 'consignee'),
  ('S-54', 'E-XZM', 'shipper'), ('S-54', 'E-410', 'consignee'),
  ('S-55', 'E-415', 'shipper'), ('S-55', 'E-411', 'consignee'),
  ('S-56', 'E-LHR', 'shipper'), ('S-56', 'E-ZAH', 'consignee'),
  ('S-57', 'E-LHR', 'shipper'), ('S-57', 'E-412', 'consignee'),
  ('S-58', 'E-NBX', 'shipper'), ('S-58', 'E-413', 'consignee'),
  ('S-59', 'E-XZM', 'shipper'), ('S-59', 'E-414', 'end_user');

INSERT INTO shipment_item (shipment_id, line, hs_code, description, quantity, unit, value,
                           origin_country, origin_region) VALUES
  ('S-40', 1, '9403.10', 'Metal office furniture', 300, 'pcs', 54000, 'CN', 'CN-ZJ'),
  ('S-46', 1, '9403.10', 'Metal office furniture', 340, 'pcs', 61000, 'CN', 'CN-ZJ'),
  ('S-47', 1, '9403.10', 'Metal office furniture', 130, 'pcs', 23000, 'CN', 'CN-ZJ'),
  ('S-48', 1, '8431.49', 'Excavator parts', 100, 'pcs', 88000, 'CN', 'CN-JS'),
  ('S-49', 1, '8431.49', 'Excavator parts', 50, 'pcs', 41000, 'CN', 'CN-JS'),
  ('S-50', 1, '8431.49', 'Excavator parts', 25, 'pcs', 19000, 'CN', 'CN-JS'),
  ('S-51', 1, '6302.31', 'Cotton bed linen', 4000, 'pcs', 33000, 'PK', 'PK-PB'),
  ('S-52', 1, '1006.30', 'Basmati rice, milled', 80, 't', 72000, 'PK', 'PK-PB'),
  ('S-53', 1, '8502.13', 'Diesel generating sets, 500 kVA', 10, 'pcs', 150000, 'CN', 'CN-JS'),
  ('S-54', 1, '8502.13', 'Diesel generating sets, 500 kVA', 10, 'pcs', 150000, 'CN', 'CN-JS'),
  ('S-55', 1, '3901.20', 'High-density polyethylene granules', 200, 't', 260000, 'IR', NULL),
  ('S-56', 1, '1006.30', 'Basmati rice, milled', 100, 't', 91000, 'PK', 'PK-PB'),
  ('S-57', 1, '1006.30', 'Basmati rice, milled', 50, 't', 45000, 'PK', 'PK-PB'),
  ('S-58', 1, '8509.40', 'Food grinders and mixers', 2000, 'pcs', 67000, 'CN', 'CN-ZJ'),
  ('S-59', 1, '8429.52', 'Excavators, 360-degree revolving', 2, 'pcs', 38000, 'CN', 'CN-LN');

INSERT INTO shipment_leg (shipment_id, seq, location, location_name, country, region, kind,
                          arrived_on) VALUES
  ('S-52', 1, 'PKKHI', 'Karachi', 'PK', 'PK-SD', 'port', '2025-11-11'),
  ('S-52', 2, 'SYLTK', 'Latakia', 'SY', NULL, 'port', '2025-11-29'),
  ('S-53', 1, NULL, 'Dnipro', 'UA', 'UA-12', 'inland', '2025-11-20'),
  ('S-53', 2, NULL, 'Kramatorsk', 'UA', 'UA-14', 'inland', '2025-11-21'),
  ('S-54', 1, NULL, 'Rostov-on-Don', 'RU', NULL, 'inland', '2025-11-20'),
  ('S-54', 2, NULL, 'Donetsk', 'UA', 'UA-14', 'inland', '2025-11-21'),
  ('S-55', 1, 'PKKHI', 'Karachi', 'PK', 'PK-SD', 'port', '2025-11-14'),
  ('S-55', 2, 'CNNGB', 'Ningbo', 'CN', 'CN-ZJ', 'port', '2025-11-28'),
  ('S-58', 1, 'RUNVS', 'Novorossiysk', 'RU', NULL, 'transshipment', '2025-11-26'),
  ('S-58', 2, 'UAERD', 'Berdyansk', 'UA', 'UA-23', 'port', '2025-11-28'),
  ('S-59', 1, NULL, 'Dandong', 'CN', 'CN-LN', 'border_crossing', '2025-11-21');

COMMIT;
-- --- desk: S-80..S-89, E-8xx: the company's own lists (docs/decisions.md) ---
-- An internal watch list of the company's own concerns, and an allow-list of parties its KYC has
-- cleared, declared `role: ALLOW` in rules/company_lists.textproto. The allow entry's id is the
-- company's entity id, so it names E-801 whatever the spelling.
INSERT INTO list_source (list_id, name, publisher, format, version) VALUES
  ('company-watch', 'Internal watch list (sample)', 'the company', 'csv', '2026-11-01'),
  ('company-allow', 'Parties cleared by KYC (sample)', 'the company', 'csv', '2026-11-01');
INSERT INTO list_entry (list_id, entry_id, kind, name, programs, country, remarks) VALUES
  ('company-watch', 'CW-1', 'company', 'KARAKORAM TRADERS', 'internal', 'PK',
   'payment default 2023, Gilgit'),
  ('company-allow', 'E-801', 'company', 'Karakoram Traders (Pvt.) Ltd., Lahore', NULL, 'PK',
   'KYC 2026-10: Lahore importer since 2011, not the Gilgit firm');
INSERT INTO entity (entity_id, kind, name, country, region, address) VALUES
  ('E-801', 'company', 'Karakoram Traders (Pvt.) Ltd.', 'PK', 'PK-PB', '14 Mall Road, Lahore'),
  ('E-811', 'company', 'Karakoram Traders', 'PK', 'PK-GB', 'House 12, Jutial, Gilgit');
INSERT INTO shipment (shipment_id, shipped_on, mode, origin_country, origin_region,
                      destination_country, destination_region, final_destination_country,
                      declared_value, currency) VALUES
  -- S-80 clear: office chairs for a Lahore importer whose name matches the internal watch list;
  -- the allow-list names it, so the match is suppressed (shown, not counted).
  ('S-80', '2025-11-03', 'road', 'CN', 'CN-GD', 'PK', 'PK-PB', 'PK', 15000, 'USD'),
  -- S-81 review: the same goods for the Gilgit firm the internal list means: not allowed.
  ('S-81', '2025-11-04', 'road', 'CN', 'CN-GD', 'PK', 'PK-GB', 'PK', 15000, 'USD');
INSERT INTO shipment_party (shipment_id, entity_id, role) VALUES
  ('S-80', 'E-SZL', 'shipper'), ('S-80', 'E-801', 'consignee'),
  ('S-81', 'E-SZL', 'shipper'), ('S-81', 'E-811', 'consignee');
INSERT INTO shipment_item (shipment_id, line, hs_code, description, quantity, unit, value,
                           origin_country, origin_region) VALUES
  ('S-80', 1, '9401.30', 'Swivel office chairs', 300, 'pcs', 15000, 'CN', 'CN-GD'),
  ('S-81', 1, '9401.30', 'Swivel office chairs', 300, 'pcs', 15000, 'CN', 'CN-GD');
INSERT INTO shipment_leg (shipment_id, seq, location, location_name, country, region, kind,
                          arrived_on) VALUES
  ('S-80', 1, NULL, 'Khunjerab Pass', 'PK', 'PK-GB', 'border_crossing', '2025-11-08'),
  ('S-81', 1, NULL, 'Khunjerab Pass', 'PK', 'PK-GB', 'border_crossing', '2025-11-09');
-- --- goods (issue 13): shipments S-60..S-79, entities E-6xx -------------------------------------
-- Forced labour with scope and tracing (UFLPA s.3; DHS UFLPA Strategy and its 2025-08-19
-- update), Russia diversion as BIS/FinCEN describe it (FIN-2022-Alert003; OFAC FAQ 1148; E5
-- end-user certificates; EU Reg. 833/2014 Art. 12g), proliferation (MTCR Annex; Entity List,
-- Pakistan), export-control facts (15 CFR 734) and shared addresses (SDN 36427's published
-- address). Reasons per shipment are in samples/expected_decisions.csv.
BEGIN;

-- csl-el's list_source row is in the regimes block above.
INSERT INTO list_entry (list_id, entry_id, kind, name, programs, country) VALUES
  ('csl-el', 'EL-NDC', 'company', 'National Development Complex', 'EAR', 'PK');
INSERT INTO list_address (list_id, entry_id, address, city, postal_code, country, country_name) VALUES
  ('ofac-sdn', '36427', '13/1 Al-Farabi Avenue, block 3V, 7th floor', 'Almaty', '050059', 'KZ',
   'Kazakhstan');

INSERT INTO entity (entity_id, kind, name, country, region, address, registration_id) VALUES
  ('E-601', 'company', 'Urumqi Wood Products Co', 'CN', 'CN-XJ', '8 Youhao Road, Urumqi', NULL),
  ('E-602', 'company', 'Almaty Mebel LLP', 'KZ', 'KZ-75', '20 Abay Avenue, Almaty', NULL),
  ('E-603', 'company', 'Hotan Jujube Growers Co', 'CN', 'CN-XJ', '5 Beijing Road, Hotan', NULL),
  ('E-604', 'company', 'Pacific Dried Fruit Inc', 'US', 'US-CA', '100 Harbor Blvd, Los Angeles', NULL),
  ('E-605', 'company', 'Kashgar Cotton Spinning Co', 'CN', 'CN-XJ', '3 Renmin Road, Kashgar', NULL),
  ('E-606', 'company', 'Steppe Yarn LLP', 'KZ', 'KZ-75', '9 Tole Bi Street, Almaty', NULL),
  ('E-607', 'company', 'Hudson Knitting Inc', 'US', 'US-NY', '1 Broadway, New York', NULL),
  ('E-608', 'company', 'Shihezi Spinning Mill No. 8', 'CN', 'CN-XJ', '21 Beisi Road, Shihezi', NULL),
  ('E-609', 'company', 'Faisalabad Home Textiles Ltd', 'PK', 'PK-PB', '12 Jhang Road, Faisalabad', NULL),
  ('E-610', 'company', 'Golden State Linen Inc', 'US', 'US-CA', '50 Alameda St, Los Angeles', NULL),
  ('E-611', 'company', 'Shenzhen Chip Supply Co', 'CN', 'CN-GD', '88 Shennan Road, Shenzhen', NULL),
  ('E-612', 'company', 'Almaty Electronics LLP', 'KZ', 'KZ-75', '15 Dostyk Avenue, Almaty', NULL),
  ('E-613', 'company', 'Kaluga Instrument Plant JSC', 'RU', NULL, '4 Lenin Street, Kaluga', NULL),
  ('E-614', 'company', 'Karaganda Meter Works LLP', 'KZ', 'KZ-35', '7 Bukhar Zhyrau Avenue, Karaganda', NULL),
  ('E-615', 'company', 'Bishkek Trading House LLC', 'KG', 'KG-GB', '30 Chui Avenue, Bishkek', NULL),
  ('E-616', 'company', 'Dalian Machine Tool Export Co', 'CN', 'CN-LN', '2 Harbour Street, Dalian', NULL),
  ('E-617', 'company', 'Lahore Engineering Works Ltd', 'PK', 'PK-PB', '9 Ferozepur Road, Lahore', NULL),
  ('E-618', 'company', 'Wuhan Heavy Vehicle Co', 'CN', 'CN-HB', '1 Zhongshan Road, Wuhan', NULL),
  ('E-619', 'company', 'National Development Complex', 'PK', 'PK-IS', 'Fateh Jang Road, Islamabad', NULL),
  ('E-620', 'company', 'Vostok Capital Trade LLP', 'KZ', 'KZ-75', 'Almaty, al-Farabi ave. 13/1, 7 fl.', NULL),
  ('E-621', 'company', 'Taipei Router Co', 'TW', NULL, '18 Neihu Road, Taipei', NULL),
  ('E-622', 'company', 'Minsk Telecom JSC', 'BY', NULL, '11 Nezavisimosti Avenue, Minsk', NULL),
  ('E-623', 'company', 'Tashkent Components LLC', 'UZ', 'UZ-TK', '40 Amir Temur Street, Tashkent', NULL),
  ('E-624', 'company', 'Samarkand Instruments LLC', 'UZ', 'UZ-SA', '12 Registan Street, Samarkand', NULL);

INSERT INTO shipment (shipment_id, shipped_on, mode, origin_country, origin_region,
                      destination_country, destination_region, final_destination_country,
                      declared_value, currency) VALUES
  -- S-60 clear: Xinjiang-made wooden tables trucked to Almaty: outside the UFLPA's US scope, a
  -- supply-chain flag only.
  ('S-60', '2025-11-01', 'road', 'CN', 'CN-XJ', 'KZ', 'KZ-75', 'KZ', 24000, 'USD'),
  -- S-61 hold: red dates from a Hotan shipper to the US, item region blank.
  ('S-61', '2025-11-02', 'sea', 'CN', 'CN-XJ', 'US', 'US-CA', 'US', 60000, 'USD'),
  -- S-62 hold: yarn declared Kazakh, made in Kashgar, Kashgar -> Khorgos -> Almaty -> US.
  ('S-62', '2025-11-03', 'road', 'KZ', NULL, 'US', 'US-NY', 'US', 90000, 'USD'),
  -- S-63 hold: Xinjiang cotton yarn to a Faisalabad mill that ships bed linen to the US (S-64).
  ('S-63', '2025-10-15', 'road', 'CN', 'CN-XJ', 'PK', 'PK-PB', 'PK', 150000, 'USD'),
  -- S-64 hold: the mill's cotton bed linen to Los Angeles, traced to S-63's Xinjiang yarn.
  ('S-64', '2025-11-20', 'sea', 'PK', 'PK-PB', 'US', 'US-CA', 'US', 96000, 'USD'),
  -- S-65 block: Tier 1 microcontrollers to an Almaty firm, a named Russian end user.
  ('S-65', '2025-11-05', 'road', 'CN', 'CN-GD', 'KZ', 'KZ-75', NULL, 40000, 'USD'),
  -- S-66 review: the same chips to a Kazakh end user with no end-use certificate.
  ('S-66', '2025-11-06', 'road', 'CN', 'CN-GD', 'KZ', 'KZ-35', 'KZ', 40000, 'USD'),
  -- S-67 clear: the same chips with an end-use certificate on record.
  ('S-67', '2025-11-06', 'road', 'CN', 'CN-GD', 'KZ', 'KZ-35', 'KZ', 40000, 'USD'),
  -- S-68 review: needle bearings and lubricants (OFAC FAQ 1148) to a Bishkek trader.
  ('S-68', '2025-11-07', 'road', 'CN', 'CN-GD', 'KG', 'KG-GB', NULL, 42000, 'USD'),
  -- S-69 clear: machine-tool parts China -> Pakistan: the origin is not a diversion transit.
  ('S-69', '2025-11-08', 'road', 'CN', 'CN-LN', 'PK', 'PK-PB', 'PK', 50000, 'USD'),
  -- S-70 hold: special-purpose 8x8 vehicle chassis to National Development Complex.
  ('S-70', '2025-11-10', 'road', 'CN', 'CN-HB', 'PK', 'PK-IS', 'PK', 880000, 'USD'),
  -- S-71 review: a consignee at the street address of SDN 36427 (Sber Vostok, Almaty).
  ('S-71', '2025-11-11', 'road', 'CN', 'CN-HB', 'KZ', 'KZ-75', 'KZ', 9000, 'USD'),
  -- S-72 hold: Taiwanese routers with 30% US content to Minsk: subject to the EAR, licence needed.
  ('S-72', '2025-11-12', 'air', 'TW', NULL, 'BY', NULL, 'BY', 70000, 'USD'),
  -- S-73, S-74: a Tashkent consignee's CHPL imports: small in spring, a jump in autumn.
  ('S-73', '2025-03-01', 'road', 'CN', 'CN-GD', 'UZ', 'UZ-TK', 'UZ', 5000, 'USD'),
  -- S-74 review: the jump (FIN-2023-Alert004), Tier 1 without a certificate.
  ('S-74', '2025-10-20', 'road', 'CN', 'CN-GD', 'UZ', 'UZ-TK', 'UZ', 120000, 'USD'),
  -- S-75 clear: a 2021 shipment to a long-standing customer: the records reach back before
  -- 2022-02-24, so consignees first seen after it are "new" (FIN-2022-Alert003).
  ('S-75', '2021-11-10', 'road', 'CN', 'CN-GD', 'UZ', 'UZ-SA', 'UZ', 8000, 'USD');

INSERT INTO shipment_party (shipment_id, entity_id, role) VALUES
  ('S-60', 'E-601', 'shipper'), ('S-60', 'E-602', 'consignee'),
  ('S-61', 'E-603', 'shipper'), ('S-61', 'E-604', 'consignee'),
  ('S-62', 'E-606', 'shipper'), ('S-62', 'E-605', 'manufacturer'), ('S-62', 'E-607', 'consignee'),
  ('S-63', 'E-608', 'shipper'), ('S-63', 'E-609', 'consignee'),
  ('S-64', 'E-609', 'shipper'), ('S-64', 'E-610', 'consignee'),
  ('S-65', 'E-611', 'shipper'), ('S-65', 'E-612', 'consignee'), ('S-65', 'E-613', 'end_user'),
  ('S-66', 'E-611', 'shipper'), ('S-66', 'E-614', 'consignee'),
  ('S-67', 'E-611', 'shipper'), ('S-67', 'E-614', 'consignee'),
  ('S-68', 'E-611', 'shipper'), ('S-68', 'E-615', 'consignee'),
  ('S-69', 'E-616', 'shipper'), ('S-69', 'E-617', 'consignee'),
  ('S-70', 'E-618', 'shipper'), ('S-70', 'E-619', 'consignee'),
  ('S-71', 'E-618', 'shipper'), ('S-71', 'E-620', 'consignee'),
  ('S-72', 'E-621', 'shipper'), ('S-72', 'E-622', 'consignee'),
  ('S-73', 'E-611', 'shipper'), ('S-73', 'E-623', 'consignee'),
  ('S-74', 'E-611', 'shipper'), ('S-74', 'E-623', 'consignee'),
  ('S-75', 'E-611', 'shipper'), ('S-75', 'E-624', 'consignee');

INSERT INTO shipment_item (shipment_id, line, hs_code, description, quantity, unit, value,
                           origin_country, origin_region, eccn, us_content_percent,
                           brand_country) VALUES
  ('S-60', 1, '9403.60', 'Wooden dining tables', 120, 'pcs', 24000, 'CN', 'CN-XJ', NULL, NULL, NULL),
  ('S-61', 1, '0813.40', 'Dried red dates (jujube)', 20000, 'kg', 60000, NULL, NULL, NULL, NULL, NULL),
  ('S-62', 1, '5205.12', 'Cotton yarn', 30000, 'kg', 90000, 'KZ', NULL, NULL, NULL, NULL),
  ('S-63', 1, '5205.23', 'Combed cotton yarn', 50000, 'kg', 150000, 'CN', 'CN-XJ', NULL, NULL, NULL),
  ('S-64', 1, '6302.31', 'Cotton bed linen', 8000, 'pcs', 96000, 'PK', 'PK-PB', NULL, NULL, NULL),
  ('S-65', 1, '8542.31', 'Microcontrollers', 5000, 'pcs', 40000, 'CN', NULL, NULL, NULL, NULL),
  ('S-66', 1, '8542.31', 'Microcontrollers', 5000, 'pcs', 40000, 'CN', NULL, NULL, NULL, NULL),
  ('S-67', 1, '8542.31', 'Microcontrollers', 5000, 'pcs', 40000, 'CN', NULL, NULL, NULL, NULL),
  ('S-68', 1, '8482.40', 'Needle roller bearings', 20000, 'pcs', 30000, 'CN', NULL, NULL, NULL, NULL),
  ('S-68', 2, '3403.19', 'Lubricating preparations', 4000, 'kg', 12000, 'CN', NULL, NULL, NULL, NULL),
  ('S-69', 1, '8466.93', 'Parts of machine tools', 200, 'pcs', 50000, 'CN', NULL, NULL, NULL, NULL),
  ('S-70', 1, '8706.00', 'Special-purpose vehicle chassis 8x8', 4, 'pcs', 880000, 'CN', NULL, NULL, NULL, NULL),
  ('S-71', 1, '9403.30', 'Office furniture', 40, 'pcs', 9000, 'CN', NULL, NULL, NULL, NULL),
  ('S-72', 1, '8517.62', 'Routers', 700, 'pcs', 70000, 'TW', NULL, 'EAR99', 30, 'TW'),
  ('S-73', 1, '8542.31', 'Microcontrollers', 600, 'pcs', 5000, 'CN', NULL, NULL, NULL, NULL),
  ('S-74', 1, '8542.31', 'Microcontrollers', 15000, 'pcs', 120000, 'CN', NULL, NULL, NULL, NULL),
  ('S-75', 1, '9403.30', 'Office furniture', 30, 'pcs', 8000, 'CN', NULL, NULL, NULL, NULL);

INSERT INTO shipment_leg (shipment_id, seq, location, location_name, country, region, kind,
                          arrived_on) VALUES
  ('S-60', 1, NULL, 'Khorgos', 'KZ', 'KZ-33', 'border_crossing', '2025-11-03'),
  ('S-60', 2, NULL, 'Almaty', 'KZ', 'KZ-75', 'inland', '2025-11-05'),
  ('S-62', 1, NULL, 'Kashgar', 'CN', 'CN-XJ', 'inland', '2025-11-03'),
  ('S-62', 2, NULL, 'Khorgos', 'CN', 'CN-XJ', 'border_crossing', '2025-11-05'),
  ('S-62', 3, NULL, 'Almaty', 'KZ', 'KZ-75', 'inland', '2025-11-07'),
  ('S-62', 4, NULL, 'New York', 'US', 'US-NY', 'port', '2025-11-28'),
  ('S-69', 1, NULL, 'Kashgar', 'CN', 'CN-XJ', 'transshipment', '2025-11-10'),
  ('S-69', 2, NULL, 'Khunjerab Pass', 'PK', 'PK-GB', 'border_crossing', '2025-11-12');

INSERT INTO shipment_document (shipment_id, kind, reference, issued_on, issuer) VALUES
  ('S-67', 'end_use_certificate', 'EUC-2025-118', '2025-10-30', 'Karaganda Meter Works LLP');

COMMIT;

-- --- goods round 3 (issue 13): S-91 the EU Forced Labour Regulation, which applies from
-- 2027-12-14 (see it with `--as-of 2028-01-15`). S-90, a payment from a third country, is in
-- samples/corridor_demo_payments.sql (loaded by demo.sh after this file; /screen takes payments
-- since 2026-12-07, and tests/serve_test.cc loads both files). ---
BEGIN;
INSERT INTO entity (entity_id, kind, name, country, region, address) VALUES
  ('E-626', 'company', 'Changji Tomato Products Co', 'CN', 'CN-XJ', '9 Yan''an Road, Changji'),
  ('E-627', 'company', 'Hamburg Feinkost GmbH', 'DE', 'DE-HH', '14 Grosse Elbstrasse, Hamburg');
INSERT INTO shipment (shipment_id, shipped_on, mode, origin_country, origin_region,
                      destination_country, destination_region, final_destination_country,
                      declared_value, currency) VALUES
  ('S-91', '2025-11-14', 'rail', 'CN', 'CN-XJ', 'DE', 'DE-HH', 'DE', 52000, 'USD');
INSERT INTO shipment_party (shipment_id, entity_id, role) VALUES
  ('S-91', 'E-626', 'shipper'), ('S-91', 'E-627', 'consignee');
INSERT INTO shipment_item (shipment_id, line, hs_code, description, quantity, unit, value,
                           origin_country, origin_region) VALUES
  ('S-91', 1, '2002.90', 'Tomato paste', 40000, 'kg', 52000, 'CN', 'CN-XJ');
COMMIT;
