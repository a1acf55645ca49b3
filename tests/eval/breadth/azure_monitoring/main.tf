
resource "azurerm_monitor_log_profile" "subscription" {
  name               = "default"
  categories         = ["Write", "Delete"]
  locations          = ["westeurope", "global"]
  storage_account_id = "/subscriptions/1/resourceGroups/rg-logs/providers/Microsoft.Storage/storageAccounts/logs"

  retention_policy {
    enabled = true
    days    = 180
  }
}

resource "azurerm_security_center_subscription_pricing" "sql" {
  tier          = "Free"
  resource_type = "SqlServers"
}

resource "azurerm_security_center_subscription_pricing" "vms" {
  tier          = "Standard"
  resource_type = "VirtualMachines"
}

resource "azurerm_security_center_contact" "secops" {
  email               = "secops@example.com"
  alert_notifications = false
  alerts_to_admins    = false
}
