"""Export the patient directory for the new CRM (temp dir, KMS-encrypted upload)."""
import os
import tempfile

import boto3
import pandas as pd
from sqlalchemy import create_engine

engine = create_engine(os.environ["LEGACY_CRM_URL"])


def export_directory() -> None:
    patients = pd.read_sql_table("patients", engine, schema="crm")
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "patients.parquet")
        patients.to_parquet(path)
        boto3.client("s3").upload_file(path, "acme-crm-import", "patients.parquet", ExtraArgs={"ServerSideEncryption": "aws:kms", "SSEKMSKeyId": "alias/crm-import"})


if __name__ == "__main__":
    export_directory()
