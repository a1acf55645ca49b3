# Clinic booking portal on Azure.

resource "azurerm_windows_web_app" "portal" {
  name                = "clinic-portal"
  resource_group_name = "rg-clinic"
  location            = "francecentral"
  service_plan_id     = "/subscriptions/1/resourceGroups/rg-clinic/providers/Microsoft.Web/serverFarms/plan"
  https_only          = false

  site_config {
    minimum_tls_version = "1.1"
  }
}

resource "azurerm_linux_function_app" "webhooks" {
  name                       = "clinic-webhooks"
  resource_group_name        = "rg-clinic"
  location                   = "francecentral"
  service_plan_id            = "/subscriptions/1/resourceGroups/rg-clinic/providers/Microsoft.Web/serverFarms/plan"
  storage_account_name       = "clinicfunctions"
  storage_account_access_key = var.functions_storage_key

  site_config {}
}

variable "functions_storage_key" {
  type      = string
  sensitive = true
}

resource "azurerm_redis_cache" "sessions" {
  name                = "clinic-sessions"
  location            = "francecentral"
  resource_group_name = "rg-clinic"
  capacity            = 1
  family              = "C"
  sku_name            = "Basic"
  enable_non_ssl_port = true
  minimum_tls_version = "1.2"
}

resource "azurerm_cosmosdb_account" "appointments" {
  name                = "clinic-appointments"
  location            = "francecentral"
  resource_group_name = "rg-clinic"
  offer_type          = "Standard"

  consistency_policy {
    consistency_level = "Session"
  }

  geo_location {
    location          = "francecentral"
    failover_priority = 0
  }
}
