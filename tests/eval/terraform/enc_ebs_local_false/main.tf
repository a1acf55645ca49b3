
locals {
  encrypt = false
}

resource "aws_ebs_volume" "scratch" {
  availability_zone = "eu-west-3a"
  size              = 20
  encrypted         = local.encrypt
}
