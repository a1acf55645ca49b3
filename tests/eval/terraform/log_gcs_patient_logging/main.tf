
resource "google_storage_bucket" "patient_letters" {
  name                        = "patient-letters"
  location                    = "EU"
  uniform_bucket_level_access = true
  encryption {
    default_kms_key_name = "projects/acme/locations/eu/keyRings/hds/cryptoKeys/gcs"
  }
  logging {
    log_bucket = "org-gcs-logs"
  }
}
