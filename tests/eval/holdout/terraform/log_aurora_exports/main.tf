resource "aws_rds_cluster" "core" {
  cluster_identifier                  = "core"
  engine                              = "aurora-mysql"
  master_username                     = "core"
  manage_master_user_password         = true
  iam_database_authentication_enabled = true
  storage_encrypted                   = true
  enabled_cloudwatch_logs_exports     = ["audit", "error", "slowquery"]
}
