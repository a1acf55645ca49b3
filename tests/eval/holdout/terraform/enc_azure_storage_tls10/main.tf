variable "rg" {
  type    = string
  default = "rg-web"
}

resource "azurerm_storage_account" "assets" {
  name                            = "stwebassets01"
  resource_group_name             = var.rg
  location                        = "francecentral"
  account_tier                    = "Standard"
  account_replication_type        = "ZRS"
  allow_nested_items_to_be_public = false
  min_tls_version                 = "TLS1_0"
}
