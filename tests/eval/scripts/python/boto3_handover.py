import os
import sys

import boto3

s3 = boto3.client("s3")
BUCKET = os.environ.get("HANDOVER_BUCKET", "lims-handover")


def handover(paths):
    for path in paths:
        key = f"handover/{os.path.basename(path)}"
        s3.upload_file(path, BUCKET, key)
        print("uploaded", key)


if __name__ == "__main__":
    handover(sys.argv[1:])
