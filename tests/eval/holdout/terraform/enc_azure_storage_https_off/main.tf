variable "rg" {
  type    = string
  default = "rg-reporting"
}

resource "azurerm_storage_account" "reports" {
  name                            = "streporting01"
  resource_group_name             = var.rg
  location                        = "francecentral"
  account_tier                    = "Standard"
  account_replication_type        = "ZRS"
  allow_nested_items_to_be_public = false
  enable_https_traffic_only       = false
  min_tls_version                 = "TLS1_2"
}
