resource "aws_s3_bucket" "internal" {
  bucket = "acme-internal-share"
}

resource "aws_s3_bucket_policy" "internal" {
  bucket = aws_s3_bucket.internal.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "s3:GetObject"
      Resource  = "${aws_s3_bucket.internal.arn}/*"
      Condition = {
        StringEquals = { "aws:SourceVpce" = var.vpce_id }
      }
    }]
  })
}

variable "vpce_id" { type = string }

resource "aws_s3_bucket_server_side_encryption_configuration" "internal" {
  bucket = aws_s3_bucket.internal.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.internal.arn
    }
  }
}

resource "aws_kms_key" "internal" {
  description         = "internal bucket key"
  enable_key_rotation = true
}

resource "aws_s3_bucket_public_access_block" "internal" {
  bucket                  = aws_s3_bucket.internal.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
