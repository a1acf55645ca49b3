resource "aws_transfer_server" "internal" {
  endpoint_type = "VPC"
  protocols     = ["SFTP"]
  endpoint_details {
    vpc_id     = var.vpc_id
    subnet_ids = var.subnet_ids
  }
}

variable "vpc_id" { type = string }
variable "subnet_ids" { type = list(string) }
