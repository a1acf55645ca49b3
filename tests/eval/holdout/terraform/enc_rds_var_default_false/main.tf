variable "encrypt_storage" {
  type    = bool
  default = false
}

resource "aws_db_instance" "orders" {
  identifier                          = "orders-db"
  engine                              = "postgres"
  engine_version                      = "15.4"
  instance_class                      = "db.t3.medium"
  allocated_storage                   = 50
  username                            = "orders_admin"
  manage_master_user_password         = true
  iam_database_authentication_enabled = true
  storage_encrypted                   = var.encrypt_storage
  publicly_accessible                 = false
  enabled_cloudwatch_logs_exports     = ["postgresql"]
  skip_final_snapshot                 = true
}
