import os
import sys

import boto3

s3 = boto3.client("s3")
KMS_KEY = os.environ["HANDOVER_KMS_KEY"]


def handover(paths, bucket):
    for path in paths:
        s3.upload_file(path, bucket, os.path.basename(path),
                       ExtraArgs={"ServerSideEncryption": "aws:kms", "SSEKMSKeyId": KMS_KEY})
        os.remove(path)


if __name__ == "__main__":
    handover(sys.argv[2:], sys.argv[1])
