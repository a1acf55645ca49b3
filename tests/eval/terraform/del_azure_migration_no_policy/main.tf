
resource "azurerm_storage_account" "migration" {
  name                     = "sterpmigration"
  resource_group_name      = "rg-erp"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
}
