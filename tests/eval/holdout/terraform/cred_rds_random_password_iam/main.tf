resource "random_password" "db" {
  length  = 32
  special = true
}

resource "aws_db_instance" "shop" {
  identifier                          = "shop"
  engine                              = "mysql"
  instance_class                      = "db.t3.small"
  allocated_storage                   = 20
  username                            = "shop"
  password                            = random_password.db.result
  iam_database_authentication_enabled = true
  storage_encrypted                   = true
  enabled_cloudwatch_logs_exports     = ["error", "audit"]
}
