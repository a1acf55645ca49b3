# GCS bucket with health data: CMEK, usage logs to a separate log bucket, no public access.

variable "results_kms_key_id" {
  type = string
}

resource "google_storage_bucket" "access_logs" {
  name                        = "acme-dx-gcs-usage-logs"
  location                    = "EU"
  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"
}

resource "google_storage_bucket" "results" {
  name                        = "acme-dx-results-archive-eu"
  location                    = "EU"
  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"
  labels                      = { data_classification = "health" }

  encryption {
    default_kms_key_name = var.results_kms_key_id
  }

  logging {
    log_bucket        = google_storage_bucket.access_logs.name
    log_object_prefix = "results-archive/"
  }
}
