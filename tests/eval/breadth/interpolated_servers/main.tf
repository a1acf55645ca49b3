# Names built from variables, as in most real code.

variable "env" {
  type = string
}

resource "azurerm_mysql_server" "orders" {
  name                             = "${var.env}-orders-mysql"
  location                         = "westeurope"
  resource_group_name              = "rg-${var.env}"
  sku_name                         = "GP_Gen5_2"
  version                          = "8.0"
  ssl_enforcement_enabled          = false
  ssl_minimal_tls_version_enforced = "TLSEnforcementDisabled"
  public_network_access_enabled    = false
}

resource "azurerm_postgresql_server" "catalog" {
  name                             = format("%s-catalog", var.env)
  location                         = "westeurope"
  resource_group_name              = "rg-${var.env}"
  sku_name                         = "GP_Gen5_2"
  version                          = "11"
  ssl_enforcement_enabled          = true
  ssl_minimal_tls_version_enforced = "TLS1_2"
  public_network_access_enabled    = false
}
