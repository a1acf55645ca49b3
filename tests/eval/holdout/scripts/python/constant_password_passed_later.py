import psycopg2

LEGACY_HOST = "10.20.0.15"
LEGACY_USER = "migr_lims"
LEGACY_PASSWORD = "Migr@tion-2023"


def connect():
    return psycopg2.connect(host=LEGACY_HOST, user=LEGACY_USER, password=LEGACY_PASSWORD, dbname="lims", sslmode="require")
