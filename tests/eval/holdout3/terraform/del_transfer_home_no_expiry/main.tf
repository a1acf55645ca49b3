# SFTP drop zone for clinics: files are picked up by a job, but nothing ever expires them.

resource "aws_transfer_server" "dropzone" {
  protocols    = ["SFTP"]
  logging_role = "arn:aws:iam::111122223333:role/transfer-logging"
}

resource "aws_transfer_user" "clinic_east" {
  server_id      = aws_transfer_server.dropzone.id
  user_name      = "clinic-east"
  role           = "arn:aws:iam::111122223333:role/transfer-dropbox-access"
  home_directory = "/${aws_s3_bucket.dropbox.id}/clinic-east"
}

resource "aws_transfer_ssh_key" "clinic_east" {
  server_id = aws_transfer_server.dropzone.id
  user_name = aws_transfer_user.clinic_east.user_name
  body      = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIK2pEXAMPLEclinicEastOnlyKey7Rt0Zq3 east"
}

resource "aws_s3_bucket" "dropbox" {
  bucket = "acme-sftp-dropbox"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "dropbox" {
  bucket = aws_s3_bucket.dropbox.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

resource "aws_s3_bucket_public_access_block" "dropbox" {
  bucket                  = aws_s3_bucket.dropbox.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
