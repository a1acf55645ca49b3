resource "aws_rds_cluster" "billing" {
  cluster_identifier                  = "billing-aurora"
  engine                              = "aurora-postgresql"
  engine_version                      = "15.4"
  master_username                     = "billing"
  manage_master_user_password         = true
  iam_database_authentication_enabled = true
  enabled_cloudwatch_logs_exports     = ["postgresql"]
  backup_retention_period             = 7
}

resource "aws_rds_cluster_instance" "billing" {
  count               = 2
  identifier          = "billing-aurora-${count.index}"
  cluster_identifier  = aws_rds_cluster.billing.id
  instance_class      = "db.r6g.large"
  engine              = aws_rds_cluster.billing.engine
  publicly_accessible = false
}
