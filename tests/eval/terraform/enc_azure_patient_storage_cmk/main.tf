
resource "azurerm_storage_account" "patient_files" {
  name                     = "stpatientfiles"
  resource_group_name      = "rg-hds"
  location                 = "francecentral"
  account_tier             = "Standard"
  account_replication_type = "GRS"
  identity {
    type         = "UserAssigned"
    identity_ids = ["/subscriptions/0000/resourceGroups/rg-hds/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-storage"]
  }
  customer_managed_key {
    key_vault_key_id          = "https://kv-hds.vault.azure.net/keys/storage/0123"
    user_assigned_identity_id = "/subscriptions/0000/resourceGroups/rg-hds/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-storage"
  }
}
