
resource "aws_backup_vault" "main" {
  name        = "main"
  kms_key_arn = "arn:aws:kms:eu-west-3:111122223333:key/abcd"
}
