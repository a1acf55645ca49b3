
variable "aws_secret_key" {
  type    = string
  default = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
}

variable "aws_access_key" {
  type    = string
  default = "AKIAIOSFODNN7EXAMPLE"
}

provider "aws" {
  region     = "eu-west-3"
  access_key = var.aws_access_key
  secret_key = var.aws_secret_key
}
