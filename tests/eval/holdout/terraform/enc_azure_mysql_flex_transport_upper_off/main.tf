resource "azurerm_mysql_flexible_server_configuration" "transport" {
  name                = "require_secure_transport"
  resource_group_name = "rg-shop"
  server_name         = "mysql-shop"
  value               = "OFF"
}
