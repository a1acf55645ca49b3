# expect: GG-ENC-013 aws_backup_vault.main
resource "aws_backup_vault" "main" {
  name = "main-vault"
}
