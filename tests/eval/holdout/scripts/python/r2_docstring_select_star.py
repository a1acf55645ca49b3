"""Export of the consent register.

Never run SELECT * on crm_consent: it holds free-text notes. Only the columns below are exported.
"""
import os

import psycopg2

COLUMNS = ("contact_id", "purpose", "given_at")

with psycopg2.connect(os.environ["CRM_DSN"]) as conn, conn.cursor() as cur:
    cur.execute("SELECT " + ", ".join(COLUMNS) + " FROM crm_consent WHERE withdrawn_at IS NULL")
    print(cur.rowcount)
