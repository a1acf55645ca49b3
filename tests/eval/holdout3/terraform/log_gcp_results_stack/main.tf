# Health-data bucket with CMEK but no usage logging; PostgreSQL that logs connections but
# not disconnections.

resource "google_storage_bucket" "results_archive" {
  name                        = "acme-results-archive-frc"
  location                    = "EUROPE-WEST9"
  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"
  labels                      = { data_classification = "health" }
  encryption {
    default_kms_key_name = "projects/acme-dx-prod/locations/europe-west9/keyRings/data/cryptoKeys/results"
  }
}

resource "google_sql_database_instance" "results_pg" {
  name             = "results-pg"
  region           = "europe-west9"
  database_version = "POSTGRES_15"

  settings {
    tier = "db-custom-4-15360"
    ip_configuration {
      ipv4_enabled    = false
      private_network = "projects/acme-dx-prod/global/networks/vpc-main"
      ssl_mode        = "ENCRYPTED_ONLY"
    }
    database_flags {
      name  = "log_connections"
      value = "on"
    }
  }
}
