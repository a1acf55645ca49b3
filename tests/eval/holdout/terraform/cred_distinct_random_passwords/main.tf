resource "random_password" "primary" {
  length = 32
}

resource "random_password" "analytics" {
  length = 32
}

resource "aws_db_instance" "primary" {
  identifier                          = "app-primary"
  engine                              = "postgres"
  instance_class                      = "db.t3.medium"
  allocated_storage                   = 50
  username                            = "app"
  password                            = random_password.primary.result
  iam_database_authentication_enabled = true
  storage_encrypted                   = true
  enabled_cloudwatch_logs_exports     = ["postgresql"]
}

resource "aws_db_instance" "analytics" {
  identifier                          = "app-analytics"
  engine                              = "postgres"
  instance_class                      = "db.t3.medium"
  allocated_storage                   = 50
  username                            = "analytics"
  password                            = random_password.analytics.result
  iam_database_authentication_enabled = true
  storage_encrypted                   = true
  enabled_cloudwatch_logs_exports     = ["postgresql"]
}
