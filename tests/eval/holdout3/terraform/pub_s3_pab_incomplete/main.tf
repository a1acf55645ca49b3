# Public access block with one of the four flags left false.

resource "aws_s3_bucket" "build_cache" {
  bucket = "acme-build-cache"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "build_cache" {
  bucket = aws_s3_bucket.build_cache.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

resource "aws_s3_bucket_public_access_block" "build_cache" {
  bucket                  = aws_s3_bucket.build_cache.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = false
  restrict_public_buckets = true
}
