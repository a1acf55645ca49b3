resource "aws_s3_bucket" "builds" {
  bucket = "acme-ci-builds"
}

resource "aws_s3_bucket_public_access_block" "builds" {
  bucket                  = aws_s3_bucket.builds.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = false
}

resource "aws_s3_bucket_server_side_encryption_configuration" "builds" {
  bucket = aws_s3_bucket.builds.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.builds.arn
    }
  }
}

resource "aws_kms_key" "builds" {
  description         = "builds bucket key"
  enable_key_rotation = true
}
