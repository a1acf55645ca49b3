
resource "azurerm_mssql_database" "orders" {
  name                                = "orders"
  server_id                           = "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Sql/servers/sql-orders"
  sku_name                            = "S1"
  transparent_data_encryption_enabled = false
}
