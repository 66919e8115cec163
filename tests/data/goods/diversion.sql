-- Russia diversion as BIS and FinCEN describe it (FIN-2022-Alert003; OFAC FAQ 1148; E5 guidance
-- on end-user certificates; EU Reg. 833/2014 Art. 12g).
INSERT INTO entity (entity_id, kind, name, country, address, activity) VALUES
  ('SZ', 'company', 'Shenzhen Chip Supply Co', 'CN', '88 Shennan Road, Shenzhen', NULL),
  ('ALM', 'company', 'Almaty Electronics LLP', 'KZ', '15 Dostyk Avenue, Almaty', NULL),
  ('RUEU', 'company', 'Kaluga Instrument Plant JSC', 'RU', '4 Lenin Street, Kaluga', 'end_user'),
  ('KZEU', 'company', 'Karaganda Meter Works LLP', 'KZ', '7 Bukhar Zhyrau Avenue, Karaganda', 'end_user'),
  ('BISH', 'company', 'Bishkek Trading House LLC', 'KG', '30 Chui Avenue, Bishkek', 'trader'),
  ('DAL', 'company', 'Dalian Machine Tool Export Co', 'CN', '2 Harbour Street, Dalian', NULL),
  ('LHR', 'company', 'Lahore Engineering Works Ltd', 'PK', '9 Ferozepur Road, Lahore', 'end_user');
INSERT INTO shipment (shipment_id, shipped_on, origin_country, destination_country,
                      final_destination_country) VALUES
  ('DV-RUEU-FD', '2025-11-05', 'CN', 'KZ', 'RU'),
  ('DV-RUEU', '2025-11-05', 'CN', 'KZ', NULL),
  ('DV-NOCERT', '2025-11-06', 'CN', 'KZ', 'KZ'),
  ('DV-CERT', '2025-11-06', 'CN', 'KZ', 'KZ'),
  ('DV-BEARINGS', '2025-11-07', 'CN', 'KG', NULL),
  ('DV-TOOLS', '2025-11-08', 'CN', 'PK', 'PK');
INSERT INTO shipment_party (shipment_id, entity_id, role) VALUES
  ('DV-RUEU-FD', 'SZ', 'shipper'), ('DV-RUEU-FD', 'ALM', 'consignee'), ('DV-RUEU-FD', 'RUEU', 'end_user'),
  ('DV-RUEU', 'SZ', 'shipper'), ('DV-RUEU', 'ALM', 'consignee'), ('DV-RUEU', 'RUEU', 'end_user'),
  ('DV-NOCERT', 'SZ', 'shipper'), ('DV-NOCERT', 'KZEU', 'consignee'),
  ('DV-CERT', 'SZ', 'shipper'), ('DV-CERT', 'KZEU', 'consignee'),
  ('DV-BEARINGS', 'SZ', 'shipper'), ('DV-BEARINGS', 'BISH', 'consignee'),
  ('DV-TOOLS', 'DAL', 'shipper'), ('DV-TOOLS', 'LHR', 'consignee');
INSERT INTO shipment_item (shipment_id, line, hs_code, description, quantity, unit, value,
                           origin_country) VALUES
  ('DV-RUEU-FD', 1, '8542.31', 'Microcontrollers', 5000, 'pcs', 40000, 'CN'),
  ('DV-RUEU', 1, '8542.31', 'Microcontrollers', 5000, 'pcs', 40000, 'CN'),
  ('DV-NOCERT', 1, '8542.31', 'Microcontrollers', 5000, 'pcs', 40000, 'CN'),
  ('DV-CERT', 1, '8542.31', 'Microcontrollers', 5000, 'pcs', 40000, 'CN'),
  ('DV-BEARINGS', 1, '8482.40', 'Needle roller bearings', 20000, 'pcs', 30000, 'CN'),
  ('DV-BEARINGS', 2, '3403.19', 'Lubricating preparations', 4000, 'kg', 12000, 'CN'),
  ('DV-TOOLS', 1, '8466.93', 'Parts of machine tools', 200, 'pcs', 50000, 'CN');
INSERT INTO shipment_leg (shipment_id, seq, location_name, country, region, kind) VALUES
  ('DV-TOOLS', 1, 'Kashgar', 'CN', 'CN-XJ', 'transshipment'),
  ('DV-TOOLS', 2, 'Khunjerab Pass', 'PK', 'PK-GB', 'border_crossing');
INSERT INTO shipment_document (shipment_id, kind, reference, issued_on, issuer) VALUES
  ('DV-CERT', 'end_use_certificate', 'EUC-2025-118', '2025-10-30', 'Karaganda Meter Works LLP');
