resource "aws_vpc_security_group_ingress_rule" "app_range" {
  security_group_id = var.sg_id
  cidr_ipv4         = "0.0.0.0/0"
  from_port         = 3000
  to_port           = 3500
  ip_protocol       = "tcp"
}

variable "sg_id" { type = string }
