import os

import psycopg2

CONN_KWARGS = {
    "host": os.environ["CRM_DB_HOST"],
    "dbname": "crm",
    "user": os.environ["CRM_DB_USER"],
    "password": os.environ["CRM_DB_PASSWORD"],
    "sslmode": "require",
}

with psycopg2.connect(**CONN_KWARGS) as conn, conn.cursor() as cur:
    cur.execute("UPDATE customers SET anonymised = true WHERE closed_at < now() - interval '3 years'")
