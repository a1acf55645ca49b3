# Migration storage account with no management policy of its own; the policy below belongs
# to the web logs account and does not cover it.

resource "azurerm_storage_account" "migration" {
  name                            = "stacmeerpmigration"
  resource_group_name             = "rg-migration"
  location                        = "francecentral"
  account_tier                    = "Standard"
  account_replication_type        = "LRS"
  allow_nested_items_to_be_public = false
}

resource "azurerm_storage_account" "weblogs" {
  name                            = "stacmeweblogs"
  resource_group_name             = "rg-migration"
  location                        = "francecentral"
  account_tier                    = "Standard"
  account_replication_type        = "LRS"
  allow_nested_items_to_be_public = false
}

resource "azurerm_storage_management_policy" "weblogs" {
  storage_account_id = azurerm_storage_account.weblogs.id
  rule {
    name    = "delete-old-logs"
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
