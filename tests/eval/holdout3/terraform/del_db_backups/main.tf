# The monthly rule has no lifecycle (kept forever), the vault uses the AWS-managed key,
# and a manual pre-cutover snapshot of the patient portal database is never cleaned up.

resource "aws_backup_vault" "nightly" {
  name = "nightly"
}

resource "aws_backup_plan" "nightly" {
  name = "nightly"

  rule {
    rule_name         = "daily"
    target_vault_name = aws_backup_vault.nightly.name
    schedule          = "cron(0 2 * * ? *)"
    lifecycle {
      delete_after = 35
    }
  }

  rule {
    rule_name         = "monthly"
    target_vault_name = aws_backup_vault.nightly.name
    schedule          = "cron(0 3 1 * ? *)"
  }
}

resource "aws_db_snapshot" "before_cutover" {
  db_instance_identifier = "patient-portal"
  db_snapshot_identifier = "patient-portal-before-cutover"
  tags                   = { data_classification = "health" }
}
