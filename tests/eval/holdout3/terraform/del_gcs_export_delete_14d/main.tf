# Migration hand-off bucket holding health data: deleted after 14 days, CMEK, usage logs.

resource "google_storage_bucket" "migration_handoff" {
  name                        = "acme-migration-handoff"
  location                    = "EU"
  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"
  labels                      = { data_classification = "health" }

  encryption {
    default_kms_key_name = "projects/acme-dx-prod/locations/eu/keyRings/data/cryptoKeys/handoff"
  }

  logging {
    log_bucket = "acme-dx-gcs-usage-logs"
  }

  lifecycle_rule {
    condition {
      age = 14
    }
    action {
      type = "Delete"
    }
  }
}
