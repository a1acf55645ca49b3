resource "aws_db_instance" "ledger" {
  identifier                          = "ledger"
  engine                              = "postgres"
  instance_class                      = "db.t3.micro"
  allocated_storage                   = 20
  username                            = "ledger"
  manage_master_user_password         = true
  iam_database_authentication_enabled = true
  storage_encrypted                   = true
  enabled_cloudwatch_logs_exports     = []
}
