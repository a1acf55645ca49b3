
resource "aws_rds_cluster" "orders" {
  cluster_identifier                  = "orders"
  engine                              = "aurora-mysql"
  master_username                     = "orders"
  iam_database_authentication_enabled = true
  storage_encrypted                   = true
}
