
resource "aws_backup_plan" "archive" {
  name = "archive"
  rule {
    rule_name         = "monthly"
    target_vault_name = "main"
    schedule          = "cron(0 3 1 * ? *)"
    lifecycle {
      cold_storage_after = 30
    }
  }
}
