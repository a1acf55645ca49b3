# Azure SQL server with Entra-only authentication and TDE left on, but no auditing policy.

resource "azurerm_mssql_server" "claims" {
  name                          = "sql-acme-claims-frc"
  resource_group_name           = "rg-claims"
  location                      = "francecentral"
  version                       = "12.0"
  minimum_tls_version           = "1.2"
  public_network_access_enabled = false
  azuread_administrator {
    login_username              = "sql-admins"
    object_id                   = "22222222-3333-4444-5555-666666666666"
    azuread_authentication_only = true
  }
}

resource "azurerm_mssql_database" "claims" {
  name      = "claims"
  server_id = azurerm_mssql_server.claims.id
  sku_name  = "S2"
}
