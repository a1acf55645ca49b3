resource "aws_eip" "sftp" {
  count  = 2
  domain = "vpc"
}

resource "aws_transfer_server" "dropbox" {
  endpoint_type          = "VPC"
  protocols              = ["FTP"]
  identity_provider_type = "API_GATEWAY"
  url                    = var.idp_url
  invocation_role        = var.idp_role
  logging_role           = var.logging_role
  endpoint_details {
    vpc_id                 = var.vpc_id
    subnet_ids             = var.subnet_ids
    address_allocation_ids = aws_eip.sftp[*].id
  }
}

variable "idp_url" { type = string }
variable "idp_role" { type = string }
variable "logging_role" { type = string }
variable "vpc_id" { type = string }
variable "subnet_ids" { type = list(string) }
