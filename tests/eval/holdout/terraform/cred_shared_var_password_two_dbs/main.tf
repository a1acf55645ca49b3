variable "db_password" {
  type      = string
  sensitive = true
}

resource "aws_db_instance" "primary" {
  identifier                      = "app-primary"
  engine                          = "postgres"
  instance_class                  = "db.t3.medium"
  allocated_storage               = 50
  username                        = "app"
  password                        = var.db_password
  storage_encrypted               = true
  enabled_cloudwatch_logs_exports = ["postgresql"]
}

resource "aws_db_instance" "analytics" {
  identifier                      = "app-analytics"
  engine                          = "postgres"
  instance_class                  = "db.t3.medium"
  allocated_storage               = 50
  username                        = "analytics"
  password                        = var.db_password
  storage_encrypted               = true
  enabled_cloudwatch_logs_exports = ["postgresql"]
}
