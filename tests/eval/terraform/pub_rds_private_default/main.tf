
resource "aws_db_instance" "results" {
  identifier           = "results"
  engine               = "postgres"
  instance_class       = "db.t3.medium"
  username             = "results"
  db_subnet_group_name = "private"
  storage_encrypted               = true
  manage_master_user_password     = true
  enabled_cloudwatch_logs_exports = ["postgresql"]
}
