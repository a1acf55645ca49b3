INSERT INTO site_stats (site, patients, computed_at)
SELECT site, count(*), now()
FROM patients
GROUP BY site;
