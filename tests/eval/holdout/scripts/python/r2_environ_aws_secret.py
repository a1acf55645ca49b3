import os

import boto3

os.environ["AWS_ACCESS_KEY_ID"] = "AKIAZ3MEXAMPLE7QW2RT"
os.environ["AWS_SECRET_ACCESS_KEY"] = "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"

s3 = boto3.client("s3")
print([b["Name"] for b in s3.list_buckets()["Buckets"]])
