import boto3

session = boto3.session.Session(
    aws_access_key_id="AKIA4LIMSMIGRATION01",
    aws_secret_access_key="q8Vd0sN1k3yLimsMigrationSecret0000example",
    region_name="eu-west-3",
)
s3 = session.client("s3")


def list_exports():
    return [o["Key"] for o in s3.list_objects_v2(Bucket="lims-exports")["Contents"]]
