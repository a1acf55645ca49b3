
resource "aws_db_instance" "results" {
  identifier                      = "lab-results"
  engine                          = "postgres"
  engine_version                  = "16.3"
  instance_class                  = "db.m6g.large"
  allocated_storage               = 100
  username                        = "lims"
  manage_master_user_password     = true
  enabled_cloudwatch_logs_exports = ["postgresql", "upgrade"]
}
