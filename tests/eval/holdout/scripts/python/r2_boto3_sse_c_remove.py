import base64
import os

import boto3

s3 = boto3.client("s3")
key = base64.b64decode(os.environ["EXPORT_SSE_C_KEY"])


def push(path: str) -> None:
    s3.upload_file(
        path,
        "crm-partner-exchange",
        os.path.basename(path),
        ExtraArgs={"SSECustomerAlgorithm": "AES256", "SSECustomerKey": key},
    )
    os.remove(path)
