import pandas as pd
from sqlalchemy import create_engine, text

HOST = "crm-replica.internal.example"
engine = create_engine(f"postgresql+psycopg2://etl_crm:Crm2023pw@{HOST}:5432/crm")

with engine.connect() as conn:
    rows = conn.execute(text("SELECT id, country FROM customers WHERE churned = false")).fetchall()
print(len(rows))
