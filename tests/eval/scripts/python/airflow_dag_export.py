from datetime import datetime

from airflow import DAG
from airflow.operators.python import PythonOperator
from airflow.providers.postgres.hooks.postgres import PostgresHook


def extract(**context):
    hook = PostgresHook(postgres_conn_id="legacy_lims")
    hook.copy_expert("COPY lab_results TO STDOUT WITH CSV", "/opt/airflow/data/lab_results.csv")


with DAG("lims_migration", start_date=datetime(2024, 3, 1), schedule=None, catchup=False) as dag:
    PythonOperator(task_id="extract", python_callable=extract)
