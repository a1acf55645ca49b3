
resource "aws_db_instance" "orders" {
  identifier                  = "orders"
  engine                      = "mariadb"
  instance_class              = "db.t3.medium"
  username                    = "orders"
  manage_master_user_password = true
  storage_encrypted           = true
}
