# One generated password per database (for_each): the expression is shared, the values
# are not.

locals {
  databases = {
    orders  = { class = "db.t3.medium", storage = 50 }
    billing = { class = "db.t3.small", storage = 20 }
  }
}

resource "random_password" "db" {
  for_each = local.databases
  length   = 32
  special  = false
}

resource "aws_db_instance" "this" {
  for_each                            = local.databases
  identifier                          = "${each.key}-pg"
  engine                              = "postgres"
  instance_class                      = each.value.class
  allocated_storage                   = each.value.storage
  username                            = "${each.key}_owner"
  password                            = random_password.db[each.key].result
  iam_database_authentication_enabled = true
  storage_encrypted                   = true
  enabled_cloudwatch_logs_exports     = ["postgresql", "upgrade"]
}
