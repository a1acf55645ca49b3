variable "aws_access_key" {
  type    = string
  default = "AKIAZ7QX3EXAMPLE4KEY"
}

variable "aws_secret_key" {
  type    = string
  default = "p8Yk2mWq9RtL5vXz0Bn3Hj6Fd1Sa4Ge7Kc2Wu9Zo"
}

provider "aws" {
  region     = "eu-west-3"
  access_key = var.aws_access_key
  secret_key = var.aws_secret_key
}
