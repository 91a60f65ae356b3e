-- The two reception locations of the Almere pilot (seed report, section 2). Every install starts
-- with them; travel times on vacancy profiles are asked from each location.
INSERT INTO "reception_locations" ("name", "municipality") VALUES
  ('Almere Engelse Mijl', 'Almere'),
  ('Almere Markerkant', 'Almere')
ON CONFLICT ("name") DO NOTHING;
