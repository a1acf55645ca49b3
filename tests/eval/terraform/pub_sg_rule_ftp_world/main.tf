
resource "aws_security_group_rule" "ftp" {
  type              = "ingress"
  from_port         = 20
  to_port           = 21
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
  security_group_id = "sg-0a1b2c3d"
}
