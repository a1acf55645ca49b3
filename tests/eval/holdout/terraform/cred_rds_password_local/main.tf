locals {
  db_password = "Sh0pAdm1n!2024"
}

resource "aws_db_instance" "shop" {
  identifier                      = "shop"
  engine                          = "mysql"
  instance_class                  = "db.t3.small"
  allocated_storage               = 20
  username                        = "shop"
  password                        = local.db_password
  storage_encrypted               = true
  enabled_cloudwatch_logs_exports = ["error", "audit"]
}
