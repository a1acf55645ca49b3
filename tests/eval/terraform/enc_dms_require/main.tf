
resource "aws_dms_endpoint" "target" {
  endpoint_id                     = "aurora-target"
  endpoint_type                   = "target"
  engine_name                     = "aurora-postgresql"
  ssl_mode                        = "require"
  secrets_manager_arn             = "arn:aws:secretsmanager:eu-west-3:111122223333:secret:aurora"
  secrets_manager_access_role_arn = "arn:aws:iam::111122223333:role/dms-secrets"
}
