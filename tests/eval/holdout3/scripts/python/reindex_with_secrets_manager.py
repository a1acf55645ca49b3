"""Reindex job: credentials from AWS Secrets Manager. Environment variable NAMES are not secrets."""
import json
import os
import subprocess

import boto3
import psycopg2

PASSWORD_ENV_VAR = "LIMS_REINDEX_PASSWORD"
SECRET_ID = "lims/reindex"


def credentials() -> dict:
    raw = boto3.client("secretsmanager").get_secret_value(SecretId=SECRET_ID)["SecretString"]
    return json.loads(raw)


def reindex() -> None:
    creds = credentials()
    conn = psycopg2.connect(host="lims-db.internal", dbname="lims", user=creds["username"], password=creds["password"], sslmode="verify-full")
    conn.autocommit = True
    with conn.cursor() as cur:
        cur.execute("REINDEX TABLE CONCURRENTLY lab_results")
    os.environ[PASSWORD_ENV_VAR] = creds["password"]
    os.environ["PGPASSWORD"] = creds["password"]
    subprocess.run(["vacuumdb", "-h", "lims-db.internal", "-U", creds["username"], "-d", "lims", "-t", "lab_results", "--analyze"], check=True)
