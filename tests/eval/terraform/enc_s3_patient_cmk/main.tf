
resource "aws_s3_bucket" "patient_reports" {
  bucket = "lab-patient-reports"
  tags = {
    data_classification = "health"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "patient_reports" {
  bucket = aws_s3_bucket.patient_reports.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = "arn:aws:kms:eu-west-3:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
    }
    bucket_key_enabled = true
  }
}

resource "aws_s3_bucket_public_access_block" "patient_reports" {
  bucket                  = aws_s3_bucket.patient_reports.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_logging" "patient_reports" {
  bucket        = aws_s3_bucket.patient_reports.id
  target_bucket = "org-s3-access-logs"
  target_prefix = "lab-patient-reports/"
}
