
resource "aws_db_snapshot" "patient_records_pre_migration" {
  db_instance_identifier = "patient-records"
  db_snapshot_identifier = "patient-records-pre-migration"
}
