
resource "aws_rds_cluster" "lims" {
  cluster_identifier              = "lims"
  engine                          = "aurora-postgresql"
  master_username                 = "lims"
  manage_master_user_password     = true
  storage_encrypted               = false
  enabled_cloudwatch_logs_exports = ["postgresql"]
}
