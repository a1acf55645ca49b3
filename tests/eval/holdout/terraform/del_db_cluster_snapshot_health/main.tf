resource "aws_db_cluster_snapshot" "health_records" {
  db_cluster_identifier          = var.cluster_id
  db_cluster_snapshot_identifier = "health-records-premigration"
}

variable "cluster_id" { type = string }
