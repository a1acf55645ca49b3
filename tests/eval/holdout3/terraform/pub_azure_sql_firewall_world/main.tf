# A contractor's dynamic IP "solved" with a rule for every address. The 0.0.0.0-0.0.0.0
# rule only admits Azure services and is fine.

resource "azurerm_mssql_server" "claims" {
  name                = "sql-acme-claims"
  resource_group_name = "rg-claims"
  location            = "westeurope"
  version             = "12.0"
  azuread_administrator {
    login_username              = "sql-admins"
    object_id                   = "11111111-2222-3333-4444-555555555555"
    azuread_authentication_only = true
  }
}

resource "azurerm_mssql_server_extended_auditing_policy" "claims" {
  server_id              = azurerm_mssql_server.claims.id
  log_monitoring_enabled = true
  retention_in_days      = 180
}

resource "azurerm_mssql_firewall_rule" "azure_services" {
  name             = "AllowAzureServices"
  server_id        = azurerm_mssql_server.claims.id
  start_ip_address = "0.0.0.0"
  end_ip_address   = "0.0.0.0"
}

resource "azurerm_mssql_firewall_rule" "everyone" {
  name             = "contractor-temp"
  server_id        = azurerm_mssql_server.claims.id
  start_ip_address = "0.0.0.0"
  end_ip_address   = "255.255.255.255"
}
