resource "azurerm_managed_disk" "patient_db_data" {
  name                 = "disk-patient-db-data"
  location             = "francecentral"
  resource_group_name  = "rg-hds"
  storage_account_type = "Premium_LRS"
  create_option        = "Empty"
  disk_size_gb         = 512
}
