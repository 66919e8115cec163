-- Proliferation on the Khunjerab/CPEC route (MTCR Annex 12.A.1; Entity List, Pakistan) and a
-- consignee at a listed party's street address (SDN 36427, Sber Vostok, Almaty).
INSERT INTO entity (entity_id, kind, name, country, address) VALUES
  ('WUHAN', 'company', 'Wuhan Heavy Vehicle Co', 'CN', '1 Zhongshan Road, Wuhan'),
  ('NDC', 'company', 'National Development Complex', 'PK', 'Fateh Jang Road, Islamabad'),
  ('FRONT', 'company', 'Vostok Capital Trade LLP', 'KZ', 'Almaty, al-Farabi ave. 13/1, 7 fl.'),
  ('OTHER', 'company', 'Farabi Office Supplies LLP', 'KZ', 'Almaty, al-Farabi ave. 15/1');
INSERT INTO shipment (shipment_id, shipped_on, origin_country, destination_country,
                      final_destination_country) VALUES
  ('PR-CHASSIS', '2025-11-10', 'CN', 'PK', 'PK'),
  ('AD-FRONT', '2025-11-11', 'CN', 'KZ', 'KZ'),
  ('AD-OTHER', '2025-11-11', 'CN', 'KZ', 'KZ');
INSERT INTO shipment_party (shipment_id, entity_id, role) VALUES
  ('PR-CHASSIS', 'WUHAN', 'shipper'), ('PR-CHASSIS', 'NDC', 'consignee'),
  ('AD-FRONT', 'WUHAN', 'shipper'), ('AD-FRONT', 'FRONT', 'consignee'),
  ('AD-OTHER', 'WUHAN', 'shipper'), ('AD-OTHER', 'OTHER', 'consignee');
INSERT INTO shipment_item (shipment_id, line, hs_code, description, quantity, unit, value,
                           origin_country) VALUES
  ('PR-CHASSIS', 1, '8706.00', 'Special-purpose vehicle chassis 8x8', 4, 'pcs', 880000, 'CN'),
  ('AD-FRONT', 1, '9403.30', 'Office furniture', 40, 'pcs', 9000, 'CN'),
  ('AD-OTHER', 1, '9403.30', 'Office furniture', 40, 'pcs', 9000, 'CN');
