# Internal-only Transfer server (VPC endpoint without Elastic IPs) offering SFTP and FTPS
# (not plain FTP), with a fully configured Lambda identity provider and logging.

resource "aws_transfer_server" "internal" {
  endpoint_type          = "VPC"
  protocols              = ["SFTP", "FTPS"]
  certificate            = "arn:aws:acm:eu-west-3:111122223333:certificate/0a1b2c3d-1111-2222-3333-444455556666"
  identity_provider_type = "AWS_LAMBDA"
  function               = "arn:aws:lambda:eu-west-3:111122223333:function:transfer-idp"
  logging_role           = "arn:aws:iam::111122223333:role/transfer-logging"

  endpoint_details {
    subnet_ids         = ["subnet-0a1b2c3d", "subnet-0e5f6a7b"]
    vpc_id             = "vpc-0a1b2c3d4e5f60718"
    security_group_ids = ["sg-0123456789abcdef0"]
  }
}
