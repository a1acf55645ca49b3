resource "azurerm_windows_virtual_machine" "jump" {
  name                  = "vm-jump"
  resource_group_name   = "rg-admin"
  location              = "westeurope"
  size                  = "Standard_B2s"
  admin_username        = "azureops"
  admin_password        = "W1nd0ws-Jump!2024"
  network_interface_ids = [var.nic_id]
  os_disk {
    caching              = "ReadWrite"
    storage_account_type = "Standard_LRS"
  }
  source_image_reference {
    publisher = "MicrosoftWindowsServer"
    offer     = "WindowsServer"
    sku       = "2022-datacenter"
    version   = "latest"
  }
}

variable "nic_id" { type = string }
