resource "azurerm_storage_account" "migration" {
  name                            = "sterpmigration01"
  resource_group_name             = "rg-erp"
  location                        = "francecentral"
  account_tier                    = "Standard"
  account_replication_type        = "ZRS"
  allow_nested_items_to_be_public = false
  min_tls_version                 = "TLS1_2"
}

resource "azurerm_storage_management_policy" "migration" {
  storage_account_id = azurerm_storage_account.migration.id
  rule {
    name    = "purge"
    enabled = true
    filters {
      blob_types = ["blockBlob"]
    }
    actions {
      base_blob {
        delete_after_days_since_modification_greater_than = 14
      }
    }
  }
}
