
variable "encrypt_storage" {
  type    = bool
  default = false
}

resource "aws_db_instance" "reports" {
  identifier                      = "reports"
  engine                          = "postgres"
  instance_class                  = "db.t3.medium"
  username                        = "reports"
  manage_master_user_password     = true
  storage_encrypted               = var.encrypt_storage
  enabled_cloudwatch_logs_exports = ["postgresql"]
}
