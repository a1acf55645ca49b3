# Private container, RDP from the office only, a Deny rule from the Internet, and a PostgreSQL
# firewall limited to the office plus the 0.0.0.0-0.0.0.0 "Azure services" rule.

variable "pg_server_id" {
  type = string
}

resource "azurerm_storage_account" "exchange" {
  name                            = "stacmepartnerxchg"
  resource_group_name             = "rg-exchange"
  location                        = "westeurope"
  account_tier                    = "Standard"
  account_replication_type        = "ZRS"
  allow_nested_items_to_be_public = false
}

resource "azurerm_storage_container" "inbound" {
  name                  = "inbound"
  storage_account_name  = azurerm_storage_account.exchange.name
  container_access_type = "private"
}

resource "azurerm_network_security_rule" "rdp_office" {
  name                        = "rdp-office"
  priority                    = 100
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_port_range           = "*"
  destination_port_range      = "3389"
  source_address_prefix       = "203.0.113.0/24"
  destination_address_prefix  = "*"
  resource_group_name         = "rg-exchange"
  network_security_group_name = "nsg-exchange"
}

resource "azurerm_network_security_rule" "deny_ssh_internet" {
  name                        = "deny-ssh-internet"
  priority                    = 200
  direction                   = "Inbound"
  access                      = "Deny"
  protocol                    = "Tcp"
  source_port_range           = "*"
  destination_port_range      = "22"
  source_address_prefix       = "Internet"
  destination_address_prefix  = "*"
  resource_group_name         = "rg-exchange"
  network_security_group_name = "nsg-exchange"
}

resource "azurerm_postgresql_flexible_server_firewall_rule" "office" {
  name             = "office"
  server_id        = var.pg_server_id
  start_ip_address = "203.0.113.10"
  end_ip_address   = "203.0.113.40"
}

resource "azurerm_postgresql_flexible_server_firewall_rule" "azure_services" {
  name             = "AllowAllAzureServicesAndResourcesWithinAzureIps"
  server_id        = var.pg_server_id
  start_ip_address = "0.0.0.0"
  end_ip_address   = "0.0.0.0"
}
