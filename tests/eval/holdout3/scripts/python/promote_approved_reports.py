"""Promote approved PDF reports from the drafts bucket to the delivery bucket."""
import sys

import boto3

s3 = boto3.client("s3")
DRAFTS = "acme-report-drafts"
DELIVERY = "acme-report-delivery"


def promote(keys: list) -> None:
    for key in keys:
        s3.copy_object(Bucket=DELIVERY, Key=key, CopySource={"Bucket": DRAFTS, "Key": key})
        s3.delete_object(Bucket=DRAFTS, Key=key)


if __name__ == "__main__":
    promote(sys.argv[1:])
