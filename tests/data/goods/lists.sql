-- Watch-list rows the goods-and-routes cases screen against (tests/goods_routes_test.cc). Real
-- entries as published: OFAC SDN 36427 (Sber Vostok LLP, with its published address), the UFLPA
-- Entity List's XPCC entry, and the Entity List's National Development Complex (Pakistan).
INSERT INTO list_source (list_id, name) VALUES ('ofac-sdn', 'OFAC SDN (rows)'),
  ('uflpa', 'UFLPA Entity List (rows)'), ('csl-el', 'BIS Entity List (rows)');
INSERT INTO list_entry (list_id, entry_id, kind, name, programs, country) VALUES
  ('ofac-sdn', '36427', 'company', 'SBER VOSTOK LIMITED LIABILITY PARTNERSHIP', 'RUSSIA-EO14024', 'KZ'),
  ('uflpa', 'UFLPA-XPCC', 'organization', 'Xinjiang Production and Construction Corps', 'UFLPA', 'CN'),
  ('csl-el', 'EL-NDC', 'company', 'National Development Complex', 'EL', 'PK');
INSERT INTO list_address (list_id, entry_id, address, city, postal_code, country, country_name) VALUES
  ('ofac-sdn', '36427', '13/1 Al-Farabi Avenue, block 3V, 7th floor', 'Almaty', '050059', 'KZ', 'Kazakhstan'),
  ('csl-el', 'EL-NDC', 'Fateh Jang Road', 'Islamabad', NULL, 'PK', 'Pakistan');
