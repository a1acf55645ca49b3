# Lab-results platform during the migration of a client laboratory away from its old LIMS.
# This configuration reproduces the mistakes of the Dedalus case (CNIL SAN-2022-009) on purpose:
# gdpr-guard must report them. See ../../lab-migration-fixed/infra for the corrected version.

terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

variable "db_password" {
  description = "Master password of the results database"
  type        = string
  default     = "Labo2021!"
}

provider "aws" {
  region     = "eu-west-3"
  access_key = "AKIAIOSFODNN7EXAMPLE"
  secret_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
}

# --- Export bucket: the old LIMS dumps land here ------------------------------------------------
resource "aws_s3_bucket" "exports" {
  bucket = "lab-migration-exports"
  tags = {
    data_classification = "health"
  }
}

resource "aws_s3_bucket_acl" "exports" {
  bucket = aws_s3_bucket.exports.id
  acl    = "public-read"
}

# --- Results database -----------------------------------------------------------------------------
resource "aws_db_instance" "results" {
  identifier          = "lab-results"
  engine              = "postgres"
  engine_version      = "16.3"
  instance_class      = "db.t3.medium"
  allocated_storage   = 100
  username            = "lims"
  password            = var.db_password
  publicly_accessible = true
  tags = {
    data_classification = "health"
  }
}

# --- File exchange with the laboratories -----------------------------------------------------------
resource "aws_transfer_server" "exchange" {
  endpoint_type          = "VPC"
  protocols              = ["FTP"]
  identity_provider_type = "AWS_DIRECTORY_SERVICE"
  directory_id           = "d-9067012345"
  endpoint_details {
    vpc_id                 = "vpc-0a1b2c3d"
    subnet_ids             = ["subnet-0a1b2c3d"]
    address_allocation_ids = ["eipalloc-0a1b2c3d"]
  }
}

resource "aws_security_group" "exchange" {
  name   = "lab-exchange"
  vpc_id = "vpc-0a1b2c3d"
  ingress {
    description = "FTP from the laboratories"
    from_port   = 20
    to_port     = 21
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

# --- One account for the whole migration team -----------------------------------------------------
resource "aws_iam_user" "migration_team" {
  name = "migration-team"
}

resource "aws_iam_user_login_profile" "migration_team" {
  user = aws_iam_user.migration_team.name
}
