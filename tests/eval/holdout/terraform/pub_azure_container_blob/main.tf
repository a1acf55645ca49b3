resource "azurerm_storage_account" "media" {
  name                            = "stmedia01"
  resource_group_name             = "rg-web"
  location                        = "westeurope"
  account_tier                    = "Standard"
  account_replication_type        = "LRS"
  min_tls_version                 = "TLS1_2"
  allow_nested_items_to_be_public = true
}

resource "azurerm_storage_container" "images" {
  name                  = "images"
  storage_account_name  = azurerm_storage_account.media.name
  container_access_type = "blob"
}
