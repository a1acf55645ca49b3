resource "aws_transfer_server" "partners" {
  endpoint_type          = "VPC"
  protocols              = ["FTPS"]
  certificate            = var.certificate_arn
  identity_provider_type = "AWS_LAMBDA"
  function               = var.idp_lambda_arn
  logging_role           = var.logging_role_arn
  endpoint_details {
    vpc_id     = var.vpc_id
    subnet_ids = var.subnet_ids
  }
}

variable "certificate_arn" { type = string }
variable "idp_lambda_arn" { type = string }
variable "logging_role_arn" { type = string }
variable "vpc_id" { type = string }
variable "subnet_ids" { type = list(string) }
