# The application database password is typed twice: as the RDS master password and in
# the Kubernetes secret the pods read.

resource "aws_db_instance" "orders" {
  identifier                      = "orders-pg"
  engine                          = "postgres"
  instance_class                  = "db.t3.medium"
  allocated_storage               = 50
  username                        = "orders_app"
  password                        = "Orders#Prod-2023!"
  storage_encrypted               = true
  enabled_cloudwatch_logs_exports = ["postgresql"]
}

resource "kubernetes_secret" "orders_db" {
  metadata {
    name      = "orders-db"
    namespace = "orders"
  }

  data = {
    host     = aws_db_instance.orders.address
    username = "orders_app"
    password = "Orders#Prod-2023!"
  }
}
