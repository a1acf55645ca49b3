# "Temporary" direct access for an external BI tool: public endpoint and PostgreSQL open
# to the world.

variable "vpc_id" {
  type = string
}

resource "aws_security_group" "reporting_db" {
  name   = "reporting-db"
  vpc_id = var.vpc_id

  ingress {
    description = "BI tool"
    from_port   = 5432
    to_port     = 5432
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_db_instance" "reporting" {
  identifier                          = "reporting-pg"
  engine                              = "postgres"
  instance_class                      = "db.t3.medium"
  allocated_storage                   = 100
  username                            = "reporting_owner"
  manage_master_user_password         = true
  iam_database_authentication_enabled = true
  storage_encrypted                   = true
  enabled_cloudwatch_logs_exports     = ["postgresql"]
  publicly_accessible                 = true
  vpc_security_group_ids              = [aws_security_group.reporting_db.id]
}
