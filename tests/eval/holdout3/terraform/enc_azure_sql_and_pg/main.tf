# Azure SQL database with TDE switched off; PostgreSQL flexible server whose
# require_secure_transport parameter is turned off for a legacy client.

variable "pg_admin_password" {
  type      = string
  sensitive = true
}

resource "azurerm_mssql_server" "reporting" {
  name                = "sql-acme-reporting"
  resource_group_name = "rg-reporting"
  location            = "westeurope"
  version             = "12.0"
  azuread_administrator {
    login_username              = "sql-admins"
    object_id                   = "00000000-1111-2222-3333-444444444444"
    azuread_authentication_only = true
  }
}

resource "azurerm_mssql_server_extended_auditing_policy" "reporting" {
  server_id              = azurerm_mssql_server.reporting.id
  log_monitoring_enabled = true
  retention_in_days      = 365
}

resource "azurerm_mssql_database" "reporting" {
  name                                = "reporting"
  server_id                           = azurerm_mssql_server.reporting.id
  sku_name                            = "S1"
  transparent_data_encryption_enabled = false
}

resource "azurerm_postgresql_flexible_server" "orders" {
  name                   = "psql-acme-orders"
  resource_group_name    = "rg-orders"
  location               = "westeurope"
  version                = "15"
  sku_name               = "GP_Standard_D2s_v3"
  administrator_login    = "orders_admin"
  administrator_password = var.pg_admin_password
}

resource "azurerm_postgresql_flexible_server_configuration" "require_tls" {
  name      = "require_secure_transport"
  server_id = azurerm_postgresql_flexible_server.orders.id
  value     = "off"
}
