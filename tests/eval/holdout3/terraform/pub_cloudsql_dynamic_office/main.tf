# Authorised networks generated from a list of office ranges; SSL required and
# connection logging on.

variable "office_networks" {
  type = map(string)
  default = {
    lyon  = "198.51.100.16/28"
    paris = "203.0.113.64/27"
  }
}

resource "google_sql_database_instance" "scheduling" {
  name             = "scheduling-pg"
  region           = "europe-west9"
  database_version = "POSTGRES_15"

  settings {
    tier = "db-custom-2-7680"

    ip_configuration {
      ipv4_enabled = true
      ssl_mode     = "ENCRYPTED_ONLY"

      dynamic "authorized_networks" {
        for_each = var.office_networks
        content {
          name  = authorized_networks.key
          value = authorized_networks.value
        }
      }
    }

    database_flags {
      name  = "log_connections"
      value = "on"
    }

    database_flags {
      name  = "log_disconnections"
      value = "on"
    }
  }
}
