# Two partner clinics were given the same SSH key pair for the SFTP drop zone.

resource "aws_transfer_server" "partners" {
  identity_provider_type = "SERVICE_MANAGED"
  protocols              = ["SFTP"]
  logging_role           = "arn:aws:iam::111122223333:role/transfer-logging"
}

resource "aws_transfer_user" "north" {
  server_id      = aws_transfer_server.partners.id
  user_name      = "clinic-north"
  role           = "arn:aws:iam::111122223333:role/transfer-clinic-access"
  home_directory = "/${aws_s3_bucket.inbox.id}/clinic-north"
}

resource "aws_transfer_user" "south" {
  server_id      = aws_transfer_server.partners.id
  user_name      = "clinic-south"
  role           = "arn:aws:iam::111122223333:role/transfer-clinic-access"
  home_directory = "/${aws_s3_bucket.inbox.id}/clinic-south"
}

resource "aws_transfer_ssh_key" "north" {
  server_id = aws_transfer_server.partners.id
  user_name = aws_transfer_user.north.user_name
  body      = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHx7Qm2vPq9EXAMPLEkeyForClinicsShared0001 clinics"
}

resource "aws_transfer_ssh_key" "south" {
  server_id = aws_transfer_server.partners.id
  user_name = aws_transfer_user.south.user_name
  body      = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHx7Qm2vPq9EXAMPLEkeyForClinicsShared0001 clinics"
}

resource "aws_s3_bucket" "inbox" {
  bucket = "acme-partner-sftp-inbox"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "inbox" {
  bucket = aws_s3_bucket.inbox.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

resource "aws_s3_bucket_public_access_block" "inbox" {
  bucket                  = aws_s3_bucket.inbox.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_lifecycle_configuration" "inbox" {
  bucket = aws_s3_bucket.inbox.id
  rule {
    id     = "pick-up-within-two-weeks"
    status = "Enabled"
    filter {}
    expiration {
      days = 14
    }
  }
}
