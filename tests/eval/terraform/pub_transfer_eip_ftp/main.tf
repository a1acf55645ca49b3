
resource "aws_transfer_server" "legacy" {
  endpoint_type          = "VPC"
  protocols              = ["FTP"]
  identity_provider_type = "AWS_DIRECTORY_SERVICE"
  directory_id           = "d-9067012345"
  logging_role           = "arn:aws:iam::111122223333:role/transfer-logs"
  endpoint_details {
    vpc_id                 = "vpc-0a1b2c3d"
    subnet_ids             = ["subnet-0a1b2c3d"]
    address_allocation_ids = ["eipalloc-0a1b2c3d"]
  }
}
