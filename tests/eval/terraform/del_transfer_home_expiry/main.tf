
resource "aws_s3_bucket" "home" {
  bucket = "partner-sftp-home"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "home" {
  bucket = aws_s3_bucket.home.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = "arn:aws:kms:eu-west-3:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
    }
    bucket_key_enabled = true
  }
}

resource "aws_s3_bucket_public_access_block" "home" {
  bucket                  = aws_s3_bucket.home.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_logging" "home" {
  bucket        = aws_s3_bucket.home.id
  target_bucket = "org-s3-access-logs"
  target_prefix = "partner-sftp-home/"
}

resource "aws_s3_bucket_lifecycle_configuration" "home" {
  bucket = aws_s3_bucket.home.id
  rule {
    id     = "expire"
    status = "Enabled"
    filter {}
    expiration {
      days = 45
    }
  }
}

resource "aws_transfer_server" "sftp" {
  identity_provider_type = "SERVICE_MANAGED"
  logging_role           = "arn:aws:iam::111122223333:role/transfer-logs"
}

resource "aws_transfer_user" "partner" {
  server_id      = aws_transfer_server.sftp.id
  user_name      = "partner"
  role           = "arn:aws:iam::111122223333:role/transfer-user"
  home_directory = "/${aws_s3_bucket.home.id}/partner"
}
