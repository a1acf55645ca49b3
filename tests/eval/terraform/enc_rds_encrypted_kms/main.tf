
resource "aws_db_instance" "billing" {
  identifier        = "billing"
  engine            = "mysql"
  instance_class    = "db.t3.medium"
  allocated_storage = 50
  username          = "billing"
  kms_key_id        = "arn:aws:kms:eu-west-3:111122223333:key/abcd"
  storage_encrypted               = true
  manage_master_user_password     = true
  enabled_cloudwatch_logs_exports = ["error"]
}
