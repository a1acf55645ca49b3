
resource "aws_s3_bucket" "build_cache" {
  bucket = "ci-build-cache"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "build_cache" {
  bucket = aws_s3_bucket.build_cache.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = "arn:aws:kms:eu-west-3:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
    }
    bucket_key_enabled = true
  }
}

resource "aws_s3_bucket_public_access_block" "build_cache" {
  bucket                  = aws_s3_bucket.build_cache.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
