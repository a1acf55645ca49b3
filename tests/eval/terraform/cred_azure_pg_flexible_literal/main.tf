
resource "azurerm_postgresql_flexible_server" "app" {
  name                   = "pg-app"
  resource_group_name    = "rg-app"
  location               = "westeurope"
  version                = "16"
  administrator_login    = "pgadmin"
  administrator_password = "Pg-Admin-Pass-1"
  sku_name               = "GP_Standard_D2s_v3"
}
