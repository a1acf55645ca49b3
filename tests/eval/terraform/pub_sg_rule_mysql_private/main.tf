
resource "aws_security_group_rule" "mysql" {
  type              = "ingress"
  from_port         = 3306
  to_port           = 3306
  protocol          = "tcp"
  cidr_blocks       = ["10.20.0.0/16"]
  security_group_id = "sg-0a1b2c3d"
}
