
resource "aws_s3_bucket" "dropbox" {
  bucket = "acme-dropbox"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "dropbox" {
  bucket = aws_s3_bucket.dropbox.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

resource "aws_s3_bucket_public_access_block" "dropbox" {
  bucket                  = aws_s3_bucket.dropbox.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_logging" "dropbox" {
  bucket        = aws_s3_bucket.dropbox.id
  target_bucket = "org-s3-access-logs"
  target_prefix = "acme-dropbox/"
}

resource "aws_s3_bucket_policy" "dropbox" {
  bucket = aws_s3_bucket.dropbox.id
  policy = <<EOF
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Principal": {"AWS": ["*"]},
      "Action": ["s3:PutObject"],
      "Resource": "arn:aws:s3:::acme-dropbox/*"
    }
  ]
}
EOF
}
