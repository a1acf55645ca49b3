# Aurora PostgreSQL cluster: encrypted, managed secret, IAM auth, but logs stay on the
# instances (no enabled_cloudwatch_logs_exports).

resource "aws_rds_cluster" "results" {
  cluster_identifier                  = "results-aurora"
  engine                              = "aurora-postgresql"
  engine_version                      = "15.4"
  master_username                     = "results_owner"
  manage_master_user_password         = true
  iam_database_authentication_enabled = true
  storage_encrypted                   = true
  backup_retention_period             = 14
  db_subnet_group_name                = "results-private"
}
