resource "kubernetes_secret" "db" {
  metadata {
    name = "db-credentials"
  }
  data = {
    host     = "orders.cluster-abc.eu-west-3.rds.amazonaws.com"
    username = "orders"
    password = random_password.orders.result
  }
}

resource "random_password" "orders" {
  length = 32
}
