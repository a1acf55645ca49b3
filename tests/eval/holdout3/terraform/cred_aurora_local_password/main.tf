# The master password is a literal hidden in a local value.

locals {
  cluster_name    = "inventory"
  master_password = "Inv3ntory-Aurora!88"
}

resource "aws_rds_cluster" "inventory" {
  cluster_identifier                  = "${local.cluster_name}-aurora"
  engine                              = "aurora-postgresql"
  engine_version                      = "15.4"
  master_username                     = "inventory_owner"
  master_password                     = local.master_password
  iam_database_authentication_enabled = true
  storage_encrypted                   = true
  enabled_cloudwatch_logs_exports     = ["postgresql"]
  backup_retention_period             = 7
}
