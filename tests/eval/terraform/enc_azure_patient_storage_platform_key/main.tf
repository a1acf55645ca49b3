
resource "azurerm_storage_account" "patient_files" {
  name                     = "stpatientfiles"
  resource_group_name      = "rg-hds"
  location                 = "francecentral"
  account_tier             = "Standard"
  account_replication_type = "GRS"
}
