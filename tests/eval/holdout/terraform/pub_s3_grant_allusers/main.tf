data "aws_canonical_user_id" "current" {}

resource "aws_s3_bucket" "downloads" {
  bucket = "acme-downloads"
}

resource "aws_s3_bucket_acl" "downloads" {
  bucket = aws_s3_bucket.downloads.id
  access_control_policy {
    grant {
      grantee {
        type = "Group"
        uri  = "http://acs.amazonaws.com/groups/global/AllUsers"
      }
      permission = "READ"
    }
    owner {
      id = data.aws_canonical_user_id.current.id
    }
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "downloads" {
  bucket = aws_s3_bucket.downloads.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.downloads.arn
    }
  }
}

resource "aws_kms_key" "downloads" {
  description         = "downloads bucket key"
  enable_key_rotation = true
}
