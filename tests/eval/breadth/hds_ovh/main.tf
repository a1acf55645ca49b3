# Two OVHcloud managed databases: one opened to everyone "for the migration", one restricted.

resource "ovh_cloud_project_database" "records" {
  service_name = "abcdef0123456789"
  description  = "records"
  engine       = "mysql"
  version      = "8"
  plan         = "essential"
  flavor       = "db1-4"

  nodes {
    region = "SBG"
  }

  ip_restrictions {
    description = "migration"
    ip          = "0.0.0.0/0"
  }
}

resource "ovh_cloud_project_database" "billing" {
  service_name = "abcdef0123456789"
  description  = "billing"
  engine       = "postgresql"
  version      = "16"
  plan         = "essential"
  flavor       = "db1-4"

  nodes {
    region = "GRA"
  }

  ip_restrictions {
    description = "app"
    ip          = "198.51.100.20/32"
  }
}
