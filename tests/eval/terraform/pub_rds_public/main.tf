
resource "aws_db_instance" "results" {
  identifier          = "results"
  engine              = "postgres"
  instance_class      = "db.t3.medium"
  username            = "results"
  publicly_accessible = true
  storage_encrypted               = true
  manage_master_user_password     = true
  enabled_cloudwatch_logs_exports = ["postgresql"]
}
