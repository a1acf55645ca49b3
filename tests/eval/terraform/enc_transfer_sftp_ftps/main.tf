
resource "aws_transfer_server" "exchange" {
  endpoint_type          = "VPC"
  protocols              = ["SFTP", "FTPS"]
  certificate            = "arn:aws:acm:eu-west-3:111122223333:certificate/abcd"
  identity_provider_type = "API_GATEWAY"
  url                    = "https://abc.execute-api.eu-west-3.amazonaws.com/prod"
  invocation_role        = "arn:aws:iam::111122223333:role/idp"
  logging_role           = "arn:aws:iam::111122223333:role/transfer-logs"
  endpoint_details {
    vpc_id     = "vpc-0a1b2c3d"
    subnet_ids = ["subnet-0a1b2c3d"]
  }
}
