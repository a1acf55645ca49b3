"""Build the reporting engine from the environment and read a few named columns."""
import os

import pandas as pd
from sqlalchemy import create_engine
from sqlalchemy.engine import URL

url = URL.create(
    "postgresql+psycopg2",
    username="tat_report",
    password=os.environ["REPORTING_DB_PASSWORD"],
    host="reporting-db.internal",
    database="reporting",
    query={"sslmode": "verify-full"},
)
engine = create_engine(url)

sites = pd.read_sql_table("sites", engine, columns=["site_code", "region", "opened_on"])
print(sites.groupby("region").size().to_string())
