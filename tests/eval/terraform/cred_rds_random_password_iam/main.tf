
resource "random_password" "crm" {
  length  = 32
  special = false
}

resource "aws_db_instance" "crm" {
  identifier                          = "crm"
  engine                              = "postgres"
  instance_class                      = "db.t3.medium"
  storage_encrypted                   = true
  enabled_cloudwatch_logs_exports     = ["postgresql"]
  iam_database_authentication_enabled = true
  username                            = "crm"
  password                            = random_password.crm.result
}
