
resource "azurerm_storage_account" "exports" {
  name                     = "stcrmexports"
  resource_group_name      = "rg-crm"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
}

resource "azurerm_storage_management_policy" "exports" {
  storage_account_id = azurerm_storage_account.exports.id
  rule {
    name    = "delete"
    enabled = true
    filters {
      blob_types = ["blockBlob"]
    }
    actions {
      base_blob {
        delete_after_days_since_creation_greater_than = 14
      }
    }
  }
}
