resource "aws_backup_plan" "daily" {
  name = "daily"
  rule {
    rule_name         = "daily"
    target_vault_name = var.vault
    schedule          = "cron(0 3 * * ? *)"
    lifecycle {
      delete_after = 35
    }
    copy_action {
      destination_vault_arn = var.dr_vault_arn
      lifecycle {
        delete_after = 35
      }
    }
  }
}

variable "vault" { type = string }
variable "dr_vault_arn" { type = string }
