resource "aws_transfer_server" "partners" {
  endpoint_type          = "VPC"
  protocols              = ["SFTP", "FTP"]
  identity_provider_type = "API_GATEWAY"
  url                    = var.idp_url
  invocation_role        = var.idp_role_arn
  logging_role           = var.logging_role_arn
  endpoint_details {
    vpc_id             = var.vpc_id
    subnet_ids         = var.subnet_ids
    security_group_ids = [var.sg_id]
  }
}

variable "idp_url" { type = string }
variable "idp_role_arn" { type = string }
variable "logging_role_arn" { type = string }
variable "vpc_id" { type = string }
variable "subnet_ids" { type = list(string) }
variable "sg_id" { type = string }
