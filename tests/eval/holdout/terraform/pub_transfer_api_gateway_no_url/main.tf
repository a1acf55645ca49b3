resource "aws_transfer_server" "sftp" {
  protocols              = ["SFTP"]
  identity_provider_type = "API_GATEWAY"
  logging_role           = var.logging_role
}

variable "logging_role" { type = string }
