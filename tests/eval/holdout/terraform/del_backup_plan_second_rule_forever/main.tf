resource "aws_backup_plan" "tiers" {
  name = "tiers"
  rule {
    rule_name         = "daily"
    target_vault_name = var.vault
    schedule          = "cron(0 3 * * ? *)"
    lifecycle {
      delete_after = 35
    }
  }
  rule {
    rule_name         = "monthly"
    target_vault_name = var.vault
    schedule          = "cron(0 4 1 * ? *)"
    lifecycle {
      cold_storage_after = 30
    }
  }
}

variable "vault" { type = string }
