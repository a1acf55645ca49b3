resource "azurerm_postgresql_flexible_server_firewall_rule" "wide" {
  name             = "temp-migration"
  server_id        = var.server_id
  start_ip_address = "0.0.0.0"
  end_ip_address   = "127.255.255.255"
}

variable "server_id" { type = string }
