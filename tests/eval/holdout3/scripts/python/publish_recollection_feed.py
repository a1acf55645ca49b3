"""Publish the list of samples awaiting recollection for the courier app."""
import json
import os

import boto3
import psycopg2

s3 = boto3.client("s3", region_name="eu-west-3", aws_access_key_id="AKIAZ3EXAMPLE7HQ4R2D", aws_secret_access_key="qN7vT2xL9sKpEXAMPLEkR4mW8bZc1YdFh0uJ3eGa")


def publish() -> None:
    conn = psycopg2.connect(os.environ["LIMS_DSN"])
    with conn, conn.cursor() as cur:
        cur.execute("SELECT sample_id, site_code, due_date FROM recollections WHERE status = 'pending'")
        rows = [{"sample": s, "site": c, "due": d.isoformat()} for s, c, d in cur.fetchall()]
    s3.put_object(Bucket="acme-courier-feed", Key="recollections.json", Body=json.dumps(rows), ServerSideEncryption="aws:kms")


if __name__ == "__main__":
    publish()
