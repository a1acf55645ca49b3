# One password variable (no default, so not a literal) is the master password of two
# databases: whoever holds it is the owner of both.

variable "db_password" {
  type      = string
  sensitive = true
}

locals {
  common = {
    engine                              = "postgres"
    instance_class                      = "db.t3.medium"
    iam_database_authentication_enabled = true
  }
}

resource "aws_db_instance" "orders" {
  identifier                          = "orders-pg"
  engine                              = local.common.engine
  instance_class                      = local.common.instance_class
  allocated_storage                   = 50
  username                            = "orders_owner"
  password                            = var.db_password
  iam_database_authentication_enabled = local.common.iam_database_authentication_enabled
  storage_encrypted                   = true
  enabled_cloudwatch_logs_exports     = ["postgresql"]
}

resource "aws_db_instance" "billing" {
  identifier                          = "billing-pg"
  engine                              = local.common.engine
  instance_class                      = local.common.instance_class
  allocated_storage                   = 50
  username                            = "billing_owner"
  password                            = var.db_password
  iam_database_authentication_enabled = local.common.iam_database_authentication_enabled
  storage_encrypted                   = true
  enabled_cloudwatch_logs_exports     = ["postgresql"]
}
