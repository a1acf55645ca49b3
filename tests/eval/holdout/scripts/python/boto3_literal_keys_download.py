import tempfile

import boto3

s3 = boto3.client(
    "s3",
    region_name="eu-west-1",
    aws_access_key_id="AKIAZ3MEXAMPLE7QW2RT",
    aws_secret_access_key="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",
)


def fetch_manifest(bucket: str) -> bytes:
    with tempfile.TemporaryDirectory() as tmp:
        target = f"{tmp}/manifest.json"
        s3.download_file(bucket, "manifest.json", target)
        with open(target, "rb") as fh:
            return fh.read()
