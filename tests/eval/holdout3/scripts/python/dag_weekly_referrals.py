"""Airflow DAG: weekly extract of referrals for the partner hospital (instruction REF-22)."""
import os
import tempfile
from datetime import datetime

import boto3
from airflow import DAG
from airflow.operators.python import PythonOperator
from airflow.providers.postgres.hooks.postgres import PostgresHook


def extract_referrals(ds: str, **_):
    hook = PostgresHook(postgres_conn_id="referrals_ro")
    frame = hook.get_pandas_df("SELECT * FROM referrals WHERE sent_on = %(ds)s", parameters={"ds": ds})
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, f"referrals_{ds}.csv")
        frame.to_csv(path, index=False)
        boto3.client("s3").upload_file(path, "acme-partner-hospital-in", f"referrals/{ds}.csv", ExtraArgs={"ServerSideEncryption": "aws:kms"})


with DAG("weekly_referrals_extract", start_date=datetime(2024, 1, 1), schedule="@weekly", catchup=False) as dag:
    PythonOperator(task_id="extract_referrals", python_callable=extract_referrals)
