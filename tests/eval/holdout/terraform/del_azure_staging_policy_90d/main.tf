resource "azurerm_storage_account" "staging" {
  name                            = "stdwhstaging01"
  resource_group_name             = "rg-dwh"
  location                        = "francecentral"
  account_tier                    = "Standard"
  account_replication_type        = "ZRS"
  allow_nested_items_to_be_public = false
  min_tls_version                 = "TLS1_2"
}

resource "azurerm_storage_management_policy" "staging" {
  storage_account_id = azurerm_storage_account.staging.id
  rule {
    name    = "purge"
    enabled = true
    filters {
      blob_types = ["blockBlob"]
    }
    actions {
      base_blob {
        tier_to_cool_after_days_since_modification_greater_than = 7
        delete_after_days_since_modification_greater_than       = 90
      }
    }
  }
}
