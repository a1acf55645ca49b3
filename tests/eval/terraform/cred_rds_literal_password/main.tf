
resource "aws_db_instance" "crm" {
  identifier                      = "crm"
  engine                          = "postgres"
  instance_class                  = "db.t3.medium"
  storage_encrypted               = true
  enabled_cloudwatch_logs_exports = ["postgresql"]
  username                        = "crm"
  password                        = "CrmAdmin2023!"
}
