import boto3

s3 = boto3.client("s3")
SRC, DEST = "crm-staging", "crm-archive"

paginator = s3.get_paginator("list_objects_v2")
for page in paginator.paginate(Bucket=SRC, Prefix="exports/"):
    for obj in page.get("Contents", []):
        s3.copy_object(Bucket=DEST, Key=obj["Key"], CopySource={"Bucket": SRC, "Key": obj["Key"]})
        s3.delete_object(Bucket=SRC, Key=obj["Key"])
