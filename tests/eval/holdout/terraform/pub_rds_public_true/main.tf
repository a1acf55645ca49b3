resource "aws_kms_key" "db" {
  enable_key_rotation = true
}

resource "aws_db_instance" "reporting" {
  identifier                          = "reporting"
  engine                              = "mysql"
  instance_class                      = "db.t3.small"
  allocated_storage                   = 20
  username                            = "report"
  manage_master_user_password         = true
  iam_database_authentication_enabled = true
  storage_encrypted                   = true
  kms_key_id                          = aws_kms_key.db.arn
  enabled_cloudwatch_logs_exports     = ["audit", "error", "general", "slowquery"]
  publicly_accessible                 = true
}
