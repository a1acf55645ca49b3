-- Aggregated statistics only (GROUP BY): not a copy of the records.
CREATE TABLE stats_monthly_volumes AS
SELECT site_code, date_trunc('month', validated_at) AS month, count(*) AS n_results
FROM lab_results
GROUP BY site_code, date_trunc('month', validated_at);

CREATE INDEX stats_monthly_volumes_idx ON stats_monthly_volumes (site_code, month);
