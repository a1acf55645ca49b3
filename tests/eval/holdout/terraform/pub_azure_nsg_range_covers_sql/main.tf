resource "azurerm_network_security_rule" "legacy" {
  name                        = "legacy-apps"
  priority                    = 200
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_port_range           = "*"
  destination_port_range      = "1400-1500"
  source_address_prefix       = "0.0.0.0/0"
  destination_address_prefix  = "*"
  resource_group_name         = "rg-legacy"
  network_security_group_name = "nsg-legacy"
}
