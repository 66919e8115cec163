-- UFLPA scope and Xinjiang detection (shared/LAW.md: "UFLPA applies to goods entering the US:
-- produced wholly or in part in Xinjiang ... inputs count").
INSERT INTO entity (entity_id, kind, name, country, region, address) VALUES
  ('URUMQI', 'company', 'Urumqi Wood Products Co', 'CN', 'CN-XJ', '8 Youhao Road, Urumqi'),
  ('ALMATY', 'company', 'Almaty Mebel LLP', 'KZ', 'KZ-75', '20 Abay Avenue, Almaty'),
  ('HOTAN', 'company', 'Hotan Jujube Trading Co', 'CN', 'CN-XJ', '5 Beijing Road, Hotan'),
  ('LA', 'company', 'Pacific Foods Inc', 'US', 'US-CA', '100 Harbor Blvd, Los Angeles'),
  ('KASHGAR', 'company', 'Kashgar Cotton Spinning Co', 'CN', 'CN-XJ', '3 Renmin Road, Kashgar'),
  ('KZTRADE', 'company', 'Steppe Yarn LLP', 'KZ', 'KZ-75', '9 Tole Bi Street, Almaty'),
  ('NY', 'company', 'Hudson Textiles Inc', 'US', 'US-NY', '1 Broadway, New York'),
  ('XPCC', 'organization', 'Xinjiang Production and Construction Corps', 'CN', NULL, '1 Guangming Road, Urumqi'),
  ('MILL', 'company', 'Faisalabad Home Textiles Ltd', 'PK', 'PK-PB', '12 Jhang Road, Faisalabad'),
  ('BEDS', 'company', 'Golden State Linen Inc', 'US', 'US-CA', '50 Alameda St, Los Angeles');
INSERT INTO shipment (shipment_id, shipped_on, origin_country, origin_region, destination_country,
                      final_destination_country) VALUES
  ('FL-TABLES', '2025-11-01', 'CN', 'CN-XJ', 'KZ', 'KZ'),
  ('FL-DATES', '2025-11-02', 'CN', 'CN-XJ', 'US', 'US'),
  ('FL-YARN', '2025-11-03', 'KZ', NULL, 'US', 'US'),
  ('FL-INPUT', '2025-10-15', 'CN', 'CN-XJ', 'PK', 'PK'),
  ('FL-LINEN', '2025-11-20', 'PK', 'PK-PB', 'US', 'US');
INSERT INTO shipment_party (shipment_id, entity_id, role) VALUES
  ('FL-TABLES', 'URUMQI', 'shipper'), ('FL-TABLES', 'ALMATY', 'consignee'),
  ('FL-DATES', 'HOTAN', 'shipper'), ('FL-DATES', 'LA', 'consignee'),
  ('FL-YARN', 'KZTRADE', 'shipper'), ('FL-YARN', 'KASHGAR', 'manufacturer'),
  ('FL-YARN', 'NY', 'consignee'),
  ('FL-INPUT', 'XPCC', 'shipper'), ('FL-INPUT', 'MILL', 'consignee'),
  ('FL-LINEN', 'MILL', 'shipper'), ('FL-LINEN', 'BEDS', 'consignee');
INSERT INTO shipment_item (shipment_id, line, hs_code, description, quantity, unit, value,
                           origin_country, origin_region) VALUES
  ('FL-TABLES', 1, '9403.60', 'Wooden dining tables', 120, 'pcs', 24000, 'CN', 'CN-XJ'),
  ('FL-DATES', 1, '0813.40', 'Dried red dates (jujube)', 20000, 'kg', 60000, NULL, NULL),
  ('FL-YARN', 1, '5205.12', 'Cotton yarn', 30000, 'kg', 90000, 'KZ', NULL),
  ('FL-INPUT', 1, '5205.23', 'Combed cotton yarn', 50000, 'kg', 150000, 'CN', 'CN-XJ'),
  ('FL-LINEN', 1, '6302.31', 'Cotton bed linen', 8000, 'pcs', 96000, 'PK', 'PK-PB');
INSERT INTO shipment_leg (shipment_id, seq, location_name, country, region, kind) VALUES
  ('FL-TABLES', 1, 'Khorgos', 'KZ', 'KZ-33', 'border_crossing'),
  ('FL-TABLES', 2, 'Almaty', 'KZ', 'KZ-75', 'inland'),
  ('FL-YARN', 1, 'Kashgar', 'CN', 'CN-XJ', 'inland'),
  ('FL-YARN', 2, 'Khorgos', 'CN', 'CN-XJ', 'border_crossing'),
  ('FL-YARN', 3, 'Almaty', 'KZ', 'KZ-75', 'inland'),
  ('FL-YARN', 4, 'New York', 'US', 'US-NY', 'port');
