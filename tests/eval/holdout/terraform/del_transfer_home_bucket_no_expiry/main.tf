resource "aws_s3_bucket" "dropzone" {
  bucket = "acme-partner-dropzone"
}

resource "aws_transfer_user" "partner" {
  server_id           = var.server_id
  user_name           = "partner-acme"
  role                = var.role_arn
  home_directory_type = "LOGICAL"
  home_directory_mappings {
    entry  = "/"
    target = "/${aws_s3_bucket.dropzone.id}/partner-acme"
  }
}

variable "server_id" { type = string }
variable "role_arn" { type = string }

resource "aws_s3_bucket_server_side_encryption_configuration" "dropzone" {
  bucket = aws_s3_bucket.dropzone.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.dropzone.arn
    }
  }
}

resource "aws_kms_key" "dropzone" {
  description         = "dropzone bucket key"
  enable_key_rotation = true
}

resource "aws_s3_bucket_public_access_block" "dropzone" {
  bucket                  = aws_s3_bucket.dropzone.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
