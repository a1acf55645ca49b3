
resource "aws_backup_plan" "daily" {
  name = "daily"
  rule {
    rule_name         = "daily"
    target_vault_name = "main"
    schedule          = "cron(0 1 * * ? *)"
  }
}
