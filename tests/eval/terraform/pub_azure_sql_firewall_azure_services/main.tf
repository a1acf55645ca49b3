
resource "azurerm_mssql_firewall_rule" "azure" {
  name             = "AllowAllWindowsAzureIps"
  server_id        = "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Sql/servers/sql-orders"
  start_ip_address = "0.0.0.0"
  end_ip_address   = "0.0.0.0"
}
