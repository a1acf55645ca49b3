resource "aws_s3_bucket" "orders_export" {
  bucket = "acme-orders-export"
}

resource "aws_s3_bucket_lifecycle_configuration" "orders_export" {
  bucket = aws_s3_bucket.orders_export.id
  rule {
    id     = "expire"
    status = "Enabled"
    filter {}
    expiration {
      days = 7
    }
    noncurrent_version_expiration {
      noncurrent_days = 1
    }
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "orders_export" {
  bucket = aws_s3_bucket.orders_export.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.orders_export.arn
    }
  }
}

resource "aws_kms_key" "orders_export" {
  description         = "orders_export bucket key"
  enable_key_rotation = true
}

resource "aws_s3_bucket_public_access_block" "orders_export" {
  bucket                  = aws_s3_bucket.orders_export.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
