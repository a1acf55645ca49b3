# Bucket receiving the legacy-system migration extracts: encrypted, private, versioned, and kept
# forever.

resource "aws_s3_bucket" "migration_exports" {
  bucket = "acme-legacy-migration-exports"
}

resource "aws_s3_bucket_versioning" "migration_exports" {
  bucket = aws_s3_bucket.migration_exports.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "migration_exports" {
  bucket = aws_s3_bucket.migration_exports.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

resource "aws_s3_bucket_public_access_block" "migration_exports" {
  bucket                  = aws_s3_bucket.migration_exports.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
