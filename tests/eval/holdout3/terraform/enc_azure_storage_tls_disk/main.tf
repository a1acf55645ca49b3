# Static documentation site storage still accepting TLS 1.0 for an old client, and a
# health-data disk relying on platform-managed keys only.

variable "resource_group_name" {
  type    = string
  default = "rg-acme-weu-prod"
}

variable "location" {
  type    = string
  default = "westeurope"
}

resource "azurerm_storage_account" "docsite" {
  name                            = "stacmedocsiteprod"
  resource_group_name             = var.resource_group_name
  location                        = var.location
  account_tier                    = "Standard"
  account_replication_type        = "ZRS"
  min_tls_version                 = "TLS1_0"
  allow_nested_items_to_be_public = false
  tags                            = { data_classification = "public" }
}

resource "azurerm_managed_disk" "reporting_data" {
  name                 = "disk-reporting-data"
  resource_group_name  = var.resource_group_name
  location             = var.location
  storage_account_type = "Premium_LRS"
  create_option        = "Empty"
  disk_size_gb         = 256
  tags                 = { data_classification = "health" }
}
