import os
import tempfile

import pandas as pd
from sqlalchemy import create_engine

engine = create_engine(os.environ["LIMS_DATABASE_URL"])

with tempfile.TemporaryDirectory() as tmp:
    for i, chunk in enumerate(pd.read_sql_table("patients", engine, columns=["patient_ref", "birth_year"], chunksize=50_000)):
        chunk.to_parquet(os.path.join(tmp, f"part-{i:04d}.parquet"))
    print(sorted(os.listdir(tmp)))
