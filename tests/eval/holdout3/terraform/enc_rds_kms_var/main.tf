# Encrypted with a CMK passed in as a variable, IAM auth plus a managed master secret,
# logs exported, private subnets only. Common settings come from locals.

variable "rds_kms_key_arn" {
  type = string
}

variable "private_subnet_ids" {
  type = list(string)
}

locals {
  engine_version = "15.5"
  log_exports    = ["postgresql", "upgrade"]
  tags           = { data_classification = "health", service = "results-api" }
}

resource "aws_db_subnet_group" "results" {
  name       = "results-private"
  subnet_ids = var.private_subnet_ids
}

resource "aws_db_instance" "results" {
  identifier                          = "results-pg"
  engine                              = "postgres"
  engine_version                      = local.engine_version
  instance_class                      = "db.r6g.large"
  allocated_storage                   = 200
  username                            = "results_owner"
  manage_master_user_password         = true
  iam_database_authentication_enabled = true
  storage_encrypted                   = true
  kms_key_id                          = var.rds_kms_key_arn
  publicly_accessible                 = false
  db_subnet_group_name                = aws_db_subnet_group.results.name
  enabled_cloudwatch_logs_exports     = local.log_exports
  backup_retention_period             = 14
  deletion_protection                 = true
  tags                                = local.tags
}
