# A module-style bucket whose encryption block is generated from an empty list.

resource "aws_s3_bucket" "uploads" {
  bucket = "acme-uploads"

  dynamic "server_side_encryption_configuration" {
    for_each = []
    content {
      rule {
        apply_server_side_encryption_by_default {
          sse_algorithm = "aws:kms"
        }
      }
    }
  }

  logging {
    target_bucket = "acme-access-logs"
  }
}

resource "aws_s3_bucket_public_access_block" "uploads" {
  bucket                  = aws_s3_bucket.uploads.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
