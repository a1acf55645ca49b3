
resource "aws_s3_bucket" "customer_invoices" {
  bucket = "acme-customer-invoices"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "customer_invoices" {
  bucket = aws_s3_bucket.customer_invoices.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "aws:kms"
    }
  }
}

resource "aws_s3_bucket_public_access_block" "customer_invoices" {
  bucket                  = aws_s3_bucket.customer_invoices.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_logging" "customer_invoices" {
  bucket        = aws_s3_bucket.customer_invoices.id
  target_bucket = "org-s3-access-logs"
  target_prefix = "invoices/"
}
