resource "aws_vpc_security_group_ingress_rule" "everything" {
  security_group_id = var.sg_id
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "-1"
}

variable "sg_id" { type = string }
