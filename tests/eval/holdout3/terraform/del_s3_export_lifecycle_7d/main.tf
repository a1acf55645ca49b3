# Nightly export bucket: objects and old versions expire after 7 days.

resource "aws_s3_bucket" "nightly_exports" {
  bucket = "acme-nightly-exports"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "nightly_exports" {
  bucket = aws_s3_bucket.nightly_exports.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

resource "aws_s3_bucket_public_access_block" "nightly_exports" {
  bucket                  = aws_s3_bucket.nightly_exports.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_lifecycle_configuration" "nightly_exports" {
  bucket = aws_s3_bucket.nightly_exports.id
  rule {
    id     = "expire-after-a-week"
    status = "Enabled"
    filter {}
    expiration {
      days = 7
    }
    noncurrent_version_expiration {
      noncurrent_days = 7
    }
  }
}
