
variable "legacy_db_password" {
  type      = string
  sensitive = true
}

resource "aws_db_instance" "legacy" {
  identifier                      = "legacy"
  engine                          = "oracle-se2"
  instance_class                  = "db.m5.large"
  license_model                   = "license-included"
  storage_encrypted               = true
  enabled_cloudwatch_logs_exports = ["alert", "audit"]
  username                        = "admin"
  password                        = var.legacy_db_password
}
