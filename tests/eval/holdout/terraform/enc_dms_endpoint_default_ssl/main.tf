resource "aws_dms_endpoint" "source" {
  endpoint_id                     = "legacy-mysql"
  endpoint_type                   = "source"
  engine_name                     = "mysql"
  secrets_manager_arn             = var.secret_arn
  secrets_manager_access_role_arn = var.secret_role_arn
}

variable "secret_arn" { type = string }
variable "secret_role_arn" { type = string }
