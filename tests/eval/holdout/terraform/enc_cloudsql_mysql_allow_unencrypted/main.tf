resource "google_sql_database_instance" "shop" {
  name             = "shop-mysql"
  database_version = "MYSQL_8_0"
  region           = "europe-west1"
  settings {
    tier = "db-n1-standard-2"
    ip_configuration {
      ipv4_enabled    = false
      private_network = var.network_id
      ssl_mode        = "ALLOW_UNENCRYPTED_AND_ENCRYPTED"
    }
  }
}

variable "network_id" { type = string }
