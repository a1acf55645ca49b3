
resource "aws_transfer_server" "partners" {
  endpoint_type          = "PUBLIC"
  identity_provider_type = "AWS_LAMBDA"
  logging_role           = "arn:aws:iam::111122223333:role/transfer-logs"
}
