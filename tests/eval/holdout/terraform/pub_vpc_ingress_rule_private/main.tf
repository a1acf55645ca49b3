resource "aws_vpc_security_group_ingress_rule" "pg_from_vpc" {
  security_group_id = var.sg_id
  cidr_ipv4         = "10.20.0.0/16"
  from_port         = 5432
  to_port           = 5432
  ip_protocol       = "tcp"
}

variable "sg_id" { type = string }
