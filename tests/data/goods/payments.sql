-- Who paid for the diversion cases (diversion.sql): FinCEN/BIS FIN-2022-Alert003 names
-- "payments coming from a third-party country or business not listed on the End-User Statement"
-- as a red flag of export-control evasion.
INSERT INTO entity (entity_id, kind, name, country) VALUES
  ('MOSPAY', 'company', 'Stroyimpex LLC', 'RU');
INSERT INTO payment (shipment_id, payment_id, payer_entity_id, payer_name, payer_country,
                     payer_bank, payer_bank_country, amount, currency, paid_on) VALUES
  -- The certified chips, paid from Moscow through a Russian bank.
  ('DV-CERT', 'PAY-1', 'MOSPAY', NULL, NULL, 'Bank Tochka', 'RU', 40000, 'USD', '2025-11-01'),
  -- The uncertified chips, paid by the Kazakh consignee from its Kazakh bank: no flag.
  ('DV-NOCERT', 'PAY-2', 'KZEU', NULL, NULL, 'Halyk Bank', 'KZ', 40000, 'USD', '2025-11-01'),
  -- Machine-tool parts (CHPL Tier 4.B) to Lahore, paid by a Dubai trader named only on the
  -- payment: a third country, and one of the alert's transshipment countries.
  ('DV-TOOLS', 'PAY-3', NULL, 'Gulf Star General Trading FZE', 'AE', 'Emirates NBD', 'AE', 50000,
   'USD', '2025-11-02');
