# A manual snapshot of the public website CMS (not personal data), a CMK-encrypted vault
# and a plan whose every rule deletes its recovery points.

resource "aws_kms_key" "backup" {
  description         = "Backup vault CMK"
  enable_key_rotation = true
}

resource "aws_backup_vault" "weekly" {
  name        = "weekly"
  kms_key_arn = aws_kms_key.backup.arn
}

resource "aws_backup_plan" "weekly" {
  name = "weekly"

  dynamic "rule" {
    for_each = { weekly = 35, quarterly = 400 }
    content {
      rule_name         = rule.key
      target_vault_name = aws_backup_vault.weekly.name
      schedule          = rule.key == "weekly" ? "cron(0 4 ? * SUN *)" : "cron(0 5 1 1,4,7,10 ? *)"
      lifecycle {
        cold_storage_after = rule.key == "quarterly" ? 30 : null
        delete_after       = rule.value
      }
    }
  }
}

resource "aws_db_snapshot" "cms_before_upgrade" {
  db_instance_identifier = "www-cms"
  db_snapshot_identifier = "www-cms-before-upgrade"
  tags                   = { data_classification = "public" }
}
