"""Export results for the new LIMS: explicit columns, temp dir, KMS-encrypted upload."""
import os
import tempfile

import boto3
import pandas as pd
from sqlalchemy import create_engine

COLUMNS = "patient_id, sample_id, analyte_code, result_value, unit, validated_at"


def export(site: str) -> None:
    engine = create_engine(os.environ["LEGACY_LIMS_URL"])
    frame = pd.read_sql(f"SELECT {COLUMNS} FROM lab_results WHERE site_code = %(site)s", engine, params={"site": site})
    s3 = boto3.client("s3")
    with tempfile.TemporaryDirectory(prefix="mig-") as tmp:
        path = os.path.join(tmp, f"results_{site}.csv.gz")
        frame.to_csv(path, index=False, compression="gzip")
        s3.upload_file(
            path,
            "acme-new-lims-import",
            f"results/{site}.csv.gz",
            ExtraArgs={"ServerSideEncryption": "aws:kms", "SSEKMSKeyId": "alias/new-lims-import"},
        )
