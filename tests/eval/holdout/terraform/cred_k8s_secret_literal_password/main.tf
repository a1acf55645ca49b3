resource "kubernetes_secret" "db" {
  metadata {
    name = "db-credentials"
  }
  data = {
    username = "orders"
    password = "0rders-Prod-2024"
  }
}
