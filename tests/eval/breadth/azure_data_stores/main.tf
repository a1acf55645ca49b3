# Imaging disk that opted out of encryption, a raw data lake left unencrypted, three single servers.

resource "azurerm_managed_disk" "scans" {
  name                 = "scans"
  location             = "westeurope"
  resource_group_name  = "rg-imaging"
  storage_account_type = "Standard_LRS"
  create_option        = "Empty"
  disk_size_gb         = 512

  encryption_settings {
    enabled = false
  }
}

resource "azurerm_managed_disk" "os_cache" {
  name                 = "os-cache"
  location             = "westeurope"
  resource_group_name  = "rg-imaging"
  storage_account_type = "Standard_LRS"
  create_option        = "Empty"
  disk_size_gb         = 64
}

resource "azurerm_data_lake_store" "raw" {
  name                = "rawlake"
  resource_group_name = "rg-data"
  location            = "northeurope"
  encryption_state    = "Disabled"
}

resource "azurerm_postgresql_server" "registry" {
  name                             = "registry"
  location                         = "westeurope"
  resource_group_name              = "rg-data"
  sku_name                         = "GP_Gen5_4"
  version                          = "11"
  ssl_enforcement_enabled          = true
  ssl_minimal_tls_version_enforced = "TLS1_2"
}

resource "azurerm_mysql_server" "legacy_crm" {
  name                             = "legacy-crm"
  location                         = "westeurope"
  resource_group_name              = "rg-data"
  sku_name                         = "GP_Gen5_2"
  version                          = "5.7"
  ssl_enforcement_enabled          = true
  ssl_minimal_tls_version_enforced = "TLS1_2"
  public_network_access_enabled    = true
}

resource "azurerm_mariadb_server" "forum" {
  name                          = "forum"
  location                      = "westeurope"
  resource_group_name           = "rg-data"
  sku_name                      = "B_Gen5_2"
  version                       = "10.3"
  ssl_enforcement_enabled       = true
  public_network_access_enabled = true
}

resource "azurerm_mssql_server" "billing" {
  name                          = "billing"
  resource_group_name           = "rg-data"
  location                      = "westeurope"
  version                       = "12.0"
  minimum_tls_version           = "1.2"
  public_network_access_enabled = false

  azuread_administrator {
    login_username              = "dba"
    object_id                   = "00000000-0000-0000-0000-000000000001"
    azuread_authentication_only = true
  }
}

resource "azurerm_mssql_server_extended_auditing_policy" "billing" {
  server_id         = azurerm_mssql_server.billing.id
  log_monitoring_enabled = true
}
