
resource "azurerm_mysql_flexible_server_firewall_rule" "everyone" {
  name                = "everyone"
  resource_group_name = "rg-shop"
  server_name         = "mysql-shop"
  start_ip_address    = "0.0.0.0"
  end_ip_address      = "255.255.255.255"
}
