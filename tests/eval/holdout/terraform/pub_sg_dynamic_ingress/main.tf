variable "open_ports" {
  type    = list(number)
  default = [443, 3389]
}

resource "aws_security_group" "legacy" {
  name   = "legacy-windows"
  vpc_id = var.vpc_id
  dynamic "ingress" {
    for_each = var.open_ports
    content {
      from_port   = ingress.value
      to_port     = ingress.value
      protocol    = "tcp"
      cidr_blocks = ["0.0.0.0/0"]
    }
  }
}

variable "vpc_id" { type = string }
