
resource "google_sql_database_instance" "crm" {
  name             = "crm"
  database_version = "MYSQL_8_0"
  region           = "europe-west1"
  settings {
    tier = "db-n1-standard-2"
    ip_configuration {
      ipv4_enabled = true
      authorized_networks {
        name  = "all"
        value = "0.0.0.0/0"
      }
    }
  }
}
