import boto3

s3 = boto3.client("s3")


def promote(keys):
    for key in keys:
        s3.copy_object(Bucket="new-lims-prod", Key=key, CopySource={"Bucket": "lims-staging", "Key": key},
                       ServerSideEncryption="aws:kms")
    s3.delete_objects(Bucket="lims-staging", Delete={"Objects": [{"Key": k} for k in keys]})
