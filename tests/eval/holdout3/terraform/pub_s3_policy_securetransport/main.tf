# Anyone may read, "but only over TLS": aws:SecureTransport does not restrict the caller.
# The Deny statement is fine.

resource "aws_s3_bucket" "brochures" {
  bucket = "acme-public-brochures"
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
  ignore_public_acls      = true
  block_public_policy     = false
  restrict_public_buckets = false
}

resource "aws_s3_bucket_policy" "brochures" {
  bucket = aws_s3_bucket.brochures.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "PublicReadOverTls"
        Effect    = "Allow"
        Principal = { AWS = "*" }
        Action    = ["s3:GetObject"]
        Resource  = "${aws_s3_bucket.brochures.arn}/*"
        Condition = { Bool = { "aws:SecureTransport" = "true" } }
      },
      {
        Sid       = "DenyPlainHttp"
        Effect    = "Deny"
        Principal = "*"
        Action    = "s3:*"
        Resource  = [aws_s3_bucket.brochures.arn, "${aws_s3_bucket.brochures.arn}/*"]
        Condition = { Bool = { "aws:SecureTransport" = "false" } }
      }
    ]
  })
}
