"""Data-quality checks before the migration cut-over (counts and named columns only)."""
import os

import psycopg2

# Never use SELECT * in this module: the checks must not pull record contents.
CHECKS = {
    "results_without_patient": "SELECT COUNT(*) FROM lab_results WHERE patient_id IS NULL",
    "duplicate_samples": "SELECT sample_id, COUNT(*) FROM lab_samples GROUP BY sample_id HAVING COUNT(*) > 1",
    "future_validations": "SELECT result_id, validated_at FROM lab_results WHERE validated_at > now()",
}


def run_checks() -> dict:
    conn = psycopg2.connect(os.environ["LIMS_DSN"], sslmode="verify-full")
    report = {}
    with conn, conn.cursor() as cur:
        for name, sql in CHECKS.items():
            cur.execute(sql)
            report[name] = cur.fetchall()
    return report
