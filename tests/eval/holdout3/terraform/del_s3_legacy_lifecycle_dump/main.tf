# Legacy inline style: the dump transfer bucket expires objects after exactly 30 days.

resource "aws_s3_bucket" "pgdump_transfer" {
  bucket = "acme-pgdump-transfer"
  acl    = "private"

  server_side_encryption_configuration {
    rule {
      apply_server_side_encryption_by_default {
        sse_algorithm = "AES256"
      }
    }
  }

  lifecycle_rule {
    id      = "expire-dumps"
    enabled = true
    expiration {
      days = 30
    }
  }
}

resource "aws_s3_bucket_public_access_block" "pgdump_transfer" {
  bucket                  = aws_s3_bucket.pgdump_transfer.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
