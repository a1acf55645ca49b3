
resource "aws_dms_endpoint" "source" {
  endpoint_id                     = "legacy-mysql"
  endpoint_type                   = "source"
  engine_name                     = "mysql"
  server_name                     = "10.0.3.15"
  port                            = 3306
  secrets_manager_arn             = "arn:aws:secretsmanager:eu-west-3:111122223333:secret:legacy"
  secrets_manager_access_role_arn = "arn:aws:iam::111122223333:role/dms-secrets"
}
