
resource "google_storage_bucket" "patient_scans" {
  name                        = "patient-scans-eu"
  location                    = "EU"
  uniform_bucket_level_access = true
  logging {
    log_bucket = "org-gcs-logs"
  }
}
