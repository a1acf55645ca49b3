# A VPC endpoint with Elastic IPs (so Internet-facing) still offering FTP, and a public
# SFTP server whose Lambda identity provider was never wired up.

resource "aws_eip" "ftp" {
  domain = "vpc"
}

resource "aws_transfer_server" "legacy_ftp" {
  endpoint_type          = "VPC"
  protocols              = ["SFTP", "FTP"]
  identity_provider_type = "API_GATEWAY"
  url                    = "https://abc123.execute-api.eu-west-3.amazonaws.com/prod"
  invocation_role        = "arn:aws:iam::111122223333:role/transfer-idp-invoke"
  logging_role           = "arn:aws:iam::111122223333:role/transfer-logging"

  endpoint_details {
    address_allocation_ids = [aws_eip.ftp.id]
    subnet_ids             = ["subnet-0f1e2d3c"]
    vpc_id                 = "vpc-0a1b2c3d4e5f60718"
  }
}

resource "aws_transfer_server" "partners" {
  protocols              = ["SFTP"]
  identity_provider_type = "AWS_LAMBDA"
  logging_role           = "arn:aws:iam::111122223333:role/transfer-logging"
}
