
resource "aws_s3_bucket" "brochures" {
  bucket = "acme-brochures"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "brochures" {
  bucket = aws_s3_bucket.brochures.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

resource "aws_s3_bucket_public_access_block" "brochures" {
  bucket                  = aws_s3_bucket.brochures.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_logging" "brochures" {
  bucket        = aws_s3_bucket.brochures.id
  target_bucket = "org-s3-access-logs"
  target_prefix = "acme-brochures/"
}

resource "aws_s3_bucket_acl" "brochures" {
  bucket = aws_s3_bucket.brochures.id
  acl    = "public-read"
}
