-- Flyway V5: move patients into the new schema
CREATE SCHEMA IF NOT EXISTS lims2;
CREATE TABLE lims2.patients (id bigint PRIMARY KEY, birth_year int, sex char(1));

INSERT INTO lims2.patients (id, birth_year, sex)
SELECT id, extract(year FROM birth_date), sex FROM public.patients;
