resource "aws_s3_account_public_access_block" "this" {
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket" "tooling" {
  bucket = "acme-tooling"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "tooling" {
  bucket = aws_s3_bucket.tooling.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.tooling.arn
    }
  }
}

resource "aws_kms_key" "tooling" {
  description         = "tooling bucket key"
  enable_key_rotation = true
}
