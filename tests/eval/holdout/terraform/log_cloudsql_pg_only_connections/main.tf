resource "google_sql_database_instance" "app" {
  name             = "app-pg"
  database_version = "POSTGRES_14"
  region           = "europe-west9"
  settings {
    tier = "db-custom-2-7680"
    ip_configuration {
      ipv4_enabled    = false
      private_network = var.network_id
      ssl_mode        = "ENCRYPTED_ONLY"
    }
    database_flags {
      name  = "log_connections"
      value = "on"
    }
  }
}

variable "network_id" { type = string }
