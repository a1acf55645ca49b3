resource "azurerm_storage_account" "export" {
  name                            = "stcrmexport01"
  resource_group_name             = "rg-crm"
  location                        = "francecentral"
  account_tier                    = "Standard"
  account_replication_type        = "ZRS"
  allow_nested_items_to_be_public = false
  min_tls_version                 = "TLS1_2"
}
