resource "google_storage_bucket" "export" {
  name                        = "acme-bi-export"
  location                    = "EU"
  uniform_bucket_level_access = true
  lifecycle_rule {
    condition {
      age = 7
    }
    action {
      type          = "SetStorageClass"
      storage_class = "ARCHIVE"
    }
  }
}
