variable "azs" {
  type    = list(string)
  default = ["eu-west-3a", "eu-west-3b"]
}

resource "aws_ebs_volume" "data" {
  count             = length(var.azs)
  availability_zone = var.azs[count.index]
  size              = 200
  type              = "gp3"
  encrypted         = false
  tags = {
    Name = "worker-data-${count.index}"
  }
}
