# An export bucket whose objects expire after 90 days, and a bucket tagged as migration
# storage whose 7-day rule is disabled.

resource "aws_s3_account_public_access_block" "account" {
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket" "partner_export" {
  bucket = "acme-partner-export-drop"
  server_side_encryption_configuration {
    rule {
      apply_server_side_encryption_by_default {
        sse_algorithm = "AES256"
      }
    }
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "partner_export" {
  bucket = aws_s3_bucket.partner_export.id
  rule {
    id     = "expire"
    status = "Enabled"
    filter {}
    expiration {
      days = 90
    }
  }
}

resource "aws_s3_bucket" "handover" {
  bucket = "acme-dx-handover-2024"
  tags   = { purpose = "migration", ticket = "MIG-311" }
  server_side_encryption_configuration {
    rule {
      apply_server_side_encryption_by_default {
        sse_algorithm = "AES256"
      }
    }
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "handover" {
  bucket = aws_s3_bucket.handover.id
  rule {
    id     = "expire"
    status = "Disabled"
    filter {}
    expiration {
      days = 7
    }
  }
}
