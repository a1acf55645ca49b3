# Server-level extended auditing to Log Analytics; the SQL admin password is a variable
# without default (supplied by the pipeline), TDE left at its default (on).

variable "sql_admin_password" {
  type      = string
  sensitive = true
}

resource "azurerm_mssql_server" "billing" {
  name                         = "sql-acme-billing"
  resource_group_name          = "rg-billing"
  location                     = "westeurope"
  version                      = "12.0"
  administrator_login          = "billing_sqladmin"
  administrator_login_password = var.sql_admin_password
  minimum_tls_version          = "1.2"
}

resource "azurerm_mssql_server_extended_auditing_policy" "billing" {
  server_id              = azurerm_mssql_server.billing.id
  log_monitoring_enabled = true
  retention_in_days      = 365
}

resource "azurerm_mssql_database" "billing" {
  name                                = "billing"
  server_id                           = azurerm_mssql_server.billing.id
  sku_name                            = "S1"
  transparent_data_encryption_enabled = true
}

resource "azurerm_mssql_firewall_rule" "office" {
  name             = "office"
  server_id        = azurerm_mssql_server.billing.id
  start_ip_address = "203.0.113.10"
  end_ip_address   = "203.0.113.20"
}
