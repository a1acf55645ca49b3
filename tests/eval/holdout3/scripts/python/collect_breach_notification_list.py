"""Collect the identifiers of patients to notify after incident INC-0412 (for the DPO)."""
import os
import sys

import psycopg2


def collect(incident: str) -> None:
    conn = psycopg2.connect(os.environ["PORTAL_DSN"])
    with conn, conn.cursor() as cur:
        cur.execute("SELECT DISTINCT patient_id FROM access_log WHERE incident_ref = %s", (incident,))
        ids = [row[0] for row in cur.fetchall()]
    with open(f"/tmp/notify_{incident}.txt", "w", encoding="utf-8") as out:
        for patient_id in ids:
            out.write(f"{patient_id}\n")


if __name__ == "__main__":
    collect(sys.argv[1])
