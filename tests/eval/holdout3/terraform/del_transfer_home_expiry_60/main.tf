# Logical home directories mapped into the inbound bucket, which expires files after 60
# days (any expiry satisfies the home-bucket rule; the name is not a migration name).

resource "aws_transfer_server" "inbound" {
  protocols    = ["SFTP"]
  logging_role = "arn:aws:iam::111122223333:role/transfer-logging"
}

resource "aws_transfer_user" "partner_west" {
  server_id           = aws_transfer_server.inbound.id
  user_name           = "partner-west"
  role                = "arn:aws:iam::111122223333:role/transfer-inbound-access"
  home_directory_type = "LOGICAL"
  home_directory_mappings {
    entry  = "/"
    target = "/${aws_s3_bucket.inbound.id}/partner-west"
  }
}

resource "aws_s3_bucket" "inbound" {
  bucket = "acme-partner-inbound"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "inbound" {
  bucket = aws_s3_bucket.inbound.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

resource "aws_s3_bucket_public_access_block" "inbound" {
  bucket                  = aws_s3_bucket.inbound.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_lifecycle_configuration" "inbound" {
  bucket = aws_s3_bucket.inbound.id
  rule {
    id     = "expire"
    status = "Enabled"
    filter {}
    expiration {
      days = 60
    }
  }
}
