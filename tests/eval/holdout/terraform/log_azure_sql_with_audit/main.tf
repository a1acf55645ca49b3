resource "azurerm_mssql_server" "crm" {
  name                = "sql-crm"
  resource_group_name = "rg-crm"
  location            = "francecentral"
  version             = "12.0"
  minimum_tls_version = "1.2"
  azuread_administrator {
    login_username              = "sql-admins"
    object_id                   = var.admin_group_id
    azuread_authentication_only = true
  }
}

resource "azurerm_mssql_server_extended_auditing_policy" "crm" {
  server_id              = azurerm_mssql_server.crm.id
  log_monitoring_enabled = true
  retention_in_days      = 365
}

variable "admin_group_id" { type = string }
