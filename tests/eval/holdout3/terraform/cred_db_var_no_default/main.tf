# The master password is a sensitive variable without default, supplied by the pipeline
# from the vault at apply time; people log in through IAM database authentication.

variable "reporting_db_password" {
  description = "Injected by the CI job from Vault (TF_VAR_reporting_db_password)"
  type        = string
  sensitive   = true
}

resource "aws_db_instance" "reporting" {
  identifier                          = "reporting-mysql"
  engine                              = "mysql"
  instance_class                      = "db.t3.medium"
  allocated_storage                   = 100
  username                            = "reporting_owner"
  password                            = var.reporting_db_password
  iam_database_authentication_enabled = true
  storage_encrypted                   = true
  enabled_cloudwatch_logs_exports     = ["audit", "error"]
}
