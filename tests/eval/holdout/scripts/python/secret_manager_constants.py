import json
import os

import boto3
import psycopg2

DB_PASSWORD_SECRET_ARN = "arn:aws:secretsmanager:eu-west-3:123456789012:secret:prod/lims/etl-Ab12Cd"
PASSWORD_MIN_LENGTH = 16
DB_PASSWORD = os.environ.get("DB_PASSWORD", "")


def credentials() -> dict:
    if DB_PASSWORD:
        return {"user": os.environ["DB_USER"], "password": DB_PASSWORD}
    sm = boto3.client("secretsmanager")
    return json.loads(sm.get_secret_value(SecretId=DB_PASSWORD_SECRET_ARN)["SecretString"])


def connect():
    creds = credentials()
    return psycopg2.connect(host="lims-db", dbname="lims", user=creds["user"], password=creds["password"], sslmode="verify-full")
