resource "aws_s3_bucket" "customer_invoices" {
  bucket = "acme-customer-invoices"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "customer_invoices" {
  bucket = aws_s3_bucket.customer_invoices.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.customer_invoices.arn
    }
  }
}

resource "aws_kms_key" "customer_invoices" {
  description         = "customer_invoices bucket key"
  enable_key_rotation = true
}

resource "aws_s3_bucket_public_access_block" "customer_invoices" {
  bucket                  = aws_s3_bucket.customer_invoices.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
