# LIMS to Aurora migration with DMS: the source endpoint requires SSL, the target does not
# set ssl_mode, and the replication instance does not say publicly_accessible = false.

variable "dms_secrets_role_arn" {
  type = string
}

resource "aws_dms_replication_instance" "lims" {
  replication_instance_id    = "lims-migration"
  replication_instance_class = "dms.c5.large"
  allocated_storage          = 100
  kms_key_arn                = "arn:aws:kms:eu-west-3:111122223333:key/1a2b3c4d-0000-4e5f-8a9b-0c1d2e3f4a5b"
}

resource "aws_dms_endpoint" "source" {
  endpoint_id                     = "lims-source"
  endpoint_type                   = "source"
  engine_name                     = "postgres"
  database_name                   = "lims"
  ssl_mode                        = "require"
  secrets_manager_arn             = "arn:aws:secretsmanager:eu-west-3:111122223333:secret:dms/lims-source-AbCdEf"
  secrets_manager_access_role_arn = var.dms_secrets_role_arn
}

resource "aws_dms_endpoint" "target" {
  endpoint_id                     = "results-target"
  endpoint_type                   = "target"
  engine_name                     = "aurora-postgresql"
  database_name                   = "results"
  secrets_manager_arn             = "arn:aws:secretsmanager:eu-west-3:111122223333:secret:dms/results-target-GhIjKl"
  secrets_manager_access_role_arn = var.dms_secrets_role_arn
}
