import logging
import os
import sys

import boto3

log = logging.getLogger("push_export")
BUCKET = os.environ.get("EXPORT_BUCKET", "crm-partner-exchange")


def push(local_path: str) -> None:
    s3 = boto3.client("s3", region_name="eu-west-3")
    key = "outbound/" + os.path.basename(local_path)
    log.info("uploading %s to s3://%s/%s", local_path, BUCKET, key)
    s3.upload_file(local_path, BUCKET, key)
    os.remove(local_path)


if __name__ == "__main__":
    push(sys.argv[1])
