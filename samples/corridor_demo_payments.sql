-- goods round 3 (issue 13): S-90, certified chips to Karaganda (as S-67) paid from Moscow
-- through a Russian bank: a third-country payer (FinCEN/BIS FIN-2022-Alert003 red flags).
-- Expected decision: review (third_country_payer 25 + new_consignee_chpl + chpl_diversion).
-- Loaded by samples/demo.sh after corridor_demo.sql (and by tests/serve_test.cc, which compares
-- every sample's /screen score, payments included since 2026-12-07, with the batch's).
BEGIN;
INSERT INTO entity (entity_id, kind, name, country, region, address) VALUES
  ('E-625', 'company', 'Stroyimpex LLC', 'RU', 'RU-MOW', '21 Novoslobodskaya Street, Moscow');
INSERT INTO shipment (shipment_id, shipped_on, mode, origin_country, origin_region,
                      destination_country, destination_region, final_destination_country,
                      declared_value, currency) VALUES
  ('S-90', '2025-11-12', 'road', 'CN', 'CN-GD', 'KZ', 'KZ-35', 'KZ', 40000, 'USD');
INSERT INTO shipment_party (shipment_id, entity_id, role) VALUES
  ('S-90', 'E-611', 'shipper'), ('S-90', 'E-614', 'consignee');
INSERT INTO shipment_item (shipment_id, line, hs_code, description, quantity, unit, value,
                           origin_country, origin_region) VALUES
  ('S-90', 1, '8542.31', 'Microcontrollers', 5000, 'pcs', 40000, 'CN', NULL);
INSERT INTO shipment_document (shipment_id, kind, reference, issued_on, issuer) VALUES
  ('S-90', 'end_use_certificate', 'EUC-2025-131', '2025-11-05', 'Karaganda Meter Works LLP');
INSERT INTO payment (shipment_id, payment_id, payer_entity_id, payer_name, payer_country,
                     payer_bank, payer_bank_country, amount, currency, paid_on) VALUES
  ('S-90', 'PAY-2025-0412', 'E-625', NULL, NULL, 'Bank Tochka', 'RU', 40000, 'USD', '2025-11-10');
COMMIT;
