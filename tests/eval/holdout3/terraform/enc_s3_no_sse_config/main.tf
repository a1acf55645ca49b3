# CI build artifacts (no personal data). Public access is blocked and old builds expire,
# but the bucket declares no server-side encryption configuration at all.

variable "environment" {
  type    = string
  default = "prod"
}

resource "aws_s3_bucket" "artifacts" {
  bucket = "acme-ci-artifacts-${var.environment}"
  tags   = { data_classification = "internal", team = "platform" }
}

resource "aws_s3_bucket_versioning" "artifacts" {
  bucket = aws_s3_bucket.artifacts.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_public_access_block" "artifacts" {
  bucket                  = aws_s3_bucket.artifacts.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_lifecycle_configuration" "artifacts" {
  bucket = aws_s3_bucket.artifacts.id
  rule {
    id     = "old-builds"
    status = "Enabled"
    filter {}
    expiration {
      days = 90
    }
  }
}
