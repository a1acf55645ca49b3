
resource "aws_docdb_cluster" "documents" {
  cluster_identifier          = "patient-documents"
  engine                      = "docdb"
  master_username             = "docs"
  manage_master_user_password = true
  backup_retention_period     = 7
}
