
resource "azurerm_storage_account" "cdn" {
  name                            = "stcdnorigin"
  resource_group_name             = "rg-web"
  location                        = "westeurope"
  account_tier                    = "Standard"
  account_replication_type        = "LRS"
  allow_nested_items_to_be_public = true
}
