resource "kubernetes_secret_v1" "api" {
  metadata {
    name      = "api-credentials"
    namespace = "payments"
  }
  data = {
    api_key = "sk_live_4eC39HqLyjWDarjtT1zdp7dc"
  }
  type = "Opaque"
}
