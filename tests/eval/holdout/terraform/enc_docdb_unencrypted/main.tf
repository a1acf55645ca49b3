resource "random_password" "docdb" {
  length  = 32
  special = false
}

resource "aws_docdb_cluster" "catalog" {
  cluster_identifier              = "catalog-docdb"
  engine                          = "docdb"
  master_username                 = "catalog"
  master_password                 = random_password.docdb.result
  enabled_cloudwatch_logs_exports = ["audit", "profiler"]
  skip_final_snapshot             = true
}
