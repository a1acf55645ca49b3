# SFTP server for insurer claim files with neither a logging role nor structured logs.

resource "aws_transfer_server" "claims" {
  identity_provider_type = "SERVICE_MANAGED"
  protocols              = ["SFTP"]
  security_policy_name   = "TransferSecurityPolicy-2024-01"
  tags                   = { Name = "claims-sftp" }
}
