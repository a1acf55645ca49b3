locals {
  pg_flags = {
    log_connections    = "on"
    log_disconnections = "on"
    log_lock_waits     = "on"
  }
}

resource "google_sql_database_instance" "app" {
  name             = "app-pg"
  database_version = "POSTGRES_15"
  region           = "europe-west9"
  settings {
    tier = "db-custom-2-7680"
    ip_configuration {
      ipv4_enabled    = false
      private_network = var.network_id
      require_ssl     = true
    }
    dynamic "database_flags" {
      for_each = local.pg_flags
      content {
        name  = database_flags.key
        value = database_flags.value
      }
    }
  }
}

variable "network_id" { type = string }
