variable "rg" {
  type    = string
  default = "rg-crm"
}

resource "azurerm_storage_account" "crm" {
  name                            = "stcrmdocs01"
  resource_group_name             = var.rg
  location                        = "francecentral"
  account_tier                    = "Standard"
  account_replication_type        = "ZRS"
  allow_nested_items_to_be_public = false
  min_tls_version                 = "TLS1_2"
  tags = {
    data_classification = "personal"
  }
  identity {
    type         = "UserAssigned"
    identity_ids = [var.identity_id]
  }
  customer_managed_key {
    key_vault_key_id          = var.key_id
    user_assigned_identity_id = var.identity_id
  }
}

variable "identity_id" { type = string }
variable "key_id" { type = string }
