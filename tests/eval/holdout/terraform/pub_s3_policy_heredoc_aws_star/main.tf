resource "aws_s3_bucket" "exchange" {
  bucket = "acme-partner-exchange"
}

resource "aws_s3_bucket_policy" "exchange" {
  bucket = aws_s3_bucket.exchange.id
  policy = <<POLICY
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Principal": {"AWS": "*"},
      "Action": ["s3:PutObject", "s3:GetObject"],
      "Resource": "arn:aws:s3:::acme-partner-exchange/*"
    }
  ]
}
POLICY
}

resource "aws_s3_bucket_server_side_encryption_configuration" "exchange" {
  bucket = aws_s3_bucket.exchange.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.exchange.arn
    }
  }
}

resource "aws_kms_key" "exchange" {
  description         = "exchange bucket key"
  enable_key_rotation = true
}

resource "aws_s3_bucket_public_access_block" "exchange" {
  bucket                  = aws_s3_bucket.exchange.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
