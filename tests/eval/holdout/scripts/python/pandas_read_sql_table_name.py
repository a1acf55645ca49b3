import os
import tempfile

import boto3
import pandas as pd
from sqlalchemy import create_engine

engine = create_engine(os.environ["HR_DATABASE_URL"])
employees = pd.read_sql("employees", engine)

with tempfile.TemporaryDirectory() as tmp:
    employees.to_csv(f"{tmp}/employees.csv", index=False)
    boto3.client("s3").upload_file(f"{tmp}/employees.csv", "hr-exchange", "employees.csv", ExtraArgs={"ServerSideEncryption": "aws:kms"})
