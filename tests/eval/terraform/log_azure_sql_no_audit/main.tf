
resource "azurerm_mssql_server" "crm" {
  name                = "sql-crm"
  resource_group_name = "rg-crm"
  location            = "westeurope"
  version             = "12.0"
  azuread_administrator {
    login_username              = "sql-admins"
    object_id                   = "00000000-0000-0000-0000-000000000000"
    azuread_authentication_only = true
  }
}
