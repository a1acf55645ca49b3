
resource "aws_s3_bucket" "shared" {
  bucket = "acme-shared"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "shared" {
  bucket = aws_s3_bucket.shared.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

resource "aws_s3_bucket_public_access_block" "shared" {
  bucket                  = aws_s3_bucket.shared.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_logging" "shared" {
  bucket        = aws_s3_bucket.shared.id
  target_bucket = "org-s3-access-logs"
  target_prefix = "acme-shared/"
}

resource "aws_s3_bucket_acl" "shared" {
  bucket = aws_s3_bucket.shared.id
  acl    = "authenticated-read"
}
