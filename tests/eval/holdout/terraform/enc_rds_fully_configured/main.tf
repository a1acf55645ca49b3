resource "aws_kms_key" "db" {
  description         = "orders rds"
  enable_key_rotation = true
}

resource "aws_db_instance" "orders" {
  identifier        = "orders-db"
  engine            = "postgres"
  instance_class    = "db.t3.medium"
  allocated_storage = 50
  username          = "orders_admin"

  storage_encrypted                   = true
  kms_key_id                          = aws_kms_key.db.arn
  manage_master_user_password         = true
  iam_database_authentication_enabled = true
  publicly_accessible                 = false
  enabled_cloudwatch_logs_exports     = ["postgresql", "upgrade"]
}
