
resource "aws_s3_bucket" "crm_exports" {
  bucket = "crm-contacts"
  logging {
    target_bucket = "org-s3-access-logs"
    target_prefix = "crm/"
  }
  tags = {
    pii = "true"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "crm_exports" {
  bucket = aws_s3_bucket.crm_exports.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = "arn:aws:kms:eu-west-3:111122223333:key/abcd"
    }
  }
}

resource "aws_s3_bucket_public_access_block" "crm_exports" {
  bucket                  = aws_s3_bucket.crm_exports.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
