# Health-data disk with Google-managed keys only; private MySQL instance that still
# accepts unencrypted connections (no ssl_mode).

variable "network_id" {
  type = string
}

resource "google_compute_disk" "reporting_scratch" {
  name   = "reporting-scratch"
  zone   = "europe-west1-b"
  type   = "pd-ssd"
  size   = 200
  labels = { data_classification = "health" }
}

resource "google_sql_database_instance" "orders_mysql" {
  name             = "orders-mysql"
  region           = "europe-west1"
  database_version = "MYSQL_8_0"

  settings {
    tier = "db-custom-2-7680"
    ip_configuration {
      ipv4_enabled    = false
      private_network = var.network_id
    }
  }
}
