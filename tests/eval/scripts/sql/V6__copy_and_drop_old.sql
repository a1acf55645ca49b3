-- Flyway V6: move patients into the new schema and drop the old table
INSERT INTO lims2.patients (id, birth_year, sex)
SELECT id, extract(year FROM birth_date), sex FROM public.patients;

ALTER TABLE public.lab_results DROP CONSTRAINT fk_results_patient;
DROP TABLE public.patients;
