# The lab-results platform of ../../lab-migration/infra, fixed: gdpr-guard reports nothing here.

terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

# Credentials come from the environment / an OIDC role, never from the configuration.
provider "aws" {
  region = "eu-west-3"
}

resource "aws_kms_key" "lab" {
  description         = "Lab results data (health data, Art. 9)"
  enable_key_rotation = true
}

resource "aws_s3_account_public_access_block" "account" {
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

# --- Access logs ------------------------------------------------------------------------------------
resource "aws_s3_bucket" "access_logs" {
  bucket = "org-s3-access-logs"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "access_logs" {
  bucket = aws_s3_bucket.access_logs.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

resource "aws_s3_bucket_public_access_block" "access_logs" {
  bucket                  = aws_s3_bucket.access_logs.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

# --- Export bucket: private, KMS-encrypted, logged, emptied after 7 days ----------------------------
resource "aws_s3_bucket" "exports" {
  bucket = "lab-migration-exports"
  tags = {
    data_classification = "health"
  }
}

resource "aws_s3_bucket_ownership_controls" "exports" {
  bucket = aws_s3_bucket.exports.id
  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_public_access_block" "exports" {
  bucket                  = aws_s3_bucket.exports.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_server_side_encryption_configuration" "exports" {
  bucket = aws_s3_bucket.exports.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.lab.arn
    }
    bucket_key_enabled = true
  }
}

resource "aws_s3_bucket_logging" "exports" {
  bucket        = aws_s3_bucket.exports.id
  target_bucket = aws_s3_bucket.access_logs.id
  target_prefix = "lab-migration-exports/"
}

resource "aws_s3_bucket_lifecycle_configuration" "exports" {
  bucket = aws_s3_bucket.exports.id
  rule {
    id     = "delete-exports-after-migration"
    status = "Enabled"
    filter {}
    expiration {
      days = 7
    }
    noncurrent_version_expiration {
      noncurrent_days = 1
    }
  }
}

# --- Results database: private, encrypted, logged, no shared static password ------------------------
resource "aws_db_instance" "results" {
  identifier                          = "lab-results"
  engine                              = "postgres"
  engine_version                      = "16.3"
  instance_class                      = "db.t3.medium"
  allocated_storage                   = 100
  username                            = "lims"
  manage_master_user_password         = true
  iam_database_authentication_enabled = true
  storage_encrypted                   = true
  kms_key_id                          = aws_kms_key.lab.arn
  publicly_accessible                 = false
  enabled_cloudwatch_logs_exports     = ["postgresql", "upgrade"]
  tags = {
    data_classification = "health"
  }
}

# --- File exchange: SFTP only, with logging --------------------------------------------------------
resource "aws_iam_role" "transfer_logging" {
  name = "lab-transfer-logging"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "transfer.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_transfer_server" "exchange" {
  protocols              = ["SFTP"]
  identity_provider_type = "SERVICE_MANAGED"
  security_policy_name   = "TransferSecurityPolicy-2024-01"
  logging_role           = aws_iam_role.transfer_logging.arn
}

resource "aws_security_group" "exchange" {
  name   = "lab-exchange"
  vpc_id = "vpc-0a1b2c3d"
  ingress {
    description = "SFTP from the client laboratories only"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["198.51.100.0/24"]
  }
}

# Named people sign in through IAM Identity Center: no shared IAM user.
