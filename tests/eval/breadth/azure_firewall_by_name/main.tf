# Databases of a practice-management SaaS; the firewall rules live in the same module and name their
# servers by the literal names and IDs the DBA copied from the portal.

resource "azurerm_postgresql_flexible_server" "appointments" {
  name                = "pms-appointments"
  resource_group_name = "rg-pms"
  location            = "francecentral"
  version             = "16"
  sku_name            = "GP_Standard_D2s_v3"
}

resource "azurerm_postgresql_flexible_server_firewall_rule" "clinic_vpn" {
  name             = "clinic-vpn"
  server_id        = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-pms/providers/Microsoft.DBforPostgreSQL/flexibleServers/pms-appointments"
  start_ip_address = "198.51.100.0"
  end_ip_address   = "198.51.100.255"
}

resource "azurerm_mysql_server" "billing" {
  name                             = "pms-billing"
  location                         = "francecentral"
  resource_group_name              = "rg-pms"
  sku_name                         = "GP_Gen5_2"
  version                          = "8.0"
  ssl_enforcement_enabled          = true
  ssl_minimal_tls_version_enforced = "TLS1_2"
}

resource "azurerm_mysql_firewall_rule" "accounting" {
  name                = "accounting"
  resource_group_name = "rg-pms"
  server_name         = "pms-billing"
  start_ip_address    = "203.0.113.10"
  end_ip_address      = "203.0.113.10"
}

# Private: public network access off, the firewall rule does not apply.
resource "azurerm_postgresql_flexible_server" "reporting" {
  name                          = "pms-reporting"
  resource_group_name           = "rg-pms"
  location                      = "francecentral"
  version                       = "16"
  sku_name                      = "GP_Standard_D2s_v3"
  public_network_access_enabled = false
}

resource "azurerm_postgresql_flexible_server_firewall_rule" "reporting_vpn" {
  name             = "clinic-vpn"
  server_id        = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-pms/providers/Microsoft.DBforPostgreSQL/flexibleServers/pms-reporting"
  start_ip_address = "198.51.100.0"
  end_ip_address   = "198.51.100.255"
}
