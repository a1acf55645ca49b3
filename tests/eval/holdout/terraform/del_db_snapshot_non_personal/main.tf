resource "aws_db_snapshot" "catalog_before_upgrade" {
  db_instance_identifier = var.db_identifier
  db_snapshot_identifier = "catalog-before-pg16"
}

variable "db_identifier" { type = string }
