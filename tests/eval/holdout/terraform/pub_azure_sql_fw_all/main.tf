resource "azurerm_mssql_firewall_rule" "anywhere" {
  name             = "AllowAll"
  server_id        = var.server_id
  start_ip_address = "0.0.0.0"
  end_ip_address   = "255.255.255.255"
}

variable "server_id" { type = string }
