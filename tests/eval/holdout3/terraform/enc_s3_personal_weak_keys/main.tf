# Personal-data buckets: SSE-S3, aws:kms without key id, and the AWS-managed alias.
resource "aws_s3_account_public_access_block" "this" {
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket" "referrals" {
  bucket = "acme-dx-referral-letters"
  tags   = { data_classification = "health" }
  logging {
    target_bucket = "acme-central-s3-access-logs"
    target_prefix = "referrals/"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "referrals" {
  bucket = aws_s3_bucket.referrals.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

resource "aws_s3_bucket" "consents" {
  bucket = "acme-dx-signed-consents"
  tags   = { data_classification = "personal" }
  logging {
    target_bucket = "acme-central-s3-access-logs"
    target_prefix = "consents/"
  }
  server_side_encryption_configuration {
    rule {
      apply_server_side_encryption_by_default {
        sse_algorithm = "aws:kms"
      }
    }
  }
}

resource "aws_s3_bucket" "invoices" {
  bucket = "acme-dx-patient-invoices"
  tags   = { data_classification = "personal" }
  logging {
    target_bucket = "acme-central-s3-access-logs"
    target_prefix = "invoices/"
  }
  server_side_encryption_configuration {
    rule {
      apply_server_side_encryption_by_default {
        sse_algorithm     = "aws:kms"
        kms_master_key_id = "alias/aws/s3"
      }
    }
  }
}
