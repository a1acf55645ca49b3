resource "aws_s3_bucket" "db_dumps" {
  bucket = "acme-db-dumps"
}

resource "aws_s3_bucket_lifecycle_configuration" "db_dumps" {
  bucket = aws_s3_bucket.db_dumps.id
  rule {
    id     = "expire"
    status = "Enabled"
    filter {}
    expiration {
      days = 90
    }
    noncurrent_version_expiration {
      noncurrent_days = 1
    }
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "db_dumps" {
  bucket = aws_s3_bucket.db_dumps.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.db_dumps.arn
    }
  }
}

resource "aws_kms_key" "db_dumps" {
  description         = "db_dumps bucket key"
  enable_key_rotation = true
}

resource "aws_s3_bucket_public_access_block" "db_dumps" {
  bucket                  = aws_s3_bucket.db_dumps.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
