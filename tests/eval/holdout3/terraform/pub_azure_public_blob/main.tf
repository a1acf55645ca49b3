# Marketing brochures served anonymously: the account allows public containers and the
# container is "blob" access.

resource "azurerm_storage_account" "brochures" {
  name                            = "stacmebrochures"
  resource_group_name             = "rg-marketing"
  location                        = "westeurope"
  account_tier                    = "Standard"
  account_replication_type        = "LRS"
  min_tls_version                 = "TLS1_2"
  allow_nested_items_to_be_public = true
  tags                            = { data_classification = "public" }
}

resource "azurerm_storage_container" "brochures" {
  name                  = "brochures"
  storage_account_name  = azurerm_storage_account.brochures.name
  container_access_type = "blob"
}
