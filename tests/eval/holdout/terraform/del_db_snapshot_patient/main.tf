resource "aws_db_snapshot" "patient_premigration" {
  db_instance_identifier = var.db_identifier
  db_snapshot_identifier = "patients-before-v2-migration"
}

variable "db_identifier" { type = string }
