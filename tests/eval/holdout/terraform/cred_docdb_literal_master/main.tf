resource "aws_docdb_cluster" "sessions" {
  cluster_identifier  = "sessions"
  engine              = "docdb"
  master_username     = "sessions"
  master_password     = "D0cDB-Sessi0ns!"
  storage_encrypted   = true
  skip_final_snapshot = true
}
