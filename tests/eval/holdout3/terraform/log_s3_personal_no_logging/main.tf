# Personal-data bucket, correctly encrypted with a CMK and private, but nobody logs who
# downloads the referral letters.

resource "aws_kms_key" "referrals" {
  description         = "Referral letters"
  enable_key_rotation = true
}

resource "aws_s3_bucket" "referrals" {
  bucket = "acme-dx-referrals"
  tags   = { data_classification = "health" }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "referrals" {
  bucket = aws_s3_bucket.referrals.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.referrals.arn
    }
  }
}

resource "aws_s3_bucket_public_access_block" "referrals" {
  bucket                  = aws_s3_bucket.referrals.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
