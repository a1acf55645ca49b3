resource "aws_s3_bucket" "crm_exports_archive" {
  bucket = "acme-crm-archive"
  tags = {
    data_classification = "personal"
  }
}

resource "aws_s3_bucket_logging" "crm_exports_archive" {
  bucket        = aws_s3_bucket.crm_exports_archive.id
  target_bucket = var.log_bucket
  target_prefix = "crm-archive/"
}

variable "log_bucket" { type = string }

resource "aws_s3_bucket_server_side_encryption_configuration" "crm_exports_archive" {
  bucket = aws_s3_bucket.crm_exports_archive.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.crm_exports_archive.arn
    }
  }
}

resource "aws_kms_key" "crm_exports_archive" {
  description         = "crm_exports_archive bucket key"
  enable_key_rotation = true
}

resource "aws_s3_bucket_public_access_block" "crm_exports_archive" {
  bucket                  = aws_s3_bucket.crm_exports_archive.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
