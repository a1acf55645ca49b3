
resource "aws_efs_file_system" "home" {
  creation_token = "home"
  encrypted      = true
  kms_key_id     = "arn:aws:kms:eu-west-3:111122223333:key/abcd"
}
