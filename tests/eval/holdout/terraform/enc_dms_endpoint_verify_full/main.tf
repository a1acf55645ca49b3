resource "aws_dms_endpoint" "target" {
  endpoint_id                     = "aurora-target"
  endpoint_type                   = "target"
  engine_name                     = "aurora-postgresql"
  ssl_mode                        = "verify-full"
  certificate_arn                 = var.ca_arn
  secrets_manager_arn             = var.secret_arn
  secrets_manager_access_role_arn = var.secret_role_arn
}

variable "ca_arn" { type = string }
variable "secret_arn" { type = string }
variable "secret_role_arn" { type = string }
