# Registry modules: the scan cannot read their code offline, only what the calls pass.

module "orders_db" {
  source  = "cloudposse/rds/aws"
  version = "1.1.0"

  engine              = "mysql"
  storage_encrypted   = false
  publicly_accessible = true
}

module "assets" {
  source  = "cloudposse/s3-bucket/aws"
  version = "4.2.0"

  acl                     = "public-read"
  block_public_acls       = false
  versioning_enabled      = true
}

module "search" {
  source  = "cloudposse/elasticsearch/aws"
  version = "0.47.0"

  encrypt_at_rest_enabled  = true
  node_to_node_encryption_enabled = true
  domain_endpoint_options_enforce_https = true
  log_publishing_audit_enabled = false
}

module "reporting_db" {
  source  = "cloudposse/rds/aws"
  version = "1.1.0"

  engine              = "postgres"
  storage_encrypted   = true
  publicly_accessible = false
  enabled             = var.reporting_enabled
}

variable "reporting_enabled" {
  type    = bool
  default = true
}
