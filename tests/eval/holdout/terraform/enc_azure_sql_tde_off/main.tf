resource "azurerm_mssql_database" "orders" {
  name                                = "sqldb-orders"
  server_id                           = var.server_id
  sku_name                            = "S1"
  transparent_data_encryption_enabled = false
}

variable "server_id" { type = string }
