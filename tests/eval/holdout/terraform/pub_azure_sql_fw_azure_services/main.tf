resource "azurerm_mssql_firewall_rule" "azure_services" {
  name             = "AllowAzureServices"
  server_id        = var.server_id
  start_ip_address = "0.0.0.0"
  end_ip_address   = "0.0.0.0"
}

resource "azurerm_mssql_firewall_rule" "office" {
  name             = "office"
  server_id        = var.server_id
  start_ip_address = "203.0.113.0"
  end_ip_address   = "203.0.113.255"
}

variable "server_id" { type = string }
