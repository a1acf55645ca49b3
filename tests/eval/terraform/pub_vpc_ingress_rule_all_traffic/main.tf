
resource "aws_vpc_security_group_ingress_rule" "any" {
  security_group_id = "sg-0a1b2c3d"
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "-1"
}
