
resource "aws_transfer_server" "sftp" {
  protocols              = ["SFTP"]
  identity_provider_type = "SERVICE_MANAGED"
  logging_role           = "arn:aws:iam::111122223333:role/transfer-logs"
}
