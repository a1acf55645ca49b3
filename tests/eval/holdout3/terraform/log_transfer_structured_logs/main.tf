# No logging_role, but structured logs go to a CloudWatch log group.

resource "aws_cloudwatch_log_group" "transfer" {
  name              = "/aws/transfer/claims"
  retention_in_days = 365
}

resource "aws_transfer_server" "claims" {
  identity_provider_type      = "SERVICE_MANAGED"
  protocols                   = ["SFTP"]
  security_policy_name        = "TransferSecurityPolicy-2024-01"
  structured_log_destinations = ["${aws_cloudwatch_log_group.transfer.arn}:*"]
}
