resource "aws_backup_plan" "daily" {
  name = "daily"
  rule {
    rule_name         = "daily"
    target_vault_name = var.vault
    schedule          = "cron(0 3 * * ? *)"
  }
}

variable "vault" { type = string }
