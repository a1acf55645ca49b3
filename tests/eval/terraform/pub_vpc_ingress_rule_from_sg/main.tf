
resource "aws_vpc_security_group_ingress_rule" "pg" {
  security_group_id            = "sg-0a1b2c3d"
  referenced_security_group_id = "sg-0f0e0d0c"
  from_port                    = 5432
  to_port                      = 5432
  ip_protocol                  = "tcp"
}
