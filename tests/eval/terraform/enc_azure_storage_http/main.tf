
resource "azurerm_storage_account" "web" {
  name                      = "stwebcontent"
  resource_group_name       = "rg-web"
  location                  = "westeurope"
  account_tier              = "Standard"
  account_replication_type  = "LRS"
  enable_https_traffic_only = false
}
