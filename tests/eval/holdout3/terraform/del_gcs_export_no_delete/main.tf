# Export bucket with lifecycle rules, but the only Delete happens after a year; the
# 30-day rule merely changes the storage class.

resource "google_storage_bucket" "exports" {
  name                        = "acme-erp-export-eu"
  location                    = "EU"
  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"
  labels                      = { data_classification = "internal" }

  lifecycle_rule {
    condition {
      age = 30
    }
    action {
      type          = "SetStorageClass"
      storage_class = "COLDLINE"
    }
  }

  lifecycle_rule {
    condition {
      age = 365
    }
    action {
      type = "Delete"
    }
  }
}
