
resource "azurerm_windows_virtual_machine" "jump" {
  name                  = "vm-jump"
  resource_group_name   = "rg-ops"
  location              = "westeurope"
  size                  = "Standard_B2s"
  admin_username        = "azureadmin"
  admin_password        = "J0mpHost!2024"
  network_interface_ids = ["/subscriptions/0000/resourceGroups/rg-ops/providers/Microsoft.Network/networkInterfaces/nic-jump"]
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
