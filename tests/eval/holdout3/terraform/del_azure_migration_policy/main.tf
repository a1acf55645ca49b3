# Storage account tagged as migration storage, with a management policy deleting blobs
# 14 days after their last modification.

resource "azurerm_storage_account" "cutover" {
  name                            = "stacmecutoverfrc"
  resource_group_name             = "rg-migration"
  location                        = "francecentral"
  account_tier                    = "Standard"
  account_replication_type        = "LRS"
  allow_nested_items_to_be_public = false
  tags                            = { purpose = "migration" }
}

resource "azurerm_storage_management_policy" "cutover" {
  storage_account_id = azurerm_storage_account.cutover.id
  rule {
    name    = "delete-after-14-days"
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
