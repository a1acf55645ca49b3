provider "azurerm" {
  features {}
  subscription_id = "00000000-1111-2222-3333-444444444444"
  tenant_id       = "55555555-6666-7777-8888-999999999999"
  client_id       = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"
  client_secret   = "Qx8~kT2.vR5_nM9-pL3sW7zY1cB4fH6jD0gA"
}
