
resource "azurerm_storage_container" "downloads" {
  name                  = "downloads"
  storage_account_id    = "/subscriptions/0000/resourceGroups/rg-web/providers/Microsoft.Storage/storageAccounts/stweb"
  container_access_type = "private"
}
