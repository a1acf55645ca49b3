resource "aws_security_group_rule" "pg_v6" {
  type              = "ingress"
  from_port         = 5432
  to_port           = 5432
  protocol          = "tcp"
  ipv6_cidr_blocks  = ["::/0"]
  security_group_id = var.db_sg_id
}

variable "db_sg_id" { type = string }
