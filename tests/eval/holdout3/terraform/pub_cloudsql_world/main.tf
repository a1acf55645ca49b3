# SSL is enforced, but every address on the Internet is an authorised network.

resource "google_sql_database_instance" "crm" {
  name             = "crm-mysql"
  region           = "europe-west1"
  database_version = "MYSQL_8_0"

  settings {
    tier = "db-custom-2-7680"

    ip_configuration {
      ipv4_enabled = true
      ssl_mode     = "ENCRYPTED_ONLY"

      authorized_networks {
        name  = "office"
        value = "203.0.113.0/28"
      }

      authorized_networks {
        name  = "anywhere"
        value = "0.0.0.0/0"
      }
    }
  }
}
