# Legacy inline style (AWS provider 3.x era): the CMK arrives through a variable owned by
# the security account; access logging and the ACL are inline too.

variable "reports_kms_key_arn" {
  description = "ARN of the customer-managed key created by the security account"
  type        = string
}

resource "aws_s3_bucket" "signed_reports" {
  bucket = "acme-dx-signed-reports"
  acl    = "private"

  server_side_encryption_configuration {
    rule {
      apply_server_side_encryption_by_default {
        sse_algorithm     = "aws:kms"
        kms_master_key_id = var.reports_kms_key_arn
      }
    }
  }

  logging {
    target_bucket = "acme-central-s3-access-logs"
    target_prefix = "signed-reports/"
  }

  tags = {
    data_classification = "health"
    retention           = "10y"
  }
}

resource "aws_s3_bucket_public_access_block" "signed_reports" {
  bucket                  = aws_s3_bucket.signed_reports.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
