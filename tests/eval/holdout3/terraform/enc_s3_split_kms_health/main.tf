# Health-data bucket: customer-managed key in the split SSE resource, access logging,
# public access block. The log bucket has its own SSE and public access block.

resource "aws_kms_key" "results" {
  description         = "CMK for validated diagnostic results"
  enable_key_rotation = true
}

resource "aws_s3_bucket" "results" {
  bucket = "acme-dx-results-eu"
  tags   = { data_classification = "health", owner = "results-team" }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "results" {
  bucket = aws_s3_bucket.results.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.results.arn
    }
    bucket_key_enabled = true
  }
}

resource "aws_s3_bucket_logging" "results" {
  bucket        = aws_s3_bucket.results.id
  target_bucket = aws_s3_bucket.access_logs.id
  target_prefix = "results/"
}

resource "aws_s3_bucket" "access_logs" {
  bucket = "acme-dx-s3-access-logs"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "access_logs" {
  bucket = aws_s3_bucket.access_logs.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

resource "aws_s3_account_public_access_block" "this" {
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
