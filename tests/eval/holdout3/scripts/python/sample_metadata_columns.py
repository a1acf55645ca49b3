"""Load sample metadata with explicit columns (a table read and a query read)."""
import os

import pandas as pd
from sqlalchemy import create_engine

engine = create_engine(os.environ["LIMS_REPLICA_URL"], connect_args={"sslmode": "verify-full"})

samples = pd.read_sql_table("lab_samples", engine, columns=["sample_id", "site_code", "collected_at"])
analytes = pd.read_sql("SELECT analyte_code, loinc_code, unit FROM analytes WHERE active", engine)
print(samples.groupby("site_code").size().to_string())
print(f"{len(analytes)} active analytes")
