resource "aws_cloudwatch_log_group" "transfer" {
  name_prefix       = "transfer_"
  retention_in_days = 365
}

resource "aws_transfer_server" "internal" {
  endpoint_type = "VPC"
  protocols     = ["SFTP"]
  endpoint_details {
    vpc_id     = var.vpc_id
    subnet_ids = var.subnet_ids
  }
  structured_log_destinations = ["${aws_cloudwatch_log_group.transfer.arn}:*"]
}

variable "vpc_id" { type = string }
variable "subnet_ids" { type = list(string) }
