import os
import tempfile

import boto3
import pandas as pd
import sqlalchemy as sa

engine = sa.create_engine(os.environ["CRM_DATABASE_URL"])
s3 = boto3.client("s3")

total = pd.read_sql(sa.text("SELECT COUNT(*) AS n FROM customers"), engine)["n"][0]
frame = pd.read_sql(
    sa.text("SELECT id, email, country FROM customers WHERE consent_marketing = true"),
    engine,
)
with tempfile.TemporaryDirectory() as tmp:
    out = os.path.join(tmp, "optin.parquet")
    frame.to_parquet(out)
    s3.upload_file(out, "crm-marketing-exchange", "optin.parquet", ExtraArgs={"ServerSideEncryption": "AES256"})
print(total)
