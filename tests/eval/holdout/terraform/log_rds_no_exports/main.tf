resource "aws_kms_key" "db" {
  enable_key_rotation = true
}

resource "aws_db_instance" "wiki" {
  identifier                          = "wiki"
  engine                              = "mariadb"
  instance_class                      = "db.t3.micro"
  allocated_storage                   = 20
  username                            = "wiki"
  manage_master_user_password         = true
  iam_database_authentication_enabled = true
  storage_encrypted                   = true
  kms_key_id                          = aws_kms_key.db.arn
}
