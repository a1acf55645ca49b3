resource "azurerm_postgresql_flexible_server" "app" {
  name                = "psql-app"
  resource_group_name = "rg-app"
  location            = "westeurope"
  version             = "15"
  sku_name            = "GP_Standard_D2s_v3"
  authentication {
    active_directory_auth_enabled = true
    password_auth_enabled         = false
    tenant_id                     = var.tenant_id
  }
}

resource "azurerm_postgresql_flexible_server_configuration" "tls" {
  name      = "require_secure_transport"
  server_id = azurerm_postgresql_flexible_server.app.id
  value     = "off"
}

variable "tenant_id" { type = string }
