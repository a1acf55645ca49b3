
variable "client_secret" {
  type      = string
  sensitive = true
}

provider "azurerm" {
  features {}
  client_id     = "00000000-0000-0000-0000-000000000000"
  client_secret = var.client_secret
  tenant_id     = "00000000-0000-0000-0000-000000000001"
}
