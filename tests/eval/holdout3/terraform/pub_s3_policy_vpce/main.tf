# Principal "*" but only through the VPC endpoint of the data platform.

resource "aws_s3_bucket" "shared_datasets" {
  bucket = "acme-platform-datasets"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "shared_datasets" {
  bucket = aws_s3_bucket.shared_datasets.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

resource "aws_s3_bucket_public_access_block" "shared_datasets" {
  bucket                  = aws_s3_bucket.shared_datasets.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_policy" "shared_datasets" {
  bucket = aws_s3_bucket.shared_datasets.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "ReadFromPlatformVpce"
      Effect    = "Allow"
      Principal = "*"
      Action    = ["s3:GetObject", "s3:ListBucket"]
      Resource  = [aws_s3_bucket.shared_datasets.arn, "${aws_s3_bucket.shared_datasets.arn}/*"]
      Condition = { StringEquals = { "aws:SourceVpce" = "vpce-0a1b2c3d4e5f67890" } }
    }]
  })
}
