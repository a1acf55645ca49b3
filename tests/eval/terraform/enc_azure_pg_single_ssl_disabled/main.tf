
resource "azurerm_postgresql_server" "legacy" {
  name                         = "pg-legacy"
  location                     = "westeurope"
  resource_group_name          = "rg-legacy"
  sku_name                     = "GP_Gen5_2"
  version                      = "11"
  ssl_enforcement_enabled      = false
}
