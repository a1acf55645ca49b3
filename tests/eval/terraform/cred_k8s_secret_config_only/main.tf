
resource "kubernetes_secret" "settings" {
  metadata {
    name      = "app-settings"
    namespace = "shop"
  }
  data = {
    db_host  = "orders.internal"
    db_user  = "orders"
    password = var.orders_db_password
  }
}

variable "orders_db_password" {
  type      = string
  sensitive = true
}
