import boto3

session = boto3.session.Session(
    aws_access_key_id="AKIAZ3MEXAMPLE7QW2RT",
    aws_secret_access_key="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",
    region_name="eu-west-3",
)
print(session.client("sts").get_caller_identity()["Account"])
