# The organisation trail is fine; an older single-region trail is still declared, and
# GuardDuty was disabled "because of the noise".

resource "aws_cloudtrail" "org" {
  name                       = "org-trail"
  s3_bucket_name             = aws_s3_bucket.trail.id
  is_multi_region_trail      = true
  enable_log_file_validation = true
}

resource "aws_cloudtrail" "legacy_eu" {
  name                       = "legacy-eu-trail"
  s3_bucket_name             = aws_s3_bucket.trail.id
  enable_log_file_validation = true
}

resource "aws_guardduty_detector" "main" {
  enable = false
}

resource "aws_s3_bucket" "trail" {
  bucket = "acme-cloudtrail-logs"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "trail" {
  bucket = aws_s3_bucket.trail.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

resource "aws_s3_bucket_public_access_block" "trail" {
  bucket                  = aws_s3_bucket.trail.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
