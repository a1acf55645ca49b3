
locals {
  db_password = "AppAurora#2024"
}

resource "aws_rds_cluster" "app" {
  cluster_identifier              = "app"
  engine                          = "aurora-postgresql"
  master_username                 = "app"
  master_password                 = local.db_password
  storage_encrypted               = true
  enabled_cloudwatch_logs_exports = ["postgresql"]
}
