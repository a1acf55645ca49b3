# expect: GG-PUB-011 google_sql_database_instance.crm
# expect: GG-ENC-021 google_sql_database_instance.crm

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
