# HR data warehouse: encrypted, private, but no SSL requirement and no audit logging.

variable "master_password" {
  type      = string
  sensitive = true
}

resource "aws_redshift_parameter_group" "hr" {
  name   = "hr-dwh"
  family = "redshift-1.0"

  parameter {
    name  = "enable_user_activity_logging"
    value = "true"
  }
}

resource "aws_redshift_cluster" "hr_dwh" {
  cluster_identifier           = "hr-dwh"
  node_type                    = "ra3.xlplus"
  number_of_nodes              = 2
  master_username              = "dwh_admin"
  master_password              = var.master_password
  encrypted                    = true
  kms_key_id                   = "arn:aws:kms:eu-west-3:111122223333:key/hr"
  cluster_parameter_group_name = aws_redshift_parameter_group.hr.name
  publicly_accessible          = false
}
