# Jump box reachable by SSH from the Internet, logging in with a password in the code.
# HTTPS from anywhere and the Deny rule are fine.

resource "azurerm_network_security_group" "jumpbox" {
  name                = "nsg-jumpbox"
  location            = "westeurope"
  resource_group_name = "rg-ops"

  security_rule {
    name                       = "ssh-in"
    priority                   = 100
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_range     = "22"
    source_address_prefix      = "Internet"
    destination_address_prefix = "*"
  }

  security_rule {
    name                       = "https-in"
    priority                   = 110
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_range     = "443"
    source_address_prefix      = "*"
    destination_address_prefix = "*"
  }
}

resource "azurerm_linux_virtual_machine" "jumpbox" {
  name                            = "vm-jumpbox"
  resource_group_name             = "rg-ops"
  location                        = "westeurope"
  size                            = "Standard_B2s"
  admin_username                  = "opsadmin"
  admin_password                  = "Jumpb0x!Weu-2024"
  disable_password_authentication = false
  network_interface_ids           = ["/subscriptions/6a1b2c3d-4e5f-4071-8293-a4b5c6d7e8f9/resourceGroups/rg-ops/providers/Microsoft.Network/networkInterfaces/nic-jumpbox"]

  os_disk {
    caching              = "ReadWrite"
    storage_account_type = "Premium_LRS"
  }

  source_image_reference {
    publisher = "Canonical"
    offer     = "0001-com-ubuntu-server-jammy"
    sku       = "22_04-lts"
    version   = "latest"
  }
}
