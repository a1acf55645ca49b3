# Flags generated from a local map: both connection flags are on. SSL is required.

locals {
  pg_flags = {
    log_connections            = "on"
    log_disconnections         = "on"
    log_min_duration_statement = "2000"
  }
}

resource "google_sql_database_instance" "billing_pg" {
  name             = "billing-pg"
  region           = "europe-west1"
  database_version = "POSTGRES_16"

  settings {
    tier = "db-custom-2-7680"

    ip_configuration {
      ipv4_enabled    = false
      private_network = "projects/acme-dx-prod/global/networks/vpc-main"
      ssl_mode        = "TRUSTED_CLIENT_CERTIFICATE_REQUIRED"
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
