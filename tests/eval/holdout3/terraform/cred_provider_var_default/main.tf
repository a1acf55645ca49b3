# The service principal secret is "hidden" in a variable default.

variable "client_secret" {
  type      = string
  sensitive = true
  default   = "Qh8~dX2vLp.EXAMPLE-9sTn4rWc3yUk7ZaMbNe0"
}

provider "azurerm" {
  features {}
  subscription_id = "6a1b2c3d-4e5f-4071-8293-a4b5c6d7e8f9"
  tenant_id       = "0f1e2d3c-4b5a-4697-8877-665544332211"
  client_id       = "9c8b7a69-5847-4362-9150-abcdef012345"
  client_secret   = var.client_secret
}

resource "azurerm_resource_group" "ops" {
  name     = "rg-acme-ops-weu"
  location = "westeurope"
}
