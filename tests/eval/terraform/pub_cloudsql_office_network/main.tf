
resource "google_sql_database_instance" "crm" {
  name             = "crm"
  database_version = "MYSQL_8_0"
  region           = "europe-west1"
  settings {
    tier = "db-n1-standard-2"
    ip_configuration {
      ipv4_enabled = true
      ssl_mode     = "ENCRYPTED_ONLY"
      authorized_networks {
        name  = "office"
        value = "198.51.100.0/24"
      }
    }
  }
}
