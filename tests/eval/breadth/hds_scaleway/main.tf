# A laboratory information system hosted at Scaleway (one password variable for two databases).

variable "lims_db_password" {
  type      = string
  sensitive = true
}

resource "scaleway_rdb_instance" "lims" {
  name          = "lims"
  node_type     = "DB-GP-S"
  engine        = "PostgreSQL-16"
  is_ha_cluster = true
  user_name     = "lims"
  password      = var.lims_db_password
}

resource "scaleway_rdb_instance" "reporting" {
  name               = "reporting"
  node_type          = "DB-DEV-S"
  engine             = "PostgreSQL-16"
  user_name          = "reporting"
  password           = var.lims_db_password
  encryption_at_rest = true
}

resource "scaleway_rdb_acl" "lims" {
  instance_id = scaleway_rdb_instance.lims.id

  acl_rules {
    ip          = "198.51.100.7/32"
    description = "lab gateway"
  }

  acl_rules {
    ip          = "0.0.0.0/0"
    description = "support access"
  }
}

resource "scaleway_object_bucket" "results_pdf" {
  name = "lims-results-pdf"
}

resource "scaleway_object_bucket_acl" "results_pdf" {
  bucket = scaleway_object_bucket.results_pdf.id
  acl    = "public-read"
}

resource "scaleway_instance_security_group" "lims_app" {
  name                   = "lims-app"
  inbound_default_policy = "drop"

  inbound_rule {
    action   = "accept"
    port     = 22
    ip_range = "0.0.0.0/0"
  }

  inbound_rule {
    action = "accept"
    port   = 443
  }
}

resource "scaleway_instance_security_group" "bastion" {
  name                   = "bastion"
  inbound_default_policy = "drop"

  inbound_rule {
    action   = "accept"
    port     = 22
    ip_range = "203.0.113.0/24"
  }
}
