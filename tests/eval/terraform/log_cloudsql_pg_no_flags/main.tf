
resource "google_sql_database_instance" "pg" {
  name             = "app-pg"
  database_version = "POSTGRES_16"
  region           = "europe-west1"
  settings {
    tier = "db-custom-2-7680"
    ip_configuration {
      ipv4_enabled    = false
      private_network = "projects/acme/global/networks/vpc"
      ssl_mode        = "ENCRYPTED_ONLY"
    }
  }
}
