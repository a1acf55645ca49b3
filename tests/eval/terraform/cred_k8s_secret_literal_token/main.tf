
resource "kubernetes_secret_v1" "api" {
  metadata {
    name      = "payment-api"
    namespace = "shop"
  }
  data = {
    api_key = "sk_live_51HxAbCdEfGhIjKlMn"
  }
}
