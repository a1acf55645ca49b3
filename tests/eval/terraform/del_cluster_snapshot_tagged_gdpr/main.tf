
resource "aws_db_cluster_snapshot" "crm" {
  db_cluster_identifier          = "crm"
  db_cluster_snapshot_identifier = "crm-2024-cutover"
  tags = {
    gdpr = "personal"
  }
}
