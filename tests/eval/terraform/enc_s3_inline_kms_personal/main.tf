
resource "aws_s3_bucket" "hds_archive" {
  bucket = "hds-archive"
  server_side_encryption_configuration {
    rule {
      apply_server_side_encryption_by_default {
        sse_algorithm     = "aws:kms"
        kms_master_key_id = "arn:aws:kms:eu-west-3:111122223333:key/abcd"
      }
    }
  }
  logging {
    target_bucket = "org-s3-access-logs"
    target_prefix = "hds-archive/"
  }
}

resource "aws_s3_bucket_public_access_block" "hds_archive" {
  bucket                  = aws_s3_bucket.hds_archive.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
