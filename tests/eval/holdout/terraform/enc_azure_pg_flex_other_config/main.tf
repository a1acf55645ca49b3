resource "azurerm_postgresql_flexible_server_configuration" "log_checkpoints" {
  name      = "log_checkpoints"
  server_id = var.server_id
  value     = "off"
}

variable "server_id" { type = string }
