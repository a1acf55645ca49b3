# Documentation site served straight from S3 with a public-read ACL; the public access
# block was switched off to allow it.

resource "aws_s3_bucket" "docsite" {
  bucket = "acme-docsite-assets"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "docsite" {
  bucket = aws_s3_bucket.docsite.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

resource "aws_s3_bucket_ownership_controls" "docsite" {
  bucket = aws_s3_bucket.docsite.id
  rule {
    object_ownership = "BucketOwnerPreferred"
  }
}

resource "aws_s3_bucket_public_access_block" "docsite" {
  bucket                  = aws_s3_bucket.docsite.id
  block_public_acls       = false
  block_public_policy     = false
  ignore_public_acls      = false
  restrict_public_buckets = false
}

resource "aws_s3_bucket_acl" "docsite" {
  depends_on = [aws_s3_bucket_ownership_controls.docsite, aws_s3_bucket_public_access_block.docsite]
  bucket     = aws_s3_bucket.docsite.id
  acl        = "public-read"
}
