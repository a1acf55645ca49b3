import pandas as pd
from sqlalchemy import create_engine


def export_patients(dsn, out):
    engine = create_engine(dsn)
    patients = pd.read_sql_table("patients", engine)
    patients = patients[patients["site"] == "NORTH"]
    patients.to_parquet(out)
