# Health-data storage account: the customer-managed key is attached by a separate
# azurerm_storage_account_customer_managed_key resource; no public blobs, TLS 1.2.

variable "resource_group_name" {
  type = string
}

variable "key_vault_id" {
  type = string
}

resource "azurerm_storage_account" "records" {
  name                            = "stacmerecordsweu"
  resource_group_name             = var.resource_group_name
  location                        = "westeurope"
  account_tier                    = "Standard"
  account_replication_type        = "GRS"
  min_tls_version                 = "TLS1_2"
  allow_nested_items_to_be_public = false
  tags                            = { data_classification = "health" }

  identity {
    type = "SystemAssigned"
  }
}

resource "azurerm_storage_account_customer_managed_key" "records" {
  storage_account_id = azurerm_storage_account.records.id
  key_vault_id       = var.key_vault_id
  key_name           = "st-records-cmk"
}

resource "azurerm_storage_container" "records" {
  name                  = "records"
  storage_account_name  = azurerm_storage_account.records.name
  container_access_type = "private"
}
