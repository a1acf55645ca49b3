resource "google_storage_bucket" "patient_results" {
  name                        = "acme-patient-results"
  location                    = "EU"
  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"
  versioning {
    enabled = true
  }
}
