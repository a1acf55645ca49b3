ALTER TABLE customers RENAME TO customers_v1;
ALTER TABLE customers_v1 ADD COLUMN migrated boolean DEFAULT false;
