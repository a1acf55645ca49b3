
resource "aws_db_instance" "replica" {
  identifier                      = "orders-replica"
  replicate_source_db             = "orders"
  instance_class                  = "db.t3.medium"
  storage_encrypted               = true
  enabled_cloudwatch_logs_exports = ["postgresql"]
}
