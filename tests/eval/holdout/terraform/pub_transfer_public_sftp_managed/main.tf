resource "aws_transfer_server" "sftp" {
  endpoint_type          = "PUBLIC"
  protocols              = ["SFTP"]
  identity_provider_type = "SERVICE_MANAGED"
  security_policy_name   = "TransferSecurityPolicy-2023-05"
  logging_role           = var.logging_role
}

variable "logging_role" { type = string }
