variable "office_networks" {
  type = list(object({ name = string, cidr = string }))
  default = [
    { name = "paris", cidr = "198.51.100.0/24" },
    { name = "lyon", cidr = "203.0.113.0/24" },
  ]
}

resource "google_sql_database_instance" "crm" {
  name             = "crm-mysql"
  database_version = "MYSQL_8_0"
  region           = "europe-west9"
  settings {
    tier = "db-n1-standard-1"
    ip_configuration {
      ipv4_enabled = true
      ssl_mode     = "ENCRYPTED_ONLY"
      dynamic "authorized_networks" {
        for_each = var.office_networks
        content {
          name  = authorized_networks.value.name
          value = authorized_networks.value.cidr
        }
      }
    }
  }
}
